/* Accessibility repairs to Dash 4's own markup, kept in one place.

   dcc.Checklist and dcc.RadioItems draw their native checkboxes and radio buttons inside
   role="listbox" / role="option" wrappers: a screen reader then announces an unnamed
   listbox whose options contain other controls (axe: aria-input-field-name,
   nested-interactive). The native inputs, their <label>s and our <fieldset><legend>
   already say everything, so the wrapper roles are removed as soon as Dash draws them
   (and again whenever React puts them back).

   dcc.Dropdown puts an aria-hidden <input> first in the tab order that hands focus on
   to the real trigger, a <button> with tabindex -1 (axe: aria-hidden-focus). The button
   opens the menu with Enter, Space or the down arrow and is named by the chosen value, so
   it takes the tab stop itself and the hidden input leaves the tab order.

   dcc.RangeSlider draws two number boxes beside the year slider with no name at all
   (axe: label, critical; they show on narrow screens too). They are named "First year"
   and "Last year" by their class, or by their order, whenever React draws them again.
   No network access, no HTML strings. */
(function () {
  "use strict";
  const LIST = ".dash-options-list.dash-checklist, .dash-options-list.dash-radioitems";
  const ROLES = ["role", "aria-selected"];
  const TRAMPOLINE = ".dash-dropdown-focus-target";
  const YEARS = "#rangeslider-years";
  const YEAR_NAMES = ["First year", "Last year"];

  function repair(root) {
    const scope = root.querySelectorAll ? root : document;
    const lists = [];
    if (scope.matches && scope.matches(LIST)) { lists.push(scope); }
    scope.querySelectorAll(LIST).forEach(function (el) { lists.push(el); });
    lists.forEach(function (list) {
      [list].concat(Array.from(list.querySelectorAll(".dash-options-list-option")))
        .forEach(function (el) {
          ROLES.forEach(function (name) {
            if (el.hasAttribute(name)) { el.removeAttribute(name); }
          });
        });
    });
  }

  function dropdowns(root) {
    const scope = root.querySelectorAll ? root : document;
    const found = Array.from(scope.querySelectorAll(TRAMPOLINE));
    if (scope.matches && scope.matches(TRAMPOLINE)) { found.push(scope); }
    found.forEach(function (input) {
      if (input.getAttribute("tabindex") !== "-1") { input.setAttribute("tabindex", "-1"); }
      const button = input.nextElementSibling;
      if (button && button.tagName === "BUTTON" && !button.disabled &&
          button.getAttribute("tabindex") !== "0") {
        button.setAttribute("tabindex", "0");
      }
    });
  }

  function years() {
    const slider = document.querySelector(YEARS);
    if (!slider) { return; }
    const boxes = Array.from(slider.querySelectorAll("input"));
    boxes.forEach(function (input, n) {
      let name = YEAR_NAMES[n === 0 ? 0 : 1];
      if (input.classList.contains("dash-range-slider-min-input")) { name = YEAR_NAMES[0]; }
      if (input.classList.contains("dash-range-slider-max-input")) { name = YEAR_NAMES[1]; }
      if (input.getAttribute("aria-label") !== name) { input.setAttribute("aria-label", name); }
    });
  }

  function start() {
    dropdowns(document);
    repair(document);
    years();
    new MutationObserver(function (mutations) {
      years();
      mutations.forEach(function (m) {
        if (m.type === "attributes") {
          if (m.attributeName === "tabindex") {
            if (m.target.matches(TRAMPOLINE)) { dropdowns(m.target); }
          } else if (m.target.closest && m.target.closest(LIST)) {
            repair(m.target.closest(LIST));
          }
        } else {
          m.addedNodes.forEach(function (node) {
            if (node.nodeType !== 1) { return; }
            repair((node.closest && node.closest(LIST)) || node);
            dropdowns(node);
          });
        }
      });
    }).observe(document.body, {subtree: true, childList: true, attributes: true,
                               attributeFilter: ROLES.concat(["tabindex", "aria-label"])});
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
