"""The table view: in the URL (``table=1``, the Table view button's action), shown in the
browser, filled by the server while open.

The browser passes the URL's query on to ``store-table-query`` only while the view is
open and only when what the table shows changed, so a closed table view costs no request.
The server answers with the rows as data (``components/table.py``), which the browser
draws (``renderTable`` in ``assets/lists.js``).
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from ...network.graph import Network
from ...network.view import parse_query
from .. import ids
from ..components.table import table_rows


def rows(network: Network, query: object) -> dict:
    """The rows for the query the browser passed on (``{"search": ...}``)."""
    if not isinstance(query, dict) or "search" not in query:
        raise PreventUpdate
    search = query.get("search")
    return table_rows(network, parse_query(search if isinstance(search, str) else "",
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
    app.callback(Output(ids.STORE_TABLE_ROWS, "data"), Input(ids.STORE_TABLE_QUERY, "data"),
                 prevent_initial_call=True)(lambda query: rows(network, query))
    app.clientside_callback(
        ClientsideFunction(namespace="ivanovLists", function_name="renderTable"),
        Output(ids.STORE_TABLE_DRAWN, "data"), Input(ids.STORE_TABLE_ROWS, "data"),
        prevent_initial_call=True)
