"""The command line as a project lead uses it."""

from __future__ import annotations

import re

from conftest import ROOT, example_text, like, line_of_key, partly, rename_key, run_cli, run_cli_process, set_value
from konverteringsplan.texts import commands
from konverteringsplan.texts import validation as say

GO_LIVE = ("projekt", "go_live")
COUNT = ("roller", "sagsbehandler", "antal")
ROLE = ("arbejdspakker", "oekonomi_alle_sager", "rolle")


def test_validate_example_exits_0_with_danish_summary():
    result = run_cli_process("validate", "plan.yaml")  # once as a user runs it: python -m konverteringsplan
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert partly(commands.VALID_SUMMARY, municipality="Korsbæk Kommune", cases=475).fullmatch(lines[-1]), lines[-1]
    assert "Traceback" not in result.stderr


def test_three_errors_at_once_with_line_numbers(write_plan):
    example = example_text()
    text = rename_key(example, GO_LIVE, "go_liv")  # typo in a key
    text = set_value(text, COUNT, "seksten")  # a string where a number belongs
    text = set_value(text, ROLE, "oekonom")  # an unknown role
    path = write_plan(text)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if re.match(r".*plan\.yaml:\d+:\d+: ", line)]
    assert len(errors) >= 3, result.stderr
    at = {
        key: next(e for e in errors if f"plan.yaml:{line_of_key(example, key)}:" in e) for key in (GO_LIVE, COUNT, ROLE)
    }
    assert partly(say.UNKNOWN_KEY_MEANT, key="go_liv", meant="go_live").search(at[GO_LIVE])
    assert like(say.NOT_INTEGER).search(at[COUNT])
    unknown = partly(say.UNKNOWN_ID, kind=say.KIND_ROLE, value="oekonom", section="roller")
    assert unknown.search(at[ROLE]), at[ROLE]


def test_type_errors_and_reference_errors_come_together(write_plan):
    """A plan with a type error and an unknown role: the type error is reported (the model cannot be built)."""
    text = set_value(example_text(), COUNT, "mange")
    result = run_cli("validate", str(write_plan(text)))
    assert result.returncode == 1
    assert like("roller[sagsbehandler].antal: " + say.NOT_INTEGER).search(result.stderr)


def test_render_writes_pages_and_refuses_foreign_files(tmp_path):
    out = tmp_path / "out"
    result = run_cli("render", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "index.md").read_text(encoding="utf-8").startswith("---")
    assert (out / "vejledning" / "sagsbehandler.md").exists()
    # a second render replaces its own files
    assert run_cli("render", "--out", str(out)).returncode == 0
    # but never a file someone else wrote
    (out / "index.md").write_text("min egen side", encoding="utf-8")
    result = run_cli("render", "--out", str(out))
    assert result.returncode == 1
    assert like(commands.FOLDER_NOT_OURS).search(result.stderr)
    assert (out / "index.md").read_text(encoding="utf-8") == "min egen side"


def test_new_starts_a_plan_and_never_overwrites(tmp_path):
    target = tmp_path / "borgen"
    result = run_cli("new", str(target), "--kommune", "Borgen Kommune")
    assert result.returncode == 0, result.stderr
    plan = (target / "plan.yaml").read_text(encoding="utf-8")
    assert "navn: Borgen Kommune" in plan and "Korsbæk" not in plan
    assert "status: ikke_startet" in plan
    assert run_cli("validate", str(target / "plan.yaml"), "--docs", str(target / "docs")).returncode == 0
    (target / "plan.yaml").write_text(plan + "\n# mine noter\n", encoding="utf-8")
    result = run_cli("new", str(target), "--kommune", "Borgen Kommune")
    assert result.returncode == 1 and like(commands.NEW_HAS_PROJECT).search(result.stdout)
    result = run_cli("new", str(target), "--kommune", "Borgen Kommune", "--kun-manglende")
    assert result.returncode == 0
    assert commands.NEW_KEPT.format(path=target / "plan.yaml") in result.stdout
    assert (target / "plan.yaml").read_text(encoding="utf-8").endswith("# mine noter\n")


def test_schema_is_current():
    result = run_cli("schema", "--check")
    assert result.returncode == 0, "plan.schema.json is stale: run `make schema`"


def test_plan_points_editors_at_the_schema():
    first = (ROOT / "plan.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./plan.schema.json"


def test_version_is_pyprojects():
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"konverteringsplan {pyproject['project']['version']}"
