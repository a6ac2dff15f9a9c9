"""The analysis views on small named graphs whose answers can be worked out by hand.

``STAR``: three people in faction red (a, b, c) each accuse ``hub`` (blue) once; ``hub``
supports ``a``. ``CHAIN``: a -> b -> c, hostile. ``CLIQUES``: two four-person cliques of
supportive relations, red {a, b, c, d} and blue {e, f, g, h}, joined by one hostile
relation d -> e; ``CROSSED`` is the same graph with factions alternating a red, b blue,
c red, ... so each faction has two people in each clique.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from itertools import combinations

import networkx as nx
import pandas as pd
import pytest
from dash import dcc, html, no_update

from dashboard.corpus.model import Corpus, Document, Faction, Paragraph, Period, Person, Relation
from dashboard.network import analysis
from dashboard.network.drawing import drawing
from dashboard.network.graph import Network
from dashboard.network.view import View, parse_query, to_query
from dashboard.web import ids
from dashboard.web.callbacks import analysis as callbacks
from dashboard.web.callbacks import url
from dashboard.web.components.analysis import (
    DEFAULT_SORT,
    EVERYONE,
    agreement_words,
    chart,
    claimant_label,
    people_table,
    sort_people,
)
from dashboard.web.components.charts import brushed_years, matrix_figure, timeline_figure
from dashboard.web.layout import build_layout

DOC = "doc"


def corpus(people: list[tuple[str, str]],
           relations: list[tuple[str, str, str, str, str, int, int]]) -> Corpus:
    """A corpus from ``(id, faction)`` people and
    ``(source, target, polarity, claimant, year_from, year_to, ...)`` relations (ids r1, r2...)."""
    factions = dict.fromkeys(f for _, f in people)
    text = " ".join(f"{s} {t}." for s, t, *_ in relations) or "Nothing."
    rels = {}
    for i, (source, target, polarity, claimant, low, high) in enumerate(relations, 1):
        kind = {"hostile": "accuses", "supportive": "supports"}.get(polarity, "informs")
        rels[f"r{i}"] = Relation(f"r{i}", DOC, source, target, kind, polarity, claimant, "all",
                                 low, high, f"{source} {target}.", paragraph=1)
    return Corpus(
        documents={DOC: Document(DOC, "A document", "1955-12-07", "Ivanov", "", "", "", "",
                                 "", (Paragraph(DOC, 1, text),))},
        factions={f: Faction(f, f.title(), "", "#000000", "ellipse") for f in factions},
        periods={"all": Period("all", "All", 1945, 1955, "")},
        people={p: Person(p, p.title(), "person", f) for p, f in people},
        relations=rels,
    )


def cliques(faction_of: dict[str, str]) -> Corpus:
    pairs = [pair for group in ("abcd", "efgh") for pair in combinations(group, 2)]
    return corpus(list(faction_of.items()),
                  [(s, t, "supportive", "kim", 1950, 1950) for s, t in pairs]
                  + [("d", "e", "hostile", "kim", 1950, 1950)])


CORPORA = {
    "star": corpus([("a", "red"), ("b", "red"), ("c", "red"), ("hub", "blue")],
                   [("a", "hub", "hostile", "kim", 1950, 1950),
                    ("b", "hub", "hostile", "kim", 1951, 1953),
                    ("c", "hub", "hostile", "ivanov", 1953, 1953),
                    ("hub", "a", "supportive", "kim", 1948, 1948)]),
    "chain": corpus([("a", "red"), ("b", "red"), ("c", "blue")],
                    [("a", "b", "hostile", "kim", 1950, 1950),
                     ("b", "c", "hostile", "kim", 1950, 1950)]),
    "cliques": cliques({p: "red" if p in "abcd" else "blue" for p in "abcdefgh"}),
    "crossed": cliques({p: "red" if i % 2 == 0 else "blue" for i, p in enumerate("abcdefgh")}),
}


@functools.cache
def build(name: str) -> Network:
    return Network.build(CORPORA[name])


# --- faction matrix --------------------------------------------------------------------------


def test_matrix_counts_relations_by_faction_pair_and_polarity() -> None:
    net = build("star")
    hostile = analysis.faction_matrix(net, View(), "hostile")
    assert hostile.to_dict() == {"red": {"red": 0, "blue": 0}, "blue": {"red": 3, "blue": 0}}
    every = analysis.faction_matrix(net, View())
    assert every.loc["red", "blue"] == 3 and every.loc["blue", "red"] == 1
    assert int(every.to_numpy().sum()) == 4


def test_matrix_follows_filters_but_ignores_its_own_cell() -> None:
    net = build("star")
    assert analysis.faction_matrix(net, View(claimants=("kim",))).loc["red", "blue"] == 2
    chosen = View(cell=("blue", "red"))
    assert analysis.faction_matrix(net, chosen).equals(analysis.faction_matrix(net, View()))


# --- people measures -------------------------------------------------------------------------


def test_star_measures() -> None:
    table = analysis.people_measures(build("star"), View())
    assert list(table.index)[0] == "hub"  # the most accused first
    assert table.loc["hub", ["accused", "accuses", "degree"]].tolist() == [3, 0, 4]
    assert table.loc["a", ["accused", "accuses", "degree"]].tolist() == [0, 1, 2]
    assert table.loc["hub", "betweenness"] == pytest.approx(1.0)  # every leaf pair via hub
    assert table.loc[["a", "b", "c"], "betweenness"].tolist() == [0, 0, 0]
    rank = table["pagerank"]
    assert rank["hub"] > rank["a"] and rank["a"] == pytest.approx(rank["b"])
    assert rank.sum() == pytest.approx(1.0)


def test_pagerank_follows_the_chain_of_accusations() -> None:
    rank = analysis.people_measures(build("chain"), View())["pagerank"]
    assert rank["c"] > rank["b"] > rank["a"]


def test_measures_count_only_hostile_relations_but_degree_counts_all() -> None:
    table = analysis.people_measures(build("cliques"), View())
    assert table.loc["e", ["accused", "accuses", "degree"]].tolist() == [1, 0, 4]
    assert table["accused"].sum() == 1


def test_measures_cover_only_what_the_view_shows() -> None:
    net = build("star")
    table = analysis.people_measures(net, View(claimants=("kim",), hide_isolated=True))
    assert set(table.index) == {"a", "b", "hub"}
    assert table.loc["hub", "accused"] == 2


def test_measures_of_an_empty_graph() -> None:
    assert analysis.measures(nx.MultiDiGraph()).empty


def test_hostile_digraph_weights_repeated_accusations() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", polarity="hostile")
    graph.add_edge("a", "b", polarity="hostile")
    graph.add_edge("b", "a", polarity="supportive")
    hostile = analysis.hostile_digraph(graph)
    assert list(hostile.edges(data="weight")) == [("a", "b", 2)]


@pytest.mark.parametrize(("values", "expected"), [
    ({"a": 0, "b": 1, "c": 4}, {"a": 24.0, "b": 47.0, "c": 70.0}),
    ({"a": 0.2, "b": 0.6}, {"a": 24.0, "b": 70.0}),
    ({"a": 3, "b": 3}, {"a": 24.0, "b": 24.0}),
    ({}, {}),
])
def test_node_sizes(values: dict, expected: dict) -> None:
    assert analysis.node_sizes(values) == expected


# --- timeline and voices ---------------------------------------------------------------------


def test_timeline_counts_a_relation_in_each_year_it_refers_to() -> None:
    net = build("star")
    table = analysis.timeline(net, View())
    assert list(table.index) == list(range(1948, 1954))
    assert table["blue"].to_dict() == {1948: 0, 1949: 0, 1950: 1, 1951: 1, 1952: 1, 1953: 2}
    assert table["red"].to_dict()[1948] == 1
    assert analysis.timeline(net, View(years=(1950, 1950))).equals(table)  # whole span kept


def test_claimant_shares_ignore_the_claimant_filter() -> None:
    net = build("star")
    shares = analysis.claimant_shares(net, View(claimants=("ivanov",)))
    assert shares["relations"].to_dict() == {"kim": 3, "ivanov": 1}
    assert shares["share"].to_dict() == {"kim": 0.75, "ivanov": 0.25}
    assert analysis.claimant_shares(net, View(polarities=())).share.sum() == 0


def test_claimant_label_marks_the_author() -> None:
    star = CORPORA["star"]
    people = {**star.people, "ivanov": Person("ivanov", "Ivanov", "person", "blue")}
    assert claimant_label(dataclasses.replace(star, people=people), "ivanov") == \
        "Ivanov (the author's own narration)"
    assert claimant_label(star, "kim") == "kim"  # a claimant who is not a person keeps its id


# --- communities and agreement ---------------------------------------------------------------


def test_two_cliques_are_two_communities() -> None:
    found = analysis.community_labels(build("cliques"), View())
    assert {p: found[p] for p in "abcd"} == dict.fromkeys("abcd", found["a"])
    assert {p: found[p] for p in "efgh"} == dict.fromkeys("efgh", found["e"])
    assert found["a"] != found["e"] and set(found.values()) == {0, 1}


def test_communities_are_seeded_and_numbered_by_size() -> None:
    graph = analysis.filtered_graph(build("cliques"), View())
    assert analysis.communities(graph) == analysis.communities(graph)
    graph.add_edge("x", "y")
    graph.add_node("z")
    found = analysis.communities(graph)
    assert found["x"] == found["y"] == 2 and found["z"] == analysis.NO_COMMUNITY


def test_factions_matching_the_cliques_agree_fully() -> None:
    table, ari = analysis.agreement(build("cliques"), View())
    assert ari == 1.0
    assert sorted(table.to_numpy().ravel().tolist()) == [0, 0, 4, 4]


def test_factions_crossing_the_cliques_agree_less_than_chance() -> None:
    table, ari = analysis.agreement(build("crossed"), View())
    assert ari == pytest.approx(-1 / 6)  # contingency [[2, 2], [2, 2]], worked by hand
    assert table.to_numpy().tolist() == [[2, 2], [2, 2]]


def test_agreement_leaves_out_people_without_relations() -> None:
    table, ari = analysis.agreement(build("chain"), View(polarities=()))
    assert table.empty and ari is None


@pytest.mark.parametrize(("a", "b", "expected"), [
    ([0, 0, 1, 1], [1, 1, 0, 0], 1.0),
    ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),
    ([0, 0, 1, 2], [0, 0, 1, 1], 4 / 7),
    ([0, 0, 0, 0], [0, 0, 0, 0], 1.0),
    ([0, 1, 2, 3], [0, 1, 2, 3], 1.0),
    ([0, 0, 0, 0], [0, 1, 2, 3], 0.0),
    (["x"], ["y"], 1.0),
])
def test_adjusted_rand_index_known_answers(a: list, b: list, expected: float) -> None:
    assert analysis.adjusted_rand_index(a, b) == pytest.approx(expected)
    assert analysis.adjusted_rand_index(b, a) == pytest.approx(expected)


def test_adjusted_rand_index_needs_two_labellings_of_one_length() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        analysis.adjusted_rand_index([0, 1], [0])


def test_adjusted_rand_index_against_the_pair_counting_definition() -> None:
    """The Rand index counts agreeing pairs; its chance-corrected form must match."""
    a, b = list("aabbbcc"), [0, 1, 1, 1, 2, 2, 2]
    same_a = {(i, j) for i, j in combinations(range(7), 2) if a[i] == a[j]}
    same_b = {(i, j) for i, j in combinations(range(7), 2) if b[i] == b[j]}
    pairs, total = len(same_a & same_b), math.comb(7, 2)
    expected = len(same_a) * len(same_b) / total
    best = (len(same_a) + len(same_b)) / 2
    assert analysis.adjusted_rand_index(a, b) == pytest.approx(
        (pairs - expected) / (best - expected))


@pytest.mark.parametrize(("ari", "word"), [
    (1.0, "very close"), (0.6, "substantial"), (0.3, "partial"), (0.05, "weak"),
    (-0.2, "weak"), (None, "too few"),
])
def test_agreement_in_plain_words(ari: float | None, word: str) -> None:
    assert agreement_words(ari).startswith(word)


# --- node fields in the graph ----------------------------------------------------------------


def people_data(net: Network, view: View) -> dict[str, dict]:
    return {e["data"]["id"]: e["data"] for e in drawing(net, view).elements()
            if e["data"].get("kind") == "person"}


def test_elements_carry_community_and_size_only_when_asked() -> None:
    net = build("cliques")
    plain = people_data(net, View())
    assert {(d["community"], d["size"]) for d in plain.values()} == {(None, None)}
    coloured = people_data(net, View(color="community", size="degree"))
    assert {p: d["community"] for p, d in coloured.items()} == analysis.community_labels(
        net, View())
    assert {d["size"] for p, d in coloured.items() if p in "de"} == {70.0}  # degree 4 is top
    assert {d["size"] for p, d in coloured.items() if p not in "de"} == {24.0}


def test_switching_the_colouring_patches_only_the_community_field() -> None:
    net = build("cliques")
    changes = drawing(net, View()).changes(drawing(net, View(color="community")))
    assert set(changes) == {"data"}
    assert {key for fields in changes["data"].values() for key in fields} == {"community"}


# --- the analysis actions (data-action buttons and chart clicks) -----------------------------


@pytest.mark.parametrize(("args", "view", "expected"), [
    (("red", "blue", "hostile"), View(), View(cell=("red", "blue", "hostile"))),
    (("red", "blue", "all"), View(), View(cell=("red", "blue", "all"))),
    (("red", "blue", "hostile"), View(cell=("red", "blue", "hostile")), View()),  # again: off
    (("red", "blue", "all"), View(cell=("red", "blue", "hostile")),
     View(cell=("red", "blue", "all"))),
    (("green", "red", "hostile"), View(), None),  # an unknown faction
    (("red", "blue", "friendly"), View(), None),  # an unknown polarity
    (("red", "blue"), View(), None),
    ((), View(), None),
])
def test_choosing_a_matrix_square(args: tuple, view: View, expected: View | None) -> None:
    assert callbacks.choose_cell(build("star"), view, args, None) == expected


def through_sync(net: Network, action: str, search: str = "", value: object = None) -> tuple:
    """An action through the URL callback, wired as ``callbacks.register`` wires it."""
    controls = url.CORE_CONTROLS + callbacks.CONTROLS
    values = tuple(c.write(net, parse_query(search, net.bounds)) for c in controls)
    return url.sync(net, ids.STORE_ACTION + ".data", {"action": action, "value": value},
                    search, values, controls, url.CORE_ACTIONS + callbacks.ACTIONS)


def test_a_square_through_the_url_callback_filters_by_its_own_polarity() -> None:
    """The square keeps its polarity: the polarity filter is left alone, so clearing the
    square leaves no filter behind."""
    net = build("star")
    address, opened, *mirrored = through_sync(net, "cell red blue hostile")
    assert parse_query(address, net.bounds) == View(cell=("red", "blue", "hostile"))
    assert opened is no_update and all(m is no_update for m in mirrored)
    address, *_ = through_sync(net, "clear-cell", address)
    assert address == ""
    assert through_sync(net, "clear-cell", "")[0] is no_update  # nothing to clear


@pytest.mark.parametrize(("selected", "view", "expected"), [
    ({"range": {"x": [1950.7, 1952.2]}}, View(), View(years=(1951, 1952))),
    ({"range": {"x": [1940, 1960]}}, View(years=(1950, 1951)), View()),  # the whole span
    (None, View(years=(1950, 1951)), None),  # a deselection keeps the filter
    ({"points": []}, View(), None),
])
def test_brushing_the_timeline(selected: object, view: View, expected: View | None) -> None:
    assert callbacks.brush_years(build("star"), view, (), selected) == expected


def test_a_brush_through_the_url_callback_writes_the_years() -> None:
    address, *_ = through_sync(build("star"), "brush", "", {"range": {"x": [1950.7, 1952.2]}})
    assert address == "?from=1951&to=1952"


@pytest.mark.parametrize(("args", "expected"), [
    (("ivanov",), View(claimants=("ivanov",))),
    ((EVERYONE,), View()),
    (("nobody",), None),
    ((), None),
])
def test_voice_buttons(args: tuple, expected: View | None) -> None:
    assert callbacks.pick_voice(build("star"), View(claimants=("kim",)), args, None) == expected


def test_colour_and_size_controls_round_trip() -> None:
    net = build("star")
    color, size = callbacks.CONTROLS
    view = size.read(net, "pagerank", color.read(net, "community", View()))
    assert to_query(view) == "?color=community&size=pagerank"
    assert (color.write(net, view), size.write(net, view)) == ("community", "pagerank")
    assert size.read(net, "none", view).size == "" and color.read(net, "<x>", view).color \
        == "faction"


# --- the people table --------------------------------------------------------------------------


def sort_buttons(table: html.Table) -> dict[str, dict]:
    """Each header's column and the sort its click stores (``data-store``/``data-value``)."""
    out = {}
    for th in table.children[1].children.children:
        props = th.children.to_plotly_json()["props"]
        assert props["data-store"] == ids.STORE_SORT
        out[props["aria-label"]] = json.loads(props["data-value"])
    return out


