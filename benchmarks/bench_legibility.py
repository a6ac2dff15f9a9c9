"""Issue 12: is the network readable on the screens where it is used?

Style guide: "measure what the eye gets, not the stylesheet". For each screen (a laptop, a
desktop, a projector; the ordinary view, a filtered one, a selected person, steps of the
guided walk) the app is opened in headless Chromium and, once the graph is drawn and still,
everything is read from Cytoscape itself (``window.cy``), never from the CSS:

- the labels Cytoscape paints: element visible, label text, text opacity × element opacity
  above 0, and Cytoscape's own min-zoomed-font-size test (the renderer's
  ``eleTextBiggerThanMin``: it rounds the zoom up to a power of two, so a label can be
  painted below that size; such labels are counted, and count as drawn);
- each drawn label's size on screen (font size × zoom) and its box on screen (Cytoscape's
  label bounding box, which includes the text background and a 2-unit margin, × zoom + pan);
- pairs of drawn node labels whose boxes intersect by more than 1 px both ways, and drawn
  labels lying on another node's body (faction boxes, which hold their people, excepted);
- the share of people legibly labelled: a drawn label at least the screen's size threshold,
  inside the graph's box, overlapping no other drawn label (node or edge); the same share
  over every node but the faction boxes. During the walk, people not reached yet
  (``future``, drawn faint and unlabelled on purpose) are left out;
- how much of the screen the graph's box takes, and how much of that box the drawing fills.

The script talks to the app over HTTP only (it never imports the package): it starts
``python -m dashboard run`` on a free port, or measures ``--url``. It writes
``benchmarks/out/legibility.json`` and a screenshot per screen, prints a Markdown table,
and with ``--write-results`` replaces the "Legibility (issue 12)" section of RESULTS.md.
A measurement run exits 0 whatever it finds; ``--check`` exits 1 when a screen misses a
target, and a server that does not start or a page that logs errors exits 2.

    .venv/bin/python benchmarks/bench_legibility.py [--url URL] [--check] [--write-results]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks import results  # noqa: E402
from tests.browser import CHROMIUM_ARGS, PANELS_DRAWN_JS, PageLog, serving, settle, track_requests  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Legibility (issue 12)"
CHROMIUM = "/usr/bin/chromium"
SLACK_PX = 1.0  # boxes touching by at most this much do not overlap
STILL_MS = 500  # positions, zoom and pan unchanged this long: the graph is still
TIMEOUT_MS = 60_000
WIDTH_SHARE_TARGET = 0.55  # of the screen, at 1280×800
DOCS_SCREENS = ("laptop-1280x800", "projector-1920x1080", "walk8-projector-1280x720")


@dataclass(frozen=True)
class Screen:
    """One screen to measure: the address, the viewport and the targets that apply."""

    name: str
    path: str
    width: int
    height: int
    min_px: float  # the smallest legible label on this screen
    people_share: float  # the share of people that must be legibly labelled

    @property
    def walking(self) -> bool:
        return "step=" in self.path

    @property
    def selecting(self) -> bool:
        """A person or relation is selected: everything but its neighbourhood is faded on
        purpose, so the share counts the highlighted people."""
        return "person=" in self.path or "relation=" in self.path


LAPTOP, DESKTOP, PROJECTOR, SMALL_PROJECTOR = 11.0, 12.0, 20.0, 14.0
SCREENS = (
    Screen("laptop-1280x800", "/", 1280, 800, LAPTOP, 0.75),
    Screen("laptop-1366x768", "/", 1366, 768, LAPTOP, 0.75),
    Screen("desktop-1920x1080", "/", 1920, 1080, DESKTOP, 0.90),
    Screen("projector-1920x1080", "/?present=1", 1920, 1080, PROJECTOR, 0.90),
    # The issue asks 90 % at 1920×1080; a 720-line projector is held to the laptop's 75 %.
    Screen("projector-1280x720", "/?present=1", 1280, 720, SMALL_PROJECTOR, 0.75),
    Screen("filtered-1280x800", "/?faction=soviet,yanan&mode=between", 1280, 800, LAPTOP, 0.90),
    Screen("selected-1280x800", "/?person=pak-il-u", 1280, 800, LAPTOP, 0.75),
    Screen("walk1-1280x800", "/?step=1", 1280, 800, LAPTOP, 0.75),
    Screen("walk5-1280x800", "/?step=5", 1280, 800, LAPTOP, 0.75),
    Screen("walk8-1280x800", "/?step=8", 1280, 800, LAPTOP, 0.75),
    Screen("walk8-projector-1280x720", "/?present=1&step=8", 1280, 720, SMALL_PROJECTOR, 0.75),
)


class Failure(Exception):
    """Nothing sound can be measured: one line for the user, no traceback."""


# -- in the page -----------------------------------------------------------------------------

#: Resolves true once node positions, zoom, pan and the graph's size have not changed for
#: ``still`` ms of animation frames, false after ``timeout`` ms.
STILL_JS = """
async ([still, timeout]) => {
  const cy = window.cy;
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  const snap = () => JSON.stringify([cy.zoom(), cy.pan(), cy.width(), cy.height(),
                                     cy.nodes().map(n => n.position())]);
  const start = performance.now();
  let last = snap(), since = start;
  while (performance.now() - since < still) {
    if (performance.now() - start > timeout) { return false; }
    await frame();
    const now = snap();
    if (now !== last) { last = now; since = performance.now(); }
  }
  return true;
}
"""

#: Everything the figures need, in the graph box's pixels (model × zoom + pan).
MEASURE_JS = """
() => {
  const cy = window.cy, zoom = cy.zoom(), pan = cy.pan(), renderer = cy.renderer();
  const px = b => [b.x1 * zoom + pan.x, b.y1 * zoom + pan.y,
                   b.x2 * zoom + pan.x, b.y2 * zoom + pan.y];
  const LABEL = {includeNodes: false, includeEdges: false, includeLabels: true,
                 includeOverlays: false, includeUnderlays: false};
  const BODY = {includeLabels: false, includeOverlays: false, includeUnderlays: false};
  const label = ele => {
    const text = ele.pstyle('label').strValue || '';
    const alpha = ele.effectiveOpacity() * ele.pstyle('text-opacity').value;
    const size = ele.pstyle('font-size').pfValue * zoom;
    const least = ele.pstyle('min-zoomed-font-size').pfValue;
    const painted = renderer && renderer.eleTextBiggerThanMin
      ? renderer.eleTextBiggerThanMin(ele) : size >= least;
    return {id: ele.id(), kind: ele.data('kind') || (ele.isEdge() ? 'edge' : ''), text,
            size, alpha, least, future: !!ele.data('future'), lit: !!ele.data('lit'),
            drawn: text !== '' && alpha > 0 && painted, box: px(ele.boundingBox(LABEL))};
  };
  const node = n => Object.assign(label(n), {parent: n.isParent(),
                                             body: px(n.boundingBox(BODY))});
  const nodes = cy.nodes().filter(n => n.visible());
  const rect = cy.container().getBoundingClientRect();
  return {zoom, pan, width: cy.width(), height: cy.height(),
          container: [rect.left, rect.top, rect.right, rect.bottom],
          viewport: [window.innerWidth, window.innerHeight],
          nodes: nodes.map(node), edges: cy.edges().filter(e => e.visible()).map(label),
          drawing: nodes.length ? px(nodes.boundingBox(
            {includeLabels: true, includeOverlays: false, includeUnderlays: false})) : null};
}
"""


def wait_until_still(page) -> None:
    """Wait until the graph is drawn, no callback request is pending and nothing moves."""
    page.wait_for_function("window.cy && window.cy.nodes().length > 0 && window.cy.width() > 0",
                           timeout=TIMEOUT_MS)
    page.wait_for_function(PANELS_DRAWN_JS, timeout=TIMEOUT_MS)  # the page as a class sees it
    deadline = time.monotonic() + TIMEOUT_MS / 1e3
    while time.monotonic() < deadline:
        settle(page, timeout=TIMEOUT_MS)
        still = page.evaluate(STILL_JS, [STILL_MS, TIMEOUT_MS])
        quiet = page.evaluate("window.__pending === 0 && "
                              f"performance.now() - window.__quietSince > {STILL_MS}")
        if still and quiet:
            return
    raise Failure(f"{page.url}: the graph was still moving after {TIMEOUT_MS / 1e3:.0f} s")


def measured(page, shot: Path, attempts: int = 3) -> dict:
    """The raw measures once the graph is still, and a screenshot of the same moment: the
    camera is read again after the screenshot, and all is retaken if it moved."""
    for _ in range(attempts):
        wait_until_still(page)
        raw = page.evaluate(MEASURE_JS)
        page.screenshot(path=str(shot))
        if page.evaluate("[cy.zoom(), cy.pan()]") == [raw["zoom"], raw["pan"]]:
            return raw
    raise Failure(f"{page.url}: the camera kept moving")


def visit(browser, url: str, screen: Screen, out: Path) -> dict:
    """Open one screen in a fresh context; the raw measures, and a screenshot in ``out``."""
    where = f"{screen.path} at {screen.width}×{screen.height}"
    context = browser.new_context(viewport={"width": screen.width, "height": screen.height},
                                  bypass_csp=True)
    log = PageLog()
    try:
        page = context.new_page()
        log.attach(page)
        track_requests(page)
        page.goto(url + screen.path, timeout=TIMEOUT_MS)
        raw = measured(page, out / f"legibility-{screen.name}.png")
    except PlaywrightError as err:
        raise Failure(f"{where}: {str(err).splitlines()[0]}"
                      + "".join(f"\n  {e}" for e in log.errors)) from None
    finally:
        context.close()
    if log.errors:
        raise Failure(f"{where}: the page logged errors:" + "".join(f"\n  {e}"
                                                                     for e in log.errors))
    return raw


# -- the figures -----------------------------------------------------------------------------

Box = list[float]


def overlap(a: Box, b: Box) -> tuple[float, float]:
    """How far two boxes ``[x1, y1, x2, y2]`` intersect along x and along y (px)."""
    return min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])


def intersect(a: Box, b: Box) -> bool:
    return all(extent > SLACK_PX for extent in overlap(a, b))


def inside(box: Box, frame: Box) -> bool:
    """Whether ``box`` lies within ``frame``, give or take the slack."""
    return (box[0] >= frame[0] - SLACK_PX and box[1] >= frame[1] - SLACK_PX
            and box[2] <= frame[2] + SLACK_PX and box[3] <= frame[3] + SLACK_PX)


def sizes(labels: list[dict]) -> dict[str, float | None]:
    values = [label["size"] for label in labels]
    if not values:
        return {"min": None, "median": None, "max": None}
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def overlapping_pairs(labels: list[dict]) -> list[dict]:
    """Every pair of labels whose boxes intersect, by label text, with the overlap in px."""
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if intersect(a["box"], b["box"]):
                x, y = overlap(a["box"], b["box"])
                pairs.append({"labels": [a["text"], b["text"]], "ids": [a["id"], b["id"]],
                              "px": [round(x, 1), round(y, 1)]})
    return pairs


def on_bodies(labels: list[dict], nodes: list[dict]) -> list[dict]:
    """The labels that lie on a node other than their own (faction boxes excepted)."""
    bodies = [n for n in nodes if not n["parent"] and n["kind"] != "faction"]
    return [{"label": label["text"], "on": [n["id"] for n in bodies
                                            if n["id"] != label["id"]
                                            and intersect(label["box"], n["body"])]}
            for label in labels
            if any(n["id"] != label["id"] and intersect(label["box"], n["body"]) for n in bodies)]


def legible(nodes: list[dict], drawn: list[dict], frame: Box, min_px: float) -> set[str]:
    """The ids of nodes whose label is drawn at ``min_px`` or more, inside the graph's box,
    and clear of every other drawn label."""
    return {n["id"] for n in nodes
            if n["drawn"] and n["size"] >= min_px - 1e-6 and inside(n["box"], frame)
            and not any(o is not n and intersect(n["box"], o["box"]) for o in drawn)}


def share(ids: set[str], of: list[dict]) -> dict:
    count = sum(1 for n in of if n["id"] in ids)
    return {"legible": count, "of": len(of), "share": count / len(of) if of else None}


def area_share(box: Box | None, frame: Box) -> dict[str, float]:
    """The part of ``frame`` that ``box`` covers: by area, by width and by height."""
    if box is None:
        return {"area": 0.0, "width": 0.0, "height": 0.0}
    width, height = (max(0.0, extent) for extent in overlap(box, frame))
    frame_w, frame_h = frame[2] - frame[0], frame[3] - frame[1]
    return {"area": width * height / (frame_w * frame_h), "width": width / frame_w,
            "height": height / frame_h}


def figures(raw: dict, screen: Screen) -> dict:
    """The screen's figures, from the raw measures of the page."""
    frame = [0.0, 0.0, raw["width"], raw["height"]]
    node_labels = [n for n in raw["nodes"] if n["drawn"]]
    edge_labels = [e for e in raw["edges"] if e["drawn"]]
    drawn = node_labels + edge_labels
    counted = [n for n in raw["nodes"] if n["kind"] != "faction"
               and not (screen.walking and n["future"])
               and not (screen.selecting and not n["lit"])]
    people = [n for n in counted if n["kind"] == "person"]
    good = legible(counted, drawn, frame, screen.min_px)
    pairs = overlapping_pairs(node_labels)
    return {
        "screen": screen.name, "path": screen.path, "viewport": [screen.width, screen.height],
        "min_px": screen.min_px, "people_target": screen.people_share, "zoom": raw["zoom"],
        "node_labels": {"drawn": len(node_labels), "px": sizes(node_labels),
                        **label_notes(node_labels, frame)},
        "edge_labels": {"drawn": len(edge_labels), "px": sizes(edge_labels)},
        "overlaps": {"pairs": len(pairs), "examples": pairs[:8],
                     "node_on_edge_label": sum(1 for n in node_labels for e in edge_labels
                                               if intersect(n["box"], e["box"]))},
        "on_node_bodies": {"node_labels": len(on_bodies(node_labels, raw["nodes"])),
                           "edge_labels": len(on_bodies(edge_labels, raw["nodes"])),
                           "examples": on_bodies(node_labels, raw["nodes"])[:8]},
        "people": share(good, people), "all_nodes": share(good, counted),
        "graph_on_screen": area_share(raw["container"], [0, 0, *raw["viewport"]]),
        "drawing_in_graph": area_share(raw["drawing"], frame),
    }


