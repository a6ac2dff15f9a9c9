"""HTTP response headers: a Content-Security-Policy for the app's own origin, nosniff,
and an embedding policy a teacher can open on purpose.

The policy allows only this origin for scripts, styles, images, fonts and requests;
Dash's own inline start-up script is allowed by its hash (``Dash.csp_hashes``), not
by ``'unsafe-inline'``. Styles need ``'unsafe-inline'``: plotly and Cytoscape set style
attributes and inject style elements at run time.
"""

from __future__ import annotations

from dash import Dash
from flask import Response

from .. import settings


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
    """Add the headers to every response of ``app``; return the policy (for the tests).

    ``ancestors`` defaults to ``DASHBOARD_FRAME_ANCESTORS`` (``settings``): a bad value
    raises ``settings.SettingsError`` naming the accepted forms.
    """
    if ancestors is None:
        csp_ancestors = str(settings.get("DASHBOARD_FRAME_ANCESTORS"))
    else:
        try:
            csp_ancestors = settings.frame_ancestors(ancestors or "'self'")
        except ValueError as err:
            raise settings.SettingsError(f"DASHBOARD_FRAME_ANCESTORS={ancestors!r}: expected "
                                         f"{err}") from err
    csp = policy(list(app.csp_hashes()), csp_ancestors)

    @app.server.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    return csp
