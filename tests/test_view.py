"""The view in the URL: ``parse_query`` and ``to_query`` on a small named set of bounds.

A query this app wrote must come back as the same view; anything else (a stale link,
an unknown id, a hand-edited or hostile URL) must fall back to a default, never raise.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.corpus import Corpus
from dashboard.corpus.schema import POLARITIES
from dashboard.network.graph import Network
from dashboard.network.query import CELL_POLARITIES
from dashboard.network.view import (
    COLORINGS,
    FACTION_MODES,
    LAYOUTS,
    MAX_MOVED,
    MAX_QUERY,
    MEASURES,
    PANEL_IGNORES,
    Bounds,
    View,
    normalize_ids,
    parse_query,
    start_view,
    to_query,
)
from tests.components import text_of

BOUNDS = Bounds(
    factions=("partisan", "soviet", "domestic"),
    types=("accuses", "criticizes", "protects"),
    polarities=POLARITIES,
    claimants=("kim-il-sung", "ivanov"),
    people=frozenset({"kim-il-sung", "hegai", "pak-il-u", "ivanov"}),
    relations=frozenset({"r1", "r2"}),
    years=(1945, 1955),
    steps=5,
)


def parse(query: str | None) -> View:
    return parse_query(query, BOUNDS)


ROUND_TRIPS = [
    View(),
    View(factions=("soviet",)),
    View(factions=("partisan", "domestic"), mode="between"),
    View(mode="between"),
    View(factions=()),
    View(types=("criticizes",), polarities=("hostile", "neutral")),
    View(types=()),
    View(polarities=()),
    View(claimants=("ivanov",)),
    View(claimants=()),
    View(years=(1950, 1953)),
    View(years=(1945, 1950)),
    View(years=(1950, 1955)),
    View(years=(1950, 1950)),
    View(hide_isolated=True),
    View(layout="concentric"),
    View(layout="faction"),
    View(person="hegai"),
    View(relation="r1"),
    View(cell=("soviet", "partisan", "hostile")),
    View(cell=("soviet", "soviet", "all")),
    View(color="community", size="pagerank"),
    View(step=3, present=True),
    View(table=True),
    View(moved=(("hegai", 120, -40), ("pak-il-u", 0, 7))),
    View(factions=("soviet", "domestic"), mode="between", types=("accuses", "protects"),
         polarities=("hostile",), claimants=("kim-il-sung",), years=(1948, 1952),
         hide_isolated=True, layout="faction", person="pak-il-u"),
]


@pytest.mark.parametrize("view", ROUND_TRIPS, ids=lambda v: to_query(v) or "default")
def test_view_survives_the_url(view: View) -> None:
    assert parse(to_query(view)) == view


@pytest.mark.parametrize("view", ROUND_TRIPS, ids=lambda v: to_query(v) or "default")
def test_written_query_is_a_fixed_point(view: View) -> None:
    query = to_query(view)
    assert to_query(parse(query)) == query


@pytest.mark.parametrize(("query", "canonical"), [
    ("", ""),
    ("?", ""),
    (None, ""),
    ("faction=soviet", "?faction=soviet"),
    ("?faction=domestic,partisan", "?faction=partisan%2Cdomestic"),
    ("?faction=domestic&faction=partisan", "?faction=partisan%2Cdomestic"),
    ("?faction=%20soviet%20", "?faction=soviet"),
    ("?layout=force&mode=touching&isolated=show", ""),
    ("?to=1950&from=1948", "?from=1948&to=1950"),
    ("?relation=r2&layout=concentric", "?layout=concentric&relation=r2"),
])
def test_queries_are_written_back_in_canonical_form(query: str | None, canonical: str) -> None:
    assert to_query(parse(query)) == canonical


def test_default_view_writes_no_query() -> None:
    assert to_query(View()) == ""
    assert parse("") == View()


@pytest.mark.parametrize(("query", "expected"), [
    ("?faction=soviet,nope", View(factions=("soviet",))),
    ("?faction=nope", View()),
    ("?faction=nope,also-nope", View()),
    ("?type=accuses,bogus", View(types=("accuses",))),
    ("?type=supports", View()),
    ("?polarity=hostile,mixed", View(polarities=("hostile",))),
    ("?claimant=nobody", View()),
    ("?person=nobody", View()),
    ("?relation=r9", View()),
    ("?person=nobody&relation=r2", View(relation="r2")),
    ("?layout=spiral", View()),
    ("?mode=sideways", View()),
    ("?isolated=yes", View()),
    ("?colour=red&faction=soviet", View(factions=("soviet",))),
    ("?cell=soviet,nope,hostile", View()),
    ("?cell=soviet,partisan,friendly", View()),
    ("?cell=soviet,partisan,hostile,x", View()),
    ("?cell=soviet", View()),
    ("?color=rainbow&size=height", View()),
    ("?step=x&present=yes", View()),
    ("?table=yes", View()),
    ("?moved=nobody:1:2;hegai:x:3;hegai:1.5:2;hegai", View()),
    ("?moved=hegai:1:2;hegai:3:4", View(moved=(("hegai", 3, 4),))),  # the latest place wins
])
def test_unknown_values_are_dropped(query: str, expected: View) -> None:
    assert parse(query) == expected


HOSTILE = [
    "?" + "x" * (MAX_QUERY + 1),
    "?faction=" + ",".join(["soviet"] * 1000),  # valid ids, but longer than any we write
    "?" + "&".join(f"k{i}=1" for i in range(50)),  # more fields than any we write
    "?person=../../etc/passwd",
    "?person=%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "?person=/etc/passwd&relation=C:\\Windows\\win.ini",
    "?layout=<script>alert(1)</script>",
    "?person=%3Cscript%3Ealert(1)%3C/script%3E&faction=%3Cscript%3E",
    "?faction=javascript:alert(1)",
    "?from=abcd&to=-1950",
    "?from=19500&to=195",
    "?from=1950.5&to=1e3",
    "?from=%20&to=",
    "%%%",
    "?&&&==",
    "?person",
    "?faction=%ZZ&person=%",
    "?person=hegai%00",
    "?person=HEGAI",
    "?faction=",
    "?=soviet",
]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: q[:40])
def test_malformed_queries_fall_back_to_the_default(query: str) -> None:
    assert parse(query) == View()


@pytest.mark.parametrize("year", ["¹⁹⁵⁰", "١٩٥٠", "１９５０", "195\u0660"])
def test_non_ascii_digits_in_a_year_fall_back(year: str) -> None:
    """``str.isdigit`` accepts these; ``int`` rejects some, so they must never reach it."""
    assert parse("?" + urlencode({"from": year, "to": year})).years is None


@pytest.mark.parametrize(("query", "expected"), [
    ("?faction=-", View(factions=())),
    ("?type=-", View(types=())),
    ("?polarity=-", View(polarities=())),
    ("?claimant=-", View(claimants=())),
    ("?faction=-&type=-&polarity=-&claimant=-",
     View(factions=(), types=(), polarities=(), claimants=())),
    ("?faction=-,soviet", View(factions=("soviet",))),
])
def test_dash_means_none_ticked(query: str, expected: View) -> None:
    assert parse(query) == expected


@pytest.mark.parametrize(("view", "query"), [
    (View(factions=()), "?faction=-"),
    (View(types=()), "?type=-"),
    (View(polarities=()), "?polarity=-"),
    (View(claimants=()), "?claimant=-"),
])
def test_none_ticked_is_written_as_dash(view: View, query: str) -> None:
    assert to_query(view) == query


@pytest.mark.parametrize("query", [
    "?faction=partisan,soviet,domestic",
    "?faction=domestic,soviet,partisan,nope",
    "?type=accuses,criticizes,protects",
    "?polarity=hostile,supportive,neutral",
    "?claimant=ivanov,kim-il-sung",
])
def test_all_ticked_means_all(query: str) -> None:
    assert parse(query) == View()


@pytest.mark.parametrize(("values", "expected"), [
    (["partisan", "soviet", "domestic"], None),
    (["domestic", "partisan", "soviet"], None),
    (["domestic", "partisan"], ("partisan", "domestic")),
    (["soviet", "nope"], ("soviet",)),
    ([], ()),
    (None, ()),
    (["nope"], ()),
])
def test_normalize_ids_from_a_checklist(values: list[str] | None,
                                        expected: tuple[str, ...] | None) -> None:
    assert normalize_ids(values, BOUNDS.factions) == expected


@pytest.mark.parametrize(("query", "years"), [
    ("?from=1948&to=1952", (1948, 1952)),
    ("?from=1940&to=1950", (1945, 1950)),
    ("?from=1950&to=1990", (1950, 1955)),
    ("?from=1950", (1950, 1955)),
    ("?to=1950", (1945, 1950)),
    ("?from=1952&to=1952", (1952, 1952)),
    ("?from=1945&to=1955", None),
    ("?from=1900&to=2000", None),
    ("?from=1953&to=1950", None),
    ("?from=1960", None),
    ("?to=1900", None),
    ("?from=0000&to=0000", None),
])
def test_years_are_clipped_to_the_corpus_span(query: str, years: tuple[int, int] | None) -> None:
    assert parse(query).years == years


def test_years_are_written_as_from_and_to() -> None:
    assert to_query(View(years=(1950, 1953))) == "?from=1950&to=1953"


@pytest.mark.parametrize(("query", "person", "relation"), [
    ("?person=hegai&relation=r1", "hegai", ""),
    ("?relation=r1&person=hegai", "hegai", ""),
    ("?person=nobody&relation=r1", "", "r1"),
    ("?relation=r1", "", "r1"),
])
def test_person_beats_relation(query: str, person: str, relation: str) -> None:
    view = parse(query)
    assert (view.person, view.relation) == (person, relation)


def test_a_view_holding_both_writes_only_the_person() -> None:
    assert to_query(View(person="hegai", relation="r1")) == "?person=hegai"


def test_selecting_clears_the_other_kind_and_keeps_filters() -> None:
    view = View(factions=("soviet",), layout="faction")
    assert view.select_person("hegai").select_relation("r1") == View(
        factions=("soviet",), layout="faction", relation="r1")
    assert view.select_relation("r1").select_person("hegai") == View(
        factions=("soviet",), layout="faction", person="hegai")
    assert view.select_person("hegai").filters_only() == view


# --- a corpus too large to draw at once opens on its first document --------------------------

BIG = dataclasses.replace(BOUNDS, documents=("d1", "d2", "d3"),
                          start=View(documents=("d1",), hide_isolated=True))
BIG_TRIPS = [*ROUND_TRIPS, BIG.start, View(documents=("d2", "d3")), View(documents=("d1",)),
             View(documents=()), View(documents=("d1",), hide_isolated=True, person="hegai"),
             View(documents=("d1", "d2"), hide_isolated=False, layout="faction")]


@pytest.mark.parametrize("view", BIG_TRIPS, ids=lambda v: to_query(v, BIG.start) or "start")
def test_views_survive_the_url_when_the_start_is_one_document(view: View) -> None:
    query = to_query(view, BIG.start)
    assert parse_query(query, BIG) == view
    assert to_query(parse_query(query, BIG), BIG.start) == query


def test_the_start_view_writes_no_query_and_everything_is_written_out() -> None:
    assert to_query(BIG.start, BIG.start) == ""
    assert parse_query("", BIG) == parse_query("?", BIG) == parse_query(None, BIG) == BIG.start
    assert parse_query("?document=all&isolated=show", BIG) == View()
    assert to_query(View(), BIG.start) == "?document=all&isolated=show"
    assert parse_query("?faction=soviet", BIG) == dataclasses.replace(BIG.start,
                                                                       factions=("soviet",))
    assert parse_query("?document=nope", BIG).documents is None  # unknown: every document
    assert parse_query("?person=../../etc/passwd", BIG) == BIG.start
    assert parse_query("?x=" + "a" * MAX_QUERY, BIG) == BIG.start


@pytest.fixture(scope="module")
def documents(valid_corpus: Corpus):
    """The valid corpus with ``n`` documents (copies of its one)."""
    def make(n: int) -> Corpus:
        doc = next(iter(valid_corpus.documents.values()))
        more = {f"extra-{i}": dataclasses.replace(doc, id=f"extra-{i}") for i in range(n - 1)}
        return dataclasses.replace(valid_corpus, documents={doc.id: doc, **more})
    return make


def test_start_view_only_narrows_a_large_corpus_of_several_documents(documents) -> None:
    corpus = documents(3)
    size = len(corpus.people) + len({(r.source, r.target) for r in corpus.relations.values()})
    first = next(iter(corpus.documents))
    assert start_view(corpus) == View()  # the fixture is small
    assert start_view(corpus, limit=size) == View()
    assert start_view(corpus, limit=size - 1) == View(documents=(first,), hide_isolated=True)
    assert start_view(documents(1), limit=0) == View()  # one document: nothing to narrow to
    assert Bounds.of(corpus).start == View()


def test_the_intro_says_when_the_start_view_narrows_the_corpus(documents) -> None:
    from dashboard.web.components.detail import intro_panel

    corpus = documents(3)
    start = start_view(corpus, limit=0)
    first = next(iter(corpus.documents.values()))
    said = text_of(intro_panel(corpus, start))
    assert "opens on its first document" in said and first.title in said
    assert "opens on its first document" not in text_of(intro_panel(corpus, View()))


# --- the matrix square: source faction, target faction, polarity ------------------------------


@pytest.mark.parametrize(("query", "cell"), [
    ("?cell=soviet,partisan,hostile", ("soviet", "partisan", "hostile")),
    ("?cell=soviet%2Cpartisan%2Call", ("soviet", "partisan", "all")),
    ("?cell=soviet,partisan", ("soviet", "partisan", "all")),  # a link from before polarity
])
def test_a_cell_is_three_parts(query: str, cell: tuple[str, str, str]) -> None:
    assert parse(query).cell == cell
    assert to_query(View(cell=cell)) == "?cell=" + "%2C".join(cell)


# --- every view the shipped corpus allows survives the URL ------------------------------------


def _subsets(allowed: tuple[str, ...]) -> st.SearchStrategy:
    """None (all), or a proper subset in the allowed order (ticking all is all)."""
    proper = st.lists(st.sampled_from(allowed), unique=True, max_size=len(allowed) - 1).map(
        lambda chosen: tuple(a for a in allowed if a in chosen))
    return st.none() | proper if allowed else st.none()


@st.composite
def views(draw: st.DrawFn, bounds: Bounds) -> View:
    low, high = bounds.years
    years = st.tuples(st.integers(low, high), st.integers(low, high)).map(sorted).map(tuple)
    selection = draw(st.sampled_from(["", "person", "relation"]))
    return View(
        factions=draw(_subsets(bounds.factions)),
        mode=draw(st.sampled_from(list(FACTION_MODES))),
        types=draw(_subsets(bounds.types)),
        polarities=draw(_subsets(bounds.polarities)),
        claimants=draw(_subsets(bounds.claimants)),
        years=draw(st.none() | years.filter(lambda y: y != (low, high))),
        hide_isolated=draw(st.booleans()),
        layout=draw(st.sampled_from(list(LAYOUTS))),
        person=draw(st.sampled_from(sorted(bounds.people))) if selection == "person" else "",
        relation=(draw(st.sampled_from(sorted(bounds.relations)))
                  if selection == "relation" else ""),
        documents=draw(_subsets(bounds.documents)),
        cell=draw(st.none() | st.tuples(st.sampled_from(bounds.factions),
                                        st.sampled_from(bounds.factions),
                                        st.sampled_from(CELL_POLARITIES))),
        color=draw(st.sampled_from(list(COLORINGS))),
        size=draw(st.sampled_from(["", *MEASURES])),
        step=draw(st.integers(0, bounds.steps)),
        present=draw(st.booleans()),
        table=draw(st.booleans()),
        moved=tuple(draw(st.lists(st.tuples(st.sampled_from(sorted(bounds.people)),
                                            st.integers(-9999, 9999), st.integers(-9999, 9999)),
                                  max_size=4, unique_by=lambda m: m[0]))),
    )


@given(data=st.data())
def test_every_view_of_the_shipped_corpus_survives_the_url(shipped_network: Network,
                                                           data: st.DataObject) -> None:
    bounds = shipped_network.bounds
    view = data.draw(views(bounds))
    query = to_query(view, bounds.start)
    assert parse_query(query, bounds) == view
    assert to_query(parse_query(query, bounds), bounds.start) == query
    assert len(query) <= MAX_QUERY


def test_the_panels_ignore_only_view_keys() -> None:
    """``PANEL_IGNORES`` names query keys the browser drops from a panel's key: each must be
    one ``to_query`` writes."""
    written = to_query(View(layout="faction", color="community", size="degree", step=2,
                            present=True, relation="r1", table=True, moved=(("hegai", 1, 2),)))
    keys = {pair.split("=")[0] for pair in written.lstrip("?").split("&")}
    assert {k for ignored in PANEL_IGNORES.values() for k in ignored} <= keys


def test_a_person_moved_again_keeps_only_the_latest_place() -> None:
    view = View().move("a", 1.4, 2.6).move("b", 0, 0).move("a", 5, -5.5)
    assert view.moved == (("b", 0, 0), ("a", 5, -6))
    many = View()
    for i in range(MAX_MOVED + 5):
        many = many.move(f"p{i}", i, i)
    assert len(many.moved) == MAX_MOVED and many.moved[-1][0] == f"p{MAX_MOVED + 4}"
