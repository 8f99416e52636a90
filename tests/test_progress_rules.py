"""fremdrift.yaml is checked like the plan: every error at once, with file, line, column and Danish text.

One bad file per rule, each made from the example's fremdrift.yaml by editing its text; plus the
plan's go/no-go criteria, the CPR guard on the new file, and the schema for editors.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from progress_support import errors, one, progress_text, project

from conftest import ROOT, edit, example_text, line_of, run_cli
from konverteringsplan.build import checked_plan
from konverteringsplan.messages import PlanError
from konverteringsplan.model.schema import PROGRESS_SCHEMA_FILE, progress_schema_text


def test_the_example_is_valid_with_one_warning(tmp_path):
    _plan, warnings, figures = checked_plan(project(tmp_path, progress_text()))
    assert figures.progress is not None
    assert [m.file for m in warnings] == ["fremdrift.yaml"] or all(m.file.endswith("fremdrift.yaml") for m in warnings)
    # the unexplained difference, two packages counted further along than the basic data they need, and a
    # sample smaller than the control guide plans
    assert len(warnings) == 4 and any("Forskellen på 1 sag" in w.text for w in warnings)
    assert sum("planlægger 37" in w.text for w in warnings) == 1
    assert sum("som opretter sagerne" in w.text for w in warnings) == 2


def test_unknown_work_package_with_a_guess(tmp_path):
    text = edit(progress_text(), "      basis_manuelle_sager: 110", "      basis_manuel_sager: 110")
    m = one(errors(tmp_path, text), "basis_manuel_sager")
    assert m.line == line_of(text, "basis_manuel_sager: 110") and m.column == 7
    assert 'Arbejdspakken "basis_manuel_sager" findes ikke i planen. Mente du "basis_manuelle_sager"?' in m.text
    assert m.file.endswith("fremdrift.yaml")


def test_unknown_and_non_converting_session(tmp_path):
    text = edit(
        progress_text(), "      sagsbehandler-hold-2: 40", "      sagsbehandler-hold-3: 40\n      oekonomi-intro: 2"
    )
    messages = errors(tmp_path, text)
    m = one(messages, "sagsbehandler-hold-3")
    assert 'Mente du "sagsbehandler-hold-2"?' in m.text and m.line == line_of(text, "sagsbehandler-hold-3")
    m = one(messages, "oekonomi-intro")
    assert "konverterer ingen sager" in m.text and m.line == line_of(text, "oekonomi-intro: 2")


def test_unknown_category_activity_and_criterion(tmp_path):
    text = edit(progress_text(), "    - kategori: aabne_anbringelser", "    - kategori: aabne_anbringelse")
    text = edit(text, "  - aktivitet: kontrolrunde_1", "  - aktivitet: kontrolrunde1")
    text = edit(text, "  - kriterie: ds_startdatoer", "  - kriterie: ds_startdato")
    messages = errors(tmp_path, text)
    assert 'Mente du "aabne_anbringelser"' in one(messages, '"aabne_anbringelse"').text
    m = one(messages, '"kontrolrunde1"')
    assert 'Mente du "kontrolrunde_1"?' in m.text and m.line == line_of(text, "aktivitet: kontrolrunde1")
    assert 'Mente du "ds_startdatoer"?' in one(messages, '"ds_startdato"').text


def test_a_measured_criterion_cannot_be_ticked_by_hand(tmp_path):
    text = edit(progress_text(), "  - kriterie: ds_startdatoer", "  - kriterie: fejlrate")
    m = one(errors(tmp_path, text), "kan ikke krydses af")
    assert m.line == line_of(text, "kriterie: fejlrate")


def test_counts_that_fall_between_dates(tmp_path):
    text = edit(progress_text(), "      basis_manuelle_sager: 150", "      basis_manuelle_sager: 100")
    m = one(errors(tmp_path, text), "faldet")
    assert m.line == line_of(text, "basis_manuelle_sager: 100")
    assert "Antallet er faldet fra 110 (5. februar 2027) til 100" in m.text


def test_counts_that_fall_are_found_whatever_the_order_in_the_file(tmp_path):
    text = progress_text()
    first = text.index("  - dato: 2027-01-22")
    second = text.index("  - dato: 2027-02-05")
    text = (
        text[:first]
        + text[second : text.index("  - dato: 2027-02-19")]
        + text[first:second]
        + text[text.index("  - dato: 2027-02-19") :]
    )
    text = edit(text, "      oekonomi_alle_sager: 90", "      oekonomi_alle_sager: 400")
    m = one(errors(tmp_path, text), "faldet")
    assert "fra 400 (22. januar 2027) til 330" in m.text


def test_counts_above_the_cases_the_package_holds(tmp_path):
    text = edit(progress_text(), "      basis_manuelle_sager: 150", "      basis_manuelle_sager: 187")
    m = one(errors(tmp_path, text), "flere end de 186")
    assert m.line == line_of(text, "basis_manuelle_sager: 187") and m.column == 7


def test_a_date_outside_the_plan(tmp_path):
    text = edit(progress_text(), "  - dato: 2027-01-22", "  - dato: 2029-01-22")
    m = one(errors(tmp_path, text), "uden for planens periode")
    assert m.line == line_of(text, "dato: 2029-01-22") and "2029-01-22" in m.text


def test_the_same_counting_date_twice(tmp_path):
    text = edit(progress_text(), "  - dato: 2027-02-05", "  - dato: 2027-01-22")
    messages = errors(tmp_path, text)
    m = one(messages, "er talt før")
    assert m.line == line_of(text, "dato: 2027-01-22", nth=2)
    assert f"linje {line_of(text, 'dato: 2027-01-22')}" in m.text


def test_faults_above_the_sample(tmp_path):
    text = edit(progress_text(), "    fejl: 4", "    fejl: 139")
    m = one(errors(tmp_path, text), "stikprøven")
    assert m.line == line_of(text, "fejl: 139") and "139 sager med fejl er flere end de 138" in m.text


def test_explanations_that_cover_more_than_the_difference(tmp_path):
    text = edit(progress_text(), "      antal: 2", "      antal: 3")
    m = one(errors(tmp_path, text), "Forklaringerne giver tilsammen −3 med fortegn")
    assert "men forskellen er −2" in m.text
    assert m.line == line_of(text, "kategori: aabne_stoettende")


def test_an_explanation_for_a_category_without_reconciliation(tmp_path):
    text = edit(
        progress_text(),
        "    - kategori: aabne_stoettende\n      antal: 2",
        "    - kategori: aabne_ungestoette\n      antal: 2",
    )
    m = one(errors(tmp_path, text), "har ingen afstemning")
    assert m.line == line_of(text, "kategori: aabne_ungestoette")


def test_unexplained_difference_is_a_warning_before_go_live_and_an_error_after(tmp_path):
    _plan, warnings, _ = checked_plan(project(tmp_path, progress_text()))
    assert [m.severity for m in warnings if "er ikke forklaret" in m.text] == ["advarsel"]
    after = edit(progress_text(), "  - dato: 2027-02-19", "  - dato: 2027-03-01")  # the latest count: go-live
    m = one(errors(tmp_path, after), "er ikke forklaret")
    assert m.is_error and "Efter go-live er det en fejl" in m.text
    assert m.line == line_of(after, "kategori: aabne_undersoegelser")


def test_explained_difference_gives_no_message(tmp_path):
    line = "      forklaring: Oprettet i SBSYS efter udtrækket til Netcompany; oprettes i hånden i DUBU før go-live.\n"
    text = edit(
        progress_text(),
        line,
        line + "    - kategori: aabne_undersoegelser\n      antal: 1\n      retning: faerre_i_dubu\n"
        "      forklaring: Undersøgelsen blev åbnet i SBSYS efter udtrækket.\n",
    )
    _plan, warnings, figures = checked_plan(project(tmp_path, text))
    assert [w for w in warnings if "afstemning" in w.key] == []
    assert [r.unexplained for r in figures.progress.reconciliation] == [0, 0, 0]


def test_every_error_at_once(tmp_path):
    text = edit(progress_text(), "    fejl: 4", "    fejl: 139")
    text = edit(text, "      basis_manuelle_sager: 150", "      basis_manuelle_sager: 100")
    text = edit(text, "  - aktivitet: kontrolrunde_1", "  - aktivitet: kontrolrunde1")
    messages = errors(tmp_path, text)
    assert len(messages) == 4  # 139 faults is more than the sample, and more than the routes add up to
    assert [m.line for m in messages] == sorted(m.line for m in messages)


def test_type_errors_name_line_and_key_in_danish(tmp_path):
    text = edit(progress_text(), "    stikproeve: 138", "    stikproeve: mange\n    stikprove: 3")
    messages = errors(tmp_path, text)
    m = one(messages, "helt tal")
    assert m.key == "kontrolrunder[1].stikproeve" and m.line == line_of(text, "stikproeve: mange")
    assert 'Mente du "stikproeve"?' in one(messages, "ukendt nøgle").text


def test_duplicate_keys_are_an_error(tmp_path):
    text = edit(
        progress_text(),
        "      oekonomi_alle_sager: 475",
        "      oekonomi_alle_sager: 475\n      oekonomi_alle_sager: 470",
    )
    messages = errors(tmp_path, text)
    assert any(m.line == line_of(text, "oekonomi_alle_sager: 470") for m in messages)


def test_cpr_number_in_the_progress_file_stops_everything(tmp_path):
    number = dt.date(2003, 2, 1).strftime("%d%m%y") + "1234"
    text = edit(progress_text(), "af: Superbruger Ingeborg Skjern", f"af: Superbruger {number}")
    messages = errors(tmp_path, text)
    assert any("CPR-nummer" in m.text and m.file.endswith("fremdrift.yaml") for m in messages)
    assert all(number not in str(m) for m in messages)


def test_cpr_number_hidden_by_a_yaml_escape_is_found_in_the_parsed_value(tmp_path):
    number = dt.date(2003, 2, 1).strftime("%d%m%y") + "1234"
    escaped = "".join(f"\\x{ord(c):02x}" for c in number)
    text = edit(progress_text(), "af: Superbruger Ingeborg Skjern", f'af: "Superbruger {escaped}"')
    messages = errors(tmp_path, text)
    assert any("CPR-nummer" in m.text and m.line == line_of(text, 'af: "Superbruger') for m in messages)
    assert all(number not in str(m) for m in messages)


def test_go_no_go_criteria_in_the_plan_are_checked(tmp_path):
    plan = edit(
        example_text(),
        "      kategorier: [aabne_anbringelser]\n      aktiviteter: [kontrolrunde_1]",
        "      kategorier: [aabne_anbringelse]\n      aktiviteter: [kontrolrunde_1]",
    )
    messages = errors(tmp_path, progress_text(), plan)
    # A wrong id is a cause: reported alone, where it is written; what follows from it waits until it is fixed.
    assert 'Mente du "aabne_anbringelser"' in one(messages, '"aabne_anbringelse"').text
    messages = errors(tmp_path, progress_text(), edit(example_text(), "      graense_pct: 5\n", ""))
    m = one(messages, "skal have en grænse")
    assert m.file == "plan.yaml" or m.file.endswith("plan.yaml")


def test_a_misspelt_work_package_in_a_criterion_is_one_error_like_every_other_reference(tmp_path):
    # The plan's reference check knows go_no_go.kriterier[].arbejdspakker: one message, where it is written,
    # with the line the meant package is defined on, reported first as a cause (nothing else from the plan).
    plan = edit(
        example_text(),
        "      maal: arbejdspakker_faerdige\n",
        "      maal: arbejdspakker_faerdige\n      arbejdspakker: [basis_manuelle_sagr]\n",
    )
    messages = errors(tmp_path, progress_text(), plan)
    assert [m.text for m in messages] == [
        f'Arbejdspakken "basis_manuelle_sagr" findes ikke. Mente du "basis_manuelle_sager" (defineret i linje '
        f"{line_of(plan, '- id: basis_manuelle_sager')})?"
    ]
    assert messages[0].line == line_of(plan, "arbejdspakker: [basis_manuelle_sagr]")
    assert messages[0].key == "go_no_go.kriterier[arbejdspakker].arbejdspakker[1]"


def test_an_unknown_id_in_a_big_plan_gets_a_short_list(tmp_path):
    """At factor 50 (Copenhagen) the plan has 150 converting sessions and 45 work packages: an id that is
    close to none of them lists ten and says how many more, as the plan's own reference errors do."""
    from bench.synthetic import write_plan

    path = write_plan(tmp_path / "plan.yaml", 50)
    plan, _, _ = checked_plan(path)
    converting = sorted(s.id for s in plan.training.sessions if s.conversion is not None)
    packages = sorted(wp.id for wp in plan.work_packages)
    assert len(converting) > 100 and len(packages) > 20
    day = plan.project.go_live.isoformat()
    (tmp_path / "fremdrift.yaml").write_text(
        f"status:\n  - dato: {day}\n    arbejdspakker:\n      qqq: 1\n    hold:\n      zzz: 1\n", encoding="utf-8"
    )
    with pytest.raises(PlanError) as exc:
        checked_plan(path)
    session = one(exc.value.messages, '"zzz"').text
    assert session == (
        f'Holdet "zzz" findes ikke i planen. Brug en af: {", ".join(converting[:10])} og {len(converting) - 10} andre.'
    )
    package = one(exc.value.messages, '"qqq"').text
    assert package == (
        f'Arbejdspakken "qqq" findes ikke i planen. Brug en af: {", ".join(packages[:10])} '
        f"og {len(packages) - 10} andre."
    )


