"""`optael` under attack (issue 25, classes 3, 4 and 5): it loses nothing when two runs meet or the file shares
mappings, it writes only a progress file, it is bounded, and it reads lists as Excel writes them.

Every CPR-shaped value is built from a date at run time (test_progress_count.fake_cpr)."""

from __future__ import annotations

import os
import re
import threading
import zipfile
from pathlib import Path

import pytest
import yaml
from count_support import PACKAGE, assert_nothing_leaked, project, secrets, statuses, write_csv

from conftest import like, partly, run_cli
from konverteringsplan.texts import commands as say

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
    assert say.COUNT_NOT_PROGRESS in result.stderr and "Traceback" not in result.stderr
    assert {p.name: (p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()} == files


# --- 5. lists as Excel writes them -------------------------------------------------------------------

HEADER = ["Barnets navn", "CPR", "Sagsnummer", "status", "Bemærkning"]


def list_rows(rows: list[str], note: str = "") -> list[list[str]]:
    return [HEADER] + [
        [name, number, case, status, note or f"ringede til {name}"]
        for (name, number, case), status in zip(secrets(len(rows)), rows)
    ]


def csv_bytes(table: list[list[str]], delimiter: str, newline: str, encoding: str) -> bytes:
    text = newline.join(delimiter.join(row) for row in table) + newline
    return text.encode(encoding)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"], ids=["CRLF", "LF", "CR"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"], ids=["semicolon", "comma", "tab"])
def test_a_csv_as_excel_saves_it_is_read(tmp_path, encoding, newline, delimiter):
    project(tmp_path)
    rows = statuses(160, 10)
    liste = tmp_path / "liste.csv"
    liste.write_bytes(csv_bytes(list_rows(rows), delimiter, newline, encoding))
    result = optael(tmp_path, liste)
    assert result.returncode == 0, result.stderr
    assert partly(say.COUNT_WROTE, done=160, rows=169).search(result.stdout)
    assert_nothing_leaked(len(rows), result.stdout, result.stderr, (tmp_path / "fremdrift.yaml").read_text("utf-8"))


