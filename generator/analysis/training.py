"""Cases converted during training sessions (the conversion exercises).

A session with ``konvertering`` converts ``deltagere × sager_pr_deltager`` cases: each participant
enters the listed field groups on that many cases of the listed categories. The engine (coverage
and load) may reuse these numbers; the training pages show them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Plan
from ..model.training import Session


def session_cases(session: Session) -> int:
    """Cases one session converts: participants × sager_pr_deltager, or 0 without an exercise."""
    if session.conversion is None:
        return 0
    return session.participants * session.conversion.cases_per_participant


def sessions_in_order(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: (s.date, s.start, s.id))


def training_cases_total(plan: Plan) -> int:
    return sum(session_cases(s) for s in plan.training.sessions)


def training_cases_by_role(plan: Plan) -> dict[str, int]:
    """Cases converted on the sessions each role attends (a session for two roles counts for both)."""
    result: dict[str, int] = {}
    for s in plan.training.sessions:
        for role in s.audience:
            result[role] = result.get(role, 0) + session_cases(s)
    return result
