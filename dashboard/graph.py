"""The network: people as nodes, relations merged per directed pair, filtered per view.

Built once per corpus (``Network.build``). Filtering never moves a node: every
element is always present and a view only flips its ``hidden``/``dim``/``sel``
data, so the client keeps positions and the server sends a small patch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from .corpus.model import Corpus, Relation
from .layouts import compute_positions
from .story import Walk
from .view import Bounds, View

PARENT_PREFIX = "faction__"


@dataclass(frozen=True)
class Edge:
    """All relations from one actor to another, drawn as one edge."""

    id: str
    source: str
    target: str
    relations: tuple[str, ...]


def edge_id(source: str, target: str) -> str:
    """People ids are slugs without underscores, so ``__`` cannot be ambiguous."""
    return f"{source}__{target}"


@dataclass(frozen=True)
class Visible:
    """What a view shows: relation ids and node ids."""

    relations: frozenset[str]
    nodes: frozenset[str]


@dataclass
class Network:
    corpus: Corpus
    bounds: Bounds
    edges: dict[str, Edge]
    edge_of: dict[str, str]
    accused: Counter[str]
    positions: dict[str, dict[str, tuple[float, float]]]
    walk: Walk = field(default_factory=Walk)

    @classmethod
    def build(cls, corpus: Corpus) -> Network:
        pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
        for rel in corpus.relations.values():
            pairs[(rel.source, rel.target)].append(rel.id)
        edges = {edge_id(s, t): Edge(edge_id(s, t), s, t, tuple(ids))
                 for (s, t), ids in pairs.items()}
        edge_of = {rid: e.id for e in edges.values() for rid in e.relations}
        accused = Counter(r.target for r in corpus.relations.values() if r.polarity == "hostile")
        graph = to_networkx(corpus)
        walk = Walk.of(corpus)
        return cls(corpus, Bounds.of(corpus, len(walk)), edges, edge_of, accused,
                   compute_positions(graph, corpus, accused), walk)

    def relations_of(self, edge: str) -> list[Relation]:
        return [self.corpus.relations[r] for r in self.edges[edge].relations]


def to_networkx(corpus: Corpus, relations: list[Relation] | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph with one edge per relation, carrying the corpus attributes."""
    graph = nx.MultiDiGraph()
    for person in corpus.people.values():
        graph.add_node(person.id, label=person.name, faction=person.faction, kind=person.kind)
    for rel in corpus.relations.values() if relations is None else relations:
        graph.add_edge(rel.source, rel.target, key=rel.id, type=rel.type,
                       polarity=rel.polarity, claimant=rel.claimant, period=rel.period)
    return graph


def relation_passes(rel: Relation, view: View, faction_of: dict[str, str]) -> bool:
    """Whether one relation survives the view's filters (selection plays no part)."""
    if view.documents is not None and rel.document not in view.documents:
        return False
    if view.cell and (faction_of[rel.source], faction_of[rel.target]) != view.cell:
        return False
    if view.types is not None and rel.type not in view.types:
        return False
    if view.polarities is not None and rel.polarity not in view.polarities:
        return False
    if view.claimants is not None and rel.claimant not in view.claimants:
        return False
    if view.years and (rel.year_to < view.years[0] or rel.year_from > view.years[1]):
        return False
    if view.factions is None:
        return True
    ends = (faction_of[rel.source] in view.factions, faction_of[rel.target] in view.factions)
    return all(ends) if view.mode == "between" else any(ends)


def visible(network: Network, view: View) -> Visible:
    people = network.corpus.people
    faction_of = {p.id: p.faction for p in people.values()}
    relations = frozenset(r.id for r in network.corpus.relations.values()
                          if relation_passes(r, view, faction_of))
    ends = {e for rid in relations for e in (network.corpus.relations[rid].source,
                                              network.corpus.relations[rid].target)}
    if view.hide_isolated:
        nodes = frozenset(ends)
    else:
        chosen = view.factions
        nodes = frozenset(p.id for p in people.values() if chosen is None or p.faction in chosen)
        nodes |= ends
    return Visible(relations, nodes)


def _polarity(rels: list[Relation]) -> str:
    kinds = {r.polarity for r in rels}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def focus(network: Network, view: View, shown: Visible) -> tuple[set[str], set[str]]:
    """The nodes and edges to keep bright around the selection; empty sets when none."""
    if view.person in network.corpus.people:
        edges = {network.edge_of[r] for r in shown.relations
                 if view.person in (network.corpus.relations[r].source,
                                    network.corpus.relations[r].target)}
        nodes = {view.person} | {n for e in edges for n in (network.edges[e].source,
                                                            network.edges[e].target)}
        return nodes, edges
    if view.relation in network.corpus.relations:
        edge = network.edges[network.edge_of[view.relation]]
        return {edge.source, edge.target}, {edge.id}
    return set(), set()


