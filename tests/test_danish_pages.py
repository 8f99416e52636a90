"""Danish on every built page (issue 20, points 17–19): number agreement driven by counts, a tankestreg or a
minus where Danish has one, no doubled words or full stops, and no plan keys for the steering group to read.

About wording: the sentences are quoted, because their grammar is what is checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_prose import prose

from conftest import EXAMPLE, example_text, set_value
from konverteringsplan import formatting
from konverteringsplan.analysis import analyse
from konverteringsplan.build import validate_plan
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.pages.ics import calendar_bytes
from konverteringsplan.pages.render import render
from konverteringsplan.pages.templating import render_template

HELP_PAGE = "saadan-redigerer-du-planen/index.html"  # the project lead's help page explains the keys by name
# Code spans a steering-group page may show: file names and the command that checks the plan.
ALLOWED_CODE = re.compile(r"[\w.-]+\.(?:yaml|xlsx|csv|ics)|make \w+")
DOUBLED_WORD = re.compile(r"(?<![\w-])(\w+) \1(?![\w-])", re.IGNORECASE)
DOUBLED_STOP = re.compile(r"(?<!\.)\.\s*\.(?!\.)")
HYPHEN_RANGE = re.compile(r"(?<![\w.:/-])\d+-\d+(?![\w-])|(?<![\w.:/-])-\d")


@pytest.fixture(scope="module")
def built_pages(example_site) -> dict[str, tuple[list[str], list[str]]]:
    return {
        str(p.relative_to(example_site)): prose(p.read_text(encoding="utf-8"))
        for p in sorted(example_site.rglob("*.html"))
        if p.name != "404.html"
    }


def test_the_scan_reads_every_page(built_pages):
    assert len(built_pages) > 25
    assert HELP_PAGE in built_pages


def test_no_page_doubles_a_word_or_a_full_stop(built_pages):
    found = []
    for page, (blocks, _) in built_pages.items():
        for block in blocks:
            found += [(page, m.group(0)) for m in DOUBLED_WORD.finditer(block) if not m.group(1).isdigit()]
            found += [(page, block[max(0, m.start() - 30) : m.end()]) for m in DOUBLED_STOP.finditer(block)]
    assert found == []


def test_no_plan_key_in_backticks_outside_the_help_page(built_pages):
    found = [
        (page, code)
        for page, (_, codes) in built_pages.items()
        if page != HELP_PAGE
        for code in codes
        if not ALLOWED_CODE.fullmatch(code.strip())
    ]
    assert found == []


def test_no_plan_key_in_the_prose_outside_the_help_page(built_pages):
    """A plan key without backticks is still a key ("(go_no_go)", "intern_indsats"): snake_case words. The one
    exception is the cut-over steps' own ids in the Overgangsplan's "Trin-id" column: they are not keys but what
    the project lead writes in fremdrift.yaml when a step is done."""
    key = re.compile(r"(?<![\w./-])[a-zæøå]+(?:_[a-zæøå0-9]+)+(?![\w.-])")
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    figures = analyse(plan)
    assert figures.golive is not None
    step_ids = {s.id for s in figures.golive.steps}
    found = [
        (page, m.group(0))
        for page, (blocks, _) in built_pages.items()
        if page != HELP_PAGE
        for block in blocks
        for m in key.finditer(block)
        if not (page == "golive/index.html" and m.group(0) in step_ids and block == m.group(0))
    ]
    assert found == []


def test_ranges_take_a_tankestreg_and_negatives_a_minus(built_pages):
    found = [
        (page, block[max(0, m.start() - 30) : m.end() + 5])
        for page, (blocks, _) in built_pages.items()
        for block in blocks
        for m in HYPHEN_RANGE.finditer(block)
    ]
    assert found == []
    afstemning = " ".join(built_pages["fremdrift/afstemning/index.html"][0])
    assert "−2" in afstemning  # the example's difference of two cases
    assert "trin 1–3 er løst" in (EXAMPLE.parent / "docs" / "saadan-redigerer-du-planen.md").read_text(encoding="utf-8")


def test_a_negative_number_is_written_with_a_minus_sign():
    assert formatting.number(-2) == "−2"
    assert formatting.kroner(-1500) == "−1.500 kr."
    assert formatting.number(0) == "0"


def test_a_full_stop_after_kroner_is_said_once():
    text = render_template(
        "pointkonflikt.md.j2",
        matrix=type("M", (), {"conflicts": [_Conflict()]})(),
        options={"a": type("O", (), {"name": "A"})(), "b": type("O", (), {"name": "B"})()},
        criteria={"pris": "pris"},
    )
    assert "koster 1.500 kr., mens" in text and "koster 900 kr." in text
    assert "kr.." not in text


class _Conflict:
    dearer, cheaper, criterion = "a", "b", "pris"
    dearer_score, cheaper_score = 5, 3
    dearer_total, cheaper_total = 1500, 900


# --- number agreement ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_pages() -> dict[str, str]:
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    return {p.path: p.markdown for p in render(plan).pages}


def test_one_person_is_named_in_the_singular_several_in_the_plural(example_pages):
    assert "# Belastning pr. uge for projektleder\n" in example_pages["belastning/projektleder.md"]
    assert "projektledere" not in example_pages["belastning/projektleder.md"]
    assert "# Belastning pr. uge for sagsbehandlere\n" in example_pages["belastning/sagsbehandler.md"]


def test_the_audience_of_a_session_agrees_with_the_head_count(example_pages):
    assert "- **For:** sagsbehandlere" in example_pages["undervisning/sagsbehandler.md"]
    assert "- **For:** sagsbehandler\n" not in example_pages["undervisning/sagsbehandler.md"]
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    events = calendar_bytes(plan, plan.training.sessions, "alle").decode("utf-8").replace("\r\n ", "")
    assert "For: sagsbehandlere" in events and "For: sagsbehandler\\n" not in events


def test_one_session_is_holdet_not_holdene(example_pages):
    page = example_pages["undervisning/studentermedhjaelper.md"]
    assert "Der er ét hold for studentermedhjælpere" in page
    assert "Holdet konverterer i alt **9 sager**" in page and "Holdene" not in page
    assert "Hent holdet til din kalender" in page
    several = example_pages["undervisning/sagsbehandler.md"]
    assert "Der er 2 hold for sagsbehandlere" in several and "Holdene konverterer" in several


def test_one_case_is_sag_not_sager():
    assert formatting.cases(1) == "1 sag"
    assert formatting.cases(1200) == "1.200 sager"
    text = set_value(
        example_text(), ("undervisning", "sessioner", "studenter-intro", "konvertering", "sager_pr_deltager"), "1"
    )
    plan, _ = load_plan_text(text)
    page = next(p.markdown for p in render(plan).pages if p.path == "undervisning/studentermedhjaelper.md")
    assert "Hver deltager konverterer 1 sag" in page


def test_the_help_page_is_where_keys_are_named():
    assert Path(EXAMPLE.parent / "docs" / "saadan-redigerer-du-planen.md").is_file()
