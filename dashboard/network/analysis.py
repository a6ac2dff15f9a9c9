"""Questions asked of the network: faction matrix, people measures, timeline, voices, communities.

Plain functions over a ``Network`` and a ``View`` (no Dash), so every chart answers for
the relations the current filters show. The generic parts work on a networkx graph or on
plain labels and are tested on small named graphs (``tests/test_analysis.py``).

Choices a reader of the charts should know:

- A relation that refers to several years counts once in *each* of them on the timeline,
  the same rule the period filter uses (a relation passes when its years overlap the range).
- Measures on "hostile relations" count a merged pair once per relation (as weight).
- Communities are Louvain's (networkx), seeded with ``SEED`` so a link always draws the
  same colours, on the shown relations of every polarity with direction ignored.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import replace

import networkx as nx
import pandas as pd

from ..corpus.model import Relation
from .graph import Network, filtered, to_networkx
from .view import View

SEED = 1955
#: Beyond this many people, betweenness is estimated from this many seeded sample sources
#: (exact betweenness is O(nodes × edges): minutes at 5,000 people).
BETWEENNESS_SAMPLE = 500
NO_COMMUNITY = -1  # people the view shows without any relation
MEASURE_COLUMNS = ("accused", "accuses", "degree", "betweenness", "pagerank")


def shown_relations(network: Network, view: View) -> list[Relation]:
    """The relations ``view`` shows, in corpus order."""
    ids = filtered(network, view).relations
    return [r for r in network.corpus.relations.values() if r.id in ids]


def filtered_graph(network: Network, view: View) -> nx.MultiDiGraph:
    """The people ``view`` shows and one edge per relation it shows."""
    graph = to_networkx(network.corpus, shown_relations(network, view))
    return graph.subgraph(filtered(network, view).nodes).copy()


# --- faction x faction -----------------------------------------------------------------------


def faction_matrix(network: Network, view: View, polarity: str | None = None) -> pd.DataFrame:
    """Relations from members of one faction (rows) to members of another (columns).

    ``polarity`` keeps one polarity (None: all). The view's own matrix cell is ignored,
    so the matrix keeps every cell and the chosen one can be marked on it.
    """
    factions = list(network.corpus.factions)
    faction_of = {p.id: p.faction for p in network.corpus.people.values()}
    pairs = Counter((faction_of[r.source], faction_of[r.target])
                    for r in shown_relations(network, replace(view, cell=None))
                    if polarity is None or r.polarity == polarity)
    return pd.DataFrame([[pairs[(s, t)] for t in factions] for s in factions],
                        index=pd.Index(factions, name="source"),
                        columns=pd.Index(factions, name="target"))


# --- people ----------------------------------------------------------------------------------


def hostile_digraph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per accuser -> accused pair, weighted by its number of hostile relations."""
    hostile = nx.DiGraph()
    hostile.add_nodes_from(graph)
    for source, target, data in graph.edges(data=True):
        if data.get("polarity") == "hostile":
            weight = hostile.get_edge_data(source, target, {"weight": 0})["weight"]
            hostile.add_edge(source, target, weight=weight + 1)
    return hostile


def measures(graph: nx.MultiDiGraph,
             columns: Sequence[str] = MEASURE_COLUMNS) -> pd.DataFrame:
    """Per node: hostile relations received and made, all relations, betweenness and PageRank
    (only the ``columns`` asked for, in that order).

    Betweenness is on the hostile relations with direction ignored (who links otherwise
    separate accusers and accused), estimated from ``BETWEENNESS_SAMPLE`` seeded sources
    in larger graphs; PageRank follows the accusations, so it is high for people accused
    often or accused by people who are themselves much accused.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edges_from([("a", "c"), ("b", "c")], polarity="hostile")
    [0, 0]
    >>> measures(g).loc["c", ["accused", "accuses", "degree"]].tolist()
    [2, 0, 2]
    """
    hostile = hostile_digraph(graph)
    nodes = list(graph)
    compute = {
        "accused": lambda: [int(hostile.in_degree(n, weight="weight")) for n in nodes],
        "accuses": lambda: [int(hostile.out_degree(n, weight="weight")) for n in nodes],
        "degree": lambda: [int(graph.degree(n)) for n in nodes],
        "betweenness": lambda: _betweenness(hostile, nodes),
        "pagerank": lambda: _pagerank(hostile, nodes),
    }
    return pd.DataFrame({c: compute[c]() for c in columns}, index=pd.Index(nodes, name="id"),
                        columns=list(columns))


