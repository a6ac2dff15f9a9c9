"""Issue 7: a classroom of students clicking at once, through Dash's real callback endpoint.

Each virtual student opens the page once (``/``, ``/_dash-layout``, ``/_dash-dependencies``),
lets the page's own start-up callbacks run, then loops until the time is up: waits a
moment (reading), then acts: unticks or ticks a faction, taps a person or an edge, opens
the Analysis tab, presses the guided walk's Next or types a letter into the search box.
Every action is sent as Chromium sends it: the callbacks that listen to what the student
changed, then every callback that listens to what they returned, side by side on up to six
kept-alive connections, then whatever their new components set off, until the chain is done.

The bodies are built from ``/_dash-dependencies`` and the page's state as Dash's renderer
builds them (``output``, ``outputs``, ``inputs`` with pattern-matching ``ALL`` inputs as
lists, ``changedPropIds``, ``state``), and the chain follows the renderer's rules: a
callback fires when a prop it listens to is returned, or when a component it listens to
(or, for ``ALL``, one it listened to) comes or goes in new ``children``; never again within
the chain it started. Clientside callbacks run in the browser and are never sent; the ones
whose outputs a server callback reads are played here by their Python twins (``TWINS``:
the open tab, the panels' and the reader's keys, the walk's step key, the table view, the
graph's changes), so a click posts what it posts in Chromium (2 to 3 requests). A
clientside callback that feeds the server and has no twin is an error, so a change in
``assets/`` cannot go unnoticed.

Loopback only: the target must be 127.0.0.0/8, ::1 or localhost. Bounded: at most
``MAX_STUDENTS`` students, ``MAX_DURATION`` seconds and ``MAX_ACTIONS`` actions each; every
request times out after 30 s, and the run ends by itself.

    .venv/bin/python benchmarks/load_test.py --serve [--students 50] [--duration 60] [--write]
    .venv/bin/python benchmarks/load_test.py --url http://127.0.0.1:8050

``--serve`` starts ``make serve`` on a free port and stops it afterwards; ``--write``
replaces this benchmark's section of RESULTS.md. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import ipaddress
import json
import os
import platform
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import results  # noqa: E402
from tests.browser import free_port  # noqa: E402  (standard library only, like this script)
from tests.changes import apply_changes  # noqa: E402  (what assets/graph.js does)

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
OUT = Path(__file__).resolve().parent / "out"
UPDATE = "/_dash-update-component"
HEADING = "## Issue 7:"
CONNECTIONS = 6  # Chromium's limit per host for HTTP/1.1
TIMEOUT = 30.0  # seconds, per request
MAX_STUDENTS, MAX_DURATION, MAX_ACTIONS = 500, 600, 10_000
TARGET_P95_MS = 250.0
ACTIONS = ("filter", "person", "edge", "analysis", "step", "search")
LETTERS = "abcdeghijklmnoprstuy"  # what a student types into the search box


class LoadTestError(Exception):
    """A setting or a target this script will not run with."""


def loopback(url: str) -> tuple[str, int]:
    """The host and port of ``url``, which must be on this machine.

    >>> loopback("http://127.0.0.1:8050")
    ('127.0.0.1', 8050)
    >>> loopback("http://example.com/")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    load_test.LoadTestError: http://example.com/: only 127.0.0.0/8, ::1 or localhost
    """
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        ok = parts.scheme == "http" and (host == "localhost" or ipaddress.ip_address(host)
                                         .is_loopback)
        port = parts.port or 80
    except ValueError:
        ok = False
    if not ok:
        raise LoadTestError(f"{url}: only 127.0.0.0/8, ::1 or localhost")
    if host == "localhost":  # and it must resolve to loopback only
        addresses = {a[4][0] for a in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
        if not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
            raise LoadTestError(f"{url}: localhost resolves to {sorted(addresses)}")
    return host, port


# -- the page as Dash's renderer holds it ------------------------------------------------------

def _parse_id(text: str) -> str | dict:
    return json.loads(text) if text.startswith("{") else text


def stringify(id_: str | dict) -> str:
    """Dash's ``stringifyId``: pattern ids as JSON with sorted keys and no spaces."""
    return id_ if isinstance(id_, str) else json.dumps(id_, sort_keys=True, separators=(",", ":"))


def _matches(pattern: dict, id_: dict) -> bool:
    return pattern.keys() == id_.keys() and all(
        v == ["ALL"] or v == id_[k] for k, v in pattern.items())


