"""The guide's facts, per converting role: which cases, which steps in which order, minutes, who to ask.

Validation (rules/guide.py, rules/training.py) and the guide pages (pages/guide.py) both read them.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from urllib.parse import quote

from markupsafe import Markup

from ..model import Plan
from ..model.cases import CaseCategory, Field_, Route, Timing
from ..model.guide import ControlGuide, FreeStep
from ..model.roles import Role
from ..model.schedule import PackageTiming
from ..model.training import Session
from ..texts import site as texts
from .coverage import CoverageRow
from .effort import PackageWork, manual_minutes, needs, package_work, routed_cases, routed_categories, session_work
from .milestones import by_id as milestones_by_id
from .paths import case_type_page, guide_pages, session_anchor, session_calendar, training_page
from .training import session_cases, sessions_in_order


@dataclass(frozen=True)
class FieldLine:
    name: str
    minutes: float
    only: tuple[str, ...]  # category names when the field applies to fewer cases than the step
    prefilled_by: str | None  # vendor name when the vendor already converted it on some of the cases


@dataclass(frozen=True)
class GuideStep:
    number: int
    title: str
    what: str | None
    where: str | None
    fields: tuple[FieldLine, ...]
    check: str | None  # without a trailing full stop, reads after "Tjek"
    minutes: float
    conditional: bool  # some fields apply to some cases only: minutes is "op til"
    cases: tuple[str, ...]  # category names the step applies to, when fewer than the role's
    image: Markup | None  # Markdown image, path relative to the page
    image_text: str | None
    if_not: str | None
    group_id: str | None = None
    timing: Timing = Timing.go_live
    created_by: str | None = None  # the vendor, when it has created the case in DUBU on (some of) the step's cases
    created_on_all: bool = False  # ... on all of them: the role never creates the case in this step


@dataclass(frozen=True)
class PackageLine:
    name: str
    categories: tuple[str, ...]
    cases: int
    at_follow_up: bool
    start: dt.date | None
    end: dt.date | None
    deadline: str | None  # milestone name
    groups: tuple[str, ...]
    whole: int  # cases of the categories, before training sessions take some
    taken_by: tuple[str, ...]  # the sessions that convert some of them instead

    @property
    def taken_cases(self) -> int:
        return max(0, self.whole - self.cases) if self.whole else 0


@dataclass(frozen=True)
class SessionLine:
    session: Session
    cases: int
    page: str  # link from a guide page to the session on the training page
    calendar: str = ""  # link from a guide page to the team's own calendar file


@dataclass(frozen=True)
class CategoryMinutes:
    """Minutes per case for one category the role converts: the same numbers the plan's hours use."""

    name: str
    cases: int
    minutes: float  # fields entered at the conversion (work packages with a period, sessions)
    follow_up: float  # fields entered at the case's first follow-up


@dataclass(frozen=True)
class RoleGuideView:
    role: Role
    steps: list[GuideStep]  # the conversion of one case
    follow_up: list[GuideStep]  # at the case's first follow-up
    minutes: float
    follow_up_minutes: float
    conditional: bool  # some steps apply to some cases only: minutes is "op til"
    packages: list[PackageLine]
    cases: int  # distinct cases the role converts (each case once, however many work packages visit it)
    trainers: list[str]  # super users who train this role: ask them first
    contacts: list[str]  # the other super users
    sessions: list[SessionLine]
    paths: dict[str, str]  # guide / checklist / print: paths relative to vejledning/
    categories: tuple[CategoryMinutes, ...]  # minutes per case, per category the role converts
    free_minutes: float  # the role's own steps before and after the fields (not in the plan's hours)
    freeze_log: dt.date | None  # the freeze's first day, when the role works in or after the freeze
    control: tuple[str, int, float] | None  # (vendor, cases, minutes per case) the role checks (intern_indsats)

    @property
    def minutes_range(self) -> tuple[float, float] | None:
        """Fewest and most minutes per case at the conversion, over the categories."""
        values = [c.minutes for c in self.categories if c.minutes]
        return (min(values), max(values)) if values else None


@dataclass(frozen=True)
class FollowUpMonth:
    month: dt.date
    cases: int


def super_user_people(plan: Plan) -> list[str]:
    """The people of every role marked superbruger, in plan order, without repeats."""
    return list(dict.fromkeys(p for r in plan.roles if r.super_user for p in r.people))


