"""Pages about the decision and the plan: forside, sagsomfang, minimumsoplysninger, konverteringsform,
roller, tids- og ressourceplan, ordliste."""

from __future__ import annotations

from collections import defaultdict

from . import charts, downloads
from .. import formatting as fmt
from ..analysis import Figures
from ..model import Plan
from ..model.cases import CaseStatus, Stakeholder, Timing
from ..slug import ascii_slug
from .common import Later

STAKEHOLDERS = {
    Stakeholder.caseworker: "Sagsbehandler",
    Stakeholder.management: "Ledelse",
    Stakeholder.finance: "Økonomi",
    Stakeholder.statistics: "Danmarks Statistik",
}
TIMINGS = {Timing.go_live: "Ved go-live", Timing.first_follow_up: "Ved første opfølgning"}
ROUTES = {"automatisk": "Delvis automatisk (Netcompany)", "manuel": "Manuel", "ikke_konverteres": "Konverteres ikke"}


def home(plan: Plan, figures: Figures, out) -> None:
    options = {o.id: o for o in plan.conversion.options}
    chosen = options.get(plan.conversion.decision.chosen) if plan.conversion.decision else None
    out.add("index.md", "Forside", "index.md.j2", plan=plan, figures=figures, chosen=chosen,
            warnings=out.warnings)


def scope(plan: Plan, figures: Figures, out) -> None:
    by_status = {s: [c for c in plan.categories if c.status is s] for s in CaseStatus}
    out.add("sagsomfang.md", "Sagsomfang", "sagsomfang.md.j2", section="Beslutning",
            plan=plan, figures=figures, by_status=by_status, routes=ROUTES)


def minimum(plan: Plan, figures: Figures, out) -> None:
    groups = defaultdict(list)
    for row in figures.field_rows:
        groups[row.group.id].append(row)
    out.add("minimumsoplysninger.md", "Minimumsoplysninger", "minimumsoplysninger.md.j2", section="Beslutning",
            plan=plan, figures=figures, groups=groups, stakeholders=STAKEHOLDERS, timings=TIMINGS,
            statistics=Stakeholder.statistics, first_follow_up=Timing.first_follow_up)


def conversion(plan: Plan, figures: Figures, out) -> None:
    options = {o.id: o for o in plan.conversion.options}
    chosen = options.get(plan.conversion.decision.chosen) if plan.conversion.decision else None
    pf = figures.planning
    out.add("konverteringsform.md", "Konverteringsform", "konverteringsform.md.j2", section="Beslutning",
            plan=plan, figures=figures, chosen=chosen, matrix=pf.matrix, options=options,
            cheapest=pf.cheapest, chosen_cost=pf.chosen_cost,
            extra_cost=(pf.chosen_cost.total - pf.cheapest.total) if pf.chosen_cost and pf.cheapest else 0)


def economy(plan: Plan, figures: Figures, out) -> None:
    """Økonomi og beslutningsgrundlag: cost per option, break-even, sensitivity."""
    pf = figures.planning
    roles = {r.id: r for r in plan.roles}
    chosen = pf.matrix.chosen
    bars = [charts.CostBar(c.option.name, c.vendor_price, c.people_cost, "valgt" if c.option.id == chosen else "")
            for c in pf.options]
    chart = Later(charts.cost_chart, "omk", "Samlet pris for hver konverteringsform",
                  "Vandrette søjler: egne timer i kr. plus leverandørens pris. Tallene står i tabellen under.",
                  bars)
    role_ids = [r.id for r in plan.roles if any(c.hours.get(r.id) for c in pf.options)]
    base = next(s for s in pf.sensitivity if s.factor == 1.0)
    shifts = [s for s in pf.sensitivity if s.ranking[:1] != base.ranking[:1]]
    out.add("oekonomi.md", "Økonomi og beslutningsgrundlag", "oekonomi.md.j2", section="Beslutning",
            plan=plan, pf=pf, chart=chart, roles=roles, role_ids=role_ids, chosen=chosen,
            base=base, shifts=shifts, options={o.id: o for o in plan.conversion.options})


def roles(plan: Plan, figures: Figures, out) -> None:
    groups = {g.id: g for g in plan.minimum.groups}
    cats = {c.id: c for c in plan.categories}
    out.add("roller.md", "Roller og ansvar", "roller.md.j2", section="Plan",
            plan=plan, figures=figures, groups=groups, cats=cats)


KINDS = {"arbejdspakke": "Arbejdspakke", "opfoelgning": "Ved første opfølgning", "hold": "Hold",
         "kontrol": "Kontrol", "aktivitet": "Aktivitet", "milepael": "Milepæl", "frysning": "Frysning"}


def _gantt_rows(plan: Plan, figures: Figures) -> list[dict]:
    """Everything with a date, in the order of the Gantt chart (dates computed here, not by a chart library)."""
    rows = [dict(section="Milepæle", kind="milepael", name=m.name, start=m.date, end=m.date, role=None)
            for m in sorted(plan.milestones, key=lambda m: m.date)]
    if plan.project.freeze:
        rows.append(dict(section="Aktiviteter", kind="frysning", name=f"Frysning i {plan.municipality.old_system}",
                         start=plan.project.freeze.start, end=plan.project.freeze.end, role=None))
    rows += [dict(section="Aktiviteter", kind="aktivitet", name=a.name, start=a.start, end=a.end, role=a.owner)
             for a in sorted(plan.activities, key=lambda a: a.start)]
    names = {r.id: r.name for r in plan.roles}
    spans: dict[str, dict] = {}
    for w in figures.planning.load.works:
        key = ":".join(w.key.split(":")[:2])
        if key in spans:
            spans[key]["start"] = min(spans[key]["start"], w.start)
            spans[key]["end"] = max(spans[key]["end"], w.end)
        elif w.start and w.end:
            section = {"hold": "Hold", "kontrol": "Arbejdspakker"}.get(w.kind, "Arbejdspakker")
            name = f"{w.name} ({names[w.role]})" if w.kind == "kontrol" and w.role in names else w.name
            spans[key] = dict(section=section, kind=w.kind, name=name, start=w.start, end=w.end, role=w.role)
    rows += sorted((r for r in spans.values() if r["section"] == "Arbejdspakker"), key=lambda r: r["start"])
    rows += sorted((r for r in spans.values() if r["section"] == "Hold"), key=lambda r: r["start"])
    return rows