@dataclass(frozen=True)
class Callback:
    """One entry of ``/_dash-dependencies``; ``function`` names a clientside one."""

    output: str
    outputs: tuple[tuple[str, str], ...]
    inputs: tuple[tuple[str | dict, str], ...]
    state: tuple[tuple[str | dict, str], ...]
    prevent_initial_call: bool
    function: str = ""  # "namespace.function_name" of a clientside callback

    @classmethod
    def parse(cls, dep: dict) -> Callback | None:
        """None for what this script cannot fill (background, MATCH, ALLSMALLER)."""
        if dep.get("background"):
            return None
        names = dep["output"].strip(".").split("...") if dep["output"].startswith("..") \
            else [dep["output"]]
        outputs = tuple(tuple(n.split("@")[0].rsplit(".", 1)) for n in names)
        ins = tuple((_parse_id(d["id"]), d["property"]) for d in dep["inputs"])
        state = tuple((_parse_id(d["id"]), d["property"]) for d in dep["state"])
        if any(o.startswith("{") and ("MATCH" in o or "ALLSMALLER" in o) for o, _ in outputs) \
                or any(isinstance(i, dict)
                       and any(v in (["MATCH"], ["ALLSMALLER"]) for v in i.values())
                       for i, _ in ins + state):
            return None
        client = dep.get("clientside_function") or {}
        function = (f"{client.get('namespace')}.{client.get('function_name')}"
                    if isinstance(client, dict) and client else "")
        return cls(dep["output"], outputs, ins, state, bool(dep.get("prevent_initial_call")),
                   function)

    @property
    def clientside(self) -> bool:
        return bool(self.function)

    @property
    def name(self) -> str:
        first = ".".join(self.outputs[0])
        return first + (f" +{len(self.outputs) - 1}" if len(self.outputs) > 1 else "")

    def listens_to(self, id_: str, prop: str) -> bool:
        return (id_, prop) in self.inputs

    def pattern_inputs(self, id_: dict) -> list[str]:
        return [p for i, p in self.inputs if isinstance(i, dict) and _matches(i, id_)]


# -- the clientside callbacks that feed the server, in Python ---------------------------------

def panel_key(search: str | None, ignores: list[str] | tuple[str, ...],
              needs_selection: bool) -> str:
    """``panelKey`` of ``assets/app.js``: the part of the URL a panel is drawn for.

    >>> panel_key("?person=p1&layout=faction&faction=a,b", ["layout"], True)
    '?faction=a%2Cb&person=p1'
    >>> panel_key("?faction=a", [], True)
    ''
    """
    pairs = urllib.parse.parse_qsl((search or "").lstrip("?"), keep_blank_values=True)
    if needs_selection and not any(k in ("person", "relation") for k, _ in pairs):
        return ""
    kept = sorted(((k, v) for k, v in pairs if k not in ignores), key=lambda kv: kv[0])
    text = urllib.parse.urlencode(kept)
    return f"?{text}" if text else ""


def side_hidden(search: str | None, steps: int, folded: bool = False) -> bool:
    """``sideHidden`` of ``assets/app.js``: the side panel out of sight posts nothing.

    >>> side_hidden("?step=2", 8), side_hidden("?step=2&person=p1", 8), side_hidden("", 8)
    (True, False, False)
    >>> side_hidden("?faction=a", 8, folded=True), side_hidden("?present=1&person=p", 8, True)
    (True, False)
    """
    query = dict(urllib.parse.parse_qsl((search or "").lstrip("?")))
    selected = "person" in query or "relation" in query
    step = query.get("step", "0")
    walking = steps > 0 and step.isdigit() and int(step) > 0
    if selected and (walking or query.get("present") == "1"):
        return False
    return walking or folded


def _query(page: Page) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl((page.value("url", "search") or "").lstrip("?")))


def _side_panel(page: Page, triggered: list[str]) -> dict:
    """``ivanov.sidePanel``: a tab button, a selection or a citation opens a tab."""
    first = triggered[0].rsplit(".", 1)[0] if triggered else ""
    tab = page.value("store-tab", "data") or "detail"
    tab = {"button-tab-detail": "detail", "store-selected-at": "detail",
           "button-tab-reader": "reader", "store-jump": "reader",
           "button-tab-analysis": "analysis"}.get(first, tab)
    return {("store-tab", "data"): tab}


def _panel_keys(page: Page, triggered: list[str]) -> dict:
    """``ivanov.panelKeys``: the open tab's key, passed on only when it changed."""
    search, tab = page.value("url", "search"), page.value("store-tab", "data") or "detail"
    ignores = (page.value("store-config", "data") or {}).get("panelIgnores", {})
    store = {"detail": "store-detail-key", "analysis": "store-analysis-key"}.get(tab)
    steps = (page.value("store-config", "data") or {}).get("steps", 0)
    folded = (page.value("store-folds", "data") or {}).get("side") is True
    if store is None or side_hidden(search, steps, folded):
        return {}
    key = panel_key(search, ignores.get(tab, ()), tab == "detail")
    return {} if key == page.value(store, "data") else {(store, "data"): key}


def step_key(search: str | None) -> str:
    """The key ``ivanovWalk.stepKey`` computes: the walk's step in the URL, or ``""``.

    >>> step_key("?faction=a&step=3"), step_key("?faction=a")
    ('?step=3', '')
    """
    step = dict(urllib.parse.parse_qsl((search or "").lstrip("?"))).get("step", "")
    return f"?step={urllib.parse.quote(step, safe='')}" if step else ""


def _step_key(page: Page, triggered: list[str]) -> dict:
    """``ivanovWalk.stepKey``: the walk's step in the URL, when it changed (the walk's end
    keeps the last step's text, hidden)."""
    key = step_key(page.value("url", "search"))
    return {} if not key or key == page.value("store-step-key", "data") else {
        ("store-step-key", "data"): key}


def _table_view(page: Page, triggered: list[str]) -> dict:
    """``ivanov.tableView``: whether the URL opens the table view."""
    return {("store-table-view", "data"): _query(page).get("table") == "1"}


def _table_query(page: Page, triggered: list[str]) -> dict:
    """``ivanov.tableQuery``: the URL passed on while the table view is open, when it
    changed what the table shows."""
    if not page.value("store-table-view", "data"):
        return {}
    key = panel_key(page.value("url", "search"),
                    ("layout", "color", "size", "present", "moved", "step"), False)
    current = page.value("store-table-query", "data")
    return {} if isinstance(current, dict) and current.get("search") == key else {
        ("store-table-query", "data"): {"search": key}}


