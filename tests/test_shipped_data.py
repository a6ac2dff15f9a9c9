"""The corpus shipped in data/ is valid, complete, and keeps the rules of data/README.md.

The validator already checks every quote, reference, mention and paragraph; its report is
printed whole when the shipped data does not validate clean, so one test names every
problem (a quote not found, an unknown person, a paragraph left unread) at once.
"""

from __future__ import annotations

import pytest

from dashboard.corpus import Corpus, LoadResult, format_table


def test_shipped_data_validates_without_a_problem(shipped_result: LoadResult) -> None:
    """No error and no warning: every quote found in its paragraph, every paragraph either
    coded or recorded in uncoded.csv, every mention's words in their paragraph."""
    assert shipped_result.problems == [], "\n" + format_table(shipped_result.problems)


def test_every_relation_cites_its_paragraph(shipped_corpus: Corpus) -> None:
    """What the validator's clean report means for the relations: each has its ¶."""
    assert [r.id for r in shipped_corpus.relations.values()
            if shipped_corpus.paragraph(r.document, r.paragraph) is None] == []


def test_the_complete_reading(shipped_corpus: Corpus) -> None:
    corpus = shipped_corpus
    assert sum(p.kind == "person" for p in corpus.people.values()) >= 28
    assert len(corpus.relations) >= 168 and {"r144", "r168"} <= set(corpus.relations)
    assert len(corpus.mentions) >= 40 and len(corpus.uncoded) >= 20
    paragraphs = {(d.id, p.number) for d in corpus.documents.values() for p in d.paragraphs}
    read = {(r.document, r.paragraph) for r in corpus.relations.values()} | {
        (u.document, u.paragraph) for u in corpus.uncoded}
    assert read == paragraphs  # every paragraph is coded or recorded as read without any
    assert any(r.against for r in corpus.relations.values())  # third parties are recorded
    assert corpus.about.title and corpus.about.caveat


def test_every_claimant_is_a_person(shipped_corpus: Corpus) -> None:
    people = shipped_corpus.people
    assert [(r.id, r.claimant) for r in shipped_corpus.relations.values()
            if r.claimant not in people or people[r.claimant].kind != "person"] == []


def test_every_third_party_is_someone_else(shipped_corpus: Corpus) -> None:
    assert [r.id for r in shipped_corpus.relations.values()
            if r.against and (r.against not in shipped_corpus.people
                              or r.against in (r.source, r.target))] == []


@pytest.mark.parametrize("person_id", ["kim-nam-il", "jeong-gwang-rok"])
def test_uncertain_identifications_are_marked(shipped_corpus: Corpus, person_id: str) -> None:
    person = shipped_corpus.people.get(person_id)
    assert person is not None, f"people.csv has no {person_id}"
    assert person.identification_note.startswith("Uncertain")


def test_identification_notes_begin_with_uncertain(shipped_corpus: Corpus) -> None:
    assert [p.id for p in shipped_corpus.people.values() if p.identification_note
            and not p.identification_note.startswith("Uncertain:")] == []


def test_factions_have_distinct_colours_and_shapes_and_a_historians_note(
        shipped_corpus: Corpus) -> None:
    factions = list(shipped_corpus.factions.values())
    assert len(factions) >= 2
    colours = [f.color.upper() for f in factions]
    shapes = [f.shape for f in factions]
    assert len(set(colours)) == len(colours), colours
    assert len(set(shapes)) == len(shapes), shapes
    assert any(f.historians for f in factions)
