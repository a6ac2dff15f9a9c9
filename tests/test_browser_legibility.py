"""The network readable where it is used (issue 12), in a real Chromium on the shipped corpus.

Measured from ``window.cy``, as the eye gets it: a drawn label's size is its font size
times the zoom, and two drawn labels never overlap. The figures per screen are in
``benchmarks/bench_legibility.py``; these tests hold the behaviour: folding panels, fit
after filtering, the zoom buttons, hover, the projector's person panel, the walk's
paging with a clicker's keys, and the legend under community colouring.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from tests.browser import checked_page, settle, still, tap, wait_for_graph

pytestmark = pytest.mark.browser

#: Every drawn node label: its rendered size and its box on screen (pixels of the graph).
LABELS_JS = """
() => {
  const zoom = cy.zoom(), pan = cy.pan();
  const px = b => [b.x1 * zoom + pan.x, b.y1 * zoom + pan.y, b.x2 * zoom + pan.x,
                   b.y2 * zoom + pan.y];
  return cy.nodes(':visible').filter(n => n.pstyle('label').strValue &&
                                          n.effectiveOpacity() > 0.5).map(n => ({
    id: n.id(), kind: n.data('kind'), size: n.pstyle('font-size').pfValue * zoom,
    box: px(n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}))}));
}
"""


def overlaps(labels: list[dict]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            x = min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0])
            y = min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1])
            if x > 1 and y > 1:
                out.append((a["id"], b["id"]))
    return out


@contextmanager
def opened(browser, server: str, path: str = "/", width: int = 1280, height: int = 800):
    """A checked page (no console error, nothing fetched from elsewhere) on ``path``, the
    graph drawn and still."""
    with checked_page(browser, width, height) as page:
        page.goto(server + path)
        wait_for_graph(page)
        still(page)
        yield page


@pytest.mark.parametrize(("path", "width", "height", "least"), [
    ("/", 1280, 800, 11), ("/", 1920, 1080, 12), ("/?present=1", 1920, 1080, 20),
    ("/?present=1", 1280, 720, 14), ("/?faction=soviet,yanan&mode=between", 1280, 800, 11),
])
def test_drawn_labels_are_legible_and_never_overlap(browser, server, path, width, height,
                                                    least):
    with opened(browser, server, path, width, height) as page:
        labels = [x for x in page.evaluate(LABELS_JS) if x["kind"] != "faction"]
        people = page.evaluate("cy.nodes(':visible[kind = \"person\"]').length")
        assert labels, "no label drawn"
        assert min(x["size"] for x in labels) >= least
        assert overlaps(labels) == []
        share = sum(x["kind"] == "person" for x in labels) / people
        assert share >= 0.75, f"{share:.0%} of the people labelled"


def test_panels_fold_and_the_graph_gets_the_room(browser, server):
    with opened(browser, server) as page:
        width = page.evaluate("cy.width()")
        assert width >= 0.55 * 1280, "the graph has less than 55% of the width"
        assert not page.is_visible("#div-filters"), "the filters start folded on a laptop"
        page.click("#button-fold-filters")
        page.wait_for_selector("#div-filters", state="visible")
        page.click("#button-fold-side")
        page.wait_for_selector("#div-side", state="hidden")
        page.click("#button-fold-filters")
        page.wait_for_selector("#div-filters", state="hidden")
        still(page)
        assert page.evaluate("cy.width()") >= 0.95 * 1280
        page.reload()
        wait_for_graph(page)
        assert not page.is_visible("#div-side"), "the folded side panel is remembered"


def drawing_share(page) -> float:
    """How much of the graph's box the drawing fills, along its fuller side."""
    return page.evaluate("""() => {
      const b = cy.elements(':visible').renderedBoundingBox({includeLabels: false});
      return Math.max(b.w / cy.width(), b.h / cy.height());
    }""")


def test_filtering_refits_and_the_zoom_buttons_work(browser, server):
    with opened(browser, server) as page:
        page.click("#button-fold-filters")
        still(page)
        before = page.evaluate("cy.zoom()")
        for faction in ("domestic", "skwp", "foreign", "institution"):
            page.click(f"#checklist-faction input[value={faction}]")
            settle(page)
        page.click("#radio-faction-mode input[value=between]")
        still(page)
        assert page.evaluate("cy.nodes(':visible').length") == 17
        assert page.evaluate("cy.zoom()") > before, "the filtered view was not refitted"
        assert drawing_share(page) >= 0.8, "the 17 people do not fill the graph's box"
        zoom = page.evaluate("cy.zoom()")
        page.click("[data-camera=in]")
        still(page)
        assert page.evaluate("cy.zoom()") == pytest.approx(zoom * 1.35, rel=0.02)
        page.click("[data-camera=out]")
        page.click("[data-camera=out]")
        still(page)
        assert page.evaluate("cy.zoom()") < zoom
        page.click("[data-camera=fit]")
        still(page)
        assert page.evaluate("cy.zoom()") == pytest.approx(zoom, rel=0.02)


