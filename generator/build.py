"""The whole pipeline, shared by the CLI and the MkDocs plugin: guard → load → check → analyse → render."""

from __future__ import annotations

from pathlib import Path

from .analysis import analyse
from .cpr import scan_paths
from .load import plan_from_yaml
from .yaml_loader import load_yaml
from .messages import Message, PlanError
from .render import Output, glossary_abbreviations, render
from .validate import check, check_raw, figures_of


def validate_plan(plan_path: Path, docs_dir: Path | None = None):
    """Load and check a plan. Returns (plan, warnings); raises PlanError with every error."""
    guard = scan_paths(plan_path, docs_dir if docs_dir and docs_dir.is_dir() else None)
    if guard:
        raise PlanError(guard)  # never load or show a plan that holds a CPR number
    loaded = load_yaml(plan_path)
    raw = check_raw(loaded)
    try:
        plan = plan_from_yaml(loaded)
    except PlanError as exc:
        raise PlanError([*exc.messages, *(m for m in raw if m.is_error)]) from None
    messages = raw + check(plan, loaded, docs_dir)
    errors = [m for m in messages if m.is_error]
    if errors:
        raise PlanError(errors)
    return plan, [m for m in messages if not m.is_error]


def build_output(plan_path: Path, docs_dir: Path | None = None) -> tuple[Output, list[Message], str]:
    plan, warnings = validate_plan(plan_path, docs_dir)
    return render(plan, figures_of(plan)), warnings, glossary_abbreviations(plan)
