"""The network on small named graphs whose answers can be worked out by hand.

The main graph, ``TRIANGLE``: three factions, six people, five relations.

    red:   kim, pak            kim -> ho   r1 accuses    hostile     (kim)  1950
    blue:  ho, yi              kim -> ho   r2 supports   supportive  (pak)  1952-1953
    green: choe, nam           ho  -> kim  r3 criticizes hostile     (kim)  1951
                               pak -> choe r4 informs    neutral     (pak)  1946-1948
    nam has no relations       ho  -> yi   r5 accuses    hostile     (kim)  1954-1955
"""

from __future__ import annotations

import dataclasses
import functools
import math

import networkx as nx
import pytest

from dashboard.corpus.model import Corpus, Document, Faction, Paragraph, Period, Person, Relation
from dashboard.network.drawing import drawing
from dashboard.network.graph import (
    PARENT_PREFIX,
    Network,
    counts,
    filtered,
    shown,
    to_networkx,
)
from dashboard.network.view import LAYOUTS, View
from tests.changes import apply_changes, keyed

DOC = "doc"


def corpus(factions: list[str], people: list[tuple[str, str]],
           relations: list[tuple[str, str, str, str, str, str, int, int]]) -> Corpus:
    """A corpus from ``(id, faction)`` people and
    ``(id, source, target, type, polarity, claimant, year_from, year_to)`` relations."""
    text = " ".join(f"{s} {t} {k}." for _, s, t, k, *_ in relations) or "Nothing."
    return Corpus(
        documents={DOC: Document(DOC, "A document", "1955-12-07", "Ivanov", "", "", "", "",
                                 "", (Paragraph(DOC, 1, text),))},
        factions={f: Faction(f, f.title(), "", "#000000", "ellipse") for f in factions},
        periods={"all": Period("all", "All", 1945, 1955, "")},
        people={p: Person(p, p.title(), "person", f) for p, f in people},
        relations={r[0]: Relation(r[0], DOC, r[1], r[2], r[3], r[4], r[5], "all", r[6], r[7],
                                  f"{r[1]} {r[2]} {r[3]}.", paragraph=1) for r in relations},
    )


TRIANGLE = corpus(
    ["red", "blue", "green"],
    [("kim", "red"), ("pak", "red"), ("ho", "blue"), ("yi", "blue"), ("choe", "green"),
     ("nam", "green")],
    [("r1", "kim", "ho", "accuses", "hostile", "kim", 1950, 1950),
     ("r2", "kim", "ho", "supports", "supportive", "pak", 1952, 1953),
     ("r3", "ho", "kim", "criticizes", "hostile", "kim", 1951, 1951),
     ("r4", "pak", "choe", "informs", "neutral", "pak", 1946, 1948),
     ("r5", "ho", "yi", "accuses", "hostile", "kim", 1954, 1955)],
)
ALL_PEOPLE = {"kim", "pak", "ho", "yi", "choe", "nam"}
ALL_RELATIONS = {"r1", "r2", "r3", "r4", "r5"}
EDGE_IDS = ["kim__ho", "ho__kim", "pak__choe", "ho__yi"]
ELEMENT_IDS = ([PARENT_PREFIX + f for f in ("red", "blue", "green")]
               + ["kim", "pak", "ho", "yi", "choe", "nam"] + EDGE_IDS)

# one person; people without relations; a star whose accused counts need more than 5 rings
SINGLE = corpus(["red"], [("kim", "red")], [])
STRANGERS = corpus(["red", "blue"], [("kim", "red"), ("pak", "red"), ("ho", "blue")], [])
STAR = corpus(
    ["red", "blue"],
    [(f"p{i}", "red" if i % 2 else "blue") for i in range(9)],
    [(f"r{i}-{j}", f"p{j}", f"p{i}", "accuses", "hostile", f"p{j}", 1950, 1950)
     for i in range(1, 8) for j in range(i + 1, 9)],
)
CORPORA = {"triangle": TRIANGLE, "single": SINGLE, "strangers": STRANGERS, "star": STAR}


@functools.cache
def build(name: str) -> Network:
    return Network.build(CORPORA[name])


