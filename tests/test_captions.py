"""What a view shows, in words and as a file name (``network/captions.py``): the one caption
the PNG and SVG legends, the handout and the data exports share, and the file stem.

A caption speaks in labels ("Soviet Koreans", "Kim Il Sung"), never in ids; two views that
show different things must give two file names, or a second download overwrites the first.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from dashboard.network.captions import MAX_STEM, caption, file_stem
from dashboard.network.graph import Network
from dashboard.network.view import View


def test_the_captions_of_the_fixture(valid_network: Network) -> None:
    assert caption(valid_network, View()) == "4 of 4 relations shown."
    assert caption(valid_network, View(factions=("soviet",), years=(1950, 1955))) == (
        "Filtered: relations touching the selected factions: Soviet Koreans; years "
        "1950–1955. 3 of 4 relations shown.")
    assert caption(valid_network, View(step=2)).startswith("Step 2 of 3: Hegai and Kim Yeol.")


#: Views of the shipped corpus that name factions, people and documents by their ids.
NAMED = [
    View(factions=("soviet", "yanan"), mode="between"),
    View(claimants=("kim-il-sung", "ivanov")),
    View(cell=("soviet", "yanan", "hostile")),
    View(person="pak-il-u", documents=("ivanov-1955-12-07",)),
    View(factions=("soviet",), claimants=("kim-il-sung",), color="community", size="pagerank",
         step=7, hide_isolated=True),
]


@pytest.mark.parametrize("view", NAMED, ids=lambda v: changed_fields(v))
def test_a_caption_names_labels_never_ids(shipped_network: Network, view: View) -> None:
    corpus = shipped_network.corpus
    said = caption(shipped_network, view)
    labels = {**{f.id: f.label for f in corpus.factions.values()},
              **{p.id: p.name for p in corpus.people.values()},
              **{d.id: d.title for d in corpus.documents.values()}}
    used = [*(view.factions or ()), *(view.claimants or ()), *(view.cell or ())[:2],
            *(view.documents or ()), *([view.person] if view.person else [])]
    for id_ in used:
        assert labels[id_] in said, (id_, said)
        assert not re.search(rf"(?<![\w-]){re.escape(id_)}(?![\w-])", said), (id_, said)


def changed_fields(view: View) -> str:
    return "-".join(k for k, v in dataclasses.asdict(view).items() if v != getattr(View(), k))


BASE = View(factions=("soviet", "yanan"), step=3)
#: One field changed at a time: each shows something else, so each needs its own name.
CHANGES: list = [
    {"factions": ("soviet",)},
    {"factions": ("soviet", "yanan", "domestic")},
    {"mode": "between"},
    {"types": ("accuses",)},
    {"polarities": ("hostile",)},
    {"claimants": ("kim-il-sung",)},
    {"years": (1950, 1953)},
    {"documents": ()},
    {"cell": ("soviet", "yanan", "hostile")},
    {"cell": ("soviet", "yanan", "all")},
    {"color": "community"},
    {"size": "degree"},
    {"step": 4},
    {"person": "pak-il-u"},
    {"relation": "r001"},
    {"hide_isolated": True},
    {"layout": "concentric"},
    {"present": True},
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: "-".join(c))
def test_two_views_give_two_file_names(shipped_network: Network, change: dict) -> None:
    other = dataclasses.replace(BASE, **change)
    assert file_stem(shipped_network, other) != file_stem(shipped_network, BASE)


def test_long_choices_give_different_names(shipped_network: Network) -> None:
    factions = shipped_network.bounds.factions
    types = shipped_network.bounds.types
    stems = {file_stem(shipped_network, View(factions=factions[:4])),
             file_stem(shipped_network, View(factions=factions[1:5])),
             file_stem(shipped_network, View(types=types[:4]))}
    assert len(stems) == 3


def test_a_file_stem_is_a_short_safe_name(shipped_network: Network) -> None:
    assert file_stem(shipped_network, View()) == "ivanov-1955-12-07-network"
    long = View(factions=("soviet", "yanan", "domestic"), claimants=("kim-il-sung", "ivanov"),
                cell=("soviet", "yanan", "hostile"), years=(1950, 1953), mode="between",
                color="community", size="betweenness", step=12, person="pak-il-u")
    stem = file_stem(shipped_network, long)
    assert len(stem) <= MAX_STEM and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", stem)
    assert stem != file_stem(shipped_network, dataclasses.replace(long, step=13))
