"""Weekly load per role against capacity, and whether every piece of work fits before its deadline.

Every piece of work becomes a ``Work`` with planned hours per working day:
- a work package with a period: its hours spread over the period's working days in proportion to the
  hours its role can give on each day (``calendar.role_capacity``: holidays, half days off and absence
  ``fravaer`` taken off), so work follows capacity; a period in which the role has no hours at all is
  spread by day value instead (and so shows as a shortfall); deadline = the day before its milestone
  (``frist``), else ``til``, moved back to a working day when it falls on a weekend or holiday (every
  deadline below is moved alike: ``working_deadline``);
- a work package at the first follow-up: its hours split over the months in
  ``foerste_opfoelgninger`` by their case counts, each month spread over its days like a period;
  deadline = the month's last day;
- a training session that converts cases: its hours on the session's date; deadline = the
  Sunday of that week;
- the municipality's own check of the vendor's cases (``intern_indsats``): spread over its
  period (default from the delivery date to the day before go-live).

*Overload*: a week whose planned hours exceed the role's capacity (a warning).
*Shortfall*: work that cannot be done by its deadline even when it is moved to later days with
spare capacity (earliest deadline first): an error naming role, week and missing hours.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from ..formatting import round_half_up
from ..model import Plan
from ..model.progress import CriterionKind
from ..model.schedule import PackageTiming
from ..texts import site as texts
from .calendar import Week, by_week, last_working_day, monday_of, role_capacity, shift, week_of
from .effort import PackageWork, SessionWork, routed_cases
from .kinds import Owned, WorkKind
from .milestones import by_id as milestones_by_id
from .milestones import milestones

EPS = 0.05  # hours; smaller differences are rounding noise


@dataclass(frozen=True)
class Work:
    key: str  # unique, e.g. "arbejdspakke:basis" or "hold:studenter-intro" (orders work of the same deadline)
    name: str  # Danish, as shown on the site
    role: str
    kind: WorkKind
    hours: float
    daily: dict[dt.date, float]  # planned hours per day
    deadline: dt.date
    path: tuple[str | int, ...]  # plan.yaml key path for messages
    start: dt.date | None = None
    end: dt.date | None = None
    owner_id: str = ""  # the id of what the work belongs to: package, session, activity, or role

    @property
    def owner(self) -> Owned:
        """(kind, id) of the package, session, activity or role the work belongs to."""
        return (self.kind, self.owner_id)


def spread(hours: float, days: dict[dt.date, float], start: dt.date, end: dt.date) -> dict[dt.date, float]:
    """Hours spread over the working days in [start, end], in proportion to each day's value."""
    window = {d: v for d, v in days.items() if start <= d <= end and v > 0}
    total = sum(window.values())
    if total <= 0:
        return {}
    return {d: hours * v / total for d, v in window.items()}


def spread_by_capacity(
    hours: float, days: dict[dt.date, float], capacity: dict[dt.date, float] | None, start: dt.date, end: dt.date
) -> dict[dt.date, float]:
    """Hours spread over [start, end] in proportion to the role's capacity on each day; by day value when the role
    has no capacity in the window (or is not a role of the plan)."""
    if capacity:
        placed = spread(hours, capacity, start, end)
        if placed:
            return placed
    return spread(hours, days, start, end)


def month_bounds(key: str) -> tuple[dt.date, dt.date] | None:
    try:
        first = dt.date(int(key[:4]), int(key[5:7]), 1)
        return first, first + relativedelta(months=1) - dt.timedelta(days=1)
    except (ValueError, IndexError, OverflowError):
        return None


REACH = 5 * 366  # work further than ~5 years from go-live is left out (a typo, not a plan)


def horizon(plan: Plan) -> tuple[dt.date, dt.date]:
    """First and last day any conversion work can fall on."""
    go = plan.project.go_live
    points = [shift(go, -28), go]
    for wp in plan.work_packages:
        points += [d for d in (wp.start, wp.end) if d]
    points += [s.date for s in plan.training.sessions]
    points += [m.date for m in milestones(plan)]
    points += [d for a in plan.activities if a.hours for d in (a.start, a.end)]
    if plan.project.freeze:
        fr = plan.project.freeze
        points += [fr.start, fr.end, *(d for r in fr.reentry for d in (r.start, r.end) if d)]
    if plan.vendor_offer:
        offer = plan.vendor_offer
        points += [
            d
            for d in (
                offer.delivery,
                *(e.start for e in offer.internal_effort),
                *(e.end for e in offer.internal_effort),
            )
            if d
        ]
    for key in plan.first_follow_ups:
        bounds = month_bounds(key)
        if bounds:
            points += list(bounds)
    low, high = dt.date.min + dt.timedelta(days=14), dt.date.max - dt.timedelta(days=14)  # room for week ends
    return max(min(points), shift(go, -REACH), low), min(max(points), shift(go, REACH), high)


