"""The CPR guard stops `validate`, `render` and the MkDocs build, and never shows the number.

No CPR-shaped number is written in this file: each is built at run time from a date and a serial.
"""

from __future__ import annotations

import datetime as dt

import pytest
from safety_support import iter_files

from conftest import copy_project, example_text, line_of_key, mkdocs_build, run_cli, set_value
from konverteringsplan.adapters.output import write_tree
from konverteringsplan.pages.common import Output, Page
from konverteringsplan.texts import commands, reading


def cpr(d: dt.date, serial: int, sep: str = "") -> str:
    return f"{d:%d%m%y}{sep}{serial:04d}"


IN_PLAN = cpr(dt.date(2011, 4, 17), 5678, "-")  # in a text field of plan.yaml, with a dash
IN_DOCS = cpr(dt.date(1998, 12, 3), 31)  # in a hand-written page, without separator
IN_TXT = cpr(dt.date(2020, 2, 29), 9001, " ")  # in a text file under docs/, with a space
NUMBERS = [IN_PLAN, IN_DOCS, IN_TXT]

ROLE_TASK = ("roller", "studentermedhjaelper", "opgaver")  # a free-text field of plan.yaml


@pytest.fixture
def project(tmp_path):
    """A copy of the project with a CPR number in plan.yaml, a page and a text file in docs/."""
    plan = set_value(example_text(), ROLE_TASK, f"Opretter sager og basisoplysninger (fx barnet {IN_PLAN}).")
    project = copy_project(tmp_path / "projekt", plan)
    page = project / "docs" / "noter.md"
    page.write_text(f"# Noter\n\nEn sag:\n\n* Barn med CPR {IN_DOCS} skal med.\n", encoding="utf-8")
    (project / "docs" / "liste.txt").write_text(f"sag 1\nsag 2 {IN_TXT}\n", encoding="utf-8")
    return project


def expected_messages(project) -> list[tuple[str, int, int, str]]:
    """(file, line, column, masked) for every number, worked out from the text by hand."""
    plan = (project / "plan.yaml").read_text(encoding="utf-8")
    plan_line = line_of_key(plan, ROLE_TASK)
    plan_col = plan.splitlines()[plan_line - 1].index(IN_PLAN) + 1
    return [
        ("plan.yaml", plan_line, plan_col, "170411-XXXX"),
        ("docs/noter.md", 5, len("* Barn med CPR ") + 1, "031298-XXXX"),
        ("docs/liste.txt", 2, len("sag 2 ") + 1, "290220-XXXX"),
    ]


def assert_reported_masked(project, output: str) -> None:
    for file, line, col, masked in expected_messages(project):
        assert f"{file}:{line}:{col}:" in output, (file, output)
        hit = next(x for x in output.splitlines() if f"{file}:{line}:{col}:" in x)
        assert reading.CPR_FOUND.format(masked=masked) in hit  # what, and why
    for number in NUMBERS:
        digits = number.replace("-", "").replace(" ", "")
        assert number not in output and digits not in output and digits[6:] not in output.replace("XXXX", "")
    assert "Traceback" not in output


def assert_number_in_no_file(root, skip=()) -> None:
    for path in iter_files(root):
        if path in skip:
            continue
        data = path.read_bytes()
        for number in NUMBERS:
            assert number.encode() not in data and number.replace("-", "").replace(" ", "").encode() not in data, path


def test_validate_is_stopped(project):
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert_reported_masked(project, result.stdout + result.stderr)
    assert commands.ERRORS_FIX.format(count=3) in result.stderr


def test_render_is_stopped_and_the_previous_output_stays(project):
    out = project / "ud"
    write_tree(Output(pages=[Page("index.md", "Forside", "# Den forrige version\n")]), out)
    before = {p: p.read_bytes() for p in iter_files(out)}
    result = run_cli("render", "--out", str(out), cwd=project)
    assert result.returncode == 1
    assert_reported_masked(project, result.stdout + result.stderr)
    assert {p: p.read_bytes() for p in iter_files(out)} == before


def test_mkdocs_build_is_stopped(project):
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert_reported_masked(project, result.stdout + result.stderr)
    site = project / "site"
    if site.exists():
        assert not (site / "index.html").exists()
        assert_number_in_no_file(site)


def test_nothing_but_the_sources_holds_the_number_after_all_three(project):
    run_cli("validate", cwd=project)
    run_cli("render", "--out", str(project / "ud"), cwd=project)
    mkdocs_build(project)
    sources = {project / "plan.yaml", project / "docs" / "noter.md", project / "docs" / "liste.txt"}
    assert_number_in_no_file(project, skip=sources)


def test_the_example_without_the_number_builds(tmp_path):
    # The same copy minus the numbers: the guard is what stopped the build above, nothing else.
    project = copy_project(tmp_path / "projekt")
    (project / "docs" / "liste.txt").write_text("sag 1\nsag 2\n", encoding="utf-8")
    assert run_cli("validate", cwd=project).returncode == 0
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
