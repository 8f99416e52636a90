"""No script from the plan runs in a real browser: a site built from a plan whose every text field holds a
payload (an image with onerror, a closing quote and an svg with onload, the same pre-escaped as entities,
a javascript: web address) is opened page by page in Chromium; every tooltip (``abbr[title]``,
``[title]``) and every ellipsised navigation, footer and table-of-contents title is hovered. Material
shows these with ``innerHTML``, so text that is escaped only once would run here. No dialog may open and
``window.__pwned`` must stay undefined."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from safety_support import dump_plan, example_data, make_files_for, scan_site, text_slots
from safety_support import hostile_plan as _hostile
from safety_support import marker as _marker
from safety_support import refused_slots as _refused

from conftest import copy_project, mkdocs_build

PAYLOAD = (
    'Et langt navn, som menuen skærer af <img src=x onerror="window.__pwned=1"> '
    '"><svg onload="window.__pwned=2"> &lt;img src=x onerror=window.__pwned=3&gt;'
)
KLIK_LINK = "https://klik.dk/a)[klik](javascript:window.__pwned=4)"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("fjendtlig")
    data = example_data()
    data["undervisning"]["klik_link"] = KLIK_LINK
    slots = text_slots(data)
    project = copy_project(tmp / "projekt", dump_plan(_hostile(data, slots, PAYLOAD, set())))
    refused = _refused(project, slots)
    images = set(refused)  # screenshot names must be files under docs/: give them one
    make_files_for(project / "docs", [f"{_marker(i)} {PAYLOAD}.png" for i in images])
    (project / "plan.yaml").write_text(dump_plan(_hostile(data, slots, PAYLOAD, set(), images)), encoding="utf-8")
    refused = _refused(project, slots)
    images -= refused
    (project / "plan.yaml").write_text(dump_plan(_hostile(data, slots, PAYLOAD, refused, images)), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def hostile_url(hostile_site) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(hostile_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


HOVERABLE = """() => {
  const all = [...document.querySelectorAll('abbr[title], .md-typeset [title], .md-ellipsis, .md-footer__link')];
  const seen = new Set();
  return all.map((el, i) => { el.setAttribute('data-kp-hover', String(i)); return el; })
    .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
    .filter(el => { const key = el.tagName + '|' + el.textContent.trim().slice(0, 40) + '|' + (el.title || '');
                    if (seen.has(key)) return false; seen.add(key); return true; })
    .map(el => el.getAttribute('data-kp-hover'));
}"""


def test_hovering_every_tooltip_and_ellipsised_title_runs_no_script(browser, hostile_site, hostile_url):
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    pwned: list[str] = []
    hovered = 0
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))  # dismissed at once
        for path in pages:
            try:
                page.goto(hostile_url + path)
            except Exception as exc:  # a page that a script keeps busy does not finish loading
                pwned.append(f"{path}: {str(exc).splitlines()[0]}")
                continue
            for key in page.evaluate(HOVERABLE):
                target = page.locator(f'[data-kp-hover="{key}"]')
                try:
                    target.scroll_into_view_if_needed(timeout=1_000)
                    target.hover(timeout=1_000, force=True)
                except Exception:  # covered or moved by the sticky header: the JS tooltip mount is what counts
                    continue
                hovered += 1
            page.wait_for_timeout(100)
            value = page.evaluate("window.__pwned")
            if value is not None:
                pwned.append(f"{path}: window.__pwned = {value}")
        assert hovered > 200, f"only {hovered} elements hovered"
        # The payload's text is there, inert: shown as typed or with look-alikes, never as an image.
        page.goto(hostile_url + "roller/")
        assert page.locator("img[src='x']").count() == 0
        assert "onerror" in page.inner_text("body")
    finally:
        context.close()
    assert pwned == [], "script from the plan ran"
    assert dialogs == []
    problems, _ = scan_site(hostile_site)  # and the same, read from the HTML without a browser
    assert problems == {}, problems
