"""Exports for Gephi, Cytoscape desktop and spreadsheets, read back as their users would.

networkx reads the GEXF and the GraphML: the same nodes, one edge per relation, and every
attribute; pandas reads the CSV, which Excel too reads as UTF-8 (a byte-order mark, CRLF
line ends). Markup, quotes, commas and formulas come back as the same text; control
characters XML cannot hold are dropped. The captions are in ``test_captions.py``, the Web
Annotations in ``test_annotations.py``.
"""

from __future__ import annotations

import base64
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from dash import no_update

from dashboard.corpus import load_valid_corpus
from dashboard.network.exports import (
    BOM,
    EDGE_COLUMNS,
    FORMATS,
    NODE_COLUMNS,
    export,
    legend_spec,
    shown_graph,
    spreadsheet_csv,
)
from dashboard.network.graph import Network
from dashboard.network.view import View
from dashboard.web import ids
from dashboard.web.callbacks.export import download, handout_for, picture
from dashboard.web.components.classroom import EXPORT_LABELS
from tests.components import text_of
from tests.fixtures.build import VALID

NODE_ATTRS = {"label", "kind", "faction", "faction_label", "uncertain", "x", "y"}
EDGE_ATTRS = {"relation", "relation_type", "polarity", "claimant", "claimant_name", "period",
              "period_label", "year_from", "year_to", "quote", "citation", "document",
              "paragraph", "note", "against", "against_name"}


@pytest.fixture(scope="module")
def net(valid_network: Network) -> Network:
    return valid_network


@pytest.fixture(scope="module")
def shipped(shipped_network: Network) -> Network:
    return shipped_network


@pytest.fixture(scope="module")
def hostile(hostile_network: Network) -> Network:
    return hostile_network


def read(network: Network, view: View, fmt: str) -> nx.MultiDiGraph:
    content = export(network, view, fmt).content
    reader = nx.read_gexf if fmt == "gexf" else nx.read_graphml
    return reader(io.BytesIO(content))


def edge_table(graph: nx.MultiDiGraph) -> dict[str, dict]:
    return {key: data for _, _, key, data in graph.edges(keys=True, data=True)}


# --- GEXF and GraphML --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
@pytest.mark.parametrize("view", [View(), View(polarities=("hostile",)), View(step=5),
                                  View(factions=("soviet",), mode="between", step=12)],
                         ids=["all", "hostile", "step-5", "soviet-step-12"])
def test_networkx_reads_back_the_same_network(shipped: Network, fmt: str, view: View) -> None:
    expected = shown_graph(shipped, view)
    graph = read(shipped, view, fmt)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == expected.number_of_nodes()
    assert graph.number_of_edges() == expected.number_of_edges()
    assert set(graph.nodes) == set(expected.nodes)
    assert set(edge_table(graph)) == set(edge_table(expected))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_every_attribute_comes_back(shipped: Network, fmt: str) -> None:
    graph = read(shipped, View(), fmt)
    assert graph.number_of_edges() == len(shipped.corpus.relations)
    for node, data in graph.nodes(data=True):
        assert NODE_ATTRS <= set(data), node
        person = shipped.corpus.people[node]
        assert (data["label"], data["faction"], data["kind"]) == (person.name, person.faction,
                                                                  person.kind)
    for key, data in edge_table(graph).items():
        assert EDGE_ATTRS <= set(data), key
        rel = shipped.corpus.relations[key]
        assert (data["relation"], data["relation_type"], data["polarity"], data["claimant"],
                data["period"], data["quote"], data["citation"]) == (
            rel.id, rel.type, rel.polarity, rel.claimant, rel.period, rel.quote, rel.citation)
        assert (int(data["year_from"]), int(data["year_to"])) == (rel.year_from, rel.year_to)
        assert data["against"] == rel.against
        if rel.against:
            assert data["against_name"] == shipped.corpus.people[rel.against].name


def test_gexf_carries_gephi_positions_and_faction_colours(net: Network) -> None:
    graph = read(net, View(), "gexf")
    viz = graph.nodes["hegai"]["viz"]
    assert viz["color"] == {"r": 0, "g": 114, "b": 178, "a": 1.0}  # soviet, #0072B2
    assert viz["position"]["x"] == pytest.approx(graph.nodes["hegai"]["x"])


