"""Undervisningsplan: the training sessions, and the cases they convert."""

from __future__ import annotations

from .analysis import Figures
from .model import Plan

SECTION = "Undervisningsplan"


def training(plan: Plan, figures: Figures, out) -> None:
    roles = {r.id: r for r in plan.roles}
    sessions = sorted(plan.training.sessions, key=lambda s: (s.date, s.start))
    converted = sum(s.participants * s.conversion.cases_per_participant for s in sessions if s.conversion)
    out.add("undervisning/index.md", "Alle hold", "undervisning.md.j2", section=SECTION,
            plan=plan, sessions=sessions, roles=roles, converted=converted)


BUILDERS = [training]
