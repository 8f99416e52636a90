"""Danish formatting of dates, weeks, numbers and amounts (Babel, locale da_DK)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "da_DK"


@lru_cache(maxsize=4096)
def date(value: dt.date) -> str:
    """4. januar 2027"""
    return format_date(value, "d. MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def date_short(value: dt.date) -> str:
    """4. jan. 2027"""
    return format_date(value, "d. MMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def date_long(value: dt.date) -> str:
    """mandag den 4. januar 2027"""
    return format_date(value, "EEEE 'den' d. MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def weekday_date(value: dt.date) -> str:
    """mandag den 4. januar"""
    return format_date(value, "EEEE 'den' d. MMMM", locale=LOCALE)


@lru_cache(maxsize=4096)
def month(value: dt.date) -> str:
    """januar 2027"""
    return format_date(value, "MMMM y", locale=LOCALE)


def week(value: dt.date) -> str:
    """uge 1 (ISO week)"""
    return f"uge {value.isocalendar().week}"


@lru_cache(maxsize=4096)
def number(value: float, decimals: int = 0) -> str:
    """1.234.500 or 12,5"""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round_half_up(value, decimals) + 0.0, format=fmt, locale=LOCALE)  # + 0.0: never "-0"


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round as Excel and a person do (2,25 → 2,3), not as Python's round() (banker's rounding on binary
    floats), so a page and a spreadsheet never show the same number differently."""
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def hours(value: float) -> str:
    """12,5 timer / 1 time / -1 time (the singular for one hour either way)"""
    text = number(value, 1).removesuffix(",0")
    return f"{text} {'time' if text.lstrip('-−') == '1' else 'timer'}"


def kroner(value: float) -> str:
    """1.234.500 kr."""
    return f"{number(value)} kr."


def percent(value: float) -> str:
    """40 %"""
    return f"{number(value)} %"


def clock(value: dt.time) -> str:
    """09.00 is Danish; we keep 09:00, which DUBU and Outlook show."""
    return value.strftime("%H:%M")


FILTERS = {
    "dato": date,
    "dato_kort": date_short,
    "dato_lang": date_long,
    "ugedag_dato": weekday_date,
    "maaned": month,
    "uge": week,
    "tal": number,
    "timer": hours,
    "kr": kroner,
    "pct": percent,
    "kl": clock,
}
