"""Issue 15: slow and oversized clients must not starve a classroom's ordinary requests.

On an open school network anyone can open connections to the server. A server that gives a
worker thread to a request before the request has arrived (gunicorn's gthread worker reads
the headers and the body in the thread) can be held by a few dozen connections that trickle
their headers a byte a second, or that announce a 10 GB body and send nothing: every
student's click then waits. This benchmark measures that, against the server as
``make serve`` starts it (or any command, or a running server):

1. **Slow clients.** ``--slow`` connections (default 50) are held open the whole time: half
   are *slowloris* (``GET /`` and its request line, then one header byte a second, never
   finishing), half *announce a body* (a POST to ``/_dash-update-component`` with
   ``Content-Length: 10000000000`` that sends nothing after the headers). One the server
   closes or answers is opened again at once, as an attacker would.
2. **Ordinary requests meanwhile.** ``--clients`` clients (default 4) send rounds of
   ``GET /`` then a real callback for ``--duration`` seconds (30), each round on a new
   kept-alive connection (a student opening the page, then clicking). The callback is the
   one whose only input is ``store-search.data`` (the graph's changes), its body built from
   ``/_dash-dependencies`` and ``/_dash-layout`` as Dash's renderer builds it. Before the
   slow clients come, ``--baseline`` seconds (10) of the same give the quiet figures.
3. **An oversized body.** A 10 MB POST to ``/_dash-update-component`` (the callback's body
   padded with spaces: valid JSON): the status, the time to the answer and how much was
   sent before it (the socket buffers take a few MB at once). The target is 413, answered
   from the headers with the body never parsed; a server without a limit answers 200.

4. **A student's first load**, before the rest: headless Chromium (Debian's, through
   Playwright from requirements-dev.txt, imported only for this step) loads the page until
   the graph is drawn and the network is quiet, and every request it made (the page, the
   JavaScript bundles, CSS, fonts, the first callbacks) is sent again twice, asking for
   no compression and then for ``gzip, br``: the bytes on the wire of each kind, the
   encodings the server chose, and whether every compressed answer decodes to the same
   bytes as the plain one (the check that Dash's compressed responses work from gunicorn's
   gevent workers; Chromium itself asks for zstd, br and gzip and must draw the graph).
   ``--no-first-load`` skips it.

The ordinary clients ask for ``gzip, deflate, br, zstd`` as Chromium does, so the server
compresses their pages as it would a class's. A request that takes more than 10 s is a
*timeout*; a failure or a status other than 200 (or 204) is an *error*. Targets, while the
slow connections are held: 0 timeouts, p95 at most 250 ms; the 10 MB body gets 413. They
are reported, never asserted.

    .venv/bin/python benchmarks/bench_slow_clients.py [--slow 50] [--duration 30] [--write-results]
    .venv/bin/python benchmarks/bench_slow_clients.py --server "NAME=COMMAND" [--server ...]
    .venv/bin/python benchmarks/bench_slow_clients.py --url http://127.0.0.1:8050

Without ``--url`` or ``--server`` it starts ``gunicorn -c gunicorn.conf.py app:server`` (the
``gunicorn`` beside this Python) from the repository root, as ``make serve`` does:
``DASHBOARD_DATA``, ``DASHBOARD_HOST`` and ``DASHBOARD_PORT`` (a free port) in the
environment. A ``--server`` command runs the same way; ``{host}`` and ``{port}`` in it are
replaced. Each server runs in its own process group, stopped afterwards; its log goes to
``benchmarks/out/slow-NAME.log``. Loopback only, bounded in time, standard library only but
for the first load (Playwright, and brotli to decode); it talks HTTP to the app and never
imports it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import ipaddress
import json
import os
import platform
import re
import select
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import results  # noqa: E402  (standard library only)

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
OUT = Path(__file__).resolve().parent / "out"
HEADING = "## Slow and oversized clients (issue 15)"
UPDATE = "/_dash-update-component"
SEARCH = "store-search"  # dashboard.web.ids.STORE_SEARCH: the URL's query, for the server
TIMEOUT = 10.0  # seconds: a request slower than this is a timeout
TARGET_P95_MS = 250.0
BIG_BODY = 10_000_000  # bytes sent in step 3
ANNOUNCED = 10_000_000_000  # bytes the slow POSTs announce
TICK = 1.0  # seconds between two bytes of a slowloris
MAX_SLOW, MAX_DURATION = 1000, 600
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"  # what Chromium asks for


class BenchError(Exception):
    """A setting or a server this benchmark will not run with."""


def loopback(url: str) -> tuple[str, int]:
    """The host and port of ``url``, which must be on this machine.

    >>> loopback("http://127.0.0.1:8050")
    ('127.0.0.1', 8050)
    """
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        ok = parts.scheme == "http" and (
            host == "localhost" or ipaddress.ip_address(host).is_loopback)
        port = parts.port or 80
    except ValueError:
        ok = False
    if not ok:
        raise BenchError(f"{url}: only 127.0.0.0/8, ::1 or localhost")
    if host == "localhost":
        found = {a[4][0] for a in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
        if not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in found):
            raise BenchError(f"{url}: localhost resolves to {sorted(found)}")
    return host, port


def percentile(values: list[float], p: float) -> float:
    """Nearest rank.

    >>> percentile([5, 1, 4, 2, 3], 50), percentile(list(range(1, 101)), 95)
    (3, 95)
    """
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)] if ordered else float("nan")


# -- the server --------------------------------------------------------------------------------

@dataclass
class Target:
    """A server to measure: where it listens, and its process group when we started it."""

    name: str
    host: str
    port: int
    pgid: int | None = None
    log: Path | None = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def default_command() -> str:
    """``make serve``'s command, with the ``gunicorn`` installed beside this Python."""
    return f"{Path(sys.executable).parent / 'gunicorn'} -c gunicorn.conf.py app:server"


