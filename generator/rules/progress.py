"""Rules for the progress file (fremdrift.yaml) and the plan's go/no-go criteria.

fremdrift.yaml: every id it names is in the plan ("Mente du …?"), counts are cumulative (they never
fall from one counting date to the next) and never above the cases the work package or session
holds, dates lie within the plan's period, faults never exceed the sample, explanations never cover
more than the difference, and a difference nobody explains is a warning before go-live and an error
from go-live on (judged by the latest counting date, never the wall clock).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .. import formatting as fmt
from ..analysis.progress import ProgressFigures, cases
from ..model.progress import CriterionKind, Progress
from .context import Context


def _guess(value: str, known) -> str:
    close = difflib.get_close_matches(str(value), sorted(known), n=1, cutoff=0.6)
    if close:
        return f' Mente du "{close[0]}"?'
    return f" Brug en af: {', '.join(sorted(known)) or '(ingen)'}."


# --- plan.yaml: go_no_go -----------------------------------------------------------------------


def go_no_go_criteria(ctx: Context) -> None:
    """Every criterion names ids the plan has, and carries what its kind needs."""
    if ctx.plan.go_no_go is None:
        return
    packages = {wp.id for wp in ctx.plan.work_packages}
    cats = {c.id for c in ctx.plan.categories}
    activities = {a.id for a in ctx.plan.activities}
    seen: dict[str, int] = {}
    for i, c in enumerate(ctx.plan.go_no_go.criteria):
        base = ("go_no_go", "kriterier", i)
        if c.id in seen:
            first = ctx.loaded.locate(("go_no_go", "kriterier", seen[c.id]))[0]
            ctx.error((*base, "id"), f'id "{c.id}" er brugt før (linje {first}). Giv hvert kriterie sit eget id.')
        seen.setdefault(c.id, i)
        for key, values, known, what in (("arbejdspakker", c.packages, packages, "Arbejdspakken"),
                                          ("kategorier", c.categories, cats, "Sagskategorien"),
                                          ("aktiviteter", c.activities, activities, "Aktiviteten")):
            for j, v in enumerate(values):
                if v not in known:
                    ctx.error((*base, key, j), f'{what} "{v}" findes ikke i planen.{_guess(v, known)}')
        if c.kind is CriterionKind.fault_rate_below and c.threshold is None:
            ctx.error((*base, "maal"), 'Et kriterie med maal: fejlrate_under skal have en grænse. Tilføj fx '
                                       '"graense_pct: 5" (højeste fejlrate i procent).')
        if c.kind is CriterionKind.categories_converted and not c.categories:
            ctx.error((*base, "maal"), 'Et kriterie med maal: kategorier_konverteret skal nævne sagskategorierne. '
                                       'Tilføj fx "kategorier: [aabne_anbringelser]".')


PLAN_RULES = [go_no_go_criteria]


# --- fremdrift.yaml ------------------------------------------------------------------------------


@dataclass
class ProgressContext(Context):
    """A Context whose messages point into fremdrift.yaml (``loaded``), with the plan beside it."""

    progress: Progress = None  # type: ignore[assignment]
    facts: ProgressFigures = None  # type: ignore[assignment]


def _period(ctx: ProgressContext, path: tuple, day) -> None:
    pf = ctx.figures.planning
    if day is not None and not pf.start <= day <= pf.end:
        ctx.error(path, f"Datoen {day.isoformat()} ligger uden for planens periode "
                        f"({fmt.date(pf.start)}–{fmt.date(pf.end)}). Ret datoen (ÅÅÅÅ-MM-DD).")


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
    seen: dict = {}
    for i, e in enumerate(ctx.progress.status):
        if e.date in seen:
            first = ctx.loaded.locate(("status", seen[e.date]))[0]
            ctx.error(("status", i, "dato"), f"Datoen {e.date.isoformat()} er talt før (linje {first}). Ret "
                                             "tallene i den første optælling, eller ret datoen.")
        seen.setdefault(e.date, i)
        for key, counts, kind in (("arbejdspakker", e.packages, "arbejdspakke"), ("hold", e.sessions, "hold")):
            for id_, n in counts.items():
                path = ("status", i, key, id_)
                if kind == "arbejdspakke" and id_ not in packages:
                    ctx.error(path, f'Arbejdspakken "{id_}" findes ikke i planen.{_guess(id_, packages)}')
                    continue
                if kind == "hold" and id_ not in sessions:
                    ctx.error(path, f'Holdet "{id_}" findes ikke i planen.{_guess(id_, converting)}')
                    continue
                if kind == "hold" and id_ not in converting:
                    ctx.error(path, f'Holdet "{id_}" konverterer ingen sager (det har ingen "konvertering" i '
                                    'plan.yaml). Fjern det herfra.')
                    continue
                total = totals.get((kind, id_))
                if total is not None and n > total:
                    what = "Arbejdspakken" if kind == "arbejdspakke" else "Holdet"
                    ctx.error(path, f"{n} færdige sager er flere end de {total}, {what.lower()} rummer efter "
                                    "planen. Tallet skal være antallet af færdige sager i alt til og med datoen.")
    order = sorted(range(len(ctx.progress.status)), key=lambda i: ctx.progress.status[i].date)
    last: dict[tuple[str, str], tuple[int, object]] = {}
    for i in order:
        e = ctx.progress.status[i]
        for key, counts in (("arbejdspakker", e.packages), ("hold", e.sessions)):
            for id_, n in counts.items():
                before = last.get((key, id_))
                if before is not None and n < before[0]:
                    ctx.error(("status", i, key, id_),
                              f"Antallet er faldet fra {before[0]} ({fmt.date(before[1])}) til {n}. Tallene er "
                              "akkumulerede: skriv det samlede antal færdige sager til og med datoen.")
                last[(key, id_)] = (n, e.date)


def reconciliation(ctx: ProgressContext) -> None:
    plan = ctx.plan
    rec = ctx.progress.reconciliation
    cats = {c.id: c for c in plan.categories}
    converted = {c.id for c in plan.categories if c.converted}
    rows: dict[str, int] = {}
    for i, row in enumerate(rec.categories):
        path = ("afstemning", "kategorier", i, "kategori")
        if row.category not in cats:
            ctx.error(path, f'Sagskategorien "{row.category}" findes ikke i planen.{_guess(row.category, converted)}')
        elif row.category not in converted:
            ctx.error(path, f'Sagskategorien "{row.category}" konverteres ikke (rute: ikke_konverteres), så den '
                            'skal ikke afstemmes. Fjern den herfra.')
        elif row.category in rows:
            first = ctx.loaded.locate(("afstemning", "kategorier", rows[row.category]))[0]
            ctx.error(path, f'Sagskategorien "{row.category}" er afstemt før (linje {first}). Skriv den kun én gang.')
        rows.setdefault(row.category, i)
    for i, e in enumerate(rec.explanations):
        if e.category not in rows:
            known = set(rows)
            ctx.error(("afstemning", "forklaringer", i, "kategori"),
                      f'Sagskategorien "{e.category}" har ingen afstemning under afstemning.kategorier.'
                      f'{_guess(e.category, known) if known else " Tilføj den dér først."}')
    facts = ctx.facts
    severity = ctx.error if facts.after_go_live else ctx.warning
    for r in facts.reconciliation:
        i = rows.get(r.category.id)
        path = ("afstemning", "kategorier", i)
        if r.explained > abs(r.difference):
            ctx.error(path, f"Forklaringerne dækker {r.explained} sager, men forskellen er kun "
                            f"{abs(r.difference)} ({r.old_system} i det gamle system, {r.dubu} i DUBU). Ret antallene.")
        elif r.unexplained:
            when = ("Efter go-live" if facts.after_go_live else "Før go-live er det en advarsel; fra go-live")
            counts = f"{r.old_system} i det gamle system, {r.dubu} i DUBU"
            what = (f"Forskellen på {cases(abs(r.difference))} ({counts}) er ikke forklaret"
                    if r.unexplained == abs(r.difference) else
                    f"{cases(r.unexplained)} af forskellen på {abs(r.difference)} ({counts}) er ikke forklaret")
            severity(path, f"{what}. Find årsagen, og skriv den under afstemning.forklaringer. "
                           f"{when} er det en fejl.")


def control_rounds(ctx: ProgressContext) -> None:
    activities = {a.id for a in ctx.plan.activities}
    for i, r in enumerate(ctx.progress.controls):
        if r.activity not in activities:
            ctx.error(("kontrolrunder", i, "aktivitet"),
                      f'Aktiviteten "{r.activity}" findes ikke i planen.{_guess(r.activity, activities)}')
        if r.faults > r.sample:
            ctx.error(("kontrolrunder", i, "fejl"), f"{r.faults} sager med fejl er flere end de {r.sample} "
                                                    "kontrollerede sager i stikprøven. Ret tallet.")


def manual_checks(ctx: ProgressContext) -> None:
    criteria = {c.id: c for c in (ctx.plan.go_no_go.criteria if ctx.plan.go_no_go else [])}
    manual = {k for k, c in criteria.items() if c.kind is CriterionKind.manual}
    for i, c in enumerate(ctx.progress.checks):
        path = ("go_no_go", i, "kriterie")
        if c.criterion not in criteria:
            ctx.error(path, f'Go/no-go-kriteriet "{c.criterion}" findes ikke i plan.yaml (go_no_go.kriterier).'
                            f'{_guess(c.criterion, manual)}')
        elif c.criterion not in manual:
            ctx.error(path, f'Kriteriet "{c.criterion}" måles ud fra tallene i fremdrift.yaml og kan ikke krydses '
                            'af i hånden. Fjern det herfra (kun kriterier med maal: manuel krydses af).')


RULES = [dates_within_plan, status_counts, reconciliation, control_rounds, manual_checks]


def check_progress(ctx: ProgressContext) -> list:
    for rule in RULES:
        rule(ctx)
    return sorted(set(ctx.messages))
