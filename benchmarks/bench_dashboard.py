"""Issues 3, 12 and 14: what a click costs and how soon the graph is drawn, on the shipped corpus.

1. **Requests per click** (issue 14), in headless Chromium at 1280×800: the POSTs to
   ``/_dash-update-component`` that the page load, a faction checkbox (filter column
   opened), a tap on a person, the guided walk's Next, one key in the search box, the
   Analysis tab and a filter change with that tab open set off, with their server time
   (Chromium's timing of each request, from sent to the first byte of the answer: Dash
   sends no ``Server-Timing`` header outside debug mode), and which of them serve a tab
   that is closed.
2. **The graph drawn** (issues 12 and 14): from ``page.goto`` until the node positions,
   zoom and pan have been still for 500 ms of animation frames, for the app and for a bare
   Dash page holding the app's very Cytoscape component (same elements, stylesheet, layout
   and options) at the size it ends up with in the app, loads alternating. Each load
   records what happens on the way (Cytoscape created and rendered, callbacks sent and
   answered, the graph's box resized, stretches, fits, label passes, long tasks), and
   one more load of each under Chromium's sampling profiler says where the main thread's
   time goes, script by script.
3. **The callbacks' server time** (issue 3): as plain functions, beside
   ``to_query(parse_query(...))``; and through HTTP, replaying the bodies Chromium posted
   in 1, beside an echo callback on a bare Dash app served the same way.

Measures are interleaved with their baselines so a busy shared machine slows both alike.
Targets are reported, never asserted.

    .venv/bin/python benchmarks/bench_dashboard.py [--data DIR] [--repeat N] [--loads N]
        [--clicks N] [--write-results]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import importlib.metadata
import itertools
import json
import os
import platform
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
from flask import Flask  # noqa: E402
from plotly.io.json import to_json_plotly  # noqa: E402

from benchmarks import results  # noqa: E402
from benchmarks.load_test import panel_key as load_panel_key  # noqa: E402
from benchmarks.load_test import side_hidden, step_key  # noqa: E402
from dashboard import DEFAULT_DATA_DIR  # noqa: E402
from dashboard.corpus import CorpusError, format_table, load_valid_corpus  # noqa: E402
from dashboard.network.graph import Network, edge_id, filtered  # noqa: E402
from dashboard.network.passages import PassageIndex  # noqa: E402
from dashboard.network.search import SearchIndex  # noqa: E402
from dashboard.network.view import (  # noqa: E402
    FACTION_MODES,
    PANEL_IGNORES,
    View,
    parse_query,
    to_query,
)
from dashboard.web import ids  # noqa: E402
from dashboard.web.app import COMPRESS  # noqa: E402
from dashboard.web.callbacks import analysis as analysis_cb  # noqa: E402
from dashboard.web.callbacks import detail as detail_cb  # noqa: E402
from dashboard.web.callbacks import graph as graph_cb  # noqa: E402
from dashboard.web.callbacks import story as story_cb  # noqa: E402
from dashboard.web.callbacks import url as url_cb  # noqa: E402
from dashboard.web.components.analysis import DEFAULT_SORT  # noqa: E402
from dashboard.web.layout import build_layout  # noqa: E402
from tests.browser import (  # noqa: E402
    CHROMIUM_ARGS,
    PANELS_DRAWN_JS,
    chromium_path,
    running_server,
    serving,
    settle,
    show_filters,
    tap,
    track_requests,
)

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING_CLICKS = "## Issue 14:"  # requests per click and the graph drawn (issues 12 and 14)
HEADING_SERVER = "## Issue 3:"  # the callbacks' server time
UPDATE = "/_dash-update-component"
VIEWPORT = {"width": 1280, "height": 800}
FACTION, PERSON = "domestic", "pak-il-u"  # as in the tests
QUERIES = ("pak", "kim il", "hŏn", "ri ch", "zzz")  # a surname, a prefix, a breve, a miss
TARGET_CALLBACK_MS = 20.0  # issue 3: a click's chain, HTTP median
TARGET_RATIO = {"issue 12": 1.3, "issue 14": 1.2}  # graph drawn, app / bare page
STILL_MS = 500  # positions, zoom and pan unchanged this long: the graph is drawn
LOAD_TIMEOUT_MS = 120_000  # a page load may take this long on a busy machine
CONNECTIONS = 6  # what Chromium opens to one host over HTTP/1.1
#: The callbacks the app registers on its one URL callback (``web/callbacks/__init__.py``).
CONTROLS = url_cb.CORE_CONTROLS + analysis_cb.CONTROLS
ACTIONS = url_cb.CORE_ACTIONS + analysis_cb.ACTIONS + story_cb.ACTIONS
#: The baseline request: the bare app's echo callback, as the renderer would post it.
ECHO = json.dumps({"output": "store-pong.data",
                   "outputs": {"id": "store-pong", "property": "data"},
                   "inputs": [{"id": "store-ping", "property": "data", "value": 1}],
                   "changedPropIds": ["store-ping.data"], "state": []}).encode()


@dataclass
class Row:
    """One measure (ms unless its name says otherwise), with the baseline it is read against."""

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


# -- the keys the browser computes (assets/app.js, assets/walk.js) ---------------------------

def panel_key(search: str | None, tab: str) -> str:
    """``panelKey`` of ``assets/app.js`` for a side-panel tab (``load_test.panel_key``).

    >>> panel_key("?person=pak-il-u&layout=faction&faction=soviet,yanan", "detail")
    '?faction=soviet%2Cyanan&person=pak-il-u'
    >>> panel_key("?faction=soviet", "detail"), panel_key("?faction=soviet", "analysis")
    ('', '?faction=soviet')
    """
    return load_panel_key(search, PANEL_IGNORES[tab], tab == "detail")


# -- 3a. the callbacks as plain functions ---------------------------------------------------

@dataclass(frozen=True)
class Subjects:
    """The network, what the callbacks are given, and who is clicked."""

    network: Network
    passages: PassageIndex
    index: SearchIndex
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
        left = filtered(network, replace(bounds.start, factions=tuple(
            f for f in bounds.factions if f != faction))).nodes
        person = PERSON if PERSON in left else next(
            p for p, _ in network.accused.most_common() if p in left)
        edge = network.edges.get(edge_id("kim-il-sung", PERSON)) or max(
            network.edges.values(), key=lambda e: len(e.relations))
        ends = Counter(p for r in corpus.relations.values() for p in (r.source, r.target))
        return cls(network, PassageIndex(corpus), SearchIndex.build(corpus), faction, person,
                   edge.relations[0], ends.most_common(1)[0][0])

    def query(self, view: View) -> str:
        return to_query(view, self.network.bounds.start)


@dataclass(frozen=True)
class Click:
    """A click as the URL callback meets it: what fired it, with what, on which URL, with
    which tab open."""

    kind: str
    trigger: str
    value: object
    search: str
    values: tuple  # the controls' values as the browser sends them
    tab: str = "detail"


def sync(s: Subjects, click: Click) -> str:
    """The URL the one URL callback answers ``click`` with."""
    return url_cb.sync(s.network, click.trigger, click.value, click.search, click.values,
                       CONTROLS, ACTIONS)[0]


def panels_after(s: Subjects, click: Click, new: str) -> list[str]:
    """The server callbacks the browser sends after ``sync`` besides ``redraw``: the open
    tab's panel when its key changed and the side panel is in sight, the walk's text when
    its step changed to another step."""
    hidden = side_hidden(new, len(s.network.walk))
    out = [click.tab] if not hidden and \
        panel_key(new, click.tab) != panel_key(click.search, click.tab) else []
    walk = step_key(new) and step_key(new) != step_key(click.search)
    return out + (["walk"] if walk else [])


def serialised(value: object) -> str:
    """As Dash sends a callback's answer (plotly's JSON encoder)."""
    return to_json_plotly(value)


def panel_step(s: Subjects, name: str, search: str) -> Callable[[int], object]:
    """One panel's server work for the URL ``search``, built and serialised."""
    net = s.network
    if name == "detail":
        key = panel_key(search, "detail")
        return lambda _: serialised(detail_cb.panel(net, s.passages, key))
    if name == "analysis":
        key = panel_key(search, "analysis")
        return lambda _: serialised(list(analysis_cb.answers(net, key, "hostile",
                                                             DEFAULT_SORT).values()))
    key = step_key(search)
    return lambda _: serialised(story_cb.walk(net, key))


