/* The long lists drawn in the browser: the table view's rows and the Document tab's text.

   The server sends them as data (dashboard/web/components/table.py `table_rows`, reader.py
   `reader_text`); drawn as Dash components, a few hundred rows or a whole document take
   the page seconds. Here they are plain elements built with createElement and text
   nodes: corpus text is never parsed as HTML. Buttons carry data-action (select a person
   or relation, as a click in the graph does: app.js) and citations data-jump, like the
   ones the server draws. Registered from dashboard/web/callbacks/table.py, reader.py,
   detail.py and story.py (the Details tab and the walk's step, sent as plain lists); the
   legend follows its box's data-legend attribute (graph.py). */
(function () {
  "use strict";

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      const value = props[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "className") { node.className = value; } else {
        node.setAttribute(key, value === true ? "" : String(value));
      }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* A box not in the page yet (a panel drawn once the graph is on screen, panels.js) is
     filled as soon as it is: the last nodes or text meant for it wait in `pending`. */
  const pending = new Map();

  function fill(id, nodes) {
    const box = document.getElementById(id);
    if (!box) { pending.set(id, {nodes: nodes}); return false; }
    pending.delete(id);
    box.replaceChildren.apply(box, nodes);
    return true;
  }

  function text(id, value) {
    const node = document.getElementById(id);
    if (!node) { pending.set(id, {text: value}); return; }
    pending.delete(id);
    node.textContent = value;
  }

  function fillPending() {
    pending.forEach(function (what, id) {
      if (!document.getElementById(id)) { return; }
      if (what.nodes) { fill(id, what.nodes); } else { text(id, what.text); }
    });
  }

  function selectButton(kind, id, className, children, selected, title) {
    return el("button", {type: "button", className: className, title: title,
                         "data-action": "select " + kind + " " + id,
                         "aria-current": selected ? "true" : null}, children);
  }

  function renderTable(data) {
    const noUpdate = window.dash_clientside.no_update;
    if (!data || !Array.isArray(data.people) || !Array.isArray(data.relations)) {
      return noUpdate;
    }
    fill("list-people", data.people.map(function (p) {
      return el("li", {className: p.selected ? "is-selected" : null}, [
        selectButton("person", p.id, "row-button", [
          el("span", {className: "row-name"}, [p.name]),
          el("span", {className: "meta"}, [p.meta])], p.selected, "Select " + p.name)]);
    }));
    fill("tbody-relations", data.relations.map(function (r) {
      return el("tr", {className: r.selected ? "is-selected" : null}, [
        el("td", {}, [selectButton("relation", r.id, "row-button", [r.label], r.selected,
                                   "Show this relation and the sentence that states it")]),
        el("td", {}, [r.polarity]), el("td", {}, [r.claimant]), el("td", {}, [r.years]),
        el("td", {className: "num"}, [r.cited])]);
    }));
    text("text-people-count", "(" + data.people.length + ")");
    text("text-relation-count", "(" + data.total + ")");
    text("text-table-more", data.more || "");
    return data.people.length + " people, " + data.relations.length + " relations";
  }

  function paragraph(p) {
    const pieces = (p.segments || []).map(function (s) {
      return s[1] ? el("mark", {className: s[1], title: s[2] || null}, [s[0]]) : s[0];
    });
    const links = (p.people || []).map(function (person) {
      return selectButton("person", person[0], "chip chip-person", [person[1]], false,
                          "Select " + person[1]);
    }).concat((p.relations || []).map(function (r) {
      return selectButton("relation", r[0], "chip polarity-" + r[2], [r[1]], false,
                          "Show relation " + r[0] + " and the sentence that states it");
    }));
    return el("div", {id: p.anchor, className: "reader-para", tabindex: "-1",
                      "aria-label": "Paragraph " + p.number}, [
      el("p", {}, [el("span", {className: "para-num", "aria-hidden": "true"},
                      ["¶" + p.number])].concat(pieces)),
      links.length ? el("p", {className: "para-links"},
                        [el("span", {className: "meta"}, ["In this paragraph: "])]
                          .concat(links)) : null]);
  }

  function renderReader(data) {
    const noUpdate = window.dash_clientside.no_update;
    if (!data || !Array.isArray(data.paragraphs)) { return noUpdate; }
    const nodes = data.missing ? [el("p", {className: "hint"}, [data.missing])] :
      [el("h2", {className: "reader-title"}, [data.title])].concat(
        data.paragraphs.map(paragraph));
    fill("div-reader-text", nodes);
    return data.paragraphs.length + " paragraphs";
  }

  /* Panels sent as [tag, attributes, children] lists (dashboard/web/components/plain.py):
     the Details tab, the walk's step and the legend. Tags and attribute names are checked
     again here; no event attribute, no link that is not http(s), text only as text
     nodes. */
  const TAGS = new Set(["a", "article", "aside", "b", "blockquote", "br", "button", "cite",
    "code", "dd", "details", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h2",
    "h3", "h4", "h5", "header", "hr", "i", "label", "li", "mark", "nav", "ol", "p", "q",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "th", "thead", "time", "tr", "ul"]);
  const NAME = /^[a-z][a-z0-9-]*$/;

  function plainNode(spec) {
    if (typeof spec === "string") { return document.createTextNode(spec); }
    if (!Array.isArray(spec) || !TAGS.has(spec[0])) { return null; }
    const given = spec[1] || {};
    const safe = {};
    Object.keys(given).forEach(function (key) {
      const value = given[key];
      if (key === "style" || !NAME.test(key) || key.indexOf("on") === 0) { return; }
      if (key === "href" && !/^(https?:\/\/|#)/.test(String(value))) { return; }
      safe[key] = value;
    });
    const node = el(spec[0], safe, (spec[2] || []).map(plainNode));
    Object.keys(given.style || {}).forEach(function (k) {
      node.style[k] = String(given.style[k]);
    });
    return node;
  }

  function renderPlain(id, spec) {
    if (!Array.isArray(spec)) { return window.dash_clientside.no_update; }
    const nodes = spec.map(plainNode).filter(Boolean);
    fill(id, nodes);
    const head = document.querySelector("#" + id + " h2, #" + id + " h3");
    return head ? head.textContent : String(nodes.length);
  }
  function renderDetail(spec) { return renderPlain("div-detail", spec); }
  function renderWalk(spec) { return renderPlain("div-walk-body", spec); }

  /* The legend under the graph comes as JSON in #div-legend's data-legend attribute (set
     by the layout, then by the graph's callback when the colouring or sizing changes),
     and is drawn here as soon as React puts it in the page: a mutation observer runs
     before the next frame, so the graph's box has its final height before the camera
     first fits the graph (a clientside callback would run after, and the graph would be
     placed twice). */
  let legendDrawn = null;
  function drawLegend() {
    const box = document.getElementById("div-legend");
    const text = box && box.getAttribute("data-legend");
    if (!text || text === legendDrawn) { return; }
    let spec = null;
    try { spec = JSON.parse(text); } catch (err) { return; }
    if (!Array.isArray(spec)) { return; }
    legendDrawn = text;
    renderPlain("div-legend", spec);
  }
  /* One observer for the legend's attribute and for the boxes that `fill` waits for. */
  function watch() {
    drawLegend();
    new MutationObserver(function () {
      drawLegend();
      if (pending.size) { fillPending(); }
    }).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["data-legend"]});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanovLists: {renderTable: renderTable, renderReader: renderReader,
                  renderDetail: renderDetail, renderWalk: renderWalk}
  });
})();
