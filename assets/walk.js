/* The walk and the projector in the browser: the app's classes, the clicker's keys, the
   full-screen button and the camera. Registered from dashboard/web/callbacks/story.py.

   A presenter's clicker sends arrow keys, Page Up/Down and space. They press the walk's
   Next and Previous buttons, whose data-action goes through the app's one URL callback
   like every click. Keys typed into a field, or that move a slider or a radio group, are
   left alone. */
(function () {
  "use strict";
  const NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"];
  const PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp"];
  const OWN_KEYS = "input, textarea, select, [contenteditable=''], [contenteditable='true'], " +
                   "[role='slider'], [role='listbox'], [role='combobox'], [role='menu']";

  function press(id) {
    const button = document.getElementById(id);
    if (button && !button.disabled) { button.click(); }
  }

  /* A step's text longer than its box pages down before the next step comes: the clicker's
     "next" scrolls the text by a screenful first, "previous" scrolls back first. */
  function page(forward) {
    const text = document.querySelector(".app.is-walking .walk-text");
    if (!text || text.scrollHeight <= text.clientHeight + 2) { return false; }
    const room = text.clientHeight * 0.85;
    const end = text.scrollHeight - text.clientHeight;
    if (forward && text.scrollTop < end - 2) {
      text.scrollTop = Math.min(end, text.scrollTop + room);
      return true;
    }
    if (!forward && text.scrollTop > 2) {
      text.scrollTop = Math.max(0, text.scrollTop - room);
      return true;
    }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const target = event.target;
    if (target && target.closest && target.closest(OWN_KEYS)) { return; }
    const next = NEXT.includes(event.key);
    if (!next && !PREVIOUS.includes(event.key)) { return; }
    /* Space on a focused button or summary presses that control; let the browser do it. */
    if (event.key === " " && target && target.closest && target.closest("button, summary, a")) {
      return;
    }
    const app = document.querySelector(".app");
    if (!app) { return; }
    if (app.classList.contains("is-walking")) {
      event.preventDefault();
      if (!page(next)) { press(next ? "button-step-next" : "button-step-prev"); }
    } else if (next && app.classList.contains("is-present")) {
      event.preventDefault();  /* in the projector view the first "next" starts the walk */
      press("button-walk");
    }
  });

  document.addEventListener("click", function (event) {
    const button = event.target && event.target.closest &&
                   event.target.closest("#button-fullscreen");
    if (!button) { return; }
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* refused: stay */ });
    }
  });

  function query(search) { return new URLSearchParams(search || ""); }

  /* Which panels are folded: the user's choice, else the screen's default (the filters
     fold on a screen narrower than FILTERS_OPEN_FROM, so the graph gets the room). */
  const FILTERS_OPEN_FROM = 1600;
  function foldState(folds) {
    const chosen = folds || {};
    return {filters: typeof chosen.filters === "boolean" ? chosen.filters
                     : window.innerWidth < FILTERS_OPEN_FROM,
            side: typeof chosen.side === "boolean" ? chosen.side : false};
  }

  window.ivanovFolds = foldState;

  function step(search, config) {
    const n = parseInt(query(search).get("step") || "0", 10);
    const steps = (config && config.steps) || 0;
    return isFinite(n) && n > 0 && steps > 0 ? Math.min(n, steps) : 0;
  }
  window.ivanovStep = step;

  /* During the walk the camera follows it: it frames the people reached so far, never
     closer than MAX_ZOOM, so the first steps are large and the room sees the network grow.
     When the graph's box changes (projector, walk, controls) it is refitted. */
  const MAX_ZOOM = 1.25;
  function frameReached(cy, elements) {
    /* The flags are read from the elements prop: the canvas may not have them yet. */
    cy.resize();
    let shown = cy.collection();
    (elements || []).forEach(function (element) {
      const data = element.data || {};
      if (!data.source && data.kind !== "faction" && !data.future && !data.hidden) {
        shown = shown.union(cy.getElementById(data.id));
      }
    });
    if (!shown.length) { return "nothing to frame"; }
    const box = shown.boundingBox({includeLabels: true});
    const pad = 40;
    const zoom = Math.min(MAX_ZOOM, (cy.width() - 2 * pad) / Math.max(box.w, 1),
                          (cy.height() - 2 * pad) / Math.max(box.h, 1));
    const pan = {x: cy.width() / 2 - zoom * (box.x1 + box.w / 2),
                 y: cy.height() / 2 - zoom * (box.y1 + box.h / 2)};
    const move = function () {
      cy.stop();
      cy.animate({zoom: zoom, pan: pan}, {duration: 350});
    };
    if (window.ivanovCamera) { window.ivanovCamera.own(move); } else { move(); }
    return "framed " + shown.length + " at zoom " + zoom.toFixed(2);
  }

  const NO = function () { return window.dash_clientside.no_update; };

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanovWalk: {
      stepKey: function (search, current) {
        /* The walk's text is drawn again only when the step in the URL changes; when the
           walk ends its panel is hidden and keeps its text (nothing is posted). */
        const n = query(search).get("step") || "";
        const key = n ? "?step=" + encodeURIComponent(n) : "";
        return !key || key === current ? NO() : key;
      },
      frame: function (search, clicks, folds, classes, config) {
        /* The app's classes and the toolbar's labels follow the URL and the folded
           panels; the Controls button (projector view) toggles its own class. */
        const ctx = window.dash_clientside.callback_context;
        const trigger = ctx.triggered_id;
        const was = String(classes || "").split(" ").includes("controls-open");
        const controls = trigger === "button-controls" ? !was : was;
        const params = query(search);
        const present = params.get("present") === "1";
        const walking = step(search, config) > 0;
        const folded = foldState(folds);
        const names = ["app"];
        if (present) { names.push("is-present"); }
        if (walking) { names.push("is-walking"); }
        if (controls) { names.push("controls-open"); }
        if (folded.filters) { names.push("filters-folded"); }
        if (folded.side) { names.push("side-folded"); }
        if (params.has("person") || params.has("relation")) { names.push("has-selection"); }
        return [names.join(" "),
                controls ? "Hide controls" : "Show controls", String(controls),
                walking ? "End the walk" : "Guided walk", String(walking),
                present ? "Leave projector view" : "Projector view", String(present),
                String(!folded.filters), String(!folded.side)];
      },
      fold: function (filtersClicks, sideClicks, folds) {
        /* A fold button turns its panel's state over; the choice is kept in the browser. */
        const trigger = window.dash_clientside.callback_context.triggered_id;
        const now = foldState(folds);
        const out = Object.assign({}, folds || {});
        if (trigger === "button-fold-filters") { out.filters = !now.filters; }
        if (trigger === "button-fold-side") { out.side = !now.side; }
        return out;
      },
      camera: function (elements, classes) {
        /* While walking, frame what the walk has reached (a change of the graph's box
           outside the walk is camera.js's). Measured after the browser lays out. */
        const cy = window.cy;
        if (!cy || !String(classes || "").split(" ").includes("is-walking")) { return NO(); }
        return new Promise(function (resolve) {
          window.requestAnimationFrame(function () { resolve(frameReached(cy, elements)); });
        });
      }
    }
  });
})();
