"""Completion forecast: cases with their minimum content in DUBU, and cases with the full legal
basis (every field, also those moved at the first follow-up), week by week.

Each owner of a field progresses over time: the vendor delivers all its cases on the delivery
date; a training session converts its cases on its date; a work package converts its cases in
step with its planned hours (its working days, or the months of ``foerste_opfoelgninger``).
A case counts as done when every field it needs is done; the forecast assumes the owners work
through a category's cases in the same order, so the category's progress is that of its
slowest field.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from ..model import Plan
from ..model.cases import Timing
from .calendar import Week, monday_of, shift, week_of
from .coverage import CoverageRow
from .kinds import Owned, WorkKind
from .workload import Work


@dataclass(frozen=True)
class Point:
    week: Week
    day: dt.date  # the Sunday the count holds for
    minimum: int
    full: int

    @property
    def monday(self) -> dt.date:
        return monday_of(self.week)


@dataclass(frozen=True)
class Forecast:
    points: list[Point]
    total: int  # converted cases
    minimum_at_go_live: int
    full_at_go_live: int
    minimum_done: Point | None  # first week every case has its minimum content
    full_done: Point | None  # first week every case has the full legal basis


def cumulative_share(daily: dict[dt.date, float], evals: list[dt.date]) -> list[float]:
    """Share of `daily`'s total done by the end of each eval day (1.0 when the total is 0)."""
    total = sum(daily.values())
    days = sorted(daily)
    prefix, run = [], 0.0
    for d in days:
        run += daily[d]
        prefix.append(run)
    out = []
    for e in evals:
        i = bisect.bisect_right(days, e)
        out.append(1.0 if total <= 0 and i else (prefix[i - 1] / total if i and total > 0 else 0.0))
    return out


def progress_by_owner(works: list[Work], evals: list[dt.date]) -> dict[Owned, list[float]]:
    """What the work belongs to ((kind, id): a package, a session, ...) → share done at each eval day."""
    merged: dict[Owned, dict[dt.date, float]] = {}
    for w in works:
        per = merged.setdefault(w.owner, {})
        for d, h in w.daily.items():
            per[d] = per.get(d, 0.0) + (h if w.hours > 0 else 1.0)
    return {k: cumulative_share(v, evals) for k, v in merged.items()}


def forecast(plan: Plan, rows: list[CoverageRow], works: list[Work], first: dt.date, last: dt.date) -> Forecast:
    go_eve = shift(plan.project.go_live, -1)
    sunday = shift(first, 6 - first.weekday())
    evals = []
    while sunday <= shift(last, 6) and sunday < dt.date.max - dt.timedelta(days=7):
        evals.append(sunday)
        sunday += dt.timedelta(days=7)
    points_at = evals + [go_eve]
    nothing = [0.0] * len(points_at)
    progress = progress_by_owner(works, points_at)
    vendor_day = plan.vendor_offer.delivery if plan.vendor_offer and plan.vendor_offer.delivery else go_eve
    progress[(WorkKind.vendor, "")] = [1.0 if e >= vendor_day else 0.0 for e in points_at]
    per_cat: dict[str, tuple[list[float], list[float]]] = {
        c.id: ([float(c.count)] * len(points_at),) * 2 for c in plan.categories if c.converted
    }
    # Fields with the same owners progress alike, and taking the minimum twice changes nothing: each
    # (category, owners, timing) is worked out once, so this grows with owner combinations, not fields.
    seen: set[tuple[str, tuple[tuple[Owned, int], ...], bool]] = set()
    for row in rows:
        cat = row.need.category
        at_go_live = row.need.timing is Timing.go_live
        key = (cat.id, tuple((o.owner, o.cases) for o in row.owners), at_go_live)
        if key in seen:
            continue
        seen.add(key)
        done = nothing
        for o in row.owners:
            share = progress.get(o.owner, nothing)
            done = [d + o.cases * s for d, s in zip(done, share)]
        done = [min(cat.count, d) for d in done]
        minimum, full = per_cat[cat.id]
        full = [min(a, b) for a, b in zip(full, done)]
        if at_go_live:
            minimum = [min(a, b) for a, b in zip(minimum, done)]
        per_cat[cat.id] = (minimum, full)
    total = sum(c.count for c in plan.categories if c.converted)
    mins = [int(sum(m[i] for m, _ in per_cat.values()) + 1e-6) for i in range(len(points_at))]
    fulls = [int(sum(f[i] for _, f in per_cat.values()) + 1e-6) for i in range(len(points_at))]
    points = [Point(week_of(e), e, mins[i], fulls[i]) for i, e in enumerate(evals)]
    points = trim_to_progress(points, total)
    return Forecast(
        points,
        total,
        mins[-1],
        fulls[-1],
        next((p for p in points if p.minimum >= total), None),
        next((p for p in points if p.full >= total), None),
    )


def trim_to_progress(points: list[Point], total: int) -> list[Point]:
    """From the first week with progress to the first week where everything is done."""
    start = next((i for i, p in enumerate(points) if p.minimum or p.full), 0)
    start = max(0, start - 1)
    end = next((i for i, p in enumerate(points) if p.full >= total), len(points) - 1)
    return points[start : end + 1]
