/* Hover: a pointer over a person or an edge shows a tooltip (name, faction, how many
   relations in view), highlights their neighbours and the edges between them, and turns
   the cursor into a hand; a tap on the empty canvas clears the selection. */
(function () {
  "use strict";
  let tip = null;

  function tooltip() {
    if (tip && document.body.contains(tip)) { return tip; }
    tip = document.createElement("div");
    tip.className = "graph-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    return tip;
  }

  function factionLabel(id) {
    const item = document.querySelector('#checklist-faction input[value="' +
                                        (window.CSS ? CSS.escape(id) : id) + '"]');
    const label = item && item.closest("label");
    return label ? label.textContent.trim() : id;
  }

  function show(event, lines) {
    const box = tooltip();
    box.textContent = "";
    lines.forEach(function (line, i) {
      const el = document.createElement(i === 0 ? "strong" : "div");
      el.textContent = line;
      box.appendChild(el);
    });
    const rect = event.cy.container().getBoundingClientRect();
    const p = event.renderedPosition || {x: 0, y: 0};
    box.hidden = false;
    const x = Math.min(rect.left + p.x + 14, window.innerWidth - box.offsetWidth - 8);
    const y = Math.min(rect.top + p.y + 14, window.innerHeight - box.offsetHeight - 8);
    box.style.left = Math.max(4, x) + "px";
    box.style.top = Math.max(4, y) + "px";
  }

  function hide() { if (tip) { tip.hidden = true; } }

  function nodeLines(node) {
    const edges = node.connectedEdges(":visible");
    let count = 0;
    edges.forEach(function (e) { count += e.data("count") || 0; });
    const kind = node.data("kind") === "group" ? "collective actor, " : "";
    return [node.data("label"), kind + factionLabel(node.data("faction")) +
            (node.data("contested") ? " (label contested)" : ""),
            count + " relation" + (count === 1 ? "" : "s") + " in view · click for details"];
  }

  function edgeLines(edge) {
    const n = edge.data("count") || 0;
    return [edge.source().data("label") + " → " + edge.target().data("label"),
            n + " relation" + (n === 1 ? "" : "s") + " (" + edge.data("polarity") + ")" +
            " · click for the evidence"];
  }

  const attached = new WeakSet();
  function attach(cy) {
    if (!cy || attached.has(cy)) { return; }
    attached.add(cy);
    const container = cy.container();
    cy.on("mouseover", "node, edge", function (event) {
      const target = event.target;
      if (target.isNode() && target.data("kind") === "faction") { return; }
      container.style.cursor = "pointer";
      show(event, target.isNode() ? nodeLines(target) : edgeLines(target));
      const near = target.isNode() ? target.closedNeighborhood() :
        target.union(target.connectedNodes());
      cy.batch(function () { near.addClass("hl"); });
    });
    cy.on("mousemove", "node, edge", function (event) {
      if (tip && !tip.hidden) {
        const target = event.target;
        if (target.isNode() && target.data("kind") === "faction") { return; }
        show(event, target.isNode() ? nodeLines(target) : edgeLines(target));
      }
    });
    cy.on("mouseout", "node, edge", function () {
      container.style.cursor = "";
      hide();
      cy.batch(function () { cy.elements(".hl").removeClass("hl"); });
    });
    cy.on("tap", function (event) {
      hide();
      if (event.target !== cy) { return; }
      const params = new URLSearchParams(window.location.search);
      if ((params.has("person") || params.has("relation")) && window.dash_clientside &&
          window.dash_clientside.set_props) {
        window.dash_clientside.set_props("store-action",
                                         {data: {action: "clear", at: Date.now()}});
      }
    });
    cy.on("scrollzoom pinchzoom dragpan", hide);
  }

  window.ivanovWhenGraph(attach);  /* camera.js */
})();
