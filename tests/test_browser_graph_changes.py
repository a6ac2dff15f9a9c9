"""The graph in the browser holds exactly what the server says a view draws.

The server sends each change of view as elements to add and remove and fields that
changed, by id; ``assets/graph.js`` applies them. These tests walk a chain of views in one
page (no reload) and compare Cytoscape's elements, their data, parents and positions with
``graph.elements`` for each view. A corpus too large to draw at once opens on its first
document, and showing everything from there adds the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import synthetic
from dashboard.corpus import load_valid_corpus
from dashboard.graph import PARENT_PREFIX, Network, elements
from dashboard.view import START_LIMIT, View, parse_query
from tests.browser import checked_page, running_server, screenshot, settle, tap, wait_for_graph

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent.parent / "data"

#: Read Cytoscape's elements: id, data, parent, position (people only).
HELD_JS = """() => cy.elements().map(e => [e.id(), e.data(),
  e.isNode() && e.parent().length ? e.parent().id() : null,
  e.isNode() && e.data('kind') !== 'faction' ? e.position() : null])"""


@pytest.fixture(scope="module")
def network() -> Network:
    return Network.build(load_valid_corpus(DATA))


def go(page, query: str) -> None:
    """Change the address as back/forward would (``dcc.Location`` follows ``popstate``)."""
    page.evaluate("q => { history.pushState({}, '', location.pathname + q);"
                  " window.dispatchEvent(new PopStateEvent('popstate')); }", query)
    settle(page)


def assert_holds(page, network: Network, query: str) -> None:
    """Cytoscape holds the elements of the view at ``query``: same ids, fields, parents
    and positions."""
    expected = {e["data"]["id"]: e for e in elements(network, parse_query(query, network.bounds))}
    held = {id_: (data, parent, at) for id_, data, parent, at in page.evaluate(HELD_JS)}
    assert set(held) == set(expected), query
    for id_, element in expected.items():
        data, parent, at = held[id_]
        for key, value in element["data"].items():
            if key != "parent":
                assert data.get(key) == value, (query, id_, key)
        assert parent == element["data"].get("parent"), (query, id_)
        if "position" in element:
            assert at == pytest.approx(element["position"], abs=0.01), (query, id_)


CHAIN = ["?faction=soviet",
         "?faction=soviet&layout=faction&person=pak-il-u",
         "?layout=faction&isolated=hide&polarity=hostile",
         "?layout=concentric&polarity=supportive",
         "?step=3&present=1",
         "?step=6",
         "?layout=faction&step=6",
         "",
         "?faction=-",
         "?faction=yanan&mode=between&layout=faction",
         ""]


def test_a_chain_of_views_leaves_the_graph_the_server_describes(browser, server, network):
    with checked_page(browser) as page:
        page.goto(server + "/")
        wait_for_graph(page)
        assert_holds(page, network, "")
        for query in CHAIN:
            go(page, query)
            assert_holds(page, network, query)
        tap(page, "pak-il-u")  # a tap still selects after elements came and went
        settle(page)
        assert "person=pak-il-u" in page.url
        assert page.evaluate("cy.getElementById('pak-il-u').data('sel')") is True


def test_a_filter_takes_people_out_and_puts_them_back_where_they_were(browser, server,
                                                                     network):
    with checked_page(browser) as page:
        page.goto(server + "/?layout=concentric")
        wait_for_graph(page)
        before = page.evaluate("cy.getElementById('pak-il-u').position()")
        go(page, "?layout=concentric&faction=soviet&mode=between")
        assert page.evaluate("cy.getElementById('pak-il-u').length") == 0
        go(page, "?layout=concentric")
        assert page.evaluate("cy.getElementById('pak-il-u').position()") == before
        page.go_back()
        settle(page)
        assert page.evaluate("cy.getElementById('pak-il-u').length") == 0


# -- a large corpus -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """A synthetic corpus just over ``START_LIMIT`` people and edges, in 12 documents."""
    folder = tmp_path_factory.mktemp("large") / "corpus"
    synthetic.generate(folder, documents=12, people=START_LIMIT // 4,
                       relations=START_LIMIT, seed=7)
    return folder


def people_held(page) -> int:
    return page.evaluate("cy.nodes().filter(n => n.data('kind') !== 'faction').length")


def test_a_large_corpus_opens_on_its_first_document(browser, large):
    network = Network.build(load_valid_corpus(large))
    start = network.bounds.start
    first = next(iter(network.corpus.documents))
    assert start == View(documents=(first,), hide_isolated=True)
    opening = sum(1 for e in elements(network, start)
                  if "source" not in e["data"] and not e["data"]["id"].startswith(PARENT_PREFIX))
    everyone = len(network.corpus.people)
    assert 0 < opening < everyone
    with running_server(large) as url, checked_page(browser) as page:
        page.goto(url + "/")
        wait_for_graph(page, timeout=60000)
        assert people_held(page) == opening
        assert page.url.endswith("/")  # the start view writes no query
        assert page.locator("#checklist-options input").first.is_checked()
        chosen = page.locator("#dropdown-documents").inner_text()
        assert network.corpus.documents[first].title in chosen
        counts = page.locator("#text-counts").inner_text()
        assert f"Showing {opening} of {everyone} people" in counts
        assert "opens on its first document" in page.locator("#div-detail").inner_text()
        screenshot(page, "large-corpus-start")
        go(page, "?document=all&isolated=show")
        assert people_held(page) == everyone
        assert_holds(page, network, "?document=all&isolated=show")
        page.click("#button-reset")
        settle(page)
        assert people_held(page) == opening and page.url.endswith("/")