def label_notes(labels: list[dict], frame: Box) -> dict[str, int]:
    """Drawn labels that the eye may still miss: below min-zoomed-font-size (Cytoscape
    paints them after rounding the zoom up), faint, or cut by the graph's edge."""
    return {"below_min_zoomed": sum(1 for x in labels if x["size"] < x["least"]),
            "faint": sum(1 for x in labels if x["alpha"] < 0.5),
            "outside": sum(1 for x in labels if not inside(x["box"], frame))}


def misses(fig: dict) -> list[str]:
    """The targets this screen misses, in words."""
    found = []
    smallest = fig["node_labels"]["px"]["min"]
    if smallest is None or smallest < fig["min_px"] - 1e-6:
        found.append(f"node labels under {fig['min_px']:g} px")
    if fig["overlaps"]["pairs"]:
        found.append("overlapping labels")
    people = fig["people"]["share"]
    if people is None or people < fig["people_target"]:
        found.append(f"people legible under {fig['people_target']:.0%}")
    if fig["viewport"] == [1280, 800] and fig["graph_on_screen"]["width"] < WIDTH_SHARE_TARGET:
        found.append(f"graph under {WIDTH_SHARE_TARGET:.0%} of the width")
    return found


# -- the report ------------------------------------------------------------------------------

