"""Two generated pages (or downloads, or HTML ids on one page) in one place: an error, never a lost page.

The paths come from analysis/paths.py, the functions the pages use, so every path a page can get is
checked, not a list of known cases.
"""

from __future__ import annotations

from ..analysis.paths import Place, clashes, role_paths, session_anchors
from .context import Context


def _line(ctx: Context, place: Place) -> int:
    return ctx.loaded.locate(place.where)[0]


def unique_paths(ctx: Context) -> None:
    reported: set[tuple] = set()
    for first, later in clashes(role_paths(ctx.plan)):
        if first.id is None:
            if ("fixed", later.id) in reported:
                continue
            reported.add(("fixed", later.id))
            ctx.error(later.where, f'Rolle-id\'et "{later.id}" er et reserveret navn: det giver filen '
                                   f"{later.path}, som er en fast side eller download på sitet. Vælg et andet id.")
            continue
        pair = (first.id, later.id)
        if pair in reported:
            continue
        reported.add(pair)
        ctx.error(later.where, f'Rolle-id\'et "{later.id}" giver samme filnavn ({later.path}) som rollen '
                               f'"{first.id}" i linje {_line(ctx, first)}, så den ene rolles side ville forsvinde '
                               "(i filnavne bliver _ og - ens, og store og små bogstaver ens). Giv den ene rolle "
                               "et andet id.")


def unique_anchors(ctx: Context) -> None:
    for first, later in clashes(session_anchors(ctx.plan)):
        ctx.error(later.where, f'Hold-id\'et "{later.id}" giver samme anker (#{later.path}) på '
                               f'undervisningssiderne som holdet "{first.id}" i linje {_line(ctx, first)} '
                               "(i ankre bliver _ og - ens), så links til holdet ville ramme det forkerte hold. "
                               "Giv det ene hold et andet id.")


RULES = [unique_paths, unique_anchors]
