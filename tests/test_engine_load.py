"""Weekly load per role against capacity, training sessions that convert cases, overload warnings and
the shortfall error, with the numbers worked out by hand from tests/engine_plans.py.

Student assistants: 2 × 10 h/week = 20 h/week. Caseworkers: 4 × 5 h/week = 20 h/week.
- "Basis på M": 40 cases × (6 + 12) min = 12 h, 4-15 January 2027 (two full weeks) → 6 h in weeks 1 and 2.
- "Basis på A": 100 cases × 12 min (the vendor enters f1) = 20 h, 15-26 February → 10 h in weeks 7 and 8.
- "Indsats": A needs nothing (f3 by the vendor, f4 only on M); M: 40 × (30 + 15) min = 30 h over
  18 January - 26 February (6 weeks) → 5 h a week.
- The caseworkers' check of the vendor's cases: 100 × 6 min = 10 h over the 11 working days from the
  delivery (Friday 12 February) to go-live.
"""

from __future__ import annotations

import re

import pytest
from engine_plans import SESSION, make_plan, messages, plan_data

from conftest import example_text, like, run_cli, set_value
from konverteringsplan.analysis import analyse
from konverteringsplan.pages.render import render
from konverteringsplan.texts import validation as say


def weeks(plan, role):
    return {r.week: r for r in analyse(plan).planning.load.rows[role]}


def texts(data, severity):
    return [m.text for m in messages(data) if m.severity == severity]


def test_weekly_load_spreads_each_package_over_its_working_days():
    w = weeks(make_plan(), "student")
    assert w[(2027, 1)].load == pytest.approx(6) and w[(2027, 2)].load == pytest.approx(6)
    assert w[(2027, 3)].load == 0
    assert w[(2027, 7)].load == pytest.approx(10) and w[(2027, 8)].load == pytest.approx(10)
    assert w[(2027, 1)].capacity == 20 and not w[(2027, 1)].over
    # The caseworkers (4 × 5 h: 4 h a day) check the vendor's cases from Friday 12 February: 10 h over its 11
    # working days, 10/11 h a day, on given dates. Their package (30 h, 18 January - 26 February, 30 working days)
    # follows the hours left: 30 × 4 - 10 = 110 spare hours, 30/110 = 3/11 of each.
    sb = weeks(make_plan(), "sb")
    assert sb[(2027, 3)].load == pytest.approx(20 * 3 / 11)
    assert sb[(2027, 6)].load == pytest.approx((16 + 4 - 10 / 11) * 3 / 11 + 10 / 11)  # + the check on Friday
    assert sb[(2027, 7)].load == pytest.approx(5 * (4 - 10 / 11) * 3 / 11 + 50 / 11)
    assert sum(w.load for w in sb.values()) == pytest.approx(
        30 + 10 + sum(w.load for k, w in sb.items() if k >= (2027, 9))
    )


def test_follow_up_work_is_spread_over_the_months_of_the_first_follow_ups():
    sb = weeks(make_plan(), "sb")
    # 140 cases × 20 min = 46,67 h; March has 84 of the 140 follow-ups → 28 h over March's 20 working
    # days (23 weekdays minus skærtorsdag, langfredag, 2. påskedag) → 1,4 h a working day.
    assert sb[(2027, 10)].load == pytest.approx(5 * 1.4)  # 8-12 March
    assert sb[(2027, 12)].load == pytest.approx(3 * 1.4)  # 22-26 March: Thursday and Friday are holidays


def test_a_half_day_gets_half_the_work():
    data = plan_data(kalender={"saerlige_dage": [{"dato": "2027-01-08", "navn": "Halv fridag", "fri": "halv"}]})
    w = weeks(make_plan(data), "student")
    # 12 h over 9,5 day units: week 1 has 4,5 of them, week 2 has 5.
    assert w[(2027, 1)].load == pytest.approx(12 * 4.5 / 9.5)
    assert w[(2027, 2)].load == pytest.approx(12 * 5 / 9.5)
    assert w[(2027, 1)].capacity == pytest.approx(2 * 10 * 0.9)


def test_absence_lowers_capacity_in_its_weeks():
    data = plan_data(
        kalender={
            "fravaer": [
                {"rolle": "student", "personer": 1, "fra": "2027-01-11", "til": "2027-01-15", "aarsag": "Eksamen"}
            ]
        }
    )
    w = weeks(make_plan(data), "student")
    assert w[(2027, 2)].capacity == 10 and w[(2027, 1)].capacity == 20


def test_a_training_session_converts_cases_and_takes_them_off_the_package():
    data = plan_data(undervisning={"sessioner": [SESSION]})
    plan = make_plan(data)
    pf = analyse(plan).planning
    # 2 participants × 5 cases of M, basis: 10 cases × 18 min = 3 h on Thursday 7 January (week 1)
    (sw,) = pf.sessions
    assert (sw.role, sw.category, sw.cases, sw.hours) == ("student", "m", 10, pytest.approx(3))
    package = next(p for p in pf.packages if p.package.id == "basis_m")
    assert package.cases[("m", "basis")] == 30 and package.hours == pytest.approx(9)
    # the package follows the hours the session leaves: week 1 has 20 - 3 = 17, week 2 has 20, so 9 h × 17/37 and
    # 9 h × 20/37
    w = weeks(plan, "student")
    assert w[(2027, 1)].load == pytest.approx(3 + 9 * 17 / 37)
    assert w[(2027, 2)].load == pytest.approx(9 * 20 / 37)


