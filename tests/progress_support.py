"""fremdrift.yaml beside a plan in a temporary project, and the messages the build stops with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, example_text
from konverteringsplan.build import build_output, checked_plan
from konverteringsplan.messages import PlanError

PROGRESS = ROOT / "fremdrift.yaml"


def progress_text() -> str:
    return PROGRESS.read_text(encoding="utf-8")


def project(tmp_path: Path, progress: str | None, plan: str | None = None) -> Path:
    (tmp_path / "plan.yaml").write_text(plan if plan is not None else example_text(), encoding="utf-8")
    if progress is not None:
        (tmp_path / "fremdrift.yaml").write_text(progress, encoding="utf-8")
    return tmp_path / "plan.yaml"


def errors(tmp_path: Path, progress: str, plan: str | None = None) -> list:
    path = project(tmp_path, progress, plan)
    with pytest.raises(PlanError) as exc:
        checked_plan(path)
    return exc.value.messages


def said(template: str, **known) -> re.Pattern[str]:
    """A message template from generator/texts/ as a pattern: the fields given in `known` hold exactly those
    values (the numbers and ids the test expects), every other field matches anything."""

    def field(part: str) -> str:
        name = re.split(r"[:!]", part[1:-1])[0]
        return re.escape(str(known[name])) if name in known else ".*"

    parts = re.split(r"(\{[^}]*\})", template)
    return re.compile("".join(field(p) if p.startswith("{") else re.escape(p) for p in parts), re.S)


def one(messages, needle: str | re.Pattern[str]):
    """The one message whose text holds `needle` (a fragment, or a pattern such as `said(...)` gives)."""
    found = [m for m in messages if (needle.search(m.text) if isinstance(needle, re.Pattern) else needle in m.text)]
    assert len(found) == 1, [str(m) for m in messages]
    return found[0]


def contents(plan_path: Path) -> dict:
    """Every page and download the plan (and its fremdrift.yaml) renders to, by path."""
    output, _, _ = build_output(plan_path, ROOT / "docs")
    return output.contents()
