"""The legend on screen, drawn from the view's key (``network.legend.key``): it follows the
colouring (factions or detected communities) and shows what node size means.

It is one strip under the graph: the colours and shapes, the line styles and the sizes;
the rarer marks fold away behind "More".
"""

from __future__ import annotations

import json

from dash import html

from ...network.graph import Network, counts
from ...network.legend import key
from ...network.view import View
from .plain import plain


def _shape(shape: str, color: str) -> html.Span:
    return html.Span(className=f"swatch shape-{shape}", style={"backgroundColor": color})


def _faction(f: dict, color: str) -> html.Li:
    """A faction's swatch and label; pointing at it tells what the label means here."""
    return html.Li([_shape(f["shape"], color), f["label"]], title=f.get("about") or None)


def _line(p: dict) -> html.Li:
    return html.Li([html.Span(className=f"line line-{p['line']} arrow-{p['arrow']}",
                              style={"borderTopColor": p["color"], "color": p["color"]}),
                    p["label"]])


def _colours(spec: dict) -> list:
    if spec["color"] == "community":
        return [html.Ul([html.Li([html.Span(className="swatch swatch-community",
                                            style={"backgroundColor": c["color"]}), c["label"]])
                         for c in spec["communities"]], className="legend-communities",
                        **{"aria-label": "Colour: detected community"}),
                html.Ul([_faction(f, "#ffffff") for f in spec["factions"]],
                        className="legend-factions",
                        **{"aria-label": "Shape: faction"})]
    return [html.Ul([_faction(f, f["color"]) for f in spec["factions"]],
                    className="legend-factions",
                    **{"aria-label": "Colour and shape: faction"})]


def _sizes(spec: dict) -> html.Ul:
    size = spec["size"]
    steps = [html.Li([html.Span(className="size-dot", style={
        "width": f"{s['size'] / 3:.0f}px", "height": f"{s['size'] / 3:.0f}px"}), s["label"]])
        for s in size["steps"]]
    return html.Ul([html.Li(size["title"] + ":", className="legend-sub"), *steps],
                   className="legend-sizes")


def legend(network: Network, view: View) -> list:
    spec = key(network, view)
    head = ("Colour: detected community; shape: faction." if spec["color"] == "community"
            else "Colour and shape: faction.")
    return [html.Div([
        html.P(head, className="legend-head visually-hidden"),
        *_colours(spec),
        html.Ul([_line(p) for p in spec["polarities"]], className="legend-lines"),
        _sizes(spec),
        html.Details([html.Summary("More"), html.Ul([
            html.Li([html.Span(className="swatch swatch-group"), "collective actor"]),
            html.Li([html.Span(className="swatch swatch-contested"), "faction label contested"]),
            html.Li("(?) identification uncertain"),
            html.Li("thicker edge, number: several relations"),
            html.Li("hover a node for its name; zoom in for more names"),
            *(html.Li([html.Strong(f["label"] + ": "), f["about"]], className="legend-about")
              for f in spec["factions"] if f.get("about"))],
            className="legend-marks")], className="legend-more"),
    ], className="legend-body", role="group", **{"aria-label": "Legend"})]


def legend_json(network: Network, view: View) -> str:
    """The legend as plain lists in JSON: the ``data-legend`` attribute of the legend's
    box, which ``assets/lists.js`` draws (54 Dash components fewer on the page, each of
    them checked by Dash's renderer on every update)."""
    return json.dumps(plain(legend(network, view)), ensure_ascii=False,
                      separators=(",", ":"))


def counts_text(network: Network, view: View) -> str:
    """``55 of 56 people and groups, 160 of 168 relations``; during the walk, what it has
    reached so far."""
    people, relations = counts(network, view)
    total_p, total_r = len(network.corpus.people), len(network.corpus.relations)
    step = network.walk.clamp(view.step)
    if step:
        return (f"Step {step}: {people} of {total_p} people and groups, {relations} of "
                f"{total_r} relations reached")
    return (f"{people} of {total_p} people and groups, "
            f"{relations} of {total_r} relations")