def test_gexf_keeps_edges_directed_although_relations_have_a_type(net: Network) -> None:
    text = export(net, View(), "gexf").content.decode()
    assert 'defaultedgetype="directed"' in text and 'type="protects"' not in text


def test_the_walk_exports_only_what_it_has_reached(net: Network) -> None:
    graph = shown_graph(net, View(step=2))
    assert set(edge_table(graph)) == {"hegai-protects-kim-yeol", "hegai-recommends-kim-yeol"}
    assert set(graph.nodes) == {"hegai", "kim-yeol"}


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_columns_and_rows(net: Network) -> None:
    nodes = pd.read_csv(io.BytesIO(export(net, View(), "nodes-csv").content))
    edges = pd.read_csv(io.BytesIO(export(net, View(), "edges-csv").content))
    assert tuple(nodes.columns) == NODE_COLUMNS and len(nodes) == len(net.corpus.people)
    assert tuple(edges.columns) == EDGE_COLUMNS and len(edges) == len(net.corpus.relations)
    assert set(edges["id"]) == set(net.corpus.relations)
    assert set(edges["citation"]) == {"ivanov-1955-12-07 ¶3", "ivanov-1955-12-07 ¶4",
                                      "ivanov-1955-12-07 ¶5"}


@pytest.mark.parametrize("fmt", ["nodes-csv", "edges-csv"])
def test_csv_is_utf8_with_a_bom_and_crlf_for_excel(shipped: Network, fmt: str) -> None:
    content = export(shipped, View(), fmt).content
    assert content.startswith(BOM.encode("utf-8"))  # b"\xef\xbb\xbf"
    text = content.decode("utf-8")  # strict: the whole file is UTF-8
    header = text[1:].split("\r\n")[0]
    assert header == ",".join(NODE_COLUMNS if fmt == "nodes-csv" else EDGE_COLUMNS)
    assert text.endswith("\r\n") and text.count("\r\n") > len(shipped.corpus.people) // 2
    if fmt == "edges-csv":
        assert "ivanov-1955-12-07 ¶28" in text  # the pilcrow survives
        edges = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig", keep_default_na=False)
        assert edges.columns[0] == "id" and len(edges) == len(shipped.corpus.relations)
        assert set(edges["citation"]) == {r.citation for r in shipped.corpus.relations.values()}


def test_spreadsheet_csv_neutralises_formulas_and_keeps_other_text() -> None:
    frame = pd.DataFrame({"a": ["=1+1", "+x", "-y", "@z", "Pak Il-u ¶28", "“quoted”"],
                          "b": [1, 2, 3, 4, 5, 6]})
    text = spreadsheet_csv(frame).decode("utf-8")
    assert text == BOM + "a,b\r\n'=1+1,1\r\n'+x,2\r\n'-y,3\r\n'@z,4\r\nPak Il-u ¶28,5\r\n" \
        "“quoted”,6\r\n"


def test_an_empty_view_exports_headers_only(net: Network) -> None:
    view = View(polarities=())
    edges = pd.read_csv(io.BytesIO(export(net, view, "edges-csv").content))
    assert tuple(edges.columns) == EDGE_COLUMNS and edges.empty
    assert read(net, view, "gexf").number_of_edges() == 0


# --- hostile text ------------------------------------------------------------------------------


HOSTILE_NAME = '<img src=x onerror=alert(1)>Pak, "Heon"'
HOSTILE_QUOTE = "such officials as Gi Seok-pok <script>alert('x')</script> and"
FORMULA = '=HYPERLINK("http://example.com","x")'


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_hostile_text_round_trips_through_xml(hostile: Network, fmt: str) -> None:
    graph = read(hostile, View(), fmt)
    assert graph.nodes["pak-heon-yeong"]["label"] == HOSTILE_NAME
    edges = edge_table(graph)
    assert HOSTILE_QUOTE in edges["kim-il-sung-criticizes-gi-seok-pok"]["quote"]
    assert edges["kim-il-sung-criticizes-gi-seok-pok"]["note"] == FORMULA


