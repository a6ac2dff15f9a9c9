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
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from .. import settings
from ..corpus.model import Corpus
from ..corpus.writing import atomic_write
from . import spacing
from .styles import ACCUSED_SIZES, BASE_SIZE

SCALE = 520.0  # half-width of the drawing in Cytoscape pixels
SEED = 1955
KK_LIMIT = 400  # Kamada–Kawai is quadratic in memory; beyond this, spring layout
SPRING_ITERATIONS = 50
NEAREST = 12  # neighbours whose repulsion is computed exactly; the rest by grid cell
GRID = 16  # cells per side of the grid that stands in for the far nodes
VERSION = "7"  # bump when a layout algorithm changes, to ignore old cached positions
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Where computed positions are kept between runs (never inside the data directory)."""
    return Path(str(settings.get("DASHBOARD_CACHE")))


def graph_key(graph: nx.MultiDiGraph, corpus: Corpus) -> str:
    """A digest of everything positions depend on: nodes, factions, edges, algorithm version."""
    digest = hashlib.sha256(VERSION.encode())
    for node in sorted(graph.nodes):
        person = corpus.people[node]
        digest.update(f"n {node} {person.faction} {label(person)}\n".encode())
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
    names = {p.id: label(p) for p in corpus.people.values()}
    sizes = {p: size_px(accused[p]) for p in corpus.people}
    positions = {
        "force": force_positions(graph, names, sizes),
        "concentric": concentric_positions(graph, accused, names, sizes),
        "faction": faction_positions(corpus, accused, names),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(positions))
    except OSError as err:
        log.warning("could not cache layout positions in %s: %s", path.parent, err)
    return positions


def label(person) -> str:
    """The label the graph draws for a person (as ``arrays.Arrays`` writes it)."""
    return person.name + (" (?)" if person.is_uncertain else "")


def size_px(accused: int) -> float:
    """A node's width in pixels at zoom 1 (the stylesheet's sizes by accusations)."""
    return float(max([BASE_SIZE] + [px for n, px in ACCUSED_SIZES if accused >= n]))


def _rounded(pos: dict) -> dict[str, tuple[float, float]]:
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def force_positions(graph: nx.MultiDiGraph, names: dict[str, str] | None = None,
                    sizes: dict[str, float] | None = None) -> dict[str, tuple[float, float]]:
    """A force-directed picture: Kamada–Kawai for classroom-sized graphs (deterministic,
    even spacing), seeded Fruchterman–Reingold beyond ``KK_LIMIT`` nodes. People without
    any relation go in a row just underneath instead of being flung to the edges. A
    classroom-sized picture is then spread so that its labels have room (``spacing``)."""
    simple = nx.Graph(graph.to_undirected())
    simple.remove_edges_from(nx.selfloop_edges(simple))
    lonely = sorted(n for n in simple if simple.degree(n) == 0)
    simple.remove_nodes_from(lonely)
    pos: dict = {}
    if simple.number_of_nodes() > KK_LIMIT:
        pos = nx.rescale_layout_dict(spring_layout(simple), scale=SCALE * math.sqrt(
            simple.number_of_nodes() / KK_LIMIT))
    elif simple.number_of_nodes() > 1:
        pos = nx.kamada_kawai_layout(simple, scale=SCALE)
    elif simple.number_of_nodes() == 1:
        pos = {next(iter(simple)): (0.0, 0.0)}
    if simple.number_of_nodes() <= spacing.LIMIT:
        names, sizes = names or {}, sizes or {}
        pos = spacing.spread(_rounded(pos), names, sizes)
        return spacing.spread({**pos, **spacing.beside(pos, lonely, names, sizes)}, names,
                              sizes)
    for i, node in enumerate(lonely):
        pos[node] = (-SCALE + (i % 12) * 2 * SCALE / 11, SCALE * 1.25 + (i // 12) * 90)
    return _rounded(pos)


def spring_layout(graph: nx.Graph, iterations: int = SPRING_ITERATIONS,
                  seed: int = SEED) -> dict[str, np.ndarray]:
    """Fruchterman–Reingold in the unit square, in O(n) numpy work per iteration.

    networkx's spring layout compares every pair of nodes (minutes at 5,000 nodes). Here a
    node is pushed exactly by its ``NEAREST`` nearest neighbours and by every other node
    through the centre of mass of its cell in a ``GRID`` × ``GRID`` grid; edges pull as
    in the original. Nodes are taken in sorted order from a seeded start: same graph,
    same picture.

    >>> pos = spring_layout(nx.path_graph(3), iterations=20)
    >>> bool(abs(pos[0] - pos[1]).sum() < abs(pos[0] - pos[2]).sum())
    True
    """
    nodes = sorted(graph)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in graph.edges()],
                    dtype=np.intp).reshape(-1, 2)
    pos = np.random.default_rng(seed).random((len(nodes), 2))
    k = 1 / math.sqrt(max(len(nodes), 1))  # the ideal edge length
    step = 0.1  # the largest move, cooled linearly to almost nothing
    for i in range(iterations):
        pull = pos[ends[:, 0]] - pos[ends[:, 1]]
        pull *= np.hypot(pull[:, 0], pull[:, 1])[:, None] / k
        move = _push(pos, k) - _spread(ends[:, 0], pull, len(nodes)) \
            + _spread(ends[:, 1], pull, len(nodes))
        length = np.maximum(np.hypot(move[:, 0], move[:, 1]), 1e-12)
        pos += move * (np.minimum(length, step * (1 - i / (iterations + 1))) / length)[:, None]
    return dict(zip(nodes, pos, strict=True))


def _spread(at: np.ndarray, force: np.ndarray, size: int) -> np.ndarray:
    """Sum the rows of ``force`` into ``size`` rows, row ``i`` into row ``at[i]``."""
    return np.stack([np.bincount(at, force[:, c], size) for c in (0, 1)], axis=1)


def _push(pos: np.ndarray, k: float) -> np.ndarray:
    """The repulsion k²/d on every node: exact from the nearest, by grid cell from the rest."""
    low = pos.min(axis=0)
    width = np.maximum((pos.max(axis=0) - low) / GRID, 1e-9)
    cells = np.minimum(((pos - low) / width).astype(np.intp), GRID - 1)
    cell = cells[:, 0] * GRID + cells[:, 1]
    mass = np.bincount(cell, minlength=GRID * GRID).astype(float)
    used = mass > 0
    slot = np.cumsum(used) - 1  # a cell's row in ``centre``
    centre = _spread(cell, pos, GRID * GRID)[used] / mass[used, None]
    closest2 = (0.5 * width.min()) ** 2  # a cell's centre is never taken as closer than this
    # every node against every occupied cell: sum of m (p - c) / |p - c|²
    dx, dy = pos[:, :1] - centre[:, 0], pos[:, 1:] - centre[:, 1]
    weight = mass[used] / np.maximum(dx * dx + dy * dy, closest2)
    push = pos * weight.sum(axis=1)[:, None] - weight @ centre
    # the nearest neighbours (the node itself first): take their share out of their cells,
    # and put it back exactly
    near = cKDTree(pos).query(pos, min(NEAREST + 1, len(pos)))[1].reshape(len(pos), -1)
    to_cell = pos[:, None, :] - centre[slot[cell[near]]]
    push -= (to_cell / np.maximum((to_cell ** 2).sum(axis=2), closest2)[:, :, None]).sum(axis=1)
    to_node = pos[:, None, :] - pos[near]
    apart2 = (to_node ** 2).sum(axis=2)
    exact = np.where(apart2 > 0, 1 / np.maximum(apart2, (0.01 * k) ** 2), 0.0)
    push += (to_node * exact[:, :, None]).sum(axis=1)
    return push * k * k


def concentric_positions(graph: nx.MultiDiGraph, accused: Counter[str],
                         names: dict[str, str] | None = None,
                         sizes: dict[str, float] | None = None,
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
    roomier = max(1.0, math.sqrt(len(nodes) / KK_LIMIT))  # the same room per node as "force"
    pos = nx.shell_layout(graph, nlist=nlist, scale=SCALE * roomier,
                          rotate=0.5 if len(nlist) > 1 else None)
    if len(nodes) <= spacing.LIMIT:
        return spacing.spread(_rounded(pos), names or {}, sizes or {})
    return _rounded(pos)


def faction_positions(corpus: Corpus, accused: Counter[str],
                      names: dict[str, str] | None = None) -> dict[str, tuple[float, float]]:
    """Each faction's members on a small grid, the faction boxes side by side in rows.

    A grid's cells are as wide as its members' labels, and every box keeps room above it
    for its title (drawn in the box's top margin), so no title runs into a neighbour.
    """
    names = names or {}
    members: dict[str, list[str]] = defaultdict(list)
    for person in sorted(corpus.people.values(), key=lambda p: (-accused[p.id], p.name)):
        members[person.faction].append(person.id)
    factions = [f for f in corpus.factions if members[f]]
    extent = spacing.boxes({p: names.get(p, p) for f in factions for p in members[f]},
                           {p: size_px(accused[p]) for f in factions for p in members[f]})
    blocks = [_faction_block(members[f], extent) for f in factions]
    row_width = max(spacing.BOX[0] * 1.4, max((w for w, _, _ in blocks), default=0.0))
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for width, height, grid in blocks:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + FACTION_GAP, 0.0
        pos.update({p: (x + gx, y + gy) for p, (gx, gy) in grid.items()})
        x += width + FACTION_GAP
        row_height = max(row_height, height)
    return {n: (round(px, 1), round(py, 1)) for n, (px, py) in pos.items()}


FACTION_GAP = 90.0  # between faction boxes: their padding, border and title
FACTION_TITLE = 46.0  # the room above a box's first row for its title


def _faction_block(people: list[str], extent: dict[str, tuple[float, ...]]
                   ) -> tuple[float, float, dict[str, tuple[float, float]]]:
    """One faction's members on a grid: its width, height and the members' places."""
    columns = max(1, math.ceil(math.sqrt(len(people) * 1.6)))
    cell_w = max(extent[p][0] + extent[p][1] for p in people)
    cell_h = max(extent[p][2] + extent[p][3] for p in people)
    grid = {p: ((i % columns) * cell_w + cell_w / 2,
                FACTION_TITLE + (i // columns) * cell_h + extent[p][2])
            for i, p in enumerate(people)}
    rows = math.ceil(len(people) / columns)
    return columns * cell_w, FACTION_TITLE + rows * cell_h, grid
