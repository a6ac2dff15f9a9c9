"""Passages about a person or a relation: which paragraphs, and what to mark in them.

A paragraph is cut into segments, each flagged as a mention of the person (any of
their names), part of a quoted relation, or plain text, so the UI can render
highlights as plain text inside <mark> elements, never as HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .corpus.model import Corpus, Paragraph, Relation


@dataclass(frozen=True)
class Segment:
    text: str
    mention: bool = False
    quote: bool = False


@dataclass(frozen=True)
class Passage:
    """One paragraph to show, with its segments and why it was chosen."""

    paragraph: Paragraph
    segments: tuple[Segment, ...]
    relations: tuple[str, ...]  # relation ids quoting this paragraph


def name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for any of the names, whole words, ignoring case; longest names first."""
    usable = sorted({n for n in names if len(n) >= 3}, key=len, reverse=True)
    if not usable:
        return None
    body = "|".join(r"\s+".join(map(re.escape, n.split())) for n in usable)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def quote_pattern(quote: str) -> re.Pattern[str]:
    """Match a quote in the raw text whatever whitespace sits between its words."""
    return re.compile(r"\s+".join(map(re.escape, quote.split())))


def spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def segments(text: str, mentions: list[tuple[int, int]],
             quotes: list[tuple[int, int]]) -> tuple[Segment, ...]:
    """Cut ``text`` at every span boundary and flag each piece.

    >>> [(s.text, s.mention, s.quote) for s in segments("Pak met Kim.", [(0, 3)], [(4, 12)])]
    [('Pak', True, False), (' ', False, False), ('met Kim.', False, True)]
    """
    cuts = sorted({0, len(text), *(i for s in mentions + quotes for i in s)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        out.append(Segment(text[start:end],
                           any(a <= start and end <= b for a, b in mentions),
                           any(a <= start and end <= b for a, b in quotes)))
    return tuple(out)


class PassageIndex:
    """Finds the paragraphs about a person or relation; results are cached per id."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.person = lru_cache(maxsize=512)(self._person)

    def _person(self, person_id: str) -> tuple[Passage, ...]:
        person = self.corpus.people.get(person_id)
        if person is None:
            return ()
        pattern = name_pattern(person.names)
        own = [r for r in self.corpus.relations.values() if person_id in (r.source, r.target)]
        quoted: dict[tuple[str, int], list[Relation]] = {}
        for rel in own:
            quoted.setdefault((rel.document, rel.paragraph), []).append(rel)
        passages = []
        for doc in self.corpus.documents.values():
            for para in doc.paragraphs:
                rels = quoted.get((doc.id, para.number), [])
                mentions = spans(pattern, para.text)
                if not mentions and not rels:
                    continue
                quotes = [s for r in rels for s in spans(quote_pattern(r.quote), para.text)]
                passages.append(Passage(para, segments(para.text, mentions, quotes),
                                        tuple(r.id for r in rels)))
        return tuple(passages)

    def relation(self, relation_id: str) -> Passage | None:
        """The paragraph that quotes a relation, the quote and both actors' names marked."""
        rel = self.corpus.relations.get(relation_id)
        para = self.corpus.paragraph(rel.document, rel.paragraph) if rel else None
        if rel is None or para is None:
            return None
        names = tuple(n for pid in (rel.source, rel.target) for n in self.corpus.people[pid].names)
        mentions = spans(name_pattern(names), para.text)
        quotes = spans(quote_pattern(rel.quote), para.text)
        return Passage(para, segments(para.text, mentions, quotes), (rel.id,))