def test_without_the_file_nothing_changes(tmp_path):
    _plan, warnings, figures = checked_plan(project(tmp_path, None))
    assert figures.progress is None and warnings == []


def test_progress_schema_is_current():
    assert (ROOT / PROGRESS_SCHEMA_FILE).read_text(encoding="utf-8") == progress_schema_text(), (
        "fremdrift.schema.json is stale: run `make schema`"
    )
    result = run_cli("schema", "--fremdrift", "--check")
    assert result.returncode == 0, result.stderr


def test_the_example_matches_the_schema_and_points_editors_at_it():
    schema = json.loads((ROOT / PROGRESS_SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema["title"] == "Fremdrift (fremdrift.yaml)"
    assert progress_text().splitlines()[0] == "# yaml-language-server: $schema=./fremdrift.schema.json"


# --- every date and count of fremdrift.yaml has the plan's ranges: a typo is a Danish error, not a crash ------


@pytest.mark.parametrize(
    "line, typo",
    [
        ("  - dato: 2027-02-05", "  - dato: 9999-12-30"),
        ("  dato: 2027-02-19", "  dato: 1066-10-14"),
        ("      basis_manuelle_sager: 110", "      basis_manuelle_sager: 99999999999"),
        ("    stikproeve: 138", "    stikproeve: 1000000000000"),
        ("      antal: 2", "      antal: 0"),
    ],
)
def test_a_date_or_count_out_of_range_is_an_error_at_its_line(tmp_path, line, typo):
    text = edit(progress_text(), line, typo)
    messages = errors(tmp_path, text)
    assert [m.line for m in messages] == [line_of(text, typo.strip())], [str(m) for m in messages]
    assert messages[0].file.endswith("fremdrift.yaml")


def test_a_pace_too_slow_for_the_calendar_has_no_finish_date():
    from konverteringsplan.analysis.calendar import WorkingDays
    from konverteringsplan.analysis.progress import _forecast

    start = dt.date(2027, 1, 1)
    days = WorkingDays(None, (), ())
    pace, finish, at_deadline = _forecast(
        1_000_000, start, [(start, 0), (dt.date(2099, 1, 1), 1)], dt.date(2100, 1, 1), days
    )
    assert finish is None and pace and at_deadline == 1


def test_the_fault_rate_reads_the_same_on_the_quality_page_and_in_go_no_go(tmp_path):
    """9 faults in 400 is 2,25 %: both pages round it half up, to 2,3 % (go/no-go said 2,2 %)."""
    from konverteringsplan.pages.render import render

    progress = edit(edit(progress_text(), "    stikproeve: 138", "    stikproeve: 400"), "    fejl: 4", "    fejl: 9")
    progress = progress[: progress.index("    # Alle anbringelser (110)")] + progress[progress.index("\n# Manuelle") :]
    plan_text = edit(example_text(), "      graense_pct: 5\n", "      graense_pct: 2\n")
    plan, warnings, figures = checked_plan(project(tmp_path, progress, plan_text))
    pages = {p.path: p.markdown for p in render(plan, figures, warnings).pages}
    for path in ("fremdrift/kvalitet.md", "fremdrift/go-no-go.md"):
        assert "2,3 %" in pages[path] and "2,2 %" not in pages[path], path


def test_a_role_name_keeps_its_capitals_in_the_progress_list(tmp_path):
    plan_text = example_text().replace("navn: Studentermedhjælper\n", "navn: Studentermedhjælper i DUBU\n", 1)
    assert plan_text != example_text()
    plan, warnings, figures = checked_plan(project(tmp_path, progress_text(), plan_text))
    from konverteringsplan.pages.render import render

    overview = next(p.markdown for p in render(plan, figures, warnings).pages if p.path == "fremdrift/index.md")
    assert "ermedhjælper i DUBU)" in overview and "dubu)" not in overview  # an abbreviation stays as written