def wait_ready(host: str, port: int, proc: subprocess.Popen | None, timeout: float) -> None:
    """Poll ``GET /`` until it answers 200; fail if the server exits or after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            raise BenchError(f"the server exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=5)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise BenchError(f"{host}:{port} did not answer within {timeout:.0f} s")
        time.sleep(0.5)


@contextmanager
def serve(name: str, command: str, root: Path, data: Path) -> Iterator[Target]:
    """Run ``command`` from ``root`` on a free loopback port, as ``make serve`` does; stop
    its whole process group afterwards."""
    OUT.mkdir(exist_ok=True)
    port = free_port()
    env = {**os.environ, "DASHBOARD_DATA": str(data.resolve()),
           "DASHBOARD_HOST": "127.0.0.1", "DASHBOARD_PORT": str(port)}
    argv = shlex.split(command.replace("{host}", "127.0.0.1").replace("{port}", str(port)))
    log = OUT / f"slow-{re.sub(r'[^A-Za-z0-9._-]+', '-', name)}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(argv, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        wait_ready("127.0.0.1", port, proc, timeout=180)
        yield Target(name, "127.0.0.1", port, proc.pid, log)
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM to the server's process group (a graceful stop), SIGKILL if it lingers."""
    for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=grace)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def group_memory(pgid: int) -> list[tuple[int, float, float]]:
    """(pid, RSS MB, PSS MB) of each live process of a process group. PSS splits the pages
    that forked workers share (the corpus, loaded before forking) between them."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:
                continue
            rollup = (stat.parent / "smaps_rollup").read_text()
        except (OSError, IndexError, ValueError):
            continue
        kb = {k: int(v) for k, v in re.findall(r"^(Rss|Pss):\s+(\d+) kB", rollup, re.M)}
        found.append((int(stat.parent.name), kb.get("Rss", 0) / 1024, kb.get("Pss", 0) / 1024))
    return sorted(found)


# -- the callback an ordinary client sends ------------------------------------------------------

def get_json(host: str, port: int, path: str) -> object:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        if response.status != 200:
            raise BenchError(f"GET {path}: HTTP {response.status}")
        return json.loads(response.read())
    finally:
        conn.close()


def layout_props(value: object, found: dict | None = None) -> dict[str, dict]:
    """Every component with a string id in a Dash layout: id -> its props."""
    found = {} if found is None else found
    if isinstance(value, list):
        for item in value:
            layout_props(item, found)
    elif isinstance(value, dict):
        props = value.get("props") if "namespace" in value else None
        if isinstance(props, dict) and isinstance(props.get("id"), str):
            found[props["id"]] = props
        for item in value.values():
            layout_props(item, found)
    return found


def callback_body(host: str, port: int) -> bytes:
    """The body Dash's renderer posts for the server callback whose only input is
    ``store-search.data`` (the URL's query as the server's callbacks see it: the graph's
    changes on the shipped app), with the layout's state."""
    deps = get_json(host, port, "/_dash-dependencies")
    props = layout_props(get_json(host, port, "/_dash-layout"))
    dep = next((d for d in deps if not d.get("clientside_function")
                and [(i["id"], i["property"]) for i in d["inputs"]] == [(SEARCH, "data")]),
               None)
    if dep is None:
        raise BenchError(f"no server callback has {SEARCH}.data as its only input")
    multi = dep["output"].startswith("..")
    names = dep["output"].strip(".").split("...") if multi else [dep["output"]]
    outputs = [dict(zip(("id", "property"), n.split("@")[0].rsplit(".", 1), strict=True))
               for n in names]
    state = [{"id": s["id"], "property": s["property"],
              **({"value": props[s["id"]][s["property"]]}
                 if s["property"] in props.get(s["id"], {}) else {})} for s in dep["state"]]
    body = {"output": dep["output"], "outputs": outputs if multi else outputs[0],
            "inputs": [{"id": SEARCH, "property": "data", "value": ""}],
            "changedPropIds": [f"{SEARCH}.data"], "parsedChangedPropsIds": [f"{SEARCH}.data"],
            "state": state}
    return json.dumps(body).encode()