def chain_steps(s: Subjects, click: Click) -> dict[str, Callable[[int], object]]:
    """``sync``, ``redraw`` and the panels the click sets off, each fed by the one before."""
    new = sync(s, click)
    return {"sync": lambda _: sync(s, click),
            "redraw": lambda _: graph_cb.redraw(s.network, new, click.search),
            **{name: panel_step(s, name, new) for name in panels_after(s, click, new)}}


def clicks(s: Subjects, base: str = "") -> dict[str, Click]:
    """The clicks the issues name, from the view at ``base`` (the start view by default):
    a faction unticked; a tap on a person in the view it left; the walk's Next; the
    faction click again with the Analysis tab open."""
    net = s.network
    view = parse_query(base, net.bounds)
    values = tuple(c.write(net, view) for c in CONTROLS)
    ticked = [f for f in values[0] if f != s.faction]
    after = (ticked, *values[1:])
    left = s.query(replace(view, factions=tuple(ticked)))
    faction = f"{ids.CHECKLIST_FACTION}.value"
    return {
        "filter": Click("filter", faction, ticked, base, after),
        "select": Click("select", f"{ids.CYTOSCAPE_GRAPH}.tapNodeData",
                        {"id": s.person, "label": s.person, "timeStamp": 0}, left, after),
        "step": Click("step", f"{ids.STORE_ACTION}.data", {"action": "step next", "at": 0},
                      base, values),
        "filter, Analysis open": Click("filter, Analysis open", faction, ticked, base, after,
                                       tab="analysis"),
    }


def in_process(s: Subjects, repeat: int, base: str = "") -> list[Row]:
    """Every click's chain, step by step and whole, and the lone requests, interleaved."""
    net = s.network
    chains = {kind: chain_steps(s, click) for kind, click in clicks(s, base).items()}
    probe = s.query(View(factions=net.bounds.factions[1:], person=s.person))
    relation = s.query(View().select_relation(s.relation))
    busiest = s.query(View().select_person(s.busiest))
    steps = {"baseline": lambda _: to_query(parse_query(probe, net.bounds)),
             **{f"{kind}: {k}": f for kind, chain in chains.items() for k, f in chain.items()},
             "search": lambda i: serialised(detail_cb.results(net, s.index,
                                                              QUERIES[i % len(QUERIES)])),
             "analysis": panel_step(s, "analysis", base),
             "relation": panel_step(s, "detail", relation),
             "busiest": panel_step(s, "detail", busiest)}
    t = interleaved(steps, repeat)
    base_t, part = t.pop("baseline"), "in process"
    rows = [Row(part, "baseline: to_query(parse_query(url))", base_t)]
    for kind, chain in chains.items():
        rows += [Row(part, f"{kind}: {k}", t[f"{kind}: {k}"], base_t) for k in chain]
        rows.append(Row(part, f"**{kind}: whole chain**",
                        summed(t, *(f"{kind}: {k}" for k in chain)), base_t))
    rows += [Row(part, f"search ({', '.join(QUERIES)})", t["search"], base_t),
             Row(part, "Analysis tab opened: analysis", t["analysis"], base_t),
             Row(part, f"detail of the person in most relations (`{s.busiest}`)",
                 t["busiest"], base_t),
             Row(part, f"detail of a relation (`{s.relation}`)", t["relation"], base_t)]
    return rows


# -- 3b. the callbacks through HTTP ---------------------------------------------------------

