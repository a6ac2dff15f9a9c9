"""Panels sent as data and drawn in the browser as plain elements (``assets/lists.js``
``renderPlain``).

Each Dash component costs the page about as much as a hundred plain elements: the
renderer wraps it, watches its props and reconciles it on every update. A person's
Details tab holds up to five hundred (Kim Il Sung's: passages, marks, buttons), which
kept a two-core machine's browser busy for two seconds on each tap. The panels are still
built as ``dash.html`` components (one way to write them, and the tests read them); this
module turns such a tree into ``[tag, attributes, children]`` lists that the browser
builds with ``createElement`` and text nodes. Corpus text stays text, never HTML.

Only ``dash.html`` components with the attributes below can be sent: anything else (a
``dcc`` widget, an event prop) raises ``ValueError`` instead of being dropped.
"""

from __future__ import annotations

import re

from dash.development.base_component import Component

#: Dash prop -> HTML attribute, where they differ; the others below pass as they are.
RENAMED = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex",
           "colSpan": "colspan", "rowSpan": "rowspan"}
PASSED = frozenset({"id", "title", "role", "type", "href", "target", "rel", "lang", "hidden",
                    "disabled", "open", "alt", "scope", "datetime", "start"})
DATA_ARIA = re.compile(r"^(data|aria)-[a-z][a-z0-9-]*$")
#: Props for Dash and React alone (click counts, a React key): plain elements drawn
#: afresh need none of them.
DASH_ONLY = frozenset({"n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key"})
SAFE_HREF = re.compile(r"^(https?://|#)")


def _attributes(component: Component, props: dict) -> dict:
    out: dict = {}
    for name, value in props.items():
        if name == "children" or name in DASH_ONLY or value is None:
            continue
        if name == "style":
            if not isinstance(value, dict):
                raise ValueError(f"{type(component).__name__}: style must be a dict")
            out["style"] = {str(k): str(v) for k, v in value.items()}
        elif name in RENAMED or name in PASSED or DATA_ARIA.match(name):
            if name == "href" and not SAFE_HREF.match(str(value)):
                raise ValueError(f"{type(component).__name__}: href {value!r} is not http(s)")
            out[RENAMED.get(name, name)] = value if isinstance(value, bool) else str(value)
        else:
            raise ValueError(f"{type(component).__name__}: prop {name!r} cannot be drawn as "
                             "a plain element")
    return out


def _nodes(items: list | tuple) -> list:
    """Children as a flat list of nodes (Dash allows lists within lists)."""
    out: list = []
    for item in items:
        if isinstance(item, list | tuple):
            out += _nodes(item)
        elif (node := plain(item)) is not None:
            out.append(node)
    return out


def plain(tree: object) -> object:
    """``tree`` (components, strings, numbers, lists) as JSON-able lists for the browser.

    >>> from dash import html
    >>> plain(html.P(["a ", html.Mark("b", className="quote")], title="<x>"))
    ['p', {'title': '<x>'}, ['a ', ['mark', {'class': 'quote'}, ['b']]]]
    >>> plain([html.Br(), [html.Hr()], None])
    [['br', {}, []], ['hr', {}, []]]
    """
    if tree is None or isinstance(tree, bool):
        return None
    if isinstance(tree, str):
        return tree
    if isinstance(tree, int | float):
        return str(tree)
    if isinstance(tree, list | tuple):
        return _nodes(tree)
    if isinstance(tree, Component) and type(tree).__module__.startswith("dash.html"):
        props = tree.to_plotly_json()["props"]
        return [type(tree).__name__.lower(), _attributes(tree, props),
                _nodes([props.get("children")])]
    raise ValueError(f"{type(tree).__name__} cannot be drawn as a plain element")
