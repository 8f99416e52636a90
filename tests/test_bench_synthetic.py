"""The benchmark's synthetic plan (bench/synthetic.py): N times the example, and always valid."""

from __future__ import annotations

import datetime as dt
import json
import sys

import holidays
import pytest

from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT))  # bench/ is a folder in the repository, not an installed package
from bench.synthetic import load_example, synthetic_plan, write_plan  # noqa: E402
from generator.build import validate_plan
from generator.render import render

FACTOR = 3


@pytest.fixture(scope="module")
def example():
    return load_example()


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    path = write_plan(tmp_path_factory.mktemp("bench") / "plan.yaml", FACTOR)
    plan, warnings = validate_plan(path)  # raises PlanError (with every message) if the plan has errors
    return path, plan, warnings


def test_factor_one_is_the_example(example):
    assert synthetic_plan(1, base=example) == example


def test_scaled_plan_validates_without_errors(scaled):
    path, plan, warnings = scaled
    assert plan.municipality.name == "Korsbæk Kommune"
    assert warnings == [], "\n".join(map(str, warnings))


def test_counts_scale_by_the_factor(example, scaled):
    _, plan, _ = scaled
    converted = sum(c["antal"] for c in example["sagskategorier"] if c["rute"] != "ikke_konverteres")
    assert sum(c.count for c in plan.categories if c.converted) == FACTOR * converted
    assert len(plan.roles) == FACTOR * len(example["roller"])
    assert len(plan.categories) == FACTOR * len(example["sagskategorier"])
    assert len(plan.work_packages) == FACTOR * len(example["arbejdspakker"])
    assert len(plan.training.sessions) == FACTOR * len(example["undervisning"]["sessioner"])
    fields = sum(len(g["felter"]) for g in example["minimumsoplysninger"]["feltgrupper"])
    assert sum(len(g.fields) for g in plan.minimum.groups) == FACTOR * fields
    # The first follow-ups must still add up to the converted cases.
    assert sum(plan.first_follow_ups.values()) == FACTOR * converted


def test_each_unit_refers_to_its_own_roles_categories_and_groups(scaled):
    _, plan, _ = scaled
    unit3 = [wp for wp in plan.work_packages if wp.id.endswith("_e3")]
    assert unit3, "unit 3 has no work packages"
    for wp in unit3:
        assert wp.role.endswith("_e3") and wp.name.endswith("(enhed 3)")
        assert all(c.endswith("_e3") for c in wp.categories)
        assert all(g.endswith("_e3") for g in wp.groups)
    for s in plan.training.sessions:
        if s.id.endswith("_e2"):
            assert all(r.endswith("_e2") for r in s.audience)
            assert s.trainer.endswith("(enhed 2)")
    # A field that applied to every converted category applies to its own unit's only.
    for group in plan.minimum.groups:
        if group.id.endswith("_e2"):
            for f in group.fields:
                assert f.categories and all(c.endswith("_e2") for c in f.categories)


def test_weeks_are_stretched_onto_working_days(example, scaled):
    _, plan, _ = scaled
    go_live = example["projekt"]["go_live"]
    assert plan.project.go_live == go_live
    first_session = min(s["dato"] for s in example["undervisning"]["sessioner"])
    scaled_first = min(s.date for s in plan.training.sessions)
    # Factor 3 stretches the weeks before go-live by round(sqrt(3)) = 2: the first session is about
    # twice as far from go-live as in the example (whole weeks, give or take a holiday week).
    weeks_before = (go_live - first_session).days / 7
    assert 2 * weeks_before - 2 <= (go_live - scaled_first).days / 7 <= 2 * weeks_before + 2
    danish = holidays.Denmark(years=range(scaled_first.year, go_live.year + 1))
    for s in plan.training.sessions:
        assert s.date.weekday() < 5 and s.date not in danish, s
        assert s.date < go_live
    for wp in plan.work_packages:
        if wp.end:
            assert wp.start <= wp.end <= go_live - dt.timedelta(days=1)


def test_scaled_plan_renders_with_the_cli(scaled, tmp_path):
    path, plan, _ = scaled
    out = tmp_path / "site"
    result = run_cli("render", "--out", str(out), "--plan", str(path))
    assert result.returncode == 0, result.stderr
    nav = json.loads((out / "nav.json").read_text(encoding="utf-8"))
    assert "enhed 3" in json.dumps(nav, ensure_ascii=False)  # unit 3's roles have their own pages
    pages = render(plan).pages
    assert all(page.markdown.strip() for page in pages)
    assert sum(p.stat().st_size > 0 for p in out.rglob("*.md")) == len(pages)
