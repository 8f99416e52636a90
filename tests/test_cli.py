"""The command line as a project lead uses it."""

from __future__ import annotations

import re

from conftest import ROOT, edit, example_text, line_of, run_cli, run_cli_process


def test_validate_example_exits_0_with_danish_summary():
    result = run_cli_process("validate", "plan.yaml")  # once as a user runs it: python -m konverteringsplan
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("Korsbæk Kommune: planen er gyldig - 475 sager konverteres")
    assert "Traceback" not in result.stderr


def test_three_errors_at_once_with_line_numbers(write_plan):
    text = example_text()
    text = edit(text, "  go_live: 2027-03-01", "  go_liv: 2027-03-01")  # typo in a key
    text = edit(text, "    antal: 16\n", "    antal: seksten\n")  # a string where a number belongs
    text = edit(
        text,
        "    rolle: oekonomimedarbejder\n    kategorier: [aabne_stoettende",
        "    rolle: oekonom\n    kategorier: [aabne_stoettende",
    )  # an unknown role
    path = write_plan(text)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if re.match(r".*plan\.yaml:\d+:\d+: ", line)]
    assert len(errors) >= 3, result.stderr
    joined = "\n".join(errors)
    assert f"plan.yaml:{line_of(text, 'go_liv:')}:" in joined
    assert 'Mente du "go_live"?' in joined
    assert f"plan.yaml:{line_of(text, 'antal: seksten')}:" in joined
    assert "skal være et helt tal" in joined
    assert f"plan.yaml:{line_of(text, 'rolle: oekonom', exact=True)}:" in joined
    assert 'Rollen "oekonom" findes ikke' in joined


def test_type_errors_and_reference_errors_come_together(write_plan):
    """A plan with a type error and an unknown role: the type error is reported (the model cannot be built)."""
    text = edit(example_text(), "    antal: 16\n", "    antal: mange\n")
    result = run_cli("validate", str(write_plan(text)))
    assert result.returncode == 1
    assert "roller[sagsbehandler].antal: skal være et helt tal" in result.stderr


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
    assert "ikke er skrevet af generatoren" in result.stderr
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
    assert result.returncode == 1 and "indeholder allerede et projekt" in result.stdout
    result = run_cli("new", str(target), "--kommune", "Borgen Kommune", "--kun-manglende")
    assert result.returncode == 0
    assert "Findes allerede, ikke ændret" in result.stdout
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
