"""Placeholders: values a new plan starts with that the municipality has not filled in yet.

A placeholder is a text that contains the marker "(udfyld" (e.g. "Superbruger 1 (udfyld navn)"),
or one of the known stand-in values of the starting plan (CVR 00000000, the bare was.digst.dk
address). `validate` warns about each one and the front page lists them until they are replaced.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..io.load import key_path
from ..model import Plan
from ..texts import site as texts

MARKER = "(udfyld"
# Known stand-in values (key path -> values), compared without a trailing slash.
KNOWN: dict[tuple[str, ...], dict[str, str]] = {
    ("kommune", "cvr"): {"00000000": texts.PLACEHOLDER_CVR},
    ("kommune", "tilgaengelighedserklaering"): {"https://www.was.digst.dk": texts.PLACEHOLDER_STATEMENT},
}


@dataclass(frozen=True)
class Placeholder:
    path: tuple[Any, ...]  # YAML key path, as the rules locate it
    key: str  # readable key path, e.g. roller[superbruger].personer[1]
    value: str
    text: str  # Danish: what to do


def _walk(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, (*path, i))
    elif isinstance(node, str):
        yield path, node


def placeholders(plan: Plan) -> list[Placeholder]:
    data = plan.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    found = []
    for path, value in _walk(data, ()):
        known = KNOWN.get(path, {}).get(value.rstrip("/"))
        if known:
            text = known
        elif MARKER in value.casefold():
            text = texts.PLACEHOLDER_TEXT.format(value=value)
        else:
            continue
        found.append(Placeholder(path, key_path(data, path), value, text))
    return found
