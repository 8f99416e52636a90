"""Each option is costed by its own description (issue 20, point 1), recomputed by hand from the plan's numbers.

The hand recomputation below reads plan.yaml as plain YAML, not through the generator: for an option that is
not chosen, every field of every converted case that the option leaves to people is booked on the role the
option names for its field group (``roller``), else on the field's or the field group's own role; the vendor's
cases add the internal check; every option has the teaching, the re-entry and the activities that do not name
other options. The chosen option is the plan's own work packages (the role of the first package covering a
category and field group). Three plans: the example, one where the vendor takes nothing, one with a summer
holiday inside a work package (tests/shapes.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from shapes import summer, vendorless

from conftest import add_key, example_text, set_value
from konverteringsplan.analysis import analyse
from konverteringsplan.io.load import load_plan_text

MANUAL = ("konverteringsform", "muligheder", "manuel")
PLANS = {"eksempel": example_text, "uden_leverandoer": vendorless, "sommerferie": summer}


def _hours(t1: str, t2: str) -> float:
    a, b = (dt.datetime.strptime(t, "%H:%M") for t in (t1, t2))
    return (b - a).total_seconds() / 3600


def by_hand(data: dict, option_id: str) -> tuple[float, dict[str, float]]:
    """(total kr., hours per role) of one option, from the plan's own numbers."""
    option = next(o for o in data["konverteringsform"]["muligheder"] if o["id"] == option_id)
    chosen = data["konverteringsform"]["beslutning"]["valgt"] == option_id
    converted = [c for c in data["sagskategorier"] if c["rute"] != "ikke_konverteres"]
    offer = data["leverandoertilbud"]
    if chosen or option["type"] == "blandet":
        vendor = {c["id"] for c in converted if c["rute"] == "automatisk"}
    else:
        vendor = {c["id"] for c in converted} if option["type"] == "automatisk" else set()
    package_role = {}
    for wp in data["arbejdspakker"]:
        for c in wp["kategorier"]:
            for g in wp["feltgrupper"]:
                package_role.setdefault((c, g), wp["rolle"])
    hours: dict[str, float] = {}

    def add(role: str, h: float) -> None:
        hours[role] = hours.get(role, 0.0) + h

    for group in data["minimumsoplysninger"]["feltgrupper"]:
        for f in group["felter"]:
            for c in converted:
                if "kategorier" in f and c["id"] not in f["kategorier"]:
                    continue
                if c["id"] in vendor and f.get("automatisk"):
                    continue
                if chosen:
                    role = package_role[(c["id"], group["id"])]
                else:
                    role = option.get("roller", {}).get(group["id"]) or f.get("rolle") or group["rolle"]
                add(role, c["antal"] * f["minutter"] / 60)
    cases = sum(c["antal"] for c in converted if c["id"] in vendor)
    for e in offer["intern_indsats"]:
        add(e["rolle"], cases * e["minutter_pr_sag"] / 60)
    trainer = {p: r["id"] for r in reversed(data["roller"]) for p in r.get("personer", [])}
    for s in data["undervisning"]["sessioner"]:
        add(trainer[s["underviser"]], _hours(s["start"], s["slut"]))
    for r in data["projekt"]["frysning"]["genindtastning"]:
        add(r["rolle"], r["timer"])
    for a in data["aktiviteter"]:
        if a.get("timer") and option_id in a.get("muligheder", [option_id]):
            add(a["ansvarlig"], a["timer"])
    price = offer["fast_pris"] + offer["pris_pr_sag"] * cases if cases else 0
    rates = {r["id"]: r["timepris"] for r in data["roller"]}
    return price + sum(h * rates[r] for r, h in hours.items()), hours


