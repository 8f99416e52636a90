"""Progress of the conversion against the plan (fremdrift.yaml): the facts the "Fremdrift" pages show.

Per work package and converting training session (an *item*):
- *done*: the cumulative count on the latest counting date that lists the item;
- *planned by the counting date*: the item's cases × the share of its planned hours that falls on or
  before the latest counting date (``status[].dato``), from the plan's own schedule (the same ``Work``
  spread as the weekly load and the completion forecast: working days by day value, the months of
  ``foerste_opfoelgninger``, a session on its date);
- *forecast at the pace measured so far*: linear from the item's first point (its start with 0 cases,
  or its first count when that is on or before the start) to its latest count, in working days of the
  plan's own calendar for the item's role (``calendar.WorkingDays``: weekends and holidays count 0, a half
  day off 0,5, a day with people away in ``fravaer`` the share still there), the same calendar the planned
  count follows; finished ≈ the first working day by which the cases left are done at that pace;
- *verdict*: "faerdig", "paa_sporet" (done ≥ planned) or "bagud" (done < planned, by N cases).

Reconciliation: per category, DUBU − old system; explanations cover part of the difference; the rest
is unexplained. Quality: the fault rate of each control round with a Wilson 95 % interval.
Go/no-go: each criterion of plan.yaml measured from the data (or ticked by hand), and overall.
The KLIK status of "Konverter sager" follows from the same facts.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from .. import formatting as fmt
from ..model import Plan
from ..model.base import LAST_DAY
from ..model.cases import CaseCategory, Route
from ..model.municipality import TaskStatus
from ..model.progress import (
    ControlRound,
    ControlRoute,
    CriterionKind,
    Explanation,
    GoNoGoCriterion,
    ManualCheck,
    Progress,
    StatusEntry,
)
from ..model.roles import Role
from ..texts import site as texts
from .calendar import WorkingDays, shift
from .effort import SessionWork
from .finance import FinanceFigures, finance_figures
from .forecast import progress_by_owner
from .guide import control_view
from .kinds import Owned, WorkKind
from .planning import Planning

Z95 = 1.959963984540054  # the 97.5 % quantile of the standard normal distribution


def wilson(faults: int, sample: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion (faults of sample), as fractions (0-1)."""
    if sample <= 0:
        return 0.0, 1.0
    p = min(1.0, max(0.0, faults / sample))  # bad data (more faults than cases) is reported by the rules
    denominator = 1 + z * z / sample
    centre = p + z * z / (2 * sample)
    spread = z * math.sqrt(p * (1 - p) / sample + z * z / (4 * sample * sample))
    return max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator)


# --- work packages and sessions ------------------------------------------------------------------

DONE, ON_TRACK, BEHIND = "faerdig", "paa_sporet", "bagud"


@dataclass(frozen=True)
class Point:
    date: dt.date
    done: int
    planned: int


@dataclass(frozen=True)
class Item:
    kind: WorkKind  # package or session (WorkKind.package also for a package at the first follow-up)
    id: str
    name: str
    role: str
    total: int  # cases the item holds
    start: dt.date
    deadline: dt.date
    follow_up: bool  # a work package at the case's first follow-up (after go-live)
    categories: tuple[str, ...]
    history: tuple[Point, ...]  # one per counting date that lists the item
    planned: int  # planned by the latest counting date
    pace: float | None  # cases per working day (of the role's calendar), measured
    finish: dt.date | None  # when the item is (or is forecast to be) done
    at_deadline: int  # cases done by the deadline at the measured pace
    schedule: tuple[tuple[dt.date, int], ...] = ()  # planned cases by every counting date of the file
    shares: tuple[tuple[str, str, int], ...] = ()  # (category, field group, cases) the item holds
    whole: int = 0  # a package: cases of its categories, before training sessions take some
    taken_by: tuple[str, ...] = ()  # a package: the sessions that convert some of them instead

    @property
    def taken_cases(self) -> int:
        return max(0, self.whole - self.total) if self.whole else 0

    def done_at(self, day: dt.date) -> int:
        """Done by a counting date: the latest count on or before it (0 before the first)."""
        return max((p.done for p in self.history if p.date <= day), default=0)

    def planned_at(self, day: dt.date) -> int:
        return dict(self.schedule).get(day, 0)

    @property
    def done(self) -> int:
        return self.history[-1].done if self.history else 0

    @property
    def left(self) -> int:
        return max(0, self.total - self.done)

    @property
    def behind(self) -> int:
        return max(0, self.planned - self.done)

    @property
    def verdict(self) -> str:
        if self.done >= self.total:
            return DONE
        return ON_TRACK if self.done >= self.planned else BEHIND

    @property
    def not_started(self) -> bool:
        return self.done == 0 and self.planned == 0

    @property
    def days_late(self) -> int:
        """Days a finished item was done after its deadline (0 when on time or not finished)."""
        if self.verdict != DONE or self.finish is None:
            return 0
        return max(0, (self.finish - self.deadline).days)

    @property
    def late(self) -> bool:
        """Behind, and the measured pace does not reach the deadline (or nothing is measured)."""
        return self.verdict == BEHIND and (self.finish is None or self.finish > self.deadline)


