"""The table view as plain functions: what the list and the table hold for a view.

Every row is a ``data-action`` button ("select person ID", "select relation ID"), applied
by the URL callback exactly as a tap in the graph is.
"""

from __future__ import annotations

from collections import Counter

import pytest
from dash.exceptions import PreventUpdate

from dashboard.network.graph import Network, filtered
from dashboard.network.view import View
from dashboard.web.callbacks import table as table_callbacks
from dashboard.web.components import table


@pytest.fixture(scope="module")
def network(shipped_network: Network) -> Network:
    return shipped_network


def action(row_child: object) -> str:
    return row_child.to_plotly_json()["props"]["data-action"]


def parts(network: Network, view: View) -> tuple[list, list]:
    people, relations = table.table_view(network, view)
    items = people.children[2].children
    rows = relations.children[2].children[2].children
    return items, rows


def person_of(item) -> str:
    return action(item.children).removeprefix("select person ")


def relation_of(row) -> str:
    return action(row.children[0].children).removeprefix("select relation ")


def test_the_list_and_the_table_hold_what_the_graph_shows(network: Network) -> None:
    for view in (View(), View(factions=("soviet",)), View(hide_isolated=True,
                                                          polarities=("supportive",))):
        shown = filtered(network, view)
        items, rows = parts(network, view)
        assert {person_of(i) for i in items} == {n for n in shown.nodes
                                                 if n in network.corpus.people}
        assert {relation_of(r) for r in rows} == set(shown.relations)


def test_most_accused_first_and_the_selection_marked(network: Network) -> None:
    items, rows = parts(network, View(person="pak-il-u"))
    hostile = Counter(r.target for r in network.corpus.relations.values()
                      if r.polarity == "hostile")
    counts = [hostile[person_of(i)] for i in items]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(hostile.values())
    marked = [i for i in items if i.className == "is-selected"]
    assert [person_of(i) for i in marked] == ["pak-il-u"]
    _, rows = parts(network, View(relation="r001"))
    assert [relation_of(r) for r in rows if r.className] == ["r001"]


def test_each_row_is_a_claim_with_its_claimant(network: Network) -> None:
    _, rows = parts(network, View(relation="r001"))
    first = next(r for r in rows if relation_of(r) == "r001")
    assert action(first.children[0].children) == "select relation r001"
    rel = network.corpus.relations["r001"]
    assert first.children[2].children == network.corpus.people[rel.claimant].name
    assert first.children[4].children == f"¶{rel.paragraph}"


def test_a_third_party_is_named_in_its_row(network: Network) -> None:
    rel = next(r for r in network.corpus.relations.values() if r.against)
    _, rows = parts(network, View(relation=rel.id))
    row = next(r for r in rows if relation_of(r) == rel.id)
    label = row.children[0].children.children
    assert " against " in label and network.corpus.people[rel.against].name in label


def test_long_tables_are_cut_with_a_note(network: Network, monkeypatch) -> None:
    monkeypatch.setattr(table, "MAX_ROWS", 10)
    people, relations = table.table_view(network, View())
    assert len(relations.children[2].children[2].children) == 10
    assert "more: narrow the filters" in relations.children[3].children


def test_the_server_renders_only_while_the_view_is_open(network: Network) -> None:
    with pytest.raises(PreventUpdate):
        table_callbacks.rows(network, None)  # closed: the browser passes nothing on
    assert len(table_callbacks.rows(network, {"search": "?faction=soviet", "at": 1})) == 2
    assert len(table_callbacks.rows(network, {"search": ["bad"]})) == 2  # odd input: default
