"""Shared helpers for the browser tests: a real server on a free port, headless Chromium.

The server is the CLI in a subprocess (what ``make run`` starts); Chromium is Debian's,
driven by Playwright. Pages record console errors and requests to other hosts so each
test can fail on them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: How long a step may take (ms). Generous: on a busy two-core machine one update of a page
#: holding the document's text and the table view keeps the browser busy for half a minute.
TIMEOUT = 90_000
#: Console noise that is not ours: cytoscape warns whenever a wheel sensitivity is passed.
IGNORED_CONSOLE = ("custom wheel sensitivity",)


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    raise RuntimeError("Debian's chromium is missing: `make test` installs it "
                       "(apt-get install chromium chromium-driver)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(proc: subprocess.Popen, url: str, timeout: float = 60) -> None:
    """Poll ``url`` until it answers; fail at once if ``proc`` exits, or after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            output = proc.stdout.read() if proc.stdout else ""
            raise RuntimeError(f"the server exited: {output}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def running_server(data_dir: Path, *extra: str, env: dict | None = None):
    """Start ``python -m dashboard run`` on a free port and yield its base URL."""
    with serving(lambda port: ["-m", "dashboard", "run", "--data", str(data_dir),
                               "--port", str(port), *extra], env) as url:
        yield url


@contextmanager
def serving(arguments, env: dict | None = None, output=subprocess.PIPE):
    """Run ``python *arguments(port)`` on a free port, wait until it answers, yield its
    base URL, and stop it on leaving. ``output`` is where its output goes (a pipe shows
    it if the server dies at start)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, *arguments(port)], cwd=ROOT, stdout=output,
        stderr=subprocess.STDOUT if output == subprocess.PIPE else output, text=True,
        env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(proc, url)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class PageLog:
    """What went wrong on a page: console errors, page errors, requests leaving the machine."""

    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.errors.append(f"pageerror: {err}"))
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type == "error" and not any(s in message.text for s in IGNORED_CONSOLE):
            self.errors.append(f"console: {message.text}")

    def _request(self, request) -> None:
        host = request.url.split("/")[2] if "://" in request.url else ""
        if request.url.startswith(("http://", "https://")) and not host.startswith(
                ("127.0.0.1", "localhost")):
            self.external.append(request.url)


# Contexts of the functional tests pass ``bypass_csp=True``: Playwright's
# ``wait_for_function`` evaluates its predicate with ``eval``, which the app's CSP forbids
# (rightly). ``test_browser.py::test_the_app_runs_under_its_content_security_policy``
# checks the app itself without the bypass.


#: True once the panels drawn after the graph (``layout.later``, ``assets/panels.js``) are
#: in the page: each ``later`` box shows its components.
PANELS_DRAWN_JS = """() => {
  const boxes = document.querySelectorAll("[id$='-later-parent']");
  return boxes.length > 0 && Array.from(boxes).every(b => {
    const content = b.querySelector(":scope > .tab-content");
    return content && content.childElementCount > 0;
  });
}"""


def wait_for_graph(page, timeout: int = TIMEOUT) -> None:
    """Wait until Cytoscape has drawn its nodes, the panels drawn after it are in the page,
    and Dash has finished its start-up.

    A load at the start view posts nothing (the layout holds it); any other posts the URL
    callback, then the graph's changes, and a tap sent before that chain ends could be
    overtaken by it: ``settle`` waits for Dash's queue to empty.
    """
    page.wait_for_function("window.cy && window.cy.nodes().length > 0", timeout=timeout)
    page.wait_for_function(PANELS_DRAWN_JS, timeout=timeout)
    settle(page, timeout=timeout)


SETTLE_JS = """
(() => {
  if (window.__pending !== undefined) { return; }
  window.__pending = 0; window.__fetched = 0; window.__quietSince = performance.now();
  const fetch0 = window.fetch;
  window.fetch = function (...args) {
    window.__pending += 1; window.__fetched += 1;
    return fetch0.apply(this, args).finally(() => {
      window.__pending -= 1; window.__quietSince = performance.now();
    });
  };
})();
"""

#: True once Dash's renderer has had nothing queued, running or waiting (``window.store``
#: is its Redux store; ``callbacks.completed`` counts what it finished), no fetch has been
#: open and none has ended, for ``quiet`` ms. A click queues its callbacks in the Redux
#: store before Playwright's ``click`` returns, so a short quiet is enough; it covers the
#: scripts' own frames (a label pass, a focus moved in the next frame). A page without
#: Dash's store (not the app) falls back to the fetches alone.
IDLE_JS = """quiet => {
  const t = performance.now();
  const w = window.__idle || (window.__idle = {n: -1, since: t});
  const s = window.store && window.store.getState && window.store.getState();
  let busy = window.__pending > 0, done = -1;
  if (s) {
    const c = s.callbacks || {};
    busy = busy || s.appLifecycle !== "HYDRATED" || s.isLoading ||
           Object.keys(c).some(k => Array.isArray(c[k]) && c[k].length);
    done = c.completed;
  }
  if (busy || done !== w.n) { w.n = done; w.since = t; return false; }
  return t - Math.max(w.since, window.__quietSince || 0) >= quiet;
}"""
#: How long the page must have been idle (ms) for ``settle``.
QUIET_MS = 150


def track_requests(page) -> None:
    """Count the page's fetches (Dash's callbacks use fetch) so ``settle`` can wait them out."""
    page.add_init_script(SETTLE_JS)


def settle(page, quiet_ms: int = QUIET_MS, timeout: int = TIMEOUT) -> None:
    """Wait until Dash has no callback queued or running, no request is open, and that has
    lasted ``quiet_ms``."""
    page.evaluate("() => { window.__idle = null; }")
    page.wait_for_function(IDLE_JS, arg=quiet_ms, timeout=timeout, polling=30)


def still(page) -> None:
    """Wait until no callback is pending and the camera and nodes have stopped (the labels
    are chosen in the frame after the last move)."""
    settle(page)
    page.wait_for_function("""() => {
      const now = JSON.stringify([cy.zoom(), cy.pan(), cy.nodes().map(n => n.position())]);
      const same = window.__lastCamera === now; window.__lastCamera = now; return same;
    }""", polling=120, timeout=TIMEOUT)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def tap(page, element_id: str) -> None:
    """Tap a node or edge through Cytoscape's API (``void``: returning the collection would
    make Playwright serialise the whole graph)."""
    page.evaluate("id => void cy.getElementById(id).emit('tap')", element_id)


@contextmanager
def checked_page(browser, width: int = 1440, height: int = 900, **options):
    """A page in a fresh context that fails the test, on leaving, on any console error or
    request to another host. Options go to ``new_context`` (``accept_downloads`` ...);
    the page's ``PageLog`` is ``page.log``."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  bypass_csp=True, **options)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    log = PageLog()
    log.attach(page)
    page.log = log
    track_requests(page)
    try:
        yield page
    finally:
        context.close()
    assert log.errors == [], log.errors
    assert log.external == [], f"requests left the machine: {log.external}"


