"""Step-by-step guide: where and what to check per field group, and free steps per role."""

from __future__ import annotations

from pydantic import NonNegativeFloat

from .base import Id, Model, ShortText, Text, field


class GroupGuide(Model):
    where: ShortText = field("hvor", "Hvor i DUBU feltgruppen indtastes.")
    check: Text = field("tjek", 'Kvalitetstjek, skrevet så det kan stå efter "Tjek".')
    text: Text | None = field("tekst", "Ekstra forklaring.", None)
    image: ShortText | None = field("billede", "Skærmbillede: sti til et billede under docs/.", None)


class FreeStep(Model):
    title: ShortText = field("titel", "Trinets titel.")
    text: Text = field("tekst", "Hvad man gør.")
    minutes: NonNegativeFloat = field("minutter", "Minutter trinet tager.", 0)
    check: Text | None = field("tjek", "Kvalitetstjek.", None)
    image: ShortText | None = field("billede", "Skærmbillede: sti til et billede under docs/.", None)


class RoleGuide(Model):
    before: list[FreeStep] = field("foer", "Trin før feltgrupperne.", [])
    after: list[FreeStep] = field("efter", "Trin efter feltgrupperne.", [])


class Guide(Model):
    groups: dict[Id, GroupGuide] = field("feltgrupper", "Vejledning for hver feltgruppe (nøgle = feltgruppens id).", {})
    roles: dict[Id, RoleGuide] = field("roller", "Ekstra trin for hver rolle (nøgle = rollens id).", {})