@pytest.mark.parametrize("extra", [0, 1], ids=["at Excel's limit", "one more"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_huge_free_text_cell_in_another_column(tmp_path, kind, extra):
    from konverteringsplan.io.tracking_list import MAX_CELL_CHARS

    project(tmp_path)
    rows = statuses(160, 10)
    table = list_rows(rows)
    table[2][4] = "Barnenavn " + "x" * (MAX_CELL_CHARS - 10 + extra)
    liste = tmp_path / f"liste.{kind}"
    if kind == "csv":
        liste.write_bytes(csv_bytes(table, ";", "\r\n", "utf-8"))
    else:
        xlsx_file(liste, table)
    result = optael(tmp_path, liste)
    assert "Traceback" not in result.stderr
    if extra and kind == "csv":
        assert result.returncode == 1
        where = say.LIST_CELL.format(row=3, col="E")
        assert partly(say.LIST_CELL_TOO_LONG, where=where, limit="32.767").search(result.stderr)
    else:  # at the limit; or in an .xlsx, where no other column is read at all
        assert result.returncode == 0, result.stderr
    assert_nothing_leaked(len(rows), result.stdout, result.stderr)


def xlsx_file(path: Path, table: list[list]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in table:
        ws.append(row)
    wb.save(path)


def rewrite_part(path: Path, member: str, change) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


WRONG_TYPES = {
    "number": 'r="B{r}" t="n"><v>{value}</v>',
    "boolean": 'r="B{r}" t="b"><v>{value}</v>',
    "date": 'r="B{r}" t="d"><v>{value}</v>',
    "error": 'r="B{r}" t="e"><v>{value}</v>',
    "shared index out of range": 'r="B{r}" t="s"><v>99999{r}</v>',
    "unknown type": 'r="B{r}" t="qq"><v>{value}</v>',
}


@pytest.mark.parametrize("wrong", list(WRONG_TYPES))
def test_a_cell_of_the_wrong_type_in_another_column_is_never_read(tmp_path, wrong):
    project(tmp_path)
    rows = statuses(160, 10)
    liste = tmp_path / "liste.xlsx"
    xlsx_file(liste, list_rows(rows))

    def change(sheet: str) -> str:
        for r, (_, number, _) in enumerate(secrets(len(rows)), start=2):
            sheet = re.sub(
                rf'r="B{r}" t="\w+"><is><t>{number}</t></is>',
                WRONG_TYPES[wrong].format(r=r, value=f"Barnenavn {number}"),
                sheet,
            )
        return sheet

    rewrite_part(liste, "xl/worksheets/sheet1.xml", change)
    result = optael(tmp_path, liste)
    assert result.returncode == 0, result.stderr
    assert partly(say.COUNT_WROTE, done=160).search(result.stdout)
    assert_nothing_leaked(len(rows), result.stdout, result.stderr)


# --- 4. bounded -------------------------------------------------------------------------------------


def _limit(monkeypatch, name: str, value: int) -> None:
    from konverteringsplan.io import tracking_list

    monkeypatch.setattr(tracking_list, name, value)


def _xlsx_parts(path: Path) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: i for i in z.infolist()}


READ_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")


def _edge(kind: str, liste: Path) -> tuple[str, int, str]:
    """(limit's name, the value this list is exactly at, the template of its refusal in texts/)."""
    if kind == "file size":
        return "MAX_FILE_BYTES", liste.stat().st_size, say.LIST_TOO_BIG
    if kind == "rows":
        return "MAX_ROWS", 1 + len(statuses(160, 10)), say.LIST_TOO_MANY_ROWS
    if kind == "columns":
        return "MAX_COLUMNS", len(HEADER), say.LIST_TOO_MANY_COLUMNS
    if kind == "cell size":
        return (
            "MAX_CELL_CHARS",
            max(len(c) for row in list_rows(statuses(160, 10)) for c in row),
            say.LIST_CELL_TOO_LONG,
        )
    parts = _xlsx_parts(liste)
    if kind == "unpacked size":
        return "MAX_UNPACKED_BYTES", sum(parts[p].file_size for p in READ_PARTS if p in parts), say.LIST_XLSX_TOO_BIG
    if kind == "compression ratio":
        info = parts["xl/worksheets/sheet1.xml"]
        return "MAX_RATIO", -(-info.file_size // info.compress_size), say.LIST_XLSX_RATIO
    if kind == "zip members":
        return "MAX_MEMBERS", len(parts), say.LIST_XLSX_MEMBERS
    if kind == "shared strings":
        with zipfile.ZipFile(liste) as z:
            return "MAX_SHARED_STRINGS", z.read("xl/sharedStrings.xml").count(b"<si>"), say.LIST_XLSX_SHARED
    raise AssertionError(kind)


LIMITS = {
    "csv": ["file size", "rows", "columns", "cell size"],
    "xlsx": ["file size", "rows", "columns", "unpacked size", "compression ratio", "zip members", "shared strings"],
}


def _shared_strings_list(path: Path, rows: list[str]) -> None:
    """An .xlsx as Excel saves it: every text in the shared strings table."""
    xlsx_file(path, list_rows(rows))
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    texts: list[str] = []

    def shared(m: re.Match) -> str:
        texts.append(m.group(2))
        return f'{m.group(1)} t="s"><v>{len(texts) - 1}</v>'

    sheet = re.sub(r'(<c r="[A-Z]+\d+") t="inlineStr"><is><t>([^<]*)</t></is>', shared, sheet)
    table = "".join(f"<si><t>{t}</t></si>" for t in texts)
    strings = (
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(texts)}">{table}</sst>'
    )
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda _: sheet)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("xl/sharedStrings.xml", strings)


@pytest.mark.parametrize("edge", ["at", "below", "above"])
@pytest.mark.parametrize("kind,limit", [(k, lim) for k, lims in LIMITS.items() for lim in lims])
def test_every_limit_at_its_edge(tmp_path, monkeypatch, kind, limit, edge):
    project(tmp_path)
    rows = statuses(160, 10)
    liste = tmp_path / f"liste.{kind}"
    if kind == "csv":
        liste.write_bytes(csv_bytes(list_rows(rows), ";", "\r\n", "utf-8"))
    else:
        _shared_strings_list(liste, rows)
    name, at, refusal = _edge(limit, liste)
    _limit(monkeypatch, name, {"at": at, "below": at - 1, "above": at + 1}[edge])
    if limit == "compression ratio":
        _limit(monkeypatch, "RATIO_FROM", 0)
    result = optael(tmp_path, liste)
    assert "Traceback" not in result.stderr
    if edge == "below":  # the limit is one less than this list needs
        assert result.returncode == 1, result.stdout
        assert like(refusal).search(result.stderr), result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert partly(say.COUNT_WROTE, done=160).search(result.stdout)
    assert_nothing_leaked(len(rows), result.stdout, result.stderr)


def _sparse(path: Path) -> Path:
    from konverteringsplan.io.tracking_list import SPARSE_FROM

    with path.open("wb") as fh:
        fh.write(b"status\n")
        fh.truncate(SPARSE_FROM * 4)
    return path


SPECIAL = {
    "fifo": lambda p: _fifo(p),
    "device": lambda p: (p.symlink_to("/dev/zero"), p)[1],
    "folder": lambda p: (p.mkdir(), p)[1],
    "sparse": _sparse,
    "too big": lambda p: (p.write_bytes(b"status\n" + b"x;" * 10_000_001), p)[1],
}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("special", list(SPECIAL))
def test_a_device_fifo_folder_or_sparse_file_is_refused_before_reading(tmp_path, special, suffix):
    project(tmp_path)
    liste = SPECIAL[special](tmp_path / f"liste.{suffix}")
    result = optael(tmp_path, liste)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "liste." in result.stderr


def test_a_doctype_in_a_workbook_is_refused(tmp_path):
    project(tmp_path)
    liste = tmp_path / "liste.xlsx"
    xlsx_file(liste, list_rows(statuses(160, 10)))
    bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    rewrite_part(
        liste, "xl/worksheets/sheet1.xml", lambda s: s.replace("?>", "?>" + bomb, 1) if "?>" in s else bomb + s
    )
    result = optael(tmp_path, liste)
    assert result.returncode == 1 and "DOCTYPE" in result.stderr


FILLERS = {
    "repetitive": lambda: '<row><c t="n"><v>1</v></c></row>' * 2_000_000,
    "varied": lambda: "".join(
        f'<row r="{n}"><c r="A{n}" t="n"><v>{n * 7919 % 99991}</v></c>'
        f'<c r="E{n}" t="inlineStr"><is><t>ringede til familien</t></is></c></row>'
        for n in range(200, 100_000)
    ),
}


@pytest.mark.parametrize("filler", list(FILLERS))
def test_a_crafted_workbook_that_unpacks_far_beyond_the_limit_is_refused(tmp_path, filler):
    """About 1 MB on disk, many times that unpacked: refused from the zip's sizes or while unpacking."""
    project(tmp_path)
    liste = tmp_path / "liste.xlsx"
    xlsx_file(liste, list_rows(statuses(160, 10)))
    rows = FILLERS[filler]()
    rewrite_part(liste, "xl/worksheets/sheet1.xml", lambda s: s.replace("</sheetData>", rows + "</sheetData>"))
    assert liste.stat().st_size < 1_500_000
    result = optael(tmp_path, liste)
    assert result.returncode == 1
    assert "udpakket mere end 10.000.000 byte" in result.stderr or "pakket mere end 100 gange" in result.stderr


def test_a_windows_1252_csv_whose_first_non_ascii_letter_comes_late_is_read_again(tmp_path):
    project(tmp_path)
    rows = statuses(160, 10)  # "Færdig" stands far below the first 4.000 bytes
    table = [[c.replace("æ", "ae") for c in row] for row in list_rows(rows)]
    liste = tmp_path / "liste.csv"
    liste.write_bytes(csv_bytes(table, ";", "\r\n", "cp1252"))
    assert liste.read_bytes().index("FÆRDIG".encode("cp1252")) > 8192
    result = optael(tmp_path, liste)
    assert result.returncode == 0, result.stderr
    assert partly(say.COUNT_WROTE, done=160, rows=169).search(result.stdout)
