"""Fremdrift: the conversion against its plan, from fremdrift.yaml (only when the plan has one).

Pages (section "Fremdrift"): the overview (KLIK status of "Konverter sager", progress per work package,
session and role, each a chart with a table beside it), the reconciliation, the quality of the control
rounds and go/no-go. Downloads: downloads/fremdrift.xlsx and .csv for the steering group. The pages are left
out of the search index (front matter ``search: exclude``): they are status reports full of the same words
as the reference pages ("go-live", "kontrolrunder", category names), and with them in the index staff
queries found them instead of the pages that explain (hit rate 88,7 % with them, 90,1 % with boost 0.5).
They are one click away in the navigation. The facts are computed in analysis/progress.py; the words are in templates/fremdrift*.md.j2.
"""

from __future__ import annotations

import csv
import io
from functools import partial

from . import charts
from .. import formatting as fmt
from ..analysis import Figures
from ..analysis.progress import BEHIND, DONE, Item, ProgressFigures, RoleProgress
from ..model import Plan
from .common import Later
from .downloads import FIXED_TIME, _fixed_zip
from .markdown import spreadsheet_text

SECTION = "Fremdrift"
XLSX = "downloads/fremdrift.xlsx"
CSV = "downloads/fremdrift.csv"
KINDS = {"arbejdspakke": "Arbejdspakke", "hold": "Hold"}


def verdict_text(i: Item | RoleProgress) -> str:
    """"på sporet", "færdig" or "bagud: 36 sager, færdig ca. 1. marts 2027 mod frist 28. februar 2027"."""
    if i.verdict == DONE:
        return "færdig"
    if i.verdict != BEHIND:
        return "på sporet (ikke startet)" if isinstance(i, Item) and i.not_started else "på sporet"
    n = f"{i.behind} {'sag' if i.behind == 1 else 'sager'}"
    if isinstance(i, RoleProgress):
        return f"bagud: {n}"
    if i.finish is None:
        return f"bagud: {n}, ingen fremdrift målt endnu, frist {fmt.date(i.deadline)}"
    return f"bagud: {n}, færdig ca. {fmt.date(i.finish)} mod frist {fmt.date(i.deadline)}"


def percent1(value: float) -> str:
    """"2,9 %" (one decimal)."""
    return f"{fmt.number(value, 1).removesuffix(',0')} %"


def _bars(items: list[Item]) -> list[charts.ProgressBar]:
    return [charts.ProgressBar(i.name, i.done, i.planned, i.total, f"{fmt.number(i.done)} af {fmt.number(i.total)}")
            for i in items]


def _overview_chart(items: list[Item], as_of) -> object:
    return charts.progress_bars(
        "fremdrift", f"Færdige sager pr. arbejdspakke og hold pr. {fmt.date(as_of)}" if as_of else
        "Færdige sager pr. arbejdspakke og hold",
        "Vandrette bjælker: andelen af sagerne, der er færdige (fyldt), ud af alle arbejdspakkens sager (ramme). "
        "Den lodrette streg viser, hvor langt planen siger, arbejdet skulle være nået. Tallene står i tabellen under.",
        _bars(items))


def _role_chart(f: ProgressFigures, r: RoleProgress) -> object:
    return charts.line_chart(
        f"fremdrift-{r.role.id}", f"{r.role.name}: færdige og planlagte sager over tid",
        "To linjer over optællingsdatoerne: færdige sager (fuld linje med runde punkter) og sager, der efter planen "
        "skulle være færdige (stiplet linje med firkantede punkter). Tallene står i tabellen under.",
        [fmt.week(p.date) for p in r.history],
        [charts.Series("Færdige", [p.done for p in r.history]),
         charts.Series("Planlagt", [p.planned for p in r.history], dashed=True)], r.total)


def progress(plan: Plan, figures: Figures, out) -> None:
    f = figures.progress
    if f is None:
        return  # no fremdrift.yaml: the site is as without this section
    names = {r.id: r.name for r in plan.roles}
    period = [i for i in f.items if not i.follow_up]
    common = dict(plan=plan, f=f, names=names, dom=verdict_text, kinds=KINDS, pct1=percent1)
    out.add("fremdrift/index.md", "Overblik", "fremdrift.md.j2", section=SECTION,
            items=f.items, chart=Later(_overview_chart, period, f.as_of),
            roles=f.roles, role_chart=partial(_role_chart, f),
            xlsx=f"../{XLSX}", csv=f"../{CSV}", **common)
    out.add("fremdrift/afstemning.md", "Afstemning", "fremdrift_afstemning.md.j2", section=SECTION, **common)
    quality_chart = Later(charts.interval_chart, "kvalitet", "Fejlrate pr. kontrolrunde med 95 %-interval",
                          "Punkt: fejlraten i stikprøven. Vandret streg: 95 %-konfidensintervallet (Wilson). "
                          "Stiplet lodret streg: grænsen fra go/no-go-kriterierne. Tallene står i tabellen under.",
                          [charts.Interval(q.activity, q.rate * 100, q.low * 100, q.high * 100, q.threshold)
                           for q in f.quality])
    out.add("fremdrift/kvalitet.md", "Kvalitet", "fremdrift_kvalitet.md.j2", section=SECTION,
            chart=quality_chart, **common)
    out.add("fremdrift/go-no-go.md", "Go/no-go", "fremdrift_go_no_go.md.j2", section=SECTION, **common)
    table = rows(f, names)
    out.download(XLSX, xlsx, table)
    out.download(CSV, csv_bytes, table)


BUILDERS = [progress]


# --- downloads ---------------------------------------------------------------------------------

HEADERS = ["Optællingsdato", "Type", "Navn", "Rolle", "Færdige sager", "Planlagt til datoen", "Sager i alt",
           "Vurdering", "Færdig ca.", "Frist"]


def rows(f: ProgressFigures, names: dict[str, str]) -> list[list]:
    """One row per work package or session and counting date (the history); the latest row of each
    carries the verdict and the forecast."""
    out = []
    for i in f.items:
        for k, p in enumerate(i.history):
            last = k == len(i.history) - 1
            out.append([p.date, KINDS[i.kind], i.name, names.get(i.role, i.role), p.done, p.planned, i.total,
                        verdict_text(i) if last else "", i.finish if last else None, i.deadline])
        if not i.history:
            out.append([f.as_of, KINDS[i.kind], i.name, names.get(i.role, i.role), 0, i.planned, i.total,
                        verdict_text(i), None, i.deadline])
    return out


def xlsx(table: list[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Fremdrift"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for n, r in enumerate(table, start=2):
        ws.append(r)
        for col in (2, 3, 4, 8):
            ws.cell(n, col).data_type = "s"  # text from the plan is text, never a formula ("=…")
        for col in (1, 9, 10):
            ws.cell(n, col).number_format = "dd-mm-yyyy"
    for col, width in zip("ABCDEFGHIJ", (14, 13, 44, 20, 14, 18, 12, 60, 12, 12)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    wb.properties.creator = "konverteringsplan"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    return _fixed_zip(raw.getvalue())


def csv_bytes(table: list[list]) -> bytes:
    text = io.StringIO()
    w = csv.writer(text, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADERS)
    for r in table:
        w.writerow([r[0].isoformat() if r[0] else "", r[1], spreadsheet_text(r[2]), spreadsheet_text(r[3]), r[4],
                    r[5], r[6], r[7], r[8].isoformat() if r[8] else "", r[9].isoformat() if r[9] else ""])
    return text.getvalue().encode("utf-8-sig")