@pytest.mark.parametrize(("sort", "heading", "expected"), [
    (DEFAULT_SORT, "Degree", {"column": "degree", "descending": True}),
    (DEFAULT_SORT, "Accused by", {"column": "accused", "descending": False}),  # flips
    (DEFAULT_SORT, "Name", {"column": "name", "descending": False}),
    ({"column": "name", "descending": False}, "Name", {"column": "name", "descending": True}),
])
def test_a_header_stores_the_next_sort(sort: dict, heading: str, expected: dict) -> None:
    net = build("star")
    table = people_table(analysis.people_measures(net, View()), net.corpus, sort, "")
    assert sort_buttons(table)[heading] == expected


def test_sort_people_orders_ties_by_name() -> None:
    table = pd.DataFrame({"name": ["B", "A", "C"], "degree": [1, 1, 2]}, index=["b", "a", "c"])
    assert list(sort_people(table, {"column": "degree", "descending": True}).index) == \
        ["c", "a", "b"]
    assert list(sort_people(table, {"column": "name", "descending": False}).index) == \
        ["a", "b", "c"]
    table["accused"] = [0, 2, 1]
    assert list(sort_people(table, {"column": "<nope>"}).index) == ["a", "c", "b"]  # default


# --- the answers: one callback, fired by the tab's key ----------------------------------------


