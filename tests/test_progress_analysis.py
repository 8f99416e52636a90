"""Progress against the plan, worked out by hand on a small plan (tests/engine_plans.py).

basis_m: 40 cases of category M, Monday 4 - Friday 15 January 2027: 10 working days, no holidays,
no milestone, so the deadline is Friday 15 January. The plan spreads its hours evenly over the 10 days.
indsats: 140 cases (A 100 + M 40), 18 January - 26 February 2027: 30 working days, deadline the day
before go-live (28 February).
"""

from __future__ import annotations

import datetime as dt

import pytest
from engine_plans import make_plan, plan_data

from konverteringsplan.analysis import analyse
from konverteringsplan.analysis.progress import BEHIND, DONE, ON_TRACK, analyse_progress, wilson
from konverteringsplan.model.municipality import TaskStatus
from konverteringsplan.model.progress import Progress
from konverteringsplan.texts import site as texts

D = dt.date


def facts(progress: dict, **plan_changes):
    plan = make_plan(plan_data(**plan_changes))
    return analyse_progress(plan, Progress.model_validate(progress), analyse(plan).planning)


def test_analyse_includes_the_progress_it_is_given():
    """One call computes every figure, progress too: nothing is added to the Figures afterwards."""
    plan = make_plan(plan_data())
    progress = Progress.model_validate({"status": [{"dato": "2027-01-08", "arbejdspakker": {"basis_m": 12}}]})
    assert analyse(plan).progress is None
    assert item(analyse(plan, progress).progress, "basis_m").done == 12


def item(f, id_):
    return next(i for i in f.items if i.id == id_)


def test_behind_and_late_one_counting_date():
    f = facts({"status": [{"dato": "2027-01-08", "arbejdspakker": {"basis_m": 12}}]})
    i = item(f, "basis_m")
    assert (i.total, i.start, i.deadline) == (40, D(2027, 1, 4), D(2027, 1, 15))
    # planned by Friday 8 January: 5 of 10 working days -> 40 x 5/10 = 20
    assert i.planned == 20 and i.done == 12 and i.behind == 8 and i.verdict == BEHIND
    # pace in working days: 12 cases on the 5 working days 4-8 January = 2,4 a day; 28 left / 2,4 = 11,67 working
    # days -> 11-15 and 18-22 January (10), 25 January (11), Tuesday 26 January (12): after the deadline
    # (Friday 15 January). Calendar days (4 days, 3 a day) said Monday 18 January.
    assert i.pace == pytest.approx(2.4)
    assert i.finish == D(2027, 1, 26) and i.late
    # by the deadline, 5 working days later: 12 + 2,4 x 5 = 24
    assert i.at_deadline == 24


def test_behind_two_counting_dates_uses_the_pace_since_the_start():
    f = facts(
        {
            "status": [
                {"dato": "2027-01-08", "arbejdspakker": {"basis_m": 12}},
                {"dato": "2027-01-13", "arbejdspakker": {"basis_m": 30}},
            ]
        }
    )
    i = item(f, "basis_m")
    # planned by Wednesday 13 January: 8 of 10 days -> 32; the first count's planned figure stays in the history
    assert [(p.date, p.done, p.planned) for p in i.history] == [(D(2027, 1, 8), 12, 20), (D(2027, 1, 13), 30, 32)]
    assert i.planned == 32 and i.behind == 2
    # pace: 30 cases in 8 working days (4-8 and 11-13 January) = 3,75 a day; 10 left -> 2,67 working days ->
    # 14, 15 and Monday 18 January, one working day late (calendar days said Saturday 16 January)
    assert i.finish == D(2027, 1, 18) and i.late
    assert i.at_deadline == 30 + int(3.75 * 2)  # 37: two working days (14-15 January) to the deadline


def test_on_track_and_not_started_and_done():
    f = facts({"status": [{"dato": "2027-01-29", "arbejdspakker": {"basis_m": 40, "indsats": 52}}]})
    assert item(f, "basis_m").verdict == DONE
    assert item(f, "basis_m").finish == D(2027, 1, 29)
    i = item(f, "indsats")
    # The package follows the caseworkers' spare hours (4 a day, less the vendor check's 10/11 h a day from
    # 12 February): 110 spare hours, 40 of them by Friday 29 January -> 140 × 40 / 110 = 50.9 -> 51 planned; 52 done
    assert (i.total, i.planned, i.done, i.verdict) == (140, 51, 52, ON_TRACK)
    # 52 cases in 10 working days (18-29 January) = 5.2 a day; 88 left -> 16.9 working days -> Tuesday 23
    # February, before the deadline: go-live Monday 1 March, the day before is a Sunday, so Friday 26 February
    assert i.finish == D(2027, 2, 23) and not i.late and i.deadline == D(2027, 2, 26)
    a = item(f, "basis_a")
    assert a.planned == 0 and a.done == 0 and a.not_started and a.verdict == ON_TRACK
    jura = item(f, "jura")
    assert jura.follow_up and jura.planned == 0