def package_works(
    plan: Plan,
    packages: list[PackageWork],
    days: dict[dt.date, float],
    capacity: dict[str, dict[dt.date, float]] | None = None,
) -> list[Work]:
    """Work packages, each spread in proportion to its role's capacity (``capacity``: role id → hours per day)."""
    capacity = capacity or {}
    out = []
    bounded = [(k, n, month_bounds(k)) for k, n in sorted(plan.first_follow_ups.items())]
    months = [(k, n, b) for k, n, b in bounded if b and n > 0]
    total = sum(n for _, n, _ in months)
    for pw in packages:
        wp, path = pw.package, ("arbejdspakker", pw.index)
        if not pw.follow_up:
            if wp.start is None or wp.end is None:
                continue  # reported by the period rules
            out.append(
                Work(
                    f"arbejdspakke:{wp.id}",
                    wp.name,
                    wp.role,
                    WorkKind.package,
                    pw.hours,
                    spread_by_capacity(pw.hours, days, capacity.get(wp.role), wp.start, wp.end),
                    _deadline_of(plan, wp.deadline, wp.end),
                    (*path, "til"),
                    wp.start,
                    wp.end,
                    owner_id=wp.id,
                )
            )
            continue
        for key, n, (first, last) in months:
            hours = pw.hours * n / total
            out.append(
                Work(
                    f"opfoelgning:{wp.id}:{key}",
                    wp.name,
                    wp.role,
                    WorkKind.follow_up,
                    hours,
                    spread_by_capacity(hours, days, capacity.get(wp.role), first, last),
                    working_deadline(plan, last),
                    path,
                    first,
                    last,
                    owner_id=wp.id,
                )
            )
    return out


def session_works(sessions: list[SessionWork], start: dt.date, end: dt.date) -> list[Work]:
    merged: dict[tuple[int, str], list[SessionWork]] = {}
    for sw in sessions:
        if not start <= sw.date <= end:
            continue  # further than REACH from go-live
        merged.setdefault((sw.index, sw.role), []).append(sw)
    out = []
    for (index, role), parts in merged.items():
        s = parts[0].session
        hours = sum(p.hours for p in parts)
        sunday = shift(s.date, 6 - s.date.weekday())
        out.append(
            Work(
                f"hold:{s.id}",
                s.title,
                role,
                WorkKind.session,
                hours,
                {s.date: hours},
                sunday,
                ("undervisning", "sessioner", index),
                s.date,
                s.date,
                owner_id=s.id,
            )
        )
    return out


def check_works(plan: Plan, days: dict[dt.date, float]) -> list[Work]:
    """The municipality's own check of the cases the vendor converts (intern_indsats)."""
    offer = plan.vendor_offer
    if offer is None:
        return []
    cases = routed_cases(plan)
    go = plan.project.go_live
    out = []
    for i, e in enumerate(offer.internal_effort):
        hours = cases * e.minutes_per_case / 60
        if hours <= 0:
            continue
        start = e.start or offer.delivery or shift(go, -28)
        end = e.end or shift(go, -1)
        out.append(
            Work(
                f"kontrol:{e.role}:{i}",
                texts.CONTROL_WORK.format(vendor=texts.vendor_name(offer)),
                e.role,
                WorkKind.control,
                hours,
                spread(hours, days, start, end),
                working_deadline(plan, end),
                ("leverandoertilbud", "intern_indsats", i),
                start,
                end,
                owner_id=e.role,
            )
        )
    return out


def _deadline_of(plan: Plan, milestone: str | None, fallback: dt.date) -> dt.date:
    """The day before the milestone (else the fallback, ``til``), moved back to a working day."""
    m = milestones_by_id(plan).get(milestone) if milestone else None
    return working_deadline(plan, shift(m.date, -1) if m else fallback)


def working_deadline(plan: Plan, day: dt.date) -> dt.date:
    """A deadline on a weekend or a holiday is the working day before it (the plan's own calendar)."""
    return last_working_day(day, plan.calendar.special_days)