LOAD_SECTION = "Belastning pr. uge"


def load_page_path(role_id: str) -> str:
    """The role's weekly load page, relative to the docs folder."""
    return f"belastning/{ascii_slug(role_id)}.md"


def _load_views(plan: Plan, figures: Figures) -> list[dict]:
    load = figures.planning.load
    views = []
    for role in plan.roles:
        weeks = load.rows.get(role.id)
        if not weeks:
            continue
        over = [w for w in weeks if w.over]
        total = sum(w.load for w in weeks)
        peak = max(weeks, key=lambda w: (w.load, -w.monday.toordinal()))  # the first of equally busy weeks
        views.append(dict(role=role, weeks=weeks, over=over, total=total, peak=peak,
                          capacity=sum(w.capacity for w in weeks), cost=total * role.hourly_cost,
                          path=load_page_path(role.id)))
    return views


def _load_chart(view: dict):
    role = view["role"]
    return charts.load_chart(
        f"belastning-{role.id}", f"{role.name}: planlagte timer og kapacitet pr. uge",
        "Søjler: planlagte timer pr. uge. Stiplet linje: kapacitet. Skraverede søjler med udråbstegn er over "
        "kapaciteten. Tallene står i tabellen under.",
        [charts.LoadWeek(fmt.week(w.monday), w.load, w.capacity) for w in view["weeks"]])


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
            row.need.field)
    return [dict(category=e["category"], lines=[dict(l, groups=list(l["groups"].values()))
                                               for l in e["lines"].values()])
            for e in by_category.values()]


def _forecast_chart(plan: Plan, figures: Figures):
    fc = figures.planning.forecast
    labels = [fmt.week(p.monday) for p in fc.points]
    go_week = next((i for i, p in enumerate(fc.points) if p.monday <= plan.project.go_live <= p.day), None)
    return charts.line_chart(
        "prognose", "Konverterede sager uge for uge",
        "To linjer: sager med minimumsoplysningerne i DUBU (fuld linje med runde punkter) og sager med hele det "
        "juridiske grundlag efter første opfølgning (stiplet linje med firkantede punkter). Tallene står i "
        "tabellen under.",
        labels, [charts.Series("Minimumsoplysninger", [p.minimum for p in fc.points]),
                 charts.Series("Fuldt juridisk grundlag", [p.full for p in fc.points], dashed=True)],
        fc.total, ("Go-live", go_week) if go_week is not None else None)


def schedule(plan: Plan, figures: Figures, out) -> None:
    roles = {r.id: r for r in plan.roles}
    milestones = {m.id: m for m in plan.milestones}
    pf = figures.planning
    gantt_rows = _gantt_rows(plan, figures)
    gantt = Later(
        charts.gantt, "gantt", "Tidsplan: milepæle, aktiviteter, arbejdspakker og hold",
        "Gantt-diagram med en vandret bjælke for hver aktivitet, arbejdspakke og hvert hold og en rombe for hver "
        "milepæl. Go-live er markeret med en lodret stiplet linje. Datoerne står i tabellen under.",
        [charts.Bar(r["name"], r["start"], r["end"], r["section"], r["kind"] == "milepael") for r in gantt_rows],
        ("Go-live", plan.project.go_live))
    names = {r.id: r.name for r in plan.roles}
    table = downloads.rows(pf.load, names, {r.id: r.hourly_cost for r in plan.roles})
    out.download(downloads.XLSX, downloads.xlsx, table)
    out.download(downloads.CSV, downloads.csv_bytes, table)
    cats = {c.id: c for c in plan.categories}
    groups = {g.id: g for g in plan.minimum.groups}
    loads = _load_views(plan, figures)
    out.add("tidsplan.md", "Tids- og ressourceplan", "tidsplan.md.j2", section="Plan",
            plan=plan, figures=figures, roles=roles, milestones=milestones, pf=pf, gantt=gantt,
            gantt_rows=gantt_rows, kinds=KINDS, role_names=names, loads=loads, grand=table[-1],
            forecast_chart=Later(_forecast_chart, plan, figures), cats=cats, groups=groups,
            coverage=Later(_coverage_groups, pf.coverage), xlsx=downloads.XLSX, csv=downloads.CSV)
    for v in loads:
        out.add(v["path"], v["role"].name, "belastning_rolle.md.j2", section=LOAD_SECTION,
                v=v, chart=Later(_load_chart, v), plan=plan, xlsx=f"../{downloads.XLSX}", csv=f"../{downloads.CSV}")


def glossary(plan: Plan, figures: Figures, out) -> None:
    terms = sorted(plan.glossary, key=lambda t: t.term.lower())
    out.add("ordliste.md", "Ordliste", "ordliste.md.j2", plan=plan, terms=terms)


BUILDERS = [home, scope, minimum, conversion, economy, roles, schedule]
LAST = [glossary]
