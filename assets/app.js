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
