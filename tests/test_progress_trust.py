"""Progress a project lead can act on (issue 20, points 6–9): quality by route, a status that does not
contradict itself, reconciliation with a sign, and changes after conversion."""

from __future__ import annotations

import pytest
from progress_support import errors, one, progress_text, project, said

from conftest import add_item, drop_key, like, line_of_key, set_value
from konverteringsplan.build import checked_plan
from konverteringsplan.texts import site
from konverteringsplan.texts import validation as say

# key paths in fremdrift.yaml
EXPLANATION = ("afstemning", "forklaringer", "aabne_stoettende")  # 2 cases fewer in DUBU, opened after the extraction
ROUND = ("kontrolrunder", "kontrolrunde_1")
SAMPLE = (*ROUND, "ruter", 1)  # rute: stikproeve, 28 checked, 1 fault


# --- 8: reconciliation with a sign ---------------------------------------------------------------------


def test_the_example_explains_a_lower_dubu_count_with_a_reason_that_makes_it_lower(tmp_path):
    _plan, _warnings, figures = checked_plan(project(tmp_path, progress_text()))
    support = figures.progress.reconciliation[0]
    assert (support.difference, support.explained, support.unexplained) == (-2, -2, 0)


def test_a_direction_that_does_not_fit_its_reason_is_an_error(tmp_path):
    text = set_value(progress_text(), (*EXPLANATION, "aarsag"), "lukket_efter_udtraek")
    m = one(errors(tmp_path, text), said(say.DIRECTION_AGAINST_REASON, reason="lukket_efter_udtraek"))
    assert m.line == line_of_key(text, (*EXPLANATION, "retning")) and m.key == "afstemning.forklaringer[1].retning"
    assert m.text == say.DIRECTION_AGAINST_REASON.format(
        direction="faerre_i_dubu",
        reason="lukket_efter_udtraek",
        why=say.REASON_WHY["lukket_efter_udtraek"],
        fits="flere_i_dubu",
    )


def test_an_explanation_the_wrong_way_does_not_explain_the_difference(tmp_path):
    text = drop_key(set_value(progress_text(), (*EXPLANATION, "retning"), "flere_i_dubu"), (*EXPLANATION, "aarsag"))
    expected = said(say.EXPLAINED_DOES_NOT_ADD_UP, explained=2, difference="−2", old_system=280, dubu=278)
    one(errors(tmp_path, text), expected)


def test_explanations_add_up_with_their_signs(tmp_path):
    # −2 = −3 (three cases opened after the extraction) + 1 (one closed after it)
    text = set_value(progress_text(), (*EXPLANATION, "antal"), "3")
    text = add_item(
        text,
        ("afstemning", "forklaringer"),
        "kategori: aabne_stoettende\nantal: 1\nretning: flere_i_dubu\naarsag: lukket_efter_udtraek\n"
        "forklaring: Lukket i SBSYS efter udtrækket.",
    )
    _plan, warnings, figures = checked_plan(project(tmp_path, text))
    support = figures.progress.reconciliation[0]
    assert (support.explained, support.unexplained) == (-2, 0)
    counts = say.COUNTS.format(old_system=280, dubu=278)
    assert not [w for w in warnings if "aabne_stoettende" in w.key or counts in w.text]


def test_an_explanation_must_state_its_direction(tmp_path):
    text = drop_key(progress_text(), (*EXPLANATION, "retning"))
    m = one(errors(tmp_path, text), "retning")
    assert m.key == "afstemning.forklaringer[1].retning"


@pytest.fixture
def afstemning_page(tmp_path):
    from progress_support import contents

    return contents(project(tmp_path, progress_text()))["fremdrift/afstemning.md"]


def test_the_page_says_which_way_each_explanation_moves_the_count(afstemning_page):
    assert "- **Åbne sager med støttende indsatser**, 2 sager færre i DUBU: Oprettet i SBSYS" in afstemning_page
    assert "| Åbne sager med støttende indsatser | 280 | 278 | −2 | −2 | 0 |" in afstemning_page


# --- 7: a status that does not contradict itself -------------------------------------------------------


