"""Load fremdrift.yaml (the conversion's progress) beside plan.yaml.

The same loader as the plan (line numbers, duplicate keys, Danish errors) and the same CPR guard: on
the file's text before it is parsed, and on every parsed key and value (YAML escapes and folded lines
can hide a number the text scan does not see). Read once, so a file from a pipe is guarded too.
"""

from __future__ import annotations

from pathlib import Path

from ..model.progress import Progress
from .cpr import guarded_load
from .load import validated
from .yaml_loader import LoadedYaml

PROGRESS_FILE = "fremdrift.yaml"


def progress_path(plan_path: Path) -> Path:
    """Where the progress file of a plan lives: beside it."""
    return Path(plan_path).parent / PROGRESS_FILE


def load_progress(path: Path) -> tuple[Progress, LoadedYaml]:
    """Guard, read and type-check fremdrift.yaml. Raises PlanError with every message at once."""
    loaded = guarded_load(path)
    return validated(loaded, Progress), loaded
