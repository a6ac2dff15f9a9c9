"""Checks over rows already read: each returns problems, none raises.

The generic field checks follow the declarations in ``schema.py``; the
corpus-specific ones (aliases, contested factions, years, quotes) are small
functions of their own.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable

from .problems import Problem
from .reading import Row
from .schema import ALIAS_SYSTEMS, Column, Table
from .text import QuoteIndex

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
INT_PATTERN = re.compile(r"^-?[0-9]{1,6}$")  # ASCII digits only: int() takes '１９５５' too
ALIAS_PATTERN = re.compile(r"^(?P<text>.+?)\s*\((?P<system>[^()]+)\)$")
CONTESTED_PATTERN = re.compile(
    r"^(?P<ids>[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*:\s*(?P<reason>\S.*)$")


def is_date(value: str) -> bool:
    """A real calendar date written YYYY-MM-DD.

    >>> is_date("1955-12-07"), is_date("1955-13-45"), is_date("1955-02-29"), is_date("55-1-1")
    (True, False, False, False)
    """
    if not DATE_PATTERN.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _field_problem(table: Table, column: Column, row: Row) -> Problem | None:
    if column.name not in row.cells:
        return None  # the whole column is missing: reported once, as missing-column
    value = row[column.name]
    where = (table.file, row.line, column.name, value)
    if not value:
        if column.required:
            return Problem("missing-value", f"{column.name} must not be empty", *where)
        return None
    if column.kind == "id" and not ID_PATTERN.match(value):
        return Problem("bad-id", "an id is lowercase letters, digits and single hyphens, "
                       "e.g. 'pak-il-u'", *where)
    if column.kind == "int" and not INT_PATTERN.match(value):
        return Problem("bad-integer", f"{column.name} must be a whole number such as 1955",
                       *where)
    if column.kind == "date" and not is_date(value):
        return Problem("bad-date", "dates are real dates written YYYY-MM-DD, e.g. 1955-12-07",
                       *where)
    if column.kind == "color" and not COLOR_PATTERN.match(value):
        return Problem("bad-color", "colours are #RRGGBB hex codes, e.g. #D55E00", *where)
    if column.kind == "vocab" and value not in column.vocab:
        return Problem("unknown-value", f"{column.name} must be one of: "
                       + ", ".join(column.vocab), *where)
    return None


def check_fields(table: Table, rows: list[Row]) -> list[Problem]:
    """Empty required fields, malformed values and vocabulary, then duplicate ids."""
    problems = [p for row in rows if not row.broken for c in table.columns
                if (p := _field_problem(table, c, row)) is not None]
    first_line: dict[str, int] = {}
    for row in rows:
        key = row["id"]
        if key and key in first_line:
            problems.append(Problem("duplicate-id", f"id {key!r} is already used on line "
                                    f"{first_line[key]}", table.file, row.line, "id", key))
        first_line.setdefault(key, row.line)
    return problems


REF_CODES = {"documents": "unknown-document", "factions": "unknown-faction",
             "people": "unknown-person", "periods": "unknown-period"}


def check_refs(table: Table, rows: list[Row], known: dict[str, set[str] | None]) -> list[Problem]:
    """Every reference column names an id that its table holds.

    A table whose file could not be read is ``None`` in ``known``: its references are
    not checked, so one unreadable file is one problem, not one per row.
    """
    problems = []
    for column in (c for c in table.columns if c.ref):
        ids = known.get(column.ref)
        if ids is None:
            continue
        for row in rows:
            value = row[column.name]
            if value and value not in ids:
                problems.append(Problem(
                    REF_CODES[column.ref], f"no {column.ref} row has id {value!r}"
                    + _suggest(value, ids), table.file, row.line, column.name, value))
    return problems


def _suggest(value: str, ids: Iterable[str]) -> str:
    import difflib  # only on the error path

    close = difflib.get_close_matches(value, list(ids), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def parse_aliases(value: str) -> list[tuple[str, str]]:
    """Split ``'Pak Hon-yong (MR); 박헌영 (Hangul)'`` into (text, system) pairs.

    A piece without a ``(SYSTEM)`` tag comes back with the system ``""``.

    >>> parse_aliases("Pak Hon-yong (MR); 박헌영 (Hangul);")
    [('Pak Hon-yong', 'MR'), ('박헌영', 'Hangul')]
    """
    pairs = []
    for piece in (p.strip() for p in value.split(";")):
        if piece:
            match = ALIAS_PATTERN.match(piece)
            pairs.append((match["text"].strip(), match["system"].strip()) if match
                         else (piece, ""))
    return pairs


def check_aliases(rows: list[Row]) -> list[Problem]:
    problems = []
    for row in rows:
        for text, system in parse_aliases(row["aliases"]):
            if system not in ALIAS_SYSTEMS:
                problems.append(Problem(
                    "bad-alias", "write each alias as 'TEXT (SYSTEM)', SYSTEM one of: "
                    + ", ".join(ALIAS_SYSTEMS), "people.csv", row.line, "aliases",
                    f"{text} ({system})" if system else text))
    return problems


def check_shared_names(rows: list[Row], key: Callable[[str], str]) -> list[Problem]:
    """Warn where two people share a name or alias: search and mentions would confuse them."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        names = [row["name"], *(t for t, _ in parse_aliases(row["aliases"]))]
        for name in names:
            if key(name):
                owners.setdefault(key(name), set()).add(row["id"])
    problems = []
    for row in rows:
        for name in dict.fromkeys([row["name"], *(t for t, _ in parse_aliases(row["aliases"]))]):
            others = owners.get(key(name), set()) - {row["id"]}
            if others:
                column = "name" if name == row["name"] else "aliases"
                problems.append(Problem("duplicate-alias", f"{name!r} also names "
                                        + ", ".join(sorted(others)), "people.csv", row.line,
                                        column, name))
    return problems