def _round(value: float) -> int:
    return math.floor(value + 0.5 + 1e-9)


FORECAST_REACH = 20 * 366  # days: a finish further away than this is no date (a pace of a case a year)


def _forecast(
    total: int, start: dt.date, points: list[tuple[dt.date, int]], deadline: dt.date, days: WorkingDays
) -> tuple[float | None, dt.date | None, int]:
    """(pace per working day, finish date, cases by the deadline) from the counts, linear from the first point.
    The start point is the end of the day before the item's first day: its first day's work counts."""
    if not points:
        return None, None, 0
    done_at = next((d for d, n in points if n >= total), None)
    line = points if points[0][0] < start else [(shift(start, -1), 0), *points]
    (d0, n0), (d1, n1) = line[0], line[-1]
    span, gained = days.between(d0, d1), n1 - n0
    pace = gained / span if span > 0 else None
    if done_at is not None:
        return pace, done_at, total
    finish = None
    if pace and gained > 0:
        need = (total - n1) / pace  # working days
        limit = min(LAST_DAY, shift(d1, FORECAST_REACH))
        finish = days.add(d1, need, limit) if need <= FORECAST_REACH else None
    at_deadline = n1
    if pace and gained > 0 and deadline > d1:
        at_deadline = min(total, n1 + math.floor(pace * days.between(d1, deadline) + 1e-9))
    return pace, finish, at_deadline


@dataclass(frozen=True)
class _Tracked:
    """A package or session whose cases fremdrift.yaml counts, before its progress is worked out."""

    kind: WorkKind  # package (also at the first follow-up) or session: how fremdrift.yaml names it
    id: str
    name: str
    role: str
    total: int
    owner: Owned  # the work that carries its time (a package at the first follow-up: follow_up)
    follow_up: bool
    categories: tuple[str, ...]
    shares: tuple[tuple[str, str, int], ...]  # (category, field group, cases): each case counted once
    whole: int  # cases of the package's categories, before sessions take any (0 for a session)
    taken_by: tuple[str, ...]  # titles of the sessions that convert some of its cases instead


def _tracked(planning: Planning) -> list[_Tracked]:
    found = []
    for pw in planning.packages:
        wp = pw.package
        owner = (WorkKind.follow_up if pw.follow_up else WorkKind.package, wp.id)
        found.append(
            _Tracked(
                WorkKind.package,
                wp.id,
                wp.name,
                wp.role,
                pw.case_count,
                owner,
                pw.follow_up,
                tuple(wp.categories),
                tuple((c, g, n) for (c, g), n in pw.cases.items()),
                pw.whole,
                pw.taken_by,
            )
        )
    per_session: dict[str, list[SessionWork]] = {}
    for sw in planning.sessions:
        per_session.setdefault(sw.session.id, []).append(sw)
    for sid, parts in per_session.items():
        found.append(
            _Tracked(
                WorkKind.session,
                sid,
                parts[0].session.title,
                parts[0].role,
                sum(p.cases for p in parts),
                (WorkKind.session, sid),
                False,
                tuple(dict.fromkeys(p.category for p in parts)),
                tuple((p.category, g, p.cases) for p in parts for g in p.groups),
                0,
                (),
            )
        )
    return found


