"""What ``assets/graph.js`` does with the server's graph changes, in Python: the tests apply
``redraw``'s changes (``Drawing.changes``) with it, and ``test_browser_graph_changes``
checks the browser agrees. Positions are the server's: the browser may stretch them to the
screen's shape (``assets/stretch.js``), which is drawing, not data."""

from __future__ import annotations

import copy


def apply_changes(elements: list[dict], changes: dict | None) -> list[dict]:
    """``elements`` after ``changes`` (``Drawing.changes``): removed and replaced elements
    dropped, fields and positions updated by id, added elements appended in their order."""
    if not changes:
        return copy.deepcopy(elements)
    remove = set(changes.get("remove", ()))
    adding = {e["data"]["id"] for e in changes.get("add", ())}
    data, position = changes.get("data", {}), changes.get("position", {})
    out = []
    for element in copy.deepcopy(elements):
        id_ = element["data"]["id"]
        if id_ in remove or id_ in adding:
            continue
        element["data"].update(data.get(id_, {}))
        if id_ in position:
            element["position"] = position[id_]
        out.append(element)
    return out + copy.deepcopy(changes.get("add", []))


def keyed(elements: list[dict]) -> dict[str, dict]:
    """Elements by id: two graphs hold the same when these are equal, whatever the order."""
    return {e["data"]["id"]: e for e in elements}
