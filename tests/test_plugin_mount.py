"""The plugin inside a municipality's existing MkDocs site, mounted under a folder (`mappe: konvertering`).

A minimal foreign site (its own front page and one more page, the Material theme and the Markdown
extensions the pages need) with the plugin and a new project's starting plan builds with --strict and
anchors checked; the site's front page stays its own, every generated page and download is under
konvertering/, and the nav holds their pages and then one section with the generated ones. A site
that lacks what the pages need is stopped in on_config with one Danish message naming all of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import like, set_value
from konverteringsplan.adapters.plugin import NEEDED_EXTENSIONS, NEEDED_SNIPPET
from konverteringsplan.adapters.scaffold import scaffold_files
from konverteringsplan.texts import commands

CHECKED = """
validation:
  nav:
    omitted_files: warn
    not_found: warn
    absolute_links: warn
  links:
    not_found: warn
    absolute_links: warn
    unrecognized_links: warn
    anchors: warn
"""


def _site(tmp_path: Path, *, needs: str = NEEDED_SNIPPET, nav: bool = False) -> Path:
    root = tmp_path / "vores-site"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Borgen Kommunes IT\n\nVores egen forside.\n", encoding="utf-8")
    (root / "docs" / "om.md").write_text("# Om os\n\nHvem vi er.\n", encoding="utf-8")
    (root / "plan.yaml").write_bytes(scaffold_files("Borgen Kommune")["plan.yaml"])
    own_nav = "nav:\n  - Forside: index.md\n  - Om os: om.md\n" if nav else ""
    (root / "mkdocs.yml").write_text(
        "site_name: Borgen Kommunes IT\n"
        + needs.replace("theme:\n  name: material", "theme:\n  name: material\n  language: da")
        + "\nplugins:\n  - search\n  - konverteringsplan:\n      plan: plan.yaml\n      mappe: konvertering\n"
        + own_nav
        + CHECKED,
        encoding="utf-8",
    )
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.parametrize("nav", [False, True], ids=["their-nav-automatic", "their-nav-written"])
def test_mounted_under_a_folder_the_front_page_stays_theirs(tmp_path, nav):
    root = _site(tmp_path, nav=nav)
    built = _build(root)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr  # anchors and links checked (validation: warn, --strict)
    site = root / "site"
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "Vores egen forside." in front
    assert (site / "om" / "index.html").is_file()
    generated = (site / "konvertering" / "index.html").read_text(encoding="utf-8")
    assert "Planlæg konvertering af sager i Borgen Kommune" in generated
    downloads = list((site / "konvertering" / "downloads").iterdir())
    assert downloads, "the downloads are under the folder too"
    theirs = {"index.html", "om", "konvertering", "assets", "search", "404.html", "sitemap.xml", "sitemap.xml.gz"}
    assert {p.name for p in site.iterdir()} <= theirs, "nothing generated outside konvertering/"
    # Their nav first, then one section with the generated pages (links resolved from their front page).
    assert front.index('href="om/"') < front.index('href="konvertering/"')
    assert commands.MOUNT_NAV_TITLE in front
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<p>!!!" not in text and "<p>???" not in text, f"raw admonition in {page.relative_to(site)}"
        assert "[ ]" not in text.replace("[ ]*", ""), f"raw task list in {page.relative_to(site)}"


def test_a_site_without_what_the_pages_need_is_told_all_of_it_at_once(tmp_path):
    root = _site(tmp_path, needs="theme:\n  name: mkdocs\nmarkdown_extensions:\n  - tables\n")
    built = _build(root)
    assert built.returncode != 0
    assert "Traceback" not in built.stderr
    needs = like(commands.MKDOCS_NEEDS.split("\n")[0])  # the message's first line, before the snippet
    lines = [line for line in built.stderr.splitlines() if needs.search(line)]
    assert len(lines) == 1, built.stderr
    for name in ("theme: name: material", "toc: slugify: pymdownx.slugs.slugify", *NEEDED_EXTENSIONS):
        if name != "tables":
            assert name in lines[0], name
    assert "markdown_extensions: tables" not in lines[0]
    assert "slugify: !!python/object/apply:pymdownx.slugs.slugify" in built.stderr  # the YAML to add


def test_a_folder_outside_docs_is_refused(tmp_path):
    root = _site(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(set_value(text, ("plugins", 1, "konverteringsplan", "mappe"), "../ud"), "utf-8")
    built = _build(root)
    assert built.returncode != 0 and commands.MOUNT_BAD_FOLDER.format(folder="../ud") in built.stderr
