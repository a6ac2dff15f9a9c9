"""What the user is looking at, as one value: filters, layout and selection.

The view lives in the URL query, so a link restores it and back/forward work.
Parsing never fails: unknown ids are dropped and a malformed value falls back to
its default.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from ..corpus.model import Corpus
from ..corpus.schema import POLARITIES, RELATION_TYPES
from .query import MAX_MOVED, NONE, cell, choice, ids, moved, normalize_ids, small_int, years
from .story import steps_for

LAYOUTS: dict[str, str] = {
    "force": "Force-directed",
    "concentric": "Concentric: most accused at the centre",
    "faction": "Grouped by faction",
}
FACTION_MODES: dict[str, str] = {
    "touching": "touching the selected factions",
    "between": "between the selected factions only",
}
COLORINGS: dict[str, str] = {
    "faction": "Declared faction",
    "community": "Detected community",
}
#: Node measures a view can size nodes by (computed in ``analysis``).
MEASURES: dict[str, str] = {
    "accused": "Accused by (hostile relations received)",
    "accuses": "Accuses (hostile relations made)",
    "degree": "Degree (all relations)",
    "betweenness": "Betweenness (hostile relations)",
    "pagerank": "PageRank (hostile relations)",
}
MAX_QUERY = 4000  # a longer query string is not one this app wrote
#: Above this many people and edges together, the app opens on one document (``start_view``).
START_LIMIT = 3000
ALL = "all"  # the query value for "every document" when the start view shows one
#: The query keys each side-panel tab does not depend on: the browser leaves them out of
#: the tab's key, and draws the tab again only when its key changes (``assets/app.js``).
PANEL_IGNORES: dict[str, tuple[str, ...]] = {
    "detail": ("layout", "color", "size", "step", "present", "table", "moved"),
    "analysis": ("layout", "color", "size", "step", "present", "relation", "table", "moved"),
}


@dataclass(frozen=True)
class View:
    """Filters, layout and selection. ``None`` means "all"; ``()`` means "none ticked"."""

    factions: tuple[str, ...] | None = None
    mode: str = "touching"
    types: tuple[str, ...] | None = None
    polarities: tuple[str, ...] | None = None
    claimants: tuple[str, ...] | None = None
    years: tuple[int, int] | None = None
    hide_isolated: bool = False
    layout: str = "force"
    person: str = ""
    relation: str = ""
    documents: tuple[str, ...] | None = None
    #: (source faction, target faction, polarity or "all"): one square of the matrix
    cell: tuple[str, str, str] | None = None
    color: str = "faction"
    size: str = ""  # a key of MEASURES, or "" for the default size
    step: int = 0  # the guided walk's step, from 1; 0 when not walking
    present: bool = False  # projector view
    table: bool = False  # the graph shown as a list and a table
    #: People moved by hand: (id, x, y) in layout units, in the order they were moved
    moved: tuple[tuple[str, int, int], ...] = ()

    def select_person(self, person: str) -> View:
        return replace(self, person=person, relation="")

    def select_relation(self, relation: str) -> View:
        return replace(self, person="", relation=relation)

    def filters_only(self) -> View:
        """The same filters and layout with nothing selected."""
        return replace(self, person="", relation="")

    def move(self, person: str, x: float, y: float) -> View:
        """The view with ``person`` placed by hand at (x, y) (the latest place wins)."""
        others = tuple(m for m in self.moved if m[0] != person)
        return replace(self, moved=(*others, (person, round(x), round(y)))[-MAX_MOVED:])


@dataclass(frozen=True)
class Bounds:
    """What a view may hold for one corpus: the ids and the year span."""

    factions: tuple[str, ...]
    types: tuple[str, ...]
    polarities: tuple[str, ...]
    claimants: tuple[str, ...]
    people: frozenset[str]
    relations: frozenset[str]
    years: tuple[int, int]
    documents: tuple[str, ...] = ()
    steps: int = 0  # how many steps the guided walk has
    start: View = View()  # the view an address without a query shows

    @classmethod
    def of(cls, corpus: Corpus, steps: int | None = None) -> Bounds:
        """The bounds of ``corpus``; ``steps`` is the walk's length when the caller has it."""
        rels = corpus.relations.values()
        years = ([r.year_from for r in rels] + [r.year_to for r in rels]) or [1945, 1955]
        claimants = Counter(r.claimant for r in rels)
        kinds = {r.type for r in rels}
        return cls(
            factions=tuple(corpus.factions),
            documents=tuple(corpus.documents),
            types=tuple(t for t in RELATION_TYPES if t in kinds),
            polarities=POLARITIES,
            claimants=tuple(sorted(claimants, key=lambda c: (-claimants[c], c))),
            people=frozenset(corpus.people),
            relations=frozenset(corpus.relations),
            years=(min(years), max(years)),
            steps=len(steps_for(corpus)) if steps is None else steps,
            start=start_view(corpus),
        )


