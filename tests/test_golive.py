"""Go-live: the cut-over steps read from the plan's own dates, the deadlines of the first three months after
go-live and their load, the scope with no holes, and a plan without these sections (warnings, still builds).

The example's first month is worked out by hand in the comments (go-live Monday 1 March 2027)."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from progress_support import progress_text, project

from conftest import (
    ROOT,
    add_key,
    at_key,
    drop_key,
    errors_for,
    example_text,
    run_cli,
    set_value,
    warnings_for,
)
from konverteringsplan.analysis import analyse
from konverteringsplan.build import build_output, validate_plan
from konverteringsplan.texts import site
from konverteringsplan.texts import validation as say

# efter_go_live.frister by position (the items are named by "frist", not an id)
INVESTIGATIONS, FIRST_FOLLOW_UPS, PLACEMENT_REVIEWS = 0, 1, 3


def without_go_live(text: str) -> str:
    """The example without overgang, efter_go_live and omfang."""
    for section in ("overgang", "efter_go_live", "omfang"):
        text = drop_key(text, (section,))
    return text


@pytest.fixture(scope="module")
def figures():
    plan, _ = validate_plan(ROOT / "plan.yaml")
    return plan, analyse(plan)


# --- the cut-over ----------------------------------------------------------------------------------


def test_steps_come_in_the_right_order_from_the_plans_own_dates(figures):
    plan, f = figures
    ids = [s.id for s in f.golive.steps]
    order = ["testkonvertering", "udtraek", "levering", "frysning", "go_no_go_moede", "go_live"]
    assert [i for i in ids if i in order] == order
    steps = {s.id: s for s in f.golive.steps}
    # read, never retyped: go-live, the freeze, the delivery and the closed categories' read access
    assert steps["go_live"].date == plan.project.go_live
    assert steps["frysning"].date == plan.project.freeze.start
    assert steps["levering"].date == plan.vendor_offer.delivery
    closed = [c for c in plan.categories if not c.converted]
    assert [steps[f"laeseadgang_{c.id}"].date for c in closed] == [c.readable_until for c in closed]
    # every step has an owner role of the plan and a check
    roles = {r.id for r in plan.roles}
    assert all(s.owner in roles and s.check for s in f.golive.steps)


def test_moving_go_live_moves_its_step_and_the_deadline_months(write_plan):
    text = set_value(example_text(), ("projekt", "go_live"), "2027-03-08")
    plan, _ = validate_plan(write_plan(text))
    f = analyse(plan)
    assert next(s for s in f.golive.steps if s.id == "go_live").date.isoformat() == "2027-03-08"
    assert f.golive.months[0].first.isoformat() == "2027-03-08"  # the go-live month counts from go-live


def test_extraction_before_the_test_conversion_is_an_error_at_its_line(write_plan):
    text = set_value(example_text(), ("overgang", "udtraek"), "2027-01-20")
    out = errors_for(write_plan, text)
    assert at_key(text, ("overgang", "udtraek")) in out
    order = say.STEP_ORDER.format(
        later=say.STEP_EXTRACTION,
        later_date="20. januar 2027",
        earlier=say.STEP_TEST_CONVERSION,
        earlier_date="25. januar 2027",
    )
    assert order in out


def test_go_no_go_meeting_on_go_live_day_is_an_error(write_plan):
    path = ("overgang", "go_no_go_moede", "dato")
    text = set_value(example_text(), path, "2027-03-01")
    out = errors_for(write_plan, text)
    before = say.STEP_BEFORE_GO_LIVE.format(what=say.STEP_GO_NO_GO, date="1. marts 2027", go_live="1. marts 2027")
    assert at_key(text, path) in out and before in out


def test_payments_cannot_move_before_go_live(write_plan):
    text = add_key(example_text(), ("overgang", "betalinger"), "dato", "2027-02-20")
    out = errors_for(write_plan, text)
    not_before = say.STEP_NOT_BEFORE_GO_LIVE.format(
        what=say.STEP_PAYMENTS, date="20. februar 2027", go_live="1. marts 2027", system="SBSYS"
    )
    assert at_key(text, ("overgang", "betalinger", "dato")) in out and not_before in out


def test_unknown_owner_role_is_named_with_a_suggestion(write_plan):
    path = ("overgang", "betalinger", "ansvarlig")
    text = set_value(example_text(), path, "okonomi")
    out = errors_for(write_plan, text)
    roles = "oekonomimedarbejder, projektleder, sagsbehandler, studentermedhjaelper, superbruger"
    unknown = say.UNKNOWN_ID.format(
        kind=say.KIND_ROLE, value="okonomi", known=say.USE_ONE_OF.format(guess="", listed=roles), section="roller"
    )
    assert at_key(text, path) in out and unknown in out


def test_role_pages_and_calendars(tmp_path):
    (tmp_path / "plan.yaml").write_text(example_text(), encoding="utf-8")
    output, _, _ = build_output(tmp_path / "plan.yaml", ROOT / "docs")
    files = output.contents()
    page = files["golive/oekonomimedarbejder.md"]
    assert "# Det gør jeg på go-live-dagen: Økonomimedarbejder" in page
    payments, first_run = site.STEP_PAYMENTS.format(system="SBSYS"), site.STEP_FIRST_RUN
    assert payments in page and first_run in page
    cal = Calendar.from_ical(files["downloads/golive-oekonomimedarbejder.ics"])
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {payments, first_run}
    first = events[first_run]
    assert first.decoded("dtstart").isoformat() == "2027-03-25"  # an all-day event
    assert site.STEP_FIRST_RUN_CHECK.format(system="SBSYS") in str(first["description"])
    everyone = Calendar.from_ical(files["downloads/golive.ics"])
    assert len(list(everyone.walk("VEVENT"))) == len(analyse(output.plan).golive.steps)


# --- a plan without the new sections -------------------------------------------------------------------


def test_plan_without_the_new_sections_validates_with_warnings_and_builds(tmp_path, write_plan):
    text = without_go_live(example_text())
    out = warnings_for(write_plan, text)
    assert say.CUT_OVER_MISSING in out and say.AFTER_GO_LIVE_MISSING in out and say.SCOPE_MISSING in out
    output, _, _ = build_output(write_plan(text), ROOT / "docs")
    files = output.contents()
    assert "Overgangen er ikke planlagt endnu" in files["golive/index.md"]
    assert not [p for p in files if p.startswith("golive/frister-")]
    assert "| Go-live i DUBU | mandag den 1. marts 2027 |" in files["index.md"]


def test_missing_parts_of_the_cut_over_are_one_warning(write_plan):
    text = drop_key(example_text(), ("overgang", "betalinger"))
    out = warnings_for(write_plan, text)
    assert at_key(text, ("overgang",)) in out and say.CUT_OVER_PARTS_MISSING.format(missing="betalinger") in out


# --- deadlines after go-live -------------------------------------------------------------------------------


def test_first_month_worked_out_by_hand(figures):
    _, f = figures
    march = f.golive.months[0]
    assert march.key == "2027-03"
    # 15 investigations x 90 min = 22,5 h; 95 first follow-ups (foerste_opfoelgninger) x 30 min = 47,5 h;
    # 12 plans x 60 min = 12 h; 8 placement re-assessments x 45 min = 6 h: 130 cases, 88 hours
    assert [(r.kind.value, r.cases, r.hours) for r in march.rows] == [
        ("undersoegelse", 15, 22.5),
        ("foerste_opfoelgning", 95, 47.5),
        ("barnets_plan", 12, 12.0),
        ("revurdering_anbringelse", 8, 6.0),
    ]
    assert (march.cases, march.hours) == (130, 88.0)
    # March 2027 has 23 weekdays; Maundy Thursday 25, Good Friday 26 and Easter Monday 29 March are holidays:
    # 20 working days, 88 / 20 = 4,4 h a day. Week 9 (1-5 March): 22 h; week 12 (22-26 March, 3 days): 13,2 h.
    weeks = {w.week[1]: w for w in march.weeks["sagsbehandler"]}
    assert weeks[9].deadlines == pytest.approx(22.0)
    assert weeks[12].deadlines == pytest.approx(13.2)
    # capacity as for the conversion: 16 caseworkers x 6 h = 96 h a week, 3/5 of it in week 12
    assert weeks[9].capacity == pytest.approx(96.0) and weeks[12].capacity == pytest.approx(57.6)
    # the conversion already planned: the legal basis at the first follow-up, 95 cases over March's 20 working
    # days. A case takes 55 min (plan 20 + latest investigation 15 + documents 20), an open investigation 40 (it
    # has no finished investigation yet: that field comes at go-live); the 95 are spread over the 475 cases'
    # categories, 45 of them open investigations: 95 x (430 x 55 + 45 x 40) / 475 min = 84,83 h, 4,24 h a day,
    # 21,2 h in week 9
    assert weeks[9].conversion == pytest.approx(95 * (430 * 55 + 45 * 40) / 475 / 60 / 20 * 5)
    assert not march.overloads


def test_deadline_load_above_capacity_is_a_warning_naming_role_and_week(write_plan):
    text = set_value(example_text(), ("efter_go_live", "frister", INVESTIGATIONS, "minutter"), "2000")
    out = warnings_for(write_plan, text)
    # March: 15 x 2000 min = 500 h + 47,5 + 12 + 6 = 565,5 h over 20 working days = 28,275 h a day; week 9 (5 days)
    # has 141,4 h of deadlines + 21,2 h conversion (see the test above) = 162,6 h > 96 h. The warning stands at the role of the entry.
    assert f"{at_key(text, ('efter_go_live', 'frister', INVESTIGATIONS, 'rolle'))}7: efter_go_live.frister" in out
    overload = say.DEADLINE_OVERLOAD.format(
        role="Sagsbehandler",
        load="162,6 timer",
        week=say.WEEK.format(week="uge 9", date="1. marts 2027"),
        deadlines="141,4 timer",
        conversion="21,2 timer",
        capacity="96 timer",
        excess="66,6 timer",
    )
    assert overload in out


def test_an_investigation_cannot_reach_its_deadline_more_than_4_months_after_go_live(write_plan):
    path = ("efter_go_live", "frister", INVESTIGATIONS, "antal")
    text = set_value(example_text(), path, "{2027-03: 15, 2027-04: 17, 2027-08: 13}")
    out = errors_for(write_plan, text)
    too_late = say.INVESTIGATION_TOO_LATE.format(go_live="1. marts 2027", latest="1. juli 2027", month="August 2027")
    assert too_late in out


def test_first_follow_ups_are_read_not_retyped(write_plan):
    text = add_key(example_text(), ("efter_go_live", "frister", FIRST_FOLLOW_UPS), "antal", "{2027-03: 95}")
    out = errors_for(write_plan, text)
    path = ("efter_go_live", "frister", FIRST_FOLLOW_UPS, "antal")
    assert at_key(text, path) in out and say.DEADLINE_FOLLOW_UP_COUNTS in out


def test_more_deadlines_than_cases_in_the_category_is_an_error(write_plan):
    path = ("efter_go_live", "frister", PLACEMENT_REVIEWS, "antal")
    text = set_value(example_text(), path, "{2027-03: 80, 2027-04: 90, 2027-05: 7}")
    out = errors_for(write_plan, text)
    above = say.DEADLINES_ABOVE_CATEGORY.partition(": ")[2].format(
        total="177", category="Åbne sager med anbringelse", count="110"
    )
    assert above in out


# --- scope with no holes ---------------------------------------------------------------------------------


def test_counts_that_cannot_be_distinct_are_a_warning(write_plan):
    text = set_value(example_text(), ("omfang", "aabne_sager_i_alt"), "450")
    out = warnings_for(write_plan, text)
    assert at_key(text, ("omfang", "aabne_sager_i_alt")) in out
    twice = say.SCOPE_COUNTED_TWICE.partition("{order}")[0].format(sum="475", total="450", twice="25")
    assert twice in out and "aabne_anbringelser, aabne_undersoegelser" in out


def test_open_cases_in_no_category_are_a_hole(write_plan):
    text = set_value(example_text(), ("omfang", "aabne_sager_i_alt"), "500")
    assert say.SCOPE_IN_NONE.format(total="500", sum="475", none="25") in warnings_for(write_plan, text)


def test_undecided_case_kinds_are_named(write_plan):
    out = warnings_for(write_plan, drop_key(example_text(), ("omfang", "afdaekninger")))
    assert say.SCOPE_PART_MISSING.format(key="afdaekninger", what=say.SCOPE_PART_WHAT["afdaekninger"]) in out


# --- progress: steps done, days to go-live ------------------------------------------------------------------


def test_front_page_counts_days_from_the_progress_file_not_the_clock(tmp_path):
    (tmp_path / "plan.yaml").write_text(example_text(), encoding="utf-8")
    (tmp_path / "fremdrift.yaml").write_text((ROOT / "fremdrift.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    output, _, _ = build_output(tmp_path / "plan.yaml", ROOT / "docs")
    files = output.contents()
    # latest date in fremdrift.yaml: 19 February 2027; go-live 1 March 2027: 10 days. 4 of 17 steps are done.
    assert "| Dage til go-live | 10 (fra 19. februar 2027, seneste dato i fremdrift.yaml) |" in files["index.md"]
    assert "| Åbne go-live-trin | 13 af 17 |" in files["index.md"]
    assert "| Go/no-go | No-go: 4 af 5 kriterier er ikke opfyldt |" in files["index.md"]
    assert "| udtraek | udført 8. februar 2027 (Projektleder Agnes Jensen) |" in files["golive/index.md"]


def test_unknown_step_in_the_progress_file_is_an_error(tmp_path):
    (tmp_path / "plan.yaml").write_text(example_text(), encoding="utf-8")
    step = ("overgang", 1, "trin")  # the done steps are named by "trin": udtraek is the second
    progress = set_value((ROOT / "fremdrift.yaml").read_text(encoding="utf-8"), step, "udtrak")
    (tmp_path / "fremdrift.yaml").write_text(progress, encoding="utf-8")
    result = run_cli("validate", str(tmp_path / "plan.yaml"))
    assert result.returncode == 1
    assert say.STEP_NOT_IN_PLAN.format(step="udtrak", guess=say.MEANT.format(meant="udtraek")) in result.stderr
    assert at_key(progress, step, file="fremdrift.yaml") in result.stderr


def test_scaffold_plan_has_placeholders_for_the_cut_over():
    scaffold = (Path(ROOT) / "generator" / "scaffold" / "plan.yaml").read_text(encoding="utf-8")
    assert "overgang:" in scaffold and "efter_go_live:" in scaffold and "omfang:" in scaffold


# --- finance reconciliation (fremdrift.yaml, afstemning.oekonomi) -------------------------------------------


def test_finance_reconciliation_is_shown_signed_off_and_explained(tmp_path):
    output, _, _ = build_output(project(tmp_path, progress_text()), ROOT / "docs")
    page = output.contents()["fremdrift/afstemning.md"]
    assert '!!! success "Godkendt af økonomi"' in page
    # 4.803.200 - 4.815.200 = −12.000 kr. and 211 − 212 = −1 payment, both covered by the one explanation
    assert "| Februar 2027 | 4.815.200 kr. | 4.803.200 kr. | −12.000 kr. | 0 kr. | 212 | 211 | 0 |" in page
    assert "| Barnets Lov § 46 | 72 | 72 | 0 | 0 |" in page


def test_an_unexplained_amount_is_a_warning_before_go_live_at_its_line(tmp_path):
    progress = set_value(progress_text(), ("afstemning", "oekonomi", "forklaringer", 0, "beloeb"), "10000")
    result = run_cli("validate", str(project(tmp_path, progress)))
    assert result.returncode == 0, result.stderr
    assert at_key(progress, ("afstemning", "oekonomi", "maaneder", 0), file="fremdrift.yaml") in result.stdout
    unexplained = say.FINANCE_AMOUNT_UNEXPLAINED.format(
        month="2027-02", amount="2.000 kr.", old="4.815.200 kr.", dubu="4.803.200 kr.", when=say.BEFORE_GO_LIVE_WARNING
    )
    assert unexplained in result.stdout


def test_an_unexplained_placement_difference_is_an_error_after_go_live(tmp_path):
    sel_58 = 3  # afstemning.oekonomi.anbringelser by position: grundlag SEL § 58
    progress = set_value(progress_text(), ("afstemning", "oekonomi", "anbringelser", sel_58, "dubu"), "2")
    progress = set_value(progress, ("status", "2027-02-19", "dato"), "2027-03-02")  # the latest count: after go-live
    result = run_cli("validate", str(project(tmp_path, progress)))
    assert result.returncode == 1
    unexplained = say.FINANCE_BASIS_UNEXPLAINED.format(
        basis="SEL § 58", n=1, placements=say.PLACEMENT_WORDS[0], old=3, dubu=2, when=say.AFTER_GO_LIVE_ERROR
    )
    assert unexplained in result.stderr


def test_finance_without_sign_off_is_a_warning(tmp_path):
    progress = drop_key(progress_text(), ("afstemning", "oekonomi", "godkendt_af"))
    progress = drop_key(progress, ("afstemning", "oekonomi", "godkendt_dato"))
    result = run_cli("validate", str(project(tmp_path, progress)))
    assert result.returncode == 0 and say.FINANCE_NOT_SIGNED in result.stdout


def test_first_run_before_the_payments_move_is_a_warning(write_plan):
    path = ("overgang", "betalinger", "foerste_koersel")
    text = set_value(example_text(), path, "2027-02-25")
    out = warnings_for(write_plan, text)
    order = say.STEP_ORDER.format(
        later=say.STEP_FIRST_RUN,
        later_date="25. februar 2027",
        earlier=say.STEP_PAYMENTS,
        earlier_date="1. marts 2027",
    )
    assert at_key(text, path) in out and order in out


def test_extraction_before_the_freeze_without_re_entry_is_a_warning(write_plan):
    text = drop_key(example_text(), ("projekt", "frysning", "genindtastning"))
    out = warnings_for(write_plan, text)
    before = say.EXTRACTION_BEFORE_FREEZE.format(date="8. februar 2027", freeze="15. februar 2027", system="SBSYS")
    assert at_key(text, ("overgang", "udtraek")) in out and before in out
