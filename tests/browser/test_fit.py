"""Fits the screen, measured on every page of the sitemap:

- at 1366×768 (a common office laptop) and at 375 px (a phone), a table or chart that is wider than its
  column has a visible line above it saying that it scrolls sideways;
- at 1366×768 the columns a reader needs (who, when, the verdict) are visible without scrolling;
- at 375 px no chart's text is smaller than 11 px on screen and no table's text smaller than 11 px.

The measurements are printed (run with ``-s``); the README gives them.
"""

from __future__ import annotations

import pytest

from .support import sitemap_paths

VIEWPORTS = {"1366": {"width": 1366, "height": 768}, "375": {"width": 375, "height": 667}}
NEEDED = ("Rolle", "Hvem indtaster", "Hvem", "Hvornår", "Dato", "Vurdering", "Fra", "Til")

MEASURE = """() => {
  const out = {wide: [], uncued: [], hidden: [], chartPx: [], tablePx: []};
  for (const wrap of document.querySelectorAll('article .md-typeset__scrollwrap, article .kp-figure')) {
    if (wrap.scrollWidth <= wrap.clientWidth + 1) continue;
    const name = (wrap.querySelector('th') || wrap.querySelector('title') || wrap).textContent.trim().slice(0, 40);
    out.wide.push(name);
    const cue = wrap.previousElementSibling;
    if (!cue || !cue.classList.contains('kp-scroll-cue') || !cue.offsetParent) out.uncued.push(name);
    const right = wrap.getBoundingClientRect().right;
    for (const th of wrap.querySelectorAll('th'))
      if (NEEDED.includes(th.textContent.trim()) && th.getBoundingClientRect().right > right + 1)
        out.hidden.push(name + ': ' + th.textContent.trim());
  }
  for (const svg of document.querySelectorAll('article svg.kp-chart')) {
    const scale = svg.getScreenCTM().a;
    for (const t of svg.querySelectorAll('text'))
      out.chartPx.push(parseFloat(getComputedStyle(t).fontSize) * scale);
  }
  for (const td of document.querySelectorAll('article table td, article table th'))
    out.tablePx.push(parseFloat(getComputedStyle(td).fontSize));
  return out;
}"""


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_every_page_fits_the_screen(browser, base_url, site_dir, width):
    ctx = browser.new_context(locale="da-DK", viewport=VIEWPORTS[width])
    page = ctx.new_page()
    problems, wide, smallest_chart, smallest_table = [], 0, 99.0, 99.0
    try:
        for path in sitemap_paths(site_dir):
            page.goto(base_url + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(50)  # the cue lines are added on load
            m = page.evaluate(MEASURE.replace("NEEDED", repr(list(NEEDED))))
            wide += len(m["wide"])
            problems += [f"{path}: no cue above {n!r}" for n in m["uncued"]]
            if width == "1366":
                problems += [f"{path}: column hidden at 1366 px: {h}" for h in m["hidden"]]
            else:
                small = [px for px in m["chartPx"] if px < 11 - 0.05]
                problems += [f"{path}: chart text {min(small):.1f} px" for _ in small[:1]]
                small_td = [px for px in m["tablePx"] if px < 11 - 0.05]
                problems += [f"{path}: table text {min(small_td):.1f} px" for _ in small_td[:1]]
            smallest_chart = min([smallest_chart, *m["chartPx"]])
            smallest_table = min([smallest_table, *m["tablePx"]])
    finally:
        ctx.close()
    print(
        f"\n{width} px: {wide} tables/charts scroll sideways (each with a cue); smallest chart text "
        f"{smallest_chart:.1f} px, smallest table text {smallest_table:.1f} px"
    )
    assert not problems, "\n".join(problems)
