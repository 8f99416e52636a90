"""Cost per option, break-even, ±25 % sensitivity and the weighted decision matrix.

Each option is costed by its own description, never by the chosen plan's work packages:
- a field group is entered by the role the option names for it (``konverteringsform.muligheder[].roller``,
  feltgruppe: rolle); a group the option does not name is entered by its documented default, the role the
  field (``felter.rolle``) or else the field group (``feltgrupper.rolle``) names;
- *automatisk*: every converted category goes through the vendor; the vendor enters the fields
  marked ``automatisk: true``, people enter the rest, plus the internal check per case.
- *manuel*: people enter every field of every converted case.
- *blandet*: each category follows its own ``rute``.
Every option also carries the work that is the same whatever is chosen: teaching, re-entry of changes after
the freeze and the activities with hours (``workload.COMMON_WORK``), except an activity that names other options
(``aktiviteter[].muligheder``, e.g. ordering the vendor's conversion belongs to the options with the vendor).
Cost = vendor price (fixed price, if any case goes to the vendor, + price per case) + hours × hourly cost.

The chosen option is not estimated: its hours are the plan's own (the weekly load), so the decision
page, the time plan, the load pages and the downloads show one number (``planned_cost``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from ..model import Plan
from ..model.decision import Option, OptionKind
from .effort import Need, routed_cases, routed_categories

if TYPE_CHECKING:
    from typing_extensions import Unpack

FACTORS = (0.75, 1.0, 1.25)  # minutes per case: 25 % lower, as planned, 25 % higher


@dataclass(frozen=True)
class OptionCost:
    option: Option
    vendor_cases: int
    vendor_price: float
    hours: dict[str, float]  # role id → hours (case work and common work)
    people_cost: float
    planned: bool = False  # the chosen option: hours from the plan's weekly load

    @property
    def total(self) -> float:
        return self.vendor_price + self.people_cost

    @property
    def total_hours(self) -> float:
        return sum(self.hours.values())


def _vendor_categories(plan: Plan, kind: OptionKind) -> set[str]:
    converted = [c for c in plan.categories if c.converted]
    if kind is OptionKind.automatic:
        return {c.id for c in converted}
    if kind is OptionKind.mixed:
        return {c.id for c in routed_categories(plan)}
    return set()


def _people_cost(plan: Plan, hours: dict[str, float]) -> float:
    rates = plan.hourly_rates
    return sum(h * rates.get(r, 0.0) for r, h in hours.items())


def _add(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0.0) + v
    return out


def allocation(option: Option | None) -> dict[str, str]:
    """Field group → role as the option describes it (groups it does not name: ``Need.role``)."""
    return dict(option.roles) if option is not None else {}


def _case_hours(
    plan: Plan,
    all_needs: list[Need],
    roles: dict[str, str],
    vendor_cats: set[str],
    factor: float,
    categories: set[str] | None = None,
) -> tuple[int, float, dict[str, float]]:
    """(vendor cases, vendor price, hours per role) of the case work, for the given categories (None: all)."""
    offer = plan.vendor_offer
    if offer is None:
        vendor_cats = set()
    hours: dict[str, float] = {}
    for n in all_needs:
        if categories is not None and n.category.id not in categories:
            continue
        if n.category.id in vendor_cats and n.field.automatic:
            continue
        role = roles.get(n.group.id) or n.role
        hours[role] = hours.get(role, 0.0) + n.category.count * n.field.minutes * factor / 60
    cases = sum(c.count for c in plan.categories if c.id in vendor_cats and (categories is None or c.id in categories))
    price = 0.0
    if offer is not None and cases:
        price = offer.fixed_price + offer.price_per_case * cases
        for e in offer.internal_effort:
            hours[e.role] = hours.get(e.role, 0.0) + cases * e.minutes_per_case * factor / 60
    return cases, price, hours


def option_cost(
    plan: Plan,
    all_needs: list[Need],
    option: Option,
    factor: float = 1.0,
    common: dict[str, float] | None = None,
) -> OptionCost:
    """The option as its own description says: its allocation of field groups, its own activities."""
    common = common or {}
    cases, price, hours = _case_hours(
        plan, all_needs, allocation(option), _vendor_categories(plan, option.kind), factor
    )
    hours = _add(hours, common)
    return OptionCost(option, cases, price, hours, _people_cost(plan, hours))


def planned_cost(
    plan: Plan,
    option: Option,
    case_hours: dict[str, float],
    common: dict[str, float],
    factor: float = 1.0,
    totals: dict[str, tuple[float, float]] | None = None,
) -> OptionCost:
    """The chosen option as planned: the weekly load's hours, the vendor price for the cases routed to it.
    As planned (factor 1) the hours and cost are the load's rounded totals (workload.role_totals), the numbers
    the time plan and the downloads show."""
    offer = plan.vendor_offer
    cases = routed_cases(plan)
    price = offer.fixed_price + offer.price_per_case * cases if offer and cases else 0.0
    if factor == 1.0 and totals is not None:
        hours = {r: h for r, (h, _) in totals.items()}
        return OptionCost(option, cases, price, hours, sum(c for _, c in totals.values()), True)
    hours = _add({r: h * factor for r, h in case_hours.items()}, common)
    return OptionCost(option, cases, price, hours, _people_cost(plan, hours), True)


class CostArgs(TypedDict, total=False):
    """The keyword arguments of ``option_costs`` that the sensitivity passes on unchanged."""

    common: dict[str, dict[str, float]] | None
    chosen: str | None
    planned_hours: dict[str, float] | None
    planned_totals: dict[str, tuple[float, float]] | None


def option_costs(
    plan: Plan,
    all_needs: list[Need],
    factor: float = 1.0,
    common: dict[str, dict[str, float]] | None = None,
    chosen: str | None = None,
    planned_hours: dict[str, float] | None = None,
    planned_totals: dict[str, tuple[float, float]] | None = None,
) -> list[OptionCost]:
    """Every option's cost; `common` is option id → the common work's hours per role for that option."""
    common = common or {}
    out = []
    for o in plan.conversion.options:
        if o.id == chosen and planned_hours is not None:
            out.append(planned_cost(plan, o, planned_hours, common.get(o.id, {}), factor, planned_totals))
        else:
            out.append(option_cost(plan, all_needs, o, factor, common.get(o.id, {})))
    return out


@dataclass(frozen=True)
class BreakEven:
    cases_now: int  # cases in the comparison
    manual_per_case: float  # kr. per case, fully manual
    automatic_per_case: float  # kr. per case with the vendor (price per case + people), fixed price apart
    fixed_price: float
    cases: int | None  # smallest number of cases at which the automatic option is cheaper; None = never
    routed: bool = False  # True: only the cases the plan sends to the vendor, with their own minutes
    fixed_own: float = 0.0  # kr.: own hours only the options with the vendor have (e.g. ordering it), net

    @property
    def fixed_total(self) -> float:
        """What the vendor's route costs once, whatever the number of cases: fixed price + its own activities."""
        return self.fixed_price + self.fixed_own

    @property
    def automatic_cheaper_now(self) -> bool:
        return self.cases is not None and self.cases_now >= self.cases


