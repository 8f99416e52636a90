"""The "Fremdrift" section: there with fremdrift.yaml, absent (and every other page unchanged) without it.

The example's numbers on the pages are checked against figures worked out by hand from plan.yaml and
fremdrift.yaml (see the comments), and the downloads hold the same rows. About wording: the pages' rows and
sentences are quoted whole, as a reader sees them (the markup, the Danish number and date forms and the
hand-worked numbers together); messages and verdicts are taken from generator/texts/.
"""

from __future__ import annotations

import csv
import html
import io
import os
import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from progress_support import contents, project

from conftest import ROOT, example_text, like, set_value
from konverteringsplan.texts import validation as say
from konverteringsplan.texts.site import MISSING_ROUND, VERDICT_BEHIND_FORECAST, taken_in_training

FREMDRIFT = ["fremdrift/index.md", "fremdrift/afstemning.md", "fremdrift/kvalitet.md", "fremdrift/go-no-go.md"]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    with_ = contents(project(tmp_path_factory.mktemp("with"), (ROOT / "fremdrift.yaml").read_text(encoding="utf-8")))
    without = contents(project(tmp_path_factory.mktemp("without"), None))
    return with_, without


def test_without_the_file_there_is_no_progress_anywhere(both):
    _, without = both
    assert not [p for p in without if "fremdrift" in p]
    assert not any("Fremdrift pr." in v for v in without.values() if isinstance(v, str))


def test_with_the_file_only_the_progress_pages_downloads_and_guide_lines_are_new(both):
    with_, without = both
    added = sorted(set(with_) - set(without))
    assert added == sorted([*FREMDRIFT, "downloads/fremdrift.csv", "downloads/fremdrift.xlsx"])
    changed = sorted(p for p in without if with_[p] != without[p])
    # the go-live pages mark the cut-over steps fremdrift.yaml has done (all four are the project lead's)
    golive = ["golive/index.md", "golive/projektleder.md"]
    assert changed == [
        *golive,
        "index.md",
        "status.md",  # the steering group's status measures the progress
        "vejledning/oekonomimedarbejder.md",
        "vejledning/sagsbehandler.md",
        "vejledning/studentermedhjaelper.md",
    ]
    # The front page lists the warnings of the plan and its progress file (here: one unexplained difference).
    extra = [line for line in with_["index.md"].splitlines() if line not in without["index.md"].splitlines()]
    assert any("fremdrift.yaml" in line and like(say.UNEXPLAINED_ALL).search(line) for line in extra), extra
    for path in golive:  # only the status cells and the go-live status table change
        extra = [line for line in with_[path].splitlines() if line not in without[path].splitlines()]
        assert extra and all("udført" in line or line.startswith("| ") for line in extra), extra
    for path in [p for p in changed if p.startswith("vejledning/")]:  # one line more, nothing else
        extra = [line for line in with_[path].splitlines() if line not in without[path].splitlines()]
        assert len(extra) == 1 and extra[0].startswith("**Fremdrift pr. 19. februar 2027:**"), extra


def test_overview_shows_verdicts_worked_out_by_hand(both):
    page = both[0]["fremdrift/index.md"]
    # basis_manuelle_sager: 195 cases minus the 9 the student session converts = 186; planned by 19 February
    # (after its last day, 5 February) = 186; done 150 -> 36 behind. Pace in the students' working days from
    # 11 January (0) to 19 February (150): 30 weekdays, the exam week 25-29 January with 2 of 3 students counts
    # 5 x 2/3, so 25 + 3,33 = 28,33 days and 150 / 28,33 = 5,29 cases a day; 36 left -> 6,8 working days -> 22-26
    # February (5), 1 March (6), 2 March (7). The deadline is Friday 12 February (the day before the milestone
    # klar_til_kontrol, Monday 15 February, is a Sunday), already passed: 150 by the deadline.
    assert (
        "| Basisoplysninger på manuelt konverterede sager | Studentermedhjælper | "
        "bagud&#58; 36 sager, færdig ca. 2. marts 2027 mod frist 12. februar 2027 | 150 | 186 | 186 "
        f"({taken_in_training(9, 195, ('DUBU for studentermedhjælpere',))}) | 150 |"
    ) in page
    # rest_automatiske_sager: 280 cases over 15-26 February (10 working days); by Friday 19 February 5 of 10
    # days -> 140 planned; 150 done -> on track.
    assert (
        "| Underretninger, afgørelser og frister på automatisk konverterede sager | Sagsbehandler | på sporet | "
        "150 | 140 | 280 | 280 |"
    ) in page
    # due before "klar til kontrol" (Monday 15 February: the working day before is Friday 12 February), all 475
    # first counted on 19 February
    assert (
        "| Bevillinger og betalinger | Økonomimedarbejder | færdig 19. februar 2027, 7 dage efter fristen | "
        "475 | 475 | 475 | 475 |"
    ) in page
    assert '!!! danger "1 arbejdspakke når ikke fristen i det nuværende tempo"' in page
    assert '!!! warning "Status: i gang"' in page and '!!! danger "No-go: 4 af 5 kriterier er ikke opfyldt"' in page
    # the student role: 150 + 9 (session) of 186 + 9; on 22 January 60 + 9 done, 101 + 9 planned: the package's
    # hours follow the students' capacity, weeks of 45, 45, 30 (one away for exams) and 45 hours, so 90 of 165
    # by 22 January: 186 × 90 / 165 = 101,5 -> 101
    assert "159 af 195 sager er færdige, 195 var planlagt til 19. februar 2027: **bagud&#58; 36 sager**." in page
    # the caseworkers: each case once (issue 20.3), not 1.030 as the sum of their packages and sessions; before
    # go-live they visit all 475 cases: the 195 of their own packages are done, 150 of the vendor's 280 -> 345;
    # planned 195 + 140 = 335
    assert "345 af 475 sager er færdige, 335 var planlagt til 19. februar 2027: **på sporet**." in page
    assert "| 22. januar 2027 | 69 | 110 |" in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 4  # overview + 3 roles


