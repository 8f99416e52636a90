"""Danish numbers, hours and dates as the pages print them (generator/formatting.py, Babel da_DK).

About wording: the expected strings are the Danish forms themselves, so they are written out here."""

from __future__ import annotations

import datetime as dt

import pytest

from konverteringsplan import formatting as fmt


@pytest.mark.parametrize(
    "value, text",
    [
        (1, "1 time"),
        (-1, "−1 time"),
        (1.04, "1 time"),
        (2, "2 timer"),
        (-2.5, "−2,5 timer"),
        (12.5, "12,5 timer"),
        (0, "0 timer"),
        (-0.04, "0 timer"),
        (1234.5, "1.234,5 timer"),
    ],
)
def test_hours_are_singular_for_one_hour_and_never_minus_zero(value, text):
    assert fmt.hours(value) == text


@pytest.mark.parametrize("value, text", [(1234500, "1.234.500 kr."), (-0.4, "0 kr."), (-1500, "−1.500 kr.")])
def test_kroner_use_a_dot_between_thousands(value, text):
    assert fmt.kroner(value) == text


def test_dates_are_danish():
    day = dt.date(2027, 1, 4)
    assert fmt.date(day) == "4. januar 2027"
    assert fmt.date_long(day) == "mandag den 4. januar 2027"
    assert fmt.week(day) == "uge 1"
