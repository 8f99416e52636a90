"""What the planning engine puts on the site: the resource plan downloads (xlsx and csv, totals equal to
the page's), accessible inline SVG charts each with a table, and the example plan's figures."""

from __future__ import annotations

import io
import re

import pytest
from engine_plans import make_plan
from openpyxl import load_workbook

from conftest import run_cli
from konverteringsplan.pages.render import render
from konverteringsplan.texts import site as texts


@pytest.fixture(scope="module")
def small():
    return render(make_plan())


def page(out, path):
    return next(p for p in out.pages if p.path == path).markdown


def test_xlsx_has_danish_headers_one_row_per_role_and_week_and_totals_equal_to_the_page(small):
    """About wording (the headers), then behaviour: the rows and totals, found by texts.site's row names."""
    ws = load_workbook(io.BytesIO(small.files["downloads/ressourceplan.xlsx"])).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:6] == ("Rolle", "År", "Uge", "Ugens mandag", "Planlagte timer", "Kapacitet (timer)")
    # Work runs from week 1 (4 January) to week 17 (the April follow-ups): 17 weeks for each of 2 roles.
    weekly = [r for r in rows[1:] if r[2] is not None]
    assert len(weekly) == 2 * 17
    assert [r[2] for r in weekly if r[0] == "Studentermedhjælper"] == list(range(1, 18))
    totals = {r[0]: r for r in rows[1:] if r[2] is None}
    # By hand: student 12 h + 20 h = 32 h; caseworker 30 h + 10 h check + 140 × 20 min = 86,67 h.
    total_of = texts.SHEET_TOTAL_ROLE.format
    assert totals[total_of(role="Studentermedhjælper")][4] == pytest.approx(32, abs=0.01)
    assert totals[total_of(role="Sagsbehandler")][4] == pytest.approx(30 + 10 + 140 * 20 / 60, abs=0.01)
    grand = totals[texts.SHEET_TOTAL_ALL]
    assert grand[4] == pytest.approx(118.67, abs=0.01)
    assert grand[9] == pytest.approx(32 * 150 + (30 + 10 + 140 * 20 / 60) * 400, abs=0.5)  # 39.466,67 kr.
    # The same totals on the page, as the project lead sees them.
    text = page(small, "tidsplan.md")
    assert "| **I alt** | | | **118,7 timer** | | | | **39.467 kr.** |" in text
    # One row per role: the capacity of the weeks the role works, 2 × 10 h in weeks 1, 2 (Basis på M) and 7, 8
    # (Basis på A) = 80 h, not of the whole plan (17 weeks less Easter = 328 h); the busiest week is week 7,
    # when "Basis på A" (20 h over 15-26 February) gives 10 h of the week's 20 h.
    assert (
        "| [Studentermedhjælper](belastning/student.md) | 2 | 10 timer | 32 timer | 80 timer (4 uger) "
        "| uge 7: 10 timer af 20 timer | 0 | 4.800 kr. |"
    ) in text


def test_xlsx_is_the_same_bytes_for_the_same_plan(small):
    assert render(make_plan()).files["downloads/ressourceplan.xlsx"] == small.files["downloads/ressourceplan.xlsx"]


def test_csv_opens_in_danish_excel_semicolons_bom_and_decimal_comma(small):
    """About wording and number format: what Danish Excel shows (headers, decimal comma, the total row)."""
    data = small.files["downloads/ressourceplan.csv"]
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Rolle;År;Uge;Ugens mandag;Planlagte timer;")
    first = lines[1].split(";")
    assert first[:5] == ["Studentermedhjælper", "2027", "1", "2027-01-04", "6,00"]  # 12 h over two weeks
    assert lines[-1].startswith("I alt, alle roller;;;;118,67;")


def test_the_plan_page_links_both_downloads(small):
    text = page(small, "tidsplan.md")
    assert "](downloads/ressourceplan.xlsx)" in text and "](downloads/ressourceplan.csv)" in text
    role = page(small, "belastning/sb.md")  # one folder down
    assert "](../downloads/ressourceplan.xlsx)" in role and "](../downloads/ressourceplan.csv)" in role


def test_each_role_has_its_own_load_page_in_its_own_nav_section(small):
    nav = small.nav
    plan_at = next(i for i, item in enumerate(nav) if "Plan" in item)
    assert nav[plan_at + 1] == {
        "Belastning pr. uge": [
            {texts.PAGE_LOAD_ROLE.format(role="Studentermedhjælper"): "belastning/student.md"},
            {texts.PAGE_LOAD_ROLE.format(role="Sagsbehandler"): "belastning/sb.md"},
        ]
    }
    text = page(small, "belastning/sb.md")
    assert "\n# Belastning pr. uge for sagsbehandlere\n" in text
    assert "](../tidsplan.md)" in text  # back to the whole plan
    # 4 caseworkers x 5 h: 20 h a normal week; weekly rows only here, not on the plan page.
    assert "| uge 1 | 4. jan. 2027 |" in text
    assert "| uge 1 | 4. jan. 2027 |" not in page(small, "tidsplan.md").split("## Prognose")[0]


