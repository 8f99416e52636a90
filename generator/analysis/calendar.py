"""Danish working-day calendar and capacity per role.

A *day value* is the share of a normal working day that is worked: 1 for an ordinary weekday,
0.5 for a municipal half day off, 0 for a public holiday or a whole day off. Weekends are not
working days and never appear.

Capacity follows the plan's own unit, hours per person per week (``timer_pr_uge``): a person
gives ``timer_pr_uge / 5`` hours on a full working day, half of that on a half day. So a role's
weekly capacity is headcount × timer_pr_uge × (the week's working-day fraction), minus the
same per-day share for every absent person. (A full working day of 7,4 hours is not used: a
caseworker who gives 6 hours a week to the conversion loses 1,2 of them on a holiday, not 7,4.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import holidays

from ..model.roles import Role
from ..model.schedule import Absence, DayOff, SpecialDay

ONE_DAY = dt.timedelta(days=1)
Week = tuple[int, int]  # ISO (year, week)


@dataclass(frozen=True)
class DayOffEntry:
    date: dt.date
    name: str
    share: float  # share of the working day that is lost: 1 or 0.5
    public: bool  # a public holiday (from the holidays package) or a municipal special day


def dates(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    day = start
    while day <= end:
        yield day
        if day == dt.date.max:
            return
        day += ONE_DAY


def shift(day: dt.date, days: int) -> dt.date:
    """day + days, held inside the dates Python can represent."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


@lru_cache(maxsize=8192)
def week_of(day: dt.date) -> Week:
    iso = day.isocalendar()
    return (iso.year, iso.week)


def monday_of(week: Week) -> dt.date:
    return dt.date.fromisocalendar(week[0], week[1], 1)


@lru_cache(maxsize=32)
def _public(years: tuple[int, ...]) -> dict[dt.date, str]:
    """holidays' documented entry point; it imports every country's module (a tenth of a second, once)."""
    return dict(holidays.country_holidays("DK", language="da", years=list(years)))


def public_holidays(start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Danish public holidays (helligdage) between start and end. Store Bededag only before 2024."""
    found = _public(tuple(range(start.year, end.year + 1)))
    return {d: n for d, n in sorted(found.items()) if start <= d <= end}


def days_off(start: dt.date, end: dt.date, special: Iterable[SpecialDay]) -> list[DayOffEntry]:
    """Every public holiday and municipal special day that falls on a weekday in [start, end]."""
    entries = {d: DayOffEntry(d, n, 1.0, True) for d, n in public_holidays(start, end).items()}
    for s in special:
        if start <= s.date <= end and s.date not in entries:
            entries[s.date] = DayOffEntry(s.date, s.name, 1.0 if s.off is DayOff.full else 0.5, False)
    return [e for d, e in sorted(entries.items()) if d.weekday() < 5]


def day_values(start: dt.date, end: dt.date, special: Iterable[SpecialDay]) -> dict[dt.date, float]:
    """Working share of every weekday in [start, end] (weekends left out; holidays give 0)."""
    off = {e.date: e.share for e in days_off(start, end, special)}
    return {d: 1.0 - off.get(d, 0.0) for d in dates(start, end) if d.weekday() < 5}


def last_working_day(day: dt.date, special: Iterable[SpecialDay]) -> dt.date:
    """The day itself when it is a working day, else the working day before it (a deadline on a Sunday or a
    holiday is the Friday or the day before the holiday); the day itself when none is found within 4 weeks."""
    values = day_values(shift(day, -28), day, tuple(special))
    return max((d for d, v in values.items() if v > 0), default=day)


class WorkingDays:
    """The working days of one role in the plan's own calendar: each day weighs the share of the role's
    ordinary capacity it has that day (1 on an ordinary weekday, 0 on a holiday, 0,5 on a half day off, less
    for the people away in ``fravaer``). Used to measure pace and forecast finish dates in working days."""

    def __init__(self, role: Role | None, special: Iterable[SpecialDay], absences: Iterable[Absence]):
        self.role, self.special, self.absences = role, tuple(special), tuple(absences)
        self._cache: dict[int, dict[dt.date, float]] = {}

    def _year(self, year: int) -> dict[dt.date, float]:
        if year not in self._cache:
            days = day_values(dt.date(year, 1, 1), dt.date(year, 12, 31), self.special)
            if self.role is not None and self.role.headcount and self.role.hours_per_week:
                full = self.role.headcount * self.role.hours_per_week / 5
                cap = role_capacity(self.role, days, self.absences)
                days = {d: cap[d] / full for d in days}
            self._cache[year] = days
        return self._cache[year]

    def weight(self, day: dt.date) -> float:
        return self._year(day.year).get(day, 0.0)

    def between(self, after: dt.date, until: dt.date) -> float:
        """Working days after `after`, up to and including `until` (0 when until <= after)."""
        total, day = 0.0, shift(after, 1)
        while day <= until and day < dt.date.max:
            total += self.weight(day)
            day = shift(day, 1)
        return total

    def add(self, after: dt.date, amount: float, limit: dt.date) -> dt.date | None:
        """The first day after `after` by which `amount` working days have passed; None if not by `limit`."""
        if amount <= 0:
            return after
        total, day = 0.0, after
        while day < limit:
            day = shift(day, 1)
            total += self.weight(day)
            if total >= amount - 1e-9 and self.weight(day) > 0:
                return day
        return None


def week_fraction(days: dict[dt.date, float]) -> dict[Week, float]:
    """The working-day fraction of each ISO week: the sum of its day values / 5."""
    return {w: total / 5 for w, total in by_week(days).items()}


def role_capacity(role: Role, days: dict[dt.date, float], absences: Iterable[Absence]) -> dict[dt.date, float]:
    """Hours the role can give to the conversion on each working day, absences subtracted."""
    per_person = role.hours_per_week / 5
    cap = {d: role.headcount * per_person * v for d, v in days.items()}
    for a in absences:
        if a.role != role.id:
            continue
        away = min(a.people, role.headcount)
        for d in cap:
            if a.start <= d <= a.end:
                cap[d] = max(0.0, cap[d] - away * per_person * days[d])
    return cap


def by_week(daily: dict[dt.date, float]) -> dict[Week, float]:
    out: dict[Week, float] = {}
    for d, h in daily.items():
        w = week_of(d)
        out[w] = out.get(w, 0.0) + h
    return out
