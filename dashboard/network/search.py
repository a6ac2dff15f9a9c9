"""Finding a person by any of their names, however it is spelled or typed.

A search key (``corpus.names.name_key``, the one normaliser of the app) folds case,
diacritics (the breves of McCune–Reischauer), hyphens, apostrophes and spaces away, so
"Pak Hon-yong", "Pak Hŏn-yŏng" and "pakhonyong" are the same key. Hangul and Cyrillic
keep their letters; a Cyrillic name is also found by its Latin spelling ("Kim Ir Sen").
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..corpus.model import Corpus
from ..corpus.names import name_key, variants

#: A typed name this close to a known one (rapidfuzz's ratio, 0–100) still finds it.
FUZZY_CUTOFF = 78
FUZZY_MIN = 4  # a query this short is not guessed at
MAX_TYPED = 1000  # characters of a query read: far beyond any name, cheap to fold


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
        entries = [(name_key(name), person.id, name)
                   for person in corpus.people.values() for name in variants(person.names)]
        return cls(tuple(e for e in entries if e[0]))

    def search(self, query: object, limit: int = 10) -> list[Hit]:
        """People whose name or alias matches ``query``: exact, then prefix, then inside,
        then, when nothing matched so, names a typo or two away ("Pak Hun-yong").

        Each person appears once, under their best-matching name.
        """
        if not isinstance(query, str):
            return []
        key = name_key(query[:MAX_TYPED])[:200]
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
        if not best and len(key) >= FUZZY_MIN:
            best = self._fuzzy(key)
        return sorted(best.values(), key=lambda h: (h.rank, h.matched))[:limit]

    def _fuzzy(self, key: str) -> dict[str, Hit]:
        """Names close to ``key`` (rapidfuzz), each person once; rank 3 and up, closest
        first."""
        keys = [entry[0] for entry in self.entries]
        found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                                limit=30)
        best: dict[str, Hit] = {}
        for _, score, at in sorted(found, key=lambda f: -f[1]):
            _, person, name = self.entries[at]
            if person not in best:
                best[person] = Hit(person, name, 3 + int(100 - score))
        return best
