"""Help for the person curating a new document: adding it, and a worklist of its names.

Nothing here writes relations: the curator reads the worklist and writes those by hand.
Every write goes to a temporary file in the same folder and is then renamed over the
target, so an interrupted command never leaves a half-written file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, fields
from pathlib import Path

from .checks import ID_PATTERN, is_date
from .model import Corpus
from .names import NameFinder
from .reading import read_text
from .schema import DOCUMENTS, DOCUMENTS_DIR
from .text import split_paragraphs
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


def add_document(data_dir: Path, source: Path, doc: NewDocument) -> int:
    """Copy ``source`` into ``documents/<id>.txt`` and add its row; return its paragraph count.

    Refuses (``CurationError``) a bad id or date, a duplicate id, or a source that is
    missing, not UTF-8 or empty; in that case nothing is written.
    """
    data_dir = Path(data_dir)
    csv_text, header = _check_new(data_dir, doc)
    body, problems = read_text(Path(source), str(source))
    if body is None:
        raise CurationError(problems[-1].message)
    paragraphs = split_paragraphs(doc.id, body)
    if not paragraphs:
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
    return len(paragraphs)


#: Capitalised words that start sentences or name things other than people.
STOPWORDS = frozenset("""
A An And As At But By During For From He Her His However I If In Instead It Its Many
No Not Of On Or Since So Some Such That The Their Then There These They This Those To
We What When Where Which While Who Why With Cde Comrade
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())
CANDIDATE = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)*")


@dataclass(frozen=True)
class ParagraphNames:
    """What one paragraph names: known people, names not in the corpus, short forms."""

    number: int
    known: tuple[tuple[str, str], ...]  # (person id, the text that matched)
    unknown: tuple[str, ...]
    short: tuple[str, ...]  # capitalised words that are only parts of known names


def _candidates(text: str) -> list[str]:
    """Capitalised word runs, without leading stopwords or a lone sentence-opening word."""
    names = []
    for match in CANDIDATE.finditer(text):
        words = match.group().split()
        while words and words[0] in STOPWORDS:
            words.pop(0)
        opens_sentence = not text[:match.start()].strip() or \
            text[:match.start()].rstrip().endswith((".", "?", "!", ":", '"'))
        if words and not (len(words) == 1 and opens_sentence and words == match.group().split()):
            names.append(" ".join(words))
    return names


def mentions(corpus: Corpus, document: str) -> list[ParagraphNames]:
    """Paragraph by paragraph, the known people a document mentions and the names it does not
    know yet. Single words that occur in lower case elsewhere in the text ("Party") are left
    out as common nouns."""
    doc = corpus.documents.get(document)
    if doc is None:
        raise CurationError(f"no document {document!r}; known: " + ", ".join(corpus.documents))
    finder = NameFinder({p.id: p.names for p in corpus.people.values()})
    known_tokens = {w for p in corpus.people.values() if p.kind == "person"
                    for n in p.names for w in n.split()}
    lower = set(re.findall(r"\b[a-z]+\b", " ".join(p.text for p in doc.paragraphs)))
    worklist = []
    for para in doc.paragraphs:
        known: dict[str, str] = {}
        masked = para.text
        for found in finder.find(para.text):
            known.setdefault(found.owner, found.text)
            masked = masked[:found.start] + " " * len(found.text) + masked[found.end:]
        unknown, short = [], []
        for name in dict.fromkeys(_candidates(masked)):
            if " " not in name and name.lower() in lower:
                continue
            (short if all(w in known_tokens for w in name.split()) else unknown).append(name)
        worklist.append(ParagraphNames(para.number, tuple(known.items()), tuple(unknown),
                                       tuple(short)))
    return worklist


def format_mentions(corpus: Corpus, document: str, worklist: list[ParagraphNames]) -> str:
    """The worklist as plain text, one block per paragraph that names anyone."""
    lines = []
    for item in worklist:
        if not (item.known or item.unknown or item.short):
            continue
        lines.append(f"{document} ¶{item.number}")
        if item.known:
            lines.append("  known:   " + "; ".join(
                f"{corpus.people[p].name} [{p}]" + (f" as {t!r}" if t != corpus.people[p].name
                                                     else "") for p, t in item.known))
        if item.unknown:
            lines.append("  unknown: " + "; ".join(item.unknown))
        if item.short:
            lines.append("  short:   " + "; ".join(item.short) + "  (part of a known name: "
                         "which person is meant?)")
    return "\n".join(lines)
