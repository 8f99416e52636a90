"""The Figures object: every number and derived fact the templates show."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Plan
from ..model.cases import CaseCategory, CaseStatus, Field_, FieldGroup, Timing
from ..model.progress import Progress
from ..model.roles import Role
from ..model.schedule import WorkPackage
from ..model.training import Session
from .golive import GoLiveFigures, golive_figures
from .guide import RoleGuideView, guide_views
from .placeholders import Placeholder, placeholders
from .planning import Planning, plan_figures
from .progress import ProgressFigures, analyse_progress
from .task import Step, task_steps


@dataclass(frozen=True)
class FieldRow:
    group: FieldGroup
    field: Field_
    role: Role
    timing: Timing
    categories: tuple[CaseCategory, ...]  # the converted categories the field applies to

    @property
    def needs(self) -> frozenset[str]:
        return frozenset(n.value for n in self.field.needs)

    @property
    def late_for_statistics(self) -> bool:
        """Danmarks Statistik needs it, but it arrives only at the first follow-up."""
        return "danmarks_statistik" in self.needs and self.timing is Timing.first_follow_up


@dataclass
class Figures:
    steps: list[Step]
    converted_cases: int
    not_converted_cases: int
    field_rows: list[FieldRow]
    planning: Planning  # effort, cost, calendar, load, coverage, forecast
    golive: GoLiveFigures  # the cut-over steps, the deadlines after go-live, the scope check
    packages_by_role: dict[str, list[WorkPackage]] = field(default_factory=dict)
    sessions_by_role: dict[str, list[Session]] = field(default_factory=dict)
    cases_by_status: dict[CaseStatus, int] = field(default_factory=dict)  # open / closed cases in all
    weekly_hours: dict[str, float] = field(default_factory=dict)  # role id -> headcount × hours per week
    placeholders: list[Placeholder] = field(default_factory=list)  # stand-in values not yet replaced
    guides: dict[str, RoleGuideView] = field(default_factory=dict)  # role id -> its step-by-step guide

    @property
    def ready_to_complete(self) -> bool:
        """Steps 1-3 are done and nothing in the plan is a placeholder: status may become fuldfoert."""
        return all(s.done for s in self.steps[:3]) and not self.placeholders

    progress: ProgressFigures | None = None  # from fremdrift.yaml, when the plan has one

    @property
    def open_cases(self) -> int:
        return self.cases_by_status[CaseStatus.open]

    @property
    def closed_cases(self) -> int:
        return self.cases_by_status[CaseStatus.closed]

    @property
    def open_steps(self) -> list[Step]:
        return [s for s in self.steps if not s.done]


def _field_rows(plan: Plan) -> list[FieldRow]:
    roles = plan.roles_by_id
    converted = [c for c in plan.categories if c.converted]
    rows = []
    for group in plan.minimum.groups:
        for f in group.fields:
            role = roles.get(f.role or group.role)
            if role is None:
                continue  # reported by the reference rules
            cats = tuple(c for c in converted if f.categories is None or c.id in f.categories)
            rows.append(FieldRow(group, f, role, f.timing or group.timing, cats))
    return rows


def analyse(plan: Plan, progress: Progress | None = None) -> Figures:
    """Every number the site shows, computed once; with ``progress`` (fremdrift.yaml) its analysis too."""
    cats = plan.categories
    by_role: dict[str, list[WorkPackage]] = {}
    for wp in plan.work_packages:
        by_role.setdefault(wp.role, []).append(wp)
    sessions: dict[str, list[Session]] = {}
    for s in sorted(plan.training.sessions, key=lambda s: (s.date, s.start)):
        for role in s.audience:
            sessions.setdefault(role, []).append(s)
    planning = plan_figures(plan)
    found = placeholders(plan)
    by_status = {s: sum(c.count for c in cats if c.status is s) for s in CaseStatus}
    return Figures(
        steps=task_steps(plan, found),
        converted_cases=sum(c.count for c in cats if c.converted),
        not_converted_cases=sum(c.count for c in cats if not c.converted),
        field_rows=_field_rows(plan),
        packages_by_role=by_role,
        sessions_by_role=sessions,
        planning=planning,
        placeholders=found,
        cases_by_status=by_status,
        weekly_hours={r.id: r.headcount * r.hours_per_week for r in plan.roles},
        guides=guide_views(plan, planning.minutes, planning.packages),
        golive=golive_figures(plan, planning.load.planned, by_status[CaseStatus.open], progress),
        progress=analyse_progress(plan, progress, planning) if progress is not None else None,
    )
