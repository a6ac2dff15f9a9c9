"""The graph as text: a list of the people and a table of the relations the filters show.

For keyboard and screen-reader users (the graph canvas cannot take focus) and for anyone
who prefers reading to a picture. Every person and relation is a button that selects it,
exactly as a tap in the graph does; the arrow keys move between them (``assets/app.js``).
Corpus text goes in as children only, never as HTML.
"""

from __future__ import annotations

from collections import Counter

from dash import html

from ...network.graph import Network, filtered
from ...network.view import View
from .. import ids
from .common import person_button, relation_button, verb, years

MAX_ROWS = 500  # relations listed at once; more than this asks for narrower filters


def _faction(network: Network, faction_id: str) -> str:
    faction = network.corpus.factions.get(faction_id)
    return faction.label if faction else faction_id


def table_view(network: Network, view: View) -> list:
    corpus = network.corpus
    shown = filtered(network, view)
    relations = sorted((corpus.relations[r] for r in shown.relations),
                       key=lambda r: (r.document, r.paragraph, r.id))
    accused = Counter(r.target for r in relations if r.polarity == "hostile")
    accuses = Counter(r.source for r in relations if r.polarity == "hostile")
    people = sorted((corpus.people[n] for n in shown.nodes if n in corpus.people),
                    key=lambda p: (-accused[p.id], p.name))
    several = len(corpus.documents) > 1

    person_items = [html.Li(person_button(p, "row-button", [
        html.Span(p.name, className="row-name"),
        html.Span(f" — {_faction(network, p.faction)}"
                  + (" (label contested)" if p.is_contested else "")
                  + (" (identification uncertain)" if p.is_uncertain else "")
                  + f"; accused by {accused[p.id]}, accuses {accuses[p.id]}",
                  className="meta")]),
        className="is-selected" if p.id == view.person else None) for p in people]

    rows = []
    for rel in relations[:MAX_ROWS]:
        source, target = corpus.people[rel.source], corpus.people[rel.target]
        claimant = corpus.people.get(rel.claimant)
        selected = rel.id == view.relation
        cite = f"{rel.document} ¶{rel.paragraph}" if several else f"¶{rel.paragraph}"
        rows.append(html.Tr([
            html.Td(relation_button(
                rel.id, [source.name, " ", verb(rel.type), " ", target.name]
                + ([" against ", corpus.people[rel.against].name]
                   if rel.against in corpus.people else []), "row-button",
                **({"aria-current": "true"} if selected else {}))),
            html.Td(rel.polarity),
            html.Td(claimant.name if claimant else rel.claimant),
            html.Td(years(rel)),
            html.Td(cite, className="num"),
        ], className="is-selected" if selected else None))
    more = len(relations) - len(rows)
    return [
        html.Section([
            html.H3(f"People and groups ({len(people)})", id="heading-list-people"),
            html.P("Most accused first. Enter selects; the arrow keys move through the list.",
                   className="hint"),
            html.Ul(person_items, id=ids.LIST_PEOPLE, className="row-list",
                    **{"aria-labelledby": "heading-list-people"}),
        ], className="table-view-people"),
        html.Section([
            html.H3(f"Relations ({len(relations)})", id="heading-table-relations"),
            html.P("Each row is a claim: who says what about whom, not an established fact.",
                   className="hint"),
            html.Table([
                html.Caption("Relations shown by the filters, in document order"
                             + (f"; the first {MAX_ROWS}" if more > 0 else ""),
                             className="visually-hidden"),
                html.Thead(html.Tr([html.Th(h, scope="col") for h in
                                    ("Relation", "Polarity", "Claimed by", "Years", "Cited")])),
                html.Tbody(rows)], id=ids.TABLE_RELATIONS, className="relations-table"),
            html.P(f"… and {more} more: narrow the filters to list them.", className="hint")
            if more > 0 else None,
        ], className="table-view-relations"),
    ]
