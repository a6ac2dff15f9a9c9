"""The network as shown, for Gephi, Cytoscape desktop and spreadsheets: CSV, GEXF, GraphML.

Plain functions over a ``Network`` and a ``View`` (no Dash). The export holds what the
view draws: the filtered relations and, during the walk, those reached so far. It has
one edge per relation (a ``MultiDiGraph`` keyed by relation id), so nothing is lost to
the merging the screen does. The relation's type is exported as ``relation_type``:
GEXF and Gephi's spreadsheet import read a ``type`` as "directed" or "undirected".
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from .annotations import web_annotations
from .captions import caption, file_stem
from .drawing import positions_of
from .graph import Network, shown
from .legend import key
from .view import View

#: Characters XML 1.0 cannot hold at all (control characters): dropped from every export.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NODE_COLUMNS = ("id", "label", "kind", "faction", "faction_label", "uncertain", "x", "y")
EDGE_COLUMNS = ("id", "source", "target", "relation", "relation_type", "polarity", "claimant",
                "claimant_name", "period", "period_label", "year_from", "year_to", "quote",
                "citation", "document", "paragraph", "note", "against", "against_name")


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
    now = shown(network, view)
    rels = [corpus.relations[r] for r in corpus.relations if r in now.relations]
    nodes = now.nodes
    if network.walk.clamp(view.step):
        nodes = nodes & {a for r in rels for a in (r.source, r.target)}
    graph = nx.MultiDiGraph(name=_text(_title(network, view)))
    positions = positions_of(network, view)
    for person in (p for p in corpus.people.values() if p.id in nodes):
        faction = corpus.factions.get(person.faction)
        graph.add_node(person.id, label=_text(person.name), kind=person.kind,
                       faction=person.faction, faction_label=_text(faction.label if faction
                                                                   else person.faction),
                       uncertain=person.is_uncertain, x=float(positions[person.id][0]),
                       y=float(positions[person.id][1]))
    for rel in rels:
        claimant = corpus.people.get(rel.claimant)
        against = corpus.people.get(rel.against)
        period = corpus.periods.get(rel.period)
        graph.add_edge(
            rel.source, rel.target, key=rel.id, id=rel.id, relation=rel.id,
            label=rel.type, relation_type=rel.type, polarity=rel.polarity,
            claimant=rel.claimant, claimant_name=_text(claimant.name if claimant else ""),
            period=rel.period, period_label=_text(period.label if period else ""),
            year_from=rel.year_from, year_to=rel.year_to, quote=_text(rel.quote),
            citation=rel.citation, document=rel.document, paragraph=rel.paragraph,
            note=_text(rel.note), against=rel.against,
            against_name=_text(against.name if against else ""))
    return graph


def _title(network: Network, view: View) -> str:
    return f"{network.corpus.about.title}. {caption(network, view)}"


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


BOM = "\ufeff"  # Excel on Windows reads a CSV as UTF-8 only when it starts with one


def spreadsheet_csv(frame: pd.DataFrame) -> bytes:
    """The one way a table leaves the app for a spreadsheet: UTF-8 with a byte-order mark
    (so Excel shows ¶ and curly quotes), CRLF line ends, formulas neutralised."""
    safe = frame.apply(lambda column: column.map(spreadsheet_safe))
    return (BOM + safe.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


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
    "annotations": ("-annotations.jsonld", "application/ld+json"),
}


def export(network: Network, view: View, fmt: str) -> Export:
    """The file for one format; ``KeyError`` for a format not in ``FORMATS``."""
    ending, mimetype = FORMATS[fmt]
    if fmt == "annotations":
        return Export(file_stem(network, view) + ending, mimetype, json.dumps(
            web_annotations(network, view), ensure_ascii=False, indent=1).encode("utf-8"))
    graph = shown_graph(network, view)
    if fmt == "nodes-csv":
        content = spreadsheet_csv(nodes_frame(graph))
    elif fmt == "edges-csv":
        content = spreadsheet_csv(edges_frame(graph))
    elif fmt == "gexf":
        content = to_gexf(graph, {f.id: f.color for f in network.corpus.factions.values()})
    else:
        content = to_graphml(graph)
    return Export(file_stem(network, view) + ending, mimetype, content)


def legend_spec(network: Network, view: View) -> dict:
    """What an exported picture draws under the graph (``assets/export.js``): the corpus's
    title, the caption of the view, the key (``legend.key``), the source and caveat, and
    the file name."""
    about = network.corpus.about
    docs = list(network.corpus.documents.values())
    source = "; ".join(f"{d.title} ({d.archive_ref})" for d in docs[:2]) + \
        (f"; and {len(docs) - 2} more documents" if len(docs) > 2 else "")
    return {
        "title": _text(about.title),
        "caption": _text(caption(network, view)),
        "caveat": _text(about.caveat),
        "source": _text(source),
        "key": key(network, view),
        "stem": file_stem(network, view),
    }
