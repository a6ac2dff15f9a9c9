"""The Document tab: a chooser when there are several documents, and one document's text.

Every paragraph shows the names it holds and the sentences quoted as evidence marked, and
ends with links to the people and relations it holds, so a reader can go from the text to
the network as well as back.
"""

from __future__ import annotations

from dash import dcc, html

from ...corpus.model import Corpus
from ...network.passages import PassageIndex
from .. import ids
from .common import marked, person_button, relation_button


def document_options(corpus: Corpus) -> list[dict]:
    """The documents as dropdown options, named by title and date (the filter, the reader)."""
    return [{"label": f"{d.title} ({d.date})", "value": d.id} for d in corpus.documents.values()]


def reader(corpus: Corpus) -> list:
    """The chooser, and a box for one document's text, which ``reader_text`` fills from a
    callback once the page is up (the text is half the page's components; the network is
    drawn without waiting for it)."""
    docs = list(corpus.documents.values())
    chooser = html.Div([
        html.Label("Document", htmlFor=ids.DROPDOWN_READER_DOCUMENT, className="label"),
        dcc.Dropdown(id=ids.DROPDOWN_READER_DOCUMENT, value=docs[0].id if docs else None,
                     options=document_options(corpus),
                     clearable=False, className="dropdown")],
        className="reader-chooser", hidden=len(docs) < 2)
    return [chooser, html.Div(id=ids.DIV_READER_TEXT)]


def _links(corpus: Corpus, people: tuple[str, ...], relations: tuple[str, ...]) -> html.P | None:
    if not people and not relations:
        return None
    chips = [person_button(corpus.people[p], "chip chip-person") for p in people]
    chips += [relation_button(r, f"{corpus.relations[r].type}",
                              f"chip polarity-{corpus.relations[r].polarity}",
                              f"Show relation {r} and the sentence that states it")
              for r in relations]
    return html.P([html.Span("In this paragraph: ", className="meta"), *chips],
                  className="para-links")


def reader_text(corpus: Corpus, passages: PassageIndex, document_id: str) -> list:
    """One document's paragraphs, each with its ¶ number, an id a citation scrolls to, its
    names and quotes marked, and links to its people and relations."""
    doc = corpus.documents.get(document_id)
    if doc is None:
        return [html.P("No such document.", className="hint")]
    out: list = [html.H2(f"{doc.title} ({doc.date})", className="reader-title")]
    for para in doc.paragraphs:
        passage, people = passages.paragraph(doc.id, para.number)
        out.append(html.Div([
            html.P([html.Span(f"¶{para.number}", className="para-num",
                              **{"aria-hidden": "true"}), *marked(passage)]),
            _links(corpus, people, passage.relations),
        ], id=para.anchor, className="reader-para", tabIndex="-1",
            **{"aria-label": f"Paragraph {para.number}"}))
    return out