def _betweenness(hostile: nx.DiGraph, nodes: list[str]) -> list[float]:
    undirected = nx.Graph(hostile.to_undirected())
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    sample = BETWEENNESS_SAMPLE if len(undirected) > BETWEENNESS_SAMPLE else None
    between = nx.betweenness_centrality(undirected, k=sample, seed=SEED) \
        if len(undirected) > 2 else {}
    return [float(between.get(n, 0.0)) for n in nodes]


def _pagerank(hostile: nx.DiGraph, nodes: list[str]) -> list[float]:
    rank = nx.pagerank(hostile, weight="weight") if len(hostile) else {}
    return [float(rank.get(n, 0.0)) for n in nodes]


def people_measures(network: Network, view: View) -> pd.DataFrame:
    """``measures`` for the people ``view`` shows, with name and faction, most accused first."""
    table = measures(filtered_graph(network, view))
    people = network.corpus.people
    table.insert(0, "name", [people[p].name for p in table.index])
    table.insert(1, "faction", [people[p].faction for p in table.index])
    table.insert(2, "kind", [people[p].kind for p in table.index])
    return table.sort_values(["accused", "pagerank", "name"],
                             ascending=[False, False, True], kind="stable")


def node_sizes(values: dict[str, float], smallest: float = 24,
               largest: float = 70) -> dict[str, float]:
    """Node widths in pixels whose *area* grows with the value: a square-root scale from the
    smallest value shown (PageRank never reaches 0) to the largest.

    >>> node_sizes({"a": 0, "b": 1, "c": 4})
    {'a': 24.0, 'b': 47.0, 'c': 70.0}
    >>> node_sizes({"a": 0.1, "b": 0.1})
    {'a': 24.0, 'b': 24.0}
    """
    low, high = min(values.values(), default=0), max(values.values(), default=0)
    if high <= low:
        return {n: float(smallest) for n in values}
    return {n: round(smallest + (largest - smallest) * math.sqrt((v - low) / (high - low)), 1)
            for n, v in values.items()}


# --- timeline and voices ---------------------------------------------------------------------


def timeline(network: Network, view: View) -> pd.DataFrame:
    """Relations per year (rows, the corpus span) and faction of the one acted upon (columns).

    A relation counts once in every year from ``year_from`` to ``year_to``. The view's
    year range is ignored, so the whole span stays on the axis to brush a new range.
    """
    low, high = network.bounds.years
    people = network.corpus.people
    counts = Counter((year, people[rel.target].faction)
                     for rel in shown_relations(network, replace(view, years=None))
                     for year in range(max(rel.year_from, low), min(rel.year_to, high) + 1))
    factions = list(network.corpus.factions)
    return pd.DataFrame([[counts[(y, f)] for f in factions] for y in range(low, high + 1)],
                        index=pd.RangeIndex(low, high + 1, name="year"),
                        columns=pd.Index(factions, name="faction"))


def claimant_shares(network: Network, view: View) -> pd.DataFrame:
    """How many of the shown relations each claimant asserts, and their share.

    The view's claimant filter is ignored: the shares describe what the other filters
    show, and the claimant buttons pick from them.
    """
    counts = Counter(r.claimant for r in shown_relations(network, replace(view, claimants=None)))
    claimants = list(network.bounds.claimants)
    total = sum(counts.values())
    return pd.DataFrame({
        "relations": [counts[c] for c in claimants],
        "share": [counts[c] / total if total else 0.0 for c in claimants],
    }, index=pd.Index(claimants, name="claimant"))


