"""Errors point at the cause: one error where the mistake is written, first, in Danish a project lead
can act on; what only follows from it (coverage, weekly load, forecast) is not reported separately.

Each case: the number of errors, their order, the line and the text.
"""

from __future__ import annotations

import re

import pytest

from conftest import edit, example_text, line_of, run_cli

SUMMARY = re.compile(r"^\d+ fejl - ret dem og prøv igen\.$")


def errors(write_plan, text: str) -> list[str]:
    path = write_plan(text)
    result = run_cli("validate", str(path), cwd=path.parent)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert SUMMARY.match(lines[-1]) and lines[-1].startswith(f"{len(lines) - 1} fejl")
    return lines[:-1]


def test_typo_in_a_category_reference_is_one_error_with_a_suggestion(write_plan):
    old = (
        "kategorier: [aabne_anbringelser, aabne_undersoegelser, aabne_ungestoette]\n    feltgrupper: [basisoplysninger]"
    )
    text = edit(example_text(), old, old.replace("aabne_anbringelser", "aabne_anbringelse"))
    out = errors(write_plan, text)
    line = line_of(text, "kategorier: [aabne_anbringelse,")
    assert out == [
        f"plan.yaml:{line}:18: arbejdspakker[basis_manuelle_sager].kategorier[1]: Sagskategorien "
        f'"aabne_anbringelse" findes ikke. Mente du "aabne_anbringelser" (defineret i linje '
        f"{line_of(text, '- id: aabne_anbringelser')})?"
    ]


def test_typo_in_a_category_definition_is_one_error_listing_every_use(write_plan):
    text = edit(example_text(), "- id: aabne_anbringelser\n", "- id: aabne_anbringelse\n")
    out = errors(write_plan, text)
    uses = [i for i, line in enumerate(text.splitlines(), 1) if "aabne_anbringelser" in line]
    assert len(out) == 1 and len(uses) > 5
    assert out[0].startswith(f"plan.yaml:{uses[0]}:")
    assert (
        'Sagskategorien "aabne_anbringelser" findes ikke. Mente du "aabne_anbringelse" (defineret i linje '
        f"{line_of(text, '- id: aabne_anbringelse')})?" in out[0]
    )
    assert f"står også i linje {', '.join(map(str, uses[1:-1]))} og {uses[-1]}" in out[0]
    assert f'ret id\'et i linje {line_of(text, "- id: aabne_anbringelse")} til "aabne_anbringelser"' in out[0]
    assert "har ingen, der indtaster det" not in "\n".join(out)  # coverage follows from it: not reported


def test_duplicate_role_id_names_both_lines_and_blames_no_other_role(write_plan):
    text = edit(example_text(), "  - id: oekonomimedarbejder\n", "  - id: sagsbehandler\n")
    out = errors(write_plan, text)
    first, repeat = line_of(text, "  - id: sagsbehandler"), line_of(text, "  - id: sagsbehandler", 2)
    uses = [i for i, line in enumerate(text.splitlines(), 1) if "oekonomimedarbejder" in line]
    assert out == [
        f'plan.yaml:{repeat}:5: roller[sagsbehandler].id: id "sagsbehandler" er brugt to gange: i linje '
        f"{first} og i linje {repeat}. Giv hvert punkt sit eget id. Planen henviser til "
        f'"oekonomimedarbejder" (linje {", ".join(map(str, uses[:-1]))} og {uses[-1]}), som ikke findes: '
        f'skal punktet i linje {repeat} have id "oekonomimedarbejder"?'
    ]


@pytest.mark.parametrize(
    "ref",
    [
        "rolle: studentermedhjaelper",
        "rolle: sagsbehandler",
        "rolle: oekonomimedarbejder",
        "kategorier: [aabne_stoettende",
        "frist: go_live",
        "feltgrupper: [oekonomi]",
        "maalgruppe: [sagsbehandler]",
        "frist: levering",
    ],
)
def test_any_misspelt_reference_gives_one_error_with_the_right_suggestion(write_plan, ref):
    """By class: drop the last letter of one reference of each kind; exactly one error, at that line."""
    key, _, value = ref.partition(": ")
    wrong = value[:-1] if not value.endswith("]") else value[:-2] + "]"
    text = edit(example_text(), f"{key}: {value}", f"{key}: {wrong}")
    out = errors(write_plan, text)
    meant = value.strip("[]")
    assert len(out) == 1, out
    assert out[0].startswith(f"plan.yaml:{line_of(text, f'{key}: {wrong}')}:")
    assert f'Mente du "{meant}"' in out[0]


