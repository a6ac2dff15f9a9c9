"""Passages about a person or a relation: which paragraphs, and what to mark in them.

A paragraph is cut into segments, each flagged as a mention of the person (any of
their names, however it is spelled: ``corpus.names``), part of a quoted relation, or
plain text, so the UI can render highlights as plain text inside <mark> elements, never
as HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..corpus.model import Corpus, Mention, Paragraph, Relation
from ..corpus.names import NameFinder


@dataclass(frozen=True)
class Segment:
    text: str
    mention: bool = False
    quote: bool = False
    note: str = ""  # a curated mention's note ("'Pak' here is Pak Il-u")


@dataclass(frozen=True)
class Passage:
    """One paragraph to show, with its segments and why it was chosen."""

    paragraph: Paragraph
    segments: tuple[Segment, ...]
    relations: tuple[str, ...]  # relation ids quoting this paragraph
    referred: tuple[str, ...] = ()  # the words a curated mention uses ("Pak", "He")


def quote_pattern(quote: str) -> re.Pattern[str]:
    """Match a quote in the raw text whatever whitespace sits between its words."""
    return re.compile(r"\s+".join(map(re.escape, quote.split())))


def spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def word_spans(words: str, text: str) -> list[tuple[int, int]]:
    """Where ``words`` stand in ``text`` as whole words, whatever the whitespace between them.

    >>> word_spans("He", "He said. The Hero? he")
    [(0, 2)]
    """
    body = r"\s+".join(map(re.escape, words.split()))
    return spans(re.compile(rf"(?<!\w){body}(?!\w)"), text) if body else []


def segments(text: str, mentions: list[tuple[int, int]], quotes: list[tuple[int, int]],
             notes: dict[tuple[int, int], str] | None = None) -> tuple[Segment, ...]:
    """Cut ``text`` at every span boundary and flag each piece; ``notes`` gives a note to
    the pieces inside some mention spans.

    >>> [(s.text, s.mention, s.quote) for s in segments("Pak met Kim.", [(0, 3)], [(4, 12)])]
    [('Pak', True, False), (' ', False, False), ('met Kim.', False, True)]
    """
    notes = notes or {}
    cuts = sorted({0, len(text), *(i for s in mentions + quotes for i in s)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        note = next((n for (a, b), n in notes.items() if a <= start and end <= b), "")
        out.append(Segment(text[start:end],
                           any(a <= start and end <= b for a, b in mentions),
                           any(a <= start and end <= b for a, b in quotes), note))
    return tuple(out)


class PassageIndex:
    """Finds the paragraphs about a person or relation; results are cached per id.

    A paragraph is about a person when it names them (any spelling: ``NameFinder``), when
    a curated mention says it refers to them ("Pak", "he": ``mentions.csv``), or when it
    quotes one of their relations. The names in every paragraph are found once, on first
    use, so a click looks up a person's paragraphs instead of reading the corpus again.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.finder = NameFinder({p.id: p.names for p in corpus.people.values()})
        self.person = lru_cache(maxsize=512)(self._person)
        self.paragraph = lru_cache(maxsize=1024)(self._paragraph)
        self._named: dict[str, list[tuple[str, int]]] | None = None
        self.mentions: dict[tuple[str, int], list[Mention]] = {}
        for mention in corpus.mentions:
            self.mentions.setdefault((mention.document, mention.paragraph), []).append(mention)

    def named(self, person_id: str) -> list[tuple[str, int]]:
        """The (document, ¶) of every paragraph that names ``person_id``, in corpus order."""
        if self._named is None:
            named: dict[str, list[tuple[str, int]]] = {}
            for doc in self.corpus.documents.values():
                for para in doc.paragraphs:
                    for owner in dict.fromkeys(f.owner for f in self.finder.find(para.text)):
                        named.setdefault(owner, []).append((doc.id, para.number))
            self._named = named
        return self._named.get(person_id, [])

    def _marks(self, para: Paragraph, people: set[str], rels: list[Relation]) -> Passage:
        """The paragraph with the names of ``people``, their curated mentions and the
        quotes of ``rels`` marked."""
        names = self.finder.spans(para.text, people)
        notes: dict[tuple[int, int], str] = {}
        referred = []
        for mention in self.mentions.get((para.document, para.number), []):
            if mention.person in people:
                found = word_spans(mention.words, para.text)
                notes.update({span: mention.note or f"refers to "
                              f"{self.corpus.people[mention.person].name}" for span in found})
                referred.append(f"“{mention.words}”")
        quotes = [s for r in rels for s in spans(quote_pattern(r.quote), para.text)]
        return Passage(para, segments(para.text, sorted(set(names) | set(notes)), quotes, notes),
                       tuple(r.id for r in rels), tuple(dict.fromkeys(referred)))

    def _person(self, person_id: str) -> tuple[Passage, ...]:
        if person_id not in self.corpus.people:
            return ()
        quoted: dict[tuple[str, int], list[Relation]] = {}
        for rel in self.corpus.relations.values():
            if person_id in (rel.source, rel.target, rel.against):
                quoted.setdefault((rel.document, rel.paragraph), []).append(rel)
        mentioned = {k for k, found in self.mentions.items()
                     if any(m.person == person_id for m in found)}
        wanted = set(self.named(person_id)) | set(quoted) | mentioned
        order = {d: i for i, d in enumerate(self.corpus.documents)}
        passages = []
        for document, number in sorted(wanted, key=lambda k: (order.get(k[0], 0), k[1])):
            para = self.corpus.paragraph(document, number)
            if para is not None:
                passages.append(self._marks(para, {person_id}, quoted.get((document, number),
                                                                           [])))
        return tuple(passages)

    def relation(self, relation_id: str) -> Passage | None:
        """The paragraph that quotes a relation, the quote and its actors' names marked."""
        rel = self.corpus.relations.get(relation_id)
        para = self.corpus.paragraph(rel.document, rel.paragraph) if rel else None
        if rel is None or para is None:
            return None
        return self._marks(para, {a for a in (rel.source, rel.target, rel.against) if a},
                           [rel])

    def _paragraph(self, document: str, number: int) -> tuple[Passage, tuple[str, ...]]:
        """A paragraph with every name, curated mention and quote marked, and the people it
        holds (named, referred to or in its relations), in the order the text names them."""
        para = self.corpus.paragraph(document, number)
        if para is None:
            return Passage(Paragraph(document, number, ""), (), ()), ()
        rels = [r for r in self.corpus.relations.values()
                if r.document == document and r.paragraph == number]
        people = [f.owner for f in self.finder.find(para.text)]
        people += [m.person for m in self.mentions.get((document, number), [])]
        people += [a for r in rels for a in (r.source, r.target, r.against) if a]
        held = tuple(p for p in dict.fromkeys(people) if p in self.corpus.people)
        return self._marks(para, set(held), rels), held
