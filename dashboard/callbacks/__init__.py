"""Wiring: each module defines plain functions; ``register`` binds them to one app.

The bound wrappers only read Dash's context and pass it on, so tests call the
module-level functions directly with a ``Network``.
"""

from __future__ import annotations

from dash import Dash

from ..graph import Network
from ..passages import PassageIndex
from ..search import SearchIndex
from . import analysis, detail, graph, reader, view
from . import export as export_callbacks
from . import story as story_callbacks
from . import table_view as table_callbacks


def register(app: Dash, network: Network) -> None:
    passages = PassageIndex(network.corpus)
    search = SearchIndex.build(network.corpus)
    view.register(app, network, view.CORE_CONTROLS + analysis.CONTROLS,
                  view.core_events(search) + analysis.EVENTS + story_callbacks.EVENTS)
    graph.register(app, network)
    detail.register(app, network, passages, search)
    reader.register(app, network.corpus)
    analysis.register(app, network)
    story_callbacks.register(app, network)
    export_callbacks.register(app, network)
    table_callbacks.register(app, network)
