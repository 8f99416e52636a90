"""Errors point at the cause: one error where the mistake is written, first, in Danish a project lead
can act on; what only follows from it (coverage, weekly load, forecast) is not reported separately.

Each case: the number of errors, their order, the line and the text (the template from generator/texts/).
"""

from __future__ import annotations

import pytest

from conftest import example_text, line_of_key, partly, run_cli, set_value
from konverteringsplan.texts import commands, reading
from konverteringsplan.texts import validation as say

MEANT_CATEGORY = ("sagskategorier", "aabne_anbringelser")


def errors(write_plan, text: str) -> list[str]:
    path = write_plan(text)
    result = run_cli("validate", str(path), cwd=path.parent)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == commands.ERRORS_FIX.format(count=len(lines) - 1)
    return lines[:-1]


def lines_named(lines: list[int]) -> str:
    """'1, 2 og 3', as a message lists line numbers."""
    return f"{', '.join(map(str, lines[:-1]))} og {lines[-1]}"


def test_typo_in_a_category_reference_is_one_error_with_a_suggestion(write_plan):
    where = ("arbejdspakker", "basis_manuelle_sager", "kategorier", 0)
    text = set_value(example_text(), where, "aabne_anbringelse")
    out = errors(write_plan, text)
    assert out == [
        f"plan.yaml:{line_of_key(text, where)}:18: arbejdspakker[basis_manuelle_sager].kategorier[1]: "
        + say.UNKNOWN_ID_MEANT.format(
            kind=say.KIND_CATEGORY,
            value="aabne_anbringelse",
            meant="aabne_anbringelser",
            defined=line_of_key(text, MEANT_CATEGORY),
        )
    ]


def test_typo_in_a_category_definition_is_one_error_listing_every_use(write_plan):
    text = set_value(example_text(), (*MEANT_CATEGORY, "id"), "aabne_anbringelse")
    out = errors(write_plan, text)
    defined = line_of_key(text, ("sagskategorier", "aabne_anbringelse"))
    uses = [i for i, line in enumerate(text.splitlines(), 1) if "aabne_anbringelser" in line]
    assert len(out) == 1 and len(uses) > 5
    assert out[0].startswith(f"plan.yaml:{uses[0]}:")
    message = say.UNKNOWN_ID_MEANT.format(
        kind=say.KIND_CATEGORY, value="aabne_anbringelser", meant="aabne_anbringelse", defined=defined
    )
    message += say.ALSO_IN_LINES.format(value="aabne_anbringelser", lines=lines_named(uses[1:]))
    message += say.ALSO_FIX_ALL.format(defined=defined, value="aabne_anbringelser")
    assert out[0].endswith(message)
    assert not partly(say.FIELD_NOBODY).search("\n".join(out))  # coverage follows from it: not reported


def test_duplicate_role_id_names_both_lines_and_blames_no_other_role(write_plan):
    example = example_text()
    text = set_value(example, ("roller", "oekonomimedarbejder", "id"), "sagsbehandler")
    out = errors(write_plan, text)
    first, repeat = (
        line_of_key(example, ("roller", "sagsbehandler")),
        line_of_key(example, ("roller", "oekonomimedarbejder")),
    )
    uses = [i for i, line in enumerate(text.splitlines(), 1) if "oekonomimedarbejder" in line]
    assert out == [
        f"plan.yaml:{repeat}:5: roller[sagsbehandler].id: "
        + say.DUPLICATE_ID.format(key="sagsbehandler", first=first, repeat=repeat)
        + say.DUPLICATE_MEANT.format(meant="oekonomimedarbejder", uses=lines_named(uses), repeat=repeat)
    ]


@pytest.mark.parametrize(
    "where,meant",
    [
        pytest.param(
            ("minimumsoplysninger", "feltgrupper", "basisoplysninger", "rolle"), "studentermedhjaelper", id="rolle"
        ),
        pytest.param(
            ("projekt", "frysning", "genindtastning", "sagsbehandler", "rolle"), "sagsbehandler", id="rolle-i-liste"
        ),
        pytest.param(
            ("projekt", "frysning", "genindtastning", "oekonomimedarbejder", "rolle"),
            "oekonomimedarbejder",
            id="anden-rolle",
        ),
        pytest.param(
            ("minimumsoplysninger", "feltgrupper", "basisoplysninger", "felter", "foraeldremyndighed", "kategorier", 0),
            "aabne_stoettende",
            id="kategori",
        ),
        pytest.param(("aktiviteter", "styring", "frist"), "go_live", id="milepael"),
        pytest.param(("arbejdspakker", "oekonomi_alle_sager", "feltgrupper", 0), "oekonomi", id="feltgruppe"),
        pytest.param(
            ("undervisning", "sessioner", "sagsbehandler-hold-1", "maalgruppe", 0), "sagsbehandler", id="maalgruppe"
        ),
        pytest.param(("aktiviteter", "bestil_konvertering", "frist"), "levering", id="afledt-milepael"),
    ],
)
def test_any_misspelt_reference_gives_one_error_with_the_right_suggestion(write_plan, where, meant):
    """By class: drop the last letter of one reference of each kind; exactly one error, at that line."""
    example = example_text()
    out = errors(write_plan, set_value(example, where, meant[:-1]))
    assert len(out) == 1, out
    assert out[0].startswith(f"plan.yaml:{line_of_key(example, where)}:")
    assert partly(say.UNKNOWN_ID_MEANT, value=meant[:-1], meant=meant).search(out[0]), out[0]


