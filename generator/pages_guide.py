"""Trin-for-trin-vejledning: one guide per converting role, derived from the plan."""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Figures
from .model import Plan
from .model.roles import Role
from .render import ascii_slug

SECTION = "Trin-for-trin-vejledning"


@dataclass(frozen=True)
class GuideStep:
    title: str
    text: str | None
    where: str | None
    fields: tuple[str, ...]
    check: str | None
    minutes: float
    image: str | None


def converting_roles(plan: Plan) -> list[Role]:
    """Roles that enter content by hand: owners of field groups, fields or work packages, in plan order."""
    ids = {g.role for g in plan.minimum.groups} | {f.role for g in plan.minimum.groups for f in g.fields if f.role}
    ids |= {wp.role for wp in plan.work_packages}
    return [r for r in plan.roles if r.id in ids]


def steps_for(plan: Plan, role: Role) -> list[GuideStep]:
    extra = plan.guide.roles.get(role.id)
    steps = [GuideStep(s.title, s.text, None, (), s.check, s.minutes, s.image) for s in (extra.before if extra else [])]
    for group in plan.minimum.groups:
        fields = [f for f in group.fields if (f.role or group.role) == role.id]
        if not fields:
            continue
        g = plan.guide.groups.get(group.id)
        steps.append(GuideStep(
            title=f"Indtast {group.name.lower()}",
            text=g.text if g else None,
            where=g.where if g else None,
            fields=tuple(f.name for f in fields),
            check=g.check if g else None,
            minutes=sum(f.minutes for f in fields),
            image=g.image if g else None,
        ))
    steps += [GuideStep(s.title, s.text, None, (), s.check, s.minutes, s.image) for s in (extra.after if extra else [])]
    return steps


def guide_path(role: Role) -> str:
    return f"vejledning/{ascii_slug(role.id)}.md"


def guides(plan: Plan, figures: Figures, out) -> None:
    roles = converting_roles(plan)
    super_users = [p for r in plan.roles if r.super_user for p in r.people]
    out.add("vejledning/index.md", "Oversigt", "vejledning_index.md.j2", section=SECTION,
            plan=plan, roles=[(r, guide_path(r).removeprefix("vejledning/")) for r in roles])
    cats = {c.id: c for c in plan.categories}
    for role in roles:
        steps = steps_for(plan, role)
        out.add(guide_path(role), role.name, "vejledning_rolle.md.j2", section=SECTION,
                plan=plan, role=role, steps=steps, total=sum(s.minutes for s in steps),
                super_users=super_users, packages=figures.packages_by_role.get(role.id, []), cats=cats,
                sessions=figures.sessions_by_role.get(role.id, []))


BUILDERS = [guides]