def go(page, query: str) -> None:
    """Change the address as back/forward would (``dcc.Location`` follows ``popstate``),
    without loading the page again, and wait until the callbacks are done."""
    before = page.evaluate("window.__fetched")
    moved = page.evaluate("q => { const to = new URL(location.pathname + q, location.href);"
                          " const moved = to.search !== location.search;"
                          " history.pushState({}, '', to.pathname + to.search);"
                          " window.dispatchEvent(new PopStateEvent('popstate'));"
                          " return moved; }", query)
    if moved:  # the URL callback answers
        page.wait_for_function("n => window.__fetched > n", arg=before)
    settle(page)


def show_filters(page) -> None:
    """Unfold the filter column (folded by default to give the graph the room)."""
    if page.get_attribute("#button-fold-filters", "aria-expanded") != "true":
        page.click("#button-fold-filters")
    page.locator("#checklist-faction").wait_for(state="visible")


def back_to_start(page) -> None:
    """The page at the start view with the Details tab open and nothing else open (the
    table view, the search list, an export menu): where a test on a shared page starts."""
    page.keyboard.press("Escape")
    if page.get_attribute("#button-table-view", "aria-pressed") == "true":
        page.click("#button-table-view")
    if page.input_value("#input-search"):
        page.fill("#input-search", "")
    go(page, "")
    page.click("#button-tab-detail")
    page.evaluate("document.activeElement && document.activeElement.blur()")  # keys walk
    settle(page)


def check_log(page) -> None:
    """Fail on the console errors and outside requests seen since the last check."""
    errors, external = list(page.log.errors), list(page.log.external)
    page.log.errors.clear()
    page.log.external.clear()
    assert errors == [], errors
    assert external == [], f"requests left the machine: {external}"
