/* Small clientside helpers: the side-panel tabs and scrolling the reader to a passage.
   Registered from dashboard/callbacks/reader.py; no network access, no HTML strings. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  ivanov: {
    sidePanel: function () {
      const ctx = window.dash_clientside.callback_context;
      const noUpdate = window.dash_clientside.no_update;
      const tabs = ["detail", "reader", "analysis"];
      const unchanged = [noUpdate].concat(tabs.map(function () { return noUpdate; }), [noUpdate]);
      if (!ctx.triggered || !ctx.triggered.length) { return unchanged; }
      const first = ctx.triggered[0];
      if (!first.value) { return unchanged; }
      const trigger = ctx.triggered_id;
      let tab = "detail";
      if (trigger === "button-tab-reader") {
        tab = "reader";
      } else if (trigger === "button-tab-analysis") {
        tab = "analysis";
      } else if (trigger && trigger.type === "button-passage") {
        tab = "reader";
        window.dash_clientside.ivanov.showParagraph(trigger.id);
      }
      return ["panel-side show-" + tab].concat(
        tabs.map(function (t) { return String(t === tab); }), [tab]);
    },
    tableView: function (clicks, isOpen) {
      /* The graph or its table view; the graph is resized when it comes back, since
         Cytoscape cannot measure a hidden container. */
      const open = !isOpen;
      if (!open) {
        window.requestAnimationFrame(function () { if (window.cy) { window.cy.resize(); } });
      }
      return [open, !open, "panel-graph" + (open ? " is-table" : ""), String(open),
              open ? "Graph view" : "Table view"];
    },
    tableQuery: function (search, isOpen) {
      /* Pass the view on to the table view's server callback only while it is open; the
         stamp makes reopening on the same view fetch it again. */
      if (!isOpen) { return window.dash_clientside.no_update; }
      return {search: search || "", at: Date.now()};
    },
    readerDocument: function (clicks, current) {
      /* A citation of another document switches the reader to it first; the server then
         renders that document and showParagraph waits for the paragraph to appear. */
      const ctx = window.dash_clientside.callback_context;
      const noUpdate = window.dash_clientside.no_update;
      const trigger = ctx.triggered_id;
      if (!ctx.triggered.length || !ctx.triggered[0].value || !trigger) { return noUpdate; }
      const match = /^para-(.+)-(\d+)$/.exec(trigger.id || "");
      return match && match[1] !== current ? match[1] : noUpdate;
    },
    showParagraph: function (anchor) {
      /* The reader is display:none until the tab's class lands, and another document's
         text comes from the server: look for the paragraph on each frame, for up to 10 s. */
      const started = performance.now();
      const look = function () {
        const target = document.getElementById(anchor);
        const reader = document.getElementById("div-reader");
        if (!target || !reader || reader.offsetParent === null) {
          if (performance.now() - started < 10000) { window.requestAnimationFrame(look); }
          return;
        }
        document.querySelectorAll(".reader-para.is-current").forEach(function (el) {
          el.classList.remove("is-current");
        });
        target.classList.add("is-current");
        target.scrollIntoView({block: "center"});
        target.focus({preventScroll: true});
      };
      window.requestAnimationFrame(look);
    }
  }
});

/* The table view's lists: the up and down arrows (and Home, End) move between its buttons,
   as in a listbox; Tab still leaves the list. */
document.addEventListener("keydown", function (event) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  const button = event.target;
  if (!keys.includes(event.key) || !button.classList ||
      !button.classList.contains("row-button")) { return; }
  const list = button.closest("#list-people, #table-relations");
  if (!list) { return; }
  const buttons = Array.from(list.querySelectorAll(".row-button"));
  const at = buttons.indexOf(button);
  const to = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1}[event.key];
  if (to >= 0 && to < buttons.length) {
    event.preventDefault();
    buttons[to].focus();
  }
});

/* Choosing a row changes the URL, and the server sends the view again: the new rows
   replace the old ones, focus with them. Put focus back on the same person or relation. */
(function () {
  let lastRow = null;
  const remember = function (event) {
    const button = event.target.closest && event.target.closest(".row-button");
    if (button) { lastRow = button.id; }
  };
  document.addEventListener("click", remember, true);
  document.addEventListener("focusin", remember, true);
  new MutationObserver(function () {
    const box = document.getElementById("div-table-view");
    const active = document.activeElement;
    if (!lastRow || !box || box.hidden || (active && active !== document.body)) { return; }
    const again = document.getElementById(lastRow);
    if (again) { again.focus({preventScroll: true}); }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
