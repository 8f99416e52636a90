"""Rules that keep the plan saying one thing: the freeze and the conversion order, dates that moved with
go-live, and hand scores that contradict the computed costs."""

from __future__ import annotations

import datetime as dt

from .. import formatting as fmt
from ..analysis.kinds import WorkKind
from ..analysis.workload import month_bounds
from ..texts import validation as say
from .context import Context, Path

FREEZE_GAP_DAYS = 7  # a freeze that ends more than a week before go-live leaves changes unlogged


def _converted_before_freeze(ctx: Context, start: dt.date) -> list[tuple[Path, str, dt.date]]:
    """(path, what, first day) of conversion work that starts before the freeze (on `start`)."""
    p = ctx.plan
    out = []
    for w in ctx.figures.planning.load.works:
        if w.kind in (WorkKind.package, WorkKind.session) and w.start and w.start < start and w.hours > 0:
            out.append((w.path, f'"{w.name}"', w.start))
    offer = p.vendor_offer
    if offer and offer.delivery and offer.delivery < start and ctx.figures.planning.break_even_routed:
        out.append((("leverandoertilbud", "levering"), say.VENDOR_DELIVERY.format(vendor=offer.vendor), offer.delivery))
    return sorted(out, key=lambda t: t[2])


def freeze_reentry(ctx: Context) -> None:
    """Work converted before the freeze keeps changing in the old system: the re-entry must have hours."""
    p = ctx.plan
    freeze = p.project.freeze
    if freeze is None or any(r.hours > 0 for r in freeze.reentry):
        return
    early = _converted_before_freeze(ctx, freeze.start)
    if not early:
        return
    _path, what, first = early[0]
    others = {1: "", 2: say.AND_ONE_OTHER}.get(len(early), say.AND_OTHERS.format(n=len(early) - 1))
    ctx.warning(
        ("projekt", "frysning"),
        say.CONVERTED_BEFORE_FREEZE.format(
            what=what,
            others=others,
            first=fmt.date(first),
            freeze=fmt.date(freeze.start),
            old_system=p.municipality.old_system,
        ),
    )


def freeze_near_go_live(ctx: Context) -> None:
    p = ctx.plan
    freeze = p.project.freeze
    if freeze is None or freeze.end >= p.project.go_live:
        return
    gap = (p.project.go_live - freeze.end).days - 1
    if gap > FREEZE_GAP_DAYS:
        ctx.warning(
            ("projekt", "frysning", "til"),
            say.FREEZE_ENDS_EARLY.format(end=fmt.date(freeze.end), gap=gap, go_live=fmt.date(p.project.go_live)),
        )


def follow_ups_before_go_live(ctx: Context) -> None:
    go = ctx.plan.project.go_live
    for key, n in ctx.plan.first_follow_ups.items():
        bounds = month_bounds(key)
        if bounds and n > 0 and bounds[1] < go:
            ctx.warning(
                ("foerste_opfoelgninger", key),
                say.FOLLOW_UPS_BEFORE_GO_LIVE.format(n=n, month=fmt.month(bounds[0]), go_live=fmt.date(go)),
            )


def price_scores(ctx: Context) -> None:
    """A price criterion's points must follow the computed costs."""
    names = {o.id: o.name for o in ctx.plan.conversion.options}
    crit = {c.id: c.name for c in ctx.plan.conversion.criteria}
    for c in ctx.figures.planning.matrix.conflicts:
        ctx.warning(
            ("konverteringsform", "vurdering", c.dearer, c.criterion),
            say.PRICE_SCORE.format(
                dearer=names[c.dearer],
                dearer_score=c.dearer_score,
                criterion=crit[c.criterion],
                dearer_total=fmt.kroner(c.dearer_total),
                cheaper=names[c.cheaper],
                cheaper_total=fmt.kroner(c.cheaper_total),
                cheaper_score=c.cheaper_score,
            ),
        )


def activity_hours(ctx: Context) -> None:
    for i, a in enumerate(ctx.plan.activities):
        if a.hours > 0 and a.owner is None:
            ctx.error(
                ("aktiviteter", i, "timer"), say.ACTIVITY_WITHOUT_OWNER.format(name=a.name, hours=fmt.hours(a.hours))
            )


RULES = [freeze_reentry, freeze_near_go_live, follow_ups_before_go_live, price_scores, activity_hours]
