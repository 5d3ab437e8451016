// The one script of the console, served as /assets/roll-upload.js (the CSP allows scripts from this
// origin only, never inline). It updates a running roll upload's status in place every second,
// reading the same page the Refresh link loads, so the focus stays put and the live region
// announces the new sentence; when the job has ended it loads the page once to show the outcome.
// Without it the page works the same, refreshed by the officer (a page that reloads itself by
// <meta http-equiv="refresh"> fails WCAG 2.2.1; axe-core rates it critical).

/** The status page's script (plain ES2017, no build step). */
export const rollUploadScript = `"use strict";
(function () {
  var status = document.getElementById("upload-status");
  if (!status || status.getAttribute("data-running") !== "1") return;
  function tick() {
    fetch(location.pathname, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, "text/html").getElementById("upload-status");
        if (!next || next.getAttribute("data-running") !== "1") { location.replace(location.pathname); return; }
        var sentence = next.querySelector("#progress-text");
        var bar = next.querySelector("#upload-progress");
        if (sentence) document.getElementById("progress-text").textContent = sentence.textContent;
        if (bar) {
          var mine = document.getElementById("upload-progress");
          mine.value = Number(bar.getAttribute("value"));
          mine.textContent = bar.textContent;
        }
        setTimeout(tick, 1000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
`;