def representative(plan: Plan, vendor: bool) -> Option | None:
    """The option that stands for "with the vendor" (the first automatisk, else the first blandet) or for
    "without" (the first manuel) in the break-even."""
    kinds = (OptionKind.automatic, OptionKind.mixed) if vendor else (OptionKind.manual,)
    for kind in kinds:
        found = next((o for o in plan.conversion.options if o.kind is kind), None)
        if found is not None:
            return found
    return None


def break_even(
    plan: Plan,
    all_needs: list[Need],
    routed: bool = False,
    common: dict[str, dict[str, float]] | None = None,
) -> BreakEven | None:
    """Cases needed before the vendor's fixed price pays for itself, at a given mix of cases: every converted
    case (routed=False), or only the categories routed to the vendor, with their own minutes (routed=True).
    Manual work follows the manual option's allocation, the vendor's route the automatic option's (else the
    mixed one's); the activities only one of them has are a one-off cost beside the fixed price."""
    offer = plan.vendor_offer
    if offer is None:
        return None
    converted = routed_categories(plan) if routed else [c for c in plan.categories if c.converted]
    ids = {c.id for c in converted}
    n = sum(c.count for c in converted)
    if n == 0:
        return None
    manual, auto = representative(plan, False), representative(plan, True)
    _, _, manual_hours = _case_hours(plan, all_needs, allocation(manual), set(), 1.0, ids)
    _, price, auto_hours = _case_hours(plan, all_needs, allocation(auto), ids, 1.0, ids)
    m = _people_cost(plan, manual_hours) / n
    a = (price - offer.fixed_price + _people_cost(plan, auto_hours)) / n
    common = common or {}
    own = 0.0
    if manual is not None and auto is not None:
        own = _people_cost(plan, common.get(auto.id, {})) - _people_cost(plan, common.get(manual.id, {}))
    fixed = offer.fixed_price + own
    cases = None if m <= a else math.floor(fixed / (m - a)) + 1  # first whole case count where automatic is cheaper
    return BreakEven(n, m, a, offer.fixed_price, max(cases, 0) if cases is not None else None, routed, own)


