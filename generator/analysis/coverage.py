"""Coverage: every converted category's every field has an owner role and a time.

Owners, in the order they are tried:
- the vendor, when the field is ``automatisk: true`` and the category's route is ``automatisk``;
- a work package naming the category and the field's group (with a period, or at the first follow-up);
- a training session that converts cases of the category and group (only the cases it converts).
A need with no owner for some of its cases is a validation error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Plan
from ..model.cases import Timing
from ..texts import site as texts
from .effort import Need, PackageWork, SessionWork
from .kinds import Owned, WorkKind


@dataclass(frozen=True)
class Owner:
    kind: WorkKind
    role: str | None  # None for the vendor
    name: str
    cases: int
    id: str = ""  # the package's or session's id (the vendor: none)
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def owner(self) -> Owned:
        """The work that carries its time (workload.Work.owner)."""
        return (self.kind, self.id)


@dataclass(frozen=True)
class CoverageRow:
    need: Need
    owners: tuple[Owner, ...]
    missing: int  # cases of the category that nobody converts this field for

    @property
    def late(self) -> bool:
        """Needed at go-live, but only planned at the case's first follow-up."""
        return (
            self.need.timing is Timing.go_live
            and bool(self.owners)
            and all(o.kind is WorkKind.follow_up for o in self.owners)
        )

    @property
    def packages(self) -> list[Owner]:
        return [o for o in self.owners if o.kind in (WorkKind.package, WorkKind.follow_up)]


def coverage(
    plan: Plan, all_needs: list[Need], packages: list[PackageWork], sessions: list[SessionWork]
) -> list[CoverageRow]:
    by_cg: dict[tuple[str, str], list[Owner]] = {}
    for pw in packages:
        wp = pw.package
        kind = WorkKind.follow_up if pw.follow_up else WorkKind.package
        for (c, g), cases in pw.cases.items():
            by_cg.setdefault((c, g), []).append(Owner(kind, wp.role, wp.name, cases, wp.id, wp.start, wp.end))
    for sw in sessions:
        for g in sw.groups:
            by_cg.setdefault((sw.category, g), []).append(
                Owner(WorkKind.session, sw.role, sw.session.title, sw.cases, sw.session.id, sw.date, sw.date)
            )
    vendor = texts.capitalised(texts.vendor_name(plan.vendor_offer))
    delivery = plan.vendor_offer.delivery if plan.vendor_offer else None
    rows = []
    for n in all_needs:
        if n.vendor:  # packages and sessions leave the vendor's fields alone
            owners = [Owner(WorkKind.vendor, None, vendor, n.category.count, "", delivery, delivery)]
        else:
            owners = list(by_cg.get((n.category.id, n.group.id), []))
        if n.vendor or any(o.kind is not WorkKind.session for o in owners):
            missing = 0
        else:
            missing = max(0, n.category.count - sum(o.cases for o in owners))
        rows.append(CoverageRow(n, tuple(owners), missing))
    return rows
