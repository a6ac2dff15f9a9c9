"""The relations as W3C Web Annotations (JSON-LD), so a reading opens beside its source in
annotation tools.

Each relation the view shows is one ``Annotation`` whose target is its quote in the
document's text, found two ways, as the Web Annotation Data Model recommends: a
``TextQuoteSelector`` (the exact words, with some text before and after) and a
``TextPositionSelector`` (start and end, in Unicode code points, counted in the
document's text with its line ends as ``\\n``). The bodies say who claims what, and tag
the relation's type and polarity. https://www.w3.org/TR/annotation-model/
"""

from __future__ import annotations

import re

from ..corpus.model import Corpus, Relation
from .captions import caption, file_stem
from .graph import Network, shown
from .view import View

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX = 32  # characters of prefix and suffix in a TextQuoteSelector


def quote_span(corpus: Corpus, rel: Relation) -> tuple[int, int] | None:
    """Where the relation's quote stands in its document's text (start, end), or None."""
    para = corpus.paragraph(rel.document, rel.paragraph)
    if para is None:
        return None
    found = re.search(r"\s+".join(map(re.escape, rel.quote.split())), para.text)
    return (para.start + found.start(), para.start + found.end()) if found else None


def document_text(corpus: Corpus, document: str) -> str:
    """The document's text as the positions count it: its paragraphs at their offsets."""
    doc = corpus.documents[document]
    if not doc.paragraphs:
        return ""
    last = doc.paragraphs[-1]
    text = [" "] * (last.start + len(last.text))
    for para in doc.paragraphs:
        text[para.start:para.start + len(para.text)] = para.text
    return "".join(text)


def source_of(corpus: Corpus, document: str) -> str:
    doc = corpus.documents[document]
    return doc.url or f"urn:x-ivanov-network:document:{doc.id}"


def annotation(corpus: Corpus, rel: Relation, text: str, stem: str) -> dict | None:
    span = quote_span(corpus, rel)
    if span is None:
        return None
    start, end = span
    name = {p.id: p.name for p in corpus.people.values()}
    against = f" against {name.get(rel.against, rel.against)}" if rel.against else ""
    claim = (f"{name.get(rel.claimant, rel.claimant)} claims: {name.get(rel.source)} "
             f"{rel.type} {name.get(rel.target)}{against} ({rel.polarity}; "
             f"{rel.year_from}–{rel.year_to}). {rel.citation}.")
    return {
        "id": f"urn:x-ivanov-network:{stem}:{rel.id}",
        "type": "Annotation",
        "motivation": "describing",
        "created": corpus.documents[rel.document].date,
        "body": [
            {"type": "TextualBody", "purpose": "describing", "format": "text/plain",
             "language": "en", "value": claim + (f" Note: {rel.note}" if rel.note else "")},
            {"type": "TextualBody", "purpose": "tagging", "value": rel.type},
            {"type": "TextualBody", "purpose": "tagging", "value": rel.polarity},
        ],
        "target": {
            "source": source_of(corpus, rel.document),
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[start:end],
                 "prefix": text[max(0, start - AFFIX):start], "suffix": text[end:end + AFFIX]},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }


def web_annotations(network: Network, view: View) -> dict:
    """The relations ``view`` shows as one ``AnnotationCollection`` with a single page."""
    corpus = network.corpus
    stem = file_stem(network, view)
    texts = {d: document_text(corpus, d) for d in corpus.documents}
    ids = shown(network, view).relations
    items = [a for r in corpus.relations.values() if r.id in ids
             if (a := annotation(corpus, r, texts[r.document], stem)) is not None]
    return {
        "@context": CONTEXT,
        "id": f"urn:x-ivanov-network:{stem}",
        "type": "AnnotationCollection",
        "label": f"{corpus.about.title}. {caption(network, view)}",
        "total": len(items),
        "first": {"id": f"urn:x-ivanov-network:{stem}:page-1", "type": "AnnotationPage",
                  "startIndex": 0, "items": items},
    }
