"""Rules for the training plan (undervisning.sessioner).

Errors: the plan cannot hold as written (more participants than seats; a session on a public holiday
or a municipal whole day off; a conversion exercise after go-live or before access to DUBU).
Warnings: the plan holds but a project lead should look (a converting role with no session before
go-live or that starts converting before its first session, a session on a weekend, on a half day
off after noon, or after go-live, a trainer who is not a super user).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable

from ..analysis.calendar import public_holidays
from ..analysis.guide import converting_roles, super_user_people
from ..formatting import date
from ..model.schedule import DayOff, PackageTiming
from ..model.training import Session
from ..texts import validation as say
from .context import Context, Path

NOON = dt.time(12, 0)


def public_holiday(day: dt.date) -> str | None:
    """The Danish name of the public holiday on `day`, or None."""
    return public_holidays(day, day).get(day)


def _base(i: int) -> Path:
    return ("undervisning", "sessioner", i)


def seats(ctx: Context) -> None:
    for i, s in enumerate(ctx.plan.training.sessions):
        if s.participants > s.seats:
            ctx.error(
                (*_base(i), "deltagere"), say.SEATS.format(title=s.title, participants=s.participants, seats=s.seats)
            )


def _session_name(s: Session) -> Callable[[], str]:
    """'Holdet "…" (dato)', formatted only when a message needs it (Babel's Danish data loads on first use)."""
    return lambda: say.SESSION_NAME.format(title=s.title, date=date(s.date))


def session_dates(ctx: Context) -> None:
    p = ctx.plan
    special = {d.date: d for d in p.calendar.special_days}
    go_live = p.project.go_live
    access = p.project.dubu_access
    for i, s in enumerate(p.training.sessions):
        path = (*_base(i), "dato")
        when = _session_name(s)
        holiday = public_holiday(s.date)
        day_off = special.get(s.date)
        if holiday:
            ctx.error(path, say.ON_HOLIDAY.format(session=when(), holiday=holiday))
        elif day_off and day_off.off is DayOff.full:
            ctx.error(path, say.ON_DAY_OFF.format(session=when(), day_off=day_off.name))
        elif day_off and s.end > NOON:
            ctx.warning(path, say.AFTER_NOON.format(session=when(), end=s.end, day_off=day_off.name))
        elif s.date.weekday() >= 5:
            weekday = say.SATURDAY if s.date.weekday() == 5 else say.SUNDAY
            ctx.warning(path, say.ON_WEEKEND.format(session=when(), weekday=weekday))
        if s.date >= go_live:
            if s.conversion:
                ctx.error(path, say.CONVERSION_AFTER_GO_LIVE.format(session=when(), go_live=date(go_live)))
            else:
                ctx.warning(path, say.SESSION_AFTER_GO_LIVE.format(session=when(), go_live=date(go_live)))
        elif access and s.conversion and s.date < access:
            ctx.error(path, say.CONVERSION_BEFORE_ACCESS.format(session=when(), access=date(access)))


def role_sessions(ctx: Context) -> None:
    """Every role that converts by hand has a session before go-live, and before it starts converting."""
    p = ctx.plan
    index = {r.id: i for i, r in enumerate(p.roles)}
    for role in converting_roles(p):
        before = sorted(s.date for s in p.training.sessions if role.id in s.audience and s.date < p.project.go_live)
        path = ("roller", index[role.id], "id")
        if not before:
            ctx.warning(
                path, say.ROLE_NO_SESSION.format(role=role.name, go_live=date(p.project.go_live), role_id=role.id)
            )
            continue
        starts = [
            wp.start for wp in p.work_packages if wp.role == role.id and wp.timing is PackageTiming.period and wp.start
        ]
        if starts and min(starts) < before[0]:
            ctx.warning(
                path,
                say.ROLE_CONVERTS_BEFORE_SESSION.format(role=role.name, start=date(min(starts)), first=date(before[0])),
            )


def trainers(ctx: Context) -> None:
    people = super_user_people(ctx.plan)
    for i, s in enumerate(ctx.plan.training.sessions):
        if s.trainer in people:
            continue
        path = (*_base(i), "underviser")
        if not people:
            ctx.warning(path, say.TRAINER_NO_SUPER_USERS.format(trainer=s.trainer))
            continue
        guess = difflib.get_close_matches(s.trainer, people, n=1, cutoff=0.75)
        hint = say.MEANT.format(meant=guess[0]) if guess else ""
        ctx.warning(path, say.TRAINER_NOT_SUPER_USER.format(trainer=s.trainer, people=", ".join(people), hint=hint))


RULES = [seats, session_dates, role_sessions, trainers]
