"""Conversion form: options, criteria, scores, the recorded decision and the vendor offer."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from .base import Date, Id, Minutes, Model, Price, ShortText, Text, field


class OptionKind(str, Enum):
    automatic = "automatisk"
    manual = "manuel"
    mixed = "blandet"


class Option(Model):
    id: Id = field("id", "Kort nøgle for muligheden.")
    name: ShortText = field("navn", "Navn på muligheden.")
    kind: OptionKind = field("type", "automatisk, manuel eller blandet (blandet følger ruten for hver sagskategori).")
    description: Text | None = field("beskrivelse", "Kort forklaring.", None)
    roles: dict[Id, Id] = field(
        "roller",
        "Hvilken rolle der indtaster hvilken feltgruppe ved denne mulighed (feltgruppe: rolle). En feltgruppe, "
        "der ikke står her, indtastes af den rolle, feltgruppen (eller feltet) selv nævner. Den valgte mulighed "
        "regnes ud fra arbejdspakkerne.",
        {},
    )


class Criterion(Model):
    id: Id = field("id", "Kort nøgle, fx oekonomi.")
    name: ShortText = field("navn", "Kriteriets navn.")
    weight: Annotated[int, Field(ge=0, le=100)] = field("vaegt", "Vægt i procent; alle vægte skal give 100 tilsammen.")
    price: bool = field(
        "pris",
        "true, når kriteriet er prisen: så skal den billigere mulighed have mindst lige så mange point "
        "som den dyrere (pointene tjekkes mod de udregnede priser).",
        False,
    )


class Decision(Model):
    chosen: Id = field("valgt", "Id på den valgte mulighed.")
    date: Date = field("dato", "Hvornår beslutningen blev truffet.")
    decided_by: ShortText = field("besluttet_af", "Hvem traf beslutningen, fx styregruppen.")
    rationale: Text = field("begrundelse", "Hvorfor.")


Score = Annotated[int, Field(ge=1, le=5)]


class ConversionForm(Model):
    options: list[Option] = field("muligheder", "Mulighederne, der er overvejet.", min_length=1)
    criteria: list[Criterion] = field("kriterier", "Kriterierne (økonomi, effektivitet, datakvalitet).", min_length=1)
    scores: dict[Id, dict[Id, Score]] = field(
        "vurdering", "Point 1–5 for hver mulighed (nøgle) og hvert kriterium (nøgle).", {}
    )
    decision: Decision | None = field("beslutning", "Den trufne beslutning; udelades indtil den er truffet.", None)


class InternalEffort(Model):
    role: Id = field("rolle", "Rolle, der kontrollerer og retter.")
    minutes_per_case: Minutes = field("minutter_pr_sag", "Minutter pr. automatisk konverteret sag.")
    start: Date | None = field(
        "fra", "Første dag for kontrollen. Udelades: fra leveringsdatoen (eller 4 uger før go-live).", None
    )
    end: Date | None = field("til", "Sidste dag for kontrollen. Udelades: dagen før go-live.", None)


class VendorOffer(Model):
    vendor: ShortText = field("leverandoer", "Leverandøren, fx Netcompany.")
    assumed: bool = field("antaget", "true, når prisen er et skøn og ikke et faktisk tilbud.", True)
    fixed_price: Price = field("fast_pris", "Fast pris i kr.", 0)
    price_per_case: Price = field("pris_pr_sag", "Pris pr. sag i kr.", 0)
    delivery: Date | None = field("levering", "Hvornår de automatisk konverterede sager leveres.", None)
    internal_effort: list[InternalEffort] = field(
        "intern_indsats", "Kommunens egen kontrol og rettelse pr. automatisk konverteret sag.", []
    )
