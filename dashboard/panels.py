"""Rendering the detail panel, the reader and the legend as Dash components.

All corpus text goes in as component children (plain text): nothing here builds
HTML from strings, so markup in a name or a quote is shown, never run.
"""

from __future__ import annotations

from dash import dcc, html

from . import ids
from .corpus.model import Corpus, Person, Relation
from .corpus.schema import ALIAS_SYSTEMS
from .graph import Network
from .passages import Passage, PassageIndex
from .styles import POLARITY_STYLES
from .view import View

VERBS = {"associates": "associates with", "incites": "incites against",
         "informs": "informs", "requests": "asks", "opposes": "opposes"}


def verb(type_: str) -> str:
    return VERBS.get(type_, type_)


def years(rel: Relation) -> str:
    return str(rel.year_from) if rel.year_from == rel.year_to else f"{rel.year_from}–{rel.year_to}"


def safe_link(source: str) -> html.A | str:
    """Only http(s) addresses become links; anything else stays text."""
    if source.startswith(("https://", "http://")) and " " not in source:
        return html.A(source, href=source, target="_blank", rel="noopener noreferrer")
    return source


def person_button(person: Person) -> html.Button:
    return html.Button(person.name, id={"type": ids.BUTTON_PERSON, "id": person.id},
                       className="link", title=f"Select {person.name}")


def citation_button(document: str, number: int, label: str = "") -> html.Button:
    anchor = f"para-{document}-{number}"
    return html.Button(label or f"{document} ¶{number}", className="citation",
                       id={"type": ids.BUTTON_PASSAGE, "id": anchor},
                       title="Show this paragraph in the document reader")


def render_passage(passage: Passage, corpus: Corpus) -> html.Article:
    para = passage.paragraph
    doc = corpus.documents[para.document]
    text = [html.Mark(s.text, className=" ".join(
        c for c, on in (("mention", s.mention), ("quote", s.quote)) if on))
        if (s.mention or s.quote) else s.text for s in passage.segments]
    return html.Article([
        html.Div([citation_button(para.document, para.number),
                  html.Span(f"{doc.title}, {doc.date}", className="doc-title")],
                 className="passage-head"),
        html.P(text, className="passage-text"),
    ], className="passage")


def _dl(rows: list[tuple[str, object]]) -> html.Dl:
    items = []
    for term, value in rows:
        if value:
            items += [html.Dt(term), html.Dd(value)]
    return html.Dl(items, className="facts")


def _faction_badge(corpus: Corpus, faction_id: str) -> html.Span:
    faction = corpus.factions.get(faction_id)
    if faction is None:
        return html.Span(faction_id)
    return html.Span([html.Span(className=f"swatch shape-{faction.shape}",
                                style={"backgroundColor": faction.color}), faction.label],
                     className="badge")


def _relation_line(network: Network, rel: Relation, person: str) -> html.Li:
    people = network.corpus.people
    other = people[rel.target if rel.source == person else rel.source]
    claim = ([verb(rel.type), " ", person_button(other)] if rel.source == person
             else [person_button(other), " ", verb(rel.type), " them"])
    return html.Li([
        html.Button(f"{rel.document} ¶{rel.paragraph}" if len(network.corpus.documents) > 1
                    else f"¶{rel.paragraph}", id={"type": ids.BUTTON_RELATION, "id": rel.id},
                    className=f"chip polarity-{rel.polarity}",
                    title=f"Show relation {rel.id} and the sentence that states it"),
        " ", *claim,
        html.Span(f" — claimed by {people[rel.claimant].name}; {years(rel)}", className="meta"),
    ], className="relation-line")


