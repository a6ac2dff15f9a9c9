"""Node positions for each layout, computed once in Python with networkx.

Positions are fixed per layout and sent with the ``preset`` Cytoscape layout, so
filtering (which only hides elements) never moves what stays on screen, and the
same link always draws the same picture.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from .corpus.model import Corpus

SCALE = 520.0  # half-width of the drawing in Cytoscape pixels
SEED = 1955
KK_LIMIT = 400  # Kamada–Kawai is quadratic in memory; beyond this, spring layout
VERSION = "1"  # bump when a layout algorithm changes, to ignore old cached positions
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Where computed positions are kept between runs (never inside the data directory)."""
    default = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ivanov-1955"
    return Path(os.environ.get("DASHBOARD_CACHE") or default)


def graph_key(graph: nx.MultiDiGraph, corpus: Corpus) -> str:
    """A digest of everything positions depend on: nodes, factions, edges, algorithm version."""
    digest = hashlib.sha256(VERSION.encode())
    for node in sorted(graph.nodes):
        digest.update(f"n {node} {corpus.people[node].faction}\n".encode())
    for source, target, key in sorted(graph.edges(keys=True)):
        digest.update(f"e {source} {target} {key} {graph.edges[source, target, key]['polarity']}"
                      "\n".encode())
    return digest.hexdigest()[:32]


def compute_positions(graph: nx.MultiDiGraph, corpus: Corpus,
                      accused: Counter[str]) -> dict[str, dict[str, tuple[float, float]]]:
    """Positions for every layout, from the cache when the same graph was laid out before.

    A large force-directed layout takes minutes; the cache makes that a one-off. A cache
    that cannot be read or written is skipped, never an error.
    """
    path = cache_dir() / f"positions-{graph_key(graph, corpus)}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        return {layout: {n: (x, y) for n, (x, y) in pos.items()} for layout, pos in cached.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    positions = {
        "force": force_positions(graph),
        "concentric": concentric_positions(graph, accused),
        "faction": faction_positions(corpus, accused),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(positions), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:
        log.warning("could not cache layout positions in %s: %s", path.parent, err)
    return positions


def _rounded(pos: dict) -> dict[str, tuple[float, float]]:
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def force_positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """A force-directed picture: Kamada–Kawai for classroom-sized graphs (deterministic,
    even spacing), seeded Fruchterman–Reingold beyond ``KK_LIMIT`` nodes. People without
    any relation go in a row underneath instead of being flung to the edges."""
    simple = nx.Graph(graph.to_undirected())
    simple.remove_edges_from(nx.selfloop_edges(simple))
    lonely = sorted(n for n in simple if simple.degree(n) == 0)
    simple.remove_nodes_from(lonely)
    pos: dict = {}
    if simple.number_of_nodes() > KK_LIMIT:
        k = 2.0 / math.sqrt(simple.number_of_nodes())
        pos = nx.spring_layout(simple, k=k, iterations=30, seed=SEED,
                               scale=SCALE * math.sqrt(simple.number_of_nodes() / KK_LIMIT))
    elif simple.number_of_nodes() > 1:
        pos = nx.kamada_kawai_layout(simple, scale=SCALE)
    elif simple.number_of_nodes() == 1:
        pos = {next(iter(simple)): (0.0, 0.0)}
    for i, node in enumerate(lonely):
        pos[node] = (-SCALE + (i % 12) * 2 * SCALE / 11, SCALE * 1.25 + (i // 12) * 90)
    return _rounded(pos)


def concentric_positions(graph: nx.MultiDiGraph, accused: Counter[str],
                         rings: int = 5) -> dict[str, tuple[float, float]]:
    """Shells by how often a person is accused: the most accused in the middle."""
    nodes = sorted(graph.nodes, key=lambda n: (-accused[n], n))
    levels = sorted({accused[n] for n in nodes}, reverse=True)
    # fold many distinct counts into at most ``rings`` shells, keeping the order
    shell_of = {level: min(i * rings // max(len(levels), 1), rings - 1)
                for i, level in enumerate(levels)}
    shells: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        shells[shell_of[accused[n]]].append(n)
    nlist = [shells[i] for i in sorted(shells)]
    if not nlist:
        return {}
    pos = nx.shell_layout(graph, nlist=nlist, scale=SCALE,
                          rotate=0.5 if len(nlist) > 1 else None)
    return _rounded(pos)


def faction_positions(corpus: Corpus, accused: Counter[str],
                      spacing: float = 120.0) -> dict[str, tuple[float, float]]:
    """Each faction's members on a small grid, the faction boxes on a larger grid."""
    members: dict[str, list[str]] = defaultdict(list)
    for person in sorted(corpus.people.values(), key=lambda p: (-accused[p.id], p.name)):
        members[person.faction].append(person.id)
    factions = [f for f in corpus.factions if members[f]]
    columns = max(1, math.ceil(math.sqrt(len(factions))))
    widths = {f: max(1, math.ceil(math.sqrt(len(members[f])))) for f in factions}
    cell = max(widths.values(), default=1) * spacing + spacing
    pos: dict[str, tuple[float, float]] = {}
    for index, faction in enumerate(factions):
        ox, oy = (index % columns) * cell, (index // columns) * cell
        for j, person in enumerate(members[faction]):
            pos[person] = (ox + (j % widths[faction]) * spacing,
                           oy + (j // widths[faction]) * spacing)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}
