"""The network as shown, for Gephi, Cytoscape desktop and spreadsheets: CSV, GEXF, GraphML.

Plain functions over a ``Network`` and a ``View`` (no Dash). The export holds what the
view draws: the filtered relations and, during the walk, those reached so far. It has
one edge per relation (a ``MultiDiGraph`` keyed by relation id), so nothing is lost to
the merging the screen does. The relation's type is exported as ``relation_type``:
GEXF and Gephi's spreadsheet import read a ``type`` as "directed" or "undirected".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from .graph import Network, on_screen
from .styles import NEW_HALO, POLARITY_STYLES
from .view import View

#: Characters XML 1.0 cannot hold at all (control characters): dropped from every export.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NODE_COLUMNS = ("id", "label", "kind", "faction", "faction_label", "uncertain", "x", "y")
EDGE_COLUMNS = ("id", "source", "target", "relation", "relation_type", "polarity", "claimant",
                "claimant_name", "period", "period_label", "year_from", "year_to", "quote",
                "citation", "document", "paragraph", "note")


@dataclass(frozen=True)
class Export:
    """One file to download."""

    filename: str
    mimetype: str
    content: bytes


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def shown_graph(network: Network, view: View) -> nx.MultiDiGraph:
    """The network the view draws, with the corpus attributes, one edge per relation.

    During the walk, people not yet involved are left out (on screen they are faint).
    """
    corpus = network.corpus
    drawn = on_screen(network, view)
    rels = [corpus.relations[r] for r in corpus.relations if r in drawn.relations]
    nodes = drawn.nodes
    if network.walk.clamp(view.step):
        nodes = nodes & {a for r in rels for a in (r.source, r.target)}
    graph = nx.MultiDiGraph(name=_text(_title(network, view)))
    positions = network.positions[view.layout]
    for person in (p for p in corpus.people.values() if p.id in nodes):
        faction = corpus.factions.get(person.faction)
        graph.add_node(person.id, label=_text(person.name), kind=person.kind,
                       faction=person.faction, faction_label=_text(faction.label if faction
                                                                   else person.faction),
                       uncertain=person.is_uncertain, x=float(positions[person.id][0]),
                       y=float(positions[person.id][1]))
    for rel in rels:
        claimant = corpus.people.get(rel.claimant)
        period = corpus.periods.get(rel.period)
        graph.add_edge(
            rel.source, rel.target, key=rel.id, id=rel.id, relation=rel.id,
            label=rel.type, relation_type=rel.type, polarity=rel.polarity,
            claimant=rel.claimant, claimant_name=_text(claimant.name if claimant else ""),
            period=rel.period, period_label=_text(period.label if period else ""),
            year_from=rel.year_from, year_to=rel.year_to, quote=_text(rel.quote),
            citation=rel.citation, document=rel.document, paragraph=rel.paragraph,
            note=_text(rel.note))
    return graph


def _title(network: Network, view: View) -> str:
    step = network.walk.step(network.walk.clamp(view.step))
    doc = next(iter(network.corpus.documents.values()), None)
    base = doc.title if doc else "Network"
    return f"{base}, step {step.number}: {step.title}" if step else base


def nodes_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [{"id": node, **{c: data[c] for c in NODE_COLUMNS[1:]}}
            for node, data in graph.nodes(data=True)]
    return pd.DataFrame(rows, columns=list(NODE_COLUMNS))


def edges_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [{"source": s, "target": t, **{c: d[c] for c in EDGE_COLUMNS if c not in
                                           ("source", "target")}}
            for s, t, d in graph.edges(data=True)]
    return pd.DataFrame(rows, columns=list(EDGE_COLUMNS))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice
    against CSV injection); everything else is unchanged.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("Pak Il-u"), spreadsheet_safe(1955)
    ("'=HYPERLINK(1)", 'Pak Il-u', 1955)
    """
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _csv(frame: pd.DataFrame) -> bytes:
    safe = frame.apply(lambda column: column.map(spreadsheet_safe))
    return safe.to_csv(index=False, lineterminator="\n").encode("utf-8")


