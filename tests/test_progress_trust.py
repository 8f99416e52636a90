"""Progress a project lead can act on (issue 20, points 6–9): quality by route, a status that does not
contradict itself, reconciliation with a sign, and changes after conversion."""

from __future__ import annotations

import pytest
from progress_support import errors, one, progress_text, project

from conftest import edit, line_of
from konverteringsplan.build import checked_plan

EXAMPLE_EXPLANATION = (
    "    - kategori: aabne_stoettende\n"
    "      antal: 2\n"
    "      retning: faerre_i_dubu\n"
    "      aarsag: oprettet_efter_udtraek\n"
)


# --- 8: reconciliation with a sign ---------------------------------------------------------------------


def test_the_example_explains_a_lower_dubu_count_with_a_reason_that_makes_it_lower(tmp_path):
    assert EXAMPLE_EXPLANATION in progress_text()
    _plan, _warnings, figures = checked_plan(project(tmp_path, progress_text()))
    support = figures.progress.reconciliation[0]
    assert (support.difference, support.explained, support.unexplained) == (-2, -2, 0)


def test_a_direction_that_does_not_fit_its_reason_is_an_error(tmp_path):
    text = edit(progress_text(), "      aarsag: oprettet_efter_udtraek", "      aarsag: lukket_efter_udtraek")
    m = one(errors(tmp_path, text), 'passer ikke med årsagen "lukket_efter_udtraek"')
    assert m.line == line_of(text, "retning: faerre_i_dubu") and m.key == "afstemning.forklaringer[1].retning"
    assert "stadig i DUBU" in m.text and "Skriv retning: flere_i_dubu" in m.text


def test_an_explanation_the_wrong_way_does_not_explain_the_difference(tmp_path):
    text = edit(
        progress_text(),
        "      retning: faerre_i_dubu\n      aarsag: oprettet_efter_udtraek",
        "      retning: flere_i_dubu",
    )
    m = one(errors(tmp_path, text), "Forklaringerne giver tilsammen 2 med fortegn")
    assert "men forskellen er −2 (280 i det gamle system, 278 i DUBU)" in m.text


def test_explanations_add_up_with_their_signs(tmp_path):
    # −2 = −3 (three cases opened after the extraction) + 1 (one closed after it)
    text = edit(
        progress_text(),
        EXAMPLE_EXPLANATION,
        EXAMPLE_EXPLANATION.replace("antal: 2", "antal: 3")
        + "      forklaring: Oprettet efter udtrækket.\n"
        + "    - kategori: aabne_stoettende\n      antal: 1\n      retning: flere_i_dubu\n"
        + "      aarsag: lukket_efter_udtraek\n",
    )
    _plan, warnings, figures = checked_plan(project(tmp_path, text))
    support = figures.progress.reconciliation[0]
    assert (support.explained, support.unexplained) == (-2, 0)
    assert not [w for w in warnings if "aabne_stoettende" in w.key or "280 i det gamle system" in w.text]


def test_an_explanation_must_state_its_direction(tmp_path):
    text = edit(progress_text(), "      retning: faerre_i_dubu\n", "")
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
    assert step3.missing == ("Kontrolrunde 2 og afstemning af antal før og efter er ikke registreret",)


def test_klik_step_3_waits_for_a_round_within_its_limit(tmp_path):
    text = edit(
        progress_text(),
        "        fejl: 1\n\n# Manuelle",
        "        fejl: 1\n  - aktivitet: kontrolrunde_2\n    stikproeve: 100\n    fejl: 9\n    dato: 2027-02-19\n\n# Manuelle",
    )
    f, _ = _figures(tmp_path, text)
    assert not f.steps[2].done
    assert any("fejlrate 9 % over grænsen på 5 %" in m for m in f.steps[2].missing), f.steps[2].missing
    ok = edit(text, "    fejl: 9", "    fejl: 2")
    f, _ = _figures(tmp_path, ok)
    assert f.steps[2].done and f.steps[2].missing == ()


def test_a_category_criterion_says_what_a_mixed_count_cannot_tell(tmp_path):
    f, _ = _figures(tmp_path, progress_text())
    (placements,) = [c for c in f.criteria if c.criterion.id == "anbringelser"]
    assert not placements.met
    assert (
        "Basisoplysninger på manuelt konverterede sager: 150 af 186 sager, men optællingen dækker også åbne sager "
        "med børnefaglig undersøgelse i gang samt åbne sager med ungestøtte og efterværn (18–22 år), så den kan "
        "ikke vise, om åbne sager med anbringelse er færdige"
    ) in placements.missing


def test_a_package_ahead_of_the_package_that_creates_its_cases_warns(tmp_path):
    f, warnings = _figures(tmp_path, progress_text())
    ahead = {(b.id, a.id) for b, a in f.ahead}
    # 195 cases with measures and 475 with grants, while only 150 + 9 (training) manual cases exist in DUBU
    assert ahead == {
        ("indsatser_egne_sager", "basis_manuelle_sager"),
        ("oekonomi_alle_sager", "basis_manuelle_sager"),
    }
    text = edit(progress_text(), "      basis_manuelle_sager: 150", "      basis_manuelle_sager: 186")
    f, _ = _figures(tmp_path, text)
    assert f.ahead == []
    w = next(w for w in warnings if "indsatser_egne_sager" in w.key)
    assert w.line == line_of(progress_text(), "indsatser_egne_sager: 195")
    assert '"Basisoplysninger på manuelt konverterede sager" (150 af 186), som opretter sagerne' in w.text


def test_a_package_finished_after_its_deadline_says_so(tmp_path):
    from konverteringsplan.pages.progress import verdict_text

    f, _ = _figures(tmp_path, progress_text())
    hold2 = next(i for i in f.items if i.id == "sagsbehandler-hold-2")
    assert hold2.days_late == 12
    assert verdict_text(hold2) == "færdig 5. februar 2027, 12 dage efter fristen"
    on_time = next(i for i in f.items if i.id == "sagsbehandler-hold-1")
    assert verdict_text(on_time) == "færdig"


# --- 6: quality by route ------------------------------------------------------------------------------

ROUTES = (
    "    ruter:\n      - rute: alle_sager\n        kontrolleret: 110\n        fejl: 3\n"
    "      - rute: stikproeve\n        kontrolleret: 28\n        fejl: 1\n"
)


def test_census_and_sample_are_kept_apart_with_their_own_rate_and_interval(tmp_path):
    assert ROUTES in progress_text()
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
    w = one(warnings, "kontrolvejledningen planlægger 37")
    assert w.key == "kontrolrunder[1].ruter[2].kontrolleret" and "Stikprøven har 28" in w.text
    enough = edit(
        progress_text(), "        kontrolleret: 28\n        fejl: 1", "        kontrolleret: 37\n        fejl: 1"
    )
    enough = edit(enough, "    stikproeve: 138", "    stikproeve: 147")
    _f, warnings = _figures(tmp_path, enough)
    assert not [w for w in warnings if "planlægger" in w.text]


def test_a_round_that_mixes_census_and_sample_warns(tmp_path):
    text = edit(progress_text(), ROUTES, "")
    f, warnings = _figures(tmp_path, text)
    assert f.quality[0].mixed
    assert one(warnings, "men tallene står samlet").key == "kontrolrunder[1]"


def test_routes_must_add_up_to_the_round(tmp_path):
    text = edit(progress_text(), "        kontrolleret: 28", "        kontrolleret: 30")
    m = one(errors(tmp_path, text), "Ruterne giver tilsammen 140 kontrollerede sager")
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
