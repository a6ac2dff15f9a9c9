"""The side-panel tabs, the keys of the panels, the reader's document and the jump to a passage.

The tabs, the keys and the jump run in the browser (``assets/app.js``): a tab opens on a
tab button, on a selection (``store-selected-at``, bumped by the URL callback) or on a
citation (``store-jump``, set by the citation's click). ``panelKeys`` passes the URL on to
the open tab's panel only when the part of it that panel depends on changed
(``network.view.PANEL_IGNORES``). A citation of another document first switches the
reader's chooser; the server then renders that document.
"""

from __future__ import annotations

from functools import lru_cache

from dash import ClientsideFunction, Dash, Input, Output, State

from ...corpus.model import Corpus
from ...network.passages import PassageIndex
from .. import ids
from ..components.reader import reader_text

READER_CACHE = 64  # documents kept rendered


def register(app: Dash, corpus: Corpus, passages: PassageIndex) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="sidePanel"),
        Output(ids.STORE_TAB, "data"), Output(ids.DIV_SIDE, "className"),
        Output(ids.BUTTON_TAB_DETAIL, "aria-selected"),
        Output(ids.BUTTON_TAB_READER, "aria-selected"),
        Output(ids.BUTTON_TAB_ANALYSIS, "aria-selected"),
        Input(ids.BUTTON_TAB_DETAIL, "n_clicks"), Input(ids.BUTTON_TAB_READER, "n_clicks"),
        Input(ids.BUTTON_TAB_ANALYSIS, "n_clicks"), Input(ids.STORE_SELECTED_AT, "data"),
        Input(ids.STORE_JUMP, "data"), State(ids.STORE_TAB, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="panelKeys"),
        Output(ids.STORE_DETAIL_KEY, "data"), Output(ids.STORE_ANALYSIS_KEY, "data"),
        Input(ids.URL, "search"), Input(ids.STORE_TAB, "data"), Input(ids.STORE_FOLDS, "data"),
        State(ids.STORE_DETAIL_KEY, "data"), State(ids.STORE_ANALYSIS_KEY, "data"),
        State(ids.STORE_CONFIG, "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="ivanov", function_name="readerDocument"),
        Output(ids.DROPDOWN_READER_DOCUMENT, "value"),
        Input(ids.STORE_JUMP, "data"), State(ids.DROPDOWN_READER_DOCUMENT, "value"),
        prevent_initial_call=True,
    )

    app.clientside_callback(  # the document, passed on once the Document tab is open
        ClientsideFunction(namespace="ivanov", function_name="readerKey"),
        Output(ids.STORE_READER_KEY, "data"),
        Input(ids.STORE_TAB, "data"), Input(ids.DROPDOWN_READER_DOCUMENT, "value"),
        State(ids.STORE_READER_KEY, "data"),
    )

    @lru_cache(maxsize=READER_CACHE)
    def text(document_id: str) -> dict:
        return reader_text(corpus, passages, document_id)

    @app.callback(Output(ids.STORE_READER_TEXT, "data"),
                  Input(ids.STORE_READER_KEY, "data"), prevent_initial_call=True)
    def _text(document_id):
        """The document's text, sent the first time the Document tab shows it."""
        return text(document_id if isinstance(document_id, str) else "")

    app.clientside_callback(  # drawn in the browser, with text nodes only
        ClientsideFunction(namespace="ivanovLists", function_name="renderReader"),
        Output(ids.STORE_READER_DRAWN, "data"), Input(ids.STORE_READER_TEXT, "data"),
        prevent_initial_call=True)
