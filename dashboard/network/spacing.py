"""Room for labels: positions spread so that names drawn under the nodes do not collide.

The graph draws labels at a constant size on screen (``assets/labels.js``), so what must
not overlap is known in screen pixels: a node and the name under it. The layouts are
computed for a nominal graph box (``BOX``: the graph on a 1280×800 laptop with the
filters folded), one model unit to one pixel at zoom 1. ``spread`` then pushes apart
every pair of label boxes that overlap, and scales the picture back into the box, until
nothing overlaps or the box is too full for more (the labels that still collide are left
out by the density rule in the browser, and appear on hover or zoom).

>>> pos = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (400.0, 300.0)}
>>> names = {"a": "Pak Il-u", "b": "Kim Il Sung", "c": "Hegai"}
>>> out = spread(pos, names, {})
>>> overlapping(out, boxes(names, {}))
0
"""

from __future__ import annotations

import math
import textwrap

import numpy as np

#: The nominal graph box, in pixels (node centres and their labels fit in it); the browser
#: stretches the picture to the shape of each screen's box (``assets/stretch.js``).
BOX = (1230.0, 820.0)
LABEL_PX = 13.0  # the label size on a larger screen (assets/labels.js)
CHAR_PX = 0.58 * LABEL_PX  # a generous average advance of a sans-serif letter
WRAP_CHARS = 18  # a longer name wraps onto a second line (``text-max-width``)
GAP = 6.0  # pixels kept free around a label box
PUSHES = 200  # passes of pushing apart, at most
LIMIT = 400  # above this many nodes the quadratic spreading is skipped
EPS = 0.5  # boxes closer than this (in pixels) count as touching, not overlapping
STRETCH = 1.6  # the most one axis is scaled more than the other to fill the box


def label_lines(name: str) -> list[str]:
    """A name as the graph wraps it.

    >>> label_lines("Pak Heon-yeong group (South Korean Workers' Party)")
    ['Pak Heon-yeong', 'group (South', "Korean Workers'", 'Party)']
    """
    return textwrap.wrap(name, WRAP_CHARS) or [name]


def boxes(names: dict[str, str], sizes: dict[str, float]) -> dict[str, tuple[float, ...]]:
    """Each node's box around its centre: (left, right, top, bottom) offsets in pixels, the
    node's disc and the label under it, with ``GAP`` to spare."""
    out: dict[str, tuple[float, ...]] = {}
    for node, name in names.items():
        size = sizes.get(node, 36.0)
        lines = label_lines(name)
        width = max(size, max(len(line) for line in lines) * CHAR_PX) + GAP
        below = size / 2 + 5 + len(lines) * LABEL_PX * 1.25 + GAP / 2
        out[node] = (width / 2, width / 2, size / 2 + GAP / 2, below)
    return out


def _arrays(pos: dict, extent: dict) -> tuple[list[str], np.ndarray, np.ndarray]:
    nodes = sorted(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float).reshape(-1, 2)
    ext = np.array([extent[n] for n in nodes], dtype=float).reshape(-1, 4)
    return nodes, xy, ext


def _fit(xy: np.ndarray, ext: np.ndarray) -> np.ndarray:
    """Scale the centres about their middle so that the boxes fill ``BOX``: each axis on
    its own (a round picture becomes as wide as the screen), but never stretched more
    than ``STRETCH`` times one way."""
    if len(xy) < 2:
        return xy - xy.mean(axis=0) if len(xy) else xy
    centred = xy - (xy.min(axis=0) + xy.max(axis=0)) / 2
    span = np.maximum(centred.max(axis=0) - centred.min(axis=0), 1e-9)
    edges = np.array([ext[:, 0].max() + ext[:, 1].max(), ext[:, 2].max() + ext[:, 3].max()])
    scale = np.maximum(np.array(BOX) - edges, 1.0) / span
    low = scale.min()
    return centred * np.minimum(scale, low * STRETCH)


def _clamp(xy: np.ndarray, ext: np.ndarray) -> None:
    """Keep every box inside ``BOX`` (centred on 0, 0)."""
    half = np.array(BOX) / 2
    xy[:, 0] = np.clip(xy[:, 0], -half[0] + ext[:, 0], half[0] - ext[:, 1])
    xy[:, 1] = np.clip(xy[:, 1], -half[1] + ext[:, 2], half[1] - ext[:, 3])