class Client:
    """One kept-alive HTTP connection, as the browser uses."""

    def __init__(self, base: str) -> None:
        host, port = base.split("//")[1].split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)

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
    setting or mode changed), none met twice within 128 steps (the server's drawing cache).

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
            yield to_query(replace(b.start, factions=factions, polarities=kept, mode=mode),
                           b.start)


#: Which request of a click is which: the output that names it.
ROLES = (("sync", f"{ids.URL}.search"), ("redraw", f"{ids.STORE_GRAPH_CHANGES}.data"),
         ("detail", f"{ids.STORE_DETAIL_PANEL}.data"), ("walk", f"{ids.STORE_WALK_PANEL}.data"),
         ("analysis", f"{ids.GRAPH_MATRIX}.children"),
         ("search", f"{ids.LIST_SEARCH_RESULTS}.children"),
         ("reader", f"{ids.STORE_READER_TEXT}.data"),
         ("table", f"{ids.DIV_TABLE_VIEW}.children"))
#: The side-panel tab a request draws, for the ones that draw a tab.
TAB_OF = {"detail": "detail", "reader": "reader", "analysis": "analysis"}


def role(body: dict) -> str:
    """``sync``, ``redraw``, ``detail``… or the first output of any other callback."""
    outputs = body["output"].strip(".").split("...")
    outputs = [o.split("@")[0] for o in outputs]
    return next((name for name, prop in ROLES if prop in outputs), outputs[0])


@dataclass
class Replay:
    """The bodies Chromium posted, by click and role, and fresh variants of the cached
    ones: each batch of views is one no batch before it used, so the server's caches of
    drawings (128), panels (256) and analysis answers (64) hold the old view, never the
    new one, as in use."""

    captured: dict[str, dict[str, dict]]
    subjects: Subjects
    used: int = 0

    def body(self, kind: str, name: str) -> bytes:
        return json.dumps(self.captured[kind][name]).encode()

    def views(self, count: int) -> list[str]:
        walk = itertools.islice(itertools.cycle(filter_walk(self.subjects.network)),
                                self.used, self.used + count + 1)
        self.used += count + 1
        return list(walk)

    def fresh(self, kind: str, name: str, count: int) -> list[bytes]:
        """``count`` bodies of one request of a click, each for a view not drawn yet."""
        s, views, body = self.subjects, self.views(count), self.captured[kind][name]
        pairs = [(new, old) for old, new in itertools.pairwise(views)]
        if kind.startswith("select"):
            pairs = [(s.query(parse_query(q, s.network.bounds).select_person(s.person)), q)
                     for q in views[1:]]
        elif kind.startswith("step"):
            pairs = [(s.query(replace(parse_query(q, s.network.bounds), step=1)), q)
                     for q in views[1:]]
        if name == "redraw":
            out = [with_value(with_value(body, "inputs", ids.URL, "search", new), "state",
                              ids.STORE_GRAPH_QUERY, "data", old) for new, old in pairs]
        elif name in ("detail", "analysis"):
            store = ids.STORE_DETAIL_KEY if name == "detail" else ids.STORE_ANALYSIS_KEY
            out = [with_value(body, "inputs", store, "data", panel_key(new, name))
                   for new, _ in pairs]
        elif name == "search":
            out = [with_value(body, "inputs", ids.INPUT_SEARCH, "value",
                              QUERIES[i % len(QUERIES)]) for i in range(count)]
        else:
            out = [body] * count
        return [json.dumps(b).encode() for b in out]


def _post(client: Client, data: bytes) -> Callable[[int], object]:
    return lambda _: client.send("POST", UPDATE, data)


def _post_nth(client: Client, bodies: list[bytes]) -> Callable[[int], object]:
    return lambda i: client.send("POST", UPDATE, bodies[i])


#: The clicks replayed through HTTP: (name in the report, name in the captured runs).
REPLAYED = (("filter", "faction checkbox"), ("select", "tap on a person"),
            ("step", "walk: Next"), ("search", "one key in the search box"),
            ("analysis", "Analysis tab opened"),
            ("filter, Analysis open", "filter, Analysis open"))
CACHED = ("redraw", "detail", "analysis")  # replayed as captured too: the server's cache


def http_steps(url: str, app: Client, bare: Client, replay: Replay, repeat: int,
               pool: ThreadPoolExecutor) -> tuple[dict[str, Callable[[int], object]], dict]:
    """Each request of each replayed click (fresh views), the same body again for the
    cached ones, and the click as the browser sends it: ``sync``, then the rest side by
    side on their own connections."""
    side = [Client(url) for _ in range(CONNECTIONS)]
    steps: dict[str, Callable[[int], object]] = {"baseline": _post(bare, ECHO)}
    chains: dict[str, list[str]] = {}
    for kind, _ in REPLAYED:
        names = list(replay.captured[kind])
        chains[kind] = names
        fresh = {n: replay.fresh(kind, n, repeat + 3) for n in names}
        for name in names:
            steps[f"{kind}: {name}"] = _post_nth(app, fresh[name])
            if name in CACHED:
                steps[f"{kind}: {name}, again"] = _post(app, replay.body(kind, name))
        if len(names) > 1:
            again = {n: replay.fresh(kind, n, repeat + 3) for n in names}

            def browser_like(i: int, names: list[str] = names, again: dict = again) -> None:
                app.send("POST", UPDATE, again[names[0]][i])
                futures = [pool.submit(side[j].send, "POST", UPDATE, again[n][i])
                           for j, n in enumerate(names[1:])]
                for future in futures:
                    future.result()
            steps[f"{kind}: browser-like"] = browser_like
    return steps, chains


def over_http(app: str, bare: str, captured: dict, s: Subjects, repeat: int) -> list[Row]:
    app_client, bare_client, replay = Client(app), Client(bare), Replay(captured, s)
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        steps, chains = http_steps(app, app_client, bare_client, replay, repeat, pool)
        t = interleaved(steps, repeat)
    base, part = t.pop("baseline"), "HTTP"
    rows = [Row(part, "baseline: echo callback on the bare app", base)]
    for kind, names in chains.items():
        label = {n: kind if names == [kind] else f"{kind}: {n}" for n in names}
        rows += [Row(part, label[n], t[f"{kind}: {n}"], base) for n in names]
        rows += [Row(part, f"{label[n]}, same body again (cached)", t[f"{kind}: {n}, again"],
                     base) for n in names if n in CACHED]
        if len(names) > 1:
            rows.append(Row(part, f"**{kind}: {' + '.join(names)}, one after another**",
                            summed(t, *(f"{kind}: {n}" for n in names)), base))
            rows.append(Row(part, f"{kind}: as the browser sends it ({names[0]}, then the "
                                  "rest side by side)", t[f"{kind}: browser-like"], base))
    sizes: dict[str, float] = {}

    def layout(name: str, client: Client) -> Callable[[int], object]:
        return lambda _: sizes.__setitem__(name, len(client.send("GET", "/_dash-layout")[1]))
    pages = interleaved({"bare": layout("bare", bare_client), "app": layout("app", app_client)},
                        max(10, repeat // 5))
    rows.append(Row(part, "GET /_dash-layout: bare page (baseline)", pages["bare"]))
    rows.append(Row(part, "GET /_dash-layout: app", pages["app"], pages["bare"]))
    rows.append(Row(part, "size of /_dash-layout (KiB)", [sizes["app"] / 1024],
                    [sizes["bare"] / 1024]))
    return rows


# -- the bare page: the app's Cytoscape component alone -------------------------------------

def graph_component(network: Network) -> object:
    """The app's own Cytoscape component (elements, stylesheet, layout and options)."""
    return next(c for c in build_layout(network)._traverse()
                if getattr(c, "id", None) == ids.CYTOSCAPE_GRAPH)


def bare_app(data_dir: Path, width: int, height: int) -> dash.Dash:
    """A Dash app configured as ``create_app`` does, holding only the app's Cytoscape
    component in a box of the app's size, and an echo callback the page never calls."""
    graph = graph_component(Network.build(load_valid_corpus(data_dir)))
    server = Flask(__name__)
    server.config.update(COMPRESS)
    app = dash.Dash(__name__, server=server, title="bare", serve_locally=True,
                    update_title=None, compress=True)
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


# -- 2. the graph drawn, in headless Chromium -----------------------------------------------

#: Installed before the page's scripts. Marks in ms since navigation start: ``cy``
#: (Dash-Cytoscape sets ``window.cy``), ``render`` (Cytoscape's first render with every
#: node), ``drawn`` (the last change of node positions, zoom or pan before they stayed put
#: for STILL ms of animation frames; a frame gap over 100 ms, a frozen page, restarts the
#: wait without counting as a change) and ``still``. The log holds what happened on the
#: way: callbacks sent and answered, the app's classes, the graph's box, Cytoscape's
#: resizes, camera calls (``fit``, ``viewport``, ``animate``), the app's stretches
#: (``window.ivanovStretch``) and label passes (``window.__ivanovLabels``), long tasks.
PROBE = """
(() => {
  const STILL = %(still)d, GAP = 100, WANT = %(nodes)d, panelsDrawn = %(panels)s;
  const T = window.__probe = {marks: {}, counts: {}, log: [], last: null};
  const now = () => performance.now();
  const mark = n => { if (!(n in T.marks)) { T.marks[n] = now(); } };
  const log = (n, x, at) => {
    if (T.marks.still === undefined) { T.log.push([at === undefined ? now() : at, n, x]); }
  };
  const count = (n, by) => {
    if (T.marks.still === undefined) { T.counts[n] = (T.counts[n] || 0) + (by || 1); }
  };
  try {
    new PerformanceObserver(l => l.getEntries().forEach(e => {
      count("long tasks"); count("long tasks (ms)", e.duration);
      if (e.duration >= 200) { log("long task", Math.round(e.duration) + " ms", e.startTime); }
    })).observe({type: "longtask", buffered: true});
  } catch (err) { /* no long-task timing */ }
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    let name = String((input && input.url) || input).split("?")[0].split("/").pop();
    if (init && typeof init.body === "string") {
      try { name = JSON.parse(init.body).output.replace(/^[.][.]/, "").split(/[.][.][.]|@/)[0];
      } catch (err) { /* not a callback */ }
    }
    log("sent", name);
    return fetch0.apply(this, arguments).then(r => { log("answered", name); return r; });
  };
  document.addEventListener("DOMContentLoaded", () => log("DOMContentLoaded"));
  if (document.fonts) {
    document.fonts.addEventListener("loadingdone", () => { mark("font"); log("font loaded"); });
  }
  let labels, stretch, held, classes = null;
  Object.defineProperty(window, "__ivanovLabels", {configurable: true, get: () => labels,
    set(v) { labels = v; count("label passes"); mark("labels");
             log("label pass", (v && v.drawn) + " labels"); }});
  Object.defineProperty(window, "ivanovStretch", {configurable: true, get: () => stretch,
    set(v) {
      stretch = v;
      const update = v && v.update;
      if (typeof update !== "function") { return; }
      v.update = function () {
        const moved = update.apply(this, arguments);
        if (moved) { count("stretches"); log("stretch", JSON.stringify(v.factors())); }
        return moved;
      };
    }});
  new MutationObserver(() => {
    const app = document.getElementById("div-app");
    if (app && app.className !== classes) {
      classes = app.className; log("app classes", classes);
      if (/filters-folded/.test(classes)) { mark("folded"); }
    }
    if (T.marks.panels === undefined && panelsDrawn()) {  // the app's, after its graph
      mark("panels"); log("panels drawn (filters, side panel, table view)");
    }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ["class"]});
  Object.defineProperty(window, "cy", {configurable: true, get: () => held, set(cy) {
    held = cy;
    if (!cy || T.marks.cy !== undefined) { return; }
    mark("cy"); log("Cytoscape created", cy.nodes().length + " nodes");
    const zoom = cy.zoom.bind(cy), pan = cy.pan.bind(cy);
    ["render", "position", "viewport", "resize"].forEach(ev => cy.on(ev, () => {
      count(ev + " events");
      if (ev === "render" && T.marks.render === undefined && cy.nodes().length >= WANT) {
        mark("render"); log("first render with every node");
      }
      if (ev === "resize") { log("Cytoscape resize"); }
    }));
    ["fit", "viewport", "animate"].forEach(m => {
      const f = cy[m];
      cy[m] = function () {
        count("camera calls"); log("cy." + m);
        return f.apply(this, arguments);
      };
    });
    new ResizeObserver(es => log("graph box", Math.round(es[0].contentRect.width) + "×" +
                                 Math.round(es[0].contentRect.height))).observe(cy.container());
    const snap = () => {
      const p = pan();
      let s = zoom() + "," + p.x + "," + p.y;
      cy.nodes().forEach(n => { const q = n.position(); s += "," + q.x + "," + q.y; });
      return s;
    };
    let prev = null, frame = null, since = null;
    const tick = () => {
      const t = now();
      if (frame !== null && t - frame > GAP) { since = t; }
      frame = t;
      const s = snap();
      if (s !== prev) { prev = s; T.last = t; since = t; count("frames with a move"); }
      if (T.marks.render !== undefined && t - since >= STILL) {
        T.marks.drawn = Math.max(T.last, T.marks.render);
        log("still"); T.marks.still = t;
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }});
})();
"""


def probe_script(nodes: int) -> str:
    """PROBE for a page whose graph has ``nodes`` nodes; the app's panels are drawn when
    the browser tests say so (``PANELS_DRAWN_JS``)."""
    return PROBE % {"still": STILL_MS, "nodes": nodes, "panels": PANELS_DRAWN_JS}


MARKS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource");
  const until = window.__probe.marks.still;
  const before = res.filter(r => r.startTime <= until);
  const layout = res.find(r => r.name.includes("_dash-layout"));
  const scripts = res.filter(r => r.initiatorType === "script").map(r => r.responseEnd);
  return {origin: performance.timeOrigin, probe: window.__probe,
          at: {html: nav.responseEnd, scripts: Math.max(0, ...scripts),
               domcontentloaded: nav.domContentLoadedEventEnd,
               layout: layout ? layout.responseEnd : null},
          kb: (nav.transferSize + before.reduce((a, r) => a + r.transferSize, 0)) / 1024,
          requests: before.length + 1,
          files: before.map(r => [r.name, r.transferSize / 1024])};
}"""
#: Main-thread time Chromium counts by the time the graph is still.
CHROME_METRICS = {"script": "ScriptDuration", "style": "RecalcStyleDuration",
                  "layout_time": "LayoutDuration", "tasks": "TaskDuration"}


@dataclass(frozen=True)
class Page:
    """A page to load: its name in the report, and its URL."""

    name: str
    url: str


def page_load(browser, page: Page, nodes: int, path: str = "/",
              timeout_ms: int = LOAD_TIMEOUT_MS) -> dict:
    """One load of ``page`` in a fresh context (a cold cache); marks in ms from the
    ``goto`` call, the probe's counts and log, the bytes and Chromium's main-thread time."""
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    try:
        tab = context.new_page()
        tab.add_init_script(probe_script(nodes))
        cdp = context.new_cdp_session(tab)
        cdp.send("Performance.enable")
        start = time.time() * 1e3
        tab.goto(page.url + path, wait_until="commit", timeout=timeout_ms)
        tab.wait_for_function("window.__probe && window.__probe.marks.still !== undefined",
                              timeout=timeout_ms, polling=100)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        got = tab.evaluate(MARKS)
    finally:
        context.close()
    shift = got["origin"] - start
    probe = got["probe"]
    at = {**got["at"], **probe["marks"]}
    return {**{k: v + shift for k, v in at.items() if v is not None},
            "navigation": shift, "kb": got["kb"], "requests": got["requests"],
            "counts": probe["counts"], "files": {_file(u): kb for u, kb in got["files"]},
            "log": [(t + shift, name, detail) for t, name, detail in probe["log"]],
            **{key: metrics[name] * 1e3 for key, name in CHROME_METRICS.items()}}


def page_loads(browser, pages: list[Page], nodes: int, loads: int,
               timeout_ms: int = LOAD_TIMEOUT_MS, progress: Callable | None = None
               ) -> dict[str, list]:
    """``loads`` loads of each page after one warm-up each, the order turning every round
    so no page always comes first (or right after the heaviest)."""
    runs: dict[str, list] = {p.name: [] for p in pages}
    for i in range(-1, loads):
        order = pages[i % len(pages):] + pages[:i % len(pages)] if i >= 0 else pages
        for page in order if i % 2 else order[::-1]:
            marks = page_load(browser, page, nodes, timeout_ms=timeout_ms)
            if i >= 0:
                runs[page.name].append(marks)
        if progress and i >= 0:
            progress(f"  round {i + 1} of {loads}: " + ", ".join(
                f"{p.name} {runs[p.name][-1]['drawn'] / 1e3:.1f} s" for p in pages))
    return runs


def profiled_load(browser, page: Page, nodes: int) -> Counter:
    """Main-thread self time (ms) by script over one load until the graph is still, from
    Chromium's sampling profiler; kept apart from the timed loads (it slows the page)."""
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    try:
        tab = context.new_page()
        tab.add_init_script(probe_script(nodes))
        cdp = context.new_cdp_session(tab)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 500})
        cdp.send("Profiler.start")
        tab.goto(page.url + "/", wait_until="commit")
        tab.wait_for_function("window.__probe && window.__probe.marks.still !== undefined",
                              timeout=LOAD_TIMEOUT_MS, polling=100)
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


