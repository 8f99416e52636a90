"""One bad plan per validation rule: the right line, the right key and a Danish message that helps."""

from __future__ import annotations

import pytest

from conftest import at, edit, errors_for, example_text, line_of, run_cli, warnings_for


def test_unknown_key_suggests_the_right_one(write_plan):
    text = edit(example_text(), "    timer_pr_uge: 15\n", "    timer_pr_ugen: 15\n")
    out = errors_for(write_plan, text)
    assert at(text, "timer_pr_ugen") in out
    assert 'roller[studentermedhjaelper].timer_pr_ugen: ukendt nøgle "timer_pr_ugen". Mente du "timer_pr_uge"?' in out


def test_missing_key_names_what_to_add(write_plan):
    text = edit(example_text(), "  gammelt_system: SBSYS\n", "")
    out = errors_for(write_plan, text)
    assert f"plan.yaml:{line_of(text, 'kommune:', exact=True)}:" in out
    assert 'kommune.gammelt_system: mangler. Tilføj nøglen "gammelt_system"' in out


def test_date_must_be_iso(write_plan):
    text = edit(example_text(), "  go_live: 2027-03-01", "  go_live: 1. marts 2027")
    out = errors_for(write_plan, text)
    assert at(text, "go_live: 1. marts") in out and "ÅÅÅÅ-MM-DD" in out


def test_enum_lists_the_choices(write_plan):
    text = edit(example_text(), "    rute: manuel\n", "    rute: haandholdt\n")
    out = errors_for(write_plan, text)
    assert at(text, "rute: haandholdt") in out
    assert "skal være en af: 'automatisk', 'manuel', 'ikke_konverteres'" in out


def test_id_with_danish_letters_is_explained(write_plan):
    text = edit(example_text(), "  - id: aabne_ungestoette\n", "  - id: åbne_ungestøtte\n")
    text = text.replace("aabne_ungestoette", "åbne_ungestøtte")
    out = errors_for(write_plan, text)
    assert "skriv ae, oe og aa i stedet for æ, ø og å" in out


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        (
            "    rolle: sagsbehandler\n    kategorier: [aabne_stoettende]\n",
            "    rolle: sagsbehandlere\n    kategorier: [aabne_stoettende]\n",
            "rolle: sagsbehandlere",
            'Rollen "sagsbehandlere" findes ikke',
        ),
        (
            "    feltgrupper: [juridisk_grundlag]\n",
            "    feltgrupper: [juridisk_grundlaget]\n",
            "feltgrupper: [juridisk_grundlaget]",
            'Feltgruppen "juridisk_grundlaget" findes ikke',
        ),
        (
            "          kategorier: [aabne_anbringelser]\n",
            "          kategorier: [anbringelser]\n",
            "kategorier: [anbringelser]",
            'Sagskategorien "anbringelser" findes ikke',
        ),
        ("    frist: levering\n", "    frist: leveringen\n", "frist: leveringen", 'Milepælen "leveringen" findes ikke'),
        ("    valgt: blandet\n", "    valgt: hybrid\n", "valgt: hybrid", 'Muligheden "hybrid" findes ikke'),
        (
            "      maalgruppe: [oekonomimedarbejder]\n",
            "      maalgruppe: [bogholder]\n",
            "maalgruppe: [bogholder]",
            'Rollen "bogholder" findes ikke',
        ),
    ],
)
def test_named_but_undefined(write_plan, old, new, needle, message):
    text = edit(example_text(), old, new)
    out = errors_for(write_plan, text)
    assert at(text, needle) in out, out
    assert message in out


def test_duplicate_id(write_plan):
    text = edit(example_text(), "  - id: lukkede_aeldre\n", "  - id: lukkede_seneste_2_aar\n")
    out = errors_for(write_plan, text)
    assert at(text, "- id: lukkede_seneste_2_aar", 2) in out
    assert f"er brugt to gange: i linje {line_of(text, '- id: lukkede_seneste_2_aar')} og i linje " in out


