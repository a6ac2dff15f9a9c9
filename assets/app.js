/* The page's own behaviour: one way for a click to change the view, the side-panel tabs
   and their keys, the jump to a paragraph, the table view and the search list.
   Registered from dashboard/web/callbacks/ (url.py, reader.py, table.py, analysis.py).
   No network access of its own, no HTML strings. */
(function () {
  "use strict";

  function setProps(id, props) {
    const dc = window.dash_clientside;
    if (dc && typeof dc.set_props === "function") {
      dc.set_props(id, props);
      return true;
    }
    return false;
  }

  /* Every button that changes the view carries data-action="NAME ARG…" (the names are
     declared in dashboard/web/callbacks/url.py); a button of a panel's own state carries
     data-store and data-value (JSON). Neither is a callback input, so a panel drawn again
     posts nothing. */
  function act(action, value) {
    return setProps("store-action", {data: {action: action, value: value, at: Date.now()}});
  }

  document.addEventListener("click", function (event) {
    const target = event.target;
    if (!target || !target.closest) { return; }
    const actor = target.closest("[data-action]");
    if (actor && !actor.disabled) {
      event.preventDefault();
      act(actor.getAttribute("data-action"));
      if (actor.closest(".search-results")) { closeSearch(true); }
      return;
    }
    const storer = target.closest("[data-store]");
    if (storer) {
      event.preventDefault();
      try {
        setProps(storer.getAttribute("data-store"),
                 {data: JSON.parse(storer.getAttribute("data-value"))});
      } catch (err) { /* a malformed value: ignore the click */ }
      return;
    }
    const jump = target.closest("[data-jump]");
    if (jump) {
      event.preventDefault();
      setProps("store-jump", {data: {anchor: jump.getAttribute("data-jump"), at: Date.now()}});
      showParagraph(jump.getAttribute("data-jump"));
    }
  });

  /* Escape lets go of what is open: a menu, the search list, then the selection. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) { return; }
    const menu = document.querySelector("details.export-menu[open]");
    if (menu) {
      menu.open = false;
      const summary = menu.querySelector("summary");
      if (summary) { summary.focus(); }
      return;
    }
    if (closeSearch(false)) { return; }
    if (document.fullscreenElement) { return; }  /* the browser leaves full screen */
    const params = new URLSearchParams(window.location.search);
    if (params.has("person") || params.has("relation")) { act("clear"); }
  });

  /* A click outside an open menu closes it. */
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.export-menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.open = false; }
    });
    const search = document.querySelector(".search");
    if (search && !search.contains(event.target)) { closeSearch(false); }
  }, true);

  /* --- the search list: ArrowDown moves into it, Enter picks the focused or first hit --- */
  function hits() {
    return Array.from(document.querySelectorAll("#list-search-results .search-hit"));
  }
  function closeSearch(clear) {
    const list = document.getElementById("list-search-results");
    if (!list || list.classList.contains("is-closed") || !list.children.length) {
      return false;
    }
    list.classList.add("is-closed");
    if (clear) {
      const input = document.getElementById("input-search");
      if (input) { input.blur(); }
    }
    return true;
  }
  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "input-search") {
      const list = document.getElementById("list-search-results");
      if (list) { list.classList.remove("is-closed"); }
    }
  });
  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (!target) { return; }
    const inInput = target.id === "input-search";
    const inList = target.closest && target.closest("#list-search-results");
    if (!inInput && !inList) { return; }
    const all = hits();
    const at = all.indexOf(target);
    if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      const list = document.getElementById("list-search-results");
      if (list) { list.classList.remove("is-closed"); }
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && inList) {
      event.preventDefault();
      if (at <= 0) { document.getElementById("input-search").focus(); } else { all[at - 1].focus(); }
    } else if (event.key === "Enter" && inInput && all.length) {
      event.preventDefault();
      all[0].click();
    }
  });

  /* --- the reader: scroll to a paragraph once it is there --- */
  function showParagraph(anchor) {
    /* The reader is display:none until the tab's class lands, and the text comes from the
       server when the tab first opens: look for the paragraph on each frame, up to 30 s. */
    const started = performance.now();
    const look = function () {
      const target = document.getElementById(anchor);
      const reader = document.getElementById("div-reader");
      if (!target || !reader || reader.offsetParent === null) {
        if (performance.now() - started < 30000) { window.requestAnimationFrame(look); }
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

  /* --- the side panel's tabs and the keys of their panels --- */
  const TABS = ["detail", "reader", "analysis"];

  function panelKey(search, ignores, needsSelection) {
    const params = new URLSearchParams(search || "");
    if (needsSelection && !params.has("person") && !params.has("relation")) { return ""; }
    (ignores || []).forEach(function (name) { params.delete(name); });
    params.sort();
    const text = params.toString();
    return text ? "?" + text : "";
  }

  const NO = function () { return window.dash_clientside.no_update; };

  /* Whether the side panel is out of sight (frame.css, present.css): a selection shows it
     during the walk and in the projector view even when folded; otherwise the walk's
     text takes its place, or it is folded. walk.js, loaded later, knows the folds and
     the walk's step. */
  function sideHidden(search, folds, config) {
    const params = new URLSearchParams(search || "");
    const selected = params.has("person") || params.has("relation");
    const walking = window.ivanovStep ? window.ivanovStep(search, config) > 0 : false;
    if (selected && (walking || params.get("present") === "1")) { return false; }
    if (walking) { return true; }
    return window.ivanovFolds ? window.ivanovFolds(folds).side : false;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanov: {
      passSearch: function (search, current) {
        /* The URL's query goes on to the server's callbacks (the URL callback, the graph's
           redraw) only when it differs from the one they last saw: dcc.Location sets
           `search` when it mounts, and at the start view, which the layout already
           shows, that would post two requests for nothing. */
        const query = search || "";
        return query === (current || "") ? NO() : query;
      },
      sidePanel: function (detail, reader, analysis, selectedAt, jump, current) {
        const trigger = window.dash_clientside.callback_context.triggered_id;
        let tab = current || "detail";
        if (trigger === "button-tab-detail" || trigger === "store-selected-at") {
          tab = "detail";
        } else if (trigger === "button-tab-reader" || trigger === "store-jump") {
          tab = "reader";
        } else if (trigger === "button-tab-analysis") {
          tab = "analysis";
        }
        return [tab, "panel-side show-" + tab].concat(
          TABS.map(function (t) { return String(t === tab); }));
      },
      panelKeys: function (search, tab, folds, detailKey, analysisKey, config) {
        /* The open tab's panel is drawn again only when the part of the URL it depends on
           changed: a closed tab, a hidden side panel (folded, or the walk's text in its
           place) or a click that leaves its key alone posts nothing. */
        const ignores = (config && config.panelIgnores) || {};
        let detail = NO();
        let analysis = NO();
        if (sideHidden(search, folds, config)) { return [detail, analysis]; }
        if ((tab || "detail") === "detail") {
          const key = panelKey(search, ignores.detail, true);
          if (key !== detailKey) { detail = key; }
        } else if (tab === "analysis") {
          const key = panelKey(search, ignores.analysis, false);
          if (key !== analysisKey) { analysis = key; }
        }
        return [detail, analysis];
      },
      readerKey: function (tab, document, current) {
        /* The reader draws a document once its tab is open, and again when it changes. */
        if (tab !== "reader" || !document || document === current) { return NO(); }
        return document;
      },
      readerDocument: function (jump, current) {
        /* A citation of another document switches the reader to it first; the server then
           renders that document and showParagraph waits for the paragraph to appear. */
        const match = /^para-(.+)-(\d+)$/.exec((jump && jump.anchor) || "");
        return match && match[1] !== current ? match[1] : NO();
      },
      chartAction: function (clicks, selections, polarity) {
        /* A matrix square or a timeline brush, as an action of the URL callback. */
        const trigger = window.dash_clientside.callback_context.triggered_id;
        const type = trigger && trigger.type;
        if (type === "chart-matrix") {
          const data = (clicks || []).find(function (c) { return c && c.points; });
          const point = data && data.points[0];
          if (!point || !point.z) { return NO(); }
          return {action: ["cell", point.y, point.x, polarity || "hostile"].join(" "),
                  at: Date.now()};
        }
        if (type === "chart-timeline") {
          const selected = (selections || []).find(function (s) { return s && s.range; });
          return selected ? {action: "brush", value: {range: selected.range}, at: Date.now()}
                          : NO();
        }
        return NO();
      },
      tableView: function (search, wasOpen) {
        /* The graph or its table view, as the URL says (table=1). The camera (zoom, pan)
           is kept while the graph is hidden and put back when it returns: Cytoscape
           cannot measure a hidden box. */
        const open = new URLSearchParams(search || "").get("table") === "1";
        const cy = window.cy;
        if (open && !wasOpen && cy) {
          window.__ivanovCamera = {zoom: cy.zoom(), pan: Object.assign({}, cy.pan())};
        } else if (!open && wasOpen && cy) {
          window.requestAnimationFrame(function () {
            cy.resize();
            const saved = window.__ivanovCamera;
            if (saved && isFinite(saved.zoom) && isFinite(saved.pan.x) && isFinite(saved.pan.y)) {
              cy.viewport({zoom: saved.zoom, pan: saved.pan});
            } else if (window.ivanovCamera) {
              window.ivanovCamera.fit(cy, false);
            }
          });
        }
        return [open, !open, "panel-graph" + (open ? " is-table" : ""), String(open),
                open ? "Graph view" : "Table view"];
      },
      tableQuery: function (search, isOpen, current) {
        /* Pass the view on to the table view's server callback only while it is open, and
           only when what the table shows changed. */
        if (!isOpen) { return NO(); }
        const key = panelKey(search, ["layout", "color", "size", "present", "moved", "step"],
                             false);
        return current && current.search === key ? NO() : {search: key};
      }
    }
  });

  /* Long lists are one Tab stop each (a "roving" tab stop): Tab reaches the list's chosen
     or first row, the up and down arrows (and Home, End) move between its rows, Tab
     leaves it. The table view's two lists, the analysis people table and the search
     results. */
  const LISTS = [["#list-people", ".row-button"], ["#table-relations", ".row-button"],
                 [".people-table tbody", ".row-link"], ["#list-search-results", ".search-hit"]];

  function rows(list, item) { return Array.from(list.querySelectorAll(item)); }

  function rove() {
    LISTS.forEach(function (pair) {
      document.querySelectorAll(pair[0]).forEach(function (list) {
        const all = rows(list, pair[1]);
        if (!all.length) { return; }
        const keep = all.find(function (b) { return b === document.activeElement; }) ||
          all.find(function (b) { return b.getAttribute("aria-current") === "true" ||
                                         b.closest(".is-selected"); }) || all[0];
        all.forEach(function (b) {
          const want = b === keep ? "0" : "-1";
          if (b.getAttribute("tabindex") !== want) { b.setAttribute("tabindex", want); }
        });
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
    const button = event.target;
    if (!keys.includes(event.key) || !button || !button.closest) { return; }
    const pair = LISTS.find(function (p) {
      return p[0] !== "#list-search-results" && button.matches(p[1]) && button.closest(p[0]);
    });
    if (!pair) { return; }
    const buttons = rows(button.closest(pair[0]), pair[1]);
    const at = buttons.indexOf(button);
    const to = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1}[event.key];
    if (to >= 0 && to < buttons.length) {
      event.preventDefault();
      buttons[to].focus();
      rove();
    }
  });

  /* Choosing a row changes the URL, and the server sends the view again: the new rows
     replace the old ones, focus with them. Put focus back on the same person or relation. */
  let lastRow = null;
  const remember = function (event) {
    const button = event.target.closest && event.target.closest(".row-button");
    if (button) { lastRow = button.getAttribute("data-action"); }
  };
  document.addEventListener("click", remember, true);
  document.addEventListener("focusin", remember, true);
  let roving = false;
  new MutationObserver(function () {
    if (!roving) {
      roving = true;
      window.requestAnimationFrame(function () { roving = false; rove(); });
    }
  }).observe(document.documentElement, {childList: true, subtree: true});

  new MutationObserver(function () {
    const box = document.getElementById("div-table-view");
    const active = document.activeElement;
    if (!lastRow || !box || box.hidden || (active && active !== document.body)) { return; }
    const again = Array.from(box.querySelectorAll(".row-button")).find(function (b) {
      return b.getAttribute("data-action") === lastRow;
    });
    if (again) { again.focus({preventScroll: true}); }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
