"""The kinds of work and schedule rows the analysis produces. The values are the ids the pages and
downloads key on (Danish, ASCII); the words a user reads for each kind are in the templates."""

from __future__ import annotations

from enum import StrEnum


class WorkKind(StrEnum):
    package = "arbejdspakke"  # a work package over a period
    follow_up = "opfoelgning"  # a work package done at each case's first follow-up
    session = "hold"  # conversion during a training session
    control = "kontrol"  # checking converted cases (an activity's hours)
    vendor = "leverandoer"  # the vendor's automatic conversion (coverage only: no own hours)
    activity = "aktivitet"  # an activity's hours (writing the guides, control rounds, steering)
    teaching = "undervisning"  # a trainer teaching a session
    reentry = "genindtastning"  # changes made in the old system after conversion, entered again
    # Rows of the schedule that are not work:
    milestone = "milepael"
    freeze = "frysning"


# What a piece of work belongs to: its kind and the id of its package, session, activity or role
# (the vendor's conversion: an empty id). Progress and the forecast add up work by this.
Owned = tuple[WorkKind, str]
