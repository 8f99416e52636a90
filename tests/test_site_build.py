"""A real `mkdocs build --strict` of the example: every page is there, in the nav and in the search index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_project, example_text, like, mkdocs_build, set_value
from konverteringsplan.texts import commands
from konverteringsplan.texts import site as site_texts
from konverteringsplan.texts import validation as say

PAGES = {
    "index.html": "Planlæg konvertering af sager i Korsbæk Kommune",
    "sagsomfang/index.html": site_texts.PAGE_SCOPE,
    "minimumsoplysninger/index.html": site_texts.PAGE_MINIMUM,
    "konverteringsform/index.html": site_texts.PAGE_CONVERSION,
    "roller/index.html": site_texts.PAGE_ROLES,
    "tidsplan/index.html": site_texts.PAGE_SCHEDULE,
    "belastning/studentermedhjaelper/index.html": "Belastning pr. uge for studentermedhjælpere",
    "belastning/sagsbehandler/index.html": "Belastning pr. uge for sagsbehandlere",
    "belastning/oekonomimedarbejder/index.html": "Belastning pr. uge for økonomimedarbejdere",
    "vejledning/index.html": "Trin-for-trin-vejledning",
    "vejledning/studentermedhjaelper/index.html": "Vejledning for studentermedhjælpere",
    "vejledning/sagsbehandler/index.html": "Vejledning for sagsbehandlere",
    "vejledning/oekonomimedarbejder/index.html": "Vejledning for økonomimedarbejdere",
    "undervisning/index.html": "Undervisningsplan",
    "ordliste/index.html": site_texts.PAGE_GLOSSARY,
    "saadan-redigerer-du-planen/index.html": "Sådan redigerer du planen",
}


@pytest.fixture(scope="module")
def site(example_site) -> Path:
    return example_site


@pytest.mark.parametrize("path, heading", PAGES.items())
def test_every_page_is_built_with_its_heading(site, path, heading):
    html = (site / path).read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1
    text = re.sub(r'<a class="headerlink".*?</a>', "", h1.group(1))
    assert re.sub(r"<[^>]+>", "", text).strip() == heading
    assert '<html lang="da"' in html


def test_every_page_is_in_the_navigation(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    for path in PAGES:
        link = path.removesuffix("index.html")
        if link:
            assert f'href="{link}"' in html, f"{link} is not in the navigation"


def test_every_page_is_in_the_search_index(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for path in PAGES:
        assert path.removesuffix("index.html") in locations
    assert index["config"]["lang"] == ["da"]


def test_charts_stay_out_of_the_search_index_and_their_tables_stay_in(site):
    # A chart's tick labels used to be indexed as one run of digits: the Sagsbehandler load chart's
    # y-axis 0, 25, 50, 75, 100 and x-axis weeks 1, 3, ..., 35 became "0255075100timer13579111315...".
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert not re.search(r"\d{8,}", doc["text"]), (doc["location"], re.search(r"\d{8,}", doc["text"]).group())
        assert not like(site_texts.CHART_LOAD_TITLE).search(doc["text"])  # the chart's <title>
    # The table beside the chart is still found: ISO week 1 of 2027 starts on Monday 4 January.
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    table = texts["belastning/sagsbehandler/#uge-for-uge"]
    assert "Uge Ugens mandag Planlagt Kapacitet Ledig tid Over kapaciteten" in table
    assert "uge 1 4. jan. 2027" in table


def test_numbers_and_dates_are_danish(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "mandag den 1. marts 2027" in home
    assert "1.550" in home  # closed cases, Danish thousands separator
    plan = (site / "tidsplan" / "index.html").read_text(encoding="utf-8")
    assert "uge 9" in plan  # go-live 2027-03-01 is in ISO week 9


def test_glossary_terms_are_tooltips(site):
    html = (site / "vejledning" / "sagsbehandler" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Digitalisering af Udsatte Børn og Unge' in html


def test_hand_written_pages_get_tooltips_too(site):
    html = (site / "saadan-redigerer-du-planen" / "index.html").read_text(encoding="utf-8")
    assert "<abbr title=" in html


def test_anchors_keep_danish_letters(site):
    html = (site / "minimumsoplysninger" / "index.html").read_text(encoding="utf-8")
    assert 'id="økonomi"' in html or 'id="%C3%B8konomi"' in html


def test_klik_checklist_on_the_front_page(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count('type="checkbox"') >= 4
    assert f"Trin 4: {site_texts.STEP_TITLES[4]}" in html


def test_a_hand_written_page_is_never_overwritten(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs" / "sagsomfang.md").write_text("# Min egen side\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "sagsomfang.md" in result.stderr and like(commands.MKDOCS_CLASHES).search(result.stderr)
    assert (project / "docs" / "sagsomfang.md").read_text(encoding="utf-8") == "# Min egen side\n"


def test_a_bad_plan_stops_the_build_with_line_numbers(tmp_path):
    project = copy_project(tmp_path)
    plan = project / "plan.yaml"
    plan.write_text(set_value(example_text(), ("roller", "sagsbehandler", "antal"), "mange"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "plan.yaml:" in result.stderr and like(say.NOT_INTEGER).search(result.stderr)
    assert "Traceback" not in result.stderr


def test_checklist_ends_with_whom_to_ask_as_its_own_paragraph(site):
    html = (site / "vejledning" / "studentermedhjaelper-tjekliste" / "index.html").read_text(encoding="utf-8")
    assert "<p><strong>Hvis noget ikke passer:</strong>" in html


def test_footer_links_name_a_page_with_an_ampersand_once_escaped(tmp_path):
    """Screen readers read the previous/next links' aria-label: "Økonomi & regnskab", not "… amp …"."""

    text = set_value(example_text(), ("roller", "oekonomimedarbejder", "navn"), "Økonomi & regnskab")
    project = copy_project(tmp_path / "projekt", text)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    labels = []
    for page in (tmp_path / "site").rglob("*.html"):
        labels += re.findall(r'class="md-footer__link[^"]*" aria-label="([^"]*)"', page.read_text(encoding="utf-8"))
    named = [label for label in labels if "Økonomi" in label and "regnskab" in label]
    assert named, labels
    assert all("Økonomi &amp; regnskab" in label for label in named), named
