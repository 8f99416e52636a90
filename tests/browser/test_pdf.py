"""A page prints to PDF (Chromium's print engine, print style sheet)."""

from __future__ import annotations

from .support import sitemap_paths


def test_print_one_page_to_pdf(page, base_url, site_dir, tmp_path):
    paths = [p for p in sitemap_paths(site_dir) if p]
    page.goto(base_url + (paths[0] if paths else ""))
    page.emulate_media(media="print")
    out = tmp_path / "side.pdf"
    data = page.pdf(path=str(out), format="A4", print_background=False)
    assert data[:5] == b"%PDF-"
    assert len(data) > 10_000
    assert data.count(b"/Type /Page") + data.count(b"/Type/Page") >= 1
