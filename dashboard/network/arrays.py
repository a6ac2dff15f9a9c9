"""The network as arrays, so a view over 25,000 relations costs no Python loop per relation.

``graph`` turns a view into boolean masks over the relations and the people (``Arrays``),
and what a view draws into one array per element field (``Drawing``). Two drawings are
compared field by field with numpy (``Drawing.changes``); the list of element dicts
Cytoscape takes is built only when it is asked for (``Drawing.elements``), and holds only
the people and edges the view shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from ..corpus.model import Corpus

PARENT_PREFIX = "faction__"
KINDS = ("faction", "person", "edge")  # the element blocks, in the order of ``elements``
#: The kinds a view adds and removes; faction boxes (a handful) stay, hidden or shown.
MEMBERSHIP_KINDS = ("person", "edge")


@dataclass(frozen=True)
class Shown:
    """What a view shows: relation ids and node ids (and the same as masks, in corpus order)."""

    relations: frozenset[str]
    nodes: frozenset[str]
    relation_mask: np.ndarray = field(default_factory=lambda: np.zeros(0, bool), compare=False,
                                      repr=False)
    node_mask: np.ndarray = field(default_factory=lambda: np.zeros(0, bool), compare=False,
                                  repr=False)


class Arrays:
    """Relations, people and edges as parallel arrays, with codes for the filtered fields."""

    def __init__(self, corpus: Corpus, edges: dict, edge_of: dict[str, str],
                 accused: dict[str, int]) -> None:
        people, rels = list(corpus.people.values()), list(corpus.relations.values())
        self.person_ids = np.array([p.id for p in people], dtype=object)
        self.person_index = {p.id: i for i, p in enumerate(people)}
        self.faction_ids = list(corpus.factions)
        self.relation_ids = np.array([r.id for r in rels], dtype=object)
        self.relation_index = {r.id: i for i, r in enumerate(rels)}
        self.edge_ids = np.array(list(edges), dtype=object)
        edge_index = {e: i for i, e in enumerate(edges)}
        self.codes = {"faction": {f: i for i, f in enumerate(self.faction_ids)}}
        self.column: dict[str, np.ndarray] = {}
        for name in ("document", "type", "polarity", "claimant"):
            values = [getattr(r, name) for r in rels]
            self.codes[name] = {v: i for i, v in enumerate(dict.fromkeys(values))}
            self.column[name] = np.array([self.codes[name][v] for v in values], dtype=np.intp)
        self.faction_of = np.array([self.codes["faction"][p.faction] for p in people],
                                   dtype=np.intp)
        self.source = np.array([self.person_index[r.source] for r in rels], dtype=np.intp)
        self.target = np.array([self.person_index[r.target] for r in rels], dtype=np.intp)
        self.edge = np.array([edge_index[edge_of[r.id]] for r in rels], dtype=np.intp)
        self.year_from = np.array([r.year_from for r in rels], dtype=np.int64)
        self.year_to = np.array([r.year_to for r in rels], dtype=np.int64)
        self.parents = np.array([PARENT_PREFIX + p.faction for p in people], dtype=object)
        self.static: dict[str, tuple[tuple[str, ...], list[tuple]]] = {  # the fields no view
            # changes: their names, and a row per element
            "faction": (("id", "label", "faction", "kind"),
                        [(PARENT_PREFIX + f.id, f.label, f.id, "faction")
                         for f in corpus.factions.values()]),
            "person": (("id", "label", "faction", "kind", "contested", "accused"),
                       [(p.id, p.name + (" (?)" if p.is_uncertain else ""), p.faction, p.kind,
                         p.is_contested, accused.get(p.id, 0)) for p in people]),
            "edge": (("id", "source", "target"),
                     [(e.id, e.source, e.target) for e in edges.values()]),
        }
        self.element_ids = {kind: np.array([row[0] for row in rows], dtype=object)
                            for kind, (_, rows) in self.static.items()}
        top = max((len(e.relations) for e in edges.values()), default=1)
        self.labels = np.array(["", ""] + [str(n) for n in range(2, top + 1)], dtype=object)

    # -- a view as masks ---------------------------------------------------------------------

    def among(self, name: str, chosen: Iterable[str]) -> np.ndarray:
        """Relations whose ``name`` field is one of ``chosen`` (unknown values match none)."""
        codes = [self.codes[name][c] for c in chosen if c in self.codes[name]]
        return np.isin(self.column[name], codes)

    def chosen_factions(self, chosen: Iterable[str]) -> np.ndarray:
        mask = np.zeros(len(self.faction_ids), dtype=bool)
        mask[[self.codes["faction"][f] for f in chosen if f in self.codes["faction"]]] = True
        return mask

    def relations_in(self, ids: Iterable[str]) -> np.ndarray:
        mask = np.zeros(len(self.relation_ids), dtype=bool)
        mask[[self.relation_index[r] for r in ids if r in self.relation_index]] = True
        return mask

    def ends(self, relations: np.ndarray) -> np.ndarray:
        """The people at either end of the masked relations, as a mask."""
        mask = np.zeros(len(self.person_ids), dtype=bool)
        mask[self.source[relations]] = mask[self.target[relations]] = True
        return mask

    def shown(self, relations: np.ndarray, factions: tuple[str, ...] | None,
              hide_isolated: bool, nodes: np.ndarray | None = None) -> Shown:
        """The masked relations and the people shown with them: their ends, and unless
        isolated people are hidden, everyone in the chosen factions (``nodes`` if given)."""
        if nodes is None:
            nodes = self.ends(relations)
            if not hide_isolated:
                nodes |= (np.ones(len(self.person_ids), dtype=bool) if factions is None
                          else self.chosen_factions(factions)[self.faction_of])
        return Shown(frozenset(self.relation_ids[relations].tolist()),
                       frozenset(self.person_ids[nodes].tolist()), relations, nodes)

    # -- columns of a drawing ----------------------------------------------------------------

    def per_edge(self, relations: np.ndarray) -> np.ndarray:
        """Edges with at least one masked relation."""
        return np.bincount(self.edge[relations], minlength=len(self.edge_ids)) > 0

    def per_person(self, values: Mapping[str, object]) -> np.ndarray:
        """``values[id]`` for every person, None where it has none."""
        return np.array([values.get(p) for p in self.person_ids.tolist()] if values else
                        [None] * len(self.person_ids), dtype=object)

    def edge_polarity(self, relations: np.ndarray) -> np.ndarray:
        """Each edge's polarity over its masked relations: the one they share, ``mixed``,
        or ``neutral`` for an edge without any."""
        codes = self.codes["polarity"]
        names = np.array(["neutral", *codes, "mixed"], dtype=object)
        if not codes:
            return np.full(len(self.edge_ids), "neutral", dtype=object)
        kinds = np.stack([self.per_edge(relations & (self.column["polarity"] == c))
                          for c in codes.values()])
        how_many = kinds.sum(axis=0)
        which = np.where(how_many == 0, 0, np.where(how_many > 1, len(names) - 1,
                                                    kinds.argmax(axis=0) + 1))
        return names[which]



@dataclass
class Drawing:
    """What one view draws: for each element kind, one array per data field that a view
    changes (``columns``), and the layout that places the people."""

    arrays: Arrays
    positions: dict[str, tuple[float, float]]
    layout: str
    columns: dict[str, dict[str, np.ndarray]]

    @property
    def dimming(self) -> bool:
        """Whether everything but a selection's ``lit`` neighbourhood fades
        (``styles.DIM_RULE`` in the stylesheet)."""
        return bool(self.columns["person"]["lit"].any())

    def elements(self) -> list[dict]:
        """The Cytoscape elements this view draws, in the order faction boxes, people, edges.

        People and edges the view does not show are left out (Cytoscape styles and lays out
        every element it holds, hidden or not); the few faction boxes are always there,
        ``hidden`` unless the faction layout groups people in them.
        """
        return [element for kind in KINDS
                for element in self._build(kind, np.flatnonzero(self.shown(kind)))]

    def shown(self, kind: str) -> np.ndarray:
        """Which ``kind`` elements the view shows (the graph holds), as a mask."""
        hidden = self.columns[kind]["hidden"]
        return ~hidden if kind in MEMBERSHIP_KINDS else np.ones(len(hidden), bool)

    def _fields(self, kind: str) -> dict[str, np.ndarray]:
        """The changing fields an element carries (``hidden`` only where it is kept)."""
        columns = self.columns[kind]
        return columns if kind not in MEMBERSHIP_KINDS else \
            {k: v for k, v in columns.items() if k != "hidden"}

    def _build(self, kind: str, at: np.ndarray) -> list[dict]:
        names, rows = self.arrays.static[kind]
        fields = self._fields(kind)
        keys = (*names, *fields)
        changing = zip(*(c[at].tolist() for c in fields.values()), strict=True)
        data = [dict(zip(keys, rows[i] + more, strict=True))
                for i, more in zip(at.tolist(), changing, strict=True)]
        if kind != "person":
            return [{"data": d} for d in data]
        return [{"data": d, "position": {"x": self.positions[d["id"]][0],
                                         "y": self.positions[d["id"]][1]}} for d in data]

    def changes(self, new: Drawing) -> dict[str, object]:
        """What turns the graph drawn for this view into ``new``'s, by element id.

        ``remove``: ids to take out; ``add``: elements to put in (in element order);
        ``data``: ``{id: {field: value}}`` for elements in both; ``position``:
        ``{id: {"x", "y"}}`` for people in both whose place changed (another layout, or a
        person moved by hand). Empty parts are
        left out, so no change is ``{}``. The browser applies them by id
        (``assets/graph.js``), whatever order its element list is in.
        """
        remove: list[str] = []
        add: list[dict] = []
        data: dict[str, dict[str, object]] = {}
        position: dict[str, dict[str, float]] = {}
        for kind in KINDS:
            ids = self.arrays.element_ids[kind]
            was, now = self.shown(kind), new.shown(kind)
            remove += ids[was & ~now].tolist()
            add += new._build(kind, np.flatnonzero(now & ~was))
            both = was & now
            for key, values in new._fields(kind).items():
                at = np.flatnonzero(both & (self.columns[kind][key] != values))
                for element, value in zip(ids[at].tolist(), values[at].tolist(), strict=True):
                    data.setdefault(element, {})[key] = value
            if kind == "person" and self.positions is not new.positions:
                for element in ids[both].tolist():
                    if self.positions[element] != new.positions[element]:
                        x, y = new.positions[element]
                        position[element] = {"x": x, "y": y}
        parts = (("remove", remove), ("add", add), ("data", data), ("position", position))
        return {name: part for name, part in parts if part}