def activity_works(plan: Plan, days: dict[dt.date, float], every: bool = False) -> list[Work]:
    """Activities with hours (writing the guides, control rounds, ordering): on their owner role. An activity
    that belongs to other options than the chosen one (``muligheder``) is not part of the plan's load."""
    chosen = plan.conversion.decision.chosen if plan.conversion.decision else None
    out = []
    for i, a in enumerate(plan.activities):
        if a.hours <= 0 or a.owner is None or a.end < a.start:
            continue
        if not every and chosen is not None and a.options is not None and chosen not in a.options:
            continue
        out.append(
            Work(
                f"aktivitet:{a.id}",
                a.name,
                a.owner,
                WorkKind.activity,
                a.hours,
                spread(a.hours, days, a.start, a.end),
                _deadline_of(plan, a.deadline, a.end),
                ("aktiviteter", i, "timer"),
                a.start,
                a.end,
                owner_id=a.id,
            )
        )
    return out


def trainer_roles(plan: Plan) -> dict[str, str]:
    """Person → the first role that lists the person (trainers are named by person in the plan)."""
    out: dict[str, str] = {}
    for r in plan.roles:
        for person in r.people:
            out.setdefault(person, r.id)
    return out


def teaching_works(plan: Plan, start: dt.date, end: dt.date) -> list[Work]:
    """Teaching a session: its length in hours on the session's date, for the trainer's role."""
    roles = trainer_roles(plan)
    out = []
    for i, s in enumerate(plan.training.sessions):
        role = roles.get(s.trainer)
        if role is None or not start <= s.date <= end or s.end <= s.start:
            continue
        hours = (dt.datetime.combine(s.date, s.end) - dt.datetime.combine(s.date, s.start)).total_seconds() / 3600
        sunday = shift(s.date, 6 - s.date.weekday())
        out.append(
            Work(
                f"undervisning:{s.id}",
                s.title,
                role,
                WorkKind.teaching,
                hours,
                {s.date: hours},
                sunday,
                ("undervisning", "sessioner", i, "underviser"),
                s.date,
                s.date,
                owner_id=s.id,
            )
        )
    return out


def first_conversion_day(plan: Plan) -> dt.date | None:
    """The first day a case is converted before go-live: a work package's start, a converting session, the
    vendor's delivery. From that day on a converted case can still change in the old system."""
    days = [wp.start for wp in plan.work_packages if wp.start and wp.timing is not PackageTiming.first_follow_up]
    days += [s.date for s in plan.training.sessions if s.conversion]
    offer = plan.vendor_offer
    if offer and offer.delivery and routed_cases(plan):
        days.append(offer.delivery)
    return min(days, default=None)


def reentry_works(plan: Plan, days: dict[dt.date, float]) -> list[Work]:
    """Re-entering what changed in the old system after a case was converted (projekt.frysning.genindtastning).
    The hours cover every change from the day a case is converted (first_conversion_day) to go-live; the work
    is done, by default, from the freeze's first day (when the old system stands still) to the day before
    go-live."""
    freeze = plan.project.freeze
    if freeze is None:
        return []
    out = []
    for i, r in enumerate(freeze.reentry):
        start, end = r.start or freeze.start, r.end or shift(plan.project.go_live, -1)
        if r.hours <= 0 or end < start:
            continue
        out.append(
            Work(
                f"genindtastning:{r.role}:{i}",
                texts.REENTRY_WORK.format(system=plan.municipality.old_system),
                r.role,
                WorkKind.reentry,
                r.hours,
                spread(r.hours, days, start, end),
                working_deadline(plan, end),
                ("projekt", "frysning", "genindtastning", i, "timer"),
                start,
                end,
                owner_id=r.role,
            )
        )
    return out


# Kinds of work that scale with minutes per case:
CASE_WORK = frozenset({WorkKind.package, WorkKind.follow_up, WorkKind.session, WorkKind.control})
COMMON_WORK = frozenset({WorkKind.activity, WorkKind.teaching, WorkKind.reentry})  # the same for every option


