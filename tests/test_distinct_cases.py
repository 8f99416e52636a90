"""Distinct cases, never sums of work packages (issue 20, point 3): a role's "N af M sager" counts each case once,
and a package that is smaller than its categories because training converts some of its cases says so in the
same words (texts.site.taken_in_training) on every page that shows its case count."""

from __future__ import annotations

import re

from conftest import ROOT, example_text
from konverteringsplan.build import build_output
from konverteringsplan.texts.site import taken_in_training

PACKAGE = "Basisoplysninger på manuelt konverterede sager"


def _site(tmp_path) -> dict[str, str]:
    (tmp_path / "plan.yaml").write_text(example_text(), encoding="utf-8")
    (tmp_path / "fremdrift.yaml").write_text((ROOT / "fremdrift.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    output, _, _ = build_output(tmp_path / "plan.yaml", ROOT / "docs")
    return {k: v for k, v in output.contents().items() if isinstance(v, str)}


def test_no_role_has_more_cases_than_are_converted(tmp_path):
    """475 cases are converted; the caseworkers' five packages and sessions summed to 1.030."""
    pages = _site(tmp_path)
    said = [
        (path, int(m[1].replace(".", "")), int(m[2].replace(".", "")))
        for path, text in pages.items()
        for m in re.finditer(r"([\d.]+) af ([\d.]+) sager er færdige", text)
    ]
    assert len(said) >= 5, said  # three roles on the progress page, two guides (the third says "alle 475")
    assert all(done <= total <= 475 for _, done, total in said), said
    caseworker = [(d, t) for p, d, t in said if p == "vejledning/sagsbehandler.md"]
    assert caseworker == [(345, 475)]


def test_a_package_smaller_than_its_categories_says_so_in_the_same_words_everywhere(tmp_path):
    """basis_manuelle_sager: 195 cases in its categories, 9 converted at the students' session: 186."""
    note = f"186 ({taken_in_training(9, 195, ('DUBU for studentermedhjælpere',))})"
    pages = _site(tmp_path)
    rows = {
        path: [
            line
            for line in text.splitlines()
            if line.startswith(f"| {PACKAGE} |") and re.search(r"\| 1(86|95)\b", line)
        ]
        for path, text in pages.items()
    }
    rows = {path: lines for path, lines in rows.items() if lines}
    assert {"tidsplan.md", "fremdrift/index.md", "vejledning/studentermedhjaelper.md"} <= set(rows), sorted(rows)
    for path, lines in rows.items():
        for line in lines:
            assert note in line, (path, line)
            assert "| 195 |" not in line, (path, line)
