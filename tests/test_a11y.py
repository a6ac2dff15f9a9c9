"""Accessibility in a real headless Chromium: an axe-core audit of each view, and the main
job done with the keyboard alone.

axe-core comes bundled in the ``axe-playwright-python`` package (no download at run
time). A view fails on any violation axe rates "serious" or "critical"; the message lists
each with its rule, help text and the elements it found. The keyboard tests use only
``page.keyboard`` (Tab, Shift+Tab, Enter, Space, arrow keys) and check that every element
that shows focus (``:focus-visible``) draws an outline. The audits share one page
(conftest.py ``app``), moved between views through the address; the keyboard tests each
start on a fresh page (``page``), so that focus starts at the top.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import go, settle, show_filters, tap, wait_for_graph

pytestmark = pytest.mark.browser
SEVERE = ("serious", "critical")
SHOWN = 40  # elements listed per violation
MAX_TABS = 120  # more presses than this to reach a control is itself a failure
PERSON = "pak-il-u"

FOCUS_JS = r"""() => {
  const e = document.activeElement;
  if (!e || e === document.body) { return null; }
  const style = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase(), id: e.id, value: e.value || '',
    classes: (typeof e.className === 'string' ? e.className : '').split(/\s+/),
    text: (e.getAttribute('aria-label') || e.innerText || '').trim().slice(0, 60),
    within: [...document.querySelectorAll('[id]')].filter(p => p.contains(e)).map(p => p.id),
    visible: e.matches(':focus-visible'),
    outline: style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0
      ? '' : `${style.outlineStyle} ${style.outlineWidth}`,
  };
}"""


# -- the axe-core audit ------------------------------------------------------------------------

def severe_violations(page) -> list[dict]:
    response = Axe().run(page).response
    return [v for v in response["violations"] if v["impact"] in SEVERE]


def describe(violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious or critical axe-core violations:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} elements]")
        lines += [f"    {' '.join(node['target'])}" for node in v["nodes"][:SHOWN]]
        if len(v["nodes"]) > SHOWN:
            lines.append(f"    … and {len(v['nodes']) - SHOWN} more")
    return "\n".join(lines)


def main_view(page) -> None:
    go(page, "")


def person_selected(page) -> None:
    tap(page, PERSON)
    page.wait_for_function(f"location.search.includes('person={PERSON}')")
    page.locator("#div-detail article.passage").first.wait_for()
    settle(page)


def document_tab(page) -> None:
    person_selected(page)
    page.click("#button-tab-reader")
    page.locator("#div-reader").wait_for(state="visible")
    settle(page)


def analysis_tab(page) -> None:
    page.click("#button-tab-analysis")
    page.locator("#div-analysis .js-plotly-plot").first.wait_for()
    settle(page)


def walk(page) -> None:
    go(page, "?step=1")
    page.locator("#div-walk-body").get_by_text("Step 1", exact=False).first.wait_for()
    settle(page)


def projector_view(page) -> None:
    go(page, "?present=1&step=1")
    page.wait_for_function("document.getElementById('div-app').classList.contains('is-present')")
    settle(page)


@pytest.mark.parametrize("open_view", [main_view, analysis_tab, person_selected, document_tab,
                                       projector_view, walk],
                         ids=["main", "analysis-tab", "person-selected", "document-tab",
                              "projector", "walk"])
def test_axe_finds_no_serious_violation(app, open_view):
    open_view(app)
    violations = severe_violations(app)
    if violations:
        pytest.fail(describe(violations), pytrace=False)


# -- the keyboard alone ------------------------------------------------------------------------

class Keyboard:
    """Moves focus with Tab and Shift+Tab only, checking that focus is drawn at every stop."""

    def __init__(self, page) -> None:
        self.page, self.unseen = page, []

    def focused(self) -> dict | None:
        focus = self.page.evaluate(FOCUS_JS)
        if focus and focus["visible"] and not focus["outline"]:
            self.unseen.append(focus)
        return focus

    def tab_to(self, wanted, back: bool = False) -> dict:
        """Press Tab (or Shift+Tab) until ``wanted(focus)``; fail after ``MAX_TABS``."""
        stops = []
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            focus = self.focused()
            stops.append(focus and (focus["id"] or focus["tag"], focus["text"][:20]))
            if focus and wanted(focus):
                return focus
        raise AssertionError(f"not reached in {MAX_TABS} presses; focus went {stops}")


def _in(container: str):
    return lambda focus: container in focus["within"]


def fresh(page, server: str) -> None:
    page.goto(server + "/")
    wait_for_graph(page)


def test_keyboard_alone_filters_opens_a_person_and_reads_the_passages(page, server):
    fresh(page, server)
    keys = Keyboard(page)
    # unfold the filters (folded to give the graph the room) and untick one faction
    keys.tab_to(lambda f: f["id"] == "button-fold-filters")
    page.keyboard.press("Enter")
    page.locator("#checklist-faction").wait_for(state="visible")
    keys.tab_to(lambda f: _in("checklist-faction")(f) and f["value"] == "domestic")
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('faction=')")
    assert "domestic" not in page.evaluate("location.search")
    settle(page)
    # a person, from the people table of the Analysis tab
    keys.tab_to(lambda f: f["id"] == "button-tab-analysis")
    page.keyboard.press("Enter")
    settle(page)
    person = keys.tab_to(lambda f: _in("div-people-table")(f) and "row-link" in f["classes"])
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('person=')")
    settle(page)
    name = person["text"]
    page.locator("#div-detail h2", has_text=name).wait_for()
    # their passages: the first citation opens the paragraph in the document reader
    keys.tab_to(lambda f: _in("div-detail")(f) and "¶" in f["text"], back=True)
    page.keyboard.press("Enter")
    current = page.locator("#div-reader .reader-para.is-current")
    current.wait_for(state="visible")
    assert name.split()[-1] in current.inner_text()
    assert keys.unseen == [], f"focus not drawn on: {keys.unseen}"


def test_keyboard_table_view_selects_people_and_relations(page, server):
    """The graph's alternative for keyboard and screen-reader users: a list of people
    (``list-people``) and a table of relations (``table-relations``), reached by Tab,
    moved through with the arrow keys, opened with Enter; the filters apply to it. axe
    audits it too (opening the table view is slow: once is enough)."""
    fresh(page, server)
    keys = Keyboard(page)
    keys.tab_to(lambda f: f["id"] == "button-table-view")
    page.keyboard.press("Enter")
    page.locator("#list-people .row-button").first.wait_for()
    assert page.get_attribute("#button-table-view", "aria-pressed") == "true"
    settle(page)
    violations = severe_violations(page)
    if violations:
        pytest.fail(describe(violations), pytrace=False)
    people = page.locator("#list-people .row-button").count()
    relations = page.locator("#table-relations tbody tr").count()
    counts = page.inner_text("#text-counts")
    assert f"{people} of" in counts and f"{relations} of" in counts, counts
    first = keys.tab_to(_in("list-people"))
    page.keyboard.press("ArrowDown")
    second = keys.focused()
    assert second["text"] != first["text"] and "list-people" in second["within"]
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('person=')")
    name = second["text"].split(" — ")[0].split("\n")[0]
    page.locator("#div-detail h2", has_text=name).wait_for()
    assert keys.focused()["text"] == second["text"], "focus left the list after Enter"
    keys.tab_to(_in("table-relations"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('relation=')")
    page.locator("#div-detail article.claim").first.wait_for()
    page.locator("#table-relations tr.is-selected").wait_for()  # the rows come back marked
    settle(page)
    assert page.locator("#table-relations tr.is-selected").count() == 1
    # a filter narrows the table as it narrows the graph
    show_filters(page)
    page.uncheck("#checklist-faction input[value='soviet']")
    page.wait_for_function("location.search.includes('faction=')")
    settle(page)
    assert page.locator("#table-relations tbody tr").count() < relations
    # and back to the graph, drawn at its full size again
    page.click("#button-table-view")
    page.wait_for_function("document.querySelector('#cytoscape-graph').offsetHeight > 100")
    assert page.evaluate("cy.width() > 100 && cy.height() > 100")
    assert keys.unseen == [], f"focus not drawn on: {keys.unseen}"


def test_keyboard_alone_walks_the_document(page, server):
    """The walk from the keyboard: Tab to its button, Enter, then the arrow keys (what a
    presenter's clicker sends) move through the steps; the step's text can take focus and
    scroll."""
    fresh(page, server)
    keys = Keyboard(page)
    keys.tab_to(lambda f: f["id"] == "button-walk")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('step=1')")
    settle(page)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('step=2')")
    settle(page)
    text = keys.tab_to(lambda f: "walk-text" in f["classes"])
    assert "Step 2" in page.inner_text("#div-walk-body") or text["text"]
    page.keyboard.press("ArrowLeft")  # focus inside the walk: the keys still step
    page.wait_for_function("location.search.includes('step=1')")
    assert keys.unseen == [], f"focus not drawn on: {keys.unseen}"
