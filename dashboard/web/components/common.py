"""Small pieces every panel uses: buttons that act, citations, passages, badges, words.

All corpus text goes in as component children (plain text): nothing here builds HTML
from strings, so markup in a name or a quote is shown, never run. A button that changes
the view carries ``data-action`` (sent by ``assets/app.js`` to the URL callback) and a
citation ``data-jump`` (handled in the browser): neither is a callback input, so a panel
drawn again posts nothing.
"""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from ...corpus.model import Corpus, Person, Relation
from ...network.passages import Passage

VERBS = {"associates": "associates with", "informs": "informs", "requests": "asks",
         "opposes": "opposes", "incites": "sets"}


def verb(type_: str) -> str:
    return VERBS.get(type_, type_)


def claim_words(rel: Relation, name: dict[str, str]) -> str:
    """``'Hegai sets Kim Il Sung against Nam Il'``: who does what to whom (and against whom).

    ``name`` maps person ids to names.
    """
    against = f" against {name.get(rel.against, rel.against)}" if rel.against else ""
    if rel.type == "incites" and not against:
        return f"{name.get(rel.source, rel.source)} incites {name.get(rel.target, rel.target)}"
    return (f"{name.get(rel.source, rel.source)} {verb(rel.type)} "
            f"{name.get(rel.target, rel.target)}{against}")


def years(rel: Relation) -> str:
    return str(rel.year_from) if rel.year_from == rel.year_to else f"{rel.year_from}–{rel.year_to}"


def safe_link(source: str) -> html.A | str:
    """Only http(s) addresses become links; anything else stays text."""
    if source.startswith(("https://", "http://")) and " " not in source:
        return html.A(source, href=source, target="_blank", rel="noopener noreferrer")
    return source


def action_button(label: object, action: str, className: str, title: str = "",
                  **extra: object) -> html.Button:
    """A button that changes the view through the URL callback's ``action``."""
    return html.Button(label, className=className, title=title or None, type="button",
                       **{"data-action": action}, **extra)


def person_button(person: Person, className: str = "link", label: object = None
                  ) -> html.Button:
    return action_button(person.name if label is None else label,
                         f"select person {person.id}", className, f"Select {person.name}")


def relation_button(relation_id: str, label: object, className: str, title: str = "",
                    **extra: object) -> html.Button:
    return action_button(label, f"select relation {relation_id}", className, title, **extra)


def citation_button(document: str, number: int, label: str = "") -> html.Button:
    """A citation: the click opens the paragraph in the reader (``data-jump``)."""
    return html.Button(label or f"{document} ¶{number}", className="citation", type="button",
                       title="Show this paragraph in the document reader",
                       **{"data-jump": f"para-{document}-{number}"})


def marked(passage: Passage) -> list:
    """A passage's text with its names and quotes in ``<mark>`` elements."""
    out: list = []
    for s in passage.segments:
        classes = " ".join(c for c, on in (("mention", s.mention), ("quote", s.quote)) if on)
        out.append(html.Mark(s.text, className=classes, title=s.note or None)
                   if classes else s.text)
    return out


def render_passage(passage: Passage, corpus: Corpus) -> html.Article:
    para = passage.paragraph
    doc = corpus.documents[para.document]
    return html.Article([
        html.Div([citation_button(para.document, para.number),
                  html.Span(f"{doc.title}, {doc.date}", className="doc-title"),
                  *([html.Span(f"referred to as {', '.join(passage.referred)}",
                               className="referred")] if passage.referred else [])],
                 className="passage-head"),
        html.P(marked(passage), className="passage-text"),
    ], className="passage")


def swatch(corpus: Corpus, faction_id: str) -> html.Span:
    faction = corpus.factions.get(faction_id)
    if faction is None:
        return html.Span(className="swatch")
    return html.Span(className=f"swatch shape-{faction.shape}", title=faction.label,
                     style={"backgroundColor": faction.color})


def faction_badge(corpus: Corpus, faction_id: str) -> html.Span:
    faction = corpus.factions.get(faction_id)
    if faction is None:
        return html.Span(faction_id)
    return html.Span([swatch(corpus, faction_id), faction.label], className="badge")


def definition_list(rows: list[tuple[str, object]]) -> html.Dl:
    items = []
    for term, value in rows:
        if value:
            items += [html.Dt(term), html.Dd(value)]
    return html.Dl(items, className="facts")


def lang(system: str) -> str | None:
    return {"Hangul": "ko", "Hanja": "ko", "Chinese": "zh", "Russian": "ru"}.get(system)


def by_id(tree: Component) -> dict[str, Component]:
    """Every component of ``tree``, itself included, that has a string id, by its id."""
    return {c.id: c for c in (tree, *tree._traverse())
            if isinstance(getattr(c, "id", None), str)}
