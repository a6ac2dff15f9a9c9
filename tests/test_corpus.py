"""The corpus loader, its text helpers and the name search, on the fixtures in tests/fixtures/.

Each broken fixture must give exactly its problems, as a flattened list of
(file, line, code); the valid fixture must load clean into the right objects.
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
    Person,
    Problem,
    format_table,
    has_errors,
    load_corpus,
    summarize,
)
from dashboard.corpus.problems import CODES
from dashboard.corpus.schema import TABLES
from dashboard.corpus.text import QuoteIndex, normalize_space, split_paragraphs
from dashboard.search import SearchIndex, label_for, search_key
from tests.fixtures import build

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
    "hostile-text": [],
}

#: Cases that leave the corpus valid: no problem, or warnings only.
STILL_VALID = {"bom", "document-without-row", "duplicate-alias", "hostile-text",
               "blank-line-before-header", "no-steps", "paragraph-outside-steps"}


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
def corpus() -> Corpus:
    result = load_corpus(VALID)
    assert result.problems == []
    return result.corpus


def test_valid_fixture_has_every_table(corpus: Corpus) -> None:
    counts = {t.name: len(getattr(corpus, t.name)) for t in TABLES}
    assert counts == {"documents": 1, "factions": 3, "periods": 3, "people": 6,
                      "relations": 4, "steps": 3}


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

def _dir_for_file(data: Path) -> None:
    (data / "relations.csv").unlink()
    (data / "relations.csv").mkdir()


def _field_over_csv_limit(data: Path) -> None:
    (data / "relations.csv").write_text("id\n" + "x" * 150_000 + "\n")


def _field_over_max_field(data: Path) -> None:
    (data / "periods.csv").write_text("id,label,year_from,year_to\nwar,"
                                      + "x" * 100_001 + ",1950,1953\n")


JUNK = {
    "a-folder-named-relations.csv": (_dir_for_file, ("relations.csv", None, "file-unreadable")),
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


def test_a_missing_or_file_data_dir_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    for path in (tmp_path / "absent", tmp_path / "file"):
        result = load_corpus(path)
        assert [p.code for p in result.problems] == ["file-missing"]
        assert result.corpus == Corpus()


def test_every_problem_code_has_an_example() -> None:
    """A new code in problems.py needs a broken fixture (or a junk case) that produces it."""
    examples = [*(problem for flat in EXPECTED.values() for problem in flat),
                *(expected for _, expected in JUNK.values())]
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


# --------------------------------------------------------------------------- text.py

@pytest.mark.parametrize(("text", "expected"), [
    ("", []),
    ("\n \n\t\n", []),
    ("One.", ["One."]),
    ("One.\n\nTwo.", ["One.", "Two."]),
    ("\n\nOne.\n  \n\n\nTwo\nlines.\n\n", ["One.", "Two\nlines."]),
    ("One.\r\n\r\nTwo.\r\n", ["One.", "Two."]),
    ("One.\r\rTwo.", ["One.", "Two."]),
    ("  indented\n  block  \n\nnext", ["indented\n  block", "next"]),
])
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    paragraphs = split_paragraphs("d", text)
    assert [p.text for p in paragraphs] == expected
    assert [p.number for p in paragraphs] == list(range(1, len(expected) + 1))
    assert all(p.document == "d" for p in paragraphs)


@pytest.mark.parametrize(("text", "expected"), [
    ("", ""),
    ("   ", ""),
    ("a", "a"),
    ("  a\n b\t\tc ", "a b c"),
    ("a\u00a0\u2003b\r\nc", "a b c"),
])
def test_normalize_space(text: str, expected: str) -> None:
    assert normalize_space(text) == expected


@pytest.fixture
def index() -> QuoteIndex:
    text = ("Kim Yeol was appointed\nchief of the rear.\n\nHegai interceded for him.\n\n"
            "Hegai interceded for him again, and Kim Yeol went to Kanggye.")
    return QuoteIndex.build(split_paragraphs("d", text))


@pytest.mark.parametrize(("quote", "number"), [
    ("appointed chief of the rear", 1),         # across a line break
    ("  appointed \n\t chief  ", 1),             # any whitespace in the quote
    ("Hegai interceded for him", 2),             # the first paragraph that holds it
    ("went to Kanggye.", 3),
    ("hegai interceded", 0),                     # case matters
    ("the rear. Hegai interceded", 0),           # never across paragraphs
    ("", 0),
    ("   ", 0),
])
def test_quote_index_find(index: QuoteIndex, quote: str, number: int) -> None:
    assert index.find(quote) == number


def test_quote_index_closest_names_the_paragraph_and_divergence(index: QuoteIndex) -> None:
    number, hint = index.closest("Kim Yeol went to Pyongyang")
    assert number == 3
    assert "'Kim Yeol went to '" in hint and "'Pyongyang'" in hint and "'Kanggye.'" in hint


def test_quote_index_closest_without_match_or_text() -> None:
    empty = QuoteIndex.build(())
    assert empty.find("anything") == 0
    assert empty.closest("anything") == (0, "")
    one = QuoteIndex.build(split_paragraphs("d", "Some text."))
    assert one.closest("...") == (0, "")
    assert one.closest("Other text") == (1, "no part of the quote's opening occurs there")


# --------------------------------------------------------------------------- search.py

@pytest.mark.parametrize(("a", "b"), [
    ("Pak Hŏn-yŏng", "Pak Hon-yong"),
    ("Pak Hon-yong", "pakhonyong"),
    ("PAK HON YONG", "pak hon-yong"),
    ("P'eng Te-huai", "Peng Tehuai"),
    ("Ki Sŏk-pok", "Ki Sok-pok"),
    ("Ho Ka-i", "hokai"),
    ("김일성", "김 일성"),
])
def test_search_key_folds_spelling(a: str, b: str) -> None:
    assert search_key(a) == search_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Pak Il-u", "Pak Ir-u"),
    ("Хегай", "Hegai"),
    ("김일성", "김열"),
])
def test_search_key_keeps_letters_apart(a: str, b: str) -> None:
    assert search_key(a) != search_key(b)


def test_search_key_of_punctuation_is_empty() -> None:
    assert search_key(" -'’. ") == ""


def _person(id_: str, name: str, *aliases: tuple[str, str]) -> Person:
    return Person(id_, name, "person", "f", tuple(Alias(t, s) for t, s in aliases))


@pytest.fixture(scope="module")
def search() -> SearchIndex:
    people = [
        _person("pak-heon-yeong", "Pak Heon-yeong", ("Pak Hŏn-yŏng", "MR"), ("박헌영", "Hangul")),
        _person("hegai", "Hegai", ("Ho Ka-i", "MR"), ("Хегай", "Russian")),
        _person("gi-seok-pok", "Gi Seok-pok", ("Ki Sŏk-pok", "MR")),
        _person("pak-il-u", "Pak Il-u", ("Pak Ir-u", "variant")),
        _person("kim-il-sung", "Kim Il Sung", ("Kim Il-sŏng", "MR")),
        _person("pak", "Pak"),
    ]
    return SearchIndex.build(Corpus(people={p.id: p for p in people}))


@pytest.mark.parametrize(("query", "person", "matched"), [
    ("Pak Hon-yong", "pak-heon-yeong", "Pak Hŏn-yŏng"),
    ("pak heon yeong", "pak-heon-yeong", "Pak Heon-yeong"),
    ("Ho Ka-i", "hegai", "Ho Ka-i"),
    ("хегай", "hegai", "Хегай"),
    ("Ki Sok-pok", "gi-seok-pok", "Ki Sŏk-pok"),
    ("박헌영", "pak-heon-yeong", "박헌영"),
    ("Kim Il-song", "kim-il-sung", "Kim Il-sŏng"),
])
def test_search_finds_a_person_by_any_spelling(search: SearchIndex, query: str, person: str,
                                               matched: str) -> None:
    first = search.search(query)[0]
    assert (first.person, first.matched, first.rank) == (person, matched, 0)


def test_search_ranks_exact_then_prefix_then_inside(search: SearchIndex) -> None:
    hits = search.search("Pak")
    assert [(h.person, h.rank) for h in hits] == [
        ("pak", 0), ("pak-heon-yeong", 1), ("pak-il-u", 1)]
    assert [(h.person, h.rank) for h in search.search("seok")] == [("gi-seok-pok", 2)]


def test_search_lists_each_person_once_under_the_best_name(search: SearchIndex) -> None:
    hits = search.search("Pak I")
    assert [h.person for h in hits] == ["pak-il-u"]
    assert hits[0].matched == "Pak Il-u"


@pytest.mark.parametrize("query", ["", "  ", "-'", "nobody", "x" * 10_000])
def test_search_without_hits(search: SearchIndex, query: str) -> None:
    assert search.search(query) == []


def test_search_limit(search: SearchIndex) -> None:
    assert len(search.search("a", limit=2)) == 2


def test_label_for_names_the_matched_alias(search: SearchIndex) -> None:
    person = _person("hegai", "Hegai", ("Ho Ka-i", "MR"))
    assert label_for(person, search.search("Ho Ka-i")[0]) == "Hegai (as Ho Ka-i)"
    assert label_for(person, search.search("Hegai")[0]) == "Hegai"
