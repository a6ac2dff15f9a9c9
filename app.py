"""The app's entry points: ``python app.py`` serves it (as ``make run`` does), and
``gunicorn app:server`` (``make serve``) imports ``server``.

``python app.py [--data DIR] [--host H] [--port P]`` takes the options of
``python -m dashboard run``; the environment variables are in ``dashboard/settings.py``
(the README lists them). Bad data or a bad setting stops the start with the problem
table or one line, not a traceback.
"""

import sys

from dashboard.cli import main, wsgi_app

if __name__ == "__main__":
    raise SystemExit(main(["run", *sys.argv[1:]]))

app = wsgi_app()
server = app.server
