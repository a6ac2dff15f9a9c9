/* The walk in the browser: keys, the full-screen button and the projector's camera.
   A presenter's clicker sends arrow keys, Page Up/Down and space. They press the
   walk's Next and Previous buttons, so every step goes through the app's one URL
   callback like a click. Keys typed into a field, or that move a slider or a radio
   group, are left alone. */
(function () {
  const NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"];
  const PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp"];
  const OWN_KEYS = "input, textarea, select, [contenteditable=''], [contenteditable='true'], " +
                   "[role='slider'], [role='listbox'], [role='combobox'], [role='menu']";

  function press(id) {
    const button = document.getElementById(id);
    if (button && !button.disabled) { button.click(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const target = event.target;
    if (target && target.closest && target.closest(OWN_KEYS)) { return; }
    /* Up and down scroll the step's text when it has focus; left and right still step. */
    if ((event.key === "ArrowUp" || event.key === "ArrowDown") && target && target.closest &&
        target.closest(".walk-text")) { return; }
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
      press(next ? "button-step-next" : "button-step-prev");
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

  /* During the walk the camera follows it: it frames the people reached so far, never
     closer than MAX_ZOOM, so the first steps are large and the room sees the network
     grow. When the graph's box changes (projector, walk, controls) it is refitted.
     Registered from dashboard/callbacks/story.py. */
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
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanovWalk: {
      frame: function (elements, classes) {
        const noUpdate = window.dash_clientside.no_update;
        const cy = window.cy;
        const layout = String(classes || "").split(" ").filter(function (c) {
          return ["is-present", "is-walking", "controls-open"].includes(c);
        }).join(" ");
        const boxChanged = layout !== lastLayout;
        lastLayout = layout;
        if (!cy || (!layout.includes("is-walking") && !boxChanged)) { return noUpdate; }
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
