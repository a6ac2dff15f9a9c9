"""The detail panel for the selected person or relation, and the search results."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from .. import ids
from ..graph import Network
from ..panels import intro_panel, person_panel, relation_panel, search_results
from ..passages import PassageIndex
from ..search import SearchIndex
from ..view import parse_query


def detail(network: Network, passages: PassageIndex, search: str, shown: str | None) -> tuple:
    """The panel for the URL's selection, and that selection; ``no_update`` if it is shown.

    Filters change the URL too, but must not rebuild (and scroll back) an open panel.
    """
    view = parse_query(search, network.bounds)
    selection = f"person:{view.person}" if view.person else (
        f"relation:{view.relation}" if view.relation else "")
    if selection == shown:
        return no_update, no_update
    if view.person:
        return person_panel(network, passages, view.person), selection
    if view.relation:
        return relation_panel(network, passages, view.relation), selection
    return intro_panel(network.corpus), selection


def results(network: Network, index: SearchIndex, text: str | None) -> list:
    return search_results(network, index.search(text or "", limit=8))


def register(app: Dash, network: Network, passages: PassageIndex, index: SearchIndex) -> None:
    app.callback(Output(ids.DIV_DETAIL, "children"), Output(ids.STORE_SELECTED, "data"),
                 Input(ids.URL, "search"), State(ids.STORE_SELECTED, "data"))(
        lambda search, shown: detail(network, passages, search, shown))
    app.callback(Output(ids.LIST_SEARCH_RESULTS, "children"), Input(ids.INPUT_SEARCH, "value"))(
        lambda text: results(network, index, text))
