"""Reading files defensively: any bytes give rows or problems, never an exception."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .schema import Table

#: A hand-edited cell longer than this is a paste accident, not data.
MAX_FIELD = 100_000


@dataclass(frozen=True)
class Row:
    """One CSV record: the line it starts on and its cells by column name.

    A ``broken`` row could not be read whole (wrong field count, an over-long field): its
    problem is already reported, its id still counts as taken so references to it do not
    cascade into more errors, but it is not checked further or loaded.
    """

    line: int
    cells: dict[str, str]
    broken: bool = False

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")


def read_text(path: Path, label: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 file; a missing, unreadable or non-UTF-8 file becomes a problem."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem("file-missing", f"{label} not found at {path}", label)]
    except (IsADirectoryError, PermissionError, OSError) as err:
        return None, [Problem("file-unreadable", f"cannot read {path}: {err.strerror or err}",
                              label)]
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(Problem("bom", "the file starts with a UTF-8 byte-order mark; it was "
                                "ignored (save as 'UTF-8' without BOM to silence this)", label))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [*problems, Problem(
            "file-not-utf8", f"byte {err.start} is not UTF-8 ({err.reason}); save the file "
            "as UTF-8", label, line, value=data[err.start:err.start + 4].hex(" "))]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [*problems, Problem("file-not-utf8", "the file holds NUL bytes: it is "
                                         "binary, not a text file", label, line)]
    return text, problems


def read_table(data_dir: Path, table: Table) -> tuple[list[Row], list[Problem]]:
    """Read one CSV table into rows keyed by column, checking its header against ``table``."""
    text, problems = read_text(data_dir / table.file, table.file)
    if text is None:
        return [], problems
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        while header is not None and not any(h.strip() for h in header):
            header = next(reader, None)  # blank lines before the header are layout
    except csv.Error as err:
        return [], [*problems, Problem("malformed-csv", f"the header cannot be parsed: {err}",
                                       table.file, reader.line_num or 1)]
    if not header or not any(h.strip() for h in header):
        return [], [*problems, Problem("file-empty", "the file has no header row; expected "
                                       + ",".join(table.column_names), table.file)]
    header = [h.strip() for h in header]
    problems += _check_header(table, header)
    rows, row_problems = _read_rows(reader, header, table.file)
    return rows, problems + row_problems


def _check_header(table: Table, header: list[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if not name:
            problems.append(Problem("unknown-column", "the header has an unnamed column (a "
                                    "trailing comma?); remove the empty column", table.file, 1))
        elif name in seen:
            problems.append(Problem("duplicate-column", f"column {name!r} appears twice",
                                    table.file, 1, name, name))
        elif name not in table.column_names:
            problems.append(Problem("unknown-column", f"{table.file} has no column {name!r}; "
                                    "known columns: " + ", ".join(table.column_names),
                                    table.file, 1, name, name))
        seen.add(name)
    for column in table.columns:
        if column.required and column.name not in seen:
            problems.append(Problem("missing-column", f"the header lacks the required column "
                                    f"{column.name!r}", table.file, 1, column.name))
    return problems


def _read_rows(reader: csv.reader, header: list[str], file: str) -> tuple[list[Row], list[Problem]]:
    rows: list[Row] = []
    problems: list[Problem] = []
    line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            problems.append(Problem("malformed-csv", f"the CSV cannot be parsed from here on: "
                                    f"{err}; check for an unclosed double quote", file, line))
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue  # blank lines are layout, not rows
        cells = {name: cell.strip() for name, cell in zip(header, record, strict=False)}
        if len(record) != len(header):
            problems.append(Problem(
                "wrong-field-count", f"the row has {len(record)} fields, the header "
                f"{len(header)}; quote fields that contain commas", file, start,
                value=",".join(record)[:200]))
            rows.append(Row(start, {"id": cells.get("id", "")[:MAX_FIELD]}, broken=True))
            continue
        long = [name for name, cell in cells.items() if len(cell) > MAX_FIELD]
        if long:
            problems.append(Problem("field-too-long", f"field {long[0]!r} is longer than "
                                    f"{MAX_FIELD} characters", file, start, long[0]))
            rows.append(Row(start, {"id": cells.get("id", "")[:MAX_FIELD]}, broken=True))
            continue
        rows.append(Row(start, cells))
    return rows, problems
