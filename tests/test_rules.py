"""One bad plan per validation rule: the right line, the right key and a Danish message that helps."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import (
    at_key,
    drop_key,
    errors_for,
    example_text,
    like,
    line_of_key,
    rename_key,
    run_cli,
    set_value,
    warnings_for,
)
from konverteringsplan.texts import site
from konverteringsplan.texts import validation as say


def test_unknown_key_suggests_the_right_one(write_plan):
    text = rename_key(example_text(), ("roller", "studentermedhjaelper", "timer_pr_uge"), "timer_pr_ugen")
    out = errors_for(write_plan, text)
    assert at_key(text, ("roller", "studentermedhjaelper", "timer_pr_ugen")) in out
    meant = say.UNKNOWN_KEY_MEANT.format(key="timer_pr_ugen", meant="timer_pr_uge")
    assert f"roller[studentermedhjaelper].timer_pr_ugen: {meant}" in out


def test_missing_key_names_what_to_add(write_plan):
    text = drop_key(example_text(), ("kommune", "gammelt_system"))
    out = errors_for(write_plan, text)
    assert at_key(text, ("kommune",)) in out
    assert like("kommune.gammelt_system: " + say.MISSING_KEY_HELP, key="gammelt_system").search(out)


def test_date_must_be_iso(write_plan):
    text = set_value(example_text(), ("projekt", "go_live"), "1. marts 2027")
    out = errors_for(write_plan, text)
    assert at_key(text, ("projekt", "go_live")) in out and like(say.NOT_DATE).search(out)


def test_enum_lists_the_choices(write_plan):
    text = set_value(example_text(), ("sagskategorier", "aabne_anbringelser", "rute"), "haandholdt")
    out = errors_for(write_plan, text)
    assert at_key(text, ("sagskategorier", "aabne_anbringelser", "rute")) in out
    assert say.ONE_OF.format(expected="'automatisk', 'manuel', 'ikke_konverteres'", got="") in out


def test_id_with_danish_letters_is_explained(write_plan):
    text = set_value(example_text(), ("sagskategorier", "aabne_ungestoette", "id"), "åbne_ungestøtte")
    out = errors_for(write_plan, text)
    assert at_key(text, ("sagskategorier", 3, "id")) in out
    assert say.PATTERN_ID in out


def not_found(kind: str, value: str) -> str:
    """What both messages about an unknown id begin with: '<kind> "<value>" findes ikke.'"""
    return say.UNKNOWN_ID_MEANT.partition(" Mente")[0].format(kind=kind, value=value)


FIELD_CATEGORIES = (
    *("minimumsoplysninger", "feltgrupper", "indsatser_og_afgoerelser"),
    *("felter", "anbringelsessted", "kategorier"),
)


@pytest.mark.parametrize(
    "path, source, kind",
    [
        pytest.param(("arbejdspakker", "rest_automatiske_sager", "rolle"), "sagsbehandlere", say.KIND_ROLE, id="role"),
        pytest.param(
            ("arbejdspakker", "juridisk_grundlag_ved_opfoelgning", "feltgrupper"),
            "[juridisk_grundlaget]",
            say.KIND_GROUP,
            id="group",
        ),
        pytest.param(FIELD_CATEGORIES, "[anbringelser]", say.KIND_CATEGORY, id="category"),
        pytest.param(("aktiviteter", "bestil_konvertering", "frist"), "leveringen", say.KIND_MILESTONE, id="milestone"),
        pytest.param(("konverteringsform", "beslutning", "valgt"), "hybrid", say.KIND_OPTION, id="option"),
        pytest.param(
            ("undervisning", "sessioner", "oekonomi-intro", "maalgruppe"), "[bogholder]", say.KIND_ROLE, id="audience"
        ),
    ],
)
def test_named_but_undefined(write_plan, path, source, kind):
    text = set_value(example_text(), path, source)
    out = errors_for(write_plan, text)
    assert at_key(text, path) in out, out
    assert not_found(kind, source.strip("[]")) in out


def test_duplicate_id(write_plan):
    text = set_value(example_text(), ("sagskategorier", "lukkede_aeldre", "id"), "lukkede_seneste_2_aar")
    out = errors_for(write_plan, text)
    first, repeat = ("sagskategorier", 4), ("sagskategorier", 5)  # the two items with that id
    assert at_key(text, repeat) in out
    duplicate = say.DUPLICATE_ID.format(
        key="lukkede_seneste_2_aar", first=line_of_key(text, first), repeat=line_of_key(text, repeat)
    )
    assert duplicate in out


ACTIVITY = ("aktiviteter", "vejledning_klar")  # fra 2026-11-23, til 2026-12-18, frist: adgang_dubu (2027-01-04)


def test_end_before_start(write_plan):
    text = set_value(example_text(), (*ACTIVITY, "fra"), "2026-12-23")
    out = errors_for(write_plan, text)
    assert at_key(text, (*ACTIVITY, "til")) in out
    ends = say.ENDS_BEFORE_START.format(what=say.PERIOD_ACTIVITY, end=date(2026, 12, 18), start=date(2026, 12, 23))
    assert ends in out


def test_freeze_must_end_before_go_live(write_plan):
    text = set_value(example_text(), ("projekt", "frysning", "til"), "2027-03-02")
    out = errors_for(write_plan, text)
    assert say.FREEZE_AFTER_GO_LIVE in out


def test_weights_must_sum_to_100(write_plan):
    text = set_value(example_text(), ("konverteringsform", "kriterier", "oekonomi", "vaegt"), "50")
    out = errors_for(write_plan, text)
    assert at_key(text, ("konverteringsform", "kriterier")) in out
    assert say.WEIGHTS_NOT_100.format(total=110) in out


def test_activity_after_its_deadline(write_plan):
    text = set_value(example_text(), (*ACTIVITY, "til"), "2027-01-08")
    out = errors_for(write_plan, text)
    assert at_key(text, (*ACTIVITY, "til")) in out
    after = say.AFTER_MILESTONE.format(
        name="Trin-for-trin-vejledning og tjeklister færdige",
        end=date(2027, 1, 8),
        milestone="Adgang til DUBU",
        date=date(2027, 1, 4),
    )
    assert after in out


def test_not_converted_needs_where_readable(write_plan):
    text = drop_key(example_text(), ("sagskategorier", "lukkede_aeldre", "laesbar_til"))
    out = errors_for(write_plan, text)
    assert "sagskategorier[lukkede_aeldre]: " + say.NOT_CONVERTED_NEEDS.format(key="laesbar_til") in out


def test_short_read_access_is_a_warning(write_plan):
    path = ("sagskategorier", "lukkede_seneste_2_aar", "laesbar_til")
    text = set_value(example_text(), path, "2027-04-01")
    out = warnings_for(write_plan, text)
    assert at_key(text, path) in out and say.READ_ACCESS_SHORT in out


def test_statistics_field_at_first_follow_up_is_flagged(write_plan):
    field = ("minimumsoplysninger", "feltgrupper", "juridisk_grundlag", "felter", "barnets_plan")
    text = set_value(example_text(), (*field, "behov"), "[sagsbehandler, danmarks_statistik]")
    out = warnings_for(write_plan, text)
    assert at_key(text, field) in out
    assert say.STATISTICS_FIELD_LATE.format(name="Barnets plan (tidligere handleplan)") in out


def test_completed_while_a_step_is_open(write_plan):
    text = set_value(example_text(), ("klik_opgave", "status"), "fuldfoert")
    text = drop_key(text, ("minimumsoplysninger", "afklaret_dato"))
    out = errors_for(write_plan, text)
    assert at_key(text, ("klik_opgave", "status")) in out
    step_open = say.TASK_STEP_MISSING.partition("{missing}")[0].format(number=1, title=site.STEP_TITLES[1])
    assert step_open in out


def test_completed_when_all_steps_are_done_is_valid(write_plan):
    text = set_value(example_text(), ("klik_opgave", "status"), "fuldfoert")
    run = run_cli("validate", str(write_plan(text)))
    assert run.returncode == 0, run.stderr


def test_automatic_route_needs_a_vendor_offer(write_plan):
    text = drop_key(example_text(), ("leverandoertilbud",))
    out = errors_for(write_plan, text)
    assert say.VENDOR_OFFER_MISSING in out


def test_follow_up_month_format(write_plan):
    text = rename_key(example_text(), ("foerste_opfoelgninger", "2027-08"), "august")
    out = errors_for(write_plan, text)
    assert at_key(text, ("foerste_opfoelgninger", "august")) in out
    assert say.FOLLOW_UP_MONTH_FORMAT.format(month="august") in out
