"""Calendar files (.ics) for the training sessions, made with the icalendar library.

- Times are local Copenhagen times with TZID=Europe/Copenhagen; the file carries the VTIMEZONE.
- Each event's UID is derived from the session id and the municipality only
  (``{session id}@konverteringsplan.{municipality slug}``), so importing an updated file updates the
  events instead of duplicating them; a new session id is a new event.
- DTSTAMP is the render time (UTC) unless SOURCE_DATE_EPOCH is set (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..formatting import and_list
from ..model import Plan
from ..model.training import Session
from ..slug import ascii_slug
from ..texts import site as texts

TZID = "Europe/Copenhagen"
TZ = ZoneInfo(TZID)


def _one_line(text: str) -> str:
    """Text from the plan on one line (the file's own line breaks are only between our lines)."""
    return " ".join(str(text).split())


def session_uid(plan: Plan, session: Session) -> str:
    return f"{session.id}@konverteringsplan.{ascii_slug(plan.municipality.name)}"


@lru_cache(maxsize=1)
def _vtimezone():
    """The VTIMEZONE for Europe/Copenhagen, worked out from the tz database once (5 ms each time)."""
    from icalendar import Timezone

    return Timezone.from_tzid(TZID)


def _stamp() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _description(
    plan: Plan, session: Session, role_names: dict[str, str], cat_names: dict[str, str], group_names: dict[str, str]
) -> str:
    lines = [
        texts.EVENT_TRAINER.format(trainer=session.trainer),
        texts.EVENT_AUDIENCE.format(audience=and_list((role_names.get(r, r) for r in session.audience), lower=True)),
        texts.EVENT_SEATS.format(seats=session.seats, participants=session.participants),
    ]
    if session.content:
        lines += ["", texts.EVENT_CONTENT, *(f"- {c}" for c in session.content)]
    if session.conversion:
        c = session.conversion
        lines += [
            "",
            texts.EVENT_EXERCISE.format(
                cases=c.cases_per_participant,
                categories=and_list((cat_names.get(x, x) for x in c.categories), lower=True),
                groups=and_list((group_names.get(g, g) for g in c.groups), lower=True),
            ),
        ]
    lines += ["", texts.EVENT_KLIK.format(task=plan.training.klik_task, municipality=plan.municipality.name)]
    return "\n".join(_one_line(line) for line in lines)


def _calendar(plan: Plan, name: str):
    """A calendar named `name`, published by the municipality (icalendar is imported when a calendar is
    made, not with the pages)."""
    from icalendar import Calendar, vText

    cal = Calendar()
    cal.add("prodid", f"-//{_one_line(plan.municipality.name)}//Konverteringsplan//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", vText(_one_line(name)))
    return cal


def _event(uid: str, stamp: object, start: object, end: object, title: str):
    """An event with its Danish title; the caller adds what differs (place, description, categories)."""
    from icalendar import Event

    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("dtstart", start)
    ev.add("dtend", end)
    ev.add("summary", _one_line(title), parameters={"LANGUAGE": "da"})
    return ev


def calendar_bytes(plan: Plan, sessions: Iterable[Session], name: str) -> bytes:
    """An iCalendar file with one event per session."""
    role_names = {r.id: r.in_sentence for r in plan.roles}  # "For: sagsbehandlere", "For: projektleder"
    cat_names = plan.category_names
    group_names = {g.id: g.name for g in plan.minimum.groups}
    cal = _calendar(plan, name)
    cal.add("x-wr-timezone", TZID)
    stamp = _stamp()
    for s in sorted(sessions, key=lambda s: (s.date, s.start, s.id)):
        ev = _event(
            session_uid(plan, s),
            stamp,
            dt.datetime.combine(s.date, s.start, tzinfo=TZ),
            dt.datetime.combine(s.date, s.end, tzinfo=TZ),
            s.title,
        )
        ev.add("location", _one_line(s.place), parameters={"LANGUAGE": "da"})
        ev.add("description", _description(plan, s, role_names, cat_names, group_names), parameters={"LANGUAGE": "da"})
        ev.add("categories", texts.CALENDAR_CATEGORIES)
        ev.add("transp", "OPAQUE")
        cal.add_component(ev)
    cal.subcomponents.insert(0, _vtimezone())  # where add_missing_timezones() puts it
    return cal.to_ical()


def step_uid(plan: Plan, step_id: str) -> str:
    return f"golive-{step_id}@konverteringsplan.{ascii_slug(plan.municipality.name)}"


def steps_calendar_bytes(plan: Plan, steps: Iterable, name: str) -> bytes:
    """An iCalendar file with one all-day event per cut-over step (a step that lasts spans its days)."""
    role_names = plan.role_names
    cal = _calendar(plan, name)
    stamp = _stamp()
    for s in steps:
        ev = _event(step_uid(plan, s.id), stamp, s.date, (s.end or s.date) + dt.timedelta(days=1), s.title)
        lines = [
            texts.EVENT_OWNER.format(role=role_names.get(s.owner, s.owner)),
            texts.EVENT_CHECK.format(check=s.check),
            texts.EVENT_STEP_ID.format(id=s.id),
        ]
        ev.add("description", "\n".join(_one_line(x) for x in lines), parameters={"LANGUAGE": "da"})
        ev.add("categories", texts.CALENDAR_GO_LIVE_CATEGORIES)
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical()
