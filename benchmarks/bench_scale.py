"""Issue 6: the app at scale, on the shipped corpus and on a synthetic one in the same format.

For each corpus: load and validation time, ``Network.build`` with a cold and a warm
position cache, the whole start-up (``create_app``), peak memory, the server time of the
filter, select and search callbacks (in process and through HTTP) and the time until the
graph is drawn in headless Chromium. The start-up figures and the in-process callbacks
are taken in a fresh subprocess per corpus, so each peak memory is that corpus's alone.

    .venv/bin/python benchmarks/bench_scale.py [--synthetic DIR] [--repeat N] [--loads N]
                                               [--no-browser] [--no-write]

Without ``--synthetic`` the synthetic corpus (1,000 documents, 5,000 people, 25,000
relations, seed 1955) is generated into a temporary folder by ``synthetic.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_dashboard as bench  # noqa: E402
from benchmarks import results, synthetic  # noqa: E402
from dashboard import DEFAULT_DATA_DIR  # noqa: E402
from dashboard.corpus import load_valid_corpus  # noqa: E402
from dashboard.network.drawing import drawing  # noqa: E402
from dashboard.network.graph import Network  # noqa: E402
from dashboard.network.view import View, parse_query, to_query  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path, running_server  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "## Issue 6: scale"
SIZE = {"documents": 1000, "people": 5000, "relations": 25000, "seed": 1955}
LOAD_TIMEOUT_MS = 180_000  # a page load may take this long at the synthetic scale
#: Where a corpus opens on one document (``Bounds.start``), the view that shows everything:
#: measured too, beside the targets, so the cost of asking for all of it is known.
EVERYTHING = "?document=all&isolated=show"
TARGETS = {  # (measure, where it is read, target, unit): all on the synthetic corpus
    "load": ("load + validate", "start-up", 10.0, "s"),
    "filter": ("filter: sync + redraw, one after another", "HTTP", 150.0, "ms"),
    "select": ("select: sync + redraw + detail, one after another", "HTTP", 100.0, "ms"),
    "search": ("search", "HTTP", 100.0, "ms"),
    "drawn": ("app: navigation → drawn and still", "Chromium", 5000.0, "ms"),
}


@contextmanager
def cache_at(folder: Path) -> Iterator[None]:
    """Keep computed positions in ``folder`` (``DASHBOARD_CACHE``) while inside."""
    old = os.environ.get("DASHBOARD_CACHE")
    os.environ["DASHBOARD_CACHE"] = str(folder)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("DASHBOARD_CACHE")
        else:
            os.environ["DASHBOARD_CACHE"] = old


def timed(step: Callable[[], object], times: int = 1) -> list[float]:
    """Wall-clock seconds of ``times`` runs of ``step``."""
    out = []
    for _ in range(times):
        start = time.perf_counter()
        step()
        out.append(time.perf_counter() - start)
    return out


def peak_mib() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- in a subprocess per corpus: start-up, memory, the callbacks as functions ---------------

def start_up(data: Path, cache: Path, loads: int = 3) -> dict:
    """Load, build (cold then warm cache) and the whole app; seconds and MiB."""
    from dashboard.web.app import create_app

    out: dict = {"load": timed(lambda: load_valid_corpus(data), loads)}
    corpus = load_valid_corpus(data)
    with cache_at(cache / "cold"):
        out["build_cold"] = timed(lambda: Network.build(corpus))
    with cache_at(cache):
        Network.build(corpus)  # fills the shared cache the server and the browser use
        out["build_warm"] = timed(lambda: Network.build(corpus), loads)
        out["app"] = timed(lambda: create_app(data))
    out["rss_start"] = peak_mib()
    out["size"] = {"documents": len(corpus.documents), "people": len(corpus.people),
                   "relations": len(corpus.relations)}
    return out


def callbacks(data: Path, cache: Path, repeat: int) -> list[dict]:
    """Issue 3's callback rows (the clicks and the search), as plain dicts."""
    with cache_at(cache):
        s = bench.Subjects.load(data)
    rows = bench.in_process(s, repeat)
    if s.network.bounds.start != View():
        rows += everything_rows(s, repeat)
    return [{"part": r.part, "name": r.name, "samples": r.samples, "baseline": r.baseline}
            for r in rows]


