"""Trin-for-trin-vejledning: one guide per converting role, derived from the plan.

For every role that enters content by hand the guide has
- the work packages: which cases the role converts, how many, and when;
- the steps of one case, in the order they are entered: the role's free steps before, a step for each
  field group it enters at the conversion (go-live content), the free steps after; then the steps it
  takes at the case's first follow-up (the rest of the case's content);
- who to ask when something does not fit (the super users; the role's own trainers first).

Pages per role: the guide, a per-case checklist (one printed A4 page) and a print page with the
whole guide in order. The facts are computed in analysis/guide.py; the words are in the templates.
"""

from __future__ import annotations

from .. import formatting
from ..analysis import Figures, paths
from ..analysis.guide import case_type_views, control_view, follow_up_groups, follow_up_months, super_user_people
from ..analysis.staff import person_hours, project_lead, super_user_contacts
from ..model import Plan
from ..model.cases import Timing
from ..texts import site as texts
from .common import SEARCH_BOOST_CASE_TYPE
from .core import TIMINGS
from .progress import verdict_text

SECTION = texts.SECTION_GUIDE


def minutes_range_text(span: tuple[float, float] | None) -> str:
    """ "23 minutter" or "27–58 minutter"; "-" when the role enters nothing at the conversion."""
    if span is None:
        return "-"
    low, high = span
    if round(low, 1) == round(high, 1):
        return formatting.minutes(high)
    return f"{formatting.trimmed(low)}–{formatting.minutes(high)}"


def guides(plan: Plan, figures: Figures, out) -> None:
    views = list(figures.guides.values())
    case_types = case_type_views(plan, figures.planning.coverage) if figures.planning else []
    common = dict(
        plan=plan,
        supers=super_user_people(plan),
        months=follow_up_months(plan),
        follow_up_groups=follow_up_groups(plan),
        minutter=formatting.minutes,
        minutter_spaend=minutes_range_text,
        progress=figures.progress,
        dom=verdict_text,
        hours=person_hours(plan, figures.planning),
        super_contacts=super_user_contacts(plan),
        lead=project_lead(plan),
        load_page=paths.load_page,
        case_types=case_types,
    )
    control = control_view(plan)
    out.add(
        "vejledning/index.md",
        texts.PAGE_GUIDE_INDEX,
        "vejledning_index.md.j2",
        section=SECTION,
        views=views,
        control=control,
        **common,
    )
    for v in views:
        name = v.role.name
        for kind, title, template in (
            ("guide", name, "vejledning_rolle.md.j2"),
            ("checklist", texts.PAGE_GUIDE_CHECKLIST.format(role=name), "vejledning_tjekliste.md.j2"),
            ("print", texts.PAGE_GUIDE_PRINT.format(role=name), "vejledning_udskriv.md.j2"),
        ):
            out.add(f"vejledning/{v.paths[kind]}", title, template, section=SECTION, v=v, **common)
    if control:
        out.add(
            paths.CONTROL_GUIDE,
            texts.PAGE_CONTROL_GUIDE,
            "vejledning_kontrol.md.j2",
            section=SECTION,
            c=control,
            **common,
        )
    roles = plan.roles_by_id
    guided = {v.role.id: v.paths["guide"] for v in views}
    for t in case_types:
        out.add(
            t.path,
            t.category.name,
            "vejledning_sagstype.md.j2",
            section=texts.SECTION_CASE_TYPES,
            t=t,
            roles=roles,
            guided=guided,
            timings=TIMINGS,
            first_follow_up=Timing.first_follow_up,
            minutter=formatting.minutes,
            plan=plan,
            search_boost=SEARCH_BOOST_CASE_TYPE,
        )


BUILDERS = [guides]
