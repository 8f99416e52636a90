"""Staff find their way: in by role on the front page, their own numbers in their guide, one calendar file per
team, a page per case type, one status page for the steering group, and every page dated and owned."""

from __future__ import annotations

import html
import re

import pytest

from conftest import EXAMPLE, ROOT, drop_key, example_text, line_of_key, set_value
from konverteringsplan.analysis.staff import last_changed
from konverteringsplan.build import build_output, validate_plan
from konverteringsplan.messages import PlanError
from konverteringsplan.texts import site as texts
from konverteringsplan.texts import validation as say

SESSION = ("undervisning", "sessioner", "oekonomi-intro")
SUPPORT = ("roller", "superbruger")  # the super users' shared phone and mailbox


def body(markdown: str) -> str:
    return html.unescape(markdown.split("\n*[")[0])


@pytest.fixture(scope="module")
def example():
    output, _, _ = build_output(EXAMPLE, ROOT / "docs")  # with the example's fremdrift.yaml
    return output


def pages(output) -> dict[str, str]:
    return {p.path: body(p.markdown) for p in output.pages}


def test_front_page_starts_with_who_are_you_one_line_per_role_and_the_steering_group(example):
    text = pages(example)["index.md"]
    after_title = text.split("\n# ", 1)[1].split("\n", 1)[1].lstrip()
    assert after_title.startswith("## Hvem er du?")
    who = after_title.split("## Om opgaven")[0]
    for slug, name in [("sagsbehandler", "Sagsbehandler"), ("studentermedhjaelper", "Studentermedhjælper")]:
        [line] = [line for line in who.splitlines() if line.startswith(f"- **{name}:**")]
        assert f"]({'vejledning/'}{slug}.md)" in line
        assert f"](vejledning/{slug}-tjekliste.md)" in line
        assert f"](undervisning/{slug}.md)" in line
        assert f"](downloads/undervisning-{slug}.ics)" in line
        assert f"](vejledning/{slug}.md#dit-arbejde-i-tal)" in line
    [teach] = [line for line in who.splitlines() if line.startswith("- **Superbruger:**")]
    assert "](undervisning/index.md)" in teach and "](belastning/superbruger.md)" in teach
    [board] = [line for line in who.splitlines() if line.startswith(f"- **{texts.WHO_BOARD}:**")]
    for target in ["status.md", "konverteringsform.md", "oekonomi.md", "tidsplan.md", "fremdrift/go-no-go.md"]:
        assert f"]({target})" in board
    # the plan's warnings are for the project lead: folded (???), after the way in
    assert re.search(r'\n\?\?\? warning "Til projektlederen: planen har \d+ advars(el|ler)"', text)
    assert "!!! warning" not in text.split("## Om opgaven")[0]


def test_navigation_puts_the_guides_first_and_says_which_section_a_role_name_is_in(example):
    sections = [next(iter(item)) for item in example.nav]
    assert sections[:3] == [texts.PAGE_HOME, texts.SECTION_GUIDE, texts.SECTION_CASE_TYPES]
    assert sections.index(texts.SECTION_GUIDE) < sections.index(texts.SECTION_DECISION)
    load = next(item for item in example.nav if texts.SECTION_LOAD in item)[texts.SECTION_LOAD]
    assert {"Sagsbehandler (belastning)": "belastning/sagsbehandler.md"} in load


def test_guide_says_hours_per_person_team_and_whom_to_ask_with_contact_details(example):
    text = pages(example)["vejledning/sagsbehandler.md"]
    mine = text.split("## Dit arbejde i tal")[1].split("\n## ")[0]
    # 16 caseworkers share the role's 771,17 planned hours (tidsplan): 48,2 each; the busiest week is
    # uge 3: the two training days (33,93 h each) and the package on their own cases, which follows the hours
    # the sessions leave (17,74 h): 85,61 hours / 16 = 5,4
    assert "cirka 48,2 timer i alt, højst 5,4 timer i den travleste uge (uge 3, fra 18. januar 2027)" in mine
    assert "](../undervisning/sagsbehandler.md#hold-sagsbehandler-hold-1)" in mine
    assert "](../downloads/hold-sagsbehandler-hold-2.ics)" in mine
    ask = text.split("## Når noget ikke passer")[1]
    assert "telefon [99 99 10 20](tel:99991020)" in ask and "[dubu-hjaelp@korsbaek.dk](mailto:" in ask
    assert "**Projektleder** (planen og dine timer): Agnes Jensen - telefon [99 99 10 00]" in ask


