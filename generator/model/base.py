"""Shared building blocks for the plan model: strict base class, ids, periods."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    UrlConstraints,
)
from pydantic_core import PydanticCustomError

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]*$", max_length=60),
]
"""A key the plan uses to refer to things: lower-case ASCII letters, digits, _ and -."""


def _local_time(value: dt.time) -> dt.time:
    # "09:00Z" or "09:00+01:00" parse as times with a zone, which cannot be compared with "15:00".
    if value.tzinfo is not None:
        raise PydanticCustomError("time_parsing", "time with a time zone")
    return value


Clock = Annotated[dt.time, AfterValidator(_local_time)]
"""A time of day on the local clock, e.g. "09:00" (no time zone)."""

# Every number and date in the plan has a range: a typo such as 9999-12-31, 1.0e+300 or .inf must be a
# Danish error at its line, never a calendar or arithmetic that cannot finish (or a traceback after
# validation). The ranges are generous for any real municipality; the calendar computes 2000-2100.
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
Date = Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)]
"""A date the calendar can compute: 2000-01-01 to 2100-12-31."""
Count = Annotated[int, Field(ge=0, le=1_000_000)]
"""A number of cases (never more than a million in one municipality)."""
SomeCases = Annotated[int, Field(ge=1, le=1_000_000)]
"""A number of cases that is at least 1 (a sample, the cases an explanation covers)."""
People = Annotated[int, Field(ge=1, le=100_000)]
"""A number of people, seats or cases per person: at least 1."""
Minutes = Annotated[float, Field(ge=0, le=10_000, allow_inf_nan=False)]
"""Minutes for one case or one step (at most 10.000, about a week of work)."""
HoursPerWeek = Annotated[float, Field(ge=0, le=168, allow_inf_nan=False)]
"""Hours in a week (a week has 168)."""
HourlyRate = Annotated[float, Field(ge=0, le=100_000, allow_inf_nan=False)]
"""Kroner per hour."""
Price = Annotated[float, Field(ge=0, le=1_000_000_000, allow_inf_nan=False)]
"""Kroner (at most a billion)."""
Hours = Annotated[float, Field(ge=0, le=1_000_000, allow_inf_nan=False)]
"""Hours in all for a piece of work (at most a million)."""
Percent = Annotated[int, Field(ge=1, le=100)]
"""A whole percentage from 1 to 100."""

WebAddress = Annotated[
    AnyHttpUrl, UrlConstraints(max_length=2000, allowed_schemes=["https", "http"], host_required=True)
]
"""A web address: https:// (or http://) and a host. The pages print it through markdown.link_url."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

MONTH_PATTERN = r"\d{4}-(0[1-9]|1[0-2])"  # ÅÅÅÅ-MM: a month key (first follow-ups, deadlines, finance)
PHONE_PATTERN = r"^(\+[0-9]{2} ?)?[0-9]{2}( ?[0-9]{2}){3}$"
Phone = Annotated[
    str,
    # `telefon: 99991020` without quotes is a number in YAML: read it as the digits it is
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    StringConstraints(strip_whitespace=True, pattern=PHONE_PATTERN),
]
"""A phone number: 8 digits, optionally in pairs with spaces and with a country code (+45 12 34 56 78)."""
EMAIL_PATTERN = r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$"
Email = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200, pattern=EMAIL_PATTERN)]
"""An e-mail address: name@domæne.dk (ASCII)."""
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def field(alias: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    """A model field with its Danish plan.yaml key (alias) and Danish help text."""
    return Field(default, alias=alias, description=description, **kwargs)


class Model(BaseModel):
    """Base for every section: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_by_alias=True, validate_by_name=False, defer_build=True
    )


class Period(Model):
    start: Date = field("fra", "Første dag (ÅÅÅÅ-MM-DD).")
    end: Date = field("til", "Sidste dag (ÅÅÅÅ-MM-DD), inklusive.")
