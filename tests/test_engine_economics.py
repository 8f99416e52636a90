"""Effort, cost per option, break-even, ±25 % sensitivity and the decision matrix, worked out by hand.

Base plan (tests/engine_plans.py): A = 100 cases (route automatisk), M = 40 cases (manuel).
Per case: f1 6 min + f2 12 min (student, 150 kr./h); f3 30 min, f5 20 min on all cases and f4 15 min on M
only (caseworker, 400 kr./h). The vendor covers f1 and f3; it costs 10.000 kr. + 50 kr. per case and
needs a 6-minute check per case by the caseworker.
"""

from __future__ import annotations

import pytest
from engine_plans import make_plan, plan_data

from konverteringsplan.analysis import analyse
from konverteringsplan.analysis.guide import control_view
from konverteringsplan.analysis.kinds import WorkKind
from konverteringsplan.pages.render import render


def costs(plan):
    return {c.option.id: c for c in analyse(plan).planning.options}


def test_effort_per_role_and_option_counts_only_what_people_enter():
    c = costs(make_plan())
    # manual: every field by hand. student (100+40) × 18 min; caseworker 140 × 30 + 40 × 15 + 140 × 20 min
    assert c["manuel"].hours["student"] == pytest.approx(140 * 18 / 60)  # 42 h
    assert c["manuel"].hours["sb"] == pytest.approx((140 * 30 + 40 * 15 + 140 * 20) / 60)  # 126,67 h
    # automatic: the vendor does f1 and f3 on all 140 cases; the caseworker checks 140 × 6 min
    assert c["automatisk"].hours["student"] == pytest.approx(140 * 12 / 60)  # 28 h
    assert c["automatisk"].hours["sb"] == pytest.approx((40 * 15 + 140 * 20 + 140 * 6) / 60)  # 70,67 h
    # mixed: only A goes to the vendor
    assert c["blandet"].hours["student"] == pytest.approx((100 * 12 + 40 * 18) / 60)  # 32 h
    # the chosen option is the plan's own load, rounded once to 0,01 h (what every page and download shows)
    assert c["blandet"].hours["sb"] == pytest.approx(
        (40 * 30 + 40 * 15 + 140 * 20 + 100 * 6) / 60, abs=0.005
    )  # 86,67 h


def test_cost_per_option_is_vendor_price_plus_hours_times_rates():
    c = costs(make_plan())
    assert c["manuel"].vendor_price == 0
    assert c["manuel"].total == pytest.approx(42 * 150 + 380 / 3 * 400)  # 56.966,67 kr.
    assert c["automatisk"].vendor_price == 10_000 + 50 * 140
    assert c["automatisk"].total == pytest.approx(17_000 + 28 * 150 + 212 / 3 * 400)  # 49.466,67 kr.
    assert c["blandet"].vendor_price == 10_000 + 50 * 100
    assert c["blandet"].total == pytest.approx(15_000 + 32 * 150 + 260 / 3 * 400)  # 54.466,67 kr.


def test_break_even_is_where_the_fixed_price_is_paid_back():
    be = analyse(make_plan()).planning.break_even
    # Per case the vendor saves 6 min × 150 kr./h + 30 min × 400 kr./h = 15 + 200 = 215 kr.
    # and costs 50 kr. + 6 min × 400 kr./h = 90 kr.: 125 kr. net. 10.000 / 125 = 80 cases break even,
    # so from 81 cases the automatic conversion is cheaper; the plan has 140.
    assert be.manual_per_case - be.automatic_per_case == pytest.approx(125)
    assert be.cases == 81
    assert be.automatic_cheaper_now
    # A vendor that saves nothing never pays off.
    data = plan_data()
    data["leverandoertilbud"]["pris_pr_sag"] = 300
    assert analyse(make_plan(data)).planning.break_even.cases is None


