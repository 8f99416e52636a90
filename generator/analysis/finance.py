"""The finance reconciliation (fremdrift.yaml, afstemning.oekonomi): amounts and payments per month and
placements per legal basis, before and after; a difference is 0 or explained, as for the case counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.progress import BasisCount, FinanceExplanation, FinanceMonth, FinanceReconciliation
from .workload import month_bounds

EPS = 0.005  # kroner: smaller differences are rounding


def month_start(key: str | None) -> dt.date | None:
    """ "2027-03" -> 1 March 2027 (the model has checked the form ÅÅÅÅ-MM of the rows)."""
    bounds = month_bounds(key) if key else None
    return bounds[0] if bounds else None


@dataclass(frozen=True)
class MonthRow:
    row: FinanceMonth
    explanations: tuple[FinanceExplanation, ...]

    @property
    def first_day(self) -> dt.date | None:
        return month_start(self.row.month)

    @property
    def amount_difference(self) -> float:
        return self.row.dubu_amount - self.row.old_amount

    @property
    def amount_unexplained(self) -> float:
        left = abs(self.amount_difference) - sum(e.amount for e in self.explanations)
        return left if left > EPS else 0.0

    @property
    def amount_explained_too_much(self) -> bool:
        return sum(e.amount for e in self.explanations) > abs(self.amount_difference) + EPS

    @property
    def payments_difference(self) -> int:
        return self.row.dubu_payments - self.row.old_payments

    @property
    def payments_unexplained(self) -> int:
        return max(0, abs(self.payments_difference) - sum(e.payments for e in self.explanations))


@dataclass(frozen=True)
class BasisRow:
    row: BasisCount
    explanations: tuple[FinanceExplanation, ...]

    @property
    def difference(self) -> int:
        return self.row.dubu - self.row.old_system

    @property
    def unexplained(self) -> int:
        return max(0, abs(self.difference) - sum(e.count for e in self.explanations))


@dataclass(frozen=True)
class FinanceFigures:
    source: FinanceReconciliation
    months: list[MonthRow]
    bases: list[BasisRow]

    @property
    def unexplained(self) -> int:
        """How many rows still have a difference nobody explains."""
        return sum(1 for m in self.months if m.amount_unexplained or m.payments_unexplained) + sum(
            1 for b in self.bases if b.unexplained
        )

    def explanation_month(self, e: FinanceExplanation) -> dt.date | None:
        return month_start(e.month)

    @property
    def signed(self) -> bool:
        return bool(self.source.signed_by and self.source.signed_on)


def finance_figures(source: FinanceReconciliation | None) -> FinanceFigures | None:
    if source is None:
        return None
    months = [
        MonthRow(m, tuple(e for e in source.explanations if e.month == m.month and e.basis is None))
        for m in source.months
    ]
    bases = [BasisRow(b, tuple(e for e in source.explanations if e.basis == b.basis)) for b in source.bases]
    return FinanceFigures(source, months, bases)
