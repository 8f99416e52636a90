"""Forecasts count working days of the plan's own calendar (issue 20, point 2), recomputed by hand for the
example and the two plans of tests/shapes.py; deadlines on a weekend or holiday move to the working day before;
a package whose deadline falls after the control round that checks its cases is a warning."""

from __future__ import annotations

import datetime as dt

import pytest
from engine_plans import make_plan, plan_data
from shapes import summer, vendorless

from conftest import example_text, like, set_value
from konverteringsplan.analysis import analyse
from konverteringsplan.analysis.progress import analyse_progress
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.model.progress import Progress
from konverteringsplan.rules.validate import check
from konverteringsplan.texts import validation as say
from konverteringsplan.texts.reading import WARNING_PREFIX

D = dt.date


def _item(text: str, day: str, package: str, done: int):
    plan, _ = load_plan_text(text)
    progress = Progress.model_validate({"status": [{"dato": day, "arbejdspakker": {package: done}}]})
    facts = analyse_progress(plan, progress, analyse(plan).planning)
    return next(i for i in facts.items if i.id == package)


def test_example_forecast_in_the_students_working_days():
    """basis_manuelle_sager, 150 of 186 on Friday 19 February, started Monday 11 January: 30 weekdays, the exam
    week (1 of 3 students away) counts 2/3 a day, so 28,33 working days; 5,29 cases a day; 36 left = 6,8 days:
    22-26 February, 1 March, 2 March. The deadline: the day before klar_til_kontrol (Monday 15 February) is a
    Sunday, so Friday 12 February."""
    i = _item(example_text(), "2027-02-19", "basis_manuelle_sager", 150)
    assert i.pace == pytest.approx(150 / (25 + 5 * 2 / 3))
    assert (i.finish, i.deadline, i.at_deadline) == (D(2027, 3, 2), D(2027, 2, 12), 150)


def test_vendorless_forecast_in_working_days():
    """rest_automatiske_sager (280 cases, 25 January - 26 February, frist go-live): 90 done on Friday 5 February
    after 10 working days = 9 a day; 190 left = 21,1 working days: 8 February - 5 March (20), 8 March (21),
    9 March (22). Calendar days said 1 March (11 days, 190 x 11 / 90 = 23,2 -> 24 days). By the deadline,
    Friday 26 February (go-live Monday 1 March, the day before a Sunday): 90 + 9 x 15 = 225."""
    i = _item(vendorless(), "2027-02-05", "rest_automatiske_sager", 90)
    assert i.total == 280 and i.pace == pytest.approx(9)
    assert (i.finish, i.deadline, i.at_deadline) == (D(2027, 3, 9), D(2027, 2, 26), 225)
    # 10 of the package's 25 working days, which follows the caseworkers' spare hours (16 x 6 h = 19,2 h a day;
    # the freeze's 24 h of re-entry come off later days): 280 x (10 x 19,2) / (25 x 19,2 - 24) = 117,9
    assert i.planned == 118


def test_summer_forecast_skips_the_holiday():
    """juridisk_grundlag_ved_opfoelgning (475 cases, first follow-ups March-August): 300 done on Friday 9 July.
    Working days 1 March - 9 July: March 23 weekdays less Easter (25, 26, 29 March) = 20, April 22, May 21 less
    Ascension (6 May) and Whit Monday (17 May) = 19, June 22, July 1-9 = 7; 90 days, 3,33 cases a day. 175 left =
    52,5 working days; 12-30 July count 0 (every caseworker away), August 22, September 22 (44), then 1 October
    (45), 4-8 October (50), 11, 12, 13 October (53). By the deadline, Tuesday 31 August: 300 + 3,33 x 22 = 373."""
    i = _item(summer(), "2027-07-09", "juridisk_grundlag_ved_opfoelgning", 300)
    assert i.pace == pytest.approx(300 / 90)
    assert (i.finish, i.deadline, i.at_deadline) == (D(2027, 10, 13), D(2027, 8, 31), 373)
    assert i.planned == 95 + 100 + 95 + 90 + 30  # July's 30 fall before the holiday, where the people are


def test_a_deadline_on_a_holiday_is_the_working_day_before():
    """ "Basis på M" ends on Good Friday 26 March 2027 (no milestone): Maundy Thursday is a holiday too, so the
    deadline is Wednesday 24 March; a milestone on Monday 1 March gives Friday 26 February, not Sunday."""
    data = plan_data()
    data["arbejdspakker"][0]["til"] = "2027-03-26"
    works = {w.key: w for w in analyse(make_plan(data)).planning.load.works}
    assert works["arbejdspakke:basis_m"].deadline == D(2027, 3, 24)
    assert works["arbejdspakke:indsats"].deadline == D(2027, 2, 26)


def test_a_package_due_after_the_control_that_checks_its_cases_is_a_warning():
    text = set_value(example_text(), ("arbejdspakker", "basis_manuelle_sager", "frist"), "go_live")
    plan, loaded = load_plan_text(text)
    said = [str(m) for m in check(plan, loaded, None, analyse(plan))]
    (late,) = [m for m in said if like(say.LATE_FOR_CONTROL).search(m)]
    assert f"arbejdspakker[basis_manuelle_sager].frist: {WARNING_PREFIX}" in late
    after_control = say.LATE_FOR_CONTROL.format(
        name="Basisoplysninger på manuelt konverterede sager",
        deadline="26. februar 2027",
        activity="Kontrolrunde 1",
        categories="åbne sager med anbringelse",
        end="19. februar 2027",
    )
    assert after_control in late
    plan, loaded = load_plan_text(example_text())
    assert not [m for m in check(plan, loaded, None, analyse(plan)) if like(say.LATE_FOR_CONTROL).search(str(m))]
