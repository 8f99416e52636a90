"""Roles: who converts, how many, how many hours, at what cost."""

from __future__ import annotations

import re

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .base import HourlyRate, HoursPerWeek, Id, Model, People, ShortText, Text, field

# Plural of a one-word Danish role noun, by its ending (the nouns roles are named with):
# sagsbehandler -> sagsbehandlere, superbruger -> superbrugere, konsulent -> konsulenter,
# praktikant -> praktikanter, jurist -> jurister, koordinator -> koordinatorer, chauffør -> chauffører.
# Anything else (two or more words, "Faglig leder" -> "faglige ledere"; other endings) cannot be bent
# safely by rule, so the plan must say it with "flertal".
_PLURAL_ENDINGS = (("er", "e"), ("ent", "er"), ("ant", "er"), ("ist", "er"), ("or", "er"), ("ør", "er"))


def default_plural(name: str) -> str | None:
    """The plural of a one-word role name, lower-case as inside a sentence, or None when unsure."""
    word = name.strip()
    if not re.fullmatch(r"[A-ZÆØÅa-zæøå]+", word) or (word[1:] != word[1:].lower()):
        return None
    word = word[0].lower() + word[1:]
    for ending, add in _PLURAL_ENDINGS:
        if word.endswith(ending):
            return word + add
    return None


class Role(Model):
    id: Id = field("id", "Kort nøgle for rollen, fx sagsbehandler.")
    name: ShortText = field("navn", "Rollens navn.")
    plural: ShortText | None = field(
        "flertal",
        "Rollens navn i flertal, som det står inde i en sætning, fx sagsbehandlere (\"Undervisning for "
        "sagsbehandlere\"). Kan udelades for navne på ét ord, der ender på -er, -ent, -ant, -ist, -or eller -ør.",
        None)
    headcount: People = field("antal", "Antal personer i rollen.")
    hours_per_week: HoursPerWeek = field("timer_pr_uge", "Timer pr. uge hver person kan bruge på konverteringen.")
    hourly_cost: HourlyRate = field("timepris", "Fuld timepris i kr.")
    super_user: bool = field("superbruger", "true for superbrugere (undervisere og kontaktpersoner).", False)
    people: list[ShortText] = field("personer", "Medarbejdere eller teams i rollen (aldrig borgere).", [])
    tasks: Text | None = field("opgaver", "Hvad rollen gør i konverteringen.", None)

    @model_validator(mode="after")
    def _plural_known(self) -> "Role":
        if self.plural is None and default_plural(self.name) is None:
            raise PydanticCustomError(
                "dansk",
                'generatoren kan ikke selv sætte rollens navn "{name}" i flertal. Tilføj nøglen "flertal" '
                'med navnet i flertal, som det skal stå inde i en sætning, fx flertal: faglige ledere.',
                {"name": self.name})
        return self

    @property
    def plural_name(self) -> str:
        """"sagsbehandlere": the plural as it stands inside a sentence ("Undervisning for sagsbehandlere")."""
        return self.plural or default_plural(self.name) or self.name
