"""Time plan: milestones, activities, work packages, first follow-ups, calendar."""

from __future__ import annotations

from enum import Enum

from .base import Date, Hours, Id, Model, People, ShortText, field


class Milestone(Model):
    id: Id = field("id", "Kort nøgle for milepælen, fx go_live.")
    name: ShortText = field("navn", "Milepælens navn.")
    date: Date = field("dato", "Dato.")


class Activity(Model):
    id: Id = field("id", "Kort nøgle for aktiviteten.")
    name: ShortText = field("navn", "Aktivitetens navn.")
    start: Date = field("fra", "Første dag.")
    end: Date = field("til", "Sidste dag.")
    owner: Id | None = field("ansvarlig", "Rolle, der er ansvarlig.", None)
    deadline: Id | None = field("frist", "Milepæl, aktiviteten skal være færdig før.", None)
    hours: Hours = field(
        "timer", "Timer i alt for den ansvarlige rolle; de fordeles jævnt på periodens arbejdsdage.", 0
    )
    options: list[Id] | None = field(
        "muligheder",
        "De muligheder i konverteringsform, aktiviteten hører til (fx kun dem med leverandøren). Udelades: "
        "aktiviteten hører til alle muligheder.",
        None,
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
    start: Date | None = field("fra", "Første dag (ved periode).", None)
    end: Date | None = field("til", "Sidste dag (ved periode).", None)
    deadline: Id | None = field("frist", "Milepæl, arbejdet skal være færdigt før.", None)


class DayOff(str, Enum):
    full = "hel"
    half = "halv"


class SpecialDay(Model):
    date: Date = field("dato", "Dato.")
    name: ShortText = field("navn", "Navn, fx Juleaftensdag.")
    off: DayOff = field("fri", "hel eller halv fridag.", DayOff.full)


class Absence(Model):
    role: Id = field("rolle", "Rolle.")
    people: People = field("personer", "Antal personer, der er væk.", 1)
    start: Date = field("fra", "Første dag.")
    end: Date = field("til", "Sidste dag.")
    reason: ShortText | None = field("aarsag", "Fx ferie, eksamen.", None)


class Calendar(Model):
    special_days: list[SpecialDay] = field("saerlige_dage", "Kommunens egne hele og halve fridage.", [])
    absences: list[Absence] = field("fravaer", "Fravær i perioden.", [])
