"""Gunicorn settings for `make serve`: a classroom of browsers on one laptop.

Workers are processes (one per core, plus one); each runs a few threads, since most of a
request is waiting on the network. The corpus is loaded once before forking
(``preload_app``), so every worker shares it. Nothing about a user lives in the server:
the whole view is in the browser's URL, so workers or machines can be added freely.
"""

import multiprocessing
import os

bind = f"{os.environ.get('DASHBOARD_HOST', '127.0.0.1')}:{os.environ.get('DASHBOARD_PORT', '8050')}"
workers = int(os.environ.get("DASHBOARD_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("DASHBOARD_THREADS", 4))
worker_class = "gthread"
preload_app = True
timeout = 30
graceful_timeout = 10
# Students click every few seconds: keep their connections open between clicks instead of
# reconnecting each time (gthread keeps idle connections in its poller, not in a thread).
keepalive = 75
accesslog = None  # thirty students clicking would flood the terminal
errorlog = "-"
loglevel = "warning"
