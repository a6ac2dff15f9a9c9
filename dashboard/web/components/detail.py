"""The Details tab: the selected person, the selected relation, or how to read the network.

The person panel follows the filters: it lists the relations the view shows and counts
the ones the filters hide, which one click unfolds (a ``<details>``, no request).
"""

from __future__ import annotations

from dash import html

from ...corpus.model import Corpus, Person, Relation
from ...corpus.schema import ALIAS_SYSTEMS
from ...network.graph import Network, filtered
from ...network.passages import PassageIndex
from ...network.view import View
from .common import (
    action_button,
    claim_words,
    definition_list,
    faction_badge,
    lang,
    person_button,
    relation_button,
    render_passage,
    safe_link,
    verb,
    years,
)

INTRO_DOCUMENTS = 3  # documents described on the intro panel; the reader lists them all


def head(title: str) -> html.Div:
    return html.Div([html.H2(title), action_button(
        "×", "clear", "button-close", "Clear the selection (Esc)",
        **{"aria-label": "Clear the selection"})], className="detail-head")


def relation_line(network: Network, rel: Relation, person: str) -> html.Li:
    people = network.corpus.people
    other = people[rel.target if rel.source == person else rel.source]
    against = people.get(rel.against) if rel.against else None
    tail = [" against ", person_button(against)] if against else []
    if rel.source == person:
        claim = [verb(rel.type), " ", person_button(other), *tail]
    else:
        claim = [person_button(other), " ", verb(rel.type), " them", *tail]
    return html.Li([
        relation_button(rel.id, f"{rel.document} ¶{rel.paragraph}"
                        if len(network.corpus.documents) > 1 else f"¶{rel.paragraph}",
                        f"chip polarity-{rel.polarity}",
                        f"Show relation {rel.id} and the sentence that states it"),
        " ", *claim,
        html.Span(f" — claimed by {people[rel.claimant].name}; {years(rel)}", className="meta"),
    ], className="relation-line")


def _relations(network: Network, title: str, rels: list[Relation], shown: frozenset[str],
               person: str) -> list:
    """A heading, the relations the view shows, and the hidden ones folded away."""
    visible = [r for r in rels if r.id in shown]
    hidden = [r for r in rels if r.id not in shown]
    count = f"{len(visible)}" + (f" of {len(rels)}" if hidden else "")
    out: list = [html.H3(f"{title} ({count})"),
                 html.Ul([relation_line(network, r, person) for r in visible],
                         className="relations")]
    if hidden:
        out.append(html.Details([
            html.Summary(f"{len(hidden)} more hidden by the filters"),
            html.Ul([relation_line(network, r, person) for r in hidden],
                    className="relations relations-hidden")], className="hidden-relations"))
    return out


def _labels(corpus: Corpus, person: Person) -> list:
    """The notes on a person's identification and faction label, when there are any."""
    out = []
    if person.is_uncertain:
        out.append(html.P([html.Strong("Identification uncertain. "),
                           person.identification_note], className="note uncertain"))
    if person.is_contested:
        others = [corpus.factions[f].label if f in corpus.factions else f
                  for f in person.contested_factions if f != person.faction]
        also = f"also placed among {', '.join(others)}. " if others else ""
        out.append(html.P([html.Strong("Label contested: "), also, person.contested_reason],
                          className="note contested"))
    faction = corpus.factions.get(person.faction)
    if faction is not None:
        out.append(html.Details([html.Summary(f"What “{faction.label}” means here"),
                                 html.P(faction.description),
                                 html.P(faction.historians, className="hint")
                                 if faction.historians else None],
                                className="faction-note"))
    return out


def hidden_notice(what: str) -> html.Div:
    """Said when the filters hide the selection: what is hidden, and one click to show it."""
    return html.Div([html.P([html.Strong(what), " is hidden by the current filters, so the "
                             "graph does not show it."]),
                     action_button("Show it: reset the filters", "reveal", "button-small",
                                   "Reset the filters, keeping this selection")],
                    className="note hidden-notice", role="status")