# -- the pages loaded -----------------------------------------------------------------------

def pages_for(app: str, bare: str) -> list[Page]:
    return [Page("bare", bare), Page("app", app)]


# -- 1. requests per click, in headless Chromium --------------------------------------------



@dataclass
class Posted:
    """One request a click set off: which callback, its body and its server time."""

    role: str
    body: dict
    server_ms: float  # sent to the first byte of the answer


@dataclass
class Step:
    """What one click posted and how long it took, click to the page idle."""

    posted: list[Posted]
    ms: float
    tab: str  # the side-panel tab open after the click

    @property
    def closed_tab(self) -> list[str]:
        return [p.role for p in self.posted if p.role in TAB_OF and TAB_OF[p.role] != self.tab]


def _idle(tab, quiet: int = 500) -> None:
    """Dash's renderer idle, no fetch open, for ``quiet`` ms (the browser tests' wait)."""
    settle(tab, quiet_ms=quiet, timeout=LOAD_TIMEOUT_MS)


def _open_tab(tab) -> str:
    """The side-panel tab on screen; ``none`` while the panel is hidden (the walk hides it
    when nothing is selected)."""
    if not tab.is_visible(f"#{ids.DIV_SIDE}"):
        return "none"
    for name in ("detail", "reader", "analysis"):
        if tab.get_attribute(f"#button-tab-{name}", "aria-selected") == "true":
            return name
    return "none"


