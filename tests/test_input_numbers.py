"""Numbers a Danish user types with thousands separators (50.000, 1.200) are errors in every number field
(the message is generator/texts/validation.THOUSANDS_SEPARATOR)."""

from __future__ import annotations

import types
import typing

import pytest
import yaml
from pydantic import BaseModel

from conftest import example_text, line_of_key, partly, set_value
from konverteringsplan.io.load import is_number_type, load_plan_text, validated
from konverteringsplan.io.yaml_loader import load_yaml_text
from konverteringsplan.messages import PlanError
from konverteringsplan.model import Plan
from konverteringsplan.model.progress import Progress
from konverteringsplan.texts import validation as say

SLOT = "TALHER"


def _models(tp: typing.Any) -> list[type[BaseModel]]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _models(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(tp) for m in _models(a)]
    return [tp] if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def number_fields(model: type[BaseModel], path: tuple = (), seen: frozenset = frozenset()) -> list[tuple]:
    """Every place a number can stand in the model, as a key path (a list item is [0], a dict entry is "x"),
    made from the pydantic model itself."""
    out: list[tuple] = []
    for f in model.model_fields.values():
        out += _paths(f.annotation, path + (f.alias,), seen | {model})
    return out


def _paths(tp: typing.Any, path: tuple, seen: frozenset) -> list[tuple]:
    if is_number_type(tp):
        return [path]
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _paths(typing.get_args(tp)[0], path, seen)
    if origin in (typing.Union, types.UnionType):
        return [p for a in typing.get_args(tp) if a is not type(None) for p in _paths(a, path, seen)]
    if origin is list:
        return _paths(typing.get_args(tp)[0], path + (0,), seen)
    if origin is dict:
        return _paths(typing.get_args(tp)[1], path + ("x",), seen)
    out = []
    for m in _models(tp):
        if m not in seen:
            out += number_fields(m, path, seen)
    return out


def _nest(path: tuple) -> typing.Any:
    if not path:
        return SLOT
    head, rest = path[0], path[1:]
    return [_nest(rest)] if isinstance(head, int) else {head: _nest(rest)}


PLAN_FIELDS = number_fields(Plan)
PROGRESS_FIELDS = number_fields(Progress)


def test_the_model_has_number_fields_to_test():
    assert len(PLAN_FIELDS) > 20, PLAN_FIELDS
    assert ("leverandoertilbud", "fast_pris") in PLAN_FIELDS
    assert len(PROGRESS_FIELDS) >= 5, PROGRESS_FIELDS


@pytest.mark.parametrize(
    ("root", "path"),
    [(Plan, p) for p in PLAN_FIELDS] + [(Progress, p) for p in PROGRESS_FIELDS],
    ids=lambda x: ".".join(map(str, x)) if isinstance(x, tuple) else x.__name__,
)
@pytest.mark.parametrize(("typed", "plain"), [("1.200", "1200"), ("50.000", "50000"), ("1.200.000", "1200000")])
def test_every_number_field_refuses_thousands_separators(root, path, typed, plain):
    text = yaml.safe_dump(_nest(path), allow_unicode=True, sort_keys=False).replace(SLOT, typed)
    loaded = load_yaml_text(text, "plan.yaml")
    with pytest.raises(PlanError) as caught:
        validated(loaded, root)
    hits = [
        m for m in caught.value.messages if partly(say.THOUSANDS_SEPARATOR, written=typed, plain=plain).match(m.text)
    ]
    assert len(hits) == 1, [str(m) for m in caught.value.messages]
    assert hits[0].line == line_of_key(text, path)


PRICE = ("leverandoertilbud", "fast_pris")
COUNT = ("sagskategorier", "aabne_stoettende", "antal")


def test_a_price_with_thousands_separator_is_an_error_not_50_kroner():
    text = set_value(example_text(), PRICE, "50.000")
    with pytest.raises(PlanError) as caught:
        load_plan_text(text)
    (msg,) = caught.value.messages
    assert msg.key == "leverandoertilbud.fast_pris"
    assert msg.line == line_of_key(text, PRICE)
    read = say.THOUSANDS_READ_AS_DECIMAL.format(value=50)
    assert msg.text == say.THOUSANDS_SEPARATOR.format(written="50.000", read=read, plain=50000)


@pytest.mark.parametrize(
    "typed,read,plain",
    [
        pytest.param("1.200", "1,2", "1200", id="quoted-as-typed"),
        pytest.param("1.125", "1,125", "1125", id="any-three-digit-group-in-a-whole-number"),
    ],
)
def test_a_count_with_thousands_separator_is_quoted_as_typed(typed, read, plain):
    """A whole-number field refuses any group of three digits after a point, and quotes it as typed."""
    text = set_value(example_text(), COUNT, typed)
    with pytest.raises(PlanError) as caught:
        load_plan_text(text)
    (msg,) = caught.value.messages
    assert msg.line == line_of_key(text, COUNT)
    read = say.THOUSANDS_READ_AS_DECIMAL.format(value=read)
    assert msg.text == say.THOUSANDS_SEPARATOR.format(written=typed, read=read, plain=plain)


@pytest.mark.parametrize("typed", ["165.5", "1.125"])
def test_decimals_in_a_decimal_field_are_left_alone(typed):
    """165.5 is a decimal number as the plan writes them; three decimals without a trailing zero may be
    meant in a decimal field."""
    load_plan_text(set_value(example_text(), ("roller", "studentermedhjaelper", "timepris"), typed))  # no error
