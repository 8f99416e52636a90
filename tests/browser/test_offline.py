"""The offline build: a zip that works from file:// with search, and asks no outside host.

Builds with mkdocs.offline.yml (the offline and privacy plugins; see ``make offline``), zips,
unzips, opens index.html from file:// and records every request the page makes.
"""

from __future__ import annotations

import shutil
import zipfile

import pytest

from .support import build_site, mkdocs_config

SEARCH_FOR = "indsatserne"


@pytest.fixture(scope="session")
def offline_index(tmp_path_factory):
    config_file = mkdocs_config().with_name("mkdocs.offline.yml")
    if not config_file.is_file():
        pytest.fail(f"no offline configuration at {config_file}")
    work = tmp_path_factory.mktemp("offline")
    site = build_site(config_file, work / "konverteringsplan")
    archive = shutil.make_archive(str(work / "konverteringsplan-offline"), "zip", work, "konverteringsplan")
    shutil.rmtree(site)
    unpacked = work / "pakket-ud"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    index = unpacked / "konverteringsplan" / "index.html"
    assert index.is_file()
    return index


def test_offline_zip_searches_without_network(browser, offline_index):
    ctx = browser.new_context(locale="da-DK")
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(offline_index.as_uri())
    page.keyboard.press("/")
    page.keyboard.type(SEARCH_FOR)
    page.wait_for_selector(".md-search-result__item a.md-search-result__link", timeout=15_000)
    results = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    # follow a result: pages link to each other as files (use_directory_urls is off)
    page.goto(results[0])
    page.wait_for_load_state("load")
    ctx.close()
    outside = sorted({u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))})
    assert not outside, f"the offline site asked outside hosts: {outside}"
    assert results and all(r.startswith("file:") for r in results), results
    assert not errors, errors


def test_offline_site_has_no_cdn_script(offline_index):
    site = offline_index.parent
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com/iframe-worker" not in text, html
        assert "fonts.googleapis.com" not in text, html
    assert (site / "search" / "search_index.js").is_file(), "offline plugin did not inline the index"
