"""Every threshold rule on its limit: at the limit, one step below and one step above.

Each test changes one value of the example plan by its key path (conftest's ``set_keys``), checks the plan the way
the build does (raw references, then the typed rules) and looks at what the user would see: the
message at one key, its severity, and its text, matched against the template in generator/texts/ (the
tests are about behaviour, not wording). The example itself gives no message at all (first test), so a
message here comes from the one change.
"""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
from typing import Any

import pytest
import yaml

from conftest import (
    DELETE,
    EXAMPLE,
    drop_key,
    example_text,
    like,
    line_of_key,
    partly,
    run_cli,
    set_keys,
    set_value,
)
from konverteringsplan import formatting as fmt
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.messages import ERROR, WARNING, Message
from konverteringsplan.rules.references import MAX_KNOWN, known_ids, lines_named
from konverteringsplan.rules.validate import check, check_raw
from konverteringsplan.texts import validation as say

D = dt.date
GO_LIVE = D(2027, 3, 1)  # a Monday


@cache
def _example() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def plan_text(*changes: tuple[tuple[Any, ...], Any]) -> str:
    data = set_keys(copy.deepcopy(_example()), *changes)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def messages(*changes: tuple[tuple[Any, ...], Any]) -> list[Message]:
    plan, loaded = load_plan_text(plan_text(*changes))
    causes, follows = check_raw(loaded)
    return causes + follows + check(plan, loaded)


def at(msgs: list[Message], key: str, template: str | None = None) -> list[tuple[str, str]]:
    """(severity, text) of the messages at `key` (only those of `template`, when given)."""
    pattern = like(template) if template else None
    return [(m.severity, m.text) for m in msgs if m.key == key and (pattern is None or pattern.fullmatch(m.text))]


def severities(msgs: list[Message], key: str, template: str) -> list[str]:
    return [s for s, _ in at(msgs, key, template)]


def test_the_example_gives_no_message():
    assert messages() == []


# --- training: seats, dates, roles ------------------------------------------------------------------

SESSION = ("undervisning", "sessioner")
STUDENTS = "undervisning.sessioner[studenter-intro]"  # conversion exercise, 6 seats, Thursday 7 January 2027
FINANCE = "undervisning.sessioner[oekonomi-intro]"  # no conversion exercise, 10:00–13:00


@pytest.mark.parametrize(("participants", "expected"), [(5, []), (6, []), (7, [ERROR])])
def test_a_session_may_be_filled_exactly_to_its_seats(participants, expected):
    msgs = messages(((*SESSION, "studenter-intro", "deltagere"), participants))
    assert severities(msgs, f"{STUDENTS}.deltagere", say.SEATS) == expected
    if expected:
        assert f"har {participants} deltagere, men kun 6 pladser" in at(msgs, f"{STUDENTS}.deltagere")[0][1]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2027, 1, 8), []),  # Friday
        (D(2027, 1, 9), [(WARNING, say.SATURDAY)]),
        (D(2027, 1, 10), [(WARNING, say.SUNDAY)]),
        (D(2027, 1, 11), []),  # Monday
    ],
)
def test_weekend_session_warns_and_names_the_day(day, expected):
    msgs = messages(((*SESSION, "oekonomi-intro", "dato"), day))
    found = at(msgs, f"{FINANCE}.dato", say.ON_WEEKEND)
    assert [s for s, _ in found] == [s for s, _ in expected]
    for (_, text), (_, weekday) in zip(found, expected):
        assert f"ligger på en {weekday}." in text


def test_a_holiday_on_a_saturday_is_an_error_as_a_holiday_not_a_weekend_warning():
    # 2. juledag 2026 is a Saturday
    msgs = messages(((*SESSION, "oekonomi-intro", "dato"), D(2026, 12, 26)))
    assert severities(msgs, f"{FINANCE}.dato", say.ON_HOLIDAY) == [ERROR]
    assert "Anden juledag" in at(msgs, f"{FINANCE}.dato", say.ON_HOLIDAY)[0][1]
    assert at(msgs, f"{FINANCE}.dato", say.ON_WEEKEND) == []


