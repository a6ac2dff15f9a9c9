"""The main job in a real headless Chromium against a real server on the shipped corpus.

The graph is driven through Cytoscape's own API (``window.cy``), never by pixel
positions. Every test fails on a browser console error or a request leaving the machine.
"""

from __future__ import annotations

import pytest

from dashboard.corpus import load_valid_corpus
from tests.browser import (
    DATA_DIR,
    PageLog,
    screenshot,
    settle,
    tap,
    wait_for_graph,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus():
    return load_valid_corpus(DATA_DIR)


def visible_nodes(page) -> int:
    return page.evaluate("cy.nodes(':visible').filter(n => n.data('kind') !== 'faction').length")


def visible_edges(page) -> int:
    return page.evaluate("cy.edges(':visible').length")


def test_graph_draws_every_person(page, server, corpus):
    page.goto(server + "/")
    wait_for_graph(page)
    assert visible_nodes(page) == len(corpus.people)
    assert visible_edges(page) > 0
    assert "Showing" in page.inner_text("#text-counts")
    screenshot(page, "01-overview")


def test_faction_filter_drops_nodes_and_writes_url(page, server, corpus):
    page.goto(server + "/")
    wait_for_graph(page)
    before = visible_nodes(page)
    page.get_by_role("radio", name="Relations between the selected factions only").check()
    for label in ("Domestic Koreans", "Pak Heon-yeong group", "Foreign actors",
                  "Party and state bodies"):
        page.locator("#checklist-faction label", has_text=label).click()
        settle(page)
    page.wait_for_function("location.search.includes('faction=soviet%2Cyanan')")
    page.get_by_role("checkbox", name="Hide people left without relations").check()
    page.wait_for_function("location.search.includes('isolated=hide')")
    settle(page)
    after = visible_nodes(page)
    assert 0 < after < before
    factions = page.evaluate("cy.nodes(':visible').map(n => n.data('faction'))")
    assert set(factions) <= {"soviet", "yanan"}
    screenshot(page, "02-two-factions")


def test_select_person_through_cytoscape_shows_passages(page, server):
    page.goto(server + "/")
    wait_for_graph(page)
    tap(page, "pak-il-u")
    page.wait_for_function("location.search.includes('person=pak-il-u')")
    panel = page.locator("#div-detail")
    panel.locator("h2", has_text="Pak Il-u").wait_for()
    assert panel.locator("article.passage").count() >= 10
    assert panel.locator("mark.mention").first.inner_text() == "Pak Il-u"
    assert panel.locator("mark.quote").count() > 0
    assert "ivanov-1955-12-07 ¶" in panel.locator(".citation").first.inner_text()
    page.wait_for_function("cy.nodes().filter(n => parseFloat(n.style('opacity')) < 0.5)"
                           ".length > 0")  # the rest fades
    assert page.evaluate("parseFloat(cy.$('#pak-il-u').style('opacity'))") == 1
    assert page.evaluate("cy.$('#pak-il-u').neighborhood('node').every("
                         "n => parseFloat(n.style('opacity')) === 1)")
    screenshot(page, "03-person-pak-il-u")
    panel.locator(".citation").first.click()
    page.wait_for_selector("#div-reader .reader-para.is-current", state="visible")
    screenshot(page, "04-reader-jump")


def test_click_edge_shows_every_claim_with_its_quote(page, server, corpus):
    page.goto(server + "/")
    wait_for_graph(page)
    tap(page, "kim-il-sung__pak-il-u")
    page.wait_for_function("location.search.includes('relation=')")
    claims = page.locator("#div-detail article.claim")
    claims.first.wait_for()
    expected = [r for r in corpus.relations.values()
                if (r.source, r.target) == ("kim-il-sung", "pak-il-u")]
    assert claims.count() == len(expected)
    assert claims.first.locator("mark.quote").count() >= 1
    screenshot(page, "05-edge")


def test_person_url_restores_panel_and_back_forward(page, server):
    page.goto(server + "/?faction=soviet,yanan&person=hegai")
    wait_for_graph(page)
    page.locator("#div-detail h2", has_text="Hegai").wait_for()
    assert page.locator("#checklist-faction input:checked").count() == 2
    tap(page, "kim-yeol")
    page.wait_for_function("location.search.includes('person=kim-yeol')")
    page.locator("#div-detail h2", has_text="Kim Yeol").wait_for()
    page.go_back()
    page.wait_for_function("location.search.includes('person=hegai')")
    page.locator("#div-detail h2", has_text="Hegai").wait_for()
    page.go_forward()
    page.locator("#div-detail h2", has_text="Kim Yeol").wait_for()


def test_bad_url_falls_back_to_default_view(page, server, corpus):
    page.goto(server + "/?person=../../etc/passwd&faction=<script>&from=abc&layout=%00")
    wait_for_graph(page)
    page.locator("#div-detail h2", has_text="How to read").wait_for()
    assert visible_nodes(page) == len(corpus.people)


def test_search_by_mccune_reischauer_selects_the_person(page, server):
    page.goto(server + "/")
    wait_for_graph(page)
    page.fill("#input-search", "Pak Hon-yong")
    colours = page.evaluate("(s => [s.color, s.backgroundColor])("
                            "getComputedStyle(document.querySelector('#input-search')))")
    assert colours[0] != colours[1], f"the typed text is invisible: {colours}"
    hit = page.locator("#list-search-results button").first
    hit.wait_for()
    assert "Pak Heon-yeong" in hit.inner_text()
    hit.click()
    page.wait_for_function("location.search.includes('person=pak-heon-yeong')")
    page.locator("#div-detail h2", has_text="Pak Heon-yeong").wait_for()
    screenshot(page, "06-search")


def test_reset_restores_everything(page, server, corpus):
    page.goto(server + "/?faction=soviet&type=accuses&isolated=hide&person=hegai")
    wait_for_graph(page)
    assert visible_nodes(page) < len(corpus.people)
    page.click("#button-reset")
    page.wait_for_function("location.search === ''")
    settle(page)
    assert visible_nodes(page) == len(corpus.people)


def test_the_app_runs_under_its_content_security_policy(browser, server):
    """No bypass here: any script, style or request the CSP blocks is a console error."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = PageLog()
    log.attach(page)
    response = page.goto(server + "/?person=pak-il-u")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    for _ in range(200):  # poll through CDP: wait_for_function would need eval
        if page.evaluate("window.cy ? cy.nodes().length : 0") > 0:
            break
        page.wait_for_timeout(100)
    tap(page, "hegai")
    page.locator("#div-detail h2", has_text="Hegai").wait_for()
    page.click("#button-tab-analysis")
    page.locator("#div-analysis .js-plotly-plot").first.wait_for()
    page.click("#button-tab-reader")
    page.wait_for_timeout(500)
    context.close()
    assert log.errors == [], log.errors
    assert log.external == []
