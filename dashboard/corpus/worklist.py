"""The mentions worklist of a document: who it names, what names it does not know, and the
references beyond the full name a curator may want to record in ``mentions.csv``.

Names are found with the one normaliser (``names.NameFinder``: any spelling of a known
name). A name after initials ("S. Filatov", "I. Shcherbakov") and a name with a bracketed
part ("Ri [Sym Yeb]") stay whole; "An" is a Korean surname here ("An Mak"), not an
article. Proposals are only proposals: the curator confirms each before copying it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Corpus, Document
from .names import NameFinder
from .text import normalize_space

#: Capitalised words that start sentences or name things other than people.
STOPWORDS = frozenset("""
A After Also And As At Before But By During For From He Her His However I If In Instead It
Its Later Many
No Not Of On Or Since So Some Such That The Their Then There These They This Those To
We What When Where Which While Who Why With Cde Comrade
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())
WORD = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*"
#: A name: initials ("S. ", "V. I. "), capitalised words, and bracketed parts ("[Sym Yeb]").
CANDIDATE = re.compile(rf"(?:[A-Z]\.\s*)*{WORD}(?:\s+(?:{WORD}|\[[^\]\n]{{1,40}}\]))*")
PRONOUNS = ("He", "She", "His", "Her")


class WorklistError(Exception):
    """A document the worklist cannot be made for; the message says which are known."""


@dataclass(frozen=True)
class ParagraphNames:
    """What one paragraph names: known people, names not in the corpus, short forms."""

    number: int
    known: tuple[tuple[str, str], ...]  # (person id, the text that matched)
    unknown: tuple[str, ...]
    short: tuple[str, ...]  # capitalised words that are only parts of known names


@dataclass(frozen=True)
class Proposal:
    """A reference beyond the full name, for the curator to confirm (a mentions.csv row)."""

    paragraph: int
    person: str
    words: str
    why: str


def candidates(text: str) -> list[str]:
    """Capitalised runs that may be names, without leading stopwords and without a lone
    word that only opens a sentence.

    >>> candidates("Then S. Filatov met An Mak. Later Ri [Sym Yeb] came.")
    ['S. Filatov', 'An Mak', 'Ri [Sym Yeb]']
    """
    names = []
    for match in CANDIDATE.finditer(text):
        words = match.group().split()
        while words and words[0] in STOPWORDS:
            words.pop(0)
        opens_sentence = not text[:match.start()].strip() or \
            text[:match.start()].rstrip().endswith((".", "?", "!", ":", '"'))
        alone = len(words) == 1 and words == match.group().split()
        if words and not (alone and opens_sentence):
            names.append(" ".join(words))
    return names


def _document(corpus: Corpus, document: str) -> Document:
    doc = corpus.documents.get(document)
    if doc is None:
        raise WorklistError(f"no document {document!r}; known: " + ", ".join(corpus.documents))
    return doc


def mentions(corpus: Corpus, document: str) -> list[ParagraphNames]:
    """Paragraph by paragraph, the known people a document mentions and the names it does
    not know yet. Single words that occur in lower case elsewhere in the text ("Party")
    are left out as common nouns."""
    doc = _document(corpus, document)
    finder = NameFinder({p.id: p.names for p in corpus.people.values()})
    known_tokens = {w for p in corpus.people.values() if p.kind == "person"
                    for n in p.names for w in n.split()}
    lower = set(re.findall(r"\b[a-z]+\b", " ".join(p.text for p in doc.paragraphs)))
    worklist = []
    for para in doc.paragraphs:
        known: dict[str, str] = {}
        masked = para.text
        for found in finder.find(para.text):
            known.setdefault(found.owner, found.text)
            masked = masked[:found.start] + " " * len(found.text) + masked[found.end:]
        unknown: list[str] = []
        short: list[str] = []
        for name in dict.fromkeys(candidates(masked)):
            if " " not in name and name.lower() in lower:
                continue
            (short if all(w in known_tokens for w in name.split()) else unknown).append(name)
        worklist.append(ParagraphNames(para.number, tuple(known.items()), tuple(unknown),
                                       tuple(short)))
    return worklist