def test_a_holiday_on_a_weekday_is_an_error_and_the_day_after_is_not():
    on = messages(((*SESSION, "oekonomi-intro", "dato"), D(2026, 12, 25)))  # Friday, juledag
    assert severities(on, f"{FINANCE}.dato", say.ON_HOLIDAY) == [ERROR]
    after = messages(((*SESSION, "oekonomi-intro", "dato"), D(2026, 12, 28)))  # Monday
    assert at(after, f"{FINANCE}.dato") == []


def test_a_whole_municipal_day_off_is_an_error():
    msgs = messages(((*SESSION, "oekonomi-intro", "dato"), D(2026, 12, 24)))  # Juleaftensdag, fri: hel
    assert severities(msgs, f"{FINANCE}.dato", say.ON_DAY_OFF) == [ERROR]


@pytest.mark.parametrize(("end", "expected"), [("11:59", []), ("12:00", []), ("12:01", [WARNING])])
def test_a_half_day_off_allows_a_session_until_noon(end, expected):
    # Nytårsaftensdag 2026 (Thursday) is a half day off: free from 12
    msgs = messages(
        ((*SESSION, "oekonomi-intro", "dato"), D(2026, 12, 31)), ((*SESSION, "oekonomi-intro", "slut"), end)
    )
    assert severities(msgs, f"{FINANCE}.dato", say.AFTER_NOON) == expected
    assert at(msgs, f"{FINANCE}.dato", say.ON_DAY_OFF) == []


def test_a_half_day_off_on_a_saturday_is_a_weekend_warning_only():
    # 1 May 2027 (half day off in the plan) is a Saturday; the session ends at 13:00
    msgs = messages(((*SESSION, "oekonomi-intro", "dato"), D(2027, 5, 1)))
    assert severities(msgs, f"{FINANCE}.dato", say.AFTER_NOON) == [WARNING]
    assert at(msgs, f"{FINANCE}.dato", say.ON_HOLIDAY) == []


@pytest.mark.parametrize(
    ("day", "conversion", "plain"),
    [
        (GO_LIVE - dt.timedelta(days=3), [], []),  # Friday before go-live
        (GO_LIVE, [ERROR], [WARNING]),
        (GO_LIVE + dt.timedelta(days=1), [ERROR], [WARNING]),
    ],
)
def test_sessions_on_or_after_go_live(day, conversion, plain):
    msgs = messages(((*SESSION, "studenter-intro", "dato"), day))
    assert severities(msgs, f"{STUDENTS}.dato", say.CONVERSION_AFTER_GO_LIVE) == conversion
    assert at(msgs, f"{STUDENTS}.dato", say.SESSION_AFTER_GO_LIVE) == []
    msgs = messages(((*SESSION, "oekonomi-intro", "dato"), day))
    assert severities(msgs, f"{FINANCE}.dato", say.SESSION_AFTER_GO_LIVE) == plain
    assert at(msgs, f"{FINANCE}.dato", say.CONVERSION_AFTER_GO_LIVE) == []


@pytest.mark.parametrize(
    ("access", "expected"),
    [(D(2027, 1, 6), []), (D(2027, 1, 7), []), (D(2027, 1, 8), [ERROR])],  # the session is on 7 January
)
def test_a_conversion_exercise_may_be_on_the_day_access_to_dubu_begins(access, expected):
    msgs = messages((("projekt", "adgang_til_dubu"), access))
    assert severities(msgs, f"{STUDENTS}.dato", say.CONVERSION_BEFORE_ACCESS) == expected
    # a session without an exercise may be before access
    msgs = messages((("projekt", "adgang_til_dubu"), D(2027, 1, 15)))
    assert at(msgs, f"{FINANCE}.dato", say.CONVERSION_BEFORE_ACCESS) == []


