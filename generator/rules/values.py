"""Rules on the typed plan's periods, weights and scope: periods run forwards and end before their
milestone, the criteria's weights add up to 100, a category that is not converted stays readable, the
follow-up months add up to the converted cases."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from ..analysis.milestones import by_id as milestones_by_id
from ..model.base import MONTH_PATTERN
from ..model.cases import Route, Stakeholder, Timing
from ..model.decision import OptionKind
from ..model.schedule import Activity, PackageTiming, WorkPackage
from ..texts import validation as say
from .context import Context, Path

READ_ACCESS_MONTHS = 3  # at least 3 months of read access after go-live (domain notes in README)


def periods(ctx: Context) -> None:
    p = ctx.plan

    def forwards(path: Path, start: dt.date | None, end: dt.date | None, what: str) -> None:
        if start and end and end < start:
            ctx.error((*path, "til"), say.ENDS_BEFORE_START.format(what=what, end=end, start=start))

    if p.project.freeze:
        forwards(("projekt", "frysning"), p.project.freeze.start, p.project.freeze.end, say.PERIOD_FREEZE)
        if p.project.freeze.end >= p.project.go_live:
            ctx.error(("projekt", "frysning", "til"), say.FREEZE_AFTER_GO_LIVE)
    for i, act in enumerate(p.activities):
        forwards(("aktiviteter", i), act.start, act.end, say.PERIOD_ACTIVITY)
    for i, wp in enumerate(p.work_packages):
        base = ("arbejdspakker", i)
        if wp.timing is PackageTiming.period:
            if wp.start is None or wp.end is None:
                ctx.error(base, say.PACKAGE_PERIOD_MISSING)
            forwards(base, wp.start, wp.end, say.PERIOD_PACKAGE)
        elif wp.start or wp.end:
            ctx.warning(base, say.PACKAGE_PERIOD_UNUSED)
    for i, absence in enumerate(p.calendar.absences):
        forwards(("kalender", "fravaer", i), absence.start, absence.end, say.PERIOD_ABSENCE)
    for i, s in enumerate(p.training.sessions):
        if s.end <= s.start:
            ctx.error(
                ("undervisning", "sessioner", i, "slut"), say.SESSION_ENDS_BEFORE_START.format(end=s.end, start=s.start)
            )


def deadlines(ctx: Context) -> None:
    """Activities and work packages must end before the milestone they serve."""
    p = ctx.plan
    dates = milestones_by_id(p)
    items: list[tuple[str, int, Activity | WorkPackage]] = [("aktiviteter", i, a) for i, a in enumerate(p.activities)]
    items += [("arbejdspakker", i, w) for i, w in enumerate(p.work_packages)]
    for section, i, item in items:
        m = dates.get(item.deadline) if item.deadline else None
        if m and item.end and item.end > m.date:
            ctx.error(
                (section, i, "til"),
                say.AFTER_MILESTONE.format(name=item.name, end=item.end, milestone=m.name, date=m.date),
            )


def weights(ctx: Context) -> None:
    criteria = ctx.plan.conversion.criteria
    total = sum(c.weight for c in criteria)
    if total != 100:
        ctx.error(("konverteringsform", "kriterier"), say.WEIGHTS_NOT_100.format(total=total))
    options = [o.id for o in ctx.plan.conversion.options]
    for option in options:
        scores = ctx.plan.conversion.scores.get(option)
        missing = [c.id for c in criteria if not scores or c.id not in scores]
        if ctx.plan.conversion.scores and missing:
            ctx.error(
                ("konverteringsform", "vurdering"), say.SCORES_MISSING.format(option=option, missing=", ".join(missing))
            )


def scope(ctx: Context) -> None:
    p = ctx.plan
    for i, cat in enumerate(p.categories):
        if cat.route is Route.not_converted:
            for key, value in (("laesbar_i", cat.readable_in), ("laesbar_til", cat.readable_until)):
                if value is None:
                    ctx.error(("sagskategorier", i), say.NOT_CONVERTED_NEEDS.format(key=key))
            if cat.readable_until and cat.readable_until < p.project.go_live + relativedelta(months=READ_ACCESS_MONTHS):
                ctx.warning(("sagskategorier", i, "laesbar_til"), say.READ_ACCESS_SHORT)
        elif cat.readable_in or cat.readable_until:
            ctx.warning(("sagskategorier", i), say.READABLE_ONLY_NOT_CONVERTED)
    automatic = any(c.route is Route.automatic for c in p.categories) or any(
        o.kind is OptionKind.automatic for o in p.conversion.options
    )
    if automatic and p.vendor_offer is None:
        ctx.error((), say.VENDOR_OFFER_MISSING)


def statistics_fields(ctx: Context) -> None:
    """A field Danmarks Statistik needs must be in DUBU from go-live."""
    for g, group in enumerate(ctx.plan.minimum.groups):
        for f, fld in enumerate(group.fields):
            timing = fld.timing or group.timing
            if Stakeholder.statistics in fld.needs and timing is Timing.first_follow_up:
                ctx.warning(
                    ("minimumsoplysninger", "feltgrupper", g, "felter", f),
                    say.STATISTICS_FIELD_LATE.format(name=fld.name),
                )


def follow_up_months(ctx: Context) -> None:
    p = ctx.plan
    for month in p.first_follow_ups:
        if not re.fullmatch(MONTH_PATTERN, month):
            ctx.error(("foerste_opfoelgninger", month), say.FOLLOW_UP_MONTH_FORMAT.format(month=month))
    if p.first_follow_ups:
        total = sum(p.first_follow_ups.values())
        converted = sum(c.count for c in p.categories if c.converted)
        if total != converted:
            ctx.warning(("foerste_opfoelgninger",), say.FOLLOW_UPS_TOTAL.format(total=total, converted=converted))


RULES = [periods, deadlines, weights, scope, statistics_fields, follow_up_months]
