"""The training plan (Undervisningsplan): pages per audience, cases converted, and the checks."""

from __future__ import annotations

import html

import pytest

from conftest import EXAMPLE, edit, example_text, line_of
from konverteringsplan.analysis.training import training_cases_by_role, training_cases_total
from konverteringsplan.build import validate_plan
from konverteringsplan.messages import PlanError
from konverteringsplan.pages.render import render


def load(write_plan, tmp_path, text):
    return validate_plan(write_plan(text), tmp_path / "docs")


def pages_of(plan) -> dict[str, str]:
    return {p.path: html.unescape(p.markdown.split("\n*[")[0]) for p in render(plan).pages}


@pytest.fixture(scope="module")
def example():
    plan, warnings = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    assert [w for w in warnings if not w.file.endswith("fremdrift.yaml")] == []  # fremdrift.yaml warns on purpose
    return plan


def test_cases_converted_on_the_sessions(example):
    # students 3 × 3, caseworkers 8 × 5 on each of two sessions, finance: no exercise
    assert training_cases_total(example) == 9 + 40 + 40
    assert training_cases_by_role(example) == {"studentermedhjaelper": 9, "sagsbehandler": 80, "oekonomimedarbejder": 0}
    page = pages_of(example)["undervisning/index.md"]
    assert "Holdene konverterer i alt **89 sager**" in page
    assert "| **I alt** | | | | | | | **89** |" in page
    assert "Holdet konverterer dermed 8 × 5 = **40 sager**." in page


def test_all_sessions_table_in_date_order_with_danish_dates(example):
    page = pages_of(example)["undervisning/index.md"]
    rows = [line for line in page.splitlines() if line.startswith("| ") and "dag den" in line]
    assert [r.split(" | ")[0] for r in rows] == [
        "| torsdag den 7. januar 2027",
        "| torsdag den 14. januar 2027",
        "| mandag den 18. januar 2027",
        "| torsdag den 21. januar 2027",
    ]
    assert "| 09:00–15:00 | [DUBU for sagsbehandlere, hold 1](#hold-sagsbehandler-hold-1) | Sagsbehandlere |" in page
    assert "| Rådhuset, mødelokale 3 | Hans Christian Varnæs | 8 af 10 | 40 |" in page


def test_a_page_per_audience_with_its_sessions_in_date_order(write_plan, tmp_path):
    # move hold 2 before hold 1: the page must follow the dates, not the order in the file
    text = edit(example_text(), "      dato: 2027-01-21\n", "      dato: 2027-01-12\n")
    plan, _ = load(write_plan, tmp_path, text)
    pages = pages_of(plan)
    assert {
        "undervisning/studentermedhjaelper.md",
        "undervisning/sagsbehandler.md",
        "undervisning/oekonomimedarbejder.md",
    } <= set(pages)
    page = pages["undervisning/sagsbehandler.md"]
    assert page.index("### DUBU for sagsbehandlere, hold 2") < page.index("### DUBU for sagsbehandlere, hold 1")
    assert "- **Dato:** tirsdag den 12. januar 2027, kl. 09:00–15:00" in page
    assert "- **Underviser:** Kristen Skjern" in page
    assert "DUBU for studentermedhjælpere" not in page
    assert "[Hent holdene til din kalender (.ics)](../downloads/undervisning-sagsbehandler.ics)" in page
    assert "[Vejledning for sagsbehandlere](../vejledning/sagsbehandler.md)" in page
    finance = pages["undervisning/oekonomimedarbejder.md"]
    assert "**Konverteringsøvelse:** ingen; holdet konverterer ingen sager." in finance
    assert "- Opret bevillinger og faste betalinger" in finance


def test_link_to_the_klik_task(example, write_plan, tmp_path):
    assert (
        "til KLIK-opgaven **Planlæg undervisning** (find den i KLIK under DUBU 3.0)"
        in pages_of(example)["undervisning/index.md"]
    )
    text = edit(
        example_text(),
        "  klik_opgave: Planlæg undervisning\n",
        "  klik_opgave: Planlæg undervisning\n  klik_link: https://klik.example.dk/opgaver/planlaeg-undervisning\n",
    )
    plan, _ = load(write_plan, tmp_path, text)
    page = pages_of(plan)["undervisning/sagsbehandler.md"]
    assert "til KLIK-opgaven [Planlæg undervisning](https://klik.example.dk/opgaver/planlaeg-undervisning)" in page


