"""Reading what the site shows, for the tests that compare one fact across pages and downloads: Danish dates,
numbers and ranges as the pages write them, and two readers with one interface (Markdown rendered in memory,
HTML built by MkDocs): ``text(page)``, ``tables(page)``, ``download(name)``."""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
        1,
    )
}
DATE = r"(\d{1,2})\. (" + "|".join(MONTHS) + r") (\d{4})"


MONTH = "(?:" + "|".join(MONTHS) + ")"
# A date range as the site writes it: "15.–26. februar 2027", "11. januar–5. februar 2027",
# "14. december 2026–8. januar 2027" (formatting.date_range).
RANGE = rf"\d{{1,2}}\.(?: {MONTH})?(?: \d{{4}})?–\d{{1,2}}\. {MONTH} \d{{4}}"


def danish_range(text: str) -> tuple[dt.date, dt.date]:
    m = re.fullmatch(rf"(\d{{1,2}})\.(?: ({MONTH}))?(?: (\d{{4}}))?–(\d{{1,2}})\. ({MONTH}) (\d{{4}})", text.strip())
    end = dt.date(int(m[6]), MONTHS[m[5]], int(m[4]))
    start = dt.date(int(m[3] or m[6]), MONTHS[m[2] or m[5]], int(m[1]))
    return start, end


def danish_date(text: str) -> dt.date:
    m = re.search(DATE, text)
    assert m, f"no Danish date in {text!r}"
    return dt.date(int(m[3]), MONTHS[m[2]], int(m[1]))


def shown(value: float, decimals: int = 0) -> float:
    """A spreadsheet value as Excel shows it (#,##0: half away from zero), not Python's round-half-even."""
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP))


def danish_number(text: str) -> float:
    m = re.search(r"-?\d[\d.]*(,\d+)?", text)
    assert m, f"no number in {text!r}"
    return float(m[0].replace(".", "").replace(",", "."))


def clean(cell: str) -> str:
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)  # Markdown link → its text
    return html.unescape(cell.replace("**", "").replace("\\", "")).strip()


# -- two readers, one interface: tables(page) and text(page) ----------------------------------------


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.row, self.cell, self.text = [], None, None, []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.tables:
            self.tables[-1].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        self.text.append(data)


class Rendered:
    """Pages and downloads rendered in memory (Markdown)."""

    def __init__(self, output):
        self.pages = {p.path.removesuffix(".md"): p.markdown for p in output.pages}
        self.files = dict(output.files)
        self.where = "Markdown"

    def text(self, page: str) -> str:
        return " ".join(clean(self.pages[page]).split())

    def tables(self, page: str) -> list[list[list[str]]]:
        out, current = [], None
        for line in self.pages[page].splitlines():
            if line.startswith("|"):
                cells = [clean(c) for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
                if all(re.fullmatch(r"-*:?-*:?", c.replace(" ", "")) for c in cells):
                    continue  # the |---| line
                if current is None:
                    current = []
                    out.append(current)
                current.append(cells)
            else:
                current = None
        return out

    def download(self, name: str) -> bytes:
        return self.files[name]


class Built:
    """A site built by `mkdocs build` (HTML)."""

    def __init__(self, site: Path):
        self.site = site
        self.pages = {}
        for f in site.rglob("index.html"):
            rel = f.parent.relative_to(site).as_posix()
            self.pages["index" if rel == "." else rel] = f
        # a folder with pages under it is a section's index.md in Markdown (vejledning/index.md)
        for key in list(self.pages):
            if key != "index" and any(p.startswith(key + "/") for p in self.pages):
                self.pages[f"{key}/index"] = self.pages.pop(key)
        self.where = "HTML"
        self._parsed = {}

    def _parse(self, page):
        if page not in self._parsed:
            p = _Tables()
            p.feed(self.pages[page].read_text(encoding="utf-8").split("<article", 1)[-1])
            self._parsed[page] = p
        return self._parsed[page]

    def text(self, page: str) -> str:
        return " ".join(html.unescape("".join(self._parse(page).text)).split())

    def tables(self, page: str) -> list[list[list[str]]]:
        return [[[html.unescape(c) for c in row] for row in t] for t in self._parse(page).tables]

    def download(self, name: str) -> bytes:
        return (self.site / name).read_bytes()


# -- the facts ---------------------------------------------------------------------------------


def table_with(site, page: str, header: str) -> list[list[str]]:
    for t in site.tables(page):
        if t and any(header == c for c in t[0]):
            return t
    raise AssertionError(f"{page}: no table with the column {header!r}")


def column(table, header: str, row_starts: str) -> str:
    i = table[0].index(header)
    for row in table[1:]:
        if row[0].startswith(row_starts):
            return row[i]
    raise AssertionError(f"no row {row_starts!r} in {table[0]}")
