"""Issue 15: callback requests checked at the edge (dashboard/web/guard.py), callbacks that
read junk safely, and compressed responses that keep their headers.

The bodies are generated from the app's own ``/_dash-dependencies`` and ``/_dash-layout``,
as Dash's renderer builds them, then broken: every input and state value replaced by
values of wrong types, keys removed, pattern ids bent, wildcard lists stuffed, bodies that
are not JSON or not objects. Each must get a 4xx with exactly one log line, or a 2xx;
never a 500, never a traceback in the log. Flask's test client on tests/fixtures/valid.
"""

from __future__ import annotations

import copy
import gzip
import json
import logging
import math
import re

import brotli
import pytest

from dashboard.network.search import SearchIndex
from dashboard.network.view import parse_query
from dashboard.web import guard, ids
from dashboard.web.app import create_app

UPDATE = "/_dash-update-component"
JUNK = {
    "int": 7, "float": 2.5, "bool": True, "null": None, "empty-string": "", "empty-list": [],
    "list": [1, "a", None], "dict": {"x": [1]}, "long-string": "x" * 200_000,
    "nested": [[{"a": [None, {"b": [[[]]]}]}], {"c": {"d": "e"}}],
}
#: What each store a server callback reads holds; a value of another type must give the
#: same answer as null (the callback's safe default).
STORE_READS = {
    ids.STORE_GRAPH_QUERY: str, ids.STORE_DETAIL_KEY: str, ids.STORE_ANALYSIS_KEY: str,
    ids.STORE_STEP_KEY: str, ids.STORE_SORT: dict, ids.STORE_TABLE_QUERY: dict,
    ids.STORE_ACTION: dict, ids.STORE_SELECTED_AT: int, ids.STORE_READER_KEY: str,
    ids.STORE_SEARCH: str,
}
#: Outputs whose answer carries a time: compared by status only.
UNSTABLE = (ids.STORE_PICTURE,)


@pytest.fixture(scope="module")
def app(valid_dir):
    return create_app(valid_dir)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def deps(client) -> list[dict]:
    """The server callbacks, as the renderer learns them."""
    return [d for d in client.get("/_dash-dependencies").get_json()
            if not d.get("clientside_function")]


@pytest.fixture(scope="module")
def layout(client) -> list[tuple[object, dict]]:
    """(id, props) of every component with an id in the served layout."""
    found: list[tuple[object, dict]] = []

    def walk(value: object) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            props = value.get("props") if "namespace" in value else None
            if isinstance(props, dict) and "id" in props:
                found.append((props["id"], props))
            for item in value.values():
                walk(item)

    walk(client.get("/_dash-layout").get_json())
    return found


