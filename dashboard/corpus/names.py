"""One name normaliser for search, passages, the mentions worklist and the validator.

A person is written many ways: "Pak Heon-yeong", "Pak Hŏn-yŏng", "Pak Heonyeong",
"PAK HEON YEONG", "Ch'oe" and "Choe". ``name_key`` folds case, diacritics (the breves
of McCune–Reischauer), hyphens, apostrophes and spaces away, so all of these meet in
one key. The romanization systems themselves (McCune–Reischauer, Revised, the
translation's own) are the aliases of ``people.csv``; Russian-style spellings such as
"Kim Ir Sen" or "Pak Den Ai" are the Latin transliterations of the Cyrillic aliases
(``latin_forms``), so a document that writes them is linked too.

``NameFinder`` finds every person's names in a text, whole words only, however they are
spelled, by looking up the key of each run of up to ``MAX_WORDS`` words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: The longest name, in words, that the finder looks for ("Terentii Fomich Shtykov").
MAX_WORDS = 5
#: A name folding to fewer characters than this ("U", "Ri") is never looked for alone.
MIN_KEY = 3

#: A word: letters and digits, joined by hyphens or apostrophes ("Il-u", "Ch'oe"), but
#: without a possessive "'s" ("Pak Il-u's" is the name "Pak Il-u").
WORD = re.compile(r"[^\W_]+(?:(?:[-‐‑–]|['’ʼ‘](?!s\b))[^\W_]+)*")
#: What may stand between two words of one name: spaces, a single hyphen, the full stop
#: of an initial ("V. I. Ivanov") or a bracket ("Reactionary (bourgeois) writers").
JOIN = re.compile(r"^(?:\.?\s+|\s*[-‐‑]\s*|\s*\(\s*|\s*\)\s+)$")
#: Signs in a name beyond letters, digits, spaces, hyphens, apostrophes and full stops.
SIGNS = re.compile(r"[^\w\s\-‐‑'’ʼ‘.]")
#: What splits a name into the words the finder counts: spaces, hyphens, stops, brackets.
PARTS = re.compile(r"[^\W_]+")

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}
#: Other common choices in transliterating Russian-style Korean names.
CYRILLIC_ALTERNATIVES = {"х": "h", "ё": "e", "й": "y", "е": "ye"}


#: Apostrophes Unicode counts as letters (McCune–Reischauer writes Chʼoe with U+02BC).
APOSTROPHE_LETTERS = frozenset("\u02bc\u02bb\u02b9\u02be\u02bf")


def name_key(text: str) -> str:
    """Fold a name for comparison: case, diacritics, hyphens, apostrophes and spaces.

    >>> name_key("Pak Hŏn-yŏng"), name_key("P'eng Te-huai"), name_key("Хегай")
    ('pakhonyong', 'pengtehuai', 'хегаи')
    >>> name_key("Pak Heonyeong") == name_key("pak heon-yeong")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)
                   and c not in APOSTROPHE_LETTERS)


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def transliterate(text: str, alternatives: dict[str, str] | None = None) -> str:
    """Cyrillic to Latin letters, one common way (``alternatives`` picks other letters).

    >>> transliterate("Ким Ир Сен"), transliterate("Пак Хен Ен", {"х": "h"})
    ('Kim Ir Sen', 'Pak Hen En')
    """
    table = {**CYRILLIC, **(alternatives or {})}
    out = []
    for char in text:
        lower = char.lower()
        latin = table.get(lower)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower else latin)
    return "".join(out)


def latin_forms(name: str) -> tuple[str, ...]:
    """The Latin spellings of a Cyrillic name (none for a name in another script).

    >>> latin_forms("Пак Ден Ай")
    ('Pak Den Ai', 'Pak Den Ay', 'Pak Dyen Ai')
    """
    if not is_cyrillic(name):
        return ()
    forms = [transliterate(name)] + [transliterate(name, {k: v})
                                     for k, v in CYRILLIC_ALTERNATIVES.items()]
    return tuple(dict.fromkeys(f for f in forms if f != name))