def everything_rows(s: bench.Subjects, repeat: int) -> list[bench.Row]:
    """The filter and select chains from the view that shows every document and person
    (``EVERYTHING``), for a corpus that opens on one document."""
    net = s.network
    clicks = {k: v for k, v in bench.clicks(s, EVERYTHING).items() if k in ("filter", "select")}
    chains = {kind: bench.chain_steps(s, click) for kind, click in clicks.items()}
    steps = {"baseline": lambda _: to_query(parse_query(EVERYTHING, net.bounds)),
             **{f"{kind} {k}": f for kind, chain in chains.items() for k, f in chain.items()}}
    t = bench.interleaved(steps, repeat)
    base = t.pop("baseline")
    return [bench.Row("in process", f"{kind}: whole chain, everything shown (`{EVERYTHING}`)",
                      bench.summed(t, *(f"{kind} {k}" for k in chain)), base)
            for kind, chain in chains.items()]


def measure(data: Path, cache: Path, repeat: int) -> dict:
    """Everything this corpus gives without a server; run it in a fresh process."""
    out = start_up(data, cache)
    out["rows"] = callbacks(data, cache, repeat)
    out["rss_end"] = peak_mib()
    return out


def measure_apart(data: Path, cache: Path, repeat: int) -> dict:
    """``measure`` in a subprocess, so its peak memory is this corpus's alone."""
    done = subprocess.run([sys.executable, __file__, "--measure", str(data), "--cache",
                           str(cache), "--repeat", str(repeat)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"measuring {data} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- against the served app: HTTP and Chromium -----------------------------------------------

def nodes_of(network: Network, view: View) -> int:
    return sum(1 for e in drawing(network, view).elements() if "source" not in e["data"])


def served(data: Path, cache: Path, s: bench.Subjects, args: argparse.Namespace,
           progress: bench.Progress) -> tuple[list, dict, str]:
    """HTTP and Chromium rows, and the page loads, for one corpus from the app served by
    the CLI: issue 3's replayed clicks (``bench_dashboard.over_http``, bodies from one run
    of its clicks in Chromium) and the graph drawn beside the bare page."""
    from playwright.sync_api import sync_playwright

    net = s.network
    with cache_at(cache), running_server(data) as app, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        progress(f"{data.name}: capturing what the clicks post")
        run_, size = bench.click_run(browser, app, s)
        with bench.bare_server(data, *size) as bare:
            progress(f"{data.name}: through HTTP, {args.repeat} rounds")
            rows = bench.over_http(app, bare, bench.captured_bodies(run_), s, args.repeat)
            progress(f"{data.name}: {args.loads} loads of each page in Chromium")
            runs = bench.page_loads(browser, [bench.Page("bare", bare), bench.Page("app", app)],
                                    nodes_of(net, net.bounds.start), args.loads,
                                    timeout_ms=LOAD_TIMEOUT_MS)
        everything = []
        if net.bounds.start != View():
            progress(f"{data.name}: {args.loads} loads of {EVERYTHING}")
            every = nodes_of(net, parse_query(EVERYTHING, net.bounds))
            everything = [bench.page_load(browser, bench.Page("app", app), every, EVERYTHING,
                                          LOAD_TIMEOUT_MS) for _ in range(args.loads)]
        chromium = browser.version
        browser.close()
    rows = [bench.Row(r.part, r.name.replace("**", ""), r.samples, r.baseline)
            for r in rows + bench.drawn_rows(runs)]
    if everything:
        rows.append(bench.Row("Chromium", f"app at `{EVERYTHING}`: navigation → drawn and "
                              "still", [m["drawn"] for m in everything]))
    return rows, runs, chromium


# -- the report -------------------------------------------------------------------------------

def rows_of(result: dict) -> list[bench.Row]:
    """Start-up figures as rows (seconds, MiB) and the callback rows, as measured."""
    ms = [bench.Row("start-up", "load + validate", result["load"]),
          bench.Row("start-up", "Network.build, cold position cache", result["build_cold"]),
          bench.Row("start-up", "Network.build, warm position cache", result["build_warm"]),
          bench.Row("start-up", "create_app (load, build, layout), warm cache", result["app"]),
          bench.Row("memory", "peak RSS after start-up (MiB)", [result["rss_start"]]),
          bench.Row("memory", "peak RSS after the callbacks (MiB)", [result["rss_end"]])]
    return ms + [bench.Row(r["part"], re.sub(r" \(`[^`]*`\)", "", r["name"]), r["samples"],
                           r["baseline"]) for r in result["rows"]] + result.get("served", [])


def unit(row: bench.Row) -> str:
    if row.part == "start-up":
        return "s"
    return next((u for u in ("MiB", "KiB") if f"({u})" in row.name), "ms")


def table(small: list[bench.Row], large: list[bench.Row]) -> str:
    """One line per measure: both corpora side by side and how the median grew."""
    lines = ["| Where | Measure | unit | shipped median | p95 | × baseline | synthetic median "
             "| p95 | × baseline | growth |", "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    by_name = {(r.part, r.name): r for r in small}
    for r in large:
        a = by_name.get((r.part, r.name))
        cells = []
        for row in (a, r):
            if row is None:
                cells += ["—", "—", "—"]
                continue
            ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
            cells += [f"{row.median:.2f}", f"{row.p95:.2f}", ratio]
        growth = f"{r.median / a.median:.1f}×" if a and a.median else "—"
        lines.append(f"| {r.part} | {r.name} | {unit(r)} | {' | '.join(cells)} | {growth} |")
    return "\n".join(lines)


def verdicts(large: list[bench.Row]) -> str:
    lines = []
    for name, part, target, unit_ in TARGETS.values():
        row = next((r for r in large if r.part == part and r.name == name), None)
        if row is None:
            lines.append(f"- {name} ({part}): not measured")
            continue
        met = "**met**" if row.median <= target else "**missed**"
        lines.append(f"- {name} ({part}): {met}, median {row.median:.2f} {unit_}, p95 "
                     f"{row.p95:.2f} {unit_} (target {target:g} {unit_})")
    return "\n".join(lines)


METHOD = """\
**Method.** Shipped corpus: `data/`. Synthetic: `benchmarks/synthetic.py` ({synthetic}).
*Start-up* and *in process* run in a fresh subprocess per corpus (peak RSS is
`ru_maxrss` of that process): load + validate (`load_valid_corpus`) {loads} times;
`Network.build` once with an empty position cache (the force layout computed) and
{loads} times with it filled; `create_app` once. The callbacks as functions are issue 3's
(`bench_dashboard.in_process`: a faction unticked, a tap on a person, the walk's Next, the
faction click with the Analysis tab open, each as its chain of server callbacks; no
drawing cache, so `redraw` builds both views' drawings) plus the search results for
{queries}.
*HTTP* and *Chromium*: the app served by `python -m dashboard run` with the positions
cached, the bodies Chromium posted for those clicks replayed (`bench_dashboard.over_http`:
each redraw, panel and analysis for a view the server has not met yet), {repeat}
interleaved rounds beside an echo callback on a bare Dash app; {loads} page loads in
fresh contexts at 1280×800 beside a bare page holding the app's Cytoscape component,
*drawn* meaning that node positions, zoom and pan have then been still for 500 ms
(`bench_dashboard.PROBE`). Growth is synthetic median / shipped median."""


def breakdowns(runs: dict[str, dict | None]) -> str:
    """Issue 3's step-by-step table of a page load, for each corpus."""
    parts = [f"Page load step by step, {name} corpus:\n\n{bench.breakdown(r)}"
             for name, r in runs.items() if r]
    return "\n\n".join(parts) or "Chromium was not run (`--no-browser`)."


NOTES = """\
**Reading the figures.** The synthetic corpus has more than `view.START_LIMIT` people and
edges, so it opens on its first document without isolated people (`Bounds.start`); the
targets are read on that view, as a user meets it. The graph holds only what a view shows,
and a change of view is sent as elements to add and remove and the fields that changed,
by id (`Drawing.changes`, applied by `assets/graph.js`). `redraw` keeps one
`network.drawing.drawing(...)` per view in its cache (one array per element field, about
1 MiB a view at the synthetic scale, against some 44 MiB for the list of element dicts it
stands for). A selection fades the rest through one stylesheet rule sent when it starts
or ends, so *select* changes only the `lit` flags of its neighbourhood. *Everything
shown* (`?document=all&isolated=show`, all 5,000 people and 25,000 relations) is measured
beside the targets; that view is a choice the user makes, and the page says so. The
graph-drawn rows of both corpora carry the app's own start-up costs, which
`bench_dashboard.py` breaks down (the issue 14 section of RESULTS.md)."""


def report(small: list[bench.Row], large: list[bench.Row], about: dict,
           runs: dict[str, dict | None] | None = None) -> str:
    return f"""{HEADING}

_Written by `benchmarks/bench_scale.py` ({about['command']}) on {about['date']}; the run took
{about['seconds']:.0f} s._

{about['machine']}

{METHOD.format(**about)}

**Targets at the synthetic scale** (medians).
{verdicts(large)}

{NOTES}

{table(small, large)}

{breakdowns(runs or {})}
"""


def write_section(path: Path, section: str) -> None:
    """Replace this script's section of RESULTS.md (or add it), leaving the others."""
    results.write_section(path, HEADING, section)


def run(args: argparse.Namespace) -> int:
    progress, load_at_start = bench.Progress(), os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        large_dir = Path(args.synthetic) if args.synthetic else work / "synthetic"
        if not args.synthetic:
            progress(f"generating the synthetic corpus in {large_dir}")
            synthetic.generate(large_dir, SIZE["documents"], SIZE["people"],
                               SIZE["relations"], SIZE["seed"])
        results, chromium = {}, "not run"
        for name, data in (("shipped", DEFAULT_DATA_DIR), ("synthetic", large_dir)):
            cache = work / f"cache-{name}"
            progress(f"{name}: start-up and callbacks in a subprocess")
            results[name] = measure_apart(data.resolve(), cache, args.repeat)
            if not args.no_browser:
                with cache_at(cache):
                    s = bench.Subjects.load(data.resolve())
                rows, runs, chromium = served(data.resolve(), cache, s, args, progress)
                results[name].update(served=rows, runs=runs)
        size = results["synthetic"]["size"]
        about = {"command": f"`--repeat {args.repeat} --loads {args.loads}`"
                            + (" `--no-browser`" if args.no_browser else ""),
                 "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                 "seconds": time.monotonic() - progress.began,
                 "machine": bench.machine(chromium, load_at_start),
                 "synthetic": f"{size['documents']} documents, {size['people']} people, "
                              f"{size['relations']} relations, seed {SIZE['seed']}",
                 "loads": args.loads, "repeat": args.repeat,
                 "queries": ", ".join(f"`{q}`" for q in bench.QUERIES)}
        section = report(rows_of(results["shipped"]), rows_of(results["synthetic"]), about,
                         {name: r.get("runs") for name, r in results.items()})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(section)
    if not args.no_write:
        write_section(RESULTS, section)
        progress(f"written to {RESULTS}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", help="a synthetic corpus already written (default: "
                                            "generate one in a temporary folder)")
    parser.add_argument("--repeat", type=int, default=50,
                        help="rounds of callback timings (default 50)")
    parser.add_argument("--loads", type=int, default=3,
                        help="page loads of each page, and repeated start-up steps (default 3)")
    parser.add_argument("--no-browser", action="store_true",
                        help="skip the served app (HTTP and Chromium)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write RESULTS.md")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(Path(args.measure), Path(args.cache), args.repeat)))
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
