"""Issue 14: the test suite's wall time on a clean checkout, beside an older commit's.

Both commits are checked out afresh (``git worktree add`` of what is committed, nothing of
the working tree) and run with the project's venv, one after the other, the older first:

- the baseline commit (default ``d81b19b``, before the three layers) as its suite ran then,
  in one process;
- ``HEAD`` as ``make test`` runs it (``pytest -n WORKERS --dist loadfile``).

Lint and installing are left out: only ``pytest``. The time is the wall clock around each
run; the summary line (passed, failed, skipped) comes from pytest.

    .venv/bin/python benchmarks/bench_suite.py [--baseline COMMIT] [--workers N]
        [--write-results]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import results  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
OUT = Path(__file__).resolve().parent / "out"  # each run's whole output
HEADING = "## Issue 14: the test suite's wall time"
BASELINE = "d81b19b"
TARGET = 2 / 3  # issue 14: cut by at least a third


@dataclass
class Run:
    label: str
    commit: str
    command: str
    seconds: float
    summary: str
    code: int


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def summary_line(output: str) -> str:
    """pytest's last line: ``1502 passed, 1 skipped in 596.46s (0:09:56)``, with or
    without the rules around it (``-q`` leaves them out).

    >>> summary_line("x\\n===== 3 passed, 1 skipped in 2.50s =====\\n")
    '3 passed, 1 skipped'
    >>> summary_line("....\\n1 failed, 1191 passed in 511.23s (0:08:31)\\n")
    '1 failed, 1191 passed'
    """
    found = re.findall(r"^=*\s*(\d+ [a-z]+.*?) in [\d.]+s", output, re.MULTILINE)
    return found[-1] if found else "no summary"


def run_suite(label: str, commit: str, arguments: list[str]) -> Run:
    """Check ``commit`` out afresh and time ``python -m pytest`` in it."""
    with tempfile.TemporaryDirectory(prefix="suite-") as tmp:
        where = Path(tmp) / "checkout"
        git("worktree", "add", "--detach", str(where), commit)
        try:
            command = [sys.executable, "-m", "pytest", "-q", *arguments]
            print(f"{label}: {' '.join(command[1:])} in {commit}", file=sys.stderr)
            began = time.monotonic()
            done = subprocess.run(command, cwd=where, capture_output=True, text=True)
            seconds = time.monotonic() - began
        finally:
            git("worktree", "remove", "--force", str(where))
    out = done.stdout + done.stderr
    log = OUT / f"suite-{commit}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(out, encoding="utf-8")
    print(f"  {summary_line(out)} in {seconds:.0f} s (output: {log})", file=sys.stderr)
    return Run(label, commit, "python -m pytest -q " + " ".join(arguments), seconds,
               summary_line(out), done.returncode)


def section(baseline: Run, current: Run, load: tuple[float, ...]) -> str:
    ratio = current.seconds / baseline.seconds
    verdict = "met" if ratio <= TARGET else "missed"
    cores = os.cpu_count() or 1
    loads = ", ".join(f"{x:.2f}" for x in load)
    rows = "\n".join(
        f"| {r.label} | `{r.commit}` | `{r.command}` | {r.summary} | {r.seconds:.0f} s |"
        for r in (baseline, current))
    return f"""{HEADING} (clean checkouts)

_Written by `benchmarks/bench_suite.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC._

- machine: `{platform.platform()}`; {cores} cores; Python {platform.python_version()}
- load average (1, 5, 15 min) at the start, shared with other work: {loads}

**Method.** Each commit is checked out afresh (`git worktree add`, nothing of a working
tree) and its tests run with the project's venv, the baseline first; the wall clock around
`pytest` (no install, no lint). The baseline runs its suite as it ran then, in one process;
`HEAD` runs it as `make test` does.

| suite | commit | command | result | wall time |
|---|---|---|---|---:|
{rows}

**Target** (issue 14: at least a third off): {current.seconds:.0f} s against
{baseline.seconds:.0f} s, {ratio:.2f} × the baseline: **{verdict}**.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--workers", type=int, default=2, help="as make test: WORKERS")
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    load = os.getloadavg()
    head = git("rev-parse", "--short", "HEAD")
    baseline = run_suite("before the three layers", args.baseline, ["-p", "no:xdist"])
    current = run_suite("now, as `make test` runs it", head,
                        ["-n", str(args.workers), "--dist", "loadfile"])
    text = section(baseline, current, load)
    print(text)
    if args.write_results:
        results.write_section(RESULTS, HEADING, text)
    return 0 if current.code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
