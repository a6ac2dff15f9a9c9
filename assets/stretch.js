/* The picture stretched to the screen's shape. The layouts are computed once, for a
   laptop's graph box (about 3:2); a projector's box is about 2:1, a walk's column nearly
   square. Uniform zoom would leave a third of a projector empty, so the positions are
   scaled along one axis, at most MAX times, to fill the box. The factor is applied to the
   positions the server sends (graph.js), and changed when the box changes shape
   (camera.js); a position to keep (a drag) is read back without it.

   Nothing here posts a request: the same link draws the same picture, fitted to each
   screen. */
(function () {
  "use strict";
  const MAX = 1.6;
  const LABEL_ROOM = {w: 110, h: 50};  /* the labels' share of the drawing's box */
  let sx = 1;
  let sy = 1;

  /* The box of the people as the server placed them (their centres unstretched, their
     sizes as drawn): the same whatever the factors, so updating twice moves nothing. */
  function aspect(cy) {
    const people = cy.nodes().filter(function (n) { return n.data("kind") !== "faction"; });
    if (people.length < 2 || cy.width() < 10 || cy.height() < 10) { return null; }
    const b = {x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity};
    people.forEach(function (n) {
      const p = n.position();
      const x = p.x / sx;
      const y = p.y / sy;
      const hw = n.outerWidth() / 2;
      const hh = n.outerHeight() / 2;
      b.x1 = Math.min(b.x1, x - hw); b.x2 = Math.max(b.x2, x + hw);
      b.y1 = Math.min(b.y1, y - hh); b.y2 = Math.max(b.y2, y + hh);
    });
    const w = b.x2 - b.x1 + LABEL_ROOM.w;
    const h = b.y2 - b.y1 + LABEL_ROOM.h;
    return (cy.width() / cy.height()) / (w / h);
  }

  /* Scale every node by the change from the old factors to the new. */
  function rescale(cy, nx, ny) {
    if (nx === sx && ny === sy) { return false; }
    const fx = nx / sx;
    const fy = ny / sy;
    sx = nx;
    sy = ny;
    cy.batch(function () {
      cy.nodes().filter(function (n) { return !n.isParent(); }).positions(function (n) {
        const p = n.position();
        return {x: p.x * fx, y: p.y * fy};
      });
    });
    return true;
  }

  window.ivanovStretch = {
    /* Fit the factors to the graph's box; true when the positions moved. */
    update: function (cy) {
      const ratio = aspect(cy);
      if (ratio === null) { return false; }
      const nx = ratio > 1 ? Math.min(ratio, MAX) : 1;
      const ny = ratio < 1 ? Math.min(1 / ratio, MAX) : 1;
      return rescale(cy, Math.round(nx * 100) / 100, Math.round(ny * 100) / 100);
    },
    /* A position from the server, as drawn now. */
    toScreen: function (p) { return {x: p.x * sx, y: p.y * sy}; },
    /* A position as drawn, as the server would give it. */
    toBase: function (p) { return {x: p.x / sx, y: p.y / sy}; },
    factors: function () { return {x: sx, y: sy}; }
  };
})();
