"""axe-core (WCAG 2.0/2.1 A and AA) on every page in sitemap.xml, in every colour scheme offered."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .support import sitemap_paths

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SCHEMES = {"default": "light", "slate": "dark"}  # Material scheme → prefers-color-scheme


def offered_schemes(page) -> list[str]:
    schemes = page.eval_on_selector_all(
        "form[data-md-component=palette] input[data-md-color-scheme]",
        "els => els.map(e => e.getAttribute('data-md-color-scheme'))",
    )
    return list(dict.fromkeys(schemes)) or ["default"]


def set_scheme(page, scheme: str) -> None:
    """Click the palette toggle until the page shows the wanted scheme."""
    for _ in range(4):
        if page.get_attribute("body", "data-md-color-scheme") == scheme:
            return
        page.click("form[data-md-component=palette] label:visible")
        page.wait_for_timeout(100)
    assert page.get_attribute("body", "data-md-color-scheme") == scheme


def test_pages_have_no_axe_violations(browser, base_url, site_dir):
    paths = sitemap_paths(site_dir)
    assert paths, "sitemap.xml lists no pages"
    axe = Axe()
    probe = browser.new_page()
    probe.goto(base_url)
    schemes = offered_schemes(probe)
    probe.close()
    failures = []
    for scheme in schemes:
        ctx = browser.new_context(
            locale="da-DK",
            color_scheme=SCHEMES.get(scheme, "light"),
            viewport={"width": 1280, "height": 900},
        )
        page = ctx.new_page()
        for path in paths:
            page.goto(base_url + path)
            set_scheme(page, scheme)
            result = axe.run(page, options=AXE_OPTIONS)
            if result.violations_count:
                failures.append(f"--- {path or '/'} [{scheme}]\n{result.generate_report()}")
        ctx.close()
    print(f"\naxe: {len(paths)} pages × schemes {schemes}: {len(failures)} with violations")
    assert not failures, "\n".join(failures)


def test_footer_links_to_accessibility_statement(page, base_url):
    page.goto(base_url)
    link = page.locator("footer a[data-kp=tilgaengelighedserklaering]")
    if link.count() == 0:
        pytest.fail(
            "the footer has no link to the accessibility statement "
            "(set extra.tilgaengelighedserklaering / kommune.tilgaengelighedserklaering)"
        )
    assert link.get_attribute("href").startswith(("http://", "https://"))
    assert link.inner_text().strip() == "Tilgængelighedserklæring"