# -- checks ------------------------------------------------------------------------------------


def errors_of(write_plan, tmp_path, text):
    with pytest.raises(PlanError) as exc:
        load(write_plan, tmp_path, text)
    return exc.value.messages


def test_more_participants_than_seats_is_an_error(write_plan, tmp_path):
    text = edit(example_text(), "      pladser: 10\n      deltagere: 8\n", "      pladser: 10\n      deltagere: 11\n")
    [m] = errors_of(write_plan, tmp_path, text)
    assert m.line == line_of(text, "deltagere: 11")
    assert m.text.startswith('Holdet "DUBU for sagsbehandlere, hold 1" har 11 deltagere, men kun 10 pladser.')


def test_session_on_a_public_holiday_is_an_error(write_plan, tmp_path):
    text = edit(example_text(), "      dato: 2027-01-14\n", "      dato: 2027-01-01\n")
    [m] = errors_of(write_plan, tmp_path, text)
    assert m.line == line_of(text, "dato: 2027-01-01")
    assert "ligger på en helligdag (Nytårsdag)" in m.text


def test_session_on_a_municipal_day_off_is_an_error(write_plan, tmp_path):
    text = edit(example_text(), "      dato: 2027-01-14\n", "      dato: 2026-12-24\n")
    [m] = errors_of(write_plan, tmp_path, text)
    assert "ligger på en fridag i kommunen (Juleaftensdag)" in m.text


def test_store_bededag_is_no_longer_a_holiday(write_plan, tmp_path):
    # Store Bededag 2026 would have been Friday 1 May; it was abolished from 2024
    text = edit(example_text(), "      dato: 2027-01-14\n", "      dato: 2026-05-01\n")
    _, warnings = load(write_plan, tmp_path, text)
    assert warnings == []


def test_weekend_session_is_a_warning(write_plan, tmp_path):
    text = edit(example_text(), "      dato: 2027-01-14\n", "      dato: 2027-01-16\n")
    _, [w] = load(write_plan, tmp_path, text)
    assert w.line == line_of(text, "dato: 2027-01-16")
    assert "ligger på en lørdag" in w.text


def test_session_after_go_live_and_a_role_without_training_before_go_live(write_plan, tmp_path):
    text = edit(example_text(), "      dato: 2027-01-14\n", "      dato: 2027-03-02\n")
    _, warnings = load(write_plan, tmp_path, text)
    by_key = {w.key: w.text for w in warnings}
    assert len(warnings) == 2
    session = next(t for k, t in by_key.items() if k.startswith("undervisning.sessioner"))
    assert "ligger på eller efter go-live (1. marts 2027)" in session
    role = next(t for k, t in by_key.items() if k.startswith("roller"))
    assert role.startswith("Økonomimedarbejder konverterer sager, men har intet hold før go-live")


def test_conversion_exercise_after_go_live_is_an_error(write_plan, tmp_path):
    text = edit(example_text(), "      dato: 2027-01-21\n", "      dato: 2027-03-02\n")
    [m] = errors_of(write_plan, tmp_path, text)
    assert "har en konverteringsøvelse, men ligger på eller efter go-live" in m.text


def test_role_converting_before_its_first_session_is_a_warning(write_plan, tmp_path):
    text = edit(example_text(), "      dato: 2027-01-07\n", "      dato: 2027-01-12\n")
    _, [w] = load(write_plan, tmp_path, text)
    assert w.text.startswith(
        "Studentermedhjælper begynder at konvertere 11. januar 2027, men det første hold er først 12. januar 2027."
    )


def test_trainer_who_is_not_a_super_user_is_a_warning_with_a_suggestion(write_plan, tmp_path):
    text = edit(example_text(), "      underviser: Kristen Skjern\n", "      underviser: Kristen Skærn\n")
    _, [w] = load(write_plan, tmp_path, text)
    assert w.line == line_of(text, "underviser: Kristen Skærn")
    assert w.key.startswith("undervisning.sessioner") and w.key.endswith(".underviser")
    assert 'Underviseren "Kristen Skærn" er ikke en af superbrugerne' in w.text
    assert 'Mente du "Kristen Skjern"?' in w.text