def test_hover_shows_a_tooltip_and_highlights_the_neighbours(browser, server):
    with opened(browser, server) as page:
        page.evaluate("void cy.getElementById('hegai').emit('mouseover')")
        tip = page.wait_for_selector(".graph-tooltip", state="visible")
        assert "Hegai" in tip.inner_text() and "relation" in tip.inner_text()
        neighbours = page.evaluate("cy.getElementById('hegai').neighborhood('node').length")
        assert page.evaluate("cy.$('node.hl').length") == neighbours + 1
        page.evaluate("void cy.getElementById('hegai').emit('mouseout')")
        page.wait_for_selector(".graph-tooltip", state="hidden")
        assert page.evaluate("cy.$('.hl').length") == 0


def test_a_person_tapped_in_the_projector_opens_a_large_panel(browser, server):
    with opened(browser, server, "/?present=1", 1280, 720) as page:
        assert not page.is_visible("#div-side")
        tap(page, "pak-il-u")
        page.wait_for_selector("#div-side", state="visible")
        page.wait_for_selector(".person-passages .passage")
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                             "'.person-passages .passage-text')).fontSize)")
        assert size >= 18, f"passage text {size}px on the projector"
        first = page.evaluate("document.querySelector('#div-detail > .person-passages')"
                              ".getBoundingClientRect().top")
        facts = page.evaluate("document.querySelector('#div-detail > .person-facts')"
                              ".getBoundingClientRect().top")
        assert first < facts, "the passages come first on the projector"
        page.keyboard.press("Escape")
        page.wait_for_selector("#div-side", state="hidden")


def test_a_clickers_keys_page_through_a_long_step_before_the_next(browser, server):
    with opened(browser, server, "/?present=1&step=8", 1280, 720) as page:
        page.wait_for_selector(".walk-text .walk-para")
        text = "document.querySelector('.walk-text')"
        assert page.evaluate(f"{text}.scrollHeight > {text}.clientHeight"), \
            "step 8 fits its box: choose a longer step for this test"
        page.keyboard.press("PageDown")
        page.wait_for_function(f"{text}.scrollTop > 0")
        assert "step=8" in page.url
        state = f"location.search + ' ' + ({text} ? {text}.scrollTop : -1)"
        for _ in range(30):  # page to the end, then the next key moves on
            if "step=9" in page.url:
                break
            before = page.evaluate(state)
            page.keyboard.press("ArrowRight")
            page.wait_for_function(f"s => ({state}) !== s", arg=before)
        page.wait_for_url("**step=9**")
        page.wait_for_function("document.querySelector('.walk-count').textContent"
                               ".startsWith('Step 9')")
        page.keyboard.press("PageUp")  # the new step's text is at its top: back a step
        page.wait_for_url("**step=8**")


def test_the_legend_follows_community_colouring_and_size(browser, server):
    with opened(browser, server, "/?color=community&size=pagerank") as page:
        legend = page.inner_text("#div-legend")
        assert "Group 1" in legend
        assert "PageRank" in legend
        assert page.query_selector("#div-legend .legend-communities li") is not None
        page.goto(server + "/")
        wait_for_graph(page)
        assert "Group 1" not in page.inner_text("#div-legend")


def test_the_skip_link_is_the_first_tab_stop(browser, server):
    with opened(browser, server) as page:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to the graph"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "div-graph-box"


#: Counts animation frames from the one in which the graph first exists, and notes the frame
#: of every move of a node or of the camera after that.
MOVES_JS = """
(() => {
  window.__moves = [];
  let frame = -1;
  function look() {
    const cy = window.cy;
    if (frame < 0 && cy && cy.container && cy.container()) {
      frame = 0;
      cy.on('position viewport', e => window.__moves.push([e.type, frame]));
    }
    if (frame >= 0) { frame += 1; }
    requestAnimationFrame(look);
  }
  look();
})();
"""


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1920, 1080)])
def test_the_graph_is_placed_once_while_the_page_starts(browser, server, width, height):
    """Stretched and fitted in the first frames it exists, then left alone: nothing the page
    does while it starts (folding the filters, the first callbacks, the web font, the
    labels) moves a node or the camera again."""
    with checked_page(browser, width, height) as page:
        page.add_init_script(MOVES_JS)
        page.goto(server + "/")
        wait_for_graph(page)
        still(page)
        moves = page.evaluate("window.__moves")
        nodes = page.evaluate("cy.nodes().length")
        assert moves, "the graph was never stretched or fitted"
        assert max(frame for _, frame in moves) <= 3, moves
        # each node placed once (the stretch), the camera moved once (the fit)
        assert sum(kind == "position" for kind, _ in moves) <= nodes, "nodes moved twice"
        assert sum(kind == "viewport" for kind, _ in moves) <= 1, "the camera moved twice"