def variants(names: Iterable[str]) -> tuple[str, ...]:
    """Names and the Latin forms of the Cyrillic ones, without repeats."""
    out = []
    for name in names:
        out.append(name)
        out.extend(latin_forms(name))
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Found:
    """A name found in a text: where, whose (an owner id), and the words as written."""

    start: int
    end: int
    owner: str
    text: str


class NameFinder:
    """Finds the names of many owners (people) in texts, whatever their spelling.

    >>> finder = NameFinder({"pak-il-u": ("Pak Il-u",), "kim-il-sung": ("Kim Il Sung",)})
    >>> [(f.owner, f.text) for f in finder.find("Pak Il U told KIM IL-SUNG of Pak Il-u's plan.")]
    [('pak-il-u', 'Pak Il U'), ('kim-il-sung', 'KIM IL-SUNG'), ('pak-il-u', 'Pak Il-u')]
    """

    def __init__(self, names: dict[str, Iterable[str]]) -> None:
        self.owners: dict[str, set[str]] = {}
        #: Names holding other signs than letters, spaces, hyphens and the full stops of
        #: initials are also looked for as they are written (whitespace aside).
        self.literal: list[tuple[re.Pattern[str], str]] = []
        longest = 1
        for owner, own in names.items():
            for name in variants(own):
                key = name_key(name)
                if len(key) >= MIN_KEY:
                    self.owners.setdefault(key, set()).add(owner)
                    longest = max(longest, len(PARTS.findall(name)))
                if key and SIGNS.search(name):
                    body = r"\s+".join(map(re.escape, name.split()))
                    self.literal.append((re.compile(body, re.IGNORECASE), owner))
        self.max_words = min(longest, MAX_WORDS)

    def find(self, text: str, only: set[str] | None = None) -> list[Found]:
        """Every name in ``text`` (of the ``only`` owners, if given), longest first at each
        place, never overlapping; a name two owners share is found for both."""
        out = self._literal(text, only)
        taken = [(f.start, f.end) for f in out]
        words = [w for w in WORD.finditer(text)
                 if not any(a < w.end() and w.start() < b for a, b in taken)]
        at = 0
        while at < len(words):
            found = self._longest(text, words, at, only)
            if not found:
                at += 1
                continue
            out.extend(found)
            end = found[0].end
            while at < len(words) and words[at].start() < end:
                at += 1
        return sorted(out, key=lambda f: (f.start, f.owner))

    def _literal(self, text: str, only: set[str] | None) -> list[Found]:
        """The names with signs, found as written, longest first, never overlapping."""
        found = sorted((Found(m.start(), m.end(), owner, m.group())
                        for pattern, owner in self.literal
                        if only is None or owner in only
                        for m in pattern.finditer(text)),
                       key=lambda f: (f.start, -(f.end - f.start)))
        out: list[Found] = []
        for f in found:
            if not out or f.start >= out[-1].end or (f.start, f.end) == (out[-1].start,
                                                                          out[-1].end):
                out.append(f)
        return out

    def _longest(self, text: str, words: list[re.Match], at: int,
                 only: set[str] | None) -> list[Found]:
        for size in range(min(self.max_words, len(words) - at), 0, -1):
            run = words[at:at + size]
            gaps = (text[a.end():b.start()] for a, b in zip(run, run[1:], strict=False))
            if not all(JOIN.match(gap) for gap in gaps):
                continue
            start, end = run[0].start(), run[-1].end()
            owners = self.owners.get(name_key(text[start:end]), set())
            owners = owners & only if only is not None else owners
            if owners:
                return [Found(start, end, o, text[start:end]) for o in sorted(owners)]
        return []

    def spans(self, text: str, owners: set[str]) -> list[tuple[int, int]]:
        """Where the names of ``owners`` stand in ``text``."""
        return sorted({(f.start, f.end) for f in self.find(text, owners)})


def words_in(text: str) -> Iterator[str]:
    """The words of a text, as the finder splits them."""
    return (m.group() for m in WORD.finditer(text))
