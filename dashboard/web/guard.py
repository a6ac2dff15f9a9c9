"""The edge check of callback requests: a body that is not what the app's own callbacks
declare is answered 400 (413 for too many items, 415 for a body that is not JSON) with one
log line, before Dash reads it.

On an open school network anyone can post to ``/_dash-update-component``, and Dash hands
the values to the callback as they come: a number where a string was declared, a missing
key or a pattern id with other keys ended in a traceback and a 500. The guard runs after
the body-size limit (``MAX_CONTENT_LENGTH``: 413 from the headers alone), parses the JSON
once (Flask keeps it for Dash) and checks it against ``app.callback_map``:

- ``output`` names a server callback; ``outputs``, ``inputs`` and ``state`` hold one item
  per declared one, in order, with the declared id and property. A pattern id is a dict
  with the pattern's keys; a wildcard list holds at most ``MAX_ITEMS`` items;
  ``changedPropIds`` names inputs only.
- every value has the type ``VALUES`` declares for its component kind and property; a
  missing value and null are always accepted (Dash sends none for a property the layout
  never set). Numbers are those a browser's ``JSON.stringify`` writes (no NaN or Infinity,
  integers within ±2**53); nesting is at most ``MAX_DEPTH``, items at most ``MAX_NODES``.

The callbacks still read what they get defensively (a store's data may be any JSON).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dash import Dash
from flask import Response, request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from .components.common import by_id

UPDATE = "_dash-update-component"
MAX_ITEMS = 500  # items in one wildcard list; the UI's largest holds a handful
MAX_DEPTH = 64  # nesting of any value (a plotly figure held as State is about 10 deep)
MAX_NODES = 100_000  # lists, objects and scalars in one body
MAX_SAFE = 2**53  # the largest integer a browser's number holds exactly
MAX_NAME = 1000  # characters of one changedPropIds entry ("id.property")
WILDCARDS = (["ALL"], ["MATCH"], ["ALLSMALLER"])


class Refused(Exception):
    """A request the guard answers itself: its status and what was wrong (for the log)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Expect:
    """What one property's value may be (besides null): a phrase for the log, and a test."""

    phrase: str
    test: Callable[[Any], bool]


