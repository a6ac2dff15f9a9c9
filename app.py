"""The WSGI entry point: ``gunicorn app:server``. The data directory comes from
``DASHBOARD_DATA`` (default: data/ beside this file)."""

import os

from dashboard import DEFAULT_DATA_DIR
from dashboard.app import create_app

app = create_app(os.environ.get("DASHBOARD_DATA") or DEFAULT_DATA_DIR)
server = app.server
