"""HTTP response headers: a Content-Security-Policy for the app's own origin, nosniff,
and an embedding policy a teacher can open on purpose.

The policy allows only this origin for scripts, styles, images, fonts and requests;
Dash's own inline start-up script is allowed by its hash (``Dash.csp_hashes``), not
by ``'unsafe-inline'``. Styles need ``'unsafe-inline'``: plotly and Cytoscape set style
attributes and inject style elements at run time.
"""

from __future__ import annotations

import os
import re

from dash import Dash
from flask import Response

#: ``frame-ancestors`` sources: 'self', 'none', or http(s) origins such as
#: https://moodle.example.edu (space separated).
FRAME_SOURCE = re.compile(r"^(?:'self'|'none'|https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\*)$")


class SecurityConfigError(ValueError):
    """A frame-ancestors setting that is not a list of origins."""


def frame_ancestors(value: str | None) -> str:
    """Check a frame-ancestors setting; the default allows only this app itself.

    >>> frame_ancestors(None), frame_ancestors("'self' https://lms.example.edu")
    ("'self'", "'self' https://lms.example.edu")
    """
    sources = (value or "'self'").split()
    bad = [s for s in sources if not FRAME_SOURCE.match(s)]
    if bad or not sources:
        raise SecurityConfigError(
            f"DASHBOARD_FRAME_ANCESTORS: {' '.join(bad)!r} is not a source; give 'self', "
            "'none' or origins like https://lms.example.edu, separated by spaces")
    return " ".join(sources)


def policy(script_hashes: list[str], ancestors: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": ancestors,
    }
    return "; ".join(f"{key} {value}" for key, value in directives.items())


def install(app: Dash, ancestors: str | None = None) -> str:
    """Add the headers to every response of ``app``; return the policy (for the tests)."""
    csp = policy(list(app.csp_hashes()), frame_ancestors(
        ancestors if ancestors is not None else os.environ.get("DASHBOARD_FRAME_ANCESTORS")))

    @app.server.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    return csp
