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

from ..analysis.calendar import public_holidays
from ..analysis.guide import converting_roles, super_user_people
from ..formatting import date
from ..model.schedule import DayOff, PackageTiming
from .context import Context

NOON = dt.time(12, 0)


def public_holiday(day: dt.date) -> str | None:
    """The Danish name of the public holiday on `day`, or None."""
    return public_holidays(day, day).get(day)


def _base(i: int) -> tuple:
    return ("undervisning", "sessioner", i)


def seats(ctx: Context) -> None:
    for i, s in enumerate(ctx.plan.training.sessions):
        if s.participants > s.seats:
            ctx.error((*_base(i), "deltagere"),
                      f'Holdet "{s.title}" har {s.participants} deltagere, men kun {s.seats} pladser. '
                      "Find et større lokale (ret pladser), eller flyt nogle deltagere til et andet hold.")


def _session_name(s):
    """'Holdet "…" (dato)', formatted only when a message needs it (Babel's Danish data loads on first use)."""
    return lambda: f'Holdet "{s.title}" ({date(s.date)})'


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
            ctx.error(path, f"{when()} ligger på en helligdag ({holiday}). Flyt holdet til en hverdag.")
        elif day_off and day_off.off is DayOff.full:
            ctx.error(path, f"{when()} ligger på en fridag i kommunen ({day_off.name}). Flyt holdet til en hverdag.")
        elif day_off and s.end > NOON:
            ctx.warning(path, f"{when()} slutter kl. {s.end:%H:%M}, men {day_off.name} er der fri fra kl. 12. "
                              "Flyt holdet, eller lad det slutte senest kl. 12.")
        elif s.date.weekday() >= 5:
            ctx.warning(path, f"{when()} ligger på en {'lørdag' if s.date.weekday() == 5 else 'søndag'}. "
                              "Er datoen rigtig? Flyt holdet til en hverdag.")
        if s.date >= go_live:
            if s.conversion:
                ctx.error(path, f"{when()} har en konverteringsøvelse, men ligger på eller efter go-live ({date(go_live)}). "
                                "Sagerne skal være i DUBU ved go-live: flyt holdet før go-live, eller fjern konverteringen.")
            else:
                ctx.warning(path, f"{when()} ligger på eller efter go-live ({date(go_live)}). "
                                  "Medarbejderne skal kunne bruge DUBU fra go-live: flyt holdet før go-live.")
        elif access and s.conversion and s.date < access:
            ctx.error(path, f"{when()} har en konverteringsøvelse, men ligger før adgangen til DUBU ({date(access)}). "
                            "Flyt holdet til efter adgangen, eller fjern konverteringen.")


def role_sessions(ctx: Context) -> None:
    """Every role that converts by hand has a session before go-live, and before it starts converting."""
    p = ctx.plan
    index = {r.id: i for i, r in enumerate(p.roles)}
    for role in converting_roles(p):
        before = sorted(s.date for s in p.training.sessions if role.id in s.audience and s.date < p.project.go_live)
        path = ("roller", index[role.id], "id")
        if not before:
            ctx.warning(path, f'{role.name} konverterer sager, men har intet hold før go-live ({date(p.project.go_live)}). '
                              f"Tilføj et hold under undervisning.sessioner med maalgruppe: [{role.id}].")
            continue
        starts = [wp.start for wp in p.work_packages
                  if wp.role == role.id and wp.timing is PackageTiming.period and wp.start]
        if starts and min(starts) < before[0]:
            ctx.warning(path, f"{role.name} begynder at konvertere {date(min(starts))}, men det første hold er først "
                              f"{date(before[0])}. Læg holdet før, eller begynd konverteringen senere.")


def trainers(ctx: Context) -> None:
    people = super_user_people(ctx.plan)
    for i, s in enumerate(ctx.plan.training.sessions):
        if s.trainer in people:
            continue
        path = (*_base(i), "underviser")
        if not people:
            ctx.warning(path, f'Underviseren "{s.trainer}" er ikke superbruger: planen har ingen superbrugere. '
                              'Marker en rolle med "superbruger: true", og skriv underviserne under dens "personer".')
            continue
        guess = difflib.get_close_matches(s.trainer, people, n=1, cutoff=0.75)
        hint = f' Mente du "{guess[0]}"?' if guess else ""
        ctx.warning(path, f'Underviseren "{s.trainer}" er ikke en af superbrugerne ({", ".join(people)}).{hint} '
                          'Ret navnet, eller tilføj personen under "personer" i en rolle med "superbruger: true".')


RULES = [seats, session_dates, role_sessions, trainers]
