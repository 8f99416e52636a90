"""Go-live: the cut-over steps, the deadlines of the first three months after go-live and their load, and
the scope check (every open case in one category).

The steps are derived from dates the plan holds once: go-live, the freeze, the vendor's delivery, how long
each closed category stays readable (``sagskategorier[].laesbar_til``), and the new dates under
``overgang`` (test conversion, extraction, go/no-go meeting, payments, Danmarks Statistik, read access,
archive). Each step has a stable id, so fremdrift.yaml (``overgang``) can mark it done.

Deadlines after go-live come from aggregate counts: ``efter_go_live.frister[].antal`` (cases whose
deadline falls in a month) and, for first follow-ups, ``foerste_opfoelgninger``. Each month's hours
(cases × minutes) are spread over the month's working days from go-live on, and added per week to the
conversion work the plan already has in those weeks; capacity is the same as for the conversion
(calendar.role_capacity: headcount × timer_pr_uge, holidays, special days and absences).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta

from .. import formatting as fmt
from ..model import Plan
from ..model.cases import CaseStatus
from ..model.golive import DeadlineKind
from ..model.progress import Progress
from ..texts import site as texts
from .calendar import Week, by_week, day_values, monday_of, role_capacity, week_of
from .workload import EPS, month_bounds, spread

MONTHS_AFTER = 3  # the first three months: the go-live month and the two after it


@dataclass(frozen=True)
class CutOverStep:
    id: str  # stable, for fremdrift.yaml: testkonvertering, udtraek, frysning, ..., laeseadgang_<kategori>
    date: dt.date
    title: str
    owner: str  # role id
    check: str  # Danish, reads after "Tjek"
    path: tuple[Any, ...]  # where the date is written in plan.yaml
    end: dt.date | None = None  # a step that lasts (new notifications during the freeze)


def _role(owner: str | None, default: str) -> str:
    return owner or default


def cut_over_steps(plan: Plan) -> list[CutOverStep]:
    """Every cut-over step, by date (steps on the same day in the order of the cut-over)."""
    c = plan.cut_over
    if c is None:
        return []
    system = plan.municipality.old_system
    vendor = texts.vendor_name(plan.vendor_offer)
    go = plan.project.go_live
    freeze = plan.project.freeze
    own = c.owner
    steps: list[CutOverStep] = []
    add = steps.append
    if c.test_conversion:
        add(
            CutOverStep(
                "testkonvertering",
                c.test_conversion,
                texts.STEP_TEST_CONVERSION.format(vendor=vendor),
                own,
                texts.STEP_TEST_CONVERSION_CHECK.format(vendor=vendor),
                ("overgang", "testkonvertering"),
            )
        )
    if c.extraction:
        add(
            CutOverStep(
                "udtraek",
                c.extraction,
                texts.STEP_EXTRACTION.format(vendor=texts.capitalised(vendor), system=system),
                own,
                texts.STEP_EXTRACTION_CHECK.format(system=system),
                ("overgang", "udtraek"),
            )
        )
    if freeze:
        add(
            CutOverStep(
                "frysning",
                freeze.start,
                texts.STEP_FREEZE.format(system=system),
                own,
                texts.STEP_FREEZE_CHECK.format(system=system),
                ("projekt", "frysning", "fra"),
                freeze.end,
            )
        )
        if c.notifications:
            add(
                CutOverStep(
                    "underretninger",
                    freeze.start,
                    texts.STEP_NOTIFICATIONS,
                    c.notifications.owner,
                    texts.STEP_NOTIFICATIONS_CHECK.format(handling=c.notifications.handling),
                    ("overgang", "underretninger"),
                    go - dt.timedelta(days=1),
                )
            )
    if plan.vendor_offer and plan.vendor_offer.delivery:
        add(
            CutOverStep(
                "levering",
                plan.vendor_offer.delivery,
                texts.STEP_DELIVERY.format(vendor=texts.capitalised(vendor)),
                own,
                texts.STEP_DELIVERY_CHECK,
                ("leverandoertilbud", "levering"),
            )
        )
    if c.go_no_go:
        m = c.go_no_go
        add(
            CutOverStep(
                "go_no_go_moede",
                m.date,
                texts.STEP_GO_NO_GO.format(decided_by=m.decided_by),
                _role(m.owner, own),
                texts.STEP_GO_NO_GO_CHECK.format(no_go=m.no_go),
                ("overgang", "go_no_go_moede", "dato"),
            )
        )
    add(
        CutOverStep(
            "go_live",
            go,
            texts.STEP_GO_LIVE,
            own,
            texts.STEP_GO_LIVE_CHECK.format(system=system),
            ("projekt", "go_live"),
        )
    )
    if c.payments:
        p = c.payments
        moved = p.date or go
        add(
            CutOverStep(
                "betalinger",
                moved,
                texts.STEP_PAYMENTS.format(system=system),
                _role(p.owner, own),
                texts.STEP_PAYMENTS_CHECK.format(system=system),
                ("overgang", "betalinger", "dato") if p.date else ("projekt", "go_live"),
            )
        )
        add(
            CutOverStep(
                "foerste_betalingskoersel",
                p.first_run or moved,
                texts.STEP_FIRST_RUN,
                _role(p.owner, own),
                texts.STEP_FIRST_RUN_CHECK.format(system=system),
                ("overgang", "betalinger", "foerste_koersel") if p.first_run else ("overgang", "betalinger"),
            )
        )
    if c.statistics:
        s = c.statistics
        add(
            CutOverStep(
                "danmarks_statistik",
                s.date or go,
                texts.STEP_STATISTICS,
                _role(s.owner, own),
                texts.STEP_STATISTICS_CHECK.format(back_dated=s.back_dated),
                ("overgang", "danmarks_statistik", "dato") if s.date else ("projekt", "go_live"),
            )
        )
    if c.read_access:
        r = c.read_access
        how = f" ({r.how})" if r.how else ""
        add(
            CutOverStep(
                "laeseadgang_aabne",
                go,
                texts.STEP_READ_ACCESS_OPEN.format(system=system),
                _role(r.owner, own),
                texts.STEP_READ_ACCESS_OPEN_CHECK.format(how=how, until=fmt.date(r.open_until)),
                ("overgang", "laeseadgang"),
                r.open_until,
            )
        )
        add(
            CutOverStep(
                "laeseadgang_aabne_slut",
                r.open_until,
                texts.STEP_READ_ACCESS_OPEN_END.format(system=system),
                _role(r.owner, own),
                texts.STEP_READ_ACCESS_OPEN_END_CHECK,
                ("overgang", "laeseadgang", "aabne_sager_til"),
            )
        )
    archive_owner = _role(c.archive.owner if c.archive else None, own)
    for i, cat in enumerate(plan.categories):
        if cat.status is CaseStatus.closed and not cat.converted and cat.readable_until:
            add(
                CutOverStep(
                    f"laeseadgang_{cat.id}",
                    cat.readable_until,
                    texts.STEP_READ_ACCESS_CLOSED_END.format(category=cat.name[:1].lower() + cat.name[1:]),
                    archive_owner,
                    texts.STEP_READ_ACCESS_CLOSED_END_CHECK.format(readable_in=cat.readable_in or system),
                    ("sagskategorier", i, "laesbar_til"),
                )
            )
    if c.archive:
        add(
            CutOverStep(
                "arkivering",
                c.archive.date,
                texts.STEP_ARCHIVE,
                archive_owner,
                texts.STEP_ARCHIVE_CHECK.format(retention=c.archive.retention),
                ("overgang", "arkivering", "dato"),
            )
        )
    for i, own_step in enumerate(c.steps):
        add(
            CutOverStep(
                own_step.id, own_step.date, own_step.title, own_step.owner, own_step.check, ("overgang", "trin", i)
            )
        )
    order = {s.id: n for n, s in enumerate(steps)}
    return sorted(steps, key=lambda s: (s.date, order[s.id]))


# --- deadlines after go-live -------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineRow:
    kind: DeadlineKind
    name: str  # Danish: what falls due
    category: str | None  # category name
    role: str  # role id
    cases: int
    minutes: float
    hours: float
    path: tuple[Any, ...]


@dataclass(frozen=True)
class DeadlineWeek:
    role: str
    week: Week
    deadlines: float  # hours of the deadlines that fall in the week
    conversion: float  # hours of conversion work the plan already has in the week
    capacity: float

    @property
    def monday(self) -> dt.date:
        return monday_of(self.week)

    @property
    def load(self) -> float:
        return self.deadlines + self.conversion

    @property
    def over(self) -> bool:
        return self.deadlines > 0 and self.load > self.capacity + EPS

    @property
    def excess(self) -> float:
        return self.load - self.capacity


@dataclass(frozen=True)
class DeadlineMonth:
    key: str  # ÅÅÅÅ-MM
    first: dt.date  # first day counted: the month's first day, or go-live in the go-live month
    last: dt.date
    rows: list[DeadlineRow]
    weeks: dict[str, list[DeadlineWeek]]  # role id -> the weeks that overlap the month

    @property
    def cases(self) -> int:
        return sum(r.cases for r in self.rows)

    @property
    def hours(self) -> float:
        return sum(r.hours for r in self.rows)

    @property
    def overloads(self) -> list[DeadlineWeek]:
        return [w for weeks in self.weeks.values() for w in weeks if w.over]


def month_keys(go_live: dt.date, n: int = MONTHS_AFTER) -> list[str]:
    first = go_live.replace(day=1)
    return [(first + relativedelta(months=k)).strftime("%Y-%m") for k in range(n)]


def month_span(key: str) -> tuple[dt.date, dt.date]:
    found = month_bounds(key)
    assert found is not None  # keys made by month_keys are always ÅÅÅÅ-MM
    return found


def deadline_months(plan: Plan, conversion_daily: dict[str, dict[dt.date, float]]) -> list[DeadlineMonth]:
    """The first three months after go-live, each with its deadlines and the weekly load per role."""
    after = plan.after_go_live
    if after is None or not after.deadlines:
        return []
    go = plan.project.go_live
    keys = month_keys(go)
    bounds = {k: month_span(k) for k in keys}
    start, end = go, bounds[keys[-1]][1]
    days = day_values(start, end, plan.calendar.special_days)  # the weeks at either end count only these days
    cats = plan.category_names
    roles = plan.roles_by_id
    rows_of: dict[str, list[DeadlineRow]] = {k: [] for k in keys}
    daily: dict[str, dict[dt.date, float]] = {}
    for i, d in enumerate(after.deadlines):
        counts = plan.first_follow_ups if d.kind is DeadlineKind.first_follow_up else d.counts
        for k in keys:
            n = counts.get(k, 0)
            if n <= 0:
                continue
            hours = n * d.minutes / 60
            path = (
                ("foerste_opfoelgninger", k)
                if d.kind is DeadlineKind.first_follow_up
                else ("efter_go_live", "frister", i, "antal", k)
            )
            rows_of[k].append(
                DeadlineRow(
                    d.kind,
                    texts.DEADLINE_KINDS[d.kind.value],
                    cats.get(d.category) if d.category else None,
                    d.role,
                    n,
                    d.minutes,
                    hours,
                    path,
                )
            )
            first, last = bounds[k]
            per = daily.setdefault(d.role, {})
            for day, h in spread(hours, days, max(first, go), last).items():
                per[day] = per.get(day, 0.0) + h
    weekly: dict[str, dict[Week, DeadlineWeek]] = {}
    for role_id, per in daily.items():
        role = roles.get(role_id)
        if role is None:
            continue  # reported by the reference rules
        cap = by_week(role_capacity(role, days, plan.calendar.absences))
        conv = by_week({d: h for d, h in conversion_daily.get(role_id, {}).items() if d in days})
        dl = by_week(per)
        weekly[role_id] = {
            w: DeadlineWeek(role_id, w, dl.get(w, 0.0), conv.get(w, 0.0), cap.get(w, 0.0))
            for w in sorted(set(dl) | {week_of(d) for d in days})  # days: go-live to the last month's end
        }
    out = []
    for k in keys:
        first, last = bounds[k]
        first = max(first, go)
        span = {week_of(first), week_of(last)}
        weeks = {
            role: [w for wk, w in sorted(rows.items()) if min(span) <= wk <= max(span)] for role, rows in weekly.items()
        }
        out.append(DeadlineMonth(k, first, last, rows_of[k], weeks))
    return out


# --- scope: every open case once ------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopeCheck:
    open_sum: int  # the open categories' counts added up
    open_total: int | None  # the open cases in the old system, each once (omfang.aabne_sager_i_alt)

    @property
    def counted_twice(self) -> int:
        """At least this many cases are in two categories (the counts cannot be distinct)."""
        return max(0, self.open_sum - self.open_total) if self.open_total is not None else 0

    @property
    def in_none(self) -> int:
        """Open cases in no category: a hole in the scope."""
        return max(0, self.open_total - self.open_sum) if self.open_total is not None else 0


# --- all of it ----------------------------------------------------------------------------------------


@dataclass
class GoLiveFigures:
    steps: list[CutOverStep]
    months: list[DeadlineMonth]
    scope: ScopeCheck
    go_live: dt.date
    done: dict[str, object] = field(default_factory=dict)  # step id -> the fremdrift.yaml entry that marks it done
    as_of: dt.date | None = None  # the latest date in fremdrift.yaml: "today" for the count of days

    @property
    def open_steps(self) -> list[CutOverStep]:
        return [s for s in self.steps if s.id not in self.done]

    @property
    def days_to_go_live(self) -> int | None:
        return None if self.as_of is None else (self.go_live - self.as_of).days


def golive_figures(
    plan: Plan, conversion_daily: dict[str, dict[dt.date, float]], open_cases: int, progress: Progress | None = None
) -> GoLiveFigures:
    """The cut-over, the deadlines after go-live and the scope check; with fremdrift.yaml, the steps it marks
    done and its latest date ("today" for the days until go-live, never the wall clock)."""
    done: dict[str, object] = {}
    as_of = None
    if progress is not None:
        done = {d.step: d for d in progress.cut_over}
        as_of = progress.data_date
    return GoLiveFigures(
        steps=cut_over_steps(plan),
        months=deadline_months(plan, conversion_daily),
        scope=ScopeCheck(open_cases, plan.scope.open_total if plan.scope else None),
        go_live=plan.project.go_live,
        done=done,
        as_of=as_of,
    )
