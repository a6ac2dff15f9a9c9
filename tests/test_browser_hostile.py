"""Markup in the corpus and in the URL, in a real headless Chromium: shown as text, never run.

The corpus is ``tests/fixtures/broken/hostile-text`` (valid, but its names, quotes, notes
and step titles hold ``<img onerror>``, ``<script>``, ``javascript:`` links and spreadsheet
formulas). Before any page script runs, an init script turns ``alert``/``prompt``/
``confirm`` into traps and reports Content-Security-Policy violations to the test; both
are checked after every test, with the console errors and requests leaving the machine.

The pages keep the app's own CSP (no ``bypass_csp``): it has no ``'unsafe-eval'``, so
these tests poll with ``page.evaluate`` rather than Playwright's ``wait_for_function``,
which evaluates a string.
"""

from __future__ import annotations

import time

import pytest

from tests.browser import (
    ROOT,
    PageLog,
    running_server,
    tap,
    track_requests,
)

pytestmark = pytest.mark.browser
HOSTILE = ROOT / "tests" / "fixtures" / "broken" / "hostile-text"
NAME = '<img src=x onerror=alert(1)>Pak, "Heon"'
QUOTE = "Gi Seok-pok <script>alert('x')</script> and some others"
NOTE = '=HYPERLINK("http://example.com","x")'
STEP_TITLE = '<b>Hegai</b> and "Kim Yeol", =1+1'

TRAPS = """
(() => {
  const report = what => window.__hostileReport && window.__hostileReport(what);
  for (const name of ['alert', 'prompt', 'confirm']) {
    window[name] = (...args) => { report(`${name}(${args.join(', ')})`); };
  }
  document.addEventListener('securitypolicyviolation', e => report(
    `CSP: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    true);
})();
"""
#: Elements or attributes that would mean corpus markup became HTML.
INJECTED = ("img[onerror], [onerror], [onload], [onclick], [onmouseover], "
            "a[href^='javascript:' i], iframe, object, embed, #div-app script, #div-app b")


@pytest.fixture(scope="module")
def hostile_server():
    with running_server(HOSTILE) as url:
        yield url


@pytest.fixture(scope="module")
def corpus(hostile_network):
    return hostile_network.corpus


@pytest.fixture
def trapped_page(browser):
    """A page under the app's own CSP (unlike conftest's ``page``), with the traps set."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log, reports, probes = PageLog(), [], []
    log.attach(page)
    page.expose_function("__hostileReport", lambda what: reports.append(what))
    page.on("dialog", lambda dialog: (reports.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))
    page.on("request", lambda r: probes.append(r.url) if r.url.split("?")[0].endswith("/x")
            else None)  # the hostile <img src=x> loading would mean it became HTML
    page.add_init_script(TRAPS)
    track_requests(page)
    yield page
    context.close()
    assert reports == [], f"a payload ran or the policy blocked something: {reports}"
    assert probes == [], f"markup from the corpus loaded an image: {probes}"
    assert log.errors == [], log.errors
    assert log.external == [], f"requests left the machine: {log.external}"


def until(page, expression: str, timeout: float = 30) -> None:
    """Poll ``expression`` with ``page.evaluate`` (allowed under a CSP without eval)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"!!({expression})"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        time.sleep(0.05)


def settle(page, quiet_ms: int = 300) -> None:
    until(page, f"window.__pending === 0 && performance.now() - window.__quietSince > {quiet_ms}")


def open_app(page, url: str):
    response = page.goto(url)
    until(page, "window.cy && window.cy.nodes().length > 0")
    settle(page)
    return response


def injected(page) -> list[str]:
    return page.evaluate(
        "sel => [...document.querySelectorAll(sel)].map(e => e.outerHTML.slice(0, 120))",
        INJECTED)


def shown(page, container: str, text: str) -> None:
    """``text`` is on screen in ``container`` as text (Playwright's text engine)."""
    page.locator(container).get_by_text(text, exact=False).first.wait_for(state="visible")


def test_hostile_text_is_shown_as_text_and_never_run(trapped_page, hostile_server):
    page, server = trapped_page, hostile_server
    response = open_app(page, server + "/")
    # the policy is on, so the page fixture's "no violation" check means something
    assert "script-src 'self'" in response.headers["content-security-policy"]
    tap(page, "pak-heon-yeong")
    until(page, "location.search.includes('person=pak-heon-yeong')")
    settle(page)
    shown(page, "#div-detail h2", NAME)
    page.fill("#input-search", "Heon")
    shown(page, "#list-search-results", NAME)
    page.fill("#input-search", "")  # the open results would cover the tabs
    settle(page)
    tap(page, "kim-il-sung__gi-seok-pok")
    until(page, "location.search.includes('relation=')")
    settle(page)
    shown(page, "#div-detail", QUOTE)
    shown(page, "#div-detail", NOTE)
    page.click("#button-tab-reader")
    settle(page)
    shown(page, "#div-reader", QUOTE)
    page.click("#button-tab-analysis")
    settle(page)
    shown(page, "#div-analysis", NAME)
    assert injected(page) == []


def test_walk_step_title_is_text(trapped_page, hostile_server):
    page, server = trapped_page, hostile_server
    open_app(page, server + "/?step=2")
    shown(page, "#div-walk", STEP_TITLE)
    assert injected(page) == []


@pytest.mark.parametrize("query", [
    "person=../../etc/passwd",
    "faction=%00",
    "relation=..%2F..%2Fetc%2Fpasswd&layout=%00",
    "present=<script>alert(1)</script>",
    "step=-1",
    "type=<img src=x onerror=alert(1)>&polarity=javascript:alert(1)",
    "person=" + "x" * 9993,  # a 10,000-character query
], ids=["path-person", "nul-faction", "path-relation", "script-present", "negative-step",
        "markup-filters", "10000-characters"])
def test_malformed_query_loads_the_default_view(trapped_page, hostile_server, corpus, query):
    page, server = trapped_page, hostile_server
    open_app(page, f"{server}/?{query}")
    page.locator("#div-detail h2", has_text="How to read").wait_for()
    people = page.evaluate(
        "cy.nodes(':visible').filter(n => n.data('kind') !== 'faction').length")
    assert people == len(corpus.people)
    classes = page.evaluate("document.getElementById('div-app').className").split()
    assert "is-present" not in classes and "is-walking" not in classes
    assert injected(page) == []