def _items(plan: Plan, planning: Planning, status: list[StatusEntry], as_of: dt.date | None) -> list[Item]:
    dates = sorted({e.date for e in status})
    evals = dates + ([as_of] if as_of and as_of not in dates else [])
    shares = progress_by_owner(planning.load.works, evals) if evals else {}
    spans: dict[Owned, list[dt.date]] = {}
    for w in planning.load.works:
        lo, hi = (w.start or w.deadline), w.deadline
        old = spans.get(w.owner)
        spans[w.owner] = [min(old[0], lo), max(old[1], hi)] if old else [lo, hi]
    items = []
    roles = plan.roles_by_id
    special = tuple(plan.calendar.special_days)
    calendars: dict[str, WorkingDays] = {}
    for t in _tracked(planning):
        if t.owner not in spans:
            continue  # no schedule (reported by the plan's own rules)
        start, deadline = spans[t.owner]
        share = dict(zip(evals, shares.get(t.owner, [0.0] * len(evals))))
        field_ = "packages" if t.kind is WorkKind.package else "sessions"
        counts = sorted((e.date, getattr(e, field_)[t.id]) for e in status if t.id in getattr(e, field_))
        history = tuple(Point(d, n, _round(t.total * share.get(d, 0.0))) for d, n in counts)
        planned = _round(t.total * share.get(as_of, 0.0)) if as_of else 0
        days = calendars.setdefault(t.role, WorkingDays(roles.get(t.role), special, plan.calendar.absences))
        pace, finish, at_deadline = _forecast(t.total, start, list(counts), deadline, days)
        schedule = tuple((d, _round(t.total * share.get(d, 0.0))) for d in dates)
        items.append(
            Item(
                t.kind,
                t.id,
                t.name,
                t.role,
                t.total,
                start,
                deadline,
                t.follow_up,
                t.categories,
                history,
                planned,
                pace,
                finish,
                at_deadline,
                schedule,
                t.shares,
                t.whole,
                t.taken_by,
            )
        )
    return items


def distinct_cases(items: tuple[Item, ...] | list[Item], share: Callable[[Item], float]) -> tuple[int, int]:
    """(cases, cases done) over items, each case once: per category and field group the items' cases add up
    (a session and the package it takes from split the cases), and a case of a category counts as done when
    every field group the items enter on it is done (the items work through the cases in the same order).
    ``share(item)`` is the item's share done, 0-1."""
    per: dict[tuple[str, str], list[float]] = {}
    for i in items:
        f = share(i)
        for c, g, n in i.shares:
            slot = per.setdefault((c, g), [0.0, 0.0])
            slot[0] += n
            slot[1] += n * f
    cats: dict[str, list[tuple[float, float]]] = {}
    for (c, _), (count, part) in per.items():
        cats.setdefault(c, []).append((count, part))
    total = sum(max(n for n, _ in v) for v in cats.values())
    finished = sum(min(d for _, d in v) for v in cats.values())
    return _round(total), _round(finished)


def _done_share(item: Item, on: dt.date) -> float:
    return _share(item.done_at(on), item.total)


def _planned_share(item: Item, on: dt.date) -> float:
    return _share(item.planned_at(on), item.total)


def _share(done: int, total: int) -> float:
    return min(1.0, done / total) if total > 0 else 1.0


@dataclass(frozen=True)
class RoleProgress:
    """A role's progress in distinct cases ("N af M sager"): each case once, however many of the role's work
    packages and sessions visit it. The work before go-live is counted; the role's work at the first follow-up
    only when it has nothing else."""

    role: Role
    items: tuple[Item, ...]
    history: tuple[Point, ...] = ()  # the role's distinct cases at every counting date

    @property
    def counted(self) -> tuple[Item, ...]:
        before = tuple(i for i in self.items if not i.follow_up)
        return before or self.items

    @property
    def total(self) -> int:
        return distinct_cases(self.counted, lambda i: 1.0)[0]

    @property
    def done(self) -> int:
        return distinct_cases(self.counted, lambda i: _share(i.done, i.total))[1]

    @property
    def planned(self) -> int:
        return distinct_cases(self.counted, lambda i: _share(i.planned, i.total))[1]

    @property
    def behind(self) -> int:
        return max(0, self.planned - self.done)

    @property
    def next(self) -> Item | None:
        """The work to do next: the unfinished item with the earliest start (then deadline)."""
        return min(
            (i for i in self.items if i.verdict != DONE), key=lambda i: (i.start, i.deadline, i.id), default=None
        )

    @property
    def verdict(self) -> str:
        if all(i.verdict == DONE for i in self.counted):
            return DONE
        return BEHIND if self.behind > 0 else ON_TRACK

    @property
    def finished_late(self) -> tuple[Item, ...]:
        """The role's items that were finished after their deadline."""
        return tuple(i for i in self.items if i.days_late)


