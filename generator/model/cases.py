"""Case scope (sagskategorier) and minimum information (feltgrupper, felter)."""

from __future__ import annotations

from enum import Enum

from .base import Count, Date, Id, Minutes, Model, ShortText, Text, field


class CaseStatus(str, Enum):
    open = "aaben"
    closed = "lukket"


class Route(str, Enum):
    automatic = "automatisk"
    manual = "manuel"
    not_converted = "ikke_konverteres"


class CaseCategory(Model):
    id: Id = field("id", "Kort nøgle, som andre afsnit henviser til, fx aabne_anbringelser.")
    name: ShortText = field("navn", "Kategoriens navn, som det vises på siden.")
    status: CaseStatus = field("status", "aaben (aktive sager) eller lukket (passive sager).")
    area: ShortText = field("omraade", "Område, fx Forebyggelse, Anbringelse, Myndighed.")
    count: Count = field("antal", "Antal sager i kategorien (kun samlet antal, aldrig enkeltsager).")
    route: Route = field(
        "rute", "Hvordan kategorien konverteres: automatisk (Netcompany), manuel eller ikke_konverteres."
    )
    description: Text | None = field("beskrivelse", "Kort forklaring.", None)
    readable_in: ShortText | None = field(
        "laesbar_i", "Hvor sagerne kan læses, når de ikke konverteres (kræves ved ikke_konverteres).", None
    )
    readable_until: Date | None = field(
        "laesbar_til", "Hvor længe sagerne kan læses dér (kræves ved ikke_konverteres).", None
    )

    @property
    def converted(self) -> bool:
        return self.route is not Route.not_converted


class Stakeholder(str, Enum):
    caseworker = "sagsbehandler"
    management = "ledelse"
    finance = "oekonomi"
    statistics = "danmarks_statistik"


class Timing(str, Enum):
    go_live = "go_live"
    first_follow_up = "foerste_opfoelgning"


class Field_(Model):
    id: Id = field("id", "Kort nøgle for feltet.")
    name: ShortText = field("navn", "Feltets navn, som det vises på siden.")
    needs: list[Stakeholder] = field(
        "behov", "Hvem har brug for feltet: sagsbehandler, ledelse, oekonomi, danmarks_statistik.", min_length=1
    )
    minutes: Minutes = field("minutter", "Skønnet antal minutter pr. sag ved manuel indtastning.")
    automatic: bool = field(
        "automatisk", "true, hvis Netcompanys delvise automatiske konvertering dækker feltet.", False
    )
    categories: list[Id] | None = field(
        "kategorier", "Sagskategorier feltet gælder for. Udelades, hvis det gælder alle konverterede sager.", None
    )
    role: Id | None = field("rolle", "Rolle, der indtaster feltet, hvis det er en anden end feltgruppens.", None)
    timing: Timing | None = field(
        "tidspunkt", "go_live eller foerste_opfoelgning, hvis det er et andet end feltgruppens.", None
    )


class FieldGroup(Model):
    id: Id = field("id", "Kort nøgle for feltgruppen.")
    name: ShortText = field("navn", "Feltgruppens navn.")
    role: Id = field("rolle", "Rolle, der indtaster feltgruppen ved manuel konvertering.")
    timing: Timing = field("tidspunkt", "go_live (skal være i DUBU ved go-live) eller foerste_opfoelgning.")
    fields: list[Field_] = field("felter", "Felterne i gruppen.", min_length=1)


class MinimumInformation(Model):
    settled_on: Date | None = field("afklaret_dato", "Dato hvor minimumsoplysningerne blev afklaret.", None)
    participants: list[ShortText] = field(
        "deltagere", "Hvem var med til at afklare (roller, ikke navne på borgere).", []
    )
    groups: list[FieldGroup] = field("feltgrupper", "Feltgrupper i den rækkefølge, de indtastes.", min_length=1)