def elements(network: Network, view: View) -> list[dict]:
    """Every Cytoscape element in a fixed order: faction boxes, people, edges.

    Hidden elements stay in the list with ``hidden: True``, so indices are stable and
    a filter change can be sent as a patch of the few fields that changed.
    """
    corpus = network.corpus
    shown = on_screen(network, view)
    bright_nodes, bright_edges = focus(network, view, shown)
    dimming = bool(bright_nodes)
    positions = network.positions[view.layout]
    from .analysis import node_styling  # analysis builds on this module: import on use
    community, size = node_styling(network, view)
    grouped = view.layout == "faction"
    out: list[dict] = []
    for faction in corpus.factions.values():
        members = any(p in shown.nodes for p in corpus.people if
                      corpus.people[p].faction == faction.id)
        out.append({"data": {"id": PARENT_PREFIX + faction.id, "label": faction.label,
                             "faction": faction.id, "kind": "faction",
                             "hidden": not (grouped and members)}})
    for person in corpus.people.values():
        x, y = positions[person.id]
        out.append({"data": {
            "id": person.id, "label": person.name + (" (?)" if person.is_uncertain else ""),
            "faction": person.faction, "kind": person.kind,
            "contested": person.is_contested, "accused": network.accused[person.id],
            "parent": PARENT_PREFIX + person.faction if grouped else None,
            "hidden": person.id not in shown.nodes,
            "sel": person.id == view.person,
            "dim": dimming and person.id not in bright_nodes,
            "community": community.get(person.id), "size": size.get(person.id),
        }, "position": {"x": x, "y": y}})
    for edge in network.edges.values():
        rels = [corpus.relations[r] for r in edge.relations if r in shown.relations]
        out.append({"data": {
            "id": edge.id, "source": edge.source, "target": edge.target,
            "count": len(rels), "label": str(len(rels)) if len(rels) > 1 else "",
            "polarity": _polarity(rels) if rels else "neutral",
            "hidden": not rels,
            "sel": edge.id in bright_edges and bool(view.relation),
            "dim": dimming and edge.id not in bright_edges,
        }})
    _mark_walk(out, network, view, shown)
    return out


def on_screen(network: Network, view: View) -> Visible:
    """What the view draws: the filtered relations, during a walk only those reached so far.

    Nodes are not cut: people not yet involved stay in place, drawn faint (``future``).
    """
    shown = visible(network, view)
    step = network.walk.clamp(view.step)
    if not step:
        return shown
    return Visible(shown.relations & network.walk.reached(step), shown.nodes)


def _ends(network: Network, relations: frozenset[str]) -> set[str]:
    rels = network.corpus.relations
    return {a for r in relations for a in (rels[r].source, rels[r].target)}


def _mark_walk(out: list[dict], network: Network, view: View, drawn: Visible) -> None:
    """Add the walk's flags and the projector's ``big`` flag to the fresh elements; every
    element carries them all, so leaving the walk patches them back.

    ``future``: not reached yet. ``new``: a relation of this step, or a person it brings
    in for the first time. ``past``: reached earlier and not part of this step.
    """
    step = network.walk.clamp(view.step)
    fresh = network.walk.introduced(network.corpus, step) & drawn.relations
    involved, current = _ends(network, drawn.relations), _ends(network, fresh)
    known = _ends(network, drawn.relations - fresh)
    waiting = visible(network, view).relations - drawn.relations if step else frozenset()
    for element in out:
        data = element["data"]
        data["big"] = view.present
        if "source" in data:
            own = network.edges[data["id"]].relations
            data["future"] = any(r in waiting for r in own) and data["count"] == 0
            data["new"] = any(r in fresh for r in own)
            data["past"] = bool(step) and data["count"] > 0 and not data["new"]
        elif data["kind"] == "faction":
            data["future"] = data["new"] = data["past"] = False
        else:
            data["future"] = bool(step) and data["id"] not in involved
            data["new"] = data["id"] in involved - known
            data["past"] = bool(step) and data["id"] in involved - current


def element_patch(old: list[dict], new: list[dict]) -> list[tuple[int, str, str, object]]:
    """The (index, part, key, value) changes that turn ``old`` into ``new``.

    Both lists come from ``elements`` for the same network, so they align by index.
    ``part`` is ``data`` or ``position``.
    """
    changes = []
    for i, (a, b) in enumerate(zip(old, new, strict=True)):
        for key, value in b["data"].items():
            if a["data"].get(key) != value:
                changes.append((i, "data", key, value))
        if "position" in b and a.get("position") != b["position"]:
            changes.append((i, "position", "", b["position"]))
    return changes


def counts(network: Network, view: View) -> tuple[int, int]:
    """How many people (not faction boxes) and relations a view shows (during a walk: the
    relations reached so far)."""
    shown = on_screen(network, view)
    return len(shown.nodes), len(shown.relations)


def cytoscape_layout(network: Network, layout: str) -> dict:
    """A ``preset`` layout that places the nodes where ``layout`` puts them and refits the view.

    Sent only when the layout changes: filters never rerun a layout.
    """
    positions = {node: {"x": x, "y": y} for node, (x, y) in network.positions[layout].items()}
    return {"name": "preset", "positions": positions, "fit": True, "padding": 30,
            "animate": False}
