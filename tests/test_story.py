"""The guided walk: generated and curated steps, what each step adds, and its controls.

The valid fixture has five paragraphs and ships a three-step ``steps.csv``; its four
relations are quoted in ¶3 (two), ¶4 and ¶5. The shipped corpus has 75 paragraphs.
Next, Previous, the walk and the projector buttons are ``data-action`` buttons ("step next",
"walk", "present") applied by the URL callback; the app's classes (``is-walking``,
``is-present``) are set in the browser and checked in ``test_browser_classroom.py``.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from dash import no_update

from dashboard.corpus import Corpus, Step, load_corpus, load_valid_corpus
from dashboard.corpus.schema import STEPS
from dashboard.network.drawing import drawing
from dashboard.network.graph import Network
from dashboard.network.story import Walk, default_steps, step_passages, steps_for
from dashboard.network.view import View, parse_query, to_query
from dashboard.web import ids
from dashboard.web.callbacks import story as story_callbacks
from dashboard.web.callbacks import url
from dashboard.web.components.classroom import step_body
from tests.components import text_of
from tests.fixtures.build import BROKEN, VALID

ROOT = Path(__file__).resolve().parent.parent
DOC = "ivanov-1955-12-07"


@pytest.fixture(scope="module")
def corpus(valid_corpus: Corpus) -> Corpus:
    return valid_corpus


@pytest.fixture(scope="module")
def net(valid_network: Network) -> Network:
    return valid_network


@pytest.fixture(scope="module")
def shipped(shipped_corpus: Corpus) -> Corpus:
    return shipped_corpus


@pytest.fixture(scope="module")
def shipped_net(shipped_network: Network) -> Network:
    return shipped_network


def elements(net: Network, view: View) -> list[dict]:
    return drawing(net, view).elements()


# --- the steps table ---------------------------------------------------------------------------


def test_the_curated_steps_are_loaded(corpus: Corpus) -> None:
    assert corpus.steps == (
        Step(1, DOC, 1, 2, "The visit", "Ivanov calls on Kim Il Sung."),
        Step(2, DOC, 3, 3, "Hegai and Kim Yeol", ""),
        Step(3, DOC, 4, 5, "The Soviet Koreans",
             "Hegai's circle and the officials who must criticise themselves."),
    )
    assert steps_for(corpus) == corpus.steps


def test_without_steps_csv_the_steps_are_generated() -> None:
    result = load_corpus(BROKEN / "no-steps")
    assert result.problems == [] and result.corpus.steps == ()
    generated = steps_for(result.corpus)
    assert [(s.first, s.last) for s in generated] == [(1, 4), (5, 5)]
    assert generated[0].title == "Hegai and Kim Yeol"


def test_a_steps_table_is_optional_but_checked_when_present() -> None:
    assert STEPS.optional and STEPS.column_names == (
        "step", "document", "first_paragraph", "last_paragraph", "title", "summary")


def test_the_shipped_walk_reads_the_whole_journal(shipped: Corpus) -> None:
    steps = shipped.steps
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert steps[0].first == 1 and steps[-1].last == len(shipped.documents[DOC].paragraphs) == 75
    assert all(a.last + 1 == b.first for a, b in zip(steps, steps[1:], strict=False))
    titles = " | ".join(s.title for s in steps)
    for affair in ("plenum", "Pak Il-u", "Kim Yeol", "Hegai", "writers", "Pak Yeong-bin",
                   "Pak Chang-ok", "Ivanov's questions", "grain"):
        assert affair in titles


# --- generated steps ---------------------------------------------------------------------------


def test_generated_steps_cover_the_text_in_reading_order(shipped: Corpus) -> None:
    steps = default_steps(shipped)
    assert steps == default_steps(shipped)  # deterministic: a lesson link keeps its place
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert steps[0].first == 1 and steps[-1].last == len(shipped.documents[DOC].paragraphs)
    assert all(a.last + 1 == b.first for a, b in zip(steps, steps[1:], strict=False))


def test_front_matter_joins_step_one_and_the_copy_list_the_last(shipped: Corpus) -> None:
    steps = default_steps(shipped)
    first_quoted = min(r.paragraph for r in shipped.relations.values())
    assert steps[0].first == 1 and steps[0].last >= first_quoted
    assert steps[-1].covers(DOC, 67) and steps[-1].covers(DOC, 75)  # "Four copies" ... "Nº 854"


def test_generated_steps_split_where_the_affair_changes(shipped: Corpus) -> None:
    starts = {s.first for s in default_steps(shipped)}
    assert {17, 32, 47, 51, 54} <= starts  # Pak Il-u, Kim Yeol and Hegai, the writers, ...
    assert all(len(s.title) < 80 for s in default_steps(shipped))


def test_an_empty_corpus_has_no_steps() -> None:
    assert default_steps(Corpus()) == () and len(Walk.of(Corpus())) == 0


# --- the walk ----------------------------------------------------------------------------------


def test_every_relation_is_reached_once_and_the_walk_only_grows(shipped_net: Network) -> None:
    walk, corpus = shipped_net.walk, shipped_net.corpus
    assert set(walk.reached_at) == set(corpus.relations)
    sizes = [len(walk.reached(n)) for n in range(len(walk) + 1)]
    assert sizes[0] == 0 and sizes[-1] == len(corpus.relations) and sizes == sorted(sizes)
    for n in range(1, len(walk) + 1):
        assert walk.introduced(corpus, n) == walk.reached(n) - walk.reached(n - 1)


@pytest.mark.parametrize(("step", "expected"), [(0, 0), (2, 2), (3, 3), (4, 3), (99, 3),
                                                (-1, 0)])
def test_clamp(net: Network, step: int, expected: int) -> None:
    assert net.walk.clamp(step) == expected


def test_newcomers_are_the_people_a_step_brings_in(net: Network) -> None:
    corpus = net.corpus
    assert net.walk.newcomers(corpus, 1) == ()
    assert net.walk.newcomers(corpus, 2) == ("hegai", "kim-yeol")
    assert net.walk.newcomers(corpus, 3) == ("soviet-koreans", "kim-il-sung", "gi-seok-pok")


def test_step_passages_mark_the_quotes_and_the_actors(net: Network) -> None:
    (passage,) = step_passages(net.corpus, net.walk, 2)
    assert passage.paragraph.number == 3
    assert set(passage.relations) == {"hegai-protects-kim-yeol", "hegai-recommends-kim-yeol"}
    quoted = " ".join("".join(s.text for s in passage.segments if s.quote).split())
    assert "who concealed the outrageous acts of Kim Yeol" in quoted
    assert {s.text for s in passage.segments if s.mention} >= {"Hegai", "Kim Yeol"}
    assert step_passages(net.corpus, net.walk, 9) == ()


# --- the graph during the walk -----------------------------------------------------------------


def flags(net: Network, view: View, key: str) -> set[str]:
    return {e["data"]["id"] for e in elements(net, view) if e["data"].get(key)}


def test_the_network_grows_step_by_step(net: Network) -> None:
    assert flags(net, View(), "future") == set() == flags(net, View(), "new")
    shown = [len({e["data"]["id"] for e in elements(net, View(step=n))
                  if "source" in e["data"]}) for n in (1, 2, 3)]
    assert shown == [0, 1, 3]
    assert flags(net, View(step=2), "new") == {"hegai__kim-yeol", "hegai", "kim-yeol"}
    assert flags(net, View(step=2), "future") >= {"gi-seok-pok"}  # a person not reached yet
    assert "hegai__soviet-koreans" not in flags(net, View(step=2), "id")  # nor its relation
    assert flags(net, View(step=3), "past") == {"kim-yeol", "hegai__kim-yeol"}
    assert flags(net, View(step=3), "new") == {
        "hegai__soviet-koreans", "kim-il-sung__gi-seok-pok", "soviet-koreans", "kim-il-sung",
        "gi-seok-pok"}


def test_a_merged_edge_counts_only_the_relations_reached(net: Network) -> None:
    edge = next(e["data"] for e in elements(net, View(step=2)) if e["data"]["id"] ==
                "hegai__kim-yeol")
    assert edge["count"] == 2


def test_leaving_the_walk_patches_every_flag_back(net: Network) -> None:
    changes = drawing(net, View(step=2, present=True)).changes(drawing(net, View()))
    keys = {key for fields in changes["data"].values() for key in fields}
    assert {"future", "new", "big"} <= keys
    assert changes["add"]  # the relations not reached yet come in
    assert drawing(net, View(step=2)).changes(drawing(net, View(step=2))) == {}


def test_filters_still_apply_during_the_walk(net: Network) -> None:
    view = View(step=3, polarities=("hostile",))
    edges = {e["data"]["id"] for e in elements(net, view)
             if "source" in e["data"]}
    assert edges == {"kim-il-sung__gi-seok-pok"}


# --- the URL and the events --------------------------------------------------------------------


def test_the_step_in_the_url_is_clamped_to_the_walk(net: Network) -> None:
    assert parse_query("?step=2&present=1", net.bounds) == View(step=2, present=True)
    assert parse_query("?step=99", net.bounds).step == 3
    assert parse_query("?step=-1", net.bounds).step == 0
    assert to_query(View(step=3, present=True)) == "?step=3&present=1"


def press(net: Network, action: str, search: str) -> object:
    """The URL after a click on a button with ``data-action=action``, through the one URL
    callback wired with the walk's actions."""
    controls = tuple(c.write(net, parse_query(search, net.bounds)) for c in url.CORE_CONTROLS)
    result = url.sync(net, ids.STORE_ACTION + ".data", {"action": action}, search, controls,
                      url.CORE_CONTROLS, url.CORE_ACTIONS + story_callbacks.ACTIONS)
    return result[0]


