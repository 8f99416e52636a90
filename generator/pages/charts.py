"""Charts as inline SVG, drawn in Python: no JavaScript, no CDN, works offline and in print.

Every chart is ``<svg role="img">`` with a ``<title>`` and ``<desc>``; the page always puts a
Markdown table with the same numbers beside it. Text uses ``currentColor`` so it follows the light
and dark colour schemes; every fill colour has at least 3:1 contrast against both backgrounds
(WCAG 1.4.11), and no meaning rests on colour alone: series differ by pattern, line style and
marker too, and the legend and labels say in words what each one is.

The functions take plain numbers and Danish strings and return ``Markup`` (trusted HTML).
Charts carry ``data-search-exclude``: Material's search would index their tick labels as runs of
digits ("0255075100timer…"); the table beside each chart is indexed instead.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..formatting import month_short, number
from ..texts import site as texts

BLUE, ORANGE, GREEN, PURPLE, GREY = "#3f7fc4", "#c95f1e", "#3a8a4e", "#8a6fb5", "#7a7a7a"
FONT_SIZE = 12
FONT = f'font-family="inherit" font-size="{FONT_SIZE}"'
MIN_TEXT_PX = 11  # a chart never shrinks its text below this on screen: on a phone it scrolls sideways instead
WIDTH = 760


def _e(text: str) -> str:
    return escape(str(text), quote=True)


def _svg(uid: str, title: str, desc: str, width: int, height: float, body: list[str], defs: str = "") -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;min-width:{math.ceil(width * MIN_TEXT_PX / FONT_SIZE)}px;height:auto" '
        f'class="kp-chart" {FONT} data-search-exclude>'
        f'<title id="{uid}-t">{_e(title)}</title><desc id="{uid}-d">{_e(desc)}</desc>'
    )
    parts = [head, f"<defs>{defs}</defs>" if defs else "", *body, "</svg>"]
    svg = "".join(p for p in parts if p)
    return Markup(f'<figure class="kp-figure">{svg}</figure>')


def _hatch(uid: str, colour: str) -> str:
    return (
        f'<pattern id="{uid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{colour}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern>'
    )


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="currentColor"{extra}>{_e(text)}</text>'


def _legend(x: float, y: float, items: list[tuple[str, str]]) -> list[str]:
    """items: (swatch svg at 0,0 size 14, label)."""
    out = []
    for swatch, label in items:
        out.append(f'<g transform="translate({x:.1f},{y:.1f})">{swatch}</g>')
        out.append(_text(x + 20, y + 11, label))
        x += 30 + 7 * len(label)
    return out


def _wrap(text: str, limit: int) -> list[str]:
    """Lines of at most `limit` characters, split at spaces (long words are cut). Nothing is dropped:
    the lines joined without a separator give the text back, so every label is shown in full."""
    lines, current = [], ""
    for word in str(text).split(" "):
        while len(word) > limit:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:limit])
            word = word[limit:]
        if current and len(current) + len(word) > limit:
            lines.append(current)
            current = ""
        current += word + " "
    lines.append(current[:-1])
    return [line for line in lines if line] or [""]


def _label(x: float, y: float, lines: list[str], anchor: str = "start", extra: str = "") -> str:
    return "".join(_text(x, y + 14 * i, line, anchor, extra) for i, line in enumerate(lines))


def _marker(x: float, y1: object, y2: object, dash: str, label_y: float, label: str) -> list[str]:
    """A dashed vertical line at a date or week with its label in bold (go-live, "i dag")."""
    return [
        f'<line x1="{x:.1f}" y1="{y1}" x2="{x:.1f}" y2="{y2}" stroke="currentColor" '
        f'stroke-width="1.5" stroke-dasharray="{dash}"/>',
        _text(x, label_y, label, anchor="middle", extra=' font-weight="bold"'),
    ]


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if value <= m * step:
            return m * step
    return 10 * step


def _rows(labels: list[list[str]], top: float, row_h: float) -> tuple[list[float], float]:
    """Rows stacked from `top`: each is `row_h` high plus 14 px for each extra line of its wrapped label.
    Returns the top of every row and the y just below the last one."""
    tops, y = [], top
    for lines in labels:
        tops.append(y)
        y += row_h + 14 * (len(lines) - 1)
    return tops, y


def _grid_x(ticks: list[tuple[float, str]], top: float, height: float) -> list[str]:
    """Vertical grid lines of a chart with horizontal rows, each labelled under the rows."""
    out = []
    for gx, label in ticks:
        out.append(
            f'<line x1="{gx:.1f}" y1="{top - 4}" x2="{gx:.1f}" y2="{height - 26}" stroke="{GREY}" stroke-width="0.5"/>'
        )
        out.append(_text(gx, height - 12, label, anchor="middle"))
    return out


def _row_label(right: float, y: float, lines: list[str]) -> str:
    """A row's wrapped label, right-aligned against the plot at `right`."""
    return _label(right - 8, y + 18, lines, anchor="end")


