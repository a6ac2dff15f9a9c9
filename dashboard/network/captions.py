"""What a view shows, in words and as a file name: the one caption writer.

The PNG and SVG legends, the handout and the data exports all say what they show with
``caption`` (labels, never ids: "Soviet Koreans", "Kim Il Sung", "between the chosen
factions only", the colour and size encodings, the walk's step), and name their files
with ``file_stem`` (a short slug of the same view), so files from three views are three
names.
"""

from __future__ import annotations

import hashlib
import re

from .graph import Network, shown
from .view import COLORINGS, FACTION_MODES, MEASURES, View

MAX_STEM = 90  # characters of a file name before its extension


def _names(ids: tuple[str, ...], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(i, i) for i in ids) or "none"


def filters(network: Network, view: View) -> list[str]:
    """Each filter the view sets, in words."""
    corpus = network.corpus
    factions = {f.id: f.label for f in corpus.factions.values()}
    people = {p.id: p.name for p in corpus.people.values()}
    documents = {d.id: f"{d.title} ({d.date})" for d in corpus.documents.values()}
    out = []
    if view.factions is not None:
        out.append(f"relations {FACTION_MODES[view.mode]}: {_names(view.factions, factions)}")
    for name, values, labels in (("documents", view.documents, documents),
                                 ("relation types", view.types, {}),
                                 ("polarity", view.polarities, {}),
                                 ("claimed by", view.claimants, people)):
        if values is not None:
            out.append(f"{name}: {_names(values, labels)}")
    if view.years:
        out.append(f"years {view.years[0]}–{view.years[1]}")
    if view.cell:
        kind = "" if view.cell[2] == "all" else f"{view.cell[2]} "
        out.append(f"only {kind}relations from {factions.get(view.cell[0], view.cell[0])} "
                   f"to {factions.get(view.cell[1], view.cell[1])}")
    if view.hide_isolated != network.bounds.start.hide_isolated:
        out.append("people without relations " + ("hidden" if view.hide_isolated else "shown"))
    return out


def encodings(view: View) -> list[str]:
    """The colour and size encodings when they are not the default ones."""
    out = []
    if view.color != "faction":
        out.append(f"colour: {COLORINGS[view.color].lower()}")
    if view.size:
        out.append(f"size: {MEASURES[view.size]}")
    return out


def caption(network: Network, view: View) -> str:
    """One paragraph saying what the picture shows: the step, the filters, the encodings,
    the selection and the counts.

    >>> from dashboard import DEFAULT_DATA_DIR
    >>> from dashboard.corpus import load_valid_corpus
    >>> net = Network.build(load_valid_corpus(DEFAULT_DATA_DIR))
    >>> print(caption(net, View(factions=("soviet", "yanan"), mode="between", step=3)))
    Step 3 of 17: Pak Il-u: the charges. Filtered: relations between the selected factions \
only: Soviet Koreans, Chinese (Yan'an) Koreans. 3 of 168 relations shown.
    """
    parts = []
    step = network.walk.step(network.walk.clamp(view.step))
    if step:
        parts.append(f"Step {step.number} of {len(network.walk)}: {step.title}.")
    set_filters = filters(network, view)
    if set_filters:
        parts.append("Filtered: " + "; ".join(set_filters) + ".")
    encoded = encodings(view)
    if encoded:
        parts.append("Shown with " + "; ".join(encoded) + ".")
    person = network.corpus.people.get(view.person)
    if person:
        parts.append(f"Selected: {person.name} and their relations.")
    count = len(shown(network, view).relations)
    parts.append(f"{count} of {len(network.corpus.relations)} relations shown.")
    return " ".join(parts)


def slug(text: str) -> str:
    """Lowercase letters, digits and single hyphens.

    >>> slug("Chinese (Yan'an) Koreans, 1950–1953")
    'chinese-yan-an-koreans-1950-1953'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _choice_words(field: str, prefix: str, values: tuple[str, ...]) -> str:
    """A filter in a file name: up to three ids, else the field, how many and a digest."""
    if len(values) > 3:
        digest = hashlib.sha256(",".join(values).encode()).hexdigest()[:4]
        return f"{len(values)}-{field}-{digest}"
    return "-".join(([prefix] if prefix else []) + (list(values) or [f"no-{field}"]))


def _view_words(view: View, start: View) -> list[str]:
    words: list[str] = []
    for field, prefix, values in (
            ("factions", "", view.factions), ("documents", "doc", view.documents),
            ("types", "", view.types), ("polarities", "", view.polarities),
            ("claimants", "by", view.claimants)):
        if values is not None:
            words.append(_choice_words(field, prefix, values))
    if view.mode != "touching":
        words.append(view.mode)
    if view.hide_isolated != start.hide_isolated:
        words.append("isolated-hidden" if view.hide_isolated else "isolated-shown")
    if view.layout != "force":
        words.append(view.layout)
    if view.present:
        words.append("projector")
    if view.years:
        words.append(f"{view.years[0]}-{view.years[1]}")
    if view.cell:
        words.append("cell-" + "-".join(view.cell))
    if view.color != "faction":
        words.append(view.color)
    if view.size:
        words.append(f"size-{view.size}")
    if view.step:
        words.append(f"step-{view.step}")
    if view.person or view.relation:
        words.append(view.person or view.relation)
    return words


def file_stem(network: Network, view: View) -> str:
    """``ivanov-1955-12-07-network`` for the start view, ``…-soviet-yanan-between-step-7``
    for another: a name safe in any file system, shortened with a digest when long.

    >>> from dashboard import DEFAULT_DATA_DIR
    >>> from dashboard.corpus import load_valid_corpus
    >>> net = Network.build(load_valid_corpus(DEFAULT_DATA_DIR))
    >>> file_stem(net, View(factions=("soviet", "yanan"), mode="between", step=7))
    'ivanov-1955-12-07-network-soviet-yanan-between-step-7'
    """
    docs = list(network.corpus.documents)
    base = (docs[0] if len(docs) == 1 else slug(network.corpus.about.title)[:40]) or "corpus"
    words = slug("-".join(_view_words(view, network.bounds.start)))
    stem = f"{base}-network" + (f"-{words}" if words else "")
    if len(stem) > MAX_STEM:
        digest = hashlib.sha256(stem.encode()).hexdigest()[:8]
        stem = stem[:MAX_STEM - 9].rstrip("-") + "-" + digest
    return stem
