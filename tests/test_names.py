"""The one name normaliser (``corpus/names.py``) and the search built on it.

``name_key`` folds case, diacritics, hyphens, apostrophes and spaces; Cyrillic aliases are
also found by their Latin transliterations; ``NameFinder`` finds names in running text as
whole words; ``SearchIndex`` ranks people for what is typed in the search box.
"""

from __future__ import annotations

import pytest

from dashboard.corpus import Alias, Corpus, Person
from dashboard.corpus.names import NameFinder, latin_forms, name_key, transliterate
from dashboard.network.search import SearchIndex

# --- name_key: one key per spelling family ---------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    # case
    ("PAK HON YONG", "pak hon yong"),
    ("kim il-sung", "Kim Il-Sung"),
    # hyphens (and the dashes a word processor puts instead)
    ("Pak Hon-yong", "Pak Honyong"),
    ("Pak Hon‐yong", "Pak Hon–yong"),
    # spaces
    ("Pak Heonyeong", "Pak Heon-yeong"),
    ("Pak Il U", "Pak Il-u"),
    ("Pak Hon-yong", "pakhonyong"),
    ("김일성", "김 일성"),
    # breves and other diacritics (McCune–Reischauer)
    ("Pak Hŏn-yŏng", "Pak Hon-yong"),
    ("Ki Sŏk-pok", "Ki Sok-pok"),
    ("Kŭm", "Kum"),
    # apostrophes: straight, curly, modifier letter
    ("Ch'oe", "Choe"),
    ("Ch’oe", "Ch'oe"),
    ("Chʼoe", "Choe"),
    ("P'eng Te-huai", "Peng Tehuai"),
    ("Ho Ka-i", "hokai"),
])
def test_name_key_folds_a_spelling_family(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Pak Il-u", "Pak Ir-u"),
    ("Хегай", "Hegai"),  # Cyrillic keeps its letters: the Latin forms are separate names
    ("김일성", "김열"),
    ("Kim Yeol", "Kim Yeong"),
])
def test_name_key_keeps_different_letters_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_name_key_of_punctuation_is_empty() -> None:
    assert name_key(" -'’. ") == ""


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Ким Ир Сен", "Kim Ir Sen"),
    ("Пак Ден Ай", "Pak Den Ai"),
    ("Хегай", "Khegai"),
    ("Цой Ен Ген", "Tsoi En Gen"),
])
def test_transliterate(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


def test_latin_forms_offer_the_common_alternatives() -> None:
    assert "Hegai" in latin_forms("Хегай") and "Khegai" in latin_forms("Хегай")
    assert latin_forms("Pak Il-u") == ()  # only Cyrillic names have Latin forms


# --- the shipped people, found in text and in the search box ---------------------------------

#: Spellings a historian meets in other translations, and who they are.
SPELLINGS = [
    ("Pak Heonyeong", "pak-heon-yeong"),  # Revised Romanization without the hyphen
    ("PAK HEON YEONG", "pak-heon-yeong"),
    ("Pak Hŏn-yŏng", "pak-heon-yeong"),
    ("Pak Il U", "pak-il-u"),
    ("Pak Chang Ok", "pak-chang-ok"),
    ("Kim Ir Sen", "kim-il-sung"),  # the Russian transliteration
    ("Pak Den Ai", "pak-jeong-ae"),
    ("Ch'oe Yong-gŏn", "choe-yong-geon"),
    ("Ho Kai", "hegai"),
]


@pytest.fixture(scope="module")
def finder(shipped_corpus: Corpus) -> NameFinder:
    return NameFinder({p.id: p.names for p in shipped_corpus.people.values()})


@pytest.mark.parametrize(("spelling", "person"), SPELLINGS)
def test_the_finder_links_a_spelling_to_its_person(finder: NameFinder, spelling: str,
                                                   person: str) -> None:
    text = f"Then {spelling} spoke."
    found = finder.find(text)
    assert [(f.owner, f.text) for f in found] == [(person, spelling)]
    assert text[found[0].start:found[0].end] == spelling


@pytest.mark.parametrize(("spelling", "person"), SPELLINGS)
def test_the_search_box_finds_a_spelling_first(shipped_search: SearchIndex, spelling: str,
                                               person: str) -> None:
    first = shipped_search.search(spelling)[0]
    assert (first.person, first.rank) == (person, 0)


# --- NameFinder in running text (what the passages mark) -------------------------------------


def found(names: tuple[str, ...], text: str) -> list[str]:
    return [f.text for f in NameFinder({"x": names}).find(text)]


@pytest.mark.parametrize(("names", "text", "expected"), [
    (("Kim Yeol",), "Kim Yeol and KIM YEOL and kim yeol", ["Kim Yeol", "KIM YEOL", "kim yeol"]),
    (("Kim Yeol",), "Kim\nYeol, Kim  Yeol,\tKim \n Yeol", ["Kim\nYeol", "Kim  Yeol",
                                                         "Kim \n Yeol"]),
    (("Hegai",), "Hegai, Hegai's, (Hegai).", ["Hegai", "Hegai", "Hegai"]),
    (("Hegai",), "Hegaiov, AHegai, Hegai2", []),
    (("Kim",), "Kimura and Kim.", ["Kim"]),
    (("Kim Il Sung", "Kim"), "Kim Il Sung met Kim.", ["Kim Il Sung", "Kim"]),  # longest first
    (("Ho Ka-i",), "Ho Ka-i and ho ka-i", ["Ho Ka-i", "ho ka-i"]),
    (("Ho Ka-i",), "Ho Ka i came", ["Ho Ka i"]),
    (("Pak Hŏn-yŏng",), "PAK HŎN-YŎNG", ["PAK HŎN-YŎNG"]),
    (("Хегай",), "Товарищ Хегай и ХЕГАЙ.", ["Хегай", "ХЕГАЙ"]),
    (("Хегай",), "Comrade Khegai and Hegai.", ["Khegai", "Hegai"]),
    (("Ho", "Yi"), "Ho and Yi", []),  # names under three letters are not looked for alone
    (("Kim Yeol",), "Kim, Yeol", []),  # a comma is no part of a name
])
def test_names_are_found_as_whole_words_in_any_spelling(names: tuple[str, ...], text: str,
                                                        expected: list[str]) -> None:
    assert found(names, text) == expected


@pytest.mark.parametrize(("name", "text"), [
    ("Joseph V. Stalin", "Then Joseph V. Stalin spoke."),
    ("V. I. Ivanov", "by V. I. Ivanov for 7 December"),
    ("Reactionary (bourgeois) writers", "the Reactionary (bourgeois) writers met"),
])
def test_a_name_with_initials_is_found(name: str, text: str) -> None:
    assert found((name,), text) == [name]


@pytest.mark.parametrize(("name", "text"), [
    ("<script>alert(1)</script>", "x <script>alert1</script> y"),  # '(1)' is no pattern
    ("A.B. Kim", "AxBx Kim"),
    ("Pak*", "Pakkk"),
    ("Kim [Jr]", "Kim J"),
])
def test_names_are_never_patterns(name: str, text: str) -> None:
    assert found((name,), text) == []


def test_a_name_two_people_share_is_found_for_both() -> None:
    finder = NameFinder({"kim-1": ("Kim Chaek",), "kim-2": ("Kim Chaek",)})
    assert [f.owner for f in finder.find("Kim Chaek spoke.")] == ["kim-1", "kim-2"]
    assert finder.spans("Kim Chaek spoke.", {"kim-2"}) == [(0, 9)]


# --- SearchIndex on a small named set of people ----------------------------------------------


def _person(id_: str, name: str, *aliases: tuple[str, str]) -> Person:
    return Person(id_, name, "person", "f", tuple(Alias(t, s) for t, s in aliases))


@pytest.fixture(scope="module")
def search() -> SearchIndex:
    people = [
        _person("pak-heon-yeong", "Pak Heon-yeong", ("Pak Hŏn-yŏng", "MR"), ("박헌영", "Hangul")),
        _person("hegai", "Hegai", ("Ho Ka-i", "MR"), ("Хегай", "Russian")),
        _person("gi-seok-pok", "Gi Seok-pok", ("Ki Sŏk-pok", "MR")),
        _person("pak-il-u", "Pak Il-u", ("Pak Ir-u", "variant")),
        _person("kim-il-sung", "Kim Il Sung", ("Kim Il-sŏng", "MR"), ("Ким Ир Сен", "Russian")),
        _person("pak", "Pak"),
    ]
    return SearchIndex.build(Corpus(people={p.id: p for p in people}))


@pytest.mark.parametrize(("query", "person", "matched"), [
    ("Pak Hon-yong", "pak-heon-yeong", "Pak Hŏn-yŏng"),
    ("pak heon yeong", "pak-heon-yeong", "Pak Heon-yeong"),
    ("Ho Ka-i", "hegai", "Ho Ka-i"),
    ("хегай", "hegai", "Хегай"),
    ("Khegai", "hegai", "Khegai"),
    ("Ki Sok-pok", "gi-seok-pok", "Ki Sŏk-pok"),
    ("박헌영", "pak-heon-yeong", "박헌영"),
    ("Kim Il-song", "kim-il-sung", "Kim Il-sŏng"),
    ("Kim Ir Sen", "kim-il-sung", "Kim Ir Sen"),
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
