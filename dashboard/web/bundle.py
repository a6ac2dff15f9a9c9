"""The app's own scripts and styles sent as one file each.

``assets/`` keeps one file per concern (``labels.js``, ``camera.js``, ``frame.css``…);
Dash would send each as its own request, and a first visit would wait for some thirty
before the graph can be drawn (about 0.1 s on a laptop, measured by
``benchmarks/bench_dashboard.py``). At start-up they are joined in the order Dash would
load them (file names sorted, a folder's files after the folder's own), and served from
memory under their content's hash, cached for a year: a changed file is a new address.
The fonts and every other file stay in ``assets/``, where Dash serves them.

Nothing is written to disk; an edited script takes effect when the app restarts.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from dash import Dash
from flask import Response, request

#: What Dash must not put in the page itself: the bundles carry these files.
IGNORED = r"\.(js|css)$"
ROUTE = "_bundle"
KINDS = {"js": "application/javascript", "css": "text/css"}
YEAR = 365 * 24 * 3600


def files(assets: Path, suffix: str) -> list[Path]:
    """``assets``' files ending in ``suffix``, in Dash's loading order.

    >>> [p.name for p in files(Path(__file__).parents[2] / "assets", ".css")][:2]
    ['classroom.css', 'fonts.css']
    """
    out = sorted(p for p in assets.iterdir() if p.is_file() and p.suffix == suffix)
    for folder in sorted(p for p in assets.iterdir() if p.is_dir()):
        out += files(folder, suffix)
    return out


def joined(assets: Path, suffix: str, assets_url: str) -> bytes:
    r"""The files, each with its name in a comment; a stylesheet's relative ``url(...)`` is
    made to point into ``assets/`` (the bundle is served from elsewhere).

    >>> css = joined(Path(__file__).parents[2] / "assets", ".css", "/assets/").decode()
    >>> re.findall(r"url\(([^)]*)\)", css)
    ['"/assets/fonts/NamesSubset-Regular.woff2"']
    """
    parts = []
    for path in files(assets, suffix):
        text = path.read_text(encoding="utf-8")
        if suffix == ".css":
            folder = path.parent.relative_to(assets).as_posix()
            base = assets_url + ("" if folder == "." else folder + "/")
            text = re.sub(r"url\((['\"]?)(?![a-z]+:|/|#)", rf"url(\g<1>{base}", text)
        name = path.relative_to(assets).as_posix()
        parts.append(f"/* --- assets/{name} --- */\n{text}\n")
    return "".join(parts).encode("utf-8")


def install(app: Dash, assets: Path) -> dict[str, str]:
    """Serve the bundles and put them in the page; return their addresses (for the tests).

    ``app`` must be built with ``assets_ignore=IGNORED``.
    """
    config = app.config
    assets_url = f"{config.requests_pathname_prefix}{config.assets_url_path.strip('/')}/"
    bodies = {kind: joined(assets, f".{kind}", assets_url) for kind in KINDS}
    digests = {kind: hashlib.sha256(body).hexdigest()[:16] for kind, body in bodies.items()}
    urls = {kind: f"{config.requests_pathname_prefix}{ROUTE}/app.{digests[kind]}.{kind}"
            for kind in KINDS}

    def serve(name: str) -> Response:
        kind = name.rsplit(".", 1)[-1]
        if kind not in KINDS or name != f"app.{digests[kind]}.{kind}":
            return Response("not found", status=404, mimetype="text/plain")
        answer = Response(bodies[kind], mimetype=KINDS[kind])
        answer.set_etag(digests[kind])
        answer.cache_control.public = True
        answer.cache_control.max_age = YEAR
        answer.cache_control.immutable = True
        return answer.make_conditional(request)

    app.server.add_url_rule(f"{config.routes_pathname_prefix}{ROUTE}/<name>",
                            endpoint="ivanov_bundle", view_func=serve)
    config.external_scripts = [*config.external_scripts, urls["js"]]
    config.external_stylesheets = [*config.external_stylesheets, urls["css"]]
    return urls
