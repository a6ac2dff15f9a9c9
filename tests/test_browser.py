"""The main job in a real headless Chromium against a real server on the shipped corpus.

The graph is driven through Cytoscape's own API (``window.cy``), never by pixel
positions; a button that changes the view is found by its ``data-action``. Every test
fails on a browser console error or a request leaving the machine. The server, the
browser and the page are shared (conftest.py: ``app`` moves one loaded page between
views through the address).
"""

from __future__ import annotations

import json

import pytest

from dashboard.corpus import Corpus
from dashboard.web import ids
from tests.browser import PageLog, go, screenshot, settle, show_filters, tap, wait_for_graph

pytestmark = pytest.mark.browser
PAK = "pak-il-u"


def visible_nodes(page) -> int:
    return page.evaluate("cy.nodes(':visible').filter(n => n.data('kind') !== 'faction').length")


def visible_edges(page) -> int:
    return page.evaluate("cy.edges(':visible').length")


def details_open(page) -> bool:
    return page.get_attribute(f"#{ids.BUTTON_TAB_DETAIL}", "aria-selected") == "true"


def test_graph_draws_every_person(app, shipped_corpus: Corpus):
    page = app
    assert visible_nodes(page) == len(shipped_corpus.people)
    assert visible_edges(page) > 0
    counts = page.inner_text(f"#{ids.TEXT_COUNTS}")
    assert f"{len(shipped_corpus.people)} of {len(shipped_corpus.people)}" in counts, counts
    screenshot(page, "01-overview")


def test_faction_filter_drops_nodes_and_writes_url(app):
    page = app
    show_filters(page)
    before = visible_nodes(page)
    page.get_by_role("radio", name="Relations between the selected factions only").check()
    for faction in ("domestic", "skwp", "foreign", "institution"):
        page.uncheck(f"#{ids.CHECKLIST_FACTION} input[value='{faction}']")
        settle(page)
    page.wait_for_function("location.search.includes('faction=soviet%2Cyanan')")
    page.check(f"#{ids.CHECKLIST_OPTIONS} input[value='{ids.OPTION_HIDE_ISOLATED}']")
    page.wait_for_function("location.search.includes('isolated=hide')")
    settle(page)
    after = visible_nodes(page)
    assert 0 < after < before
    factions = page.evaluate("cy.nodes(':visible').map(n => n.data('faction'))")
    assert set(factions) <= {"soviet", "yanan"}
    screenshot(page, "02-two-factions")


def test_select_person_shows_passages_and_the_words_that_refer_to_them(app):
    page = app
    tap(page, PAK)
    page.wait_for_function(f"location.search.includes('person={PAK}')")
    panel = page.locator(f"#{ids.DIV_DETAIL}")
    panel.locator("h2", has_text="Pak Il-u").wait_for()
    assert panel.locator("article.passage").count() >= 10
    assert panel.locator("mark.mention").first.inner_text() == "Pak Il-u"
    assert panel.locator("mark.quote").count() > 0
    # ¶28 calls him "Pak" and ¶29 "He" (data/mentions.csv): those words are marked
    for number, word in ((28, "Pak"), (29, "He")):
        passage = panel.locator("article.passage", has=page.locator(
            f"[data-jump='para-ivanov-1955-12-07-{number}']"))
        assert passage.count() == 1, number
        marks = passage.locator("mark.mention").all_inner_texts()
        assert word in marks, (number, marks)
        assert f"“{word}”" in passage.locator(".referred").inner_text()
    page.wait_for_function("cy.nodes().filter(n => parseFloat(n.style('opacity')) < 0.5)"
                           ".length > 0")  # the rest fades
    assert page.evaluate(f"parseFloat(cy.$('#{PAK}').style('opacity'))") == 1
    assert page.evaluate(f"cy.$('#{PAK}').neighborhood('node').every("
                         "n => parseFloat(n.style('opacity')) === 1)")
    screenshot(page, "03-person-pak-il-u")
    panel.locator(".citation").first.click()
    page.wait_for_selector(f"#{ids.DIV_READER} .reader-para.is-current", state="visible")
    assert page.get_attribute(f"#{ids.BUTTON_TAB_READER}", "aria-selected") == "true"
    screenshot(page, "04-reader-jump")


