"""The analysis on its limits: the figures the pages show, at a limit, one below and one above.

Calendar (holidays on a Saturday, a special day on the first or last day of a range, absences on their
first and last day), milestones the plan defines itself, the vendor's delivery (on an evaluation Sunday,
the day after, or no date at all), months, case splits, week loads at capacity, break-even and price
scores. Plans are the example changed by key path (conftest's ``set_keys``); expected figures are worked
out by hand in the comments.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from functools import cache
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from conftest import DELETE, EXAMPLE, set_keys
from konverteringsplan.analysis import analyse
from konverteringsplan.analysis.calendar import (
    day_values,
    days_off,
    last_working_day,
    public_holidays,
    role_capacity,
    shift,
    week_of,
)
from konverteringsplan.analysis.economics import BreakEven, score_conflicts
from konverteringsplan.analysis.effort import split_cases
from konverteringsplan.analysis.forecast import Point, cumulative_share, trim_to_progress
from konverteringsplan.analysis.golive import DeadlineWeek
from konverteringsplan.analysis.guide import control_view, works_in_freeze
from konverteringsplan.analysis.kinds import WorkKind
from konverteringsplan.analysis.milestones import by_id, milestones
from konverteringsplan.analysis.placeholders import placeholders
from konverteringsplan.analysis.task import task_steps
from konverteringsplan.analysis.workload import WeekLoad, month_bounds
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.model import Plan
from konverteringsplan.model.schedule import SpecialDay
from konverteringsplan.texts import site as texts

D = dt.date


@cache
def _example() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def plan_with(*changes: tuple[tuple[Any, ...], Any]) -> Plan:
    data = set_keys(copy.deepcopy(_example()), *changes)
    plan, _ = load_plan_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return plan


@cache
def example() -> Plan:
    return plan_with()


# --- calendar -------------------------------------------------------------------------------------


def test_a_holiday_on_a_saturday_is_no_day_off():
    # 25 December 2026 is a Friday, 26 December (Anden juledag) a Saturday, 1 January 2027 a Friday
    special = example().calendar.special_days
    assert "Anden juledag" in public_holidays(D(2026, 12, 26), D(2026, 12, 26)).values()
    found = {(e.date, e.share, e.public) for e in days_off(D(2026, 12, 21), D(2027, 1, 3), special)}
    assert found == {
        (D(2026, 12, 24), 1.0, False),  # Juleaftensdag, the municipality's whole day off
        (D(2026, 12, 25), 1.0, True),
        (D(2026, 12, 31), 0.5, False),  # Nytårsaftensdag, half a day
        (D(2027, 1, 1), 1.0, True),
    }
    values = day_values(D(2026, 12, 21), D(2027, 1, 3), special)
    assert D(2026, 12, 26) not in values and D(2026, 12, 27) not in values  # weekends are no working days
    assert (values[D(2026, 12, 23)], values[D(2026, 12, 24)], values[D(2026, 12, 31)]) == (1.0, 0.0, 0.5)


def test_a_special_day_on_a_saturday_is_no_day_off():
    # 1 May 2027 (half a day off in the plan) is a Saturday
    assert days_off(D(2027, 4, 26), D(2027, 5, 2), example().calendar.special_days) == []


@pytest.mark.parametrize("day", [D(2026, 12, 24), D(2026, 12, 31)])
def test_a_special_day_on_the_first_or_last_day_of_a_range_counts(day):
    special = example().calendar.special_days
    assert [e.date for e in days_off(day, day, special)] == [day]
    first = [e.date for e in days_off(day, day + dt.timedelta(days=1), special)]
    last = [e.date for e in days_off(day - dt.timedelta(days=1), day, special)]
    assert (first[0], last[-1]) == (day, day)


def test_a_holiday_on_the_first_or_last_day_of_a_range_counts():
    christmas = D(2026, 12, 25)
    assert list(public_holidays(christmas, christmas)) == [christmas]
    assert D(2026, 12, 24) not in public_holidays(D(2026, 12, 24), D(2026, 12, 24))


@pytest.mark.parametrize(
    ("closed", "moved_to"),
    [
        (27, D(2027, 6, 2)),  # closed 3–30 June: Wednesday 2 June, 28 days back, is the day before
        (28, D(2027, 6, 30)),  # closed 2–30 June: Tuesday 1 June, 29 days back, is beyond the four weeks
    ],
)
def test_a_deadline_moves_to_the_working_day_before_within_four_weeks(closed, moved_to):
    """A deadline on a day off moves to the working day before, looking back four weeks (28 days) and no
    further: a deadline at the end of a longer closure stays on its own day."""
    deadline = D(2027, 6, 30)  # a Wednesday, closed like the days before it
    special = [SpecialDay(dato=shift(deadline, -i), navn="Lukket") for i in range(closed + 1)]
    assert last_working_day(deadline, special) == moved_to


def test_an_absence_counts_on_its_first_and_last_day_only():
    # students: 3 × 15 h/week = 9 h a day; one away 25–29 January 2027 (Monday–Friday): 6 h a day
    plan = example()
    role = next(r for r in plan.roles if r.id == "studentermedhjaelper")
    days = day_values(D(2027, 1, 22), D(2027, 2, 1), [])
    cap = role_capacity(role, days, plan.calendar.absences)
    per_day = role.headcount * role.hours_per_week / 5
    away = per_day / role.headcount
    assert cap[D(2027, 1, 22)] == per_day
    assert cap[D(2027, 1, 25)] == cap[D(2027, 1, 29)] == pytest.approx(per_day - away)
    assert cap[D(2027, 2, 1)] == per_day


@pytest.mark.parametrize(("people", "left"), [(2, 1), (3, 0), (4, 0)])
def test_capacity_never_falls_below_nothing(people, left):
    plan = plan_with((("kalender", "fravaer", 0, "personer"), people))
    role = next(r for r in plan.roles if r.id == "studentermedhjaelper")
    cap = role_capacity(role, day_values(D(2027, 1, 25), D(2027, 1, 25), []), plan.calendar.absences)
    assert cap[D(2027, 1, 25)] == pytest.approx(left * role.hours_per_week / 5)


# --- milestones and the vendor's delivery ---------------------------------------------------------


def test_milestones_the_plan_defines_itself_are_kept():
    ids = [m.id for m in milestones(example())]
    assert "data_godkendt" in ids  # from milepaele
    assert {"go_live", "frysning", "adgang_dubu", "levering", "beslutning"} <= set(ids)  # derived
    assert by_id(example())["data_godkendt"].date == D(2027, 2, 26)
    assert [m.date for m in milestones(example())] == sorted(m.date for m in milestones(example()))


def test_a_reserved_id_in_milepaele_is_not_a_second_milestone():
    plan = plan_with((("milepaele", "data_godkendt", "id"), "go_live"))  # the rules report it; the analysis ignores it
    assert [m.date for m in milestones(plan) if m.id == "go_live"] == [D(2027, 3, 1)]
    assert "data_godkendt" not in by_id(plan)


def test_without_a_delivery_date_the_vendor_has_no_milestone():
    plan = plan_with(
        (("leverandoertilbud", "levering"), DELETE), (("aktiviteter", "bestil_konvertering", "frist"), "go_live")
    )
    assert "levering" not in by_id(plan)
    assert "levering" in by_id(example())


def _minimum_on(plan: Plan, day: dt.date) -> int:
    return next(p.minimum for p in analyse(plan).planning.forecast.points if p.day == day)


@pytest.mark.parametrize(
    ("delivery", "counted_by_sunday"),
    [
        (D(2027, 2, 20), True),  # Saturday: counted on Sunday 21 February
        (D(2027, 2, 21), True),  # the Sunday itself: counted that day
        (D(2027, 2, 22), False),  # Monday: not yet
        (None, False),  # no delivery date: the vendor's cases count from the day before go-live
    ],
)
def test_the_forecast_counts_the_vendors_cases_from_its_delivery(delivery, counted_by_sunday):
    """On Sunday 21 February 2027 the cases with their minimum content include the vendor's automatic ones
    exactly when the delivery came that day or before (against a delivery the day after, Monday 22nd)."""
    changes: list[tuple[tuple[Any, ...], Any]] = [(("leverandoertilbud", "levering"), delivery or DELETE)]
    if delivery is None:
        changes.append((("aktiviteter", "bestil_konvertering", "frist"), "go_live"))
    plan = plan_with(*changes)
    monday = plan_with((("leverandoertilbud", "levering"), D(2027, 2, 22)))
    assert (_minimum_on(plan, D(2027, 2, 21)) > _minimum_on(monday, D(2027, 2, 21))) is counted_by_sunday
    assert _minimum_on(plan, D(2027, 2, 28)) == 475  # all by the day before go-live, in every case
    assert analyse(plan).planning.forecast.minimum_at_go_live == 475


def test_without_a_delivery_date_the_vendors_cases_count_on_the_day_before_go_live():
    # go-live on Tuesday 2 March 2027: the vendor's 280 cases count from Monday 1 March, not on Sunday 28 February
    plan = plan_with(
        (("projekt", "go_live"), D(2027, 3, 2)),
        (("leverandoertilbud", "levering"), DELETE),
        (("aktiviteter", "bestil_konvertering", "frist"), "go_live"),
    )
    assert _minimum_on(plan, D(2027, 2, 28)) == 195
    assert analyse(plan).planning.forecast.minimum_at_go_live == 475


# --- months, case splits, load --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "bounds"),
    [
        ("2027-02", (D(2027, 2, 1), D(2027, 2, 28))),
        ("2028-02", (D(2028, 2, 1), D(2028, 2, 29))),
        ("2027-01", (D(2027, 1, 1), D(2027, 1, 31))),
        ("2027-12", (D(2027, 12, 1), D(2027, 12, 31))),
        ("2027-13", None),
        ("2027-00", None),
    ],
)
def test_month_bounds(key, bounds):
    assert month_bounds(key) == bounds


@pytest.mark.parametrize(
    ("total", "counts", "parts"),
    [
        (10, [5, 5], [5, 5]),
        (9, [5, 5], [5, 4]),  # equal remainders: the first category first
        (11, [5, 5], [5, 5]),  # never more than the categories hold
        (10, [0, 0], [0, 0]),
        (0, [5, 5], [0, 0]),
        (1, [1, 2], [0, 1]),  # 1/3 and 2/3: the largest remainder gets the case
        (7, [1, 2, 4], [1, 2, 4]),
        (1, [1], [1]),  # a category of one case: its one case
        (1, [0, 1], [0, 1]),
    ],
)
def test_cases_split_by_largest_remainder(total, counts, parts):
    assert split_cases(total, counts) == parts
    assert sum(parts) == min(total, sum(counts))


@pytest.mark.parametrize(("load", "over"), [(10.0, False), (10.05, False), (10.06, True)])
def test_a_week_is_over_capacity_beyond_rounding_noise(load, over):
    week = WeekLoad("r", (2027, 5), load, 10.0)
    assert week.over is over
    assert week.spare == pytest.approx(10.0 - load)


def test_a_package_with_no_hours_left_does_not_widen_the_weeks_shown():
    # the students' session takes all 195 cases of their package (65 each, from its three categories), and
    # the package is moved to October 2026: it has 0 hours, so the load still starts in week 47 of 2026
    session = ("undervisning", "sessioner", "studenter-intro", "konvertering")
    plan = plan_with(
        ((*session, "sager_pr_deltager"), 65),
        ((*session, "kategorier"), ["aabne_anbringelser", "aabne_undersoegelser", "aabne_ungestoette"]),
        (("arbejdspakker", "basis_manuelle_sager", "fra"), D(2026, 10, 5)),
        (("arbejdspakker", "basis_manuelle_sager", "til"), D(2026, 10, 30)),
    )
    planning = analyse(plan).planning
    basis = next(pw for pw in planning.packages if pw.package.id == "basis_manuelle_sager")
    assert (basis.hours, basis.case_count, basis.taken_cases) == (0, 0, 195)  # "0 sager", all 195 on the team
    assert (planning.load.weeks[0], planning.load.weeks[-1]) == ((2026, 47), (2027, 35))
    assert (analyse(example()).planning.load.weeks[0]) == (2026, 47)


# --- economics ------------------------------------------------------------------------------------


def test_break_even_is_the_first_whole_case_count_where_the_vendor_is_cheaper():
    be = analyse(example()).planning.break_even_routed
    assert be is not None and be.cases is not None
    m, a, fixed = be.manual_per_case, be.automatic_per_case, be.fixed_total  # fixed price + the vendor's own work
    # by hand: the vendor is cheaper at n cases when fixed + a·n < m·n
    assert fixed + a * be.cases < m * be.cases
    assert fixed + a * (be.cases - 1) >= m * (be.cases - 1)
    assert be.cases == math.floor(fixed / (m - a)) + 1


@pytest.mark.parametrize(
    ("ordered_by", "cases"),
    [
        (["automatisk", "blandet"], 114),  # 5.400 kr. of ordering once: 5.400 / 47,42 = 113,9 → from 114 cases
        (["manuel"], 0),  # the manual option has the 12 hours: the vendor is cheaper from the first case on
    ],
)
def test_break_even_without_a_fixed_price_rests_on_the_own_hours_only_one_side_has(ordered_by, cases):
    plan = plan_with(
        (("leverandoertilbud", "fast_pris"), 0),
        (("aktiviteter", "bestil_konvertering", "muligheder"), ordered_by),
    )
    be = analyse(plan).planning.break_even_routed
    assert be is not None and be.fixed_price == 0
    assert round(be.manual_per_case - be.automatic_per_case, 2) == 47.42
    assert be.cases == cases and be.automatic_cheaper_now


@pytest.mark.parametrize(("now", "cheaper"), [(99, False), (100, True), (101, True)])
def test_the_vendor_is_cheaper_now_from_the_break_even_count(now, cheaper):
    assert BreakEven(now, 10.0, 5.0, 495.0, 100).automatic_cheaper_now is cheaper
    assert BreakEven(now, 10.0, 5.0, 495.0, None).automatic_cheaper_now is False


def _costs(**totals: float) -> list[Any]:
    return [SimpleNamespace(option=SimpleNamespace(id=k), total=v) for k, v in totals.items()]


@pytest.mark.parametrize(("dearer", "conflicts"), [(1001.0, 0), (1001.5, 1)])
def test_a_price_score_conflicts_only_beyond_one_krone(dearer, conflicts):
    # oekonomi (the price criterion): automatisk 4, manuel 4, blandet 3 points
    found = score_conflicts(example(), _costs(automatisk=1000.0, manuel=1000.0, blandet=dearer))
    assert len(found) == 0  # the dearer option has fewer points: no conflict
    found = score_conflicts(example(), _costs(automatisk=dearer, manuel=1000.0, blandet=1000.0))
    assert [(c.dearer, c.cheaper) for c in found] == [("automatisk", "blandet")] * conflicts
    # equal points for a dearer option are no conflict either (automatisk and manuel both have 4)
    assert [c for c in found if c.cheaper == "manuel"] == []


def test_equal_weighted_scores_share_a_rank():
    plan = plan_with(
        (("konverteringsform", "vurdering", "automatisk"), {"oekonomi": 3, "effektivitet": 4, "datakvalitet": 5}),
    )
    matrix = analyse(plan).planning.matrix
    assert {r.option.id: r.rank for r in matrix.rows} == {"automatisk": 1, "blandet": 1, "manuel": 3}
    assert sorted(matrix.top) == ["automatisk", "blandet"]


# --- the guide: who converts in the freeze ---------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "in_freeze"),
    [
        ((), False),  # the students' package ends 5 February, their session is 7 January; the freeze starts 15 February
        (((("arbejdspakker", "basis_manuelle_sager", "til"), D(2027, 2, 14)),), False),
        (((("arbejdspakker", "basis_manuelle_sager", "til"), D(2027, 2, 15)),), True),
        (((("undervisning", "sessioner", "studenter-intro", "dato"), D(2027, 2, 12)),), False),
        (((("undervisning", "sessioner", "studenter-intro", "dato"), D(2027, 2, 15)),), True),
    ],
)
def test_a_role_works_in_the_freeze_from_its_first_day(changes, in_freeze):
    plan = plan_with(*changes)
    students = next(r for r in plan.roles if r.id == "studentermedhjaelper")
    assert works_in_freeze(plan, students) is in_freeze


# --- the KLIK task: placeholders keep the step they belong to open ---------------------------------

UNFILLED = "Navn (udfyld)"


@pytest.mark.parametrize(
    ("changes", "step", "sections", "n"),
    [
        ([(("sagskategorier", 0, "navn"), UNFILLED)], 1, "sagskategorier", 1),
        (
            [(("sagskategorier", 0, "navn"), UNFILLED), (("minimumsoplysninger", "feltgrupper", 0, "navn"), UNFILLED)],
            1,
            "minimumsoplysninger, sagskategorier",
            2,
        ),
        ([(("leverandoertilbud", "leverandoer"), UNFILLED)], 2, "leverandoertilbud", 1),
        ([(("aktiviteter", 0, "navn"), UNFILLED), (("aktiviteter", 1, "navn"), UNFILLED)], 3, "aktiviteter", 2),
    ],
)
def test_a_placeholder_keeps_its_own_step_open(changes, step, sections, n):
    plan = plan_with(*changes)
    steps = {s.number: s for s in task_steps(plan, placeholders(plan))}
    word = texts.PLACEHOLDER_ONE if n == 1 else texts.PLACEHOLDER_MANY
    assert steps[step].missing == (texts.MISSING_UNFILLED.format(n=n, word=word, sections=sections),)
    assert [s.number for s in steps.values() if not s.done] == [step, 4]  # step 4 waits for every earlier one
    assert all(not s.missing for s in steps.values() if s.number not in (step, 4))


@pytest.mark.parametrize(
    ("delivery", "first"),
    [(None, D(2027, 2, 2)), (D(2027, 2, 12), D(2027, 2, 12))],  # none: four weeks before go-live
)
def test_the_own_check_of_the_vendors_cases_starts_at_delivery_or_four_weeks_before_go_live(delivery, first):
    # go-live on Tuesday 2 March 2027, so four weeks before is Tuesday 2 February (a day later than 29 days)
    changes: list[tuple[tuple[Any, ...], Any]] = [
        (("projekt", "go_live"), D(2027, 3, 2)),
        (("leverandoertilbud", "levering"), delivery or DELETE),
    ]
    if delivery is None:
        changes.append((("aktiviteter", "bestil_konvertering", "frist"), "go_live"))
    checks = [w for w in analyse(plan_with(*changes)).planning.load.works if w.kind is WorkKind.control]
    assert {w.role for w in checks} == {"sagsbehandler", "studentermedhjaelper"}
    for w in checks:
        assert (w.start, w.end) == (first, D(2027, 3, 1))
        assert min(d for d, h in w.daily.items() if h > 0) == first


@pytest.mark.parametrize(
    ("end", "daily"),
    [(D(2027, 2, 23), {D(2027, 2, 22): 12.0, D(2027, 2, 23): 12.0}), (D(2027, 2, 22), {D(2027, 2, 22): 24.0})],
)
def test_re_entry_may_take_a_single_day(end, daily):
    freeze = ("projekt", "frysning", "genindtastning", 0)  # sagsbehandler, 24 hours
    plan = plan_with(((*freeze, "fra"), D(2027, 2, 22)), ((*freeze, "til"), end))
    works = [w for w in analyse(plan).planning.load.works if w.kind is WorkKind.reentry and w.role == "sagsbehandler"]
    assert [w.daily for w in works] == [pytest.approx(daily)]


def test_a_session_on_the_last_day_of_the_plan_keeps_its_hours():
    # a session after the last follow-up month (August 2027) is the plan's last date: its hours still count
    totals = analyse(example()).planning.totals
    moved = plan_with((("undervisning", "sessioner", "studenter-intro", "dato"), D(2027, 9, 6)))
    planning = analyse(moved).planning
    assert planning.load.weeks[-1] == (2027, 36)
    for role in ("studentermedhjaelper", "superbruger"):  # the participants' hours and the trainer's
        assert planning.totals[role].hours == pytest.approx(totals[role].hours), role


# --- the forecast chart and the weeks after go-live --------------------------------------------------


def _points(*counts: int) -> list[Point]:
    sundays = [D(2027, 1, 3) + dt.timedelta(weeks=i) for i in range(len(counts))]
    return [Point(week_of(d), d, n, n) for d, n in zip(sundays, counts)]


@pytest.mark.parametrize(
    ("counts", "first", "last"),
    [
        ((10, 20, 30), 0, 2),  # progress from the first week: the chart starts there
        ((0, 10, 30), 0, 2),  # one week of nothing before it is kept, as the chart's starting line
        ((0, 0, 10, 30, 30), 1, 3),  # ... but no more; and it ends in the first week everything is done
    ],
)
def test_the_forecast_runs_from_the_week_before_progress_to_the_week_all_is_done(counts, first, last):
    points = _points(*counts)
    assert trim_to_progress(points, 30) == points[first : last + 1]


@pytest.mark.parametrize(
    ("deadlines", "conversion", "over"),
    [
        (0.0, 50.0, False),  # conversion alone over capacity is the planning's own warning, not this one
        (0.5, 39.5, False),  # exactly at capacity (40 h)
        (0.5, 39.6, True),  # half an hour of deadlines tips the week over
        (2.0, 38.1, True),
    ],
)
def test_a_week_after_go_live_is_over_capacity_only_with_deadlines_in_it(deadlines, conversion, over):
    week = DeadlineWeek("sagsbehandler", (2027, 10), deadlines, conversion, 40.0)
    assert week.over is over


@pytest.mark.parametrize(("supporting", "sample"), [(114, 20), (115, 20), (116, 21)])
def test_the_control_sample_is_the_share_of_the_other_cases_rounded_up(supporting, sample):
    # every placement is checked (alle_sager_i); 10 % of the rest: supporting + 45 investigations + 40 young
    # people, so 199 → 19,9 → 20, 200 → 20, 201 → 20,1 → 21 cases
    view = control_view(plan_with((("sagskategorier", "aabne_stoettende", "antal"), supporting)))
    assert view is not None and view.sample_percent == 10
    assert view.sample_cases == sample


def test_a_vendor_that_saves_nothing_a_case_never_pays_for_itself():
    # no field marked automatisk, no price per case, no own check: a case costs the same either way, so the
    # fixed price is never earned back ("aldrig"), for the vendor's cases and for all of them
    groups = copy.deepcopy(_example()["minimumsoplysninger"]["feltgrupper"])
    for field in (f for g in groups for f in g["felter"]):
        field.pop("automatisk", None)
    plan = plan_with(
        (("minimumsoplysninger", "feltgrupper"), groups),
        (("leverandoertilbud", "pris_pr_sag"), 0),
        (("leverandoertilbud", "intern_indsats"), []),
    )
    planning = analyse(plan).planning
    for be in (planning.break_even_routed, planning.break_even):
        assert be is not None and be.manual_per_case == be.automatic_per_case
        assert be.cases is None and not be.automatic_cheaper_now


@pytest.mark.parametrize(
    ("daily", "shares"),
    [
        ({D(2027, 1, 5): 2.0, D(2027, 1, 6): 2.0}, [0.0, 0.5, 1.0]),
        ({D(2027, 1, 5): 0.0}, [0.0, 1.0, 1.0]),  # work of no hours is done the day it is planned
    ],
)
def test_the_share_of_work_done_by_each_day(daily, shares):
    assert cumulative_share(daily, [D(2027, 1, 4), D(2027, 1, 5), D(2027, 1, 6)]) == shares


@pytest.mark.parametrize("hours", [0.5, 1, 2])
def test_an_activity_of_an_hour_or_less_is_in_the_load(hours):
    # the project lead's ordering (12 hours in the example) made short
    before = analyse(example()).planning.totals["projektleder"].hours
    plan = plan_with((("aktiviteter", "bestil_konvertering", "timer"), hours))
    assert analyse(plan).planning.totals["projektleder"].hours == pytest.approx(before - 12 + hours)


def test_a_session_on_the_first_day_of_the_plan_keeps_its_hours():
    # four weeks before go-live is the horizon's first day at least; a session there, before all other work
    totals = analyse(example()).planning.totals
    moved = plan_with((("undervisning", "sessioner", "studenter-intro", "dato"), D(2026, 11, 2)))
    planning = analyse(moved).planning
    assert planning.load.weeks[0] == (2026, 45)
    for role in ("studentermedhjaelper", "superbruger"):  # the participants' hours and the trainer's
        assert planning.totals[role].hours == pytest.approx(totals[role].hours), role


def test_a_roles_cost_is_its_exact_hours_times_its_rate_to_the_ore():
    # students 85 5/12 h × 165 kr. = 14.093,75 kr.; caseworkers 771 1/6 h × 400 kr. = 308.466,67 kr.
    totals = analyse(example()).planning.totals
    assert (totals["studentermedhjaelper"].hours, totals["studentermedhjaelper"].cost) == (85.42, 14093.75)
    assert (totals["sagsbehandler"].hours, totals["sagsbehandler"].cost) == (771.17, 308466.67)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_a_deadline_month_with_one_case_shows_it(n):
    # investigations falling due in March 2027: 90 minutes each
    plan = plan_with((("efter_go_live", "frister", 0, "antal"), {"2027-03": n}))
    march = analyse(plan).golive.months[0]
    rows = [(r.cases, r.hours) for r in march.rows if r.kind.value == "undersoegelse"]
    assert rows == ([(n, n * 1.5)] if n else [])


def test_the_forecast_counts_work_on_the_plans_last_day_by_that_weeks_sunday():
    # the last follow-ups fall in May 2027, whose last day (the plan's last) is Monday 31 May: the legal basis
    # of every case is in place by Sunday 6 June
    plan = plan_with((("foerste_opfoelgninger",), {"2027-03": 95, "2027-04": 100, "2027-05": 280}))
    planning = analyse(plan).planning
    assert planning.end == D(2027, 5, 31)
    done = planning.forecast.full_done
    assert done is not None and (done.day, done.full) == (D(2027, 6, 6), 475)
