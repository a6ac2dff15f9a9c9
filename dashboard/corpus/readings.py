"""The record of the reading: mentions beyond the full name, paragraphs read without relations,
third parties of relations, and what the corpus calls itself.

A curated reading is complete when every paragraph of a document either yields relations
or is recorded in ``uncoded.csv`` with the reason it has none; ``check_coverage`` warns,
once per document, about the paragraphs that are neither. A mention's words must stand
in its paragraph, so the panel can mark them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .checks import INT_PATTERN
from .model import About, Document, Mention, Relation, Uncoded
from .problems import Problem
from .reading import Row
from .schema import CORPUS, MENTIONS, RELATIONS, UNCODED
from .text import normalize_space


def _paragraph(row: Row, documents: dict[str, Document], file: str) -> tuple[int, list[Problem]]:
    """The row's ¶ number if its document has it (0 and a problem if not; 0 alone when
    the number or the document is already reported)."""
    doc = documents.get(row["document"])
    if row.broken or doc is None or not doc.paragraphs or not INT_PATTERN.match(row["paragraph"]):
        return 0, []
    number = int(row["paragraph"])
    if 1 <= number <= len(doc.paragraphs):
        return number, []
    return 0, [Problem("unknown-paragraph", f"{doc.id} has paragraphs 1 to "
                       f"{len(doc.paragraphs)}", file, row.line, "paragraph", row["paragraph"])]


def load_mentions(rows: list[Row], documents: dict[str, Document],
                  people: set[str] | None) -> tuple[tuple[Mention, ...], list[Problem]]:
    """The mentions whose words stand (verbatim, whitespace aside) in their paragraph."""
    out, problems = [], []
    for row in rows:
        number, found = _paragraph(row, documents, MENTIONS.file)
        problems += found
        if not number or not row["words"] or (people is not None and row["person"] not in people):
            continue
        text = normalize_space(documents[row["document"]].paragraphs[number - 1].text)
        if normalize_space(row["words"]) not in text:
            problems.append(Problem(
                "mention-not-found", f"the words are not in {row['document']} ¶{number} "
                "verbatim (case counts): copy them from the paragraph", MENTIONS.file,
                row.line, "words", row["words"]))
            continue
        out.append(Mention(row["document"], number, row["person"], row["words"], row["note"]))
    return tuple(out), problems


def load_uncoded(rows: list[Row], documents: dict[str, Document]
                 ) -> tuple[tuple[Uncoded, ...], list[Problem]]:
    out, problems = [], []
    for row in rows:
        number, found = _paragraph(row, documents, UNCODED.file)
        problems += found
        if number and row["reason"]:
            out.append(Uncoded(row["document"], number, row["reason"]))
    return tuple(out), problems


def check_coverage(documents: dict[str, Document], relations: Iterable[Relation],
                   uncoded: tuple[Uncoded, ...]) -> list[Problem]:
    """Warn, once per document, about paragraphs neither quoted by a relation nor recorded
    as read without one; and about paragraphs recorded as both."""
    coded = {(r.document, r.paragraph) for r in relations if r.paragraph}
    recorded = {(u.document, u.paragraph) for u in uncoded}
    problems = []
    for doc in documents.values():
        unread = [p.number for p in doc.paragraphs if (doc.id, p.number) not in coded | recorded]
        if unread:
            problems.append(Problem(
                "paragraph-unread", f"{len(unread)} paragraph(s) neither yield a relation nor "
                f"are recorded in {UNCODED.file} with a reason: {spans(unread)}",
                UNCODED.file, value=doc.id))
        both = sorted(n for d, n in coded & recorded if d == doc.id)
        if both:
            problems.append(Problem(
                "paragraph-coded-and-recorded", f"{spans(both)} yield relations and are "
                f"also recorded as read without any; remove them from {UNCODED.file}",
                UNCODED.file, value=doc.id))
    return problems


def spans(numbers: list[int]) -> str:
    """``¶1–3, ¶7`` for [1, 2, 3, 7].

    >>> spans([1, 2, 3, 7, 9, 10])
    '¶1–3, ¶7, ¶9–10'
    """
    out, start = [], None
    for i, n in enumerate(numbers):
        start = n if start is None else start
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(f"¶{start}" if start == n else f"¶{start}–{n}")
            start = None
    return ", ".join(out)


def check_against(rows: list[Row]) -> list[Problem]:
    """A third party is neither the source nor the target of its relation."""
    return [Problem("bad-against", "the third party is the relation's source or target; "
                    "'against' names a third actor: X sets Y against Z", RELATIONS.file,
                    row.line, "against", row["against"])
            for row in rows if row["against"] and row["against"] in (row["source"], row["target"])]


def load_about(rows: list[Row]) -> tuple[About, list[Problem]]:
    if not rows:
        return About(), []
    problems = [Problem("corpus-rows", f"{CORPUS.file} holds one row (title, subtitle, "
                        "caveat); the first is used", CORPUS.file, row.line)
                for row in rows[1:]]
    row = rows[0]
    default = About()
    return About(row["title"] or default.title, row["subtitle"],
                 row["caveat"] or default.caveat), problems