STUDENT_ROLE = "roller[studentermedhjaelper].id"


@pytest.mark.parametrize(
    ("start", "expected"),
    [(D(2027, 1, 8), []), (D(2027, 1, 7), []), (D(2027, 1, 6), [WARNING])],  # the student session: 7 January
)
def test_a_role_may_start_converting_on_the_day_of_its_first_session(start, expected):
    msgs = messages((("arbejdspakker", "basis_manuelle_sager", "fra"), start))
    assert severities(msgs, STUDENT_ROLE, say.ROLE_CONVERTS_BEFORE_SESSION) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(GO_LIVE - dt.timedelta(days=3), []), (GO_LIVE, [WARNING])],
)
def test_a_role_needs_a_session_before_go_live_not_on_it(day, expected):
    msgs = messages(((*SESSION, "studenter-intro", "dato"), day))
    assert severities(msgs, STUDENT_ROLE, say.ROLE_NO_SESSION) == expected


# --- periods, deadlines, weights, read access --------------------------------------------------------

FREEZE = ("projekt", "frysning")


@pytest.mark.parametrize(
    ("end", "expected"),
    [(GO_LIVE - dt.timedelta(days=1), []), (GO_LIVE, [ERROR]), (GO_LIVE + dt.timedelta(days=1), [ERROR])],
)
def test_the_freeze_may_end_the_day_before_go_live(end, expected):
    msgs = messages(((*FREEZE, "til"), end))
    assert severities(msgs, "projekt.frysning.til", say.FREEZE_AFTER_GO_LIVE) == expected


@pytest.mark.parametrize(
    ("end", "gap", "expected"),
    [
        (GO_LIVE - dt.timedelta(days=7), 6, []),
        (GO_LIVE - dt.timedelta(days=8), 7, []),  # a freeze ending exactly 7 days before go-live
        (GO_LIVE - dt.timedelta(days=9), 8, [WARNING]),
    ],
)
def test_a_freeze_may_end_up_to_seven_days_before_go_live(end, gap, expected):
    msgs = messages(((*FREEZE, "til"), end))
    found = at(msgs, "projekt.frysning.til", say.FREEZE_ENDS_EARLY)
    assert [s for s, _ in found] == expected
    assert all(f", {gap} dage før go-live" in text for _, text in found)
    assert (end - GO_LIVE).days + gap == -1  # the gap counts the days in between


@pytest.mark.parametrize(("end", "expected"), [(D(2027, 2, 18), []), (D(2027, 2, 19), []), (D(2027, 2, 20), [ERROR])])
def test_work_may_end_on_the_day_of_its_own_milestone(end, expected):
    # "data_godkendt" (26 February 2027) is a milestone the plan defines itself, in milepaele
    msgs = messages(
        (("milepaele", "data_godkendt", "dato"), D(2027, 2, 19)),
        (("aktiviteter", "kontrolrunde_1", "frist"), "data_godkendt"),
        (("aktiviteter", "kontrolrunde_1", "til"), end),
    )
    assert severities(msgs, "aktiviteter[kontrolrunde_1].til", say.AFTER_MILESTONE) == expected


@pytest.mark.parametrize(("end", "expected"), [(D(2027, 2, 28), []), (D(2027, 3, 1), []), (D(2027, 3, 2), [ERROR])])
def test_work_may_end_on_go_live_day_as_its_deadline(end, expected):
    msgs = messages((("aktiviteter", "styring", "til"), end))
    assert severities(msgs, "aktiviteter[styring].til", say.AFTER_MILESTONE) == expected


