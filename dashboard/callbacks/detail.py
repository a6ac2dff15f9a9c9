"""The detail panel for the selected person or relation, and the search results."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

from dash import ALL, Dash, Input, Output, State, no_update
from plotly.io.json import to_json_plotly

from .. import ids
from ..graph import Network
from ..panels import SEARCH_SLOTS, intro_panel, person_panel, relation_panel, search_results
from ..passages import PassageIndex
from ..search import SearchIndex
from ..view import parse_query


def panel(network: Network, passages: PassageIndex, selection: str) -> list:
    """The panel for ``person:<id>``, ``relation:<id>`` or nothing selected (``""``)."""
    kind, _, key = selection.partition(":")
    if kind == "person" and key in network.corpus.people:
        return person_panel(network, passages, key)
    if kind == "relation" and key in network.corpus.relations:
        return relation_panel(network, passages, key)
    return intro_panel(network.corpus, network.bounds.start)


def detail(network: Network, passages: PassageIndex, search: str, shown: str | None,
           render: Callable[[str], object] | None = None) -> tuple:
    """The panel for the URL's selection, and that selection; ``no_update`` if it is shown.

    Filters change the URL too, but must not rebuild (and scroll back) an open panel.
    """
    view = parse_query(search, network.bounds)
    selection = f"person:{view.person}" if view.person else (
        f"relation:{view.relation}" if view.relation else "")
    if selection == shown:
        return no_update, no_update
    return (render or (lambda s: panel(network, passages, s)))(selection), selection


def results(network: Network, index: SearchIndex, text: str | None) -> tuple:
    return search_results(network, index.search(text or "", limit=SEARCH_SLOTS))


def register(app: Dash, network: Network, passages: PassageIndex, index: SearchIndex) -> None:
    @lru_cache(maxsize=256)
    def rendered(selection: str) -> list:
        """A panel depends only on the selection: build it once, keep it as plain JSON
        (serialising a few hundred components on every click is most of the cost)."""
        return json.loads(to_json_plotly(panel(network, passages, selection)))

    app.callback(Output(ids.DIV_DETAIL, "children"), Output(ids.STORE_SELECTED, "data"),
                 Input(ids.URL, "search"), State(ids.STORE_SELECTED, "data"))(
        lambda search, shown: detail(network, passages, search, shown, rendered))
    app.callback(Output({"type": ids.ITEM_SEARCH_HIT, "id": ALL}, "hidden"),
                 Output({"type": ids.BUTTON_SEARCH_HIT, "id": ALL}, "children"),
                 Output({"type": ids.BUTTON_SEARCH_HIT, "id": ALL}, "value"),
                 Output(ids.LIST_SEARCH_RESULTS, "className"),
                 Input(ids.INPUT_SEARCH, "value"))(lambda text: results(network, index, text))