def parse_contested(value: str) -> tuple[tuple[str, ...], str] | None:
    """``'soviet,domestic: reason'`` -> (('soviet', 'domestic'), 'reason'); None if malformed."""
    match = CONTESTED_PATTERN.match(value)
    if not match:
        return None
    return tuple(i.strip() for i in match["ids"].split(",")), match["reason"].strip()


def check_contested(rows: list[Row], factions: set[str] | None) -> list[Problem]:
    problems = []
    for row in (r for r in rows if r["faction_contested"]):
        value = row["faction_contested"]
        parsed = parse_contested(value)
        if parsed is None:
            problems.append(Problem("bad-contested", "write 'faction-id[,faction-id]: one-line "
                                    "reason', e.g. 'soviet: studied in the USSR'", "people.csv",
                                    row.line, "faction_contested", value))
            continue
        for faction in parsed[0]:
            if factions is not None and faction not in factions:
                problems.append(Problem("unknown-faction", f"no factions row has id {faction!r}"
                                        + _suggest(faction, factions), "people.csv", row.line,
                                        "faction_contested", faction))
    return problems


def _int(value: str) -> int | None:
    return int(value) if INT_PATTERN.match(value) else None


def check_year_ranges(file: str, rows: list[Row]) -> list[Problem]:
    problems = []
    for row in rows:
        low, high = _int(row["year_from"]), _int(row["year_to"])
        if low is not None and high is not None and low > high:
            problems.append(Problem("bad-year-range", f"year_from {low} is after year_to {high}",
                                    file, row.line, "year_from", row["year_from"]))
    return problems


def check_relation_years(rows: list[Row], spans: dict[str, tuple[int, int]]) -> list[Problem]:
    """A relation's years lie inside the span of the period it names."""
    problems = []
    for row in rows:
        span = spans.get(row["period"])
        low, high = _int(row["year_from"]), _int(row["year_to"])
        if span and low is not None and high is not None and (low < span[0] or high > span[1]):
            problems.append(Problem(
                "year-outside-period", f"{low}–{high} lies outside {row['period']} "
                f"({span[0]}–{span[1]}); change the years or the period", "relations.csv",
                row.line, "year_from", f"{low}-{high}"))
    return problems


def check_self_relations(rows: list[Row]) -> list[Problem]:
    return [Problem("self-relation", "source and target are the same; a relation joins two "
                    "actors", "relations.csv", row.line, "target", row["target"])
            for row in rows if row["source"] and row["source"] == row["target"]]


def check_quotes(rows: list[Row], indexes: dict[str, QuoteIndex]) -> tuple[dict[int, int],
                                                                          list[Problem]]:
    """Find each quote in its document; return the ¶ per row line, and the misses."""
    found: dict[int, int] = {}
    problems = []
    for row in rows:
        index = indexes.get(row["document"])
        if index is None or not row["quote"]:
            continue  # the unknown document or empty quote is reported elsewhere
        number = index.find(row["quote"])
        if number:
            found[row.line] = number
            continue
        closest, hint = index.closest(row["quote"])
        where = f"; the closest is ¶{closest}: {hint}" if closest else ""
        problems.append(Problem(
            "quote-not-found", f"the quote is not in {row['document']} verbatim within one "
            f"paragraph{where}", "relations.csv", row.line, "quote", row["quote"]))
    return found, problems
