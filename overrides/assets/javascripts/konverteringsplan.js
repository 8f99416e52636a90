/* Accessibility fixes for markup that Material and pymdownx produce (found by axe-core, see
 * tests/browser/test_a11y.py). Runs on every page view (Material's document$ observable). */
(function () {
  "use strict";

  function heading(el) {
    // the nearest heading before el, for naming a region after it
    for (var n = el; n; n = n.previousElementSibling || n.parentElement) {
      if (/^H[1-6]$/.test(n.tagName)) return n.textContent.replace(/¶\s*$/, "").trim();
    }
    return "";
  }

  function fix() {
    // Task lists (pymdownx.tasklist): the read-only checkboxes have no label (WCAG 4.1.2).
    document.querySelectorAll(".task-list-control input[type=checkbox]").forEach(function (box) {
      if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", box.checked ? "Løst" : "Ikke løst");
    });
    // Wide tables scroll sideways in a wrapper that keyboard users must be able to reach (2.1.1).
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Tabel" + (heading(wrap) ? ": " + heading(wrap) : ""));
    });
  }

  // Fits the screen: a table or chart wider than its column gets a line above it saying that it
  // scrolls sideways (tests/browser/test_fit.py checks every page at 1366 and 375 px).
  var CUE = "Bredere end skærmen: rul til siden for at se det hele \u2192";
  function cue() {
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .kp-figure").forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      var before = wrap.previousElementSibling;
      var has = before && before.classList.contains("kp-scroll-cue");
      wrap.classList.toggle("kp-overflows", wide);
      if (wide && !has) {
        var line = document.createElement("p");
        line.className = "kp-scroll-cue";
        line.textContent = CUE;
        wrap.parentNode.insertBefore(line, wrap);
      } else if (!wide && has) {
        before.remove();
      }
      if (wide && wrap.classList.contains("kp-figure") && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");  // a scrolling region is reached with the keyboard too
      }
    });
  }
  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(cue, 150); });

  function all() { fix(); cue(); }
  if (typeof document$ !== "undefined") document$.subscribe(all);
  else document.addEventListener("DOMContentLoaded", all);
})();
