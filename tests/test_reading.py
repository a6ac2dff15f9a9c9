"""Reading files defensively (``corpus/reading.py``): a pipe, a device, a folder, a link loop
or a huge file where a CSV should be is one problem, never a hang or a traceback; and
``python -m dashboard validate`` says so in its table and exits 1 within seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.corpus import load_corpus
from dashboard.corpus.reading import MAX_FILE_BYTES, read_bytes, read_text
from tests.fixtures.build import VALID

ROOT = Path(__file__).resolve().parent.parent
TARGET = "periods.csv"  # a table every check reads


def _replace(make: Callable[[Path], None]) -> Callable[[Path], Path]:
    """A copy of the valid corpus whose periods.csv is replaced by what ``make`` puts there."""
    def build(tmp: Path) -> Path:
        data = tmp / "data"
        shutil.copytree(VALID, data)
        (data / TARGET).unlink()
        make(data / TARGET)
        return data
    return build


def _sparse(path: Path) -> None:
    """One byte more than any corpus file may hold, without using the disk (a sparse file)."""
    with path.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)


def _loop(tmp: Path) -> Path:
    os.symlink("loop", tmp / "loop")  # a link that leads back to itself
    return tmp / "loop"


#: case -> (what builds the data directory to load, the problem: (file, line, code)); a file
#: of "" is the data directory itself.
SPECIAL: dict[str, tuple[Callable[[Path], Path], tuple[str, int | None, str]]] = {
    "fifo": (_replace(os.mkfifo), (TARGET, None, "file-not-regular")),
    "link-to-dev-zero": (_replace(lambda p: os.symlink("/dev/zero", p)),
                         (TARGET, None, "file-not-regular")),
    "folder": (_replace(Path.mkdir), (TARGET, None, "file-not-regular")),
    "oversized": (_replace(_sparse), (TARGET, None, "file-too-large")),
    "link-loop-file": (_replace(lambda p: os.symlink(p.name, p)),
                       (TARGET, None, "file-unreadable")),
    "link-loop-data-dir": (_loop, ("", None, "file-unreadable")),
}


def flat(problems: list, data: Path) -> list[tuple[str, int | None, str]]:
    return [("" if p.file == str(data) else p.file, p.line, p.code) for p in problems]


@pytest.mark.parametrize("case", list(SPECIAL))
def test_a_special_file_is_one_problem(case: str, tmp_path: Path) -> None:
    make, expected = SPECIAL[case]
    data = make(tmp_path)
    began = time.monotonic()
    problems = load_corpus(data).problems
    assert time.monotonic() - began < 10
    assert flat(problems, data) == [expected]


def test_a_link_loop_says_what_it_is(tmp_path: Path) -> None:
    (problem,) = load_corpus(_loop(tmp_path)).problems
    assert "symbolic link loop" in problem.message


@pytest.mark.parametrize("case", ["fifo", "link-to-dev-zero", "oversized",
                                  "link-loop-data-dir"])
def test_validate_exits_1_within_seconds_with_the_table(case: str, tmp_path: Path) -> None:
    make, (_, _, code) = SPECIAL[case]
    data = make(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_DATA"}
    env["PYTHONPATH"] = str(ROOT)
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "dashboard", "validate", str(data)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - began < 20
    assert done.returncode == 1, done.stdout + done.stderr
    header, *rows, summary = done.stdout.strip().splitlines()
    assert header.split() == ["where", "severity", "code", "value", "message"]
    assert len(rows) == 1 and code in rows[0]
    assert summary == "1 error, 0 warnings"
    assert "Traceback" not in done.stdout + done.stderr


def test_read_bytes_refuses_more_than_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"x" * 11)
    assert read_bytes(path, "f.csv", limit=11) == (b"x" * 11, [])
    data, (problem,) = read_bytes(path, "f.csv", limit=10)
    assert data is None and problem.code == "file-too-large" and problem.value == "11 bytes"


def test_read_text_drops_a_bom_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"\xef\xbb\xbfid\n")
    text, problems = read_text(path, "f.csv")
    assert text == "id\n" and [p.code for p in problems] == ["bom"]
