"""Issue 3: how fast the dashboard answers, on the shipped corpus.

Every measure is taken beside a baseline in the same run, interleaved with it, so a
busy shared machine slows both and the ratio stays readable:

1. the callbacks as plain functions (baseline: ``to_query(parse_query(...))``);
2. the same callbacks through Dash's HTTP endpoint, replaying the JSON bodies Chromium
   posted for a faction click and a node tap (baseline: an echo callback on a bare Dash
   app served the same way, by Dash's own server in a subprocess);
3. navigation to the graph drawn in headless Chromium, beside the bare Dash page, which
   holds the app's very Cytoscape component (same elements, stylesheet, preset layout).

The targets are measured, not asserted: median filter and select callback <= 20 ms,
graph drawn <= 1.5 s after navigation.

    .venv/bin/python benchmarks/bench_dashboard.py [--data DIR] [--repeat N] [--loads N]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import http.client
import importlib.metadata
import itertools
import json
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dash  # noqa: E402
import dash_cytoscape  # noqa: E402
from dash import Input, Output, dcc, html  # noqa: E402

from benchmarks import results  # noqa: E402
from dashboard import DEFAULT_DATA_DIR, ids  # noqa: E402
from dashboard.callbacks import detail as detail_cb  # noqa: E402
from dashboard.callbacks import graph as graph_cb  # noqa: E402
from dashboard.callbacks import view as view_cb  # noqa: E402
from dashboard.corpus import CorpusError, format_table, load_valid_corpus  # noqa: E402
from dashboard.graph import Network, edge_id, elements, visible  # noqa: E402
from dashboard.layout import build_layout  # noqa: E402
from dashboard.passages import PassageIndex  # noqa: E402
from dashboard.search import SearchIndex  # noqa: E402
from dashboard.view import FACTION_MODES, View, parse_query, to_query  # noqa: E402
from tests.browser import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    running_server,
    serving,
    settle,
    tap,
    track_requests,
    wait_for_graph,
)

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "## Issue 3: dashboard speed on the shipped corpus"
UPDATE = "/_dash-update-component"
VIEWPORT = {"width": 1440, "height": 900}
FACTION, PERSON, EDGE = "domestic", "pak-il-u", ("kim-il-sung", "pak-il-u")  # as in the tests
TARGET_CALLBACK_MS, TARGET_DRAWN_MS = 20.0, 1500.0
CHAIN = ("sync", "redraw", "detail")  # what a click runs, as the issue names it
CONNECTIONS = 6  # what Chromium opens to one host over HTTP/1.1
#: The baseline request: the bare app's echo callback, as the renderer would post it.
ECHO = json.dumps({"output": "store-pong.data",
                   "outputs": {"id": "store-pong", "property": "data"},
                   "inputs": [{"id": "store-ping", "property": "data", "value": 1}],
                   "changedPropIds": ["store-ping.data"], "state": []}).encode()


@dataclass
class Row:
    """One measure in milliseconds, with the baseline it is read against."""

    part: str
    name: str
    samples: list[float]
    baseline: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def ratio(self) -> float | None:
        return self.median / statistics.median(self.baseline) if self.baseline else None


def interleaved(steps: dict[str, Callable[[int], object]], repeat: int,
                warmup: int = 3) -> dict[str, list[float]]:
    """Run every step once per round, in order, for ``repeat`` rounds; times in ms.

    Interleaving puts a noisy moment on every step alike instead of on one of them.
    """
    times: dict[str, list[float]] = {name: [] for name in steps}
    for round_ in range(-warmup, repeat):
        for name, step in steps.items():
            start = time.perf_counter()
            step(round_ + warmup)
            if round_ >= 0:
                times[name].append((time.perf_counter() - start) * 1e3)
    return times


def summed(times: dict[str, list[float]], *names: str) -> list[float]:
    """The round-by-round sum of sequential steps: the time of the whole chain."""
    return [sum(parts) for parts in zip(*(times[n] for n in names), strict=True)]


# -- 1a. the callbacks as plain functions ---------------------------------------------------

@dataclass(frozen=True)
class Subjects:
    """The network, what the callbacks are given, and who is clicked."""

    network: Network
    passages: PassageIndex
    events: tuple
    faction: str
    person: str
    relation: str
    busiest: str  # the person in most relations: the largest panel

    @classmethod
    def load(cls, data_dir: Path) -> Subjects:
        network = Network.build(load_valid_corpus(data_dir))
        corpus, bounds = network.corpus, network.bounds
        faction = FACTION if FACTION in bounds.factions else bounds.factions[0]
        # the tap follows the faction click: its person must still be in the graph then
        left = visible(network, replace(bounds.start, factions=tuple(
            f for f in bounds.factions if f != faction))).nodes
        person = PERSON if PERSON in left else next(
            p for p, _ in network.accused.most_common() if p in left)
        edge = network.edges.get(edge_id(*EDGE)) or max(
            network.edges.values(), key=lambda e: len(e.relations))
        ends = Counter(p for r in corpus.relations.values() for p in (r.source, r.target))
        return cls(network, PassageIndex(corpus), view_cb.core_events(SearchIndex.build(corpus)),
                   faction, person, edge.relations[0], ends.most_common(1)[0][0])


def redraw(network: Network, search: str, drawn: str) -> tuple:
    """What the registered graph callback does, without its cache of drawings."""
    return graph_cb.redraw(network, search, drawn)


def chain_steps(s: Subjects, trigger: str, value: object, start: str, values: tuple) -> dict:
    """sync -> redraw -> detail from the URL ``start``, each fed by the one before."""
    net, url = s.network, {}

    def sync(_: int) -> None:
        url["search"] = view_cb.sync(net, trigger, value, start, values, view_cb.CORE_CONTROLS,
                                     s.events, {})[0]

    return {"sync": sync,
            "redraw": lambda _: redraw(net, url["search"], start),
            "detail": lambda _: detail_cb.detail(net, s.passages, url["search"], "")}


def clicks(s: Subjects, base: str = "") -> dict[str, dict]:
    """The faction click on the view at ``base`` (the start view by default), then the tap
    on a person in the view it left."""
    bounds = s.network.bounds
    view = parse_query(base, bounds)
    values = tuple(c.write(s.network, view) for c in view_cb.CORE_CONTROLS)
    ticked = [f for f in values[0] if f != s.faction]
    after = (ticked, *values[1:])
    tapped = {"id": s.person, "label": s.person, "timeStamp": 0}
    left = to_query(replace(view, factions=tuple(ticked)), bounds.start)
    return {"filter": chain_steps(s, f"{ids.CHECKLIST_FACTION}.value", ticked, base, after),
            "select": chain_steps(s, f"{ids.CYTOSCAPE_GRAPH}.tapNodeData", tapped, left,
                                  after)}


def in_process(s: Subjects, repeat: int) -> list[Row]:
    net = s.network
    query = to_query(View(factions=net.bounds.factions[1:], person=s.person))
    relation = to_query(View().select_relation(s.relation))
    busiest = to_query(View().select_person(s.busiest))
    steps = {"baseline": lambda _: to_query(parse_query(query, net.bounds)),
             **{f"{kind} {k}": f for kind, chain in clicks(s).items() for k, f in chain.items()},
             "relation detail": lambda _: detail_cb.detail(net, s.passages, relation, ""),
             "busiest detail": lambda _: detail_cb.detail(net, s.passages, busiest, "")}
    t = interleaved(steps, repeat)
    base, part = t.pop("baseline"), "in process"
    rows = [Row(part, "baseline: to_query(parse_query(url))", base)]
    for kind in ("filter", "select"):
        rows += [Row(part, f"{kind}: {step}", t[f"{kind} {step}"], base) for step in CHAIN]
        rows.append(Row(part, f"**{kind}: whole chain**",
                        summed(t, *(f"{kind} {k}" for k in CHAIN)), base))
    rows.append(Row(part, f"select: detail of the person in most relations (`{s.busiest}`)",
                    t["busiest detail"], base))
    rows.append(Row(part, f"relation: detail (`{s.relation}`)", t["relation detail"], base))
    return rows


def profile(s: Subjects, repeat: int) -> None:
    """Where the in-process select chain spends its time (``--profile``)."""
    steps = clicks(s)["select"]
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(repeat):
        for step in steps.values():
            step(i)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


# -- 1b. the callbacks through HTTP ---------------------------------------------------------

class Client:
    """One kept-alive HTTP connection, as the browser uses."""

    def __init__(self, base: str) -> None:
        host, port = base.split("//")[1].split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=30)

    def send(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status >= 400:
            raise RuntimeError(f"{method} {path}: HTTP {response.status}: {data[:300]!r}")
        return response.status, data


def with_value(body: dict, kind: str, id_: str, prop: str, value: object) -> dict:
    """A copy of a callback body with one input or state value replaced."""
    body = json.loads(json.dumps(body))
    for item in body[kind]:
        if isinstance(item, dict) and (item.get("id"), item.get("property")) == (id_, prop):
            item["value"] = value
    return body


def filter_walk(network: Network) -> Iterator[str]:
    """Queries one click apart (one faction ticked or unticked, or at a seam one polarity
    setting or mode changed), none met twice within 128 steps (the server's element cache).

    The factions go through every subset in Gray-code order, forth and back, once for each
    polarity setting and mode.
    """
    b = network.bounds
    gray = [k ^ (k >> 1) for k in range(2 ** len(b.factions))]
    polarities = [None, *(c for r in range(1, len(b.polarities))
                          for c in itertools.combinations(b.polarities, r))]
    for j, (mode, kept) in enumerate(itertools.product(FACTION_MODES, polarities)):
        for mask in gray if j % 2 == 0 else gray[::-1]:
            ticked = tuple(f for i, f in enumerate(b.factions) if mask >> i & 1)
            factions = None if len(ticked) == len(b.factions) else ticked
            yield to_query(View(factions=factions, polarities=kept, mode=mode))


def redraw_bodies(captured: dict, s: Subjects, count: int, skip: int = 0) -> dict[str, list]:
    """Redraw bodies as clicks in a row make them: the filter steps from the drawn view to
    the next one on the walk, which the server has not drawn yet; the tap adds a person."""
    bounds = s.network.bounds
    walk = list(itertools.islice(itertools.cycle(filter_walk(s.network)), skip,
                                 skip + count + 1))
    filters = [with_value(with_value(captured["filter"]["redraw"], "inputs", ids.URL, "search",
                                     new), "state", ids.STORE_DRAWN, "data", old)
               for old, new in itertools.pairwise(walk)]
    selects = [with_value(with_value(
        captured["select"]["redraw"], "inputs", ids.URL, "search",
        to_query(parse_query(q, bounds).select_person(s.person))),
        "state", ids.STORE_DRAWN, "data", q) for q in walk[1:]]
    return {"filter": [json.dumps(b).encode() for b in filters],
            "select": [json.dumps(b).encode() for b in selects]}


def _post(client: Client, data: bytes) -> Callable[[int], object]:
    return lambda _: client.send("POST", UPDATE, data)


def _post_nth(client: Client, bodies: list[bytes]) -> Callable[[int], object]:
    return lambda i: client.send("POST", UPDATE, bodies[i])


def _send_all(client: Client, bodies: list[bytes]) -> None:
    for data in bodies:
        client.send("POST", UPDATE, data)


@dataclass
class Replay:
    """The captured bodies, encoded, and fresh redraw bodies handed out in batches."""

    captured: dict
    subjects: Subjects
    used: int = 0

    def body(self, kind: str, name: str) -> bytes:
        return json.dumps(self.captured[kind][name]).encode()

    def fresh(self, count: int) -> dict[str, list[bytes]]:
        """Redraw bodies no batch has used: a view is never drawn twice in one run."""
        batch = redraw_bodies(self.captured, self.subjects, count, skip=self.used)
        self.used += count
        return batch


def chain_steps_http(app: Client, bare: Client, replay: Replay,
                     repeat: int) -> dict[str, Callable[[int], object]]:
    """The baseline, then each request of the sync -> redraw -> detail chain, alone."""
    fresh = replay.fresh(repeat + 3)
    steps: dict[str, Callable[[int], object]] = {"baseline": _post(bare, ECHO)}
    for kind in ("filter", "select"):
        steps[f"{kind} sync"] = _post(app, replay.body(kind, "sync"))
        steps[f"{kind} redraw"] = _post_nth(app, fresh[kind])
        steps[f"{kind} detail"] = _post(app, replay.body(kind, "detail"))
        steps[f"{kind} replayed"] = _post(app, replay.body(kind, "redraw"))
    return steps


def click_steps_http(url: str, app: Client, bare: Client, replay: Replay, rounds: int,
                     pool: ThreadPoolExecutor) -> dict[str, Callable[[int], object]]:
    """The baseline, every request one click posts, alone, and the click as the browser
    sends it: ``sync``, then the rest side by side on six connections."""
    side = [Client(url) for _ in range(CONNECTIONS)]
    alone, together = replay.fresh(rounds + 3), replay.fresh(rounds + 3)

    def browser_like(kind: str) -> Callable[[int], None]:
        def step(i: int) -> None:
            app.send("POST", UPDATE, replay.body(kind, "sync"))
            rest = [together[kind][i], *(replay.body(kind, n) for n in replay.captured[kind]
                                         if n not in ("sync", "redraw"))]
            futures = [pool.submit(_send_all, c, rest[j::CONNECTIONS])
                       for j, c in enumerate(side)]
            for future in futures:
                future.result()
        return step

    steps: dict[str, Callable[[int], object]] = {"baseline": _post(bare, ECHO)}
    for kind in ("filter", "select"):
        for name in replay.captured[kind]:
            steps[f"{kind} {name}"] = (_post_nth(app, alone[kind]) if name == "redraw"
                                       else _post(app, replay.body(kind, name)))
        steps[f"{kind} browser-like"] = browser_like(kind)
    return steps


def click_rounds(repeat: int) -> int:
    """The whole click is some 30 times heavier than the chain: fewer rounds of it."""
    return max(10, repeat // 10)


def over_http(app: str, bare: str, captured: dict, s: Subjects, repeat: int) -> list[Row]:
    """The chain ``repeat`` times; the whole click, heavier, fewer times."""
    app_client, bare_client, replay = Client(app), Client(bare), Replay(captured, s)
    t = interleaved(chain_steps_http(app_client, bare_client, replay, repeat), repeat)
    rounds = click_rounds(repeat)
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        c = interleaved(click_steps_http(app, app_client, bare_client, replay, rounds, pool),
                        rounds)
    base, click_base, part = t.pop("baseline"), c.pop("baseline"), "HTTP"
    rows = [Row(part, "baseline: echo callback on the bare app", base)]
    for kind in ("filter", "select"):
        rows += [Row(part, f"{kind}: {step}", t[f"{kind} {step}"], base) for step in CHAIN]
        rows.append(Row(part, f"**{kind}: sync + redraw + detail, one after another**",
                        summed(t, *(f"{kind} {k}" for k in CHAIN)), base))
        rows.append(Row(part, f"{kind}: redraw, same body replayed (views cached)",
                        t[f"{kind} replayed"], base))
        rows += [Row(part, f"{kind}: also posted: `{n}`", c[f"{kind} {n}"], click_base)
                 for n in captured[kind] if n not in CHAIN]
        rows.append(Row(part, f"{kind}: all {len(captured[kind])} requests the click posts, "
                              "one after another",
                        summed(c, *(f"{kind} {k}" for k in captured[kind])), click_base))
        rows.append(Row(part, f"{kind}: all of them as the browser sends them (sync, then the "
                              f"rest side by side on {CONNECTIONS} connections)",
                        c[f"{kind} browser-like"], click_base))
    pages = interleaved({"bare": lambda _: bare_client.send("GET", "/_dash-layout"),
                         "app": lambda _: app_client.send("GET", "/_dash-layout")},
                        rounds)
    rows.append(Row(part, "GET /_dash-layout: bare page (baseline)", pages["bare"]))
    rows.append(Row(part, "GET /_dash-layout: app", pages["app"], pages["bare"]))
    return rows


# -- the bare page: the app's Cytoscape component alone -------------------------------------

def bare_app(data_dir: Path, width: int, height: int) -> dash.Dash:
    """A Dash app configured as ``create_app`` does, holding only the app's Cytoscape
    component (so elements, stylesheet and layout are the same objects) and an echo
    callback that the page never calls itself."""
    network = Network.build(load_valid_corpus(data_dir))
    graph = next(c for c in build_layout(network)._traverse()
                 if getattr(c, "id", None) == ids.CYTOSCAPE_GRAPH)
    app = dash.Dash(__name__, title="bare", serve_locally=True, update_title=None,
                    compress=False)
    app.enable_dev_tools(debug=False, dev_tools_hot_reload=False,
                         dev_tools_silence_routes_logging=True,
                         dev_tools_disable_version_check=True)
    app.layout = html.Div([dcc.Store(id="store-ping"), dcc.Store(id="store-pong"),
                           html.Div(graph, style={"width": f"{width}px",
                                                  "height": f"{height}px"})])
    app.callback(Output("store-pong", "data"), Input("store-ping", "data"),
                 prevent_initial_call=True)(lambda value: value)
    return app


@contextmanager
def bare_server(data_dir: Path, width: int, height: int) -> Iterator[str]:
    """Serve the bare app like the CLI serves the app: Dash's server, in a subprocess."""
    with serving(lambda port: [__file__, "--serve-bare", f"{width}x{height}", "--port",
                               str(port), "--data", str(data_dir)],
                 output=subprocess.DEVNULL) as url:
        yield url


# -- 2. the graph drawn after navigation, in headless Chromium ------------------------------

#: Marks, in ms since navigation start, taken in the page: when Dash-Cytoscape hands out its
#: ``cy`` (it sets ``window.cy``), when all nodes are in it, Cytoscape's first ``render``
#: event with them, and the animation frame after that.
PROBE = """
(() => {
  const want = %d, marks = window.__bench = {};
  const mark = name => { if (!(name in marks)) { marks[name] = performance.now(); } };
  let held;
  Object.defineProperty(window, "cy", {configurable: true, get: () => held, set(cy) {
    held = cy; mark("cy");
    // Counting nodes walks every element: once full, never again (Cytoscape emits one
    // "add" per element, 30,000 at the synthetic scale, and a count on each was quadratic).
    let done = false;
    const full = () => done || (done = cy.nodes().length >= want) && (mark("nodes"), true);
    const onRender = () => { if (full()) { mark("render"); cy.removeListener("render", onRender);
                                           requestAnimationFrame(() => mark("frame")); } };
    if (!full()) { cy.on("add", full); }
    cy.on("render", onRender);
  }});
})();
"""
MARKS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource");
  const layout = res.find(r => r.name.includes("_dash-layout"));
  const scripts = res.filter(r => r.initiatorType === "script").map(r => r.responseEnd);
  return {origin: performance.timeOrigin, at: Object.assign({}, window.__bench, {
            html: nav.responseEnd, scripts: Math.max(0, ...scripts),
            domcontentloaded: nav.domContentLoadedEventEnd,
            layout: layout ? layout.responseEnd : null}),
          kb: (nav.transferSize + res.reduce((a, r) => a + r.transferSize, 0)) / 1024,
          requests: res.length + 1, files: res.map(r => [r.name, r.transferSize / 1024])};
}"""


#: Main-thread time Chromium counts by the time the frame after the first render is seen.
CHROME_METRICS = {"script": "ScriptDuration", "style": "RecalcStyleDuration",
                  "layout_time": "LayoutDuration", "tasks": "TaskDuration"}


def page_load(browser, url: str, nodes: int, timeout_ms: int = 30_000,
              path: str = "/") -> dict[str, float]:
    """One load of ``url + path`` in a fresh context (a cold cache); marks in ms from the
    ``goto`` call. ``timeout_ms`` bounds the navigation and the wait for the graph (a large
    one takes longer)."""
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    try:
        page = context.new_page()
        page.add_init_script(PROBE % nodes)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        start = time.time() * 1e3
        page.goto(url + path, wait_until="commit", timeout=timeout_ms)
        page.wait_for_function("window.__bench && 'frame' in window.__bench",
                               timeout=timeout_ms, polling=100)
        got = page.evaluate(MARKS)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    finally:
        context.close()
    shift = got["origin"] - start
    return {**{k: v + shift for k, v in got["at"].items() if v is not None},
            "navigation": shift, "kb": got["kb"], "requests": got["requests"],
            "files": {_file(url): kb for url, kb in got["files"]},
            **{key: metrics[name] * 1e3 for key, name in CHROME_METRICS.items()}}


def profiled_load(browser, url: str, nodes: int) -> Counter:
    """Main-thread self time (ms) by script over one load, from Chromium's sampling profiler.

    Kept apart from the timed loads: the profiler slows the page down.
    """
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    try:
        page = context.new_page()
        page.add_init_script(PROBE % nodes)
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 500})
        cdp.send("Profiler.start")
        page.goto(url + "/", wait_until="commit")
        page.wait_for_function("window.__bench && 'frame' in window.__bench",
                               timeout=30000, polling=100)
        profile = cdp.send("Profiler.stop")["profile"]
    finally:
        context.close()
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    spent: Counter = Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        spent[_script(frames[sample])] += delta / 1e3
    return spent


def _file(url: str) -> str:
    """A file's name without Dash's cache-busting version or the query."""
    return re.sub(r"\.v\d[\w_]*m\d+", "", url.rsplit("/", 1)[-1].split("?")[0])


def _script(frame: dict) -> str:
    """A script's file name, or the profiler's label for time spent outside scripts."""
    if name := _file(frame["url"]):
        return name
    label = frame["functionName"]
    return label if label.startswith("(") else "(built-in calls: DOM, timers)"


def page_loads(browser, urls: dict[str, str], nodes: int, loads: int,
               timeout_ms: int = 30_000) -> dict[str, list]:
    """``loads`` loads of each page, alternating which goes first, after one warm-up each."""
    runs: dict[str, list] = {name: [] for name in urls}
    for i in range(-1, loads):
        for name in (list(urls) if i % 2 else list(urls)[::-1]):
            marks = page_load(browser, urls[name], nodes, timeout_ms)
            if i >= 0:
                runs[name].append(marks)
    return runs


QUIET_MS = 1000  # the page is idle once no callback request has been open for this long


def capture(browser, url: str, s: Subjects) -> tuple[dict, tuple[int, int]]:
    """The bodies Chromium posts for a faction click and for a tap on a person, by callback,
    and the graph's size on screen (the bare page gets the same).

    Dash 4 adds a signed ``?endId=`` to the address; only background callbacks read it,
    so the bodies are replayed to the bare path.
    """
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    page = context.new_page()
    track_requests(page)
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.post_data) if UPDATE in r.url else None)
    label = s.network.corpus.factions[s.faction].label
    actions = (("filter", f"{ids.CHECKLIST_FACTION}.value", "faction=",
                lambda: page.locator(f"#{ids.CHECKLIST_FACTION} label", has_text=label).click()),
               ("select", f"{ids.CYTOSCAPE_GRAPH}.tapNodeData", f"person={s.person}",
                lambda: tap(page, s.person)))
    page.goto(url + "/")
    wait_for_graph(page)
    settle(page, quiet_ms=QUIET_MS, timeout=60000)  # the load's own callbacks are done
    size = tuple(round(v) for v in page.evaluate("[cy.width(), cy.height()]"))
    captured = {}
    for kind, trigger, marker, act in actions:  # the tap follows the click, on the same page
        sent.clear()
        act()
        captured[kind] = _click_bodies(page, sent, trigger, marker)
    context.close()
    return captured, size


def _click_bodies(page, sent: list[str], trigger: str, marker: str) -> dict[str, dict]:
    """The requests one click caused, by name: from the ``sync`` it triggered until the
    page is quiet, waiting at least for the ``redraw`` and ``detail`` of the new URL."""
    def arrived() -> bool:
        return {"redraw", "detail"} <= {_role(b) for b in map(json.loads, sent)
                                        if marker in json.dumps(b["inputs"])}
    deadline = time.monotonic() + 30
    while not arrived() and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    settle(page, quiet_ms=QUIET_MS, timeout=60000)
    bodies = [json.loads(b) for b in sent]
    first = next((i for i, b in enumerate(bodies) if trigger in b.get("changedPropIds", ())),
                 None)
    if first is None:
        raise RuntimeError(f"the page posted no callback for {trigger}: is the app idle?")
    named: dict[str, dict] = {}
    for body in bodies[first:]:
        name = _role(body)
        while name in named:
            name += " (again)"
        named[name] = body
    assert set(CHAIN) <= set(named), (trigger, list(named))
    return named


def _role(body: dict) -> str:
    """``sync``, ``redraw`` or ``detail``, or a short name for any other callback."""
    outputs = body["output"].strip(".").split("...")
    for role, prop in (("sync", f"{ids.URL}.search"), ("redraw", f"{ids.STORE_GRAPH_CHANGES}.data"),
                       ("detail", f"{ids.DIV_DETAIL}.children")):
        if prop in outputs:
            return role
    return outputs[0] + (f" +{len(outputs) - 1}" if len(outputs) > 1 else "")


def browser_rows(runs: dict[str, list]) -> list[Row]:
    rows = []
    for step, name in (("nodes", "navigation → all {n} nodes in `cy`"),
                       ("render", "**navigation → first render with them**"),
                       ("frame", "navigation → the frame after it")):
        bare = [m[step] for m in runs["bare"]]
        rows.append(Row("Chromium", f"bare page: {name}", bare))
        rows.append(Row("Chromium", f"app: {name}", [m[step] for m in runs["app"]], bare))
    return rows


# -- the report ------------------------------------------------------------------------------

BREAKDOWN = (("navigation", "navigation starts (after `goto` is called)"),
             ("html", "HTML received"), ("scripts", "last script received"),
             ("domcontentloaded", "DOMContentLoaded done"), ("layout", "`_dash-layout` received"),
             ("cy", "Cytoscape created (`window.cy`)"), ("nodes", "all nodes in `cy`"),
             ("render", "first render with them"), ("kb", "transferred (KiB)"),
             ("requests", "requests"), ("tasks", "main thread busy by then, all tasks (ms)"),
             ("script", "… of which running script (ms)"),
             ("style", "… recalculating style (ms)"), ("layout_time", "… page layout (ms)"))


def machine(chromium: str, load_at_start: tuple[float, ...]) -> str:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.*)", info)
    memory = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()) \
        if Path("/proc/meminfo").exists() else None
    uname = subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip()
    gib = f"{int(memory[1]) / 2**20:.1f} GiB" if memory else "unknown"
    return "\n".join([
        f"- `uname -a`: `{uname}`",
        f"- CPU: {model[1] if model else platform.processor()}; {os.cpu_count()} cores "
        f"({len(os.sched_getaffinity(0))} usable); memory {gib}",
        f"- Python {platform.python_version()}, dash {dash.__version__}, dash-cytoscape "
        f"{dash_cytoscape.__version__}, Playwright {importlib.metadata.version('playwright')}, "
        f"Chromium {chromium} (headless, `{chromium_path()}`)",
        f"- code: {_revision()}",
        f"- load average (1, 5, 15 min), shared with other work: {_load(load_at_start)} at the "
        f"start, {_load(os.getloadavg())} at the end"])


def _revision() -> str:
    """The commit measured, and whether the working tree differed from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "dashboard", "assets",
                "data")
    return f"commit `{commit}`" + (" with uncommitted changes to dashboard/, assets/ or data/"
                                   if dirty else "")