def click_steps(s: Subjects) -> list[tuple[str, Callable]]:
    """The clicks of issue 14, in order, on one page; each a name and what the user does."""
    label = s.network.corpus.factions[s.faction].label
    faction = f"#{ids.CHECKLIST_FACTION} label"
    return [
        ("page load", None),
        ("filter column opened", lambda t: show_filters(t)),
        ("faction checkbox", lambda t: t.locator(faction, has_text=label).click()),
        ("tap on a person", lambda t: tap(t, s.person)),
        ("walk started", lambda t: t.click(f"#{ids.BUTTON_WALK}")),
        ("walk: Next", lambda t: t.click(f"#{ids.BUTTON_STEP_NEXT}")),
        ("tap on a person during the walk", lambda t: tap(t, s.person)),
        # the walk's panel gives way to the person's: the clicker's key presses Next
        ("walk: Next after that tap (→ key)", lambda t: t.keyboard.press("ArrowRight")),
        ("walk ended", lambda t: t.click(f"#{ids.BUTTON_WALK}")),
        ("one key in the search box",
         lambda t: (t.click(f"#{ids.INPUT_SEARCH}"), t.keyboard.type("p"))),
        ("search box emptied", lambda t: (t.fill(f"#{ids.INPUT_SEARCH}", ""),
                                          t.keyboard.press("Escape"))),
        ("Analysis tab opened", lambda t: t.click(f"#{ids.BUTTON_TAB_ANALYSIS}")),
        ("filter, Analysis open", lambda t: t.locator(faction, has_text=label).click()),
        ("Document tab opened", lambda t: t.click(f"#{ids.BUTTON_TAB_READER}")),
        ("Details tab opened", lambda t: t.click(f"#{ids.BUTTON_TAB_DETAIL}")),
    ]


