"""Document text: paragraph splitting, whitespace normalisation and quote finding."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Paragraph

_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def split_paragraphs(document_id: str, text: str) -> tuple[Paragraph, ...]:
    """Number the blank-line separated blocks of a text, from 1.

    >>> [p.citation for p in split_paragraphs("d", "One.\\n\\n\\nTwo\\nlines.\\n")]
    ['d ¶1', 'd ¶2']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = (b.strip() for b in _BLANK_LINES.split(text))
    return tuple(Paragraph(document_id, n, b) for n, b in enumerate(filter(None, blocks), 1))


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