def test_the_cause_comes_before_unrelated_type_errors(write_plan):
    count = ("roller", "sagsbehandler", "antal")
    text = set_value(example_text(), count, "seksten")
    text = set_value(text, ("arbejdspakker", "oekonomi_alle_sager", "feltgrupper", 0), "oekonomy")
    out = errors(write_plan, text)
    assert len(out) == 2
    assert partly(say.UNKNOWN_ID_MEANT, kind=say.KIND_GROUP, value="oekonomy", meant="oekonomi").search(out[0])
    assert out[1] == (
        f"plan.yaml:{line_of_key(text, count)}:5: roller[sagsbehandler].antal: "
        + say.NOT_INTEGER.format(got=say.YOU_WROTE.format(value='"seksten"'))
    )


VALUE_MESSAGES = [
    pytest.param(
        ("klik_opgave", "status"),
        "fuldført",
        "3: klik_opgave.status",
        say.ONE_OF.format(
            expected="'ikke_startet', 'i_gang', 'fuldfoert'",
            got=say.YOU_WROTE.format(value='"fuldført"') + say.MEANT.format(meant="fuldfoert"),
        ),
        id="danish-letters-in-enum",
    ),
    pytest.param(
        ("undervisning", "sessioner", "oekonomi-intro", "start"),
        "13:00",
        "7: undervisning.sessioner[oekonomi-intro].start",
        say.CLOCK_READ_AS_NUMBER.format(clock="13:00", hours=13, minutes=0, value=780),
        id="unquoted-time",
    ),
    pytest.param(
        ("undervisning", "sessioner", "studenter-intro", "indhold", 0),
        "Bemærk: opret en sag",
        "11: undervisning.sessioner[studenter-intro].indhold[1]",
        say.TEXT_READ_AS_KEY.format(key="Bemærk", value="opret en sag"),
        id="colon-in-list-item",
    ),
    pytest.param(
        ("roller", "oekonomimedarbejder", "timer_pr_uge"),
        "7,5",
        "5: roller[oekonomimedarbejder].timer_pr_uge",
        say.DECIMAL_COMMA.format(value="7,5", dotted="7.5"),
        id="decimal-comma",
    ),
]


@pytest.mark.parametrize("where,written,column_and_key,message", VALUE_MESSAGES)
def test_a_value_written_the_wrong_way_says_what_to_type(write_plan, where, written, column_and_key, message):
    """One error at the value's line: what is wrong with it and what to type instead."""
    text = set_value(example_text(), where, written)
    assert errors(write_plan, text) == [f"plan.yaml:{line_of_key(text, where)}:{column_and_key}: {message}"]


@pytest.mark.parametrize(
    "where,good",
    [
        pytest.param(("kommune", "cvr"), 2, id="top-level-key"),
        pytest.param(("roller", "studentermedhjaelper", "navn"), 4, id="key-in-list-item"),
    ],
)
def test_key_indented_too_far_says_how_far(write_plan, where, good):
    example = example_text()
    line = line_of_key(example, where)
    lines = example.splitlines(keepends=True)
    lines[line - 1] = "  " + lines[line - 1]  # raw text: an indentation error is not a key path's value
    out = errors(write_plan, "".join(lines))
    assert len(out) == 1
    assert out[0].startswith(f"plan.yaml:{line}:")
    assert reading.TOO_FAR_IN.format(line=line, indent=good + 2, key_col=good) in out[0]


def test_missing_file_says_where_it_looked_and_what_to_do(tmp_path):
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first == "plan.yaml:0:0: " + reading.FILE_NOT_FOUND.format(name="plan.yaml", folder=tmp_path.resolve())


def test_utf8_bom_is_accepted(write_plan, tmp_path):
    path = write_plan("")
    path.write_bytes(b"\xef\xbb\xbf" + example_text().encode("utf-8"))  # raw text: the byte order mark
    result = run_cli("validate", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert partly(commands.VALID_SUMMARY, municipality="Korsbæk Kommune").search(result.stdout)
