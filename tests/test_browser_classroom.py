"""Classroom mode in a real headless Chromium: the walk by keyboard, the projector view at
three projector sizes, and every export read back.

Expectations come from the same pure functions the server uses (``Drawing.elements``,
``exports.shown_graph``), so the tests follow the shipped data. The tests share one page
(downloads accepted, printing stubbed), resized and moved between views through the
address; each fails on a console error or a request leaving the machine.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from dashboard.network.drawing import drawing
from dashboard.network.exports import BOM, shown_graph
from dashboard.network.graph import Network
from dashboard.network.view import View
from dashboard.web import ids
from tests.browser import (
    SCREENSHOTS,
    back_to_start,
    check_log,
    checked_page,
    go,
    screenshot,
    settle,
    still,
    wait_for_graph,
)

pytestmark = pytest.mark.browser
SVG = "{http://www.w3.org/2000/svg}"
#: Keys a presenter's clicker sends; the walk must answer to every one of them.
NEXT_KEYS = ("ArrowRight", "ArrowDown", "PageDown", "Space")
PREVIOUS_KEYS = ("ArrowLeft", "ArrowUp", "PageUp")


@pytest.fixture(scope="module")
def network(shipped_network: Network) -> Network:
    return shipped_network


@pytest.fixture(scope="module")
def classroom_page(browser, server):
    with checked_page(browser, 1280, 720, accept_downloads=True) as page:
        page.add_init_script("window.print = () => { window.__printed = "
                             "(window.__printed || 0) + 1; };")  # no dialog in a test
        page.goto(server + "/")
        wait_for_graph(page)
        yield page


@pytest.fixture
def room(classroom_page):
    """Open the classroom page at a size and a view: ``room(width, height, query)``."""
    def open_at(width: int = 1440, height: int = 900, query: str = ""):
        classroom_page.set_viewport_size({"width": width, "height": height})
        back_to_start(classroom_page)
        go(classroom_page, query)
        still(classroom_page)  # what a teacher sees before choosing an export
        return classroom_page
    yield open_at
    check_log(classroom_page)


def shown_edges(network: Network, view: View) -> int:
    return sum(1 for e in drawing(network, view).elements() if "source" in e["data"])


def visible_edges(page) -> int:
    return page.evaluate("cy.edges(':visible').length")


def walk_key(page, key: str, step: int) -> None:
    """Press ``key`` until the walk is at ``step``: a step's text longer than its box is
    paged through first (``assets/walk.js``), as a presenter's clicker would."""
    state = ("[location.search, (document.querySelector('.app.is-walking .walk-text') || {})"
             ".scrollTop]")
    for _ in range(12):
        before = page.evaluate(state)
        page.keyboard.press(key)
        # the key either paged the text or moved the walk: wait for it before the next key
        page.wait_for_function(f"b => JSON.stringify({state}) !== JSON.stringify(b)",
                               arg=before)
        settle(page)
        if f"step={step}" in page.url:
            return
    raise AssertionError(f"{key} did not reach step {step}: {page.url}")


def wait_for_step(page, step: int, total: int, expected_edges: int) -> None:
    page.wait_for_function(f"new URLSearchParams(location.search).get('step') === '{step}'")
    page.locator("#div-walk .walk-count", has_text=f"Step {step} of {total}").wait_for()
    page.wait_for_function(f"cy.edges(':visible').length === {expected_edges}")


# --- the walk ----------------------------------------------------------------------------------


def test_walk_the_document_with_the_keys(room, network):
    """Every key a clicker sends moves the walk; the graph grows as the server says. (That
    every step only adds is checked for the whole walk in test_story.py; here the first
    steps, by each Next key, and the last ones, by each Previous key.)"""
    walk = network.walk
    page = room(1280, 720, "?present=1&step=1")
    expected = [shown_edges(network, View(step=n, present=True)) for n in range(len(walk) + 1)]
    wait_for_step(page, 1, len(walk), expected[1])
    seen = [visible_edges(page)]
    for step, key in zip(range(2, 2 + len(NEXT_KEYS)), NEXT_KEYS, strict=True):
        walk_key(page, key, step)
        wait_for_step(page, step, len(walk), expected[step])
        assert page.locator("#div-walk .walk-title").inner_text() == walk.step(step).title
        seen.append(visible_edges(page))
    assert seen == sorted(seen) and seen[0] < seen[-1]
    go(page, f"?present=1&step={len(walk)}")
    wait_for_step(page, len(walk), len(walk), expected[-1])
    assert expected[-1] == len(network.edges)
    for _ in range(12):  # past the end (the last text paged through): stays on the last step
        page.keyboard.press("ArrowRight")
    settle(page)
    assert f"step={len(walk)}" in page.url
    assert page.locator("#button-step-next").is_disabled()
    for key, step in zip(PREVIOUS_KEYS, range(len(walk) - 1, len(walk) - 4, -1), strict=True):
        walk_key(page, key, step)
        wait_for_step(page, step, len(walk), expected[step])
    screenshot(page, "classroom-01-walk-by-keys")