def _figures(tmp_path, text):
    _plan, warnings, figures = checked_plan(project(tmp_path, text))
    return figures.progress, warnings


def test_klik_step_3_waits_for_every_planned_control_round(tmp_path):
    f, _ = _figures(tmp_path, progress_text())  # round 1 recorded (2,9 %), round 2 planned but not recorded
    step3 = f.steps[2]
    assert not step3.done
    what = "Kontrolrunde 2 og afstemning af antal før og efter"  # the plan's activity names, joined
    assert step3.missing == (site.MISSING_ROUND.format(activity=what),)


def test_klik_step_3_waits_for_a_round_within_its_limit(tmp_path):
    text = add_item(
        progress_text(),
        ("kontrolrunder",),
        "aktivitet: kontrolrunde_2\nstikproeve: 100\nfejl: 9\ndato: 2027-02-19",
    )
    f, _ = _figures(tmp_path, text)
    assert not f.steps[2].done
    over = said(site.MISSING_FAULT_RATE, rate="9 %", threshold="5 %")
    assert any(over.search(m) for m in f.steps[2].missing), f.steps[2].missing
    ok = set_value(text, ("kontrolrunder", "kontrolrunde_2", "fejl"), "2")
    f, _ = _figures(tmp_path, ok)
    assert f.steps[2].done and f.steps[2].missing == ()


def test_a_category_criterion_says_what_a_mixed_count_cannot_tell(tmp_path):
    f, _ = _figures(tmp_path, progress_text())
    (placements,) = [c for c in f.criteria if c.criterion.id == "anbringelser"]
    assert not placements.met
    assert (
        site.MISSING_ITEM_MIXED.format(
            name="Basisoplysninger på manuelt konverterede sager",  # the plan's names for the package and categories
            done=150,
            cases="186 sager",
            others="åbne sager med børnefaglig undersøgelse i gang samt åbne sager med ungestøtte og efterværn "
            "(18–22 år)",
            mine="åbne sager med anbringelse",
        )
        in placements.missing
    )


def test_a_package_ahead_of_the_package_that_creates_its_cases_warns(tmp_path):
    f, warnings = _figures(tmp_path, progress_text())
    ahead = {(b.id, a.id) for b, a in f.ahead}
    # 195 cases with measures and 475 with grants, while only 150 + 9 (training) manual cases exist in DUBU
    assert ahead == {
        ("indsatser_egne_sager", "basis_manuelle_sager"),
        ("oekonomi_alle_sager", "basis_manuelle_sager"),
    }
    counts = ("status", "2027-02-19", "arbejdspakker")
    text = set_value(progress_text(), (*counts, "basis_manuelle_sager"), "186")
    f, _ = _figures(tmp_path, text)
    assert f.ahead == []
    w = next(w for w in warnings if "indsatser_egne_sager" in w.key)
    assert w.line == line_of_key(progress_text(), (*counts, "indsatser_egne_sager"))
    base = "Basisoplysninger på manuelt konverterede sager"  # the plan's name of basis_manuelle_sager
    assert said(say.AHEAD_OF_PREREQUISITE, base=base, base_done=150, base_total=186).search(w.text)


def test_a_package_finished_after_its_deadline_says_so(tmp_path):
    from konverteringsplan.pages.progress import verdict_text

    f, _ = _figures(tmp_path, progress_text())
    hold2 = next(i for i in f.items if i.id == "sagsbehandler-hold-2")
    assert hold2.days_late == 12
    assert verdict_text(hold2) == site.VERDICT_DONE_LATE.format(finish="5. februar 2027", days="12 dage")
    on_time = next(i for i in f.items if i.id == "sagsbehandler-hold-1")
    assert verdict_text(on_time) == site.VERDICT_DONE


# --- 6: quality by route ------------------------------------------------------------------------------


