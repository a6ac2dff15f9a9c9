"""The network: people as nodes, relations merged per directed pair, filtered per view.

Built once per corpus (``Network.build``). Filtering never moves a node: positions are
computed once per layout, a view only decides which people and edges the graph holds and
their flags (``lit``, ``sel``, the walk's), and a change of view is sent as the elements
to add and remove and the flags that changed, by id (``Drawing.changes``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import numpy as np

from .arrays import PARENT_PREFIX, Arrays, Drawing, Elements, Visible
from .corpus.model import Corpus, Relation
from .layouts import compute_positions
from .story import Walk
from .view import Bounds, View

__all__ = ["PARENT_PREFIX", "Drawing", "Edge", "Network", "Visible", "counts", "drawing",
           "element_changes", "elements", "on_screen", "visible"]


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
        network = cls(corpus, Bounds.of(corpus, len(walk)), edges, edge_of, accused,
                      compute_positions(graph, corpus, accused), walk)
        network.arrays  # noqa: B018 -- built now, not on the first click
        return network

    @cached_property
    def arrays(self) -> Arrays:
        """The corpus as arrays, for filtering and drawing (``arrays.py``)."""
        return Arrays(self.corpus, self.edges, self.edge_of, self.accused)

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
    """The relations that pass the view's filters and the people it shows."""
    return network.arrays.visible(_relation_mask(network, view), view.factions,
                                  view.hide_isolated)


def _relation_mask(network: Network, view: View) -> np.ndarray:
    """``relation_passes`` for every relation at once, in corpus order."""
    t = network.arrays
    keep = np.ones(len(t.relation_ids), dtype=bool)
    if view.documents is not None:
        keep &= t.among("document", view.documents)
    if view.cell:
        source, target = (t.codes["faction"].get(f, -1) for f in view.cell)
        keep &= (t.faction_of[t.source] == source) & (t.faction_of[t.target] == target)
    for name, chosen in (("type", view.types), ("polarity", view.polarities),
                         ("claimant", view.claimants)):
        if chosen is not None:
            keep &= t.among(name, chosen)
    if view.years:
        keep &= (t.year_to >= view.years[0]) & (t.year_from <= view.years[1])
    if view.factions is not None:
        chosen = t.chosen_factions(view.factions)
        ends = chosen[t.faction_of[t.source]], chosen[t.faction_of[t.target]]
        keep &= (ends[0] & ends[1]) if view.mode == "between" else (ends[0] | ends[1])
    return keep


def focus(network: Network, view: View, shown: Visible) -> tuple[set[str], set[str]]:
    """The nodes and edges to keep bright around the selection; empty sets when none."""
    nodes, edges = _focus_masks(network, view, shown)
    t = network.arrays
    return set(t.person_ids[nodes].tolist()), set(t.edge_ids[edges].tolist())


def _focus_masks(network: Network, view: View, shown: Visible) -> tuple[np.ndarray, np.ndarray]:
    t = network.arrays
    nodes, edges = np.zeros(len(t.person_ids), bool), np.zeros(len(t.edge_ids), bool)
    if view.person in network.corpus.people:
        person = t.person_index[view.person]
        own = shown.relation_mask & ((t.source == person) | (t.target == person))
        edges[t.edge[own]] = True
        nodes[t.source[own]] = nodes[t.target[own]] = nodes[person] = True
    elif view.relation in network.corpus.relations:
        i = t.relation_index[view.relation]
        edges[t.edge[i]] = nodes[t.source[i]] = nodes[t.target[i]] = True
    return nodes, edges


def elements(network: Network, view: View) -> list[dict]:
    """The Cytoscape elements ``view`` draws, in a fixed order: faction boxes, people, edges.

    Only the people and edges the view shows are in it; faction boxes always are, with
    ``hidden`` set unless the faction layout groups people in them. The list carries its
    ``Drawing``, so ``element_changes`` compares two of them column by column.
    """
    return drawing(network, view).elements()


