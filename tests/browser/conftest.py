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
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: needs Chromium (Debian package 'chromium')")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def mkdocs_config() -> Path:
    return Path(os.environ.get("KP_MKDOCS_CONFIG", ROOT / "mkdocs.yml")).resolve()


def build_site(config_file: Path, site_dir: Path) -> Path:
    """``mkdocs build --strict`` into site_dir; the build runs in the config file's folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
         "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent, capture_output=True, text=True,
        # sitemap.xml lists pages only when site_url is set; any address will do for the tests
        env={**os.environ, "SITE_URL": os.environ.get("SITE_URL") or "https://konverteringsplan.example/"},
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    config_file = mkdocs_config()
    if not config_file.is_file():
        _skip_or_fail(f"no MkDocs configuration at {config_file}")
    return build_site(config_file, tmp_path_factory.mktemp("site"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
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
        _skip_or_fail(f"Chromium not found at {CHROMIUM}: install it with 'apt-get install -y chromium'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
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


def sitemap_paths(site_dir: Path) -> list[str]:
    """Every page in sitemap.xml as a path relative to the site root ('' is the home page)."""
    tree = ET.parse(site_dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = []
    for loc in tree.getroot().iterfind("s:url/s:loc", ns):
        path = urlsplit(loc.text.strip()).path
        paths.append(path)
    # the locs carry site_url's path prefix; make them relative to the site root
    prefix = os.path.commonprefix(paths)
    prefix = prefix[: prefix.rfind("/") + 1]
    return sorted(p[len(prefix):] for p in paths)


def normalise_page_path(href: str, base: str = "") -> str:
    """'../indsats/#trin' or 'http://127.0.0.1:1234/indsats/index.html' → 'indsats/'."""
    path = urlsplit(href).path if "://" in href else href.split("#")[0]
    if base and path.startswith(base):
        path = path[len(base):]
    path = path.lstrip("/")
    while path.startswith("./") or path.startswith("../"):
        path = path.split("/", 1)[1]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path
