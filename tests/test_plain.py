"""Panels sent as plain lists (``dashboard/web/components/plain.py``) and drawn by
``assets/lists.js``: every panel the app can send converts, markup stays text, and what
cannot be drawn safely is refused, not dropped."""

from __future__ import annotations

import json

import pytest
from dash import dcc, html

from dashboard.network.graph import Network
from dashboard.network.passages import PassageIndex
from dashboard.web.callbacks.detail import panel
from dashboard.web.callbacks.story import walk
from dashboard.web.components.plain import plain


def _texts(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list) and node and isinstance(node[0], str) and len(node) == 3:
        return [t for child in node[2] for t in _texts(child)]
    return [t for child in node for t in _texts(child)] if isinstance(node, list) else []


def _keys(network: Network) -> list[str]:
    return ["", *(f"?person={p}" for p in network.corpus.people),
            *(f"?relation={r}" for r in network.corpus.relations)]


@pytest.mark.parametrize("name", ["shipped", "valid", "hostile"])
def test_every_panel_and_step_converts(request, name: str) -> None:
    network: Network = request.getfixturevalue(f"{name}_network")
    passages = PassageIndex(network.corpus)
    for key in _keys(network):
        spec = plain(panel(network, passages, key))
        assert isinstance(spec, list) and spec, key
        json.dumps(spec)  # what the callback sends
    for step in range(1, len(network.walk) + 1):
        body, _, _ = walk(network, f"?step={step}")
        assert body and json.dumps(body), step


def test_markup_in_corpus_text_stays_text(hostile_network: Network) -> None:
    passages = PassageIndex(hostile_network.corpus)
    person = next(iter(hostile_network.corpus.people.values()))
    spec = plain(panel(hostile_network, passages, f"?person={person.id}"))
    assert any("<" in t for t in _texts(spec)), "the hostile fixture's markup is text"
    tags = set()

    def walk_tags(node: object) -> None:
        if isinstance(node, list) and len(node) == 3 and isinstance(node[0], str) \
                and isinstance(node[1], dict):
            tags.add(node[0])
            assert not any(k.startswith("on") for k in node[1]), node[1]
            for child in node[2]:
                walk_tags(child)
        elif isinstance(node, list):
            for child in node:
                walk_tags(child)
    walk_tags(spec)
    assert "script" not in tags and "img" not in tags


def test_attributes_are_renamed_and_dash_props_left_out() -> None:
    spec = plain(html.Button("Go", id="b", className="tool", n_clicks=0, tabIndex="-1",
                             title="t", **{"data-action": "clear", "aria-label": "Clear"}))
    assert spec == ["button", {"id": "b", "class": "tool", "tabindex": "-1", "title": "t",
                               "data-action": "clear", "aria-label": "Clear"}, ["Go"]]
    assert plain(html.Span(3, style={"backgroundColor": "#fff"})) == [
        "span", {"style": {"backgroundColor": "#fff"}}, ["3"]]


@pytest.mark.parametrize("tree", [
    dcc.Input(id="x"),
    html.Div(html.A("x", href="javascript:alert(1)")),
    html.Img(src="x"),
    html.Div(draggable="true"),
])
def test_what_cannot_be_drawn_plainly_is_refused(tree) -> None:
    with pytest.raises(ValueError):
        plain(tree)
