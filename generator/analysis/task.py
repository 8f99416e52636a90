"""The KLIK task's method steps and whether the plan holds what each one needs."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan
from ..model.cases import Timing
from ..model.municipality import TaskStatus
from .milestones import milestones


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    done: bool
    missing: tuple[str, ...]  # Danish: what the plan still lacks
    page: str  # the page that shows the step's result


def task_steps(plan: Plan) -> list[Step]:
    m = plan.minimum
    converted = [c for c in plan.categories if c.converted]
    step1_missing = []
    if m.settled_on is None:
        step1_missing.append("datoen hvor minimumsoplysningerne blev afklaret (minimumsoplysninger.afklaret_dato)")
    if not m.participants:
        step1_missing.append("hvem der var med til at afklare dem (minimumsoplysninger.deltagere)")
    if not any((f.timing or g.timing) is Timing.go_live for g in m.groups for f in g.fields):
        step1_missing.append("mindst ét felt, der skal være i DUBU ved go-live")
    if not converted:
        step1_missing.append("mindst én sagskategori, der konverteres")

    d = plan.conversion.decision
    step2_missing = []
    if d is None:
        step2_missing.append("en beslutning med dato og beslutningstager (konverteringsform.beslutning)")
    if not plan.conversion.scores:
        step2_missing.append("en vurdering af mulighederne efter kriterierne (konverteringsform.vurdering)")

    step3_missing = []
    if not milestones(plan):
        step3_missing.append("milepæle (milepaele)")
    if not plan.work_packages:
        step3_missing.append("arbejdspakker: hvem konverterer hvad hvornår (arbejdspakker)")
    if any(c.route.value == "manuel" for c in converted) and not plan.training.sessions:
        step3_missing.append("undervisningshold, hvor den manuelle konvertering indarbejdes (undervisning.sessioner)")

    earlier_done = not (step1_missing or step2_missing or step3_missing)
    step4_missing = [] if plan.task.status is TaskStatus.completed else ['status "fuldfoert" (klik_opgave.status)']
    return [
        Step(1, "Afklar minimumssagsoplysninger", not step1_missing, tuple(step1_missing), "minimumsoplysninger.md"),
        Step(2, "Beslut konverteringsform", not step2_missing, tuple(step2_missing), "konverteringsform.md"),
        Step(3, "Planlæg konverteringen", not step3_missing, tuple(step3_missing), "tidsplan.md"),
        Step(4, "Sæt status til fuldført", earlier_done and not step4_missing, tuple(step4_missing), "index.md"),
    ]
