"""`optael` under attack (issue 25, classes 3, 4 and 5): it loses nothing when two runs meet or the file shares
mappings, it writes only a progress file, it is bounded, and it reads lists as Excel writes them.

Every CPR-shaped value is built from a date at run time (test_progress_count.fake_cpr)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
import yaml
from test_progress_count import PACKAGE, project, statuses, write_csv

from conftest import run_cli

DAY = "2027-02-26"


def optael(tmp_path: Path, liste: Path, package: str = PACKAGE, progress: Path | None = None, day: str = DAY):
    progress = progress or tmp_path / "fremdrift.yaml"
    return run_cli(
        "optael", str(liste), "--arbejdspakke", package, "--dato", day, "--fremdrift", str(progress),
        "--plan", str(tmp_path / "plan.yaml"), cwd=tmp_path,
    )  # fmt: skip


def counts(progress: Path) -> dict[str, dict]:
    data = yaml.safe_load(progress.read_text(encoding="utf-8"))
    return {str(e["dato"]): dict(e.get("arbejdspakker") or {}) for e in data["status"]}


# --- 3. nothing lost ----------------------------------------------------------------------------------


def test_two_runs_for_different_packages_at_once_both_land(tmp_path, monkeypatch):
    """Run B starts while run A is between reading and writing the file (A checks its result): B waits
    for A's lock, then reads the file again, so A's count and B's count are both there."""
    import datetime as dt

    from konverteringsplan.adapters import count

    project(tmp_path)
    write_csv(tmp_path / "a.csv", statuses(160, 10))
    write_csv(tmp_path / "b.csv", statuses(195, 10))
    progress = tmp_path / "fremdrift.yaml"
    waiting = threading.Event()
    monkeypatch.setattr(count, "on_wait", waiting.set, raising=False)
    real = count.checked_plan
    started: list[threading.Thread] = []
    failed: list[BaseException] = []

    def run_b() -> None:
        try:
            count.write_count(
                tmp_path / "b.csv", "indsatser_egne_sager", dt.date(2027, 2, 26), progress, tmp_path / "plan.yaml"
            )
        except BaseException as exc:
            failed.append(exc)

    def a_checks_while_b_starts(*args, **kwargs):
        if not started:
            b = threading.Thread(target=run_b)
            started.append(b)
            b.start()
            while b.is_alive() and not waiting.is_set():  # B is waiting for the lock, or (no lock) done
                waiting.wait(0.01)
        return real(*args, **kwargs)

    monkeypatch.setattr(count, "checked_plan", a_checks_while_b_starts)
    result = optael(tmp_path, tmp_path / "a.csv")
    started[0].join()
    assert result.returncode == 0, result.stderr
    assert not failed, failed
    assert counts(progress)[DAY] == {PACKAGE: 160, "indsatser_egne_sager": 195}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv", "fremdrift.yaml", "plan.yaml"]


SHARED = {
    "block": "  - dato: 2027-01-22\n    arbejdspakker: &uge\n      {p}: 60\n      indsatser_egne_sager: 20\n"
    "  - dato: 2027-02-05\n    arbejdspakker: *uge\n",
    "flow": "  - dato: 2027-01-22\n    arbejdspakker: &uge {{{p}: 60, indsatser_egne_sager: 20}}\n"
    "  - dato: 2027-02-05\n    arbejdspakker: *uge\n",
    "three dates": "  - dato: 2027-01-22\n    arbejdspakker: &uge\n      {p}: 60\n"
    "  - dato: 2027-02-05\n    arbejdspakker: *uge\n  - dato: 2027-02-12\n    arbejdspakker: *uge\n",
}


@pytest.mark.parametrize("style", list(SHARED))
@pytest.mark.parametrize("write_to", ["anchor", "alias"])
def test_a_count_never_changes_another_dates_counts_through_an_anchor(tmp_path, style, write_to):
    project(tmp_path)
    progress = tmp_path / "fremdrift.yaml"
    progress.write_text("status:\n" + SHARED[style].format(p=PACKAGE), encoding="utf-8")
    before = counts(progress)
    day, package, number = (
        ("2027-01-22", "oekonomi_alle_sager", 5) if write_to == "anchor" else (max(before), PACKAGE, 70)
    )
    write_csv(tmp_path / "liste.csv", statuses(number, 3) if number > 2 else ["basis oprettet"] * number)
    result = optael(tmp_path, tmp_path / "liste.csv", package, day=day)
    assert result.returncode == 0, result.stderr
    after = counts(progress)
    assert after[day] == {**before[day], package: number}
    assert {d: c for d, c in after.items() if d != day} == {d: c for d, c in before.items() if d != day}


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


TARGETS = {
    "markdown page": lambda t: t / "index.md",
    "the list": lambda t: t / "liste.csv",
    "the plan": lambda t: t / "plan.yaml",
    "text file": lambda t: t / "noter.txt",
    "a folder": lambda t: t / "mappe.yaml",
    "a fifo": lambda t: _fifo(t / "kanal.yaml"),
    "a yaml list": lambda t: t / "liste.yaml",
    "status is text": lambda t: t / "tekst.yaml",
    "yaml that does not parse": lambda t: t / "brudt.yaml",
}


@pytest.mark.parametrize("target", list(TARGETS))
def test_a_target_that_is_not_a_progress_file_is_refused_before_writing(tmp_path, target):
    project(tmp_path)
    (tmp_path / "index.md").write_text("# Forside\n\nTekst.\n", encoding="utf-8")
    (tmp_path / "noter.txt").write_text("noter\n", encoding="utf-8")
    (tmp_path / "mappe.yaml").mkdir()
    (tmp_path / "liste.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "tekst.yaml").write_text("status: færdig\n", encoding="utf-8")
    (tmp_path / "brudt.yaml").write_text("status: [\n", encoding="utf-8")
    write_csv(tmp_path / "liste.csv", statuses(160, 10))
    path = TARGETS[target](tmp_path)
    files = {p.name: (p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()}
    result = optael(tmp_path, tmp_path / "liste.csv", progress=path)
    assert result.returncode == 1, result.stdout
    assert "ikke en fremdriftsfil" in result.stderr and "Traceback" not in result.stderr
    assert {p.name: (p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()} == files
