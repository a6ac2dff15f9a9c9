"""The search box's result list: each hit a button that selects the person."""

from __future__ import annotations

from dash import html

from ...network.graph import Network
from ...network.search import Hit
from .common import person_button

SEARCH_LIMIT = 8  # results shown at most


def search_results(network: Network, hits: list[Hit], text: str) -> tuple[list, str]:
    """The list items for ``hits``, or a "no match" line when the text found nobody; and the
    list's class (``is-empty`` hides it while the box is empty)."""
    people = network.corpus.people
    if not text.strip():
        return [], "search-results is-empty"
    if not hits:
        return [html.Li(f"No one matches “{text.strip()[:60]}”.", className="search-none",
                        role="status")], "search-results"
    items = []
    for hit in hits[:SEARCH_LIMIT]:
        person = people[hit.person]
        label = [person.name, html.Span(f" — as “{hit.matched}”", className="meta")
                 if hit.matched != person.name else None]
        items.append(html.Li(person_button(person, "search-hit", label)))
    return items, "search-results"
