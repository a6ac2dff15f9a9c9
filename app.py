"""The WSGI entry point: ``gunicorn app:server`` (``make serve``).

The data directory comes from ``DASHBOARD_DATA`` (default: data/ beside this file). Bad
data stops the start with the problem table, not a traceback.
"""

import os
import sys

from dashboard import DEFAULT_DATA_DIR
from dashboard.app import create_app
from dashboard.corpus import CorpusError, format_table
from dashboard.security import SecurityConfigError

try:
    app = create_app(os.environ.get("DASHBOARD_DATA") or DEFAULT_DATA_DIR)
except CorpusError as err:
    print(format_table(err.problems), file=sys.stderr)
    print(f"{err.data_dir}: invalid data; the app was not started", file=sys.stderr)
    raise SystemExit(1) from None
except SecurityConfigError as err:
    print(f"{err}; the app was not started", file=sys.stderr)
    raise SystemExit(1) from None
server = app.server
