"""Printing: each role's per-case checklist fits one A4 page, with no navigation chrome and visible
check boxes (Chromium's print engine, page.pdf(), the site's print style sheet)."""

from __future__ import annotations

import re

import pytest

from .support import sitemap_paths


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


@pytest.fixture(scope="module")
def checklists(site_dir) -> list[str]:
    paths = [p for p in sitemap_paths(site_dir) if p.startswith("vejledning/") and p.rstrip("/").endswith("-tjekliste")]
    # one per converting role in the example: student assistant, caseworker, finance
    assert len(paths) == 3, paths
    return paths


def test_each_role_checklist_prints_on_one_a4_page(page, base_url, checklists):
    for path in checklists:
        page.goto(base_url + path)
        page.emulate_media(media="print")
        data = page.pdf(format="A4", prefer_css_page_size=True)
        assert data[:5] == b"%PDF-"
        assert pdf_pages(data) == 1, f"{path} prints on {pdf_pages(data)} pages"


def test_printed_checklist_has_no_navigation_and_visible_boxes(page, base_url, checklists):
    page.goto(base_url + next(p for p in checklists if "sagsbehandler" in p))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    boxes = page.locator(".kp-checklist .task-list-indicator")
    # 5 steps + 10 fields + 5 checks, then 1 + 4 + 1 at the first follow-up (an open investigation's material,
    # a young person's ungeplan)
    assert boxes.count() == 26
    border = boxes.first.evaluate("el => getComputedStyle(el, '::before').borderTopWidth")
    assert float(border.removesuffix("px")) >= 1, "the check box has no frame on paper"


def test_whole_guide_print_page_is_longer_but_complete(page, base_url):
    page.goto(base_url + "vejledning/sagsbehandler-udskriv/")
    page.emulate_media(media="print")
    headings = page.locator("h3").all_inner_texts()
    assert headings[:5] == [
        "Trin 1: Åbn sagen i begge systemer",
        "Trin 2: Basisoplysninger",
        "Trin 3: Indsatser og afgørelser",
        "Trin 4: Opfølgningsfrister",
        "Trin 5: Danmarks Statistik",
    ]
    data = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf_pages(data) >= 2  # the guide, then the checklist on its own page


def test_status_for_the_steering_group_prints_on_one_a4_page(page, base_url):
    page.goto(base_url + "status/")
    page.emulate_media(media="print")
    data = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf_pages(data) == 1, f"status/ prints on {pdf_pages(data)} pages"
