"""Rules on how values were typed: a bracketed list of text that YAML split inside a name."""

from __future__ import annotations

from ..io.yaml_loader import continues_name
from ..texts import validation as say
from .context import RawContext


def meant_items(items: tuple[str, ...]) -> list[str]:
    """The list as it most likely was meant: an item carrying "og"/"eller"/"&" ("Unge og Familie") belongs
    to the item before it ("Børn, Unge og Familie")."""
    out: list[str] = []
    for item in items:
        if out and continues_name(item):
            out[-1] = f"{out[-1]}, {item}"
        else:
            out.append(item)
    return out


def split_lists(ctx: RawContext) -> None:
    """A warning for every [a, b og c] list of text: YAML splits it at every comma, also inside a name."""
    for found in ctx.loaded.split_lists:
        parts = " + ".join(f'"{i}"' for i in found.items)
        key = str(found.path[-1]) if found.path else ""
        block = "\n".join(f"      - {i}" for i in meant_items(found.items))
        ctx.warning(
            found.path,
            say.LIST_SPLIT_AT_COMMA.format(count=len(found.items), parts=parts, key=key, block=block),
        )


RAW_RULES = [split_lists]
