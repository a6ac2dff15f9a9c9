"""The table view: in the URL (``table=1``, the Table view button's action), shown in the
browser, filled by the server while open.

The browser passes the URL's query on to ``store-table-query`` only while the view is
open and only when what the table shows changed, so a closed table view costs no request.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from ...network.graph import Network
from ...network.view import parse_query
from .. import ids
from ..components.table import table_view


def rows(network: Network, query: object) -> list:
    """The list and the table for the query the browser passed on (``{"search": ...}``)."""
    if not isinstance(query, dict):
        raise PreventUpdate
    search = query.get("search")
    return table_view(network, parse_query(search if isinstance(search, str) else "",
                                           network.bounds))


def register(app: Dash, network: Network) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="tableView"),
        Output(ids.STORE_TABLE_VIEW, "data"),
        Output(ids.DIV_TABLE_VIEW, "hidden"),
        Output(ids.SECTION_GRAPH, "className"),
        Output(ids.BUTTON_TABLE_VIEW, "aria-pressed"),
        Output(ids.BUTTON_TABLE_VIEW, "children"),
        Input(ids.URL, "search"),
        State(ids.STORE_TABLE_VIEW, "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="tableQuery"),
        Output(ids.STORE_TABLE_QUERY, "data"),
        Input(ids.URL, "search"), Input(ids.STORE_TABLE_VIEW, "data"),
        State(ids.STORE_TABLE_QUERY, "data"),
        prevent_initial_call=True,
    )
    app.callback(Output(ids.DIV_TABLE_VIEW, "children"), Input(ids.STORE_TABLE_QUERY, "data"),
                 prevent_initial_call=True)(lambda query: rows(network, query))
