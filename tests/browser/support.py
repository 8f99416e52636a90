"""Helpers for the browser tests (imported by conftest.py and the tests; a package module, so
that it never clashes with tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
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


def skip_or_fail(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def mkdocs_config() -> Path:
    return Path(os.environ.get("KP_MKDOCS_CONFIG", ROOT / "mkdocs.yml")).resolve()


def build_site(config_file: Path, site_dir: Path) -> Path:
    """``mkdocs build --strict`` into site_dir; the build runs in the config file's folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        # sitemap.xml lists pages only when site_url is set; any address will do for the tests
        env={**os.environ, "SITE_URL": os.environ.get("SITE_URL") or "https://konverteringsplan.example/"},
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return site_dir


def sitemap_paths(site_dir: Path) -> list[str]:
    """Every page in sitemap.xml as a path relative to the site root ('' is the home page)."""
    tree = ET.parse(site_dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = []
    for loc in tree.getroot().iterfind("s:url/s:loc", ns):
        path = urlsplit(loc.text.strip()).path
        paths.append(path)
    # the locs carry site_url's path prefix; make them relative to the site root
    prefix = os.path.commonprefix(paths)  # noqa: RUF071 - by character, cut back to the last "/" below
    prefix = prefix[: prefix.rfind("/") + 1]
    return sorted(p[len(prefix) :] for p in paths)


def normalise_page_path(href: str, base: str = "") -> str:
    """'../indsats/#trin' or 'http://127.0.0.1:1234/indsats/index.html' → 'indsats/'."""
    path = urlsplit(href).path if "://" in href else href.split("#")[0]
    if base and path.startswith(base):
        path = path[len(base) :]
    path = path.lstrip("/")
    while path.startswith(("./", "../")):
        path = path.split("/", 1)[1]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path