def test_the_answers_follow_the_key() -> None:
    net = build("star")
    out = callbacks.answers(net, "?cell=red,blue", "hostile", None)
    assert [list(row) for row in out["matrix"].data[0].z] == [[0, 3], [0, 0]]
    assert "Red to Blue" in out["cell"] and out["no-cell"] is False
    assert out["matrix"].layout.shapes  # the chosen square is outlined
    assert "is-selected" in str(callbacks.answers(net, "?person=hub", "hostile", None)["people"])
    assert callbacks.answers(net, "?from=1950&to=1951", "all", None)["timeline"].layout.shapes
    assert out["voices"] and out["communities"]
    fallback = callbacks.answers(net, ["not", "a", "key"], "<polarity>", "<sort>")
    assert fallback["no-cell"] is True and fallback["matrix"].data


def test_figures_name_their_axes_and_colour_by_faction() -> None:
    net = build("star")
    matrix = matrix_figure(analysis.faction_matrix(net, View(), "hostile"),
                           net.corpus.factions, "hostile")
    assert matrix.layout.xaxis.title.text == "Faction of the accused"
    assert matrix.layout.yaxis.title.text == "Accuser's faction"
    timeline = timeline_figure(analysis.timeline(net, View()), net.corpus.factions)
    assert {bar.name for bar in timeline.data} == {"Red", "Blue"}
    assert timeline.layout.dragmode == "select"


