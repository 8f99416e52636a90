"""Rules that keep the plan saying one thing: the freeze and the conversion order, dates that moved with
go-live, and hand scores that contradict the computed costs."""

from __future__ import annotations

import datetime as dt

from .. import formatting as fmt
from ..analysis.kinds import WorkKind
from ..analysis.load import month_bounds
from .context import Context

FREEZE_GAP_DAYS = 7  # a freeze that ends more than a week before go-live leaves changes unlogged


def _converted_before_freeze(ctx: Context) -> list[tuple[tuple, str, dt.date]]:
    """(path, what, first day) of conversion work that starts before the freeze."""
    p = ctx.plan
    start = p.project.freeze.start
    out = []
    for w in ctx.figures.planning.load.works:
        if w.kind in (WorkKind.package, WorkKind.session) and w.start and w.start < start and w.hours > 0:
            out.append((w.path, f'"{w.name}"', w.start))
    offer = p.vendor_offer
    if offer and offer.delivery and offer.delivery < start and ctx.figures.planning.break_even_routed:
        out.append((("leverandoertilbud", "levering"), f"{offer.vendor}s levering", offer.delivery))
    return sorted(out, key=lambda t: t[2])


def freeze_reentry(ctx: Context) -> None:
    """Work converted before the freeze keeps changing in the old system: the re-entry must have hours."""
    p = ctx.plan
    freeze = p.project.freeze
    if freeze is None or any(r.hours > 0 for r in freeze.reentry):
        return
    early = _converted_before_freeze(ctx)
    if not early:
        return
    path, what, first = early[0]
    others = f" (og {len(early) - 1} andre)" if len(early) > 1 else ""
    ctx.warning(("projekt", "frysning"),
                f"{what}{others} konverterer sager fra {fmt.date(first)}, før frysningen begynder "
                f"{fmt.date(freeze.start)}. Ændringer i {p.municipality.old_system} mellem konverteringen og "
                "frysningen går tabt, og frysningsloggen skal også indtastes. Planlæg timerne under "
                "projekt.frysning.genindtastning (rolle og timer), eller læg frysningen før konverteringen.")


def freeze_near_go_live(ctx: Context) -> None:
    p = ctx.plan
    freeze = p.project.freeze
    if freeze is None or freeze.end >= p.project.go_live:
        return
    gap = (p.project.go_live - freeze.end).days - 1
    if gap > FREEZE_GAP_DAYS:
        ctx.warning(("projekt", "frysning", "til"),
                    f"Frysningen slutter {fmt.date(freeze.end)}, {gap} dage før go-live {fmt.date(p.project.go_live)}. "
                    "Ændringer i de dage bliver hverken logget eller konverteret. Lad frysningen vare til "
                    "go-live (til: dagen før go-live).")


def follow_ups_before_go_live(ctx: Context) -> None:
    go = ctx.plan.project.go_live
    for key, n in ctx.plan.first_follow_ups.items():
        bounds = month_bounds(key)
        if bounds and n > 0 and bounds[1] < go:
            ctx.warning(("foerste_opfoelgninger", key),
                        f"{n} sager har første opfølgning i {fmt.month(bounds[0])}, før go-live {fmt.date(go)}. "
                        "Så sker opfølgningen i det gamle system: flyt sagerne til måneder fra go-live.")


def price_scores(ctx: Context) -> None:
    """A price criterion's points must follow the computed costs."""
    names = {o.id: o.name for o in ctx.plan.conversion.options}
    crit = {c.id: c.name for c in ctx.plan.conversion.criteria}
    for c in ctx.figures.planning.matrix.conflicts:
        ctx.warning(("konverteringsform", "vurdering", c.dearer, c.criterion),
                    f'"{names[c.dearer]}" får {c.dearer_score} point for {crit[c.criterion]}, men koster '
                    f'{fmt.kroner(c.dearer_total)} og dermed mere end "{names[c.cheaper]}" ({fmt.kroner(c.cheaper_total)}), '
                    f"som kun får {c.cheaper_score}. Giv den billigere mulighed mindst lige så mange point, eller "
                    "fjern pris: true fra kriteriet, hvis det ikke handler om prisen.")


def activity_hours(ctx: Context) -> None:
    for i, a in enumerate(ctx.plan.activities):
        if a.hours > 0 and a.owner is None:
            ctx.error(("aktiviteter", i, "timer"),
                      f'Aktiviteten "{a.name}" har {fmt.hours(a.hours)}, men ingen ansvarlig rolle til at bære dem. '
                      "Tilføj ansvarlig: rollens id.")


RULES = [freeze_reentry, freeze_near_go_live, follow_ups_before_go_live, price_scores, activity_hours]