def person_panel(network: Network, passages: PassageIndex, view: View) -> list:
    corpus, person_id = network.corpus, view.person
    person = corpus.people[person_id]
    passing = filtered(network, view)
    aliases = html.Ul([html.Li([html.Span(a.text, lang=lang(a.system)), " ",
                                html.Span(ALIAS_SYSTEMS.get(a.system, a.system),
                                          className="system")]) for a in person.aliases],
                      className="aliases") if person.aliases else None
    own = [r for r in corpus.relations.values()
           if person_id in (r.source, r.target, r.against)]
    shown = passing.relations
    found = passages.person(person_id)
    return [
        head(person.name + (" (collective actor)" if person.kind == "group" else "")),
        hidden_notice(person.name) if person_id not in passing.nodes else None,
        html.Section([
            html.P(faction_badge(corpus, person.faction), className="faction-line"),
            *_labels(corpus, person),
            definition_list([("Subgroup", person.subgroup), ("Also known as", aliases),
                             ("Role in 1955", person.role_1955), ("Fate", person.fate)]),
        ], className="person-facts"),
        html.Section([
            *_relations(network, "Relations where they act",
                        [r for r in own if r.source == person_id], shown, person_id),
            *_relations(network, "Relations where they are the object",
                        [r for r in own if r.target == person_id], shown, person_id),
            *(_relations(network, "Relations where others are set against them",
                         [r for r in own if r.against == person_id], shown, person_id)
              if any(r.against == person_id for r in own) else []),
        ], className="person-relations"),
        html.Section([
            html.H3(f"Passages ({len(found)})"),
            html.P("Names and the words that refer to them are highlighted; sentences quoted "
                   "as evidence for a relation are underlined.", className="hint"),
            *(render_passage(p, corpus) for p in found),
        ], className="person-passages"),
        html.Section([
            html.H3("Sources for this person"),
            html.Ul([html.Li(safe_link(s)) for s in person.sources], className="sources"),
        ], className="person-sources"),
    ]


def relation_panel(network: Network, passages: PassageIndex, view: View) -> list:
    corpus, relation_id = network.corpus, view.relation
    edge = network.edges[network.edge_of[relation_id]]
    source, target = corpus.people[edge.source], corpus.people[edge.target]
    names = {p.id: p.name for p in corpus.people.values()}
    claims = []
    for rel in network.relations_of(edge.id):
        passage = passages.relation(rel.id)
        period = corpus.periods.get(rel.period)
        claims.append(html.Article([
            html.H3(claim_words(rel, names), className=f"claim-words polarity-{rel.polarity}"),
            definition_list([
                ("Claimed by", person_button(corpus.people[rel.claimant])),
                ("Type", f"{rel.type} ({rel.polarity})"),
                ("Against", person_button(corpus.people[rel.against])
                 if rel.against in corpus.people else ""),
                ("Period", f"{period.label if period else rel.period}, {years(rel)}"),
                ("Note", rel.note), ("Relation id", rel.id)]),
            render_passage(passage, corpus) if passage else html.P(
                rel.quote, className="passage-text"),
        ], className="claim" + (" is-current" if rel.id == relation_id else ""),
            id=f"claim-{rel.id}"))
    return [
        head(f"{source.name} → {target.name}"),
        hidden_notice("This relation") if relation_id not in filtered(network, view).relations
        else None,
        html.P([person_button(source), " → ", person_button(target), f" — {len(claims)} "
                f"claim{'s' * (len(claims) != 1)} on this edge. Each is what its claimant "
                "asserts, as recorded in the document."], className="edge-line"),
        *claims,
    ]


def intro_panel(corpus: Corpus, start: View | None = None) -> list:
    """What the side panel shows with nothing selected; ``start`` is the corpus's start view
    (``Bounds.start``): when it narrows the corpus, the panel says so and how to undo it."""
    docs = list(corpus.documents.values())
    more = len(docs) - INTRO_DOCUMENTS
    opening = corpus.documents.get(start.documents[0]) if start and start.documents else None
    return [
        html.H2("How to read this network"),
        html.P("Each node is a person or a collective actor, coloured and shaped by faction. "
               "Each arrow runs from the actor to the one acted upon; click it to read the "
               "sentences that state it. Click a person to see every passage about them."),
        html.P(corpus.about.caveat, className="note") if corpus.about.caveat else None,
        html.P(f"This corpus is large ({len(corpus.people):,} people, "
               f"{len(corpus.relations):,} relations), so the graph opens on its first "
               f"document, {opening.title} ({opening.date}), without the people it leaves "
               "isolated. Clear the Documents filter to see every document; drawing them "
               "all takes longer.", className="hint") if opening else None,
        html.Details([html.Summary("What the faction labels mean here"), html.Dl([
            item for f in corpus.factions.values() for item in (
                html.Dt(f.label), html.Dd([f.description, html.Br(),
                                           html.Span(f.historians, className="hint")]
                                          if f.historians else f.description))],
            className="faction-list")], className="faction-note"),
        *(html.Section([html.H3(d.title), definition_list([
            ("Date", d.date), ("Author", d.author), ("Archive", d.archive_ref),
            ("Translator", d.translator), ("Source", safe_link(d.url) if d.url else ""),
            ("Rights", d.rights)]),
            html.P(d.summary, className="hint") if d.summary else None])
            for d in docs[:INTRO_DOCUMENTS]),
        html.P(f"… and {more} more documents: choose them in the Document tab.",
               className="hint") if more > 0 else None,
    ]
