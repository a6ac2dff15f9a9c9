"""The optional ``steps.csv``: the guided walk, checked and turned into ``Step`` records.

The generic field checks (whole numbers, the document reference) run as for every
table; here are the checks that need the documents and the relations: numbering,
paragraph ranges, and the paragraphs quoted by a relation that no step covers.
"""

from __future__ import annotations

from collections.abc import Iterable

from .checks import INT_PATTERN
from .model import Document, Relation, Step
from .problems import Problem
from .reading import Row
from .schema import STEPS

FILE = STEPS.file
NUMBERS = ("step", "first_paragraph", "last_paragraph")


def _usable(row: Row) -> bool:
    """A row whose numbers are all whole numbers (the others are reported already)."""
    return not row.broken and all(INT_PATTERN.match(row[c]) for c in NUMBERS)


def check_steps(rows: list[Row], documents: dict[str, Document]) -> list[Problem]:
    """Steps numbered 1, 2, 3… in file order; each range inside its document, in order."""
    problems = []
    for expected, row in enumerate(rows, 1):
        if not _usable(row):
            continue
        if int(row["step"]) != expected:
            problems.append(Problem(
                "bad-step-number", f"this is step {expected} of the file; number the steps "
                "1, 2, 3… in the order they are read", FILE, row.line, "step", row["step"]))
        first, last = int(row["first_paragraph"]), int(row["last_paragraph"])
        if first > last:
            problems.append(Problem(
                "bad-paragraph-range", f"first_paragraph {first} is after last_paragraph "
                f"{last}", FILE, row.line, "first_paragraph", row["first_paragraph"]))
        doc = documents.get(row["document"])
        if doc is None or not doc.paragraphs:
            continue  # an unknown document or a missing text is reported elsewhere
        for column in ("first_paragraph", "last_paragraph"):
            if not 1 <= int(row[column]) <= len(doc.paragraphs):
                problems.append(Problem(
                    "unknown-paragraph", f"{doc.id} has paragraphs 1 to "
                    f"{len(doc.paragraphs)}", FILE, row.line, column, row[column]))
    return problems


def load_steps(rows: list[Row]) -> tuple[Step, ...]:
    return tuple(Step(int(r["step"]), r["document"], int(r["first_paragraph"]),
                      int(r["last_paragraph"]), r["title"], r["summary"])
                 for r in rows if _usable(r))


def check_coverage(steps: tuple[Step, ...], relations: Iterable[Relation]) -> list[Problem]:
    """Warn once per paragraph that quotes relations but lies in no step. A document with
    no step at all is not warned about: the walk generates its steps (``story.steps_for``).

    >>> from dashboard.corpus.model import Relation
    >>> rel = Relation("r1", "doc", "a", "b", "accuses", "hostile", "a", "p", 1955, 1955,
    ...                "q", paragraph=4)
    >>> [p.value for p in check_coverage((Step(1, "doc", 1, 3, "One"),), [rel])]
    ['doc ¶4']
    """
    if not steps:
        return []
    missed: dict[tuple[str, int], list[str]] = {}
    curated = {s.document for s in steps}
    for rel in relations:
        if rel.document in curated and rel.paragraph and \
                not any(s.covers(rel.document, rel.paragraph) for s in steps):
            missed.setdefault((rel.document, rel.paragraph), []).append(rel.id)
    return [Problem("paragraph-outside-steps", f"{len(ids)} relation(s) quoted there "
                    f"({', '.join(ids[:3])}{', …' if len(ids) > 3 else ''}) never appear in "
                    "the walk; widen a step or add one", FILE, value=f"{doc} ¶{number}")
            for (doc, number), ids in sorted(missed.items())]