def test_brushed_years_rounds_to_the_bars_touched() -> None:
    assert brushed_years({"range": {"x": [1949.5, 1950.3]}}, (1945, 1955)) == (1950, 1950)
    assert brushed_years({"range": {"x": ["a", 1950]}}, (1945, 1955)) is None


def _graphs(component: object) -> list:
    if isinstance(component, list | tuple):
        return [g for c in component for g in _graphs(c)]
    found = [component] if isinstance(component, dcc.Graph) else []
    children = getattr(component, "children", None)
    return found + (_graphs(children) if children is not None else [])


def test_the_first_page_holds_no_chart(valid_network: Network) -> None:
    """The charts are mounted when the tab first opens, with pattern ids the figure outputs
    match: the first page does not fetch plotly.js (4.7 MB) before the network."""
    assert _graphs(build_layout(valid_network)) == []
    mounted = chart(ids.CHART_MATRIX, callbacks.answers(valid_network, "", "hostile", None)
                    ["matrix"])
    assert mounted.id == {"type": ids.CHART_MATRIX, "id": "chart"}


def test_the_memo_computes_once_per_filter_view() -> None:
    net = build("star")
    calls = []

    def measure(network, view, *args):
        calls.append((view, args))
        return len(calls)

    memo = callbacks.Memo(net)
    assert memo(measure, View(person="red-1")) == memo(measure, View(relation="x")) == 1
    assert memo(measure, View(color="community", size="pagerank")) == 1  # styling only
    assert memo(measure, View(factions=("red",))) == 2  # another filter: computed anew
    assert memo(measure, View(), "all") == 3  # other arguments too
    assert [view for view, _ in calls] == [View(), View(factions=("red",)), View()]
