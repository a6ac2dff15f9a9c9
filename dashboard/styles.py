"""The Cytoscape stylesheet: faction colour and shape, polarity line and arrow."""

from __future__ import annotations

from .corpus.model import Corpus

#: Polarity drawn with colour, line style and arrowhead, so it survives greyscale.
POLARITY_STYLES: dict[str, dict[str, str]] = {
    "hostile": {"color": "#A50F15", "line": "solid", "arrow": "triangle"},
    "supportive": {"color": "#08519C", "line": "dashed", "arrow": "circle"},
    "neutral": {"color": "#525252", "line": "dotted", "arrow": "vee"},
    "mixed": {"color": "#54278F", "line": "solid", "arrow": "diamond"},
}


def stylesheet(corpus: Corpus) -> list[dict]:
    rules: list[dict] = [
        {"selector": "node", "style": {
            "label": "data(label)", "font-size": 14, "font-family": "sans-serif",
            "color": "#111", "text-valign": "bottom", "text-halign": "center",
            "text-margin-y": 5, "text-wrap": "wrap", "text-max-width": 120,
            "text-background-color": "#fff", "text-background-opacity": 0.85,
            "text-background-padding": 2, "text-background-shape": "roundrectangle",
            "width": 36, "height": 36, "border-width": 2, "border-color": "#222",
        }},
        {"selector": 'node[kind = "group"]', "style": {
            "background-opacity": 0.3, "border-width": 4, "font-style": "italic",
            "width": 30, "height": 30,
        }},
        {"selector": "node[?contested]", "style": {"border-style": "dashed"}},
        {"selector": "node[accused >= 5]", "style": {"width": 46, "height": 46}},
        {"selector": "node[accused >= 10]", "style": {"width": 58, "height": 58}},
        {"selector": 'node[kind = "faction"]', "style": {
            "shape": "round-rectangle", "background-opacity": 0.07, "border-width": 2,
            "text-valign": "top", "text-halign": "center", "text-margin-y": -6,
            "font-size": 18, "font-weight": "bold", "padding": 24, "events": "no",
        }},
        {"selector": "edge", "style": {
            "curve-style": "bezier", "width": "mapData(count, 1, 8, 2, 11)",
            "arrow-scale": 1.3, "target-arrow-fill": "filled", "label": "data(label)",
            "font-size": 12, "text-background-color": "#fff", "text-background-opacity": 0.9,
            "text-background-padding": 1, "opacity": 0.85,
        }},
    ]
    for faction in corpus.factions.values():
        rules.append({"selector": f'node[faction = "{faction.id}"]', "style": {
            "background-color": faction.color, "shape": faction.shape}})
        rules.append({"selector": f'node[kind = "group"][faction = "{faction.id}"]',
                      "style": {"border-color": faction.color}})
        rules.append({"selector": f'node[kind = "faction"][faction = "{faction.id}"]',
                      "style": {"border-color": faction.color, "shape": "round-rectangle"}})
    for polarity, style in POLARITY_STYLES.items():
        rules.append({"selector": f'edge[polarity = "{polarity}"]', "style": {
            "line-color": style["color"], "target-arrow-color": style["color"],
            "line-style": style["line"], "target-arrow-shape": style["arrow"]}})
    rules += [
        {"selector": "[?dim]", "style": {"opacity": 0.12, "text-opacity": 0.25}},
        {"selector": "node[?sel]", "style": {
            "border-width": 6, "border-color": "#000", "border-style": "double",
            "z-index": 10}},
        {"selector": "edge[?sel]", "style": {"opacity": 1, "z-index": 10,
                                             "underlay-color": "#FFD54F",
                                             "underlay-opacity": 0.8, "underlay-padding": 5}},
        {"selector": "[?hidden]", "style": {"display": "none"}},
    ]
    return rules