# --- Gantt ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    start: dt.date
    end: dt.date  # inclusive; == start for a one-day item or a milestone
    section: str  # group heading, e.g. "Arbejdspakker"
    milestone: bool = False


def gantt(uid: str, title: str, desc: str, bars: list[Bar], marker: tuple[str, dt.date] | None = None) -> Markup:
    """A Gantt chart: one row per bar under section headings; dates are laid out here, in Python."""
    if not bars:
        return Markup("")
    first = min(b.start for b in bars).replace(day=1)
    last = max(b.end for b in bars)
    span = (last - first).days + 1
    left, right, row_h = 290, 20, 20
    plot = WIDTH - left - right

    def x(day: dt.date) -> float:
        return left + plot * (day - first).days / span

    rows: list[tuple[str, Bar | None, list[str]]] = []
    for section in dict.fromkeys(b.section for b in bars):
        rows.append((section, None, _wrap(section, 40)))
        rows += [(section, b, _wrap(b.label, 40)) for b in bars if b.section == section]
    top = 30
    tops, y = _rows([lines for _, _, lines in rows], top, row_h)
    height = y + 20
    body = []
    month = first
    # "nov. 2026" needs about 60 px: with narrower months only every step-th month is labelled
    label_every = max(1, -(-60 * span // (plot * 30)))
    index = 0
    while month <= last:
        mx = x(month)
        body.append(
            f'<line x1="{mx:.1f}" y1="{top - 8}" x2="{mx:.1f}" y2="{height - 20}" stroke="{GREY}" stroke-width="0.5"/>'
        )
        if index % label_every == 0:
            body.append(_text(mx + 2, top - 12, month_short(month)))
        index += 1
        if month.year == dt.date.max.year and month.month == 12:
            break
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    for (_section, bar, lines), y in zip(rows, tops):
        if bar is None:
            body.append(_label(4, y + 14, lines, extra=' font-weight="bold"'))
            continue
        body.append(_label(14, y + 14, lines))
        if bar.milestone:
            cx = x(bar.start)
            body.append(
                f'<path d="M{cx:.1f},{y + 3} l7,7 l-7,7 l-7,-7 z" fill="{PURPLE}" stroke="currentColor" '
                'stroke-width="0.5"/>'
            )
        else:
            x0, x1 = x(bar.start), x(bar.end) + plot / span  # to the end of the last day
            body.append(
                f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(3.0, x1 - x0):.1f}" height="{row_h - 8}" '
                f'fill="{BLUE}" rx="2"/>'
            )
    if marker and first <= marker[1] <= last:
        mx = x(marker[1])
        body += _marker(mx, top - 4, height - 16, "4 3", height - 4, marker[0])
    return _svg(uid, title, desc, WIDTH, height, body)


# --- weekly load against capacity -------------------------------------------------------------


@dataclass(frozen=True)
class LoadWeek:
    label: str  # "uge 3"
    load: float
    capacity: float

    @property
    def over(self) -> bool:
        return self.load > self.capacity + 0.05


def load_chart(uid: str, title: str, desc: str, weeks: list[LoadWeek]) -> Markup:
    """Bars: planned hours per week; dashed step line: capacity; over-capacity bars hatched and marked "!"."""
    if not weeks:
        return Markup("")
    left, right, top, bottom = 50, 10, 40, 40
    height = 260
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = _nice_max(max(max(w.load, w.capacity) for w in weeks))
    step = plot_w / len(weeks)

    def y(v: float) -> float:
        return top + plot_h * (1 - v / peak)

    body = _axis_y(left, WIDTH - right, y, peak, texts.CHART_UNIT_HOURS)
    every = max(1, len(weeks) // 12)
    cap_path = []
    for i, w in enumerate(weeks):
        x0 = left + i * step
        if w.load > 0:
            fill = f"url(#{uid}-hatch)" if w.over else BLUE
            body.append(
                f'<rect x="{x0 + step * 0.15:.1f}" y="{y(w.load):.1f}" width="{step * 0.7:.1f}" '
                f'height="{y(0) - y(w.load):.1f}" fill="{fill}"/>'
            )
        if w.over:
            body.append(_text(x0 + step / 2, y(w.load) - 4, "!", anchor="middle", extra=' font-weight="bold"'))
        cap_path.append(f"{'M' if i == 0 else 'L'}{x0:.1f},{y(w.capacity):.1f} L{x0 + step:.1f},{y(w.capacity):.1f}")
        if i % every == 0:
            body.append(_text(x0 + step / 2, height - bottom + 16, w.label.replace("uge ", ""), anchor="middle"))
    body.append(
        f'<path d="{" ".join(cap_path)}" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="6 3"/>'
    )
    body.append(_text(left + plot_w / 2, height - 6, texts.CHART_WEEK_AXIS, anchor="middle"))
    swatch_bar = f'<rect width="14" height="14" fill="{BLUE}"/>'
    swatch_over = f'<rect width="14" height="14" fill="url(#{uid}-hatch)"/>'
    swatch_cap = '<line x1="0" y1="7" x2="14" y2="7" stroke="currentColor" stroke-width="2" stroke-dasharray="4 2"/>'
    body += _legend(
        left,
        8,
        [
            (swatch_bar, texts.CHART_LOAD_BAR),
            (swatch_cap, texts.CHART_LOAD_CAPACITY),
            (swatch_over, texts.CHART_LOAD_OVER),
        ],
    )
    return _svg(uid, title, desc, WIDTH, height, body, _hatch(uid, ORANGE))


def _axis_y(x0: float, x1: float, y, peak: float, unit: str) -> list[str]:
    out = []
    for k in range(5):
        v = peak * k / 4
        out.append(f'<line x1="{x0}" y1="{y(v):.1f}" x2="{x1}" y2="{y(v):.1f}" stroke="{GREY}" stroke-width="0.5"/>')
        out.append(_text(x0 - 6, y(v) + 4, number(v, 0 if v == int(v) else 1), anchor="end"))
    out.append(_text(x0 - 6, y(peak) - 14, unit, anchor="end"))
    return out


# --- cost per option --------------------------------------------------------------------------


@dataclass(frozen=True)
class CostBar:
    label: str
    vendor: float  # kr. to the vendor
    people: float  # kr. for the municipality's own hours
    note: str = ""  # e.g. "valgt"

    @property
    def total(self) -> float:
        return self.vendor + self.people


def cost_chart(uid: str, title: str, desc: str, bars: list[CostBar]) -> Markup:
    """Horizontal stacked bars: own hours (solid) + vendor price (hatched), total in words at the end."""
    if not bars:
        return Markup("")
    left, right, top, row_h = 260, 110, 40, 34
    labels = [_wrap(f"{b.label} ({b.note})" if b.note else b.label, 34) for b in bars]
    tops, y = _rows(labels, top, row_h)
    height = y + 10
    plot = WIDTH - left - right
    peak = _nice_max(max(b.total for b in bars))
    body = []
    for b, lines, y in zip(bars, labels, tops):
        body.append(_row_label(left, y, lines))
        w_people, w_vendor = plot * b.people / peak, plot * b.vendor / peak
        body.append(f'<rect x="{left}" y="{y + 6}" width="{w_people:.1f}" height="18" fill="{BLUE}"/>')
        if b.vendor:
            body.append(
                f'<rect x="{left + w_people:.1f}" y="{y + 6}" width="{w_vendor:.1f}" height="18" '
                f'fill="url(#{uid}-hatch)" stroke="{ORANGE}"/>'
            )
        body.append(_text(left + w_people + w_vendor + 6, y + 19, f"{number(b.total)} kr."))
    swatch_people = f'<rect width="14" height="14" fill="{BLUE}"/>'
    swatch_vendor = f'<rect width="14" height="14" fill="url(#{uid}-hatch)"/>'
    body += _legend(left, 8, [(swatch_people, texts.CHART_COST_PEOPLE), (swatch_vendor, texts.CHART_COST_VENDOR)])
    return _svg(uid, title, desc, WIDTH, height, body, _hatch(uid, ORANGE))


# --- completion curve -------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float]
    dashed: bool = False


def line_chart(
    uid: str,
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    total: float,
    marker: tuple[str, int] | None = None,
) -> Markup:
    """Lines over weeks, each with its own dash style and marker shape and a label at its end."""
    if not labels:
        return Markup("")
    left, right, top, bottom = 50, 170, 40, 40
    height = 280
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = _nice_max(total)
    step = plot_w / max(1, len(labels) - 1)

    def y(v: float) -> float:
        return top + plot_h * (1 - v / peak)

    body = _axis_y(left, left + plot_w, y, peak, texts.CHART_UNIT_CASES)
    every = max(1, len(labels) // 12)
    for i, lab in enumerate(labels):
        if i % every == 0:
            body.append(_text(left + i * step, height - bottom + 16, lab.replace("uge ", ""), anchor="middle"))
    body.append(_text(left + plot_w / 2, height - 6, texts.CHART_WEEK_AXIS, anchor="middle"))
    colours = [BLUE, GREEN, PURPLE, ORANGE]
    for k, s in enumerate(series):
        colour = colours[k % len(colours)]
        pts = [(left + i * step, y(v)) for i, v in enumerate(s.values)]
        dash = ' stroke-dasharray="7 4"' if s.dashed else ""
        path = " ".join(f"{'M' if i == 0 else 'L'}{px:.1f},{py:.1f}" for i, (px, py) in enumerate(pts))
        body.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
        for px, py in pts:
            if k % 2 == 0:
                body.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>')
            else:
                body.append(f'<rect x="{px - 3:.1f}" y="{py - 3:.1f}" width="6" height="6" fill="{colour}"/>')
        if pts:
            body.append(_text(pts[-1][0] + 8, pts[-1][1] + 4 + 14 * k, s.label))
    if marker is not None and 0 <= marker[1] < len(labels):
        mx = left + marker[1] * step
        body += _marker(mx, top, f"{y(0):.1f}", "2 3", top - 6, marker[0])
    return _svg(uid, title, desc, WIDTH, height, body)


# --- progress against the plan (fremdrift) -----------------------------------------------------


@dataclass(frozen=True)
class ProgressBar:
    label: str
    done: int
    planned: int  # planned by the counting date
    total: int
    note: str  # the numbers in words, printed at the bar's end, e.g. "150 af 186"


def progress_bars(uid: str, title: str, desc: str, bars: list[ProgressBar]) -> Markup:
    """One row per work package: share done (solid bar) inside its whole (outline), planned by the
    counting date as a thick vertical tick; the counts are written at the end of each row."""
    if not bars:
        return Markup("")
    left, right, top, row_h = 260, 150, 40, 34
    labels = [_wrap(b.label, 34) for b in bars]
    tops, y = _rows(labels, top, row_h)
    height = y + 30
    plot = WIDTH - left - right

    def x(part: int, whole: int) -> float:
        return left + plot * (min(part, whole) / whole if whole > 0 else 0.0)

    body = _grid_x([(left + plot * k / 4, f"{k * 25} %") for k in range(5)], top, height)
    for b, lines, y in zip(bars, labels, tops):
        body.append(_row_label(left, y, lines))
        body.append(
            f'<rect x="{left}" y="{y + 6}" width="{plot}" height="18" fill="none" stroke="currentColor" '
            'stroke-width="1"/>'
        )
        if b.done > 0:
            body.append(
                f'<rect x="{left}" y="{y + 6}" width="{x(b.done, b.total) - left:.1f}" height="18" fill="{BLUE}"/>'
            )
        px = x(b.planned, b.total)
        body.append(
            f'<line x1="{px:.1f}" y1="{y + 1}" x2="{px:.1f}" y2="{y + 29}" stroke="currentColor" stroke-width="3"/>'
        )
        body.append(_text(left + plot + 8, y + 19, b.note))
    swatch_done = f'<rect width="14" height="14" fill="{BLUE}"/>'
    swatch_total = '<rect x="0.5" y="0.5" width="13" height="13" fill="none" stroke="currentColor"/>'
    swatch_plan = '<line x1="7" y1="0" x2="7" y2="14" stroke="currentColor" stroke-width="3"/>'
    body += _legend(
        left,
        8,
        [
            (swatch_done, texts.CHART_PROGRESS_DONE),
            (swatch_total, texts.CHART_PROGRESS_TOTAL),
            (swatch_plan, texts.CHART_PROGRESS_PLANNED),
        ],
    )
    return _svg(uid, title, desc, WIDTH, height, body)


@dataclass(frozen=True)
class Interval:
    label: str
    rate: float  # percent
    low: float  # percent
    high: float  # percent
    threshold: float | None  # percent


def interval_chart(uid: str, title: str, desc: str, rows: list[Interval]) -> Markup:
    """Fault rate per control round: a dot with its confidence interval as a whisker; the threshold as
    a dashed vertical line (labelled)."""
    if not rows:
        return Markup("")
    left, right, top, row_h = 260, 30, 40, 34
    labels = [_wrap(r.label, 34) for r in rows]
    tops, y = _rows(labels, top, row_h)
    height = y + 30
    plot = WIDTH - left - right
    peak = _nice_max(max(max(r.high, r.threshold or 0.0) for r in rows) * 1.1)

    def x(v: float) -> float:
        return left + plot * v / peak

    ticks = [peak * k / 4 for k in range(5)]
    body = _grid_x([(x(v), f"{number(v, 0 if v == int(v) else 1)} %") for v in ticks], top, height)
    for r, lines, y in zip(rows, labels, tops):
        body.append(_row_label(left, y, lines))
        cy = y + 15
        body.append(
            f'<line x1="{x(r.low):.1f}" y1="{cy}" x2="{x(r.high):.1f}" y2="{cy}" stroke="currentColor" '
            'stroke-width="2"/>'
        )
        for end in (r.low, r.high):
            body.append(
                f'<line x1="{x(end):.1f}" y1="{cy - 6}" x2="{x(end):.1f}" y2="{cy + 6}" '
                'stroke="currentColor" stroke-width="2"/>'
            )
        body.append(f'<circle cx="{x(r.rate):.1f}" cy="{cy}" r="5" fill="{BLUE}" stroke="currentColor"/>')
        if r.threshold is not None:
            tx = x(r.threshold)
            body.append(
                f'<line x1="{tx:.1f}" y1="{y + 1}" x2="{tx:.1f}" y2="{y + 29}" stroke="{ORANGE}" '
                'stroke-width="2.5" stroke-dasharray="4 3"/>'
            )
    swatch_rate = f'<circle cx="7" cy="7" r="5" fill="{BLUE}" stroke="currentColor"/>'
    swatch_ci = '<line x1="0" y1="7" x2="14" y2="7" stroke="currentColor" stroke-width="2"/>'
    swatch_limit = f'<line x1="7" y1="0" x2="7" y2="14" stroke="{ORANGE}" stroke-width="2.5" stroke-dasharray="4 3"/>'
    body += _legend(
        left,
        8,
        [
            (swatch_rate, texts.CHART_QUALITY_RATE),
            (swatch_ci, texts.CHART_QUALITY_INTERVAL),
            (swatch_limit, texts.CHART_QUALITY_LIMIT),
        ],
    )
    return _svg(uid, title, desc, WIDTH, height, body)
