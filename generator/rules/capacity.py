"""Rules from the planning engine: coverage, capacity per week, deadlines that cannot be met."""

from __future__ import annotations

import datetime as dt

from .. import formatting as fmt
from ..analysis import workload
from ..analysis.calendar import monday_of
from ..analysis.kinds import WorkKind
from ..analysis.workload import Shortfall
from ..texts import validation as say
from .context import Context, Path


def _field_paths(ctx: Context) -> dict[tuple[str, str], Path]:
    out: dict[tuple[str, str], Path] = {}
    for g, group in enumerate(ctx.plan.minimum.groups):
        for f, fld in enumerate(group.fields):
            out[(group.id, fld.id)] = ("minimumsoplysninger", "feltgrupper", g, "felter", f)
    return out


def week_label(monday: dt.date) -> str:
    """ "uge 9 (ugen fra 1. marts 2027)": a week as the capacity messages name it."""
    return say.WEEK.format(week=fmt.week(monday), date=fmt.date(monday))


def coverage(ctx: Context) -> None:
    """Every converted category's every field has an owner role and a time."""
    planning = ctx.figures.planning
    paths = _field_paths(ctx)
    for row in planning.coverage:
        n = row.need
        path = paths[(n.group.id, n.field.id)]
        if row.missing:
            part = (
                ""
                if row.missing == n.category.count
                else say.FIELD_NOBODY_PART.format(missing=row.missing, count=n.category.count)
            )
            ctx.error(
                path,
                say.FIELD_NOBODY.format(
                    field=n.field.name,
                    category=n.category.name,
                    part=part,
                    category_id=n.category.id,
                    group_id=n.group.id,
                ),
            )
        elif row.late:
            ctx.warning(path, say.FIELD_LATE.format(field=n.field.name, category=n.category.name))


def double_packages(ctx: Context) -> None:
    """Two work packages for the same category and field group would do the work twice."""
    seen: dict[tuple[str, str], int] = {}
    for i, wp in enumerate(ctx.plan.work_packages):
        for c in wp.categories:
            for g in wp.groups:
                if (c, g) in seen and seen[(c, g)] != i:
                    other = ctx.plan.work_packages[seen[(c, g)]]
                    ctx.warning(("arbejdspakker", i), say.DOUBLE_PACKAGE.format(category=c, group=g, other=other.name))
                seen.setdefault((c, g), i)


def overload(ctx: Context) -> None:
    """Weeks where a role has more planned hours than it can give."""
    index = {r.id: i for i, r in enumerate(ctx.plan.roles)}
    names = ctx.plan.role_names
    for row in ctx.figures.planning.load.overloads:
        ctx.warning(
            ("roller", index[row.role], "timer_pr_uge"),
            say.OVERLOAD.format(
                role=names[row.role],
                load=fmt.hours(row.load),
                week=week_label(row.monday),
                capacity=fmt.hours(row.capacity),
                excess=fmt.hours(row.load - row.capacity),
            ),
        )


_WHAT = {
    WorkKind.package: say.WORK_PACKAGE,
    WorkKind.follow_up: say.WORK_PACKAGE,
    WorkKind.session: say.WORK_SESSION,
    WorkKind.control: say.WORK_CONTROL,
    WorkKind.activity: say.WORK_ACTIVITY,
    WorkKind.teaching: say.WORK_TEACHING,
    WorkKind.reentry: say.WORK_REENTRY,
}


def _shortfall_text(s: Shortfall, role: str) -> str:
    w = s.work
    return say.SHORTFALL.format(
        what=_WHAT[w.kind],
        name=w.name,
        deadline=fmt.date(s.deadline),
        role=role,
        hours=fmt.hours(s.hours),
        week=week_label(monday_of(s.week)),
        full=say.SHORTFALL_FULL.format(weeks=fmt.and_list([fmt.week(monday_of(w)) for w in s.full])) if s.full else "",
    )


def shortfall(ctx: Context) -> None:
    names = ctx.plan.role_names
    for s in ctx.figures.planning.load.shortfalls:
        ctx.error(s.work.path, _shortfall_text(s, names.get(s.work.role, s.work.role)))


def late_for_control(ctx: Context) -> None:
    """A package whose deadline falls after a control round that must check its cases (a warning)."""
    p = ctx.plan
    names = p.category_names
    for late in workload.late_for_control(p, ctx.figures.planning.load.works):
        wp = p.work_packages[late.package]
        ctx.warning(
            ("arbejdspakker", late.package, "frist" if wp.deadline else "til"),
            say.LATE_FOR_CONTROL.format(
                name=wp.name,
                deadline=fmt.date(late.deadline),
                activity=late.activity,
                categories=fmt.and_list([names.get(c, c) for c in late.categories], lower=True),
                end=fmt.date(late.end),
            ),
        )


def no_working_days(ctx: Context) -> None:
    p = ctx.plan
    planning = ctx.figures.planning
    for pw in planning.packages:
        wp = pw.package
        if pw.follow_up:
            if pw.hours > 0 and not any(n > 0 for n in p.first_follow_ups.values()):
                ctx.error(
                    ("arbejdspakker", pw.index, "tidspunkt"), say.FOLLOW_UP_PACKAGE_NO_MONTHS.format(name=wp.name)
                )
        elif (wp.start and wp.end and wp.start <= wp.end and pw.hours > 0) and not any(
            v > 0 for d, v in planning.days.items() if wp.start <= d <= wp.end
        ):
            ctx.error(
                ("arbejdspakker", pw.index, "fra"),
                say.NO_WORKING_DAYS.format(name=wp.name, start=fmt.date(wp.start), end=fmt.date(wp.end)),
            )


def absences(ctx: Context) -> None:
    heads = {r.id: r.headcount for r in ctx.plan.roles}
    for i, a in enumerate(ctx.plan.calendar.absences):
        if a.role in heads and a.people > heads[a.role]:
            ctx.error(
                ("kalender", "fravaer", i, "personer"),
                say.TOO_MANY_AWAY.format(people=a.people, headcount=heads[a.role]),
            )


def sessions_take_too_much(ctx: Context) -> None:
    for pw in ctx.figures.planning.packages:
        for cat, group, extra in pw.over_taken:
            ctx.warning(
                ("arbejdspakker", pw.index), say.SESSIONS_TAKE_TOO_MUCH.format(extra=extra, category=cat, group=group)
            )


RULES = [
    coverage,
    double_packages,
    overload,
    shortfall,
    late_for_control,
    no_working_days,
    absences,
    sessions_take_too_much,
]
