"""The table view: opened and closed in the browser, filled by the server while open."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from .. import ids
from ..graph import Network
from ..table_view import table_view
from ..view import parse_query


def rows(network: Network, is_open: object, search: str | None) -> list:
    """The list and the table for the URL's view; nothing to do while the view is closed."""
    if not is_open:
        raise PreventUpdate
    return table_view(network, parse_query(search, network.bounds))


def register(app: Dash, network: Network) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="tableView"),
        Output(ids.STORE_TABLE_VIEW, "data"),
        Output(ids.DIV_TABLE_VIEW, "hidden"),
        Output(ids.SECTION_GRAPH, "className"),
        Output(ids.BUTTON_TABLE_VIEW, "aria-pressed"),
        Output(ids.BUTTON_TABLE_VIEW, "children"),
        Input(ids.BUTTON_TABLE_VIEW, "n_clicks"),
        State(ids.STORE_TABLE_VIEW, "data"),
        prevent_initial_call=True,
    )
    app.callback(Output(ids.DIV_TABLE_VIEW, "children"),
                 Input(ids.STORE_TABLE_VIEW, "data"), Input(ids.URL, "search"),
                 prevent_initial_call=True)(lambda is_open, search: rows(network, is_open, search))
