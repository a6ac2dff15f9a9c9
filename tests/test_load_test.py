"""benchmarks/load_test.py: it refuses any target off this machine, and the requests it
builds from ``/_dash-dependencies`` are ones the real app answers without an error."""

from __future__ import annotations

import argparse
import time

import pytest

from benchmarks import load_test


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8050", "http://127.1.2.3:80/", "http://localhost:8050", "http://[::1]:8050",
])
def test_loopback_targets_are_accepted(url):
    assert load_test.loopback(url)[1] in (80, 8050)


@pytest.mark.parametrize("url", [
    "http://example.com/", "http://10.0.0.1:8050", "http://192.168.1.10:8050",
    "http://0.0.0.0:8050", "http://[::ffff:8.8.8.8]:80", "https://127.0.0.1:8050",
    "http://127.0.0.1.nip.io:8050", "http://localhost.example.com", "127.0.0.1:8050", "",
])
def test_anything_else_is_refused(url):
    with pytest.raises(load_test.LoadTestError, match="only 127.0.0.0/8"):
        load_test.loopback(url)


def test_a_refused_target_is_one_line_and_exit_2(capsys):
    assert load_test.main(["--url", "http://example.com:80", "--duration", "1"]) == 2
    assert capsys.readouterr().err.strip() == (
        "load_test: http://example.com:80: only 127.0.0.0/8, ::1 or localhost")


@pytest.mark.parametrize("argv", [["--students", "0"], ["--students", "501"],
                                  ["--duration", "601"], ["--mix", "dance:1"],
                                  ["--think-min", "5", "--think-max", "1"]])
def test_bounds_are_enforced(argv):
    with pytest.raises(SystemExit):
        load_test.parse_args(["--url", "http://127.0.0.1:1", *argv])


def test_a_short_run_against_the_app_has_no_error(server):
    """Two students, every action, a few seconds: the app answers every request it builds."""
    args = argparse.Namespace(students=2, duration=6.0, ramp=0.0, think_min=0.0, think_max=0.2,
                              seed=1, mix=dict.fromkeys(load_test.ACTIONS, 1.0), serve=False)
    began = time.monotonic()
    result = load_test.run(args, server, None)
    assert time.monotonic() - began < 6 + load_test.TIMEOUT * 2
    stats = result.stats
    assert stats.error_count == 0, stats.errors
    assert set(stats.per_action) == {"load", *load_test.ACTIONS}
    url = next(k for k in stats.requests if k.startswith("url.search"))  # + its outputs
    assert len(stats.requests[url]) > len(stats.actions["filter"])
    # what Chromium posts for these clicks (benchmarks/bench_dashboard.py counts them)
    assert set(stats.per_action["person"]) == {3} and set(stats.per_action["search"]) == {1}
    assert set(stats.per_action["filter"]) <= {2, 3}  # 3 while the Analysis tab is open
    report = load_test.report(result, "python benchmarks/load_test.py --url ...")
    assert report.startswith(load_test.HEADING) and "| **all callback requests** |" in report


def test_results_section_is_replaced_and_the_others_kept(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\n## Issue 3: speed\n\ntext 3\n\n"
                       "## Issue 7: 50 students for 1 s against make serve\n\nold\n\n### sub\n\n"
                       "old too\n\n## Issue 7: 200 students for 60 s against make serve\n\n"
                       "crowd\n\n## Issue 9: later\n\ntext 9\n")
    load_test.write_section(
        results, "## Issue 7: 50 students for 60 s against make serve\n\nnew\n", 50)
    text = results.read_text()
    assert "old" not in text and text.count("## Issue 7: 50 students") == 1
    assert "text 3" in text and "text 9" in text and "\nnew\n" in text
    assert "\ncrowd\n" in text, "the 200 students' section is another one, kept"
    assert text.index("Issue 3") < text.index("Issue 7") < text.index("Issue 9")
