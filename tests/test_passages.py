"""Passages about a person or a relation, on a small named corpus built here, and Pak
Il-u's in the shipped corpus.

Two documents; ``hegai`` (alias ``Ho Ka-i``) is named in d1 ¶1, only quoted in d1 ¶2
(which says "he", not his name) and named again in d2 ¶1; d1 ¶3 is about nobody; a
curated mention says the "He" of d1 ¶4 is Hegai. How names are found in the text (any
spelling, whole words) is tested in ``test_names.py``.
"""

from __future__ import annotations

import random
import re

import pytest

from dashboard.corpus.model import (
    Alias,
    Corpus,
    Document,
    Faction,
    Mention,
    Paragraph,
    Period,
    Person,
    Relation,
)
from dashboard.network.passages import (
    PassageIndex,
    Segment,
    quote_pattern,
    segments,
    word_spans,
)

HOSTILE = "<script>alert(1)</script>"


def document(doc_id: str, *texts: str) -> Document:
    return Document(doc_id, doc_id.upper(), "1955-12-07", "Ivanov", "", "", "", "", "",
                    tuple(Paragraph(doc_id, n, t) for n, t in enumerate(texts, 1)))


def relation(rel_id: str, source: str, target: str, doc: str, paragraph: int,
             quote: str) -> Relation:
    return Relation(rel_id, doc, source, target, "recommends", "supportive", "kim-il-sung",
                    "p", 1948, 1948, quote, paragraph=paragraph)


CORPUS = Corpus(
    documents={
        "d1": document("d1",
                       "Hegai, a friend of Kim Yeol, was in the post at that time.",
                       "When he was transferred he recommended\nKim Yeol for the post of Chief.",
                       "The weather was cold.",
                       "He left. The Head of the Hero's club stayed."),
        "d2": document("d2",
                       f"Later HO KA-I\nspoke; so did {HOSTILE} and Hegaiov.",
                       f"{HOSTILE} said nothing. <script>alert1</script> is not the name."),
    },
    factions={"soviet": Faction("soviet", "Soviet Koreans", "", "#0072B2", "diamond")},
    periods={"p": Period("p", "Liberation", 1945, 1950, "")},
    people={
        "hegai": Person("hegai", "Hegai", "person", "soviet",
                        aliases=(Alias("Ho Ka-i", "MR"), Alias("Хегай", "Russian"))),
        "kim-yeol": Person("kim-yeol", "Kim Yeol", "person", "soviet"),
        "kim-il-sung": Person("kim-il-sung", "Kim Il Sung", "person", "soviet"),
        "hostile": Person("hostile", HOSTILE, "person", "soviet"),
        "nobody": Person("nobody", "Nobody Here", "person", "soviet"),
    },
    relations={
        "r1": relation("r1", "hegai", "kim-yeol", "d1", 2,
                       "he recommended Kim Yeol for the post"),
        "r2": relation("r2", "hostile", "hegai", "d2", 2, "said nothing."),
        "lost": relation("lost", "hegai", "kim-yeol", "d1", 0, "not in the text"),
    },
    mentions=(Mention("d1", 4, "hegai", "He", "the He of ¶4 is Hegai"),),
)


@pytest.fixture(scope="module")
def index() -> PassageIndex:
    return PassageIndex(CORPUS)


def flagged(segs: tuple[Segment, ...]) -> list[tuple[str, bool, bool]]:
    return [(s.text, s.mention, s.quote) for s in segs]


def marked(segs: tuple[Segment, ...], kind: str) -> list[str]:
    """The runs of consecutive segments carrying one flag, joined."""
    runs: list[str] = []
    previous = False
    for s in segs:
        on = getattr(s, kind)
        if on and previous:
            runs[-1] += s.text
        elif on:
            runs.append(s.text)
        previous = on
    return runs


# --- segments -------------------------------------------------------------------------------


