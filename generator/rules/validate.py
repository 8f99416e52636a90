"""Cross-checks on a typed plan: references, dates, sums and the KLIK task's steps.

Each rule is a function ``rule(ctx) -> None`` that reports through ``ctx.error`` and
``ctx.warning``.  Rules live in one module per rule family and are listed in its ``RULES``.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable

from ..analysis import Figures
from ..io.yaml_loader import LoadedYaml
from ..messages import Message
from ..model import Plan
from . import (
    capacity,
    consistency,
    golive,
    guide,
    paths,
    placeholders,
    progress,
    references,
    task,
    training,
    values,
    written,
)
from .context import Context, RawContext, Rule

RULES: list[Rule] = [
    *values.RULES,
    *task.RULES,
    *capacity.RULES,
    *guide.RULES,
    *training.RULES,
    *placeholders.RULES,
    *paths.RULES,
    *consistency.RULES,
    *progress.PLAN_RULES,
    *golive.RULES,
]
# The rules that still make sense while an id does not resolve (check_raw found an error). The others
# (coverage, weekly load, forecast, training, guide, task steps) would only report what follows from it,
# often blaming the wrong role: they run once the references are right.
INDEPENDENT_RULES: list[Rule] = [*values.RULES]
RAW_RULES: list[Callable[[RawContext], None]] = [*references.RAW_RULES, *written.RAW_RULES]


def check_raw(loaded: LoadedYaml) -> tuple[list[Message], list[Message]]:
    """Rules on the raw data (references, unique ids): they run even when types are wrong.

    Returns (causes, follows): follows are errors that follow from a missing key (the type errors,
    reported between the two, name it)."""
    ctx = RawContext(loaded)
    for rule in RAW_RULES:
        rule(ctx)
    return sorted(set(ctx.messages)), sorted(set(ctx.follows))


def check(
    plan: Plan,
    loaded: LoadedYaml,
    docs_dir: pathlib.Path | None = None,
    figures: Figures | None = None,
    references_ok: bool = True,
) -> list[Message]:
    """Every error and warning about a typed plan, sorted by line.

    With references_ok=False (check_raw found errors) only the rules that do not follow from them run."""
    ctx = Context(loaded, plan=plan, docs_dir=docs_dir, given_figures=figures)
    for rule in RULES if references_ok else INDEPENDENT_RULES:
        rule(ctx)
    return sorted(set(ctx.messages))
