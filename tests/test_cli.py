"""``python -m dashboard validate``, run as a teacher runs it: in a subprocess, from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.build import BROKEN, VALID

ROOT = Path(__file__).resolve().parent.parent


def validate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI from ``cwd`` (not the project root: no path may depend on it)."""
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_DATA"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "dashboard", "validate", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=60)


def assert_no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr
    assert "Traceback" not in done.stdout


@pytest.mark.parametrize("form", ["positional", "option"])
def test_valid_corpus_exits_0_with_one_line(form: str, tmp_path: Path) -> None:
    args = [str(VALID)] if form == "positional" else ["--data", str(VALID)]
    done = validate(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    (line,) = done.stdout.strip().splitlines()
    assert line.startswith(f"{VALID}: valid")
    assert "4 relations" in line and "every quote found" in line
    assert done.stderr == ""


def test_relative_data_dir_is_resolved_from_the_working_directory() -> None:
    done = validate(str(VALID.relative_to(ROOT)), cwd=ROOT)
    assert done.returncode == 0
    assert done.stdout.startswith(f"{VALID}: valid")


@pytest.mark.parametrize("form", ["positional", "option"])
def test_broken_corpus_exits_1_with_the_table(form: str, tmp_path: Path) -> None:
    data = BROKEN / "bad-color"
    args = [str(data)] if form == "positional" else ["--data", str(data)]
    done = validate(*args, cwd=tmp_path)
    assert done.returncode == 1
    header, row, summary = done.stdout.strip().splitlines()
    assert header.split() == ["where", "severity", "code", "value", "message"]
    assert row.startswith("factions.csv:2 [color]")
    assert "bad-color" in row and "'#D55E0'" in row
    assert summary == "1 error, 0 warnings"
    assert done.stderr.strip() == f"{data}: invalid"
    assert_no_traceback(done)


@pytest.mark.parametrize("case", ["missing-file", "not-utf8", "malformed-csv",
                                  "quote-not-found", "hostile-text"])
def test_no_traceback_for_any_case(case: str, tmp_path: Path) -> None:
    done = validate(str(BROKEN / case), cwd=tmp_path)
    assert done.returncode == (0 if case == "hostile-text" else 1)
    assert_no_traceback(done)


def test_warnings_only_exit_0_and_show_the_table(tmp_path: Path) -> None:
    done = validate(str(BROKEN / "bom"), cwd=tmp_path)
    assert done.returncode == 0
    assert "people.csv" in done.stdout and "bom" in done.stdout
    assert done.stdout.strip().splitlines()[-1].endswith("(0 errors, 1 warning)")


def test_nonexistent_directory_is_a_clean_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir"
    done = validate(str(missing), cwd=tmp_path)
    assert done.returncode == 1
    assert "file-missing" in done.stdout
    assert f"no data directory at {missing}" in done.stdout
    assert_no_traceback(done)


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    done = validate("--colour", cwd=tmp_path)
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert_no_traceback(done)