@pytest.mark.parametrize(("mentions", "quotes", "expected"), [
    ([], [], [("Pak met Kim.", False, False)]),
    ([(0, 3)], [], [("Pak", True, False), (" met Kim.", False, False)]),
    ([(0, 3)], [(4, 12)], [("Pak", True, False), (" ", False, False),
                           ("met Kim.", False, True)]),
    # a mention inside a quote
    ([(8, 11)], [(4, 12)], [("Pak ", False, False), ("met ", False, True),
                            ("Kim", True, True), (".", False, True)]),
    # a mention and a quote that overlap at one end
    ([(0, 7)], [(4, 12)], [("Pak ", True, False), ("met", True, True),
                           (" Kim.", False, True)]),
    # the same span twice, and spans touching the ends of the text
    ([(0, 12), (0, 12)], [(0, 12)], [("Pak met Kim.", True, True)]),
    ([(0, 3), (8, 11)], [], [("Pak", True, False), (" met ", False, False),
                             ("Kim", True, False), (".", False, False)]),
])
def test_segments_cut_at_every_boundary(mentions: list, quotes: list, expected: list) -> None:
    assert flagged(segments("Pak met Kim.", mentions, quotes)) == expected


def test_segments_of_empty_text() -> None:
    assert segments("", [], []) == ()


def random_spans(rng: random.Random, length: int) -> list[tuple[int, int]]:
    return [tuple(sorted((rng.randint(0, length), rng.randint(0, length))))
            for _ in range(rng.randint(0, 3))]


@pytest.mark.parametrize("seed", range(4))
def test_segments_rebuild_the_text_and_flag_each_character(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(100):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 20)))
        mentions, quotes = random_spans(rng, len(text)), random_spans(rng, len(text))
        segs = segments(text, mentions, quotes)
        assert "".join(s.text for s in segs) == text
        assert all(s.text for s in segs)
        position = 0
        for s in segs:
            for i in range(position, position + len(s.text)):
                assert s.mention == any(a <= i < b for a, b in mentions)
                assert s.quote == any(a <= i < b for a, b in quotes)
            position += len(s.text)


# --- quote_pattern and word_spans ------------------------------------------------------------


@pytest.mark.parametrize(("quote", "text", "span"), [
    ("recommended Kim Yeol", "he recommended\nKim Yeol for", (3, 23)),
    ("recommended Kim Yeol", "he recommended \r\n  Kim Yeol for", (3, 27)),
    ("  recommended\nKim Yeol ", "he recommended Kim Yeol for", (3, 23)),
    ("alert(1)", "x alert(1) y", (2, 10)),
])
def test_quote_found_across_line_breaks(quote: str, text: str, span: tuple[int, int]) -> None:
    match = quote_pattern(quote).search(text)
    assert match is not None and match.span() == span


def test_quote_is_case_sensitive_and_literal() -> None:
    assert quote_pattern("Kim Yeol").search("kim yeol") is None
    assert quote_pattern("alert(1)").search("alert1") is None
    assert quote_pattern("a.b").search("axb") is None


# --- PassageIndex -----------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "text", "spans"), [
    ("He", "He left. The Head of the Hero's club; he stayed.", [(0, 2)]),  # whole words, case
    ("the minister", "The minister and the\nminister.", [(17, 29)]),
    ("", "anything", []),
])
def test_word_spans(words: str, text: str, spans: list[tuple[int, int]]) -> None:
    assert word_spans(words, text) == spans


def test_person_passages_in_document_order(index: PassageIndex) -> None:
    found_ = index.person("hegai")
    assert [p.paragraph.citation for p in found_] == ["d1 ¶1", "d1 ¶2", "d1 ¶4", "d2 ¶1",
                                                      "d2 ¶2"]
    assert [p.relations for p in found_] == [(), ("r1",), (), (), ("r2",)]


def test_a_curated_mention_brings_its_paragraph_and_is_marked(index: PassageIndex) -> None:
    """d1 ¶4 never names Hegai; mentions.csv says its "He" is him."""
    passage = next(p for p in index.person("hegai") if p.paragraph.citation == "d1 ¶4")
    assert passage.referred == ("“He”",)
    assert [(s.text, s.note) for s in passage.segments if s.mention] == [
        ("He", "the He of ¶4 is Hegai")]  # not the "He" of "Head" or "Hero's"
    assert index.person("kim-yeol")[0].referred == ()


