"""Roles: who converts, how many, how many hours, at what cost."""

from __future__ import annotations


from .base import HourlyRate, HoursPerWeek, Id, Model, People, ShortText, Text, field


class Role(Model):
    id: Id = field("id", "Kort nøgle for rollen, fx sagsbehandler.")
    name: ShortText = field("navn", "Rollens navn.")
    headcount: People = field("antal", "Antal personer i rollen.")
    hours_per_week: HoursPerWeek = field("timer_pr_uge", "Timer pr. uge hver person kan bruge på konverteringen.")
    hourly_cost: HourlyRate = field("timepris", "Fuld timepris i kr.")
    super_user: bool = field("superbruger", "true for superbrugere (undervisere og kontaktpersoner).", False)
    people: list[ShortText] = field("personer", "Medarbejdere eller teams i rollen (aldrig borgere).", [])
    tasks: Text | None = field("opgaver", "Hvad rollen gør i konverteringen.", None)
