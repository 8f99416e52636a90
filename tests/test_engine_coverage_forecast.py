"""Coverage (every field of every converted case has an owner and a time) and the completion forecast,
checked by hand against tests/engine_plans.py."""

from __future__ import annotations

from engine_plans import SESSION, make_plan, messages, plan_data

from conftest import like
from konverteringsplan.analysis import analyse
from konverteringsplan.pages.render import render
from konverteringsplan.texts import validation as say


def errors(data):
    return [m for m in messages(data) if m.is_error]


def test_the_base_plan_covers_every_field():
    pf = analyse(make_plan()).planning
    assert pf.missing == []
    owners = {(r.need.category.id, r.need.field.id): {o.kind for o in r.owners} for r in pf.coverage}
    assert owners[("a", "f1")] == {"leverandoer"}  # automatic field on an automatic category
    assert owners[("m", "f1")] == {"arbejdspakke"}  # the same field on a manual category
    assert owners[("a", "f5")] == {"opfoelgning"}
    assert ("a", "f4") not in owners  # f4 applies to M only


def test_a_field_nobody_enters_is_an_error_naming_category_and_field():
    data = plan_data()
    del data["arbejdspakker"][0]  # "Basis på M" gone: f1 and f2 on M have no owner
    found = [m for m in errors(data) if like(say.FIELD_NOBODY).match(m.text)]
    assert {m.text.split('"')[1] for m in found} == {"Felt et", "Felt to"}
    on_m = like(say.FIELD_NOBODY, category="Kategori M", category_id="m", group_id="basis")
    assert all(on_m.match(m.text) for m in found)
    assert all(m.key.startswith("minimumsoplysninger.feltgrupper[basis].felter[") for m in found)


def test_a_session_covers_only_the_cases_it_converts():
    data = plan_data(undervisning={"sessioner": [SESSION]})
    del data["arbejdspakker"][0]
    found = [m.text for m in errors(data) if like(say.FIELD_NOBODY).match(m.text)]
    part = say.FIELD_NOBODY_PART.format(missing=30, count=40)
    assert len(found) == 2 and all(like(say.FIELD_NOBODY, part=part).match(t) for t in found)  # 2 × 5 = 10 of 40


def test_the_vendor_covers_only_automatic_fields_of_automatic_categories():
    data = plan_data()
    del data["arbejdspakker"][1]  # "Basis på A" gone: f1 stays covered by the vendor, f2 does not
    found = [m.text for m in errors(data) if like(say.FIELD_NOBODY).match(m.text)]
    assert len(found) == 1 and like(say.FIELD_NOBODY, field="Felt to", category="Kategori A").match(found[0])


def test_a_go_live_field_planned_only_at_the_first_follow_up_is_a_warning():
    data = plan_data()
    data["arbejdspakker"][2]["tidspunkt"] = "foerste_opfoelgning"
    for key in ("fra", "til", "frist"):
        data["arbejdspakker"][2].pop(key)
    late = [m.text for m in messages(data) if not m.is_error and like(say.FIELD_LATE).match(m.text)]
    # f3 on A is the vendor's; f3 and f4 on M are left to the follow-up
    assert {t.split('"')[1] for t in late} == {"Felt tre", "Felt fire"}
    assert all(like(say.FIELD_LATE, category="Kategori M").match(t) for t in late) and len(late) == 2


def test_completion_curve_week_by_week():
    fc = analyse(make_plan()).planning.forecast
    by_week = {p.week: p for p in fc.points}
    assert fc.total == 140
    # Minimum content: M needs "Basis på M" (4-15 Jan) and "Indsats" (30 working days from 18 Jan);
    # A needs the vendor (12 Feb) and "Basis på A" (15-26 Feb).
    # 7: Indsats has 20 of its 110 spare hours in week 3 (the vendor check takes 10 h of its last 11 days), A nothing
    assert by_week[(2027, 3)].minimum == int(40 * 20 / 110)
    # 84: Indsats's spare hours by Sunday 21 February: weeks 3-5 (60), week 6 (16 + 34/11), week 7 (5 x 34/11)
    assert by_week[(2027, 7)].minimum == int(100 * 0.5 + 40 * (60 + 380 / 11) / 110)
    assert by_week[(2027, 8)].minimum == 140
    assert fc.minimum_at_go_live == 140 and fc.full_at_go_live == 0
    # Full legal basis: 84 follow-ups in March (20 working days), 56 in April (22 working days).
    assert by_week[(2027, 11)].full == 84 * 15 // 20  # 63: 15 of March's 20 working days done by 19 March
    assert by_week[(2027, 13)].full == int(84 + 56 * 2 / 22)  # 89: March done + 1-2 April
    assert fc.full_done.week == (2027, 17)  # 30 April is the last working day of April
    assert fc.points[-1].full == 140


def test_the_forecast_is_on_the_plan_page_with_a_table():
    page = next(p for p in render(make_plan()).pages if p.path == "tidsplan.md").markdown
    assert "Ved go-live 1. marts 2027 har **140 af 140** konverterede" in page
    assert "| uge 13 | 29. mar. 2027 | 140 | 89 |" in page
    assert "i uge 17 (2. maj 2027)" in page
