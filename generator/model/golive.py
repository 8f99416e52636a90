"""Go-live: the cut-over (overgang), the deadlines after go-live (efter_go_live) and the scope decisions
(omfang). Dates the plan states elsewhere (go-live, the freeze, access to DUBU, the vendor's delivery, how
long closed cases stay readable) are read from there, never typed here again."""

from __future__ import annotations

from enum import Enum

from .base import Count, Date, Id, Minutes, Model, ShortText, Text, field


class Payments(Model):
    date: Date | None = field(
        "dato", "Dagen, hvor betalingerne flytter fra det gamle system til DUBU. Udelades: go-live-dagen.", None
    )
    first_run: Date | None = field(
        "foerste_koersel", "Dagen for den første betalingskørsel i DUBU. Udelades: samme dag som flytningen.", None
    )
    owner: Id | None = field("ansvarlig", "Rolle, der flytter betalingerne og tjekker den første kørsel.", None)


class Statistics(Model):
    date: Date | None = field(
        "dato", "Dagen, hvor indberetningen til Danmarks Statistik flytter til DUBU. Udelades: go-live-dagen.", None
    )
    owner: Id | None = field("ansvarlig", "Rolle, der tjekker indberetningen.", None)
    back_dated: Text = field(
        "bagudrettede",
        "Hvordan bagudrettede (konverterede) sager holdes ude af en ny indberetning, så intet barn indberettes to "
        "gange, fx at startdatoen er den oprindelige, og at DST-oplysningerne tjekkes før flytningen.",
    )


class Notifications(Model):
    owner: Id = field("ansvarlig", "Rolle, der tager imod og vurderer nye underretninger under frysningen.")
    handling: Text = field(
        "haandtering",
        "Hvordan nye underretninger håndteres under frysningen (fristen for at vurdere dem løber stadig), "
        "og hvornår de kommer ind i DUBU.",
    )


class ReadAccess(Model):
    open_until: Date = field(
        "aabne_sager_til",
        "Hvor længe konverterede åbne sager kan læses i det gamle system (aktindsigt, klager). Lukkede sager, der "
        "ikke konverteres, følger laesbar_til under sagskategorier.",
    )
    owner: Id | None = field("ansvarlig", "Rolle, der sørger for læseadgangen.", None)
    how: ShortText | None = field("hvordan", "Hvordan medarbejderne får læseadgang, fx en læserolle i SBSYS.", None)


class Archive(Model):
    date: Date = field(
        "dato", "Dagen, hvor arkiveringsversionen af de lukkede sager, der ikke konverteres, afleveres (ÅÅÅÅ-MM-DD)."
    )
    owner: Id | None = field("ansvarlig", "Rolle, der afleverer arkiveringsversionen.", None)
    retention: Text = field(
        "opbevaring",
        "Hvor arkiveringsversionen afleveres, og hvordan sagerne opbevares og slettes (fx efter aftale "
        "med Rigsarkivet).",
    )


class GoNoGoMeeting(Model):
    date: Date = field("dato", "Dagen for go/no-go-mødet (før go-live).")
    decided_by: ShortText = field("beslutter", "Hvem der beslutter på mødet, fx styregruppen.")
    owner: Id | None = field("ansvarlig", "Rolle, der forbereder mødet.", None)
    no_go: Text = field(
        "ved_no_go",
        "Hvad et no-go betyder: ny dato, hvad der bliver i det gamle system, og hvem der beslutter.",
    )


class OwnStep(Model):
    id: Id = field("id", "Kort nøgle for trinnet (bruges i fremdrift.yaml, når trinnet er udført).")
    date: Date = field("dato", "Dagen for trinnet.")
    title: ShortText = field("titel", "Hvad der sker.")
    owner: Id = field("ansvarlig", "Rolle, der udfører trinnet.")
    check: Text = field("tjek", 'Hvad der tjekkes, skrevet så det kan stå efter "Tjek".')


class CutOver(Model):
    """Overgangen fra det gamle system til DUBU: de daterede trin omkring go-live."""

    owner: Id = field("ansvarlig", "Rolle, der ejer overgangen og de trin, der ikke har deres egen ansvarlige.")
    test_conversion: Date | None = field(
        "testkonvertering", "Dagen for leverandørens testkonvertering (før udtrækket).", None
    )
    extraction: Date | None = field(
        "udtraek", "Dagen for leverandørens udtræk fra det gamle system (efter testkonverteringen).", None
    )
    go_no_go: GoNoGoMeeting | None = field("go_no_go_moede", "Go/no-go-mødet, og hvad et no-go betyder.", None)
    notifications: Notifications | None = field(
        "underretninger", "Nye underretninger under frysningen: hvem, og hvordan.", None
    )
    payments: Payments | None = field("betalinger", "Hvornår betalingerne flytter til DUBU.", None)
    statistics: Statistics | None = field(
        "danmarks_statistik", "Hvornår indberetningen til Danmarks Statistik flytter til DUBU.", None
    )
    read_access: ReadAccess | None = field("laeseadgang", "Læseadgang til det gamle system efter go-live.", None)
    archive: Archive | None = field("arkivering", "Arkiveringsversion af lukkede sager, der ikke konverteres.", None)
    steps: list[OwnStep] = field("trin", "Egne trin ud over de faste.", [])


class DeadlineKind(str, Enum):
    investigation = "undersoegelse"
    first_follow_up = "foerste_opfoelgning"
    plan_revision = "barnets_plan"
    placement_review = "revurdering_anbringelse"


class Deadline(Model):
    kind: DeadlineKind = field(
        "frist",
        "undersoegelse (4-månedersfristen, Barnets Lov § 20), foerste_opfoelgning (antallet læses fra "
        "foerste_opfoelgninger), barnets_plan (planer, der skal revideres) eller revurdering_anbringelse.",
    )
    category: Id | None = field("kategori", "Sagskategorien, fristerne hører til, fx aabne_undersoegelser.", None)
    role: Id = field("rolle", "Rolle, der gør arbejdet.")
    minutes: Minutes = field(
        "minutter", "Minutter pr. sag, som fristen kræver i DUBU i de første måneder (ANTAGELSE, jeres eget skøn)."
    )
    counts: dict[str, Count] = field(
        "antal",
        "Antal sager, hvis frist falder i måneden (nøgle ÅÅÅÅ-MM), kun samlede antal. Udelades ved "
        "foerste_opfoelgning.",
        {},
    )


class AfterGoLive(Model):
    deadlines: list[Deadline] = field("frister", "Frister, der falder i de første tre måneder efter go-live.", [])


class ScopeDecision(Model):
    category: Id | None = field(
        "kategori", "Sagskategorien, sagerne tælles med i. Udelades, når de ikke konverteres.", None
    )
    decision: Text = field("beslutning", "Hvad der er besluttet om sagerne, og hvem der gør hvad.")


class Scope(Model):
    """Sagsomfang uden huller: sager, der let bliver glemt, og hver sag talt én gang."""

    notifications: ScopeDecision | None = field(
        "underretninger_under_vurdering", "Underretninger, der stadig vurderes, når frysningen begynder.", None
    )
    preliminary: ScopeDecision | None = field("afdaekninger", "Afdækninger (Barnets Lov § 19).", None)
    precedence: list[Id] = field(
        "raekkefoelge",
        "De åbne sagskategorier i den rækkefølge, en sag tælles i: en sag, der passer i to, tælles kun i den første.",
        [],
    )
    open_total: Count | None = field(
        "aabne_sager_i_alt",
        "Antal åbne sager i det gamle system, hver sag talt én gang (til tjek af kategorierne).",
        None,
    )
