"""Issue 15 in a real browser: the notice when the server is lost (assets/offline.js), the
year boxes named at a phone's width (assets/a11y.js), and the UI's own callback requests
let through by the guard (dashboard/web/guard.py).

The offline test runs its own server on tests/fixtures/valid, stops it, clicks, and starts
another on the same port; the failed requests are the only console errors it allows.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import (
    ROOT,
    checked_page,
    free_port,
    go,
    settle,
    show_filters,
    tap,
    wait_for_graph,
    wait_until_serving,
)

pytestmark = pytest.mark.browser
PHONE = (390, 844)
NOTICE = ".offline-notice"
LOST = "The app has lost its server; your last click was not applied."
#: The console errors a stopped server causes: the failed requests themselves.
UNREACHABLE = re.compile(r"net::ERR_CONNECTION_REFUSED|Failed to fetch|ERR_EMPTY_RESPONSE|"
                         r"Callback failed: the server did not respond")


def severe(page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[' '.join(n['target']) for n in v['nodes']][:5]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def test_the_year_boxes_are_named_at_a_phones_width(browser, server):
    with checked_page(browser, *PHONE) as page:
        page.goto(server + "/")
        wait_for_graph(page)
        show_filters(page)
        boxes = page.locator("#rangeslider-years input")
        boxes.first.wait_for()
        assert [boxes.nth(i).get_attribute("aria-label") for i in range(boxes.count())] == [
            "First year", "Last year"]
        assert severe(page) == []
        go(page, "?from=1950&to=1953")  # React draws the boxes again: the names stay
        assert page.input_value("#rangeslider-years input >> nth=0") == "1950"
        assert boxes.nth(1).get_attribute("aria-label") == "Last year"
        assert severe(page) == []
        assert page.locator(NOTICE).text_content() == ""


def test_the_uis_own_requests_pass_the_guard(app):
    statuses: list[tuple[int, str]] = []

    def seen(response) -> None:
        if "_dash-update-component" in response.url:
            statuses.append((response.status, response.request.post_data or ""))

    app.on("response", seen)
    try:
        show_filters(app)
        app.uncheck("#checklist-faction input[value='soviet']")
        app.wait_for_function("location.search.includes('faction=')")
        settle(app)
        tap(app, "pak-il-u")
        app.wait_for_function("location.search.includes('person=pak-il-u')")
        settle(app)
        app.fill("#input-search", "Pak Hon")
        app.locator("#list-search-results .search-hit").first.click()  # selects, closes
        app.wait_for_function("location.search.includes('person=pak-heon')")
        settle(app)
        app.click("#button-tab-analysis")
        app.locator("#div-analysis .js-plotly-plot").first.wait_for()
        settle(app)
        go(app, "?from=1950&to=1954")  # the charts are mounted: wildcard outputs
        app.click("#button-tab-reader")
        settle(app)
        go(app, "?step=2&table=1")
    finally:
        app.remove_listener("response", seen)
    refused = [(status, body[:200]) for status, body in statuses if status not in (200, 204)]
    assert len(statuses) > 5 and refused == []


def _server(port: int) -> subprocess.Popen:
    data = ROOT / "tests" / "fixtures" / "valid"
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "run", "--data", str(data),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    wait_until_serving(proc, f"http://127.0.0.1:{port}")
    return proc


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_a_lost_server_is_announced_and_the_notice_goes_when_it_is_back(browser):
    port = free_port()
    first = _server(port)
    second = None
    try:
        with checked_page(browser) as page:
            page.goto(f"http://127.0.0.1:{port}/")
            wait_for_graph(page)
            notice = page.locator(NOTICE)
            assert notice.get_attribute("role") == "alert"
            assert notice.get_attribute("aria-live") == "assertive"
            assert notice.text_content() == "" and notice.bounding_box()["height"] == 0
            _stop(first)
            tap(page, "hegai")  # the URL callback's request cannot reach the server
            page.wait_for_function(f"el => el.textContent.startsWith({LOST!r})",
                                   arg=notice.element_handle())
            assert notice.is_visible() and notice.bounding_box()["height"] > 20
            assert page.evaluate("location.search") == ""
            second = _server(port)
            page.wait_for_function("el => el.textContent === ''",
                                   arg=notice.element_handle(), timeout=30_000)
            page.wait_for_timeout(500)
            assert page.evaluate("location.search") == ""  # the click was not sent again
            allowed = [e for e in page.log.errors if UNREACHABLE.search(e)]
            assert allowed, "the stopped server caused no failed request"
            page.log.errors[:] = [e for e in page.log.errors if not UNREACHABLE.search(e)]
    finally:
        _stop(first)
        if second is not None:
            _stop(second)
