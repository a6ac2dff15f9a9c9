"""The table view as plain functions: what the list and the table hold for a view."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from dash.exceptions import PreventUpdate

from dashboard import ids, table_view
from dashboard.callbacks import table_view as table_callbacks
from dashboard.corpus import load_valid_corpus
from dashboard.graph import Network, visible
from dashboard.view import View


@pytest.fixture(scope="module")
def network(shipped_dir: Path) -> Network:
    return Network.build(load_valid_corpus(shipped_dir))


def parts(network: Network, view: View) -> tuple[list, list]:
    people, relations = table_view.table_view(network, view)
    items = people.children[2].children
    rows = relations.children[2].children[2].children
    return items, rows


def test_the_list_and_the_table_hold_what_the_graph_shows(network: Network) -> None:
    for view in (View(), View(factions=("soviet",)), View(hide_isolated=True,
                                                          polarities=("supportive",))):
        shown = visible(network, view)
        items, rows = parts(network, view)
        assert {i.children.id["id"] for i in items} == {n for n in shown.nodes
                                                        if n in network.corpus.people}
        assert {r.children[0].children.id["id"] for r in rows} == set(shown.relations)


def test_most_accused_first_and_the_selection_marked(network: Network) -> None:
    items, rows = parts(network, View(person="pak-il-u"))
    hostile = Counter(r.target for r in network.corpus.relations.values()
                      if r.polarity == "hostile")
    counts = [hostile[i.children.id["id"]] for i in items]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(hostile.values())
    marked = [i for i in items if i.className == "is-selected"]
    assert [i.children.id["id"] for i in marked] == ["pak-il-u"]
    _, rows = parts(network, View(relation="r001"))
    assert [r.children[0].children.id["id"] for r in rows if r.className] == ["r001"]


def test_each_row_is_a_claim_with_its_claimant(network: Network) -> None:
    _, rows = parts(network, View(relation="r001"))
    first = rows[0]
    assert first.children[0].children.id == {"type": ids.BUTTON_LIST_RELATION, "id": "r001"}
    rel = network.corpus.relations["r001"]
    assert first.children[2].children == network.corpus.people[rel.claimant].name
    assert first.children[4].children == f"¶{rel.paragraph}"


def test_long_tables_are_cut_with_a_note(network: Network, monkeypatch) -> None:
    monkeypatch.setattr(table_view, "MAX_ROWS", 10)
    people, relations = table_view.table_view(network, View())
    assert len(relations.children[2].children[2].children) == 10
    assert "more: narrow the filters" in relations.children[3].children


def test_the_server_renders_only_while_the_view_is_open(network: Network) -> None:
    with pytest.raises(PreventUpdate):
        table_callbacks.rows(network, None)  # closed: the browser passes nothing on
    assert len(table_callbacks.rows(network, {"search": "?faction=soviet", "at": 1})) == 2
    assert len(table_callbacks.rows(network, {"search": ["bad"]})) == 2  # odd input: default
