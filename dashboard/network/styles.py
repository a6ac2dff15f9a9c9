"""The Cytoscape stylesheet: faction colour and shape, polarity line and arrow."""

from __future__ import annotations

from ..corpus.model import Corpus

#: Polarity drawn with colour, line style and arrowhead, so it survives greyscale.
POLARITY_STYLES: dict[str, dict[str, str]] = {
    "hostile": {"color": "#A50F15", "line": "solid", "arrow": "triangle"},
    "supportive": {"color": "#08519C", "line": "dashed", "arrow": "circle"},
    "neutral": {"color": "#525252", "line": "dotted", "arrow": "vee"},
    "mixed": {"color": "#54278F", "line": "solid", "arrow": "diamond"},
}
#: Detected communities (Paul Tol's colour-blind-safe "muted" scheme); the node keeps its
#: faction's shape, so community and faction can be read together.
COMMUNITY_COLORS: tuple[str, ...] = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
                                     "#882255", "#44AA99", "#999933", "#AA4499")
COMMUNITY_OTHER = "#DDDDDD"  # communities beyond the palette
COMMUNITY_NONE = "#FFFFFF"  # people shown without any relation
#: A node's width in pixels, and the larger widths for the much accused: (accused by, px).
BASE_SIZE = 30
ACCUSED_SIZES: tuple[tuple[int, int], ...] = ((5, 40), (10, 50))


def community_color(community: int) -> str:
    if community < 0:
        return COMMUNITY_NONE
    return COMMUNITY_COLORS[community] if community < len(COMMUNITY_COLORS) else COMMUNITY_OTHER


def analysis_rules() -> list[dict]:
    """Node size from a chosen measure and colour from the detected community.

    The fields are null unless the view asks for them; a comparison never matches null.
    """
    rules: list[dict] = [{"selector": "node[size > 0]", "style": {
        "width": "data(size)", "height": "data(size)"}}]
    rules.append({"selector": "node[community < 0]",
                  "style": {"background-color": COMMUNITY_NONE}})
    rules += [{"selector": f"node[community = {i}]", "style": {"background-color": color}}
              for i, color in enumerate(COMMUNITY_COLORS)]
    rules.append({"selector": f"node[community >= {len(COMMUNITY_COLORS)}]",
                  "style": {"background-color": COMMUNITY_OTHER}})
    return rules


#: While a person or relation is selected, everything else fades: one rule that the
#: stylesheet carries only then, so a selection patches the few ``lit`` elements of its
#: neighbourhood instead of a ``dim`` flag on every other element (30,000 at scale).
#: Faction boxes never fade.
DIM_RULE = {"selector": 'node[kind != "faction"][!lit], edge[!lit]',
            "style": {"opacity": 0.12, "text-opacity": 0.25}}


#: Pictures for paper (the handout, the page printed) show the whole network, undimmed:
#: the browser gives every element this class while it draws them (assets/export.js).
UNDIM_RULE = {"selector": "node.undim, edge.undim", "style": {"opacity": 1, "text-opacity": 1}}


def stylesheet(corpus: Corpus, dimming: bool = False) -> list[dict]:
    """The rules in order (a later rule wins); ``dimming`` adds ``DIM_RULE``."""
    rules: list[dict] = [
        {"selector": "node", "style": {
            "label": "", "font-size": 14, "font-family": "sans-serif",
            "color": "#111", "text-valign": "bottom", "text-halign": "center",
            "text-margin-y": 5, "text-wrap": "wrap", "text-max-width": 120,
            "text-background-color": "#fff", "text-background-opacity": 0.85,
            "text-background-padding": 2, "text-background-shape": "roundrectangle",
            "width": BASE_SIZE, "height": BASE_SIZE, "border-width": 2, "border-color": "#222",
        }},
        # The browser chooses which labels to draw and sizes them for the screen
        # (assets/labels.js): only nodes and edges with the class ``lbl`` show theirs.
        {"selector": "node.lbl", "style": {"label": "data(label)", "z-index": 4}},
        {"selector": 'node[kind = "group"]', "style": {
            "background-opacity": 0.3, "border-width": 4, "font-style": "italic",
            "width": 30, "height": 30,
        }},
        {"selector": "node[?contested]", "style": {"border-style": "dashed"}},
        *({"selector": f"node[accused >= {n}]", "style": {"width": px, "height": px}}
          for n, px in ACCUSED_SIZES),
        {"selector": 'node[kind = "faction"]', "style": {
            "shape": "round-rectangle", "background-opacity": 0.07, "border-width": 2,
            "text-valign": "top", "text-halign": "center", "text-margin-y": -6,
            "font-size": 18, "font-weight": "bold", "padding": 24, "events": "no",
        }},
        {"selector": "edge", "style": {
            "curve-style": "bezier", "width": "mapData(count, 1, 8, 2, 11)",
            "arrow-scale": 1.3, "target-arrow-fill": "filled", "label": "",
            "font-size": 12, "text-background-color": "#fff", "text-background-opacity": 0.9,
            "text-background-padding": 1, "opacity": 0.85,
        }},
        {"selector": "edge.lbl", "style": {"label": "data(label)"}},
        {"selector": "node.hl", "style": {"border-width": 4, "z-index": 9}},
        {"selector": "edge.hl", "style": {"opacity": 1, "z-index": 9, "underlay-color": "#9ec5fe",
                                          "underlay-opacity": 0.7, "underlay-padding": 4}},
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
    rules += analysis_rules()
    rules += walk_rules()
    rules += [
        *([DIM_RULE, UNDIM_RULE] if dimming else []),
        {"selector": "node[?sel]", "style": {
            "border-width": 6, "border-color": "#000", "border-style": "double",
            "z-index": 10}},
        {"selector": "edge[?sel]", "style": {"opacity": 1, "z-index": 10,
                                             "underlay-color": "#FFD54F",
                                             "underlay-opacity": 0.8, "underlay-padding": 5}},
        {"selector": "[?hidden]", "style": {"display": "none"}},
    ]
    return rules


#: What a step of the guided walk introduces: a warm halo that survives greyscale as a
#: thick light ring around the node or line.
NEW_HALO = "#FFB000"


def walk_rules() -> list[dict]:
    """The walk's ``future`` (not reached yet: faint, unlabelled), ``new`` (introduced by
    this step: haloed, always labelled) and ``past`` (earlier steps: quieter) flags, and
    the projector's ``big`` marks (label sizes come from ``assets/labels.js``).

    Edges not reached yet are also ``hidden``, so only nodes need a ``future`` style.
    """
    return [
        {"selector": "node[?big]", "style": {
            "text-background-opacity": 0.92, "border-width": 3}},
        {"selector": "edge[?big]", "style": {"font-weight": "bold", "arrow-scale": 1.6,
                                             "opacity": 1,
                                             "width": "mapData(count, 1, 8, 4, 14)"}},
        {"selector": "node[?future]", "style": {
            "opacity": 0.15, "text-opacity": 0, "text-background-opacity": 0}},
        {"selector": "node[?new]", "style": {
            "underlay-color": NEW_HALO, "underlay-opacity": 0.75, "underlay-padding": 9,
            "underlay-shape": "ellipse", "z-index": 6}},
        {"selector": "edge[?past]", "style": {"opacity": 0.45}},
        {"selector": "edge[?new]", "style": {
            "underlay-color": NEW_HALO, "underlay-opacity": 0.6, "underlay-padding": 6,
            "opacity": 1, "z-index": 5}},
    ]
