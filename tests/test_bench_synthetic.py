"""The benchmark's synthetic plan (bench/synthetic.py): N times the example, and always valid.

Factor N: N times the example's cases, people and sessions, in round(N * 9 / 50) units (at least 1):
factor 3 is one unit 3 times Korsbæk, factor 12 two units 6 times Korsbæk each, factor 50 (Copenhagen)
nine units.
"""

from __future__ import annotations

import datetime as dt
import json

import holidays
import pytest

from bench.synthetic import load_example, synthetic_plan, unit_multipliers, units, write_plan
from conftest import run_cli
from konverteringsplan.build import validate_plan
from konverteringsplan.pages.render import render

# factor: (units, multiplier of each unit, weeks factor = round(sqrt(factor)))
CASES = {3: (1, [3], 2), 12: (2, [6, 6], 3)}


@pytest.fixture(scope="module")
def example():
    return load_example()


@pytest.fixture(scope="module", params=sorted(CASES))
def scaled(request, tmp_path_factory):
    factor = request.param
    path = write_plan(tmp_path_factory.mktemp(f"bench{factor}") / "plan.yaml", factor)
    plan, warnings = validate_plan(path)  # raises PlanError (with every message) if the plan has errors
    return factor, path, plan, warnings


def _unit(item_id: str) -> int:
    """Unit number from an id: `x` is unit 1, `x_e2` unit 2, `x_e2_h3` unit 2 (hold 3)."""
    for part in item_id.split("_")[1:][::-1]:
        if part.startswith("e") and part[1:].isdigit():
            return int(part[1:])
    return 1


def test_units_formula():
    # round(N * 9 / 50), at least 1 and at most N: Copenhagen is 50 x Korsbæk in 9 units.
    assert [units(n) for n in (1, 2, 3, 5, 6, 10, 12, 50)] == [1, 1, 1, 1, 1, 2, 2, 9]
    assert unit_multipliers(50) == [6, 6, 6, 6, 6, 5, 5, 5, 5]
    assert unit_multipliers(10) == [5, 5]
    assert unit_multipliers(1) == [1]


def test_factor_one_is_the_example(example):
    assert synthetic_plan(1, base=example) == example


def test_scaled_plan_validates_without_errors_or_warnings(scaled):
    _, _, plan, warnings = scaled
    assert plan.municipality.name == "Korsbæk Kommune"
    assert warnings == [], "\n".join(map(str, warnings))


def test_counts_scale_by_the_factor_in_few_units(example, scaled):
    factor, _, plan, _ = scaled
    n_units, multipliers, _ = CASES[factor]
    converted = sum(c["antal"] for c in example["sagskategorier"] if c["rute"] != "ikke_konverteres")
    people = sum(r["antal"] for r in example["roller"])
    # Totals: N times the example's cases, people and sessions ...
    assert sum(c.count for c in plan.categories if c.converted) == factor * converted
    assert sum(r.headcount for r in plan.roles) == factor * people
    assert len(plan.training.sessions) == factor * len(example["undervisning"]["sessioner"])
    assert sum(plan.first_follow_ups.values()) == factor * converted  # still adds up to the converted cases
    # ... but roles, categories, field groups and work packages only once per unit.
    assert len(plan.roles) == n_units * len(example["roller"])
    assert len(plan.categories) == n_units * len(example["sagskategorier"])
    assert len(plan.work_packages) == n_units * len(example["arbejdspakker"])
    fields = sum(len(g["felter"]) for g in example["minimumsoplysninger"]["feltgrupper"])
    assert sum(len(g.fields) for g in plan.minimum.groups) == n_units * fields
    # Inside each unit, cases and people are the example's times the unit's multiplier: the work per
    # person stays the example's.
    for k, m in enumerate(multipliers, start=1):
        for role in example["roller"]:
            (copy,) = [r for r in plan.roles if r.id.startswith(role["id"]) and _unit(r.id) == k]
            assert copy.headcount == m * role["antal"], copy.id
        for cat in example["sagskategorier"]:
            (copy,) = [c for c in plan.categories if c.id.startswith(cat["id"]) and _unit(c.id) == k]
            assert copy.count == m * cat["antal"], copy.id
        for absence in example["kalender"]["fravaer"]:
            mine = [a for a in plan.calendar.absences if a.role.startswith(absence["rolle"]) and _unit(a.role) == k]
            assert [a.people for a in mine] == [m * absence["personer"]]


