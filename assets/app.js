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
    showParagraph: function (anchor) {
      /* Both tabs stay mounted, but the reader is display:none until the class lands:
         scroll on the next frame, after the switch. */
      window.requestAnimationFrame(function () {
        const target = document.getElementById(anchor);
        if (!target) { return; }
        document.querySelectorAll(".reader-para.is-current").forEach(function (el) {
          el.classList.remove("is-current");
        });
        target.classList.add("is-current");
        target.scrollIntoView({block: "center"});
        target.focus({preventScroll: true});
      });
    }
  }
});
