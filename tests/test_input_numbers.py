"""Numbers a Danish user types with thousands separators (50.000, 1.200) are errors in every number field."""

from __future__ import annotations

import types
import typing

import pytest
import yaml
from pydantic import BaseModel

from conftest import edit, example_text, line_of
from konverteringsplan.io.load import is_number_type, load_plan_text, validated
from konverteringsplan.io.yaml_loader import load_yaml_text
from konverteringsplan.messages import PlanError
from konverteringsplan.model import Plan
from konverteringsplan.model.progress import Progress

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
    line = line_of(text, typed)
    hits = [m for m in caught.value.messages if f'"{typed}"' in m.text]
    assert len(hits) == 1, [str(m) for m in caught.value.messages]
    assert hits[0].line == line
    assert f"skriv {plain}." in hits[0].text
    assert "tusindtalspunktum" in hits[0].text


def test_a_price_with_thousands_separator_is_an_error_not_50_kroner():
    text = edit(example_text(), "fast_pris:", "fast_pris: 50.000 #")
    with pytest.raises(PlanError) as caught:
        load_plan_text(text)
    (msg,) = caught.value.messages
    assert msg.key == "leverandoertilbud.fast_pris"
    assert msg.line == line_of(text, "fast_pris: 50.000")
    assert 'Du har skrevet "50.000", som YAML læser som decimaltallet 50' in msg.text
    assert "skriv 50000." in msg.text


def test_a_count_with_thousands_separator_is_quoted_as_typed():
    text = example_text()
    count_line = next(line for line in text.splitlines() if line.strip().startswith("antal: ") and "#" not in line)
    text = edit(text, count_line, count_line.split(":")[0] + ": 1.200")
    with pytest.raises(PlanError) as caught:
        load_plan_text(text)
    (msg,) = caught.value.messages
    assert '"1.200"' in msg.text and "skriv 1200." in msg.text
    assert '"1.2"' not in msg.text


def test_decimals_and_text_fields_are_left_alone():
    text = edit(example_text(), "timepris: 165", "timepris: 165.5")
    load_plan_text(text)  # no error: 165.5 is a decimal number as the plan writes them
    text = edit(example_text(), "timepris: 165", "timepris: 1.125")
    load_plan_text(text)  # three decimals without a trailing zero may be meant in a decimal field


def test_a_whole_number_field_refuses_any_three_digit_group():
    text = example_text()
    count_line = next(line for line in text.splitlines() if line.strip().startswith("antal: ") and "#" not in line)
    text = edit(text, count_line, count_line.split(":")[0] + ": 1.125")
    with pytest.raises(PlanError) as caught:
        load_plan_text(text)
    assert "skriv 1125." in caught.value.messages[0].text
