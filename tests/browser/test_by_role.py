"""In by role: from the front page, each role reaches its guide, its checklist, its calendar and its steps on
go-live day in one click each, on a desktop and on a phone; the steering group reaches its status page,
decision and progress."""

from __future__ import annotations

import pytest

from konverteringsplan.texts import site as texts

VIEWPORTS = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 375, "height": 667}}


@pytest.fixture(params=list(VIEWPORTS))
def screen(browser, request):
    ctx = browser.new_context(locale="da-DK", viewport=VIEWPORTS[request.param], accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(15_000)
    yield page
    ctx.close()


def _entries(page) -> dict[str, list[str]]:
    """The front page's "Hvem er du?" list: who → the link texts on that line."""
    return page.evaluate(
        """() => {
          const h = [...document.querySelectorAll('h2')].find(e => e.textContent.startsWith('Hvem er du?'));
          let ul = h.nextElementSibling; while (ul && ul.tagName !== 'UL') ul = ul.nextElementSibling;
          const out = {};
          for (const li of ul.querySelectorAll(':scope > li')) {
            const who = li.querySelector('strong').textContent.replace(/:$/, '');
            out[who] = [...li.querySelectorAll('a')].map(a => a.textContent.trim());
          }
          return out;
        }"""
    )


def _link(page, who: str, text: str):
    item = page.locator("article li", has=page.locator("strong", has_text=f"{who}:"))
    return item.get_by_role("link", name=text, exact=True)


def _one_click(page, base_url: str, who: str, text: str) -> str:
    """Click the link on the front page; the heading of the page it opens."""
    page.goto(base_url)
    link = _link(page, who, text)
    assert link.is_visible(), f"{who}: {text} is not visible"
    link.click()
    page.wait_for_load_state()
    return page.locator("article h1").first.inner_text().rstrip("¶").strip()


def _calendar(page, base_url: str, who: str, text: str) -> str:
    page.goto(base_url)
    link = _link(page, who, text)
    assert link.is_visible(), f"{who}: {text} is not visible"
    with page.expect_download() as info:
        link.click()
    return open(info.value.path(), encoding="utf-8").read()


def test_each_role_reaches_guide_checklist_and_calendar_in_one_click(screen, base_url):
    screen.goto(base_url)
    first = screen.locator("article h2").first.inner_text()
    assert first.startswith("Hvem er du?"), f"the front page starts with {first!r}"
    entries = _entries(screen)
    converting = [who for who, links in entries.items() if texts.WHO_GUIDE in links]
    assert len(converting) >= 3, entries
    for who in converting:
        heading = _one_click(screen, base_url, who, texts.WHO_GUIDE)
        assert heading.startswith("Vejledning for"), (who, heading)
        heading = _one_click(screen, base_url, who, texts.WHO_CHECKLIST)
        assert "tjekliste" in heading.lower(), (who, heading)
        ics = _calendar(screen, base_url, who, texts.WHO_CALENDAR)
        assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics, who
        heading = _one_click(screen, base_url, who, texts.WHO_HOURS)
        assert heading.startswith("Vejledning for") and screen.url.endswith(f"#{texts.MY_NUMBERS_ANCHOR}")
    teaching = [who for who, links in entries.items() if texts.WHO_TEACHING in links]
    assert teaching, entries
    for who in teaching:
        assert _one_click(screen, base_url, who, texts.WHO_TEACHING)
        ics = _calendar(screen, base_url, who, texts.WHO_CALENDAR_ALL)
        assert ics.count("BEGIN:VEVENT") >= 2
    cutting_over = [who for who, links in entries.items() if texts.WHO_GO_LIVE in links]
    assert len(cutting_over) >= 4, entries  # the example's cut-over has steps for four roles
    for who in cutting_over:
        heading = _one_click(screen, base_url, who, texts.WHO_GO_LIVE)
        assert heading.endswith(f"go-live-dagen: {who}"), (who, heading)
    board = entries[texts.WHO_BOARD]
    assert _one_click(screen, base_url, texts.WHO_BOARD, texts.WHO_STATUS).startswith(texts.PAGE_STATUS)
    assert _one_click(screen, base_url, texts.WHO_BOARD, texts.WHO_GO_NO_GO) == "Go/no-go"
    assert texts.WHO_COST in board and texts.WHO_DECISION in board