def test_click_edge_shows_every_claim_with_its_quote(app, shipped_corpus: Corpus):
    page = app
    tap(page, f"kim-il-sung__{PAK}")
    page.wait_for_function("location.search.includes('relation=')")
    claims = page.locator(f"#{ids.DIV_DETAIL} article.claim")
    claims.first.wait_for()
    expected = [r for r in shipped_corpus.relations.values()
                if (r.source, r.target) == ("kim-il-sung", PAK)]
    assert claims.count() == len(expected)
    assert claims.first.locator("mark.quote").count() >= 1
    screenshot(page, "05-edge")


def test_person_url_restores_panel_and_back_forward(app):
    page = app
    show_filters(page)
    go(page, "?faction=soviet,yanan&person=hegai")
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Hegai").wait_for()
    assert page.locator(f"#{ids.CHECKLIST_FACTION} input:checked").count() == 2
    tap(page, "kim-yeol")
    page.wait_for_function("location.search.includes('person=kim-yeol')")
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Kim Yeol").wait_for()
    page.go_back()
    page.wait_for_function("location.search.includes('person=hegai')")
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Hegai").wait_for()
    page.go_forward()
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Kim Yeol").wait_for()


def test_bad_url_falls_back_to_default_view(app, shipped_corpus: Corpus):
    page = app
    go(page, "?person=../../etc/passwd&faction=<script>&from=abc&layout=%00")
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="How to read").wait_for()
    assert visible_nodes(page) == len(shipped_corpus.people)


def test_search_by_mccune_reischauer_selects_the_person(app):
    page = app
    page.fill(f"#{ids.INPUT_SEARCH}", "Pak Hon-yong")
    colours = page.evaluate("(s => [s.color, s.backgroundColor])("
                            f"getComputedStyle(document.querySelector('#{ids.INPUT_SEARCH}')))")
    assert colours[0] != colours[1], f"the typed text is invisible: {colours}"
    hit = page.locator(f"#{ids.LIST_SEARCH_RESULTS} [data-action='select person pak-heon-yeong']")
    hit.wait_for()
    assert "Pak Heon-yeong" in hit.inner_text()
    hit.click()
    page.wait_for_function("location.search.includes('person=pak-heon-yeong')")
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Pak Heon-yeong").wait_for()
    screenshot(page, "06-search")


def test_reset_and_clear(app, shipped_corpus: Corpus):
    page = app
    go(page, "?faction=soviet&type=accuses&isolated=hide&person=hegai")
    assert visible_nodes(page) < len(shipped_corpus.people)
    page.locator(f"#{ids.DIV_DETAIL} [data-action='clear']").click()
    page.wait_for_function("!location.search.includes('person=')")
    assert "faction=soviet" in page.url  # clear keeps the filters
    page.click("[data-action='reset']")
    page.wait_for_function("location.search === ''")
    settle(page)
    assert visible_nodes(page) == len(shipped_corpus.people)


# --- requests: a click costs few callbacks, a closed panel none ------------------------------

UPDATE = "/_dash-update-component"


class Posts:
    """The callback requests a page sends, by the outputs each asks for."""

    def __init__(self, page) -> None:
        self.sent: list[str] = []
        page.on("request", self._request)

    def _request(self, request) -> None:
        if request.method == "POST" and UPDATE in request.url.split("?")[0]:
            self.sent.append(json.loads(request.post_data or "{}").get("output", ""))

    def during(self, page, action) -> list[str]:
        """The requests ``action`` sets off (it must set off one), once the page is quiet."""
        settle(page)
        before, fetched = len(self.sent), page.evaluate("window.__fetched")
        action()
        page.wait_for_function("n => window.__fetched > n", arg=fetched)
        settle(page)
        return self.sent[before:]


