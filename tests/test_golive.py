"""Go-live: the cut-over steps read from the plan's own dates, the deadlines of the first three months after
go-live and their load, the scope with no holes, and a plan without these sections (warnings, still builds).

The example's first month is worked out by hand in the comments (go-live Monday 1 March 2027)."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from progress_support import progress_text, project

from conftest import ROOT, at, edit, errors_for, example_text, line_of, run_cli, warnings_for
from konverteringsplan.analysis import analyse
from konverteringsplan.build import build_output, validate_plan
from konverteringsplan.texts import validation as say

GO_LIVE_SECTIONS = (
    "\n# ---------------------------------------------------------------------------\n# Go-live: overgangen"
)


def without_go_live(text: str) -> str:
    """The example without overgang, efter_go_live and omfang (they are the last sections of the plan)."""
    assert GO_LIVE_SECTIONS in text
    return text.split(GO_LIVE_SECTIONS)[0] + "\n"


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
    text = edit(example_text(), "  go_live: 2027-03-01", "  go_live: 2027-03-08")
    plan, _ = validate_plan(write_plan(text))
    f = analyse(plan)
    assert next(s for s in f.golive.steps if s.id == "go_live").date.isoformat() == "2027-03-08"
    assert f.golive.months[0].first.isoformat() == "2027-03-08"  # the go-live month counts from go-live


def test_extraction_before_the_test_conversion_is_an_error_at_its_line(write_plan):
    text = edit(example_text(), "  udtraek: 2027-02-08", "  udtraek: 2027-01-20")
    out = errors_for(write_plan, text)
    assert at(text, "  udtraek: 2027-01-20") in out
    assert "udtrækket (20. januar 2027) skal ligge efter testkonverteringen (25. januar 2027)" in out


def test_go_no_go_meeting_on_go_live_day_is_an_error(write_plan):
    text = edit(example_text(), "    dato: 2027-02-26\n    beslutter", "    dato: 2027-03-01\n    beslutter")
    out = errors_for(write_plan, text)
    assert at(text, "    dato: 2027-03-01") in out and "skal ligge før go-live" in out


def test_payments_cannot_move_before_go_live(write_plan):
    text = edit(
        example_text(), "    foerste_koersel: 2027-03-25", "    dato: 2027-02-20\n    foerste_koersel: 2027-03-25"
    )
    out = errors_for(write_plan, text)
    assert at(text, "    dato: 2027-02-20") in out and "indtil da kører det i SBSYS" in out


def test_unknown_owner_role_is_named_with_a_suggestion(write_plan):
    text = edit(example_text(), "    ansvarlig: oekonomimedarbejder\n  danmarks", "    ansvarlig: okonomi\n  danmarks")
    out = errors_for(write_plan, text)
    assert at(text, "    ansvarlig: okonomi") in out and "oekonomimedarbejder" in out


def test_role_pages_and_calendars(tmp_path):
    (tmp_path / "plan.yaml").write_text(example_text(), encoding="utf-8")
    output, _, _ = build_output(tmp_path / "plan.yaml", ROOT / "docs")
    files = output.contents()
    page = files["golive/oekonomimedarbejder.md"]
    assert "# Det gør jeg på go-live-dagen: Økonomimedarbejder" in page
    assert "Betalingerne flytter fra SBSYS til DUBU" in page and "Første betalingskørsel i DUBU" in page
    cal = Calendar.from_ical(files["downloads/golive-oekonomimedarbejder.ics"])
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Betalingerne flytter fra SBSYS til DUBU", "Første betalingskørsel i DUBU"}
    first = events["Første betalingskørsel i DUBU"]
    assert first.decoded("dtstart").isoformat() == "2027-03-25"  # an all-day event
    assert "beløbet pr. måned og antallet af betalinger" in str(first["description"])
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
    text = edit(
        example_text(),
        "  betalinger:                        # flytter på go-live-dagen (dato udeladt: go-live)\n"
        "    foerste_koersel: 2027-03-25      # ANTAGELSE: den første månedlige kørsel i DUBU\n"
        "    ansvarlig: oekonomimedarbejder\n",
        "",
    )
    out = warnings_for(write_plan, text)
    assert at(text, "overgang:") in out and "Overgangen mangler betalinger." in out


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
    text = edit(
        example_text(),
        "      minutter: 90\n      antal: {2027-03: 15",
        "      minutter: 2000\n      antal: {2027-03: 15",
    )
    out = warnings_for(write_plan, text)
    # March: 15 x 2000 min = 500 h + 47,5 + 12 + 6 = 565,5 h over 20 working days = 28,275 h a day; week 9 (5 days)
    # has 141,4 h of deadlines + 21,2 h conversion (see the test above) = 162,6 h > 96 h. The warning stands at the role of the entry.
    role_line = line_of(text, "- frist: undersoegelse") + 2
    assert f"plan.yaml:{role_line}:7: efter_go_live.frister" in out
    assert "Sagsbehandler: 162,6 timer i uge 9 (ugen fra 1. marts 2027) (141,4 timer til frister efter go-live" in out
    assert "kapaciteten er 96 timer; 66,6 timer for meget" in out


def test_an_investigation_cannot_reach_its_deadline_more_than_4_months_after_go_live(write_plan):
    text = edit(
        example_text(),
        "antal: {2027-03: 15, 2027-04: 17, 2027-05: 13}",
        "antal: {2027-03: 15, 2027-04: 17, 2027-08: 13}",
    )
    out = errors_for(write_plan, text)
    assert "Barnets Lov § 20" in out and "senest 1. juli 2027" in out


def test_first_follow_ups_are_read_not_retyped(write_plan):
    text = edit(example_text(), "      minutter: 30\n", "      minutter: 30\n      antal: {2027-03: 95}\n")
    out = errors_for(write_plan, text)
    assert at(text, "      antal: {2027-03: 95}") in out and "foerste_opfoelgninger" in out


def test_more_deadlines_than_cases_in_the_category_is_an_error(write_plan):
    text = edit(
        example_text(), "antal: {2027-03: 8, 2027-04: 9, 2027-05: 7}", "antal: {2027-03: 80, 2027-04: 90, 2027-05: 7}"
    )
    out = errors_for(write_plan, text)
    assert "177 sager i alt, men sagskategorien Åbne sager med anbringelse har kun 110" in out


# --- scope with no holes ---------------------------------------------------------------------------------


def test_counts_that_cannot_be_distinct_are_a_warning(write_plan):
    text = edit(example_text(), "  aabne_sager_i_alt: 475", "  aabne_sager_i_alt: 450")
    out = warnings_for(write_plan, text)
    assert at(text, "  aabne_sager_i_alt: 450") in out
    assert "mindst 25 sager er talt i to kategorier" in out and "aabne_anbringelser, aabne_undersoegelser" in out


def test_open_cases_in_no_category_are_a_hole(write_plan):
    text = edit(example_text(), "  aabne_sager_i_alt: 475", "  aabne_sager_i_alt: 500")
    assert "25 sager er ikke i nogen kategori" in warnings_for(write_plan, text)


def test_undecided_case_kinds_are_named(write_plan):
    text = example_text()
    start = text.index("  afdaekninger:\n")
    end = text.index("  # En sag, der passer i to kategorier")
    out = warnings_for(write_plan, text[:start] + text[end:])
    assert 'omfang mangler "afdaekninger"' in out


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
    progress = (ROOT / "fremdrift.yaml").read_text(encoding="utf-8").replace("  - trin: udtraek", "  - trin: udtrak")
    (tmp_path / "fremdrift.yaml").write_text(progress, encoding="utf-8")
    result = run_cli("validate", str(tmp_path / "plan.yaml"))
    assert result.returncode == 1
    assert '"udtrak" er ikke et trin i planens overgang' in result.stderr and 'Mente du "udtraek"?' in result.stderr
    assert f"fremdrift.yaml:{line_of(progress, 'trin: udtrak')}:" in result.stderr


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
    progress = edit(progress_text(), "        beloeb: 12000\n", "        beloeb: 10000\n")
    result = run_cli("validate", str(project(tmp_path, progress)))
    assert result.returncode == 0, result.stderr
    line = line_of(progress, "      - maaned: 2027-02")
    assert f"fremdrift.yaml:{line}:" in result.stdout
    assert "2027-02: 2.000 kr. af forskellen er ikke forklaret" in result.stdout


def test_an_unexplained_placement_difference_is_an_error_after_go_live(tmp_path):
    progress = edit(
        progress_text(),
        "      - grundlag: SEL § 58\n        gammelt_system: 3\n        dubu: 3",
        "      - grundlag: SEL § 58\n        gammelt_system: 3\n        dubu: 2",
    )
    progress = edit(progress, "  - dato: 2027-02-19\n    arbejdspakker:", "  - dato: 2027-03-02\n    arbejdspakker:")
    result = run_cli("validate", str(project(tmp_path, progress)))
    assert result.returncode == 1
    assert "SEL § 58: 1 anbringelse af forskellen er ikke forklaret" in result.stderr


def test_finance_without_sign_off_is_a_warning(tmp_path):
    progress = edit(progress_text(), "    godkendt_af: Økonomimedarbejder\n    godkendt_dato: 2027-02-19\n", "")
    result = run_cli("validate", str(project(tmp_path, progress)))
    assert result.returncode == 0 and "ikke godkendt af økonomi" in result.stdout


def test_first_run_before_the_payments_move_is_a_warning(write_plan):
    text = edit(example_text(), "    foerste_koersel: 2027-03-25", "    foerste_koersel: 2027-02-25")
    out = warnings_for(write_plan, text)
    assert at(text, "    foerste_koersel: 2027-02-25") in out and "den første betalingskørsel" in out


def test_extraction_before_the_freeze_without_re_entry_is_a_warning(write_plan):
    text = example_text()
    start = text.index("    genindtastning:\n")
    end = text.index("        timer: 8\n", start) + len("        timer: 8\n")
    text = text[:start] + text[end:]
    out = warnings_for(write_plan, text)
    assert at(text, "  udtraek: 2027-02-08") in out and "Udtrækket (8. februar 2027) ligger før frysningen" in out
