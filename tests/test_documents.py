"""Several documents end to end: a second document added with the two commands, relations
curated by hand, ``validate`` clean, then the document filter, the reader's chooser and the
citations, as plain functions and in headless Chromium.

The second document is a test fixture, not a historical source, and says so in its text.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.corpus import Corpus, load_valid_corpus
from dashboard.network.graph import Network, filtered
from dashboard.network.passages import PassageIndex
from dashboard.network.story import steps_for
from dashboard.network.view import View, parse_query
from dashboard.web import ids
from dashboard.web.callbacks import url as sync_view
from dashboard.web.components.detail import intro_panel, person_panel
from dashboard.web.components.filters import documents_filter
from dashboard.web.components.reader import reader_text
from tests.browser import (
    checked_page,
    running_server,
    settle,
    show_filters,
    tap,
    wait_for_graph,
)

ROOT = Path(__file__).resolve().parent.parent
SECOND = "fixture-1955-12-20"
TITLE = "Fixture journal for the tests"
TEXT = """A fixture written for the tests, not a historical source.

Test sentence: Ivanov names Pak Il-u so that a relation can cite this document.

Test sentence: Ivanov names Hegai and Pak Il-u together in the second document.
"""
RELATIONS = [  # id, source, target, quote (a sentence of TEXT)
    ("t001", "ivanov", "pak-il-u",
     "Test sentence: Ivanov names Pak Il-u so that a relation can cite this document."),
    ("t002", "hegai", "pak-il-u",
     "Test sentence: Ivanov names Hegai and Pak Il-u together in the second document."),
]


def dashboard_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped corpus plus a second document, curated as the README tells a historian."""
    folder = tmp_path_factory.mktemp("two-documents")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data)
    source = folder / "second.txt"
    source.write_text(TEXT, encoding="utf-8")
    added = dashboard_cli("add-document", str(source), "--data", str(data), "--id", SECOND,
                          "--title", TITLE, "--date", "1955-12-20", "--author", "Test")
    assert added.returncode == 0, added.stderr
    worklist = dashboard_cli("mentions", SECOND, "--data", str(data))
    assert worklist.returncode == 0, worklist.stderr
    assert "Pak Il-u" in worklist.stdout and "Hegai" in worklist.stdout
    with (data / "relations.csv").open("a", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for rel_id, source_id, target, quote in RELATIONS:
            writer.writerow([rel_id, SECOND, source_id, target, "informs", "neutral", "ivanov",
                             "conversation-1955-12-07", 1955, 1955, quote, "Test fixture.", ""])
    with (data / "uncoded.csv").open("a", encoding="utf-8", newline="") as out:
        csv.writer(out).writerow([SECOND, 1, "the fixture's own note: no relation"])
    checked = dashboard_cli("validate", "--data", str(data))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "warning" not in checked.stdout + checked.stderr, checked.stdout  # clean
    return data


@pytest.fixture(scope="module")
def network(two_documents: Path) -> Network:
    return Network.build(load_valid_corpus(two_documents))


@pytest.fixture(scope="module")
def passages(network: Network) -> PassageIndex:
    return PassageIndex(network.corpus)


def test_the_document_filter_keeps_only_the_chosen_documents_relations(network: Network):
    controls = sync_view.CORE_CONTROLS
    values = tuple(c.write(network, View()) for c in controls)
    index = [c.id for c in controls].index(ids.DROPDOWN_DOCUMENTS)
    chosen = list(values)
    chosen[index] = [SECOND]
    url, *_ = sync_view.sync(network, f"{ids.DROPDOWN_DOCUMENTS}.value", [SECOND], "",
                             tuple(chosen), controls)
    assert url == f"?document={SECOND}"
    view = parse_query(url, network.bounds)
    assert sorted(filtered(network, view).relations) == ["t001", "t002"]
    assert len(filtered(network, View()).relations) == len(network.corpus.relations)
    # both documents chosen is every document; none chosen too
    both = list(network.corpus.documents)
    for value in (both, []):
        chosen[index] = value
        url, *_ = sync_view.sync(network, f"{ids.DROPDOWN_DOCUMENTS}.value", value,
                                 f"?document={SECOND}", tuple(chosen), controls)
        assert parse_query(url, network.bounds).documents is None


def test_the_filter_is_shown_only_for_several_documents(network: Network,
                                                       shipped_corpus: Corpus):
    assert not documents_filter(network.corpus).hidden
    assert documents_filter(shipped_corpus).hidden


def test_the_reader_renders_the_chosen_document(network: Network,
                                                passages: PassageIndex) -> None:
    text = reader_text(network.corpus, passages, SECOND)
    assert text["title"] == f"{TITLE} (1955-12-20)"
    assert [p["anchor"] for p in text["paragraphs"]] == [f"para-{SECOND}-{n}" for n in (1, 2, 3)]
    assert reader_text(network.corpus, passages, "nope")["missing"] == "No such document."


def test_a_persons_passages_cite_both_documents_with_title_and_date(
        network: Network, passages: PassageIndex) -> None:
    panel = str(person_panel(network, passages, View(person="pak-il-u")))
    assert f"'{SECOND} ¶2'" in panel and "'ivanov-1955-12-07 ¶" in panel
    assert f"{TITLE}, 1955-12-20" in panel
    intro = str(intro_panel(network.corpus))
    assert TITLE in intro and "Journal of Soviet Ambassador" in intro


@pytest.mark.browser
def test_the_document_filter_and_the_reader_in_the_browser(browser, two_documents: Path,
                                                           network: Network):
    with running_server(two_documents) as url, checked_page(browser) as page:
        page.goto(url + "/")
        wait_for_graph(page)
        show_filters(page)
        total = page.inner_text("#text-counts")
        # choose the second document in the filter's dropdown, as a user would
        page.click(f"#{ids.DROPDOWN_DOCUMENTS}")
        page.get_by_role("option", name=f"{TITLE} (1955-12-20)").click()
        page.wait_for_function(f"location.search.includes('document={SECOND}')")
        settle(page)
        counts = page.inner_text("#text-counts")
        everything = len(network.corpus.relations)
        assert counts != total and f"2 of {everything} relations" in counts, counts
        # the person's passage from the second document opens it in the reader
        tap(page, "pak-il-u")
        citation = page.locator(f"#div-detail button.citation:text-is('{SECOND} ¶2')")
        citation.wait_for()
        citation.click()
        current = page.locator(f"#para-{SECOND}-2.is-current")
        current.wait_for(state="visible")
        assert "names Pak Il-u so that" in current.inner_text()
        assert page.locator("#div-reader .reader-title").inner_text().startswith(TITLE)
        # and a citation of the first document brings it back
        first = page.locator("#div-detail button.citation:text-matches('^ivanov-1955-12-07')")
        page.click(f"#{ids.BUTTON_TAB_DETAIL}")
        first.first.click()
        page.locator("#div-reader .reader-para.is-current[id^='para-ivanov-1955-12-07-']"
                     ).wait_for(state="visible")  # the other document, its paragraph marked
        assert page.locator("#div-reader .reader-title").inner_text().startswith("Journal of")


def test_the_walk_reaches_the_new_document_with_generated_steps(network: Network) -> None:
    steps = steps_for(network.corpus)
    curated = network.corpus.steps
    assert steps[:len(curated)] == curated  # the curated lesson links keep their numbers
    added = steps[len(curated):]
    assert added and {s.document for s in added} == {SECOND}
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert all(network.walk.reached_at.get(r) for r, *_ in RELATIONS)