def _px(sizes_: dict) -> str:
    if sizes_["min"] is None:
        return "—"
    return f"{sizes_['min']:.1f} / {sizes_['median']:.1f} / {sizes_['max']:.1f}"


def _share(part: dict) -> str:
    return "—" if part["share"] is None else \
        f"{part['share']:.0%} ({part['legible']}/{part['of']})"


def row(fig: dict) -> str:
    screen, drawing = fig["graph_on_screen"], fig["drawing_in_graph"]
    nodes, edges = fig["node_labels"], fig["edge_labels"]
    verdict = "met" if not fig["misses"] else "**missed**: " + ", ".join(fig["misses"])
    return (f"| {fig['screen']} | `{fig['path']}` | {fig['min_px']:g} | {fig['zoom']:.2f} "
            f"| {nodes['drawn']} | {_px(nodes['px'])} | {edges['drawn']} | {_px(edges['px'])} "
            f"| {fig['overlaps']['pairs']} | {fig['on_node_bodies']['node_labels']} "
            f"| {_share(fig['people'])} | {_share(fig['all_nodes'])} "
            f"| {screen['width']:.0%} × {screen['height']:.0%} ({screen['area']:.0%}) "
            f"| {drawing['width']:.0%} × {drawing['height']:.0%} ({drawing['area']:.0%}) "
            f"| {verdict} |")