def _title(role: str) -> str:
    """The title a role opens with: "Minister of Communications (March 1953 - ...)" ->
    "Minister of Communications"."""
    head = re.split(r"[(;,.]| and | - ", role, maxsplit=1)[0].strip()
    return head if len(head.split()) >= 2 else ""


def propose(corpus: Corpus, document: str) -> list[Proposal]:
    """References the worklist can guess: a surname alone in a paragraph after one naming
    the person, a title from the person's role, and a paragraph opening with a pronoun
    after one naming exactly one person. Those already in ``mentions.csv`` are left out."""
    doc = _document(corpus, document)
    finder = NameFinder({p.id: p.names for p in corpus.people.values()})
    recorded = {(m.paragraph, m.person) for m in corpus.mentions if m.document == document}
    out: list[Proposal] = []
    last: list[str] = []  # the people the latest naming paragraph named
    for para in doc.paragraphs:
        found = finder.find(para.text)
        named = list(dict.fromkeys(f.owner for f in found))
        masked = para.text
        for f in found:  # a surname inside a full name is no reference of its own
            masked = masked[:f.start] + " " * len(f.text) + masked[f.end:]
        out += [p for p in _guesses(corpus, para.number, masked, named, last)
                if (p.paragraph, p.person) not in recorded]
        people = [p for p in named if corpus.people[p].kind == "person"]
        last = people or last
    return out


def _guesses(corpus: Corpus, number: int, masked: str, named: list[str],
             last: list[str]) -> list[Proposal]:
    """The proposals for one paragraph (``masked``: its text with full names blanked)."""
    text = normalize_space(masked)
    out = []
    surnames = {corpus.people[p].name.split()[0] for p in last}
    for person_id in last:
        surname = corpus.people[person_id].name.split()[0]
        shared = sum(corpus.people[p].name.split()[0] == surname for p in last) > 1
        if person_id not in named and surname in surnames and not shared and \
                re.search(rf"\b{re.escape(surname)}\b", text):
            out.append(Proposal(number, person_id, surname,
                                "the surname alone, after a paragraph naming them"))
    for person in (p for p in corpus.people.values() if p.kind == "person"):
        title = _title(person.role_1955)
        if title[:1].isupper() and person.id not in named and title.lower() in text.lower():
            at = text.lower().index(title.lower())
            out.append(Proposal(number, person.id, text[at:at + len(title)],
                                "a title from their role in 1955"))
    opening = text.split(" ", 1)[0]
    if opening in PRONOUNS and len(last) == 1 and last[0] not in named:
        out.append(Proposal(number, last[0], opening,
                            "a pronoun opening the paragraph after one naming them"))
    return out


def format_mentions(corpus: Corpus, document: str, worklist: list[ParagraphNames],
                    proposals: list[Proposal] | None = None) -> str:
    """The worklist as plain text, one block per paragraph that names anyone, then the
    proposed mentions as rows to confirm and copy into ``mentions.csv``."""
    lines = []
    for item in worklist:
        if not (item.known or item.unknown or item.short):
            continue
        lines.append(f"{document} ¶{item.number}")
        if item.known:
            lines.append("  known:   " + "; ".join(
                f"{corpus.people[p].name} [{p}]" + (f" as {t!r}" if t != corpus.people[p].name
                                                     else "") for p, t in item.known))
        if item.unknown:
            lines.append("  unknown: " + "; ".join(item.unknown) + "  (not in people.csv)")
        if item.short:
            lines.append("  short:   " + "; ".join(item.short) + "  (part of a known name: "
                         "which person is meant?)")
    if proposals:
        lines += ["", "Proposed mentions: check each against the text, then copy the rows "
                  "you confirm into mentions.csv", "document,paragraph,person,words,note"]
        lines += [f'{document},{p.paragraph},{p.person},"{p.words}","proposed: {p.why}"'
                  for p in proposals]
    return "\n".join(lines)
