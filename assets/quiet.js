/* One known warning, and only it, kept out of the console.

   dash-cytoscape always hands Cytoscape a wheel sensitivity, and Cytoscape warns
   ("You have set a custom wheel sensitivity…") whenever one is given, even its default.
   This app sets one on purpose (a notch of the wheel zooms about 1.25×, not 2.5×:
   dashboard/web/layout.py WHEEL_SENSITIVITY), so the warning says nothing new; every
   other message goes through unchanged. */
(function () {
  "use strict";
  const warn = console.warn.bind(console);
  console.warn = function () {
    const first = arguments[0];
    if (typeof first === "string" && first.indexOf("custom wheel sensitivity") !== -1) {
      return;
    }
    warn.apply(null, arguments);
  };
})();
