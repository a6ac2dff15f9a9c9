"""The analysis tab in a real headless Chromium against a real server on the shipped corpus.

Plotly draws a heatmap as one image, so a square is clicked at the point the figure's own
axes give for its (column, row) values (``_fullLayout.xaxis.d2p``), not at a guessed pixel.
The graph is read through ``window.cy``. The tests share one page (conftest.py ``app``);
each fails on a console error.
"""

from __future__ import annotations

import pytest

from dashboard.web import ids
from tests.browser import go, screenshot, settle, show_filters

pytestmark = pytest.mark.browser

SLOW = 90_000  # ms: the first opening of the tab fetches plotly.js
#: The page point of a data point (x, y) on a plotly chart, from the chart's own axes.
POINT_JS = """([id, x, y]) => {
  const gd = document.querySelector('#' + id + ' .js-plotly-plot');
  const full = gd._fullLayout, box = gd.getBoundingClientRect();
  const top = y === null ? full.yaxis._length / 2 : full.yaxis.d2p(y);
  return {x: box.left + full.xaxis._offset + full.xaxis.d2p(x),
          y: box.top + full.yaxis._offset + top};
}"""
#: The fullest square of the matrix: its column and row values and its count.
FULLEST_JS = """() => {
  const trace = document.querySelector('#graph-matrix .js-plotly-plot').data[0];
  let best = null;
  trace.z.forEach((row, i) => row.forEach((z, j) => {
    if (!best || z > best.z) { best = {x: trace.x[j], y: trace.y[i], z: z}; }
  }));
  return best;
}"""
#: A chart drawn while its tab was hidden is resized when it shows: wait until it fits.
FITS_JS = """id => {
  const svg = document.querySelector('#' + id + ' .main-svg');
  return svg && svg.getBoundingClientRect().width <= document.querySelector('#div-analysis')
    .clientWidth + 1;
}"""


def open_analysis(page, query: str = "") -> None:
    """Go to ``query`` and show the analysis tab, its charts drawn at their width.

    The first opening also fetches plotly.js and runs every chart's callback: on a busy
    machine that takes longer than the graph alone, hence the longer waits."""
    go(page, query)
    page.click("#button-tab-analysis")
    page.locator("#div-analysis").wait_for(state="visible")
    for chart in ("graph-matrix", "graph-timeline"):
        page.wait_for_function(FITS_JS, arg=chart, timeout=SLOW)
    settle(page)


def visible_edges(page) -> int:
    return page.evaluate("cy.edges(':visible').length")


def test_clicking_a_matrix_square_narrows_the_graph(app):
    page = app
    open_analysis(page)
    assert page.get_attribute("#button-tab-analysis", "aria-selected") == "true"
    before = visible_edges(page)
    square = page.evaluate(FULLEST_JS)
    assert square["z"] > 0
    point = page.evaluate(POINT_JS, ["graph-matrix", square["x"], square["y"]])
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("location.search.includes('cell=')")
    # the square's own polarity, the matrix's switch: no polarity filter is left behind
    assert f"cell={square['y']}%2C{square['x']}%2Chostile" in page.evaluate("location.search")
    assert "polarity=" not in page.evaluate("location.search")
    page.wait_for_function(f"cy.edges(':visible').length < {before}")
    page.locator(f"#{ids.TEXT_CELL}", has_text="shows only hostile relations from").wait_for()
    settle(page)
    assert visible_edges(page) > 0
    ends = page.evaluate("cy.edges(':visible').map(e => [e.source().data('faction'), "
                         "e.target().data('faction')])")
    assert {tuple(pair) for pair in ends} == {(square["y"], square["x"])}
    screenshot(page, "20-analysis-matrix-cell")
    page.click(f"#{ids.BUTTON_CLEAR_CELL}")  # data-action="clear-cell"
    page.wait_for_function("!location.search.includes('cell=')")