# -- slow clients ------------------------------------------------------------------------------

def slowloris_bytes() -> Iterator[bytes]:
    """Header bytes without end, one at a time: ``X-Slow-1: 1\\r\\nX-Slow-2: 2\\r\\n...``."""
    n = 0
    while True:
        n += 1
        for byte in f"X-Slow-{n}: {n}\r\n".encode():
            yield bytes([byte])


@dataclass
class Slot:
    """One slow connection, reopened when the server ends it."""

    kind: str  # "slowloris" or "announced body"
    sock: socket.socket | None = None
    opened: float = 0.0
    trickle: Iterator[bytes] = field(default_factory=slowloris_bytes)


@dataclass
class SlowStats:
    opened: int = 0
    refused: int = 0
    ended: dict[str, list[float]] = field(default_factory=dict)  # how -> lifetimes (s)


class SlowClients(threading.Thread):
    """``count`` slow connections, kept open (and reopened) until ``stop``."""

    def __init__(self, host: str, port: int, count: int) -> None:
        super().__init__(name="slow-clients", daemon=True)
        self.host, self.port = host, port
        self.slots = [Slot("slowloris" if i % 2 == 0 else "announced body")
                      for i in range(count)]
        self.stats = SlowStats()
        self.halt = threading.Event()

    def start_line(self, kind: str) -> bytes:
        host = f"Host: {self.host}:{self.port}\r\n"
        if kind == "slowloris":
            return f"GET / HTTP/1.1\r\n{host}User-Agent: slowloris\r\n".encode()
        return (f"POST {UPDATE} HTTP/1.1\r\n{host}Content-Type: application/json\r\n"
                f"Content-Length: {ANNOUNCED}\r\n\r\n").encode()

    def run(self) -> None:
        while not self.halt.is_set():
            for slot in self.slots:
                self.tick(slot)
            self.halt.wait(TICK)
        for slot in self.slots:
            if slot.sock is not None:
                slot.sock.close()

    def tick(self, slot: Slot) -> None:
        """Open the slot if needed, else send its next byte; note a server that ended it."""
        try:
            if slot.sock is None:
                slot.sock = socket.create_connection((self.host, self.port), timeout=5)
                slot.opened = time.monotonic()
                slot.sock.sendall(self.start_line(slot.kind))
                slot.sock.setblocking(False)  # a poll must not wait for the socket's timeout
                self.stats.opened += 1
                return
            ended = self.poll(slot.sock)
            if ended is None and slot.kind == "slowloris":
                slot.sock.sendall(next(slot.trickle))
        except OSError as err:
            ended = "refused" if slot.sock is None else f"closed ({type(err).__name__})"
        if ended is not None:
            self.end(slot, ended)

    @staticmethod
    def poll(sock: socket.socket) -> str | None:
        """How the server ended the connection (an answer or a close), None while open."""
        try:
            data = sock.recv(4096, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return None
        if not data:
            return "closed"
        status = re.match(rb"HTTP/1\.[01] (\d{3})", data)
        return f"answered {status[1].decode()}" if status else "answered"

    def end(self, slot: Slot, how: str) -> None:
        if how == "refused":
            self.stats.refused += 1
        else:
            self.stats.ended.setdefault(how, []).append(time.monotonic() - slot.opened)
        if slot.sock is not None:
            slot.sock.close()
        slot.sock, slot.trickle = None, slowloris_bytes()

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=30)