@pytest.mark.parametrize(("days", "expected"), [(1, []), (0, []), (-1, [ERROR])])
def test_a_period_may_be_one_day_long(days, expected):
    start = D(2027, 2, 15)
    msgs = messages(
        (("aktiviteter", "kontrolrunde_1", "fra"), start),
        (("aktiviteter", "kontrolrunde_1", "til"), start + dt.timedelta(days=days)),
    )
    assert severities(msgs, "aktiviteter[kontrolrunde_1].til", say.ENDS_BEFORE_START) == expected


@pytest.mark.parametrize(("end", "expected"), [("10:01", []), ("10:00", [ERROR]), ("09:59", [ERROR])])
def test_a_session_must_end_after_it_starts(end, expected):
    msgs = messages(((*SESSION, "oekonomi-intro", "slut"), end))
    assert severities(msgs, f"{FINANCE}.slut", say.SESSION_ENDS_BEFORE_START) == expected


@pytest.mark.parametrize(("weight", "total", "expected"), [(39, 99, [ERROR]), (40, 100, []), (41, 101, [ERROR])])
def test_weights_must_sum_to_exactly_100(weight, total, expected):
    msgs = messages((("konverteringsform", "kriterier", 0, "vaegt"), weight))
    found = at(msgs, "konverteringsform.kriterier", say.WEIGHTS_NOT_100)
    assert [s for s, _ in found] == expected
    assert all(say.WEIGHTS_NOT_100.format(total=total) == t for _, t in found)


CLOSED = ("sagskategorier", "lukkede_seneste_2_aar")  # not converted, readable in the old system


@pytest.mark.parametrize(
    ("until", "expected"),
    [(D(2027, 5, 31), [WARNING]), (D(2027, 6, 1), []), (D(2027, 6, 2), [])],  # go-live + 3 months: 1 June 2027
)
def test_read_access_of_exactly_three_months_is_enough(until, expected):
    msgs = messages(((*CLOSED, "laesbar_til"), until))
    assert severities(msgs, "sagskategorier[lukkede_seneste_2_aar].laesbar_til", say.READ_ACCESS_SHORT) == expected


# --- capacity, absences, follow-ups, owners ----------------------------------------------------------


@pytest.mark.parametrize(("people", "expected"), [(2, []), (3, []), (4, [ERROR])])  # the role has 3 students
def test_all_of_a_role_may_be_away_but_not_more(people, expected):
    msgs = messages((("kalender", "fravaer", 0, "personer"), people))
    assert severities(msgs, "kalender.fravaer[1].personer", say.TOO_MANY_AWAY) == expected  # counted from 1


@pytest.mark.parametrize(
    ("month", "n", "expected"),
    [
        ("2027-02", 5, [WARNING]),
        ("2027-02", 1, [WARNING]),
        ("2027-02", 0, []),
        ("2027-03", 5, []),
    ],  # February ends the day before go-live
)
def test_follow_ups_in_a_month_before_go_live_warn(month, n, expected):
    msgs = messages((("foerste_opfoelgninger", month), n))
    assert severities(msgs, f"foerste_opfoelgninger.{month}", say.FOLLOW_UPS_BEFORE_GO_LIVE) == expected


@pytest.mark.parametrize(("hours", "expected"), [(0, []), (1, [ERROR])])
def test_an_activity_with_hours_needs_an_owner(hours, expected):
    msgs = messages((("aktiviteter", "styring", "ansvarlig"), DELETE), (("aktiviteter", "styring", "timer"), hours))
    assert severities(msgs, "aktiviteter[styring].timer", say.ACTIVITY_WITHOUT_OWNER) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2027, 2, 13), D(2027, 2, 14), [ERROR]),  # Saturday and Sunday only
        (D(2027, 2, 12), D(2027, 2, 14), []),  # Friday to Sunday
        (D(2027, 2, 13), D(2027, 2, 15), []),  # Saturday to Monday
    ],
)
def test_a_package_needs_at_least_one_working_day(start, end, expected):
    msgs = messages(
        (("arbejdspakker", "oekonomi_alle_sager", "fra"), start),
        (("arbejdspakker", "oekonomi_alle_sager", "til"), end),
    )
    assert severities(msgs, "arbejdspakker[oekonomi_alle_sager].fra", say.NO_WORKING_DAYS) == expected


