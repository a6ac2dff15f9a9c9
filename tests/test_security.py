"""The response headers of dashboard/web/security.py: the embedding setting
(``DASHBOARD_FRAME_ANCESTORS``, checked in dashboard/settings.py), the policy, and that
every kind of response carries them (Flask's test client, no server)."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from dashboard import settings
from dashboard.settings import SettingsError
from dashboard.web import security
from dashboard.web.app import create_app
from dashboard.web.security import policy

#: Source expressions the policy may use: this origin, data/blob URLs, hashes, keywords.
LOCAL_SOURCES = re.compile(
    r"^(?:'self'|'none'|'unsafe-inline'|data:|blob:|'sha256-[A-Za-z0-9+/=]+')$")


def frame_ancestors(value: str | None) -> str:
    """The setting as the app reads it from an environment holding ``value`` (or not)."""
    environ = {} if value is None else {"DASHBOARD_FRAME_ANCESTORS": value}
    return str(settings.get("DASHBOARD_FRAME_ANCESTORS", environ))


@pytest.fixture(scope="module")
def app(valid_dir):
    return create_app(valid_dir)


@pytest.fixture(scope="module")
def csp(app):
    """The policy ``install`` put on ``app``'s responses."""
    return security.install(app, ancestors="'self'")


@pytest.fixture(scope="module")
def client(app, csp):
    return app.server.test_client()


def directives(csp: str) -> dict[str, list[str]]:
    parts = [d.split() for d in csp.split(";") if d.strip()]
    return {d[0]: d[1:] for d in parts}


@pytest.mark.parametrize(("value", "expected"), [
    (None, "'self'"),
    ("", "'self'"),
    ("   ", "'self'"),
    ("'self'", "'self'"),
    ("'none'", "'none'"),
    ("https://lms.example.edu", "https://lms.example.edu"),
    ("'self'  https://lms.example.edu:8443\thttp://moodle.local",
     "'self' https://lms.example.edu:8443 http://moodle.local"),
])
def test_frame_ancestors_accepts_origins(value, expected):
    assert frame_ancestors(value) == expected


@pytest.mark.parametrize("value", [
    "self",  # the keyword without its quotes is a host name
    "'unsafe-inline'",
    "https://lms.example.edu;script-src *",  # a second directive smuggled in
    "https://lms.example.edu; script-src 'unsafe-eval'",
    "https://lms.example.edu/course/1",  # a path is not an origin
    "javascript:alert(1)",
    "ftp://lms.example.edu",
    "https://",
    "https://lms.example.edu\r\nX-Injected: 1",
    "'self',https://lms.example.edu",
    "data:",
    "*",  # any site may frame the app: refused
    "'self' *",
    "https://*.example.edu",
    "'none' 'self'",
])
def test_frame_ancestors_rejects_anything_else(value):
    with pytest.raises(SettingsError, match="DASHBOARD_FRAME_ANCESTORS") as err:
        frame_ancestors(value)
    assert "\n" not in str(err.value)  # one line for the user


def test_frame_ancestors_error_names_the_bad_source():
    with pytest.raises(SettingsError) as err:
        frame_ancestors("'self' https://ok.example.edu evil;")
    assert str(err.value).endswith("(not 'evil;')")  # the good sources are not blamed


def test_the_checker_is_the_settings_one():
    assert settings.frame_ancestors("'self'  https://lms.example.edu") == \
        "'self' https://lms.example.edu"
    with pytest.raises(ValueError, match="not '\\*'"):
        settings.frame_ancestors("*")


@pytest.mark.parametrize(("value", "expected"), [
    ("", "'self'"), ("'none'", "'none'"), ("https://lms.example.edu", "https://lms.example.edu"),
])
def test_install_takes_ancestors(app, value, expected):
    assert directives(security.install(app, ancestors=value))["frame-ancestors"] == [expected]


@pytest.mark.parametrize("value", ["*", "https://x.edu; script-src *", "self"])
def test_install_refuses_bad_ancestors_with_one_line(app, value):
    with pytest.raises(SettingsError, match="DASHBOARD_FRAME_ANCESTORS") as err:
        security.install(app, ancestors=value)
    assert "\n" not in str(err.value)


def test_install_reads_the_environment(monkeypatch, valid_dir):
    monkeypatch.setenv("DASHBOARD_FRAME_ANCESTORS", "https://lms.example.edu")
    csp = security.install(create_app(valid_dir))
    assert directives(csp)["frame-ancestors"] == ["https://lms.example.edu"]


def test_a_bad_environment_value_stops_the_app(monkeypatch, valid_dir):
    monkeypatch.setenv("DASHBOARD_FRAME_ANCESTORS", "https://x.edu; script-src *")
    with pytest.raises(SettingsError, match="DASHBOARD_FRAME_ANCESTORS"):
        create_app(valid_dir)


def test_policy_allows_only_this_origin(csp):
    found = directives(csp)
    assert found["default-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'self'"] and found["connect-src"] == ["'self'"]
    assert "'unsafe-eval'" not in csp and "'unsafe-inline'" not in found["script-src"]
    assert "*" not in csp and "http" not in csp
    for name, sources in found.items():
        for source in sources:
            assert LOCAL_SOURCES.match(source), f"{name}: {source} is not of this origin"


def test_policy_allows_dash_inline_scripts_by_hash(app, csp, client):
    found = directives(csp)
    hashes = list(app.csp_hashes())
    assert hashes and found["script-src"] == ["'self'", *hashes]
    # every inline script the index page runs is covered by one of them
    page = client.get("/").get_data(as_text=True)
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)  # Dash's IE-only warning is a comment
    inline = [body for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
              if "src=" not in attrs and "application/json" not in attrs]
    assert inline
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in found["script-src"], body[:80]


def test_policy_keeps_the_embedding_setting():
    assert directives(policy([], "https://lms.example.edu"))["frame-ancestors"] == [
        "https://lms.example.edu"]


def _first_script(client) -> str:
    page = client.get("/").get_data(as_text=True)
    return re.search(r'<script src="(/_dash-component-suites/[^"]+)"', page)[1]


@pytest.mark.parametrize("path", [
    "/", "/_dash-layout", "/_dash-dependencies", "/assets/style.css", "suite", "/no-such-page",
])
def test_every_response_has_the_headers(csp, client, path):
    path = _first_script(client) if path == "suite" else path
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert response.headers["Content-Security-Policy"] == csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


def test_callback_responses_have_the_headers(csp, client):
    body = {"output": "store-reader-text.data",
            "outputs": {"id": "store-reader-text", "property": "data"},
            "inputs": [{"id": "store-reader-key", "property": "data",
                        "value": "ivanov-1955-12-07"}],
            "changedPropIds": ["store-reader-key.data"], "state": []}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