# -- ordinary clients --------------------------------------------------------------------------

@dataclass
class Samples:
    """Latencies (ms) of the ordinary requests, timeouts and errors, from all clients."""

    ms: dict[str, list[float]] = field(default_factory=dict)
    timeouts: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, error: str | None) -> None:
        with self.lock:
            self.ms.setdefault(kind, []).append(ms)
            if error == "timeout":
                self.timeouts += 1
            elif error:
                self.errors.append(f"{kind}: {error}")

    def every(self) -> list[float]:
        return [v for values in self.ms.values() for v in values]


def request(conn: http.client.HTTPConnection, method: str, path: str,
            body: bytes | None) -> str | None:
    """Send one request on a kept-alive connection; what went wrong, or None."""
    headers = {"Accept-Encoding": BROWSER_ENCODINGS,
               **({"Content-Type": "application/json"} if body is not None else {})}
    try:
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        response.read()
    except TimeoutError:
        return "timeout"
    except (OSError, http.client.HTTPException) as err:
        return f"{type(err).__name__}: {err}"
    return None if response.status in (200, 204) else f"HTTP {response.status}"


def ordinary_client(target: Target, body: bytes, deadline: float, samples: Samples) -> None:
    """Rounds of ``GET /`` then the callback until ``deadline``, each round on a new
    connection (a student opening the page, then clicking), kept alive within the round."""
    plan = (("GET /", "GET", "/", None), ("POST callback", "POST", UPDATE, body))
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection(target.host, target.port, timeout=TIMEOUT)
        for kind, method, path, data in plan:
            start = time.monotonic()
            error = request(conn, method, path, data)
            samples.add(kind, (time.monotonic() - start) * 1000, error)
            if error:
                break
        conn.close()
        time.sleep(0.05)


def ordinary_load(target: Target, body: bytes, seconds: float, clients: int) -> Samples:
    samples = Samples()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=ordinary_client, args=(target, body, deadline, samples),
                                daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 2 * TIMEOUT + 5)
    return samples


# -- an oversized body -------------------------------------------------------------------------

@dataclass
class BigBody:
    status: str
    seconds: float
    sent: int  # bytes of the body sent before the server answered (or closed)


def big_body(target: Target, body: bytes, size: int = BIG_BODY, limit: float = 60.0) -> BigBody:
    """POST the callback ``body`` padded with spaces to ``size`` bytes (still valid JSON, so a
    server that lets it in parses it and runs the callback); stop sending as soon as the
    server answers or closes."""
    pending = memoryview(body + b" " * (size - len(body)))
    head = (f"POST {UPDATE} HTTP/1.1\r\nHost: {target.host}:{target.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n").encode()
    sock = socket.create_connection((target.host, target.port), timeout=limit)
    start, sent, answer = time.monotonic(), 0, b""
    try:
        sock.sendall(head)
        sock.setblocking(False)
        while not answer and (left := limit - (time.monotonic() - start)) > 0:
            readable, writable, _ = select.select([sock], [sock] if sent < size else [], [],
                                                  left)
            if readable:
                answer = sock.recv(4096) or b"closed"
            elif writable:
                sent += sock.send(pending[sent:sent + 65536])
    except OSError as err:  # the server closed while we sent: its answer may be waiting
        answer = _leftover(sock) or f"closed ({type(err).__name__})".encode()
    finally:
        sock.close()
    seconds = time.monotonic() - start
    status = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    text = status[1].decode() if status else (answer.decode(errors="replace") or "no answer")
    return BigBody(text, seconds, sent)


