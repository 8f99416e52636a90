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
from progress_support import said

from conftest import ROOT, run_cli, set_value
from konverteringsplan.texts import commands
from konverteringsplan.texts import validation as say


def optael(tmp_path, liste, day: str, package: str = PACKAGE):
    """`konverteringsplan optael LISTE --arbejdspakke PACKAGE --dato DAY` on the project's fremdrift.yaml."""
    progress = str(tmp_path / "fremdrift.yaml")
    return run_cli("optael", str(liste), "--arbejdspakke", package, "--dato", day, "--fremdrift", progress)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_counts_and_writes_only_the_number(tmp_path, kind):
    project(tmp_path)
    rows = statuses(160, 26)
    liste = tmp_path / f"liste.{kind}"
    (write_csv if kind == "csv" else write_xlsx)(liste, rows)
    before = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    done = optael(tmp_path, liste, "2027-02-26")
    assert done.returncode == 0, done.stderr
    assert said(commands.COUNT_WROTE, done=160, rows=185).search(done.stdout)  # the empty status row is not a case
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
    done = optael(tmp_path, tmp_path / "liste.csv", "2027-02-19")
    assert done.returncode == 0, done.stderr
    after = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    assert after == set_value(before, ("status", "2027-02-19", "arbejdspakker", PACKAGE), "155")


def test_a_count_that_fails_the_checks_is_not_written(tmp_path):
    project(tmp_path)
    write_csv(tmp_path / "liste.csv", statuses(100, 10))  # fewer than the 150 counted on 19 February
    before = (tmp_path / "fremdrift.yaml").read_bytes()
    done = optael(tmp_path, tmp_path / "liste.csv", "2027-02-26")
    assert done.returncode == 1
    assert "fremdrift.yaml:" in done.stderr and said(say.COUNT_FELL, before=150, n=100).search(done.stderr)
    assert (tmp_path / "fremdrift.yaml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fremdrift.yaml", "liste.csv", "plan.yaml"]


def test_an_unknown_work_package_is_refused_with_a_guess(tmp_path):
    project(tmp_path)
    write_csv(tmp_path / "liste.csv", statuses(160, 10))
    done = optael(tmp_path, tmp_path / "liste.csv", "2027-02-26", package="basis_manuel_sager")
    assert done.returncode == 1 and say.MEANT.format(meant="basis_manuelle_sager") in done.stderr


def test_an_unknown_status_names_the_row_never_the_value(tmp_path):
    project(tmp_path)
    rows = statuses(10, 3)
    rows[4] = fake_cpr(99)  # a CPR number typed into the status column
    rows[6] = "Barnenavn99xq"
    write_csv(tmp_path / "liste.csv", rows)
    done = optael(tmp_path, tmp_path / "liste.csv", "2027-02-26")
    assert done.returncode == 1
    assert commands.COUNT_UNKNOWN_STATUS.format(rows="6, 8") in done.stderr
    assert fake_cpr(99) not in done.stderr + done.stdout and "Barnenavn99xq" not in done.stderr + done.stdout
    assert_nothing_leaked(len(rows), done.stdout, done.stderr)


def test_a_list_without_a_status_column_is_refused(tmp_path):
    project(tmp_path)
    (tmp_path / "liste.csv").write_text(f"Navn;CPR\nBarnenavn1xq Efternavn1;{fake_cpr(1)}\n", encoding="utf-8")
    done = optael(tmp_path, tmp_path / "liste.csv", "2027-02-26")
    assert done.returncode == 1 and commands.COUNT_NO_STATUS in done.stderr
    assert fake_cpr(1) not in done.stderr and "Barnenavn1xq" not in done.stderr


def test_a_new_progress_file_is_made_when_there_is_none(tmp_path):
    shutil.copy(ROOT / "plan.yaml", tmp_path / "plan.yaml")
    write_csv(tmp_path / "liste.csv", statuses(40, 5))
    done = optael(tmp_path, tmp_path / "liste.csv", "2027-01-22")
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "fremdrift.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./fremdrift.schema.json")
    assert "status:\n  - dato: 2027-01-22\n    arbejdspakker:\n      basis_manuelle_sager: 40\n" in text
    assert_nothing_leaked(45, text, done.stdout)
