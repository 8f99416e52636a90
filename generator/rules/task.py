"""Rules about the KLIK task itself: it may only be 'fuldført' when every step is done."""

from __future__ import annotations

from ..model.municipality import TaskStatus
from ..texts import validation as say
from .context import Context


def completed_only_when_done(ctx: Context) -> None:
    if ctx.plan.task.status is not TaskStatus.completed:
        return
    for step in ctx.figures.steps[:3]:
        if not step.done:
            ctx.error(
                ("klik_opgave", "status"),
                say.TASK_STEP_MISSING.format(number=step.number, title=step.title, missing="; ".join(step.missing)),
            )


RULES = [completed_only_when_done]