def test_keys_typed_into_a_field_do_not_walk(room, network):
    page = room(1440, 900, "?step=2")
    page.locator("#div-walk .walk-count", has_text="Step 2 of").wait_for()
    page.click("#input-search")
    for key in ("ArrowRight", "Space", "PageDown"):
        page.keyboard.press(key)
    settle(page)
    assert "step=2" in page.url
    page.locator("#div-walk .walk-title").click()  # focus back on the page: keys walk again
    walk_key(page, "ArrowRight", 3)


def test_buttons_start_the_walk_and_the_projector_and_end_them(room, network):
    page = room(1440, 900, "")
    assert not page.locator("#div-walk").is_visible()
    page.click("#button-walk")
    page.locator("#div-walk .walk-count", has_text="Step 1 of").wait_for()
    assert page.get_attribute("#button-walk", "aria-pressed") == "true"
    page.click("#button-step-next")
    page.wait_for_function("location.search.includes('step=2')")
    page.click("#button-present")
    page.wait_for_function("document.querySelector('.app').classList.contains('is-present')")
    assert "present=1" in page.url
    page.click("#button-walk")
    page.wait_for_function("!location.search.includes('step=')")
    page.wait_for_function("!document.querySelector('.app').classList.contains('is-walking')")
    page.wait_for_function(f"cy.edges(':visible').length === {len(network.edges)}")
    page.click("#button-present")
    page.wait_for_function("location.search === ''")


def test_a_person_can_be_selected_during_the_walk(room):
    page = room(1440, 900, "?step=8")
    page.locator("#div-walk .walk-new button", has_text="Hegai").click()
    page.wait_for_function("location.search.includes('person=hegai')")
    assert "step=8" in page.url
    page.locator("#div-detail h2", has_text="Hegai").wait_for()


def test_the_url_restores_the_step_and_the_projector(room, network):
    page = room(1280, 720, "?step=3&present=1")
    page.wait_for_function("document.querySelector('.app').className.includes('is-present')")
    classes = page.get_attribute("#div-app", "class").split()
    assert {"is-present", "is-walking"} <= set(classes)
    page.locator("#div-walk .walk-count", has_text=f"Step 3 of {len(network.walk)}").wait_for()
    assert page.locator("#div-walk .walk-title").inner_text() == network.walk.step(3).title
    page.wait_for_function(
        f"cy.edges(':visible').length === {shown_edges(network, View(step=3))}")
    assert page.evaluate("cy.nodes().filter(n => n.data('big')).length") > 0
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.walk-text'))"
                         ".fontSize)")
    assert size >= 24
    assert not page.locator(".panel-filters").is_visible()
    page.click(f"#{ids.BUTTON_CONTROLS}")
    page.locator(".panel-side").wait_for(state="visible")
    assert page.get_attribute(f"#{ids.BUTTON_CONTROLS}", "aria-expanded") == "true"
    page.click(f"#{ids.BUTTON_CONTROLS}")  # the page is shared: hide them again
    page.locator(".panel-side").wait_for(state="hidden")


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1280, 720), (1920, 1080)])
def test_projector_view_fits_the_screen(room, width, height):
    page = room(width, height, "?present=1&step=8")
    page.locator("#div-walk .walk-count", has_text="Step 8 of").wait_for()
    page.wait_for_timeout(600)  # the camera's move to the people reached
    box = page.evaluate("""() => {
      const r = s => document.querySelector(s).getBoundingClientRect();
      return {scrollW: document.documentElement.scrollWidth,
              scrollH: document.documentElement.scrollHeight,
              next: r('#button-step-next'), graph: r('.graph-box'), walk: r('.walk-text'),
              font: parseFloat(getComputedStyle(document.querySelector('.walk-text')).fontSize),
              legend: r('.legend')};
    }""")
    assert box["scrollW"] <= width and box["scrollH"] <= height, box
    assert box["next"]["right"] <= width and box["next"]["bottom"] <= height
    assert box["graph"]["width"] > width / 3 and box["graph"]["height"] > height / 4
    assert box["walk"]["height"] > 150 and box["font"] >= 24
    assert box["legend"]["bottom"] <= height
    path = screenshot(page, f"classroom-present-{width}x{height}")
    assert path.stat().st_size > 10_000


