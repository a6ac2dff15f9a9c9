"""Exports: pictures drawn in the browser, data files written here, the printable handout.

The PNG and the SVG are Cytoscape's own drawing of the view on screen, with a legend
added in the browser (``assets/export.js``). The legend is described here, only when a
picture is asked for (one request per export, none per click elsewhere). The data files
come from ``network/exports.py``; the handout is components, printed by the browser's own
print (or ``page.pdf()``) through the print stylesheet.
"""

from __future__ import annotations

import time

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update

from ...network.exports import FORMATS, export, legend_spec
from ...network.graph import Network
from ...network.view import parse_query
from .. import ids
from ..components.classroom import handout

PICTURES = {ids.BUTTON_EXPORT_PNG: "png", ids.BUTTON_EXPORT_SVG: "svg"}


def download(network: Network, search: str | None, trigger: object,
             clicks: list | None) -> object:
    """The file for the export button pressed; ``no_update`` when buttons were only drawn."""
    fmt = trigger.get("id") if isinstance(trigger, dict) else None
    if fmt not in FORMATS or not any(clicks or ()):
        return no_update
    file = export(network, parse_query(search, network.bounds), fmt)
    return dcc.send_bytes(file.content, file.filename, type=file.mimetype)


def picture(network: Network, search: str | None, trigger: object) -> object:
    """What the browser needs to draw a picture of the graph: its format and legend."""
    if trigger not in PICTURES:
        return no_update
    return {"format": PICTURES[trigger], "at": time.time(),
            "legend": legend_spec(network, parse_query(search, network.bounds))}


def handout_for(network: Network, search: str | None, clicks: int | None) -> object:
    return handout(network, parse_query(search, network.bounds)) if clicks else no_update


def register(app: Dash, network: Network) -> None:
    app.callback(Output(ids.STORE_PICTURE, "data"),
                 Input(ids.BUTTON_EXPORT_PNG, "n_clicks"), Input(ids.BUTTON_EXPORT_SVG, "n_clicks"),
                 State(ids.URL, "search"), prevent_initial_call=True)(
        lambda png, svg, search: picture(network, search, ctx.triggered_id))
    app.callback(Output(ids.DOWNLOAD_EXPORT, "data"),
                 Input({"type": ids.BUTTON_EXPORT, "id": ALL}, "n_clicks"),
                 State(ids.URL, "search"), prevent_initial_call=True)(
        lambda clicks, search: download(network, search, ctx.triggered_id, clicks))
    app.callback(Output(ids.DIV_HANDOUT, "children"), Input(ids.BUTTON_HANDOUT, "n_clicks"),
                 State(ids.URL, "search"), prevent_initial_call=True)(
        lambda clicks, search: handout_for(network, search, clicks))
    for function, trigger in (("picture", Input(ids.STORE_PICTURE, "data")),
                              ("printHandout", Input(ids.DIV_HANDOUT, "children"))):
        app.clientside_callback(  # reports what it did in STORE_EXPORTED (e.g. the size)
            ClientsideFunction(namespace="ivanovExport", function_name=function),
            Output(ids.STORE_EXPORTED, "data", allow_duplicate=True), trigger,
            prevent_initial_call=True)
