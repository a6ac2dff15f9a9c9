"""Document text: paragraph splitting, whitespace normalisation and quote finding."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Paragraph

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


#: A paragraph: from a non-space to the last non-space before a blank line (a line holding
#: nothing but spaces counts as blank) or the end of the text.
_BLOCK = re.compile(r"\S(?:.*?\S)??(?=[^\S\n]*\n\s*\n|\s*\Z)", re.DOTALL)


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line ends as ``\\n``: the text every offset counts in."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_paragraphs(document_id: str, text: str) -> tuple[Paragraph, ...]:
    """Number the blank-line separated blocks of a text, from 1, with where each starts in
    the text (its newlines normalised).

    >>> [(p.citation, p.start) for p in split_paragraphs("d", "One.\\n\\n\\nTwo\\nlines.\\n")]
    [('d ¶1', 0), ('d ¶2', 7)]
    """
    text = normalize_newlines(text)
    return tuple(Paragraph(document_id, n, m.group(), m.start())
                 for n, m in enumerate(_BLOCK.finditer(text), 1))


def lines_as_paragraphs(text: str) -> str | None:
    """A text written one paragraph a line (no blank line at all, several lines) with a
    blank line between its paragraphs; None when the text already has blank lines.

    >>> lines_as_paragraphs("One.\\n\\nTwo.\\n")
    >>> lines_as_paragraphs("One.\\n  Two.\\nThree.")
    'One.\\n\\nTwo.\\n\\nThree.\\n'
    """
    text = normalize_newlines(text).strip("\n")
    lines = [line.strip() for line in text.split("\n")]
    if "" in lines or len(lines) < 2:
        return None
    return "\n\n".join(lines) + "\n"


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space, so line breaks never block a match.

    >>> normalize_space("  a\\n b\\t c ")
    'a b c'
    """
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class QuoteIndex:
    """The whitespace-normalised paragraphs of one document, searchable for quotes."""

    paragraphs: tuple[str, ...]

    @classmethod
    def build(cls, paragraphs: tuple[Paragraph, ...]) -> QuoteIndex:
        return cls(tuple(normalize_space(p.text) for p in paragraphs))

    def find(self, quote: str) -> int:
        """Return the ¶ number holding the whole quote, or 0 when none does."""
        needle = normalize_space(quote)
        if not needle:
            return 0
        for number, text in enumerate(self.paragraphs, 1):
            if needle in text:
                return number
        return 0

    def closest(self, quote: str) -> tuple[int, str]:
        """Name the paragraph most like a quote that was not found, and where they part.

        Returns the ¶ number (0 if the document is empty) and a hint such as
        ``matches '...was' then the text has 'is' where the quote has 'was'``.
        """
        needle = normalize_space(quote)
        words = set(_WORD.findall(needle.lower()))
        if not self.paragraphs or not words:
            return 0, ""
        scores = [len(words & set(_WORD.findall(p.lower()))) for p in self.paragraphs]
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] == 0:
            return 0, ""  # no paragraph shares a word: naming one would be a guess
        return best + 1, _divergence(needle, self.paragraphs[best])


def _divergence(needle: str, text: str) -> str:
    """Describe where the longest prefix of ``needle`` found in ``text`` stops matching.

    >>> _divergence("the cat sat", "so the cat sits")
    "it matches up to 'the cat s', then the quote has 'at' where the text has 'its'"
    """
    low, high = 0, len(needle)  # a prefix that occurs has shorter prefixes that occur too
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if needle[:mid] in text else (low, mid - 1)
    if low == 0:
        return "no part of the quote's opening occurs there"
    at = text.find(needle[:low]) + low
    return (
        f"it matches up to {needle[max(0, low - 30):low]!r}, then the quote has "
        f"{needle[low:low + 20]!r} where the text has {text[at:at + 20]!r}"
    )