def person_panel(network: Network, passages: PassageIndex, person_id: str) -> list:
    corpus = network.corpus
    person = corpus.people[person_id]
    aliases = html.Ul([html.Li([html.Span(a.text, lang=_lang(a.system)), " ",
                                html.Span(ALIAS_SYSTEMS.get(a.system, a.system),
                                          className="system")]) for a in person.aliases],
                      className="aliases") if person.aliases else None
    contested = None
    if person.is_contested:
        alt = ", ".join(corpus.factions[f].label if f in corpus.factions else f
                        for f in person.contested_factions)
        contested = html.P([html.Strong("Label contested: "), f"also placed among {alt}. ",
                            person.contested_reason], className="note contested")
    uncertain = html.P([html.Strong("Identification uncertain. "),
                        person.identification_note], className="note uncertain") \
        if person.is_uncertain else None
    own = [r for r in corpus.relations.values() if person_id in (r.source, r.target)]
    found = passages.person(person_id)
    return [
        _head(person.name + (" (collective actor)" if person.kind == "group" else "")),
        html.P(_faction_badge(corpus, person.faction), className="faction-line"),
        *(x for x in (uncertain, contested) if x is not None),
        _dl([("Subgroup", person.subgroup), ("Also known as", aliases),
             ("Role in 1955", person.role_1955), ("Fate", person.fate)]),
        html.H3(f"Relations where they act ({sum(r.source == person_id for r in own)})"),
        html.Ul([_relation_line(network, r, person_id) for r in own if r.source == person_id],
                className="relations"),
        html.H3(f"Relations where they are the object "
                f"({sum(r.target == person_id for r in own)})"),
        html.Ul([_relation_line(network, r, person_id) for r in own if r.target == person_id],
                className="relations"),
        html.H3(f"Passages ({len(found)})"),
        html.P("Names are highlighted; sentences quoted as evidence for a relation are "
               "underlined.", className="hint"),
        *(render_passage(p, corpus) for p in found),
        html.H3("Sources for this person"),
        html.Ul([html.Li(safe_link(s)) for s in person.sources], className="sources"),
    ]


def relation_panel(network: Network, passages: PassageIndex, relation_id: str) -> list:
    corpus = network.corpus
    edge = network.edges[network.edge_of[relation_id]]
    source, target = corpus.people[edge.source], corpus.people[edge.target]
    claims = []
    for rel in network.relations_of(edge.id):
        passage = passages.relation(rel.id)
        period = corpus.periods.get(rel.period)
        claims.append(html.Article([
            html.H3([source.name, " ", html.Span(verb(rel.type), className=f"verb polarity-"
                                                 f"{rel.polarity}"), " ", target.name]),
            _dl([("Claimed by", person_button(corpus.people[rel.claimant])),
                 ("Type", f"{rel.type} ({rel.polarity})"),
                 ("Period", f"{period.label if period else rel.period}, {years(rel)}"),
                 ("Note", rel.note), ("Relation id", rel.id)]),
            render_passage(passage, corpus) if passage else html.P(
                rel.quote, className="passage-text"),
        ], className="claim" + (" is-current" if rel.id == relation_id else ""),
            id=f"claim-{rel.id}"))
    return [
        _head(f"{source.name} → {target.name}"),
        html.P([person_button(source), " → ", person_button(target), f" — {len(claims)} "
                f"claim{'s' * (len(claims) != 1)} on this edge. Each is what its claimant "
                "asserts, as recorded in the document."], className="edge-line"),
        *claims,
    ]


def _head(title: str) -> html.Div:
    return html.Div([html.H2(title), html.Button(
        "×", id={"type": ids.BUTTON_CLOSE, "id": "detail"}, className="button-close",
        title="Clear the selection", **{"aria-label": "Clear the selection"})],
        className="detail-head")


def _lang(system: str) -> str | None:
    return {"Hangul": "ko", "Hanja": "ko", "Chinese": "zh", "Russian": "ru"}.get(system)


INTRO_DOCUMENTS = 3  # documents described on the intro panel; the reader lists them all


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
        html.P("Almost every accusation here is Kim Il Sung's, reported second-hand by the "
               "Soviet ambassador. The network shows who said what about whom, not what "
               "happened.", className="note"),
        html.P(f"This corpus is large ({len(corpus.people):,} people, "
               f"{len(corpus.relations):,} relations), so the graph opens on its first "
               f"document, {opening.title} ({opening.date}), without the people it leaves "
               "isolated. Clear the Documents filter to see every document; drawing them "
               "all takes longer.", className="hint") if opening else None,
        *(html.Section([html.H3(d.title), _dl([
            ("Date", d.date), ("Author", d.author), ("Archive", d.archive_ref),
            ("Translator", d.translator), ("Source", safe_link(d.url) if d.url else ""),
            ("Rights", d.rights)]),
            html.P(d.summary, className="hint") if d.summary else None])
            for d in docs[:INTRO_DOCUMENTS]),
        html.P(f"… and {more} more documents: choose them in the Document tab.",
               className="hint") if more > 0 else None,
    ]