@pytest.mark.parametrize(("action", "search", "expected"), [
    ("step next", "?step=1", "?step=2"),
    ("step next", "?step=3", "?step=3"),
    ("step next", "", "?step=1"),
    ("step previous", "?step=2&person=hegai", "?step=1"),  # moving on lets go of a selection
    ("step previous", "?step=1", "?step=1"),
    ("step previous", "?step=99", "?step=2"),
    ("step previous", "", "?step=1"),
    ("walk", "?polarity=hostile", "?polarity=hostile&step=1"),
    ("walk", "?step=2", ""),
    ("present", "?step=2", "?step=2&present=1"),
    ("present", "?present=1", ""),
])
def test_walk_and_projector_buttons_write_the_url(net: Network, action: str, search: str,
                                                  expected: str) -> None:
    assert press(net, action, search) == expected


@pytest.mark.parametrize("action", ["step", "step sideways", "step 3"])
def test_an_unknown_step_does_nothing(net: Network, action: str) -> None:
    assert press(net, action, "?step=2") is no_update


def test_a_corpus_without_paragraphs_has_no_walk_to_start() -> None:
    empty = Network.build(Corpus())
    assert story_callbacks.move(empty, View(), ("next",), None) is None
    assert story_callbacks.toggle_walk(empty, View(), (), None) is None


