"""The legend on screen, drawn from the view's key (``network.legend.key``): it follows the
colouring (factions or detected communities) and shows what node size means."""

from __future__ import annotations

from dash import html

from ...network.graph import Network
from ...network.legend import key
from ...network.view import View


def _shape(shape: str, color: str, extra: str = "") -> html.Span:
    return html.Span(className=f"swatch shape-{shape} {extra}".strip(),
                     style={"backgroundColor": color})


def _line(p: dict) -> html.Li:
    return html.Li([html.Span(className=f"line line-{p['line']} arrow-{p['arrow']}",
                              style={"borderTopColor": p["color"], "color": p["color"]}),
                    p["label"]])


def _colours(spec: dict) -> list:
    if spec["color"] == "community":
        shapes = [html.Li([_shape(f["shape"], "#ffffff"), f["label"]])
                  for f in spec["factions"]]
        groups = [html.Li([html.Span(className="swatch swatch-community",
                                     style={"backgroundColor": c["color"]}), c["label"]])
                  for c in spec["communities"]]
        return [html.P("Colour: detected community (see Analysis). Shape: faction.",
                       className="legend-head"),
                html.Ul(groups, className="legend-communities"),
                html.Ul(shapes, className="legend-factions")]
    return [html.P("Colour and shape: faction.", className="legend-head visually-hidden"),
            html.Ul([html.Li([_shape(f["shape"], f["color"]), f["label"]])
                     for f in spec["factions"]], className="legend-factions")]


def _sizes(spec: dict) -> html.Div:
    size = spec["size"]
    steps = [html.Li([html.Span(className="size-dot", style={
        "width": f"{s['size'] / 3:.0f}px", "height": f"{s['size'] / 3:.0f}px"}), s["label"]])
        for s in size["steps"]]
    return html.Div([html.Span(size["title"] + ":", className="legend-sub"),
                     html.Ul(steps, className="legend-sizes")], className="legend-size")


def legend(network: Network, view: View) -> list:
    spec = key(network, view)
    return [html.Details([
        html.Summary("Legend", className="legend-title"),
        html.Div([
            *_colours(spec),
            html.Ul([*(_line(p) for p in spec["polarities"]),
                     html.Li([html.Span(className="swatch swatch-group"), "collective actor"]),
                     html.Li([html.Span(className="swatch swatch-contested"),
                              "faction label contested"]),
                     html.Li("(?) identification uncertain"),
                     html.Li("thicker edge, number: several relations")],
                    className="legend-lines"),
            _sizes(spec),
        ], className="legend-body"),
    ], open=True)]