def test_each_team_has_its_own_calendar_with_only_its_own_events_and_lists_its_people(example):
    files = example.files
    one = files["downloads/hold-sagsbehandler-hold-1.ics"].decode()
    assert one.count("BEGIN:VEVENT") == 1 and "UID:sagsbehandler-hold-1@" in one
    assert "sagsbehandler-hold-2@" not in one
    team = pages(example)["undervisning/sagsbehandler.md"]
    hold1 = team.split("{ #hold-sagsbehandler-hold-1 }")[1].split("### ")[0]
    assert "- **På holdet:** Elisabeth Friis, Misse Mortensen" in hold1
    assert "Regitze Varnæs" not in hold1
    assert "](../downloads/hold-sagsbehandler-hold-1.ics)" in hold1


def test_more_people_on_a_team_than_seats_is_an_error_at_its_line(write_plan, tmp_path):
    text = set_value(example_text(), (*SESSION, "personer"), "[A B, C D, E F, G H, I J]")
    with pytest.raises(PlanError) as exc:
        validate_plan(write_plan(text), tmp_path / "docs")
    [m] = exc.value.messages
    assert m.line == line_of_key(text, SESSION)
    assert say.SESSION_PEOPLE_OVER_SEATS.format(people=5, seats=4) in m.text


@pytest.mark.parametrize(
    "key, value, expected",
    [
        pytest.param("telefon", "9999102", say.PATTERN_PHONE, id="phone"),
        pytest.param("email", "dubu-hjaelp.korsbaek.dk", say.PATTERN_EMAIL, id="email"),
    ],
)
def test_phone_and_email_are_checked(write_plan, tmp_path, key, value, expected):
    text = set_value(example_text(), (*SUPPORT, key), value)
    with pytest.raises(PlanError) as exc:
        validate_plan(write_plan(text), tmp_path / "docs")
    [m] = exc.value.messages
    assert m.line == line_of_key(text, (*SUPPORT, key)) and m.key.endswith(key)
    assert expected in m.text


def test_case_type_page_lists_every_field_a_case_gets_in_one_place(example):
    text = pages(example)["vejledning/sagstype-aabne-undersoegelser.md"]
    caseworker = text.split("## Det indtaster sagsbehandlere")[1].split("\n## ")[0]
    # the fields that the guide's steps mark "Kun på: ... undersøgelse" are here with the rest
    for name in [
        "Dato for kommunens kendskab til bekymringen og undersøgelsens frist (4 måneder fra den dato)",
        "Aktuelle indsatser med lovparagraf",
    ]:
        assert f"- [ ] {name}" in caseworker
    assert "Frist for barnets plan" not in caseworker  # only on placements
    table = text.split("## Alle felter")[1]
    assert "| Basisoplysninger: Barnets CPR-nummer, navn og adresse | Studentermedhjælper | Ved go-live |" in table
    # each guide links the case types its role works on
    assert "](sagstype-aabne-undersoegelser.md)" in pages(example)["vejledning/sagsbehandler.md"]


def test_status_page_for_the_steering_group(example):
    text = pages(example)["status.md"]
    # the latest date in fremdrift.yaml is 19 February 2027; go-live 1 March 2027: 9 days of February + 1
    assert "| Dage til go-live | **10 dage** (go-live mandag den 1. marts 2027) |" in text
    assert "| Go/no-go | **No-go:** 4 af 5 kriterier er ikke opfyldt |" in text
    assert "- **Basisoplysninger på manuelt konverterede sager**: 150 af 186 sager, bagud: 36 sager" in text
    assert "## Pris mod plan" in text and "## Åbne risici" in text
    assert re.search(r"\| Sagsbehandler \| [\d.]+ kr\. \| [\d.]+ kr\. \| [\d.]+ kr\. \|", text)


def test_every_page_is_dated_from_the_files_and_names_the_project_lead(example, write_plan, tmp_path):
    assert example.footer == {
        "opdateret": "Sidst ændret 7. december 2026",
        "kontakt": "Kontakt: Agnes Jensen (projektleder), telefon 99 99 10 00, e-mail agnes.jensen@korsbaek.dk",
    }
    # without opdateret: the decision's date (no fremdrift.yaml here), never the clock
    plan, _ = validate_plan(write_plan(drop_key(example_text(), ("klik_opgave", "opdateret"))), tmp_path / "docs")
    assert str(last_changed(plan)) == "2026-11-12"


def test_the_footer_is_on_every_built_page(example_site):
    for page in [example_site / "index.html", example_site / "saadan-redigerer-du-planen" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        assert '<span data-kp="opdateret">Sidst ændret 7. december 2026</span>' in text
        assert "Kontakt: Agnes Jensen (projektleder)" in text


def test_a_phone_number_without_quotes_is_read_as_its_digits(write_plan, tmp_path):
    text = set_value(example_text(), (*SUPPORT, "telefon"), "99991020")
    plan, _ = validate_plan(write_plan(text), tmp_path / "docs")
    assert next(r for r in plan.roles if r.id == "superbruger").phone == "99991020"