def test_a_sessions_conversion_is_due_on_the_sunday_of_its_week():
    # 40 cases per student on Thursday 7 January 2027: more than the students can enter that week
    msgs = messages(((*SESSION, "studenter-intro", "konvertering", "sager_pr_deltager"), 40))
    found = at(msgs, STUDENTS, say.SHORTFALL)
    assert [s for s, _ in found] == [ERROR]
    assert fmt.date(D(2027, 1, 10)) in found[0][1]  # the Sunday, not the Monday after


# --- the freeze and conversion before it -------------------------------------------------------------


def _freeze_from(start: dt.date, *more: tuple[tuple[Any, ...], Any]) -> list[Message]:
    """The freeze from `start`, with no re-entry hours (so conversion before it warns)."""
    return messages(((*FREEZE, "fra"), start), ((*FREEZE, "genindtastning"), []), *more)


@pytest.mark.parametrize(("start", "expected"), [(D(2027, 1, 6), []), (D(2027, 1, 7), []), (D(2027, 1, 8), [WARNING])])
def test_conversion_on_the_first_day_of_the_freeze_is_not_before_it(start, expected):
    # the first conversion is the student session on 7 January; the vendor delivers 12 February
    msgs = _freeze_from(start)
    found = at(msgs, "projekt.frysning", say.CONVERTED_BEFORE_FREEZE)
    assert [s for s, _ in found] == expected
    assert all('"DUBU for studentermedhjælpere"' in t for _, t in found)


@pytest.mark.parametrize(
    ("delivery", "expected"), [(D(2027, 1, 5), [WARNING]), (D(2027, 1, 6), []), (D(2027, 1, 7), [])]
)
def test_a_vendor_delivery_before_the_freeze_is_conversion_before_it(delivery, expected):
    msgs = _freeze_from(D(2027, 1, 6), (("leverandoertilbud", "levering"), delivery))
    found = at(msgs, "projekt.frysning", say.CONVERTED_BEFORE_FREEZE)
    assert [s for s, _ in found] == expected
    vendor = say.VENDOR_DELIVERY.format(vendor="Netcompany")
    assert all(t.startswith(vendor) for _, t in found)


def test_a_vendor_offer_without_a_delivery_date_converts_nothing_before_the_freeze():
    msgs = _freeze_from(
        D(2027, 1, 6),
        (("leverandoertilbud", "levering"), DELETE),
        (("aktiviteter", "bestil_konvertering", "frist"), "go_live"),  # its deadline was the delivery
    )
    assert at(msgs, "projekt.frysning", say.CONVERTED_BEFORE_FREEZE) == []
    assert [m for m in msgs if m.is_error] == []


def test_re_entry_hours_silence_the_warning():
    msgs = messages(((*FREEZE, "fra"), D(2027, 1, 8)))  # the example's re-entry hours stay
    assert at(msgs, "projekt.frysning", say.CONVERTED_BEFORE_FREEZE) == []


def test_an_unknown_id_used_twice_names_the_other_line():
    typo = "studentermedhjaelpr"
    changes = (
        (("arbejdspakker", "basis_manuelle_sager", "rolle"), typo),
        (("undervisning", "sessioner", "studenter-intro", "maalgruppe"), [typo]),
    )
    lines = [n for n, line in enumerate(plan_text(*changes).splitlines(), 1) if typo in line]
    assert len(lines) == 2
    found = [m for m in messages(*changes) if typo in m.text]
    assert [m.line for m in found] == [lines[0]]
    assert say.ALSO_IN_LINES.format(value=typo, lines=lines[1]) in found[0].text


# --- how many ids and lines one message lists --------------------------------------------------------


