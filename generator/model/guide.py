"""Step-by-step guide: where and what to check per field group, and free steps per role."""

from __future__ import annotations

from .base import Id, Minutes, Model, Percent, ShortText, Text, field


class StepExtras(Model):
    """What every step may have: a screenshot and what to do when something does not fit."""

    image: ShortText | None = field(
        "billede", "Skærmbillede: sti til et billede under docs/, fx billeder/opret-sag.png.", None
    )
    image_text: ShortText | None = field(
        "billedtekst", "Hvad skærmbilledet viser (vises for skærmlæsere og under billedet).", None
    )
    if_not: Text | None = field(
        "hvis_noget_ikke_passer",
        "Hvad man gør, når noget ikke passer. Udelades, står der: spørg en superbruger.",
        None,
    )


class GroupGuide(StepExtras):
    where: ShortText = field("hvor", 'Hvor i DUBU feltgruppen indtastes, fx "DUBU: Sag > Indsatser".')
    check: Text = field("tjek", 'Kvalitetstjek, skrevet så det kan stå efter "Tjek", fx "at beløbet stemmer".')
    text: Text | None = field("tekst", "Hvad man gør: en kort forklaring ud over felterne.", None)


class FreeStep(StepExtras):
    title: ShortText = field("titel", "Trinets titel, fx Find sagen i SBSYS.")
    text: Text = field("tekst", "Hvad man gør.")
    where: ShortText | None = field("hvor", "Hvor man gør det, fx SBSYS eller DUBU: Sag.", None)
    minutes: Minutes = field("minutter", "Minutter trinet tager.", 0)
    check: Text | None = field("tjek", 'Kvalitetstjek, skrevet så det kan stå efter "Tjek".', None)


class RoleGuide(Model):
    before: list[FreeStep] = field("foer", "Trin før feltgrupperne (fx åbn sagen i det gamle system).", [])
    after: list[FreeStep] = field("efter", "Trin efter feltgrupperne (fx giv sagen videre).", [])


class ControlGuide(Model):
    sample_percent: Percent = field(
        "stikproeve_procent", "Hvor stor en del af leverandørens sager kontrolrunderne tjekker (procent).", 10
    )
    full_categories: list[Id] = field(
        "alle_sager_i", "Sagskategorier, hvor kontrolrunderne tjekker alle sager, fx aabne_anbringelser.", []
    )
    record_faults: ShortText = field(
        "fejl_registreres_i", "Hvor en fejl skrives ned, fx fejllisten i projektets Teams-kanal."
    )
    rounds: list[Id] = field("kontrolrunder", "Aktiviteterne (id), der er kontrolrunder.", [])


class Guide(Model):
    groups: dict[Id, GroupGuide] = field("feltgrupper", "Vejledning for hver feltgruppe (nøgle = feltgruppens id).", {})
    roles: dict[Id, RoleGuide] = field("roller", "Ekstra trin for hver rolle (nøgle = rollens id).", {})
    control: ControlGuide | None = field(
        "kontrol",
        "Kontrol af leverandørens konverterede sager: stikprøve, sager der tjekkes alle, hvor fejl skrives.",
        None,
    )
