"""Capacity where the work is (issue 20, points 4 and 5): work follows the role's available hours, a shortfall
is reported only when a package cannot fit at all and names the weeks without spare time, and a role's load
summary shows the capacity of the weeks it works and its peak week."""

from __future__ import annotations

import datetime as dt

import pytest
from shapes import summer

from conftest import example_text, like, set_value
from konverteringsplan.analysis import analyse
from konverteringsplan.analysis.calendar import week_of
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.rules.validate import check
from konverteringsplan.texts import validation as say


def _messages(text: str) -> list[str]:
    plan, loaded = load_plan_text(text)
    return [str(m) for m in check(plan, loaded, None, analyse(plan))]


def test_a_summer_holiday_inside_a_package_moves_its_work_to_the_weeks_with_people():
    """July's 30 first follow-ups (about 27 h for the caseworkers: the legal-basis minutes of each case, less the
    latest-investigation field that open investigations get at go-live instead). With every caseworker away
    12-30 July, all those hours fall on 1-9 July (7 working days × 16 × 6 / 5 = 19,2 h a day), none in the holiday."""
    plan, _ = load_plan_text(summer())
    pf = analyse(plan).planning
    july = next(w for w in pf.load.works if w.key == "opfoelgning:juridisk_grundlag_ved_opfoelgning:2027-07")
    assert 25 < july.hours < 30
    assert sum(july.daily.values()) == pytest.approx(july.hours)
    assert max(july.daily) <= dt.date(2027, 7, 9)
    assert not pf.load.shortfalls
    said = _messages(summer())
    assert not [m for m in said if like(say.SHORTFALL).search(m) or "uge 28" in m], said


def test_a_package_that_cannot_fit_at_all_names_the_weeks_without_spare_time():
    """The whole of July away: July's follow-up hours have nowhere to go, and the error says which weeks were full
    (week 26 is Monday 28 June - Friday 2 July: its June days have spare time, so it is not named)."""
    holiday = ("kalender", "fravaer", "sagsbehandler")  # the caseworkers' summer holiday (shapes.summer)
    text = set_value(set_value(summer(), (*holiday, "fra"), "2027-07-01"), (*holiday, "til"), "2027-07-31")
    plan, _ = load_plan_text(text)
    july = next(w for w in analyse(load_plan_text(summer())[0]).planning.load.works if w.key.endswith(":2027-07"))
    (short,) = analyse(plan).planning.load.shortfalls
    assert short.hours == pytest.approx(july.hours)
    assert [w[1] for w in short.full] == [27, 28, 29, 30]
    (said,) = [m for m in _messages(text) if like(say.SHORTFALL).search(m)]
    assert say.SHORTFALL_FULL.format(weeks="uge 27, uge 28, uge 29 og uge 30") in said


def test_the_students_exam_week_gets_a_third_less_of_their_package():
    """The example: 1 of 3 students away 25-29 January; the basic-data package (11 January - 5 February) gives
    that week 2/3 of an ordinary week's share."""
    plan, _ = load_plan_text(example_text())
    pf = analyse(plan).planning
    work = next(w for w in pf.load.works if w.key == "arbejdspakke:basis_manuelle_sager")
    per_week: dict = {}
    for d, h in work.daily.items():
        per_week[week_of(d)] = per_week.get(week_of(d), 0.0) + h
    ordinary = per_week[(2027, 2)]
    assert per_week[(2027, 4)] == pytest.approx(ordinary * 2 / 3)
    assert sum(per_week.values()) == pytest.approx(ordinary * (3 + 2 / 3))


def test_a_roles_load_summary_compares_its_hours_with_the_weeks_it_works():
    """The small engine plan's students: 32 h in weeks 1, 2, 7 and 8 against 4 × 20 h = 80 h in those weeks
    (the whole plan's 328 h would make the load look like a tenth); the peak week stands beside it."""
    from engine_plans import make_plan

    from konverteringsplan.pages.render import render

    pages = {p.path: p.markdown for p in render(make_plan()).pages}
    assert "| 32 timer | 80 timer (4 uger) | uge 7: 10 timer af 20 timer |" in pages["tidsplan.md"]
    role = pages["belastning/student.md"]
    assert (
        "Planlagt i alt **32 timer** af 80 timer kapacitet i\nde 4 uger, hvor studentermedhjælpere har arbejde" in role
    )
    assert "I hele perioden er kapaciteten 328 timer." in role