@pytest.mark.parametrize(("count", "more"), [(9, 0), (10, 0), (11, 1)])
def test_a_message_lists_at_most_ten_ids_and_counts_the_rest(count, more):
    assert MAX_KNOWN == 10
    ids = {f"rolle_{i:02d}" for i in range(count)}
    text = known_ids("zzz", ids)
    assert text.count("rolle_") == min(count, 10)
    assert (say.AND_MORE.format(n=more) in text) is bool(more)


@pytest.mark.parametrize(("count", "more"), [(49, 0), (50, 0), (51, 1)])
def test_a_message_lists_at_most_fifty_lines_and_counts_the_rest(count, more):
    text = lines_named(list(range(1, count + 1)))
    assert (say.AND_MORE_LINES.format(n=more) in text) is bool(more)
    assert str(min(count, 50)) in text and (str(51) not in text)


# --- the KLIK task marked completed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "steps"),
    [(("kommune", "navn"), []), (("sagskategorier", 0, "navn"), ["1"])],  # step 4 is not checked, steps 1–3 are
)
def test_completed_is_an_error_only_while_one_of_the_first_three_steps_is_open(where, steps):
    msgs = messages((("klik_opgave", "status"), "fuldfoert"), (where, "Navn (udfyld)"))
    found = [m for m in msgs if m.key == "klik_opgave.status" and like(say.TASK_STEP_MISSING).fullmatch(m.text)]
    assert [m.severity for m in found] == [ERROR] * len(steps)
    assert all(say.TASK_STEP_MISSING.split("{number}")[0] + n in m.text for m, n in zip(found, steps))


@pytest.mark.parametrize(
    ("where", "steps"),
    [(("konverteringsform", "muligheder", 0, "navn"), ["2"]), (("arbejdspakker", 0, "navn"), ["3"])],
)
def test_completed_is_an_error_while_step_two_or_three_is_open(where, steps):
    msgs = messages((("klik_opgave", "status"), "fuldfoert"), (where, "Navn (udfyld)"))
    found = [m for m in msgs if m.key == "klik_opgave.status" and like(say.TASK_STEP_MISSING).fullmatch(m.text)]
    assert [m.text.split(say.TASK_STEP_MISSING.split("{number}")[0])[1][0] for m in found] == steps


# --- go-live: re-entry, the follow-up package, the counting order ------------------------------------

RE_ENTRY = ("projekt", "frysning", "genindtastning")


@pytest.mark.parametrize(("hours", "warned"), [(0, True), (0.5, False), (1, False)])
def test_any_re_entry_hours_answer_an_extraction_before_the_freeze(hours, warned):
    # the extraction (8 February) comes before the freeze (15 February): changes in between must be re-entered
    rows = [{**row, "timer": hours} for row in _example()["projekt"]["frysning"]["genindtastning"]]
    msgs = messages((RE_ENTRY, rows))
    assert bool(at(msgs, "overgang.udtraek", say.EXTRACTION_BEFORE_FREEZE)) is warned


FOLLOW_UP_ID = "juridisk_grundlag_ved_opfoelgning"
FOLLOW_UP = f"arbejdspakker[{FOLLOW_UP_ID}].tidspunkt"


@pytest.mark.parametrize(("march", "expected"), [(0, [ERROR]), (1, [])])
def test_a_follow_up_package_needs_one_follow_up_in_some_month(march, expected):
    months = dict.fromkeys(_example()["foerste_opfoelgninger"], 0) | {"2027-03": march}
    msgs = messages((("foerste_opfoelgninger",), months))
    assert severities(msgs, FOLLOW_UP, say.FOLLOW_UP_PACKAGE_NO_MONTHS) == expected


