/* The graph first: the filter column, the side panel and the table view are drawn once the
   graph is on screen (dashboard/web/layout.py, `later`).

   Dash holds their components from the start; React draws them only when their `later`
   tabs switch to "drawn". Drawing them before the graph would hold the graph back. Once
   Cytoscape has drawn the graph and the browser has shown that frame, every such tab is
   switched; without a graph drawn within FALLBACK_MS (a tab in the background, a graph
   that failed), all the same. What lists.js writes into their boxes meanwhile waits. */
(function () {
  "use strict";
  const FALLBACK_MS = 4000;
  let done = false;

  function draw() {
    const dc = window.dash_clientside;
    if (done) { return; }
    if (!dc || !dc.set_props || !document.getElementById("div-app")) {
      window.setTimeout(draw, 50);  /* the page is not up yet */
      return;
    }
    done = true;
    /* the row of each dcc.Tabs' (hidden) headers carries the Tabs' own id */
    document.querySelectorAll(".later-tabs[id]").forEach(function (tabs) {
      dc.set_props(tabs.id, {value: "drawn"});
    });
  }

  const watched = new WeakSet();
  window.ivanovWhenGraph(function (cy) {
    if (watched.has(cy)) { return; }
    watched.add(cy);
    cy.one("render", function () {
      /* the frame Cytoscape draws in is shown, then the panels */
      window.requestAnimationFrame(function () { window.setTimeout(draw, 0); });
    });
  });
  window.setTimeout(draw, FALLBACK_MS);
})();
