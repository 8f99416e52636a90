"""Two generated pages (or downloads, or HTML ids on one page) in one place: an error, never a lost page.

The paths come from analysis/paths.py, the functions the pages use, so every path a page can get is
checked, not a list of known cases.
"""

from __future__ import annotations

from ..analysis.paths import Place, clashes, role_paths, session_anchors
from ..texts import validation as say
from .context import Context


def _line(ctx: Context, place: Place) -> int:
    return ctx.loaded.locate(place.where)[0]


def unique_paths(ctx: Context) -> None:
    reported: set[tuple[str, str | None]] = set()
    for first, later in clashes(role_paths(ctx.plan)):
        if first.where[:1] == later.where[:1] == ("undervisning",):
            continue  # two sessions with one slug: unique_anchors reports it, with the session's words
        if first.id is None:
            if ("fixed", later.id) in reported:
                continue
            reported.add(("fixed", later.id))
            ctx.error(later.where, say.RESERVED_ROLE_ID.format(id=later.id, path=later.path))
            continue
        pair = (first.id, later.id)
        if pair in reported:
            continue
        reported.add(pair)
        ctx.error(
            later.where,
            say.ROLE_PATH_CLASH.format(id=later.id, path=later.path, first=first.id, line=_line(ctx, first)),
        )


def unique_anchors(ctx: Context) -> None:
    for first, later in clashes(session_anchors(ctx.plan)):
        ctx.error(
            later.where,
            say.SESSION_ANCHOR_CLASH.format(id=later.id, anchor=later.path, first=first.id, line=_line(ctx, first)),
        )


RULES = [unique_paths, unique_anchors]