def test_a_load_posts_only_for_a_view_the_layout_does_not_hold(page, server,
                                                              shipped_corpus: Corpus):
    """The layout holds the start view, so a class opening the bare link costs the server
    no callback; a link to another view posts the URL callback and the graph's changes.
    Back to the start view (as the Back button goes) is passed on like any other URL."""
    posts = Posts(page)
    page.goto(server + "/")
    wait_for_graph(page)
    assert posts.sent == []
    assert visible_nodes(page) == len(shipped_corpus.people)
    page.goto(server + "/?faction=soviet&mode=within")
    wait_for_graph(page)
    assert len(posts.sent) == 2, posts.sent
    assert page.eval_on_selector_all(f"#{ids.CHECKLIST_FACTION} input:checked",
                                     "els => els.map(e => e.value)") == ["soviet"]
    within = visible_nodes(page)
    assert 0 < within < len(shipped_corpus.people)
    before = len(posts.sent)
    go(page, "")
    assert len(posts.sent) - before == 2, posts.sent[before:]
    assert visible_nodes(page) == len(shipped_corpus.people)
    assert len(page.eval_on_selector_all(f"#{ids.CHECKLIST_FACTION} input:checked",
                                         "els => els")) > 1


#: Installed before the page's scripts: what the page holds when Cytoscape first draws.
AT_FIRST_RENDER_JS = """
(() => {
  let held;
  Object.defineProperty(window, "cy", {configurable: true, get: () => held, set(cy) {
    held = cy;
    if (!cy || window.__atFirstRender) { return; }
    cy.one("render", () => {
      const q = s => document.querySelector(s);
      window.__atFirstRender = {nodes: cy.nodes().length, legend: Boolean(q(".legend-body")),
        search: Boolean(q("#input-search")), checklist: Boolean(q("#checklist-faction")),
        detail: Boolean(q("#div-detail")), table: Boolean(q("#list-people"))};
    });
  }});
})();
"""


def test_the_graph_is_drawn_before_the_panels(page, server):
    """A class sees the graph first: when Cytoscape first draws it, the filter column, the
    side panel and the table view are not in the page yet (``layout.later``); then they
    are, the side panel's introduction included, and the table view fills when opened."""
    page.add_init_script(AT_FIRST_RENDER_JS)
    page.goto(server + "/")
    wait_for_graph(page)
    first = page.evaluate("window.__atFirstRender")
    assert first == {"nodes": first["nodes"], "legend": True, "search": True,
                     "checklist": False, "detail": False, "table": False}, first
    assert first["nodes"] > 0
    assert page.locator(f"#{ids.CHECKLIST_FACTION} input").count() > 1
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="How to read this network").wait_for()
    page.click(f"#{ids.BUTTON_TABLE_VIEW}")
    page.wait_for_function(f"document.querySelectorAll('#{ids.LIST_PEOPLE} li').length > 0")


def test_what_is_written_into_a_panel_not_drawn_yet_waits_for_it(app):
    """``fill`` in assets/lists.js: a box missing from the page (a panel drawn after the
    graph) gets the last nodes meant for it as soon as it is there."""
    page = app
    page.evaluate(f"""() => {{
      const box = document.getElementById("{ids.LIST_PEOPLE}");
      window.__parked = [box, box.parentNode, box.nextSibling, Array.from(box.childNodes)];
      box.remove();
      window.dash_clientside.ivanovLists.renderTable({{
        people: [{{id: "hegai", name: "Hegai <b>", meta: "1 relation"}}], relations: [],
        total: 0}});
    }}""")
    assert page.evaluate(f"document.getElementById('{ids.LIST_PEOPLE}')") is None
    page.evaluate("() => { const [box, parent, next] = window.__parked; "
                  "box.replaceChildren(); parent.insertBefore(box, next); }")
    page.wait_for_function(
        f"document.querySelectorAll('#{ids.LIST_PEOPLE} li').length === 1")
    assert page.inner_text(f"#{ids.LIST_PEOPLE} .row-name") == "Hegai <b>"  # as text
    page.evaluate("() => { const [box, , , rows] = window.__parked; "
                  "box.replaceChildren(...rows); }")  # the shared page as it was


