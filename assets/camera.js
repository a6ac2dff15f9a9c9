/* The camera: fit to what is shown after every change of filters, the zoom and fit
   buttons over the graph, the mouse wheel, and going to a person chosen from the search.

   Nothing here posts a request: the camera is the browser's own (a shared link restores
   the view, and the view is always fitted when it is drawn). */
(function () {
  "use strict";
  const PADDING = 30;
  const STEP = 1.35;            /* one press of + or − */
  const FOCUS_MAX_ZOOM = 1.6;   /* going to a person never comes closer than this */

  function walking() {
    const app = document.querySelector(".app");
    return Boolean(app && app.classList.contains("is-walking"));
  }

  function shown(cy) {
    return cy.elements(":visible").filter(function (e) {
      return !e.data("future");
    });
  }

  /* Whether the camera is the app's (fitted, framed) or the user's (zoomed, panned): a
     change of the graph's box refits the app's camera and leaves the user's alone. */
  let auto = true;
  function own(run) { run(); }

  /* Fit the nodes, not their labels: labels keep their size on screen whatever the zoom,
     so the margins leave room for them instead (below a node most of all). */
  const MARGIN = {x: 48, top: 28, bottom: 44};
  const FIT_MAX_ZOOM = 2;
  function fitted(cy, eles) {
    const b = eles.boundingBox({includeLabels: false, includeOverlays: false});
    const w = Math.max(cy.width() - 2 * MARGIN.x, 10);
    const h = Math.max(cy.height() - MARGIN.top - MARGIN.bottom, 10);
    const zoom = Math.max(cy.minZoom(), Math.min(FIT_MAX_ZOOM, cy.maxZoom(),
                                                 w / Math.max(b.w, 1), h / Math.max(b.h, 1)));
    return {zoom: zoom, pan: {x: cy.width() / 2 - zoom * (b.x1 + b.x2) / 2,
                              y: MARGIN.top + h / 2 - zoom * (b.y1 + b.y2) / 2}};
  }

  function fit(cy, animate) {
    const eles = shown(cy).nodes();
    if (!eles.length) { return; }
    auto = true;
    own(function () {
      cy.stop();
      const to = fitted(cy, eles);
      if (animate) {
        cy.animate(to, {duration: 250});
      } else {
        cy.viewport(to);
      }
    });
  }

  const attached = new WeakSet();
  function attach(cy) {
    if (!cy || attached.has(cy)) { return; }
    attached.add(cy);
    /* The user's own gestures (Cytoscape names them) hand the camera to the user. */
    cy.on("scrollzoom pinchzoom dragpan", function () { auto = false; });
    /* A person dragged to a new place: the place goes into the link (and the exports),
       in the layout's own units (without the screen's stretch). */
    cy.on("dragfree", "node", function (event) {
      const node = event.target;
      if (node.data("kind") === "faction" || !window.dash_clientside ||
          !window.dash_clientside.set_props) { return; }
      const p = window.ivanovStretch ? window.ivanovStretch.toBase(node.position())
                                     : node.position();
      window.dash_clientside.set_props("store-action", {data: {
        action: "move", value: {id: node.id(), x: Math.round(p.x), y: Math.round(p.y)},
        at: Date.now()}});
    });
    /* Cytoscape measures its box only when told: tell it whenever the box changes (panels
       folded, projector, walk, the window), and refit the app's camera. */
    const reshape = function () {
      const before = [cy.width(), cy.height()];
      cy.resize();
      const moved = window.ivanovStretch ? window.ivanovStretch.update(cy) : false;
      if (!moved && before[0] === cy.width() && before[1] === cy.height()) { return; }
      if (auto && !walking()) { fit(cy, false); }
    };
    new ResizeObserver(reshape).observe(cy.container());
    reshape();
  }
  /* Call attach(cy) with the graph dash-cytoscape mounts (it sets window.cy), in the first
     frame the graph exists (every frame is looked at until then), so it is stretched,
     fitted and labelled before it is first seen; a graph mounted later (a new page of the
     app) is found within 300 ms. labels.js and hover.js wait the same way. */
  window.ivanovWhenGraph = function (attach) {
    function look() {
      const cy = window.cy;
      const ready = Boolean(cy && cy.container && cy.container());
      if (ready) { attach(cy); }
      if (ready || document.hidden) {
        window.setTimeout(look, 300);
      } else {
        window.requestAnimationFrame(look);
      }
    }
    look();
  };
  window.ivanovWhenGraph(attach);

  function zoomBy(cy, factor) {
    const level = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * factor));
    auto = false;
    cy.stop();
    cy.animate({zoom: {level: level, renderedPosition: {x: cy.width() / 2,
                                                         y: cy.height() / 2}}},
               {duration: 150});
  }

  /* The person a search hit or a panel chose: their relations framed, or, when the
     graph is already close, the person brought into view. */
  function focus(cy, id, closely) {
    const node = cy.getElementById(id);
    if (!node.length || !node.visible()) { return; }
    const near = node.closedNeighborhood(":visible");
    cy.stop();
    auto = false;
    if (closely) {
      const box = near.boundingBox({includeLabels: true});
      const zoom = Math.min(FOCUS_MAX_ZOOM, (cy.width() - 2 * PADDING) / Math.max(box.w, 1),
                            (cy.height() - 2 * PADDING) / Math.max(box.h, 1));
      cy.animate({zoom: zoom, center: {eles: near}}, {duration: 300});
      return;
    }
    const p = node.renderedPosition();
    if (p.x < PADDING || p.y < PADDING || p.x > cy.width() - PADDING ||
        p.y > cy.height() - PADDING) {
      cy.animate({center: {eles: node}}, {duration: 250});
    }
  }

  window.ivanovCamera = {
    /* Called by graph.js after a view's changes are in the graph. */
    changed: function (cy, changes) {
      if (!cy) { return; }
      const membership = Boolean((changes.add && changes.add.length) ||
                                 (changes.remove && changes.remove.length));
      window.requestAnimationFrame(function () {
        const wanted = window.__ivanovFocus;
        if (wanted && wanted.id) {
          window.__ivanovFocus = null;
          focus(cy, wanted.id, wanted.closely);
        } else if (changes.layout) {
          if (window.ivanovStretch) { window.ivanovStretch.update(cy); }
          if (!walking()) { fit(cy, false); }
        } else if (membership && !walking()) {
          fit(cy, true);
        }
      });
    },
    fit: fit,
    own: own
  };

  document.addEventListener("click", function (event) {
    const button = event.target && event.target.closest &&
                   event.target.closest("[data-camera]");
    const cy = window.cy;
    if (!button || !cy) { return; }
    const what = button.getAttribute("data-camera");
    if (what === "in") { zoomBy(cy, STEP); }
    if (what === "out") { zoomBy(cy, 1 / STEP); }
    if (what === "fit") { fit(cy, true); }
  });

  /* A selection made outside the graph brings the person into view; from the search
     box it frames them and their relations. */
  document.addEventListener("click", function (event) {
    const button = event.target && event.target.closest &&
                   event.target.closest('[data-action^="select person "]');
    if (!button) { return; }
    const id = button.getAttribute("data-action").split(" ")[2];
    window.__ivanovFocus = {id: id, closely: Boolean(button.closest(".search-results"))};
  }, true);
})();
