"""The steering group's one-page status: days to go-live, go/no-go, work behind plan, cost against plan,
open risks. Every figure comes from the plan, its analysis and fremdrift.yaml; the reference day is a date
written in those files (the latest date in fremdrift.yaml, else ``klik_opgave.opdateret``), never the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Plan
from ..texts import site as texts
from .figures import Figures
from .progress import BEHIND, Item, cases


@dataclass(frozen=True)
class CostLine:
    role: str  # role name
    planned: float  # kroner for the whole plan (the plan's hours × hourly rate)
    planned_to_date: float | None  # kroner the plan expects spent by the reference day (cases planned / all)
    earned: float | None  # kroner's worth of work done by the reference day (cases done / all); None: the
    # role converts no counted cases (teaching, control, project management)


@dataclass(frozen=True)
class Status:
    as_of: dt.date | None  # the reference day
    go_live: dt.date
    days_left: int | None  # calendar days from the reference day to go-live
    measured: bool  # fremdrift.yaml exists
    go: bool | None  # None: no criteria or not measured
    criteria: int
    unmet: list[str]  # names of go/no-go criteria not met
    behind: list[Item]  # work packages and sessions behind plan
    costs: list[CostLine]
    vendor_price: float  # the chosen option's vendor price (0 without a vendor)
    planned_total: float  # vendor price + people cost of the plan
    risks: list[str]  # Danish, one line each

    @property
    def days_since(self) -> int | None:
        """Calendar days since go-live (after it), for "gået live for N dage siden"."""
        return None if self.days_left is None else -self.days_left


def status(plan: Plan, figures: Figures) -> Status:
    f = figures.progress
    as_of = (f.data_date if f else None) or plan.task.updated  # fremdrift.yaml's "today", else klik_opgave.opdateret
    go_live = plan.project.go_live
    days_left = (go_live - as_of).days if as_of else None
    pf = figures.planning
    costs: list[CostLine] = []
    if pf is not None:
        for role in plan.roles:
            total = pf.totals.get(role.id)
            if total is None or not total.cost:
                continue
            rp = f.role(role.id) if f else None
            if rp is None or not rp.total:
                costs.append(CostLine(role.name, total.cost, None, None))
                continue
            planned, done = total.cost * rp.planned / rp.total, total.cost * rp.done / rp.total
            costs.append(CostLine(role.name, total.cost, planned, done))
    chosen = pf.chosen_cost if pf else None
    vendor = chosen.vendor_price if chosen else 0.0
    people = sum(c.planned for c in costs)
    behind = [i for i in f.items if i.verdict == BEHIND] if f else []
    unmet = [c.criterion.name for c in f.criteria if not c.met] if f else []
    risks: list[str] = []
    for i in behind:
        risks.append(texts.RISK_BEHIND.format(name=i.name, cases=cases(i.behind)))
    if f:
        for r in f.unexplained:
            risks.append(texts.RISK_UNEXPLAINED.format(category=r.category.name, cases=cases(r.unexplained)))
        for q in f.quality:
            if q.below is False:
                risks.append(texts.RISK_FAULTS.format(activity=q.activity))
    if pf is not None:
        names = plan.role_names
        for role_id, weeks in pf.load.rows.items():
            over = [w for w in weeks if w.over]
            if over:
                risks.append(texts.RISK_OVERBOOKED.format(role=names.get(role_id, role_id), weeks=len(over)))
    if figures.placeholders:
        risks.append(texts.RISK_PLACEHOLDERS.format(n=len(figures.placeholders)))
    return Status(
        as_of=as_of,
        go_live=go_live,
        days_left=days_left,
        measured=f is not None,
        go=(f.go if f and f.criteria else None),
        criteria=len(f.criteria) if f else 0,
        unmet=unmet,
        behind=behind,
        costs=costs,
        vendor_price=vendor,
        planned_total=vendor + people,
        risks=risks,
    )
