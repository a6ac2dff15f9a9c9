"""Reading files defensively: any bytes give rows or problems, never an exception.

Only regular files are read (a named pipe would block for ever, ``/dev/zero`` never ends),
no file larger than ``MAX_FILE_BYTES``, and a path that cannot be followed (a symbolic
link loop, a missing permission) is a problem, never a traceback.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import Problem
from .schema import Table

#: A hand-edited cell longer than this is a paste accident, not data.
MAX_FIELD = 100_000
#: No file of a corpus is larger than this (the largest benchmark corpus's relations.csv,
#: 25,000 relations, is about 9 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024


def _why(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "a symbolic link loop (a link that leads back to itself)"
    return err.strerror or str(err)


def unreadable_directory(path: Path) -> Problem | None:
    """A problem when ``path`` is not a directory that can be read, else None."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Problem("file-missing", f"no data directory at {path}", str(path))
    except OSError as err:
        return Problem("file-unreadable", f"cannot open {path}: {_why(err)}", str(path))
    if not stat.S_ISDIR(info.st_mode):
        return Problem("file-not-regular", f"{path} is not a directory", str(path))
    if not os.access(path, os.R_OK | os.X_OK):
        return Problem("file-unreadable", f"cannot read the directory {path}: permission "
                       "denied", str(path))
    return None


def read_bytes(path: Path, label: str, limit: int | None = None
               ) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file of at most ``limit`` bytes (``MAX_FILE_BYTES``), or a
    problem."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the open
    except FileNotFoundError:
        return None, [Problem("file-missing", f"{label} not found at {path}", label)]
    except OSError as err:
        return None, [Problem("file-unreadable", f"cannot read {path}: {_why(err)}", label)]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem("file-not-regular", f"{path} is not a regular file (a pipe, "
                                  "a device or a folder): only files are read", label)]
        if info.st_size > limit:
            return None, [_too_large(path, label, info.st_size, limit)]
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        return None, [Problem("file-unreadable", f"cannot read {path}: {_why(err)}", label)]
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        return None, [_too_large(path, label, len(data), limit)]
    return data, []


def _too_large(path: Path, label: str, size: int, limit: int) -> Problem:
    return Problem("file-too-large", f"{path} holds {size:,} bytes; a corpus file holds at "
                   f"most {limit:,}", label, value=f"{size} bytes")


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
    """Read a UTF-8 file; a missing, unreadable, odd, oversized or non-UTF-8 file becomes a
    problem."""
    data, problems = read_bytes(path, label)
    if data is None:
        return None, problems
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


def _read_rows(reader: Any, header: list[str], file: str) -> tuple[list[Row], list[Problem]]:
    """The rows after the header (``reader`` is a ``csv.reader``)."""
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
