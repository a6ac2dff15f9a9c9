"""Keeping the URL, the controls and the selection in step.

One callback owns the URL and every control that mirrors the view (Dash allows a
circular callback only within itself): a control or a click writes the URL; a URL
(a pasted link, back or forward) writes the controls. Everything else reads the URL.

Features declare their part as records: a ``Control`` mirrors one view field both
ways; an ``Event`` is a one-way input (a click, a key, a chart selection) that
turns the current view into a new one. ``register`` builds the one callback from
all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from .. import ids
from ..graph import PARENT_PREFIX, Network, visible
from ..panels import SEARCH_SLOTS
from ..search import SearchIndex
from ..view import FACTION_MODES, LAYOUTS, View, normalize_ids, parse_query, to_query


@dataclass(frozen=True)
class Control:
    """A control that shows one part of the view and changes it."""

    id: str
    prop: str
    write: Callable[[Network, View], object]  # the view -> the control's value
    read: Callable[[Network, object, View], View]  # the control's value -> the new view


@dataclass(frozen=True)
class Event:
    """A one-way input; ``apply`` returns the new view, or None to ignore the event.

    ``id`` is a component id or a pattern dict (with ``ALL``); ``state`` lists extra
    (id, prop) pairs passed to ``apply`` as a dict keyed by id.
    """

    id: str | dict
    prop: str
    apply: Callable[[Network, object, object, View, dict], View | None]
    state: tuple[tuple[str, str], ...] = ()


def _checklist(field: str, allowed: Callable[[Network], tuple[str, ...]]) -> tuple:
    def write(network: Network, view: View) -> list:
        value = getattr(view, field)
        return list(allowed(network) if value is None else value)

    def read(network: Network, value: object, view: View) -> View:
        values = value if isinstance(value, list) else []
        return replace(view, **{field: normalize_ids(values, allowed(network))})

    return write, read


def _read_years(network: Network, value: object, view: View) -> View:
    span = network.bounds.years
    try:
        low, high = (int(v) for v in value)
    except (TypeError, ValueError):
        return replace(view, years=None)
    low, high = max(low, span[0]), min(high, span[1])
    return replace(view, years=None if (low, high) == span or low > high else (low, high))


def _read_documents(network: Network, value: object, view: View) -> View:
    """The document filter: nothing chosen (the dropdown's placeholder) means every document."""
    chosen = normalize_ids(value, network.bounds.documents) if isinstance(value, list) else None
    return replace(view, documents=chosen or None)


CORE_CONTROLS: tuple[Control, ...] = (
    Control(ids.CHECKLIST_FACTION, "value", *_checklist("factions", lambda n: n.bounds.factions)),
    Control(ids.RADIO_FACTION_MODE, "value", lambda n, v: v.mode,
            lambda n, x, v: replace(v, mode=x if x in FACTION_MODES else "touching")),
    Control(ids.CHECKLIST_TYPE, "value", *_checklist("types", lambda n: n.bounds.types)),
    Control(ids.CHECKLIST_POLARITY, "value",
            *_checklist("polarities", lambda n: n.bounds.polarities)),
    Control(ids.CHECKLIST_CLAIMANT, "value",
            *_checklist("claimants", lambda n: n.bounds.claimants)),
    Control(ids.RANGESLIDER_YEARS, "value", lambda n, v: list(v.years or n.bounds.years),
            _read_years),
    Control(ids.CHECKLIST_OPTIONS, "value",
            lambda n, v: [ids.OPTION_HIDE_ISOLATED] if v.hide_isolated else [],
            lambda n, x, v: replace(v, hide_isolated=ids.OPTION_HIDE_ISOLATED in (x or []))),
    Control(ids.RADIO_LAYOUT, "value", lambda n, v: v.layout,
            lambda n, x, v: replace(v, layout=x if x in LAYOUTS else "force")),
    Control(ids.DROPDOWN_DOCUMENTS, "value", lambda n, v: list(v.documents or ()),
            _read_documents),
)


def _pick(kinds: tuple[str, ...], table: str, select: str) -> Callable:
    """An event for buttons with pattern ids ``{"type": kind, "id": key}``."""
    def apply(network: Network, trigger: object, value: object, view: View, state: dict):
        key = trigger.get("id") if isinstance(trigger, dict) else None
        if not value or trigger.get("type") not in kinds:
            return None  # a button was created, not clicked
        if key in getattr(network.corpus, table):
            return getattr(view, select)(key)
        return None
    return apply


def _tap_node(network: Network, trigger: object, value: object, view: View, state: dict):
    node = value.get("id", "") if isinstance(value, dict) else ""
    if node in network.corpus.people and not node.startswith(PARENT_PREFIX):
        return view.select_person(node)
    return None


def _tap_edge(network: Network, trigger: object, value: object, view: View, state: dict):
    edge = network.edges.get(value.get("id", "")) if isinstance(value, dict) else None
    if edge is None:
        return None
    shown = visible(network, view).relations
    return view.select_relation(next((r for r in edge.relations if r in shown),
                                     edge.relations[0]))


def _close(network: Network, trigger: object, value: object, view: View, state: dict):
    return view.filters_only() if value else None


def _reset(network: Network, trigger: object, value: object, view: View, state: dict):
    return network.bounds.start if value else None


def _search_result(search: SearchIndex | None,
                   slot_of: Callable[[object, object], int | None]) -> Callable:
    """Select the person in place ``slot_of(trigger, value)`` of the results for the search
    box's text: the same search that filled the result slots."""
    def apply(network: Network, trigger: object, value: object, view: View, state: dict):
        slot = slot_of(trigger, value)
        if slot is None or not search:
            return None
        hits = search.search(state.get(ids.INPUT_SEARCH) or "", limit=SEARCH_SLOTS)
        return view.select_person(hits[slot].person) if slot < len(hits) else None
    return apply


def _clicked_slot(trigger: object, value: object) -> int | None:
    """The result slot clicked: ``{"type": ..., "id": "3"}`` gives 3; not a click, None."""
    slot = trigger.get("id") if isinstance(trigger, dict) else None
    return int(slot) if value and isinstance(slot, str) and slot.isdigit() else None


def core_events(search: SearchIndex | None) -> tuple[Event, ...]:
    return (
        Event(ids.BUTTON_RESET, "n_clicks", _reset),
        Event(ids.CYTOSCAPE_GRAPH, "tapNodeData", _tap_node),
        Event(ids.CYTOSCAPE_GRAPH, "tapEdgeData", _tap_edge),
        Event({"type": ids.BUTTON_PERSON, "id": ALL}, "n_clicks",
              _pick((ids.BUTTON_PERSON,), "people", "select_person")),
        Event({"type": ids.BUTTON_TABLE_PERSON, "id": ALL}, "n_clicks",
              _pick((ids.BUTTON_TABLE_PERSON,), "people", "select_person")),
        Event({"type": ids.BUTTON_SEARCH_HIT, "id": ALL}, "n_clicks",
              _search_result(search, _clicked_slot), state=((ids.INPUT_SEARCH, "value"),)),
        Event({"type": ids.BUTTON_LIST_PERSON, "id": ALL}, "n_clicks",
              _pick((ids.BUTTON_LIST_PERSON,), "people", "select_person")),
        Event({"type": ids.BUTTON_LIST_RELATION, "id": ALL}, "n_clicks",
              _pick((ids.BUTTON_LIST_RELATION,), "relations", "select_relation")),
        Event({"type": ids.BUTTON_RELATION, "id": ALL}, "n_clicks",
              _pick((ids.BUTTON_RELATION,), "relations", "select_relation")),
        Event({"type": ids.BUTTON_CLOSE, "id": ALL}, "n_clicks", _close),
        Event(ids.INPUT_SEARCH, "n_submit", _search_result(search, lambda t, v: 0),
              state=((ids.INPUT_SEARCH, "value"),)),
    )


def _key(spec_id: str | dict) -> str | None:
    """The id part of a trigger key for a plain component id; None for a pattern."""
    return spec_id if isinstance(spec_id, str) else None


def sync(network: Network, trigger: object, value: object, search: str,
         values: tuple, controls: tuple[Control, ...] = CORE_CONTROLS,
         events: tuple[Event, ...] = (), state: dict | None = None) -> tuple:
    """Return (url search, *control values), ``no_update`` where nothing changes.

    ``trigger`` is ``"id.prop"`` for a plain component, the id dict for a pattern, or
    None on the first call; ``values`` are the controls' current values.
    """
    unchanged = (no_update,) * len(controls)
    current = parse_query(search, network.bounds)
    if trigger in (None, ids.URL + ".search"):
        return (no_update, *(c.write(network, current) for c in controls))
    for event in events:
        if _matches(event, trigger):
            new = event.apply(network, trigger, value, current, state or {})
            if new is None:
                return (no_update, *unchanged)
            mirrored = tuple(c.write(network, new) for c in controls)
            return (to_query(new, network.bounds.start), *(m if m != v else no_update
                                     for m, v in zip(mirrored, values, strict=True)))
    for control, current_value in zip(controls, values, strict=True):
        if trigger == f"{control.id}.{control.prop}":
            new = control.read(network, current_value, current)
            return (to_query(new, network.bounds.start), *unchanged)
    return (no_update, *unchanged)


def _matches(event: Event, trigger: object) -> bool:
    if isinstance(event.id, dict):
        return isinstance(trigger, dict) and trigger.get("type") == event.id.get("type")
    return trigger == f"{event.id}.{event.prop}"


def _trigger() -> tuple[object, object]:
    """The triggering prop as ``id.prop`` (or the pattern id dict) and its value."""
    if not ctx.triggered:
        return None, None
    first = ctx.triggered[0]
    if isinstance(ctx.triggered_id, dict):
        return ctx.triggered_id, first.get("value")
    return first["prop_id"], first.get("value")


def register(app: Dash, network: Network, controls: tuple[Control, ...],
             events: tuple[Event, ...]) -> None:
    states = list(dict.fromkeys(s for e in events for s in e.state))

    @app.callback(
        Output(ids.URL, "search"), *(Output(c.id, c.prop) for c in controls),
        Input(ids.URL, "search"),
        *(Input(c.id, c.prop) for c in controls),
        *(Input(e.id, e.prop) for e in events),
        *(State(i, p) for i, p in states),
    )
    def _sync(search, *args):
        values = args[:len(controls)]
        state = {i: v for (i, _), v in zip(states, args[len(args) - len(states):], strict=True)}
        trigger, value = _trigger()
        return sync(network, trigger, value, search, values, controls, events, state)
