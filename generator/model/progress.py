"""Progress of the conversion (fremdrift.yaml) and the go/no-go criteria (plan.yaml, ``go_no_go``).

The criteria are decided up front, so they live in plan.yaml. What happens later lives in
fremdrift.yaml beside it: the counts per counting date, the reconciliation, the control rounds and
the hand-recorded fulfilment of the manual criteria (``go_no_go``: who and when). Aggregates only:
never a child's name, case number or CPR number.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import Field

from .base import MONTH_PATTERN, Count, Date, Id, Model, Price, ShortText, SomeCases, Text, field

# --- plan.yaml: go/no-go criteria ---------------------------------------------------------------


class CriterionKind(str, Enum):
    packages_done = "arbejdspakker_faerdige"
    categories_converted = "kategorier_konverteret"
    fault_rate_below = "fejlrate_under"
    differences_explained = "forskelle_forklaret"
    manual = "manuel"


class GoNoGoCriterion(Model):
    id: Id = field("id", "Kort nøgle for kriteriet (bruges i fremdrift.yaml ved manuelle kriterier).")
    name: ShortText = field("navn", "Kriteriet, som det vises på siden, fx Alle anbringelser er konverteret.")
    kind: CriterionKind = field(
        "maal",
        "Hvordan kriteriet måles: arbejdspakker_faerdige, kategorier_konverteret, fejlrate_under, "
        "forskelle_forklaret eller manuel (afkrydses i fremdrift.yaml med hvem og hvornår).",
    )
    packages: list[Id] = field(
        "arbejdspakker", "Ved arbejdspakker_faerdige: arbejdspakkerne. Udelades: alle arbejdspakker med periode.", []
    )
    categories: list[Id] = field("kategorier", "Ved kategorier_konverteret: sagskategorierne.", [])
    activities: list[Id] = field(
        "aktiviteter",
        "Ved fejlrate_under: kontrolaktiviteterne. Ved kategorier_konverteret: kontrolaktiviteter, der skal "
        "være gennemført.",
        [],
    )
    threshold: Annotated[float, Field(gt=0, le=100)] | None = field(
        "graense_pct", "Ved fejlrate_under: højeste fejlrate i procent, fx 5.", None
    )
    description: Text | None = field("beskrivelse", "Kort forklaring.", None)


class GoNoGo(Model):
    criteria: list[GoNoGoCriterion] = field("kriterier", "Kriterierne for at gå live, besluttet på forhånd.", [])


# --- fremdrift.yaml -----------------------------------------------------------------------------


class StatusEntry(Model):
    date: Date = field("dato", "Optællingsdatoen (ÅÅÅÅ-MM-DD).")
    packages: dict[Id, Count] = field(
        "arbejdspakker", "Færdige sager i alt (akkumuleret) pr. arbejdspakke: {arbejdspakke-id: antal}.", {}
    )
    sessions: dict[Id, Count] = field(
        "hold", "Færdige sager i alt (akkumuleret) pr. hold, der konverterer: {hold-id: antal}.", {}
    )


class CategoryCount(Model):
    category: Id = field("kategori", "Sagskategori fra plan.yaml.")
    old_system: Count = field("gammelt_system", "Antal sager i det gamle system ved frysningen.")
    dubu: Count = field("dubu", "Antal sager i DUBU efter konverteringen.")


class Direction(str, Enum):
    """Which way an explanation moves DUBU's count against the old system's."""

    more_in_dubu = "flere_i_dubu"
    fewer_in_dubu = "faerre_i_dubu"


class Reason(str, Enum):
    """Known causes of a difference, each with the direction it must have (``REASON_DIRECTION``)."""

    closed_after_extraction = "lukket_efter_udtraek"
    opened_after_extraction = "oprettet_efter_udtraek"
    duplicate_in_dubu = "dublet_i_dubu"
    not_converted = "ikke_konverteret"
    other = "andet"


REASON_DIRECTION = {
    # closed in the old system after the vendor's extraction: still open in DUBU, no longer in the old system
    Reason.closed_after_extraction: Direction.more_in_dubu,
    # opened after the extraction: open in the old system, not yet in DUBU (must be created by hand)
    Reason.opened_after_extraction: Direction.fewer_in_dubu,
    Reason.duplicate_in_dubu: Direction.more_in_dubu,
    Reason.not_converted: Direction.fewer_in_dubu,
}


class Explanation(Model):
    category: Id = field("kategori", "Sagskategori fra plan.yaml.")
    count: SomeCases = field("antal", "Hvor mange sager af forskellen forklaringen dækker.")
    direction: Direction = field(
        "retning",
        "Hvilken vej forklaringen flytter antallet: flere_i_dubu (DUBU har flere end det gamle system) eller "
        "faerre_i_dubu (DUBU har færre).",
    )
    reason: Reason = field(
        "aarsag",
        "Årsagen: lukket_efter_udtraek (giver flere i DUBU), oprettet_efter_udtraek (færre i DUBU), "
        "dublet_i_dubu (flere), ikke_konverteret (færre) eller andet.",
        Reason.other,
    )
    text: Text = field("forklaring", "Forklaringen (uden navne, CPR-numre og sagsnumre).")

    @property
    def signed(self) -> int:
        """The count with its sign: + when DUBU has more, − when it has fewer."""
        return self.count if self.direction is Direction.more_in_dubu else -self.count


class FinanceMonth(Model):
    month: str = field(
        "maaned", "Måneden (ÅÅÅÅ-MM), fx den første betalingskørsel i DUBU.", pattern=rf"^{MONTH_PATTERN}$"
    )
    old_amount: Price = field("beloeb_gammelt_system", "Kr. i alt for måneden i det gamle system.")
    dubu_amount: Price = field("beloeb_dubu", "Kr. i alt for måneden i DUBU.")
    old_payments: Count = field("betalinger_gammelt_system", "Antal betalinger i måneden i det gamle system.")
    dubu_payments: Count = field("betalinger_dubu", "Antal betalinger i måneden i DUBU.")


class BasisCount(Model):
    basis: ShortText = field("grundlag", "Lovgrundlaget, fx Barnets Lov § 46 eller SEL § 52, stk. 3, nr. 7.")
    old_system: Count = field("gammelt_system", "Antal anbringelser på grundlaget i det gamle system.")
    dubu: Count = field("dubu", "Antal anbringelser på grundlaget i DUBU.")


class FinanceExplanation(Model):
    month: str | None = field("maaned", "Måneden (ÅÅÅÅ-MM), hvis forklaringen gælder et beløb eller betalinger.", None)
    basis: ShortText | None = field("grundlag", "Lovgrundlaget, hvis forklaringen gælder anbringelser.", None)
    amount: Price = field("beloeb", "Hvor mange kr. af forskellen forklaringen dækker.", 0)
    payments: Count = field("betalinger", "Hvor mange betalinger af forskellen forklaringen dækker.", 0)
    count: Count = field("antal", "Hvor mange anbringelser af forskellen forklaringen dækker.", 0)
    text: Text = field("forklaring", "Forklaringen (uden navne, CPR-numre og sagsnumre).")


class FinanceReconciliation(Model):
    months: list[FinanceMonth] = field("maaneder", "Beløb og antal betalinger pr. måned før og efter.", [])
    bases: list[BasisCount] = field("anbringelser", "Anbringelser pr. lovgrundlag før og efter.", [])
    explanations: list[FinanceExplanation] = field("forklaringer", "Forklaringer på forskelle.", [])
    signed_by: ShortText | None = field("godkendt_af", "Hvem i økonomi der har godkendt afstemningen (rolle).", None)
    signed_on: Date | None = field("godkendt_dato", "Hvornår økonomi godkendte afstemningen.", None)


class Reconciliation(Model):
    date: Date | None = field("dato", "Datoen for afstemningen.", None)
    categories: list[CategoryCount] = field("kategorier", "Antal før og efter pr. sagskategori.", [])
    explanations: list[Explanation] = field("forklaringer", "Forklaringer på forskelle.", [])
    finance: FinanceReconciliation | None = field(
        "oekonomi", "Økonomiafstemning: beløb og betalinger pr. måned og anbringelser pr. lovgrundlag.", None
    )


class ControlRoute(str, Enum):
    """How a part of a control round picks its cases: every case of a category, or a random sample."""

    census = "alle_sager"
    sample = "stikproeve"


class RouteCount(Model):
    route: ControlRoute = field(
        "rute", "alle_sager (alle sager i kategorierne under vejledning.kontrol.alle_sager_i) eller stikproeve."
    )
    checked: SomeCases = field("kontrolleret", "Antal kontrollerede sager på denne rute.")
    faults: Count = field("fejl", "Antal sager med fejl på denne rute.")


class ControlRound(Model):
    activity: Id = field("aktivitet", "Kontrolaktiviteten fra plan.yaml (aktiviteter).")
    sample: SomeCases = field("stikproeve", "Antal kontrollerede sager i alt.")
    faults: Count = field("fejl", "Antal sager med fejl i alt.")
    date: Date | None = field("dato", "Dato for kontrollen.", None)
    routes: list[RouteCount] = field(
        "ruter",
        "Runden delt pr. rute, så alle sager i en kategori og stikprøven holdes adskilt: "
        "[{rute: alle_sager, kontrolleret: 110, fejl: 3}, {rute: stikproeve, kontrolleret: 28, fejl: 1}]. "
        "Tilsammen skal de give stikproeve og fejl.",
        [],
    )


class ManualCheck(Model):
    criterion: Id = field("kriterie", "Et manuelt go/no-go-kriterie fra plan.yaml.")
    met: bool = field("opfyldt", "true, når kriteriet er opfyldt.")
    by: ShortText = field("af", "Hvem der har tjekket (rolle eller medarbejder, aldrig en borger).")
    date: Date = field("dato", "Hvornår det blev tjekket.")


class StepDone(Model):
    step: Id = field("trin", "Trin-id fra siden Go-live > Overgangsplan, fx udtraek eller foerste_betalingskoersel.")
    by: ShortText = field("af", "Hvem der har udført trinnet (rolle eller medarbejder, aldrig en borger).")
    date: Date = field("dato", "Hvornår trinnet blev udført.")


class Progress(Model):
    """Fremdrift for KLIK-opgaven "Konverter sager": optællinger, afstemning og kontrol."""

    status: list[StatusEntry] = field("status", "Optællinger: én pr. dato, med akkumulerede antal.", [])
    reconciliation: Reconciliation = field("afstemning", "Afstemning af antal før og efter.", Reconciliation())
    controls: list[ControlRound] = field("kontrolrunder", "Kontrolrunder: stikprøve og fejl.", [])
    checks: list[ManualCheck] = field("go_no_go", "Manuelle go/no-go-kriterier, krydset af med hvem og hvornår.", [])
    cut_over: list[StepDone] = field("overgang", "Udførte trin i overgangen til DUBU, med hvem og hvornår.", [])

    def dates(self) -> list[dt.date]:
        """Every date the file gives: counts, reconciliation, control rounds, go/no-go checks, cut-over steps.
        The latest is the file's "today" (go/no-go rests on it; the days until go-live count from it)."""
        found = [
            *(e.date for e in self.status),
            self.reconciliation.date,
            *(r.date for r in self.controls),
            *(c.date for c in self.checks),
            *(x.date for x in self.cut_over),
        ]
        return [d for d in found if d]

    @property
    def data_date(self) -> dt.date | None:
        """The file's "today": its latest date. Go/no-go rests on it, and the days until go-live count from
        it on every page (never the wall clock)."""
        return max(self.dates(), default=None)
