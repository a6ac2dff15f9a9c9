"""Document text (``corpus/text.py``): paragraphs with their offsets, one-paragraph-a-line
texts, whitespace, and finding quotes."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dashboard.corpus.text import (
    QuoteIndex,
    lines_as_paragraphs,
    normalize_newlines,
    normalize_space,
    split_paragraphs,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("", []),
    ("\n \n\t\n", []),
    ("One.", ["One."]),
    ("One.\n\nTwo.", ["One.", "Two."]),
    ("\n\nOne.\n  \n\n\nTwo\nlines.\n\n", ["One.", "Two\nlines."]),
    ("One.\r\n\r\nTwo.\r\n", ["One.", "Two."]),
    ("One.\r\rTwo.", ["One.", "Two."]),
    ("  indented\n  block  \n\nnext", ["indented\n  block", "next"]),
    ("Two.\t\n\nThree.", ["Two.", "Three."]),
    ("A\n\nB", ["A", "B"]),
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




TEXTS = st.text(st.sampled_from(list("ab. \n\r\t¶한")), max_size=80)


@given(TEXTS)
def test_a_paragraph_stands_at_its_offset_in_the_text(text: str) -> None:
    """``start`` counts in the text with its line ends as ``\\n``: the annotations and the
    reader rely on it."""
    normalized = normalize_newlines(text)
    for para in split_paragraphs("d", text):
        assert normalized[para.start:para.start + len(para.text)] == para.text
        assert para.text == para.text.strip() and para.text


@pytest.mark.parametrize(("text", "starts"), [
    ("One.\n\nTwo.", [0, 6]),
    ("\n\n  One.\n \n\nTwo\r\nlines.", [4, 12]),
    ("One.\r\n\r\nTwo.", [0, 6]),  # counted after the \r\n became \n
])
def test_paragraph_offsets(text: str, starts: list[int]) -> None:
    assert [p.start for p in split_paragraphs("d", text)] == starts


@pytest.mark.parametrize(("text", "expected"), [
    ("One.\nTwo.", "One.\n\nTwo.\n"),
    ("One.\r\n  Two.  \r\nThree.\r\n", "One.\n\nTwo.\n\nThree.\n"),
    ("\n\nOne.\nTwo.\n\n", "One.\n\nTwo.\n"),  # blank lines at the ends do not count
    ("One.\n\nTwo.", None),  # already blank-line separated
    ("One.\nTwo.\n\nThree.", None),
    ("Only one line.", None),
    ("", None),
])
def test_lines_as_paragraphs(text: str, expected: str | None) -> None:
    assert lines_as_paragraphs(text) == expected


@given(st.lists(st.text(st.sampled_from(list("ab .")), min_size=1, max_size=10)
                .filter(str.strip), min_size=2, max_size=6))
@example(["A", "B"])
def test_lines_as_paragraphs_gives_one_paragraph_per_line(lines: list[str]) -> None:
    text = lines_as_paragraphs("\n".join(lines))
    assert text is not None
    assert [p.text for p in split_paragraphs("d", text)] == [line.strip() for line in lines]