def test_hostile_text_round_trips_through_csv(hostile: Network) -> None:
    nodes = pd.read_csv(io.BytesIO(export(hostile, View(), "nodes-csv").content),
                        keep_default_na=False)
    edges = pd.read_csv(io.BytesIO(export(hostile, View(), "edges-csv").content),
                        keep_default_na=False)
    assert HOSTILE_NAME in set(nodes["label"])
    row = edges.set_index("id").loc["kim-il-sung-criticizes-gi-seok-pok"]
    assert HOSTILE_QUOTE in row["quote"]
    assert row["note"] == "'" + FORMULA  # a spreadsheet shows it as text, never runs it


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    relations = data / "relations.csv"
    relations.write_text(relations.read_text(encoding="utf-8").replace(
        '"Kim says they must', '"\x07Kim\x1b says they must'), encoding="utf-8")
    network = Network.build(load_valid_corpus(data))
    for fmt in ("gexf", "graphml"):
        note = edge_table(read(network, View(), fmt))["kim-il-sung-criticizes-gi-seok-pok"]
        assert note["note"].startswith("Kim says they must")


# --- the callbacks -----------------------------------------------------------------------------


def test_download_sends_the_file_for_the_button_pressed(net: Network) -> None:
    sent = download(net, "?step=2", {"type": ids.BUTTON_EXPORT, "id": "gexf"}, [0, 0, 1, 0])
    assert sent["filename"] == "ivanov-1955-12-07-network-step-2.gexf"
    graph = nx.read_gexf(io.BytesIO(base64.b64decode(sent["content"])))
    assert graph.number_of_edges() == 2


@pytest.mark.parametrize(("trigger", "clicks"), [
    ({"type": ids.BUTTON_EXPORT, "id": "gexf"}, [0, 0, 0, 0]),
    ({"type": ids.BUTTON_EXPORT, "id": "../../etc/passwd"}, [1, 0, 0, 0]),
    (None, None),
])
def test_download_ignores_buttons_only_drawn_and_unknown_formats(net: Network, trigger: object,
                                                                  clicks: object) -> None:
    assert download(net, "", trigger, clicks) is no_update


def test_every_format_has_a_button() -> None:
    assert set(EXPORT_LABELS) == set(FORMATS)


def test_a_picture_asks_for_its_legend(net: Network) -> None:
    asked = picture(net, "?step=2", ids.BUTTON_EXPORT_SVG)
    assert asked["format"] == "svg" and asked["legend"] == legend_spec(net, View(step=2))
    assert picture(net, "", ids.BUTTON_EXPORT_PNG)["format"] == "png"
    assert picture(net, "", "button-unknown") is no_update


def test_the_handout_lists_the_relations_shown_as_text(hostile: Network) -> None:
    assert handout_for(hostile, "", 0) is no_update
    parts = handout_for(hostile, "?polarity=hostile", 1)
    table = next(p for p in parts if getattr(p, "className", "") == "handout-table")
    rows = table.children[1].children
    assert len(rows) == 1
    text = text_of(rows[0])
    assert HOSTILE_QUOTE in text and "ivanov-1955-12-07 ¶5" in text
    assert any(getattr(p, "id", None) == ids.IMG_HANDOUT for p in parts)


def test_legend_spec_is_json_and_names_every_encoding(net: Network) -> None:
    spec = legend_spec(net, View(step=2))
    assert json.loads(json.dumps(spec)) == spec
    key = spec["key"]
    assert [f["label"] for f in key["factions"]] == ["Partisans", "Soviet Koreans",
                                                     "Domestic faction"]
    assert {p["label"] for p in key["polarities"]} == {"hostile", "supportive", "neutral",
                                                       "mixed"}
    assert key["size"]["steps"] and key["marks"] and key["color"] == "faction"
    assert spec["stem"] == "ivanov-1955-12-07-network-step-2"
    assert "Step 2 of 3: Hegai and Kim Yeol." in spec["caption"]
    assert spec["title"] == net.corpus.about.title and spec["caveat"] == net.corpus.about.caveat
    assert spec["source"].startswith("Journal of Soviet Ambassador")


def test_the_legend_follows_the_colouring_and_the_sizing(net: Network) -> None:
    key = legend_spec(net, View(color="community", size="pagerank"))["key"]
    assert key["color"] == "community" and key["communities"]
    assert key["size"]["title"].startswith("Size: PageRank")
