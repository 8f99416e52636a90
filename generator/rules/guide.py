"""Rules for the step-by-step guide: screenshots must be image files inside docs/, and every field
group a role enters should say where it is entered and what to check."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..io.docs_paths import check_docs_path
from ..texts import validation as say
from .context import Context, Path

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


def _image(ctx: Context, path: Path, ref: str | None) -> None:
    if ref is None:
        return
    shown = "".join(ch if ch.isprintable() else "?" for ch in ref)  # as the message shows it
    if PurePosixPath(ref).suffix.lower() not in IMAGE_TYPES:
        ctx.error(path, say.NOT_AN_IMAGE.format(ref=shown, types=", ".join(sorted(IMAGE_TYPES))))
        return
    if ctx.docs_dir is None:
        return  # no docs folder given (e.g. a plan checked on its own): the build checks it
    problem = check_docs_path(ref, ctx.docs_dir)
    if problem:
        ctx.error(path, say.SCREENSHOT_NOT_SHOWN.format(ref=shown, problem=problem))


def guide_images(ctx: Context) -> None:
    guide = ctx.plan.guide
    for gid, g in guide.groups.items():
        _image(ctx, ("vejledning", "feltgrupper", gid, "billede"), g.image)
    for rid, rg in guide.roles.items():
        for key, steps in (("foer", rg.before), ("efter", rg.after)):
            for i, step in enumerate(steps):
                _image(ctx, ("vejledning", "roller", rid, key, i, "billede"), step.image)


def guide_for_every_group(ctx: Context) -> None:
    """A field group entered by hand without guide text gives a step with no place and no check."""
    entered = {s.group_id for v in ctx.figures.guides.values() for s in v.steps + v.follow_up if s.group_id}
    for g, group in enumerate(ctx.plan.minimum.groups):
        if group.id in entered and group.id not in ctx.plan.guide.groups:
            ctx.warning(
                ("minimumsoplysninger", "feltgrupper", g, "id"),
                say.GROUP_WITHOUT_GUIDE.format(name=group.name, id=group.id),
            )


RULES = [guide_images, guide_for_every_group]
