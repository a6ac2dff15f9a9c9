"""Load a data directory into a ``Corpus`` and the list of every problem found on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import checks, readings, steps
from .model import Alias, Corpus, Document, Faction, Period, Person, Relation, Step
from .names import name_key
from .problems import Problem, has_errors
from .reading import Row, read_table, read_text, unreadable_directory
from .schema import (
    CORPUS,
    DOCUMENTS,
    DOCUMENTS_DIR,
    FACTIONS,
    MENTIONS,
    PEOPLE,
    PERIODS,
    RELATIONS,
    STEPS,
    TABLES,
    UNCODED,
)
from .text import QuoteIndex, split_paragraphs


@dataclass(frozen=True)
class LoadResult:
    """The corpus as far as it could be built, and every problem, in file order."""

    corpus: Corpus
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


#: File-level problems after which a table's ids are unknown rather than absent.
UNREAD = frozenset({"file-missing", "file-unreadable", "file-not-utf8", "file-empty",
                    "malformed-csv", "file-not-regular", "file-too-large"})


class CorpusError(Exception):
    """Raised where work cannot go on: the corpus has errors. Carries the whole report."""

    def __init__(self, data_dir: Path, problems: list[Problem]) -> None:
        self.data_dir = data_dir
        self.problems = problems
        super().__init__(f"the corpus in {data_dir} has {len(problems)} problem(s)")


def load_corpus(data_dir: Path | str) -> LoadResult:
    """Read and validate every file of ``data_dir``; never raises for bad data.

    >>> from dashboard import DEFAULT_DATA_DIR
    >>> result = load_corpus(DEFAULT_DATA_DIR)
    >>> result.ok, result.corpus.people["pak-il-u"].name
    (True, 'Pak Il-u')
    """
    data_dir = Path(data_dir)
    problem = unreadable_directory(data_dir)
    if problem is not None:
        return LoadResult(Corpus(), [problem])
    rows: dict[str, list[Row]] = {}
    problems: list[Problem] = []
    for table in TABLES:
        if table.optional and not (data_dir / table.file).exists() and \
                not (data_dir / table.file).is_symlink():
            rows[table.name] = []  # an optional table left out: nothing to check
            continue
        rows[table.name], found = read_table(data_dir, table)
        problems += found + checks.check_fields(table, rows[table.name])
    unread = {t.name for t in TABLES
              if any(p.file == t.file and p.code in UNREAD for p in problems)}
    known = {name: None if name in unread else {r["id"] for r in table_rows if r["id"]}
             for name, table_rows in rows.items()}
    for table in TABLES:
        problems += checks.check_refs(table, rows[table.name], known)
    problems += _check_people(rows[PEOPLE.name], known["factions"])
    documents, doc_problems = _load_documents(data_dir, rows[DOCUMENTS.name])
    problems += doc_problems
    problems += checks.check_year_ranges(PERIODS.file, rows[PERIODS.name])
    problems += checks.check_year_ranges(RELATIONS.file, rows[RELATIONS.name])
    spans = {r["id"]: (int(r["year_from"]), int(r["year_to"])) for r in rows[PERIODS.name]
             if checks.INT_PATTERN.match(r["year_from"]) and checks.INT_PATTERN.match(r["year_to"])}
    problems += checks.check_relation_years(rows[RELATIONS.name], spans)
    problems += checks.check_self_relations(rows[RELATIONS.name])
    problems += readings.check_against(rows[RELATIONS.name])
    indexes = {doc.id: QuoteIndex.build(doc.paragraphs) for doc in documents.values()
               if doc.paragraphs}  # a missing or empty text is one problem, not one per quote
    paragraphs, quote_problems = checks.check_quotes(rows[RELATIONS.name], indexes)
    problems += quote_problems
    relations = {r["id"]: _relation(r, paragraphs.get(r.line, 0)) for r in rows[RELATIONS.name]}
    walk, walk_problems = _load_steps(rows[STEPS.name], documents, relations, problems)
    mentions, mention_problems = readings.load_mentions(rows[MENTIONS.name], documents,
                                                        known["people"])
    uncoded, uncoded_problems = readings.load_uncoded(rows[UNCODED.name], documents)
    about, about_problems = readings.load_about(rows[CORPUS.name])
    if (data_dir / UNCODED.file).exists() and not quote_problems and \
            not {RELATIONS.name, UNCODED.name} & unread:
        uncoded_problems += readings.check_coverage(documents, relations.values(), uncoded)
    corpus = Corpus(
        documents=documents,
        factions={r["id"]: _faction(r) for r in rows[FACTIONS.name]},
        periods={r["id"]: _period(r) for r in rows[PERIODS.name]},
        people={r["id"]: _person(r) for r in rows[PEOPLE.name]},
        relations=relations, steps=walk, mentions=mentions, uncoded=uncoded, about=about,
    )
    return LoadResult(corpus, _in_file_order(problems + walk_problems + mention_problems
                                             + uncoded_problems + about_problems))


def load_valid_corpus(data_dir: Path | str) -> Corpus:
    """Load a corpus for serving: raise ``CorpusError`` with the report if it has errors."""
    result = load_corpus(data_dir)
    if not result.ok:
        raise CorpusError(Path(data_dir), result.problems)
    return result.corpus


def _check_people(rows: list[Row], factions: set[str] | None) -> list[Problem]:
    return (checks.check_aliases(rows) + checks.check_contested(rows, factions)
            + checks.check_shared_names(rows, name_key))  # the one normaliser decides clashes


def _load_documents(data_dir: Path, rows: list[Row]) -> tuple[dict[str, Document], list[Problem]]:
    folder = data_dir / DOCUMENTS_DIR
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    for row in rows:
        if not row["id"] or row["id"] in documents or not checks.ID_PATTERN.match(row["id"]):
            continue  # reported by the field checks
        label = f"{DOCUMENTS_DIR}/{row['id']}.txt"
        text, found = read_text(folder / f"{row['id']}.txt", label)
        problems += [Problem("document-text-missing", f"documents.csv line {row.line} names "
                             f"{row['id']!r} but {label} does not exist", label)
                     if p.code == "file-missing" else p for p in found]
        paragraphs = split_paragraphs(row["id"], text or "")
        if text is not None and not paragraphs:
            problems.append(Problem("document-empty", "the text file holds no paragraph", label))
        documents[row["id"]] = _document(row, paragraphs)
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            if path.stem not in documents:
                problems.append(Problem("document-without-row", f"{path.name} has no row in "
                                        "documents.csv; it is not shown", f"{DOCUMENTS_DIR}/"
                                        f"{path.name}"))
    return documents, problems


def _load_steps(rows: list[Row], documents: dict[str, Document], relations: dict[str, Relation],
                earlier: list[Problem]) -> tuple[tuple[Step, ...], list[Problem]]:
    """The curated walk and its problems; coverage is checked only on a clean steps table,
    so one mistake in it is one problem."""
    problems = steps.check_steps(rows, documents)
    walk = steps.load_steps(rows)
    if problems or any(p.file == STEPS.file and p.severity == "error" for p in earlier):
        return walk, problems
    return walk, steps.check_coverage(walk, relations.values())


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    order = {t.file: i for i, t in enumerate(TABLES)}
    return sorted(problems, key=lambda p: (order.get(p.file, len(order)), p.file, p.line or 0))


def _int(value: str) -> int:
    return int(value) if checks.INT_PATTERN.match(value) else 0


def _document(row: Row, paragraphs: tuple) -> Document:
    return Document(row["id"], row["title"], row["date"], row["author"], row["archive_ref"],
                    row["translator"], row["url"], row["rights"], row["summary"], paragraphs)


def _faction(row: Row) -> Faction:
    return Faction(row["id"], row["label"], row["description"], row["color"], row["shape"],
                   row["historians"])


def _period(row: Row) -> Period:
    return Period(row["id"], row["label"], _int(row["year_from"]), _int(row["year_to"]),
                  row["description"])


def _person(row: Row) -> Person:
    contested = checks.parse_contested(row["faction_contested"]) or ((), "")
    return Person(
        id=row["id"], name=row["name"], kind=row["kind"], faction=row["faction"],
        aliases=tuple(Alias(t, s) for t, s in checks.parse_aliases(row["aliases"])),
        subgroup=row["subgroup"], contested_factions=contested[0],
        contested_reason=contested[1], identification_note=row["identification_note"],
        role_1955=row["role_1955"], fate=row["fate"],
        sources=tuple(s.strip() for s in row["sources"].split(";") if s.strip()),
    )


def _relation(row: Row, paragraph: int) -> Relation:
    return Relation(
        id=row["id"], document=row["document"], source=row["source"], target=row["target"],
        type=row["type"], polarity=row["polarity"], claimant=row["claimant"],
        period=row["period"], year_from=_int(row["year_from"]), year_to=_int(row["year_to"]),
        quote=row["quote"], note=row["note"], paragraph=paragraph, against=row["against"],
    )
