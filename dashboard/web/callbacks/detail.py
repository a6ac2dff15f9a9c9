"""The Details tab (the selected person or relation, or the introduction) and the search.

The Details tab is drawn for ``store-detail-key``: the part of the URL it depends on
(the selection, and the filters when something is selected), which the browser passes
on only while the tab is open and only when it changed (``panelKeys`` in
``assets/app.js``). A click that changes neither posts nothing here. The panel goes to
the browser as plain lists (``components/plain.py``) and ``assets/lists.js`` draws it:
as Dash components, a person's panel kept the browser busy for seconds.
"""

from __future__ import annotations

from functools import lru_cache

from dash import ClientsideFunction, Dash, Input, Output

from ...network.graph import Network
from ...network.passages import PassageIndex
from ...network.search import SearchIndex
from ...network.view import parse_query
from .. import ids
from ..components.detail import intro_panel, person_panel, relation_panel
from ..components.plain import plain
from ..components.search import SEARCH_LIMIT, search_results


def panel(network: Network, passages: PassageIndex, key: str | None) -> list:
    """The panel for the view in ``key`` (a query string): its person, its relation, or
    the introduction when nothing is selected."""
    view = parse_query(key, network.bounds)
    if view.person:
        return person_panel(network, passages, view)
    if view.relation:
        return relation_panel(network, passages, view)
    return intro_panel(network.corpus, network.bounds.start)


def results(network: Network, index: SearchIndex, text: object) -> tuple[list, str]:
    """The result list for the search box's text, and the list's class."""
    text = text if isinstance(text, str) else ""
    return search_results(network, index.search(text, limit=SEARCH_LIMIT), text)


def register(app: Dash, network: Network, passages: PassageIndex, index: SearchIndex) -> None:
    @lru_cache(maxsize=256)
    def rendered(key: str) -> object:
        """A panel depends only on its key: build it once, keep it as plain lists."""
        return plain(panel(network, passages, key))

    @app.callback(Output(ids.STORE_DETAIL_PANEL, "data"), Input(ids.STORE_DETAIL_KEY, "data"),
                  prevent_initial_call=True)
    def _detail(key):
        return rendered(key if isinstance(key, str) else "")

    app.clientside_callback(  # drawn in the browser, with text nodes only (the intro too)
        ClientsideFunction(namespace="ivanovLists", function_name="renderDetail"),
        Output(ids.STORE_DETAIL_DRAWN, "data"), Input(ids.STORE_DETAIL_PANEL, "data"))

    app.callback(Output(ids.LIST_SEARCH_RESULTS, "children"),
                 Output(ids.LIST_SEARCH_RESULTS, "className"),
                 Input(ids.INPUT_SEARCH, "value"), prevent_initial_call=True)(
        lambda text: results(network, index, text))
