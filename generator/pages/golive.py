"""Go-live: the cut-over plan, one page per role ("what I do on cut-over day"), the deadlines of the first
three months after go-live (one page per month), and calendar files with the steps.

Pages (section "Go-live"): golive/index.md, golive/<rolle>.md, golive/frister-<ÅÅÅÅ-MM>.md. Downloads:
downloads/golive.ics and downloads/golive-<rolle>.ics. The facts are computed in analysis/golive.py; the
words are in templates/golive*.md.j2 and texts/site.py. Without ``overgang`` the section still shows
go-live, the freeze and the vendor's delivery (the steps the plan has anyway).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import formatting as fmt
from ..analysis import Figures, paths
from ..analysis.golive import CutOverStep, DeadlineMonth
from ..model import Plan
from ..model.roles import Role
from ..texts import site as texts
from .common import SEARCH_BOOST_GO_LIVE
from .ics import steps_calendar_bytes

SECTION = texts.SECTION_GO_LIVE


@dataclass(frozen=True)
class StepView:
    step: CutOverStep
    when: str  # "1. marts 2027" or "15. februar–28. februar 2027"
    owner: str  # role name
    done: object | None  # the fremdrift.yaml entry that marks it done


@dataclass(frozen=True)
class RoleView:
    role: Role
    steps: list[StepView]
    page: str  # relative to golive/
    ics: str  # relative to the site root
    on_go_live: list[StepView]  # the steps on go-live day itself


def step_views(plan: Plan, figures: Figures) -> list[StepView]:
    g = figures.golive
    names = plan.role_names
    return [
        StepView(
            s,
            fmt.date_range(s.date, s.end or s.date),
            names.get(s.owner, s.owner),
            g.done.get(s.id),
        )
        for s in g.steps
    ]


def role_views(plan: Plan, steps: list[StepView]) -> list[RoleView]:
    out = []
    for role in plan.roles:
        mine = [v for v in steps if v.step.owner == role.id]
        if mine:
            day = [v for v in mine if v.step.date <= plan.project.go_live <= (v.step.end or v.step.date)]
            out.append(RoleView(role, mine, paths.golive_page(role.id), paths.golive_calendar(role.id), day))
    return out


def month_title(m: DeadlineMonth) -> str:
    return texts.PAGE_DEADLINES_MONTH.format(month=fmt.month(m.first))


def golive(plan: Plan, figures: Figures, out) -> None:
    g = figures.golive
    steps = step_views(plan, figures)
    roles = role_views(plan, steps)
    names = plan.role_names
    months = [dict(m=m, page=paths.deadlines_page(m.key), title=month_title(m)) for m in g.months]
    name = plan.municipality.name
    common = dict(plan=plan, g=g, names=names, f=figures.progress)
    out.add(
        "golive/index.md",
        texts.PAGE_GO_LIVE,
        "golive.md.j2",
        section=SECTION,
        steps=steps,
        by_id={v.step.id: v for v in steps},
        roles=roles,
        months=months,
        ics=paths.golive_calendar(),
        search_boost=SEARCH_BOOST_GO_LIVE,
        cats=plan.categories_by_id,
        **common,
    )
    out.download(
        paths.golive_calendar(), steps_calendar_bytes, plan, g.steps, texts.CALENDAR_GO_LIVE.format(municipality=name)
    )
    for r in roles:
        out.add(
            f"golive/{r.page}",
            r.role.name,
            "golive_rolle.md.j2",
            section=SECTION,
            r=r,
            **common,
        )
        out.download(
            r.ics,
            steps_calendar_bytes,
            plan,
            [v.step for v in r.steps],
            texts.CALENDAR_GO_LIVE_ROLE.format(roles=r.role.plural_name, municipality=name),
        )
    for view in months:
        out.add(
            f"golive/{view['page']}",
            view["title"],
            "golive_frister.md.j2",
            section=SECTION,
            v=view,
            m=view["m"],
            roles=plan.roles_by_id,
            **common,
        )


BUILDERS = [golive]
