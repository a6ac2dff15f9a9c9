"""Exports: pictures drawn in the browser, data files written here, the printable handout.

The PNG and the SVG are Cytoscape's own drawing of the view on screen, with a legend
added in the browser (``assets/export.js``), from a legend this module describes.
The data files come from ``exports.py``; the handout is components, printed by the
browser's own print (or ``page.pdf()``) through the print stylesheet.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update

from .. import ids
from ..classroom import handout
from ..exports import FORMATS, export, legend_spec
from ..graph import Network
from ..view import parse_query


def download(network: Network, search: str, trigger: object, clicks: list | None) -> object:
    """The file for the export button pressed; ``no_update`` when buttons were only drawn."""
    fmt = trigger.get("id") if isinstance(trigger, dict) else None
    if fmt not in FORMATS or not any(clicks or ()):
        return no_update
    file = export(network, parse_query(search, network.bounds), fmt)
    return dcc.send_bytes(file.content, file.filename, type=file.mimetype)


def handout_for(network: Network, search: str, clicks: int | None) -> object:
    return handout(network, parse_query(search, network.bounds)) if clicks else no_update


def register(app: Dash, network: Network) -> None:
    app.callback(Output(ids.STORE_LEGEND, "data"), Input(ids.URL, "search"))(
        lambda search: legend_spec(network, parse_query(search, network.bounds)))
    app.callback(Output(ids.DOWNLOAD_EXPORT, "data"),
                 Input({"type": ids.BUTTON_EXPORT, "id": ALL}, "n_clicks"),
                 State(ids.URL, "search"), prevent_initial_call=True)(
        lambda clicks, search: download(network, search, ctx.triggered_id, clicks))
    app.callback(Output(ids.DIV_HANDOUT, "children"), Input(ids.BUTTON_HANDOUT, "n_clicks"),
                 State(ids.URL, "search"), prevent_initial_call=True)(
        lambda clicks, search: handout_for(network, search, clicks))
    _clientside(app, "png", Input(ids.BUTTON_EXPORT_PNG, "n_clicks"),
                State(ids.STORE_LEGEND, "data"))
    _clientside(app, "svg", Input(ids.BUTTON_EXPORT_SVG, "n_clicks"),
                State(ids.STORE_LEGEND, "data"))
    _clientside(app, "printHandout", Input(ids.DIV_HANDOUT, "children"))


def _clientside(app: Dash, function: str, *inputs) -> None:
    """A browser-side export; it reports what it did in ``STORE_EXPORTED`` (e.g. the size)."""
    app.clientside_callback(
        ClientsideFunction(namespace="ivanovExport", function_name=function),
        Output(ids.STORE_EXPORTED, "data", allow_duplicate=True), *inputs,
        prevent_initial_call=True)
