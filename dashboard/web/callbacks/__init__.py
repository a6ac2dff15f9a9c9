"""Wiring: each module defines plain functions; ``register`` binds them to one app.

The bound wrappers only read Dash's context and pass it on, so tests call the
module-level functions directly with a ``Network``.
"""

from __future__ import annotations

from dash import Dash

from ...network.graph import Network
from ...network.passages import PassageIndex
from ...network.search import SearchIndex
from . import analysis, detail, export, graph, reader, story, table, url

#: Every control that mirrors the view, and what every ``data-action`` button can do.
CONTROLS = url.CORE_CONTROLS + analysis.CONTROLS
ACTIONS = url.CORE_ACTIONS + analysis.ACTIONS + story.ACTIONS


def register(app: Dash, network: Network) -> None:
    url.register(app, network, CONTROLS, ACTIONS)
    passages = PassageIndex(network.corpus)
    graph.register(app, network)
    detail.register(app, network, passages, SearchIndex.build(network.corpus))
    reader.register(app, network.corpus, passages)
    analysis.register(app, network)
    story.register(app, network)
    export.register(app, network)
    table.register(app, network)
