"""Rules for the progress file (fremdrift.yaml) and the plan's go/no-go criteria.

fremdrift.yaml: every id it names is in the plan ("Mente du …?"), counts are cumulative (they never
fall from one counting date to the next) and never above the cases the work package or session
holds, dates lie within the plan's period, faults never exceed the sample, explanations never cover
more than the difference, and a difference nobody explains is a warning before go-live and an error
from go-live on (judged by the latest counting date, never the wall clock).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import formatting as fmt
from ..analysis.kinds import WorkKind
from ..analysis.progress import ProgressFigures, cases
from ..messages import Message
from ..model.progress import REASON_DIRECTION, CriterionKind, Progress
from ..texts import validation as say
from .context import Context, Path
from .references import known_ids, suggest


def _guess(value: str, known: set[str]) -> str:
    """' Mente du "x"?' when an id is close, else a short list to choose from, as the plan's own references
    say it (references.known_ids: at most MAX_KNOWN ids, and how many more)."""
    meant = suggest(str(value), sorted(known))
    if meant:
        return say.MEANT.format(meant=meant)
    return say.CHOOSE_FROM.format(known=known_ids(str(value), set(known)))


# --- plan.yaml: go_no_go -----------------------------------------------------------------------


def go_no_go_criteria(ctx: Context) -> None:
    """Every criterion has its own id and carries what its kind needs. (The ids a criterion names are checked
    with the plan's other references, rules/references.py, before the typed rules run.)"""
    if ctx.plan.go_no_go is None:
        return
    seen: dict[str, int] = {}
    for i, c in enumerate(ctx.plan.go_no_go.criteria):
        base = ("go_no_go", "kriterier", i)
        if c.id in seen:
            first = ctx.loaded.locate(("go_no_go", "kriterier", seen[c.id]))[0]
            ctx.error((*base, "id"), say.CRITERION_ID_REUSED.format(id=c.id, line=first))
        seen.setdefault(c.id, i)
        if c.kind is CriterionKind.fault_rate_below and c.threshold is None:
            ctx.error((*base, "maal"), say.FAULT_RATE_NEEDS_LIMIT)
        if c.kind is CriterionKind.categories_converted and not c.categories:
            ctx.error((*base, "maal"), say.CONVERTED_NEEDS_CATEGORIES)


PLAN_RULES = [go_no_go_criteria]


# --- fremdrift.yaml ------------------------------------------------------------------------------


@dataclass
class ProgressContext(Context):
    """A Context whose messages point into fremdrift.yaml (``loaded``), with the plan beside it."""

    progress: Progress = None  # type: ignore[assignment]
    facts: ProgressFigures = None  # type: ignore[assignment]


def _period(ctx: ProgressContext, path: Path, day: dt.date | None) -> None:
    pf = ctx.figures.planning
    if day is not None and not pf.start <= day <= pf.end:
        ctx.error(
            path, say.DATE_OUTSIDE_PLAN.format(day=day.isoformat(), start=fmt.date(pf.start), end=fmt.date(pf.end))
        )


def dates_within_plan(ctx: ProgressContext) -> None:
    p = ctx.progress
    for i, e in enumerate(p.status):
        _period(ctx, ("status", i, "dato"), e.date)
    _period(ctx, ("afstemning", "dato"), p.reconciliation.date)
    for i, r in enumerate(p.controls):
        _period(ctx, ("kontrolrunder", i, "dato"), r.date)
    for i, c in enumerate(p.checks):
        _period(ctx, ("go_no_go", i, "dato"), c.date)


def status_counts(ctx: ProgressContext) -> None:
    """Known ids, one entry per date, counts that never fall and never pass the cases the item holds."""
    plan = ctx.plan
    totals = {(i.kind, i.id): i.total for i in ctx.facts.items}
    packages = {wp.id for wp in plan.work_packages}
    sessions = {s.id: s for s in plan.training.sessions}
    converting = {s for s, session in sessions.items() if session.conversion is not None}
    seen: dict[dt.date, int] = {}
    for i, e in enumerate(ctx.progress.status):
        if e.date in seen:
            first = ctx.loaded.locate(("status", seen[e.date]))[0]
            ctx.error(("status", i, "dato"), say.DATE_COUNTED_BEFORE.format(day=e.date.isoformat(), line=first))
        seen.setdefault(e.date, i)
        for key, counts, kind in (
            ("arbejdspakker", e.packages, WorkKind.package),
            ("hold", e.sessions, WorkKind.session),
        ):
            for id_, n in counts.items():
                path = ("status", i, key, id_)
                if kind is WorkKind.package and id_ not in packages:
                    ctx.error(path, say.NOT_IN_PLAN.format(what=say.NAMED_PACKAGE, id=id_, guess=_guess(id_, packages)))
                    continue
                if kind is WorkKind.session and id_ not in sessions:
                    ctx.error(
                        path, say.NOT_IN_PLAN.format(what=say.NAMED_SESSION, id=id_, guess=_guess(id_, converting))
                    )
                    continue
                if kind is WorkKind.session and id_ not in converting:
                    ctx.error(path, say.SESSION_CONVERTS_NOTHING.format(id=id_))
                    continue
                total = totals.get((kind, id_))
                if total is not None and n > total:
                    what = say.NAMED_PACKAGE if kind is WorkKind.package else say.NAMED_SESSION
                    ctx.error(path, say.MORE_DONE_THAN_PLANNED.format(n=n, total=total, what=what.lower()))
    order = sorted(range(len(ctx.progress.status)), key=lambda i: ctx.progress.status[i].date)
    last: dict[tuple[str, str], tuple[int, dt.date]] = {}
    for i in order:
        e = ctx.progress.status[i]
        for key, counts in (("arbejdspakker", e.packages), ("hold", e.sessions)):
            for id_, n in counts.items():
                before = last.get((key, id_))
                if before is not None and n < before[0]:
                    ctx.error(
                        ("status", i, key, id_), say.COUNT_FELL.format(before=before[0], date=fmt.date(before[1]), n=n)
                    )
                last[(key, id_)] = (n, e.date)


def reconciliation(ctx: ProgressContext) -> None:
    plan = ctx.plan
    rec = ctx.progress.reconciliation
    cats = plan.categories_by_id
    converted = {c.id for c in plan.categories if c.converted}
    rows: dict[str, int] = {}
    for i, row in enumerate(rec.categories):
        path: Path = ("afstemning", "kategorier", i, "kategori")
        if row.category not in cats:
            ctx.error(
                path,
                say.NOT_IN_PLAN.format(what=say.NAMED_CATEGORY, id=row.category, guess=_guess(row.category, converted)),
            )
        elif row.category not in converted:
            ctx.error(path, say.CATEGORY_NOT_CONVERTED.format(category=row.category))
        elif row.category in rows:
            first = ctx.loaded.locate(("afstemning", "kategorier", rows[row.category]))[0]
            ctx.error(path, say.CATEGORY_RECONCILED_BEFORE.format(category=row.category, line=first))
        rows.setdefault(row.category, i)
    for i, e in enumerate(rec.explanations):
        fits = REASON_DIRECTION.get(e.reason)
        if fits is not None and fits is not e.direction:
            ctx.error(
                ("afstemning", "forklaringer", i, "retning"),
                say.DIRECTION_AGAINST_REASON.format(
                    reason=e.reason.value,
                    direction=e.direction.value,
                    fits=fits.value,
                    why=say.REASON_WHY[e.reason.value],
                ),
            )
        if e.category not in rows:
            known = set(rows)
            ctx.error(
                ("afstemning", "forklaringer", i, "kategori"),
                say.EXPLANATION_WITHOUT_ROW.format(
                    category=e.category, hint=_guess(e.category, known) if known else say.ADD_IT_THERE_FIRST
                ),
            )
    facts = ctx.facts
    severity = ctx.error if facts.after_go_live else ctx.warning
    for r in facts.reconciliation:
        path = ("afstemning", "kategorier", rows.get(r.category.id))
        if r.over_explained:
            ctx.error(
                path,
                say.EXPLAINED_DOES_NOT_ADD_UP.format(
                    explained=fmt.number(r.explained),
                    difference=fmt.number(r.difference),
                    old_system=r.old_system,
                    dubu=r.dubu,
                ),
            )
        elif r.unexplained:
            when = say.WHEN_AFTER_GO_LIVE if facts.after_go_live else say.WHEN_BEFORE_GO_LIVE
            counts = say.COUNTS.format(old_system=r.old_system, dubu=r.dubu)
            what = (
                say.UNEXPLAINED_ALL.format(cases=cases(abs(r.difference)), counts=counts)
                if r.unexplained == abs(r.difference)
                else say.UNEXPLAINED_PART.format(
                    cases=cases(r.unexplained), difference=abs(r.difference), counts=counts
                )
            )
            severity(path, say.UNEXPLAINED.format(what=what, when=when))


def control_rounds(ctx: ProgressContext) -> None:
    activities = {a.id for a in ctx.plan.activities}
    for i, r in enumerate(ctx.progress.controls):
        if r.activity not in activities:
            ctx.error(
                ("kontrolrunder", i, "aktivitet"),
                say.NOT_IN_PLAN.format(what=say.NAMED_ACTIVITY, id=r.activity, guess=_guess(r.activity, activities)),
            )
        if r.faults > r.sample:
            ctx.error(("kontrolrunder", i, "fejl"), say.FAULTS_ABOVE_SAMPLE.format(faults=r.faults, sample=r.sample))
        for k, x in enumerate(r.routes):
            if x.faults > x.checked:
                ctx.error(
                    ("kontrolrunder", i, "ruter", k, "fejl"),
                    say.FAULTS_ABOVE_SAMPLE.format(faults=x.faults, sample=x.checked),
                )
        if r.routes and (sum(x.checked for x in r.routes), sum(x.faults for x in r.routes)) != (r.sample, r.faults):
            ctx.error(
                ("kontrolrunder", i, "ruter"),
                say.ROUTES_DO_NOT_ADD_UP.format(
                    checked=sum(x.checked for x in r.routes),
                    faults=sum(x.faults for x in r.routes),
                    sample=r.sample,
                    all_faults=r.faults,
                ),
            )
    for i, q in enumerate(ctx.facts.quality):
        if q.mixed:
            ctx.warning(("kontrolrunder", i), say.ROUND_MIXES_ROUTES.format(activity=q.activity))
        elif q.short:
            ctx.warning(
                ("kontrolrunder", i, "stikproeve"),
                say.SAMPLE_SMALLER_THAN_PLANNED.format(
                    what=say.ROUND_AS_A_WHOLE, checked=q.control_round.sample, planned=q.planned
                ),
            )
        for k, route in enumerate(q.routes):
            if route.short:
                ctx.warning(
                    ("kontrolrunder", i, "ruter", k, "kontrolleret"),
                    say.SAMPLE_SMALLER_THAN_PLANNED.format(
                        what=say.ROUTE_WORDS[route.route.value], checked=route.checked, planned=route.planned
                    ),
                )


def manual_checks(ctx: ProgressContext) -> None:
    criteria = {c.id: c for c in (ctx.plan.go_no_go.criteria if ctx.plan.go_no_go else [])}
    manual = {k for k, c in criteria.items() if c.kind is CriterionKind.manual}
    for i, c in enumerate(ctx.progress.checks):
        path = ("go_no_go", i, "kriterie")
        if c.criterion not in criteria:
            ctx.error(path, say.CRITERION_NOT_IN_PLAN.format(criterion=c.criterion, guess=_guess(c.criterion, manual)))
        elif c.criterion not in manual:
            ctx.error(path, say.CRITERION_NOT_MANUAL.format(criterion=c.criterion))


def ahead_of_prerequisite(ctx: ProgressContext) -> None:
    """A package further along than the package that creates its cases: a count is wrong, or cases are entered
    before they exist."""
    for b, a in ctx.facts.ahead:
        where = next(
            (("status", i, "arbejdspakker", b.id) for i, e in reversed(list(enumerate(ctx.progress.status)))
             if b.id in e.packages),
            ("status",),
        )  # fmt: skip
        ctx.warning(
            where,
            say.AHEAD_OF_PREREQUISITE.format(
                package=b.name, done=b.done, total=b.total, base=a.name, base_done=a.done, base_total=a.total
            ),
        )


def cut_over_steps(ctx: ProgressContext) -> None:
    """Every step marked done is a step of the plan's cut-over (analysis/golive.py gives the ids)."""
    known = {s.id for s in ctx.figures.golive.steps}
    for i, done in enumerate(ctx.progress.cut_over):
        if done.step not in known:
            ctx.error(
                ("overgang", i, "trin"), say.STEP_NOT_IN_PLAN.format(step=done.step, guess=_guess(done.step, known))
            )


def finance_reconciliation(ctx: ProgressContext) -> None:
    """Amounts and payments per month and placements per legal basis: a difference is 0 or explained (a warning
    before go-live, an error from go-live on, as for the case counts), and finance signs the result off."""
    f = ctx.facts.finance
    if f is None:
        return
    base = ("afstemning", "oekonomi")
    months = {m.row.month for m in f.months}
    bases = {b.row.basis for b in f.bases}
    for i, e in enumerate(f.source.explanations):
        if e.basis is not None and e.basis not in bases:
            ctx.error((*base, "forklaringer", i, "grundlag"), say.FINANCE_EXPLANATION_NO_ROW.format(what=e.basis))
        elif e.basis is None and e.month not in months:  # also a month written in another form than ÅÅÅÅ-MM
            ctx.error((*base, "forklaringer", i), say.FINANCE_EXPLANATION_NO_ROW.format(what=e.month or "?"))
    severity = ctx.error if ctx.facts.after_go_live else ctx.warning
    when = say.BEFORE_GO_LIVE_WARNING if not ctx.facts.after_go_live else say.AFTER_GO_LIVE_ERROR
    for i, m in enumerate(f.months):
        path = (*base, "maaneder", i)
        if m.amount_explained_too_much:
            ctx.error(path, say.FINANCE_EXPLAINED_TOO_MUCH.format(month=m.row.month))
        elif m.amount_unexplained:
            severity(
                path,
                say.FINANCE_AMOUNT_UNEXPLAINED.format(
                    month=m.row.month,
                    amount=fmt.kroner(m.amount_unexplained),
                    old=fmt.kroner(m.row.old_amount),
                    dubu=fmt.kroner(m.row.dubu_amount),
                    when=when,
                ),
            )
        if m.payments_unexplained:
            severity(
                path,
                say.FINANCE_PAYMENTS_UNEXPLAINED.format(
                    month=m.row.month,
                    n=m.payments_unexplained,
                    payments=say.PAYMENT_WORDS[m.payments_unexplained != 1],
                    old=m.row.old_payments,
                    dubu=m.row.dubu_payments,
                    when=when,
                ),
            )
    for i, b in enumerate(f.bases):
        if b.unexplained:
            severity(
                (*base, "anbringelser", i),
                say.FINANCE_BASIS_UNEXPLAINED.format(
                    basis=b.row.basis,
                    n=b.unexplained,
                    placements=say.PLACEMENT_WORDS[b.unexplained != 1],
                    old=b.row.old_system,
                    dubu=b.row.dubu,
                    when=when,
                ),
            )
    if (f.months or f.bases) and not f.signed:
        ctx.warning(base, say.FINANCE_NOT_SIGNED)


RULES = [
    dates_within_plan,
    status_counts,
    reconciliation,
    control_rounds,
    manual_checks,
    ahead_of_prerequisite,
    cut_over_steps,
    finance_reconciliation,
]


def check_progress(ctx: ProgressContext) -> list[Message]:
    for rule in RULES:
        rule(ctx)
    return sorted(set(ctx.messages))
