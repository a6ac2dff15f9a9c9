"""The domain as plain frozen dataclasses: what the rest of the app works on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph: the unit of citation (``ivanov-1955-12-07 ¶12``)."""

    document: str
    number: int
    text: str
    start: int = 0  # where the paragraph starts in its document's text (newlines as \n)

    @property
    def citation(self) -> str:
        return f"{self.document} ¶{self.number}"

    @property
    def anchor(self) -> str:
        """An HTML id for the paragraph in the reader."""
        return f"para-{self.document}-{self.number}"


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    date: str
    author: str
    archive_ref: str
    translator: str
    url: str
    rights: str
    summary: str
    paragraphs: tuple[Paragraph, ...] = ()

    def paragraph(self, number: int) -> Paragraph | None:
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None


@dataclass(frozen=True)
class Faction:
    id: str
    label: str
    description: str  # what the label means in this corpus
    color: str
    shape: str
    historians: str = ""  # how historians name and divide the group


@dataclass(frozen=True)
class Period:
    id: str
    label: str
    year_from: int
    year_to: int
    description: str


@dataclass(frozen=True)
class Alias:
    """One other name of a person, with the system it is written in (MR, Hangul, ...)."""

    text: str
    system: str


@dataclass(frozen=True)
class Person:
    """A named person or a collective actor (``kind == "group"``)."""

    id: str
    name: str
    kind: str
    faction: str
    aliases: tuple[Alias, ...] = ()
    subgroup: str = ""
    contested_factions: tuple[str, ...] = ()
    contested_reason: str = ""
    identification_note: str = ""
    role_1955: str = ""
    fate: str = ""
    sources: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, the name first."""
        return (self.name, *(a.text for a in self.aliases))

    @property
    def is_contested(self) -> bool:
        return bool(self.contested_factions)

    @property
    def is_uncertain(self) -> bool:
        return bool(self.identification_note)


@dataclass(frozen=True)
class Relation:
    """One directed claim: ``claimant`` says ``source`` did ``type`` to ``target``."""

    id: str
    document: str
    source: str
    target: str
    type: str
    polarity: str
    claimant: str
    period: str
    year_from: int
    year_to: int
    quote: str
    note: str = ""
    paragraph: int = 0  # the ¶ the quote was found in; 0 when it was not found
    against: str = ""  # a third party: ``source`` sets ``target`` against ``against``

    @property
    def citation(self) -> str:
        return f"{self.document} ¶{self.paragraph}" if self.paragraph else self.document


@dataclass(frozen=True)
class Step:
    """One step of the guided walk: a run of paragraphs of one document, read together."""

    number: int
    document: str
    first: int
    last: int
    title: str
    summary: str = ""

    def covers(self, document: str, number: int) -> bool:
        return document == self.document and self.first <= number <= self.last

    @property
    def citation(self) -> str:
        span = f"¶{self.first}" if self.first == self.last else f"¶{self.first}–{self.last}"
        return f"{self.document} {span}"


@dataclass(frozen=True)
class Mention:
    """A paragraph that refers to a person without a name: "Pak", "he", "the minister"."""

    document: str
    paragraph: int
    person: str
    words: str  # the words used, as they stand in the paragraph
    note: str = ""


@dataclass(frozen=True)
class Uncoded:
    """A paragraph read and deliberately left without relations, and why."""

    document: str
    paragraph: int
    reason: str


@dataclass(frozen=True)
class About:
    """What the corpus calls itself: the page's title, its subtitle and the caveat that every
    picture and handout repeats."""

    title: str = "Network of relations"
    subtitle: str = ""
    caveat: str = "Edges are claims made in the documents, not established facts."


@dataclass(frozen=True)
class Corpus:
    """Everything loaded from one data directory, keyed by id in file order."""

    documents: dict[str, Document] = field(default_factory=dict)
    factions: dict[str, Faction] = field(default_factory=dict)
    periods: dict[str, Period] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    steps: tuple[Step, ...] = ()  # from steps.csv; empty when the file is absent
    mentions: tuple[Mention, ...] = ()  # from mentions.csv
    uncoded: tuple[Uncoded, ...] = ()  # from uncoded.csv
    about: About = field(default_factory=About)  # from corpus.csv

    def paragraph(self, document: str, number: int) -> Paragraph | None:
        doc = self.documents.get(document)
        return doc.paragraph(number) if doc else None