def test_a_paragraph_only_quoted_is_included_with_the_quote_marked(index: PassageIndex) -> None:
    quoted = index.person("hegai")[1]
    assert quoted.paragraph.number == 2
    assert re.search(r"(?i)hegai|ho ka-i", quoted.paragraph.text) is None
    assert marked(quoted.segments, "mention") == []
    assert marked(quoted.segments, "quote") == ["he recommended\nKim Yeol for the post"]
    assert "".join(s.text for s in quoted.segments) == quoted.paragraph.text


def test_every_name_of_a_person_is_marked(index: PassageIndex) -> None:
    first, _, _, later, _ = index.person("hegai")
    assert marked(first.segments, "mention") == ["Hegai"]
    assert marked(later.segments, "mention") == ["HO KA-I"]  # not "Hegaiov"
    assert not any(s.quote for s in first.segments)


def test_person_without_passages(index: PassageIndex) -> None:
    assert index.person("nobody") == ()
    assert index.person("no-such-person") == ()


def test_person_results_are_cached(index: PassageIndex) -> None:
    assert index.person("kim-yeol") is index.person("kim-yeol")


def test_relation_marks_the_quote_and_both_names(index: PassageIndex) -> None:
    passage = index.relation("r1")
    assert passage is not None
    assert passage.paragraph == CORPUS.documents["d1"].paragraphs[1]
    assert passage.relations == ("r1",)
    assert flagged(passage.segments) == [
        ("When he was transferred ", False, False),
        ("he recommended\n", False, True),
        ("Kim Yeol", True, True),
        (" for the post", False, True),
        (" of Chief.", False, False),
    ]


@pytest.mark.parametrize("relation_id", ["lost", "no-such-relation"])
def test_relation_without_a_paragraph(index: PassageIndex, relation_id: str) -> None:
    assert index.relation(relation_id) is None


def test_hostile_name_is_matched_as_text(index: PassageIndex) -> None:
    passages = index.person("hostile")
    assert [p.paragraph.citation for p in passages] == ["d2 ¶1", "d2 ¶2"]
    assert [marked(p.segments, "mention") for p in passages] == [[HOSTILE], [HOSTILE]]
    relation = index.relation("r2")
    assert relation is not None
    assert marked(relation.segments, "mention") == [HOSTILE]
    assert marked(relation.segments, "quote") == ["said nothing."]


def test_a_paragraph_in_the_reader_marks_everyone_it_holds(index: PassageIndex) -> None:
    """The people a paragraph holds, in the order the text names them, then those its
    curated mentions and its relations add."""
    passage, people = index.paragraph("d1", 2)
    assert people == ("kim-yeol", "hegai") and passage.relations == ("r1",)
    assert marked(passage.segments, "mention") == ["Kim Yeol"]
    assert marked(passage.segments, "quote") == ["he recommended\nKim Yeol for the post"]
    passage, people = index.paragraph("d1", 4)
    assert people == ("hegai",) and marked(passage.segments, "mention") == ["He"]
    empty, nobody = index.paragraph("d9", 1)
    assert empty.segments == () and nobody == ()


# --- the shipped corpus: the words that refer to Pak Il-u --------------------------------------


def test_pak_il_u_is_referred_to_as_pak_and_he(shipped_passages: PassageIndex) -> None:
    """¶28 calls him "Pak" and ¶29 "He" (mentions.csv): both are among his passages, with
    those words marked."""
    found_ = {p.paragraph.number: p for p in shipped_passages.person("pak-il-u")}
    assert {28, 29} <= set(found_)
    assert found_[28].referred == ("“Pak”",) and found_[29].referred == ("“He”",)
    assert "Pak" in [s.text for s in found_[28].segments if s.mention]
    assert "He" in [s.text for s in found_[29].segments if s.mention]
    for number in (28, 29):
        assert "".join(s.text for s in found_[number].segments) == found_[number].paragraph.text