def _leftover(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError:
        return b""


# -- a student's first load --------------------------------------------------------------------

KINDS = (("the page, layout and callback list", r"^/(?:$|\?|_dash-layout|_dash-dependencies)"),
         ("Dash's JavaScript (React, renderer, components)", r"^/_dash-component-suites/"),
         ("the app's JavaScript (assets/, one bundle)", r"^/(?:assets|_bundle)/.*\.js"),
         ("CSS", r"\.css(?:\?|$)"), ("fonts", r"\.woff2?(?:\?|$)"),
         ("the first callbacks", r"^/_dash-update-component"), ("other", r""))
ASKED = (("none", "identity"), ("gzip, br", "gzip, br"))
REPLAYS = 5  # rounds of the replay timed, after one to warm up
#: Counts the page's fetches (Dash's callbacks), as tests/browser.py does, to wait them out.
COUNT_FETCHES = """(() => {
  window.__pending = 0; window.__quietSince = performance.now();
  const fetch0 = window.fetch;
  window.fetch = function (...args) {
    window.__pending += 1;
    return fetch0.apply(this, args).finally(() => {
      window.__pending -= 1; window.__quietSince = performance.now(); });
  };
})();"""
#: The graph drawn, its counts written, and no callback pending or ended for a second.
LOADED = ("() => !!(window.cy && window.cy.nodes().length > 0 && document.querySelector("
          "'#text-counts') && document.querySelector('#text-counts').textContent.length > 0 "
          "&& window.__pending === 0 && performance.now() - window.__quietSince > 1000)")


@dataclass
class Fetch:
    method: str
    path: str
    body: bytes | None
    kind: str


@dataclass
class FirstLoad:
    fetches: list[Fetch]
    browser_encodings: dict[str, int]  # what Chromium was sent, by Content-Encoding
    wire: dict[str, dict[str, int]] = field(default_factory=dict)  # asked -> kind -> bytes
    chosen: dict[str, int] = field(default_factory=dict)  # Content-Encoding for gzip, br
    seconds: dict[str, float] = field(default_factory=dict)  # asked -> fetching them all
    decoded: int = 0  # compressed answers that decode to the plain answer's bytes
    mismatched: list[str] = field(default_factory=list)


def _kind(path: str) -> str:
    return next(name for name, pattern in KINDS if re.search(pattern, path))


def browse(target: Target) -> tuple[list[Fetch], dict[str, int]]:
    """Every request Chromium makes to load the page, until the graph is drawn and no
    callback is pending; and the encodings of what it was sent."""
    import shutil

    from playwright.sync_api import sync_playwright

    origin = f"http://{target.host}:{target.port}"
    fetches: list[Fetch] = []
    encodings: dict[str, int] = {}
    elsewhere: list[str] = []

    def sent(request) -> None:
        response = request.response()
        if not request.url.startswith(origin):
            if not request.url.startswith(("data:", "blob:")):
                elsewhere.append(request.url)
            return
        path = request.url[len(origin):]
        fetches.append(Fetch(request.method, path, request.post_data_buffer, _kind(path)))
        name = (response.headers.get("content-encoding") if response else None) or "none"
        encodings[name] = encodings.get(name, 0) + 1

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise BenchError("the first load needs Debian's chromium (make browser)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update"])
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        page.add_init_script(COUNT_FETCHES)
        page.on("requestfinished", sent)
        page.goto(origin + "/", timeout=120_000)
        # polled from here: the page's CSP forbids the eval wait_for_function uses
        deadline = time.monotonic() + 120
        while not page.evaluate(LOADED):
            if time.monotonic() > deadline:
                raise BenchError("Chromium did not draw the graph within 120 s")
            time.sleep(0.2)
        browser.close()
    if elsewhere:
        raise BenchError(f"the page asked another origin: {elsewhere[:3]}")
    return fetches, encodings


def _fetch(conn: http.client.HTTPConnection, fetch: Fetch,
           accept: str) -> tuple[int, bytes, str]:
    headers = {"Accept-Encoding": accept}
    if fetch.body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(fetch.method, fetch.path, fetch.body, headers)
    response = conn.getresponse()
    return response.status, response.read(), response.getheader("Content-Encoding") or "none"