def test_reconciliation_quality_and_go_no_go_pages(both):
    rec = both[0]["fremdrift/afstemning.md"]
    assert '!!! danger "1 forskel er ikke forklaret"' in rec
    assert "| Åbne sager med børnefaglig undersøgelse i gang | 45 | 44 | −1 | 0 | **1** |" in rec
    assert "| Åbne sager med støttende indsatser | 280 | 278 | −2 | −2 | 0 |" in rec
    q = both[0]["fremdrift/kvalitet.md"]
    # 4 of 138 = 2,9 %; Wilson 95 %: 1,1 %-7,2 %; threshold 5 %
    assert "| under grænsen, men intervallet går over den | 138 | 4 | 2,9 % | 1,1 %–7,2 % | 5 % |" in q
    go = both[0]["fremdrift/go-no-go.md"]
    assert "- [x] **Danmarks Statistik-startdatoer på anbringelser og indsatser er tjekket**: opfyldt" in go
    assert MISSING_ROUND.format(activity="kontrolrunde 2 og afstemning af antal før og efter") in go
    # What is missing is a list in a sentence, ended with "samt"/"og" as everywhere on the site (not "; ")
    assert (
        "Mangler: åbne sager med børnefaglig undersøgelse i gang&#58; 1 sag uden forklaring samt åbne sager "
        "med ungestøtte og efterværn (18–22 år)&#58; ikke afstemt endnu."
    ) in go
    assert (
        "Mangler: alle anbringelser er konverteret og kontrolleret, alle arbejdspakker før go-live er færdige, "
        "fejlraten i begge kontrolrunder er højst 5 % samt alle forskelle i antal sager før og efter er "
        "forklaret."
    ) in both[0]["fremdrift/index.md"]
    assert "Ikke afstemt endnu: åbne sager med ungestøtte og efterværn (18–22 år)." in rec


def test_downloads_hold_the_history_with_verdicts(both):
    rows = list(csv.reader(io.StringIO(both[0]["downloads/fremdrift.csv"].decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Optællingsdato", "Type", "Navn"]
    basis = [r for r in rows if r[2] == "Basisoplysninger på manuelt konverterede sager"]
    assert [(r[0], r[4], r[5]) for r in basis] == [
        ("2027-01-22", "60", "101"),
        ("2027-02-05", "110", "186"),
        ("2027-02-19", "150", "186"),
    ]
    assert basis[-1][7].startswith("bagud: 36 sager") and basis[-1][8] == "2027-03-02"
    wb = load_workbook(io.BytesIO(both[0]["downloads/fremdrift.xlsx"]))
    ws = wb["Fremdrift"]
    assert ws.max_row == len(rows)
    assert [c.value for c in ws[1]] == rows[0]


def test_text_from_the_plan_never_becomes_a_formula_in_the_downloads(tmp_path):
    plan = set_value(example_text(), ("arbejdspakker", "basis_manuelle_sager", "navn"), '"=HYPERLINK(\\"http://x\\")"')
    out = contents(project(tmp_path, (ROOT / "fremdrift.yaml").read_text(encoding="utf-8"), plan))
    text = out["downloads/fremdrift.csv"].decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text
    ws = load_workbook(io.BytesIO(out["downloads/fremdrift.xlsx"]))["Fremdrift"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_mkdocs_build_strict_passes_with_the_warning_and_has_the_section(tmp_path):
    for name in ("mkdocs.yml", "plan.yaml", "fremdrift.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    if (ROOT / "overrides").exists():
        shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert like(say.UNEXPLAINED).search(done.stderr)  # shown, but as information: --strict still passes
    site = tmp_path / "site"
    for page in (
        "fremdrift/index.html",
        "fremdrift/afstemning/index.html",
        "fremdrift/kvalitet/index.html",
        "fremdrift/go-no-go/index.html",
        "downloads/fremdrift.xlsx",
    ):
        assert (site / page).is_file(), page
    text = html.unescape((site / "fremdrift" / "index.html").read_text(encoding="utf-8"))
    verdict = VERDICT_BEHIND_FORECAST.format(cases="36 sager", finish="2. marts 2027", deadline="12. februar 2027")
    assert verdict in text
    assert 'href="fremdrift/"' in (site / "index.html").read_text(encoding="utf-8")  # in the navigation


HOSTILE = [
    "<script>alert(1)</script>",
    "[klik her](https://example.org)",
    "*fed* `kode` {: .x }",
    "=1+2",
    "&lt;b&gt;",
    '"><img src=x onerror=alert(1)>',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_in_fremdrift_yaml_is_shown_as_text(tmp_path, text):
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    progress = (ROOT / "fremdrift.yaml").read_text(encoding="utf-8")
    progress = set_value(progress, ("afstemning", "forklaringer", "aabne_stoettende", "forklaring"), quoted)
    progress = set_value(progress, ("go_no_go", "ds_startdatoer", "af"), quoted)
    out = contents(project(tmp_path, progress))
    for page in ("fremdrift/afstemning.md", "fremdrift/go-no-go.md"):
        md = out[page]
        assert "<script" not in md and "<img" not in md and "](https://example.org)" not in md
        assert "{: .x }" not in md
