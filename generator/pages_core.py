"""Pages about the decision and the plan: forside, sagsomfang, minimumsoplysninger, konverteringsform,
roller, tids- og ressourceplan, ordliste."""

from __future__ import annotations

from collections import defaultdict

from .analysis import Figures
from .model import Plan
from .model.cases import CaseStatus, Stakeholder, Timing

STAKEHOLDERS = {
    Stakeholder.caseworker: "Sagsbehandler",
    Stakeholder.management: "Ledelse",
    Stakeholder.finance: "Økonomi",
    Stakeholder.statistics: "Danmarks Statistik",
}
TIMINGS = {Timing.go_live: "Ved go-live", Timing.first_follow_up: "Ved første opfølgning"}
ROUTES = {"automatisk": "Delvis automatisk (Netcompany)", "manuel": "Manuel", "ikke_konverteres": "Konverteres ikke"}


def home(plan: Plan, figures: Figures, out) -> None:
    options = {o.id: o for o in plan.conversion.options}
    chosen = options.get(plan.conversion.decision.chosen) if plan.conversion.decision else None
    out.add("index.md", "Forside", "index.md.j2", plan=plan, figures=figures, chosen=chosen)


def scope(plan: Plan, figures: Figures, out) -> None:
    by_status = {s: [c for c in plan.categories if c.status is s] for s in CaseStatus}
    out.add("sagsomfang.md", "Sagsomfang", "sagsomfang.md.j2", section="Beslutning",
            plan=plan, figures=figures, by_status=by_status, routes=ROUTES)


def minimum(plan: Plan, figures: Figures, out) -> None:
    groups = defaultdict(list)
    for row in figures.field_rows:
        groups[row.group.id].append(row)
    out.add("minimumsoplysninger.md", "Minimumsoplysninger", "minimumsoplysninger.md.j2", section="Beslutning",
            plan=plan, figures=figures, groups=groups, stakeholders=STAKEHOLDERS, timings=TIMINGS,
            statistics=Stakeholder.statistics, first_follow_up=Timing.first_follow_up)


def conversion(plan: Plan, figures: Figures, out) -> None:
    options = {o.id: o for o in plan.conversion.options}
    chosen = options.get(plan.conversion.decision.chosen) if plan.conversion.decision else None
    out.add("konverteringsform.md", "Konverteringsform", "konverteringsform.md.j2", section="Beslutning",
            plan=plan, figures=figures, chosen=chosen)


def roles(plan: Plan, figures: Figures, out) -> None:
    groups = {g.id: g for g in plan.minimum.groups}
    cats = {c.id: c for c in plan.categories}
    out.add("roller.md", "Roller og ansvar", "roller.md.j2", section="Plan",
            plan=plan, figures=figures, groups=groups, cats=cats)


def schedule(plan: Plan, figures: Figures, out) -> None:
    roles = {r.id: r for r in plan.roles}
    milestones = {m.id: m for m in plan.milestones}
    out.add("tidsplan.md", "Tids- og ressourceplan", "tidsplan.md.j2", section="Plan",
            plan=plan, figures=figures, roles=roles, milestones=milestones)


def glossary(plan: Plan, figures: Figures, out) -> None:
    terms = sorted(plan.glossary, key=lambda t: t.term.lower())
    out.add("ordliste.md", "Ordliste", "ordliste.md.j2", plan=plan, terms=terms)


BUILDERS = [home, scope, minimum, conversion, roles, schedule]
LAST = [glossary]