def _decode(data: bytes, encoding: str) -> bytes:
    import gzip

    if encoding == "br":
        import brotli  # Flask-Compress's own dependency (requirements.txt)

        return brotli.decompress(data)
    return gzip.decompress(data) if encoding == "gzip" else data


def _same(plain: bytes, decoded: bytes) -> bool:
    """Equal but for what Dash makes anew for every page (``"end_id"``)."""
    strip = re.compile(rb'"end_id":"[^"]*"')
    return strip.sub(b"", plain) == strip.sub(b"", decoded)


def first_load(target: Target) -> FirstLoad:
    """What one student downloads on first load, without and with compression."""
    print(f"[{target.name}] a first load in Chromium, then its requests again", file=sys.stderr)
    fetches, encodings = browse(target)
    load = FirstLoad(fetches, encodings)
    answers: dict[str, list[tuple[int, bytes, str]]] = {}
    times: dict[str, list[float]] = {asked: [] for asked, _ in ASKED}
    for _ in range(1 + REPLAYS):  # the first round warms every worker's caches
        for asked, accept in ASKED:
            conn = http.client.HTTPConnection(target.host, target.port, timeout=60)
            start = time.monotonic()
            answers[asked] = [_fetch(conn, f, accept) for f in fetches]
            times[asked].append(time.monotonic() - start)
            conn.close()
    for asked, _ in ASKED:
        load.seconds[asked] = percentile(times[asked][1:], 50)
        load.wire[asked] = {}
        for fetch, (_, data, _) in zip(fetches, answers[asked], strict=True):
            load.wire[asked][fetch.kind] = load.wire[asked].get(fetch.kind, 0) + len(data)
    for fetch, plain, packed in zip(fetches, answers["none"], answers["gzip, br"], strict=True):
        load.chosen[packed[2]] = load.chosen.get(packed[2], 0) + 1
        if packed[2] == "none":
            continue
        if plain[0] == packed[0] and _same(plain[1], _decode(packed[1], packed[2])):
            load.decoded += 1
        else:
            load.mismatched.append(f"{fetch.method} {fetch.path[:80]}")
    return load


def first_load_lines(load: FirstLoad | None) -> list[str]:
    if load is None:
        return []
    plain, packed = load.wire["none"], load.wire["gzip, br"]
    count = {k: sum(f.kind == k for f in load.fetches) for k, _ in KINDS}
    lines = ["", "### A student's first load, with and without compression", "",
             f"Chromium loaded the page from this server ({len(load.fetches)} requests; what "
             "it was sent: " + ", ".join(f"{k} × {n}" for k, n in sorted(
                 load.browser_encodings.items())) + ") and drew the graph. The same "
             "requests sent again, asking for no compression, then for `gzip, br` (bytes of "
             "the bodies on the wire):", "",
             "| what | requests | uncompressed KB | `gzip, br` KB | saved |",
             "|---|---:|---:|---:|---:|"]
    for kind, _ in KINDS:
        if count[kind]:
            a, b = plain.get(kind, 0), packed.get(kind, 0)
            lines.append(f"| {kind} | {count[kind]} | {a / 1024:,.0f} | {b / 1024:,.0f} | "
                         f"{1 - b / a if a else 0:.0%} |")
    a, b = sum(plain.values()), sum(packed.values())
    lines += [f"| **total** | {len(load.fetches)} | **{a / 1024:,.0f}** | **{b / 1024:,.0f}** "
              f"| **{1 - b / a if a else 0:.0%}** |", "",
              "- encodings the server chose for `gzip, br`: " + ", ".join(
                  f"{k} × {n}" for k, n in sorted(load.chosen.items()))
              + " (files under 500 bytes and fonts, already compressed, are sent as they are)",
              f"- compressed answers that decode to the plain answer's bytes: **{load.decoded} "
              f"of {load.decoded + len(load.mismatched)}**"
              + (f"; different: {', '.join(load.mismatched[:5])}" if load.mismatched else ""),
              f"- fetching them one after another on loopback (median of {REPLAYS} rounds after "
              f"one to warm up): {load.seconds['none']:.2f} s uncompressed, "
              f"{load.seconds['gzip, br']:.2f} s compressed; the difference is about the "
              "server's time to compress one student's first load"]
    return lines


