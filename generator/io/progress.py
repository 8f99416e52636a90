"""Load fremdrift.yaml (the conversion's progress) beside plan.yaml.

The same loader as the plan (line numbers, duplicate keys, Danish errors) and the same CPR guard: on
the file's text before it is parsed, and on every parsed text value (YAML escapes and folded lines
can hide a number the text scan does not see).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..messages import ERROR, Message, PlanError
from ..model.progress import Progress
from .cpr import cpr_message_text, find_cpr, scan_paths
from .load import _message, key_path
from .yaml_loader import LoadedYaml, load_yaml

PROGRESS_FILE = "fremdrift.yaml"


def progress_path(plan_path: Path) -> Path:
    """Where the progress file of a plan lives: beside it."""
    return Path(plan_path).parent / PROGRESS_FILE


def _strings(data: Any, path: tuple = ()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _strings(v, (*path, i))
    elif isinstance(data, str):
        yield path, data


def _guard_values(loaded: LoadedYaml) -> list[Message]:
    out = []
    for path, text in _strings(loaded.data):
        for _, _, masked in find_cpr(text):
            line, col = loaded.locate(path)
            out.append(Message(loaded.file, line, col, key_path(loaded.data, path), cpr_message_text(masked), ERROR))
    return out


def load_progress(path: Path) -> tuple[Progress, LoadedYaml]:
    """Guard, read and type-check fremdrift.yaml. Raises PlanError with every message at once."""
    guard = scan_paths(Path(path), None)
    if guard:
        raise PlanError(guard)
    loaded = load_yaml(path)
    guard = _guard_values(loaded)
    if guard:
        raise PlanError(guard)
    try:
        return Progress.model_validate(loaded.data), loaded
    except ValidationError as exc:
        raise PlanError([_message(loaded, err, Progress) for err in exc.errors(include_url=False)]) from None
