"""Fixtures shared by every test module, built once per session.

The corpora and their networks are read-only values: a test that needs a changed corpus
builds its own (``dataclasses.replace`` or a copy of a fixture folder), never edits these.
The browser tests share one server on the shipped corpus and one Chromium.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.corpus import Corpus, LoadResult, format_table, load_corpus
from dashboard.network.graph import Network
from dashboard.network.passages import PassageIndex
from dashboard.network.search import SearchIndex
from tests.browser import (
    CHROMIUM_ARGS,
    back_to_start,
    check_log,
    checked_page,
    chromium_path,
    running_server,
    wait_for_graph,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = ROOT / "data"


@pytest.fixture(scope="session", autouse=True)
def layout_cache(tmp_path_factory: pytest.TempPathFactory):
    """Keep computed layout positions in a throwaway folder, not the user's cache (the
    servers the browser tests start inherit it)."""
    folder = tmp_path_factory.mktemp("layout-cache")
    old = os.environ.get("DASHBOARD_CACHE")
    os.environ["DASHBOARD_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("DASHBOARD_CACHE", None)
    else:
        os.environ["DASHBOARD_CACHE"] = old


# --- the corpora --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def shipped_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def valid_dir() -> Path:
    return FIXTURES / "valid"


def _clean(result: LoadResult, where: Path) -> Corpus:
    assert result.ok, f"{where} does not load clean:\n" + format_table(result.problems)
    return result.corpus


@pytest.fixture(scope="session")
def shipped_result(shipped_dir: Path) -> LoadResult:
    """data/ as loaded, with its problems (``test_shipped_data`` prints them)."""
    return load_corpus(shipped_dir)


@pytest.fixture(scope="session")
def shipped_corpus(shipped_result: LoadResult, shipped_dir: Path) -> Corpus:
    return _clean(shipped_result, shipped_dir)


@pytest.fixture(scope="session")
def shipped_network(shipped_corpus: Corpus) -> Network:
    return Network.build(shipped_corpus)


@pytest.fixture(scope="session")
def shipped_passages(shipped_corpus: Corpus) -> PassageIndex:
    return PassageIndex(shipped_corpus)


@pytest.fixture(scope="session")
def shipped_search(shipped_corpus: Corpus) -> SearchIndex:
    return SearchIndex.build(shipped_corpus)


@pytest.fixture(scope="session")
def valid_corpus(valid_dir: Path) -> Corpus:
    """tests/fixtures/valid: one document of five paragraphs, three factions, six people
    (one a group), four relations (two merged on hegai -> kim-yeol), three steps."""
    return _clean(load_corpus(valid_dir), valid_dir)


@pytest.fixture(scope="session")
def valid_network(valid_corpus: Corpus) -> Network:
    return Network.build(valid_corpus)


@pytest.fixture(scope="session")
def valid_passages(valid_corpus: Corpus) -> PassageIndex:
    return PassageIndex(valid_corpus)


@pytest.fixture(scope="session")
def valid_search(valid_corpus: Corpus) -> SearchIndex:
    return SearchIndex.build(valid_corpus)


@pytest.fixture(scope="session")
def hostile_network() -> Network:
    """tests/fixtures/broken/hostile-text: valid, with markup and formulas in its text."""
    folder = FIXTURES / "broken" / "hostile-text"
    return Network.build(_clean(load_corpus(folder), folder))


# --- the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def server(shipped_dir: Path):
    """The app on the shipped corpus, one server for every browser test (it keeps no state)."""
    with running_server(shipped_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright; one for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page (its own context) that fails the test on a console error or a request
    leaving the machine."""
    with checked_page(browser) as page:
        yield page


@pytest.fixture(scope="module")
def app_page(browser, server):
    """One page of the app per module, loaded once: a full load of the shipped corpus costs
    seconds (the Document reader's text is rendered at start-up), so the tests of a module
    move it between views through the address (``tests.browser.go``) instead."""
    with checked_page(browser) as page:
        page.goto(server + "/")
        wait_for_graph(page)
        yield page


@pytest.fixture
def app(app_page):
    """The module's page back at the start view, Details tab open; the test fails on any
    console error or outside request it caused."""
    back_to_start(app_page)
    yield app_page
    check_log(app_page)
