"""The guided walk: generated and curated steps, what each step adds, and its controls.

The valid fixture has five paragraphs and ships a three-step ``steps.csv``; its four
relations are quoted in ¶3 (two), ¶4 and ¶5. The shipped corpus has 75 paragraphs.
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

from dashboard import ids
from dashboard.callbacks import story as story_callbacks
from dashboard.callbacks import view as sync_view
from dashboard.classroom import frame_class, step_body
from dashboard.corpus import Corpus, Step, load_corpus, load_valid_corpus
from dashboard.corpus.schema import STEPS
from dashboard.graph import Network, element_changes, elements
from dashboard.story import Walk, default_steps, step_passages, steps_for
from dashboard.view import View, parse_query, to_query
from tests.components import text_of
from tests.fixtures.build import BROKEN, VALID

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"
DOC = "ivanov-1955-12-07"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_valid_corpus(VALID)


@pytest.fixture(scope="module")
def net(corpus: Corpus) -> Network:
    return Network.build(corpus)


@pytest.fixture(scope="module")
def shipped() -> Corpus:
    return load_valid_corpus(SHIPPED)


@pytest.fixture(scope="module")
def shipped_net(shipped: Corpus) -> Network:
    return Network.build(shipped)


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
    assert steps[0].first == 1 and steps[-1].last == 75
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
    assert {17, 33, 47, 51, 54} <= starts  # Pak Il-u, Hegai, the writers, Pak Yeong-bin, ...
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
    changes = element_changes(elements(net, View(step=2, present=True)), elements(net, View()))
    keys = {key for fields in changes["data"].values() for key in fields}
    assert {"future", "new", "big"} <= keys
    assert changes["add"]  # the relations not reached yet come in
    assert element_changes(elements(net, View(step=2)), elements(net, View(step=2))) == {}


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


def press(net: Network, button: str, search: str) -> object:
    """The URL after a click on ``button`` through the one sync callback."""
    controls = tuple(c.write(net, parse_query(search, net.bounds))
                     for c in sync_view.CORE_CONTROLS)
    result = sync_view.sync(net, f"{button}.n_clicks", 1, search, controls,
                            sync_view.CORE_CONTROLS, story_callbacks.EVENTS, {})
    return result[0]


@pytest.mark.parametrize(("button", "search", "expected"), [
    (ids.BUTTON_STEP_NEXT, "?step=1", "?step=2"),
    (ids.BUTTON_STEP_NEXT, "?step=3", "?step=3"),
    (ids.BUTTON_STEP_NEXT, "", "?step=1"),
    (ids.BUTTON_STEP_PREV, "?step=2&person=hegai", "?step=1&person=hegai"),
    (ids.BUTTON_STEP_PREV, "?step=1", "?step=1"),
    (ids.BUTTON_STEP_PREV, "?step=99", "?step=2"),
    (ids.BUTTON_WALK, "?polarity=hostile", "?polarity=hostile&step=1"),
    (ids.BUTTON_WALK, "?step=2", ""),
    (ids.BUTTON_PRESENT, "?step=2", "?step=2&present=1"),
    (ids.BUTTON_PRESENT, "?present=1", ""),
])
def test_walk_and_projector_buttons_write_the_url(net: Network, button: str, search: str,
                                                  expected: str) -> None:
    assert press(net, button, search) == expected


def test_a_button_drawn_but_not_clicked_changes_nothing(net: Network) -> None:
    for event in story_callbacks.EVENTS:
        assert event.apply(net, f"{event.id}.n_clicks", 0, View(step=1), {}) is None


def test_the_walk_panel_is_drawn_once_per_step(net: Network) -> None:
    body, drawn, prev_off, next_off = story_callbacks.walk(net, "?step=2", 0)
    assert drawn == 2 and (prev_off, next_off) == (False, False)
    assert story_callbacks.walk(net, "?step=2&polarity=hostile", 2) == (no_update,) * 4
    assert story_callbacks.walk(net, "?step=3", 2)[2:] == (False, True)
    assert story_callbacks.walk(net, "?step=1", 3)[2:] == (True, False)
    assert story_callbacks.walk(net, "", 3) == ([], 0, True, True)


def test_the_step_panel_names_the_step_and_its_newcomers(net: Network) -> None:
    text = text_of(step_body(net, 2))
    assert "Step 2 of 3" in text and "Hegai and Kim Yeol" in text
    assert "New in this step:" in text and "Kim Yeol" in text


def test_frame_classes_and_the_controls_toggle(net: Network) -> None:
    assert frame_class(net, View(), False) == "app"
    assert frame_class(net, View(step=2, present=True), True) == \
        "app is-present is-walking controls-open"
    out = story_callbacks.frame(net, "?present=1", ids.BUTTON_CONTROLS, "app is-present")
    assert out[0] == "app is-present controls-open" and out[1] == "Hide controls"
    out = story_callbacks.frame(net, "?step=1", ids.URL, "app controls-open")
    assert out[0] == "app is-walking controls-open" and out[3] == "End the walk"


def test_hostile_step_titles_stay_text() -> None:
    corpus = load_valid_corpus(BROKEN / "hostile-text")
    text = text_of(step_body(Network.build(corpus), 2))
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