def test_a_click_costs_at_most_three_requests(app):
    page = app
    posts = Posts(page)
    show_filters(page)
    faction = posts.during(page, lambda: page.uncheck(
        f"#{ids.CHECKLIST_FACTION} input[value='foreign']"))
    assert 0 < len(faction) <= 3, faction
    person = posts.during(page, lambda: tap(page, PAK))
    assert 0 < len(person) <= 3, person
    assert any(ids.STORE_DETAIL_PANEL in p for p in person)
    # the Details panel does not depend on the layout: drawn again for nothing else
    layout = posts.during(page, lambda: page.check(f"#{ids.RADIO_LAYOUT} input[value='faction']"))
    assert layout and not any(ids.STORE_DETAIL_PANEL in p for p in layout), layout
    typed = posts.during(page, lambda: page.locator(f"#{ids.INPUT_SEARCH}").press_sequentially(
        "K"))
    assert len(typed) <= 1 and all(ids.LIST_SEARCH_RESULTS in p for p in typed), typed


def test_a_walk_step_costs_at_most_three_requests(app):
    page = app
    posts = Posts(page)
    go(page, "?step=1")
    page.locator(f"#{ids.DIV_WALK} .walk-count", has_text="Step 1 of").wait_for()
    step = posts.during(page, lambda: page.click(f"#{ids.BUTTON_STEP_NEXT}"))
    assert "step=2" in page.url
    assert 0 < len(step) <= 3 and any(ids.STORE_WALK_PANEL in p for p in step), step


def test_the_walk_posts_nothing_for_the_side_panel_it_hides(app):
    """During the walk the side panel gives way to the walk's text (unless someone is
    selected): a step posts no Details; the walk's end posts no walk text."""
    page = app
    posts = Posts(page)
    tap(page, PAK)
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Pak Il-u").wait_for()
    started = posts.during(page, lambda: page.click(f"#{ids.BUTTON_WALK}"))
    assert any(ids.STORE_WALK_PANEL in p for p in started), started
    assert not any(ids.STORE_DETAIL_PANEL in p for p in started), started
    assert not page.is_visible(f"#{ids.DIV_SIDE}")
    step = posts.during(page, lambda: page.click(f"#{ids.BUTTON_STEP_NEXT}"))
    assert not any(ids.STORE_DETAIL_PANEL in p for p in step), step
    ended = posts.during(page, lambda: page.click(f"#{ids.BUTTON_WALK}"))
    assert not any(ids.STORE_WALK_PANEL in p for p in ended), ended
    assert any(ids.STORE_DETAIL_PANEL in p for p in ended), "the Details came back unchanged"
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="How to read").wait_for()


def test_a_folded_side_panel_posts_nothing_until_it_opens(app):
    page = app
    posts = Posts(page)
    page.click(f"#{ids.BUTTON_FOLD_SIDE}")
    page.wait_for_selector(f"#{ids.DIV_SIDE}", state="hidden")
    try:
        person = posts.during(page, lambda: tap(page, PAK))
        assert person and not any(ids.STORE_DETAIL_PANEL in p for p in person), person
        opened = posts.during(page, lambda: page.click(f"#{ids.BUTTON_FOLD_SIDE}"))
        assert opened == [p for p in opened if ids.STORE_DETAIL_PANEL in p] and opened, opened
        page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Pak Il-u").wait_for()
    finally:
        if not page.is_visible(f"#{ids.DIV_SIDE}"):
            page.click(f"#{ids.BUTTON_FOLD_SIDE}")


