"""Gunicorn settings for `make serve`: a classroom of browsers on an open school network.

Workers are processes (one per core, plus one). Each serves its connections with gevent:
a connection is a greenlet, a few kilobytes, not one of a few threads. A client that sends
its request a byte a second, or announces a body it never sends, holds only its own
greenlet, so it cannot make the students' requests wait (issue 15: with gthread, 24 such
connections held every thread; benchmarks/bench_slow_clients.py measures it). The corpus is
loaded once before forking (``preload_app``), so every worker shares it. Nothing about a
user lives in the server: the whole view is in the browser's URL, so workers or machines
can be added freely.

What a client may send is bounded: the time to send a request's headers by ``keepalive``
(the gevent worker reads every request's headers under that timeout, then closes); their
size by the ``limit_request_*`` settings; the body by the app, which answers 413 from the
Content-Length header before reading anything (``MAX_REQUEST_BODY`` in
dashboard/web/app.py). The settings come from ``dashboard/settings.py``: a bad value stops
the start with one line.
"""

import sys

from dashboard import settings

try:
    _values = settings.read()
except settings.SettingsError as err:
    print(f"{err}; the app was not started", file=sys.stderr)
    raise SystemExit(1) from None

bind = f"{_values['DASHBOARD_HOST']}:{_values['DASHBOARD_PORT']}"
workers = int(str(_values["DASHBOARD_WORKERS"]))
worker_class = "gevent"
# Open connections per worker, kept-alive browsers (up to six each) and slow clients alike.
worker_connections = int(str(_values["DASHBOARD_CONNECTIONS"]))
preload_app = True
# A worker that has not reported for this long is killed and replaced. A gevent worker
# reports between requests, so this is also the longest one callback may compute.
timeout = 30
graceful_timeout = 10  # a stop or reload waits this long at most for open connections
# Students click every few seconds: their connections stay open between clicks. It is also
# how long any client has to send a request's headers before its connection is closed.
keepalive = 20
# gunicorn's defaults, spelled out: the request line (the view's query included), and at
# most 100 header fields of at most 8190 bytes each; more is answered 400.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = None  # thirty students clicking would flood the terminal
errorlog = "-"
loglevel = "warning"
