"""`optael`: counts a local tracking list and writes only the count; no other column ever gets out.

The sample lists hold fake names and CPR-shaped numbers, built at run time, in the other columns; the
tests assert that none of them reaches fremdrift.yaml, stdout or stderr.
"""

from __future__ import annotations

import difflib
import shutil

import pytest
from count_support import (
    PACKAGE,
    assert_nothing_leaked,
    fake_cpr,
    project,
    statuses,
    write_csv,
    write_xlsx,
)

from conftest import ROOT, run_cli


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_counts_and_writes_only_the_number(tmp_path, kind):
    project(tmp_path)
    rows = statuses(160, 26)
    liste = tmp_path / f"liste.{kind}"
    (write_csv if kind == "csv" else write_xlsx)(liste, rows)
    before = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    done = run_cli(
        "optael",
        str(liste),
        "--arbejdspakke",
        PACKAGE,
        "--dato",
        "2027-02-26",
        "--fremdrift",
        str(tmp_path / "fremdrift.yaml"),
    )
    assert done.returncode == 0, done.stderr
    assert "160 færdige sager af 185 sager på listen" in done.stdout  # the empty status row is not a case
    after = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    # Everything the user wrote is still there, comments included; only the new counting date is added.
    changes = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("+ ", "- ")]
    assert changes == ["+   - dato: 2027-02-26", "+     arbejdspakker:", f"+       {PACKAGE}: 160"]
    assert_nothing_leaked(len(rows), after, done.stdout, done.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plan.yaml", "fremdrift.yaml", liste.name])
    assert run_cli("validate", str(tmp_path / "plan.yaml"), "--docs", str(ROOT / "docs")).returncode == 0


def test_an_existing_date_is_updated_in_place(tmp_path):
    project(tmp_path)
    write_csv(tmp_path / "liste.csv", statuses(155, 10))
    before = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    done = run_cli(
        "optael",
        str(tmp_path / "liste.csv"),
        "--arbejdspakke",
        PACKAGE,
        "--dato",
        "2027-02-19",
        "--fremdrift",
        str(tmp_path / "fremdrift.yaml"),
    )
    assert done.returncode == 0, done.stderr
    after = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    assert after == before.replace(f"      {PACKAGE}: 150", f"      {PACKAGE}: 155")


def test_a_count_that_fails_the_checks_is_not_written(tmp_path):
    project(tmp_path)
    write_csv(tmp_path / "liste.csv", statuses(100, 10))  # fewer than the 150 counted on 19 February
    before = (tmp_path / "fremdrift.yaml").read_bytes()
    done = run_cli(
        "optael",
        str(tmp_path / "liste.csv"),
        "--arbejdspakke",
        PACKAGE,
        "--dato",
        "2027-02-26",
        "--fremdrift",
        str(tmp_path / "fremdrift.yaml"),
    )
    assert done.returncode == 1
    assert "fremdrift.yaml:" in done.stderr and "faldet fra 150" in done.stderr
    assert (tmp_path / "fremdrift.yaml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fremdrift.yaml", "liste.csv", "plan.yaml"]


def test_an_unknown_work_package_is_refused_with_a_guess(tmp_path):
    project(tmp_path)
    write_csv(tmp_path / "liste.csv", statuses(160, 10))
    done = run_cli(
        "optael",
        str(tmp_path / "liste.csv"),
        "--arbejdspakke",
        "basis_manuel_sager",
        "--dato",
        "2027-02-26",
        "--fremdrift",
        str(tmp_path / "fremdrift.yaml"),
    )
    assert done.returncode == 1 and 'Mente du "basis_manuelle_sager"?' in done.stderr


def test_an_unknown_status_names_the_row_never_the_value(tmp_path):
    project(tmp_path)
    rows = statuses(10, 3)
    rows[4] = fake_cpr(99)  # a CPR number typed into the status column
    rows[6] = "Barnenavn99xq"
    write_csv(tmp_path / "liste.csv", rows)
    done = run_cli(
        "optael",
        str(tmp_path / "liste.csv"),
        "--arbejdspakke",
        PACKAGE,
        "--dato",
        "2027-02-26",
        "--fremdrift",
        str(tmp_path / "fremdrift.yaml"),
    )
    assert done.returncode == 1
    assert "Ukendt status i række 6, 8." in done.stderr
    assert fake_cpr(99) not in done.stderr + done.stdout and "Barnenavn99xq" not in done.stderr + done.stdout
    assert_nothing_leaked(len(rows), done.stdout, done.stderr)


def test_a_list_without_a_status_column_is_refused(tmp_path):
    project(tmp_path)
    (tmp_path / "liste.csv").write_text(f"Navn;CPR\nBarnenavn1xq Efternavn1;{fake_cpr(1)}\n", encoding="utf-8")
    done = run_cli(
        "optael",
        str(tmp_path / "liste.csv"),
        "--arbejdspakke",
        PACKAGE,
        "--dato",
        "2027-02-26",
        "--fremdrift",
        str(tmp_path / "fremdrift.yaml"),
    )
    assert done.returncode == 1 and 'ingen kolonne med overskriften "status"' in done.stderr
    assert fake_cpr(1) not in done.stderr and "Barnenavn1xq" not in done.stderr


def test_a_new_progress_file_is_made_when_there_is_none(tmp_path):
    shutil.copy(ROOT / "plan.yaml", tmp_path / "plan.yaml")
    write_csv(tmp_path / "liste.csv", statuses(40, 5))
    done = run_cli(
        "optael",
        str(tmp_path / "liste.csv"),
        "--arbejdspakke",
        PACKAGE,
        "--dato",
        "2027-01-22",
        "--fremdrift",
        str(tmp_path / "fremdrift.yaml"),
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./fremdrift.schema.json")
    assert "status:\n  - dato: 2027-01-22\n    arbejdspakker:\n      basis_manuelle_sager: 40\n" in text
    assert_nothing_leaked(45, text, done.stdout)
