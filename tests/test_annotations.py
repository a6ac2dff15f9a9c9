"""The relations as W3C Web Annotations (``network/annotations.py``), read back on the
shipped corpus: a JSON-LD collection whose every selector finds its quote again, in the
text the export says and in the document file itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.corpus.text import normalize_newlines, normalize_space
from dashboard.network.annotations import CONTEXT, document_text, web_annotations
from dashboard.network.exports import export
from dashboard.network.graph import Network, shown
from dashboard.network.view import View


@pytest.fixture(scope="module")
def collection(shipped_network: Network) -> dict:
    return web_annotations(shipped_network, View())


def selectors(item: dict) -> dict[str, dict]:
    return {s["type"]: s for s in item["target"]["selector"]}


def test_a_collection_of_one_page(collection: dict, shipped_network: Network) -> None:
    assert collection["@context"] == CONTEXT == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["id"]
    assert collection["label"].startswith(shipped_network.corpus.about.title)
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    items = page["items"]
    assert collection["total"] == len(items) == len(shipped_network.corpus.relations)
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert {"id", "type", "target"} <= set(item) and item["type"] == "Annotation"
        assert item["target"]["source"] and set(selectors(item)) == {
            "TextQuoteSelector", "TextPositionSelector"}
        assert [b["purpose"] for b in item["body"]] == ["describing", "tagging", "tagging"]


def test_every_selector_finds_its_quote(collection: dict, shipped_network: Network,
                                        shipped_dir: Path) -> None:
    corpus = shipped_network.corpus
    for item in collection["first"]["items"]:
        rel = corpus.relations[item["id"].rsplit(":", 1)[1]]
        text = document_text(corpus, rel.document)
        quote, at = selectors(item)["TextQuoteSelector"], selectors(item)["TextPositionSelector"]
        assert quote["prefix"] + quote["exact"] + quote["suffix"] in text, rel.id
        assert text[at["start"]:at["end"]] == quote["exact"], rel.id
        assert normalize_space(quote["exact"]) == normalize_space(rel.quote), rel.id
        # the positions count in the document's own text, its line ends as \n
        file = (shipped_dir / "documents" / f"{rel.document}.txt").read_text(encoding="utf-8")
        assert normalize_newlines(file)[at["start"]:at["end"]] == quote["exact"], rel.id


def test_the_collection_holds_what_the_view_shows(shipped_network: Network) -> None:
    view = View(polarities=("supportive",), step=9)
    items = web_annotations(shipped_network, view)["first"]["items"]
    assert {i["id"].rsplit(":", 1)[1] for i in items} == shown(shipped_network, view).relations


def test_the_export_is_json_ld(valid_network: Network) -> None:
    file = export(valid_network, View(step=2), "annotations")
    assert file.filename == "ivanov-1955-12-07-network-step-2-annotations.jsonld"
    assert file.mimetype == "application/ld+json"
    data = json.loads(file.content.decode("utf-8"))
    assert data["total"] == 2 and data["@context"] == CONTEXT