def table(figs: list[dict]) -> str:
    head = ("| Screen | Address | Target px | Zoom | Node labels | Node label px (min / median "
            "/ max) | Edge labels | Edge label px | Overlapping node-label pairs | Node labels "
            "on another node | People legible | All nodes legible | Graph on screen (w × h, "
            "area) | Drawing in graph (w × h, area) | Targets |")
    return "\n".join([head, "|" + "---|" * 2 + "---:|" * 12 + "---|",
                      *(row(fig) for fig in figs)])


def notes(figs: list[dict]) -> str:
    """Drawn labels the eye may still miss, by screen."""
    words = {"faint": "faint (text opacity × opacity under 0.5)",
             "outside": "cut by the graph's edge",
             "below_min_zoomed": "painted below min-zoomed-font-size"}
    lines = [f"- {fig['screen']}: " + "; ".join(
        f"{fig['node_labels'][key]} of {fig['node_labels']['drawn']} {text}"
        for key, text in words.items() if fig["node_labels"][key])
        for fig in figs if any(fig["node_labels"][key] for key in words)]
    return "\n".join(lines) or "- none"


def examples(figs: list[dict], per_screen: int = 3) -> str:
    lines = []
    for fig in figs:
        pairs = fig["overlaps"]["examples"][:per_screen]
        if pairs:
            shown = "; ".join(" × ".join(f"“{t}”" for t in p["labels"]) for p in pairs)
            lines.append(f"- {fig['screen']}: {shown}"
                         + (" …" if fig["overlaps"]["pairs"] > per_screen else ""))
    return "\n".join(lines) or "- none"


