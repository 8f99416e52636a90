"""The whole pipeline, shared by the CLI and the MkDocs plugin: guard → load → analyse → check → render.

guard: the CPR guard on the plan's bytes, docs/ and mkdocs.yml (io/cpr.py); load: YAML with line numbers
into the typed plan (io/, model/; the id references are checked on the raw data here, before types);
analyse: every number, once (analysis/); check: every rule (rules/); render: pages and downloads (pages/).
The packages import each other in that order (tests/test_layers.py)."""

from __future__ import annotations

from pathlib import Path

from .analysis import Figures, analyse
from .io.cpr import guarded_load, scan_config, scan_docs
from .io.load import plan_from_yaml
from .io.progress import load_progress, progress_path
from .io.yaml_loader import LoadedYaml
from .messages import Message, PlanError
from .model import Plan
from .model.progress import Progress
from .pages.common import Output
from .pages.render import render
from .rules.progress import ProgressContext, check_progress
from .rules.validate import check, check_raw


def validate_plan(
    plan_path: Path, docs_dir: Path | None = None, config_file: Path | None = None
) -> tuple[Plan, list[Message]]:
    """Load and check a plan. Returns (plan, warnings); raises PlanError with every error."""
    plan, warnings, _ = checked_plan(plan_path, docs_dir, config_file)
    return plan, warnings


def checked_plan(
    plan_path: Path, docs_dir: Path | None = None, config_file: Path | None = None, progress: Path | None = None
) -> tuple[Plan, list[Message], Figures]:
    """Load, check and analyse a plan (the analysis once, shared by the checks and the render).

    The plan is read once: the CPR guard scans those bytes (and docs/ and mkdocs.yml), and the
    loader parses the same bytes, so a plan from a pipe is checked too. The progress file (``progress``,
    default fremdrift.yaml beside the plan) is optional; when it is there it is guarded and loaded
    (io/progress.py) before the analysis, which includes it (``figures.progress``), and checked once the
    plan has no errors."""
    progress = progress_path(plan_path) if progress is None else progress
    loaded = guarded_load(plan_path, [*scan_docs(docs_dir, skip=Path(plan_path)), *scan_config(config_file)])
    raw, follows = check_raw(loaded)  # ids: duplicates and references that do not resolve
    causes = [m for m in raw if m.is_error]  # reported first: later errors may only follow from them
    try:
        plan = plan_from_yaml(loaded)
    except PlanError as exc:
        raise PlanError([*causes, *sorted(exc.messages), *follows], ordered=True) from None
    causes += follows  # a derived milestone's date is missing, yet the plan typed: an optional date
    tracked, unreadable = _loaded_progress(progress) if not causes else (None, None)
    figures = analyse(plan, tracked[0] if tracked else None)
    messages = sorted(check(plan, loaded, docs_dir, figures, references_ok=not causes))
    if not causes and not [m for m in messages if m.is_error]:
        if unreadable is not None:
            raise unreadable  # fremdrift.yaml's own errors, once the plan has none
        if tracked is not None and figures.progress is not None:
            progress_model, progress_yaml = tracked
            ctx = ProgressContext(
                progress_yaml, plan=plan, given_figures=figures, progress=progress_model, facts=figures.progress
            )
            messages += check_progress(ctx)
    errors = [m for m in messages if m.is_error]
    if causes or errors:
        raise PlanError([*causes, *errors], ordered=True)
    return plan, [m for m in raw + messages if not m.is_error], figures


def _loaded_progress(path: Path) -> tuple[tuple[Progress, LoadedYaml] | None, PlanError | None]:
    """fremdrift.yaml guarded, loaded and typed, or the error that says why not (raised only when the
    plan itself has no errors); (None, None) when the plan has no progress file."""
    if not path.is_file():
        return None, None
    try:
        return load_progress(path), None
    except PlanError as exc:
        return None, exc


def build_output(
    plan_path: Path, docs_dir: Path | None = None, config_file: Path | None = None
) -> tuple[Output, list[Message], str]:
    """The rendered output; every page and download is scanned for CPR numbers when it is made
    (pages/common.py), so nothing holding one is written or given to MkDocs."""
    plan, warnings, figures = checked_plan(plan_path, docs_dir, config_file)
    output = render(plan, figures, warnings)
    return output, warnings, output.abbreviations