def _reader_key(page: Page, triggered: list[str]) -> dict:
    """``ivanov.readerKey``: the document, passed on once the Document tab is open."""
    document = page.value("dropdown-reader-document", "value")
    if page.value("store-tab", "data") != "reader" or not document or \
            document == page.value("store-reader-key", "data"):
        return {}
    return {("store-reader-key", "data"): document}


def _reader_document(page: Page, triggered: list[str]) -> dict:
    """``ivanov.readerDocument``: a citation of another document switches the reader."""
    jump = page.value("store-jump", "data") or {}
    match = re.match(r"^para-(.+)-(\d+)$", jump.get("anchor") or "" if isinstance(jump, dict)
                     else "")
    current = page.value("dropdown-reader-document", "value")
    return {("dropdown-reader-document", "value"): match[1]} if match and \
        match[1] != current else {}


def _graph(page: Page, triggered: list[str]) -> dict:
    """``ivanovGraph.apply``: the server's graph changes applied to the elements by id, so
    the students tap what their graph holds."""
    changes = page.value("store-graph-changes", "data")
    if not isinstance(changes, dict):
        return {}
    out: dict = {}
    if any(part in changes for part in ("remove", "add", "data", "position")):
        out[("cytoscape-graph", "elements")] = apply_changes(
            page.value("cytoscape-graph", "elements") or [], changes)
    for part in ("layout", "stylesheet"):
        if changes.get(part):
            out[("cytoscape-graph", part)] = changes[part]
    return out


def _chart_action(page: Page, triggered: list[str]) -> dict:
    """``ivanov.chartAction``: a chart's click or brush as an action. It runs when a chart
    mounts too, with nothing clicked; the students here never click a chart."""
    return {}


def _pass_search(page: Page, triggered: list[str]) -> dict:
    """``ivanov.passSearch``: the URL's query, passed on to the server's callbacks only
    when it differs from the one they last saw (a load at the start view posts nothing)."""
    search = page.value("url", "search") or ""
    return {} if search == (page.value("store-search", "data") or "") else {
        ("store-search", "data"): search}


#: Python twins of the clientside callbacks whose outputs the server reads (``assets/``):
#: each returns the outputs it changes (what it leaves is ``no_update``).
TWINS = {"ivanov.passSearch": _pass_search, "ivanov.sidePanel": _side_panel,
         "ivanov.panelKeys": _panel_keys,
         "ivanovWalk.stepKey": _step_key, "ivanov.tableView": _table_view,
         "ivanov.tableQuery": _table_query, "ivanov.readerDocument": _reader_document,
         "ivanov.readerKey": _reader_key,
         "ivanov.chartAction": _chart_action, "ivanovGraph.apply": _graph}


def _one(id_: str | dict, props: dict, prop: str) -> dict:
    item = {"id": id_, "property": prop}
    if prop in props:
        item["value"] = props[prop]
    return item


def components(value: object):
    """Every component (a dict with type, namespace and props) in a prop value."""
    if isinstance(value, dict):
        if "props" in value and "type" in value and "namespace" in value:
            yield value
            for v in value["props"].values():
                yield from components(v)
        else:
            for v in value.values():
                yield from components(v)
    elif isinstance(value, list):
        for v in value:
            yield from components(v)


@dataclass
class Trigger:
    """A callback to send, what set it off, and the chain it belongs to."""

    callback: Callback
    changed: list[str]
    predecessors: frozenset[str] = frozenset()


