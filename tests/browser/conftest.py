"""Browser test harness: build the site once, serve it on 127.0.0.1, drive Debian's Chromium.

- The site is built once per session with ``mkdocs build --strict`` from the repository's
  ``mkdocs.yml`` (or the file named by ``KP_MKDOCS_CONFIG``) into a temporary folder.
- It is served by a threaded ``http.server`` on a free port of 127.0.0.1.
- Playwright drives ``/usr/bin/chromium`` (``KP_CHROMIUM`` overrides the path); no browser is ever
  downloaded. Without Chromium the tests skip with a visible reason, except when ``CI`` is set:
  then they fail, so a CI run can never pass by skipping them.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from .support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, mkdocs_config, skip_or_fail


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: needs Chromium (Debian package 'chromium')")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, request) -> Path:
    config_file = mkdocs_config()
    if not config_file.is_file():
        skip_or_fail(f"no MkDocs configuration at {config_file}")
    if config_file == ROOT / "mkdocs.yml":
        return request.getfixturevalue("example_site")  # the site the other tests read (tests/conftest.py)
    return build_site(config_file, tmp_path_factory.mktemp("site"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_or_fail(f"Chromium not found at {CHROMIUM}: install it with 'apt-get install -y chromium'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    page.close()