def test_the_cause_comes_before_unrelated_type_errors(write_plan):
    text = edit(example_text(), "    antal: 16\n", "    antal: seksten\n")
    text = edit(text, "feltgrupper: [oekonomi]", "feltgrupper: [oekonomy]")
    out = errors(write_plan, text)
    assert len(out) == 2
    assert 'Feltgruppen "oekonomy" findes ikke. Mente du "oekonomi"' in out[0]
    assert out[1].startswith(
        f"plan.yaml:{line_of(text, 'antal: seksten')}:5: roller[sagsbehandler].antal: skal være et helt tal"
    )


def test_enum_value_with_danish_letters_suggests_the_spelling(write_plan):
    text = edit(example_text(), "status: i_gang", "status: fuldført")
    assert errors(write_plan, text) == [
        f"plan.yaml:{line_of(text, 'status: fuldført')}:3: klik_opgave.status: skal være en af: 'ikke_startet', "
        "'i_gang', 'fuldfoert'. Du har skrevet \"fuldført\". Mente du \"fuldfoert\"?"
    ]


def test_unquoted_time_says_what_to_type(write_plan):
    text = edit(example_text(), 'start: "10:00"', "start: 13:00")
    assert errors(write_plan, text) == [
        f"plan.yaml:{line_of(text, 'start: 13:00')}:7: undervisning.sessioner[oekonomi-intro].start: skal være et "
        'klokkeslæt i anførselstegn: skriv "13:00". Uden anførselstegn læses 13:00 som tallet 780.'
    ]


def test_colon_in_a_list_item_says_to_quote_it(write_plan):
    text = edit(example_text(), "        - Opret en sag og basisoplysninger\n", "        - Bemærk: opret en sag\n")
    assert errors(write_plan, text) == [
        f"plan.yaml:{line_of(text, '- Bemærk: opret en sag')}:11: undervisning.sessioner[studenter-intro].indhold[1]: "
        'skal være en tekst, men teksten indeholder kolon og mellemrum (": "), så den læses som "nøgle: værdi". '
        'Sæt hele teksten i anførselstegn: "Bemærk: opret en sag".'
    ]


@pytest.mark.parametrize(
    "old,new,good",
    [
        ('  cvr: "11111111"\n', '    cvr: "11111111"\n', 2),
        ("    navn: Studentermedhjælper\n", "      navn: Studentermedhjælper\n", 4),
    ],
)
def test_key_indented_too_far_says_how_far(write_plan, old, new, good):
    text = edit(example_text(), old, new)
    out = errors(write_plan, text)
    line = line_of(text, new.rstrip("\n"), exact=False)
    assert len(out) == 1
    assert out[0].startswith(f"plan.yaml:{line}:")
    assert (
        f"Linje {line} er rykket længere ind ({len(new) - len(new.lstrip())} mellemrum) end nøglen i linjen "
        f"før ({good} mellemrum)" in out[0]
    )
    assert f"ret linje {line}, så den begynder med {good} mellemrum." in out[0]


def test_decimal_comma_says_what_to_type(write_plan):
    text = edit(example_text(), "    timer_pr_uge: 15   #", "    timer_pr_uge: 7,5   #")
    assert errors(write_plan, text) == [
        f"plan.yaml:{line_of(text, 'timer_pr_uge: 7,5')}:5: roller[oekonomimedarbejder].timer_pr_uge: skal være "
        'et tal. Du har skrevet "7,5" med komma; i planen er decimaltegnet punktum: skriv 7.5.'
    ]


def test_missing_file_says_where_it_looked_and_what_to_do(tmp_path):
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"plan.yaml:0:0: Filen plan.yaml findes ikke (i mappen {tmp_path.resolve()}).")
    assert "konverteringsplan new MAPPE" in first


def test_utf8_bom_is_accepted(write_plan, tmp_path):
    path = write_plan("")
    path.write_bytes(b"\xef\xbb\xbf" + example_text().encode("utf-8"))
    result = run_cli("validate", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "planen er gyldig" in result.stdout
