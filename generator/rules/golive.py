"""Rules for go-live: the cut-over in the right order, the deadlines after go-live, and a scope with no holes.

A plan without ``overgang``, ``efter_go_live`` or ``omfang`` is valid: each missing section is one warning."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .. import formatting as fmt
from ..analysis.golive import month_keys, month_span
from ..model.base import MONTH_PATTERN
from ..model.cases import CaseStatus, Route
from ..model.golive import DeadlineKind
from ..texts import site as site_texts
from ..texts import validation as say
from .capacity import week_label
from .context import Context, Path
from .values import READ_ACCESS_MONTHS


def missing_sections(ctx: Context) -> None:
    p = ctx.plan
    c = p.cut_over
    if c is None:
        ctx.warning((), say.CUT_OVER_MISSING)
    else:
        automatic = any(cat.route is Route.automatic for cat in p.categories)
        closed = any(not cat.converted for cat in p.categories)
        wanted = {
            "testkonvertering": automatic and c.test_conversion is None,
            "udtraek": automatic and c.extraction is None,
            "go_no_go_moede": c.go_no_go is None,
            "underretninger": p.project.freeze is not None and c.notifications is None,
            "betalinger": c.payments is None,
            "danmarks_statistik": c.statistics is None,
            "laeseadgang": c.read_access is None,
            "arkivering": closed and c.archive is None,
        }
        missing = [say.CUT_OVER_PART_NAMES[k] for k, gone in wanted.items() if gone]
        if missing:
            ctx.warning(("overgang",), say.CUT_OVER_PARTS_MISSING.format(missing=fmt.and_list(missing)))
    if p.after_go_live is None:
        ctx.warning((), say.AFTER_GO_LIVE_MISSING)
    else:
        given = {d.kind for d in p.after_go_live.deadlines}
        missing = [k.value for k in DeadlineKind if k not in given]
        if missing:
            ctx.warning(("efter_go_live",), say.DEADLINE_KINDS_MISSING.format(missing=fmt.and_list(missing)))
    if p.scope is None:
        ctx.warning((), say.SCOPE_MISSING)
    else:
        for key, value in (
            ("underretninger_under_vurdering", p.scope.notifications),
            ("afdaekninger", p.scope.preliminary),
        ):
            if value is None:
                ctx.warning(("omfang",), say.SCOPE_PART_MISSING.format(key=key, what=say.SCOPE_PART_WHAT[key]))


def cut_over_order(ctx: Context) -> None:
    """Test conversion → extraction → delivery → go/no-go → go-live → payments and reporting in DUBU."""
    p = ctx.plan
    c = p.cut_over
    if c is None:
        return
    go = p.project.go_live
    delivery = p.vendor_offer.delivery if p.vendor_offer else None

    def after(path: Path, later: str, later_date: dt.date | None, earlier: str, earlier_date: dt.date | None) -> None:
        if later_date and earlier_date and later_date <= earlier_date:
            ctx.error(
                path,
                say.STEP_ORDER.format(
                    later=later, later_date=fmt.date(later_date), earlier=earlier, earlier_date=fmt.date(earlier_date)
                ),
            )

    after(("overgang", "udtraek"), say.STEP_EXTRACTION, c.extraction, say.STEP_TEST_CONVERSION, c.test_conversion)
    if c.extraction and delivery and delivery < c.extraction:
        after(("leverandoertilbud", "levering"), say.STEP_DELIVERY, delivery, say.STEP_EXTRACTION, c.extraction)
    for path, what, day in (
        (("overgang", "testkonvertering"), say.STEP_TEST_CONVERSION, c.test_conversion),
        (("overgang", "udtraek"), say.STEP_EXTRACTION, c.extraction),
        (("overgang", "go_no_go_moede", "dato"), say.STEP_GO_NO_GO, c.go_no_go.date if c.go_no_go else None),
    ):
        if day and day >= go:
            ctx.error(path, say.STEP_BEFORE_GO_LIVE.format(what=what, date=fmt.date(day), go_live=fmt.date(go)))
    freeze = p.project.freeze
    if c.extraction and freeze and c.extraction < freeze.start and not any(r.hours > 0 for r in freeze.reentry):
        ctx.warning(
            ("overgang", "udtraek"),
            say.EXTRACTION_BEFORE_FREEZE.format(
                date=fmt.date(c.extraction), freeze=fmt.date(freeze.start), system=p.municipality.old_system
            ),
        )
    if c.go_no_go and delivery and c.go_no_go.date < delivery:
        ctx.warning(
            ("overgang", "go_no_go_moede", "dato"),
            say.NO_GO_BEFORE_DELIVERY.format(date=fmt.date(c.go_no_go.date), delivery=fmt.date(delivery)),
        )
    system = p.municipality.old_system
    for path, what, day in (
        (("overgang", "betalinger", "dato"), say.STEP_PAYMENTS, c.payments.date if c.payments else None),
        (("overgang", "danmarks_statistik", "dato"), say.STEP_STATISTICS, c.statistics.date if c.statistics else None),
        (("overgang", "arkivering", "dato"), say.STEP_ARCHIVE, c.archive.date if c.archive else None),
    ):
        if day and day < go:
            ctx.error(
                path,
                say.STEP_NOT_BEFORE_GO_LIVE.format(what=what, date=fmt.date(day), go_live=fmt.date(go), system=system),
            )
    moved = (c.payments.date or go) if c.payments else go
    if c.payments and c.payments.first_run and c.payments.first_run < moved:
        # a warning: it also follows when go-live moves and the first run's date was not moved with it
        ctx.warning(
            ("overgang", "betalinger", "foerste_koersel"),
            say.STEP_ORDER.format(
                later=say.STEP_FIRST_RUN,
                later_date=fmt.date(c.payments.first_run),
                earlier=say.STEP_PAYMENTS,
                earlier_date=fmt.date(moved),
            ),
        )
    if c.read_access and c.read_access.open_until < go + relativedelta(months=READ_ACCESS_MONTHS):
        ctx.warning(
            ("overgang", "laeseadgang", "aabne_sager_til"),
            say.OPEN_READ_ACCESS_SHORT.format(until=fmt.date(c.read_access.open_until), go_live=fmt.date(go)),
        )


def deadlines_after_go_live(ctx: Context) -> None:
    p = ctx.plan
    if p.after_go_live is None:
        return
    go = p.project.go_live
    keys = month_keys(go)
    first, last = month_span(keys[0])[0], month_span(keys[-1])[0]
    cats = p.categories_by_id
    latest = go + relativedelta(months=4)
    for i, d in enumerate(p.after_go_live.deadlines):
        base = ("efter_go_live", "frister", i)
        if d.kind is DeadlineKind.first_follow_up:
            if d.counts:
                ctx.error((*base, "antal"), say.DEADLINE_FOLLOW_UP_COUNTS)
            continue
        if not d.counts:
            ctx.warning(base, say.DEADLINE_COUNTS_MISSING.format(name=say_kind(d.kind)))
        for month, n in d.counts.items():
            if not re.fullmatch(MONTH_PATTERN, month):
                ctx.error((*base, "antal", month), say.DEADLINE_MONTH_FORMAT.format(month=month))
                continue
            start = month_span(month)[0]
            if d.kind is DeadlineKind.investigation and n > 0 and start > latest:
                ctx.error(
                    (*base, "antal", month),
                    say.INVESTIGATION_TOO_LATE.format(
                        go_live=fmt.date(go), latest=fmt.date(latest), month=fmt.month(start).capitalize()
                    ),
                )
            elif month not in keys and n > 0:
                ctx.warning(
                    (*base, "antal", month),
                    say.DEADLINE_MONTH_OUTSIDE.format(
                        month=fmt.month(start).capitalize(), first=fmt.month(first), last=fmt.month(last)
                    ),
                )
        cat = cats.get(d.category) if d.category else None
        total = sum(d.counts.values())
        if cat is not None and total > cat.count:
            ctx.error(
                (*base, "antal"),
                say.DEADLINES_ABOVE_CATEGORY.format(
                    name=say_kind(d.kind), total=fmt.number(total), category=cat.name, count=fmt.number(cat.count)
                ),
            )


def say_kind(kind: DeadlineKind) -> str:
    return site_texts.DEADLINE_KINDS[kind.value]


def deadline_overload(ctx: Context) -> None:
    """Weeks after go-live where the deadlines (on top of the conversion's own work) exceed a role's capacity."""
    g = ctx.figures.golive
    p = ctx.plan
    if p.after_go_live is None:
        return
    names = p.role_names
    first_entry: dict[str, int] = {}
    for i, d in enumerate(p.after_go_live.deadlines):
        first_entry.setdefault(d.role, i)
    seen = set()
    for m in g.months:
        for w in m.overloads:
            if (w.role, w.week) in seen:
                continue
            seen.add((w.role, w.week))
            ctx.warning(
                ("efter_go_live", "frister", first_entry.get(w.role, 0), "rolle"),
                say.DEADLINE_OVERLOAD.format(
                    role=names.get(w.role, w.role),
                    load=fmt.hours(w.load),
                    week=week_label(w.monday),
                    deadlines=fmt.hours(w.deadlines),
                    conversion=fmt.hours(w.conversion),
                    capacity=fmt.hours(w.capacity),
                    excess=fmt.hours(w.excess),
                ),
            )


def scope_no_holes(ctx: Context) -> None:
    p = ctx.plan
    s = p.scope
    if s is None:
        return
    cats = p.categories_by_id
    open_ids = [c.id for c in p.categories if c.status is CaseStatus.open]
    for key, decision in (("underretninger_under_vurdering", s.notifications), ("afdaekninger", s.preliminary)):
        if decision and decision.category in cats and cats[decision.category].status is not CaseStatus.open:
            ctx.error(
                ("omfang", key, "kategori"),
                say.SCOPE_CATEGORY_NOT_OPEN.format(category=decision.category, what=say.SCOPE_PART_WHAT[key]),
            )
    for i, cid in enumerate(s.precedence):
        if cid in cats and cats[cid].status is not CaseStatus.open:
            ctx.error(("omfang", "raekkefoelge", i), say.SCOPE_PRECEDENCE_CLOSED.format(category=cid))
    missing = [c for c in open_ids if c not in s.precedence]
    if len(open_ids) > 1 and missing:
        ctx.warning(("omfang",), say.SCOPE_PRECEDENCE_MISSING.format(missing=fmt.and_list(missing)))
    check = ctx.figures.golive.scope
    if check is None:
        return
    order = f" ({', '.join(s.precedence)})" if s.precedence else ""
    if check.counted_twice:
        ctx.warning(
            ("omfang", "aabne_sager_i_alt"),
            say.SCOPE_COUNTED_TWICE.format(
                sum=fmt.number(check.open_sum),
                total=fmt.number(check.open_total),
                twice=fmt.number(check.counted_twice),
                order=order,
            ),
        )
    if check.in_none:
        ctx.warning(
            ("omfang", "aabne_sager_i_alt"),
            say.SCOPE_IN_NONE.format(
                total=fmt.number(check.open_total), sum=fmt.number(check.open_sum), none=fmt.number(check.in_none)
            ),
        )


RULES = [missing_sections, cut_over_order, deadlines_after_go_live, deadline_overload, scope_no_holes]