def start_view(corpus: Corpus, limit: int | None = None) -> View:
    """The view the app opens on: everything, unless everything is more than Cytoscape
    draws in a few seconds (``START_LIMIT`` people and edges together). A corpus that large
    opens on its first document without the people it leaves isolated; the Documents filter
    and "hide people left without relations" show where the reader is and undo it.
    """
    limit = START_LIMIT if limit is None else limit
    pairs = {(r.source, r.target) for r in corpus.relations.values()}
    if len(corpus.people) + len(pairs) <= limit or len(corpus.documents) < 2:
        return View()
    return View(documents=(next(iter(corpus.documents)),), hide_isolated=True)


def parse_query(search: object, bounds: Bounds) -> View:
    """Turn ``?faction=soviet,yanan&person=pak-il-u`` into a View, dropping what is unknown.

    >>> b = Bounds(("soviet", "yanan", "domestic"), ("accuses",), ("hostile",), ("kim",),
    ...            frozenset({"pak-il-u"}), frozenset({"r001"}), (1945, 1955))
    >>> v = parse_query("?faction=soviet,yanan,nope&person=pak-il-u&from=1950&to=x", b)
    >>> v.factions, v.person, v.years
    (('soviet', 'yanan'), 'pak-il-u', (1950, 1955))
    >>> parse_query("?person=../../etc/passwd&layout=<script>&faction=nope", b) == View()
    True
    >>> parse_query(["?person=pak-il-u"], b) == View()  # not a string: the start view
    True
    """
    search = search.lstrip("?") if isinstance(search, str) else ""
    start = bounds.start
    if not search or len(search) > MAX_QUERY:
        return start
    try:
        query = parse_qs(search, keep_blank_values=False, max_num_fields=40)
    except ValueError:
        return start
    first = {k: v[0].strip() for k, v in query.items() if v}
    view = View(
        documents=(ids(query["document"], bounds.documents) if "document" in query
                   else start.documents),
        cell=cell(first.get("cell", ""), bounds.factions),
        color=choice(first.get("color"), COLORINGS, "faction"),
        size=choice(first.get("size"), MEASURES, ""),
        step=min(small_int(first.get("step")), bounds.steps),
        present=first.get("present") == "1",
        table=first.get("table") == "1",
        moved=moved(first.get("moved", ""), bounds.people),
        factions=ids(query.get("faction", []), bounds.factions),
        mode=choice(first.get("mode"), FACTION_MODES, "touching"),
        types=ids(query.get("type", []), bounds.types),
        polarities=ids(query.get("polarity", []), bounds.polarities),
        claimants=ids(query.get("claimant", []), bounds.claimants),
        years=years(first.get("from"), first.get("to"), bounds.years),
        hide_isolated=(first["isolated"] == "hide" if "isolated" in first
                       else start.hide_isolated),
        layout=choice(first.get("layout"), LAYOUTS, "force"),
    )
    if first.get("person") in bounds.people:
        view = view.select_person(first["person"])
    elif first.get("relation") in bounds.relations:
        view = view.select_relation(first["relation"])
    return view


def to_query(view: View, start: View = View()) -> str:
    """The shortest query string that restores ``view``: what equals ``start`` (the
    corpus's ``Bounds.start``) is left out.

    >>> to_query(View(factions=("soviet", "yanan"), person="pak-il-u"))
    '?faction=soviet%2Cyanan&person=pak-il-u'
    >>> to_query(View())
    ''
    >>> to_query(View(), start=View(documents=("d1",), hide_isolated=True))
    '?document=all&isolated=show'
    """
    params: list[tuple[str, str]] = []
    if view.documents != start.documents:
        params.append(("document", ALL if view.documents is None
                       else ",".join(view.documents) or NONE))
    for key, values in (("faction", view.factions),
                        ("type", view.types), ("polarity", view.polarities),
                        ("claimant", view.claimants)):
        if values is not None:
            params.append((key, ",".join(values) or NONE))
    if view.mode != "touching":
        params.append(("mode", view.mode))
    if view.years:
        params += [("from", str(view.years[0])), ("to", str(view.years[1]))]
    if view.hide_isolated != start.hide_isolated:
        params.append(("isolated", "hide" if view.hide_isolated else "show"))
    if view.layout != "force":
        params.append(("layout", view.layout))
    if view.cell:
        params.append(("cell", ",".join(view.cell)))
    if view.color != "faction":
        params.append(("color", view.color))
    if view.size:
        params.append(("size", view.size))
    if view.step:
        params.append(("step", str(view.step)))
    if view.present:
        params.append(("present", "1"))
    if view.table:
        params.append(("table", "1"))
    if view.moved:
        params.append(("moved", ";".join(f"{p}:{x}:{y}" for p, x, y in view.moved)))
    if view.person:
        params.append(("person", view.person))
    elif view.relation:
        params.append(("relation", view.relation))
    return "?" + urlencode(params) if params else ""


__all__ = ["ALL", "MAX_MOVED", "NONE", "View", "Bounds", "normalize_ids", "parse_query",
           "start_view", "to_query"]
