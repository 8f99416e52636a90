"""Danish formatting of dates, weeks, numbers and amounts (Babel, locale da_DK)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

from .texts import language

LOCALE = "da_DK"


def _date_format(pattern: str) -> Callable[[dt.date], str]:
    """A date formatter for one Babel pattern from texts/language.py (cached: the same dates recur on every page)."""

    @lru_cache(maxsize=4096)
    def formatted(value: dt.date) -> str:
        return format_date(value, pattern, locale=LOCALE)

    return formatted


date = _date_format(language.DATE_PATTERN)  # 4. januar 2027
date_short = _date_format(language.DATE_SHORT_PATTERN)  # 4. jan. 2027
date_long = _date_format(language.DATE_LONG_PATTERN)  # mandag den 4. januar 2027
weekday_date = _date_format(language.WEEKDAY_DATE_PATTERN)  # mandag den 4. januar
month = _date_format(language.MONTH_PATTERN)  # januar 2027
# nov. 2026: a chart axis label that cannot be read as a day and a month, as "nov. 26" can
month_short = _date_format(language.MONTH_SHORT_PATTERN)  # nov. 2026


@lru_cache(maxsize=4096)
def date_range(start: dt.date, end: dt.date) -> str:
    """11. januar–5. februar 2027; 11.–15. januar 2027; 11. december 2026–5. januar 2027; one day: 11. januar 2027.

    Written here rather than with Babel's format_interval, which abbreviates the Danish months
    ("11. jan.–5. feb. 2027") for every skeleton with a day in it."""
    if end <= start:
        return date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}.–{date(end)}"
    if start.year == end.year:
        return f"{format_date(start, language.DAY_MONTH_PATTERN, locale=LOCALE)}–{date(end)}"
    return f"{date(start)}–{date(end)}"


def _lower_first(text: str) -> str:
    """ "Faglig leder" -> "faglig leder"; names and abbreviations keep their capitals ("Danmarks Statistik",
    "Agnes Jensen", "DUBU"): only a text whose other words and letters are all lower-case is changed."""
    rest = text[1:]
    if not text or not text[0].isupper() or any(c.isupper() for c in rest):
        return text
    return text[0].lower() + rest


def and_list(items, lower: bool = False, last: str = language.AND) -> str:
    """ "a, b og c" (no comma before "og", as Danish writes it). lower=True lower-cases the first letter of
    common nouns written with a capital in the plan ("Superbrugere" -> "superbrugere"). Items that hold a
    comma are separated by semicolons ("navn, adresse; sagsnummer og frist"), and when an item holds "og"
    itself the last one is joined with "samt" ("indsatser og afgørelser samt opfølgningsfrister")."""
    words = [str(i) for i in items]
    if lower:
        words = [_lower_first(w) for w in words]
    if len(words) <= 1:
        return "".join(words)
    sep = "; " if any("," in w for w in words) else ", "
    if last == language.AND and any(f" {language.AND} " in f" {w} " for w in words):
        last = language.AND_ALSO
    return f"{sep.join(words[:-1])} {last} {words[-1]}"


def week(value: dt.date) -> str:
    """uge 1 (ISO week)"""
    return language.WEEK.format(week=value.isocalendar().week)


@lru_cache(maxsize=4096)
def number(value: float, decimals: int = 0) -> str:
    """1.234.500 or 12,5; a negative number takes a minus sign, not a hyphen: −2"""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(round_half_up(value, decimals) + 0.0, format=fmt, locale=LOCALE)  # + 0.0: never "-0"
    return text.replace("-", language.MINUS)


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round as Excel and a person do (2,25 → 2,3), not as Python's round() (banker's rounding on binary
    floats), so a page and a spreadsheet never show the same number differently."""
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def trimmed(value: float, decimals: int = 1) -> str:
    """12,5 or 12: rounded to `decimals`, a trailing ",0" left out"""
    return number(value, decimals).removesuffix(",0")


def hours(value: float) -> str:
    """12,5 timer / 1 time / -1 time (the singular for one hour either way)"""
    text = trimmed(value)
    return (language.HOUR if text.lstrip("-−") == "1" else language.HOURS).format(hours=text)


def minutes(value: float) -> str:
    """1 minut / 2,5 minutter / 15 minutter"""
    text = trimmed(value)
    return (language.MINUTE if text == "1" else language.MINUTES).format(minutes=text)


def cases(value: int) -> str:
    """1 sag / 12 sager / 1.200 sager: the noun agrees with the count"""
    return (language.CASE if value == 1 else language.CASES).format(count=number(value))


def kroner(value: float) -> str:
    """1.234.500 kr."""
    return language.KRONER.format(amount=number(value))


def percent(value: float, decimals: int = 0) -> str:
    """40 %, or with one decimal 2,9 % (a trailing ",0" left out: 3 %)"""
    return f"{trimmed(value, decimals)} %"


def clock(value: dt.time) -> str:
    """09.00 is Danish; we keep 09:00, which DUBU and Outlook show."""
    return value.strftime("%H:%M")


# Our own formatted numbers and dates, as Jinja filters (the templates escape them inside the line).
FILTERS = {
    "dato": date,
    "dato_kort": date_short,
    "dato_lang": date_long,
    "ugedag_dato": weekday_date,
    "maaned": month,
    "periode": date_range,
    "uge": week,
    "tal": number,
    "timer": hours,
    "kr": kroner,
    "sager": cases,
    "pct": percent,
    "kl": clock,
}

# Filters that return plan text (names from plan.yaml, joined or lower-cased): the templates print them as
# plain text, escaped like every other plan value, so an item such as "- x" or "1. x" starts no block.
TEXT_FILTERS = {
    "liste": and_list,
    "smaa": _lower_first,
}
