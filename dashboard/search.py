"""Finding a person by any of their names, however it is spelled or typed.

A search key folds case, diacritics (the breves of McCune–Reischauer), hyphens,
apostrophes and spaces away, so "Pak Hon-yong", "Pak Hŏn-yŏng" and "pakhonyong"
are the same key. Hangul and Cyrillic keep their letters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .corpus.model import Corpus, Person


def search_key(text: str) -> str:
    """Fold a name for comparison.

    >>> search_key("Pak Hŏn-yŏng"), search_key("P'eng Te-huai"), search_key("Хегай")
    ('pakhonyong', 'pengtehuai', 'хегаи')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@dataclass(frozen=True)
class Hit:
    """A person found, the name that matched, and how well (lower ranks first)."""

    person: str
    matched: str
    rank: int


@dataclass(frozen=True)
class SearchIndex:
    """Every (key, person, name) triple of a corpus, built once."""

    entries: tuple[tuple[str, str, str], ...]

    @classmethod
    def build(cls, corpus: Corpus) -> SearchIndex:
        entries = [(search_key(name), person.id, name)
                   for person in corpus.people.values() for name in person.names]
        return cls(tuple(e for e in entries if e[0]))

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """People whose name or alias matches ``query``: exact, then prefix, then inside.

        Each person appears once, under their best-matching name.
        """
        key = search_key(query)[:200]
        if not key:
            return []
        best: dict[str, Hit] = {}
        for entry_key, person, name in self.entries:
            if entry_key == key:
                rank = 0
            elif entry_key.startswith(key):
                rank = 1
            elif key in entry_key:
                rank = 2
            else:
                continue
            if person not in best or rank < best[person].rank:
                best[person] = Hit(person, name, rank)
        return sorted(best.values(), key=lambda h: (h.rank, h.matched))[:limit]


def label_for(person: Person, hit: Hit) -> str:
    """``'Pak Heon-yeong — matched Pak Hon-yong'`` for a result list."""
    return person.name if hit.matched == person.name else f"{person.name} (as {hit.matched})"
