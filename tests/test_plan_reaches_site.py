"""Everything the plan names reaches the site (issue 20, point 16): every text a user writes in plan.yaml is on
some built page, apart from a short documented allow-list."""

from __future__ import annotations

import types
import typing

import pytest
from pydantic import BaseModel
from site_prose import prose

from conftest import EXAMPLE
from konverteringsplan.build import validate_plan

# Text the site shows only in part, on purpose. Key path with list items and dict keys left out.
ALLOWED = {
    # Only the municipality's special days inside the plan's period are listed ("Fridage i perioden"); the
    # example's 1 May and Grundlovsdag fall after go-live.
    "kalender.saerlige_dage.navn": "kun dage inden for planens periode vises",
}


def _has_pattern(meta) -> bool:
    return any(getattr(m, "pattern", None) for m in meta)


def _is_text(tp, meta=()) -> bool:
    """A free text field (not an id: ids have a pattern; not a date, number, enum or address)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        args = typing.get_args(tp)
        return _is_text(args[0], (*meta, *args[1:]))
    if tp is str:
        return not _has_pattern(meta)
    if origin in (typing.Union, types.UnionType):
        return any(_is_text(a, meta) for a in typing.get_args(tp))
    if origin is list:
        return _is_text(typing.get_args(tp)[0])
    return False


def text_leaves(model: BaseModel, path: tuple = ()):
    """(key path without list indexes and dict keys, value) for every free text in the plan."""
    for name, f in type(model).model_fields.items():
        value = getattr(model, name)
        here = (*path, f.alias)
        items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                yield from text_leaves(item, here)
            elif isinstance(item, str) and _is_text(f.annotation, f.metadata):
                yield ".".join(here), item


def _plain(text: str) -> str:
    text = " ".join(text.split()).rstrip(".").lower()
    return text.removeprefix("tjek ")  # a check is shown after "Tjek"


@pytest.fixture(scope="module")
def site_text(example_site) -> str:
    blocks = []
    for page in sorted(example_site.rglob("*.html")):
        found, codes = prose(page.read_text(encoding="utf-8"))
        blocks += found + codes
    return " ".join(blocks).lower()


@pytest.fixture(scope="module")
def leaves() -> list[tuple[str, str]]:
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    return list(text_leaves(plan))


def test_the_walk_reaches_every_part_of_the_plan(leaves):
    keys = {k for k, _ in leaves}
    assert len(leaves) > 150
    for key in ("klik_opgave.ansvarlig", "roller.opgaver", "minimumsoplysninger.feltgrupper.felter.navn",
                "vejledning.roller.foer.tjek", "go_no_go.kriterier.beskrivelse", "ordliste.forklaring"):  # fmt: skip
        assert key in keys, key


def test_every_text_of_the_plan_is_on_some_page(leaves, site_text):
    missing = [(k, v) for k, v in leaves if k not in ALLOWED and _plain(v) not in site_text]
    assert missing == []


def test_the_allow_list_is_needed_and_small(leaves, site_text):
    allowed = [(k, v) for k, v in leaves if k in ALLOWED]
    assert allowed and any(_plain(v) not in site_text for _, v in allowed)  # an entry nobody needs goes
    assert any(_plain(v) in site_text for _, v in allowed)  # the days inside the period are shown


def test_the_task_owner_is_on_the_front_page(example_site):
    blocks, _ = prose((example_site / "index.html").read_text(encoding="utf-8"))
    assert any("Ansvarlig for opgaven: Projektleder Agnes Jensen." in b for b in blocks)
