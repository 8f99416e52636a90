"""Legal and practical text checked against the law (issue 20, points 12–15; /work/shared/domain.md):
the 4 months of a børnefaglig undersøgelse run from the municipality's knowledge of the concern (Barnets Lov
§ 20), young people 18–22 have an ungeplan (§§ 108–110), custody may be sole or transferred, and the guide
never tells a caseworker to create a case the vendor has already created.

About wording: the law's terms and the guide's sentences are what is checked, so they are quoted.
"""

from __future__ import annotations

import pytest

from conftest import EXAMPLE, ROOT
from konverteringsplan.build import validate_plan
from konverteringsplan.model.cases import Timing
from konverteringsplan.pages.render import render

SCAFFOLD = ROOT / "generator" / "scaffold" / "plan.yaml"
PLANS = [EXAMPLE, SCAFFOLD]


def _plan(path):
    plan, _ = validate_plan(path)
    return plan


def _fields(plan):
    """(field, its timing, the converted category ids it applies to) for every field of the plan."""
    converted = [c.id for c in plan.categories if c.converted]
    for g in plan.minimum.groups:
        for f in g.fields:
            yield f, f.timing or g.timing, set(f.categories or converted)


def _category(plan, words):
    return next(c.id for c in plan.categories if words in c.name)


@pytest.mark.parametrize("path", PLANS, ids=["example", "scaffold"])
def test_an_open_investigation_has_its_deadline_from_the_concern_and_its_material_at_go_live(path):
    plan = _plan(path)
    open_inv = _category(plan, "undersøgelse i gang")
    mine = [(f, t) for f, t, cats in _fields(plan) if open_inv in cats and "undersøgelse" in f.name.lower()]
    assert mine, "the open investigations need their investigation fields"
    assert all(t is Timing.go_live for _, t in mine), [f.name for f, t in mine if t is not Timing.go_live]
    assert any("kendskab til bekymringen" in f.name and "4 måneder fra den dato" in f.name for f, _ in mine)
    text = path.read_text(encoding="utf-8")
    assert "inden for 4 måneder" not in text and "startdato og frist (4 måneder)" not in text


def test_the_glossary_says_when_the_four_months_start():
    plan = _plan(EXAMPLE)
    (entry,) = [e for e in plan.glossary if e.term == "Børnefaglig undersøgelse"]
    assert "4 måneder efter, at kommunen blev opmærksom på" in entry.explanation


@pytest.mark.parametrize("path", PLANS, ids=["example", "scaffold"])
def test_young_people_18_to_22_have_an_ungeplan_not_barnets_plan(path):
    plan = _plan(path)
    young = _category(plan, "18–22")
    names = [f.name for f, _, cats in _fields(plan) if young in cats]
    assert "Ungeplan" in names
    assert not [n for n in names if "barnets plan" in n.lower()]
    assert not [n for n in names if "forældremyndighed" in n.lower()]
    others = {c.id for c in plan.categories if c.converted} - {young}
    assert any("barnets plan" in f.name.lower() and cats == others for f, _, cats in _fields(plan))


@pytest.mark.parametrize("path", PLANS, ids=["example", "scaffold"])
def test_the_custody_check_fits_sole_and_transferred_custody(path):
    text = path.read_text(encoding="utf-8")
    assert "begge forældremyndighedsindehavere" not in text and "begge skal stå" not in text
    check = _plan(path).guide.groups["basisoplysninger"].check
    assert "eneforældremyndighed" in check and "overført forældremyndighed" in check


@pytest.fixture(scope="module")
def guides():
    plan = _plan(EXAMPLE)
    return {p.path: p.markdown for p in render(plan).pages if p.path.startswith("vejledning/")}


def _step(page: str, title: str) -> str:
    return page.split(f": {title}\n", 1)[1].split("\n### ", 1)[0]


def test_the_guide_never_asks_to_create_a_case_the_vendor_created(guides):
    # The caseworker adds notifications to the vendor's cases (støttende indsatser): the case exists.
    step = _step(guides["vejledning/sagsbehandler.md"], "Basisoplysninger")
    assert "**Sagen findes allerede:** Netcompany har oprettet sagen i DUBU. Opret den ikke igen" in step
    assert "Opret sag" not in step
    checklist = guides["vejledning/sagsbehandler-tjekliste.md"]
    assert "Opret sag" not in checklist and "opret den ikke igen" in checklist
    # The student assistants create the manual cases: for them "Opret sag" is right.
    student = _step(guides["vejledning/studentermedhjaelper.md"], "Basisoplysninger")
    assert "**Hvor:** DUBU&#58; Opret sag" in student and "Sagen findes allerede" not in student