# --- exports -----------------------------------------------------------------------------------


def download(page, selector: str) -> Path:
    page.locator(".export-menu").evaluate("menu => { menu.open = true; }")
    with page.expect_download() as info:
        page.click(selector)
    target = SCREENSHOTS / "downloads" / info.value.suggested_filename
    target.parent.mkdir(parents=True, exist_ok=True)
    info.value.save_as(target)
    return target


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_export_is_twice_the_screen_with_a_legend(room):
    page = room(1280, 720, "?present=1&step=4")
    canvas = page.evaluate("[cy.width(), cy.height()]")
    path = download(page, "#button-export-png")
    assert path.name == "ivanov-1955-12-07-network-projector-step-4.png"
    width, height = png_size(path)
    assert width >= 2 * canvas[0] and height >= 2 * canvas[1] + 100  # the legend underneath


def test_svg_export_is_well_formed_and_holds_the_legend(room, network):
    page = room(1440, 900, "?polarity=hostile")
    # the labels as the density rule draws them (how many: test_browser_legibility.py)
    page.wait_for_function("cy.nodes('.lbl:visible').length >= 5")
    drawn = page.evaluate("cy.nodes('.lbl:visible').map(n => n.data('label'))")
    root = ET.parse(download(page, "#button-export-svg")).getroot()
    assert root.tag == SVG + "svg"
    legend = root.find(f".//{SVG}g[@id='legend']")
    assert legend is not None
    texts = " ".join(t.text or "" for t in legend.iter(SVG + "text"))
    for faction in network.corpus.factions.values():
        assert faction.label.split()[0] in texts
    assert "Filtered: polarity: hostile" in texts
    # The graph itself is drawn too (by the vendored cytoscape-svg), not only the legend:
    # the labels of the people shown are text above the legend.
    drawing = " ".join(t.text or "" for t in root.iter(SVG + "text")
                       if t not in set(legend.iter(SVG + "text")))
    words = set(drawing.split())  # a long label is wrapped into lines
    missing = [label for label in drawn if not set(label.split()) <= words]
    assert drawn and missing == [], missing
    # ... with dash-cytoscape's standard bundle: the 1.4 MB "extra" one is not loaded.
    scripts = page.evaluate("[...document.scripts].map(s => s.src)")
    assert any("dash_cytoscape" in s for s in scripts)
    assert not any("dash_cytoscape_extra" in s for s in scripts)


def test_gexf_export_reads_back_in_networkx(room, network):
    page = room(1440, 900, "?step=6&polarity=hostile,neutral")
    path = download(page, "button[id*='gexf']")
    graph = nx.read_gexf(io.BytesIO(path.read_bytes()))
    expected = shown_graph(network, View(step=6, polarities=("hostile", "neutral")))
    assert graph.number_of_nodes() == expected.number_of_nodes() > 0
    assert graph.number_of_edges() == expected.number_of_edges() > 0
    assert {d["relation_type"] for _, _, d in graph.edges(data=True)} <= {
        r.type for r in network.corpus.relations.values()}


def test_graphml_and_csv_exports_download(room, network):
    page = room(1440, 900, "")
    graph = nx.read_graphml(download(page, "button[id*='graphml']"))
    assert graph.number_of_edges() == len(network.corpus.relations)
    edges = download(page, "button[id*='edges-csv']").read_text(encoding="utf-8")
    assert edges.startswith(BOM + "id,source,target,relation,relation_type,")  # for Excel


def test_the_handout_prints_to_a_readable_pdf(room, network):
    page = room(1280, 900, "?step=8")
    page.locator(".export-menu").evaluate("menu => { menu.open = true; }")
    page.click("#button-handout")
    page.wait_for_function("window.__printed >= 1")
    image = page.evaluate("[document.getElementById('img-handout').naturalWidth,"
                          " document.body.classList.contains('printing-handout')]")
    assert image[0] > 1000 and image[1]
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    target = SCREENSHOTS / "downloads" / "handout-step-8.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils' pdftotext is not installed: the PDF was not read")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    reached = shown_graph(network, View(step=8))
    assert f"The relations shown ({reached.number_of_edges()})" in text
    assert "Step 8 of" in text and "Hegai" in text and "ivanov-1955-12-07 ¶33" in text
    assert re.search(r"concealed\s+the\s+outrageous\s+acts", text)
