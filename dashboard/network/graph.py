"""The network: people as nodes, relations merged per directed pair, and what a view shows.

Built once per corpus (``Network.build``): the edges, the arrays (``arrays.py``), the
positions of every layout and the walk. ``filtered`` is what passes a view's filters;
``shown`` is what the view shows, the filtered relations cut to those the walk has
reached. How a view is drawn is in ``drawing.py``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import numpy as np

from ..corpus.model import Corpus, Relation
from .arrays import PARENT_PREFIX, Arrays, Shown
from .layouts import compute_positions
from .story import Walk
from .view import Bounds, View

__all__ = ["PARENT_PREFIX", "Edge", "Network", "Shown", "counts", "filtered", "shown",
           "to_networkx"]


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


def filtered(network: Network, view: View) -> Shown:
    """The relations that pass the view's filters and the people shown with them (the
    walk plays no part: see ``shown``)."""
    return network.arrays.shown(_relation_mask(network, view), view.factions,
                                  view.hide_isolated)


def _relation_mask(network: Network, view: View) -> np.ndarray:
    """Whether each relation passes the view's filters, in corpus order."""
    t = network.arrays
    keep = np.ones(len(t.relation_ids), dtype=bool)
    if view.documents is not None:
        keep &= t.among("document", view.documents)
    if view.cell:
        source, target = (t.codes["faction"].get(f, -1) for f in view.cell[:2])
        keep &= (t.faction_of[t.source] == source) & (t.faction_of[t.target] == target)
        if view.cell[2] != "all":
            keep &= t.among("polarity", (view.cell[2],))
    for name, chosen in (("type", view.types), ("polarity", view.polarities),
                         ("claimant", view.claimants)):
        if chosen is not None:
            keep &= t.among(name, chosen)
    if view.years:
        keep &= (t.year_to >= view.years[0]) & (t.year_from <= view.years[1])
    if view.factions is not None:
        picked = t.chosen_factions(view.factions)
        ends = picked[t.faction_of[t.source]], picked[t.faction_of[t.target]]
        keep &= (ends[0] & ends[1]) if view.mode == "between" else (ends[0] | ends[1])
    return keep


def shown(network: Network, view: View) -> Shown:
    """What the view draws: the filtered relations, during a walk only those reached so far.

    Nodes are not cut: people not yet involved stay in place, drawn faint (``future``).
    """
    t = network.arrays
    passing = t.shown(_relation_mask(network, view), view.factions, view.hide_isolated)
    step = network.walk.clamp(view.step)
    if not step:
        return passing
    reached = passing.relation_mask & t.relations_in(network.walk.reached(step))
    return t.shown(reached, view.factions, view.hide_isolated, passing.node_mask)


def counts(network: Network, view: View) -> tuple[int, int]:
    """How many people (not faction boxes) and relations a view shows. During a walk, the
    relations reached so far and the people they involve: the faint shapes still to come
    are not counted."""
    now = shown(network, view)
    people = now.node_mask
    if network.walk.clamp(view.step):
        people = people & network.arrays.ends(now.relation_mask)
    return int(people.sum()), int(now.relation_mask.sum())
