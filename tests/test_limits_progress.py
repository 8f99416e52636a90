"""The limits of fremdrift.yaml: counts against the cases an item holds, counts that fall, explanations
against the difference, faults against the sample, fault rates against the go/no-go threshold, and the
counting date against go-live. At the limit, one below and one above; what the user sees is the message
(severity and template from generator/texts/) or the figure the progress page shows.

Each test changes one value of the example's fremdrift.yaml by key path (conftest's ``set_keys``).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from progress_support import errors, progress_text

from conftest import EXAMPLE, ROOT, like, line_of_key, set_keys, set_value
from konverteringsplan.analysis import Figures, analyse
from konverteringsplan.analysis.progress import BEHIND, DONE, ON_TRACK, Item, ProgressFigures, analyse_progress, wilson
from konverteringsplan.io.load import load_plan, load_plan_text
from konverteringsplan.io.progress import load_progress
from konverteringsplan.messages import ERROR, WARNING, Message
from konverteringsplan.model import Plan
from konverteringsplan.rules.progress import ProgressContext, check_progress
from konverteringsplan.texts import site as site_texts
from konverteringsplan.texts import validation as say

D = dt.date
LAST = 3  # the example's last counting date (19 February 2027) is status[3]: key paths count from 1
BASIS = f"status[{LAST}].arbejdspakker.basis_manuelle_sager"  # 186 cases; 110 counted on 5 February


@cache
def _plan() -> tuple[Plan, Figures]:
    plan, _ = load_plan(EXAMPLE)
    return plan, analyse(plan)


@cache
def _progress_data() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "fremdrift.yaml").read_text(encoding="utf-8"))


def progress(tmp_path: Path, *changes: tuple[tuple[Any, ...], Any]) -> tuple[list[Message], ProgressFigures]:
    """The messages about fremdrift.yaml changed by `changes`, and its figures (as build.py checks it)."""
    data = set_keys(copy.deepcopy(_progress_data()), *changes)
    path = tmp_path / "fremdrift.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan, figures = _plan()
    loaded_progress, loaded = load_progress(path)
    facts = analyse_progress(plan, loaded_progress, figures.planning)
    ctx = ProgressContext(loaded, plan=plan, given_figures=figures, progress=loaded_progress, facts=facts)
    return check_progress(ctx), facts


def severities(msgs: list[Message], key: str, template: str) -> list[str]:
    return [m.severity for m in msgs if m.key == key and like(template).fullmatch(m.text)]


def item(facts: ProgressFigures, id_: str) -> Item:
    return next(i for i in facts.items if i.id == id_)


STATUS = ("status", LAST - 1, "arbejdspakker", "basis_manuelle_sager")


@pytest.mark.parametrize(("n", "expected", "verdict"), [(185, [], BEHIND), (186, [], DONE), (187, [ERROR], DONE)])
def test_a_package_may_be_counted_up_to_the_cases_it_holds(tmp_path, n, expected, verdict):
    msgs, facts = progress(tmp_path, (STATUS, n))
    assert severities(msgs, BASIS, say.MORE_DONE_THAN_PLANNED) == expected
    basis = item(facts, "basis_manuelle_sager")
    assert (basis.total, basis.planned, basis.verdict) == (186, 186, verdict)
    assert basis.left == max(0, 186 - n)


@pytest.mark.parametrize(("n", "expected"), [(109, [ERROR]), (110, []), (111, [])])
def test_a_count_may_stay_the_same_but_not_fall(tmp_path, n, expected):
    msgs, _ = progress(tmp_path, (STATUS, n))
    assert severities(msgs, BASIS, say.COUNT_FELL) == expected


def test_on_track_means_done_at_least_as_planned(tmp_path):
    # rest_automatiske_sager: 140 planned by 19 February
    for n, verdict, behind in [(139, BEHIND, 1), (140, ON_TRACK, 0), (141, ON_TRACK, 0)]:
        _, facts = progress(tmp_path, (("status", LAST - 1, "arbejdspakker", "rest_automatiske_sager"), n))
        rest = item(facts, "rest_automatiske_sager")
        assert (rest.planned, rest.verdict, rest.behind) == (140, verdict, behind), n
        # the caseworkers' other work is done or not started: the role is as far behind as the package
        role = next(r for r in facts.roles if r.role.id == "sagsbehandler")
        assert (role.planned, role.done - n, role.verdict, role.behind) == (335, 195, verdict, behind), n


RECONCILED = "afstemning.kategorier[1]"  # aabne_stoettende: 280 in the old system, 278 in DUBU
EXPLANATION = ("afstemning", "forklaringer", 0, "antal")


@pytest.mark.parametrize(
    ("explained", "too_much", "unexplained", "left"), [(1, [], [WARNING], 1), (2, [], [], 0), (3, [ERROR], [], 1)]
)
def test_explanations_may_cover_the_difference_exactly(tmp_path, explained, too_much, unexplained, left):
    msgs, facts = progress(tmp_path, (EXPLANATION, explained))
    assert severities(msgs, RECONCILED, say.EXPLAINED_DOES_NOT_ADD_UP) == too_much
    assert severities(msgs, RECONCILED, say.UNEXPLAINED) == unexplained
    assert facts.reconciliation[0].unexplained == left


@pytest.mark.parametrize(("day", "after", "severity"), [(D(2027, 2, 26), False, WARNING), (D(2027, 3, 1), True, ERROR)])
def test_an_unexplained_difference_is_an_error_from_go_live_day(tmp_path, day, after, severity):
    # aabne_undersoegelser: 45 before, 44 after, no explanation
    msgs, facts = progress(tmp_path, (("status", LAST - 1, "dato"), day))
    assert facts.after_go_live is after
    assert severities(msgs, "afstemning.kategorier[3]", say.UNEXPLAINED) == [severity]


ROUND = ("kontrolrunder", 0)  # kontrolrunde_1: 4 faults in a sample of 138


@pytest.mark.parametrize(("faults", "expected"), [(137, []), (138, []), (139, [ERROR])])
def test_faults_may_be_as_many_as_the_sample(tmp_path, faults, expected):
    msgs, _ = progress(tmp_path, ((*ROUND, "fejl"), faults))
    assert severities(msgs, "kontrolrunder[1].fejl", say.FAULTS_ABOVE_SAMPLE) == expected


@pytest.mark.parametrize(("faults", "below"), [(4, True), (5, True), (6, False)])
def test_a_fault_rate_at_the_threshold_meets_the_criterion(tmp_path, faults, below):
    # the go/no-go criterion "fejlrate": at most 5 % in kontrolrunde_1 and kontrolrunde_2
    _, facts = progress(tmp_path, ((*ROUND, "stikproeve"), 100), ((*ROUND, "fejl"), faults))
    quality = facts.quality[0]
    assert (quality.threshold, quality.rate_pct, quality.below) == (5, faults, below)
    missing = next(c for c in facts.criteria if c.criterion.id == "fejlrate").missing
    rate_missing = [m for m in missing if like(site_texts.MISSING_FAULT_RATE).fullmatch(m)]
    assert len(rate_missing) == (0 if below else 1)
    # kontrolrunde_2 has no round yet: the criterion is not met either way
    assert [m for m in missing if like(site_texts.MISSING_ROUND).fullmatch(m)]


def test_the_whole_interval_below_the_threshold_is_surely_below(tmp_path):
    # 0 faults of n: the upper Wilson limit is z²/(n + z²); at most 5 % from n = 73 (z = 1.96)
    for n, surely in [(72, False), (73, True)]:
        _, facts = progress(tmp_path, ((*ROUND, "stikproeve"), n), ((*ROUND, "fejl"), 0))
        quality = facts.quality[0]
        assert quality.surely_below is surely, (n, quality.high_pct)


def test_wilson_interval_by_hand():
    z = 1.959963984540054
    # no faults: [0, z²/(n + z²)]; all faults: [n/(n + z²), 1]
    assert wilson(0, 10) == (0.0, pytest.approx(z * z / (10 + z * z)))
    assert wilson(10, 10) == pytest.approx((10 / (10 + z * z), 1.0))
    # a sample of one case already says something (0 of 1: at most 79 %); none says nothing
    assert wilson(0, 1) == (0.0, pytest.approx(z * z / (1 + z * z)))
    assert wilson(1, 1) == pytest.approx((1 / (1 + z * z), 1.0))
    # the example's round: 4 of 138
    p, n = 4 / 138, 138
    centre, spread = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    low, high = wilson(4, 138)
    assert (low, high) == (
        pytest.approx((centre - spread) / (1 + z * z / n)),
        pytest.approx((centre + spread) / (1 + z * z / n)),
    )
    assert (round(low * 100, 1), round(high * 100, 1)) == (1.1, 7.2)
    # no sample: nothing is known; more faults than cases (the rules report it) count as all
    assert wilson(3, 0) == (0.0, 1.0)
    assert wilson(11, 10) == wilson(10, 10)


@pytest.mark.parametrize(("finish", "late"), [(D(2027, 2, 27), False), (D(2027, 2, 28), False), (D(2027, 3, 1), True)])
def test_late_means_finishing_after_the_deadline(finish, late):
    behind = Item("arbejdspakke", "x", "X", "r", 10, D(2027, 2, 1), D(2027, 2, 28), False, (), (), 8, None, finish, 5)
    assert behind.verdict == BEHIND
    assert behind.late is late


@pytest.mark.parametrize(("n", "at_deadline"), [(0, 0), (1, 2), (2, 4)])
def test_cases_by_the_deadline_at_the_measured_pace(tmp_path, n, at_deadline):
    # rest_automatiske_sager starts Monday 15 February 2027 (0 cases), is counted on Friday the 19th (n cases,
    # 5 working days) and is due the working day before go-live (Monday 1 March): Friday 26 February, 5 working
    # days more at that pace gives n + n·5 // 5 (whole cases)
    _, facts = progress(tmp_path, (("status", LAST - 1, "arbejdspakker", "rest_automatiske_sager"), n))
    rest = item(facts, "rest_automatiske_sager")
    assert (rest.start, rest.deadline) == (D(2027, 2, 15), D(2027, 2, 26))
    assert rest.at_deadline == at_deadline == n + n * 5 // 5
    assert rest.pace == n / 5


def test_two_rounds_of_one_activity_on_the_same_day_the_later_in_the_file_counts(tmp_path):
    first = copy.deepcopy(_progress_data()["kontrolrunder"][0])  # kontrolrunde_1, 19 February: 4 faults in 138
    again = {**copy.deepcopy(first), "fejl": 9, "ruter": []}  # the same day: 9 of 138 = 6,5 %, over 5 %
    for rounds, over in [([first, again], True), ([again, first], False)]:
        _, facts = progress(tmp_path, (("kontrolrunder",), rounds))
        missing = next(c for c in facts.criteria if c.criterion.id == "fejlrate").missing
        assert any(like(site_texts.MISSING_FAULT_RATE).fullmatch(m) for m in missing) is over


@pytest.mark.parametrize(("faults", "shown"), [(7, "5,1 %"), (14, "10,1 %")])
def test_a_fault_rate_over_the_limit_is_shown_with_one_decimal(tmp_path, faults, shown):
    # 7 of 138 = 5,07 %, 14 of 138 = 10,14 %: over the criterion's 5 % (a whole limit shows no decimal)
    _, facts = progress(tmp_path, ((*ROUND, "fejl"), faults), ((*ROUND, "ruter"), []))
    missing = next(c for c in facts.criteria if c.criterion.id == "fejlrate").missing
    [said] = [m for m in missing if like(site_texts.MISSING_FAULT_RATE).fullmatch(m)]
    assert said == site_texts.MISSING_FAULT_RATE.format(activity="Kontrolrunde 1", rate=shown, threshold="5 %")


@pytest.mark.parametrize("named", [False, True], ids=["for every round", "for kontrolrunde_1"])
@pytest.mark.parametrize(("limits", "below"), [((5, 2), False), ((2, 5), False), ((5, 3), True)])
def test_of_two_fault_rate_criteria_the_stricter_limit_holds(limits, below, named):
    # kontrolrunde_1: 4 faults in 138 = 2,9 %; two criteria that name no activity (so cover every round), or
    # both name kontrolrunde_1
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    criteria = data["go_no_go"]["kriterier"]
    rate = next(c for c in criteria if c["id"] == "fejlrate")
    if not named:
        del rate["aktiviteter"]
    criteria.append({**rate, "id": "fejlrate_skrap", "navn": "Fejlraten er lav"})
    rate["graense_pct"], criteria[-1]["graense_pct"] = limits
    plan, _ = load_plan_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    facts = analyse_progress(plan, load_progress(ROOT / "fremdrift.yaml")[0], analyse(plan).planning)
    quality = facts.quality[0]
    assert (quality.threshold, quality.below) == (min(limits), below)


@pytest.mark.parametrize(("day", "pace"), [(D(2027, 2, 15), 20), (D(2027, 2, 16), 10)])
def test_a_count_on_the_first_day_includes_that_days_work(tmp_path, day, pace):
    # rest_automatiske_sager starts Monday 15 February: 20 cases counted that evening took one working day
    counted = (("status", LAST - 1, "dato"), day)
    _, facts = progress(tmp_path, counted, (("status", LAST - 1, "arbejdspakker", "rest_automatiske_sager"), 20))
    assert item(facts, "rest_automatiske_sager").pace == pace


def test_the_quality_table_shows_the_wilson_interval_in_percent(tmp_path):
    _, facts = progress(tmp_path)
    quality = facts.quality[0]  # kontrolrunde_1: 4 faults in 138
    low, high = wilson(4, 138)
    assert (quality.low_pct, quality.high_pct) == (pytest.approx(100 * low), pytest.approx(100 * high))
    assert 1.1 < quality.low_pct < 1.2 and 7.2 < quality.high_pct < 7.3  # 1,1 %–7,2 % by hand (z = 1,96)


@pytest.mark.parametrize(("dubu", "n"), [(211, 0), (210, 1), (209, 2)])
def test_unexplained_payments_are_counted_in_words_that_agree(tmp_path, dubu, n):
    # February: 212 payments in the old system; the explanation covers one missing payment in DUBU
    msgs, _ = progress(tmp_path, (("afstemning", "oekonomi", "maaneder", 0, "betalinger_dubu"), dubu))
    said = [m.text for m in msgs if m.key == "afstemning.oekonomi.maaneder[1]"]
    found = [t for t in said if like(say.FINANCE_PAYMENTS_UNEXPLAINED).fullmatch(t)]
    expected = say.FINANCE_PAYMENTS_UNEXPLAINED.format(
        month="2027-02", n=n, payments=say.PAYMENT_WORDS[n != 1], old=212, dubu=dubu, when=say.BEFORE_GO_LIVE_WARNING
    )
    assert found == ([expected] if n else [])


def test_a_category_reconciled_twice_names_the_line_of_the_first_row(tmp_path):
    text = set_value(progress_text(), ("afstemning", "kategorier", 2, "kategori"), "aabne_anbringelser")
    [found] = [m for m in errors(tmp_path, text) if m.key == "afstemning.kategorier[3].kategori"]
    first = line_of_key(text, ("afstemning", "kategorier", 1))  # the row of aabne_anbringelser
    assert (found.line, found.text) == (
        line_of_key(text, ("afstemning", "kategorier", 2, "kategori")),
        say.CATEGORY_RECONCILED_BEFORE.format(category="aabne_anbringelser", line=first),
    )


def test_a_role_counts_each_case_once_when_a_session_enters_other_fields_than_the_package():
    # the students' session enters "indsatser_og_afgoerelser" on 9 placements, the package "basisoplysninger" on
    # all 195 cases: still 195 cases. Done: a case is done when both are, so the placements count 9 (the
    # session's, done), the 45 investigations and 40 young people 150/195 each: 9 + 34,6 + 30,8 = 74
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    session = next(s for s in data["undervisning"]["sessioner"] if s["id"] == "studenter-intro")
    session["konvertering"]["feltgrupper"] = ["indsatser_og_afgoerelser"]
    plan, _ = load_plan_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    facts = analyse_progress(plan, load_progress(ROOT / "fremdrift.yaml")[0], analyse(plan).planning)
    role = next(r for r in facts.roles if r.role.id == "studentermedhjaelper")
    assert (role.total, role.done) == (195, 74)


def test_the_pace_counts_the_working_days_of_january_too(tmp_path):
    # basis_manuelle_sager, by hand: from Monday 11 January to Friday 19 February 2027 are 30 weekdays; the
    # students' exam week (a third of them away) counts 2/3 for each of its 5 days: 28,33 working days; 150
    # cases, 5,29 a day; 36 left take 6,8 working days: Tuesday 2 March
    _, facts = progress(tmp_path)
    basis = item(facts, "basis_manuelle_sager")
    assert basis.pace == pytest.approx(150 / (30 - 5 / 3), rel=1e-3)
    assert basis.finish == D(2027, 3, 2)
