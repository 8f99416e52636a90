"""The whole pipeline, shared by the CLI and the MkDocs plugin: guard → load → check → analyse → render."""

from __future__ import annotations

from pathlib import Path

from .analysis import Figures, analyse
from .analysis.progress import analyse_progress
from .io.cpr import guarded_load, scan_config, scan_docs
from .io.load import plan_from_yaml
from .io.progress import load_progress, progress_path
from .messages import Message, PlanError
from .model import Plan
from .pages.common import Output
from .pages.render import glossary_abbreviations, render
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
    default fremdrift.yaml beside the plan) is optional; when it is there it is guarded, loaded and
    checked too (io/progress.py), and its analysis is ``figures.progress``."""
    progress = progress_path(plan_path) if progress is None else progress
    loaded = guarded_load(plan_path, [*scan_docs(docs_dir, skip=Path(plan_path)), *scan_config(config_file)])
    raw, follows = check_raw(loaded)  # ids: duplicates and references that do not resolve
    causes = [m for m in raw if m.is_error]  # reported first: later errors may only follow from them
    try:
        plan = plan_from_yaml(loaded)
    except PlanError as exc:
        raise PlanError([*causes, *sorted(exc.messages), *follows], ordered=True) from None
    causes += follows  # a derived milestone's date is missing, yet the plan typed: an optional date
    figures = analyse(plan)
    messages = sorted(check(plan, loaded, docs_dir, figures, references_ok=not causes))
    if progress.is_file() and not causes and not [m for m in messages if m.is_error]:
        messages += _checked_progress(plan, progress, figures)
    errors = [m for m in messages if m.is_error]
    if causes or errors:
        raise PlanError([*causes, *errors], ordered=True)
    return plan, [m for m in raw + messages if not m.is_error], figures


def _checked_progress(plan: Plan, path: Path, figures: Figures) -> list[Message]:
    """Load and check fremdrift.yaml against the plan; sets figures.progress. Returns its messages."""
    progress, loaded = load_progress(path)
    facts = analyse_progress(plan, progress, figures.planning)
    ctx = ProgressContext(loaded, plan=plan, given_figures=figures, progress=progress, facts=facts)
    messages = check_progress(ctx)
    figures.progress = facts
    if figures.golive is not None:
        figures.golive.done = {d.step: d for d in progress.cut_over}
        # "today" for the days until go-live: the latest date in fremdrift.yaml, never the wall clock
        figures.golive.as_of = max(
            [d for d in (facts.data_date, *(x.date for x in progress.cut_over)) if d], default=None
        )
    return messages


def build_output(
    plan_path: Path, docs_dir: Path | None = None, config_file: Path | None = None
) -> tuple[Output, list[Message], str]:
    """The rendered output; every page and download is scanned for CPR numbers when it is made
    (pages/common.py), so nothing holding one is written or given to MkDocs."""
    plan, warnings, figures = checked_plan(plan_path, docs_dir, config_file)
    return render(plan, figures, warnings), warnings, glossary_abbreviations(plan)
