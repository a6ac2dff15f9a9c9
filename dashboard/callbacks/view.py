"""Keeping the URL, the filter controls and the selection in step.

One callback owns the URL and the controls (Dash allows a circular callback only
within itself): a control or a click writes the URL; a URL (a pasted link, back or
forward) writes the controls. Everything else reads the URL.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from .. import ids
from ..graph import PARENT_PREFIX, Network, visible
from ..search import SearchIndex
from ..view import FACTION_MODES, LAYOUTS, View, normalize_ids, parse_query, to_query

CONTROLS = (ids.CHECKLIST_FACTION, ids.RADIO_FACTION_MODE, ids.CHECKLIST_TYPE,
            ids.CHECKLIST_POLARITY, ids.CHECKLIST_CLAIMANT, ids.RANGESLIDER_YEARS,
            ids.CHECKLIST_OPTIONS, ids.RADIO_LAYOUT)
CONTROL_PROPS = {ids.RANGESLIDER_YEARS: "value"}


def controls_for(network: Network, view: View) -> tuple:
    """The control values that show ``view``, in ``CONTROLS`` order."""
    b = network.bounds
    return (
        list(b.factions if view.factions is None else view.factions),
        view.mode,
        list(b.types if view.types is None else view.types),
        list(b.polarities if view.polarities is None else view.polarities),
        list(b.claimants if view.claimants is None else view.claimants),
        list(view.years or b.years),
        [ids.OPTION_HIDE_ISOLATED] if view.hide_isolated else [],
        view.layout,
    )


def view_from_controls(network: Network, values: tuple, current: View) -> View:
    """The view the controls show, keeping the current selection."""
    factions, mode, types, polarities, claimants, years, options, layout = values
    b = network.bounds
    span = _years(years, b.years)
    return replace(
        current,
        factions=normalize_ids(factions, b.factions),
        mode=mode if mode in FACTION_MODES else "touching",
        types=normalize_ids(types, b.types),
        polarities=normalize_ids(polarities, b.polarities),
        claimants=normalize_ids(claimants, b.claimants),
        years=None if span == b.years else span,
        hide_isolated=ids.OPTION_HIDE_ISOLATED in (options or []),
        layout=layout if layout in LAYOUTS else "force",
    )


def _years(values, span: tuple[int, int]) -> tuple[int, int]:
    try:
        low, high = (int(v) for v in values)
    except (TypeError, ValueError):
        return span
    return max(low, span[0]), min(high, span[1])


def selection_from_click(network: Network, trigger: object, value: object,
                         current: View, search: SearchIndex | None = None,
                         text: str = "") -> View | None:
    """The view after a click on the graph, a link or a search hit; None if it was no click."""
    if isinstance(trigger, dict):
        kind, key = trigger.get("type"), trigger.get("id")
        if not value:
            return None  # a button was created, not clicked
        if kind in (ids.BUTTON_PERSON, ids.BUTTON_SEARCH_HIT) and key in network.corpus.people:
            return current.select_person(key)
        if kind == ids.BUTTON_RELATION and key in network.corpus.relations:
            return current.select_relation(key)
        if kind == ids.BUTTON_CLOSE:
            return current.filters_only()
        return None
    if trigger == ids.CYTOSCAPE_GRAPH + ".tapNodeData" and isinstance(value, dict):
        node = value.get("id", "")
        if node in network.corpus.people and not node.startswith(PARENT_PREFIX):
            return current.select_person(node)
    if trigger == ids.CYTOSCAPE_GRAPH + ".tapEdgeData" and isinstance(value, dict):
        edge = network.edges.get(value.get("id", ""))
        if edge:
            shown = visible(network, current).relations
            first = next((r for r in edge.relations if r in shown), edge.relations[0])
            return current.select_relation(first)
    if trigger == ids.INPUT_SEARCH + ".n_submit" and search is not None:
        hits = search.search(text or "", limit=1)
        if hits:
            return current.select_person(hits[0].person)
    return None


def sync(network: Network, trigger: object, value: object, search: str,
         values: tuple, search_index: SearchIndex | None = None, text: str = "") -> tuple:
    """Return (url search, *control values); ``no_update`` where nothing changes."""
    unchanged = (no_update,) * len(CONTROLS)
    current = parse_query(search, network.bounds)
    if trigger in (None, ids.URL + ".search"):
        return (no_update, *controls_for(network, current))
    if trigger == ids.BUTTON_RESET + ".n_clicks":
        return ("", *controls_for(network, View()))
    chosen = selection_from_click(network, trigger, value, current, search_index, text)
    if chosen is not None:
        return (to_query(chosen), *unchanged)
    if isinstance(trigger, str) and trigger.split(".")[0] in CONTROLS:
        return (to_query(view_from_controls(network, values, current)), *unchanged)
    return (no_update, *unchanged)


def _trigger() -> tuple[object, object]:
    """The triggering prop as ``id.prop`` (or the pattern id dict) and its value."""
    if not ctx.triggered:
        return None, None
    first = ctx.triggered[0]
    if isinstance(ctx.triggered_id, dict):
        return ctx.triggered_id, first.get("value")
    return first["prop_id"], first.get("value")


def register(app: Dash, network: Network, search_index: SearchIndex | None = None) -> None:
    props = [Output(c, CONTROL_PROPS.get(c, "value")) for c in CONTROLS]

    @app.callback(
        Output(ids.URL, "search"), *props,
        Input(ids.URL, "search"),
        *(Input(c, "value") for c in CONTROLS),
        Input(ids.BUTTON_RESET, "n_clicks"),
        Input(ids.CYTOSCAPE_GRAPH, "tapNodeData"),
        Input(ids.CYTOSCAPE_GRAPH, "tapEdgeData"),
        Input({"type": ids.BUTTON_PERSON, "id": ALL}, "n_clicks"),
        Input({"type": ids.BUTTON_RELATION, "id": ALL}, "n_clicks"),
        Input({"type": ids.BUTTON_SEARCH_HIT, "id": ALL}, "n_clicks"),
        Input({"type": ids.BUTTON_CLOSE, "id": ALL}, "n_clicks"),
        Input(ids.INPUT_SEARCH, "n_submit"),
        State(ids.INPUT_SEARCH, "value"),
    )
    def _sync(search, *args):
        values, text = args[:len(CONTROLS)], args[-1]
        trigger, value = _trigger()
        return sync(network, trigger, value, search, values, search_index, text)