def machine(chromium: str) -> str:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.*)", info)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    return (f"- CPU: {model[1] if model else 'unknown'}; {os.cpu_count()} cores\n"
            f"- Chromium {chromium} (headless, `{CHROMIUM}`); code: commit `{commit}`")


METHOD = """\
**Method.** Each screen is opened in a fresh headless Chromium context at its size; once
the graph is drawn, no callback is pending and node positions, zoom and pan have not
changed for 0.5 s, everything is read from `window.cy`. A label is *drawn* when its
element is visible, has text, text opacity × opacity above 0 and passes Cytoscape's own
min-zoomed-font-size test; its size is font size × zoom, its box Cytoscape's label
bounding box on screen. Labels overlap when their boxes intersect by more than 1 px both
ways. A node is *legibly labelled* when its drawn label is at least the screen's target
size, inside the graph's box and clear of every other drawn label (node or edge); faction
boxes are not counted, nor, during the walk, people not reached yet. *Graph on screen*:
the Cytoscape box over the viewport; *drawing in graph*: the visible nodes with their
labels over the Cytoscape box.

**Targets.** Smallest drawn node label at least the screen's size (11 px laptop, 12 px
1920×1080 desktop, 20 px 1920×1080 projector, 14 px 1280×720 projector); no overlapping
node labels; people legibly labelled ≥ 75 % (laptop screens) or ≥ 90 % (desktop,
projector, filtered view); the graph ≥ 55 % of the width at 1280×800."""


def section(figs: list[dict], chromium: str, seconds: float) -> str:
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    missed = sum(1 for fig in figs if fig["misses"])
    return (f"{HEADING}\n\n_Written by `benchmarks/bench_legibility.py` on {date}; the run "
            f"took {seconds:.0f} s._\n\n{machine(chromium)}\n\n{METHOD}\n\n"
            f"{len(figs) - missed} of {len(figs)} screens meet every target.\n\n"
            f"{table(figs)}\n\nOverlapping node labels, the first pairs:\n\n"
            f"{examples(figs)}\n\nDrawn node labels that are hard to see all the same:\n\n"
            f"{notes(figs)}\n\nScreenshots: `benchmarks/out/legibility-<screen>.png`; "
            "every figure: `benchmarks/out/legibility.json`.\n")