@dataclass(frozen=True)
class Sensitivity:
    factor: float
    costs: list[OptionCost]

    @property
    def change(self) -> int:
        """Percent change of the minutes: -25, 0 or 25."""
        return round((self.factor - 1) * 100)

    @property
    def ranking(self) -> list[str]:
        """Option ids, cheapest first."""
        return [c.option.id for c in sorted(self.costs, key=lambda c: (c.total, c.option.id))]


def sensitivity(plan: Plan, all_needs: list[Need], **kwargs: Unpack[CostArgs]) -> list[Sensitivity]:
    """Every option's cost with every minute per case (also the check) 25 % lower, as planned and 25 % higher;
    the common work (activities, teaching, re-entry) does not change."""
    return [Sensitivity(f, option_costs(plan, all_needs, f, **kwargs)) for f in FACTORS]


@dataclass(frozen=True)
class MatrixRow:
    option: Option
    scores: dict[str, int]  # criterion id → 1-5
    weighted: float  # Σ weight × score / 100
    rank: int  # 1 = best; equal scores share a rank


@dataclass(frozen=True)
class ScoreConflict:
    """A price criterion gives the dearer option more points than the cheaper one."""

    criterion: str
    dearer: str  # option id
    dearer_score: int
    dearer_total: float
    cheaper: str
    cheaper_score: int
    cheaper_total: float


@dataclass(frozen=True)
class Matrix:
    rows: list[MatrixRow]  # best first
    chosen: str | None  # the recorded decision
    conflicts: tuple[ScoreConflict, ...] = ()

    @property
    def top(self) -> list[str]:
        return [r.option.id for r in self.rows if r.rank == 1]

    @property
    def differs(self) -> bool:
        """The recorded decision is not (one of) the best by the weighted scores."""
        return self.chosen is not None and bool(self.rows) and self.chosen not in self.top


def score_conflicts(plan: Plan, costs: list[OptionCost]) -> list[ScoreConflict]:
    """Pairs where a price criterion's points contradict the computed costs (more than 1 kr. apart)."""
    conv = plan.conversion
    total = {c.option.id: c.total for c in costs}
    out = []
    for crit in conv.criteria:
        if not crit.price:
            continue
        given = [(o.id, conv.scores.get(o.id, {}).get(crit.id)) for o in conv.options]
        scored = [(o, s) for o, s in given if s is not None and o in total]
        for dearer, ds in scored:
            for cheaper, cs in scored:
                if total[dearer] > total[cheaper] + 1 and ds > cs:
                    out.append(ScoreConflict(crit.id, dearer, ds, total[dearer], cheaper, cs, total[cheaper]))
    return out


def decision_matrix(plan: Plan, costs: list[OptionCost] | None = None) -> Matrix:
    conv = plan.conversion
    rows = []
    for o in conv.options:
        scores = conv.scores.get(o.id, {})
        weighted = sum(c.weight * scores.get(c.id, 0) for c in conv.criteria) / 100
        rows.append((o, scores, round(weighted, 4)))
    rows.sort(key=lambda r: -r[2])
    ranked = []
    for o, scores, weighted in rows:
        rank = 1 + sum(1 for _, _, w in rows if w > weighted)
        ranked.append(MatrixRow(o, dict(scores), weighted, rank))
    conflicts = tuple(score_conflicts(plan, costs)) if costs else ()
    return Matrix(ranked, conv.decision.chosen if conv.decision else None, conflicts)
