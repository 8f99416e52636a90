"""Shared helpers: the example plan, and bad plans made from it by editing its text.

Every test runs in a world of its own: the system temp folder is a fresh folder for this run (so no test
sees what another build on the machine leaves there, and nothing is left behind), and the .ics creation
time is pinned (SOURCE_DATE_EPOCH), so no output depends on the wall clock. Subprocesses inherit both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plan.yaml"
FIXED_EPOCH = "1767225600"  # 1 January 2026, 00:00 UTC: DTSTAMP in every .ics the tests make

_TEMP: str | None = None


def pytest_configure(config):
    """Before collection (modules make temp folders at import): a private temp folder and a fixed clock."""
    global _TEMP
    if _TEMP is None:
        _TEMP = tempfile.mkdtemp(prefix="konverteringsplan-tests-")
        tempfile.tempdir = _TEMP
        os.environ["TMPDIR"] = _TEMP
        os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH


def pytest_unconfigure(config):
    if _TEMP is not None:
        shutil.rmtree(_TEMP, ignore_errors=True)


def private_temp() -> Path:
    """The run's own temp folder (what tempfile.gettempdir() returns in the tests)."""
    return Path(tempfile.gettempdir())


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """Replace `old` by `new` in the plan text; fail loudly if the example changed under the test."""
    assert old in text, f"the example plan no longer contains {old!r}"
    return text.replace(old, new, count)


def line_of(text: str, needle: str, nth: int = 1, exact: bool = False) -> int:
    """1-based line number of the nth line containing `needle` (or equal to it, stripped, when exact)."""
    hits = [i for i, line in enumerate(text.splitlines(), 1)
            if (line.strip() == needle if exact else needle in line)]
    assert len(hits) >= nth, f"{needle!r} not found {nth} times"
    return hits[nth - 1]


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8")


@pytest.fixture
def write_plan(tmp_path):
    """Write a plan text to tmp_path/plan.yaml and return its path."""

    def _write(text: str) -> Path:
        path = tmp_path / "plan.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return _write
