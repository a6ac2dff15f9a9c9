"""The corpus format, declared once as data (after pandera): files, columns, vocabularies.

The checking engine in ``checks.py`` reads these declarations; ``data/README.md``
documents the same names, and ``tests/test_docs.py`` keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One CSV column: whether it must be filled, what shape and what it refers to."""

    name: str
    required: bool = True
    kind: str = "text"  # text | id | int | date | color | vocab | ref
    vocab: tuple[str, ...] = ()
    ref: str = ""  # the table an id refers to: documents | factions | people | periods


@dataclass(frozen=True)
class Table:
    """One CSV file of the corpus; its rows are keyed by the ``id`` column, if it has one.

    An ``optional`` table may be absent from the data directory: that is not a problem.
    """

    name: str
    file: str
    columns: tuple[Column, ...]
    optional: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


KINDS = ("person", "group")
POLARITIES = ("hostile", "supportive", "neutral")

#: Relation types and what each means; the order is the order of the UI checklist.
RELATION_TYPES: dict[str, str] = {
    "accuses": "charges with wrongdoing or anti-Party acts",
    "criticizes": "finds fault with, publicly or in a Party body",
    "exposes": "unmasks (Russian razoblachat') as an enemy or wrongdoer",
    "opposes": "acts, speaks or objects against",
    "incites": "sets one against another, drives a wedge",
    "deceives": "misleads",
    "disobeys": "does not carry out an order",
    "warns": "cautions or threatens",
    "punishes": "imposes a penalty",
    "removes": "recalls, dismisses or expels from a post or from the Party",
    "investigates": "examines, checks or inspects",
    "informs": "reports to, tells, or sends a copy to",
    "requests": "asks for help or for an action",
    "appoints": "places in a post or charges with a task",
    "recommends": "proposes for a post",
    "associates": "has close ties with, gathers or organises around itself",
    "protects": "shields from criticism or punishment, covers up for, intercedes for",
    "supports": "backs, praises or sides with",
}

#: Systems an alias can be written in (the tag in 'TEXT (SYSTEM)') and how the UI names them.
ALIAS_SYSTEMS: dict[str, str] = {
    "MR": "McCune–Reischauer",
    "RR": "Revised Romanization",
    "NK": "DPRK romanization",
    "Hangul": "Hangul",
    "Hanja": "Hanja",
    "Chinese": "Chinese characters",
    "pinyin": "Pinyin",
    "Wade-Giles": "Wade–Giles",
    "Russian": "Russian (Cyrillic)",
    "English": "English",
    "variant": "other spelling",
    "real name": "real name",
    "pen name": "pen name",
    "birth name": "birth name",
    "translation": "phrase in this translation",
}

SHAPES = (
    "ellipse", "triangle", "round-triangle", "rectangle", "round-rectangle",
    "bottom-round-rectangle", "cut-rectangle", "barrel", "rhomboid", "diamond",
    "round-diamond", "pentagon", "round-pentagon", "hexagon", "round-hexagon",
    "concave-hexagon", "heptagon", "round-heptagon", "octagon", "round-octagon",
    "star", "tag", "round-tag", "vee",
)

DOCUMENTS = Table("documents", "documents.csv", (
    Column("id", kind="id"),
    Column("title"),
    Column("date", kind="date"),
    Column("author"),
    Column("archive_ref"),
    Column("translator", required=False),
    Column("url", required=False),
    Column("rights"),
    Column("summary", required=False),
))

FACTIONS = Table("factions", "factions.csv", (
    Column("id", kind="id"),
    Column("label"),
    Column("description"),
    Column("color", kind="color"),
    Column("shape", kind="vocab", vocab=SHAPES),
    Column("historians", required=False),
))

PERIODS = Table("periods", "periods.csv", (
    Column("id", kind="id"),
    Column("label"),
    Column("year_from", kind="int"),
    Column("year_to", kind="int"),
    Column("description", required=False),
))

PEOPLE = Table("people", "people.csv", (
    Column("id", kind="id"),
    Column("name"),
    Column("aliases", required=False),
    Column("kind", kind="vocab", vocab=KINDS),
    Column("faction", kind="ref", ref="factions"),
    Column("subgroup", required=False),
    Column("faction_contested", required=False),
    Column("identification_note", required=False),
    Column("role_1955", required=False),
    Column("fate", required=False),
    Column("sources"),
))

RELATIONS = Table("relations", "relations.csv", (
    Column("id", kind="id"),
    Column("document", kind="ref", ref="documents"),
    Column("source", kind="ref", ref="people"),
    Column("target", kind="ref", ref="people"),
    Column("type", kind="vocab", vocab=tuple(RELATION_TYPES)),
    Column("polarity", kind="vocab", vocab=POLARITIES),
    Column("claimant", kind="ref", ref="people"),
    Column("period", kind="ref", ref="periods"),
    Column("year_from", kind="int"),
    Column("year_to", kind="int"),
    Column("quote"),
    Column("note", required=False),
    Column("against", required=False, kind="ref", ref="people"),
))

#: The guided walk through the documents; without it the steps are generated (``story.py``).
STEPS = Table("steps", "steps.csv", (
    Column("step", kind="int"),
    Column("document", kind="ref", ref="documents"),
    Column("first_paragraph", kind="int"),
    Column("last_paragraph", kind="int"),
    Column("title"),
    Column("summary", required=False),
), optional=True)

#: References beyond the full name: a paragraph that calls a person "Pak", "he" or by title.
MENTIONS = Table("mentions", "mentions.csv", (
    Column("document", kind="ref", ref="documents"),
    Column("paragraph", kind="int"),
    Column("person", kind="ref", ref="people"),
    Column("words"),
    Column("note", required=False),
), optional=True)

#: Paragraphs read and left without relations, each with the reason.
UNCODED = Table("uncoded", "uncoded.csv", (
    Column("document", kind="ref", ref="documents"),
    Column("paragraph", kind="int"),
    Column("reason"),
), optional=True)

#: What the corpus calls itself: one row.
CORPUS = Table("corpus", "corpus.csv", (
    Column("title"),
    Column("subtitle", required=False),
    Column("caveat", required=False),
), optional=True)

#: The tables in the order they are loaded (a table only refers to earlier ones).
TABLES: tuple[Table, ...] = (CORPUS, DOCUMENTS, FACTIONS, PERIODS, PEOPLE, RELATIONS, STEPS,
                             MENTIONS, UNCODED)
DOCUMENTS_DIR = "documents"