def test_each_session_is_held_multiplier_times_in_its_week(example, scaled):
    factor, _, plan, _ = scaled
    _, multipliers, _ = CASES[factor]
    super_users = {p for r in plan.roles if r.super_user for p in r.people}
    by_id = {s.id: s for s in plan.training.sessions}
    for k, m in enumerate(multipliers, start=1):
        unit = "" if k == 1 else f"_e{k}"
        for original in example["undervisning"]["sessioner"]:
            first = by_id[original["id"] + unit]
            holds = [first] + [by_id[f"{original['id']}{unit}_h{h}"] for h in range(2, m + 1)]
            assert len({s.id for s in plan.training.sessions if s.id.startswith(original["id"] + unit + "_h")}) == m - 1
            for h, s in enumerate(holds, start=1):
                if h > 1:
                    assert s.title == f"{first.title} (hold {h})"
                # Same seats and participants as the example's session, in the same week.
                assert (s.seats, s.participants) == (original["pladser"], original["deltagere"])
                assert s.date.isocalendar()[:2] == first.date.isocalendar()[:2]
                assert s.date.weekday() < 5
                assert s.trainer in super_users
                assert k == 1 or s.trainer.endswith(f"(enhed {k})")
            # Several holds spread over the week rather than all on one day (the week has room for 2+).
            if m > 1:
                assert len({s.date for s in holds}) > 1


def test_each_unit_refers_to_its_own_roles_categories_and_groups(scaled):
    factor, _, plan, _ = scaled
    n_units = CASES[factor][0]
    if n_units == 1:  # one unit: the example's ids and names, no unit copies
        assert not [wp.id for wp in plan.work_packages if _unit(wp.id) != 1 or "enhed" in wp.name]
        assert not [r.id for r in plan.roles if _unit(r.id) != 1 or "enhed" in r.name]
        return
    suffix = f"_e{n_units}"
    last = [wp for wp in plan.work_packages if wp.id.endswith(suffix)]
    assert last, f"unit {n_units} has no work packages"
    for wp in last:
        assert wp.role.endswith(suffix) and wp.name.endswith(f"(enhed {n_units})")
        assert all(c.endswith(suffix) for c in wp.categories)
        assert all(g.endswith(suffix) for g in wp.groups)
    for s in plan.training.sessions:
        if _unit(s.id) == n_units:
            assert all(r.endswith(suffix) for r in s.audience)
            assert s.trainer.endswith(f"(enhed {n_units})")
    # A field that applied to every converted category applies to its own unit's only.
    for group in plan.minimum.groups:
        if group.id.endswith(suffix):
            for f in group.fields:
                assert f.categories and all(c.endswith(suffix) for c in f.categories)


def test_weeks_are_stretched_onto_working_days(example, scaled):
    factor, _, plan, _ = scaled
    stretch = CASES[factor][2]
    go_live = example["projekt"]["go_live"]
    assert plan.project.go_live == go_live
    first_session = min(s["dato"] for s in example["undervisning"]["sessioner"])
    scaled_first = min(s.date for s in plan.training.sessions)
    # The weeks before go-live are stretched by round(sqrt(factor)): the first session is about that
    # many times as far from go-live as in the example (whole weeks, give or take a holiday week).
    weeks_before = (go_live - first_session).days / 7
    assert stretch * weeks_before - stretch <= (go_live - scaled_first).days / 7 <= stretch * weeks_before + stretch
    danish = holidays.Denmark(years=range(scaled_first.year, go_live.year + 1))
    for s in plan.training.sessions:
        assert s.date.weekday() < 5 and s.date not in danish, s
        assert s.date < go_live
    for wp in plan.work_packages:
        if wp.end:
            assert wp.start <= wp.end <= go_live - dt.timedelta(days=1)


def test_scaled_plan_renders_with_the_cli(scaled, tmp_path):
    factor, path, plan, _ = scaled
    out = tmp_path / "site"
    result = run_cli("render", "--out", str(out), "--plan", str(path))
    assert result.returncode == 0, result.stderr
    nav = json.dumps(json.loads((out / "nav.json").read_text(encoding="utf-8")), ensure_ascii=False)
    if CASES[factor][0] > 1:
        assert "enhed 2" in nav  # unit 2's roles have their own pages
    else:
        assert "enhed" not in nav
    pages = render(plan).pages
    assert all(page.markdown.strip() for page in pages)
    assert sum(p.stat().st_size > 0 for p in out.rglob("*.md")) == len(pages)


def test_the_largest_page_stays_readable_at_copenhagen_scale(tmp_path):
    # Factor 50 (Copenhagen: 9 units, 27 roles). The plan page used to hold every role's weekly chart and
    # table and a coverage row per category x field: 633 KiB of Markdown, 1.2 MB of HTML. Each role's
    # weekly load is now on its own page, so no page should come near that.
    path = write_plan(tmp_path / "plan.yaml", 50)
    plan, _ = validate_plan(path)
    out = render(plan)
    sizes = {p.path: len(p.markdown.encode("utf-8")) for p in out.pages}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] < 300 * 1024, (largest, sizes[largest])
    load_pages = [p for p in out.pages if p.path.startswith("belastning/")]
    # 3 converting roles in each of 9 units, each unit's super users (teaching), and the project lead (its
    # activities are the plan's, not a unit's): each with its own weekly load page
    assert len(load_pages) == 27 + 9 + 1
    assert all(p.section == "Belastning pr. uge" for p in load_pages)
