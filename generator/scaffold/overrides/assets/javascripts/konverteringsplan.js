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

  if (typeof document$ !== "undefined") document$.subscribe(fix);
  else document.addEventListener("DOMContentLoaded", fix);
})();
