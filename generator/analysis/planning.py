"""The planning engine in one call: effort, cost, calendar, load, coverage and forecast."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Plan
from . import calendar, coverage, economics, effort, forecast, workload
from .coverage import CoverageRow


@dataclass
class Planning:
    start: dt.date  # first day of the planning horizon
    end: dt.date  # last day
    days: dict[dt.date, float]  # working share of every weekday in the horizon
    days_off: list[calendar.DayOffEntry]
    needs: list[effort.Need]
    minutes: dict[tuple[str, str], float]  # (category, field group) → minutes per case entered by hand
    sessions: list[effort.SessionWork]
    packages: list[effort.PackageWork]
    options: list[economics.OptionCost]
    break_even: economics.BreakEven | None  # every converted case
    break_even_routed: economics.BreakEven | None  # the cases routed to the vendor: the decision rests on this
    sensitivity: list[economics.Sensitivity]
    matrix: economics.Matrix
    load: workload.Load
    coverage: list[CoverageRow]
    totals: dict[str, workload.RoleTotal]  # role id → planned hours, capacity and cost (rounded once)
    plan: Plan = field(repr=False, compare=False)  # what the figures were worked out from

    @cached_property
    def forecast(self) -> forecast.Forecast:
        """Only pages show the forecast: it is worked out when first read, not before the checks and the
        page list, which the MkDocs plugin waits for (a fifth of the analysis at factor 50)."""
        return forecast.forecast(self.plan, self.coverage, self.load.works, self.start, self.end)

    @property
    def missing(self) -> list[CoverageRow]:
        return [r for r in self.coverage if r.missing]

    @property
    def chosen_cost(self) -> economics.OptionCost | None:
        return next((c for c in self.options if c.option.id == self.matrix.chosen), None)

    @property
    def cheapest(self) -> economics.OptionCost | None:
        return min(self.options, key=lambda c: (c.total, c.option.id), default=None)


def plan_figures(plan: Plan) -> Planning:
    start, end = workload.horizon(plan)
    days = calendar.day_values(start, end, plan.calendar.special_days)
    needs = effort.needs(plan)
    minutes = effort.manual_minutes(needs)
    sessions = effort.session_work(plan, minutes)
    packages = effort.package_work(plan, minutes, sessions)
    # Work on given dates first (sessions, checks, activities, teaching, re-entry); the packages then follow
    # the hours each role has left on each day.
    fixed = (
        workload.session_works(sessions, start, end)
        + workload.check_works(plan, days)
        + workload.activity_works(plan, days)
        + workload.teaching_works(plan, start, end)
        + workload.reentry_works(plan, days)
    )
    capacity = workload.capacities(plan, days)
    works = workload.package_works(plan, packages, days, workload.spare(capacity, fixed)) + fixed
    weekly = workload.weekly_load(plan, works, capacity)
    rows = coverage.coverage(plan, needs, packages, sessions)
    totals = workload.role_totals(plan, weekly)
    known = {r.id for r in plan.roles}  # the weekly load leaves out roles the plan does not define
    in_load = [w for w in works if w.role in known]
    common = workload.common_by_option(plan, in_load, days)
    cost_args: economics.CostArgs = {
        "common": common,
        "chosen": plan.conversion.decision.chosen if plan.conversion.decision else None,
        "planned_hours": workload.hours_by_role(in_load, workload.CASE_WORK),
        "planned_totals": {r: (t.hours, t.cost) for r, t in totals.items()},
    }
    options = economics.option_costs(plan, needs, **cost_args)
    return Planning(
        start=start,
        end=end,
        days=days,
        days_off=calendar.days_off(start, end, plan.calendar.special_days),
        needs=needs,
        minutes=minutes,
        sessions=sessions,
        packages=packages,
        options=options,
        break_even=economics.break_even(plan, needs, common=common),
        break_even_routed=economics.break_even(plan, needs, routed=True, common=common),
        sensitivity=economics.sensitivity(plan, needs, **cost_args),
        matrix=economics.decision_matrix(plan, options),
        load=weekly,
        totals=totals,
        coverage=rows,
        plan=plan,
    )
