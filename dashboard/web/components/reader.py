"""The Document tab: a chooser when there are several documents, and one document's text.

Every paragraph shows the names it holds and the sentences quoted as evidence marked, and
ends with links to the people and relations it holds, so a reader can go from the text to
the network as well as back. The text is data (``reader_text``), drawn in the browser
(``renderReader`` in ``assets/lists.js``) with text nodes only: a whole document as Dash
components is a thousand of them, which takes the page seconds to draw.
"""

from __future__ import annotations

from dash import dcc, html

from ...corpus.model import Corpus
from ...network.passages import Passage, PassageIndex
from .. import ids


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


def _segments(passage: Passage) -> list[list[str]]:
    """The paragraph's text as [text, classes, note] pieces (classes: mention, quote)."""
    return [[seg.text, " ".join(c for c, on in (("mention", seg.mention),
                                                 ("quote", seg.quote)) if on), seg.note]
            for seg in passage.segments]


def reader_text(corpus: Corpus, passages: PassageIndex, document_id: str) -> dict:
    """One document's paragraphs as data: each with its ¶ number, the id a citation
    scrolls to, its text cut into marked pieces, and the people and relations it holds."""
    doc = corpus.documents.get(document_id)
    if doc is None:
        return {"title": "", "missing": "No such document.", "paragraphs": []}
    out = []
    for para in doc.paragraphs:
        passage, people = passages.paragraph(doc.id, para.number)
        out.append({
            "anchor": para.anchor, "number": para.number, "segments": _segments(passage),
            "people": [[p, corpus.people[p].name] for p in people],
            "relations": [[r, corpus.relations[r].type, corpus.relations[r].polarity]
                          for r in passage.relations],
        })
    return {"title": f"{doc.title} ({doc.date})", "paragraphs": out}
