"""data/README.md documents every column, vocabulary value and problem code, and no more.

In the spirit of datasette's test_docs.py: the names come from ``schema.py`` and
``problems.py``, so a new column, type or code fails here until it is documented, and a
removed one fails until its row is deleted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.corpus.problems import CODES, WARNINGS
from dashboard.corpus.schema import (
    ALIAS_SYSTEMS,
    KINDS,
    POLARITIES,
    RELATION_TYPES,
    SHAPES,
    TABLES,
    Table,
)

README = Path(__file__).resolve().parent.parent / "data" / "README.md"
HEADING = re.compile(r"^(#+) ")


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(readme: str, title: str) -> str:
    """The text under the heading that reads ``title``, up to the next heading as high."""
    lines = readme.splitlines()
    for start, line in enumerate(lines):
        match = HEADING.match(line)
        if match and line[match.end():].strip() == title:
            level = len(match[1])
            end = next((i for i in range(start + 1, len(lines))
                        if (m := HEADING.match(lines[i])) and len(m[1]) <= level), len(lines))
            return "\n".join(lines[start + 1:end])
    raise AssertionError(f"data/README.md has no heading {title!r}")


def table_rows(text: str) -> dict[str, list[str]]:
    """Markdown table rows whose first cell is `code`, keyed by that code."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows[cells[0].strip("`")] = cells[1:]
    return rows


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_every_column_is_documented(readme: str, table: Table) -> None:
    rows = table_rows(section(readme, f"`{table.file}`"))
    assert list(rows) == list(table.column_names)
    for column in table.columns:
        required = rows[column.name][0]
        assert required == ("yes" if column.required else "no"), column.name


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_every_file_is_listed(readme: str, table: Table) -> None:
    assert f"| `{table.file}` |" in section(readme, "The data: how to read and edit it")


def test_relation_types_and_meanings_match_the_schema(readme: str) -> None:
    rows = table_rows(section(readme, "Relation types"))
    assert {value: cells[0] for value, cells in rows.items()} == RELATION_TYPES
    assert list(rows) == list(RELATION_TYPES)  # the order of the UI checklist


def test_alias_systems_and_labels_match_the_schema(readme: str) -> None:
    rows = table_rows(section(readme, "Alias systems"))
    assert {value: cells[0] for value, cells in rows.items()} == ALIAS_SYSTEMS
    assert all(cells[1] for cells in rows.values()), "every system needs a meaning"


@pytest.mark.parametrize(("title", "values"), [
    ("Kinds", KINDS),
    ("Polarities", POLARITIES),
])
def test_every_value_is_documented(readme: str, title: str, values: tuple[str, ...]) -> None:
    assert list(table_rows(section(readme, title))) == list(values)


def test_every_shape_is_documented(readme: str) -> None:
    documented = re.findall(r"`([a-z-]+)`", section(readme, "Node shapes"))
    assert documented == list(SHAPES)


def test_every_problem_code_is_documented(readme: str) -> None:
    rows = table_rows(section(readme, "Problem codes"))
    assert list(rows) == list(CODES)
    for code, (severity, meaning) in rows.items():
        assert severity == ("warning" if code in WARNINGS else "error"), code
        assert meaning == CODES[code], code


@pytest.mark.parametrize("phrase", [
    "`TEXT (SYSTEM)`",
    "faction-id[,faction-id]: reason",
    "`Uncertain:`",
    "`ivanov-1955-12-07 ¶12`",
    "UTF-8",
    "python -m dashboard validate",
    "make validate",
])
def test_formats_and_commands_are_explained(readme: str, phrase: str) -> None:
    assert phrase in readme
