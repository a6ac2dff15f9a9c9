"""Drawing a view: the elements to add and remove and the fields that changed, by id."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from ...network.arrays import Drawing
from ...network.drawing import cytoscape_layout, drawing
from ...network.graph import Network
from ...network.styles import stylesheet
from ...network.view import View, parse_query, to_query
from .. import ids
from ..components.legend import counts_text, legend_json


def redraw(network: Network, search: str | None, drawn: str | None,
           cached: Callable[[View], Drawing] | None = None) -> tuple:
    """The graph changes from the drawn view to the URL's, the new drawn view, the counts,
    and the legend (plain lists as JSON, drawn by ``assets/lists.js``) when what it explains
    (colouring, sizing) changed (else ``no_update``).

    The changes (``Drawing.changes``: elements to remove and add, flags that changed, by
    id) also carry the ``layout`` when it changes and the ``stylesheet`` when a
    selection starts or ends (it holds the rule that fades everything not ``lit``); None
    when nothing changes. ``assets/graph.js`` applies them in the browser.

    ``cached`` maps a view to its ``Drawing`` (one array per element field): comparing
    two drawings is column by column, and a drawing is far smaller to keep than the
    element list it stands for (about 1 MiB against 44 MiB at 30,000 elements).
    """
    get = cached or (lambda v: drawing(network, v))
    bounds = network.bounds
    new_view, old_view = parse_query(search, bounds), parse_query(drawn, bounds)
    old, new = get(old_view), get(new_view)
    changes = old.changes(new)
    if old.dimming != new.dimming:
        changes["stylesheet"] = stylesheet(network.corpus, new.dimming)
    if old_view.layout != new_view.layout:
        changes["layout"] = cytoscape_layout(network, new_view)
    keyed = (old_view.color, old_view.size) != (new_view.color, new_view.size)
    return ((changes or None), to_query(new_view, bounds.start), counts_text(network, new_view),
            legend_json(network, new_view) if keyed else no_update)


def register(app: Dash, network: Network) -> None:
    cached = lru_cache(maxsize=128)(lambda view: drawing(network, view))

    @app.callback(
        Output(ids.STORE_GRAPH_CHANGES, "data"),
        Output(ids.STORE_GRAPH_QUERY, "data"),
        Output(ids.TEXT_COUNTS, "children"),
        Output(ids.DIV_LEGEND, "data-legend"),
        Input(ids.STORE_SEARCH, "data"),  # the URL's query, when it changed (passSearch)
        State(ids.STORE_GRAPH_QUERY, "data"),
        prevent_initial_call=True,  # the layout holds the start view's graph
    )
    def _redraw(search, drawn):
        changes, query, text, key = redraw(network, search, drawn, cached)
        return (changes if changes else no_update), query, text, key

    app.clientside_callback(  # applied by id: the browser's element order may differ
        ClientsideFunction(namespace="ivanovGraph", function_name="apply"),
        Output(ids.CYTOSCAPE_GRAPH, "elements"), Output(ids.CYTOSCAPE_GRAPH, "layout"),
        Output(ids.CYTOSCAPE_GRAPH, "stylesheet"),
        Input(ids.STORE_GRAPH_CHANGES, "data"), State(ids.CYTOSCAPE_GRAPH, "elements"),
        prevent_initial_call=True)
