"""The table view as plain functions: what the list and the table hold for a view.

The rows are data, drawn in the browser (``assets/lists.js``): every row is a button that
selects its person or relation, applied by the URL callback exactly as a tap in the
graph is (the browser tests click them).
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


def test_the_list_and_the_table_hold_what_the_graph_shows(network: Network) -> None:
    for view in (View(), View(factions=("soviet",)), View(hide_isolated=True,
                                                          polarities=("supportive",))):
        shown = filtered(network, view)
        rows = table.table_rows(network, view)
        assert {p["id"] for p in rows["people"]} == {n for n in shown.nodes
                                                     if n in network.corpus.people}
        assert {r["id"] for r in rows["relations"]} == set(shown.relations)
        assert rows["total"] == len(shown.relations)


def test_most_accused_first_and_the_selection_marked(network: Network) -> None:
    rows = table.table_rows(network, View(person="pak-il-u"))
    hostile = Counter(r.target for r in network.corpus.relations.values()
                      if r.polarity == "hostile")
    counts = [hostile[p["id"]] for p in rows["people"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(hostile.values())
    assert [p["id"] for p in rows["people"] if p["selected"]] == ["pak-il-u"]
    rows = table.table_rows(network, View(relation="r001"))
    assert [r["id"] for r in rows["relations"] if r["selected"]] == ["r001"]


def test_each_row_is_a_claim_with_its_claimant(network: Network) -> None:
    rows = table.table_rows(network, View(relation="r001"))
    first = next(r for r in rows["relations"] if r["id"] == "r001")
    rel = network.corpus.relations["r001"]
    assert first["claimant"] == network.corpus.people[rel.claimant].name
    assert first["cited"] == f"¶{rel.paragraph}"
    assert first["polarity"] == rel.polarity


def test_a_third_party_is_named_in_its_row(network: Network) -> None:
    rel = next(r for r in network.corpus.relations.values() if r.against)
    rows = table.table_rows(network, View(relation=rel.id))
    label = next(r for r in rows["relations"] if r["id"] == rel.id)["label"]
    assert " against " in label and network.corpus.people[rel.against].name in label


def test_long_tables_are_cut_with_a_note(network: Network, monkeypatch) -> None:
    monkeypatch.setattr(table, "MAX_ROWS", 10)
    rows = table.table_rows(network, View())
    assert len(rows["relations"]) == 10
    assert "more: narrow the filters" in rows["more"]


def test_the_server_renders_only_while_the_view_is_open(network: Network) -> None:
    with pytest.raises(PreventUpdate):
        table_callbacks.rows(network, None)  # closed: the browser passes nothing on
    assert set(table_callbacks.rows(network, {"search": "?faction=soviet"})) == \
        {"people", "relations", "total", "more"}
    odd = table_callbacks.rows(network, {"search": ["bad"]})  # odd input: the default view
    assert odd["total"] == len(network.corpus.relations)


def test_the_frame_holds_the_boxes_the_browser_fills() -> None:
    text = str(table.table_frame())
    for box in ("list-people", "tbody-relations", "text-people-count", "text-table-more"):
        assert f"'{box}'" in text
