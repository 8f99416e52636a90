"""Progress a project lead can act on (issue 20, points 6–9): quality by route, a status that does not
contradict itself, reconciliation with a sign, and changes after conversion."""

from __future__ import annotations

import pytest
from test_progress_rules import errors, one, progress_text, project

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
    from test_progress_site import contents

    return contents(project(tmp_path, progress_text()))["fremdrift/afstemning.md"]


def test_the_page_says_which_way_each_explanation_moves_the_count(afstemning_page):
    assert "- **Åbne sager med støttende indsatser**, 2 sager færre i DUBU: Oprettet i SBSYS" in afstemning_page
    assert "| Åbne sager med støttende indsatser | 280 | 278 | −2 | −2 | 0 |" in afstemning_page