@pytest.mark.parametrize("shape", PLANS)
def test_every_option_is_its_own_description_recomputed_by_hand(shape):
    text = PLANS[shape]()
    data = yaml.safe_load(text)
    plan, _ = load_plan_text(text)
    pf = analyse(plan).planning
    for cost in pf.options:
        total, hours = by_hand(data, cost.option.id)
        assert cost.total == pytest.approx(total, abs=1), cost.option.id
        assert {r: h for r, h in cost.hours.items() if h} == pytest.approx(hours, abs=0.01), cost.option.id
    # the ±25 % table: the same allocation with every minute per case scaled (common work unchanged)
    as_planned = next(s for s in pf.sensitivity if s.factor == 1.0)
    assert {c.option.id: round(c.total) for c in as_planned.costs} == {c.option.id: round(c.total) for c in pf.options}


def test_the_manual_option_pays_students_for_basic_data_and_orders_nothing():
    """The example: "Studentermedhjælpere opretter basisoplysninger" — the vendor's 280 supporting cases get
    their basic data from students at 165 kr./h in the manual option, not from caseworkers at 400 kr./h, and the
    manual option does not order the vendor's conversion (12 hours of the project lead)."""
    plan, _ = load_plan_text(example_text())
    pf = analyse(plan).planning
    manual = next(c for c in pf.options if c.option.id == "manuel")
    # basic data: 5+5+3+3+7 = 23 min on 435 cases with custody holders, 5+3+3+7 = 18 min on the 40 young people
    assert manual.hours["studentermedhjaelper"] == pytest.approx((435 * 23 + 40 * 18) / 60)
    assert manual.hours["projektleder"] == pytest.approx(40)
    assert pf.cheapest.option.id == "manuel"


def test_an_option_can_name_its_own_roles():
    text = add_key(example_text(), MANUAL, "roller", "{basisoplysninger: sagsbehandler}")
    data = yaml.safe_load(text)
    plan, _ = load_plan_text(text)
    manual = next(c for c in analyse(plan).planning.options if c.option.id == "manuel")
    total, hours = by_hand(data, "manuel")
    assert manual.total == pytest.approx(total, abs=1)
    assert not hours.get("studentermedhjaelper") and not manual.hours.get("studentermedhjaelper")


def test_break_even_compares_the_manual_and_the_vendors_own_allocations():
    """Routed cases (the 280 supporting cases): manual per case by the manual option's roles, with the vendor by
    the automatic option's, and the 12 hours of ordering (5.400 kr.) paid once beside the fixed price."""
    data = yaml.safe_load(example_text())
    plan, _ = load_plan_text(example_text())
    be = analyse(plan).planning.break_even_routed
    rates = {r["id"]: r["timepris"] for r in data["roller"]}
    student, caseworker, economy = rates["studentermedhjaelper"], rates["sagsbehandler"], rates["oekonomimedarbejder"]
    # a supporting case: basic data 23 min (student), measures 30, deadlines 5, DST 3 min (caseworker),
    # economy 10 min, legal basis 55 min (caseworker)
    manual = (23 * student + (30 + 5 + 3 + 55) * caseworker + 10 * economy) / 60
    # with the vendor: underretninger 7 min + check 3 min (student), decisions 15, deadlines 5, legal basis 55,
    # check 5 min (caseworker), economy 10 min; plus 75 kr. per case
    vendor = 75 + (10 * student + (15 + 5 + 55 + 5) * caseworker + 10 * economy) / 60
    assert be.manual_per_case == pytest.approx(manual)
    assert be.automatic_per_case == pytest.approx(vendor)
    assert be.fixed_own == pytest.approx(12 * rates["projektleder"])
    assert be.cases == int((50_000 + 12 * rates["projektleder"]) // (manual - vendor)) + 1


def test_an_unknown_option_or_group_in_an_allocation_is_an_error(tmp_path):
    from konverteringsplan.build import validate_plan
    from konverteringsplan.messages import PlanError

    text = set_value(example_text(), ("aktiviteter", "bestil_konvertering", "muligheder"), "[automatisk, blandt]")
    text = add_key(text, MANUAL, "roller", "{basis: sagsbehandler}")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as err:
        validate_plan(path)
    said = "\n".join(str(m) for m in err.value.messages)
    assert "aktiviteter[bestil_konvertering].muligheder" in said and "blandet" in said
    assert "roller.basis" in said
