"""How a view is drawn: one array per element field (a ``Drawing``), and the layout.

A change of view goes to the browser as the elements to add and remove and the fields
that changed, by id (``Drawing.changes``). Filtering never moves a node: positions are
computed once per layout (``layouts.py``).
"""

from __future__ import annotations

import numpy as np

from .analysis import node_styling
from .arrays import Drawing, Shown
from .graph import Network, shown
from .view import View


def drawing(network: Network, view: View) -> Drawing:
    """What ``view`` draws, as one array per element field (see ``Drawing``)."""
    t = network.arrays
    now = shown(network, view)
    bright_nodes, bright_edges = _focus_masks(network, view, now)
    community, size = node_styling(network, view)
    grouped = view.layout == "faction"
    count = np.bincount(t.edge[now.relation_mask], minlength=len(t.edge_ids))
    used_factions = np.zeros(len(t.faction_ids), bool)
    used_factions[t.faction_of[now.node_mask]] = True
    columns = {
        "faction": {"hidden": ~(used_factions & grouped)},
        "person": {
            "parent": t.parents if grouped else t.per_person({}),
            "hidden": ~now.node_mask,
            "sel": t.person_ids == view.person,
            "lit": bright_nodes,
            "community": t.per_person(community), "size": t.per_person(size)},
        "edge": {
            "count": count, "label": t.labels[count],
            "polarity": t.edge_polarity(now.relation_mask), "hidden": count == 0,
            "sel": bright_edges & bool(view.relation), "lit": bright_edges},
    }
    _walk_columns(columns, network, view, now)
    return Drawing(t, positions_of(network, view), view.layout, columns)


def positions_of(network: Network, view: View) -> dict[str, tuple[float, float]]:
    """Where the view puts each person: the layout's places, and the hand-moved ones."""
    base = network.positions[view.layout]
    if not view.moved:
        return base
    return {**base, **{p: (float(x), float(y)) for p, x, y in view.moved if p in base}}


def _focus_masks(network: Network, view: View, now: Shown) -> tuple[np.ndarray, np.ndarray]:
    """The selection and its neighbourhood, to keep bright while the rest fades; nothing
    when the selection is not shown (the filters hide it: the Details panel says so, and
    the graph does not fade for someone it does not show)."""
    t = network.arrays
    nodes, edges = np.zeros(len(t.person_ids), bool), np.zeros(len(t.edge_ids), bool)
    if view.person in network.corpus.people and now.node_mask[t.person_index[view.person]]:
        person = t.person_index[view.person]
        own = now.relation_mask & ((t.source == person) | (t.target == person))
        edges[t.edge[own]] = True
        nodes[t.source[own]] = nodes[t.target[own]] = nodes[person] = True
    elif view.relation in network.corpus.relations and \
            now.relation_mask[t.relation_index[view.relation]]:
        i = t.relation_index[view.relation]
        edges[t.edge[i]] = nodes[t.source[i]] = nodes[t.target[i]] = True
    return nodes, edges


def _walk_columns(columns: dict, network: Network, view: View, now: Shown) -> None:
    """Add the walk's flags and the projector's ``big`` flag; every element carries them
    all, so leaving the walk sends them back as changed fields.

    ``future``: a person not reached yet (a relation not reached yet is not in the graph).
    ``new``: a relation of this step, or a person it brings in for the first time.
    ``past``: reached earlier and not part of this step.
    """
    t, step = network.arrays, network.walk.clamp(view.step)
    fresh = t.relations_in(network.walk.introduced(network.corpus, step)) & now.relation_mask
    involved, current = t.ends(now.relation_mask), t.ends(fresh)
    known = t.ends(now.relation_mask & ~fresh)
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


def cytoscape_layout(network: Network, view: View) -> dict:
    """A ``preset`` layout that places the nodes where the view's layout puts them and
    refits the view.

    Sent only when the layout changes: filters never rerun a layout.
    """
    positions = {node: {"x": x, "y": y} for node, (x, y) in positions_of(network, view).items()}
    return {"name": "preset", "positions": positions, "fit": True, "padding": 30,
            "animate": False}
