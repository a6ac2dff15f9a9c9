"""Keeping the URL, the controls and the selection in step: the one callback that writes the view.

One callback owns the URL and every control that mirrors the view (Dash allows a
circular callback only within itself): a control, a tap or an action writes the URL; a
URL (a pasted link, back or forward) writes the controls. Everything else reads the URL.

The server's callbacks read the URL through ``store-search``, which the browser
(``passSearch`` in ``assets/app.js``) sets only when the query differs from the one they
last saw. The URL callback writes it with the URL, so its own change posts nothing more;
and a load at the start view, which the layout already shows, posts no request at all.

Features declare their part as records:

- a ``Control`` mirrors one view field both ways (a checklist, a slider, a radio group);
- an ``Action`` is what a button does. Every button that changes the view carries
  ``data-action="NAME ARG…"``; one click listener in the browser (``assets/app.js``)
  sends it to the store ``store-action``, the one input of every action. Buttons drawn
  inside panels are therefore no callback inputs: re-drawing a panel posts nothing.

Selecting a person or a relation is one action, ``select``, wherever it comes from: a
tap in the graph, a name in a panel, a row of the table view, a search hit, a chip of
the walk. Each selection also bumps ``store-selected-at``, which opens the Details tab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from dash.development.base_component import Component

from ...network.graph import PARENT_PREFIX, Network, filtered
from ...network.view import FACTION_MODES, LAYOUTS, View, normalize_ids, parse_query, to_query
from .. import ids
from ..components.common import by_id


@dataclass(frozen=True)
class Control:
    """A control that shows one part of the view and changes it."""

    id: str
    prop: str
    write: Callable[[Network, View], object]  # the view -> the control's value
    read: Callable[[Network, object, View], View]  # the control's value -> the new view


@dataclass(frozen=True)
class Action:
    """What a ``data-action="NAME ARG…"`` button does: the new view, or None to ignore it.

    ``value`` is an extra payload some senders attach (a chart's selection); ``selects``
    says the action selects something, so the Details tab opens.
    """

    name: str
    apply: Callable[[Network, View, tuple[str, ...], object], View | None]
    selects: bool = False


def _checklist(field: str, allowed: Callable[[Network], tuple[str, ...]]) -> tuple:
    def write(network: Network, view: View) -> list:
        value = getattr(view, field)
        return list(allowed(network) if value is None else value)

    def read(network: Network, value: object, view: View) -> View:
        values = value if isinstance(value, list) else []
        chosen: dict[str, Any] = {field: normalize_ids(values, allowed(network))}
        return replace(view, **chosen)

    return write, read


def _read_years(network: Network, value: object, view: View) -> View:
    span = network.bounds.years
    if not isinstance(value, list | tuple) or len(value) != 2:
        return replace(view, years=None)
    try:
        low, high = int(value[0]), int(value[1])
    except (TypeError, ValueError):
        return replace(view, years=None)
    low, high = max(low, span[0]), min(high, span[1])
    return replace(view, years=None if (low, high) == span or low > high else (low, high))


def _read_layout(network: Network, value: object, view: View) -> View:
    """Another layout: people moved by hand were moved in the old one, so they go back."""
    layout = value if isinstance(value, str) and value in LAYOUTS else "force"
    return view if layout == view.layout else replace(view, layout=layout, moved=())


def _read_documents(network: Network, value: object, view: View) -> View:
    """The document filter: nothing chosen (the dropdown's placeholder) means every document."""
    chosen = normalize_ids(value, network.bounds.documents) if isinstance(value, list) else None
    return replace(view, documents=chosen or None)


CORE_CONTROLS: tuple[Control, ...] = (
    Control(ids.CHECKLIST_FACTION, "value", *_checklist("factions", lambda n: n.bounds.factions)),
    Control(ids.RADIO_FACTION_MODE, "value", lambda n, v: v.mode,
            lambda n, x, v: replace(v, mode=x if isinstance(x, str) and x in FACTION_MODES
                                    else "touching")),
    Control(ids.CHECKLIST_TYPE, "value", *_checklist("types", lambda n: n.bounds.types)),
    Control(ids.CHECKLIST_POLARITY, "value",
            *_checklist("polarities", lambda n: n.bounds.polarities)),
    Control(ids.CHECKLIST_CLAIMANT, "value",
            *_checklist("claimants", lambda n: n.bounds.claimants)),
    Control(ids.RANGESLIDER_YEARS, "value", lambda n, v: list(v.years or n.bounds.years),
            _read_years),
    Control(ids.CHECKLIST_OPTIONS, "value",
            lambda n, v: [ids.OPTION_HIDE_ISOLATED] if v.hide_isolated else [],
            lambda n, x, v: replace(v, hide_isolated=isinstance(x, list)
                                    and ids.OPTION_HIDE_ISOLATED in x)),
    Control(ids.RADIO_LAYOUT, "value", lambda n, v: v.layout, _read_layout),
    Control(ids.DROPDOWN_DOCUMENTS, "value", lambda n, v: list(v.documents or ()),
            _read_documents),
)


def select(network: Network, view: View, args: tuple[str, ...], value: object) -> View | None:
    """``select person ID``, ``select relation ID`` or ``select edge ID`` (an edge selects
    its first relation the filters show)."""
    kind, key = (args + ("", ""))[:2]
    if kind == "person" and key in network.corpus.people:
        return view.select_person(key)
    if kind == "relation" and key in network.corpus.relations:
        return view.select_relation(key)
    edge = network.edges.get(key) if kind == "edge" else None
    if edge is None:
        return None
    passing = filtered(network, view).relations
    return view.select_relation(next((r for r in edge.relations if r in passing),
                                     edge.relations[0]))


def move(network: Network, view: View, args: tuple[str, ...], value: object) -> View | None:
    """``move`` with ``{"id", "x", "y"}``: a person dragged to a new place (kept in the link
    and in the exports)."""
    if not isinstance(value, dict) or not isinstance(value.get("id"), str) or \
            value["id"] not in network.positions[view.layout]:
        return None
    try:
        x, y = float(value["x"]), float(value["y"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (abs(x) < 1e6 and abs(y) < 1e6):
        return None
    return view.move(value["id"], x, y)


def reveal(network: Network, view: View, args: tuple[str, ...], value: object) -> View | None:
    """``reveal``: the filters of the start view, keeping the selection, the layout and how
    the graph is drawn, so a person or relation the filters hid is shown."""
    start = network.bounds.start
    return replace(view, factions=start.factions, mode=start.mode, types=start.types,
                   polarities=start.polarities, claimants=start.claimants, years=start.years,
                   hide_isolated=start.hide_isolated, documents=start.documents, cell=None)


CORE_ACTIONS: tuple[Action, ...] = (
    Action("select", select, selects=True),
    Action("clear", lambda n, v, a, x: v.filters_only() if v.person or v.relation else None),
    Action("reset", lambda n, v, a, x: n.bounds.start),
    Action("reveal", reveal),
    Action("move", move),
    Action("table", lambda n, v, a, x: replace(v, table=not v.table)),
)


def tapped(network: Network, trigger: str, value: object) -> tuple[str, ...] | None:
    """A tap in the graph as the arguments of ``select`` (None: not a person or an edge)."""
    key = value.get("id") if isinstance(value, dict) else None
    if not isinstance(key, str) or key.startswith(PARENT_PREFIX):
        return None
    return ("person", key) if trigger.endswith("tapNodeData") else ("edge", key)


def read_action(value: object) -> tuple[str, tuple[str, ...], object] | None:
    """``{"action": "select person pak-il-u", "value": …}`` as (name, args, value)."""
    if not isinstance(value, dict) or not isinstance(value.get("action"), str):
        return None
    words = value["action"].split()[:8]
    return (words[0], tuple(words[1:]), value.get("value")) if words else None


def show_view(tree: Component, network: Network, view: View,
              controls: tuple[Control, ...]) -> None:
    """Set every control in ``tree`` to ``view``, as the URL callback writes them. The
    layout is built so, for the start view: a load at the start view posts nothing that
    would set them. A control missing from ``tree`` is an error in the layout."""
    found = by_id(tree)
    missing = [c.id for c in controls if c.id not in found]
    if missing:
        raise ValueError(f"controls missing from the layout: {', '.join(missing)}")
    for control in controls:
        setattr(found[control.id], control.prop, control.write(network, view))


def sync(network: Network, trigger: str | None, value: object, search: str | None,
         values: tuple, controls: tuple[Control, ...] = CORE_CONTROLS,
         actions: tuple[Action, ...] = CORE_ACTIONS) -> tuple:
    """Return (url search, selected?, *control values), ``no_update`` where nothing changes.

    ``trigger`` is ``"id.prop"`` of what fired (None on the first call); ``values`` are
    the controls' current values. ``selected?`` is True when the input selected something.
    """
    unchanged = (no_update,) * len(controls)
    current = parse_query(search, network.bounds)
    if trigger in (None, ids.STORE_SEARCH + ".data"):
        return (no_update, no_update, *(c.write(network, current) for c in controls))
    for control, current_value in zip(controls, values, strict=True):
        if trigger == f"{control.id}.{control.prop}":
            read = control.read(network, current_value, current)
            return (to_query(read, network.bounds.start), no_update, *unchanged)
    new, selects = _act(network, current, trigger, value, actions)
    if new is None:
        return (no_update, no_update, *unchanged)
    mirrored = tuple(c.write(network, new) for c in controls)
    return (to_query(new, network.bounds.start), selects or no_update,
            *(m if m != v else no_update for m, v in zip(mirrored, values, strict=True)))


def _act(network: Network, view: View, trigger: str, value: object,
         actions: tuple[Action, ...]) -> tuple[View | None, bool]:
    """The view a tap or an action leads to, and whether it selected something."""
    if trigger.startswith(ids.CYTOSCAPE_GRAPH + "."):
        args = tapped(network, trigger, value)
        return (select(network, view, args, None), True) if args else (None, False)
    if trigger != ids.STORE_ACTION + ".data":
        return None, False
    parsed = read_action(value)
    action = next((a for a in actions if parsed and a.name == parsed[0]), None)
    if parsed is None or action is None:
        return None, False
    return action.apply(network, view, parsed[1], parsed[2]), action.selects


def _trigger() -> tuple[str | None, object]:
    """The triggering prop as ``id.prop`` and its value (None, None on the first call)."""
    if not ctx.triggered or ctx.triggered_id is None:
        return None, None
    first = ctx.triggered[0]
    return first["prop_id"], first.get("value")


def register(app: Dash, network: Network, controls: tuple[Control, ...],
             actions: tuple[Action, ...]) -> None:
    app.clientside_callback(  # the URL's query, passed on only when it changed
        ClientsideFunction(namespace="ivanov", function_name="passSearch"),
        Output(ids.STORE_SEARCH, "data", allow_duplicate=True),
        Input(ids.URL, "search"), State(ids.STORE_SEARCH, "data"), prevent_initial_call=True)

    @app.callback(
        Output(ids.URL, "search"), Output(ids.STORE_SEARCH, "data"),
        Output(ids.STORE_SELECTED_AT, "data"),
        *(Output(c.id, c.prop) for c in controls),
        Input(ids.STORE_SEARCH, "data"),
        *(Input(c.id, c.prop) for c in controls),
        Input(ids.CYTOSCAPE_GRAPH, "tapNodeData"), Input(ids.CYTOSCAPE_GRAPH, "tapEdgeData"),
        Input(ids.STORE_ACTION, "data"),
        State(ids.STORE_SELECTED_AT, "data"),
        prevent_initial_call=True,
    )
    def _sync(search, *args):
        values, count = args[:len(controls)], args[-1]
        trigger, value = _trigger()
        url, selected, *mirrored = sync(network, trigger, value, search, values, controls,
                                        actions)
        count = count if isinstance(count, int) and 0 <= count < 2**31 else 0
        # the new query goes to store-search too, so passSearch, seeing it, posts nothing
        return (url, url, count + 1 if selected is True else no_update, *mirrored)