class Page:
    """A student's page: every prop value the renderer would hold, by component.

    Components inside a ``children`` that a callback replaces are kept per container, so
    new ones replace old ones as in the browser. Clientside callbacks run here, through
    their twins, as soon as what they listen to changes.
    """

    def __init__(self, callbacks: list[Callback], layout: dict) -> None:
        self.callbacks = [c for c in callbacks if not c.clientside]
        self.clientside = [c for c in callbacks if c.clientside]
        self.all = callbacks
        self.outputs = {o for c in callbacks for o in c.outputs}
        twinned = [c for c in self.clientside if c.function in TWINS]
        #: what the server (or a twin) reads: a clientside callback writing it needs a twin
        self.read = {(stringify(i), p) for c in self.callbacks + twinned
                     for i, p in c.inputs + c.state}
        self.props: dict[str, dict] = {}  # component id -> props, for plain string ids
        self.chunks: dict[str, list[tuple]] = {}  # "id.prop" -> [(id, props)] inside it
        self.nested: dict[str, list[str]] = defaultdict(list)  # chunk -> chunks inside it
        self._register("", layout)
        self.props.setdefault("url", {})["search"] = ""  # dcc.Location sets it on mount

    def _register(self, key: str, value: object) -> None:
        """Record the components in ``value``; a callback output inside is its own chunk."""
        self.chunks[key] = []
        self._walk(key, value)

    def _walk(self, key: str, value: object) -> None:
        if isinstance(value, list):
            for item in value:
                self._walk(key, item)
            return
        if not isinstance(value, dict):
            return
        if not ("props" in value and "type" in value and "namespace" in value):
            for item in value.values():
                self._walk(key, item)
            return
        id_ = value["props"].get("id")
        if id_ is not None:
            props = dict(value["props"])
            self.chunks[key].append((id_, props))
            if isinstance(id_, str):
                self.props[id_] = props
        for prop, item in value["props"].items():
            if isinstance(id_, str) and (id_, prop) in self.outputs:
                self.nested[key].append(f"{id_}.{prop}")
                self._register(f"{id_}.{prop}", item)
            else:
                self._walk(key, item)

    def _inside(self, key: str) -> list[tuple]:
        return self.chunks.get(key, []) + [c for k in self.nested.get(key, [])
                                           for c in self._inside(k)]

    def _drop(self, key: str) -> list[tuple]:
        """Forget a chunk (and the chunks inside it); return its components."""
        gone = self.chunks.pop(key, [])
        for inner in self.nested.pop(key, []):
            gone += self._drop(inner)
        for id_, props in gone:
            if isinstance(id_, str) and self.props.get(id_) is props:
                del self.props[id_]
        return gone

    def value(self, id_: str, prop: str) -> object:
        return self.props.get(id_, {}).get(prop)

    def _item(self, id_: str | dict, prop: str) -> dict | list:
        """An input or state as the renderer sends it; an ``ALL`` pattern is a list."""
        if isinstance(id_, dict):
            return [_one(known, props, prop) for chunk in self.chunks.values()
                    for known, props in chunk if isinstance(known, dict)
                    and _matches(id_, known)]
        return _one(id_, self.props.get(id_, {}), prop)

    def body(self, trigger: Trigger) -> dict:
        cb = trigger.callback
        outputs = [[{"id": x["id"], "property": p} for x in self._item(json.loads(i), p)]
                   if i.startswith("{") else {"id": i, "property": p} for i, p in cb.outputs]
        parsed = [json.loads(c.rsplit(".", 1)[0]) if c.startswith("{") else c
                  for c in trigger.changed]
        body = {"output": cb.output, "outputs": outputs if cb.output.startswith("..")
                else outputs[0], "inputs": [self._item(i, p) for i, p in cb.inputs],
                "changedPropIds": trigger.changed, "parsedChangedPropsIds": parsed}
        if cb.state:
            body["state"] = [self._item(i, p) for i, p in cb.state]
        return body

    def set(self, id_: str, prop: str, value: object) -> None:
        self.props.setdefault(id_, {})[prop] = value

    def apply(self, trigger: Trigger, response: dict) -> list[Trigger]:
        """Take a callback's answer in; return the server callbacks it sets off."""
        updates = {(sid, prop): value for sid, props in response.get("response", {}).items()
                   for prop, value in props.items()}
        return self.change(updates, trigger.predecessors | {trigger.callback.output})

    def change(self, updates: dict[tuple[str, str], object],
               chain: frozenset[str] = frozenset()) -> list[Trigger]:
        """Props changed (by a callback's answer or by the student); return the server
        callbacks they set off, once the clientside callbacks they set off have run."""
        fired: dict[str, Trigger] = {}
        queued: dict[str, tuple[Callback, list[str]]] = {}
        ran: set[str] = set()

        def fire(cb: Callback, changed: list[str]) -> None:
            if cb.output in chain or cb.output in ran:  # the renderer drops a callback
                return  # that closes its own loop
            if cb.clientside:
                queued.setdefault(cb.output, (cb, []))[1].extend(
                    c for c in changed if c not in queued[cb.output][1])
                return
            old = fired.setdefault(cb.output, Trigger(cb, [], chain))
            old.changed += [c for c in changed if c not in old.changed]

        for (sid, prop), value in updates.items():
            self._update(sid, prop, value, fire)
        while queued:  # a clientside callback waits for the queued ones that feed it
            waiting = {o for cb, _ in queued.values() for o in cb.outputs}
            key = next((k for k, (cb, _) in queued.items()
                        if not any((stringify(i), p) in waiting for i, p in cb.inputs)),
                       next(iter(queued)))
            cb, changed = queued.pop(key)
            ran.add(key)
            for (sid, prop), value in self.run_clientside(cb, changed).items():
                self._update(sid, prop, value, fire)
        for trigger in fired.values():
            trigger.predecessors = chain | ran
        return list(fired.values())

    def run_clientside(self, cb: Callback, changed: list[str]) -> dict:
        """What a clientside callback changes, by its twin; nothing when no server
        callback reads its outputs; an error when one does and it has no twin."""
        twin = TWINS.get(cb.function)
        if twin is not None:
            return twin(self, changed)
        if any(o in self.read for o in cb.outputs):
            raise LoadTestError(f"the clientside callback {cb.function} ({cb.name}) feeds the "
                                "server and load_test.py has no twin for it")
        return {}

    def start(self) -> tuple[list[Trigger], list[Trigger]]:
        """The page's start-up: the server callbacks to send first, and those that wait for
        the URL callback's first answer (they listen to what it returns)."""
        initial = [c for c in self.callbacks if not c.prevent_initial_call]
        early = {o for c in self.all if not c.prevent_initial_call for o in c.outputs}
        first = [Trigger(c, ["url.search"] if c.listens_to("url", "search") else [])
                 for c in initial if c.outputs[0] == ("url", "search")
                 or not any(isinstance(i, str) and (i, p) in early for i, p in c.inputs)]
        sent = {t.callback.output for t in first}
        later = [Trigger(c, ["url.search"]) for c in initial if c.output not in sent]
        for cb in (c for c in self.clientside if not c.prevent_initial_call):
            later += self.change(self.run_clientside(cb, []))
        # dcc.Location sets ``search`` as it mounts (``passSearch`` passes it on only when
        # it is not the start view's, which the layout holds)
        later += self.change({("url", "search"): self.value("url", "search") or ""})
        return first, later

    def _update(self, sid: str, prop: str, value: object, fire) -> None:
        self.set(sid, prop, value)
        for cb in self.all:
            if cb.listens_to(sid, prop):
                fire(cb, [f"{sid}.{prop}"])
        key = f"{sid}.{prop}"
        if key not in self.chunks and not any(True for _ in components(value)):
            return
        gone = [i for i, _ in self._drop(key) if isinstance(i, dict)]
        self._register(key, value)
        new = [i for i, _ in self._inside(key)]
        strings = {i for i in new if isinstance(i, str)}
        patterns = [i for i in new if isinstance(i, dict)]
        for cb in self.all:
            if any(o in strings or (o.startswith("{") and any(
                    _matches(json.loads(o), n) for n in patterns)) for o, _ in cb.outputs):
                if not cb.prevent_initial_call:  # its output came with the chunk
                    fire(cb, [])
                continue  # inputs inside the chunk count only for callbacks outside it
            changed = [f"{stringify(n)}.{p}" for n in new for i, p in cb.inputs
                       if (n == i if isinstance(i, str) else
                           isinstance(n, dict) and _matches(i, n))]
            if changed or any(cb.pattern_inputs(g) for g in gone):
                fire(cb, list(dict.fromkeys(changed)))