def test_a_follow_up_package_with_no_hours_needs_no_months():
    # the package takes only the closed categories, which are not converted: 0 hours, nothing to place
    months = dict.fromkeys(_example()["foerste_opfoelgninger"], 0)
    closed = ["lukkede_seneste_2_aar", "lukkede_aeldre"]
    msgs = messages((("foerste_opfoelgninger",), months), (("arbejdspakker", FOLLOW_UP_ID, "kategorier"), closed))
    assert severities(msgs, FOLLOW_UP, say.FOLLOW_UP_PACKAGE_NO_MONTHS) == []


OPEN = ["aabne_stoettende", "aabne_anbringelser", "aabne_undersoegelser", "aabne_ungestoette"]


@pytest.mark.parametrize(("open_count", "warned"), [(1, False), (2, True), (3, True)])
def test_a_counting_order_is_needed_from_two_open_categories(open_count, warned):
    # the order names none of them; categories beyond `open_count` are made closed
    closed = [(("sagskategorier", c, "status"), "lukket") for c in OPEN[open_count:]]
    msgs = messages((("omfang", "raekkefoelge"), []), *closed)
    assert bool(at(msgs, "omfang", say.SCOPE_PRECEDENCE_MISSING)) is warned


@pytest.mark.parametrize("second", [False, True], ids=["one deadline", "two deadlines"])
def test_a_missing_delivery_date_names_the_first_deadline_that_needs_it_and_the_other(write_plan, second):
    # the ordering is due at the vendor's delivery; with `second`, the steering activity is too
    text = drop_key(example_text(), ("leverandoertilbud", "levering"))
    if second:
        text = set_value(text, ("aktiviteter", "styring", "frist"), "levering")
    uses = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "frist: levering"]
    assert len(uses) == 1 + second
    result = run_cli("validate", str(write_plan(text)))
    pattern = partly(say.DERIVED_SOURCE_MISSING, value="levering")
    said = [line for line in result.stderr.splitlines() if pattern.search(line)]
    also = say.ALSO_IN_LINES.format(value="levering", lines=lines_named(uses[1:])) + "." if second else ""
    assert len(said) == 1 and f"plan.yaml:{uses[0]}:" in said[0]  # at the first deadline that needs it
    source = "leverandoertilbud.levering"
    assert said[0].endswith(say.DERIVED_SOURCE_MISSING.format(value="levering", source=source) + also)


def test_a_missing_go_live_names_the_first_deadline_that_needs_it_and_lists_the_others(write_plan):
    text = drop_key(example_text(), ("projekt", "go_live"))
    uses = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "frist: go_live"]
    assert len(uses) >= 3
    result = run_cli("validate", str(write_plan(text)))
    said = [
        line for line in result.stderr.splitlines() if partly(say.DERIVED_SOURCE_MISSING, value="go_live").search(line)
    ]
    also = say.ALSO_IN_LINES.format(value="go_live", lines=lines_named(uses[1:]))
    assert len(said) == 1 and f"plan.yaml:{uses[0]}:" in said[0]  # at the first deadline that needs it
    assert said[0].endswith(say.DERIVED_SOURCE_MISSING.format(value="go_live", source="projekt.go_live") + also + ".")


@pytest.mark.parametrize(
    ("freeze", "others"),
    [
        (D(2027, 1, 8), ""),  # only the students' session (7 January) comes before the freeze
        (D(2027, 1, 12), say.AND_ONE_OTHER),  # ... and the students' package (from 11 January)
        (D(2027, 2, 15), say.AND_OTHERS.format(n=6)),
    ],
)
def test_work_before_a_freeze_without_re_entry_hours_names_the_first_and_counts_the_rest(freeze, others):
    rows = [{**row, "timer": 0} for row in _example()["projekt"]["frysning"]["genindtastning"]]
    msgs = messages((RE_ENTRY, rows), ((*FREEZE, "fra"), freeze))
    expected = say.CONVERTED_BEFORE_FREEZE.format(
        what='"DUBU for studentermedhjælpere"',
        others=others,
        first="7. januar 2027",
        freeze=fmt.date(freeze),
        old_system="SBSYS",
    )
    assert at(msgs, "projekt.frysning") == [(WARNING, expected)]