@pytest.fixture(scope="module")
def net() -> Network:
    return build("triangle")


def elements(net: Network, view: View) -> list[dict]:
    """The Cytoscape elements ``view`` draws."""
    return drawing(net, view).elements()


def changes(net: Network, a: View, b: View) -> dict:
    """What turns the graph drawn for ``a`` into ``b``'s (``Drawing.changes``)."""
    return drawing(net, a).changes(drawing(net, b))


def by_id(elements_: list[dict]) -> dict[str, dict]:
    return {e["data"]["id"]: e["data"] for e in elements_}


def passing(net: Network, view: View) -> tuple[set[str], set[str]]:
    """The relations and people the view's filters pass (no walk: ``shown`` is the same)."""
    v = filtered(net, view)
    assert (v.relations, v.nodes) == (shown(net, view).relations, shown(net, view).nodes)
    return set(v.relations), set(v.nodes)


# --- building ---------------------------------------------------------------------------


def test_relations_are_merged_per_directed_pair(net: Network) -> None:
    assert {e.id: (e.source, e.target, e.relations) for e in net.edges.values()} == {
        "kim__ho": ("kim", "ho", ("r1", "r2")),
        "ho__kim": ("ho", "kim", ("r3",)),
        "pak__choe": ("pak", "choe", ("r4",)),
        "ho__yi": ("ho", "yi", ("r5",)),
    }
    assert net.edge_of == {"r1": "kim__ho", "r2": "kim__ho", "r3": "ho__kim",
                           "r4": "pak__choe", "r5": "ho__yi"}
    assert [r.id for r in net.relations_of("kim__ho")] == ["r1", "r2"]


def test_accused_counts_hostile_relations_only(net: Network) -> None:
    assert dict(net.accused) == {"ho": 1, "kim": 1, "yi": 1}


def test_merged_edge_count_label_and_polarity(net: Network) -> None:
    edges = by_id(elements(net, View()))
    assert {e: (edges[e]["count"], edges[e]["label"], edges[e]["polarity"]) for e in EDGE_IDS} \
        == {"kim__ho": (2, "2", "mixed"), "ho__kim": (1, "", "hostile"),
            "pak__choe": (1, "", "neutral"), "ho__yi": (1, "", "hostile")}


def test_a_filter_can_unmix_a_merged_edge(net: Network) -> None:
    edges = by_id(elements(net, View(polarities=("supportive",))))
    assert (edges["kim__ho"]["count"], edges["kim__ho"]["polarity"]) == (1, "supportive")
    assert set(edges) & set(EDGE_IDS) == {"kim__ho"}  # the graph holds only edges shown


def test_to_networkx_keeps_one_edge_per_relation(net: Network) -> None:
    graph = to_networkx(TRIANGLE)
    assert isinstance(graph, nx.MultiDiGraph)
    assert set(graph.nodes) == ALL_PEOPLE
    assert sorted(k for _, _, k in graph.edges(keys=True)) == sorted(ALL_RELATIONS)
    assert graph.number_of_edges("kim", "ho") == 2
    assert graph.edges["kim", "ho", "r2"] == {"type": "supports", "polarity": "supportive",
                                              "claimant": "pak", "period": "all"}
    assert graph.nodes["nam"] == {"label": "Nam", "faction": "green", "kind": "person"}
    only = to_networkx(TRIANGLE, [TRIANGLE.relations["r4"]])
    assert set(only.nodes) == ALL_PEOPLE and list(only.edges(keys=True)) == [("pak", "choe", "r4")]


# --- filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(("view", "relations", "nodes"), [
    (View(factions=("red",)), {"r1", "r2", "r3", "r4"}, {"kim", "pak", "ho", "choe"}),
    (View(factions=("red",), mode="between"), set(), {"kim", "pak"}),
    (View(factions=("red", "blue")), ALL_RELATIONS, {"kim", "pak", "ho", "yi", "choe"}),
    (View(factions=("red", "blue"), mode="between"), {"r1", "r2", "r3", "r5"},
     {"kim", "pak", "ho", "yi"}),
    (View(factions=("green",)), {"r4"}, {"pak", "choe", "nam"}),
    (View(factions=("green",), mode="between"), set(), {"choe", "nam"}),
    (View(factions=()), set(), set()),
    (View(mode="between"), ALL_RELATIONS, ALL_PEOPLE),
], ids=["red-touching", "red-between", "red+blue-touching", "red+blue-between",
        "green-touching", "green-between", "none", "all-between"])
