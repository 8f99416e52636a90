"""Who the plan is for, and the KLIK task it solves."""

from __future__ import annotations

from enum import Enum

from .base import Date, Hours, Id, Model, Period, ShortText, WebAddress, field


class Municipality(Model):
    name: ShortText = field("navn", "Kommunens navn, fx Korsbæk Kommune.")
    cvr: str | None = field("cvr", "Kommunens CVR-nummer (8 cifre).", None, pattern=r"^\d{8}$")
    old_system: ShortText = field("gammelt_system", "Det nuværende sags- og dokumentsystem (ESDH), fx SBSYS.")
    department: ShortText | None = field("forvaltning", "Forvaltning eller afdeling.", None)
    accessibility_statement: WebAddress | None = field(
        "tilgaengelighedserklaering", "Webadresse på kommunens tilgængelighedserklæring (vises i sidefoden).", None
    )


class TaskStatus(str, Enum):
    not_started = "ikke_startet"
    in_progress = "i_gang"
    completed = "fuldfoert"


class KlikTask(Model):
    title: ShortText = field("titel", "KLIK-opgavens titel.")
    project: ShortText = field("projekt", "Projekt, fx DUBU 3.0.")
    phase: ShortText = field("fase", "Fase, fx Fase 2: Forberedelse.")
    theme: ShortText = field("tema", "Tema, fx Ud- og indfasning.")
    status: TaskStatus = field(
        "status", "Opgavens status: ikke_startet, i_gang eller fuldfoert (kun når alle trin er løst)."
    )
    owner: ShortText | None = field("ansvarlig", "Hvem der ejer opgaven.", None)
    follow_up_tasks: list[ShortText] = field("foelgeopgaver", "Relaterede KLIK-opgaver.", [])
    updated: Date | None = field(
        "opdateret",
        'Dato for planens seneste ændring (ÅÅÅÅ-MM-DD). Vises nederst på hver side som "Sidst ændret". '
        "Udelades: den seneste optællingsdato i fremdrift.yaml, ellers beslutningens dato.",
        None,
    )


class Reentry(Model):
    role: Id = field("rolle", "Rolle, der indtaster ændringerne fra det gamle system i DUBU.")
    hours: Hours = field(
        "timer",
        "Timer i alt til at indtaste ændringerne igen: alle ændringer i det gamle system fra den dag, en sag "
        "konverteres, til go-live (ikke kun dem i frysningen).",
    )
    start: Date | None = field("fra", "Første dag for arbejdet. Udelades: frysningens første dag.", None)
    end: Date | None = field("til", "Sidste dag. Udelades: dagen før go-live.", None)


class Freeze(Period):
    reentry: list[Reentry] = field(
        "genindtastning",
        "Timer til at indtaste ændringer, der er lavet i det gamle system, efter at sagen blev konverteret "
        "(også ændringerne i frysningsloggen). Kræves, når der konverteres før frysningen.",
        [],
    )


class Project(Model):
    go_live: Date = field("go_live", "Datoen hvor DUBU tages i brug.")
    dubu_access: Date | None = field("adgang_til_dubu", "Første dag med adgang til DUBU.", None)
    freeze: Freeze | None = field("frysning", "Frysningsperiode i det gamle system før go-live.", None)
