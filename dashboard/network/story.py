"""The guided walk: the documents in reading order as steps, and what each step adds.

A step is a run of paragraphs about one affair. ``steps.csv`` declares them; without
it they are generated here from the corpus, deterministically, so a lesson link
(``?step=7``) keeps pointing at the same passage. The network "grows" as the walk
goes on: a relation is reached at the first step whose paragraphs quote it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from ..corpus.model import Corpus, Document, Relation, Step
from ..corpus.names import NameFinder
from .passages import Passage, quote_pattern, segments, spans

#: A paragraph shorter than this is a heading, a stamp or a line of the copy list.
SHORT = 60
#: A generated step stops growing past this many characters (a projector's worth).
MAX_CHARS = 2400
#: An actor in relations of more than this share of a document's paragraphs (Kim Il Sung,
#: the Central Committee) is everywhere, so it does not mark where an affair starts.
COMMON_SHARE = 0.25


def steps_for(corpus: Corpus) -> tuple[Step, ...]:
    """The curated steps if ``steps.csv`` gave any, else the generated ones; a document
    that ``steps.csv`` does not mention yet (one just added) gets generated steps, placed
    in the corpus's document order and numbered on from the steps before them."""
    if not corpus.steps:
        return default_steps(corpus)
    curated = {s.document for s in corpus.steps}
    missing = tuple(d for d in corpus.documents if d not in curated)
    if not missing:
        return corpus.steps
    generated = default_steps(corpus, missing)
    order = {d: i for i, d in enumerate(corpus.documents)}
    merged = sorted(corpus.steps + generated, key=lambda s: (order.get(s.document, 0),
                                                              s.document in missing, s.number))
    return tuple(replace(s, number=i) for i, s in enumerate(merged, start=1))


def default_steps(corpus: Corpus, documents: tuple[str, ...] | None = None
                  ) -> tuple[Step, ...]:
    """Group each document's paragraphs into steps, in reading order.

    A new step starts at a paragraph whose quoted actors (sources and targets, leaving
    out the ubiquitous ones) share nobody with the step's focus, or when the step
    has grown past ``MAX_CHARS``. Paragraphs quoting nothing stay with the step they
    follow; the headings before the first quoted paragraph join step 1. ``documents``
    limits the steps to those documents.
    """
    by_document: dict[str, list[Relation]] = {}
    for rel in corpus.relations.values():  # one pass: documents x relations would not scale
        by_document.setdefault(rel.document, []).append(rel)
    out: list[Step] = []
    for doc in corpus.documents.values():
        if documents is not None and doc.id not in documents:
            continue
        relations = by_document.get(doc.id, [])
        for first, last, focus in _groups(doc, _actors(relations)):
            out.append(_step(corpus, relations, len(out) + 1, doc, first, last, focus))
    return tuple(out)


def _actors(relations: list[Relation]) -> dict[int, list[str]]:
    """The actors of the relations each paragraph quotes, in order, minus the ubiquitous."""
    quoted: dict[int, list[str]] = {}
    for rel in relations:
        if rel.paragraph:
            quoted.setdefault(rel.paragraph, []).extend((rel.source, rel.target))
    seen_in = Counter(a for actors in quoted.values() for a in set(actors))
    common = {a for a, n in seen_in.items() if n >= 3 and n > COMMON_SHARE * len(quoted)}
    return {n: [a for a in dict.fromkeys(actors) if a not in common]
            for n, actors in quoted.items()}


def _focus(groups: list[list[str]]) -> list[str]:
    """A step's focus: the actors of its first quoted paragraph and any seen twice."""
    counts = Counter(a for g in groups for a in g)
    order = dict.fromkeys(a for g in groups for a in g)
    chosen = [a for a in order if (groups and a in groups[0]) or counts[a] >= 2]
    return sorted(chosen, key=lambda a: (-counts[a], list(order).index(a)))


def _groups(doc: Document, actors: dict[int, list[str]]) -> list[tuple[int, int, list[str]]]:
    first_quoted = min(actors, default=0)
    out: list[tuple[int, int, list[str]]] = []
    start, size = 0, 0
    groups: list[list[str]] = []
    for para in doc.paragraphs:
        own = actors.get(para.number, [])
        topic_change = own and groups and not set(own) & set(_focus(groups))
        too_long = size + len(para.text) > MAX_CHARS and len(para.text) >= SHORT
        if start and para.number > first_quoted and (topic_change or too_long):
            out.append((start, para.number - 1, _focus(groups)))
            start, size, groups = 0, 0, []
        start = start or para.number
        size += len(para.text)
        if own:
            groups.append(own)
    if start:
        out.append((start, doc.paragraphs[-1].number, _focus(groups)))
    return out