def test_faction_filter_touching_and_between(net: Network, view: View, relations: set[str],
                                             nodes: set[str]) -> None:
    assert passing(net, view) == (relations, nodes)


@pytest.mark.parametrize(("view", "relations"), [
    (View(), ALL_RELATIONS),
    (View(types=("accuses",)), {"r1", "r5"}),
    (View(types=("supports", "informs")), {"r2", "r4"}),
    (View(types=()), set()),
    (View(polarities=("hostile",)), {"r1", "r3", "r5"}),
    (View(polarities=("neutral",)), {"r4"}),
    (View(polarities=()), set()),
    (View(claimants=("pak",)), {"r2", "r4"}),
    (View(claimants=("kim",)), {"r1", "r3", "r5"}),
    (View(years=(1951, 1952)), {"r2", "r3"}),  # r2 (1952-1953) overlaps the range
    (View(years=(1946, 1946)), {"r4"}),
    (View(years=(1948, 1950)), {"r1", "r4"}),  # both ends are inclusive
    (View(years=(1949, 1949)), set()),
    (View(types=("accuses",), claimants=("kim",), years=(1954, 1955)), {"r5"}),
    (View(documents=(DOC,)), ALL_RELATIONS),
    (View(documents=()), set()),
    (View(documents=("no-such-document",)), set()),
    # a square of the faction matrix: source faction, target faction, polarity or all
    (View(cell=("red", "blue", "all")), {"r1", "r2"}),
    (View(cell=("red", "blue", "hostile")), {"r1"}),
    (View(cell=("red", "blue", "neutral")), set()),
    (View(cell=("blue", "red", "all")), {"r3"}),
    (View(cell=("blue", "blue", "hostile")), {"r5"}),
    (View(cell=("red", "blue", "all"), polarities=("supportive",)), {"r2"}),
])
def test_type_polarity_claimant_year_document_and_cell_filters(net: Network, view: View,
                                                               relations: set[str]) -> None:
    assert passing(net, view) == (relations, ALL_PEOPLE)  # nobody hidden without the option


@pytest.mark.parametrize("view", [View(person="kim"), View(relation="r1"),
                                  View(person="ho", relation="r4")])
def test_selection_does_not_filter(net: Network, view: View) -> None:
    assert passing(net, view) == (ALL_RELATIONS, ALL_PEOPLE)


@pytest.mark.parametrize(("view", "nodes"), [
    (View(hide_isolated=True), ALL_PEOPLE - {"nam"}),
    (View(hide_isolated=True, polarities=("neutral",)), {"pak", "choe"}),
    (View(hide_isolated=True, years=(1954, 1955)), {"ho", "yi"}),
    (View(hide_isolated=True, factions=("red",), mode="between"), set()),
    (View(hide_isolated=True, types=()), set()),
])
def test_hide_isolated_keeps_only_ends_of_shown_relations(net: Network, view: View,
                                                          nodes: set[str]) -> None:
    assert passing(net, view)[1] == nodes


@pytest.mark.parametrize(("view", "expected"), [
    (View(), (6, 5)),
    (View(hide_isolated=True), (5, 5)),
    (View(factions=("red",), mode="between"), (2, 0)),
    (View(polarities=("hostile",), hide_isolated=True), (3, 3)),
])
def test_counts(net: Network, view: View, expected: tuple[int, int]) -> None:
    assert counts(net, view) == expected


# --- elements -------------------------------------------------------------------------------


VIEWS = [
    View(),
    View(factions=("red",)),
    View(factions=("red", "blue"), mode="between"),
    View(factions=()),
    View(types=("accuses",), hide_isolated=True),
    View(polarities=("neutral",), hide_isolated=True),
    View(claimants=("pak",)),
    View(years=(1951, 1952)),
    View(person="ho"),
    View(relation="r2", polarities=("hostile",)),
    View(layout="concentric"),
    View(layout="faction", hide_isolated=True, polarities=("neutral",)),
]
VIEW_IDS = [f"v{i}" for i in range(len(VIEWS))]


