"""Roles: who converts, how many, how many hours, at what cost."""

from __future__ import annotations

import re

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from ..texts import validation as say
from .base import Email, HourlyRate, HoursPerWeek, Id, Model, People, Phone, ShortText, Text, field


def default_plural(name: str) -> str | None:
    """The plural of a one-word role name, lower-case as inside a sentence, or None when unsure."""
    word = name.strip()
    if not re.fullmatch(say.ONE_WORD, word) or (word[1:] != word[1:].lower()):
        return None
    word = word[0].lower() + word[1:]
    for ending, add in say.PLURAL_ENDINGS:  # by ending; the rule and its limits: texts/validation.py
        if word.endswith(ending):
            return word + add
    return None


class Role(Model):
    id: Id = field("id", "Kort nøgle for rollen, fx sagsbehandler.")
    name: ShortText = field("navn", "Rollens navn.")
    plural: ShortText | None = field(
        "flertal",
        'Rollens navn i flertal, som det står inde i en sætning, fx sagsbehandlere ("Undervisning for '
        'sagsbehandlere"). Kan udelades for navne på ét ord, der ender på -er, -ent, -ant, -ist, -or eller -ør.',
        None,
    )
    headcount: People = field("antal", "Antal personer i rollen.")
    hours_per_week: HoursPerWeek = field("timer_pr_uge", "Timer pr. uge hver person kan bruge på konverteringen.")
    hourly_cost: HourlyRate = field("timepris", "Fuld timepris i kr.")
    super_user: bool = field("superbruger", "true for superbrugere (undervisere og kontaktpersoner).", False)
    people: list[ShortText] = field("personer", "Medarbejdere eller teams i rollen (aldrig borgere).", [])
    tasks: Text | None = field("opgaver", "Hvad rollen gør i konverteringen.", None)
    phone: Phone | None = field(
        "telefon",
        "Telefonnummer, kolleger kan ringe til med spørgsmål (til superbrugere og projektleder), fx 12 34 56 78. "
        "Vises i vejledningerne og nederst på hver side.",
        None,
    )
    email: Email | None = field(
        "email",
        "E-mailadresse til spørgsmål (til superbrugere og projektleder), fx dubu@kommune.dk. "
        "Vises i vejledningerne og nederst på hver side.",
        None,
    )

    @model_validator(mode="after")
    def _plural_known(self) -> Role:
        if self.plural is None and default_plural(self.name) is None:
            raise PydanticCustomError("dansk", say.ROLE_PLURAL_UNKNOWN, {"name": self.name})
        return self

    @property
    def plural_name(self) -> str:
        """ "sagsbehandlere": the plural as it stands inside a sentence ("Undervisning for sagsbehandlere")."""
        return self.plural or default_plural(self.name) or self.name

    @property
    def in_sentence(self) -> str:
        """The role as it stands inside a sentence, agreeing with its head count: "sagsbehandlere" for 16,
        "projektleder" for one ("Undervisning for projektleder")."""
        if self.headcount == 1:
            return self.name[:1].lower() + self.name[1:] if self.name[1:2].islower() else self.name
        return self.plural_name
