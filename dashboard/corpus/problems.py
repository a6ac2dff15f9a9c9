"""Problems found while loading a corpus: one record each, collected, never raised.

Following frictionless-py, every problem carries a fixed kebab-case ``code``, the
file, line and column it was found at, the offending value and a message that
says what was expected. The CLI and ``make run`` print them as one table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

#: Every code a problem can carry, with what it means. Documented in data/README.md.
CODES: dict[str, str] = {
    "file-missing": "a required file or folder does not exist",
    "file-unreadable": "the file exists but cannot be read",
    "file-not-utf8": "the file is not valid UTF-8 text",
    "file-empty": "the file holds no header row",
    "bom": "the file starts with a byte-order mark (it was ignored)",
    "malformed-csv": "the CSV syntax is broken (for example an unclosed quote)",
    "wrong-field-count": "a row has more or fewer fields than the header",
    "field-too-long": "a field is longer than 100,000 characters (a paste accident?)",
    "missing-column": "a required column is absent from the header",
    "unknown-column": "the header has a column the format does not define",
    "duplicate-column": "the header names a column twice",
    "missing-value": "a required field is empty",
    "duplicate-id": "an id is used by two rows",
    "bad-id": "an id is not a lowercase slug",
    "bad-integer": "a field that must be a whole number is not one",
    "bad-date": "a date is not a real date in YYYY-MM-DD form",
    "bad-color": "a colour is not a #RRGGBB hex code",
    "bad-year-range": "year_from is after year_to",
    "year-outside-period": "the years lie outside the span of the relation's period",
    "unknown-value": "a field holds a value outside its vocabulary",
    "unknown-document": "a reference to a document id that documents.csv lacks",
    "unknown-faction": "a reference to a faction id that factions.csv lacks",
    "unknown-person": "a reference to a person id that people.csv lacks",
    "unknown-period": "a reference to a period id that periods.csv lacks",
    "self-relation": "a relation's source and target are the same",
    "bad-alias": "an alias is not written as 'TEXT (SYSTEM)' with a known system",
    "duplicate-alias": "two people share a name or alias",
    "bad-contested": "faction_contested is not 'faction-id[,faction-id]: reason'",
    "document-text-missing": "a document row has no text file in documents/",
    "document-without-row": "a text file in documents/ has no row in documents.csv",
    "document-empty": "a document's text file holds no paragraph",
    "quote-not-found": "a quote does not occur verbatim in one paragraph of its document",
    "bad-step-number": "steps are not numbered 1, 2, 3… in the order of the file",
    "bad-paragraph-range": "first_paragraph is after last_paragraph",
    "unknown-paragraph": "a paragraph number that the step's document does not have",
    "paragraph-outside-steps": "a paragraph quoted by a relation lies in no step of its "
                               "document (a document with steps in `steps.csv`): the walk "
                               "never shows that relation",
    "mention-not-found": "a mention's words do not occur in its paragraph",
    "paragraph-unread": "paragraphs of a document neither yield a relation nor are recorded "
                        "in `uncoded.csv` (one warning per document)",
    "paragraph-coded-and-recorded": "paragraphs that yield relations are also recorded in "
                                    "`uncoded.csv` as read without any",
    "bad-against": "a relation's third party (`against`) is its own source or target",
    "corpus-rows": "`corpus.csv` holds more than one row",
    "file-not-regular": "a path of the corpus is not a regular file (a pipe, a device, a "
                        "folder)",
    "file-too-large": "a file is larger than the corpus allows",
}

WARNINGS = frozenset({"bom", "duplicate-alias", "document-without-row",
                      "paragraph-outside-steps", "paragraph-unread",
                      "paragraph-coded-and-recorded", "corpus-rows"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the corpus, located as precisely as possible."""

    code: str
    message: str
    file: str = ""
    line: int | None = None
    column: str = ""
    value: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    @property
    def severity(self) -> str:
        return "warning" if self.code in WARNINGS else "error"

    @property
    def where(self) -> str:
        """``people.csv:12 [faction]`` — the place to look, as an editor names it."""
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
        if self.column:
            place += f" [{self.column}]"
        return place


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(problems: list[Problem]) -> str:
    """Render problems as a plain-text table, one problem a row, in file order.

    >>> print(format_table([Problem("missing-value", "name is empty", "people.csv", 3, "name")]))
    where                severity  code           value  message
    people.csv:3 [name]  error     missing-value         name is empty
    1 error, 0 warnings
    """
    head = ("where", "severity", "code", "value", "message")
    rows = [
        (p.where, p.severity, p.code, _clip(repr(p.value) if p.value else "", 40), p.message)
        for p in problems
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r[:4], widths, strict=True)) + "  " + r[4]
             for r in [head, *rows]]
    return "\n".join(line.rstrip() for line in lines) + "\n" + summarize(problems)


def summarize(problems: list[Problem]) -> str:
    counts = Counter(p.severity for p in problems)
    errors, warnings = counts["error"], counts["warning"]
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