def test_a_session_splits_its_cases_over_categories_by_their_counts():
    session = dict(
        SESSION, deltagere=3, konvertering={"sager_pr_deltager": 7, "kategorier": ["a", "m"], "feltgrupper": ["basis"]}
    )
    pf = analyse(make_plan(plan_data(undervisning={"sessioner": [session]}))).planning
    # 21 cases over A (100) and M (40): 15 and 6 exactly
    assert {s.category: s.cases for s in pf.sessions} == {"a": 15, "m": 6}


def test_a_week_over_capacity_is_a_warning_naming_role_week_and_hours():
    data = plan_data()
    data["roller"][0]["timer_pr_uge"] = 2.5  # 2 × 2,5 = 5 h/week, and 6 h are planned in weeks 1 and 2
    data["arbejdspakker"][0]["frist"] = "go_live"  # the work may slip until go-live: no shortfall
    data["arbejdspakker"][1]["fra"] = "2027-02-01"  # "Basis på A": 20 h over 4 weeks = 5 h a week
    warnings = texts(data, "advarsel")
    over = [t for t in warnings if like(say.OVERLOAD).match(t)]
    assert len(over) == 2  # weeks 1 and 2
    week_1 = like(
        say.OVERLOAD,
        role="Studentermedhjælper",
        load="6 timer",
        week=say.WEEK.format(week="uge 1", date="4. januar 2027"),
        capacity="5 timer",
        excess="1 time",
    )
    assert any(week_1.match(t) for t in over), over
    assert not [t for t in texts(data, "fejl") if like(say.SHORTFALL).match(t)]
    pages = {p.path: p.markdown for p in render(make_plan(data)).pages}
    page = pages["tidsplan.md"]
    assert "Uger over kapaciteten" in page
    # The plan page flags the role in its one-row-per-role summary: 2 weeks over, linking to the role's page.
    assert "| [Studentermedhjælper](belastning/student.md) | 2 | 2,5 timer |" in page
    assert "| **2 !** |" in page
    # The role's own page has the week-by-week table with the week marked.
    role = pages["belastning/student.md"]
    assert '!!! warning "2 uger over kapaciteten"' in role
    assert "| uge 1 | 4. jan. 2027 | 6 timer | 5 timer | 1 time for meget | **Ja** |" in role


def test_work_that_cannot_fit_before_its_deadline_is_an_error_with_role_week_and_shortfall():
    data = plan_data()
    data["roller"][0]["timer_pr_uge"] = 0.5  # 2 persons × 0,5 h = 1 h a week
    errors = [t for t in texts(data, "fejl") if like(say.SHORTFALL).match(t)]
    # "Basis på M" (12 h, 4-15 January, no milestone: deadline 15 January): 2 weeks × 1 h = 2 h → 10 h short.
    basis_m = like(
        say.SHORTFALL,
        what=say.WORK_PACKAGE,
        name="Basis på M",
        deadline="15. januar 2027",
        role="Studentermedhjælper",
        hours="10 timer",
        week=say.WEEK.format(week="uge 2", date="11. januar 2027"),
    )
    assert any(basis_m.match(t) for t in errors), errors
    # "Basis på A" (20 h, before go-live): 15-28 February gives 2 h → 18 h short in week 8.
    basis_a = like(
        say.SHORTFALL, name="Basis på A", hours="18 timer", week=say.WEEK.format(week="uge 8", date="22. februar 2027")
    )
    assert any(basis_a.match(t) for t in errors), errors


def test_work_may_move_to_later_weeks_with_spare_time_before_its_milestone():
    data = plan_data()
    data["roller"][0]["timer_pr_uge"] = 2.5  # 5 h a week: 6 h planned in weeks 1 and 2
    data["arbejdspakker"][0]["frist"] = "go_live"  # the 2 h left over are done in week 3
    data["arbejdspakker"][1]["fra"] = "2027-02-01"
    assert not analyse(make_plan(data)).planning.load.shortfalls
    data["arbejdspakker"][0].pop("frist")  # now it must be done by 15 January: 10 h capacity for 12 h
    (short,) = analyse(make_plan(data)).planning.load.shortfalls
    assert short.hours == pytest.approx(2) and short.week == (2027, 2)


def test_the_example_plan_with_too_few_student_hours_fails_with_role_week_and_hours(write_plan):
    text = set_value(example_text(), ("roller", "studentermedhjaelper", "timer_pr_uge"), "3")
    result = run_cli("validate", str(write_plan(text)))
    assert result.returncode == 1
    short = [line for line in result.stderr.splitlines() if like(say.SHORTFALL).search(line)]
    assert short, result.stderr
    assert all(like(say.SHORTFALL, role="Studentermedhjælper").search(line) for line in short)
    # the basic-data package must be done before the control (milestone klar_til_kontrol, Monday 15 February):
    # its deadline is Friday 12 February, in week 6
    in_week_6 = like(
        say.SHORTFALL,
        hours=re.compile(r"\d+(,\d)? timer"),
        week=say.WEEK.format(week="uge 6", date="8. februar 2027"),
    )
    assert any(in_week_6.search(line) for line in short)
