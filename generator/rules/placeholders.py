"""Placeholders still in the plan (generator/analysis/placeholders.py): one warning each until replaced."""

from __future__ import annotations

from .context import Context


def placeholders_replaced(ctx: Context) -> None:
    for p in ctx.figures.placeholders:
        ctx.warning(p.path, p.text)


RULES = [placeholders_replaced]
