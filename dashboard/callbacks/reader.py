"""The side-panel tabs, the reader's document and the jump to a passage.

The tabs and the jump run in the browser (``assets/app.js``); a citation of another
document first switches the reader's chooser, then the server renders that document.
"""

from __future__ import annotations

from functools import lru_cache

from dash import ALL, ClientsideFunction, Dash, Input, Output, State

from .. import ids
from ..corpus.model import Corpus
from ..panels import reader_text

READER_CACHE = 64  # documents kept rendered


def register(app: Dash, corpus: Corpus) -> None:
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
        Input({"type": ids.BUTTON_LIST_PERSON, "id": ALL}, "n_clicks"),
        Input({"type": ids.BUTTON_LIST_RELATION, "id": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="readerDocument"),
        Output(ids.DROPDOWN_READER_DOCUMENT, "value"),
        Input({"type": ids.BUTTON_PASSAGE, "id": ALL}, "n_clicks"),
        State(ids.DROPDOWN_READER_DOCUMENT, "value"),
        prevent_initial_call=True,
    )

    @lru_cache(maxsize=READER_CACHE)
    def text(document_id: str) -> list:
        return reader_text(corpus, document_id)

    @app.callback(Output(ids.DIV_READER_TEXT, "children"),
                  Input(ids.DROPDOWN_READER_DOCUMENT, "value"))
    def _text(document_id):
        return text(document_id if isinstance(document_id, str) else "")
