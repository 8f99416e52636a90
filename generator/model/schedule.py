"""Time plan: milestones, activities, work packages, first follow-ups, calendar."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import NonNegativeFloat, NonNegativeInt, PositiveInt

from .base import Id, Model, ShortText, Text, field


class Milestone(Model):
    id: Id = field("id", "Kort nøgle for milepælen, fx go_live.")
    name: ShortText = field("navn", "Milepælens navn.")
    date: dt.date = field("dato", "Dato.")


class Activity(Model):
    id: Id = field("id", "Kort nøgle for aktiviteten.")
    name: ShortText = field("navn", "Aktivitetens navn.")
    start: dt.date = field("fra", "Første dag.")
    end: dt.date = field("til", "Sidste dag.")
    owner: Id | None = field("ansvarlig", "Rolle, der er ansvarlig.", None)
    deadline: Id | None = field("frist", "Milepæl, aktiviteten skal være færdig før.", None)
    hours: NonNegativeFloat = field(
        "timer", "Timer i alt for den ansvarlige rolle; de fordeles jævnt på periodens arbejdsdage.", 0
    )


class PackageTiming(str, Enum):
    period = "periode"
    first_follow_up = "foerste_opfoelgning"


class WorkPackage(Model):
    id: Id = field("id", "Kort nøgle for arbejdspakken.")
    name: ShortText = field("navn", "Hvad der konverteres.")
    role: Id = field("rolle", "Rolle, der udfører arbejdet.")
    categories: list[Id] = field("kategorier", "Sagskategorier.", min_length=1)
    groups: list[Id] = field("feltgrupper", "Feltgrupper, der indtastes.", min_length=1)
    timing: PackageTiming = field(
        "tidspunkt", "periode (angiv fra og til) eller foerste_opfoelgning.", PackageTiming.period
    )
    start: dt.date | None = field("fra", "Første dag (ved periode).", None)
    end: dt.date | None = field("til", "Sidste dag (ved periode).", None)
    deadline: Id | None = field("frist", "Milepæl, arbejdet skal være færdigt før.", None)


class DayOff(str, Enum):
    full = "hel"
    half = "halv"


class SpecialDay(Model):
    date: dt.date = field("dato", "Dato.")
    name: ShortText = field("navn", "Navn, fx Juleaftensdag.")
    off: DayOff = field("fri", "hel eller halv fridag.", DayOff.full)


class Absence(Model):
    role: Id = field("rolle", "Rolle.")
    people: PositiveInt = field("personer", "Antal personer, der er væk.", 1)
    start: dt.date = field("fra", "Første dag.")
    end: dt.date = field("til", "Sidste dag.")
    reason: ShortText | None = field("aarsag", "Fx ferie, eksamen.", None)


class Calendar(Model):
    special_days: list[SpecialDay] = field("saerlige_dage", "Kommunens egne hele og halve fridage.", [])
    absences: list[Absence] = field("fravaer", "Fravær i perioden.", [])
