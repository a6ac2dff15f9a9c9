"""The graph as text: a list of the people and a table of the relations the filters show.

For keyboard and screen-reader users (the graph canvas cannot take focus) and for anyone
who prefers reading to a picture. Every person and relation is a button that selects it,
exactly as a tap in the graph does; the arrow keys move between them (``assets/app.js``).

The frame (headings, the table's head) is components, drawn once; the rows are data,
drawn in the browser (``renderTable`` in ``assets/lists.js``) with text nodes only, never
HTML: a table of a few hundred rows as Dash components takes the page seconds to draw.
"""

from __future__ import annotations

from collections import Counter

from dash import html

from ...network.graph import Network, filtered
from ...network.view import View
from .. import ids
from .common import verb, years

MAX_ROWS = 500  # relations listed at once; more than this asks for narrower filters


def _faction(network: Network, faction_id: str) -> str:
    faction = network.corpus.factions.get(faction_id)
    return faction.label if faction else faction_id


def table_frame() -> list:
    """The parts of the table view that never change; ``table_rows`` fills the rest."""
    return [
        html.Section([
            html.H3(["People and groups ", html.Span(id=ids.TEXT_PEOPLE_COUNT)],
                    id="heading-list-people"),
            html.P("Most accused first. Enter selects; the arrow keys move through the list.",
                   className="hint"),
            html.Ul(id=ids.LIST_PEOPLE, className="row-list",
                    **{"aria-labelledby": "heading-list-people"}),
        ], className="table-view-people"),
        html.Section([
            html.H3(["Relations ", html.Span(id=ids.TEXT_RELATION_COUNT)],
                    id="heading-table-relations"),
            html.P("Each row is a claim: who says what about whom, not an established fact.",
                   className="hint"),
            html.Table([
                html.Caption("Relations shown by the filters, in document order",
                             className="visually-hidden"),
                html.Thead(html.Tr([html.Th(h, scope="col") for h in
                                    ("Relation", "Polarity", "Claimed by", "Years", "Cited")])),
                html.Tbody(id=ids.TBODY_RELATIONS)], id=ids.TABLE_RELATIONS,
                className="relations-table"),
            html.P(id=ids.TEXT_TABLE_MORE, className="hint"),
        ], className="table-view-relations"),
    ]


def table_rows(network: Network, view: View) -> dict:
    """The rows of the table view as data: people (most accused first) and relations (in
    document order, at most ``MAX_ROWS``), each with what selects it."""
    corpus = network.corpus
    shown = filtered(network, view)
    relations = sorted((corpus.relations[r] for r in shown.relations),
                       key=lambda r: (r.document, r.paragraph, r.id))
    accused = Counter(r.target for r in relations if r.polarity == "hostile")
    accuses = Counter(r.source for r in relations if r.polarity == "hostile")
    people = sorted((corpus.people[n] for n in shown.nodes if n in corpus.people),
                    key=lambda p: (-accused[p.id], p.name))
    several = len(corpus.documents) > 1
    name = {p.id: p.name for p in corpus.people.values()}
    rows = [{
        "id": rel.id, "selected": rel.id == view.relation,
        "label": f"{name[rel.source]} {verb(rel.type)} {name[rel.target]}"
                 + (f" against {name[rel.against]}" if rel.against in name else ""),
        "polarity": rel.polarity, "claimant": name.get(rel.claimant, rel.claimant),
        "years": years(rel),
        "cited": f"{rel.document} ¶{rel.paragraph}" if several else f"¶{rel.paragraph}",
    } for rel in relations[:MAX_ROWS]]
    more = len(relations) - len(rows)
    return {
        "people": [{"id": p.id, "name": p.name, "selected": p.id == view.person,
                    "meta": f" — {_faction(network, p.faction)}"
                            + (" (label contested)" if p.is_contested else "")
                            + (" (identification uncertain)" if p.is_uncertain else "")
                            + f"; accused by {accused[p.id]}, accuses {accuses[p.id]}"}
                   for p in people],
        "relations": rows, "total": len(relations),
        "more": f"… and {more} more: narrow the filters to list them." if more > 0 else "",
    }
