"""Cross-checks on a typed plan: references, dates, sums and the KLIK task's steps.

Each rule is a function ``rule(ctx) -> None`` that reports through ``ctx.error`` and
``ctx.warning``.  Rules live in the ``rules_*.py`` modules and are listed in ``RULES``.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from .messages import ERROR, WARNING, Message
from .model import Plan
from .yaml_loader import LoadedYaml

Path = tuple[Any, ...]


@dataclass
class RawContext:
    """For rules that read the raw YAML data, so they also run when the model cannot be built."""

    loaded: LoadedYaml
    messages: list[Message] = field(default_factory=list)

    @property
    def data(self) -> Any:
        return self.loaded.data

    def _add(self, path: Path, text: str, severity: str) -> None:
        from .load import key_path

        line, col = self.loaded.locate(path)
        self.messages.append(Message(self.loaded.file, line, col, key_path(self.loaded.data, path), text, severity))

    def error(self, path: Path, text: str) -> None:
        self._add(path, text, ERROR)

    def warning(self, path: Path, text: str) -> None:
        self._add(path, text, WARNING)


@dataclass
class Context(RawContext):
    plan: Plan = None  # type: ignore[assignment]
    docs_dir: "pathlib.Path | None" = None  # docs/, for rules that check file references (images)

    @cached_property
    def figures(self):
        """The analysis, computed once, for rules that check what the numbers say."""
        return figures_of(self.plan)


_last_figures: tuple = ()


def figures_of(plan: Plan):
    """``analyse(plan)``, computed once per plan: the checks and the render share it (a Plan is immutable)."""
    global _last_figures
    from .analysis import analyse

    if not _last_figures or _last_figures[0] is not plan:
        _last_figures = (plan, analyse(plan))
    return _last_figures[1]


Rule = Callable[[Context], None]


def all_rules() -> list[Rule]:
    from . import rules_engine, rules_guide, rules_references, rules_task, rules_training

    return [*rules_references.RULES, *rules_task.RULES, *rules_engine.RULES, *rules_guide.RULES, *rules_training.RULES]


def raw_rules() -> list[Callable[[RawContext], None]]:
    from . import rules_references

    return [*rules_references.RAW_RULES]


def check_raw(loaded: LoadedYaml) -> list[Message]:
    """Rules on the raw data (references, unique ids): they run even when types are wrong."""
    ctx = RawContext(loaded)
    for rule in raw_rules():
        rule(ctx)
    return sorted(set(ctx.messages))


def check(plan: Plan, loaded: LoadedYaml, docs_dir: "pathlib.Path | None" = None) -> list[Message]:
    """Every error and warning about a typed plan, sorted by line."""
    ctx = Context(loaded, plan=plan, docs_dir=docs_dir)
    for rule in all_rules():
        rule(ctx)
    return sorted(set(ctx.messages))