def _load(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def table(rows: list[Row], nodes: int) -> str:
    lines = ["| Where | Measure | n | median (ms) | p95 (ms) | × baseline |",
             "|---|---|---:|---:|---:|---:|"]
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
        lines.append(f"| {r.part} | {r.name.replace('{n}', str(nodes))} | {len(r.samples)} | "
                     f"{r.median:.2f} | {r.p95:.2f} | {ratio} |")
    return "\n".join(lines)


def app_only(runs: dict[str, list]) -> str:
    """Files the app fetched before its graph was drawn that the bare page did not."""
    bare = {name for m in runs["bare"] for name in m["files"]}
    extra = {n: kb for n, kb in runs["app"][-1]["files"].items()
             if n not in bare and not n.startswith("_dash-update-component")}
    return ", ".join(f"`{n}` {kb:.0f} KiB" for n, kb in sorted(extra.items(),
                                                              key=lambda x: -x[1])) or "none"


def breakdown(runs: dict[str, list]) -> str:
    lines = ["| Step (median, ms from `goto`) | bare page | app |", "|---|---:|---:|"]
    for key, label in BREAKDOWN:
        cells = [statistics.median(m[key] for m in runs[n]) if all(key in m for m in runs[n])
                 else float("nan") for n in ("bare", "app")]
        lines.append(f"| {label} | {cells[0]:.0f} | {cells[1]:.0f} |")
    return "\n".join(lines)


def by_script(spent: dict[str, Counter], top: int = 10) -> str:
    busy = {page: Counter({n: t for n, t in c.items() if n != "(idle)"})
            for page, c in spent.items()}
    names = [n for n, _ in (busy["app"] + busy["bare"]).most_common(top)]
    lines = ["| Script or activity | bare page | app |", "|---|---:|---:|"]
    lines += [f"| `{n}` | {busy['bare'][n]:.0f} | {busy['app'][n]:.0f} |" for n in names]
    lines.append(f"| all but idle | {sum(busy['bare'].values()):.0f} | "
                 f"{sum(busy['app'].values()):.0f} |")
    return "\n".join(lines)


def target_lines(rows: list[Row]) -> str:
    """The callback targets, read on the HTTP chain, and what the whole click costs."""
    lines = []
    for kind in ("filter", "select"):
        http = {r.name: r for r in rows
                if r.part == "HTTP" and r.name.lstrip("*").startswith(kind)}
        chain = http[f"**{kind}: sync + redraw + detail, one after another**"]
        every = next(r for n, r in http.items() if n.startswith(f"{kind}: all ")
                     and "one after another" in n)
        browser = next(r for n, r in http.items() if "as the browser sends" in n)
        lines.append(f"- {kind.capitalize()}, sync + redraw + detail through HTTP: "
                     f"{verdict(chain.median, TARGET_CALLBACK_MS)}. Everything the click "
                     f"posts ({every.name.split()[2]} requests): {every.median:.1f} ms one "
                     f"after another, {browser.median:.1f} ms as the browser sends it.")
    return "\n".join(lines)


def verdict(value: float, target: float) -> str:
    return f"{'**met**' if value <= target else '**missed**'} ({value:.1f} ms against {target:.0f})"


METHOD = """\
**Method.** *Filter* is a click that unticks one faction ({faction}) on the default view;
*select* is a tap on a person ({person}) right after it. Each starts the chain the issue
names: `sync` (the URL), then `redraw` (the graph's changes) and `detail` (the side panel);
every other callback that listens to the URL runs too. *In process*: the module-level
functions the callbacks call (`view.sync` with `CORE_CONTROLS`/`core_events`,
`graph.redraw` without its cache of drawings, `detail.detail`);
baseline `to_query(parse_query(url))`. *HTTP*: the app served by `python -m dashboard run`
(`tests/browser.py: running_server`) on 127.0.0.1, kept-alive connections, replaying the
very bodies Chromium posted to `/_dash-update-component` after that click and that tap.
Each `redraw` body is one step of a walk through the filter combinations (one faction
ticked or unticked from the view drawn before) to a view the server has not drawn in this
run, and the tap adds the person to it: the element cache holds the old view, never the
new one, as in use. The replayed body (both views cached) is shown apart. Baseline: an echo
callback on a bare Dash app configured and served the same way. The chain and its parts
run {repeat} rounds; the whole click (every request it posts, alone, then all of them as
the browser sends them) runs {click_rounds} rounds with its own baseline. Each round runs
every measure once, baseline first, so noise falls on all alike; a chain's time is the sum
of its requests in the same round. *Chromium*: {loads} loads of each page, each in a fresh
browser context (cold cache), alternating which page goes first, after one warm-up each;
times run from the `page.goto` call to marks taken in the page (`window.cy` set by
Dash-Cytoscape, all {nodes} nodes in it, Cytoscape's first `render` event with them). The
bare page is a Dash app holding only the app's own Cytoscape component (same elements,
stylesheet, preset layout and props, with dash-cytoscape's standard bundle) at the size it
has in the app ({size} px); the viewport is {width}×{height}."""


def report(rows: list[Row], runs: dict[str, list], spent: dict[str, Counter], nodes: int,
           about: dict) -> str:
    drawn = next(r for r in rows if r.name == "app: **navigation → first render with them**")
    method = METHOD.format(nodes=nodes, width=VIEWPORT["width"], height=VIEWPORT["height"],
                           **about)
    return f"""{HEADING}

_Written by `benchmarks/bench_dashboard.py` ({about['command']}) on {about['date']}; the run
took {about['seconds']:.0f} s._

{about['machine']}

{method}

**Targets** (medians).
{target_lines(rows)}
- Graph drawn after navigation: {verdict(drawn.median, TARGET_DRAWN_MS)};
  {drawn.ratio:.2f} × the bare page.

Absolute times depend on the machine and on what else it runs (see the load average
above); the × baseline column is the figure to compare across runs.

### Server time of the callbacks

{table([r for r in rows if r.part != "Chromium"], nodes)}

### Graph drawn after navigation in headless Chromium

{table([r for r in rows if r.part == "Chromium"], nodes)}

{breakdown(runs)}

Fetched by the app before its graph was drawn and not by the bare page (last load):
{app_only(runs)}.

Main-thread time by script in one more load of each page, with Chromium's sampling profiler
on (self time in ms up to the frame after the first render; the profiler slows the page, so
these are shares, not timings):

{by_script(spent)}
"""


def write_section(path: Path, section: str) -> None:
    """Replace this script's section of RESULTS.md (or add it), leaving the others."""
    results.write_section(path, HEADING, section)


class Progress:
    """One line on stderr per phase, so a long run shows where it is."""

    def __init__(self) -> None:
        self.began = time.monotonic()

    def __call__(self, message: str) -> None:
        print(f"[{time.monotonic() - self.began:5.0f} s] {message}", file=sys.stderr, flush=True)


def in_browser(s: Subjects, data: Path, args: argparse.Namespace, nodes: int,
               progress: Progress) -> tuple:
    """Everything that needs the served app: the HTTP timings and the page loads."""
    from playwright.sync_api import sync_playwright

    with running_server(data) as app, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        progress("capturing what a click and a tap post")
        captured, size = capture(browser, app, s)
        with bare_server(data, *size) as bare:
            progress(f"through HTTP: {args.repeat} rounds of the chain, "
                     f"{click_rounds(args.repeat)} of the whole click")
            rows = over_http(app, bare, captured, s, args.repeat)
            progress(f"{args.loads} loads of each page, then one profiled load of each")
            runs = page_loads(browser, {"bare": bare, "app": app}, nodes, args.loads)
            spent = {name: profiled_load(browser, url, nodes)
                     for name, url in (("bare", bare), ("app", app))}
        chromium = browser.version
        browser.close()
    return rows + browser_rows(runs), runs, spent, size, chromium


def run(args: argparse.Namespace) -> int:
    progress, load_at_start = Progress(), os.getloadavg()
    data = Path(args.data).resolve()
    try:
        s = Subjects.load(data)
    except CorpusError as err:
        print(format_table(err.problems), file=sys.stderr)
        print(f"{data}: invalid data; nothing was measured", file=sys.stderr)
        return 1
    nodes = sum(1 for e in elements(s.network, s.network.bounds.start) if "source" not in e["data"])
    progress(f"in process: {args.repeat} rounds")
    rows = in_process(s, args.repeat)
    if args.profile:
        profile(s, args.repeat)
    more, runs, spent, size, chromium = in_browser(s, data, args, nodes, progress)
    about = {"command": f"`--repeat {args.repeat} --loads {args.loads}`",
             "repeat": args.repeat, "click_rounds": click_rounds(args.repeat),
             "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
             "seconds": time.monotonic() - progress.began,
             "machine": machine(chromium, load_at_start),
             "faction": f"`{s.faction}`", "person": f"`{s.person}`",
             "size": f"{size[0]}×{size[1]}", "loads": args.loads}
    section = report(rows + more, runs, spent, nodes, about)
    print(section)
    if data == DEFAULT_DATA_DIR.resolve():
        write_section(RESULTS, section)
        progress(f"written to {RESULTS}")
    else:
        progress(f"not written to {RESULTS.name}: {data} is not the shipped corpus")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA_DIR), help="data directory")
    parser.add_argument("--repeat", type=int, default=100,
                        help="rounds of callback timings (default 100)")
    parser.add_argument("--loads", type=int, default=6,
                        help="page loads of each page in Chromium (default 6)")
    parser.add_argument("--profile", action="store_true",
                        help="also print a cProfile of the in-process select chain")
    parser.add_argument("--serve-bare", metavar="WxH", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_bare:
        width, height = (int(v) for v in args.serve_bare.split("x"))
        bare_app(Path(args.data), width, height).run(host="127.0.0.1", port=args.port)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