def test_census_and_sample_are_kept_apart_with_their_own_rate_and_interval(tmp_path):
    f, _ = _figures(tmp_path, progress_text())
    (q,) = f.quality
    census, sample = q.routes
    assert (census.checked, census.faults, census.planned) == (110, 3, 110)  # every placement
    assert census.interval_pct == (census.rate_pct, census.rate_pct)  # a census has no sampling uncertainty
    # 10 % of the 365 other converted cases, rounded up; a Wilson interval of 1 in 28: 0,6 %–17,7 %
    assert (sample.checked, sample.faults, sample.planned) == (28, 1, 37)
    low, high = sample.interval_pct
    assert round(low, 1) == 0.6 and round(high, 1) == 17.7


def test_a_smaller_sample_than_planned_is_a_warning(tmp_path):
    _f, warnings = _figures(tmp_path, progress_text())
    smaller = like(say.SAMPLE_SMALLER_THAN_PLANNED)
    w = one(warnings, said(say.SAMPLE_SMALLER_THAN_PLANNED, planned=37))
    assert w.key == "kontrolrunder[1].ruter[2].kontrolleret"
    assert said(say.SAMPLE_SMALLER_THAN_PLANNED, what=say.ROUTE_WORDS["stikproeve"], checked=28).search(w.text)
    enough = set_value(set_value(progress_text(), (*SAMPLE, "kontrolleret"), "37"), (*ROUND, "stikproeve"), "147")
    _f, warnings = _figures(tmp_path, enough)
    assert not [w for w in warnings if smaller.search(w.text)]


def test_a_round_that_mixes_census_and_sample_warns(tmp_path):
    text = drop_key(progress_text(), (*ROUND, "ruter"))
    f, warnings = _figures(tmp_path, text)
    assert f.quality[0].mixed
    assert one(warnings, like(say.ROUND_MIXES_ROUTES)).key == "kontrolrunder[1]"


def test_routes_must_add_up_to_the_round(tmp_path):
    text = set_value(progress_text(), (*SAMPLE, "kontrolleret"), "30")
    m = one(errors(tmp_path, text), said(say.ROUTES_DO_NOT_ADD_UP, checked=140))
    assert m.key == "kontrolrunder[1].ruter"


def test_the_quality_page_shows_each_route(tmp_path):
    from progress_support import contents

    page = contents(project(tmp_path, progress_text()))["fremdrift/kvalitet.md"]
    assert "| Kontrolrunde 1 | alle sager | 110 | 110 | 3 | 2,7 % | ingen usikkerhed (alle sager) |" in page
    assert "| Kontrolrunde 1 | stikprøve | **28** | 37 | 1 | 3,6 % | 0,6 %–17,7 % |" in page


# --- 9: changes after conversion ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_pages():
    from conftest import EXAMPLE
    from konverteringsplan.build import validate_plan
    from konverteringsplan.pages.render import render

    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    return plan, {p.path: p.markdown for p in render(plan).pages}


def test_re_entry_covers_changes_from_the_first_conversion_not_only_the_freeze(example_pages):
    import datetime as dt

    from konverteringsplan.analysis.workload import first_conversion_day

    plan, pages = example_pages
    assert first_conversion_day(plan) == dt.date(2027, 1, 7)  # the students' session, weeks before the freeze
    schedule = " ".join(pages["tidsplan.md"].split())
    assert (
        "Men en sag kan stadig ændres i SBSYS fra den dag, den konverteres (den første 7. januar 2027), til "
        "go-live: de ændringer skal også indtastes igen, og timerne til genindtastning dækker dem."
    ) in schedule
    assert (
        "fra den dag, en sag konverteres, til go-live"
        in type(plan.project.freeze.reentry[0]).model_fields["hours"].description
    )


def test_the_guides_cover_changes_from_the_day_a_case_is_converted(example_pages):
    _plan, pages = example_pages
    student = " ".join(pages["vejledning/studentermedhjaelper.md"].split())  # done 5 February, before the freeze
    assert "En sag, du har konverteret, kan stadig blive ændret i SBSYS helt frem til go-live 1. marts 2027" in student
    control = " ".join(pages["vejledning/kontrol.md"].split())
    assert "om sagen er ændret, efter at den blev konverteret (på Netcompanys sager: efter udtrækket" in control
    assert "ikke kun efter frysningens start 15. februar 2027" in control
