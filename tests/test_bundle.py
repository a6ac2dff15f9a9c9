"""The app's scripts and styles as one file each (``dashboard/web/bundle.py``)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dashboard.web import bundle
from dashboard.web.app import ASSETS_DIR, create_app


@pytest.fixture(scope="module")
def client(valid_dir: Path):
    return create_app(valid_dir).server.test_client()


@pytest.fixture(scope="module")
def page(client) -> str:
    return client.get("/").get_data(as_text=True)


def addresses(page: str, kind: str) -> list[str]:
    attribute = "src" if kind == "js" else "href"
    return re.findall(rf'{attribute}="([^"]+\.{kind}[^"]*)"', page)


def test_the_page_loads_one_script_and_one_stylesheet_of_its_own(page):
    for kind in ("js", "css"):
        ours = [a for a in addresses(page, kind) if "_dash-component-suites" not in a]
        assert len(ours) == 1 and ours[0].startswith("/_bundle/app."), ours
        assert not any(a.startswith("/assets/") for a in addresses(page, kind))


def test_the_bundle_holds_every_asset_in_dashs_order(client, page):
    address = next(a for a in addresses(page, "js") if a.startswith("/_bundle/"))
    script = client.get(address).get_data(as_text=True)
    named = re.findall(r"/\* --- assets/(.+?) --- \*/", script)
    expected = sorted(p.name for p in ASSETS_DIR.glob("*.js")) + sorted(
        f"vendor/{p.name}" for p in (ASSETS_DIR / "vendor").glob("*.js"))
    assert named == expected
    for name in expected:  # whole, as written
        assert (ASSETS_DIR / name).read_text(encoding="utf-8") in script


def test_a_stylesheets_fonts_are_found_in_assets(client, page):
    css = client.get(next(a for a in addresses(page, "css") if a.startswith("/_bundle/")))
    text = css.get_data(as_text=True)
    fonts = re.findall(r"url\(\"?([^\")]+)", text)
    assert fonts and all(f.startswith("/assets/") for f in fonts)
    for font in fonts:
        assert client.get(font).status_code == 200


def test_cached_for_a_year_answered_304_and_a_wrong_address_404(client, page):
    address = next(a for a in addresses(page, "js") if a.startswith("/_bundle/"))
    first = client.get(address)
    assert first.status_code == 200 and "immutable" in first.headers["Cache-Control"]
    again = client.get(address, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""
    assert client.get("/_bundle/app.0123456789abcdef.js").status_code == 404
    assert client.get("/_bundle/style.css").status_code == 404


def test_a_changed_file_changes_the_bundle(tmp_path):
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS_DIR, assets)
    before = bundle.joined(assets, ".js", "/assets/")
    with (assets / "quiet.js").open("a", encoding="utf-8") as out:
        out.write("\n/* changed */\n")
    assert bundle.joined(assets, ".js", "/assets/") != before
