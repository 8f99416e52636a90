"""The training plan (Undervisningsplan): pages per audience, cases converted, and the checks."""

from __future__ import annotations

import html

import pytest

from conftest import EXAMPLE, add_key, example_text, line_of_key, set_value
from konverteringsplan.analysis.training import training_cases_by_role, training_cases_total
from konverteringsplan.build import validate_plan
from konverteringsplan.messages import PlanError
from konverteringsplan.pages.render import render
from konverteringsplan.texts import validation as say

SESSIONS = ("undervisning", "sessioner")


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
    text = set_value(example_text(), (*SESSIONS, "sagsbehandler-hold-2", "dato"), "2027-01-12")
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
    text = add_key(
        example_text(), ("undervisning",), "klik_link", "https://klik.example.dk/opgaver/planlaeg-undervisning"
    )
    plan, _ = load(write_plan, tmp_path, text)
    page = pages_of(plan)["undervisning/sagsbehandler.md"]
    assert "til KLIK-opgaven [Planlæg undervisning](https://klik.example.dk/opgaver/planlaeg-undervisning)" in page


# -- checks ------------------------------------------------------------------------------------


def errors_of(write_plan, tmp_path, text):
    with pytest.raises(PlanError) as exc:
        load(write_plan, tmp_path, text)
    return exc.value.messages


FINANCE = (*SESSIONS, "oekonomi-intro")  # Bevillinger og betalinger i DUBU, 14 January 2027, no exercise


def session(title: str, day: str) -> str:
    return say.SESSION_NAME.format(title=title, date=day)


def moved(path: tuple, day: str) -> str:
    """The example with the session at `path` moved to `day`."""
    return set_value(example_text(), (*path, "dato"), day)


def test_more_participants_than_seats_is_an_error(write_plan, tmp_path):
    path = (*SESSIONS, "sagsbehandler-hold-1", "deltagere")
    text = set_value(example_text(), path, "11")
    [m] = errors_of(write_plan, tmp_path, text)
    assert m.line == line_of_key(text, path)
    assert m.text == say.SEATS.format(title="DUBU for sagsbehandlere, hold 1", participants=11, seats=10)


@pytest.mark.parametrize(
    "day, long_day, message",
    [
        pytest.param(
            "2027-01-01", "1. januar 2027", say.ON_HOLIDAY.format(session="{}", holiday="Nytårsdag"), id="holiday"
        ),
        pytest.param(
            "2026-12-24",
            "24. december 2026",
            say.ON_DAY_OFF.format(session="{}", day_off="Juleaftensdag"),
            id="day-off",
        ),
    ],
)
def test_session_on_a_day_off_is_an_error(write_plan, tmp_path, day, long_day, message):
    """A public holiday (from the Danish calendar) and the municipality's own day off (kalender.saerlige_dage)."""
    text = moved(FINANCE, day)
    [m] = errors_of(write_plan, tmp_path, text)
    assert m.line == line_of_key(text, (*FINANCE, "dato"))
    assert m.text == message.format(session("Bevillinger og betalinger i DUBU", long_day))


def test_store_bededag_is_no_longer_a_holiday(write_plan, tmp_path):
    # Store Bededag 2026 would have been Friday 1 May; it was abolished from 2024
    _, warnings = load(write_plan, tmp_path, moved(FINANCE, "2026-05-01"))
    assert warnings == []


def test_weekend_session_is_a_warning(write_plan, tmp_path):
    text = moved(FINANCE, "2027-01-16")
    _, [w] = load(write_plan, tmp_path, text)
    assert w.line == line_of_key(text, (*FINANCE, "dato"))
    saturday = session("Bevillinger og betalinger i DUBU", "16. januar 2027")
    assert w.text == say.ON_WEEKEND.format(session=saturday, weekday=say.SATURDAY)


def test_session_after_go_live_and_a_role_without_training_before_go_live(write_plan, tmp_path):
    _, warnings = load(write_plan, tmp_path, moved(FINANCE, "2027-03-02"))
    by_key = {w.key: w.text for w in warnings}
    assert len(warnings) == 2
    after = session("Bevillinger og betalinger i DUBU", "2. marts 2027")
    assert by_key["undervisning.sessioner[oekonomi-intro].dato"] == say.SESSION_AFTER_GO_LIVE.format(
        session=after, go_live="1. marts 2027"
    )
    assert by_key["roller[oekonomimedarbejder].id"] == say.ROLE_NO_SESSION.format(
        role="Økonomimedarbejder", go_live="1. marts 2027", role_id="oekonomimedarbejder"
    )


def test_conversion_exercise_after_go_live_is_an_error(write_plan, tmp_path):
    [m] = errors_of(write_plan, tmp_path, moved((*SESSIONS, "sagsbehandler-hold-2"), "2027-03-02"))
    after = session("DUBU for sagsbehandlere, hold 2", "2. marts 2027")
    assert m.text == say.CONVERSION_AFTER_GO_LIVE.format(session=after, go_live="1. marts 2027")


def test_role_converting_before_its_first_session_is_a_warning(write_plan, tmp_path):
    _, [w] = load(write_plan, tmp_path, moved((*SESSIONS, "studenter-intro"), "2027-01-12"))
    assert w.text == say.ROLE_CONVERTS_BEFORE_SESSION.format(
        role="Studentermedhjælper", start="11. januar 2027", first="12. januar 2027"
    )


def test_trainer_who_is_not_a_super_user_is_a_warning_with_a_suggestion(write_plan, tmp_path):
    path = (*SESSIONS, "sagsbehandler-hold-2", "underviser")
    text = set_value(example_text(), path, "Kristen Skærn")
    _, [w] = load(write_plan, tmp_path, text)
    assert w.line == line_of_key(text, path)
    assert w.key.startswith("undervisning.sessioner") and w.key.endswith(".underviser")
    assert w.text == say.TRAINER_NOT_SUPER_USER.format(
        trainer="Kristen Skærn",
        people="Ingeborg Skjern, Hans Christian Varnæs, Kristen Skjern",
        hint=say.MEANT.format(meant="Kristen Skjern"),
    )