# -- one server, and the report ----------------------------------------------------------------

@dataclass
class Run:
    target: Target
    quiet: Samples | None
    attacked: Samples
    slow: SlowStats
    slots: int
    big: BigBody
    memory: list[tuple[int, float, float]]
    first: FirstLoad | None = None


def measure(target: Target, args: argparse.Namespace) -> Run:
    """A first load, quiet requests, then the same with the slow clients held, then the
    10 MB body."""
    first = first_load(target) if args.first_load else None
    body = callback_body(target.host, target.port)
    quiet = ordinary_load(target, body, args.baseline, args.clients) if args.baseline else None
    print(f"[{target.name}] {args.slow} slow connections, ordinary requests for "
          f"{args.duration:g} s", file=sys.stderr)
    slow = SlowClients(target.host, target.port, args.slow)
    slow.start()
    time.sleep(2 * TICK)  # every slow connection is open before the clock starts
    attacked = ordinary_load(target, body, args.duration, args.clients)
    slow.stop()
    big = big_body(target, body)
    memory = group_memory(target.pgid) if target.pgid else []
    return Run(target, quiet, attacked, slow.stats, args.slow, big, memory, first)


def ms(values: list[float], p: float) -> str:
    return f"{percentile(values, p):.0f}" if values else "–"


def row(run: Run) -> str:
    a, every = run.attacked, run.attacked.every()
    quiet = run.quiet.every() if run.quiet else []
    ended = sum(len(v) for v in run.slow.ended.values())
    mem = (f"{len(run.memory)} × {sum(m[1] for m in run.memory) / len(run.memory):.0f} / "
           f"{sum(m[2] for m in run.memory):.0f}") if run.memory else "–"
    return (f"| {run.target.name} | {run.slots} ({run.slow.opened - run.slots} reopened) | "
            f"{len(every)} | **{a.timeouts}** | {len(a.errors)} | {ms(every, 50)} | "
            f"**{ms(every, 95)}** | {max(every, default=0):.0f} | {ms(quiet, 95)} | {ended} | "
            f"**{run.big.status}** in {run.big.seconds:.2f} s ({run.big.sent / 1e6:.1f} MB sent) | "
            f"{mem} |")


def verdict(run: Run) -> str:
    every = run.attacked.every()
    ok = (run.attacked.timeouts == 0 and every and percentile(every, 95) <= TARGET_P95_MS,
          run.big.status == "413")
    return (f"- {run.target.name}: slow clients **{'met' if ok[0] else 'missed'}**, "
            f"10 MB body **{'met' if ok[1] else 'missed'}**; slow connections ended by the "
            "server: " + (", ".join(f"{how} × {len(t)} (median after {percentile(t, 50):.1f} s)"
                                    for how, t in sorted(run.slow.ended.items())) or "none")
            + (f"; {run.slow.refused} refused" if run.slow.refused else "")
            + (f"; first errors: {'; '.join(e[:120] for e in run.attacked.errors[:3])}"
               if run.attacked.errors else ""))


def machine() -> list[str]:
    cpu = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.*)", cpu)
    return [f"- machine: CPU {model[1] if model else platform.processor() or '?'}, "
            f"{os.cpu_count()} cores; `{' '.join(platform.uname()[:3])}`; "
            f"Python {platform.python_version()}",
            "- load average (1, 5, 15 min) at the end, shared with other work: "
            + ", ".join(f"{v:.2f}" for v in os.getloadavg())]