# -- the run ---------------------------------------------------------------------------------

@contextmanager
def app_at(url: str | None, data: Path, log: Path) -> Iterator[str]:
    """The base URL of the app: ``url`` when given, else the app started on a free port."""
    if url:
        try:
            with urllib.request.urlopen(url.rstrip("/") + "/", timeout=10):
                pass
        except OSError as err:
            raise Failure(f"no app answers at {url}: {err}") from None
        yield url.rstrip("/")
        return
    with ExitStack() as stack, log.open("w") as output:
        command = ["-m", "dashboard", "run", "--data", str(data)]
        try:
            base = stack.enter_context(serving(lambda p: [*command, "--port", str(p)],
                                               output=output))
        except (RuntimeError, OSError) as err:
            tail = log.read_text(errors="replace").strip().splitlines()[-15:]
            raise Failure("the app did not start (python " + " ".join(command) + "): "
                          f"{err}\n" + "\n".join(tail)) from None
        yield base


def measure(url: str, screens: list[Screen], out: Path) -> tuple[list[dict], str]:
    """Every screen's figures, and the version of Chromium that measured them."""
    figs = []
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as err:
            raise Failure(f"Chromium did not start: {str(err).splitlines()[0]}") from None
        try:
            for screen in screens:
                print(f"  {screen.name}  {screen.path}", file=sys.stderr, flush=True)
                fig = figures(visit(browser, url, screen, out), screen)
                figs.append({**fig, "misses": misses(fig),
                             "screenshot": str(out / f"legibility-{screen.name}.png")})
            return figs, browser.version
        finally:
            browser.close()


def publish(figs: list[dict], args: argparse.Namespace, chromium: str, seconds: float) -> None:
    """Print the table; write the JSON, and RESULTS.md and docs/ when asked."""
    out = Path(args.out)
    about = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
             "chromium": chromium, "seconds": round(seconds, 1),
             "screens": [asdict(s) for s in SCREENS if s.name in {f["screen"] for f in figs}]}
    (out / "legibility.json").write_text(json.dumps({**about, "figures": figs}, indent=2,
                                                    ensure_ascii=False) + "\n")
    text = section(figs, chromium, seconds)
    print(text)
    if args.write_results:
        results.write_section(RESULTS, HEADING, text)
        print(f"written to {RESULTS}", file=sys.stderr)
    if args.docs:
        for fig in figs:
            if fig["screen"] in DOCS_SCREENS:
                target = ROOT / "docs" / f"legibility-{fig['screen']}.png"
                shutil.copyfile(fig["screenshot"], target)
        print(f"screenshots copied to {ROOT / 'docs'}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    began = time.monotonic()
    screens = [s for s in SCREENS if not args.only or s.name in args.only.split(",")]
    if not screens:
        raise Failure(f"--only {args.only}: no such screen; the screens are "
                      + ", ".join(s.name for s in SCREENS))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, \
            app_at(args.url, Path(args.data), Path(tmp) / "server.log") as url:
        print(f"measuring {len(screens)} screens at {url}", file=sys.stderr, flush=True)
        figs, chromium = measure(url, screens, out)
    publish(figs, args, chromium, time.monotonic() - began)
    missed = [fig["screen"] for fig in figs if fig["misses"]]
    if args.check and missed:
        print(f"targets missed on {len(missed)} screens: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="measure the app running at this address instead")
    parser.add_argument("--data", default=str(ROOT / "data"), help="data directory of the "
                        "app the script starts (default: data/)")
    parser.add_argument("--out", default=str(OUT), help="where the JSON and screenshots go "
                        "(default: benchmarks/out/)")
    parser.add_argument("--only", help="comma-separated screen names (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a screen misses a target")
    parser.add_argument("--write-results", action="store_true",
                        help=f"replace the '{HEADING[3:]}' section of benchmarks/RESULTS.md")
    parser.add_argument("--docs", action="store_true",
                        help="copy the screenshots of " + ", ".join(DOCS_SCREENS) + " to docs/")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except Failure as err:
        print(f"bench_legibility: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