def drawing(network: Network, view: View) -> Drawing:
    """What ``view`` draws, as one array per element field (see ``Drawing``)."""
    t = network.arrays
    shown = on_screen(network, view)
    bright_nodes, bright_edges = _focus_masks(network, view, shown)
    from .analysis import node_styling  # analysis builds on this module: import on use
    community, size = node_styling(network, view)
    grouped = view.layout == "faction"
    count = np.bincount(t.edge[shown.relation_mask], minlength=len(t.edge_ids))
    drawn_factions = np.zeros(len(t.faction_ids), bool)
    drawn_factions[t.faction_of[shown.node_mask]] = True
    columns = {
        "faction": {"hidden": ~(drawn_factions & grouped)},
        "person": {
            "parent": t.parents if grouped else t.per_person({}),
            "hidden": ~shown.node_mask,
            "sel": t.person_ids == view.person,
            "lit": bright_nodes,
            "community": t.per_person(community), "size": t.per_person(size)},
        "edge": {
            "count": count, "label": t.labels[count],
            "polarity": t.edge_polarity(shown.relation_mask), "hidden": count == 0,
            "sel": bright_edges & bool(view.relation), "lit": bright_edges},
    }
    _walk_columns(columns, network, view, shown)
    return Drawing(t, network.positions[view.layout], view.layout, columns)


def on_screen(network: Network, view: View) -> Visible:
    """What the view draws: the filtered relations, during a walk only those reached so far.

    Nodes are not cut: people not yet involved stay in place, drawn faint (``future``).
    """
    t = network.arrays
    shown = t.visible(_relation_mask(network, view), view.factions, view.hide_isolated)
    step = network.walk.clamp(view.step)
    if not step:
        return shown
    reached = shown.relation_mask & t.relations_in(network.walk.reached(step))
    return t.visible(reached, view.factions, view.hide_isolated, shown.node_mask)


def _walk_columns(columns: dict, network: Network, view: View, drawn: Visible) -> None:
    """Add the walk's flags and the projector's ``big`` flag; every element carries them
    all, so leaving the walk sends them back as changed fields.

    ``future``: a person not reached yet (a relation not reached yet is not in the graph).
    ``new``: a relation of this step, or a person it brings in for the first time.
    ``past``: reached earlier and not part of this step.
    """
    t, step = network.arrays, network.walk.clamp(view.step)
    fresh = t.relations_in(network.walk.introduced(network.corpus, step)) & drawn.relation_mask
    involved, current = t.ends(drawn.relation_mask), t.ends(fresh)
    known = t.ends(drawn.relation_mask & ~fresh)
    edges, people = columns["edge"], columns["person"]
    edges["big"] = np.full(len(t.edge_ids), view.present)
    edges["new"] = t.per_edge(fresh)
    edges["past"] = bool(step) & (edges["count"] > 0) & ~edges["new"]
    columns["faction"].update({"big": np.full(len(t.faction_ids), view.present),
                               **{k: np.zeros(len(t.faction_ids), bool)
                                  for k in ("future", "new", "past")}})
    people["big"] = np.full(len(t.person_ids), view.present)
    people["future"] = bool(step) & ~involved
    people["new"] = involved & ~known
    people["past"] = bool(step) & involved & ~current


def element_changes(old: Elements, new: Elements) -> dict[str, object]:
    """The changes, by id, that turn the graph holding ``old`` into one holding ``new``
    (``Drawing.changes``); both come from ``elements`` for the same network."""
    return old.drawing.changes(new.drawing)


def counts(network: Network, view: View) -> tuple[int, int]:
    """How many people (not faction boxes) and relations a view shows (during a walk: the
    relations reached so far)."""
    shown = on_screen(network, view)
    return int(shown.node_mask.sum()), int(shown.relation_mask.sum())


def cytoscape_layout(network: Network, layout: str) -> dict:
    """A ``preset`` layout that places the nodes where ``layout`` puts them and refits the view.

    Sent only when the layout changes: filters never rerun a layout.
    """
    positions = {node: {"x": x, "y": y} for node, (x, y) in network.positions[layout].items()}
    return {"name": "preset", "positions": positions, "fit": True, "padding": 30,
            "animate": False}