def test_end_before_start(write_plan):
    text = edit(
        example_text(), "    fra: 2026-11-23\n    til: 2026-12-18\n", "    fra: 2026-12-23\n    til: 2026-12-18\n"
    )
    out = errors_for(write_plan, text)
    assert at(text, "til: 2026-12-18") in out
    assert "slutter (2026-12-18) før den begynder (2026-12-23)" in out


def test_freeze_must_end_before_go_live(write_plan):
    text = edit(example_text(), "    til: 2027-02-26\n    # Sager", "    til: 2027-03-02\n    # Sager")
    out = errors_for(write_plan, text)
    assert "Frysningen skal slutte før go-live" in out


def test_weights_must_sum_to_100(write_plan):
    text = edit(example_text(), "      vaegt: 40\n", "      vaegt: 50\n")
    out = errors_for(write_plan, text)
    assert at(text, "kriterier:", exact=True) in out
    assert "giver tilsammen 110 %, men skal give 100 %" in out


def test_activity_after_its_deadline(write_plan):
    text = edit(
        example_text(), "    fra: 2026-11-23\n    til: 2026-12-18\n", "    fra: 2026-11-23\n    til: 2027-01-08\n"
    )
    out = errors_for(write_plan, text)
    assert at(text, "til: 2027-01-08") in out
    assert 'efter milepælen "Adgang til DUBU" (2027-01-04)' in out


def test_not_converted_needs_where_readable(write_plan):
    text = edit(example_text(), "    laesbar_til: 2030-12-31\n", "")
    out = errors_for(write_plan, text)
    assert 'sagskategorier[lukkede_aeldre]: Sager, der ikke konverteres, skal have "laesbar_til"' in out


def test_short_read_access_is_a_warning(write_plan):
    text = edit(example_text(), "    laesbar_til: 2028-03-01\n", "    laesbar_til: 2027-04-01\n")
    out = warnings_for(write_plan, text)
    assert at(text, "laesbar_til: 2027-04-01") in out and "mindst 3 måneder efter go-live" in out


def test_statistics_field_at_first_follow_up_is_flagged(write_plan):
    text = edit(
        example_text(),
        "          behov: [sagsbehandler]\n          minutter: 20\n",
        "          behov: [sagsbehandler, danmarks_statistik]\n          minutter: 20\n",
    )
    out = warnings_for(write_plan, text)
    assert at(text, "- id: barnets_plan") in out
    assert "skal bruges af Danmarks Statistik, men er først planlagt til første opfølgning" in out


def test_completed_while_a_step_is_open(write_plan):
    text = edit(example_text(), "  status: i_gang\n", "  status: fuldfoert\n")
    text = edit(text, "  afklaret_dato: 2026-10-28\n", "")
    out = errors_for(write_plan, text)
    assert at(text, "status: fuldfoert") in out
    assert 'kan ikke være "fuldfoert", fordi trin 1 (Afklar minimumssagsoplysninger) mangler' in out


def test_completed_when_all_steps_are_done_is_valid(write_plan):
    text = edit(example_text(), "  status: i_gang\n", "  status: fuldfoert\n")
    run = run_cli("validate", str(write_plan(text)))
    assert run.returncode == 0, run.stderr


def test_automatic_route_needs_a_vendor_offer(write_plan):
    text = example_text()
    start = text.index("leverandoertilbud:")
    end = text.index("\n# ----", start)
    text = text[:start] + text[end:]
    out = errors_for(write_plan, text)
    assert '"leverandoertilbud" mangler' in out


def test_follow_up_month_format(write_plan):
    text = edit(example_text(), "  2027-08: 65\n", "  august: 65\n")
    out = errors_for(write_plan, text)
    assert at(text, "august: 65") in out and "ÅÅÅÅ-MM" in out
