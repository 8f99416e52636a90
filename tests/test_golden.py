"""Golden pages: the Markdown rendered from the example plan, compared with reviewed copies.

A change to a template or a computation shows up here as a readable diff. When the change is
intended, review the diff and regenerate the copies:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLE
from konverteringsplan.build import validate_plan
from konverteringsplan.pages.render import render

GOLDEN = Path(__file__).parent / "golden"
PAGES = [
    "index.md",
    "sagsomfang.md",
    "minimumsoplysninger.md",
    "roller.md",
    "vejledning/studentermedhjaelper.md",
    "vejledning/studentermedhjaelper-tjekliste.md",
    "undervisning/index.md",
    "ordliste.md",
    "golive/index.md",
    "golive/sagsbehandler.md",
    "golive/frister-2027-03.md",
]


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    return {p.path: p.markdown for p in render(plan).pages}


@pytest.mark.parametrize("path", PAGES)
def test_page_matches_golden_copy(rendered, path):
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered[path], encoding="utf-8")
    assert golden.exists(), f"no golden copy of {path}: run with UPDATE_GOLDEN=1 and review it"
    assert rendered[path] == golden.read_text(encoding="utf-8")


def test_rendering_is_deterministic(rendered, monkeypatch):
    # The .ics DTSTAMP is the file's creation time; pin it the reproducible-builds way, or two
    # renders a second apart differ there and nowhere else.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    again = render(plan)
    assert {p.path: p.markdown for p in again.pages} == rendered
    assert again.files == render(plan).files  # downloads too (xlsx, csv, ics) byte for byte
