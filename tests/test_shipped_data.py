"""The corpus shipped in data/ is valid, complete enough, and keeps the rules of data/README.md."""

from __future__ import annotations

from functools import cache

import pytest

from dashboard import DEFAULT_DATA_DIR
from dashboard.corpus import LoadResult, format_table, load_corpus


@cache
def shipped() -> LoadResult:
    return load_corpus(DEFAULT_DATA_DIR)


def _relation_ids() -> list:
    """One test per relation, so a failure names it; one failing case if none loaded."""
    ids = list(shipped().corpus.relations)
    return ids or [pytest.param("", id="no-relations-loaded")]


def test_shipped_data_has_no_errors() -> None:
    result = shipped()
    assert result.ok, "\n" + format_table(result.problems)


def test_enough_people_and_relations() -> None:
    corpus = shipped().corpus
    assert sum(p.kind == "person" for p in corpus.people.values()) >= 28
    assert len(corpus.relations) >= 60


@pytest.mark.parametrize("relation_id", _relation_ids())
def test_quote_is_found_in_its_document(relation_id: str) -> None:
    result = shipped()
    relation = result.corpus.relations.get(relation_id)
    assert relation is not None, "data/relations.csv could not be loaded"
    why = [p.message for p in result.problems
           if p.code == "quote-not-found" and p.value == relation.quote]
    assert relation.paragraph > 0, f"{relation.quote!r}: {why}"
    paragraph = result.corpus.paragraph(relation.document, relation.paragraph)
    assert paragraph is not None


def test_every_claimant_is_a_person() -> None:
    people = shipped().corpus.people
    relations = shipped().corpus.relations.values()
    assert relations
    assert [(r.id, r.claimant) for r in relations
            if r.claimant not in people or people[r.claimant].kind != "person"] == []


@pytest.mark.parametrize("person_id", ["kim-nam-il", "jeong-gwang-rok"])
def test_uncertain_identifications_are_marked(person_id: str) -> None:
    person = shipped().corpus.people.get(person_id)
    assert person is not None, f"people.csv has no {person_id}"
    assert person.identification_note.startswith("Uncertain")


def test_identification_notes_begin_with_uncertain() -> None:
    people = shipped().corpus.people.values()
    assert [p.id for p in people
            if p.identification_note and not p.identification_note.startswith("Uncertain:")] == []


def test_factions_have_distinct_colours_and_shapes() -> None:
    factions = list(shipped().corpus.factions.values())
    assert len(factions) >= 2
    colours = [f.color.upper() for f in factions]
    shapes = [f.shape for f in factions]
    assert len(set(colours)) == len(colours), colours
    assert len(set(shapes)) == len(shapes), shapes
