"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import CHROMIUM_ARGS, checked_page, chromium_path, running_server

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def shipped_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def valid_dir() -> Path:
    return FIXTURES / "valid"


@pytest.fixture(scope="session", autouse=True)
def layout_cache(tmp_path_factory: pytest.TempPathFactory):
    """Keep computed layout positions in a throwaway folder, not the user's cache."""
    import os

    folder = tmp_path_factory.mktemp("layout-cache")
    old = os.environ.get("DASHBOARD_CACHE")
    os.environ["DASHBOARD_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("DASHBOARD_CACHE", None)
    else:
        os.environ["DASHBOARD_CACHE"] = old


@pytest.fixture(scope="session")
def server():
    """The app on the shipped corpus, one server for every browser test (it keeps no state)."""
    with running_server(DATA) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    with checked_page(browser) as page:
        yield page
