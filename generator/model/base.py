"""Shared building blocks for the plan model: strict base class, ids, periods."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
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

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def field(alias: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    """A model field with its Danish plan.yaml key (alias) and Danish help text."""
    return Field(default, alias=alias, description=description, **kwargs)


class Model(BaseModel):
    """Base for every section: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_alias=True, validate_by_name=False,
                              defer_build=True)


class Period(Model):
    start: dt.date = field("fra", "Første dag (ÅÅÅÅ-MM-DD).")
    end: dt.date = field("til", "Sidste dag (ÅÅÅÅ-MM-DD), inklusive.")
