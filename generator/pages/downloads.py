"""Downloads on the plan page: the resource plan as Excel (.xlsx) and CSV, one row per role × ISO week.

Both files hold the same rows with Danish headers, then a total per role and a grand total. The CSV
is what Danish Excel opens directly: semicolon-separated, UTF-8 with a byte-order mark, decimal
comma. The .xlsx is byte-for-byte the same for the same plan (fixed timestamps).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from ..analysis.workload import Load, RoleTotal, role_totals_from
from ..formatting import round_half_up
from ..texts import site as texts
from .markdown import spreadsheet_text

XLSX = "downloads/ressourceplan.xlsx"
CSV = "downloads/ressourceplan.csv"
HEADERS = texts.SHEET_HEADERS
FIXED_TIME = dt.datetime(2000, 1, 1)


@dataclass(frozen=True)
class Row:
    role: str  # Danish role name, or "I alt …" on a total row
    year: int | None
    week: int | None
    monday: dt.date | None
    load: float
    capacity: float
    over: bool | None
    rate: float | None
    cost: float

    @property
    def spare(self) -> float:
        return round_half_up(self.capacity - self.load, 2)


def rows(
    load: Load, names: dict[str, str], rates: dict[str, float], totals: dict[str, RoleTotal] | None = None
) -> list[Row]:
    """One row per role × week, then 'I alt' per role, then the grand total. Week values are rounded half up to
    0.01 for the file, as every number the site shows (formatting.round_half_up); the totals are the analysis'
    (load.role_totals: rounded once), the same the pages show."""
    totals = totals if totals is not None else role_totals_from(load, rates)
    out = []
    for role, weeks in load.rows.items():
        rate = rates.get(role, 0.0)
        out += [
            Row(
                names[role],
                w.week[0],
                w.week[1],
                w.monday,
                round_half_up(w.load, 2),
                round_half_up(w.capacity, 2),
                w.over,
                rate,
                round_half_up(w.load * rate, 2),
            )
            for w in weeks
        ]
        t = totals[role]
        out.append(
            Row(
                texts.SHEET_TOTAL_ROLE.format(role=names[role]),
                None,
                None,
                None,
                t.hours,
                t.capacity,
                None,
                rate,
                t.cost,
            )
        )
    hours, capacity, cost = (
        round_half_up(sum(getattr(t, k) for t in totals.values()), 2) for k in ("hours", "capacity", "cost")
    )
    out.append(Row(texts.SHEET_TOTAL_ALL, None, None, None, hours, capacity, None, None, cost))
    return out


def _yes(over: bool | None) -> str:
    return "" if over is None else (texts.SHEET_YES if over else texts.SHEET_NO)


def new_sheet(title: str, headers) -> tuple:
    """A workbook with one sheet: its title and a bold header row. Returns (workbook, sheet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    return wb, ws


def finished(wb, ws, widths: tuple[int, ...]) -> bytes:
    """Column widths, the header row frozen, fixed metadata and zip times: the same plan, the same bytes."""
    for col, width in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", widths):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    wb.properties.creator = "konverteringsplan"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    return fixed_zip(raw.getvalue())


def xlsx(table: list[Row]) -> bytes:
    from openpyxl.styles import Font

    wb, ws = new_sheet(texts.SHEET_TITLE, HEADERS)
    for n, r in enumerate(table, start=2):  # row n; ws.max_row scans every cell, so it is not used here
        ws.append([r.role, r.year, r.week, r.monday, r.load, r.capacity, r.spare, _yes(r.over), r.rate, r.cost])
        ws.cell(n, 1).data_type = "s"  # a role name is text, never a formula ("=…")
        if r.year is None:  # a total row; ws[n] would scan every cell of the sheet (max_column) per row
            for col in range(1, len(HEADERS) + 1):
                ws.cell(n, col).font = Font(bold=True)
    for row in ws.iter_rows(min_row=2):
        row[3].number_format = "dd-mm-yyyy"
        for cell in row[4:7]:  # hours as stored and as in the csv: two decimals, so Excel does not round twice
            cell.number_format = "#,##0.00"
        for cell in row[8:10]:
            cell.number_format = "#,##0"
    return finished(wb, ws, (28, 6, 6, 12, 15, 17, 30, 16, 13, 16))


def fixed_zip(data: bytes) -> bytes:
    """Re-pack with fixed timestamps so the same plan gives the same file."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _fixed_core(body)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


def _fixed_core(body: bytes) -> bytes:
    import re

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>", body)


def _comma(value: float | None, decimals: int = 2) -> str:
    return "" if value is None else f"{value:.{decimals}f}".replace(".", ",")


def csv_file(headers, rows) -> bytes:
    """A csv for a Danish Excel: semicolons, CRLF and a byte order mark (UTF-8-BOM)."""
    text = io.StringIO()
    w = csv.writer(text, delimiter=";", lineterminator="\r\n")
    w.writerow(headers)
    w.writerows(rows)
    return text.getvalue().encode("utf-8-sig")


def csv_bytes(table: list[Row]) -> bytes:
    return csv_file(
        HEADERS,
        (
            [
                spreadsheet_text(r.role),
                r.year or "",
                r.week or "",
                r.monday.isoformat() if r.monday else "",
                _comma(r.load),
                _comma(r.capacity),
                _comma(r.spare),
                _yes(r.over),
                _comma(r.rate),
                _comma(r.cost),
            ]
            for r in table
        ),
    )