# -- measuring ---------------------------------------------------------------------------------

@dataclass
class Stats:
    """Every request and every action, with their latencies, from all threads."""

    requests: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    clicks: list[float] = field(default_factory=list)  # callback requests after the load
    actions: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    per_action: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    chains: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    reconnects: int = 0
    first: float = float("inf")
    last: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def request(self, kind: str, start: float, end: float, error: str | None,
                click: bool = False) -> None:
        with self.lock:
            self.requests[kind].append((end - start) * 1000)
            if click:
                self.clicks.append((end - start) * 1000)
            self.first, self.last = min(self.first, start), max(self.last, end)
            if error:
                self.error_count += 1
                if len(self.errors) < 20:
                    self.errors.append(f"{kind}: {error}")

    def action(self, kind: str, ms: float) -> None:
        with self.lock:
            self.actions[kind].append(ms)

    def posted(self, kind: str, names: list[str]) -> None:
        """The requests one action (or the page load) posted, by callback."""
        with self.lock:
            self.per_action[kind].append(len(names))
            self.chains[kind][tuple(names)] += 1


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least ``p`` per cent at or below it.

    >>> percentile([5, 1, 4, 2, 3], 50), percentile(list(range(1, 101)), 95)
    (3, 95)
    """
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)] if ordered else float("nan")


# -- one student -------------------------------------------------------------------------------

class Connection:
    """One kept-alive connection; reopened (once) when the server closed it while idle."""

    def __init__(self, host: str, port: int, stats: Stats) -> None:
        self.host, self.port, self.stats = host, port, stats
        self.conn: http.client.HTTPConnection | None = None

    def send(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        for attempt in (0, 1):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            try:
                self.conn.request(method, path, body, headers)
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if not reused or attempt:
                    raise
                with self.stats.lock:
                    self.stats.reconnects += 1
            except Exception:
                self.close()
                raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def check(status: int, data: bytes) -> tuple[dict, str | None]:
    """The callback's answer, and what is wrong with it (None if nothing)."""
    if status == 204:  # PreventUpdate: the browser changes nothing
        return {}, None
    if status != 200:
        return {}, f"HTTP {status}: {data[:200]!r}"
    try:
        answer = json.loads(data)
    except ValueError:
        return {}, f"not JSON: {data[:200]!r}"
    if not isinstance(answer, dict) or "response" not in answer:
        return {}, f"no response in the body: {data[:200]!r}"
    return answer, None


