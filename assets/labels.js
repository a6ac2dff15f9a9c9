/* Labels that are always legible and never overlap: the label-density rule.

   Labels are drawn at a constant size on screen (like sigma.js and Gephi Lite), whatever
   the zoom: 13–14 px in the ordinary view, larger on a projector. After every change of
   zoom, pan, size or elements, the labels are chosen again: the selected person, their
   neighbours, the people new in a walk step and the one the pointer rests on first, then
   everyone else by how many relations they have in view. A label is drawn only where it
   covers no other drawn label and no other node; it tries below its node, then above,
   right and left. The others appear on hover and as the user zooms in.

   Choices are written as a class (`lbl`) and a few style bypasses on the nodes; nothing
   goes back to Dash, so choosing labels posts no request. */
(function () {
  "use strict";
  const SHOWN = "lbl";           /* a node or edge whose label is drawn */
  const MAX_LABELS = 400;        /* a crowd of more candidates than this is cut first */
  const WRAP_EM = 9.5;           /* a label wraps at this many font sizes wide */
  const GAP = 2;                 /* pixels kept free around a label */
  const MARGIN = 3;              /* and between two labels' boxes */

  /* 12 px on a laptop, 13 px on a larger screen; on a projector, a size read from the
     back of the room: 20 px at 1080 lines, 15 px at 720. */
  function labelPx() {
    const app = document.querySelector(".app");
    if (app && app.classList.contains("is-present")) {
      return Math.max(15, Math.round(window.innerHeight * 0.0186));
    }
    return window.innerWidth >= 1600 ? 13 : 12;
  }

  let measureCtx = null;
  function measure(text, px, bold) {
    measureCtx = measureCtx || document.createElement("canvas").getContext("2d");
    measureCtx.font = (bold ? "bold " : "") + px + "px sans-serif";
    return measureCtx.measureText(text).width;
  }

  /* A label's lines as Cytoscape wraps it (on spaces, at text-max-width). */
  function lines(text, px, bold) {
    const max = WRAP_EM * px;
    const out = [];
    let line = "";
    String(text || "").split(/\s+/).filter(Boolean).forEach(function (word) {
      const trial = line ? line + " " + word : word;
      if (line && measure(trial, px, bold) > max) { out.push(line); line = word; } else {
        line = trial;
      }
    });
    if (line) { out.push(line); }
    return out;
  }

  /* The rendered size of a node's label block: width and height in pixels. */
  function labelSize(node, px) {
    const bold = node.data("kind") === "faction" || node.data("sel") || node.data("new");
    const ls = lines(node.data("label"), px, bold);
    const width = Math.max.apply(null, ls.map(function (l) { return measure(l, px, bold); }));
    return {w: width + 2 * GAP + 4, h: ls.length * px * 1.2 + 2 * GAP + 2};
  }

  function overlaps(a, b) {
    return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  }

  /* A uniform grid of boxes, so each test looks at its neighbourhood only. */
  function Grid(cell) { this.cell = cell; this.cells = new Map(); }
  Grid.prototype.keys = function (b) {
    const out = [];
    for (let i = Math.floor(b.x1 / this.cell); i <= Math.floor(b.x2 / this.cell); i += 1) {
      for (let j = Math.floor(b.y1 / this.cell); j <= Math.floor(b.y2 / this.cell); j += 1) {
        out.push(i + "," + j);
      }
    }
    return out;
  };
  Grid.prototype.free = function (b, owner) {
    return this.keys(b).every(function (k) {
      return (this.cells.get(k) || []).every(function (o) {
        return o.owner === owner || !overlaps(o, b);
      });
    }, this);
  };
  Grid.prototype.add = function (b) {
    this.keys(b).forEach(function (k) {
      if (!this.cells.has(k)) { this.cells.set(k, []); }
      this.cells.get(k).push(b);
    }, this);
  };

  /* Where a label may go: below its node, above, right, left (rendered boxes). */
  function placements(node, size) {
    const bb = node.renderedBoundingBox({includeLabels: false, includeOverlays: false});
    const cx = (bb.x1 + bb.x2) / 2;
    const cy = (bb.y1 + bb.y2) / 2;
    const m = 3;
    return [
      {pos: "bottom", x1: cx - size.w / 2, x2: cx + size.w / 2, y1: bb.y2 + m,
       y2: bb.y2 + m + size.h},
      {pos: "top", x1: cx - size.w / 2, x2: cx + size.w / 2, y1: bb.y1 - m - size.h,
       y2: bb.y1 - m},
      {pos: "right", x1: bb.x2 + m, x2: bb.x2 + m + size.w, y1: cy - size.h / 2,
       y2: cy + size.h / 2},
      {pos: "left", x1: bb.x1 - m - size.w, x2: bb.x1 - m, y1: cy - size.h / 2,
       y2: cy + size.h / 2}
    ];
  }

  const ALIGN = {
    bottom: {"text-valign": "bottom", "text-halign": "center"},
    top: {"text-valign": "top", "text-halign": "center"},
    right: {"text-valign": "center", "text-halign": "right"},
    left: {"text-valign": "center", "text-halign": "left"}
  };

  function forced(node, hovered) {
    return Boolean(node.data("sel") || node.data("new") ||
                   (hovered && (node.same(hovered) || node.edgesWith(hovered).length > 0)) ||
                   (node.data("lit") && node.cy().$("node[?sel]").length > 0));
  }

  function involvement(node) {
    let count = 0;
    node.connectedEdges(":visible").forEach(function (e) { count += e.data("count") || 1; });
    return count;
  }

  /* The people to label, most important first. */
  let paper = false;  /* drawing for paper: the selection does not fade the rest */
  function fading(cy) { return !paper && cy.$("node[?sel], edge[?sel]").length > 0; }

  function candidates(cy, hovered, view) {
    const dimming = fading(cy);
    const nodes = cy.nodes(":visible").filter(function (n) {
      if (n.data("kind") === "faction" || n.data("future")) { return false; }
      if (dimming && !n.data("lit") && !n.same(hovered)) { return false; }
      const p = n.renderedPosition();
      return p.x > -50 && p.y > -50 && p.x < view.w + 50 && p.y < view.h + 50;
    });
    const ranked = nodes.map(function (n) {
      return {node: n, forced: forced(n, hovered) ? 1 : 0,
              person: n.data("kind") === "person" ? 1 : 0, rank: involvement(n)};
    });
    /* Forced first, then people before collective actors, each by involvement. */
    ranked.sort(function (a, b) {
      return (b.forced - a.forced) || (b.person - a.person) || (b.rank - a.rank) ||
             String(a.node.data("label")).localeCompare(String(b.node.data("label")));
    });
    return ranked.slice(0, MAX_LABELS);
  }

  function styleFor(px, zoom, pos, big) {
    return Object.assign({
      "font-size": px / zoom, "text-max-width": (WRAP_EM * px) / zoom,
      "text-margin-y": 0, "text-margin-x": 0, "min-zoomed-font-size": 0,
      "text-background-padding": 2 / zoom, "font-weight": big ? "bold" : "normal"
    }, ALIGN[pos]);
  }

  function choose(cy, hovered) {
    const zoom = cy.zoom();
    const px = labelPx();
    const view = {w: cy.width(), h: cy.height()};
    const grid = new Grid(64);
    /* Every node a label must not cover; while a selection fades the rest, only the
       highlighted ones (a faded node may sit under a highlighted name). */
    const dimming = fading(cy);
    const bodies = cy.nodes(":visible").filter(function (n) {
      return n.data("kind") !== "faction" && !n.data("future") && (!dimming || n.data("lit"));
    });
    bodies.forEach(function (n) {
      const b = n.renderedBoundingBox({includeLabels: false, includeOverlays: false});
      grid.add({x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2, owner: n.id()});
    });
    const chosen = [];
    cy.nodes(':visible[kind = "faction"]').forEach(function (f) {
      const size = labelSize(f, px);
      const bb = f.renderedBoundingBox({includeLabels: false});
      const box = {x1: (bb.x1 + bb.x2 - size.w) / 2, x2: (bb.x1 + bb.x2 + size.w) / 2,
                   y1: bb.y1 - size.h - 2, y2: bb.y1 - 2, owner: f.id()};
      grid.add(box);
      chosen.push({node: f, style: styleFor(px, zoom, "top", true)});
    });
    candidates(cy, hovered, view).forEach(function (c) {
      const size = labelSize(c.node, px);
      const spot = placements(c.node, size).map(function (b) {
        return {pos: b.pos, x1: b.x1 - MARGIN, x2: b.x2 + MARGIN, y1: b.y1 - MARGIN,
                y2: b.y2 + MARGIN, owner: c.node.id()};
      }).find(function (b) {
        return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= view.w && b.y2 <= view.h &&
               grid.free(b, c.node.id());
      });
      if (spot) {
        grid.add(spot);
        const big = c.node.data("sel") || c.node.data("new");
        chosen.push({node: c.node, style: styleFor(px, zoom, spot.pos, big)});
      }
    });
    return {chosen: chosen, grid: grid, px: px, zoom: zoom, view: view};
  }

  /* Edge labels (how many relations an edge merges) where they fit. */
  function edgeLabels(cy, plan) {
    const px = Math.max(10, Math.round(plan.px * 0.85));
    const out = [];
    cy.edges(":visible").forEach(function (e) {
      const text = e.data("label");
      if (!text) { return; }
      const p = e.renderedMidpoint();
      const w = measure(text, px, false) + 6;
      const box = {x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - px * 0.7, y2: p.y + px * 0.7,
                   owner: e.id()};
      if (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= plan.view.w && box.y2 <= plan.view.h &&
          plan.grid.free(box, e.id())) {
        plan.grid.add(box);
        out.push({edge: e, style: {"font-size": px / plan.zoom,
                                   "text-background-padding": 1 / plan.zoom}});
      }
    });
    return out;
  }

  /* The labels as Cytoscape draws them, checked once more with its own boxes: a label
     that still touches another drawn label or another node loses its place. */
  function verify(cy, chosen) {
    const grid = new Grid(64);
    const dimming = fading(cy);
    cy.nodes(":visible").forEach(function (n) {
      if (n.data("kind") === "faction" || n.data("future") || (dimming && !n.data("lit"))) {
        return;
      }
      const b = n.renderedBoundingBox({includeLabels: false, includeOverlays: false});
      grid.add({x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2, owner: n.id()});
    });
    const dropped = cy.collection();
    chosen.forEach(function (c) {
      const b = c.node.renderedBoundingBox({includeNodes: false, includeEdges: false,
                                            includeLabels: true, includeOverlays: false});
      const box = {x1: b.x1 - 1, x2: b.x2 + 1, y1: b.y1 - 1, y2: b.y2 + 1,
                   owner: c.node.id()};
      if (c.node.data("kind") === "faction" || grid.free(box, c.node.id())) {
        grid.add(box);
      } else {
        dropped.merge(c.node);
      }
    });
    dropped.removeClass(SHOWN);
    return dropped.length;
  }

  let hovered = null;
  function apply(cy) {
    if (!cy.container() || cy.width() === 0) { return; }
    const plan = choose(cy, hovered);
    const edges = edgeLabels(cy, plan);
    cy.batch(function () {
      const keep = cy.collection();
      plan.chosen.forEach(function (c) { c.node.style(c.style); keep.merge(c.node); });
      edges.forEach(function (c) { c.edge.style(c.style); keep.merge(c.edge); });
      cy.elements("." + SHOWN).difference(keep).removeClass(SHOWN);
      keep.addClass(SHOWN);
    });
    const dropped = verify(cy, plan.chosen);
    window.__ivanovLabels = {drawn: plan.chosen.length - dropped, dropped: dropped,
                             px: plan.px, zoom: plan.zoom};
  }

  let pending = false;
  function schedule(cy) {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      apply(cy);
    });
  }

  const attached = new WeakSet();
  function attach(cy) {
    if (!cy || attached.has(cy)) { return; }
    attached.add(cy);
    const again = function () { schedule(cy); };
    cy.on("zoom pan resize add remove data position", again);
    cy.on("layoutstop viewport", again);
    cy.on("mouseover", "node", function (event) {
      if (event.target.data("kind") === "faction") { return; }
      hovered = event.target;
      schedule(cy);
    });
    cy.on("mouseout", "node", function () { hovered = null; schedule(cy); });
    schedule(cy);
  }

  window.ivanovWhenGraph(attach);  /* camera.js */
  window.ivanovLabels = {
    refresh: function () { if (window.cy) { apply(window.cy); } },
    /* Labels chosen as if nothing were selected (for a picture on paper), then again. */
    forPaper: function (on) {
      paper = Boolean(on);
      if (window.cy) { apply(window.cy); }
    }
  };
})();
