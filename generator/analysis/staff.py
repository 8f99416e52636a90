"""What the plan means for one person: hours per person, whom to ask, when the plan last changed.

The front page ("Hvem er du?"), each role's guide and the line at the foot of every page read these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Plan
from ..model.roles import Role
from .planning import Planning

PROJECT_LEAD = "projektleder"  # the role id of the project lead (the scaffold's and the example's)


@dataclass(frozen=True)
class PersonHours:
    """One person's share of the role's planned hours (the role's hours spread evenly over its people)."""

    role: str
    people: int
    total: float  # hours per person over the whole plan
    peak: float  # hours per person in the busiest week
    peak_week: dt.date | None  # the busiest week's Monday (the first of equally busy weeks)


@dataclass(frozen=True)
class Contact:
    role: Role
    people: tuple[str, ...]
    phone: str | None
    email: str | None


def person_hours(plan: Plan, planning: Planning | None) -> dict[str, PersonHours]:
    result: dict[str, PersonHours] = {}
    if planning is None:
        return result
    for role in plan.roles:
        total = planning.totals.get(role.id)
        weeks = planning.load.rows.get(role.id) or []
        if total is None or not weeks:
            continue
        peak = max(weeks, key=lambda w: (w.load, -w.monday.toordinal()))
        result[role.id] = PersonHours(
            role.id,
            role.headcount,
            round(total.hours / role.headcount, 1),
            round(peak.load / role.headcount, 1),
            peak.monday if peak.load > 0 else None,
        )
    return result


def _contact(role: Role) -> Contact:
    return Contact(role, tuple(role.people), role.phone, role.email)


def super_user_contacts(plan: Plan) -> list[Contact]:
    """Every super-user role with its people and the phone and e-mail the plan gives."""
    return [_contact(r) for r in plan.roles if r.super_user]


def project_lead(plan: Plan) -> Contact | None:
    """The project lead: the role with id ``projektleder``; its people, or else the KLIK task's owner."""
    role = next((r for r in plan.roles if r.id == PROJECT_LEAD), None)
    if role is None:
        return None
    return _contact(role)


def owner_name(plan: Plan) -> str | None:
    """Who to contact about the site: the project lead's name(s), else the KLIK task's owner."""
    lead = project_lead(plan)
    if lead and lead.people:
        return ", ".join(lead.people)
    return plan.task.owner


def last_changed(plan: Plan, progress_dates: list[dt.date] | None = None) -> dt.date | None:
    """When the plan's content last changed: ``klik_opgave.opdateret``, else the latest counting date in
    fremdrift.yaml, else the date of the decision. A date written in the files, never the clock, so the
    same files give the same site."""
    if plan.task.updated:
        return plan.task.updated
    if progress_dates:
        return max(progress_dates)
    decision = plan.conversion.decision
    return decision.date if decision else None