def test_a_closed_analysis_tab_posts_nothing(app):
    page = app
    posts = Posts(page)
    show_filters(page)
    never_opened = posts.during(page, lambda: page.uncheck(
        f"#{ids.CHECKLIST_FACTION} input[value='foreign']"))
    page.click(f"#{ids.BUTTON_TAB_ANALYSIS}")
    page.locator(f"#{ids.DIV_ANALYSIS} .js-plotly-plot").first.wait_for()
    settle(page)
    page.click(f"#{ids.BUTTON_TAB_DETAIL}")
    closed = posts.during(page, lambda: page.check(
        f"#{ids.CHECKLIST_FACTION} input[value='foreign']"))
    for sent in (never_opened, closed):
        assert sent and not [p for p in sent if ids.GRAPH_MATRIX in p or ids.DIV_VOICE in p]


# --- one select event: wherever a person is chosen, the Details tab opens ----------------------


def chosen(page, person: str, name: str) -> None:
    page.wait_for_function(f"new URLSearchParams(location.search).get('person') === '{person}'")
    page.wait_for_function(f"document.querySelector('#{ids.BUTTON_TAB_DETAIL}')"
                           ".getAttribute('aria-selected') === 'true'")
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text=name).wait_for()
    assert page.locator(f"#{ids.DIV_DETAIL}").is_visible()


def away(page) -> None:
    """Open the Document tab, so that a selection has to bring the Details back."""
    page.click(f"#{ids.BUTTON_TAB_READER}")
    page.wait_for_function(f"document.querySelector('#{ids.BUTTON_TAB_READER}')"
                           ".getAttribute('aria-selected') === 'true'")


def test_every_way_to_select_a_person_opens_the_details(app):
    page = app
    # a chip of the walk ("New in this step"); the walk's text has the side to itself
    away(page)
    go(page, "?step=8")
    chip = page.locator(f"#{ids.DIV_WALK} .walk-new [data-action^='select person ']").first
    person = chip.get_attribute("data-action").removeprefix("select person ")
    chip.click()
    chosen(page, person, "")
    assert "step=8" in page.url
    # a name inside the Details panel
    go(page, "?person=kim-yeol")
    page.locator(f"#{ids.DIV_DETAIL} [data-action='select person hegai']").first.click()
    chosen(page, "hegai", "Hegai")
    # a search hit
    away(page)
    page.fill(f"#{ids.INPUT_SEARCH}", "Ho Ka-i")
    page.locator(f"#{ids.LIST_SEARCH_RESULTS} [data-action='select person hegai']").click()
    chosen(page, "hegai", "Hegai")
    # a row of the table view
    away(page)
    page.click(f"#{ids.BUTTON_TABLE_VIEW}")
    page.locator(f"#{ids.LIST_PEOPLE} [data-action='select person {PAK}']").click()
    chosen(page, PAK, "Pak Il-u")
    assert details_open(page)


def test_the_app_runs_under_its_content_security_policy(browser, server):
    """No bypass here: any script, style or request the CSP blocks is a console error."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = PageLog()
    log.attach(page)
    response = page.goto(server + f"/?person={PAK}")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    for _ in range(200):  # poll through CDP: wait_for_function would need eval
        if page.evaluate("window.cy ? cy.nodes().length : 0") > 0:
            break
        page.wait_for_timeout(100)
    tap(page, "hegai")
    page.locator(f"#{ids.DIV_DETAIL} h2", has_text="Hegai").wait_for()
    page.click(f"#{ids.BUTTON_TAB_ANALYSIS}")
    page.locator(f"#{ids.DIV_ANALYSIS} .js-plotly-plot").first.wait_for()
    page.click(f"#{ids.BUTTON_TAB_READER}")
    page.wait_for_timeout(500)
    context.close()
    assert log.errors == [], log.errors
    assert log.external == []
