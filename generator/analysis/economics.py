"""Cost per option, break-even, ±25 % sensitivity and the weighted decision matrix.

Options are compared on the fields' own roles (``feltgrupper.rolle`` / ``felter.rolle``):
- *automatisk*: every converted category goes through the vendor; the vendor enters the fields
  marked ``automatisk: true``, people enter the rest, plus the internal check per case.
- *manuel*: people enter every field of every converted case.
- *blandet*: each category follows its own ``rute``.
Cost = vendor price (fixed price, if any case goes to the vendor, + price per case) + hours × hourly cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Plan
from ..model.cases import Route
from ..model.decision import Option, OptionKind
from .effort import Need

FACTORS = (0.75, 1.0, 1.25)  # minutes per case: 25 % lower, as planned, 25 % higher


@dataclass(frozen=True)
class OptionCost:
    option: Option
    vendor_cases: int
    vendor_price: float
    hours: dict[str, float]  # role id → hours
    people_cost: float

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
        return {c.id for c in converted if c.route is Route.automatic}
    return set()


def option_cost(plan: Plan, all_needs: list[Need], option: Option, factor: float = 1.0) -> OptionCost:
    rates = {r.id: r.hourly_cost for r in plan.roles}
    vendor_cats = _vendor_categories(plan, option.kind)
    offer = plan.vendor_offer
    if offer is None:
        vendor_cats = set()
    hours: dict[str, float] = {}
    for n in all_needs:
        if n.category.id in vendor_cats and n.field.automatic:
            continue
        hours[n.role] = hours.get(n.role, 0.0) + n.category.count * n.field.minutes * factor / 60
    cases = sum(c.count for c in plan.categories if c.id in vendor_cats)
    price = 0.0
    if offer is not None and cases:
        price = offer.fixed_price + offer.price_per_case * cases
        for e in offer.internal_effort:
            hours[e.role] = hours.get(e.role, 0.0) + cases * e.minutes_per_case * factor / 60
    cost = sum(h * rates.get(r, 0.0) for r, h in hours.items())
    return OptionCost(option, cases, price, hours, cost)


def option_costs(plan: Plan, all_needs: list[Need], factor: float = 1.0) -> list[OptionCost]:
    return [option_cost(plan, all_needs, o, factor) for o in plan.conversion.options]


@dataclass(frozen=True)
class BreakEven:
    cases_now: int  # converted cases in the plan
    manual_per_case: float  # kr. per case, fully manual
    automatic_per_case: float  # kr. per case with the vendor (price per case + people), fixed price apart
    fixed_price: float
    cases: int | None  # smallest number of cases at which the automatic option is cheaper; None = never

    @property
    def automatic_cheaper_now(self) -> bool:
        return self.cases is not None and self.cases_now >= self.cases


def break_even(plan: Plan, all_needs: list[Need]) -> BreakEven | None:
    """Cases needed before the vendor's fixed price pays for itself, at the plan's mix of cases."""
    if plan.vendor_offer is None:
        return None
    n = sum(c.count for c in plan.categories if c.converted)
    if n == 0:
        return None
    manual = option_cost(plan, all_needs, Option.model_validate({"id": "manuel", "navn": "Manuel", "type": "manuel"}))
    auto = option_cost(plan, all_needs, Option.model_validate({"id": "automatisk", "navn": "Automatisk", "type": "automatisk"}))
    m = manual.total / n
    a = (auto.total - plan.vendor_offer.fixed_price) / n
    fixed = plan.vendor_offer.fixed_price
    if m <= a:
        cases = None
    else:
        cases = math.floor(fixed / (m - a)) + 1  # first whole case count where automatic costs less
    return BreakEven(n, m, a, fixed, cases)


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


def sensitivity(plan: Plan, all_needs: list[Need]) -> list[Sensitivity]:
    return [Sensitivity(f, option_costs(plan, all_needs, f)) for f in FACTORS]


@dataclass(frozen=True)
class MatrixRow:
    option: Option
    scores: dict[str, int]  # criterion id → 1-5
    weighted: float  # Σ weight × score / 100
    rank: int  # 1 = best; equal scores share a rank


@dataclass(frozen=True)
class Matrix:
    rows: list[MatrixRow]  # best first
    chosen: str | None  # the recorded decision

    @property
    def top(self) -> list[str]:
        return [r.option.id for r in self.rows if r.rank == 1]

    @property
    def differs(self) -> bool:
        """The recorded decision is not (one of) the best by the weighted scores."""
        return self.chosen is not None and bool(self.rows) and self.chosen not in self.top


def decision_matrix(plan: Plan) -> Matrix:
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
    return Matrix(ranked, conv.decision.chosen if conv.decision else None)