@pytest.mark.parametrize("m_route, routed", [("manuel", 100), ("automatisk", 140)])
def test_the_vendors_cases_are_one_number_wherever_they_are_shown(m_route, routed):
    """The decision page (price of the chosen option, break-even on the routed cases), the caseworker's guide,
    the control guide and the weekly load count the same cases routed to the vendor, and follow the plan's
    routes together."""
    data = plan_data()
    data["sagskategorier"][1]["rute"] = m_route
    plan = make_plan(data)
    figures = analyse(plan)
    pf = figures.planning
    assert pf.chosen_cost.vendor_cases == routed
    assert pf.chosen_cost.vendor_price == 10_000 + 50 * routed
    assert pf.break_even_routed.cases_now == routed
    assert figures.guides["sb"].control[1:] == (routed, 6)
    assert control_view(plan).vendor_cases == routed
    check = [w for w in pf.load.works if w.kind is WorkKind.control]
    assert sum(w.hours for w in check) == pytest.approx(routed * 6 / 60)


def test_sensitivity_shows_when_the_cheapest_option_changes():
    data = plan_data()
    data["leverandoertilbud"]["fast_pris"] = 15_000  # break-even 15.000 / 125 = 120 cases < 140
    sens = {s.factor: s for s in analyse(make_plan(data)).planning.sensitivity}
    # as planned: automatic 15.000 + 7.000 + 32.466,67 = 54.466,67 < manual 56.966,67
    assert sens[1.0].ranking[0] == "automatisk"
    # 25 % fewer minutes: net saving 175 × 0,75 - 50 = 81,25 kr. per case; 15.000 / 81,25 = 185 cases > 140
    manual = next(c for c in sens[0.75].costs if c.option.id == "manuel")
    assert manual.total == pytest.approx(0.75 * (42 * 150 + 380 / 3 * 400))  # 42.725 kr.
    assert sens[0.75].ranking[0] == "manuel"
    assert sens[1.25].ranking[0] == "automatisk"
    page = next(p for p in render(make_plan(data)).pages if p.path == "oekonomi.md").markdown
    assert "Rangordningen efter pris ændrer sig" in page
    assert "med minutter 25 % lavere er **Manuel** billigst i stedet for **Automatisk**" in page


def test_break_even_and_costs_are_on_the_economy_page():
    page = next(p for p in render(make_plan()).pages if p.path == "oekonomi.md").markdown
    assert "| Den faste pris tjener sig hjem fra | 81 sager | 81 sager |" in page
    assert "| Manuel | 0 | 0 kr. | 168,7 timer | 56.967 kr. | **56.967 kr.** |" in page  # 42 + 126,67 h
    assert "| Blandet (valgt) | 100 | 15.000 kr. |" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page


def test_decision_matrix_ranks_by_weighted_score_and_says_when_the_decision_differs():
    plan = make_plan()
    m = analyse(plan).planning.matrix
    # blandet 0,4×3 + 0,3×4 + 0,3×5 = 3,9; manuel 1,6 + 0,6 + 1,2 = 3,4; automatisk 0,8 + 1,5 + 0,9 = 3,2
    assert [(r.option.id, r.weighted, r.rank) for r in m.rows] == [
        ("blandet", 3.9, 1),
        ("manuel", 3.4, 2),
        ("automatisk", 3.2, 3),
    ]
    assert not m.differs
    page = next(p for p in render(plan).pages if p.path == "konverteringsform.md").markdown
    assert "Beslutningen følger den beregnede rangordning" in page

    data = plan_data()
    data["konverteringsform"]["beslutning"]["valgt"] = "manuel"
    plan = make_plan(data)
    assert analyse(plan).planning.matrix.differs
    page = next(p for p in render(plan).pages if p.path == "konverteringsform.md").markdown
    assert "Beslutningen følger ikke den beregnede rangordning" in page
    assert "Der er valgt **Manuel**" in page and "det er **Blandet**, der får flest vægtede point" in page
