"""Effort: which content of which cases people must enter, and how many hours that takes.

A *need* is one converted case category × one field that applies to it. The vendor covers a
need when the field is ``automatisk: true`` and the category's route is ``automatisk``; every
other need is entered by hand.

Training sessions convert cases too. Rule (documented on the site): a session with
``konvertering`` converts participants × sager_pr_deltager cases, split over its categories in
proportion to their case counts (largest remainder), for each of its field groups, on the
session's date, by the session's first target role (``maalgruppe``). Those cases are taken off
the work package that covers the same category and field group — one with the same role if
there is one, else the first that covers it — so no case is counted twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Plan
from ..model.cases import CaseCategory, Field_, FieldGroup, Route, Timing
from ..model.schedule import PackageTiming, WorkPackage
from ..model.training import Session
from .training import session_cases


@dataclass(frozen=True)
class Need:
    category: CaseCategory
    group: FieldGroup
    field: Field_
    timing: Timing
    vendor: bool  # covered by the vendor's automatic conversion

    @property
    def role(self) -> str:
        """The role the field group names (used when comparing the options)."""
        return self.field.role or self.group.role


def routed_categories(plan: Plan) -> list[CaseCategory]:
    """The converted categories the plan sends to the vendor (``rute: automatisk``), in the plan's order;
    none without a vendor offer. The decision, the guides, the control guide and the load all read this."""
    if plan.vendor_offer is None:
        return []
    return [c for c in plan.categories if c.converted and c.route is Route.automatic]


def routed_cases(plan: Plan) -> int:
    """The cases the vendor converts: the cases of ``routed_categories``."""
    return sum(c.count for c in routed_categories(plan))


def needs(plan: Plan) -> list[Need]:
    converted = [c for c in plan.categories if c.converted]
    out = []
    for group in plan.minimum.groups:
        for f in group.fields:
            for c in converted:
                if f.categories is None or c.id in f.categories:
                    vendor = f.automatic and c.route is Route.automatic
                    out.append(Need(c, group, f, f.timing or group.timing, vendor))
    return out


def manual_minutes(all_needs: Iterable[Need]) -> dict[tuple[str, str], float]:
    """Minutes per case a person spends on (category, field group): the fields the vendor leaves."""
    out: dict[tuple[str, str], float] = {}
    for n in all_needs:
        key = (n.category.id, n.group.id)
        out[key] = out.get(key, 0.0) + (0.0 if n.vendor else n.field.minutes)
    return out


def split_cases(total: int, counts: list[int]) -> list[int]:
    """Split `total` cases over categories in proportion to their counts (largest remainder)."""
    whole = sum(counts)
    if whole <= 0 or total <= 0:
        return [0] * len(counts)
    total = min(total, whole)
    exact = [total * c / whole for c in counts]
    parts = [int(x) for x in exact]
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


@dataclass(frozen=True)
class SessionWork:
    session: Session
    index: int  # position in undervisning.sessioner
    role: str
    category: str
    groups: tuple[str, ...]
    cases: int
    hours: float

    @property
    def date(self) -> dt.date:
        return self.session.date


def session_work(plan: Plan, minutes: dict[tuple[str, str], float]) -> list[SessionWork]:
    cats = {c.id: c for c in plan.categories if c.converted}
    out = []
    for i, s in enumerate(plan.training.sessions):
        conv = s.conversion
        if conv is None or not s.audience:
            continue
        ids = [c for c in conv.categories if c in cats]
        parts = split_cases(session_cases(s), [cats[c].count for c in ids])
        for cat, cases in zip(ids, parts):
            if cases:
                per_case = sum(minutes.get((cat, g), 0.0) for g in conv.groups)
                out.append(SessionWork(s, i, s.audience[0], cat, tuple(conv.groups), cases, cases * per_case / 60))
    return out


@dataclass(frozen=True)
class PackageWork:
    package: WorkPackage
    index: int  # position in arbejdspakker
    cases: dict[tuple[str, str], int]  # (category, group) → cases left for the package
    taken: dict[tuple[str, str], int]  # (category, group) → cases converted in sessions instead
    hours: float
    over_taken: tuple[tuple[str, str, int], ...]  # sessions convert more than the category has
    whole: int = 0  # cases of the package's categories, before sessions take any
    taken_by: tuple[str, ...] = ()  # titles of the sessions that convert some of them instead

    @property
    def taken_cases(self) -> int:
        """Cases of the package's categories converted in training instead (0 when the package holds them all)."""
        return max(0, self.whole - self.case_count)

    @property
    def follow_up(self) -> bool:
        return self.package.timing is PackageTiming.first_follow_up

    @property
    def case_count(self) -> int:
        """Cases of the package's categories (the largest remaining count of any group)."""
        per_cat: dict[str, int] = {}
        for (c, _), n in self.cases.items():
            per_cat[c] = max(per_cat.get(c, 0), n)
        return sum(per_cat.values())


def package_index(plan: Plan) -> dict[tuple[str, str], list[int]]:
    """(category, field group) → the work packages that cover it, in plan order."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, wp in enumerate(plan.work_packages):
        for c in wp.categories:
            for g in wp.groups:
                index.setdefault((c, g), []).append(i)
    return index


def _owner(plan: Plan, index: dict[tuple[str, str], list[int]], cat: str, group: str, role: str) -> int | None:
    """The package that gives up a session's cases: same role first, else the first covering one."""
    found = index.get((cat, group), [])
    same = [i for i in found if plan.work_packages[i].role == role]
    if same:
        return same[0]
    return found[0] if found else None


def package_work(plan: Plan, minutes: dict[tuple[str, str], float], sessions: list[SessionWork]) -> list[PackageWork]:
    cats = {c.id: c for c in plan.categories if c.converted}
    index = package_index(plan)
    taken: dict[int, dict[tuple[str, str], int]] = {}
    takers: dict[int, dict[str, None]] = {}
    owners: dict[tuple[str, str, str], int | None] = {}
    for sw in sessions:
        for g in sw.groups:
            key = (sw.category, g, sw.role)
            if key not in owners:
                owners[key] = _owner(plan, index, sw.category, g, sw.role)
            owner = owners[key]
            if owner is not None:
                per = taken.setdefault(owner, {})
                per[(sw.category, g)] = per.get((sw.category, g), 0) + sw.cases
                takers.setdefault(owner, {})[sw.session.title] = None
    out = []
    for i, wp in enumerate(plan.work_packages):
        cases, over, hours = {}, [], 0.0
        took = taken.get(i, {})
        for c in wp.categories:
            if c not in cats:
                continue
            for g in wp.groups:
                gone = took.get((c, g), 0)
                left = max(0, cats[c].count - gone)
                if gone > cats[c].count:
                    over.append((c, g, gone - cats[c].count))
                cases[(c, g)] = left
                hours += left * minutes.get((c, g), 0.0) / 60
        whole = sum(cats[c].count for c in dict.fromkeys(wp.categories) if c in cats)
        out.append(PackageWork(wp, i, cases, took, hours, tuple(over), whole, tuple(takers.get(i, {}))))
    return out
