"""The planning engine in one call: effort, cost, calendar, load, coverage and forecast."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Plan
from . import calendar, coverage, economics, effort, forecast, load


@dataclass
class Planning:
    start: dt.date  # first day of the planning horizon
    end: dt.date  # last day
    days: dict[dt.date, float]  # working share of every weekday in the horizon
    days_off: list[calendar.DayOffEntry]
    needs: list[effort.Need]
    sessions: list[effort.SessionWork]
    packages: list[effort.PackageWork]
    options: list[economics.OptionCost]
    break_even: economics.BreakEven | None
    sensitivity: list[economics.Sensitivity]
    matrix: economics.Matrix
    load: load.Load
    coverage: list[coverage.CoverageRow]
    forecast: forecast.Forecast

    @property
    def missing(self) -> list[coverage.CoverageRow]:
        return [r for r in self.coverage if r.missing]

    @property
    def chosen_cost(self) -> economics.OptionCost | None:
        return next((c for c in self.options if c.option.id == self.matrix.chosen), None)

    @property
    def cheapest(self) -> economics.OptionCost | None:
        return min(self.options, key=lambda c: (c.total, c.option.id), default=None)


def plan_figures(plan: Plan) -> Planning:
    start, end = load.horizon(plan)
    days = calendar.day_values(start, end, plan.calendar.special_days)
    needs = effort.needs(plan)
    minutes = effort.manual_minutes(needs)
    sessions = effort.session_work(plan, minutes)
    packages = effort.package_work(plan, minutes, sessions)
    works = (load.package_works(plan, packages, days) + load.session_works(sessions, start, end)
             + load.check_works(plan, days))
    weekly = load.weekly_load(plan, works, days)
    rows = coverage.coverage(plan, needs, packages, sessions)
    return Planning(
        start=start,
        end=end,
        days=days,
        days_off=calendar.days_off(start, end, plan.calendar.special_days),
        needs=needs,
        sessions=sessions,
        packages=packages,
        options=economics.option_costs(plan, needs),
        break_even=economics.break_even(plan, needs),
        sensitivity=economics.sensitivity(plan, needs),
        matrix=economics.decision_matrix(plan),
        load=weekly,
        coverage=rows,
        forecast=forecast.forecast(plan, rows, works, start, end),
    )