# --- reconciliation and quality --------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryReconciliation:
    category: CaseCategory
    old_system: int
    dubu: int
    explanations: tuple[Explanation, ...]

    @property
    def difference(self) -> int:
        return self.dubu - self.old_system

    @property
    def explained(self) -> int:
        """The explanations added up with their signs (DUBU − old system, as ``difference``)."""
        return sum(e.signed for e in self.explanations)

    @property
    def unexplained(self) -> int:
        """Cases of the difference no explanation accounts for (0 when the signed sum is the difference)."""
        return abs(self.difference - self.explained)

    @property
    def over_explained(self) -> bool:
        """The explanations point the other way than the difference, or add up to more than it."""
        e, d = self.explained, self.difference
        return e != 0 and (e * d < 0 or abs(e) > abs(d))


@dataclass(frozen=True)
class RouteQuality:
    """One route of a control round: every case of the census categories, or the random sample. A census has
    no sampling uncertainty (its interval is its rate); a sample has a Wilson 95 % interval."""

    route: ControlRoute
    checked: int
    faults: int
    planned: int | None  # cases the control guide plans on this route (None: the plan says nothing)

    @property
    def rate_pct(self) -> float:
        return self.faults / self.checked * 100

    @property
    def interval_pct(self) -> tuple[float, float]:
        if self.route is ControlRoute.census:
            return self.rate_pct, self.rate_pct
        low, high = wilson(self.faults, self.checked)
        return low * 100, high * 100

    @property
    def short(self) -> int:
        """Cases fewer than planned (0 when as planned or more)."""
        return max(0, (self.planned or 0) - self.checked)


@dataclass(frozen=True)
class RoundQuality:
    control_round: ControlRound
    activity: str  # the activity's name
    low: float  # Wilson 95 % interval, fractions
    high: float
    threshold: float | None  # percent, from a fejlrate_under criterion
    routes: tuple[RouteQuality, ...] = ()  # census and sample kept apart, when the round records them
    planned: int | None = None  # cases the control guide plans in all (census + sample)
    mixed: bool = False  # the plan has census categories but the round records one number for both

    @property
    def short(self) -> int:
        """Cases fewer than planned in the round as a whole (when it has no routes)."""
        return 0 if self.routes or self.planned is None else max(0, self.planned - self.control_round.sample)

    @property
    def rate(self) -> float:
        return self.control_round.faults / self.control_round.sample

    @property
    def rate_pct(self) -> float:
        return self.rate * 100

    @property
    def low_pct(self) -> float:
        return self.low * 100

    @property
    def high_pct(self) -> float:
        return self.high * 100

    @property
    def below(self) -> bool | None:
        return None if self.threshold is None else self.rate_pct <= self.threshold + 1e-9

    @property
    def surely_below(self) -> bool | None:
        """The whole confidence interval is at or below the threshold."""
        return None if self.threshold is None else self.high_pct <= self.threshold + 1e-9


# --- go/no-go and the KLIK task ----------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionResult:
    criterion: GoNoGoCriterion
    met: bool
    missing: tuple[str, ...]  # Danish: what is not there yet
    check: ManualCheck | None = None  # the hand-recorded tick of a manual criterion


@dataclass(frozen=True)
class TaskStep:
    number: int
    title: str
    done: bool
    missing: tuple[str, ...]


