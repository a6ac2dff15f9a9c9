"""The corpus loader on the fixtures in tests/fixtures/.

Each broken fixture must give exactly its problems, as a flattened list of
(file, line, code); the valid fixture must load clean into the right objects; junk never
raises. Special files (pipes, devices, links) are in ``test_reading.py``, the text helpers
in ``test_text.py``, names and search in ``test_names.py``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.corpus import (
    Alias,
    Corpus,
    Problem,
    format_table,
    has_errors,
    load_corpus,
    summarize,
)
from dashboard.corpus.model import About, Mention, Uncoded
from dashboard.corpus.problems import CODES
from dashboard.corpus.schema import TABLES
from tests.fixtures import build
from tests.test_reading import SPECIAL

VALID, BROKEN = build.VALID, build.BROKEN
DOC_ID = "ivanov-1955-12-07"
DOC = f"documents/{DOC_ID}.txt"

Flat = list[tuple[str, int | None, str]]


def flatten(problems: list[Problem]) -> Flat:
    return [(p.file, p.line, p.code) for p in problems]


# --------------------------------------------------------------------------- broken cases

#: case -> exactly the problems it must give. One mistake is one problem: an unreadable
#: table, a missing column or a missing text is not reported again for every row.
EXPECTED: dict[str, Flat] = {
    "missing-file": [("relations.csv", None, "file-missing")],
    "empty-file": [("relations.csv", None, "file-empty")],
    "not-utf8": [("relations.csv", 5, "file-not-utf8")],
    "nul-bytes": [("relations.csv", 5, "file-not-utf8")],
    "bom": [("people.csv", None, "bom")],
    "unreadable-referenced-file": [("factions.csv", 2, "file-not-utf8")],
    "document-text-missing": [(DOC, None, "document-text-missing")],
    "document-empty": [(DOC, None, "document-empty")],
    "document-without-row": [("documents/ivanov-1955-12-08.txt", None, "document-without-row")],
    "malformed-csv": [("relations.csv", 3, "malformed-csv")],
    "blank-line-before-header": [],
    "wrong-field-count": [("people.csv", 3, "wrong-field-count")],
    "missing-column": [("documents.csv", 1, "missing-column")],
    "unknown-column": [("periods.csv", 1, "unknown-column")],
    "duplicate-column": [("factions.csv", 1, "duplicate-column")],
    "duplicate-id": [("people.csv", 4, "duplicate-id")],
    "bad-id": [("relations.csv", 2, "bad-id")],
    "missing-value": [("people.csv", 5, "missing-value")],
    "bad-integer": [("relations.csv", 2, "bad-integer")],
    "bad-date": [("documents.csv", 2, "bad-date")],
    "non-ascii-digits": [("relations.csv", 5, "bad-integer")],
    "bad-color": [("factions.csv", 2, "bad-color")],
    "unknown-type": [("relations.csv", 2, "unknown-value")],
    "unknown-polarity": [("relations.csv", 4, "unknown-value")],
    "unknown-kind": [("people.csv", 7, "unknown-value")],
    "unknown-shape": [("factions.csv", 3, "unknown-value")],
    "bad-alias-system": [("people.csv", 4, "bad-alias")],
    "bad-alias-untagged": [("people.csv", 4, "bad-alias")],
    "duplicate-alias": [("people.csv", 4, "duplicate-alias"), ("people.csv", 5, "duplicate-alias")],
    "bad-contested": [("people.csv", 6, "bad-contested")],
    "unknown-faction": [("people.csv", 4, "unknown-faction")],
    "unknown-faction-contested": [("people.csv", 6, "unknown-faction")],
    "unknown-document": [("relations.csv", 2, "unknown-document")],
    "unknown-person-source": [("relations.csv", 4, "unknown-person")],
    "unknown-person-target": [("relations.csv", 4, "unknown-person")],
    "unknown-person-claimant": [("relations.csv", 4, "unknown-person")],
    "unknown-period": [("relations.csv", 5, "unknown-period")],
    "bad-year-range": [("relations.csv", 3, "bad-year-range")],
    "year-outside-period": [("relations.csv", 5, "year-outside-period")],
    "self-relation": [("relations.csv", 4, "self-relation")],
    "quote-not-found": [("relations.csv", 3, "quote-not-found")],
    "no-steps": [],
    "bad-step-number": [("steps.csv", 4, "bad-step-number")],
    "bad-paragraph-range": [("steps.csv", 2, "bad-paragraph-range")],
    "unknown-paragraph": [("steps.csv", 4, "unknown-paragraph")],
    "paragraph-outside-steps": [("steps.csv", None, "paragraph-outside-steps")],
    "impossible-date": [("documents.csv", 2, "bad-date")],
    "mention-not-found": [("mentions.csv", 2, "mention-not-found")],
    "unknown-paragraph-mention": [("mentions.csv", 2, "unknown-paragraph")],
    "paragraph-unread": [("uncoded.csv", None, "paragraph-unread")],
    "paragraph-coded-and-recorded": [("uncoded.csv", None, "paragraph-coded-and-recorded")],
    "bad-against": [("relations.csv", 2, "bad-against")],
    "corpus-rows": [("corpus.csv", 3, "corpus-rows")],
    "hostile-text": [],
}

#: Cases where relations.csv cannot be read, and the coverage check of uncoded.csv then
#: warns about every paragraph as unread: one mistake, two problems (a bug in loading.py).
#: Cases that leave the corpus valid: no problem, or warnings only.
STILL_VALID = {"bom", "document-without-row", "duplicate-alias", "hostile-text",
               "blank-line-before-header", "no-steps", "paragraph-outside-steps",
               "paragraph-unread", "paragraph-coded-and-recorded", "corpus-rows"}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_broken_case_gives_exactly_its_problems(case: str) -> None:
    assert flatten(load_corpus(BROKEN / case).problems) == EXPECTED[case]


@pytest.mark.parametrize("case", list(EXPECTED))
def test_only_warning_cases_are_still_valid(case: str) -> None:
    assert load_corpus(BROKEN / case).ok == (case in STILL_VALID)


def test_every_case_has_expectations_and_a_folder() -> None:
    assert set(EXPECTED) == set(build.CASES)
    assert {p.name for p in BROKEN.iterdir() if p.is_dir()} == set(build.CASES)


@pytest.mark.parametrize("case", list(build.CASES))
def test_committed_case_matches_the_builder(case: str, tmp_path: Path) -> None:
    """A broken folder is the valid corpus plus its one edit; rebuild with build.py."""
    build.build_case(case, tmp_path / case)
    expected = {p.relative_to(tmp_path / case): p.read_bytes()
                for p in (tmp_path / case).rglob("*") if p.is_file()}
    committed = {p.relative_to(BROKEN / case): p.read_bytes()
                 for p in (BROKEN / case).rglob("*") if p.is_file()}
    assert committed == expected, "run: python tests/fixtures/build.py"


def _only(case: str) -> Problem:
    (problem,) = [p for p in load_corpus(BROKEN / case).problems
                  if (p.file, p.line, p.code) in EXPECTED[case]]
    return problem


def test_quote_not_found_names_the_closest_paragraph() -> None:
    problem = _only("quote-not-found")
    assert problem.column == "quote"
    assert "¶3" in problem.message
    assert "Organization" in problem.message  # where quote and text part


@pytest.mark.parametrize(("case", "column", "value", "hint"), [
    ("unknown-faction", "faction", "sovet", "did you mean 'soviet'?"),
    ("unknown-faction-contested", "faction_contested", "domestc", "'domestic'"),
    ("unknown-person-source", "source", "hegay", "'hegai'"),
    ("unknown-period", "period", "post-war", "'postwar'"),
    ("bad-color", "color", "#D55E0", "#RRGGBB"),
    ("bad-date", "date", "7 December 1955", "YYYY-MM-DD"),
    ("unknown-type", "type", "shields", "protects"),
    ("bad-alias-system", "aliases", "Ho Ka-i (McCune)", "TEXT (SYSTEM)"),
    ("bad-contested", "faction_contested", "soviet or domestic", "faction-id"),
    ("missing-value", "sources", "", "must not be empty"),
])
def test_problem_names_column_value_and_hint(case: str, column: str, value: str,
                                             hint: str) -> None:
    problem = _only(case)
    assert (problem.column, problem.value.startswith(value)) == (column, True)
    assert hint in problem.message


def test_not_utf8_shows_the_bad_bytes() -> None:
    assert _only("not-utf8").value.startswith("e7")


@pytest.mark.parametrize("case", list(EXPECTED))
def test_format_table_shows_every_problem(case: str) -> None:
    problems = load_corpus(BROKEN / case).problems
    table = format_table(problems)
    for problem in problems:
        assert problem.where in table
        assert problem.code in table
    assert table.splitlines()[-1] == summarize(problems)


# --------------------------------------------------------------------------- the valid corpus

@pytest.fixture(scope="module")
def corpus(valid_corpus: Corpus) -> Corpus:
    return valid_corpus


def test_valid_fixture_loads_without_a_single_warning() -> None:
    assert load_corpus(VALID).problems == []


def test_valid_fixture_has_every_table(corpus: Corpus) -> None:
    counts = {t.name: len(getattr(corpus, t.name)) for t in TABLES if t.name != "corpus"}
    assert counts == {"documents": 1, "factions": 3, "periods": 3, "people": 6,
                      "relations": 4, "steps": 3, "mentions": 1, "uncoded": 2}
    assert corpus.about == About("Test corpus: an excerpt of Ivanov's journal",
                                 "Five paragraphs for the tests.", "Edges are claims, not facts.")


def test_the_record_of_the_reading(corpus: Corpus) -> None:
    assert corpus.mentions == (Mention("ivanov-1955-12-07", 4, "hegai", "He",
                                       "'He' is Hegai (named earlier in the paragraph)"),)
    assert [(u.document, u.paragraph) for u in corpus.uncoded] == [
        ("ivanov-1955-12-07", 1), ("ivanov-1955-12-07", 2)]
    assert isinstance(corpus.uncoded[0], Uncoded) and corpus.uncoded[0].reason.startswith(
        "opening")
    assert {r.against for r in corpus.relations.values()} == {""}
    assert corpus.factions["soviet"].historians.startswith("Lankov")
    assert corpus.factions["partisan"].historians == ""


def test_a_third_party_is_loaded() -> None:
    relation = load_corpus(BROKEN / "bad-against").corpus.relations["hegai-protects-kim-yeol"]
    assert relation.against == "kim-yeol"


def test_only_the_first_corpus_row_is_used() -> None:
    result = load_corpus(BROKEN / "corpus-rows")
    assert result.corpus.about.title == "Test corpus: an excerpt of Ivanov's journal"


def test_paragraphs_are_numbered_from_one(corpus: Corpus) -> None:
    document = corpus.documents[DOC_ID]
    assert [p.number for p in document.paragraphs] == [1, 2, 3, 4, 5]
    assert document.paragraphs[0].text == "I visited Kim Il Sung at his invitation."
    third = corpus.paragraph(DOC_ID, 3)
    assert third is not None and third.text.startswith("Hegai, a friend")
    assert third.citation == "ivanov-1955-12-07 ¶3"
    assert third.anchor == "para-ivanov-1955-12-07-3"
    assert corpus.paragraph(DOC_ID, 6) is None
    assert corpus.paragraph("no-such-document", 1) is None


def test_document_fields(corpus: Corpus) -> None:
    document = corpus.documents[DOC_ID]
    assert (document.date, document.author, document.translator) == ("1955-12-07",
                                                                      "V. I. Ivanov", "")


def test_aliases_are_parsed_with_their_systems(corpus: Corpus) -> None:
    kim = corpus.people["kim-il-sung"]
    assert kim.aliases == (
        Alias("Kim Il-sŏng", "MR"), Alias("Kim Il-seong", "RR"), Alias("김일성", "Hangul"),
        Alias("金日成", "Hanja"), Alias("Ким Ир Сен", "Russian"),
    )
    assert kim.names[0] == "Kim Il Sung"
    systems = {a.system for p in corpus.people.values() for a in p.aliases}
    assert systems == {"MR", "RR", "NK", "Hangul", "Hanja", "Russian", "variant", "translation"}


def test_contested_and_uncertain_person(corpus: Corpus) -> None:
    gi = corpus.people["gi-seok-pok"]
    assert gi.contested_factions == ("soviet", "domestic")
    assert gi.contested_reason == "worked with writers from the South"
    assert gi.is_contested and gi.is_uncertain
    assert gi.identification_note.startswith("Uncertain:")
    kim = corpus.people["kim-il-sung"]
    assert not kim.is_contested and not kim.is_uncertain


def test_people_fields(corpus: Corpus) -> None:
    assert corpus.people["soviet-koreans"].kind == "group"
    assert corpus.people["pak-heon-yeong"].sources == ("ivanov-1955-12-07", "Lankov 2002")
    assert corpus.people["pak-heon-yeong"].subgroup == "South Korean Workers' Party"


def test_relations_resolve_their_paragraph(corpus: Corpus) -> None:
    found = {r.id: (r.paragraph, r.citation) for r in corpus.relations.values()}
    assert found == {
        "hegai-protects-kim-yeol": (3, "ivanov-1955-12-07 ¶3"),
        "hegai-recommends-kim-yeol": (3, "ivanov-1955-12-07 ¶3"),
        "hegai-associates-soviet-koreans": (4, "ivanov-1955-12-07 ¶4"),
        "kim-il-sung-criticizes-gi-seok-pok": (5, "ivanov-1955-12-07 ¶5"),
    }


def test_relation_fields(corpus: Corpus) -> None:
    relation = corpus.relations["kim-il-sung-criticizes-gi-seok-pok"]
    assert (relation.source, relation.target, relation.type, relation.polarity) == (
        "kim-il-sung", "gi-seok-pok", "criticizes", "hostile")
    assert (relation.claimant, relation.period, relation.year_from, relation.year_to) == (
        "kim-il-sung", "postwar", 1955, 1955)
    assert relation.note == "Kim says they must criticise themselves, not that he did"


def test_periods_and_factions(corpus: Corpus) -> None:
    assert [(p.id, p.year_from, p.year_to) for p in corpus.periods.values()] == [
        ("liberation", 1945, 1950), ("war", 1950, 1953), ("postwar", 1953, 1955)]
    assert corpus.factions["soviet"].color == "#0072B2"
    assert corpus.factions["soviet"].shape == "diamond"


def test_hostile_text_loads_as_plain_strings() -> None:
    result = load_corpus(BROKEN / "hostile-text")
    assert result.problems == []
    corpus = result.corpus
    assert corpus.people["pak-heon-yeong"].name == '<img src=x onerror=alert(1)>Pak, "Heon"'
    assert corpus.factions["soviet"].description == (
        '<a href="javascript:alert(1)">Koreans</a>, from the USSR')
    relation = corpus.relations["kim-il-sung-criticizes-gi-seok-pok"]
    assert "<script>alert('x')</script>" in relation.quote
    assert relation.paragraph == 5
    assert relation.note == '=HYPERLINK("http://example.com","x")'


# --------------------------------------------------------------------------- junk never raises

def _field_over_csv_limit(data: Path) -> None:
    (data / "relations.csv").write_text("id\n" + "x" * 150_000 + "\n")


def _field_over_max_field(data: Path) -> None:
    (data / "periods.csv").write_text("id,label,year_from,year_to\nwar,"
                                      + "x" * 100_001 + ",1950,1953\n")


JUNK = {
    "field-over-csv-limit": (_field_over_csv_limit, ("relations.csv", 2, "malformed-csv")),
    "field-over-max-field": (_field_over_max_field, ("periods.csv", 2, "field-too-long")),
    "png-bytes": (lambda d: (d / "people.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00"),
                  ("people.csv", 1, "file-not-utf8")),
    "lone-quote": (lambda d: (d / "factions.csv").write_text('"'),
                   ("factions.csv", 1, "malformed-csv")),
    "blank-header": (lambda d: (d / "periods.csv").write_text(" , ,\n"),
                     ("periods.csv", None, "file-empty")),
}


@pytest.mark.parametrize("junk", list(JUNK))
def test_junk_files_become_problems(junk: str, tmp_path: Path) -> None:
    make, expected = JUNK[junk]
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    make(data)
    assert expected in flatten(load_corpus(data).problems)


@pytest.mark.parametrize(("name", "code"), [("absent", "file-missing"),
                                           ("file", "file-not-regular")])
def test_a_missing_or_file_data_dir_is_one_problem(tmp_path: Path, name: str,
                                                   code: str) -> None:
    (tmp_path / "file").write_text("x")
    result = load_corpus(tmp_path / name)
    assert [p.code for p in result.problems] == [code]
    assert result.corpus == Corpus()


def test_every_problem_code_has_an_example() -> None:
    """A new code in problems.py needs a broken fixture, a junk case or a special file
    (``test_reading.SPECIAL``) that produces it."""
    examples = [*(problem for flat in EXPECTED.values() for problem in flat),
                *(expected for _, expected in JUNK.values()),
                *(expected for _, expected in SPECIAL.values())]
    assert {code for _, _, code in examples} == set(CODES)


def test_documents_folder_that_is_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    shutil.rmtree(data / "documents")
    (data / "documents").write_text("not a folder")
    assert (DOC, None, "file-unreadable") in flatten(load_corpus(data).problems)


FILES = [t.file for t in TABLES] + [DOC]
CSV_ALPHABET = st.sampled_from(list(',;:"\n\r\t ()#-abcz019ŏ한\ufeff\x00\\'))


def _load_and_render(data: Path) -> None:
    result = load_corpus(data)
    assert all(isinstance(p, Problem) and p.code in CODES for p in result.problems)
    format_table(result.problems)
    has_errors(result.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.fixed_dictionaries({f: st.none() | st.binary(max_size=200)
                                    | st.text(CSV_ALPHABET, max_size=200) for f in FILES}))
def test_load_corpus_never_raises_on_junk_files(files: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        (data / "documents").mkdir()
        for name, content in files.items():
            if content is not None:
                raw = content if isinstance(content, bytes) else content.encode()
                (data / name).write_bytes(raw)
        _load_and_render(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(FILES), at=st.floats(0, 1), cut=st.integers(0, 40),
       insert=st.binary(max_size=20) | st.text(CSV_ALPHABET, max_size=20).map(str.encode))
def test_load_corpus_never_raises_on_damaged_valid_files(file: str, at: float, cut: int,
                                                         insert: bytes) -> None:
    """Damage near-valid files, which reach deeper into the checks than random bytes do."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(VALID, data)
        raw = (data / file).read_bytes()
        pos = int(at * len(raw))
        (data / file).write_bytes(raw[:pos] + insert + raw[pos + cut:])
        _load_and_render(data)


# --------------------------------------------------------------------------- cascades

def _edited(tmp_path: Path, file: str, old: str, new: str) -> list[Problem]:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    path = data / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return load_corpus(data).problems


def test_wrong_field_count_in_a_referenced_row_is_one_problem(tmp_path: Path) -> None:
    problems = _edited(tmp_path, "people.csv", "Died in 1953", "Died, 1953")
    assert flatten(problems) == [("people.csv", 4, "wrong-field-count")]


def test_an_overlong_field_does_not_hide_other_errors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    people, relations = data / "people.csv", data / "relations.csv"
    people.write_text(people.read_text().replace("Died in 1953", "D" * 100_001))
    relations.write_text(relations.read_text().replace("neutral,kim-il-sung", "neutral,nobody"))
    assert flatten(load_corpus(data).problems) == [
        ("people.csv", 4, "field-too-long"), ("relations.csv", 4, "unknown-person")]


def test_a_shared_name_points_at_the_name_column(tmp_path: Path) -> None:
    problems = _edited(tmp_path, "people.csv", "kim-yeol,Kim Yeol,", "kim-yeol,Hegai,")
    assert [(p.line, p.code, p.column) for p in problems] == [
        (4, "duplicate-alias", "name"), (5, "duplicate-alias", "name")]


