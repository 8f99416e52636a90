"""The content survives a build with Zensical (the successor of Material for MkDocs, no MkDocs plugins).

`python -m konverteringsplan.adapters.zensical` renders with `python -m konverteringsplan render --out …`, merges the pages
with docs/ and derives a mkdocs.yml; the pinned `zensical build` turns that into a site. Every
generated page must be in the site as HTML under its address with its heading, every download
byte for byte, the nav must link every page, and a role name that tries to end the <title> must
stay text. The build runs with the proxies pointed at a closed port: a request to the internet
would fail it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, example_text, like, set_value
from konverteringsplan.pages.markdown import inert_text
from konverteringsplan.texts import commands
from konverteringsplan.texts import site as site_texts

ZENSICAL = Path(sys.executable).with_name("zensical")
OFFLINE_ENV = {
    **os.environ,
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "ALL_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "all_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "no_proxy": "",
}


def adapt(out: Path, plan: Path = ROOT / "plan.yaml", docs: Path = ROOT / "docs") -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "konverteringsplan.adapters.zensical",
            "--out",
            str(out),
            "--plan",
            str(plan),
            "--docs",
            str(docs),
            "--config",
            str(ROOT / "mkdocs.yml"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def zensical_build(out: Path) -> Path:
    done = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "-f", str(out / "mkdocs.yml")],
        cwd=out,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=OFFLINE_ENV,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "warning" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    return out / "site"


class _Page(HTMLParser):
    """The <h1> text (without the ¶ permalink), the <title> and the links of a built page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.h1: list[str] = []
        self.title = ""
        self.hrefs: list[str] = []
        self._in: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag == "h1":
            self.h1.append("")
        if tag in ("h1", "title") or (tag == "a" and "headerlink" in (attrs.get("class") or "")):
            self._in.append(tag if tag != "a" else "headerlink")

    def handle_endtag(self, tag):
        if self._in and (self._in[-1] == tag or (tag == "a" and self._in[-1] == "headerlink")):
            self._in.pop()

    def handle_data(self, data):
        if "headerlink" in self._in:
            return
        if self._in and self._in[-1] == "h1":
            self.h1[-1] += data
        elif self._in and self._in[-1] == "title":
            self.title += data


def _html_path(page: str) -> str:
    """use_directory_urls: x.md → x/index.html, x/index.md and index.md stay index.html."""
    stem = page[:-3]
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def _heading(markdown: str) -> str:
    """The text a reader sees for the page's first '# ' heading."""
    line = next(line for line in markdown.splitlines() if line.startswith("# "))
    return html.unescape(re.sub(r"\\(.)", r"\1", line[2:].strip()))


