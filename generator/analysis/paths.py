"""Where each generated page, download and anchor goes: one place, used by the pages and by the rule
that refuses two of them in one place (rules/paths.py).

A role id becomes file names (its guide, checklist, print page, weekly load page, training page and
calendar file) and a session id becomes an HTML id: two ids with one slug (``a_b`` and ``a-b``), or a
role id that is a fixed page's name (``index``), would give two pages one path, and one of them would
silently be lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Plan
from ..slug import ascii_slug
from .golive import month_keys

# Pages and downloads whose path does not depend on the plan.
CONTROL_GUIDE = "vejledning/kontrol.md"  # the guide for checking the converted cases
STATUS_PAGE = "status.md"  # the steering group's one-page status
FIXED = (
    "index.md",
    "sagsomfang.md",
    "minimumsoplysninger.md",
    "konverteringsform.md",
    "oekonomi.md",
    "roller.md",
    "tidsplan.md",
    "ordliste.md",
    "vejledning/index.md",
    "undervisning/index.md",
    CONTROL_GUIDE,
    "downloads/ressourceplan.xlsx",
    "downloads/ressourceplan.csv",
    "downloads/undervisning.ics",
    "golive/index.md",
    "downloads/golive.ics",
    STATUS_PAGE,
)


def load_page(role_id: str) -> str:
    """The role's weekly load page, relative to the docs folder."""
    return f"belastning/{ascii_slug(role_id)}.md"


def guide_pages(role_id: str) -> dict[str, str]:
    """The role's guide, checklist and print pages, relative to vejledning/."""
    slug = ascii_slug(role_id)
    return {"guide": f"{slug}.md", "checklist": f"{slug}-tjekliste.md", "print": f"{slug}-udskriv.md"}


def training_page(role_id: str) -> str:
    """The role's training page, relative to undervisning/."""
    return f"{ascii_slug(role_id)}.md"


def training_calendar(role_id: str | None = None) -> str:
    return "downloads/undervisning.ics" if role_id is None else f"downloads/undervisning-{ascii_slug(role_id)}.ics"


def golive_page(role_id: str) -> str:
    """The role's go-live page ("what I do on cut-over day"), relative to golive/."""
    return f"{ascii_slug(role_id)}.md"


def golive_calendar(role_id: str | None = None) -> str:
    return "downloads/golive.ics" if role_id is None else f"downloads/golive-{ascii_slug(role_id)}.ics"


def deadlines_page(month_key: str) -> str:
    """The page of one month's deadlines after go-live, relative to golive/."""
    return f"frister-{month_key}.md"


def session_calendar(session_id: str) -> str:
    """One training team's own calendar file (only that team's events), relative to the site root. Two
    session ids with one slug are refused by the anchor rule, so two teams never share a file."""
    return f"downloads/hold-{ascii_slug(session_id)}.ics"


def case_type_page(category_id: str) -> str:
    """The page listing every field a category's cases get, relative to the docs folder."""
    return f"vejledning/sagstype-{ascii_slug(category_id)}.md"


def session_anchor(session_id: str) -> str:
    """The HTML id of a session's heading on the training pages."""
    return f"hold-{ascii_slug(session_id)}"


@dataclass(frozen=True)
class Place:
    """A path (or an HTML id) that an id of the plan gives, and where that id stands."""

    path: str
    id: str | None  # the plan's id; None for a fixed page
    where: tuple[str | int, ...]  # key path of the id in plan.yaml


def role_paths(plan: Plan) -> Iterator[Place]:
    """Every path a role may get (whether or not the role gets that page today), every fixed path, and the
    paths a category (its fields page) and a session (its calendar file) get."""
    for path in FIXED:
        yield Place(path, None, ())
    for key in month_keys(plan.project.go_live):  # the deadline pages after go-live (whether or not shown)
        yield Place(f"golive/{deadlines_page(key)}", None, ())
    for i, role in enumerate(plan.roles):
        where = ("roller", i, "id")
        yield Place(load_page(role.id), role.id, where)
        for page in guide_pages(role.id).values():
            yield Place(f"vejledning/{page}", role.id, where)
        yield Place(f"undervisning/{training_page(role.id)}", role.id, where)
        yield Place(training_calendar(role.id), role.id, where)
        yield Place(f"golive/{golive_page(role.id)}", role.id, where)
        yield Place(golive_calendar(role.id), role.id, where)
    for i, category in enumerate(plan.categories):
        yield Place(case_type_page(category.id), category.id, ("sagskategorier", i, "id"))
    for i, session in enumerate(plan.training.sessions):  # two sessions with one slug: the anchor rule says so
        yield Place(session_calendar(session.id), session.id, ("undervisning", "sessioner", i, "id"))


def session_anchors(plan: Plan) -> Iterator[Place]:
    for i, session in enumerate(plan.training.sessions):
        yield Place(session_anchor(session.id), session.id, ("undervisning", "sessioner", i, "id"))


def clashes(places: Iterator[Place]) -> list[tuple[Place, Place]]:
    """Pairs (first, later) with one path; paths compared without case, as Windows and macOS disks do."""
    seen: dict[str, Place] = {}
    found = []
    for place in places:
        key = place.path.lower()
        first = seen.setdefault(key, place)
        if first is not place and first.id != place.id:
            found.append((first, place))
    return found
