/* Drawing a new view: the server's changes (dashboard/callbacks/graph.py, `redraw`) applied
   to the graph's elements by id. Registered from dashboard/callbacks/graph.py.

   The changes are {remove: [id], add: [element], data: {id: {field: value}},
   position: {id: {x, y}}, layout, stylesheet}, each part only when it has something.
   dash-cytoscape writes the graph's elements back in Cytoscape's own order after
   elements are added or removed, so nothing here relies on an element's index. Elements
   that do not change keep their object, so dash-cytoscape's diff passes over them. */
(function () {
  "use strict";

  /* Positions from the server are stretched as the screen's shape asks (stretch.js). */
  function drawn(p) {
    return window.ivanovStretch ? window.ivanovStretch.toScreen(p) : p;
  }

  function applyChanges(changes, elements) {
    const remove = new Set(changes.remove || []);
    const data = changes.data || {};
    const position = changes.position || {};
    const add = (changes.add || []).map(function (element) {
      return element.position ? Object.assign({}, element, {position: drawn(element.position)})
                              : element;
    });
    const adding = new Set(add.map(function (element) { return element.data.id; }));
    const out = [];
    (elements || []).forEach(function (element) {
      const id = element && element.data ? element.data.id : undefined;
      if (remove.has(id) || adding.has(id)) { return; }  // an added element replaces its old one
      const fields = data[id];
      const at = position[id];
      if (fields === undefined && at === undefined) {
        out.push(element);
        return;
      }
      const next = Object.assign({}, element);
      if (fields !== undefined) { next.data = Object.assign({}, element.data, fields); }
      if (at !== undefined) { next.position = drawn(at); }
      out.push(next);
    });
    return out.concat(add);
  }

  function stretchedLayout(layout) {
    const positions = {};
    Object.keys(layout.positions || {}).forEach(function (id) {
      positions[id] = drawn(layout.positions[id]);
    });
    return Object.assign({}, layout, {positions: positions});
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanovGraph: {
      apply: function (changes, elements) {
        const noUpdate = window.dash_clientside.no_update;
        if (!changes || typeof changes !== "object") { return [noUpdate, noUpdate, noUpdate]; }
        const touches = ["remove", "add", "data", "position"].some(function (part) {
          return changes[part] !== undefined;
        });
        if (window.ivanovCamera) { window.ivanovCamera.changed(window.cy, changes); }
        return [touches ? applyChanges(changes, elements) : noUpdate,
                changes.layout ? stretchedLayout(changes.layout) : noUpdate,
                changes.stylesheet || noUpdate];
      }
    }
  });
})();