def converting_roles(plan: Plan) -> list[Role]:
    """Roles that enter content by hand: owners of field groups, fields or work packages, in plan order."""
    ids = {g.role for g in plan.minimum.groups} | {f.role for g in plan.minimum.groups for f in g.fields if f.role}
    ids |= {wp.role for wp in plan.work_packages}
    return [r for r in plan.roles if r.id in ids]


def _image(ref: str | None, page_dir: str) -> Markup | None:
    """A Markdown image target relative to the page (the validation rules made sure it is in docs/)."""
    if not ref:
        return None
    return Markup(quote(posixpath.relpath(ref, page_dir), safe="/-_.~"))


_CREATE = re.compile(r"\bopret", re.IGNORECASE)  # "Opret sag", "oprette": where a case is created


def _check_text(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip().rstrip(".")
    if text.lower().startswith("tjek "):
        text = text[5:]
    return text


def _free_step(step: FreeStep, number: int, page_dir: str) -> GuideStep:
    return GuideStep(
        number,
        step.title,
        step.text,
        step.where,
        (),
        _check_text(step.check),
        step.minutes,
        False,
        (),
        _image(step.image, page_dir),
        step.image_text,
        step.if_not,
    )


def _field_cases(plan: Plan, role: Role) -> dict[tuple[str, str], tuple[list[CaseCategory], bool]]:
    """For each (group id, field id) the role enters: the categories it enters the field on, and
    whether the vendor already converted the field on some of the role's cases."""
    converted = [c for c in plan.categories if c.converted]
    order = {c.id: i for i, c in enumerate(converted)}  # look-ups, not scans: linear in the plan's size
    own = [wp for wp in plan.work_packages if wp.role == role.id]
    result = {}
    for group in plan.minimum.groups:
        packages = [wp for wp in own if group.id in wp.groups]
        for f in group.fields:
            if packages:
                wanted = {c for wp in packages for c in wp.categories}
            elif (f.role or group.role) == role.id:
                wanted = set(order)
            else:
                continue
            only = None if f.categories is None else set(f.categories)
            cats = [
                converted[i] for i in sorted(order[c] for c in wanted if c in order and (only is None or c in only))
            ]
            prefilled = False
            if f.automatic:
                kept = [c for c in cats if c.route is not Route.automatic]
                prefilled = len(kept) < len(cats)
                cats = kept
            if cats:
                result[(group.id, f.id)] = (cats, prefilled)
    return result


def _group_steps(plan: Plan, role: Role, page_dir: str) -> list[GuideStep]:
    """A step for each field group (and timing) the role enters, in the plan's order."""
    entered = _field_cases(plan, role)
    vendor = texts.capitalised(texts.vendor_name(plan.vendor_offer))
    all_cats = [c for c in plan.categories if c.converted]
    role_cats = {c.id for cats, _ in entered.values() for c in cats}
    steps = []
    entered_groups = {g for g, _ in entered}
    for group in plan.minimum.groups:
        if group.id not in entered_groups:
            continue
        for timing in (Timing.go_live, Timing.first_follow_up):
            fields = [f for f in group.fields if (group.id, f.id) in entered and (f.timing or group.timing) is timing]
            if not fields:
                continue
            step_cat_ids = {c.id for f in fields for c in entered[(group.id, f.id)][0]}
            lines = []
            for f in fields:
                cats, prefilled = entered[(group.id, f.id)]
                ids = {c.id for c in cats}
                only = tuple(c.name for c in cats) if ids != step_cat_ids else ()
                lines.append(FieldLine(f.name, f.minutes, only, vendor if prefilled else None))
            g = plan.guide.groups.get(group.id)
            step_cats = tuple(c.name for c in all_cats if c.id in step_cat_ids) if step_cat_ids != role_cats else ()
            # The vendor creates every case it converts: on those the role finds the case, never creates it.
            vendor_made = [c for c in all_cats if c.id in step_cat_ids and c.route is Route.automatic]
            on_all = bool(vendor_made) and len(vendor_made) == len(step_cat_ids)
            where = g.where if g else None
            if on_all and where and _CREATE.search(where):
                where = None  # "DUBU: Opret sag > ..." would tell the role to create a case that exists
            steps.append(
                GuideStep(
                    number=0,
                    title=group.name,
                    what=g.text if g else None,
                    where=where,
                    fields=tuple(lines),
                    check=_check_text(g.check) if g else None,
                    minutes=sum(f.minutes for f in fields),
                    conditional=any(line.only or line.prefilled_by for line in lines),
                    cases=step_cats,
                    image=_image(g.image, page_dir) if g else None,
                    image_text=g.image_text if g else None,
                    if_not=g.if_not if g else None,
                    group_id=group.id,
                    timing=timing,
                    created_by=vendor if vendor_made else None,
                    created_on_all=on_all,
                )
            )
    return steps


def category_minutes(plan: Plan, role: Role, minutes: dict[tuple[str, str], float]) -> tuple[CategoryMinutes, ...]:
    """Per category the role converts (its work packages and the sessions it converts on): the case count and
    the minutes per case of the field groups it enters, from effort.manual_minutes (what the hours use)."""
    now: dict[str, set[str]] = {}
    later: dict[str, set[str]] = {}
    for wp in plan.work_packages:
        if wp.role == role.id:
            target = later if wp.timing is PackageTiming.first_follow_up else now
            for c in wp.categories:
                target.setdefault(c, set()).update(wp.groups)
    for s in plan.training.sessions:
        if s.conversion and s.audience and s.audience[0] == role.id:
            for c in s.conversion.categories:
                now.setdefault(c, set()).update(s.conversion.groups)
    rows = []
    for cat in plan.categories:
        if not cat.converted or (cat.id not in now and cat.id not in later):
            continue
        m = sum(minutes.get((cat.id, g), 0.0) for g in now.get(cat.id, ()))
        f = sum(minutes.get((cat.id, g), 0.0) for g in later.get(cat.id, ()))
        if m or f:
            rows.append(CategoryMinutes(cat.name, cat.count, m, f))
    return tuple(rows)


def works_in_freeze(plan: Plan, role: Role) -> bool:
    """The role converts during or after the freeze (so the freeze log concerns it)."""
    freeze = plan.project.freeze
    if freeze is None:
        return False
    for wp in plan.work_packages:
        if wp.role == role.id and (wp.timing is PackageTiming.first_follow_up or (wp.end and wp.end >= freeze.start)):
            return True
    if any(r.role == role.id for r in freeze.reentry):
        return True
    return any(
        s.conversion and s.audience and s.audience[0] == role.id and s.date >= freeze.start
        for s in plan.training.sessions
    )


def _numbered(steps: list[GuideStep]) -> list[GuideStep]:
    return [replace(s, number=i) for i, s in enumerate(steps, 1)]


def guide_views(
    plan: Plan, minutes: dict[tuple[str, str], float] | None = None, packages: list[PackageWork] | None = None
) -> dict[str, RoleGuideView]:
    """Each converting role's guide, by role id, in plan order: computed once (analysis/figures.py) and read
    by the guide pages and the guide rules. ``minutes``: effort.manual_minutes of the plan's needs;
    ``packages``: effort.package_work (the cases each package holds after the sessions took theirs)."""
    minutes = manual_minutes(needs(plan)) if minutes is None else minutes
    if packages is None:
        packages = package_work(plan, minutes, session_work(plan, minutes))
    by_id = {pw.package.id: pw for pw in packages}
    return {r.id: guide_view(plan, r, minutes, by_id) for r in converting_roles(plan)}


def guide_view(
    plan: Plan, role: Role, minutes: dict[tuple[str, str], float], packages: dict[str, PackageWork] | None = None
) -> RoleGuideView:
    page_dir = "vejledning"
    extra = plan.guide.roles.get(role.id)
    groups = _group_steps(plan, role, page_dir)
    steps = [_free_step(s, 0, page_dir) for s in (extra.before if extra else [])]
    steps += [s for s in groups if s.timing is Timing.go_live]
    steps += [_free_step(s, 0, page_dir) for s in (extra.after if extra else [])]
    follow_up = [s for s in groups if s.timing is Timing.first_follow_up]

    cats = plan.categories_by_id
    group_names = {g.id: g.name for g in plan.minimum.groups}
    milestones = {k: m.name for k, m in milestones_by_id(plan).items()}
    lines = []
    for wp in plan.work_packages:
        if wp.role != role.id:
            continue
        in_plan = [cats[c] for c in wp.categories if c in cats]
        pw = (packages or {}).get(wp.id)
        lines.append(
            PackageLine(
                name=wp.name,
                categories=tuple(c.name for c in in_plan),
                cases=pw.case_count if pw else sum(c.count for c in in_plan),
                whole=pw.whole if pw else 0,
                taken_by=pw.taken_by if pw else (),
                at_follow_up=wp.timing is PackageTiming.first_follow_up,
                start=wp.start,
                end=wp.end,
                deadline=milestones.get(wp.deadline) if wp.deadline else None,
                groups=tuple(group_names.get(g, g) for g in wp.groups),
            )
        )
    sessions = [s for s in sessions_in_order(plan.training.sessions) if role.id in s.audience]
    supers = super_user_people(plan)
    trainers = [t for t in dict.fromkeys(s.trainer for s in sessions) if t in supers]
    cats_min = category_minutes(plan, role, minutes)
    free = sum(s.minutes for s in (extra.before + extra.after if extra else []))
    # Every role that converts before go-live: a converted case can change in the old system until go-live.
    converts = works_in_freeze(plan, role) or any(s.timing is Timing.go_live for s in groups)
    freeze = plan.project.freeze.start if plan.project.freeze and converts else None
    offer = plan.vendor_offer
    routed = routed_cases(plan)
    control = None  # (vendor, cases, minutes per case) when the role checks the vendor's cases
    if offer and routed:
        per_case = sum(e.minutes_per_case for e in offer.internal_effort if e.role == role.id)
        control = (offer.vendor, routed, per_case) if per_case else None
    return RoleGuideView(
        role=role,
        steps=_numbered(steps),
        follow_up=_numbered(follow_up),
        minutes=sum(s.minutes for s in steps),
        follow_up_minutes=sum(s.minutes for s in follow_up),
        conditional=any(s.conditional for s in steps),
        packages=lines,
        cases=sum(c.cases for c in cats_min),  # distinct cases: each once, however many packages visit it
        trainers=trainers,
        contacts=[p for p in supers if p not in trainers],
        sessions=[
            SessionLine(
                s,
                session_cases(s),
                f"../undervisning/{training_page(role.id)}#{session_anchor(s.id)}",
                f"../{session_calendar(s.id)}",
            )
            for s in sessions
        ],
        paths=guide_pages(role.id),
        categories=cats_min,
        free_minutes=free,
        freeze_log=freeze,
        control=control,
    )


def follow_up_months(plan: Plan) -> list[FollowUpMonth]:
    months = []
    for key, count in sorted(plan.first_follow_ups.items()):
        try:
            year, month = (int(x) for x in key.split("-"))
            months.append(FollowUpMonth(dt.date(year, month, 1), count))
        except ValueError:
            continue  # reported by the rules
    return months


def follow_up_groups(plan: Plan) -> list[tuple[str, str]]:
    """(field group name, role name) for the content that follows at the first follow-up."""
    roles = plan.role_names
    rows = []
    for g in plan.minimum.groups:
        for f in g.fields:
            if (f.timing or g.timing) is Timing.first_follow_up:
                rows.append((g.name, roles.get(f.role or g.role, f.role or g.role)))
    return list(dict.fromkeys(rows))


@dataclass(frozen=True)
class CheckerLine:
    role: str  # role name
    cases: int
    minutes_per_case: float
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class RoundLine:
    name: str
    role: str | None
    start: dt.date
    end: dt.date
    hours: float


@dataclass(frozen=True)
class ControlView:
    """Checking the converted cases: what to sample, what to compare, where to record a fault."""

    vendor: str
    vendor_categories: tuple[str, ...]  # category names routed to the vendor
    vendor_cases: int
    vendor_fields: tuple[str, ...]  # fields the vendor converts: compare each with the old system
    statistics_fields: tuple[str, ...]  # fields Danmarks Statistik needs, on every converted case: original dates
    backdated_fields: tuple[str, ...]  # fields DS needs that people enter by hand on the vendor's cases
    checkers: tuple[CheckerLine, ...]  # intern_indsats: every vendor case, per role
    rounds: tuple[RoundLine, ...]  # the control rounds (activities)
    sample_percent: int
    full: tuple[tuple[str, int], ...]  # (category name, cases) checked in full
    sample_cases: int  # cases in the random sample of the other converted categories
    counts: tuple[tuple[str, int], ...]  # converted categories and their counts, for the before/after count
    record_faults: str | None


def control_view(plan: Plan) -> ControlView | None:
    """The control guide, when any case goes to the vendor or the plan describes control rounds."""
    offer = plan.vendor_offer
    converted = [c for c in plan.categories if c.converted]
    routed = routed_categories(plan)
    control = plan.guide.control
    if not routed and control is None:
        return None
    routed_ids = {c.id for c in routed}
    fields = [(g, f) for g in plan.minimum.groups for f in g.fields]

    def applies(f: Field_, ids: AbstractSet[str]) -> bool:
        return any(f.categories is None or c in f.categories for c in ids)

    vendor_fields = tuple(f.name for _, f in fields if f.automatic and applies(f, routed_ids))
    stats = tuple(
        f.name
        for g, f in fields
        if "danmarks_statistik" in {n.value for n in f.needs} and applies(f, {c.id for c in converted})
    )
    backdated = tuple(
        f.name
        for g, f in fields
        if "danmarks_statistik" in {n.value for n in f.needs} and not f.automatic and applies(f, routed_ids)
    )
    roles = plan.role_names
    cases = sum(c.count for c in routed)
    go = plan.project.go_live
    delivery = offer.delivery if offer else None
    checkers = tuple(
        CheckerLine(
            roles.get(e.role, e.role),
            cases,
            e.minutes_per_case,
            e.start or delivery,
            e.end or go - dt.timedelta(days=1),
        )
        for e in (offer.internal_effort if offer and cases else [])
    )
    acts = {a.id: a for a in plan.activities}
    rounds = tuple(
        RoundLine(a.name, roles.get(a.owner) if a.owner else None, a.start, a.end, a.hours)
        for a in (acts[i] for i in (control.rounds if control else []) if i in acts)
    )
    full_ids = set(control.full_categories) if control else set()
    full = tuple((c.name, c.count) for c in converted if c.id in full_ids)
    # without vejledning.kontrol: the model's default share, not a second copy of it
    pct = control.sample_percent if control else ControlGuide.model_fields["sample_percent"].default
    rest = sum(c.count for c in converted if c.id not in full_ids)
    return ControlView(
        vendor=texts.capitalised(texts.vendor_name(offer)),
        vendor_categories=tuple(c.name for c in routed),
        vendor_cases=cases,
        vendor_fields=vendor_fields,
        statistics_fields=stats,
        backdated_fields=backdated,
        checkers=checkers,
        rounds=rounds,
        sample_percent=pct,
        full=full,
        sample_cases=-(-rest * pct // 100),
        counts=tuple((c.name, c.count) for c in converted),
        record_faults=control.record_faults if control else None,
    )


@dataclass(frozen=True)
class CaseTypeField:
    """One field a case of the category gets, who enters it and when."""

    group: str  # field group name (the guide's step)
    name: str
    where: str | None  # where in DUBU (vejledning.feltgrupper)
    minutes: float  # by hand; 0 when only the vendor converts it
    timing: Timing
    who: tuple[str, ...]  # role names, or the vendor's name
    work: tuple[str, ...]  # the work packages and sessions (or the vendor) that enter it
    roles: tuple[str, ...]  # role ids that enter it by hand


@dataclass(frozen=True)
class CaseTypeView:
    category: CaseCategory
    path: str  # relative to the docs folder
    fields: tuple[CaseTypeField, ...]  # in the plan's order of field groups and fields
    minutes: dict[str, float]  # role id -> minutes per case by hand, over every field the role enters


def case_type_views(plan: Plan, coverage_rows: list[CoverageRow]) -> list[CaseTypeView]:
    """One view per converted category: every field its cases get, in one place (instead of the
    "Kun på" notes spread over the guide's steps)."""
    names = plan.role_names
    views = []
    for cat in plan.categories:
        if not cat.converted:
            continue
        fields = []
        minutes: dict[str, float] = {}
        for row in coverage_rows:
            need = row.need
            if need.category.id != cat.id:
                continue
            role_ids = tuple(dict.fromkeys(o.role for o in row.owners if o.role))
            who = tuple(dict.fromkeys(names.get(o.role, o.role) if o.role else o.name for o in row.owners))
            hand = 0.0 if need.vendor else need.field.minutes
            for r in role_ids:
                minutes[r] = minutes.get(r, 0.0) + hand
            guide = plan.guide.groups.get(need.group.id)
            fields.append(
                CaseTypeField(
                    need.group.name,
                    need.field.name,
                    guide.where if guide else None,
                    hand,
                    need.timing,
                    who,
                    tuple(dict.fromkeys(o.name for o in row.owners)),
                    role_ids,
                )
            )
        views.append(CaseTypeView(cat, case_type_page(cat.id), tuple(fields), minutes))
    return views