@dataclass
class ProgressFigures:
    as_of: dt.date | None  # the latest counting date
    data_date: dt.date | None  # the latest date anywhere in fremdrift.yaml (what go/no-go rests on)
    dates: list[dt.date]  # every counting date, in order
    items: list[Item]
    roles: list[RoleProgress]
    reconciliation: list[CategoryReconciliation]
    unreconciled: list[CaseCategory]  # converted categories with no before/after count yet
    quality: list[RoundQuality]
    criteria: list[CriterionResult]
    steps: list[TaskStep]
    status: TaskStatus
    go_live: dt.date
    progress: Progress = field(repr=False, default=None)  # type: ignore[assignment]
    ahead: list[tuple[Item, Item]] = field(default_factory=list)  # (package, its prerequisite) it is ahead of
    finance: FinanceFigures | None = None  # afstemning.oekonomi: amounts, payments, placements per legal basis

    @property
    def go(self) -> bool:
        return bool(self.criteria) and all(c.met for c in self.criteria)

    @property
    def unexplained(self) -> list[CategoryReconciliation]:
        return [r for r in self.reconciliation if r.unexplained]

    @property
    def after_go_live(self) -> bool:
        return self.as_of is not None and self.as_of >= self.go_live

    def role(self, role_id: str) -> RoleProgress | None:
        return next((r for r in self.roles if r.role.id == role_id), None)


def _planned_routes(plan: Plan) -> dict[ControlRoute, int]:
    """Cases the control guide plans per route: every case of the census categories, and the sample of the
    others (the numbers the control guide shows)."""
    view = control_view(plan)
    if view is None or plan.guide.control is None:
        return {}
    out = {ControlRoute.sample: view.sample_cases}
    if view.full:
        out[ControlRoute.census] = sum(n for _, n in view.full)
    return out


def _latest_rounds(rounds: list[ControlRound]) -> dict[str, ControlRound]:
    """The latest round of each activity (by date, then by order in the file)."""
    ordered = sorted(enumerate(rounds), key=lambda p: (p[1].date or dt.date.min, p[0]))
    return {r.activity: r for _, r in ordered}


def _thresholds(plan: Plan) -> tuple[dict[str, float], float | None]:
    per_activity: dict[str, float] = {}
    general = None
    for c in plan.go_no_go.criteria if plan.go_no_go else []:
        if c.kind is not CriterionKind.fault_rate_below or c.threshold is None:
            continue
        if not c.activities:
            general = c.threshold if general is None else min(general, c.threshold)
        for a in c.activities:
            per_activity[a] = min(per_activity.get(a, c.threshold), c.threshold)
    return per_activity, general


def cases(n: int) -> str:
    """ "1 sag", "36 sager" (Danish, for the checklists and messages)."""
    return (texts.CASES_ONE if n == 1 else texts.CASES_MANY).format(n=n)


def _criterion(
    plan: Plan,
    c: GoNoGoCriterion,
    items: list[Item],
    recs: list[CategoryReconciliation],
    unreconciled: list[CaseCategory],
    latest: dict[str, ControlRound],
    checks: dict[str, ManualCheck],
) -> CriterionResult:
    activities = {a.id: a.name for a in plan.activities}
    missing: list[str] = []
    if c.kind is CriterionKind.packages_done:
        wanted = [
            i for i in items if i.kind is WorkKind.package and (i.id in c.packages if c.packages else not i.follow_up)
        ]
        missing = [
            texts.MISSING_ITEM_CASES.format(name=i.name, done=i.done, cases=cases(i.total))
            for i in wanted
            if i.verdict != DONE
        ]
    elif c.kind is CriterionKind.categories_converted:
        wanted = [i for i in items if not i.follow_up and set(i.categories) & set(c.categories)]
        names = {k.id: k.name for k in plan.categories}
        missing = []
        for i in wanted:
            if i.verdict == DONE:
                continue
            others = [names.get(k, k) for k in i.categories if k not in c.categories]
            if others:  # the count covers other categories too: it cannot tell how far the criterion's are
                missing.append(
                    texts.MISSING_ITEM_MIXED.format(
                        name=i.name,
                        done=i.done,
                        cases=cases(i.total),
                        others=fmt.and_list(others, lower=True),
                        mine=fmt.and_list([names.get(k, k) for k in i.categories if k in c.categories], lower=True),
                    )
                )
            else:
                missing.append(texts.MISSING_ITEM_CASES.format(name=i.name, done=i.done, cases=cases(i.total)))
        missing += [texts.MISSING_ROUND.format(activity=activities.get(a, a)) for a in c.activities if a not in latest]
    elif c.kind is CriterionKind.fault_rate_below:
        wanted_ids = c.activities or list(latest)
        if not wanted_ids:
            missing.append(texts.MISSING_ROUNDS)
        for a in wanted_ids:
            said = _round_missing(activities.get(a, a), latest.get(a), c.threshold)
            if said:
                missing.append(said)
    elif c.kind is CriterionKind.differences_explained:
        missing = [
            texts.MISSING_EXPLANATION.format(category=r.category.name, cases=cases(r.unexplained))
            for r in recs
            if r.unexplained
        ]
        missing += [texts.MISSING_RECONCILIATION.format(category=cat.name) for cat in unreconciled]
    else:
        check = checks.get(c.id)
        if check is None:
            missing.append(texts.MISSING_CHECK)
        elif not check.met:
            missing.append(texts.MISSING_CHECK_NOT_MET.format(by=check.by))
        return CriterionResult(c, not missing, tuple(missing), check)
    return CriterionResult(c, not missing, tuple(missing))


