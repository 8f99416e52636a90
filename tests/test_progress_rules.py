"""fremdrift.yaml is checked like the plan: every error at once, with file, line, column and Danish text.

One bad file per rule, each made from the example's fremdrift.yaml by changing one key (conftest's key-path
helpers, so comments and line numbers stay); plus the plan's go/no-go criteria, the CPR guard on the new file,
and the schema for editors. The expected messages are the templates in generator/texts/validation.py.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from progress_support import errors, one, progress_text, project, said

from conftest import ROOT, add_item, add_key, drop_key, example_text, like, line_of_key, rename_key, run_cli, set_value
from konverteringsplan.build import checked_plan
from konverteringsplan.messages import PlanError
from konverteringsplan.model.schema import PROGRESS_SCHEMA_FILE, progress_schema_text
from konverteringsplan.texts import reading
from konverteringsplan.texts import validation as say

# key paths in fremdrift.yaml (list items named by dato, kategori, aktivitet, kriterie)
COUNT_0205 = ("status", "2027-02-05", "arbejdspakker", "basis_manuelle_sager")  # 110
COUNT_0219 = ("status", "2027-02-19", "arbejdspakker", "basis_manuelle_sager")  # 150
ROUND = ("kontrolrunder", "kontrolrunde_1")
EXPLANATION = ("afstemning", "forklaringer", "aabne_stoettende")
CHECKED_BY = ("go_no_go", "ds_startdatoer", "af")
# and in plan.yaml
CRITERIA = ("go_no_go", "kriterier")


def test_the_example_is_valid_with_one_warning(tmp_path):
    _plan, warnings, figures = checked_plan(project(tmp_path, progress_text()))
    assert figures.progress is not None
    assert [m.file for m in warnings] == ["fremdrift.yaml"] or all(m.file.endswith("fremdrift.yaml") for m in warnings)
    # the unexplained difference, two packages counted further along than the basic data they need, and a
    # sample smaller than the control guide plans
    assert len(warnings) == 4 and any(said(say.UNEXPLAINED_ALL, cases="1 sag").search(w.text) for w in warnings)
    assert sum(bool(said(say.SAMPLE_SMALLER_THAN_PLANNED, planned=37).search(w.text)) for w in warnings) == 1
    assert sum(bool(like(say.AHEAD_OF_PREREQUISITE).search(w.text)) for w in warnings) == 2


def test_unknown_work_package_with_a_guess(tmp_path):
    text = rename_key(progress_text(), COUNT_0205, "basis_manuel_sager")
    m = one(errors(tmp_path, text), "basis_manuel_sager")
    assert m.line == line_of_key(text, (*COUNT_0205[:-1], "basis_manuel_sager")) and m.column == 7
    meant = say.MEANT.format(meant="basis_manuelle_sager")
    assert say.NOT_IN_PLAN.format(what=say.NAMED_PACKAGE, id="basis_manuel_sager", guess=meant) in m.text
    assert m.file.endswith("fremdrift.yaml")


def test_unknown_and_non_converting_session(tmp_path):
    sessions = ("status", "2027-02-05", "hold")
    text = rename_key(progress_text(), (*sessions, "sagsbehandler-hold-2"), "sagsbehandler-hold-3")
    text = add_key(text, sessions, "oekonomi-intro", "2")
    messages = errors(tmp_path, text)
    m = one(messages, "sagsbehandler-hold-3")
    assert say.MEANT.format(meant="sagsbehandler-hold-2") in m.text
    assert m.line == line_of_key(text, (*sessions, "sagsbehandler-hold-3"))
    m = one(messages, "oekonomi-intro")
    assert m.text == say.SESSION_CONVERTS_NOTHING.format(id="oekonomi-intro")
    assert m.line == line_of_key(text, (*sessions, "oekonomi-intro"))


def test_unknown_category_activity_and_criterion(tmp_path):
    text = set_value(
        progress_text(), ("afstemning", "kategorier", "aabne_anbringelser", "kategori"), "aabne_anbringelse"
    )
    text = set_value(text, (*ROUND, "aktivitet"), "kontrolrunde1")
    text = set_value(text, ("go_no_go", "ds_startdatoer", "kriterie"), "ds_startdato")
    messages = errors(tmp_path, text)
    assert say.MEANT.format(meant="aabne_anbringelser") in one(messages, '"aabne_anbringelse"').text
    m = one(messages, '"kontrolrunde1"')
    assert say.MEANT.format(meant="kontrolrunde_1") in m.text
    assert m.line == line_of_key(text, ("kontrolrunder", "kontrolrunde1", "aktivitet"))
    assert say.MEANT.format(meant="ds_startdatoer") in one(messages, '"ds_startdato"').text


def test_a_measured_criterion_cannot_be_ticked_by_hand(tmp_path):
    text = set_value(progress_text(), ("go_no_go", "ds_startdatoer", "kriterie"), "fejlrate")
    m = one(errors(tmp_path, text), said(say.CRITERION_NOT_MANUAL, criterion="fejlrate"))
    assert m.line == line_of_key(text, ("go_no_go", "fejlrate", "kriterie"))


def test_counts_that_fall_between_dates(tmp_path):
    text = set_value(progress_text(), COUNT_0219, "100")
    m = one(errors(tmp_path, text), like(say.COUNT_FELL))
    assert m.line == line_of_key(text, COUNT_0219)
    assert m.text == say.COUNT_FELL.format(before=110, date="5. februar 2027", n=100)


def test_counts_that_fall_are_found_whatever_the_order_in_the_file(tmp_path):
    text = set_value(progress_text(), ("status", "2027-01-22", "arbejdspakker", "oekonomi_alle_sager"), "400")
    # raw text: the order of list items has no key path; the lines of the first two counts change places
    lines = text.splitlines(keepends=True)
    first, second, third = (
        line_of_key(text, ("status", day)) - 1 for day in ("2027-01-22", "2027-02-05", "2027-02-19")
    )
    text = "".join(lines[:first] + lines[second:third] + lines[first:second] + lines[third:])
    assert line_of_key(text, ("status", "2027-01-22")) > line_of_key(text, ("status", "2027-02-05"))
    m = one(errors(tmp_path, text), like(say.COUNT_FELL))
    assert m.text == say.COUNT_FELL.format(before=400, date="22. januar 2027", n=330)


def test_counts_above_the_cases_the_package_holds(tmp_path):
    text = set_value(progress_text(), COUNT_0219, "187")
    m = one(errors(tmp_path, text), said(say.MORE_DONE_THAN_PLANNED, n=187, total=186))
    assert m.line == line_of_key(text, COUNT_0219) and m.column == 7


def test_a_date_outside_the_plan(tmp_path):
    text = set_value(progress_text(), ("status", "2027-01-22", "dato"), "2029-01-22")
    m = one(errors(tmp_path, text), said(say.DATE_OUTSIDE_PLAN, day="2029-01-22"))
    assert m.line == line_of_key(text, ("status", "2029-01-22", "dato"))


def test_the_same_counting_date_twice(tmp_path):
    text = set_value(progress_text(), ("status", "2027-02-05", "dato"), "2027-01-22")
    messages = errors(tmp_path, text)
    first, second = (line_of_key(text, ("status", i, "dato")) for i in (0, 1))
    m = one(messages, like(say.DATE_COUNTED_BEFORE))
    assert m.line == second and m.text == say.DATE_COUNTED_BEFORE.format(day="2027-01-22", line=first)


def test_faults_above_the_sample(tmp_path):
    text = set_value(progress_text(), (*ROUND, "fejl"), "139")
    m = one(errors(tmp_path, text), like(say.FAULTS_ABOVE_SAMPLE))
    assert m.line == line_of_key(text, (*ROUND, "fejl"))
    assert m.text == say.FAULTS_ABOVE_SAMPLE.format(faults=139, sample=138)


def test_explanations_that_cover_more_than_the_difference(tmp_path):
    text = set_value(progress_text(), (*EXPLANATION, "antal"), "3")
    m = one(errors(tmp_path, text), said(say.EXPLAINED_DOES_NOT_ADD_UP, explained="−3", difference="−2"))
    assert m.line == line_of_key(text, ("afstemning", "kategorier", "aabne_stoettende"))


def test_an_explanation_for_a_category_without_reconciliation(tmp_path):
    text = set_value(progress_text(), (*EXPLANATION, "kategori"), "aabne_ungestoette")
    m = one(errors(tmp_path, text), said(say.EXPLANATION_WITHOUT_ROW, category="aabne_ungestoette"))
    assert m.line == line_of_key(text, ("afstemning", "forklaringer", "aabne_ungestoette", "kategori"))


def test_unexplained_difference_is_a_warning_before_go_live_and_an_error_after(tmp_path):
    _plan, warnings, _ = checked_plan(project(tmp_path, progress_text()))
    assert [m.severity for m in warnings if like(say.UNEXPLAINED).search(m.text)] == ["advarsel"]
    after = set_value(progress_text(), ("status", "2027-02-19", "dato"), "2027-03-01")  # the latest count: go-live
    m = one(errors(tmp_path, after), like(say.UNEXPLAINED))
    assert m.is_error and said(say.UNEXPLAINED, when=say.WHEN_AFTER_GO_LIVE).search(m.text)
    assert m.line == line_of_key(after, ("afstemning", "kategorier", "aabne_undersoegelser"))


def test_explained_difference_gives_no_message(tmp_path):
    text = add_item(
        progress_text(),
        ("afstemning", "forklaringer"),
        "kategori: aabne_undersoegelser\nantal: 1\nretning: faerre_i_dubu\n"
        "forklaring: Undersøgelsen blev åbnet i SBSYS efter udtrækket.",
    )
    _plan, warnings, figures = checked_plan(project(tmp_path, text))
    assert [w for w in warnings if "afstemning" in w.key] == []
    assert [r.unexplained for r in figures.progress.reconciliation] == [0, 0, 0]


def test_every_error_at_once(tmp_path):
    text = set_value(progress_text(), (*ROUND, "fejl"), "139")
    text = set_value(text, COUNT_0219, "100")
    text = set_value(text, (*ROUND, "aktivitet"), "kontrolrunde1")
    messages = errors(tmp_path, text)
    assert len(messages) == 4  # 139 faults is more than the sample, and more than the routes add up to
    assert [m.line for m in messages] == sorted(m.line for m in messages)


def test_type_errors_name_line_and_key_in_danish(tmp_path):
    text = set_value(progress_text(), (*ROUND, "stikproeve"), "mange")
    text = add_key(text, ROUND, "stikprove", "3")
    messages = errors(tmp_path, text)
    m = one(messages, like(say.NOT_INTEGER))
    assert m.key == "kontrolrunder[1].stikproeve" and m.line == line_of_key(text, (*ROUND, "stikproeve"))
    one(messages, said(say.UNKNOWN_KEY_MEANT, key="stikprove", meant="stikproeve"))


def test_duplicate_keys_are_an_error(tmp_path):
    counts = ("status", "2027-02-19", "arbejdspakker")
    text = add_key(progress_text(), counts, "oekonomi_alle_sager", "470")
    messages = errors(tmp_path, text)
    # raw text: a repeated key has no key path of its own (the path names the first); the new one is the last
    assert any(m.line == line_of_key(text, (*counts, "rest_automatiske_sager")) + 1 for m in messages)


def test_cpr_number_in_the_progress_file_stops_everything(tmp_path):
    number = dt.date(2003, 2, 1).strftime("%d%m%y") + "1234"
    text = set_value(progress_text(), CHECKED_BY, f"Superbruger {number}")
    messages = errors(tmp_path, text)
    assert any(like(reading.CPR_FOUND).search(m.text) and m.file.endswith("fremdrift.yaml") for m in messages)
    assert all(number not in str(m) for m in messages)


def test_cpr_number_hidden_by_a_yaml_escape_is_found_in_the_parsed_value(tmp_path):
    number = dt.date(2003, 2, 1).strftime("%d%m%y") + "1234"
    escaped = "".join(f"\\x{ord(c):02x}" for c in number)
    text = set_value(progress_text(), CHECKED_BY, f'"Superbruger {escaped}"')
    messages = errors(tmp_path, text)
    assert any(like(reading.CPR_FOUND).search(m.text) and m.line == line_of_key(text, CHECKED_BY) for m in messages)
    assert all(number not in str(m) for m in messages)


def test_go_no_go_criteria_in_the_plan_are_checked(tmp_path):
    plan = set_value(example_text(), (*CRITERIA, "anbringelser", "kategorier"), "[aabne_anbringelse]")
    messages = errors(tmp_path, progress_text(), plan)
    # A wrong id is a cause: reported alone, where it is written; what follows from it waits until it is fixed.
    meant = said(say.UNKNOWN_ID_MEANT, kind=say.KIND_CATEGORY, value="aabne_anbringelse", meant="aabne_anbringelser")
    one(messages, meant)
    messages = errors(tmp_path, progress_text(), drop_key(example_text(), (*CRITERIA, "fejlrate", "graense_pct")))
    m = one(messages, say.FAULT_RATE_NEEDS_LIMIT)
    assert m.file == "plan.yaml" or m.file.endswith("plan.yaml")


def test_a_misspelt_work_package_in_a_criterion_is_one_error_like_every_other_reference(tmp_path):
    # The plan's reference check knows go_no_go.kriterier[].arbejdspakker: one message, where it is written,
    # with the line the meant package is defined on, reported first as a cause (nothing else from the plan).
    plan = add_key(example_text(), (*CRITERIA, "arbejdspakker"), "arbejdspakker", "[basis_manuelle_sagr]")
    messages = errors(tmp_path, progress_text(), plan)
    assert [m.text for m in messages] == [
        say.UNKNOWN_ID_MEANT.format(
            kind=say.KIND_PACKAGE,
            value="basis_manuelle_sagr",
            meant="basis_manuelle_sager",
            defined=line_of_key(plan, ("arbejdspakker", "basis_manuelle_sager")),
        )
    ]
    assert messages[0].line == line_of_key(plan, (*CRITERIA, "arbejdspakker", "arbejdspakker"))
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

    def short_list(what: str, id_: str, known: list[str]) -> str:
        listed = ", ".join(known[:10]) + say.AND_MORE.format(n=len(known) - 10)
        guess = say.CHOOSE_FROM.format(known=say.USE_ONE_OF.format(guess="", listed=listed))
        return say.NOT_IN_PLAN.format(what=what, id=id_, guess=guess)

    assert one(exc.value.messages, '"zzz"').text == short_list(say.NAMED_SESSION, "zzz", converting)
    assert one(exc.value.messages, '"qqq"').text == short_list(say.NAMED_PACKAGE, "qqq", packages)


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
    "path, typo",
    [
        pytest.param(("status", "2027-02-05", "dato"), "9999-12-30", id="count-date"),
        pytest.param(("afstemning", "dato"), "1066-10-14", id="reconciliation-date"),
        pytest.param(COUNT_0205, "99999999999", id="count"),
        pytest.param((*ROUND, "stikproeve"), "1000000000000", id="sample"),
        pytest.param((*EXPLANATION, "antal"), "0", id="explained-cases"),
    ],
)
def test_a_date_or_count_out_of_range_is_an_error_at_its_line(tmp_path, path, typo):
    text = set_value(progress_text(), path, typo)
    messages = errors(tmp_path, text)
    assert [m.line for m in messages] == [line_of_key(progress_text(), path)], [str(m) for m in messages]
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

    progress = set_value(progress_text(), (*ROUND, "stikproeve"), "400")
    progress = drop_key(set_value(progress, (*ROUND, "fejl"), "9"), (*ROUND, "ruter"))
    plan_text = set_value(example_text(), (*CRITERIA, "fejlrate", "graense_pct"), "2")
    plan, warnings, figures = checked_plan(project(tmp_path, progress, plan_text))
    pages = {p.path: p.markdown for p in render(plan, figures, warnings).pages}
    for path in ("fremdrift/kvalitet.md", "fremdrift/go-no-go.md"):
        assert "2,3 %" in pages[path] and "2,2 %" not in pages[path], path


def test_a_role_name_keeps_its_capitals_in_the_progress_list(tmp_path):
    plan_text = set_value(example_text(), ("roller", "studentermedhjaelper", "navn"), "Studentermedhjælper i DUBU")
    plan, warnings, figures = checked_plan(project(tmp_path, progress_text(), plan_text))
    from konverteringsplan.pages.render import render

    overview = next(p.markdown for p in render(plan, figures, warnings).pages if p.path == "fremdrift/index.md")
    assert "ermedhjælper i DUBU)" in overview and "dubu)" not in overview  # an abbreviation stays as written