def _overlaps(xy: np.ndarray, ext: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How far every pair of boxes overlaps along x and y (0 where they do not)."""
    left, right = xy[:, 0] - ext[:, 0], xy[:, 0] + ext[:, 1]
    top, bottom = xy[:, 1] - ext[:, 2], xy[:, 1] + ext[:, 3]
    ox = np.minimum(right[:, None], right[None, :]) - np.maximum(left[:, None], left[None, :])
    oy = np.minimum(bottom[:, None], bottom[None, :]) - np.maximum(top[:, None], top[None, :])
    both = (ox > EPS) & (oy > EPS)
    np.fill_diagonal(both, False)
    return np.where(both, ox, 0.0), np.where(both, oy, 0.0)


def _push(xy: np.ndarray, ext: np.ndarray) -> bool:
    """One pass, node by node: every box that overlaps this node's box is moved apart
    from it, both by half, along the axis where they overlap less (the classic sequential
    scheme, which settles where moving all at once would swing back and forth). True
    when something overlapped."""
    left, right, top, bottom = ext[:, 0], ext[:, 1], ext[:, 2], ext[:, 3]
    moved = False
    for i in range(len(xy)):
        ox = np.minimum(xy[i, 0] + right[i], xy[:, 0] + right) - \
            np.maximum(xy[i, 0] - left[i], xy[:, 0] - left)
        oy = np.minimum(xy[i, 1] + bottom[i], xy[:, 1] + bottom) - \
            np.maximum(xy[i, 1] - top[i], xy[:, 1] - top)
        hit = (ox > EPS) & (oy > EPS)
        hit[i] = False
        for j in np.flatnonzero(hit):
            moved = True
            if ox[j] <= oy[j]:
                side = 1.0 if xy[j, 0] > xy[i, 0] or (xy[j, 0] == xy[i, 0] and j > i) else -1.0
                xy[j, 0] += side * ox[j] / 2
                xy[i, 0] -= side * ox[j] / 2
            else:
                side = 1.0 if xy[j, 1] > xy[i, 1] or (xy[j, 1] == xy[i, 1] and j > i) else -1.0
                xy[j, 1] += side * oy[j] / 2
                xy[i, 1] -= side * oy[j] / 2
    return moved


def spread(pos: dict[str, tuple[float, float]], names: dict[str, str],
           sizes: dict[str, float]) -> dict[str, tuple[float, float]]:
    """``pos`` fitted into ``BOX`` with the label boxes pushed apart (see the module)."""
    if not pos:
        return {}
    nodes, xy, ext = _arrays(pos, boxes({n: names.get(n, n) for n in pos}, sizes))
    xy = _fit(xy, ext)
    if len(xy) <= LIMIT:
        for _ in range(PUSHES):
            if not _push(xy, ext):
                break
            _clamp(xy, ext)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy,
                                                                            strict=True)}


def overlapping(pos: dict[str, tuple[float, float]], extent: dict) -> int:
    """How many pairs of boxes overlap."""
    nodes, xy, ext = _arrays(pos, extent)
    return int(np.count_nonzero(_overlaps(xy, ext)[0])) // 2


def beside(pos: dict[str, tuple[float, float]], lonely: list[str], names: dict[str, str],
           sizes: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Places for people without relations: in a row just under the drawing, each as wide
    as its label, so the fit does not spend the screen on empty space around them."""
    if not lonely:
        return {}
    extent = boxes({n: names.get(n, n) for n in [*pos, *lonely]}, sizes)
    bottom = max((y + extent[n][3] for n, (x, y) in pos.items()), default=0.0)
    left = min((x - extent[n][0] for n, (x, y) in pos.items()), default=0.0)
    right = max((x + extent[n][1] for n, (x, y) in pos.items()), default=BOX[0])
    width = max(right - left, BOX[0] / 2)
    out, x, y = {}, left, bottom
    for node in lonely:
        w = extent[node][0] + extent[node][1]
        if x > left and x + w > left + width:
            x, y = left, y + max(extent[node][2] + extent[node][3], 1.0)
        out[node] = (round(x + extent[node][0], 1), round(y + extent[node][2], 1))
        x += w
    return out


def ring_scale(count: int) -> float:
    """The same room per node whatever the size of the graph (for the large layouts)."""
    return max(1.0, math.sqrt(count / LIMIT))