def _round_missing(name: str, r: ControlRound | None, limit: float | None) -> str | None:
    """Why a control round keeps a step or criterion open: not recorded, or above its fault-rate limit."""
    if r is None:
        return texts.MISSING_ROUND.format(activity=name)
    if limit is not None and r.faults / r.sample * 100 > limit + 1e-9:
        return texts.MISSING_FAULT_RATE.format(
            activity=name, rate=fmt.percent(r.faults / r.sample * 100, 1), threshold=fmt.percent(limit, 1)
        )
    return None


def _quality_missing(
    plan: Plan, latest: dict[str, ControlRound], per_activity: dict[str, float], general: float | None
) -> list[str]:
    """What keeps KLIK step 3 ("Kontrollér datakvaliteten") open: every planned control round (the guide's
    ``kontrolrunder``, else every round recorded) must be recorded, and within its fault-rate limit."""
    planned = list(plan.guide.control.rounds) if plan.guide.control and plan.guide.control.rounds else []
    wanted = list(dict.fromkeys([*planned, *latest]))
    if not wanted:
        return [texts.MISSING_ROUNDS_KEY]
    names = {a.id: a.name for a in plan.activities}
    missing = []
    for a in wanted:
        said = _round_missing(names.get(a, a), latest.get(a), per_activity.get(a, general))
        if said:
            missing.append(said)
    return missing


def _steps(
    items: list[Item],
    recs: list[CategoryReconciliation],
    unreconciled: list[CaseCategory],
    quality_missing: list[str],
    criteria: list[CriterionResult],
) -> list[TaskStep]:
    unfinished = [i for i in items if not i.follow_up and i.verdict != DONE]
    step1 = tuple(texts.MISSING_ITEM_LEFT.format(name=i.name, cases=cases(i.left)) for i in unfinished)
    step2 = tuple(
        [
            texts.MISSING_EXPLANATION.format(category=r.category.name, cases=cases(r.unexplained))
            for r in recs
            if r.unexplained
        ]
        + [texts.MISSING_RECONCILIATION.format(category=c.name) for c in unreconciled]
    )
    step3 = tuple(quality_missing)
    open_criteria = [c for c in criteria if not c.met]
    step4 = (texts.MISSING_CRITERIA,) if not criteria else tuple(f"{c.criterion.name}" for c in open_criteria)
    missing = {1: step1, 2: step2, 3: step3, 4: step4}
    return [TaskStep(n, title, not missing[n], missing[n]) for n, title in texts.CONVERT_STEP_TITLES.items()]