@pytest.mark.parametrize(("month", "too_late"), [("2027-06", False), ("2027-07", False), ("2027-08", True)])
def test_investigations_may_fall_due_until_the_month_that_begins_four_months_after_go_live(month, too_late):
    # go-live 1 March 2027: an investigation begun then is due by 1 July (Barnets Lov § 20); July may hold them
    msgs = messages((("efter_go_live", "frister", 0, "antal"), {"2027-03": 15, month: 5}))
    found = at(msgs, f"efter_go_live.frister[1].antal.{month}", say.INVESTIGATION_TOO_LATE)
    assert [severity for severity, _ in found] == ([ERROR] if too_late else [])


def test_an_unknown_id_is_answered_with_the_closest_one():
    known = {"sagsbehandler", "sagsbehandlere", "superbruger", "projektleder"}
    text = known_ids("sagsbehandlr", known)
    assert text.startswith(say.MEANT_THEN.format(meant="sagsbehandler"))
    assert known_ids("superbrugr", {"superbruger"}).startswith(say.MEANT_THEN.format(meant="superbruger"))


def test_two_sessions_with_one_anchor_get_one_message_in_the_sessions_words():
    # "sagsbehandler_hold_1" and "sagsbehandler-hold-1" give the same anchor and calendar file name
    msgs = messages((("undervisning", "sessioner", "sagsbehandler-hold-2", "id"), "sagsbehandler_hold_1"))
    found = [m for m in msgs if m.key == "undervisning.sessioner[sagsbehandler_hold_1].id"]
    assert [m.severity for m in found] == [ERROR]
    assert partly(say.SESSION_ANCHOR_CLASH, id="sagsbehandler_hold_1", first="sagsbehandler-hold-1").fullmatch(
        found[0].text
    )


def test_a_session_converting_less_than_an_hour_before_the_freeze_is_early_work():
    # one student converts one case (23 minutes) on 7 January; the freeze begins the day after
    session = (*SESSION, "studenter-intro")
    rows = [{**row, "timer": 0} for row in _example()["projekt"]["frysning"]["genindtastning"]]
    msgs = messages(
        (RE_ENTRY, rows),
        ((*FREEZE, "fra"), D(2027, 1, 8)),
        ((*session, "deltagere"), 1),
        ((*session, "personer"), ["Ellen Skjern"]),
        ((*session, "konvertering", "sager_pr_deltager"), 1),
    )
    assert severities(msgs, "projekt.frysning", say.CONVERTED_BEFORE_FREEZE) == [WARNING]


def test_a_package_of_less_than_an_hour_still_needs_a_working_day_in_its_period():
    # one young person's basic information (well under an hour) planned for a weekend
    basis = ("arbejdspakker", "basis_manuelle_sager")
    msgs = messages(
        (("sagskategorier", "aabne_ungestoette", "antal"), 1),
        ((*basis, "kategorier"), ["aabne_ungestoette"]),
        ((*basis, "fra"), D(2027, 1, 16)),
        ((*basis, "til"), D(2027, 1, 17)),
    )
    assert severities(msgs, "arbejdspakker[basis_manuelle_sager].fra", say.NO_WORKING_DAYS) == [ERROR]


def test_a_criterion_id_used_twice_names_the_line_of_the_first(write_plan):
    text = set_value(example_text(), ("go_no_go", "kriterier", "afstemning", "id"), "fejlrate")
    result = run_cli("validate", str(write_plan(text)))
    first = line_of_key(text, ("go_no_go", "kriterier", 2))  # the first "fejlrate"
    said = say.CRITERION_ID_REUSED.format(id="fejlrate", line=first)
    second = line_of_key(text, ("go_no_go", "kriterier", 3, "id"))
    assert result.returncode == 1 and f"plan.yaml:{second}:" in result.stderr and said in result.stderr