@pytest.mark.parametrize(("key", "disabled"), [
    ("?step=2", (False, False)),
    ("?step=3", (False, True)),
    ("?step=1", (True, False)),
    ("?step=99", (False, True)),  # past the end: the last step
])
def test_the_walk_panel_is_drawn_for_the_step_in_its_key(net: Network, key: str,
                                                         disabled: tuple[bool, bool]) -> None:
    body, *buttons = story_callbacks.walk(net, key)
    assert tuple(buttons) == disabled
    step = min(int(key.split("=")[1]), len(net.walk))
    assert f"Step {step} of 3" in text_of(body)


@pytest.mark.parametrize("key", ["", None, "?step=0", "?step=-1", "?step=x", ["?step=2"]])
def test_without_a_step_the_walk_panel_is_empty(net: Network, key: object) -> None:
    assert story_callbacks.walk(net, key) == ([], True, True)


def test_the_step_panel_names_the_step_and_its_newcomers(net: Network) -> None:
    text = text_of(step_body(net, 2))
    assert "Step 2 of 3" in text and "Hegai and Kim Yeol" in text
    assert "New in this step:" in text and "Kim Yeol" in text


def test_hostile_step_titles_stay_text(hostile_network: Network) -> None:
    text = text_of(step_body(hostile_network, 2))
    assert '<b>Hegai</b> and "Kim Yeol", =1+1' in text


# --- the CLI -----------------------------------------------------------------------------------


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_DATA"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_steps_prints_the_generated_steps_as_csv(tmp_path: Path) -> None:
    done = cli("steps", "--data", str(VALID), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["step"], r["first_paragraph"], r["last_paragraph"]) for r in rows] == [
        ("1", "1", "4"), ("2", "5", "5")]


def test_steps_write_refuses_to_replace_then_replaces_with_force(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    before = (data / "steps.csv").read_bytes()
    done = cli("steps", "--data", str(data), "--write", cwd=tmp_path)
    assert done.returncode == 1 and "--force" in done.stderr
    assert (data / "steps.csv").read_bytes() == before
    done = cli("steps", "--data", str(data), "--write", "--force", cwd=tmp_path)
    assert done.returncode == 0 and "wrote 2 steps" in done.stdout
    assert sorted(p.name for p in data.iterdir()) == sorted(p.name for p in VALID.iterdir())
    result = load_corpus(data)
    assert result.problems == [] and len(result.corpus.steps) == 2


def test_a_written_walk_validates_and_replays_the_generated_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    (data / "steps.csv").unlink()
    generated = steps_for(load_valid_corpus(data))
    assert cli("steps", "--data", str(data), "--write", cwd=tmp_path).returncode == 0
    assert load_valid_corpus(data).steps == generated


def test_steps_on_broken_data_reports_and_exits_1(tmp_path: Path) -> None:
    done = cli("steps", "--data", str(BROKEN / "bad-color"), cwd=tmp_path)
    assert done.returncode == 1 and "bad-color" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_steps_table_does_not_block_generating(tmp_path: Path) -> None:
    done = cli("steps", "--data", str(BROKEN / "unknown-paragraph"), cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("step,document,")


def test_the_steps_of_a_network_are_its_corpus_steps(corpus: Corpus) -> None:
    network = Network.build(replace(corpus, steps=()))
    assert network.walk.steps == default_steps(corpus)