def ahead_of_prerequisite(plan: Plan, items: list[Item]) -> list[tuple[Item, Item]]:
    """Work packages further along than the package they build on. The plan's first field group creates the
    case (basic data): a package with it is the prerequisite of every other package at the conversion on the
    same cases, in the categories the municipality converts by hand (the vendor creates its own cases).
    Counts are per package, not per category, so a package is reported only when it must be ahead: the cases
    it has done beyond all its other categories are more than the prerequisite has done at all."""
    if not plan.minimum.groups:
        return []
    first = plan.minimum.groups[0].id
    packages = {wp.id: wp for wp in plan.work_packages}
    counts = {c.id: c.count for c in plan.categories}
    manual = {c.id for c in plan.categories if c.converted and c.route is not Route.automatic}
    mine = [i for i in items if i.kind is WorkKind.package and not i.follow_up and i.id in packages and i.total]
    sessions = {s.id: s for s in plan.training.sessions if s.conversion and first in s.conversion.groups}
    creating = [i for i in items if i.kind is WorkKind.session and i.id in sessions]  # basic data made during training
    out = []
    for a in (i for i in mine if first in packages[i.id].groups):
        for b in mine:
            shared = set(a.categories) & set(b.categories) & manual
            if b is a or first in packages[b.id].groups or not shared:
                continue
            created = a.done + sum(min(s.done, s.total) for s in creating if set(s.categories) & shared)
            b_elsewhere = min(b.total, sum(counts.get(c, 0) for c in b.categories if c not in shared))
            if b.done - b_elsewhere > created:
                out.append((b, a))
    return out


def analyse_progress(plan: Plan, progress: Progress, planning: Planning) -> ProgressFigures:
    status_dates = sorted({e.date for e in progress.status})
    others = [
        d
        for d in (
            progress.reconciliation.date,
            *(r.date for r in progress.controls),
            *(c.date for c in progress.checks),
        )
        if d
    ]
    as_of = status_dates[-1] if status_dates else (max(others) if others else None)
    data_date = progress.data_date
    items = _items(plan, planning, progress.status, as_of)
    roles = []
    for r in plan.roles:
        mine = tuple(i for i in items if i.role == r.id)
        if mine:
            counted = RoleProgress(r, mine).counted
            history = tuple(
                Point(
                    d,
                    distinct_cases(counted, partial(_done_share, on=d))[1],
                    distinct_cases(counted, partial(_planned_share, on=d))[1],
                )
                for d in status_dates
            )
            roles.append(RoleProgress(r, mine, history))
    cats = plan.categories_by_id
    recs = [
        CategoryReconciliation(
            cats[row.category],
            row.old_system,
            row.dubu,
            tuple(e for e in progress.reconciliation.explanations if e.category == row.category),
        )
        for row in progress.reconciliation.categories
        if row.category in cats
    ]
    seen = {r.category.id for r in recs}
    unreconciled = [c for c in plan.categories if c.converted and c.id not in seen]
    per_activity, general = _thresholds(plan)
    names = {a.id: a.name for a in plan.activities}
    planned = _planned_routes(plan)
    rounds_planned = set(plan.guide.control.rounds) if plan.guide.control else set()
    quality = []
    for cr in progress.controls:
        routes_planned = planned if cr.activity in rounds_planned else {}
        quality.append(
            RoundQuality(
                cr,
                names.get(cr.activity, cr.activity) or cr.activity,
                *wilson(cr.faults, cr.sample),
                per_activity.get(cr.activity, general),
                tuple(RouteQuality(x.route, x.checked, x.faults, routes_planned.get(x.route)) for x in cr.routes),
                sum(routes_planned.values()) if routes_planned else None,
                bool(routes_planned.get(ControlRoute.census)) and not cr.routes,
            )
        )
    latest = _latest_rounds(progress.controls)
    checks = {c.criterion: c for c in sorted(progress.checks, key=lambda c: c.date)}
    criteria = [
        _criterion(plan, c, items, recs, unreconciled, latest, checks)
        for c in (plan.go_no_go.criteria if plan.go_no_go else [])
    ]
    steps = _steps(items, recs, unreconciled, _quality_missing(plan, latest, per_activity, general), criteria)
    started = any(i.done for i in items) or bool(progress.controls) or bool(recs)
    task = (
        TaskStatus.completed
        if all(s.done for s in steps)
        else TaskStatus.in_progress
        if started
        else TaskStatus.not_started
    )
    figures = ProgressFigures(
        as_of,
        data_date,
        status_dates,
        items,
        roles,
        recs,
        unreconciled,
        quality,
        criteria,
        steps,
        task,
        plan.project.go_live,
        progress,
        ahead=ahead_of_prerequisite(plan, items),
        finance=finance_figures(progress.reconciliation.finance),
    )
    return figures
