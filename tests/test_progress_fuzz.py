"""A damaged fremdrift.yaml gives a valid result or Danish errors with line numbers, never a traceback."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, example_text, set_keys
from konverteringsplan.build import checked_plan
from konverteringsplan.messages import PlanError

BASE = yaml.safe_load((ROOT / "fremdrift.yaml").read_text(encoding="utf-8"))
VALUES = st.one_of(
    st.integers(-10, 10**6),
    st.text(max_size=12),
    st.none(),
    st.booleans(),
    st.dates().map(str),
    st.lists(st.integers(0, 5), max_size=2),
    st.just({}),
)


def paths(data, prefix=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield (*prefix, k)
            yield from paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield (*prefix, i)
            yield from paths(v, (*prefix, i))


PATHS = list(paths(BASE))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PATHS), VALUES), min_size=1, max_size=3))
def test_damaged_progress_never_crashes(tmp_path_factory, changes):
    folder: Path = tmp_path_factory.mktemp("fuzz")
    (folder / "plan.yaml").write_text(example_text(), encoding="utf-8")
    data = BASE
    for path, value in changes:
        try:
            data = set_keys(copy.deepcopy(data), (path, value))
        except (KeyError, IndexError, TypeError):
            continue
    (folder / "fremdrift.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        checked_plan(folder / "plan.yaml")
    except PlanError as exc:
        assert exc.messages and all(m.text for m in exc.messages)
        assert all(m.line > 0 for m in exc.messages if m.file.endswith("fremdrift.yaml")), [
            str(m) for m in exc.messages
        ]
