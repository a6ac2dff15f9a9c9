"""Help for the person curating a new document: adding it, and a worklist of its names.

Nothing here writes relations: the curator reads the worklist and writes those by hand.
Every write goes to a temporary file in the same folder and is then renamed over the
target, so an interrupted command never leaves a half-written file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from pathlib import Path

from .checks import ID_PATTERN, is_date
from .reading import read_text
from .schema import DOCUMENTS, DOCUMENTS_DIR
from .text import lines_as_paragraphs, split_paragraphs
from .writing import atomic_write


class CurationError(Exception):
    """Input the command refuses; the message says what to change."""


@dataclass(frozen=True)
class NewDocument:
    """A ``documents.csv`` row for a document being added."""

    id: str
    title: str
    date: str
    author: str = "not recorded"
    archive_ref: str = "not recorded"
    translator: str = ""
    url: str = ""
    rights: str = "not recorded: check before sharing"
    summary: str = ""


def _csv_row(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def _check_new(data_dir: Path, doc: NewDocument) -> tuple[str, list[str]]:
    """The current documents.csv text and header, after checking the new row fits."""
    if not ID_PATTERN.match(doc.id):
        raise CurationError(f"--id {doc.id!r} is not a slug: use lowercase letters, digits "
                            "and single hyphens, e.g. ivanov-1955-12-20")
    if not is_date(doc.date):
        raise CurationError(f"--date {doc.date!r} must be a real date written YYYY-MM-DD, "
                            "e.g. 1955-12-20")
    if not doc.title.strip():
        raise CurationError("--title must not be empty")
    text, problems = read_text(data_dir / DOCUMENTS.file, DOCUMENTS.file)
    if text is None:
        raise CurationError(f"cannot read {data_dir / DOCUMENTS.file}: {problems[0].message}")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0] if rows else []
    missing = [c for c in DOCUMENTS.column_names if c not in header and
               next(col for col in DOCUMENTS.columns if col.name == c).required]
    if missing:
        raise CurationError(f"{DOCUMENTS.file} lacks the column(s) {', '.join(missing)}; run "
                            "`python -m dashboard validate` first")
    if any(row and row[0] == doc.id for row in rows[1:]):
        raise CurationError(f"a document with id {doc.id!r} is already in {DOCUMENTS.file}")
    if (data_dir / DOCUMENTS_DIR / f"{doc.id}.txt").exists():
        raise CurationError(f"{DOCUMENTS_DIR}/{doc.id}.txt already exists")
    return text, header


PARAGRAPHS = ("auto", "blank", "line")  # how a text marks its paragraphs


def add_document(data_dir: Path, source: Path, doc: NewDocument,
                 paragraphs: str = "auto") -> int:
    """Copy ``source`` into ``documents/<id>.txt`` and add its row; return its paragraph count.

    ``paragraphs``: ``blank`` (a blank line between paragraphs, the corpus's own form),
    ``line`` (one paragraph a line, as most pages copied from an archive arrive) or
    ``auto`` (one a line when the text has no blank line at all). A text of one paragraph
    a line is stored with blank lines between them.

    Refuses (``CurationError``) a bad id or date, a duplicate id, or a source that is
    missing, not UTF-8 or empty; in that case nothing is written.
    """
    data_dir = Path(data_dir)
    csv_text, header = _check_new(data_dir, doc)
    body, problems = read_text(Path(source), str(source))
    if body is None:
        raise CurationError(problems[-1].message)
    if paragraphs not in PARAGRAPHS:
        raise CurationError(f"--paragraphs {paragraphs!r}: give one of {', '.join(PARAGRAPHS)}")
    if paragraphs != "blank":
        per_line = lines_as_paragraphs(body)
        if paragraphs == "line" and per_line is None:
            per_line = lines_as_paragraphs(body.replace("\n\n", "\n"))
        body = per_line or body
    found = split_paragraphs(doc.id, body)
    if not found:
        raise CurationError(f"{source} holds no text")
    folder = data_dir / DOCUMENTS_DIR
    folder.mkdir(exist_ok=True)
    values = {f.name: getattr(doc, f.name) for f in fields(doc)}
    row = _csv_row([values.get(name, "") for name in header])
    target = folder / f"{doc.id}.txt"
    atomic_write(target, body if body.endswith("\n") else body + "\n")
    try:
        separator = "" if not csv_text or csv_text.endswith("\n") else "\n"
        atomic_write(data_dir / DOCUMENTS.file, csv_text + separator + row)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return len(found)