def report(runs: list[Run], args: argparse.Namespace, command: str) -> str:
    half = args.slow - args.slow // 2
    lines = [
        HEADING, "",
        f"_Written by `benchmarks/bench_slow_clients.py` on "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC._", "",
        f"- command: `{command}`", *machine(), "",
        f"**Method.** {args.slow} slow connections are held open ({half} send `GET /` then one "
        f"header byte every {TICK:g} s, {args.slow // 2} announce a {ANNOUNCED:,} byte POST "
        f"to `{UPDATE}` and send nothing; one the server ends is reopened at once) while "
        f"{args.clients} clients send `GET /` and the graph's-changes callback in turn, asking "
        f"for `{BROWSER_ENCODINGS}` as Chromium does, "
        f"for {args.duration:g} s, each round on a new connection ({args.baseline:g} s of the same "
        f"before, without the slow clients, give the quiet p95). A request over {TIMEOUT:g} s is "
        f"a timeout. Then one {BIG_BODY / 1e6:g} MB POST to `{UPDATE}` (the callback padded "
        "with spaces, valid JSON): its status, the time to the answer and what was sent before "
        "it (the socket buffers take a few MB). Memory is measured at the end, in the server's "
        "process group. Client and server share the machine.", "",
        "| server | slow connections | requests | timeouts | errors | p50 ms | p95 ms | "
        "max ms | quiet p95 ms | slow ended by server | 10 MB body | processes × RSS MB / "
        "PSS MB total |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
        *(row(r) for r in runs), "",
        f"**Targets** (while the slow connections are held: 0 timeouts and p95 ≤ "
        f"{TARGET_P95_MS:g} ms; the 10 MB body gets 413):", "", *(verdict(r) for r in runs),
    ]
    for run in runs:
        first = first_load_lines(run.first)
        if first and len(runs) > 1:
            first[1] += f": {run.target.name}"
        lines += first
    return "\n".join(lines) + "\n"


# -- the command line --------------------------------------------------------------------------

def server(text: str) -> tuple[str, str]:
    """``NAME=COMMAND`` -> (name, command).

    >>> server("waitress=python -m dashboard.serve")
    ('waitress', 'python -m dashboard.serve')
    """
    name, _, command = text.partition("=")
    if not name.strip() or not command.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: give NAME=COMMAND")
    return name.strip(), command.strip()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--url", help="a running server on this machine")
    target.add_argument("--server", type=server, action="append", metavar="NAME=COMMAND",
                        help="a server command to start (repeatable); default: make serve's "
                        "gunicorn -c gunicorn.conf.py app:server")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the repository the server runs from (default: this one)")
    parser.add_argument("--data", type=Path, help="DASHBOARD_DATA (default: ROOT/data)")
    parser.add_argument("--slow", type=int, default=50, help="slow connections held")
    parser.add_argument("--clients", type=int, default=4, help="ordinary clients")
    parser.add_argument("--duration", type=float, default=30, help="seconds under attack")
    parser.add_argument("--baseline", type=float, default=10,
                        help="seconds of ordinary requests before the attack (0: none)")
    parser.add_argument("--no-first-load", dest="first_load", action="store_false",
                        help="skip the first load in Chromium (compression)")
    parser.add_argument("--write-results", action="store_true",
                        help=f"replace the section {HEADING[3:]!r} of RESULTS.md")
    args = parser.parse_args(argv)
    if not 0 <= args.slow <= MAX_SLOW or not 1 <= args.clients <= 64:
        parser.error(f"--slow: 0 to {MAX_SLOW}; --clients: 1 to 64")
    if not 1 <= args.duration <= MAX_DURATION or not 0 <= args.baseline <= MAX_DURATION:
        parser.error(f"--duration: 1 to {MAX_DURATION} s; --baseline: 0 to {MAX_DURATION} s")
    args.data = args.data or args.root / "data"
    return args


def run_all(args: argparse.Namespace) -> list[Run]:
    if args.url:
        host, port = loopback(args.url)
        wait_ready(host, port, None, timeout=10)
        return [measure(Target(args.url, host, port), args)]
    runs = []
    for name, command in args.server or [("gunicorn.conf.py (make serve)", default_command())]:
        print(f"[{name}] starting: {command}", file=sys.stderr)
        with serve(name, command, args.root, args.data) as target:
            runs.append(measure(target, args))
    return runs


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/bench_slow_clients.py " + " ".join(
        shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    try:
        runs = run_all(args)
    except BenchError as err:
        print(f"bench_slow_clients: {err}", file=sys.stderr)
        return 2
    section = report(runs, args, command)
    print(section)
    if args.write_results:
        results.write_section(RESULTS, HEADING, section)
        print(f"written to {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