def _rendered(out: Path) -> dict[str, Path]:
    """Every file `render --out` wrote (its manifest), without the nav."""
    manifest = json.loads((out / "rendered" / ".konverteringsplan.json").read_text(encoding="utf-8"))
    return {rel: out / "rendered" / rel for rel in manifest if rel != "nav.json"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zensical")
    done = adapt(out)
    assert done.returncode == 0, done.stdout + done.stderr
    zensical_build(out)
    return out


def test_every_generated_page_is_in_the_zensical_site_with_its_heading(built):
    rendered = _rendered(built)
    pages = sorted(rel for rel in rendered if rel.endswith(".md"))
    # The example plan: forside, 4 beslutning, 2 plan, 5 roller's belastning pr. uge (the 3 converting roles,
    # superbruger, projektleder), oversigt + 3 roller x 3 vejledningssider + kontrol, 1 + 3 undervisningssider,
    # 4 fremdriftssider (fremdrift.yaml), go-live: overgangsplan + 4 roller + 3 måneder, ordliste, status til
    # styregruppen, 4 sagstyper (one per converted category) = 1 + 4 + 2 + 5 + 11 + 4 + 4 + 8 + 1 + 1 + 4.
    assert len(pages) == 45
    site = built / "site"
    for rel in pages:
        target = site / _html_path(rel)
        assert target.is_file(), f"{rel} mangler i Zensical-sitet ({target})"
        page = _Page(target.read_text(encoding="utf-8"))
        assert page.h1 and page.h1[0].strip() == _heading(rendered[rel].read_text(encoding="utf-8")), rel
    # Spot checks a reader would notice, written by hand.
    front = _Page((site / "index.html").read_text(encoding="utf-8"))
    assert front.h1[0].strip() == "Planlæg konvertering af sager i Korsbæk Kommune"
    roles = _Page((site / "vejledning/sagsbehandler/index.html").read_text(encoding="utf-8"))
    assert roles.title.startswith("Vejledning for sagsbehandlere - ")
    # The hand-written page is there too.
    own = _Page((site / "saadan-redigerer-du-planen/index.html").read_text(encoding="utf-8"))
    assert own.h1[0].strip() == "Sådan redigerer du planen"


def test_downloads_are_in_the_zensical_site_byte_for_byte(built):
    downloads = {rel: path for rel, path in _rendered(built).items() if rel.startswith("downloads/")}
    # ressourceplan.csv/.xlsx, fremdrift.csv/.xlsx, one calendar for all sessions, one per role (3 roles) and one
    # per team (4 sessions), one go-live calendar for all steps and one per role with steps (4 roles)
    assert len(downloads) == 17
    for rel, path in downloads.items():
        assert (built / "site" / rel).read_bytes() == path.read_bytes(), rel


def test_the_nav_links_every_page_and_the_footer_links_the_accessibility_statement(built):
    front = _Page((built / "site" / "index.html").read_text(encoding="utf-8"))
    linked = {h.split("#")[0].removeprefix("./").rstrip("/") for h in front.hrefs}
    for rel in [*sorted(r for r in _rendered(built) if r.endswith(".md")), "saadan-redigerer-du-planen.md"]:
        if rel == "index.md":
            continue
        url = _html_path(rel).removesuffix("index.html").rstrip("/")
        assert url in linked, f"{rel} er ikke i navigationen"
    plan_url = yaml.safe_load(example_text())["kommune"]["tilgaengelighedserklaering"]
    assert plan_url in front.hrefs
    # ... and says when the content last changed and whom to contact, as under MkDocs
    page = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert site_texts.FOOTER_UPDATED.format(date="7. december 2026") in page
    assert site_texts.FOOTER_CONTACT.format(name="Agnes Jensen") in page


def test_generated_text_is_in_zensicals_search_index(built):
    items = json.loads((built / "site" / "search.json").read_text(encoding="utf-8"))["items"]
    titles = {item["title"] for item in items}
    generated = {site_texts.PAGE_SCHEDULE, site_texts.PAGE_ROLES, site_texts.PAGE_GLOSSARY}
    assert generated | {"Sådan redigerer du planen"} <= titles  # and the hand-written page
    assert any("Korsbæk Kommune" in item["text"] for item in items)
    # Zensical honours data-search-exclude too: no chart tick labels run together as digits
    # ("0255075100timer1357..."), while the table beside the chart is indexed.
    for item in items:
        assert not re.search(r"\d{8,}", re.sub(r"<[^>]+>", " ", item["text"])), item["location"]
    table = next(item["text"] for item in items if item["location"] == "belastning/sagsbehandler/#uge-for-uge")
    assert "uge 1 4. jan. 2027" in table


def test_a_role_name_that_ends_the_title_stays_text(tmp_path):
    hostile = "Sagsbehandler </title><script>alert(1)</script>"
    plan = tmp_path / "plan.yaml"
    text = set_value(example_text(), ("roller", "sagsbehandler", "navn"), f'"{hostile}"')
    plan.write_text(set_value(text, ("roller", "sagsbehandler", "flertal"), f'"{hostile}"'), encoding="utf-8")
    out = tmp_path / "z"
    done = adapt(out, plan=plan)
    assert done.returncode == 0, done.stdout + done.stderr
    site = zensical_build(out)
    for page in site.rglob("*.html"):
        assert "<script>alert(1)" not in page.read_text(encoding="utf-8"), page
    page = _Page((site / "vejledning/sagsbehandler/index.html").read_text(encoding="utf-8"))
    # Shown as typed, with look-alikes for < and > (titles are shown again as HTML in tooltips).
    assert page.title.startswith("Vejledning for " + inert_text(hostile) + " - ") and "＜/title＞" in page.title


def test_a_handwritten_page_at_a_generated_address_stops_the_adapter(tmp_path):
    docs = tmp_path / "docs"
    (docs / "roller").mkdir(parents=True)
    (docs / "roller" / "index.md").write_text("# Mine roller\n", encoding="utf-8")
    done = adapt(tmp_path / "z", docs=docs)
    assert done.returncode == 1
    assert "docs/roller/index.md (genereret: roller.md)" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_adapter_never_empties_a_folder_it_did_not_make(tmp_path):
    out = tmp_path / "z"
    (out / "docs").mkdir(parents=True)
    mine = out / "docs" / "mine-noter.md"
    mine.write_text("mine noter\n", encoding="utf-8")
    done = adapt(out)
    assert done.returncode == 1
    assert like(commands.FOLDER_NOT_OURS).search(done.stderr), done.stderr
    assert mine.read_text(encoding="utf-8") == "mine noter\n"


def test_a_cpr_number_in_a_handwritten_page_stops_before_anything_reaches_zensical(tmp_path):
    # The guard runs in the render step; Zensical itself scans nothing. Built at run time.
    number = f"{dt.date(1998, 12, 3):%d%m%y}-{31:04d}"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "noter.md").write_text(f"# Noter\n\nBorger {number}\n", encoding="utf-8")
    out = tmp_path / "z"
    done = adapt(out, docs=docs)
    assert done.returncode == 1
    assert "noter.md" in done.stderr and number not in done.stderr + done.stdout
    assert not (out / "docs").exists() and not (out / "mkdocs.yml").exists()
