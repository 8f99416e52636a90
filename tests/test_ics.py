"""Calendar files: parsed back with icalendar, as a calendar program would read them."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from progress_support import said

from conftest import EXAMPLE, example_text, set_value
from konverteringsplan.build import validate_plan
from konverteringsplan.pages.render import render
from konverteringsplan.texts import site as texts

SESSIONS = ("undervisning", "sessioner")

UTC = dt.UTC


def files_of(plan) -> dict[str, bytes]:
    return render(plan).files


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


@pytest.fixture(scope="module")
def example():
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    return plan


def test_one_file_for_all_sessions_and_one_per_audience(example):
    files = files_of(example)
    assert len(events(files["downloads/undervisning.ics"])) == 4
    assert len(events(files["downloads/undervisning-sagsbehandler.ics"])) == 2
    assert len(events(files["downloads/undervisning-studentermedhjaelper.ics"])) == 1
    assert len(events(files["downloads/undervisning-oekonomimedarbejder.ics"])) == 1
    summaries = [str(e["SUMMARY"]) for e in events(files["downloads/undervisning-sagsbehandler.ics"])]
    assert summaries == ["DUBU for sagsbehandlere, hold 1", "DUBU for sagsbehandlere, hold 2"]


def test_times_are_copenhagen_times_with_the_zone_in_the_file(example):
    data = files_of(example)["downloads/undervisning.ics"]
    cal = Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert b"DTSTART;TZID=Europe/Copenhagen:20270118T090000" in data
    hold1 = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == "DUBU for sagsbehandlere, hold 1")
    start, end = hold1.decoded("DTSTART"), hold1.decoded("DTEND")
    assert str(start.tzinfo) == "Europe/Copenhagen"
    # January is winter time, UTC+1: 09:00 in Copenhagen is 08:00 UTC
    assert start.astimezone(UTC) == dt.datetime(2027, 1, 18, 8, 0, tzinfo=UTC)
    assert end.astimezone(UTC) == dt.datetime(2027, 1, 18, 14, 0, tzinfo=UTC)


def test_summer_time_is_utc_plus_two(write_plan, tmp_path):
    text = set_value(example_text(), (*SESSIONS, "oekonomi-intro", "dato"), "2027-06-15")
    plan, _ = validate_plan(write_plan(text), tmp_path / "docs")
    [ev] = events(files_of(plan)["downloads/undervisning-oekonomimedarbejder.ics"])
    assert ev.decoded("DTSTART").astimezone(UTC) == dt.datetime(2027, 6, 15, 8, 0, tzinfo=UTC)  # 10:00 local


def test_danish_summary_location_and_description(example):
    [ev] = events(files_of(example)["downloads/undervisning-studentermedhjaelper.ics"])
    assert str(ev["SUMMARY"]) == "DUBU for studentermedhjælpere"
    assert str(ev["LOCATION"]) == "Rådhuset, mødelokale 2"
    description = str(ev["DESCRIPTION"])
    assert texts.EVENT_TRAINER.format(trainer="Ingeborg Skjern") in description
    assert "- Opret en sag og basisoplysninger" in description  # the session's own content, from plan.yaml
    assert said(texts.EVENT_EXERCISE, cases=3, categories="åbne sager med anbringelse").search(description)


def test_uids_are_stable_across_renders_and_follow_the_session_id(example, write_plan, tmp_path):
    def uids(plan):
        return [str(e["UID"]) for e in events(files_of(plan)["downloads/undervisning.ics"])]

    first, second = uids(example), uids(example)
    assert (
        first
        == second
        == [
            "studenter-intro@konverteringsplan.korsbaek-kommune",
            "oekonomi-intro@konverteringsplan.korsbaek-kommune",
            "sagsbehandler-hold-1@konverteringsplan.korsbaek-kommune",
            "sagsbehandler-hold-2@konverteringsplan.korsbaek-kommune",
        ]
    )
    # a new title, place or time updates the same event ...
    text = set_value(
        example_text(), (*SESSIONS, "sagsbehandler-hold-1", "titel"), "DUBU for sagsbehandlere, første hold"
    )
    text = set_value(text, (*SESSIONS, "sagsbehandler-hold-1", "sted"), "Biblioteket, sal 1")
    plan, _ = validate_plan(write_plan(text), tmp_path / "docs")
    assert uids(plan) == first
    # ... a new session id is a new event
    text = set_value(example_text(), (*SESSIONS, "sagsbehandler-hold-1", "id"), "sagsbehandler-hold-1b")
    plan, _ = validate_plan(write_plan(text), tmp_path / "docs")
    changed = uids(plan)
    assert "sagsbehandler-hold-1b@konverteringsplan.korsbaek-kommune" in changed
    assert "sagsbehandler-hold-1@konverteringsplan.korsbaek-kommune" not in changed
    assert set(changed) - {"sagsbehandler-hold-1b@konverteringsplan.korsbaek-kommune"} == set(first) - {
        "sagsbehandler-hold-1@konverteringsplan.korsbaek-kommune"
    }


def test_text_from_the_plan_never_breaks_the_file(write_plan, tmp_path):
    text = set_value(example_text(), (*SESSIONS, "studenter-intro", "titel"), '"DUBU; for, studenter\\nBEGIN:VEVENT"')
    plan, _ = validate_plan(write_plan(text), tmp_path / "docs")
    data = files_of(plan)["downloads/undervisning-studentermedhjaelper.ics"]
    [ev] = events(data)
    assert str(ev["SUMMARY"]) == "DUBU; for, studenter BEGIN:VEVENT"
    assert data.split(b"\r\n").count(b"BEGIN:VEVENT") == 1  # the title stays inside its own line


def test_training_pages_link_the_calendar_files(example):
    pages = {p.path: p.markdown for p in render(example).pages}
    assert "(../downloads/undervisning.ics)" in pages["undervisning/index.md"]
    assert "(../downloads/undervisning-oekonomimedarbejder.ics)" in pages["undervisning/index.md"]
    assert "(../downloads/undervisning-oekonomimedarbejder.ics)" in pages["undervisning/oekonomimedarbejder.md"]