def test_a_name_in_the_people_table_selects_the_person(app):
    page = app
    open_analysis(page)
    first = page.locator(".people-table tbody tr").first.locator("[data-action^='select person ']")
    name = first.inner_text()
    first.click()
    page.wait_for_function("location.search.includes('person=')")
    page.locator("#div-detail h2", has_text=name).wait_for()
    assert page.get_attribute("#button-tab-detail", "aria-selected") == "true"
    person = page.evaluate("new URLSearchParams(location.search).get('person')")
    page.wait_for_function("id => cy.getElementById(id).data('sel') === true", arg=person)


def test_the_table_ranks_the_most_accused_and_sorts(app):
    page = app
    open_analysis(page)
    accused = [int(t) for t in page.locator(".people-table tbody tr td:nth-child(2)")
               .all_inner_texts()]
    assert accused == sorted(accused, reverse=True) and accused[0] > 0
    page.get_by_role("button", name="PageRank").click()
    page.locator("th[aria-sort='descending'] >> text=Rank").wait_for()
    ranks = [float(t) for t in page.locator(".people-table tbody tr td:nth-child(6)")
             .all_inner_texts()]
    assert ranks == sorted(ranks, reverse=True)


def test_brushing_the_timeline_sets_the_period_filter(app):
    page = app
    open_analysis(page)
    page.locator("#graph-timeline").scroll_into_view_if_needed()
    start = page.evaluate(POINT_JS, ["graph-timeline", 1950.8, None])
    end = page.evaluate(POINT_JS, ["graph-timeline", 1953.1, None])
    page.mouse.move(start["x"], start["y"])
    page.mouse.down()
    page.mouse.move((start["x"] + end["x"]) / 2, start["y"], steps=4)
    page.mouse.move(end["x"], end["y"], steps=4)
    page.mouse.up()
    page.wait_for_function("location.search.includes('from=1951&to=1953')")
    show_filters(page)
    page.wait_for_function("[...document.querySelectorAll('#rangeslider-years [role=slider]')]"
                           ".map(h => h.getAttribute('aria-valuenow')).join() === '1951,1953'")
    settle(page)
    screenshot(page, "21-analysis-timeline-brush")


def test_community_colouring_and_sizing(app):
    page = app
    open_analysis(page)
    page.locator(".analysis-communities").scroll_into_view_if_needed()
    assert "adjusted Rand index" in page.inner_text("#div-communities")
    faction_colour = page.evaluate("cy.$('#pak-il-u').style('background-color')")
    page.get_by_role("radio", name="Detected community").check()
    page.wait_for_function("location.search.includes('color=community')")
    page.wait_for_function("cy.$('#pak-il-u').data('community') >= 0")
    settle(page)
    assert page.evaluate("cy.$('#pak-il-u').style('background-color')") != faction_colour
    assert page.evaluate("cy.$('#pak-il-u').style('shape')") == "diamond"  # faction shape kept
    screenshot(page, "22-analysis-communities")
    page.locator("#dropdown-size").click()
    page.get_by_text("PageRank (hostile relations)").click()
    page.wait_for_function("location.search.includes('size=pagerank')")
    page.wait_for_function("cy.nodes().some(n => n.data('size') > 0)")
    settle(page)
    widths = page.evaluate("cy.nodes(':visible').filter(n => n.data('kind') !== 'faction')"
                           ".map(n => n.width())")
    assert min(widths) == pytest.approx(24) and max(widths) == pytest.approx(70)


def test_whose_voice_keeps_one_claimant(app):
    page = app
    open_analysis(page)
    voice = page.locator("#div-voice")
    assert "Kim Il Sung" in voice.inner_text()
    page.get_by_role("button", name="Only Kim Il Sung's").click()
    page.wait_for_function("location.search.includes('claimant=kim-il-sung')")
    page.locator("#div-voice button[aria-pressed='true']", has_text="Only Kim Il Sung's").wait_for()
    settle(page)
    assert page.locator(f"#{ids.CHECKLIST_CLAIMANT} input:checked").count() == 1
    screenshot(page, "23-analysis-voice")
