"""Undervisningsplan: the training sessions, the cases they convert, and calendar files.

Pages: all sessions (undervisning/index.md) and one page per audience (role) with its sessions in date
order. Downloads: downloads/undervisning.ics (all sessions), downloads/undervisning-<rolle>.ics (a role's sessions)
and downloads/hold-<hold>.ics (one team's own events, linked from the team and from the role's guide).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Figures, paths
from ..analysis.guide import converting_roles
from ..analysis.training import session_cases, sessions_in_order
from ..model import Plan
from ..model.roles import Role
from ..model.training import Session
from ..texts import site as texts
from .ics import calendar_bytes

SECTION = texts.SECTION_TRAINING


@dataclass(frozen=True)
class SessionView:
    session: Session
    audience: tuple[str, ...]  # role names
    cases: int  # cases converted on the session (participants × cases per participant)
    categories: tuple[str, ...]  # category names of the exercise
    groups: tuple[str, ...]  # field group names of the exercise
    anchor: str  # heading id on the training pages
    calendar: str = ""  # the team's own calendar file, relative to the site root


@dataclass(frozen=True)
class AudienceView:
    role: Role
    sessions: list[SessionView]
    cases: int
    page: str  # relative to undervisning/
    ics: str  # relative to the site root
    guide: str | None  # the role's guide, relative to undervisning/


def ics_path(role: Role | None = None) -> str:
    return paths.training_calendar(None if role is None else role.id)


def session_views(plan: Plan) -> list[SessionView]:
    roles = {r.id: r.in_sentence for r in plan.roles}  # as inside a sentence, agreeing with the head count
    cats = plan.category_names
    groups = {g.id: g.name for g in plan.minimum.groups}
    views = []
    for s in sessions_in_order(plan.training.sessions):
        conv = s.conversion
        views.append(
            SessionView(
                session=s,
                audience=tuple(roles.get(r, r) for r in s.audience),
                cases=session_cases(s),
                categories=tuple(cats.get(c, c) for c in conv.categories) if conv else (),
                groups=tuple(groups.get(g, g) for g in conv.groups) if conv else (),
                anchor=paths.session_anchor(s.id),
                calendar=paths.session_calendar(s.id),
            )
        )
    return views


def audience_views(plan: Plan, sessions: list[SessionView]) -> list[AudienceView]:
    guided = {r.id for r in converting_roles(plan)}
    result = []
    for role in plan.roles:
        mine = [v for v in sessions if role.id in v.session.audience]
        if not mine:
            continue
        result.append(
            AudienceView(
                role,
                mine,
                sum(v.cases for v in mine),
                paths.training_page(role.id),
                ics_path(role),
                f"../vejledning/{paths.guide_pages(role.id)['guide']}" if role.id in guided else None,
            )
        )
    return result


def training(plan: Plan, figures: Figures, out) -> None:
    sessions = session_views(plan)
    audiences = audience_views(plan, sessions)
    name = plan.municipality.name
    common = dict(plan=plan, total=sum(v.cases for v in sessions), audiences=audiences)
    out.add(
        "undervisning/index.md",
        texts.PAGE_TRAINING_ALL,
        "undervisning.md.j2",
        section=SECTION,
        sessions=sessions,
        ics=ics_path(),
        **common,
    )
    out.download(ics_path(), calendar_bytes, plan, plan.training.sessions, texts.CALENDAR_ALL.format(municipality=name))
    for v in sessions:  # each team its own file: a person downloading it gets only their own events
        out.download(
            v.calendar,
            calendar_bytes,
            plan,
            [v.session],
            texts.CALENDAR_TEAM.format(team=v.session.title, municipality=name),
        )
    for a in audiences:
        out.add(
            f"undervisning/{a.page}",
            texts.PAGE_TRAINING_ROLE.format(roles=a.role.in_sentence),
            "undervisning_rolle.md.j2",
            section=SECTION,
            a=a,
            sessions=a.sessions,
            ics=a.ics,
            **common,
        )
        out.download(
            a.ics,
            calendar_bytes,
            plan,
            [v.session for v in a.sessions],
            texts.CALENDAR_ROLE.format(roles=a.role.in_sentence, municipality=name),
        )


BUILDERS = [training]
