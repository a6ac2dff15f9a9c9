"""Adding a document and the mentions worklist, on copies of the fixture corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.corpus import Corpus, Document, Person, load_corpus
from dashboard.corpus.checks import is_date
from dashboard.corpus.curation import CurationError, NewDocument, add_document
from dashboard.corpus.model import Alias
from dashboard.corpus.text import split_paragraphs
from dashboard.corpus.worklist import WorklistError, mentions, propose
from dashboard.corpus.writing import atomic_write
from tests.fixtures.build import VALID

TEXT = "Pak Il-u met Hegai in Pyongyang.\n\nThen Ri Seung-yeop spoke to the Party.\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(VALID, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "new.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_added_document_loads_with_its_paragraphs(data: Path, source: Path) -> None:
    count = add_document(data, source, NewDocument("ivanov-1955-12-20", "Journal, 20 Dec 1955",
                                                   "1955-12-20", translator="Gary Goldberg"))
    assert count == 2
    result = load_corpus(data)
    assert result.ok, result.problems
    doc = result.corpus.documents["ivanov-1955-12-20"]
    assert (doc.title, doc.date, doc.translator) == ("Journal, 20 Dec 1955", "1955-12-20",
                                                      "Gary Goldberg")
    assert [p.citation for p in doc.paragraphs] == ["ivanov-1955-12-20 ¶1",
                                                    "ivanov-1955-12-20 ¶2"]
    assert len(result.corpus.documents) == 2


@pytest.mark.parametrize(("change", "message"), [
    ({"id": "Ivanov 1955"}, "not a slug"),
    ({"id": "ivanov-1955-12-07"}, "already in documents.csv"),
    ({"date": "20.12.1955"}, "YYYY-MM-DD"),
    ({"date": "1955-13-45"}, "a real date"),
    ({"date": "1955-02-29"}, "a real date"),
    ({"title": "  "}, "title"),
])
def test_bad_rows_are_refused_and_nothing_is_written(data: Path, source: Path, change: dict,
                                                     message: str) -> None:
    before = snapshot(data)
    fields = {"id": "new-doc", "title": "New", "date": "1956-01-24", **change}
    with pytest.raises(CurationError, match=message):
        add_document(data, source, NewDocument(**fields))
    assert snapshot(data) == before


@pytest.mark.parametrize(("content", "message"), [
    (None, "not found"),
    (b"\xff\xfe bad bytes", "UTF-8"),
    (b"  \n\n  ", "holds no text"),
])
def test_bad_sources_are_refused_and_nothing_is_written(data: Path, tmp_path: Path,
                                                       content: bytes | None,
                                                       message: str) -> None:
    path = tmp_path / "source.txt"
    if content is not None:
        path.write_bytes(content)
    before = snapshot(data)
    with pytest.raises(CurationError, match=message):
        add_document(data, path, NewDocument("new-doc", "New", "1956-01-24"))
    assert snapshot(data) == before


@pytest.mark.parametrize(("value", "real"), [
    ("1955-12-07", True), ("1956-02-29", True), ("1955-13-45", False), ("1955-02-29", False),
    ("1955-00-10", False), ("1955-12-7", False), ("55-12-07", False), ("１９５５-12-07", False),
    ("1955-12-07 ", False), ("", False),
])
def test_is_date_wants_a_real_calendar_date(value: str, real: bool) -> None:
    assert is_date(value) is real


def test_atomic_write_leaves_no_temporary_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "\udcff")  # a lone surrogate cannot be encoded
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_mentions_lists_known_unknown_and_short_names() -> None:
    text = ("Kim Il Sung said that Ho Ka-i protected Kim Yeol.\n\n"
            "Then Ri Seung-yeop and Kim spoke at the Heungnam Chemical Works.\n\n"
            "The party met.")
    people = {
        "kim-il-sung": Person("kim-il-sung", "Kim Il Sung", "person", "domestic"),
        "hegai": Person("hegai", "Hegai", "person", "soviet",
                        aliases=(Alias("Ho Ka-i", "MR"),)),
        "kim-yeol": Person("kim-yeol", "Kim Yeol", "person", "soviet"),
    }
    doc = Document("d", "T", "1955-12-07", "A", "R", "", "", "", "", split_paragraphs("d", text))
    worklist = mentions(Corpus(documents={"d": doc}, people=people), "d")
    first, second, third = worklist
    assert first.known == (("kim-il-sung", "Kim Il Sung"), ("hegai", "Ho Ka-i"),
                           ("kim-yeol", "Kim Yeol"))
    assert first.unknown == () and first.short == ()
    assert second.known == ()
    assert second.unknown == ("Ri Seung-yeop", "Heungnam Chemical Works")
    assert second.short == ("Kim",)
    assert third.unknown == () and third.known == ()


def test_mentions_of_an_unknown_document_is_a_clear_error() -> None:
    with pytest.raises(WorklistError, match="no document 'nope'"):
        mentions(Corpus(), "nope")
    with pytest.raises(WorklistError, match="no document 'nope'"):
        propose(Corpus(), "nope")


def test_the_worklist_keeps_initials_and_brackets_and_proposes_references() -> None:
    text = ("Then S. Filatov met Hegai and Ri [Sym Yeb].\n\n"
            "Later Hegai left. He said nothing.\n\nHe came back.")
    people = {"hegai": Person("hegai", "Hegai", "person", "soviet")}
    doc = Document("d", "T", "1955-12-07", "A", "R", "", "", "", "", split_paragraphs("d", text))
    corpus = Corpus(documents={"d": doc}, people=people)
    first = mentions(corpus, "d")[0]
    assert first.known == (("hegai", "Hegai"),)
    assert first.unknown == ("S. Filatov", "Ri [Sym Yeb]")
    proposed = [(p.paragraph, p.person, p.words) for p in propose(corpus, "d")]
    assert proposed == [(3, "hegai", "He")]  # a pronoun opening the paragraph after him


@pytest.mark.parametrize(("how", "text", "count"), [
    ("auto", "One.\nTwo.\nThree.\n", 3),  # one a line, no blank line: one paragraph a line
    ("auto", "One.\n\nTwo\nlines.\n", 2),
    ("blank", "One.\nTwo.\nThree.\n", 1),
    ("line", "One.\n\nTwo\nlines.\n", 3),
])
def test_a_text_of_one_paragraph_a_line(data: Path, tmp_path: Path, how: str, text: str,
                                        count: int) -> None:
    source = tmp_path / "lines.txt"
    source.write_text(text, encoding="utf-8")
    assert add_document(data, source, NewDocument("new-doc", "New", "1956-01-24"), how) == count
    stored = (data / "documents" / "new-doc.txt").read_text(encoding="utf-8")
    assert len(load_corpus(data).corpus.documents["new-doc"].paragraphs) == count
    assert stored.endswith("\n")


def test_an_unknown_paragraph_form_is_refused(data: Path, source: Path) -> None:
    before = snapshot(data)
    with pytest.raises(CurationError, match="--paragraphs"):
        add_document(data, source, NewDocument("new-doc", "New", "1956-01-24"), "sideways")
    assert snapshot(data) == before


def run_cli(*args: str) -> tuple[int, str, str]:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=root,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def test_two_commands_add_a_document_end_to_end(data: Path, source: Path) -> None:
    code, out, err = run_cli("add-document", str(source), "--data", str(data),
                             "--id", "new-doc", "--title", "A new record", "--date", "1956-01-24")
    assert code == 0, err
    assert "added new-doc (2 paragraphs)" in out
    code, out, err = run_cli("mentions", "new-doc", "--data", str(data))
    assert code == 0, err
    assert "new-doc ¶2" in out and "unknown: Ri Seung-yeop" in out
    assert "Hegai [hegai]" in out
    code, out, _ = run_cli("validate", "--data", str(data))
    assert code == 0 and "2 documents" in out


def test_cli_refuses_a_duplicate_without_a_traceback(data: Path, source: Path) -> None:
    before = snapshot(data)
    code, _, err = run_cli("add-document", str(source), "--data", str(data),
                           "--id", "ivanov-1955-12-07", "--title", "X", "--date", "1956-01-24")
    assert code == 1 and "already in documents.csv" in err and "Traceback" not in err
    assert snapshot(data) == before
