"""The Danish working-day calendar and capacity per role, checked against dates worked out by hand."""

from __future__ import annotations

import datetime as dt

from engine_plans import make_plan, plan_data

from konverteringsplan.analysis import calendar
from konverteringsplan.analysis.calendar import day_values, public_holidays, role_capacity, week_fraction
from konverteringsplan.model.schedule import Absence, SpecialDay

D = dt.date


def special(date: str, off: str) -> SpecialDay:
    return SpecialDay.model_validate({"dato": date, "navn": "Særlig dag", "fri": off})


def test_public_holidays_2027_include_easter_and_not_store_bededag():
    found = public_holidays(D(2027, 1, 1), D(2027, 12, 31))
    # Easter Sunday 2027 is 28 March; the holidays around it follow from that date.
    assert set(found) == {
        D(2027, 1, 1),  # Nytårsdag
        D(2027, 3, 25),
        D(2027, 3, 26),
        D(2027, 3, 28),
        D(2027, 3, 29),  # skærtorsdag .. 2. påskedag
        D(2027, 5, 6),  # Kristi himmelfartsdag: Easter + 39 days
        D(2027, 5, 16),
        D(2027, 5, 17),  # pinse: Easter + 49/50 days
        D(2027, 12, 25),
        D(2027, 12, 26),
    }
    # Store Bededag would have been the 4th Friday after Easter (23 April 2027): an ordinary working day now.
    assert D(2027, 4, 23) not in found
    assert day_values(D(2027, 4, 19), D(2027, 4, 23), [])[D(2027, 4, 23)] == 1.0
    # ...but it was a holiday in 2023, before it was abolished.
    assert D(2023, 5, 5) in public_holidays(D(2023, 1, 1), D(2023, 12, 31))


def test_weekends_and_holidays_have_no_working_time():
    days = day_values(D(2027, 3, 22), D(2027, 4, 4), [])
    assert D(2027, 3, 27) not in days and D(2027, 3, 28) not in days  # weekend: not a working day at all
    assert days[D(2027, 3, 25)] == 0 and days[D(2027, 3, 26)] == 0 and days[D(2027, 3, 29)] == 0
    fractions = week_fraction(days)
    assert fractions[(2027, 12)] == 3 / 5  # Mon-Wed worked, Thu-Fri holidays
    assert fractions[(2027, 13)] == 4 / 5  # 2. påskedag


def test_municipal_half_and_full_days_off():
    days = day_values(D(2026, 12, 21), D(2027, 1, 3), [special("2026-12-24", "hel"), special("2026-12-31", "halv")])
    assert days[D(2026, 12, 24)] == 0 and days[D(2026, 12, 31)] == 0.5
    fractions = week_fraction(days)
    assert fractions[(2026, 52)] == 3 / 5  # 24 Dec off, 25 Dec holiday
    assert fractions[(2026, 53)] == 3.5 / 5  # 28-30 Dec, half of 31 Dec, 1 Jan holiday
    # A special day on a Saturday (1 May 2027) changes nothing.
    may = day_values(D(2027, 4, 26), D(2027, 5, 2), [special("2027-05-01", "halv")])
    assert week_fraction(may)[(2027, 17)] == 1.0


def test_capacity_is_headcount_times_weekly_hours_times_working_share_minus_absences():
    plan = make_plan(
        plan_data(kalender={"saerlige_dage": [{"dato": "2026-12-31", "navn": "Nytårsaften", "fri": "halv"}]})
    )
    student = plan.roles[0]  # 2 persons × 10 h/week = 2 h per person per full day
    days = day_values(D(2026, 12, 28), D(2027, 1, 15), plan.calendar.special_days)
    cap = calendar.by_week(role_capacity(student, days, []))
    assert cap[(2026, 53)] == 2 * 10 * 0.7  # 14 h: not 7,4 h a day, but the persons' own weekly hours
    assert cap[(2027, 1)] == 20
    away = [
        Absence.model_validate({"rolle": "student", "personer": 1, "fra": "2027-01-11", "til": "2027-01-13"}),
        Absence.model_validate({"rolle": "student", "personer": 1, "fra": "2026-12-31", "til": "2026-12-31"}),
        Absence.model_validate({"rolle": "sb", "personer": 4, "fra": "2027-01-04", "til": "2027-01-15"}),
    ]
    cap = calendar.by_week(role_capacity(student, days, away))
    assert cap[(2027, 2)] == 20 - 1 * 2 * 3  # one person away Mon-Wed: 14 h
    assert cap[(2026, 53)] == 14 - 1 * 2 * 0.5  # away on a half day costs half a day: 13 h
    assert cap[(2027, 1)] == 20  # another role's absence does not count


def test_a_holiday_costs_a_fifth_of_the_weekly_hours_not_a_full_working_day():
    plan = make_plan()
    caseworker = plan.roles[1]  # 4 persons × 5 h/week
    cap = calendar.by_week(role_capacity(caseworker, day_values(D(2027, 3, 29), D(2027, 4, 2), []), []))
    assert cap[(2027, 13)] == 4 * 5 - 4 * 1  # 2. påskedag: each person loses 5/5 = 1 h