class Student(threading.Thread):
    """One browser: a page, six connections, and a loop of actions until ``deadline``."""

    def __init__(self, number: int, host: str, port: int, stats: Stats, start_at: float,
                 deadline: float, think: tuple[float, float], seed: int,
                 mix: dict[str, float]) -> None:
        super().__init__(name=f"student-{number}", daemon=True)
        self.stats, self.start_at, self.deadline, self.think = stats, start_at, deadline, think
        self.kinds, self.weights = list(mix), list(mix.values())
        self.random = random.Random(seed * 1000 + number)
        self.conns = [Connection(host, port, stats) for _ in range(CONNECTIONS)]
        self.pool = ThreadPoolExecutor(CONNECTIONS, thread_name_prefix=self.name)
        self.idle: list[Connection] = list(self.conns)
        self.idle_lock = threading.Lock()
        self.page: Page | None = None
        self.trace: list[dict] | None = None  # set to a list to keep every body sent

    def run(self) -> None:
        try:
            self._sleep_until(self.start_at)
            if self.open_page():
                actions = 0
                while actions < MAX_ACTIONS and self._sleep_until(
                        time.monotonic() + self.random.uniform(*self.think)):
                    self.act(self.random.choices(self.kinds, self.weights)[0])
                    actions += 1
        except Exception as err:  # noqa: BLE001 - a student's crash is an error, not a hang
            self.stats.request("student", time.monotonic(), time.monotonic(),
                               f"{type(err).__name__}: {err}")
        finally:
            self.pool.shutdown(wait=True)
            for conn in self.conns:
                conn.close()

    def _sleep_until(self, moment: float) -> bool:
        time.sleep(max(0.0, min(moment, self.deadline) - time.monotonic()))
        return time.monotonic() < self.deadline

    def get(self, path: str) -> bytes | None:
        start = time.monotonic()
        try:
            status, data = self.conns[0].send("GET", path)
            error = None if status == 200 else f"HTTP {status}"
        except (OSError, http.client.HTTPException) as err:
            data, error = b"", f"{type(err).__name__}: {err}"
        self.stats.request(f"GET {path}", start, time.monotonic(), error)
        return None if error else data

    def open_page(self) -> bool:
        pages = [self.get(p) for p in ("/", "/_dash-layout", "/_dash-dependencies")]
        if None in pages:
            return False
        callbacks = [c for c in map(Callback.parse, json.loads(pages[2])) if c]
        self.page = Page(callbacks, json.loads(pages[1]))
        first, later = self.page.start()
        if first:
            self.chain("load", first, after_first=later)
        elif later:
            self.chain("load", later)
        else:  # the start view: the layout holds it, the load posts nothing
            self.stats.posted("load", [])
        return True

    def act(self, kind: str) -> None:
        """What the student changes for ``kind``, and the chain it sets off (a click may set
        off nothing: the Analysis tab when it is open already)."""
        page = self.page
        change: dict[tuple[str, str], object] = {}
        if kind == "filter":
            options = [o["value"] for o in page.value("checklist-faction", "options") or []]
            ticked = list(page.value("checklist-faction", "value") or [])
            flip = self.random.choice(options)
            if flip in ticked and len(ticked) > 1:
                ticked.remove(flip)
            elif flip not in ticked:
                ticked.append(flip)
            change[("checklist-faction", "value")] = ticked
        elif kind in ("person", "edge"):
            elements = page.value("cytoscape-graph", "elements") or []
            shown = [e["data"] for e in elements if ("source" in e["data"]) == (kind == "edge")
                     and e["data"].get("kind") != "faction" and not e["data"].get("hidden")]
            if shown:
                prop = "tapEdgeData" if kind == "edge" else "tapNodeData"
                change[("cytoscape-graph", prop)] = {**self.random.choice(shown),
                                                     "timeStamp": int(time.time() * 1000)}
        elif kind == "analysis":  # the tab button; its clicks open the tab (sidePanel)
            clicks = page.value("button-tab-analysis", "n_clicks") or 0
            change[("button-tab-analysis", "n_clicks")] = clicks + 1
        elif kind == "step":  # Next: its data-action reaches store-action (assets/app.js)
            change[("store-action", "data")] = {"action": "step next",
                                                "at": int(time.time() * 1000)}
        elif kind == "search":
            change[("input-search", "value")] = self.random.choice(LETTERS)
        first = page.change(change) if change else []
        if first:
            self.chain(kind, first)
        else:
            self.stats.posted(kind, [])

    def chain(self, kind: str, first: list[Trigger], after_first: list | None = None) -> None:
        """Send ``first`` and everything it sets off; time it from click to last answer."""
        start = time.monotonic()
        click = kind != "load"
        running: dict[Future, Trigger] = {self._submit(t, click): t for t in first}
        waiting = {first[0].callback.output: list(after_first or [])}
        sent = [t.callback.name for t in first]
        while running:
            done, _ = wait(running, timeout=TIMEOUT * 2, return_when=FIRST_COMPLETED)
            if not done:
                self.stats.request("chain", start, time.monotonic(), "no answer in time")
                return
            for future in done:
                trigger = running.pop(future)
                answer = future.result()
                if answer is None:
                    continue
                follow = self.page.apply(trigger, answer) + waiting.pop(
                    trigger.callback.output, [])
                for t in follow:
                    running[self._submit(t, click)] = t
                sent += [t.callback.name for t in follow]
        self.stats.action(kind, (time.monotonic() - start) * 1000)
        self.stats.posted(kind, sent)

    def _submit(self, trigger: Trigger, click: bool) -> Future:
        body = self.page.body(trigger)
        if self.trace is not None:
            self.trace.append(body)
        return self.pool.submit(self._post, trigger.callback.name, json.dumps(body).encode(),
                                click)

    def _post(self, kind: str, data: bytes, click: bool) -> dict | None:
        with self.idle_lock:
            conn = self.idle.pop()
        start = time.monotonic()
        try:
            answer, error = check(*conn.send("POST", UPDATE, data))
        except (OSError, http.client.HTTPException) as err:
            answer, error = {}, f"{type(err).__name__}: {err}"
        finally:
            with self.idle_lock:
                self.idle.append(conn)
        self.stats.request(kind, start, time.monotonic(), error, click)
        return None if error else answer


# -- the server --------------------------------------------------------------------------------

def wait_ready(url: str, proc: subprocess.Popen | None, timeout: float = 180) -> None:
    host, port = loopback(url)
    deadline = time.monotonic() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            raise LoadTestError(f"make serve exited ({proc.returncode}); see {OUT / 'serve.log'}")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=5)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise LoadTestError(f"{url} did not answer within {timeout:.0f} s")
        time.sleep(0.5)


@contextmanager
def make_serve():
    """``make serve`` on a free loopback port, in its own process group, stopped after."""
    OUT.mkdir(exist_ok=True)
    port = free_port()
    with open(OUT / "serve.log", "w") as log:
        proc = subprocess.Popen(["make", "serve", "HOST=127.0.0.1", f"PORT={port}"], cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_ready(url, proc)
            yield url, proc
        finally:
            for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
                try:
                    os.killpg(proc.pid, sig)
                    proc.wait(timeout=grace)
                    break
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    continue


def group_cpu(pgid: int) -> float:
    """CPU seconds used so far by the live processes of a process group (the server)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def server_log(path: Path) -> list[str]:
    """What gunicorn printed (warnings, errors, tracebacks), without make's own lines."""
    lines = path.read_text(errors="replace").splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if "gunicorn -c" in line), len(lines))
    return [line for line in lines[start:] if not line.startswith("make:")]