def test_coverage_has_one_row_per_category_and_owner_not_per_field(small):
    text = page(small, "tidsplan.md")
    table = text.split("## Dækning")[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| Sagskategori")]
    plan = make_plan()
    fields = sum(len(g.fields) for g in plan.minimum.groups)
    assert len(rows) < len(plan.categories) * fields
    for row in rows:  # every row names its category, at least one field group and who
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 4 and all(cells[:3]), row
        assert cells[1].startswith("**"), row


FIGURE = re.compile(r'^<figure class="kp-figure">(<svg .*?</svg>)</figure>$', re.M)


# tidsplan: Gantt and forecast; each role's load chart is on its own page
@pytest.mark.parametrize(
    "path,count", [("tidsplan.md", 2), ("belastning/student.md", 1), ("belastning/sb.md", 1), ("oekonomi.md", 1)]
)
def test_every_chart_is_an_accessible_svg_with_a_table_beside_it(small, path, count):
    text = page(small, path)
    charts = list(FIGURE.finditer(text))
    assert len(charts) == count
    for m in charts:
        svg = m.group(1)
        ids = re.search(r'role="img" aria-labelledby="([^"]+) ([^"]+)"', svg).groups()
        assert f'<title id="{ids[0]}">' in svg and f'<desc id="{ids[1]}">' in svg
        assert "<script" not in svg and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
        after = text[m.end() :].lstrip("\n")
        assert after.startswith("|"), f"no table right after the chart in {path}"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_chart_colours_have_3_to_1_contrast_on_light_and_dark_backgrounds(small):
    text = page(small, "tidsplan.md") + page(small, "belastning/sb.md") + page(small, "oekonomi.md")
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', text)) - {"#ffffff"}  # white: hatch lines
    assert colours
    for colour in colours:
        assert _contrast(colour, "#ffffff") >= 3, colour  # Material's light background
        assert _contrast(colour, "#1e2129") >= 3, colour  # Material's slate background
    assert 'fill="currentColor"' in text  # text follows the colour scheme


def test_over_capacity_is_not_shown_by_colour_alone(small):
    text = page(small, "belastning/sb.md")
    assert "Over kapaciteten (!)" in text  # the legend says it in words; bars get a "!" and a hatch pattern


def test_the_example_plan_is_feasible_and_shows_its_figures():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    # The plan itself is feasible; fremdrift.yaml beside it shows a mid-conversion state on purpose
    # (one unexplained difference, a warning before go-live).
    assert not [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "advarsel" in line and not line.startswith("fremdrift.yaml:")
    ]
    from conftest import EXAMPLE
    from konverteringsplan.io.load import load_plan

    plan, _ = load_plan(EXAMPLE)
    out = render(plan)
    text = page(out, "tidsplan.md")
    assert "Planen kan nås" in text
    assert "Ved go-live 1. marts 2027 har **475 af 475** konverterede" in text  # 280 + 110 + 45 + 40
    economy = page(out, "oekonomi.md")
    assert "Leverandørens pris er en antagelse" in economy
    assert "Blandet konvertering (valgt)" in economy


def test_a_tie_is_rounded_half_up_alike_in_the_xlsx_the_csv_and_on_the_page():
    """A week of exactly 1,125 hours (one order, 2 × 33,75 minutes) is 1,13 in both files, in the week's row and
    in the role's total, and 1,1 timer on the page (Python's round() would make the week 1,12 beside a total
    of 1,13). The spare hours and the cost follow the same rule."""
    from engine_plans import plan_data

    data = plan_data()
    data["roller"].append({"id": "pl", "navn": "Projektleder", "antal": 1, "timer_pr_uge": 5, "timepris": 100})
    data["aktiviteter"] = [
        {
            "id": "bestil",
            "navn": "Bestil konvertering",
            "fra": "2027-01-05",
            "til": "2027-01-06",
            "ansvarlig": "pl",
            "timer": 1.125,
        }
    ]
    out = render(make_plan(data))
    ws = load_workbook(io.BytesIO(out.files["downloads/ressourceplan.xlsx"])).active
    xlsx = {(r[0], r[2]): r for r in ws.iter_rows(values_only=True) if r[0] and "Projektleder" in r[0]}
    assert xlsx[("Projektleder", 1)][4:7] == (1.13, 5.0, 3.87)  # planned, capacity, spare
    assert xlsx[("Projektleder", 1)][9] == 112.5
    total = texts.SHEET_TOTAL_ROLE.format(role="Projektleder")
    assert xlsx[(total, None)][4] == 1.13 and xlsx[(total, None)][9] == 112.5
    # Excel shows the hours as stored (1,13), not rounded again to one decimal (1,1 for 1,13; 1,3 for 1,25 of 1,249)
    week = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Projektleder" and r[2].value == 1)
    assert [c.number_format for c in week[4:7]] == ["#,##0.00"] * 3
    csv_rows = {
        (r[0], r[2]): r
        for r in (line.split(";") for line in out.files["downloads/ressourceplan.csv"].decode("utf-8-sig").splitlines())
        if "Projektleder" in r[0]
    }
    assert csv_rows[("Projektleder", "1")][4:7] == ["1,13", "5,00", "3,87"]
    assert csv_rows[("Projektleder", "1")][9] == "112,50"
    assert csv_rows[(total, "")][4] == "1,13"
    # The page: the same numbers to one decimal (and whole kroner), rounded half up from the files' values.
    assert "| uge 1 | 4. jan. 2027 | 1,1 timer | 5 timer | 3,9 timer | Nej |" in page(out, "belastning/pl.md")
    assert (
        "| [Projektleder](belastning/pl.md) | 1 | 5 timer | 1,1 timer | 5 timer (1 uge) | uge 1: 1,1 timer af 5 timer "
        "| 0 | 113 kr. |"
    ) in page(out, "tidsplan.md")
