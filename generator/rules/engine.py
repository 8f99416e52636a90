"""Rules from the planning engine: coverage, capacity per week, deadlines that cannot be met."""

from __future__ import annotations

from .. import formatting as fmt
from ..analysis.calendar import monday_of
from ..analysis.kinds import WorkKind
from ..analysis.load import Shortfall
from .context import Context


def _field_paths(ctx: Context) -> dict[tuple[str, str], tuple]:
    out = {}
    for g, group in enumerate(ctx.plan.minimum.groups):
        for f, fld in enumerate(group.fields):
            out[(group.id, fld.id)] = ("minimumsoplysninger", "feltgrupper", g, "felter", f)
    return out


def _role_names(ctx: Context) -> dict[str, str]:
    return {r.id: r.name for r in ctx.plan.roles}


def _week(monday) -> str:
    return f"{fmt.week(monday)} (ugen fra {fmt.date(monday)})"


def coverage(ctx: Context) -> None:
    """Every converted category's every field has an owner role and a time."""
    planning = ctx.figures.planning
    paths = _field_paths(ctx)
    for row in planning.coverage:
        n = row.need
        path = paths[(n.group.id, n.field.id)]
        if row.missing:
            part = "" if row.missing == n.category.count else f" for {row.missing} af {n.category.count} sager"
            ctx.error(path, f'Feltet "{n.field.name}" på sagskategorien "{n.category.name}" har ingen, der '
                            f"indtaster det{part}. Tilføj kategorien {n.category.id} og feltgruppen {n.group.id} "
                            "til en arbejdspakke (arbejdspakker) eller et hold med konvertering, eller sæt "
                            "automatisk: true, hvis leverandøren konverterer feltet.")
        elif row.late:
            ctx.warning(path, f'Feltet "{n.field.name}" skal være i DUBU ved go-live, men på sagskategorien '
                              f'"{n.category.name}" er det kun planlagt ved sagens første opfølgning. Læg det i en '
                              "arbejdspakke med en periode før go-live.")


def double_packages(ctx: Context) -> None:
    """Two work packages for the same category and field group would do the work twice."""
    seen: dict[tuple[str, str], int] = {}
    for i, wp in enumerate(ctx.plan.work_packages):
        for c in wp.categories:
            for g in wp.groups:
                if (c, g) in seen and seen[(c, g)] != i:
                    other = ctx.plan.work_packages[seen[(c, g)]]
                    ctx.warning(("arbejdspakker", i), f'Arbejdspakken dækker kategorien {c} og feltgruppen {g}, '
                                f'som arbejdspakken "{other.name}" også dækker. Så tælles arbejdet to gange: '
                                "fjern den ene.")
                seen.setdefault((c, g), i)


def overload(ctx: Context) -> None:
    """Weeks where a role has more planned hours than it can give."""
    index = {r.id: i for i, r in enumerate(ctx.plan.roles)}
    names = _role_names(ctx)
    for row in ctx.figures.planning.load.overloads:
        ctx.warning(("roller", index[row.role], "timer_pr_uge"),
                    f"{names[row.role]} har {fmt.hours(row.load)} planlagt i {_week(row.monday)}, men kan kun "
                    f"give {fmt.hours(row.capacity)} den uge ({fmt.hours(row.load - row.capacity)} for meget). "
                    "Flyt arbejde til en anden uge, forlæng perioden, eller giv rollen flere timer.")


_WHAT = {WorkKind.package: "Arbejdspakken", WorkKind.follow_up: "Arbejdspakken", WorkKind.session: "Holdet",
         WorkKind.control: "Kontrollen", WorkKind.activity: "Aktiviteten", WorkKind.teaching: "Undervisningen på holdet",
         WorkKind.reentry: "Genindtastningen"}


def _shortfall_text(s: Shortfall, role: str) -> str:
    w = s.work
    return (f'{_WHAT[w.kind]} "{w.name}" kan ikke nås inden fristen {fmt.date(s.deadline)}: {role} mangler '
            f"{fmt.hours(s.hours)} i {_week(monday_of(s.week))}, selv når arbejdet flyttes til dage med ledig tid. "
            "Giv rollen flere timer (timer_pr_uge eller antal), start tidligere, eller flyt fristen.")


def shortfall(ctx: Context) -> None:
    names = _role_names(ctx)
    for s in ctx.figures.planning.load.shortfalls:
        ctx.error(s.work.path, _shortfall_text(s, names.get(s.work.role, s.work.role)))


def no_working_days(ctx: Context) -> None:
    p = ctx.plan
    planning = ctx.figures.planning
    for pw in planning.packages:
        wp = pw.package
        if pw.follow_up:
            if pw.hours > 0 and not any(n > 0 for n in p.first_follow_ups.values()):
                ctx.error(("arbejdspakker", pw.index, "tidspunkt"),
                          f'Arbejdspakken "{wp.name}" sker ved sagernes første opfølgning, men '
                          '"foerste_opfoelgninger" siger ikke, hvornår de falder. Tilføj antal sager pr. måned.')
        elif wp.start and wp.end and wp.start <= wp.end and pw.hours > 0:
            if not any(v > 0 for d, v in planning.days.items() if wp.start <= d <= wp.end):
                ctx.error(("arbejdspakker", pw.index, "fra"),
                          f'Arbejdspakken "{wp.name}" har ingen arbejdsdage mellem {fmt.date(wp.start)} og '
                          f"{fmt.date(wp.end)} (weekend, helligdage eller fridage). Flyt perioden.")


def absences(ctx: Context) -> None:
    heads = {r.id: r.headcount for r in ctx.plan.roles}
    for i, a in enumerate(ctx.plan.calendar.absences):
        if a.role in heads and a.people > heads[a.role]:
            ctx.error(("kalender", "fravaer", i, "personer"),
                      f"Der er {a.people} personer væk, men rollen har kun {heads[a.role]}. Ret antallet.")


def sessions_take_too_much(ctx: Context) -> None:
    for pw in ctx.figures.planning.packages:
        for cat, group, extra in pw.over_taken:
            ctx.warning(("arbejdspakker", pw.index),
                        f"Holdene konverterer {extra} sager mere af kategorien {cat} (feltgruppen {group}), "
                        "end kategorien har. Ret sager_pr_deltager eller deltagere på holdene.")


RULES = [coverage, double_packages, overload, shortfall, no_working_days, absences, sessions_take_too_much]
