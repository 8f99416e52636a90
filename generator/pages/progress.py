"""Fremdrift: the conversion against its plan, from fremdrift.yaml (only when the plan has one).

Pages (section "Fremdrift"): the overview (KLIK status of "Konverter sager", progress per work package,
session and role, each a chart with a table beside it), the reconciliation, the quality of the control
rounds and go/no-go. Downloads: downloads/fremdrift.xlsx and .csv for the steering group. The pages are left
searchable, but ranked low (front matter ``search: boost``, common.SEARCH_BOOST_PROGRESS): they are status
reports full of the same words as the reference pages ("go-live", "kontrolrunder", category names), and at
full weight staff queries found them instead of the pages that explain (hit rate 88,7 % with them, 90,1 %
with boost 0.5). The README gives the figures with today's boost. The facts are computed in analysis/progress.py; the words are in
templates/fremdrift*.md.j2 and texts/site.py.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from .. import formatting as fmt
from ..analysis import Figures
from ..analysis.progress import BEHIND, DONE, Item, ProgressFigures, RoleProgress, cases
from ..model import Plan
from ..texts import site as texts
from . import charts
from .common import SEARCH_BOOST_PROGRESS, Later
from .downloads import csv_file, finished, new_sheet
from .markdown import spreadsheet_text

SECTION = texts.SECTION_PROGRESS
XLSX = "downloads/fremdrift.xlsx"
CSV = "downloads/fremdrift.csv"


def verdict_text(i: Item | RoleProgress) -> str:
    """ "på sporet", "færdig" or "bagud: 36 sager, færdig ca. 1. marts 2027 mod frist 28. februar 2027"."""
    if i.verdict == DONE:
        late = [i] if isinstance(i, Item) and i.days_late else list(getattr(i, "finished_late", ()))
        if not late:
            return texts.VERDICT_DONE
        if isinstance(i, Item):
            return _done_late(i)
        return texts.VERDICT_DONE_LATE_ITEMS.format(items=fmt.and_list(f"{x.name} {_done_late(x)}" for x in late))
    if i.verdict != BEHIND:
        return texts.VERDICT_NOT_STARTED if isinstance(i, Item) and i.not_started else texts.VERDICT_ON_TRACK
    n = cases(i.behind)
    if isinstance(i, RoleProgress):
        return texts.VERDICT_BEHIND.format(cases=n)
    if i.finish is None:
        return texts.VERDICT_BEHIND_UNMEASURED.format(cases=n, deadline=fmt.date(i.deadline))
    return texts.VERDICT_BEHIND_FORECAST.format(cases=n, finish=fmt.date(i.finish), deadline=fmt.date(i.deadline))


def _done_late(i: Item) -> str:
    """ "færdig 5. februar 2027, 12 dage efter fristen" """
    assert i.finish is not None  # days_late is 0 without a finish date
    days = texts.DAY_ONE if i.days_late == 1 else texts.DAYS_MANY.format(n=i.days_late)
    return texts.VERDICT_DONE_LATE.format(finish=fmt.date(i.finish), days=days)


def _bars(items: list[Item]) -> list[charts.ProgressBar]:
    return [
        charts.ProgressBar(
            i.name,
            i.done,
            i.planned,
            i.total,
            texts.CHART_PROGRESS_NOTE.format(done=fmt.number(i.done), total=fmt.number(i.total)),
        )
        for i in items
    ]


def _overview_chart(items: list[Item], as_of) -> object:
    return charts.progress_bars(
        "fremdrift",
        texts.CHART_PROGRESS_TITLE_AS_OF.format(date=fmt.date(as_of)) if as_of else texts.CHART_PROGRESS_TITLE,
        texts.CHART_PROGRESS_DESC,
        _bars(items),
    )


def _role_chart(f: ProgressFigures, r: RoleProgress) -> object:
    return charts.line_chart(
        f"fremdrift-{r.role.id}",
        texts.CHART_ROLE_PROGRESS_TITLE.format(role=r.role.name),
        texts.CHART_ROLE_PROGRESS_DESC,
        [fmt.week(p.date) for p in r.history],
        [
            charts.Series(texts.CHART_ROLE_PROGRESS_DONE, [p.done for p in r.history]),
            charts.Series(texts.CHART_ROLE_PROGRESS_PLANNED, [p.planned for p in r.history], dashed=True),
        ],
        r.total,
    )


def progress(plan: Plan, figures: Figures, out) -> None:
    f = figures.progress
    if f is None:
        return  # no fremdrift.yaml: the site is as without this section
    names = plan.role_names
    period = [i for i in f.items if not i.follow_up]
    common = dict(plan=plan, f=f, names=names, dom=verdict_text, search_boost=SEARCH_BOOST_PROGRESS)
    out.add(
        "fremdrift/index.md",
        texts.PAGE_PROGRESS_OVERVIEW,
        "fremdrift.md.j2",
        section=SECTION,
        items=f.items,
        chart=Later(_overview_chart, period, f.as_of),
        roles=f.roles,
        role_chart=partial(_role_chart, f),
        xlsx=f"../{XLSX}",
        csv=f"../{CSV}",
        **common,
    )
    out.add(
        "fremdrift/afstemning.md",
        texts.PAGE_PROGRESS_RECONCILIATION,
        "fremdrift_afstemning.md.j2",
        section=SECTION,
        **common,
    )
    quality_chart = Later(
        charts.interval_chart,
        "kvalitet",
        texts.CHART_QUALITY_TITLE,
        texts.CHART_QUALITY_DESC,
        [charts.Interval(q.activity, q.rate_pct, q.low_pct, q.high_pct, q.threshold) for q in f.quality],
    )
    out.add(
        "fremdrift/kvalitet.md",
        texts.PAGE_PROGRESS_QUALITY,
        "fremdrift_kvalitet.md.j2",
        section=SECTION,
        chart=quality_chart,
        **common,
    )
    out.add(
        "fremdrift/go-no-go.md", texts.PAGE_PROGRESS_GO_NO_GO, "fremdrift_go_no_go.md.j2", section=SECTION, **common
    )
    table = rows(f, names)
    out.download(XLSX, xlsx, table)
    out.download(CSV, csv_bytes, table)


BUILDERS = [progress]


# --- downloads ---------------------------------------------------------------------------------

HEADERS = texts.PROGRESS_SHEET_HEADERS


def rows(f: ProgressFigures, names: dict[str, str]) -> list[list]:
    """One row per work package or session and counting date (the history); the latest row of each
    carries the verdict and the forecast."""
    out = []
    for i in f.items:
        # a package or session not counted yet: one row at the counting date, nothing done, no forecast
        counts: list[tuple[dt.date | None, int, int]] = [(p.date, p.done, p.planned) for p in i.history]
        counts = counts or [(f.as_of, 0, i.planned)]
        for k, (day, done, planned) in enumerate(counts):
            last = k == len(counts) - 1
            out.append(
                [
                    day,
                    texts.KIND_NAMES[i.kind],
                    i.name,
                    names.get(i.role, i.role),
                    done,
                    planned,
                    i.total,
                    verdict_text(i) if last else "",
                    i.finish if last and i.history else None,
                    i.deadline,
                ]
            )
    return out


def xlsx(table: list[list]) -> bytes:
    wb, ws = new_sheet(texts.PROGRESS_SHEET_TITLE, HEADERS)
    for n, r in enumerate(table, start=2):
        ws.append(r)
        for col in (2, 3, 4, 8):
            ws.cell(n, col).data_type = "s"  # text from the plan is text, never a formula ("=…")
        for col in (1, 9, 10):
            ws.cell(n, col).number_format = "dd-mm-yyyy"
    return finished(wb, ws, (14, 13, 44, 20, 14, 18, 12, 60, 12, 12))


def csv_bytes(table: list[list]) -> bytes:
    return csv_file(
        HEADERS,
        (
            [
                r[0].isoformat() if r[0] else "",
                r[1],
                spreadsheet_text(r[2]),
                spreadsheet_text(r[3]),
                r[4],
                r[5],
                r[6],
                r[7],
                r[8].isoformat() if r[8] else "",
                r[9].isoformat() if r[9] else "",
            ]
            for r in table
        ),
    )
