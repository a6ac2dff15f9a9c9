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

  function step(search, config) {
    const n = parseInt(query(search).get("step") || "0", 10);
    const steps = (config && config.steps) || 0;
    return isFinite(n) && n > 0 && steps > 0 ? Math.min(n, steps) : 0;
  }

  /* During the walk the camera follows it: it frames the people reached so far, never
     closer than MAX_ZOOM, so the first steps are large and the room sees the network grow.
     When the graph's box changes (projector, walk, controls) it is refitted. */
  const MAX_ZOOM = 1.25;
  let lastLayout = "";
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
    cy.stop();
    cy.animate({zoom: zoom, pan: pan}, {duration: 350});
    return "framed " + shown.length + " at zoom " + zoom.toFixed(2);
  }

  const NO = function () { return window.dash_clientside.no_update; };

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanovWalk: {
      stepKey: function (search, current) {
        /* The walk's text is drawn again only when the step in the URL changes. */
        const n = query(search).get("step") || "";
        const key = n ? "?step=" + encodeURIComponent(n) : "";
        return key === current ? NO() : key;
      },
      frame: function (search, clicks, classes, config) {
        /* The app's classes and the toolbar's labels follow the URL; the Controls button
           (projector view) toggles its own class. */
        const ctx = window.dash_clientside.callback_context;
        const trigger = ctx.triggered_id;
        const was = String(classes || "").split(" ").includes("controls-open");
        const controls = trigger === "button-controls" ? !was : was;
        const present = query(search).get("present") === "1";
        const walking = step(search, config) > 0;
        const names = ["app"];
        if (present) { names.push("is-present"); }
        if (walking) { names.push("is-walking"); }
        if (controls) { names.push("controls-open"); }
        return [names.join(" "),
                controls ? "Hide controls" : "Show controls", String(controls),
                walking ? "End the walk" : "Walk through the document", String(walking),
                present ? "Leave projector view" : "Projector view", String(present)];
      },
      camera: function (elements, classes) {
        const cy = window.cy;
        const layout = String(classes || "").split(" ").filter(function (c) {
          return ["is-present", "is-walking", "controls-open"].includes(c);
        }).join(" ");
        const boxChanged = layout !== lastLayout;
        lastLayout = layout;
        if (!cy || (!layout.includes("is-walking") && !boxChanged)) { return NO(); }
        /* The new classes change the graph's box: measure after the browser lays it out. */
        return new Promise(function (resolve) {
          window.requestAnimationFrame(function () {
            if (layout.includes("is-walking")) {
              resolve(frameReached(cy, elements));
            } else {
              cy.resize();
              cy.fit(cy.elements(":visible"), 30);
              resolve("fitted");
            }
          });
        });
      }
    }
  });
})();