@pytest.mark.parametrize("view", VIEWS, ids=VIEW_IDS)
def test_elements_keep_a_fixed_order(net: Network, view: View) -> None:
    held = [e["data"]["id"] for e in elements(net, view)]
    assert held == [i for i in ELEMENT_IDS if i in set(held)]
    assert held[:3] == [PARENT_PREFIX + f for f in ("red", "blue", "green")]  # boxes stay


@pytest.mark.parametrize("view", VIEWS, ids=VIEW_IDS)
def test_the_graph_holds_what_the_view_shows(net: Network, view: View) -> None:
    data = by_id(elements(net, view))
    relations, nodes = passing(net, view)
    assert {p for p in ALL_PEOPLE if p in data} == nodes
    assert {e for e in EDGE_IDS if e in data} == {net.edge_of[r] for r in relations}
    for e in EDGE_IDS:  # a drawn edge never hangs from a missing node
        if e in data:
            assert data[e]["source"] in data and data[e]["target"] in data
            assert data[e]["count"] == len(set(net.edges[e].relations) & relations) > 0
    assert not any("hidden" in data[i] for i in data if not i.startswith(PARENT_PREFIX))


def test_faction_boxes_show_only_in_the_faction_layout(net: Network) -> None:
    boxes = [PARENT_PREFIX + f for f in ("red", "blue", "green")]
    force = by_id(elements(net, View()))
    assert all(force[b]["hidden"] for b in boxes)
    assert all(force[p]["parent"] is None for p in ALL_PEOPLE)
    grouped = by_id(elements(net, View(layout="faction", hide_isolated=True,
                                       polarities=("neutral",))))
    assert {b: grouped[b]["hidden"] for b in boxes} == {
        "faction__red": False, "faction__blue": True, "faction__green": False}
    assert grouped["pak"]["parent"] == "faction__red"
    assert grouped["choe"]["parent"] == "faction__green"
    assert "kim" not in grouped and "nam" not in grouped  # not shown: not in the graph


def flags(net: Network, view: View) -> dict[str, tuple[bool, bool]]:
    """(dim, sel) for every person and edge: dimmed is not ``lit`` while anything is (the
    stylesheet's ``DIM_RULE``, present only then)."""
    data = {k: d for k, d in by_id(elements(net, view)).items() if d.get("kind") != "faction"}
    dimming = any(d["lit"] for d in data.values())
    assert dimming == drawing(net, view).dimming
    return {k: (dimming and not d["lit"], d["sel"]) for k, d in data.items()}


def expect(dim: set[str], sel: set[str]) -> dict[str, tuple[bool, bool]]:
    return {k: (k in dim, k in sel) for k in [*ALL_PEOPLE, *EDGE_IDS]}


@pytest.mark.parametrize(("view", "dim", "sel"), [
    (View(), set(), set()),
    (View(factions=("red",)), set(), set()),
    (View(person="ho"), {"pak", "choe", "nam", "pak__choe"}, {"ho"}),
    (View(person="nam"), ALL_PEOPLE - {"nam"} | set(EDGE_IDS), {"nam"}),
    # only the shown relations light up the neighbours
    (View(person="ho", polarities=("supportive",)),
     {"pak", "choe", "nam", "yi", "ho__kim", "pak__choe", "ho__yi"}, {"ho"}),
    (View(relation="r2"), {"pak", "yi", "choe", "nam", "ho__kim", "pak__choe", "ho__yi"},
     {"kim__ho"}),
    (View(relation="r4"), {"kim", "ho", "yi", "nam", "kim__ho", "ho__kim", "ho__yi"},
     {"pak__choe"}),
    (View(person="nobody"), set(), set()),
    (View(relation="r99"), set(), set()),
], ids=["none", "filter-only", "person", "isolated-person", "person-filtered", "relation",
        "other-relation", "unknown-person", "unknown-relation"])
