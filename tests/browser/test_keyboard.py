"""The search and the navigation work without a mouse."""

from __future__ import annotations

from .support import normalise_page_path


def test_search_with_keyboard_only(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")  # Material's shortcut ("s" and "f" work too)
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("indsatser")
    page.wait_for_selector(".md-search-result__item a.md-search-result__link")
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")  # focus moves into the result list
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused, "ArrowDown did not move the focus to a search result"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert normalise_page_path(page.url, base_url) == normalise_page_path(focused, base_url)


def test_skip_link_and_navigation_with_tab(page, base_url):
    page.goto(base_url)
    page.keyboard.press("Tab")
    first = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in first[0], f"the first Tab stop is not the skip link: {first}"
    # Tab on until a link in the main navigation has the focus, then follow it with Enter
    for _ in range(80):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "(() => { const a = document.activeElement;"
            " return a && a.matches('.md-nav--primary a.md-nav__link[href]') ? a.getAttribute('href') : null })()"
        )
        if href and normalise_page_path(href) not in ("", "."):
            break
    else:
        raise AssertionError("no navigation link was reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != base_url