class Log(logging.Handler):
    """Every record the app logs while a request runs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def log():
    handler, root = Log(), logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)


# -- the bodies the renderer posts ----------------------------------------------------------------

def _pattern(raw: str) -> dict | None:
    return json.loads(raw) if raw.startswith("{") else None


def _matches(pattern: dict, key: object) -> bool:
    return isinstance(key, dict) and key.keys() == pattern.keys() and all(
        isinstance(v, list) or key[k] == v for k, v in pattern.items())


def _items(layout, raw: str, prop: str, valued: bool = True) -> object:
    """One input, state or output item as the renderer sends it: a list of every mounted
    match for a wildcard id."""
    pattern = _pattern(raw)

    def item(key, props):
        value = {"value": props[prop]} if valued and prop in props else {}
        return {"id": key, "property": prop, **value}

    if pattern is None:
        props = next((p for k, p in layout if k == raw), {})
        return item(raw, props)
    return [item(k, p) for k, p in layout if _matches(pattern, k)]


def body_for(dep: dict, layout) -> dict:
    out = dep["output"]
    multi = out.startswith("..")
    names = out.strip(".").split("...") if multi else [out]
    outputs = [_items(layout, *n.split("@")[0].rsplit(".", 1), valued=False) for n in names]
    inputs = [_items(layout, i["id"], i["property"]) for i in dep["inputs"]]
    first = next((f"{i['id']}.{i['property']}" for i in dep["inputs"]
                  if not i["id"].startswith("{")), None)
    body = {"output": out, "outputs": outputs if multi else outputs[0], "inputs": inputs,
            "changedPropIds": [first] if first else [],
            "parsedChangedPropsIds": [first] if first else []}
    if dep["state"]:
        body["state"] = [_items(layout, s["id"], s["property"]) for s in dep["state"]]
    return body


def slots(body: dict):
    """(where, index, the item) of every input and state item of ``body`` (a wildcard
    list's first item)."""
    for where in ("inputs", "state"):
        for n, item in enumerate(body.get(where, [])):
            if isinstance(item, list):
                if item:
                    yield where, n, item[0]
            else:
                yield where, n, item


def trigger(body: dict, item: dict) -> None:
    """Make ``item`` (an input) the one that changed, as the renderer would."""
    key = item["id"]
    name = (json.dumps(key, separators=(",", ":"), sort_keys=True)
            if isinstance(key, dict) else key) + "." + item["property"]
    body["changedPropIds"] = body["parsedChangedPropsIds"] = [name]
    if isinstance(key, dict):
        body["parsedChangedPropsIds"] = [key]


def post(client, body: object, content_type: str = "application/json"):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(UPDATE, data=data, content_type=content_type)


def verdict(response, log: Log, since: int) -> str | None:
    """What is wrong with a response and what the app logged for it, or None."""
    records = log.records[since:]
    if any(r.exc_info or r.levelno >= logging.ERROR for r in records):
        return f"{response.status_code} with a traceback or an error in the log"
    if response.status_code >= 500:
        return f"{response.status_code}"
    warned = [r for r in records if r.levelno == logging.WARNING]
    if 400 <= response.status_code < 500:
        if len(warned) != 1 or "\n" in warned[0].getMessage():
            return f"{response.status_code} with {len(warned)} log lines, not one"
        if "Traceback" in response.get_data(as_text=True):
            return "a traceback in the answer"
    elif response.status_code in (200, 204):
        if warned:
            return f"{response.status_code} with a warning: {warned[0].getMessage()}"
        if response.status_code == 200:
            json.loads(response.get_data())
    else:
        return f"{response.status_code}"
    return None


# -- the guard lets the app's own bodies through --------------------------------------------------

def test_every_input_and_state_has_a_declared_type(app):
    assert guard.undeclared(app) == []


def test_every_store_a_callback_reads_is_listed(deps):
    stores = {s["id"] for d in deps for s in (*d["inputs"], *d["state"])
              if s["property"] == "data"}
    assert stores == set(STORE_READS)


def test_the_renderers_bodies_pass(client, deps, layout, log):
    failures = []
    for dep in deps:
        response = post(client, body_for(dep, layout))
        if response.status_code not in (200, 204) or verdict(response, log, 0):
            failures.append((dep["output"][:60], response.status_code,
                             response.get_data(as_text=True)[:200]))
    assert failures == []


# -- wrong types: 4xx, or the callback's safe answer ----------------------------------------------

@pytest.mark.parametrize("junk", list(JUNK), ids=list(JUNK))
def test_a_value_of_any_type_gets_a_4xx_or_a_safe_answer(app, client, deps, layout, log, junk):
    """400 when the declared type refuses the value (``guard.VALUES``), else the callback's
    answer; never a 500."""
    failures = []
    signatures = guard.signatures(app)
    for dep in deps:
        base = body_for(dep, layout)
        for where, n, item in slots(base):
            expect = getattr(signatures[dep["output"]], where)[n].expect
            refused = JUNK[junk] is not None and not expect.test(JUNK[junk])
            body = copy.deepcopy(base)
            target = body[where][n][0] if isinstance(body[where][n], list) else body[where][n]
            target["value"] = JUNK[junk]
            if where == "inputs":
                trigger(body, target)
            since = len(log.records)
            response = post(client, body)
            problem = verdict(response, log, since)
            if problem is None and (response.status_code == 400) != refused:
                problem = f"{response.status_code}, expected {400 if refused else 200}"
            if problem is None and response.status_code < 300:
                problem = _safe_default(client, body, target, response)
            if problem:
                failures.append(f"{dep['output'][:50]} {where}[{n}] {item['id']}."
                                f"{item['property']}: {problem}")
    assert failures == [], "\n".join(failures)


def _safe_default(client, body: dict, target: dict, response) -> str | None:
    """A store's value of a type its callback does not read answers as null does."""
    reads = STORE_READS.get(target["id"]) if target["property"] == "data" else None
    value = target["value"]
    if reads is None or value is None or (isinstance(value, reads)
                                          and not isinstance(value, bool)):
        return None
    if any(o in body["output"] for o in UNSTABLE):
        return None
    target["value"] = None
    expected = post(client, body)
    if (expected.status_code, expected.get_data()) != (response.status_code,
                                                        response.get_data()):
        return "answered otherwise than for null"
    return None


# -- broken bodies: 4xx with one log line ---------------------------------------------------------

def _by_output(deps, layout, name: str) -> dict:
    return body_for(next(d for d in deps if name in d["output"]), layout)


def nest(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def _input(body: dict, name: str) -> dict:
    return next(i for i in body["inputs"] if isinstance(i, dict) and i["id"] == name)


def broken_bodies(deps, layout) -> dict[str, tuple[object, str]]:
    """name -> (body, content type): every one must be refused."""
    sync = _by_output(deps, layout, "..url.search...store-search.data...store-selected-at.data")
    download = _by_output(deps, layout, "download-export.data")
    export_item = download["inputs"][0][0]
    cases: dict[str, object] = {}
    for dep in deps:
        base = body_for(dep, layout)
        for key in ("output", "inputs", "outputs", *(["state"] if dep["state"] else [])):
            body = copy.deepcopy(base)
            del body[key]
            cases[f"{dep['output'][:40]} without {key}"] = body
    for key, value in (("output", 5), ("output", "no-such.children"), ("inputs", {}),
                       ("inputs", []), ("outputs", "x"), ("state", {"a": 1}),
                       ("changedPropIds", "url.search"), ("changedPropIds", [5]),
                       ("changedPropIds", ["store-selected-at.data"]),
                       ("changedPropIds", ['{"bad json.value']),
                       ("changedPropIds", ['{"a":' + "[" * 980 + ".value"]),
                       ("changedPropIds", ["url" * 400 + ".search"]),
                       ("output", nest(900)), ("inputs", nest(900)),
                       ("parsedChangedPropsIds", 3)):
        cases[f"{key} = {value!r}"] = {**sync, key: value}
    cases["a clientside callback's output"] = {**sync, "output": "store-folds.data"}
    bent = {"wrong keys": {"type": ids.BUTTON_EXPORT}, "string id": ids.BUTTON_EXPORT,
            "other type": {"type": "button-nope", "id": "csv"},
            "nested id value": {"type": ids.BUTTON_EXPORT, "id": {"x": 1}},
            "list id value": {"type": ids.BUTTON_EXPORT, "id": ["ALL"]}}
    for name, key in bent.items():
        body = copy.deepcopy(download)
        body["inputs"][0] = [{**export_item, "id": key}]
        cases[f"pattern id: {name}"] = body
    body = copy.deepcopy(download)
    body["inputs"][0] = [{**export_item, "id": {"type": ids.BUTTON_EXPORT, "id": f"x{i}"}}
                         for i in range(5000)]
    cases["5000 wildcard items"] = body
    body = copy.deepcopy(download)
    body["inputs"][0] = {**export_item}
    cases["wildcard input not a list"] = body
    body = copy.deepcopy(sync)
    body["inputs"][0]["id"] = "checklist-faction"
    cases["an input's id swapped"] = body
    body = copy.deepcopy(sync)
    body["inputs"][1]["property"] = "options"
    cases["an input's property swapped"] = body
    body = copy.deepcopy(sync)
    body["inputs"].append(body["inputs"][0])
    cases["one input too many"] = body
    body = copy.deepcopy(sync)
    body["inputs"][0] = "url.search"
    cases["an input not an object"] = body
    body = copy.deepcopy(sync)
    _input(body, ids.RANGESLIDER_YEARS)["value"] = [1948, math.inf]  # dumped as Infinity
    cases["infinity in the year range"] = body
    body = copy.deepcopy(sync)
    body["inputs"][-1]["value"] = {"action": "brush", "value": {"range": {"x": [10**400, 1]}}}
    cases["an integer no browser sends"] = body
    body = copy.deepcopy(sync)
    body["inputs"][-1]["value"] = nest(100)
    cases["a store nested 100 deep"] = body
    text = {name: (json.dumps(b), "application/json") for name, b in cases.items()}
    body = copy.deepcopy(sync)
    _input(body, ids.STORE_SEARCH)["value"] = "NOT-A-NUMBER"
    text.update({
        "NaN": (json.dumps(body).replace('"NOT-A-NUMBER"', "NaN"), "application/json"),
        "not JSON": ("{output: url.search}", "application/json"),
        "nested a million deep": ("[" * 500_000 + "]" * 500_000, "application/json"),
        "empty body": ("", "application/json"),
        "invalid UTF-8": (b"\xff\xfe{}", "application/json"),
        "a list": ("[1, 2]", "application/json"), "a string": ('"x"', "application/json"),
        "a number": ("5", "application/json"), "null": ("null", "application/json"),
        "text/plain": (json.dumps(sync), "text/plain"),
        "a form": ("output=url.search", "application/x-www-form-urlencoded"),
        "no content type": (json.dumps(sync), ""),
    })
    return text


def test_broken_bodies_get_a_4xx_and_one_log_line(client, deps, layout, log):
    failures = []
    for name, (data, content_type) in broken_bodies(deps, layout).items():
        since = len(log.records)
        response = post(client, data, content_type)
        problem = verdict(response, log, since)
        if problem or not 400 <= response.status_code < 500:
            failures.append(f"{name}: {problem or response.status_code}")
    assert failures == [], "\n".join(failures)


def test_too_many_wildcard_items_is_413(client, deps, layout, log):
    body = _by_output(deps, layout, "download-export.data")
    item = body["inputs"][0][0]
    body["inputs"][0] = [{**item, "id": {**item["id"], "id": f"x{i}"}}
                         for i in range(guard.MAX_ITEMS + 1)]
    response = post(client, body)
    assert response.status_code == 413
    assert "at most 500" in log.records[-1].getMessage()


def test_a_refusal_is_one_plain_line(client, deps, layout, log):
    body = _by_output(deps, layout, "search-results")
    body["inputs"][0]["value"] = {"evil": "\nInjected log line"}
    response = post(client, body)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True).count("\n") == 1
    line = log.records[-1].getMessage()
    assert "\n" not in line and "input-search" in line and "expected a string" \
        in line, line
    assert response.headers["Content-Security-Policy"]  # the headers still apply


def test_an_oversized_body_is_413_before_the_guard_reads_it(client, log):
    response = post(client, '{"output": "' + "x" * (2 << 20) + '"}')
    assert response.status_code == 413
    assert not [r for r in log.records if r.levelno >= logging.WARNING]


# -- the callbacks read junk safely ---------------------------------------------------------------

def test_a_selection_counts_on_from_a_junk_counter(client, deps, layout):
    body = _by_output(deps, layout, "..url.search...store-search.data...store-selected-at.data")
    tap = next(i for i in body["inputs"] if i["property"] == "tapNodeData")
    tap["value"] = {"id": "hegai"}
    trigger(body, tap)
    for junk in ("seven", [1], {"n": 1}, -5, 2**40):
        body["state"][0]["value"] = junk
        response = post(client, body)
        assert response.status_code == 200, junk
        answer = response.get_json()["response"]
        assert answer[ids.URL]["search"] == "?person=hegai"
        assert answer[ids.STORE_SELECTED_AT]["data"] == 1


def test_a_move_with_a_junk_id_is_ignored(client, deps, layout):
    body = _by_output(deps, layout, "..url.search...store-search.data...store-selected-at.data")
    action = body["inputs"][-1]
    trigger(body, action)
    for value in ({"id": ["hegai"], "x": 1, "y": 2}, {"id": {"a": 1}, "x": 1, "y": 2},
                  {"id": "hegai", "x": "far", "y": 2}):
        action["value"] = {"action": "move", "value": value}
        response = post(client, body)
        assert response.status_code == 200, value
        assert response.get_json()["response"] == {}, value  # no_update everywhere


def test_view_and_search_read_what_they_get(valid_network, valid_search: SearchIndex):
    start = valid_network.bounds.start
    for junk in (5, 2.5, ["?person=hegai"], {"person": "hegai"}, b"?person=hegai"):
        assert parse_query(junk, valid_network.bounds) == start
        assert valid_search.search(junk) == []
    assert valid_search.search("Hegai" + " " * 10_000 + "x")  # the start is read


# -- compression ----------------------------------------------------------------------------------

DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.mark.parametrize("encoding", list(DECODE))
def test_responses_are_compressed_and_keep_their_headers(client, deps, layout, encoding):
    """Dash's bundles, the page, the layout and the callbacks in either encoding; the files
    of assets/ are streamed (``send_file``), which Flask-Compress compresses with br (or
    zstd, deflate) but not gzip: a browser sends br."""
    page = client.get("/").get_data(as_text=True)
    bundle = re.search(r'<script src="(/_dash-component-suites/[^"]+)"', page)[1]
    requests = [("GET", "/", None), ("GET", bundle, None), ("GET", "/assets/style.css", None),
                ("GET", "/_dash-layout", None),
                ("POST", UPDATE, _by_output(deps, layout, "store-detail-panel.data"))]
    for method, path, body in requests:
        plain = client.open(path, method=method, json=body)
        packed = client.open(path, method=method, json=body,
                             headers={"Accept-Encoding": f"{encoding}, identity;q=0.5"})
        assert plain.status_code == packed.status_code == 200, path
        assert packed.headers["Content-Security-Policy"] == plain.headers[
            "Content-Security-Policy"]
        assert packed.headers["X-Content-Type-Options"] == "nosniff"
        assert "Accept-Encoding" in packed.headers["Vary"]
        assert "Content-Encoding" not in plain.headers
        if encoding == "gzip" and path.startswith("/assets/"):
            assert "Content-Encoding" not in packed.headers
            continue
        assert packed.headers["Content-Encoding"] == encoding, path
        raw, expected = packed.get_data(), plain.get_data()
        assert len(raw) < len(expected) * 2 / 3, path  # a short answer packs less
        assert _unique(DECODE[encoding](raw)) == _unique(expected), path


def test_a_browser_gets_brotli_or_better(client):
    for accepted, chosen in (("gzip, br", "br"), ("gzip, deflate, br, zstd", "zstd"),
                             ("gzip", "gzip"), ("identity", None)):
        response = client.get("/", headers={"Accept-Encoding": accepted})
        assert response.headers.get("Content-Encoding") == chosen, accepted


def _unique(page: bytes) -> bytes:
    """The page without what Dash makes anew for every request (``end_id``)."""
    return re.sub(rb'"end_id":"[^"]*"', b"", page)


@pytest.mark.parametrize("encoding", ["br", "zstd", "identity"])
def test_an_asset_the_browser_holds_is_still_304_when_compressed(client, encoding):
    first = client.get("/assets/app.js", headers={"Accept-Encoding": encoding})
    again = client.get("/assets/app.js", headers={"Accept-Encoding": encoding,
                                                  "If-None-Match": first.headers["ETag"]})
    assert (first.status_code, again.status_code) == (200, 304)
    assert again.get_data() == b"" and again.headers["Content-Security-Policy"]