# -- the run and its report --------------------------------------------------------------------

@dataclass
class Run:
    args: argparse.Namespace
    url: str
    stats: Stats
    wall: float
    client_cpu: float
    server_cpu: float | None
    load: tuple[tuple[float, ...], tuple[float, ...]]
    log_lines: list[str]


def run(args: argparse.Namespace, url: str, pgid: int | None) -> Run:
    host, port = loopback(url)
    stats = Stats()
    load0, cpu0 = os.getloadavg(), _own_cpu()
    server0 = group_cpu(pgid) if pgid else None
    began = time.monotonic()
    deadline = began + args.duration
    ramp = min(args.ramp, args.duration / 2)
    students = [Student(i, host, port, stats, began + ramp * i / args.students, deadline,
                        (args.think_min, args.think_max), args.seed, args.mix)
                for i in range(args.students)]
    for student in students:
        student.start()
    for student in students:  # in-flight chains finish; none outlives the hard stop
        student.join(timeout=max(0.0, deadline + TIMEOUT * 2 - time.monotonic()))
    hung = sum(s.is_alive() for s in students)
    if hung:
        stats.request("student", time.monotonic(), time.monotonic(), f"{hung} still running")
    wall = time.monotonic() - began
    server = group_cpu(pgid) - server0 if pgid else None
    return Run(args, url, stats, wall, _own_cpu() - cpu0, server, (load0, os.getloadavg()), [])


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _row(name: str, values: list[float]) -> str:
    if not values:
        return f"| {name} | 0 | | | | |"
    return (f"| {name} | {len(values)} | {percentile(values, 50):.0f} | "
            f"{percentile(values, 95):.0f} | {percentile(values, 99):.0f} | {max(values):.0f} |")


def _count_row(kind: str, s: Stats) -> str:
    counts = s.per_action[kind]
    which = s.chains.get(kind)
    common = " + ".join(f"`{name}`" for name in which.most_common(1)[0][0]) if which else "—"
    return (f"| {kind} | {len(counts)} | {sum(counts) / len(counts):.2f} | {min(counts)} | "
            f"{max(counts)} | {common or 'none'} |")


def report(r: Run, command: str) -> str:
    s, a = r.stats, r.args
    every = [v for values in s.requests.values() for v in values]
    calls = [v for k, values in s.requests.items() if not k.startswith(("GET", "chain",
                                                                         "student"))
             for v in values]
    window = max(s.last - s.first, 1e-9)
    p95 = percentile(calls, 95)
    clicks = [v for k in ACTIONS for v in s.actions.get(k, [])]
    cores = os.cpu_count() or 1
    lines = [
        f"{HEADING} {a.students} students for {a.duration:g} s against make serve", "",
        f"_Written by `benchmarks/load_test.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC._",
        "", f"- command: `{command}`", f"- target: {r.url}"
        + (" (`make serve`: gunicorn with gunicorn.conf.py, "
           f"{os.environ.get('DASHBOARD_WORKERS', cores + 1)} {worker_class()} workers)"
           if a.serve else ""),
        *machine(r.load),
        "", f"**Method.** {a.students} virtual students start over {min(a.ramp, a.duration / 2):g}"
        f" s; each opens the page (`/`, `/_dash-layout`, `/_dash-dependencies` and the page's "
        "start-up callbacks, as *load*), then until the time is up waits "
        f"{a.think_min:g}–{a.think_max:g} s (uniformly at random) and acts, at random with the "
        f"weights {', '.join(f'{k} {w:g}' for k, w in a.mix.items())}: *filter* unticks or "
        "ticks a faction, *person* taps a shown person, *edge* a shown edge (both open the "
        "Details tab), *analysis* opens the Analysis tab (whose answers are computed only while "
        "it is open), *step* presses the walk's Next, *search* types a letter into the search "
        "box. Each action is the chain of `/_dash-update-component` requests Chromium sends "
        "for it (as `benchmarks/bench_dashboard.py` counts them): what listens to the changed "
        "prop, then everything that listens to its answer, on up to "
        f"{CONNECTIONS} kept-alive connections per student, then what their new components "
        "set off; the clientside callbacks between them (the open tab, the panels' keys, the "
        "walk's step key, the graph's changes) are played by their Python twins. A request "
        "is an error if it fails, times out "
        f"({TIMEOUT:g} s), answers other than 200 (or 204, no update) or its body is not a "
        "Dash answer. The client runs on the same machine as the server.",
        "", "**Targets.**",
        f"- zero errors: **{'met' if s.error_count == 0 else 'missed'}** "
        f"({s.error_count} of {len(every)} requests)",
        f"- callback p95 ≤ {TARGET_P95_MS:g} ms: **{'met' if p95 <= TARGET_P95_MS else 'missed'}**"
        f" ({p95:.0f} ms over all {len(calls)} callback requests; "
        f"{percentile(s.clicks, 95):.0f} ms over the {len(s.clicks)} sent for the clicks, "
        f"without the page loads; a whole click, p95: {percentile(clicks, 95):.0f} ms)",
        "", f"Throughput: {len(every) / window:.1f} requests/s and {len(clicks) / window:.2f} "
        f"actions/s over {window:.1f} s; {s.reconnects} kept-alive connections reopened after "
        f"the server closed them. CPU: load test {r.client_cpu:.1f} s"
        + (f", server {r.server_cpu:.1f} s ({r.server_cpu / window / cores:.0%} of "
           f"{cores} cores)" if r.server_cpu is not None else "") + ".",
        "", "| Requests (ms) | n | median | p95 | p99 | max |", "|---|---:|---:|---:|---:|---:|",
        _row("**all callback requests**", calls),
        *(_row(f"`{k}`", v) for k, v in sorted(s.requests.items(), key=lambda kv: -len(kv[1]))),
        "", "| Whole actions, click to last answer (ms) | n | median | p95 | p99 | max |",
        "|---|---:|---:|---:|---:|---:|",
        *(_row(k, s.actions[k]) for k in ("load", *ACTIONS) if s.actions.get(k)),
        "", "| Requests per action | actions | mean | min | max | which (most common) |",
        "|---|---:|---:|---:|---:|---|",
        *(_count_row(k, s) for k in ("load", *ACTIONS) if s.per_action.get(k)),
    ]
    if s.errors:
        lines += ["", "First errors:", "", *(f"- `{e[:300]}`" for e in s.errors)]
    if r.log_lines:
        lines += ["", f"Server log ({len(r.log_lines)} lines), first lines:", "", "```",
                  *r.log_lines[:15], "```"]
    return "\n".join(lines) + "\n"


