"""Tracking lists for the `optael` tests: fake names, CPR-shaped numbers built from dates at run time and case
numbers in the columns optael must never read, and a check that none of them got out."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from openpyxl import Workbook

from conftest import ROOT

PACKAGE = "basis_manuelle_sager"


def fake_cpr(i: int) -> str:
    return (dt.date(2010, 1, 1) + dt.timedelta(days=37 * i)).strftime("%d%m%y") + f"{1000 + i:04d}"


def secrets(n: int) -> list[tuple[str, str, str]]:
    """(name, CPR-shaped number, case number) per row: what must never leave the list."""
    return [(f"Barnenavn{i}xq Efternavn{i}", fake_cpr(i), f"SAG-{7000 + i}") for i in range(n)]


def statuses(done: int, other: int) -> list[str]:
    return ["basis oprettet"] * (done - 2) + ["Færdig", " FÆRDIG "] + ["i gang"] * (other - 1) + [""]


def project(tmp_path: Path) -> Path:
    for name in ("plan.yaml", "fremdrift.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def write_csv(path: Path, rows: list[str]) -> None:
    lines = ["Barnets navn;CPR;Sagsnummer;status;Bemærkning"]
    for (name, cpr, case), status in zip(secrets(len(rows)), rows):
        lines.append(f"{name};{cpr};{case};{status};ringede til {name}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_xlsx(path: Path, rows: list[str]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["CPR", "Navn", "Status", "Sagsnummer"])
    for (name, cpr, case), status in zip(secrets(len(rows)), rows):
        ws.append([cpr, name, status, case])
    wb.save(path)


def assert_nothing_leaked(n: int, *texts: str) -> None:
    for name, cpr, case in secrets(n):
        for text in texts:
            assert name not in text and cpr not in text and case not in text
            assert f"{cpr[:6]}-{cpr[6:]}" not in text
    for text in texts:
        assert "Barnenavn" not in text and "SAG-" not in text and "ringede" not in text