def click_run(browser, url: str, s: Subjects) -> tuple[dict[str, Step], tuple[int, int]]:
    """The clicks of ``click_steps`` on one fresh page; and the graph's size at the end of
    the load (the bare page gets the same)."""
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    tab = context.new_page()
    track_requests(tab)
    tab.add_init_script(probe_script(1))
    done: list[Posted] = []

    def finished(request) -> None:
        if UPDATE in request.url and request.method == "POST":
            timing, body = request.timing, json.loads(request.post_data or "{}")
            ms = timing["responseStart"] - timing["requestStart"]
            done.append(Posted(role(body), body, ms if ms >= 0 else float("nan")))
    tab.on("requestfinished", finished)
    steps: dict[str, Step] = {}
    size = (0, 0)
    try:
        for name, act in click_steps(s):
            done.clear()
            start = time.perf_counter()
            if act is None:
                tab.goto(url + "/", timeout=LOAD_TIMEOUT_MS)
                tab.wait_for_function("window.__probe.marks.still !== undefined && "
                                      "window.__probe.marks.panels !== undefined",
                                      timeout=LOAD_TIMEOUT_MS, polling=100)
            else:
                act(tab)
            _idle(tab)
            tab.wait_for_timeout(100)  # the last requestfinished events reach Python
            steps[name] = Step(list(done), (time.perf_counter() - start) * 1e3, _open_tab(tab))
            if act is None:
                size = tuple(round(v) for v in tab.evaluate("[cy.width(), cy.height()]"))
    finally:
        context.close()
    return steps, size


def captured_bodies(run: dict[str, Step]) -> dict[str, dict[str, dict]]:
    """The bodies of the replayed clicks, by click and role, from one run."""
    out = {}
    for kind, step in REPLAYED:
        named: dict[str, dict] = {}
        for posted in run[step].posted:
            named.setdefault(posted.role, posted.body)
        out[kind] = named
    return out


# -- the report ------------------------------------------------------------------------------

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


def _ms(values: list[float]) -> str:
    values = [v for v in values if v == v]
    return f"{statistics.median(values):.0f}" if values else "—"


def _spread(values: list[int]) -> str:
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}–{high}"


#: Issue 14's targets: at most this many requests.
REQUEST_TARGETS = {"faction checkbox": 3, "tap on a person": 3, "walk: Next": 3,
                   "walk: Next after that tap (→ key)": 3, "one key in the search box": 1,
                   "filter, Analysis open": 3}


def requests_table(runs: list[dict[str, Step]]) -> str:
    """One line per click: requests (over the runs), which, server time, click to idle."""
    lines = ["| Click | requests | target | which (in order of answer) | server time, sum (ms) "
             "| max (ms) | click → page idle (ms) | for a closed tab |",
             "|---|---:|---:|---|---:|---:|---:|---|"]
    for name in runs[0]:
        steps = [r[name] for r in runs]
        which = Counter(" + ".join(f"`{p.role}`" for p in st.posted) or "—" for st in steps)
        closed = sorted({c for st in steps for c in st.closed_tab})
        target = REQUEST_TARGETS.get(name, "")
        lines.append(
            f"| {name} | {_spread([len(st.posted) for st in steps])} | "
            f"{'≤ ' + str(target) if target else ''} | "
            + "; ".join(f"{w} ({n}×)" if len(which) > 1 else w for w, n in which.most_common())
            + f" | {_ms([sum(p.server_ms for p in st.posted) for st in steps if st.posted])} | "
            f"{_ms([max(p.server_ms for p in st.posted) for st in steps if st.posted])} | "
            f"{_ms([st.ms for st in steps])} | "
            f"{', '.join(f'`{c}`' for c in closed) or 'none'} |")
    return "\n".join(lines)


def request_verdicts(runs: list[dict[str, Step]]) -> str:
    lines = []
    for name, target in REQUEST_TARGETS.items():
        most = max(len(r[name].posted) for r in runs)
        lines.append(f"- {name}: {'**met**' if most <= target else '**missed**'} "
                     f"(at most {most} request{'s' if most != 1 else ''}, "
                     f"target ≤ {target})")
    closed = sorted({(n, c) for r in runs for n, st in r.items() for c in st.closed_tab})
    lines.append("- nothing for closed tabs: " + (
        "**met**" if not closed else "**missed**: " + "; ".join(
            f"*{n}* posts `{c}` for the {TAB_OF[c]} tab, which is not on screen"
            for n, c in closed)))
    return "\n".join(lines)


def table(rows: list[Row]) -> str:
    lines = ["| Where | Measure | n | median (ms) | p95 (ms) | × baseline |",
             "|---|---|---:|---:|---:|---:|"]
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
        lines.append(f"| {r.part} | {r.name} | {len(r.samples)} | {r.median:.2f} | "
                     f"{r.p95:.2f} | {ratio} |")
    return "\n".join(lines)


#: The page-load table: (key, label). Times in ms from the ``goto`` call.
BREAKDOWN = (("html", "HTML received"), ("scripts", "last script received"),
             ("domcontentloaded", "DOMContentLoaded done"),
             ("layout", "`_dash-layout` received"), ("cy", "Cytoscape created (`window.cy`)"),
             ("render", "first render with every node"),
             ("panels", "panels drawn after the graph (`assets/panels.js`)"),
             ("folded", "filter column folded (`filters-folded` on the app)"),
             ("labels", "first label pass (`assets/labels.js`)"), ("font", "a web font loaded"),
             ("drawn", "**drawn: the last move before 500 ms still**"),
             ("still", "… and still for 500 ms"))
COUNTS = (("render events", "Cytoscape `render` events"),
          ("position events", "Cytoscape `position` events"),
          ("viewport events", "Cytoscape `viewport` events (zoom, pan)"),
          ("resize events", "Cytoscape `resize` events"),
          ("frames with a move", "animation frames in which something moved"),
          ("stretches", "stretches (`assets/stretch.js`) that moved the nodes"),
          ("camera calls", "camera moves (`cy.fit`, `cy.viewport`, `cy.animate` calls)"),
          ("label passes", "label passes"), ("long tasks", "long tasks (≥ 50 ms)"),
          ("long tasks (ms)", "… their total (ms)"))


def _median(runs: list[dict], key: str) -> float:
    values = [m[key] for m in runs if key in m]
    return statistics.median(values) if len(values) * 2 > len(runs) else float("nan")


def _count(runs: list[dict], key: str) -> float:
    return statistics.median(m["counts"].get(key, 0) for m in runs)