def worker_class() -> str:
    """The gunicorn worker class ``make serve`` uses (``gunicorn.conf.py``)."""
    found = re.search(r"^worker_class\s*=\s*[\"'](\w+)", (ROOT / "gunicorn.conf.py").read_text(),
                      re.M)
    return found[1] if found else "sync"


def machine(load: tuple[tuple[float, ...], tuple[float, ...]]) -> list[str]:
    cpu = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.*)", cpu)
    mem = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()) \
        if Path("/proc/meminfo").exists() else None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--",
                            "dashboard", "assets", "data"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    return [
        f"- machine: `{' '.join(platform.uname()[:3])}`; CPU {model[1] if model else '?'}, "
        f"{os.cpu_count()} cores; memory {int(mem[1]) / 2**20:.1f} GiB" if mem else "",
        f"- Python {platform.python_version()}; code: commit `{commit}`"
        + (" with uncommitted changes to dashboard/, assets/ or data/" if dirty else ""),
        "- load average (1, 5, 15 min), shared with other work: "
        + ", ".join(f"{v:.2f}" for v in load[0]) + " at the start, "
        + ", ".join(f"{v:.2f}" for v in load[1]) + " at the end",
    ]


def write_section(path: Path, section: str, students: int) -> None:
    """Replace this script's section of RESULTS.md for this many students (or add it),
    leaving the others: a class of 50 and a crowd of 200 keep a section each."""
    results.write_section(path, f"{HEADING} {students} students ", section)


def mix(text: str) -> dict[str, float]:
    """``filter:2,person:1`` -> the actions and their weights.

    >>> mix("filter:2,edge:1")
    {'filter': 2.0, 'edge': 1.0}
    """
    try:
        weights = {k.strip(): float(w) for k, w in (part.split(":") for part in text.split(","))}
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give action:weight,...") from None
    if not set(weights) <= set(ACTIONS) or not any(w > 0 for w in weights.values()) or any(
            w < 0 for w in weights.values()):
        raise argparse.ArgumentTypeError(f"{text!r}: actions from {', '.join(ACTIONS)}, "
                                         "weights >= 0, one above 0")
    return weights


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="a running server on this machine")
    target.add_argument("--serve", action="store_true",
                        help="start `make serve` on a free port and stop it afterwards")
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60, help="seconds")
    parser.add_argument("--ramp", type=float, default=10,
                        help="seconds over which the students arrive")
    parser.add_argument("--think-min", type=float, default=2, help="seconds between actions")
    parser.add_argument("--think-max", type=float, default=8)
    parser.add_argument("--mix", type=mix, default=mix("filter:1,person:1,edge:1"),
                        help="actions and their weights, from "
                        f"{', '.join(ACTIONS)} (default: filter:1,person:1,edge:1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="replace the section of RESULTS.md")
    args = parser.parse_args(argv)
    if not 1 <= args.students <= MAX_STUDENTS:
        parser.error(f"--students: 1 to {MAX_STUDENTS}")
    if not 1 <= args.duration <= MAX_DURATION:
        parser.error(f"--duration: 1 to {MAX_DURATION} seconds")
    if not 0 <= args.think_min <= args.think_max <= 60 or args.ramp < 0:
        parser.error("--think-min <= --think-max, both 0 to 60 seconds; --ramp >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/load_test.py " + " ".join(sys.argv[1:] if argv is None
                                                            else argv)
    try:
        if args.url:
            loopback(args.url)
            wait_ready(args.url, None, timeout=10)
            result = run(args, args.url, None)
        else:
            with make_serve() as (url, proc):
                result = run(args, url, proc.pid)
            result.log_lines = server_log(OUT / "serve.log")
    except LoadTestError as err:
        print(f"load_test: {err}", file=sys.stderr)
        return 2
    section = report(result, command)
    print(section)
    if args.write:
        write_section(RESULTS, section, args.students)
        print(f"written to {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