def _step(corpus: Corpus, relations: list[Relation], number: int, doc: Document, first: int,
          last: int, focus: list[str]) -> Step:
    names = [corpus.people[a].name for a in focus[:2] if a in corpus.people]
    span = f"¶{first}" if first == last else f"¶{first}–{last}"
    quoted = sum(1 for r in relations if first <= r.paragraph <= last)
    return Step(number, doc.id, first, last, " and ".join(names) or f"{doc.title} {span}",
                f"{span}: {quoted} relation{'s' * (quoted != 1)} quoted")


@dataclass(frozen=True)
class Walk:
    """The steps and, for every relation, the step that reaches it (none: never)."""

    steps: tuple[Step, ...] = ()
    reached_at: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: Corpus) -> Walk:
        steps = steps_for(corpus)
        starts: dict[str, list[tuple[int, int, int]]] = {}  # document -> (first, last, number)
        for step in steps:
            starts.setdefault(step.document, []).append((step.first, step.last, step.number))
        for ranges in starts.values():
            ranges.sort()
        reached_at = {}
        for rel in corpus.relations.values():
            ranges = starts.get(rel.document, [])
            # steps of one document may overlap: the earliest covering step reaches it
            candidates = ranges[:bisect_right(ranges, (rel.paragraph, 1 << 30, 0))]
            covering = [n for first, last, n in candidates if first <= rel.paragraph <= last]
            if covering:
                reached_at[rel.id] = min(covering)
        return cls(steps, reached_at)

    def __len__(self) -> int:
        return len(self.steps)

    def clamp(self, number: int) -> int:
        """A step number inside the walk: 0 stays 0 (not walking), past the end is the end.

        >>> Walk((Step(1, "d", 1, 2, "A"), Step(2, "d", 3, 4, "B"))).clamp(9)
        2
        """
        return max(0, min(number, len(self.steps)))

    def step(self, number: int) -> Step | None:
        return self.steps[number - 1] if 1 <= number <= len(self.steps) else None

    def reached(self, number: int) -> frozenset[str]:
        """The relations quoted in steps 1 to ``number``."""
        return frozenset(r for r, at in self.reached_at.items() if at <= number)

    def introduced(self, corpus: Corpus, number: int) -> frozenset[str]:
        """The relations quoted in the paragraphs of step ``number``."""
        step = self.step(number)
        if step is None:
            return frozenset()
        return frozenset(r.id for r in corpus.relations.values()
                         if step.covers(r.document, r.paragraph))

    def newcomers(self, corpus: Corpus, number: int) -> tuple[str, ...]:
        """The actors first involved at step ``number``, in the order the text names them."""
        before = {a for r in self.reached(number - 1)
                  for a in (corpus.relations[r].source, corpus.relations[r].target)}
        rels = sorted((corpus.relations[r] for r in self.introduced(corpus, number)),
                      key=lambda r: (r.paragraph, r.id))
        return tuple(a for a in dict.fromkeys(x for r in rels for x in (r.source, r.target))
                     if a not in before)


def step_passages(corpus: Corpus, walk: Walk, number: int) -> tuple[Passage, ...]:
    """The step's paragraphs, with the actors of its relations and their quotes marked."""
    step = walk.step(number)
    doc = corpus.documents.get(step.document) if step else None
    if step is None or doc is None:
        return ()
    rels = [corpus.relations[r] for r in sorted(walk.introduced(corpus, number))]
    actors = {a for r in rels for a in (r.source, r.target) if a in corpus.people}
    finder = NameFinder({a: corpus.people[a].names for a in actors})
    out = []
    for para in doc.paragraphs[step.first - 1:step.last]:
        own = [r for r in rels if r.paragraph == para.number]
        quotes = [s for r in own for s in spans(quote_pattern(r.quote), para.text)]
        out.append(Passage(para, segments(para.text, finder.spans(para.text, actors), quotes),
                           tuple(r.id for r in own)))
    return tuple(out)