def hours_by_role(works: list[Work], kinds: frozenset[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for w in works:
        if w.kind in kinds:
            out[w.role] = out.get(w.role, 0.0) + sum(w.daily.values())
    return out


def common_by_option(plan: Plan, works: list[Work], days: dict[dt.date, float]) -> dict[str, dict[str, float]]:
    """Option id → the common work's hours per role for that option: teaching, re-entry and every activity with
    hours, except an activity that names other options (``aktiviteter[].muligheder``). Activities are taken from
    the plan, not from the load: the load holds only the chosen option's."""
    known = {r.id for r in plan.roles}
    rest = [w for w in works if w.kind in COMMON_WORK and w.kind is not WorkKind.activity]
    activities = [w for w in activity_works(plan, days, every=True) if w.role in known]
    belongs = {f"aktivitet:{a.id}": set(a.options) for a in plan.activities if a.options is not None}
    out = {}
    for o in plan.conversion.options:
        mine = [w for w in activities if w.key not in belongs or o.id in belongs[w.key]]
        out[o.id] = hours_by_role(rest + mine, COMMON_WORK)
    return out


@dataclass(frozen=True)
class LateForControl:
    """A work package whose deadline falls after a control round that must check its cases."""

    package: int  # index in arbejdspakker
    deadline: dt.date
    activity: str  # the control round's name
    end: dt.date  # its last day
    categories: tuple[str, ...]  # the package's categories the round checks


def late_for_control(plan: Plan, works: list[Work]) -> list[LateForControl]:
    """Packages whose (working-day) deadline falls after a control round that depends on them, as the plan
    declares it: a go/no-go criterion ``kategorier_konverteret`` names the rounds (``aktiviteter``) that check
    its categories, so every package on those categories must be done by the end of each of them. One warning
    per package: the round that ends first."""
    acts = {a.id: a for a in plan.activities}
    rounds: list[tuple[str, frozenset[str]]] = []  # (activity id, categories it checks)
    for c in plan.go_no_go.criteria if plan.go_no_go else []:
        if c.kind is CriterionKind.categories_converted:
            rounds += [(a, frozenset(c.categories)) for a in c.activities if a in acts]
    deadlines = {w.key: w.deadline for w in works}
    out = []
    for i, wp in enumerate(plan.work_packages):
        deadline = deadlines.get(f"arbejdspakke:{wp.id}")
        if deadline is None:
            continue
        missed = [
            (acts[a].end, a, tuple(c for c in wp.categories if c in cats))
            for a, cats in rounds
            if acts[a].end < deadline and set(wp.categories) & cats
        ]
        if missed:
            end, a, cats = min(missed)
            out.append(LateForControl(i, deadline, acts[a].name, end, cats))
    return out


@dataclass(frozen=True)
class WeekLoad:
    role: str
    week: Week
    load: float
    capacity: float

    @property
    def monday(self) -> dt.date:
        return monday_of(self.week)

    @property
    def over(self) -> bool:
        return self.load > self.capacity + EPS

    @property
    def spare(self) -> float:
        return self.capacity - self.load

    @property
    def excess(self) -> float:
        return self.load - self.capacity


@dataclass(frozen=True)
class Shortfall:
    work: Work
    deadline: dt.date
    hours: float
    full: tuple[Week, ...] = ()  # the weeks from the work's start to its deadline where the role has no spare time

    @property
    def week(self) -> Week:
        return week_of(self.deadline)


def shortfalls(works: list[Work], capacity: dict[dt.date, float]) -> list[Shortfall]:
    """Earliest-deadline-first: work may move to later days, never earlier; what is left at its
    deadline is a shortfall. Linear in (days + work-days) × log(works)."""
    arrivals: dict[dt.date, list[Work]] = {}
    for w in works:
        for d in w.daily:
            arrivals.setdefault(d, []).append(w)
    days = sorted(set(capacity) | set(arrivals))
    left: dict[str, float] = {}
    pending: list[tuple[dt.date, str]] = []  # (deadline, key) of open work, kept sorted: earliest first
    by_key = {w.key: w for w in works}
    out = []
    for i, day in enumerate(days):
        for w in arrivals.get(day, []):
            if w.key not in left:
                left[w.key] = 0.0
                bisect.insort(pending, (w.deadline, w.key))
            left[w.key] += w.daily[day]
        cap = capacity.get(day, 0.0)
        for _deadline, key in pending:  # serve earliest deadline first
            if cap <= 0:
                break
            used = min(cap, left[key])
            left[key] -= used
            cap -= used
        following = days[i + 1] if i + 1 < len(days) else dt.date.max
        due = bisect.bisect_left(pending, (following, ""))  # deadlines before the next day: settle them
        for deadline, key in pending[:due]:
            if left[key] > EPS:
                out.append(Shortfall(by_key[key], deadline, left[key]))
            left[key] = 0.0
        del pending[:due]
    return out


@dataclass
class Load:
    works: list[Work]
    weeks: list[Week]  # every ISO week from the first to the last with planned work
    rows: dict[str, list[WeekLoad]]  # role id → one row per week (roles with work only)
    shortfalls: list[Shortfall]
    capacity: dict[str, dict[dt.date, float]] = field(default_factory=dict)  # roles with work: hours per day
    planned: dict[str, dict[dt.date, float]] = field(default_factory=dict)  # role id → planned hours per day

    @property
    def overloads(self) -> list[WeekLoad]:
        return [r for rows in self.rows.values() for r in rows if r.over]

    def total(self, role: str) -> float:
        return sum(r.load for r in self.rows.get(role, []))


@dataclass(frozen=True)
class RoleTotal:
    """A role's planned hours, capacity and cost over the whole plan, rounded once to 0,01 (half up): the
    numbers every page, the economy comparison and both downloads show."""

    role: str
    hours: float
    capacity: float
    rate: float
    cost: float
    working_capacity: float = 0.0  # capacity in the weeks the role has work (what its hours compete for)
    working_weeks: int = 0


def role_totals(plan: Plan, load: Load) -> dict[str, RoleTotal]:
    return role_totals_from(load, plan.hourly_rates)


def role_totals_from(load: Load, rates: dict[str, float]) -> dict[str, RoleTotal]:
    out = {}
    for role, weeks in load.rows.items():
        hours = sum(w.load for w in weeks)  # the cost is the exact hours x rate, as recomputed from plan.yaml
        out[role] = RoleTotal(
            role,
            round_half_up(hours, 2),
            round_half_up(sum(w.capacity for w in weeks), 2),
            rates.get(role, 0.0),
            round_half_up(hours * rates.get(role, 0.0), 2),
            round_half_up(sum(w.capacity for w in weeks if w.load > EPS), 2),
            sum(1 for w in weeks if w.load > EPS),
        )
    return out


def _with_full_weeks(s: Shortfall, rows: list[WeekLoad]) -> Shortfall:
    first = week_of(s.work.start or min(s.work.daily, default=s.deadline))
    full = tuple(r.week for r in rows if first <= r.week <= week_of(s.deadline) and r.spare <= EPS)
    return Shortfall(s.work, s.deadline, s.hours, full)


def capacities(plan: Plan, days: dict[dt.date, float]) -> dict[str, dict[dt.date, float]]:
    """Role id → the hours the role can give on each working day (holidays, days off and absence taken off)."""
    return {r.id: role_capacity(r, days, plan.calendar.absences) for r in plan.roles}


def spare(capacity: dict[str, dict[dt.date, float]], fixed: list[Work]) -> dict[str, dict[dt.date, float]]:
    """Role id → the hours left on each day once the work on given dates (sessions, teaching, ...) is taken off."""
    left = {role: dict(days) for role, days in capacity.items()}
    for w in fixed:
        per = left.get(w.role)
        if per is None:
            continue
        for d, h in w.daily.items():
            if d in per:
                per[d] = max(0.0, per[d] - h)
    return left


def weekly_load(plan: Plan, works: list[Work], capacity: dict[str, dict[dt.date, float]]) -> Load:
    """The planned hours per role and week against its capacity (``capacities``), and the work that does not
    fit before its deadline."""
    planned: dict[str, dict[dt.date, float]] = {}
    works_of: dict[str, list[Work]] = {}
    for w in works:
        works_of.setdefault(w.role, []).append(w)
        per = planned.setdefault(w.role, {})
        for d, h in w.daily.items():
            per[d] = per.get(d, 0.0) + h
    all_days = [d for per in planned.values() for d, h in per.items() if h > 0]
    if not all_days:
        return Load(works, [], {}, [], planned=planned)
    first, last = week_of(min(all_days)), week_of(max(all_days))
    weeks, monday = [], monday_of(first)
    while week_of(monday) <= last:
        weeks.append(week_of(monday))
        monday += dt.timedelta(days=7)
    rows, caps, short = {}, {}, []
    for role in plan.roles:
        if role.id not in planned:
            continue
        cap = caps[role.id] = capacity[role.id]
        load_w, cap_w = by_week(planned[role.id]), by_week(cap)
        rows[role.id] = [WeekLoad(role.id, w, load_w.get(w, 0.0), cap_w.get(w, 0.0)) for w in weeks]
        # teaching is held when it is held: it shows in the load, but cannot be late
        mine = shortfalls([w for w in works_of[role.id] if w.kind != WorkKind.teaching], cap)
        short += [_with_full_weeks(s, rows[role.id]) for s in mine]
    return Load(works, weeks, rows, short, caps, planned)