def to_gexf(graph: nx.MultiDiGraph, colors: dict[str, str]) -> bytes:
    """GEXF 1.2 with Gephi's ``viz`` position and faction colour on every node."""
    graph = graph.copy()
    for _, data in graph.nodes(data=True):
        rgb = colors.get(data["faction"], "#999999").lstrip("#")
        data["viz"] = {"position": {"x": data["x"], "y": -data["y"], "z": 0.0},
                       "color": {"r": int(rgb[0:2], 16), "g": int(rgb[2:4], 16),
                                 "b": int(rgb[4:6], 16), "a": 1.0}}
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer)
    return buffer.getvalue()


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, named_key_ids=True)
    return buffer.getvalue()


#: Format name -> (file name ending, media type); the names are the export buttons' ids.
FORMATS: dict[str, tuple[str, str]] = {
    "nodes-csv": ("-nodes.csv", "text/csv"),
    "edges-csv": ("-relations.csv", "text/csv"),
    "gexf": (".gexf", "application/gexf+xml"),
    "graphml": (".graphml", "application/graphml+xml"),
}


def export(network: Network, view: View, fmt: str) -> Export:
    """The file for one format; ``KeyError`` for a format not in ``FORMATS``."""
    ending, mimetype = FORMATS[fmt]
    graph = shown_graph(network, view)
    if fmt == "nodes-csv":
        content = _csv(nodes_frame(graph))
    elif fmt == "edges-csv":
        content = _csv(edges_frame(graph))
    elif fmt == "gexf":
        content = to_gexf(graph, {f.id: f.color for f in network.corpus.factions.values()})
    else:
        content = to_graphml(graph)
    return Export(file_stem(network, view) + ending, mimetype, content)


def file_stem(network: Network, view: View) -> str:
    """``ivanov-1955-12-07-network`` or ``…-network-step-7``: safe in any file system."""
    doc = next(iter(network.corpus.documents), "corpus")
    step = network.walk.clamp(view.step)
    return f"{doc}-network" + (f"-step-{step}" if step else "")


def caption(network: Network, view: View) -> str:
    """One line saying what the picture shows: the document, the step, the filters.

    >>> from dashboard import DEFAULT_DATA_DIR
    >>> from dashboard.corpus import load_valid_corpus
    >>> net = Network.build(load_valid_corpus(DEFAULT_DATA_DIR))
    >>> caption(net, View(step=8, polarities=("hostile",)))
    'Step 8 of 17: Hegai and Kim Yeol. Filtered: polarity hostile. 21 of 143 relations shown.'
    """
    parts = []
    step = network.walk.step(network.walk.clamp(view.step))
    if step:
        parts.append(f"Step {step.number} of {len(network.walk)}: {step.title}.")
    filters = [f"{name} {', '.join(values) or 'none'}" for name, values in (
        ("faction", view.factions), ("type", view.types), ("polarity", view.polarities),
        ("claimant", view.claimants), ("document", view.documents)) if values is not None]
    if view.years:
        filters.append(f"years {view.years[0]}–{view.years[1]}")
    if view.cell:
        filters.append(f"from {view.cell[0]} to {view.cell[1]}")
    if filters:
        parts.append("Filtered: " + "; ".join(filters) + ".")
    shown = len(on_screen(network, view).relations)
    parts.append(f"{shown} of {len(network.corpus.relations)} relations shown.")
    return " ".join(parts)


def legend_spec(network: Network, view: View) -> dict:
    """What the exported pictures draw as their legend (in ``assets/export.js``)."""
    doc = next(iter(network.corpus.documents.values()), None)
    source = f"{doc.title} ({doc.archive_ref})" if doc else ""
    notes = ["Arrows run from the actor to the one acted upon; a number counts relations.",
             "Pale fill, thick border: collective actor. Dashed border: faction contested. "
             "(?): identification uncertain."]
    if network.walk.clamp(view.step):
        notes.append("Halo: introduced in this step. Faint: not yet in the text.")
    return {
        "title": _text(doc.title if doc else "Network of relations"),
        "caption": _text(caption(network, view)),
        "source": _text(source),
        "factions": [{"label": _text(f.label), "color": f.color, "shape": f.shape}
                     for f in network.corpus.factions.values()],
        "polarities": [{"label": name, **style} for name, style in POLARITY_STYLES.items()],
        "notes": notes, "halo": NEW_HALO,
        "stem": file_stem(network, view),
    }