def document_options(corpus: Corpus) -> list[dict]:
    """The documents as dropdown options, named by title and date (the filter, the reader)."""
    return [{"label": f"{d.title} ({d.date})", "value": d.id} for d in corpus.documents.values()]


def reader(corpus: Corpus) -> list:
    """The reader: a chooser when there are several documents, and a box for one
    document's text, which ``reader_text`` fills from a callback once the page is up (the
    text is half the page's components; the network is drawn without waiting for it)."""
    docs = list(corpus.documents.values())
    chooser = html.Div([
        html.Label("Document", htmlFor=ids.DROPDOWN_READER_DOCUMENT, className="label"),
        dcc.Dropdown(id=ids.DROPDOWN_READER_DOCUMENT, value=docs[0].id if docs else None,
                     options=document_options(corpus),
                     clearable=False, className="dropdown")],
        className="reader-chooser", hidden=len(docs) < 2)
    return [chooser, html.Div(id=ids.DIV_READER_TEXT)]


def reader_text(corpus: Corpus, document_id: str) -> list:
    """One document's paragraphs, each with its ¶ number and an id a citation scrolls to."""
    doc = corpus.documents.get(document_id)
    if doc is None:
        return [html.P("No such document.", className="hint")]
    return [html.H2(f"{doc.title} ({doc.date})", className="reader-title"),
            *(html.P([html.Span(f"¶{p.number}", className="para-num", **{"aria-hidden": "true"}),
                      p.text], id=p.anchor, className="reader-para", tabIndex="-1",
                     **{"aria-label": f"Paragraph {p.number}"}) for p in doc.paragraphs)]


def legend(corpus: Corpus) -> list:
    factions = [html.Li([html.Span(className=f"swatch shape-{f.shape}",
                                   style={"backgroundColor": f.color}), f.label])
                for f in corpus.factions.values()]
    lines = [html.Li([html.Span(className=f"line line-{POLARITY_STYLES[p]['line']} arrow-"
                                f"{POLARITY_STYLES[p]['arrow']}",
                                style={"borderTopColor": POLARITY_STYLES[p]["color"],
                                       "color": POLARITY_STYLES[p]["color"]}),
                      p]) for p in POLARITY_STYLES]
    return [html.Details([
        html.Summary("Legend", className="legend-title"),
        html.Div([
            html.Ul(factions, className="legend-factions"),
            html.Ul([*lines,
                     html.Li([html.Span(className="swatch swatch-group"), "collective actor"]),
                     html.Li([html.Span(className="swatch swatch-contested"),
                              "faction label contested"]),
                     html.Li("(?) identification uncertain"),
                     html.Li("thicker edge, number: several relations")],
                    className="legend-lines"),
        ], className="legend-body"),
    ], open=True)]


SEARCH_SLOTS = 8  # results shown at most


def search_slots() -> list:
    """The result list's fixed slots, all hidden at first. Results fill them in place: a
    list whose buttons came and went would set off every callback listening to them (the
    URL's among them) on each key, and could overtake a click sent at the same moment."""
    return [html.Li(html.Button(id={"type": ids.BUTTON_SEARCH_HIT, "id": str(i)}, n_clicks=0,
                                className="search-hit"),
                    id={"type": ids.ITEM_SEARCH_HIT, "id": str(i)}, hidden=True)
            for i in range(SEARCH_SLOTS)]


def search_results(network: Network, hits: list) -> tuple[list, list, list, str]:
    """For each slot: hidden or not, its label, the person's id (the button's value); and
    the list's class, ``is-empty`` when nothing matched."""
    people = network.corpus.people
    hits = hits[:SEARCH_SLOTS]
    labels = [[people[h.person].name, html.Span(f" — as “{h.matched}”", className="meta")
               if h.matched != people[h.person].name else None] for h in hits]
    blank = SEARCH_SLOTS - len(hits)
    return ([False] * len(hits) + [True] * blank, labels + [""] * blank,
            [h.person for h in hits] + [""] * blank,
            "search-results" + ("" if hits else " is-empty"))
