/* A notice when the app loses its server, gone when the server answers again (issue 15).

   A school network drops, a laptop sleeps, the teacher restarts the server: Dash's own
   requests then fail without a word, and a click seems to do nothing. Every callback
   request goes through window.fetch, so this script watches them: one that cannot reach
   the server (the fetch rejects) or that a proxy answers 502, 503 or 504 shows the notice
   in an alert region; from then on a cheap request (HEAD of the callback list) asks every
   few seconds whether the server is back, and the first answer clears the notice, as does
   any callback that gets through. Clicks are not sent again: the user clicks anew.

   The wrapper hands every call on unchanged (a test's own fetch wrapper keeps working) and
   asks only this origin. No HTML strings. */
(function () {
  "use strict";
  const CALLBACK = "_dash-update-component";
  const PROBE = "_dash-dependencies";  // small, computed from the callbacks alone
  const GATEWAY = [502, 503, 504];
  const EVERY_MS = 3000;
  const TEXT = "The app has lost its server; your last click was not applied. " +
               "It will reconnect by itself.";
  const fetch0 = window.fetch;
  let region = null;
  let probe = "";  // the probe's URL, beside the callback URL that failed
  let timer = null;

  function url(input) {
    if (typeof input === "string") { return input; }
    return (input && (input.url || input.href)) || "";
  }

  function lost(where) {
    if (where) { probe = where.slice(0, where.lastIndexOf(CALLBACK)) + PROBE; }
    if (region && region.textContent !== TEXT) { region.textContent = TEXT; }
    if (timer === null) { timer = window.setTimeout(ask, EVERY_MS); }
  }

  function found() {
    if (timer !== null) { window.clearTimeout(timer); timer = null; }
    if (region && region.textContent) { region.textContent = ""; }
  }

  function ask() {
    timer = null;
    fetch0.call(window, probe, {method: "HEAD", cache: "no-store", credentials: "same-origin"})
      .then(function (response) {
        if (response.status < 500) { found(); } else { lost(""); }
      }, function () { lost(""); });
  }

  window.fetch = function (input) {
    const promise = fetch0.apply(this, arguments);
    const where = url(input);
    if (where.indexOf(CALLBACK) === -1) { return promise; }
    return promise.then(function (response) {
      if (GATEWAY.indexOf(response.status) !== -1) { lost(where); } else { found(); }
      return response;
    }, function (error) {
      if (!error || error.name !== "AbortError") { lost(where); }
      throw error;
    });
  };

  function start() {
    region = document.createElement("div");
    region.className = "offline-notice";
    region.setAttribute("role", "alert");
    region.setAttribute("aria-live", "assertive");
    region.setAttribute("aria-atomic", "true");
    document.body.appendChild(region);
    window.addEventListener("online", function () {
      if (timer !== null) { window.clearTimeout(timer); ask(); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