def test_dim_and_sel_around_the_selection(net: Network, view: View, dim: set[str],
                                          sel: set[str]) -> None:
    got = flags(net, view)  # for what the graph holds (test_the_graph_holds_what_the_view_shows)
    assert got and got == {k: v for k, v in expect(dim, sel).items() if k in got}


def positions(net: Network, view: View) -> dict[str, dict]:
    return {e["data"]["id"]: e["position"] for e in elements(net, view) if "position" in e}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_filters_never_move_a_node(net: Network, layout: str) -> None:
    first = positions(net, View(layout=layout))
    assert set(first) == ALL_PEOPLE
    for view in VIEWS:
        if view.layout == "force":
            held = positions(net, dataclasses.replace(view, layout=layout))
            assert held == {p: first[p] for p in held}


def test_only_a_layout_change_moves_nodes(net: Network) -> None:
    moved = {layout: positions(net, View(layout=layout)) for layout in LAYOUTS}
    assert moved["force"] != moved["concentric"]
    assert moved["force"] != moved["faction"]
    assert moved["concentric"] != moved["faction"]


def test_positions_are_the_same_in_a_rebuilt_network(net: Network) -> None:
    assert Network.build(TRIANGLE).positions == net.positions


# --- Drawing.changes ----------------------------------------------------------------------


def test_changes_for_a_polarity_filter_are_known(net: Network) -> None:
    assert changes(net, View(), View(polarities=("hostile",))) == {
        "remove": ["pak__choe"],
        "data": {"kim__ho": {"count": 1, "label": "", "polarity": "hostile"}},
    }


def test_changes_add_back_what_a_filter_took_out(net: Network) -> None:
    found = changes(net, View(polarities=("hostile",), hide_isolated=True), View())
    assert set(found) == {"add", "data"}
    added = keyed(found["add"])
    assert set(added) == {"pak", "choe", "nam", "pak__choe"}
    assert added["pak"]["position"] == dict(zip("xy", net.positions["force"]["pak"], strict=True))
    assert [e["data"]["id"] for e in found["add"]] == ["pak", "choe", "nam", "pak__choe"]


PAIRS = [(a, b) for a in VIEWS[:4] + VIEWS[8:] for b in (View(), VIEWS[5], VIEWS[9], VIEWS[11])]


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"p{i}" for i in range(len(PAIRS))])
def test_applying_the_changes_gives_the_new_elements(net: Network, a: View, b: View) -> None:
    old, new = elements(net, a), elements(net, b)
    sent = changes(net, a, b)
    assert keyed(apply_changes(old, sent)) == keyed(new)
    before = keyed(old)
    for id_, fields in sent.get("data", {}).items():  # only what changed is sent
        assert all(before[id_]["data"][key] != value for key, value in fields.items())
    assert not set(sent.get("remove", ())) & set(keyed(new))
    assert not {e["data"]["id"] for e in sent.get("add", ())} & set(before)
    assert set(sent.get("position", {})) <= set(before) & set(keyed(new))
    if a.layout == b.layout:
        assert "position" not in sent


@pytest.mark.parametrize("view", VIEWS, ids=VIEW_IDS)
def test_no_change_no_changes(net: Network, view: View) -> None:
    assert changes(net, view, view) == {}


# --- layouts --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CORPORA))
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_layout_places_every_person(name: str, layout: str) -> None:
    placed = build(name).positions[layout]
    assert set(placed) == set(CORPORA[name].people)
    assert all(math.isfinite(c) for xy in placed.values() for c in xy)
    assert len(set(placed.values())) == len(placed)  # nobody drawn on top of another


def test_concentric_puts_the_most_accused_in_the_middle() -> None:
    net = build("star")
    placed = net.positions["concentric"]
    radius = {p: math.hypot(*placed[p]) for p in placed}
    most = max(net.accused, key=net.accused.get)
    assert radius[most] == min(radius.values())
    assert radius["p0"] == max(radius.values())  # never accused


def test_an_empty_corpus_builds() -> None:
    net = Network.build(Corpus())
    assert elements(net, View()) == [] and counts(net, View()) == (0, 0)