def test_role_sums_and_next_work():
    f = facts({"status": [{"dato": "2027-01-08", "arbejdspakker": {"basis_m": 12}}]})
    student = f.role("student")
    assert (student.done, student.planned, student.total) == (12, 20, 140)  # basis_m 40 + basis_a 100
    assert student.verdict == BEHIND and student.next.id == "basis_m"
    f = facts({"status": [{"dato": "2027-01-29", "arbejdspakker": {"basis_m": 40}}]})
    assert f.role("student").next.id == "basis_a"


def test_reconciliation_with_and_without_explanations():
    rec = {
        "kategorier": [
            {"kategori": "a", "gammelt_system": 100, "dubu": 97},
            {"kategori": "m", "gammelt_system": 40, "dubu": 41},
        ]
    }
    f = facts({"afstemning": rec})
    assert [(r.difference, r.explained, r.unexplained) for r in f.reconciliation] == [(-3, 0, 3), (1, 0, 1)]
    rec["forklaringer"] = [
        {"kategori": "a", "antal": 2, "retning": "faerre_i_dubu", "forklaring": "Oprettet efter udtrækket."},
        {"kategori": "m", "antal": 1, "retning": "flere_i_dubu", "forklaring": "Lukket efter udtrækket."},
    ]
    f = facts({"afstemning": rec})
    assert [(r.difference, r.explained, r.unexplained) for r in f.reconciliation] == [(-3, -2, 1), (1, 1, 0)]
    assert [r.category.id for r in f.unexplained] == ["a"]


@pytest.mark.parametrize(
    "faults, sample, low, high",
    [
        (0, 50, 0.0, 0.07135),  # reference: statsmodels proportion_confint(0, 50, method="wilson")
        (5, 100, 0.02154, 0.11175),  # ≈ [2,15 %; 11,18 %]
        (50, 100, 0.40383, 0.59617),
        (1, 10, 0.01788, 0.40415),
    ],
)
def test_wilson_against_known_values(faults, sample, low, high):
    lo, hi = wilson(faults, sample)
    assert lo == pytest.approx(low, abs=5e-5) and hi == pytest.approx(high, abs=5e-5)


def test_fault_rate_against_the_threshold_and_go_no_go():
    go_no_go = {
        "kriterier": [
            {"id": "fejl", "navn": "Fejlrate højst 5 %", "maal": "fejlrate_under", "graense_pct": 5},
            {"id": "ds", "navn": "DS tjekket", "maal": "manuel"},
            {"id": "pakker", "navn": "Pakker færdige", "maal": "arbejdspakker_faerdige", "arbejdspakker": ["basis_m"]},
        ]
    }
    data = {
        "status": [{"dato": "2027-01-29", "arbejdspakker": {"basis_m": 40}}],
        "kontrolrunder": [{"aktivitet": "k1", "stikproeve": 100, "fejl": 5}],
        "go_no_go": [{"kriterie": "ds", "opfyldt": True, "af": "Superbruger", "dato": "2027-02-01"}],
    }
    activities = [{"id": "k1", "navn": "Kontrol 1", "fra": "2027-02-15", "til": "2027-02-19"}]
    f = facts(data, go_no_go=go_no_go, aktiviteter=activities)
    q = f.quality[0]
    assert q.rate == 0.05 and q.threshold == 5 and q.below and not q.surely_below  # 11,2 % upper limit
    assert [c.met for c in f.criteria] == [True, True, True] and f.go
    assert f.data_date == D(2027, 2, 1) and f.as_of == D(2027, 1, 29)
    data["kontrolrunder"][0]["fejl"] = 6
    f = facts(data, go_no_go=go_no_go, aktiviteter=activities)
    assert not f.criteria[0].met and "6 %" in f.criteria[0].missing[0] and not f.go  # 6 of 100
    data["go_no_go"] = []
    f = facts(data, go_no_go=go_no_go, aktiviteter=activities)
    assert not f.criteria[1].met and texts.MISSING_CHECK in f.criteria[1].missing[0]


def test_klik_status_of_konverter_sager():
    assert facts({}).status is TaskStatus.not_started
    f = facts({"status": [{"dato": "2027-01-08", "arbejdspakker": {"basis_m": 12}}]})
    assert f.status is TaskStatus.in_progress and not f.steps[0].done
    assert texts.MISSING_ITEM_LEFT.format(name="Basis på M", cases="28 sager") in f.steps[0].missing
    everything = {
        "status": [{"dato": "2027-02-26", "arbejdspakker": {"basis_m": 40, "basis_a": 100, "indsats": 140}}],
        "afstemning": {
            "kategorier": [
                {"kategori": "a", "gammelt_system": 100, "dubu": 100},
                {"kategori": "m", "gammelt_system": 40, "dubu": 40},
            ]
        },
        "kontrolrunder": [{"aktivitet": "k1", "stikproeve": 20, "fejl": 0}],
    }
    f = facts(everything, go_no_go={"kriterier": [{"id": "alt", "navn": "Alt", "maal": "forskelle_forklaret"}]})
    assert [s.done for s in f.steps] == [True, True, True, True] and f.status is TaskStatus.completed