def breakdown(runs: dict[str, list]) -> str:
    names = list(runs)
    head = " | ".join("bare page" if n == "bare" else n for n in names)
    lines = [f"| Step (median, ms from `goto`) | {head} |", "|---|" + "---:|" * len(names)]
    for key, label in BREAKDOWN:
        cells = [_median(runs[n], key) for n in names]
        lines.append(f"| {label} | " + " | ".join("—" if c != c else f"{c:.0f}" for c in cells)
                     + " |")
    for key, label in COUNTS:
        lines.append(f"| {label} | " + " | ".join(f"{_count(runs[n], key):.0f}"
                                                  for n in names) + " |")
    for key, label in (("kb", "transferred by then (KiB)"), ("requests", "requests by then"),
                       ("tasks", "main thread busy by then, all tasks (ms)"),
                       ("script", "… running script (ms)"),
                       ("style", "… recalculating style (ms)"),
                       ("layout_time", "… page layout (ms)")):
        lines.append(f"| {label} | " + " | ".join(f"{_median(runs[n], key):.0f}"
                                                  for n in names) + " |")
    return "\n".join(lines)


def timeline(load: dict) -> str:
    """One load, event by event (ms from ``goto``), with the moment it was drawn."""
    lines = ["| ms | event | |", "|---:|---|---|"]
    events = [*load["log"], (load["drawn"], "**drawn** (the last move)", "")]
    for t, name, detail in sorted(events, key=lambda e: e[0]):
        lines.append(f"| {t:.0f} | {name} | {detail or ''} |")
    return "\n".join(lines)


