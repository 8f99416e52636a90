"""Status til styregruppen: one printable A4 page with days to go-live, go/no-go, work behind plan, cost
against plan and open risks. The figures are computed in analysis/status.py; the words are in the template."""

from __future__ import annotations

from ..analysis import Figures, paths
from ..analysis.status import status
from ..model import Plan
from ..texts import site as texts
from .common import SEARCH_BOOST_STATUS
from .progress import verdict_text


def status_page(plan: Plan, figures: Figures, out) -> None:
    out.add(
        paths.STATUS_PAGE,
        texts.PAGE_STATUS,
        "status.md.j2",
        plan=plan,
        s=status(plan, figures),
        dom=verdict_text,
        search_boost=SEARCH_BOOST_STATUS,
    )


BUILDERS = [status_page]
