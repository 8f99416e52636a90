"""Pages about the decision and the plan: forside, sagsomfang, minimumsoplysninger, konverteringsform,
roller, tids- og ressourceplan, ordliste."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .. import formatting as fmt
from ..analysis import Figures, paths
from ..analysis.guide import control_view
from ..analysis.kinds import WorkKind
from ..analysis.milestones import milestones as all_milestones
from ..analysis.workload import first_conversion_day
from ..model import Plan
from ..model.cases import CaseStatus, Stakeholder, Timing
from ..texts import site as texts
from . import charts, downloads
from .common import Later

STAKEHOLDERS = {
    Stakeholder.caseworker: texts.STAKEHOLDER_CASEWORKER,
    Stakeholder.management: texts.STAKEHOLDER_MANAGEMENT,
    Stakeholder.finance: texts.STAKEHOLDER_FINANCE,
    Stakeholder.statistics: texts.STAKEHOLDER_STATISTICS,
}
TIMINGS = {Timing.go_live: texts.TIMING_GO_LIVE, Timing.first_follow_up: texts.TIMING_FIRST_FOLLOW_UP}


def routes(plan: Plan) -> dict[str, str]:
    return {
        "automatisk": texts.ROUTE_AUTOMATIC.format(vendor=texts.vendor_name(plan.vendor_offer)),
        "manuel": texts.ROUTE_MANUAL,
        "ikke_konverteres": texts.ROUTE_NOT_CONVERTED,
    }


@dataclass(frozen=True)
class Entry:
    """One reader on the front page ("Hvem er du?"): a role or the steering group, and where to go."""

    who: str
    links: list[tuple[str, str]]  # (Danish link text, path from the front page)


def who_entries(plan: Plan, figures: Figures) -> list[Entry]:
    """The front page's way in by role: every role that converts (its guide, checklist, sessions and
    calendar, hours), every role that teaches (its sessions, calendar, the control guide, hours), each with
    its steps on go-live day when it has any (the project lead may have only those), and the steering group (decision, cost, time plan, progress, go/no-go, the one-page status)."""
    entries = []
    taught = {r for s in plan.training.sessions for r in s.audience}
    has_control = control_view(plan) is not None
    cutting_over = {s.owner for s in figures.golive.steps}
    for role in plan.roles:
        links: list[tuple[str, str]] = []
        view = figures.guides.get(role.id)
        if view is not None:
            links += [
                (texts.WHO_GUIDE, f"vejledning/{view.paths['guide']}"),
                (texts.WHO_CHECKLIST, f"vejledning/{view.paths['checklist']}"),
            ]
            if role.id in taught:
                links += [
                    (texts.WHO_SESSIONS, f"undervisning/{paths.training_page(role.id)}"),
                    (texts.WHO_CALENDAR, paths.training_calendar(role.id)),
                ]
            links.append((texts.WHO_HOURS, f"vejledning/{view.paths['guide']}#{texts.MY_NUMBERS_ANCHOR}"))
        elif role.super_user:
            links.append((texts.WHO_TEACHING, "undervisning/index.md"))
            if plan.training.sessions:
                links.append((texts.WHO_CALENDAR_ALL, paths.training_calendar()))
            if has_control:
                links.append((texts.WHO_CONTROL, paths.CONTROL_GUIDE))
            if figures.planning and figures.planning.load.rows.get(role.id):
                links.append((texts.WHO_HOURS, paths.load_page(role.id)))
        if role.id in cutting_over:
            links.append((texts.WHO_GO_LIVE, f"golive/{paths.golive_page(role.id)}"))
        if links:
            entries.append(Entry(role.name, links))
    board = [
        (texts.WHO_STATUS, paths.STATUS_PAGE),
        (texts.WHO_DECISION, "konverteringsform.md"),
        (texts.WHO_COST, "oekonomi.md"),
        (texts.WHO_TIMEPLAN, "tidsplan.md"),
    ]
    if figures.progress is not None:
        board += [(texts.WHO_PROGRESS, "fremdrift/index.md"), (texts.WHO_GO_NO_GO, "fremdrift/go-no-go.md")]
    entries.append(Entry(texts.WHO_BOARD, board))
    return entries


def home(plan: Plan, figures: Figures, out) -> None:
    options = {o.id: o for o in plan.conversion.options}
    chosen = options.get(plan.conversion.decision.chosen) if plan.conversion.decision else None
    # the minimum fields each reader of reports and extracts needs (front page: what the fields serve)
    serves = {
        s.value: list(dict.fromkeys(r.field.name for r in figures.field_rows if s.value in r.needs))
        for s in (Stakeholder.management, Stakeholder.finance, Stakeholder.statistics)
    }
    out.add(
        "index.md",
        texts.PAGE_HOME,
        "index.md.j2",
        plan=plan,
        figures=figures,
        chosen=chosen,
        serves=serves,
        warnings=out.warnings,
        g=figures.golive,
        f=figures.progress,
        who=who_entries(plan, figures),
    )


def scope(plan: Plan, figures: Figures, out) -> None:
    by_status = {s: [c for c in plan.categories if c.status is s] for s in CaseStatus}
    out.add(
        "sagsomfang.md",
        texts.PAGE_SCOPE,
        "sagsomfang.md.j2",
        section=texts.SECTION_DECISION,
        plan=plan,
        figures=figures,
        by_status=by_status,
        routes=routes(plan),
        cats=plan.categories_by_id,
        g=figures.golive,
    )


def minimum(plan: Plan, figures: Figures, out) -> None:
    groups = defaultdict(list)
    for row in figures.field_rows:
        groups[row.group.id].append(row)
    out.add(
        "minimumsoplysninger.md",
        texts.PAGE_MINIMUM,
        "minimumsoplysninger.md.j2",
        section=texts.SECTION_DECISION,
        plan=plan,
        figures=figures,
        groups=groups,
        stakeholders=STAKEHOLDERS,
        timings=TIMINGS,
        statistics=Stakeholder.statistics,
        first_follow_up=Timing.first_follow_up,
    )


def conversion(plan: Plan, figures: Figures, out) -> None:
    options = {o.id: o for o in plan.conversion.options}
    chosen = options.get(plan.conversion.decision.chosen) if plan.conversion.decision else None
    pf = figures.planning
    out.add(
        "konverteringsform.md",
        texts.PAGE_CONVERSION,
        "konverteringsform.md.j2",
        section=texts.SECTION_DECISION,
        plan=plan,
        figures=figures,
        chosen=chosen,
        matrix=pf.matrix,
        options=options,
        cheapest=pf.cheapest,
        chosen_cost=pf.chosen_cost,
        criteria={c.id: c.name for c in plan.conversion.criteria},
        extra_cost=(pf.chosen_cost.total - pf.cheapest.total) if pf.chosen_cost and pf.cheapest else 0,
    )


def economy(plan: Plan, figures: Figures, out) -> None:
    """Økonomi og beslutningsgrundlag: cost per option, break-even, sensitivity."""
    pf = figures.planning
    roles = plan.roles_by_id
    chosen = pf.matrix.chosen
    bars = [
        charts.CostBar(c.option.name, c.vendor_price, c.people_cost, texts.CHOSEN if c.option.id == chosen else "")
        for c in pf.options
    ]
    chart = Later(charts.cost_chart, "omk", texts.CHART_COST_TITLE, texts.CHART_COST_DESC, bars)
    role_ids = [r.id for r in plan.roles if any(c.hours.get(r.id) for c in pf.options)]
    base = next(s for s in pf.sensitivity if s.factor == 1.0)
    shifts = [s for s in pf.sensitivity if s.ranking[:1] != base.ranking[:1]]
    out.add(
        "oekonomi.md",
        texts.PAGE_ECONOMY,
        "oekonomi.md.j2",
        section=texts.SECTION_DECISION,
        plan=plan,
        pf=pf,
        chart=chart,
        roles=roles,
        role_ids=role_ids,
        chosen=chosen,
        base=base,
        shifts=shifts,
        options={o.id: o for o in plan.conversion.options},
        matrix=pf.matrix,
        criteria={c.id: c.name for c in plan.conversion.criteria},
    )


def roles(plan: Plan, figures: Figures, out) -> None:
    groups = {g.id: g for g in plan.minimum.groups}
    cats = plan.categories_by_id
    out.add(
        "roller.md",
        texts.PAGE_ROLES,
        "roller.md.j2",
        section=texts.SECTION_PLAN,
        plan=plan,
        figures=figures,
        groups=groups,
        cats=cats,
    )


KINDS = texts.KIND_NAMES


def _gantt_rows(plan: Plan, figures: Figures, milestone_list: list) -> list[dict]:
    """Everything with a date, in the order of the Gantt chart (dates computed here, not by a chart library)."""
    rows = [
        dict(section=texts.GANTT_MILESTONES, kind=WorkKind.milestone, name=m.name, start=m.date, end=m.date, role=None)
        for m in milestone_list
    ]
    if plan.project.freeze:
        rows.append(
            dict(
                section=texts.GANTT_ACTIVITIES,
                kind=WorkKind.freeze,
                name=texts.FREEZE_ROW.format(system=plan.municipality.old_system),
                start=plan.project.freeze.start,
                end=plan.project.freeze.end,
                role=None,
            )
        )
    rows += [
        dict(
            section=texts.GANTT_ACTIVITIES, kind=WorkKind.activity, name=a.name, start=a.start, end=a.end, role=a.owner
        )
        for a in sorted(plan.activities, key=lambda a: a.start)
    ]
    names = plan.role_names
    spans: dict[tuple, dict] = {}
    for w in figures.planning.load.works:
        if w.kind in (WorkKind.activity, WorkKind.teaching):
            continue  # activities have their own rows; teaching happens on the sessions' dates
        key = w.owner
        if key in spans:
            spans[key]["start"] = min(spans[key]["start"], w.start)
            spans[key]["end"] = max(spans[key]["end"], w.end)
        elif w.start and w.end:
            section = texts.GANTT_SESSIONS if w.kind is WorkKind.session else texts.GANTT_PACKAGES
            name = (
                texts.CONTROL_WORK_BY.format(work=w.name, role=names[w.role])
                if w.kind in (WorkKind.control, WorkKind.reentry) and w.role in names
                else w.name
            )
            spans[key] = dict(section=section, kind=w.kind, name=name, start=w.start, end=w.end, role=w.role)
    rows += sorted((r for r in spans.values() if r["section"] == texts.GANTT_PACKAGES), key=lambda r: r["start"])
    rows += sorted((r for r in spans.values() if r["section"] == texts.GANTT_SESSIONS), key=lambda r: r["start"])
    return rows


LOAD_SECTION = texts.SECTION_LOAD


def _load_views(plan: Plan, figures: Figures) -> list[dict]:
    load = figures.planning.load
    views = []
    for role in plan.roles:
        weeks = load.rows.get(role.id)
        if not weeks:
            continue
        over = [w for w in weeks if w.over]
        t = figures.planning.totals[role.id]
        peak = max(weeks, key=lambda w: (w.load, -w.monday.toordinal()))  # the first of equally busy weeks
        views.append(
            dict(
                role=role,
                weeks=weeks,
                over=over,
                total=t.hours,
                peak=peak,
                capacity=t.capacity,
                working_capacity=t.working_capacity,
                working_weeks=t.working_weeks,
                cost=t.cost,
                path=paths.load_page(role.id),
            )
        )
    return views


def _load_chart(view: dict):
    role = view["role"]
    return charts.load_chart(
        f"belastning-{role.id}",
        texts.CHART_LOAD_TITLE.format(role=role.name),
        texts.CHART_LOAD_DESC,
        [charts.LoadWeek(fmt.week(w.monday), w.load, w.capacity) for w in view["weeks"]],
    )


def _coverage_groups(rows) -> list[dict]:
    """Coverage rows grouped per category: fields with the same owners (and the same gap) share one row,
    so the table grows with categories x owner combinations, not with categories x fields."""
    by_category: dict[str, dict] = {}
    for row in rows:
        cat = row.need.category
        entry = by_category.setdefault(cat.id, dict(category=cat, lines={}))
        key = (row.owners, row.missing)
        line = entry["lines"].setdefault(key, dict(owners=row.owners, missing=row.missing, groups={}))
        line["groups"].setdefault(row.need.group.id, dict(group=row.need.group, fields=[]))["fields"].append(
            row.need.field
        )
    return [
        dict(
            category=e["category"],
            lines=[dict(line, groups=list(line["groups"].values())) for line in e["lines"].values()],
        )
        for e in by_category.values()
    ]


def _forecast_chart(plan: Plan, figures: Figures):
    fc = figures.planning.forecast
    labels = [fmt.week(p.monday) for p in fc.points]
    go_week = next((i for i, p in enumerate(fc.points) if p.monday <= plan.project.go_live <= p.day), None)
    return charts.line_chart(
        "prognose",
        texts.CHART_FORECAST_TITLE,
        texts.CHART_FORECAST_DESC,
        labels,
        [
            charts.Series(texts.CHART_FORECAST_MINIMUM, [p.minimum for p in fc.points]),
            charts.Series(texts.CHART_FORECAST_FULL, [p.full for p in fc.points], dashed=True),
        ],
        fc.total,
        (texts.GO_LIVE, go_week) if go_week is not None else None,
    )


def _last(rows: Later[list[downloads.Row]]) -> downloads.Row:
    return rows()[-1]


def schedule(plan: Plan, figures: Figures, out) -> None:
    roles = plan.roles_by_id
    milestone_list = all_milestones(plan)
    milestones = {m.id: m for m in milestone_list}
    pf = figures.planning
    gantt_rows = _gantt_rows(plan, figures, milestone_list)
    gantt = Later(
        charts.gantt,
        "gantt",
        texts.CHART_GANTT_TITLE,
        texts.CHART_GANTT_DESC,
        [
            charts.Bar(r["name"], r["start"], r["end"], r["section"], r["kind"] is WorkKind.milestone)
            for r in gantt_rows
        ],
        (texts.GO_LIVE, plan.project.go_live),
    )
    names = plan.role_names
    table = Later(downloads.rows, pf.load, names, plan.hourly_rates, pf.totals)
    out.download(downloads.XLSX, downloads.xlsx, table)
    out.download(downloads.CSV, downloads.csv_bytes, table)
    cats = plan.categories_by_id
    groups = {g.id: g for g in plan.minimum.groups}
    loads = _load_views(plan, figures)
    out.add(
        "tidsplan.md",
        texts.PAGE_SCHEDULE,
        "tidsplan.md.j2",
        section=texts.SECTION_PLAN,
        plan=plan,
        figures=figures,
        roles=roles,
        milestones=milestones,
        milestone_list=milestone_list,
        pf=pf,
        gantt=gantt,
        gantt_rows=gantt_rows,
        kinds=KINDS,
        role_names=names,
        loads=loads,
        grand=Later(_last, table),
        forecast_chart=Later(_forecast_chart, plan, figures),
        cats=cats,
        groups=groups,
        first_conversion=first_conversion_day(plan),
        coverage=Later(_coverage_groups, pf.coverage),
        xlsx=downloads.XLSX,
        csv=downloads.CSV,
    )
    for v in loads:
        out.add(
            v["path"],
            texts.PAGE_LOAD_ROLE.format(role=v["role"].name),
            "belastning_rolle.md.j2",
            section=LOAD_SECTION,
            v=v,
            chart=Later(_load_chart, v),
            plan=plan,
            xlsx=f"../{downloads.XLSX}",
            csv=f"../{downloads.CSV}",
        )


def glossary(plan: Plan, figures: Figures, out) -> None:
    terms = sorted(plan.glossary, key=lambda t: t.term.lower())
    out.add("ordliste.md", texts.PAGE_GLOSSARY, "ordliste.md.j2", plan=plan, terms=terms)


FIRST = [home]
BUILDERS = [scope, minimum, conversion, economy, roles, schedule]
LAST = [glossary]
