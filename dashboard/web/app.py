"""Building the Dash app for one data directory. Data is read here, once, not at import."""

from __future__ import annotations

from pathlib import Path

import dash
from dash import Dash
from flask import Flask

from .. import PACKAGE_DIR
from ..corpus import load_valid_corpus
from ..network.graph import Network
from . import bundle, callbacks, guard, security
from .layout import build_layout

ASSETS_DIR = PACKAGE_DIR.parent / "assets"
#: The largest request body the app reads: Flask answers 413 from the Content-Length header
#: alone, before reading or parsing anything (issue 15). The largest body the real UI posts
#: to /_dash-update-component was about 20 KB (measured in benchmarks/bench_slow_clients.py's
#: study); 1 MiB leaves room fifty times over.
MAX_REQUEST_BODY = 1 << 20
#: Flask-Compress (``compress=True``) reads its settings when Dash installs it: with this,
#: an asset file sent compressed is still answered 304 when the browser's copy is current.
COMPRESS = {"COMPRESS_STREAMING_ENDPOINT_CONDITIONAL": ["static", "_dash_assets.static"]}


def create_app(data_dir: Path | str, debug: bool = False) -> Dash:
    """Load and validate ``data_dir`` (raising ``CorpusError`` with the report) and build the app.

    A bad setting (``DASHBOARD_FRAME_ANCESTORS``…) raises ``settings.SettingsError``.

    Everything is served from this machine: Dash's own bundles, our CSS and JS, no CDN.
    """
    network = Network.build(load_valid_corpus(data_dir))
    server = Flask(__name__)
    server.config.update(COMPRESS)
    app = Dash(
        __name__, server=server, title=network.corpus.about.title,
        assets_folder=str(ASSETS_DIR), assets_ignore=bundle.IGNORED,
        serve_locally=True, update_title=None, compress=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.enable_dev_tools(
        debug=debug, dev_tools_ui=debug, dev_tools_props_check=debug,
        dev_tools_serve_dev_bundles=debug, dev_tools_hot_reload=False,
        dev_tools_silence_routes_logging=True, dev_tools_disable_version_check=True,
        dev_tools_prune_errors=True,
    )
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BODY
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    app.layout = build_layout(network)
    bundle.install(app, ASSETS_DIR)  # assets/*.js and *.css as one file each
    callbacks.register(app, network)
    guard.install(app)  # after every callback: checks each callback request against them
    security.install(app)  # after every callback: the CSP hashes Dash's inline scripts
    return app


__all__ = ["create_app", "dash"]
