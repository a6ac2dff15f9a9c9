"""The graph in the browser holds exactly what the server says a view draws.

The server sends each change of view as elements to add and remove and fields that
changed, by id; ``assets/graph.js`` applies them (``tests/changes.py`` is its Python
twin). These tests walk a chain of views in one page (no reload) and compare Cytoscape's
elements, their data, parents and positions with ``Drawing.elements`` for each view.
Positions are compared as the server gives them: the browser may stretch the picture to
the screen's shape (``assets/stretch.js``), and ``ivanovStretch.toBase`` undoes that. A
corpus too large to draw at once opens on its first document, and showing everything from
there adds the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.corpus import load_valid_corpus
from dashboard.network.drawing import drawing
from dashboard.network.graph import PARENT_PREFIX, Network
from dashboard.network.view import START_LIMIT, View, parse_query
from dashboard.web import ids
from tests.browser import (
    checked_page,
    go,
    running_server,
    screenshot,
    settle,
    show_filters,
    tap,
    wait_for_graph,
)

try:
    from benchmarks import synthetic
    BENCHMARKS = ""
except ImportError as err:  # benchmarks/ are not ours to fix: say so, do not skip
    BENCHMARKS = f"benchmarks/synthetic.py does not import since the restructuring: {err}"

pytestmark = pytest.mark.browser

#: Read Cytoscape's elements: id, data, parent, position (people only, as the server gave it).
HELD_JS = """() => {
  const base = p => window.ivanovStretch ? window.ivanovStretch.toBase(p) : p;
  return cy.elements().map(e => [e.id(), e.data(),
    e.isNode() && e.parent().length ? e.parent().id() : null,
    e.isNode() && e.data('kind') !== 'faction' ? base(e.position()) : null]);
}"""


def elements(network: Network, view: View) -> list[dict]:
    return drawing(network, view).elements()


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
            assert at == pytest.approx(element["position"], abs=0.05), (query, id_)


CHAIN = ["?faction=soviet",
         "?faction=soviet&layout=faction&person=pak-il-u",
         "?layout=faction&isolated=hide&polarity=hostile",
         "?layout=concentric&polarity=supportive",
         "?step=3&present=1",
         "?step=6",
         "?layout=faction&step=6",
         "?cell=soviet,yanan,hostile&color=community&size=pagerank",
         "",
         "?faction=-",
         "?faction=yanan&mode=between&layout=faction",
         ""]


def test_a_chain_of_views_leaves_the_graph_the_server_describes(app, shipped_network):
    page = app
    assert_holds(page, shipped_network, "")
    for query in CHAIN:
        go(page, query)
        assert_holds(page, shipped_network, query)
    tap(page, "pak-il-u")  # a tap still selects after elements came and went
    page.wait_for_function("location.search.includes('person=pak-il-u')")
    settle(page)
    assert page.evaluate("cy.getElementById('pak-il-u').data('sel')") is True


def test_a_filter_takes_people_out_and_puts_them_back_where_they_were(app):
    page = app
    go(page, "?layout=concentric")
    before = page.evaluate("cy.getElementById('pak-il-u').position()")
    go(page, "?layout=concentric&faction=soviet&mode=between")
    assert page.evaluate("cy.getElementById('pak-il-u').length") == 0
    go(page, "?layout=concentric")
    assert page.evaluate("cy.getElementById('pak-il-u').position()") == pytest.approx(before)
    page.go_back()  # back to the filtered view: the browser's history, then the server
    page.wait_for_function("location.search.includes('mode=between') && "
                           "cy.getElementById('pak-il-u').length === 0")


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


@pytest.mark.xfail(bool(BENCHMARKS), reason=BENCHMARKS, raises=NameError, strict=True)
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
        wait_for_graph(page)
        assert people_held(page) == opening
        assert page.url.endswith("/")  # the start view writes no query
        assert page.locator(f"#{ids.CHECKLIST_OPTIONS} input").first.is_checked()
        chosen = page.locator(f"#{ids.DROPDOWN_DOCUMENTS}").inner_text()
        assert network.corpus.documents[first].title in chosen
        counts = page.locator(f"#{ids.TEXT_COUNTS}").inner_text()
        assert f"{opening} of {everyone} people" in counts
        assert "opens on its first document" in page.locator(f"#{ids.DIV_DETAIL}").inner_text()
        screenshot(page, "large-corpus-start")
        go(page, "?document=all&isolated=show")
        assert people_held(page) == everyone
        assert_holds(page, network, "?document=all&isolated=show")
        show_filters(page)
        page.click("[data-action='reset']")
        settle(page)
        assert people_held(page) == opening and page.url.endswith("/")


#: Hold the answer to the next ``redraw`` request for ``ms`` before Dash sees it, as a slow
#: network would (the request itself leaves at once).
HOLD_REDRAW_JS = """ms => {
  window.__holdRedraw = ms;
  if (window.__holding) { return; }
  window.__holding = true;
  const fetch0 = window.fetch;
  window.fetch = function (url, options) {
    const body = options && typeof options.body === "string" ? options.body : "";
    const answer = fetch0.apply(this, arguments);
    const hold = window.__holdRedraw;
    if (!hold || !body.includes("store-graph-changes")) { return answer; }
    window.__holdRedraw = 0;
    return answer.then(r => new Promise(resolve => setTimeout(() => resolve(r), hold)));
  };
}"""
MOVE_JS = """q => { history.pushState({}, "", location.pathname + q);
                   window.dispatchEvent(new PopStateEvent("popstate")); }"""


@pytest.mark.parametrize("first, second", [
    ("?faction=soviet", "?faction=yanan&layout=faction"),
    ("?step=4", "?person=pak-il-u&polarity=hostile"),
])
def test_views_changed_faster_than_the_server_answers(app, shipped_network, first, second):
    """A second change of view sent while the first's graph changes are still on their
    way (a slow school network) leaves the graph the server describes for the second."""
    page = app
    page.evaluate(HOLD_REDRAW_JS, 1500)
    page.evaluate(MOVE_JS, first)
    page.wait_for_function("window.__holdRedraw === 0")  # the first redraw is held
    page.evaluate(MOVE_JS, second)
    settle(page)
    page.wait_for_timeout(1600)  # past the held answer, whatever Dash made of it
    settle(page)
    assert_holds(page, shipped_network, second)
