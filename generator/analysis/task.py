"""The KLIK task's method steps and whether the plan holds what each one needs."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan
from ..model.cases import Timing
from ..model.municipality import TaskStatus
from ..texts import site as texts
from .milestones import milestones
from .placeholders import Placeholder

# The sections whose placeholders keep each step open: a step built on stand-in values is not done.
STEP_SECTIONS = {
    1: ("sagskategorier", "minimumsoplysninger"),
    2: ("konverteringsform", "leverandoertilbud"),
    3: ("milepaele", "aktiviteter", "arbejdspakker", "roller", "undervisning", "kalender", "foerste_opfoelgninger"),
}


def _unfilled(found: list[Placeholder], step: int) -> list[str]:
    n = sum(1 for p in found if p.path and p.path[0] in STEP_SECTIONS[step])
    if not n:
        return []
    sections = sorted({p.path[0] for p in found if p.path and p.path[0] in STEP_SECTIONS[step]})
    return [
        texts.MISSING_UNFILLED.format(
            n=n, word=texts.PLACEHOLDER_ONE if n == 1 else texts.PLACEHOLDER_MANY, sections=", ".join(sections)
        )
    ]


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    done: bool
    missing: tuple[str, ...]  # Danish: what the plan still lacks
    page: str  # the page that shows the step's result


def task_steps(plan: Plan, found: list[Placeholder]) -> list[Step]:
    """The KLIK task's steps; ``found``: the plan's placeholders (analysis/placeholders.py)."""
    m = plan.minimum
    converted = [c for c in plan.categories if c.converted]
    step1_missing = []
    if m.settled_on is None:
        step1_missing.append(texts.MISSING_SETTLED_ON)
    if not m.participants:
        step1_missing.append(texts.MISSING_PARTICIPANTS)
    if not any((f.timing or g.timing) is Timing.go_live for g in m.groups for f in g.fields):
        step1_missing.append(texts.MISSING_GO_LIVE_FIELD)
    if not converted:
        step1_missing.append(texts.MISSING_CONVERTED)
    step1_missing += _unfilled(found, 1)

    d = plan.conversion.decision
    step2_missing = []
    if d is None:
        step2_missing.append(texts.MISSING_DECISION)
    if not plan.conversion.scores:
        step2_missing.append(texts.MISSING_SCORES)
    step2_missing += _unfilled(found, 2)

    step3_missing = []
    if not milestones(plan):
        step3_missing.append(texts.MISSING_MILESTONES)
    if not plan.work_packages:
        step3_missing.append(texts.MISSING_PACKAGES)
    if any(c.route.value == "manuel" for c in converted) and not plan.training.sessions:
        step3_missing.append(texts.MISSING_SESSIONS)

    step3_missing += _unfilled(found, 3)

    earlier_done = not (step1_missing or step2_missing or step3_missing)
    step4_missing = [] if plan.task.status is TaskStatus.completed else [texts.MISSING_STATUS]
    if any(p.path and p.path[0] in ("kommune", "klik_opgave", "projekt") for p in found):
        step4_missing.append(texts.MISSING_PLACEHOLDERS)
    return [
        Step(1, texts.STEP_TITLES[1], not step1_missing, tuple(step1_missing), "minimumsoplysninger.md"),
        Step(2, texts.STEP_TITLES[2], not step2_missing, tuple(step2_missing), "konverteringsform.md"),
        Step(3, texts.STEP_TITLES[3], not step3_missing, tuple(step3_missing), "tidsplan.md"),
        Step(4, texts.STEP_TITLES[4], earlier_done and not step4_missing, tuple(step4_missing), "index.md"),
    ]
