"""What one part of the project names, the others know: the docs, the ids, the scripts.

In the spirit of datasette's test_docs.py:

- data/README.md documents every column, vocabulary value and problem code, and no more
  (the names come from ``schema.py`` and ``problems.py``, so a new column, type or code
  fails here until it is documented, and a removed one until its row is deleted);
- README.md names every setting of ``settings.py``;
- every component id of ``web/ids.py`` is used by the web layer, every id a callback
  names is in the layout, and every id the browser scripts in ``assets/`` name is one of
  them (or one the layout builds, such as ``para-DOC-N``).
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
from dashboard.settings import SETTINGS
from dashboard.web import ids

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "data" / "README.md"
HEADING = re.compile(r"^(#+) ")


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(readme: str, title: str) -> str:
    """The text under the heading that reads ``title``, up to the next heading as high."""
    lines = readme.splitlines()
    for start, line in enumerate(lines):
        match = HEADING.match(line)
        heading = line[match.end():].strip() if match else ""
        if match and (heading == title or heading.startswith(title + ":")):
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


# --- README.md: the settings --------------------------------------------------------------------


def test_the_readme_has_a_row_for_every_setting_and_no_more() -> None:
    rows = table_rows((ROOT / "README.md").read_text(encoding="utf-8"))
    assert [name for name in rows if name.startswith("DASHBOARD_")] == [s.name for s in SETTINGS]


# --- component ids: ids.py, the web layer and the browser scripts ---------------------------

WEB = ROOT / "dashboard" / "web"
ASSETS = ROOT / "assets"
IDS = {name: value for name, value in vars(ids).items()
       if name.isupper() and isinstance(value, str)}
#: Ids the layout builds from the corpus (a paragraph, a claim) rather than names in ids.py.
BUILT = re.compile(r"^(?:para|claim)-")
#: Calls whose string arguments are element or store ids, and calls that take CSS selectors.
ID_CALLS = re.compile(r"\b(getElementById|set_props|setProps|press)\(([^()]*)\)")
#: Of these, the calls whose first argument alone is an id (the second holds the values).
FIRST_ONLY = {"set_props", "setProps"}
SELECTOR_CALLS = re.compile(r"\b(?:querySelector|querySelectorAll|closest)\(([^()]*)\)")
TRIGGERS = re.compile(r'\btrigger(?:ed_id)?\s*===\s*"([^"]+)"')
STRING = re.compile(r'"([^"\\]*)"|\'([^\'\\]*)\'')


def _strings(args: str) -> list[str]:
    return [a or b for a, b in STRING.findall(args)]


def script_ids(text: str) -> set[str]:
    """The ids a browser script names: ``getElementById("x")``, ``set_props("x", …)``,
    ``querySelector("#x .y")``, ``triggered_id === "x"``."""
    found = {s for m in ID_CALLS.finditer(text)
             for s in _strings(m[2].split(",", 1)[0] if m[1] in FIRST_ONLY else m[2])}
    found |= {i for m in SELECTOR_CALLS.finditer(text) for s in _strings(m[1])
              for i in re.findall(r"#([A-Za-z][\w-]*)", s)}
    return found | set(TRIGGERS.findall(text))


def test_script_ids_are_read_from_the_calls() -> None:
    js = """document.getElementById("a"); x.closest("#b .c, #d"); press(n ? "e" : 'f');
            if (trigger === "g") { set_props("h", {value: "not-an-id"}); }
            querySelector(".not-an-id");"""
    assert script_ids(js) == set("abdefgh")


@pytest.fixture(scope="module")
def web_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(WEB.rglob("*.py"))
                     if p.name != "ids.py")


@pytest.mark.parametrize("name", list(IDS))
def test_every_id_is_used_by_the_web_layer(web_source: str, name: str) -> None:
    assert re.search(rf"\bids\.{name}\b", web_source), f"ids.{name} is used nowhere"


def test_ids_are_unique_kebab_case() -> None:
    values = list(IDS.values())
    assert len(set(values)) == len(values)
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", v) for v in values)


@pytest.mark.parametrize("script", sorted(p.name for p in ASSETS.glob("*.js")))
def test_every_id_a_script_names_is_known(web_source: str, script: str) -> None:
    built = set(re.findall(r'\bid="([a-z][\w-]*)"', web_source))  # literal ids in the layout
    named = script_ids((ASSETS / script).read_text(encoding="utf-8"))
    unknown = sorted(i for i in named
                     if i not in set(IDS.values()) | built and not BUILT.match(i))
    assert unknown == [], f"{script} names ids that ids.py does not declare: {unknown}"


def _layout_ids(component: object) -> set[str]:
    if isinstance(component, list | tuple):
        return {i for c in component for i in _layout_ids(c)}
    found = {component.id} if isinstance(getattr(component, "id", None), str) else set()
    children = getattr(component, "children", None)  # a component without children is falsy
    return found | (_layout_ids(children) if children is not None else set())


def test_every_id_a_callback_names_is_in_the_layout(valid_dir: Path) -> None:
    """Dash without its dev tools says nothing of a callback wired to a missing id: the
    click would just do nothing. Pattern ids (dicts) match components mounted later."""
    from dashboard.web.app import create_app

    app = create_app(valid_dir)
    in_layout = _layout_ids(app.layout)
    named = set()
    for output, callback in app.callback_map.items():
        parts = [*callback["inputs"], *callback["state"]]
        named |= {p["id"] for p in parts if not p["id"].startswith("{")}
        named |= {o.split(".")[0] for o in output.strip(".").split("...")
                  if o and not o.startswith("{")}
    assert named - in_layout == set()