def _texts(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


TEXT = Expect("a string", lambda v: isinstance(v, str))
TEXTS = Expect("a list of strings", _texts)
TEXT_OR_TEXTS = Expect("a string or a list of strings",
                       lambda v: isinstance(v, str) or _texts(v))
WHOLE = Expect("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool))
RANGE = Expect("a list of two numbers",
               lambda v: isinstance(v, list) and len(v) == 2 and all(map(_number, v)))
OBJECT = Expect("an object", lambda v: isinstance(v, dict))
ANY = Expect("any JSON", lambda v: True)  # bounded like the whole body (``_bounded``)

#: The type of each input and state value, by (component kind, property); kind ``*`` is
#: any kind (also a pattern-matched component, whose kind the layout does not tell).
VALUES: dict[tuple[str, str], Expect] = {
    ("*", "n_clicks"): WHOLE,
    ("*", "search"): TEXT,
    ("Checklist", "value"): TEXTS,
    ("RadioItems", "value"): TEXT,
    ("Input", "value"): TEXT,
    ("RangeSlider", "value"): RANGE,
    ("Dropdown", "value"): TEXT_OR_TEXTS,
    ("Store", "data"): ANY,
    ("*", "tapNodeData"): OBJECT,
    ("*", "tapEdgeData"): OBJECT,
    ("*", "clickData"): OBJECT,
    ("*", "selectedData"): OBJECT,
    ("*", "children"): ANY,
}


@dataclass(frozen=True)
class Slot:
    """One declared output, input or state: its id (a string, or a pattern's dict), its
    property, what its value may be, and whether it is a wildcard list (ALL, ALLSMALLER)."""

    id: str | dict
    prop: str
    expect: Expect | None  # None: not declared in VALUES (``undeclared`` lists them)
    many: bool

    @classmethod
    def of(cls, spec: dict, kinds: dict[str, str]) -> Slot:
        raw, prop = spec["id"], spec["property"].split("@")[0]
        key: str | dict = json.loads(raw) if raw.startswith("{") else raw
        kind = kinds.get(raw, "*") if isinstance(key, str) else "*"
        many = isinstance(key, dict) and any(v in (["ALL"], ["ALLSMALLER"])
                                             for v in key.values())
        return cls(key, prop, VALUES.get((kind, prop), VALUES.get(("*", prop))), many)

    def names(self, key: Any) -> bool:
        """Whether ``key`` (an id from a request) is this slot's id or matches its pattern."""
        if isinstance(self.id, str):
            return key == self.id
        if not isinstance(key, dict) or key.keys() != self.id.keys():
            return False
        return all(_scalar(key[k]) if v in WILDCARDS else key[k] == v
                   for k, v in self.id.items())


@dataclass(frozen=True)
class Signature:
    """What one server callback's requests hold."""

    outputs: tuple[Slot, ...]
    multi: bool  # ``outputs`` is a list (the output key starts with "..")
    checked: bool  # False for a callback without outputs: Dash ignores ``outputs``
    inputs: tuple[Slot, ...]
    state: tuple[Slot, ...]


def _scalar(v: Any) -> bool:
    return isinstance(v, str | bool) or _number(v)


def _kinds(app: Dash) -> dict[str, str]:
    """The component kind (``Checklist``, ``Store``…) of every string id in the layout."""
    layout = app.layout
    if layout is None or callable(layout):
        return {}
    return {key: type(c).__name__ for key, c in by_id(layout).items()}


def signatures(app: Dash) -> dict[str, Signature]:
    """Every server callback of ``app`` by its output key (the body's ``output``)."""
    kinds = _kinds(app)
    found = {}
    for key, callback in app.callback_map.items():
        if "callback" not in callback:  # a clientside callback: never posted to the server
            continue
        outputs = callback.get("output")
        outputs = outputs if isinstance(outputs, list | tuple) else [outputs]
        found[key] = Signature(
            tuple(Slot.of(o.to_dict(), kinds) for o in outputs if o is not None),
            key.startswith(".."), not callback.get("no_output"),
            tuple(Slot.of(i, kinds) for i in callback["inputs"]),
            tuple(Slot.of(s, kinds) for s in callback["state"]))
    return found


def undeclared(app: Dash) -> list[str]:
    """``id.property`` of every input and state whose type ``VALUES`` does not declare."""
    return sorted({f"{s.id}.{s.prop}" for sig in signatures(app).values()
                   for s in (*sig.inputs, *sig.state) if s.expect is None})


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _bounded(value: Any, where: str) -> None:
    """Numbers a browser sends, nesting at most MAX_DEPTH, at most MAX_NODES items."""
    stack, nodes = [(value, 0)], 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise Refused(413, f"{where}: more than {MAX_NODES} items")
        if depth > MAX_DEPTH:
            raise Refused(400, f"{where}: nested more than {MAX_DEPTH} deep")
        if isinstance(item, float) and not math.isfinite(item):
            raise Refused(400, f"{where}: {item} is not a JSON number")
        if isinstance(item, int) and abs(item) > MAX_SAFE:
            raise Refused(400, f"{where}: an integer beyond ±2**53")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def _item(item: Any, slot: Slot, where: str, valued: bool) -> None:
    if not isinstance(item, dict):
        raise Refused(400, f"{where}: expected an object, got {_short(item)}")
    if item.get("property") != slot.prop or not slot.names(item.get("id")):
        raise Refused(400, f"{where}: expected {slot.id!r}.{slot.prop}, got "
                           f"{_short(item.get('id'))}.{_short(item.get('property'))}")
    value = item.get("value")
    if valued and value is not None and slot.expect and not slot.expect.test(value):
        raise Refused(400, f"{where} {_short(slot.id)}.{slot.prop}: expected "
                           f"{slot.expect.phrase}, got {_short(value)}")


def _items(given: Any, slots: tuple[Slot, ...], where: str, valued: bool = True) -> None:
    if not isinstance(given, list) or len(given) != len(slots):
        raise Refused(400, f"{where}: expected a list of {len(slots)}, got {_short(given)}")
    for n, (entry, slot) in enumerate(zip(given, slots, strict=True)):
        if not slot.many:
            _item(entry, slot, f"{where}[{n}]", valued)
            continue
        if not isinstance(entry, list):
            raise Refused(400, f"{where}[{n}]: expected a list, got {_short(entry)}")
        if len(entry) > MAX_ITEMS:
            raise Refused(413, f"{where}[{n}]: {len(entry)} items, at most {MAX_ITEMS}")
        for m, item in enumerate(entry):
            _item(item, slot, f"{where}[{n}][{m}]", valued)


def _changed(given: Any, inputs: tuple[Slot, ...]) -> None:
    if not isinstance(given, list) or len(given) > len(inputs) + MAX_ITEMS:
        raise Refused(400, f"changedPropIds: expected a list, got {_short(given)}")
    for name in given:
        ok = isinstance(name, str) and len(name) <= MAX_NAME
        key, _, prop = name.rpartition(".") if ok else ("", "", "")
        try:
            parsed = json.loads(key) if key.startswith("{") else key
        except (ValueError, RecursionError):
            parsed = None
        if not any(s.prop == prop and s.names(parsed) for s in inputs):
            raise Refused(400, f"changedPropIds: {_short(name)} is no input of this callback")


def check(body: Any, known: dict[str, Signature]) -> None:
    """Raise ``Refused`` for the first thing in ``body`` its callback does not declare."""
    if not isinstance(body, dict):
        raise Refused(400, f"expected a JSON object, got {type(body).__name__}")
    _bounded(body, "body")  # first: what follows may print parts of it
    output = body.get("output")
    signature = known.get(output) if isinstance(output, str) else None
    if signature is None:
        raise Refused(400, f"output {_short(output)} is no server callback of this app")
    if signature.checked:
        outputs = body.get("outputs")
        _items(outputs if signature.multi else [outputs], signature.outputs, "outputs",
               valued=False)
    _items(body.get("inputs"), signature.inputs, "inputs")
    _items(body.get("state", []), signature.state, "state")
    _changed(body.get("changedPropIds", []), signature.inputs)
    parsed = body.get("parsedChangedPropsIds", [])
    if not isinstance(parsed, list) or len(parsed) > len(signature.inputs) + MAX_ITEMS:
        raise Refused(400, "parsedChangedPropsIds: expected a list")


class Guard:
    """The ``before_request`` hook: the app's callbacks, read once, and the check."""

    def __init__(self, app: Dash) -> None:
        self.app, self.path = app, app.config.routes_pathname_prefix + UPDATE
        self.size, self.known = len(app.callback_map), signatures(app)

    def __call__(self) -> Response | None:
        if request.method != "POST" or request.path != self.path:
            return None
        if len(self.app.callback_map) != self.size:  # Dash adds ``dash.callback`` ones late
            self.size, self.known = len(self.app.callback_map), signatures(self.app)
        try:
            check(_body(), self.known)
        except Refused as refused:
            self.app.server.logger.warning("callback request refused with %d from %s: %s",
                                           refused.status, request.remote_addr, refused)
            return Response(f"Bad callback request: {refused}\n", refused.status,
                            mimetype="text/plain")
        return None


def _body() -> Any:
    """The request's JSON, parsed once (Flask keeps it for Dash). Past the body limit
    (``MAX_CONTENT_LENGTH``) Flask raises its 413 here, from the headers alone."""
    try:
        return request.get_json()
    except UnsupportedMediaType:
        raise Refused(415, f"content type {_short(request.mimetype)}, expected "
                           "application/json") from None
    except (BadRequest, RecursionError):  # json nests by recursion: "[[[[…" runs out of stack
        raise Refused(400, "the body is not JSON") from None


def install(app: Dash) -> Guard:
    """Check every ``POST /_dash-update-component`` of ``app`` before Dash reads it.
    Call it after every callback is registered; the hook is returned for the tests."""
    guard = Guard(app)
    app.server.before_request(guard)
    return guard