def typical(loads: list[dict]) -> dict:
    """The load whose drawn time is the median one."""
    ordered = sorted(loads, key=lambda m: m["drawn"])
    return ordered[(len(ordered) - 1) // 2]


def app_only(runs: dict[str, list]) -> str:
    """Files the app fetched before its graph was still that the bare page did not."""
    bare = {name for m in runs["bare"] for name in m["files"]}
    extra: dict[str, float] = {}
    for name, kb in runs["app"][-1]["files"].items():
        if name not in bare and not name.startswith("_dash-update-component"):
            extra[name] = extra.get(name, 0) + kb
    return ", ".join(f"`{n}` {kb:.0f} KiB" for n, kb in sorted(extra.items(),
                                                              key=lambda x: -x[1])) or "none"


def by_script(spent: dict[str, Counter], top: int = 10) -> str:
    busy = {page: Counter({n: t for n, t in c.items() if n != "(idle)"})
            for page, c in spent.items()}
    names = [n for n, _ in (busy["app"] + busy["bare"]).most_common(top)]
    lines = ["| Script or activity | bare page | app |", "|---|---:|---:|"]
    lines += [f"| `{n}` | {busy['bare'][n]:.0f} | {busy['app'][n]:.0f} |" for n in names]
    lines.append(f"| all but idle | {sum(busy['bare'].values()):.0f} | "
                 f"{sum(busy['app'].values()):.0f} |")
    return "\n".join(lines)


def drawn_rows(runs: dict[str, list]) -> list[Row]:
    bare = [m["drawn"] for m in runs["bare"]]
    rows = [Row("Chromium", "bare page: navigation → drawn and still", bare)]
    rows += [Row("Chromium", f"{n}: navigation → drawn and still",
                 [m["drawn"] for m in loads], bare) for n, loads in runs.items() if n != "bare"]
    rows += [Row("Chromium", "bare page: navigation → first render with every node",
                 [m["render"] for m in runs["bare"]]),
             Row("Chromium", "app: navigation → first render with every node",
                 [m["render"] for m in runs["app"]], [m["render"] for m in runs["bare"]])]
    return rows


def drawn_verdicts(rows: list[Row]) -> str:
    app = next(r for r in rows if r.name == "app: navigation → drawn and still")
    out = [f"- Graph drawn, app / bare page: {app.ratio:.2f} × ({app.median / 1e3:.2f} s "
           f"against {statistics.median(app.baseline) / 1e3:.2f} s): "
           + ", ".join(f"{issue} (≤ {target:g} ×) **{'met' if app.ratio <= target else 'missed'}**"
                       for issue, target in TARGET_RATIO.items())]
    return "\n".join(out)


def callback_verdicts(rows: list[Row]) -> str:
    lines = []
    for kind in ("filter", "select", "step"):
        chain = next((r for r in rows if r.part == "HTTP" and r.name.startswith(f"**{kind}:")),
                     None)
        if chain:
            met = "**met**" if chain.median <= TARGET_CALLBACK_MS else "**missed**"
            lines.append(f"- {kind}, {chain.name.strip('*').split(': ', 1)[1]}: {met} "
                         f"({chain.median:.1f} ms against {TARGET_CALLBACK_MS:.0f})")
    return "\n".join(lines)


CLICKS_METHOD = """\
**Method.** *Requests per click*: {clicks} runs, each on a fresh page of the app served by
`python -m dashboard run` at {width}×{height}, doing in order what the first table lists
(the faction is {faction}, the person {person}; the walk is started before its Next and
ended after it; the search box gets one letter, `p`). After each click the script waits
until Dash's renderer has nothing queued or running and no fetch is open for 500 ms, then
counts the POSTs to `/_dash-update-component` the click set off. *Server time* is
Chromium's timing of each request, from sent to the first byte of its answer (Dash sends
no `Server-Timing` header outside debug mode); *click → page idle* includes the 500 ms of
quiet. A request *for a closed tab* draws a side-panel tab (Details, Document, Analysis)
other than the one open after the click.

*Graph drawn*: {loads} loads of each page in a fresh browser context (cold cache), after a
warm-up each, the order turning every round. Times run from the `page.goto` call; *drawn*
is the last animation frame in which a node position, the zoom or the pan changed, once
they then stay unchanged for {still} ms of frames (a frame gap over 100 ms, a frozen page,
restarts the wait without counting as a change; `benchmarks/bench_legibility.py` waits the
same way). The bare page is a Dash app configured as the app is, holding only the app's
Cytoscape component (its elements for the start view, stylesheet, preset layout, zoom
limits and wheel sensitivity, dash-cytoscape's standard bundle) in a box of the size the
app's graph has once its load is over ({size} px); it loads none of the app's CSS or
scripts."""


def clicks_section(runs: list[dict[str, Step]], loads: dict[str, list], spent: dict,
                   rows: list[Row], about: dict) -> str:
    method = CLICKS_METHOD.format(width=VIEWPORT["width"], height=VIEWPORT["height"],
                                  still=STILL_MS, **about)
    app = typical(loads["app"])
    return f"""{HEADING_CLICKS} requests per click and the graph drawn (issues 12 and 14)

_Written by `benchmarks/bench_dashboard.py` ({about['command']}) on {about['date']}; the run
took {about['seconds']:.0f} s._

{about['machine']}

{method}

**Targets.**
{request_verdicts(runs)}
{drawn_verdicts(rows)}

### Requests per click

{requests_table(runs)}

### Graph drawn after navigation

{table(rows)}

{breakdown(loads)}

Fetched by the app before its graph was still and not by the bare page (last load):
{app_only(loads)}.

The app's median load, event by event (ms from `goto`; long tasks of 200 ms or more, at
their start; *sent* and *answered* are callbacks by their first output, and the page's
own fetches):

{timeline(app)}

Main-thread time by script in one more load of each page, with Chromium's sampling profiler
on (self time in ms until the graph is still; the profiler slows the page, so these are
shares, not timings):

{by_script(spent)}
"""


SERVER_METHOD = """\
**Method.** The clicks of the issue 14 section, as the server meets them. *Filter* unticks
one faction ({faction}) on the start view; *select* is a tap on a person ({person}) in the
view it leaves; *step* is the walk's Next from the start view; *filter, Analysis open* is
the faction click with the Analysis tab open. Each runs `sync` (the one URL callback), then
`redraw` (the graph's changes) and the panel whose key the browser passes on (`detail`,
`walk` or `analysis`). *In process*: the module-level functions the callbacks call
(`url.sync` with the controls and actions the app registers, `graph.redraw` without its
cache of drawings, `detail.panel`, `story.walk`, `analysis.answers` without its memo), each
answer serialised with plotly's JSON encoder as Dash sends it; baseline
`to_query(parse_query(url))`. *HTTP*: the app served by `python -m dashboard run` on
127.0.0.1, kept-alive connections, replaying the bodies Chromium posted for those clicks;
every `redraw`, `detail` and `analysis` body is for a view the server has not met in this
run (a walk through the filter combinations, one click apart), so its caches hold the old
view, never the new one; the same body again (cached) is shown apart. *As the browser sends
it*: `sync`, then the rest side by side, each on its own connection. Baseline: an echo
callback on a bare Dash app configured and served the same way. {repeat} rounds, each
running every measure once, baseline first; a chain's time is the sum of its requests in
the same round."""


def server_section(rows: list[Row], about: dict) -> str:
    method = SERVER_METHOD.format(**about)
    return f"""{HEADING_SERVER} callbacks' server time on the shipped corpus

_Written by `benchmarks/bench_dashboard.py` ({about['command']}) on {about['date']}._

{about['machine']}

{method}

**Target** (issue 3: a click's chain through HTTP, one request after another, median ≤
{TARGET_CALLBACK_MS:.0f} ms).
{callback_verdicts(rows)}

Absolute times depend on the machine and on what else it runs (see the load average
above); the × baseline column is the figure to compare across runs.

{table(rows)}
"""


class Progress:
    """One line on stderr per phase, so a long run shows where it is."""

    def __init__(self) -> None:
        self.began = time.monotonic()

    def __call__(self, message: str) -> None:
        print(f"[{time.monotonic() - self.began:5.0f} s] {message}", file=sys.stderr, flush=True)


def in_browser(s: Subjects, data: Path, args: argparse.Namespace, nodes: int,
               progress: Progress) -> dict:
    """Everything that needs the served app: the clicks, HTTP and the page loads."""
    from playwright.sync_api import sync_playwright

    with running_server(data) as app, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        progress(f"requests per click: {args.clicks} runs")
        runs, sizes = [], []
        for _ in range(args.clicks):
            run_, size = click_run(browser, app, s)
            runs.append(run_)
            sizes.append(size)
        size = Counter(sizes).most_common(1)[0][0]  # the graph's box once the load is over
        with bare_server(data, *size) as bare:
            progress(f"through HTTP: {args.repeat} rounds")
            rows = over_http(app, bare, captured_bodies(runs[0]), s, args.repeat)
            pages = pages_for(app, bare)
            progress(f"graph drawn: {args.loads} loads of each of {len(pages)} pages")
            loads = page_loads(browser, pages, nodes, args.loads, progress=progress)
            progress("one profiled load of the bare page and of the app")
            spent = {page.name: profiled_load(browser, page, nodes) for page in pages[:2]}
        chromium = browser.version
        browser.close()
    return {"runs": runs, "rows": rows, "loads": loads, "spent": spent, "size": size,
            "chromium": chromium}


def run(args: argparse.Namespace) -> int:
    progress, load_at_start = Progress(), os.getloadavg()
    data = Path(args.data).resolve()
    try:
        s = Subjects.load(data)
    except CorpusError as err:
        print(format_table(err.problems), file=sys.stderr)
        print(f"{data}: invalid data; nothing was measured", file=sys.stderr)
        return 1
    nodes = sum(1 for e in graph_component(s.network).elements if "source" not in e["data"])
    progress(f"in process: {args.repeat} rounds")
    rows = in_process(s, args.repeat)
    got = in_browser(s, data, args, nodes, progress)
    about = {"command": f"`--repeat {args.repeat} --loads {args.loads} --clicks {args.clicks}`",
             "repeat": args.repeat, "clicks": args.clicks, "loads": args.loads,
             "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
             "seconds": time.monotonic() - progress.began,
             "machine": machine(got["chromium"], load_at_start),
             "faction": f"`{s.faction}`", "person": f"`{s.person}`",
             "size": f"{got['size'][0]}×{got['size'][1]}"}
    clicks_text = clicks_section(got["runs"], got["loads"], got["spent"],
                                 drawn_rows(got["loads"]), about)
    server_text = server_section(rows + got["rows"], about)
    print(clicks_text + "\n" + server_text)
    if not args.write_results:
        progress(f"not written to {RESULTS.name} (add --write-results)")
    elif data != DEFAULT_DATA_DIR.resolve():
        progress(f"not written to {RESULTS.name}: {data} is not the shipped corpus")
    else:
        results.write_section(RESULTS, HEADING_CLICKS, clicks_text)
        results.write_section(RESULTS, HEADING_SERVER, server_text)
        progress(f"written to {RESULTS}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA_DIR), help="data directory")
    parser.add_argument("--repeat", type=int, default=100,
                        help="rounds of callback timings (default 100)")
    parser.add_argument("--loads", type=int, default=6,
                        help="page loads of each page in Chromium (default 6)")
    parser.add_argument("--clicks", type=int, default=3,
                        help="runs of the clicks in Chromium (default 3)")
    parser.add_argument("--write-results", action="store_true",
                        help="replace this script's sections of RESULTS.md")
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
