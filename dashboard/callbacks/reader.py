"""The side-panel tabs and the jump to a passage in the reader, run in the browser."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output

from .. import ids


def register(app: Dash) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="sidePanel"),
        Output(ids.DIV_SIDE, "className"),
        Output(ids.BUTTON_TAB_DETAIL, "aria-selected"),
        Output(ids.BUTTON_TAB_READER, "aria-selected"),
        Output(ids.BUTTON_TAB_ANALYSIS, "aria-selected"),
        Output(ids.STORE_TAB, "data"),
        Input(ids.BUTTON_TAB_DETAIL, "n_clicks"),
        Input(ids.BUTTON_TAB_READER, "n_clicks"),
        Input(ids.BUTTON_TAB_ANALYSIS, "n_clicks"),
        Input({"type": ids.BUTTON_PASSAGE, "id": ALL}, "n_clicks"),
        Input(ids.CYTOSCAPE_GRAPH, "tapNodeData"),
        Input(ids.CYTOSCAPE_GRAPH, "tapEdgeData"),
        Input({"type": ids.BUTTON_PERSON, "id": ALL}, "n_clicks"),
        Input({"type": ids.BUTTON_TABLE_PERSON, "id": ALL}, "n_clicks"),
        Input({"type": ids.BUTTON_RELATION, "id": ALL}, "n_clicks"),
        Input({"type": ids.BUTTON_SEARCH_HIT, "id": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