# --- communities -----------------------------------------------------------------------------


def communities(graph: nx.MultiDiGraph, seed: int = SEED) -> dict[str, int]:
    """Louvain communities of ``graph`` with direction ignored and relations as weights.

    Numbered from 0 by size (largest first, ties by smallest member), so the same
    graph always gets the same numbers; nodes without a relation get ``NO_COMMUNITY``.

    >>> two = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> communities(two)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    simple = nx.Graph()
    for source, target in graph.edges():
        if source != target:
            weight = simple.get_edge_data(source, target, {"weight": 0})["weight"]
            simple.add_edge(source, target, weight=weight + 1)
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed) \
        if len(simple) else []
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    label = {n: i for i, members in enumerate(ordered) for n in members}
    return {n: label.get(n, NO_COMMUNITY) for n in graph}


def community_labels(network: Network, view: View) -> dict[str, int]:
    return communities(filtered_graph(network, view))


def contingency(rows: Sequence[Hashable], columns: Sequence[Hashable]) -> pd.DataFrame:
    """How many items have each (row label, column label): a cross-tabulation.

    >>> contingency(["a", "a", "b"], [0, 1, 1]).values.tolist()
    [[1, 1], [0, 1]]
    """
    if len(rows) != len(columns):
        raise ValueError(f"two labellings of different lengths: {len(rows)} and {len(columns)}")
    return pd.crosstab(pd.Series(list(rows), name="row"), pd.Series(list(columns), name="column"))


def adjusted_rand_index(labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]) -> float:
    """Agreement of two partitions of the same items, corrected for chance.

    The adjusted Rand index of Hubert and Arabie (1985, "Comparing partitions",
    *Journal of Classification* 2: 193-218): 1 when the partitions are the same (up to
    the names of the groups), about 0 for partitions no closer than chance, negative
    when further apart than chance. Two identical trivial partitions (all one group, or
    all alone) give 1.

    >>> adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7])
    1.0
    >>> round(adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]), 4)
    0.5714
    >>> adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1])
    -0.5
    """
    table = contingency(labels_a, labels_b).to_numpy()
    pairs = sum(math.comb(int(n), 2) for n in table.ravel())
    rows = sum(math.comb(int(n), 2) for n in table.sum(axis=1))
    cols = sum(math.comb(int(n), 2) for n in table.sum(axis=0))
    total = math.comb(len(labels_a), 2)
    # (index - expected) / (max - expected), multiplied through by 2 * total: exact integers
    above_chance = 2 * (pairs * total - rows * cols)
    room = (rows + cols) * total - 2 * rows * cols
    return 1.0 if room == 0 else above_chance / room


def agreement(network: Network, view: View) -> tuple[pd.DataFrame, float | None]:
    """Declared faction (rows) against detected community (columns), and their adjusted
    Rand index, over the people with at least one shown relation (None when under two)."""
    labels = {p: c for p, c in community_labels(network, view).items() if c != NO_COMMUNITY}
    people = network.corpus.people
    members = list(labels)
    factions = [people[p].faction for p in members]
    found = [labels[p] for p in members]
    table = contingency(factions, found) if members else pd.DataFrame()
    if members:
        order = [f for f in network.corpus.factions if f in table.index]
        table = table.loc[order]
    return table, (adjusted_rand_index(factions, found) if len(members) > 1 else None)


def node_styling(network: Network, view: View) -> tuple[dict[str, int], dict[str, float]]:
    """Each shown person's community when the view colours by community, and their size
    in pixels when it sizes by a measure; an empty dict for what the view does not ask."""
    found = community_labels(network, view) if view.color == "community" else {}
    sizes: dict[str, float] = {}
    if view.size in MEASURE_COLUMNS:
        sizes = node_sizes(measures(filtered_graph(network, view), (view.size,))[view.size]
                           .to_dict())
    return found, sizes
