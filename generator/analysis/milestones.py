"""Milestones: the ones the plan states elsewhere are derived, never typed twice.

Go-live (``projekt.go_live``), the start of the freeze (``projekt.frysning.fra``), access to DUBU
(``projekt.adgang_til_dubu``), the vendor's delivery (``leverandoertilbud.levering``) and the decision
(``konverteringsform.beslutning.dato``) are milestones with fixed ids. ``milepaele`` holds only the
others; a milestone there with one of these ids is an error (rules/references.py), so moving
go-live moves every page, chart and deadline with it.
"""

from __future__ import annotations

from ..model import Plan
from ..model.schedule import Milestone
from ..texts import site as texts

GO_LIVE, FREEZE, ACCESS, DELIVERY, DECISION = "go_live", "frysning", "adgang_dubu", "levering", "beslutning"

# id → where the date comes from (plan.yaml key path), for messages
SOURCES = {
    GO_LIVE: "projekt.go_live",
    FREEZE: "projekt.frysning.fra",
    ACCESS: "projekt.adgang_til_dubu",
    DELIVERY: "leverandoertilbud.levering",
    DECISION: "konverteringsform.beslutning.dato",
}


def derived(plan: Plan) -> list[Milestone]:
    p = plan.project
    out = [Milestone.model_construct(id=GO_LIVE, name=texts.MILESTONE_GO_LIVE, date=p.go_live)]
    if p.freeze:
        out.append(
            Milestone.model_construct(
                id=FREEZE, name=texts.MILESTONE_FREEZE.format(system=plan.municipality.old_system), date=p.freeze.start
            )
        )
    if p.dubu_access:
        out.append(Milestone.model_construct(id=ACCESS, name=texts.MILESTONE_ACCESS, date=p.dubu_access))
    if plan.vendor_offer and plan.vendor_offer.delivery:
        out.append(
            Milestone.model_construct(
                id=DELIVERY,
                name=texts.MILESTONE_DELIVERY.format(vendor=plan.vendor_offer.vendor),
                date=plan.vendor_offer.delivery,
            )
        )
    if plan.conversion.decision:
        out.append(
            Milestone.model_construct(id=DECISION, name=texts.MILESTONE_DECISION, date=plan.conversion.decision.date)
        )
    return out


def milestones(plan: Plan) -> list[Milestone]:
    """Every milestone, by date: the derived ones and those in ``milepaele`` (a reserved id there is ignored)."""
    own = [m for m in plan.milestones if m.id not in SOURCES]
    return sorted(derived(plan) + own, key=lambda m: (m.date, m.id))


def by_id(plan: Plan) -> dict[str, Milestone]:
    return {m.id: m for m in milestones(plan)}
