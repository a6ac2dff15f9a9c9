"""The view in the URL: ``parse_query`` and ``to_query`` on a small named set of bounds.

A query this app wrote must come back as the same view; anything else (a stale link,
an unknown id, a hand-edited or hostile URL) must fall back to a default, never raise.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import urlencode

import pytest

from dashboard.corpus import Corpus, load_valid_corpus
from dashboard.corpus.schema import POLARITIES
from dashboard.view import (
    MAX_QUERY,
    Bounds,
    View,
    normalize_ids,
    parse_query,
    start_view,
    to_query,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"

BOUNDS = Bounds(
    factions=("partisan", "soviet", "domestic"),
    types=("accuses", "criticizes", "protects"),
    polarities=POLARITIES,
    claimants=("kim-il-sung", "ivanov"),
    people=frozenset({"kim-il-sung", "hegai", "pak-il-u", "ivanov"}),
    relations=frozenset({"r1", "r2"}),
    years=(1945, 1955),
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


def documents(n: int) -> Corpus:
    corpus = load_valid_corpus(FIXTURES / "valid")
    doc = next(iter(corpus.documents.values()))
    more = {f"extra-{i}": dataclasses.replace(doc, id=f"extra-{i}") for i in range(n - 1)}
    return dataclasses.replace(corpus, documents={doc.id: doc, **more})


def test_start_view_only_narrows_a_large_corpus_of_several_documents() -> None:
    corpus = documents(3)
    size = len(corpus.people) + len({(r.source, r.target) for r in corpus.relations.values()})
    first = next(iter(corpus.documents))
    assert start_view(corpus) == View()  # the fixture is small
    assert start_view(corpus, limit=size) == View()
    assert start_view(corpus, limit=size - 1) == View(documents=(first,), hide_isolated=True)
    assert start_view(documents(1), limit=0) == View()  # one document: nothing to narrow to
    assert Bounds.of(corpus).start == View()


def test_the_intro_says_when_the_start_view_narrows_the_corpus() -> None:
    from dashboard.panels import intro_panel
    from tests.components import text_of

    corpus = documents(3)
    start = start_view(corpus, limit=0)
    first = next(iter(corpus.documents.values()))
    said = text_of(intro_panel(corpus, start))
    assert "opens on its first document" in said and first.title in said
    assert "opens on its first document" not in text_of(intro_panel(corpus, View()))
