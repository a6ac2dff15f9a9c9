"""The key to what a view draws, as data: the one legend the screen and every export share.

It follows the view: node colour is the declared faction or the detected community
(``view.color``), node size the number of accusations or a chosen measure
(``view.size``); shapes are always the factions', line style and arrowhead the
polarity's. ``web/components/legend.py`` draws it on screen, ``assets/export.js`` under
the PNG and SVG pictures, the handout on paper.
"""

from __future__ import annotations

from .analysis import community_labels, filtered_graph, measures, node_sizes
from .graph import Network
from .styles import ACCUSED_SIZES, BASE_SIZE, POLARITY_STYLES, community_color
from .view import MEASURES, View

MARKS = ("Pale fill, thick border: collective actor.",
         "Dashed border: faction label contested.",
         "(?) after a name: identification uncertain.",
         "Arrows run from the actor to the one acted upon; a thicker line and a number: "
         "several relations.")


def _sizes(network: Network, view: View) -> dict:
    """What node size means in ``view``: a measure from its least to its most, or the
    default steps by accusations received."""
    if view.size in MEASURES:
        values = measures(filtered_graph(network, view), (view.size,))[view.size].to_dict()
        if values:
            low, high = min(values.values()), max(values.values())
            px = node_sizes({"low": low, "high": high})
            fmt = (lambda v: f"{v:.3f}") if view.size in ("betweenness", "pagerank") else \
                (lambda v: str(int(v)))
            return {"title": f"Size: {MEASURES[view.size]}",
                    "steps": [{"label": fmt(low), "size": px["low"]},
                              {"label": fmt(high), "size": px["high"]}]}
    return {"title": "Size: hostile relations received (accused by)",
            "steps": [{"label": "0–4", "size": BASE_SIZE},
                      *({"label": f"{n} or more", "size": px} for n, px in ACCUSED_SIZES)]}


def _communities(network: Network, view: View) -> list[dict]:
    found = sorted({c for c in community_labels(network, view).values() if c >= 0})
    people = community_labels(network, view)
    out = [{"label": f"Group {c + 1} ({sum(1 for v in people.values() if v == c)})",
            "color": community_color(c)} for c in found]
    if any(v < 0 for v in people.values()):
        out.append({"label": "no relation shown", "color": community_color(-1)})
    return out


def key(network: Network, view: View) -> dict:
    """The legend of ``view``: colour, shape, size and line keys, and the other marks."""
    factions = [{"label": f.label, "color": f.color, "shape": f.shape,
                 "about": " ".join(t for t in (f.description, f.historians) if t)}
                for f in network.corpus.factions.values()]
    by_community = view.color == "community"
    return {
        "color": "community" if by_community else "faction",
        "factions": factions,
        "communities": _communities(network, view) if by_community else [],
        "polarities": [{"label": name, **style} for name, style in POLARITY_STYLES.items()],
        "size": _sizes(network, view),
        "marks": list(MARKS),
    }
