"""The whole pipeline, shared by the CLI and the MkDocs plugin: guard → load → check → analyse → render."""

from __future__ import annotations

from pathlib import Path

from .analysis import Figures, analyse
from .io.cpr import scan_paths
from .io.load import plan_from_yaml
from .io.yaml_loader import load_yaml
from .messages import Message, PlanError
from .model import Plan
from .pages.common import Output
from .pages.render import glossary_abbreviations, render
from .rules.validate import check, check_raw


def validate_plan(plan_path: Path, docs_dir: Path | None = None) -> tuple[Plan, list[Message]]:
    """Load and check a plan. Returns (plan, warnings); raises PlanError with every error."""
    plan, warnings, _ = checked_plan(plan_path, docs_dir)
    return plan, warnings


def checked_plan(plan_path: Path, docs_dir: Path | None = None) -> tuple[Plan, list[Message], Figures]:
    """Load, check and analyse a plan (the analysis once, shared by the checks and the render)."""
    guard = scan_paths(plan_path, docs_dir if docs_dir and docs_dir.is_dir() else None)
    if guard:
        raise PlanError(guard)  # never load or show a plan that holds a CPR number
    loaded = load_yaml(plan_path)
    raw = check_raw(loaded)
    try:
        plan = plan_from_yaml(loaded)
    except PlanError as exc:
        raise PlanError([*exc.messages, *(m for m in raw if m.is_error)]) from None
    figures = analyse(plan)
    messages = raw + check(plan, loaded, docs_dir, figures)
    errors = [m for m in messages if m.is_error]
    if errors:
        raise PlanError(errors)
    return plan, [m for m in messages if not m.is_error], figures


def build_output(plan_path: Path, docs_dir: Path | None = None) -> tuple[Output, list[Message], str]:
    plan, warnings, figures = checked_plan(plan_path, docs_dir)
    return render(plan, figures, warnings), warnings, glossary_abbreviations(plan)
