"""The whole plan: the root of plan.yaml."""

from __future__ import annotations

from .base import Count, Model, ShortText, Text, field
from .cases import CaseCategory, MinimumInformation
from .decision import ConversionForm, VendorOffer
from .golive import AfterGoLive, CutOver, Scope
from .guide import Guide
from .municipality import KlikTask, Municipality, Project
from .progress import GoNoGo
from .roles import Role
from .schedule import Activity, Calendar, Milestone, WorkPackage
from .training import Training


class GlossaryTerm(Model):
    term: ShortText = field("term", "Ordet, som det står i teksten.")
    explanation: Text = field("forklaring", "Forklaringen, som vises i ordlisten og som værktøjstip.")


class Plan(Model):
    """Konverteringsplan for KLIK-opgaven "Planlæg konvertering af sager"."""

    municipality: Municipality = field("kommune", "Kommunen.")
    task: KlikTask = field("klik_opgave", "KLIK-opgaven og dens status.")
    project: Project = field("projekt", "Go-live og frysning.")
    categories: list[CaseCategory] = field("sagskategorier", "Sagskategorier med antal og rute.", min_length=1)
    minimum: MinimumInformation = field("minimumsoplysninger", "Minimumsoplysninger (metodens trin 1).")
    roles: list[Role] = field("roller", "Roller.", min_length=1)
    conversion: ConversionForm = field("konverteringsform", "Konverteringsform (metodens trin 2).")
    vendor_offer: VendorOffer | None = field("leverandoertilbud", "Netcompanys tilbud (eller et skøn).", None)
    milestones: list[Milestone] = field("milepaele", "Milepæle.", [])
    activities: list[Activity] = field("aktiviteter", "Aktiviteter.", [])
    work_packages: list[WorkPackage] = field("arbejdspakker", "Hvem konverterer hvad hvornår.", [])
    first_follow_ups: dict[str, Count] = field(
        "foerste_opfoelgninger", "Antal sager, hvis første opfølgning falder i måneden (nøgle ÅÅÅÅ-MM).", {}
    )
    calendar: Calendar = field("kalender", "Fridage og fravær.", Calendar())
    training: Training = field("undervisning", "Undervisningsplan.", Training())
    guide: Guide = field("vejledning", "Trin-for-trin-vejledning.", Guide())
    glossary: list[GlossaryTerm] = field("ordliste", "Ordliste; ordene vises også som værktøjstip.", [])
    go_no_go: GoNoGo | None = field("go_no_go", "Kriterier for at gå live (måles ud fra fremdrift.yaml).", None)
    cut_over: CutOver | None = field(
        "overgang", "Go-live: overgangen fra det gamle system til DUBU, trin for trin.", None
    )
    after_go_live: AfterGoLive | None = field(
        "efter_go_live", "Frister, der falder i de første tre måneder efter go-live (samlede antal).", None
    )
    scope: Scope | None = field("omfang", "Sagsomfang uden huller: glemte sagstyper og rækkefølgen for at tælle.", None)

    # Lookups by id, written once (computed when asked: the plan may be copied with other lists)
    @property
    def roles_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @property
    def role_names(self) -> dict[str, str]:
        """Role id → its name ("Sagsbehandler")."""
        return {r.id: r.name for r in self.roles}

    @property
    def hourly_rates(self) -> dict[str, float]:
        """Role id → kr. per hour."""
        return {r.id: r.hourly_cost for r in self.roles}

    @property
    def categories_by_id(self) -> dict[str, CaseCategory]:
        return {c.id: c for c in self.categories}

    @property
    def category_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.categories}
