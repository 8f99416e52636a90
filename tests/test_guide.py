"""The step-by-step guide (Trin-for-trin-vejledning), checked against the example plan by hand.

Every expected value below is read off plan.yaml by a person: the steps of each role in the order
they are entered, the fields of each step, the minutes, the checks, and whom to ask.
"""

from __future__ import annotations

import html
import re

import markdown
import pytest
from progress_support import said

from conftest import EXAMPLE, add_key, drop_key, example_text, like, line_of_key, set_value
from konverteringsplan.adapters.plugin import NEEDED_EXTENSIONS
from konverteringsplan.analysis.guide import converting_roles, guide_views
from konverteringsplan.build import validate_plan
from konverteringsplan.messages import PlanError
from konverteringsplan.pages.render import render
from konverteringsplan.texts import reading
from konverteringsplan.texts import site as site_texts
from konverteringsplan.texts import validation as say

SUPERS = ["Ingeborg Skjern", "Hans Christian Varnæs", "Kristen Skjern"]


@pytest.fixture(scope="module")
def plan():
    plan, warnings = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    assert [w for w in warnings if not w.file.endswith("fremdrift.yaml")] == []  # fremdrift.yaml warns on purpose
    return plan


@pytest.fixture(scope="module")
def pages(plan):
    return {p.path: p for p in render(plan).pages}


def view(plan, role_id):
    return guide_views(plan)[role_id]


def to_html(text: str) -> str:
    """The page as the site shows it (the Markdown extensions the plugin requires of mkdocs.yml)."""
    return markdown.markdown(
        text,
        extensions=list(NEEDED_EXTENSIONS),
        extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}},
    )


def body(page) -> str:
    """Page text without the glossary definitions appended to every page, entities decoded."""
    return html.unescape(page.markdown.split("\n*[")[0])


def in_order(text: str, parts: list[str]) -> bool:
    positions = [text.find(p) for p in parts]
    return -1 not in positions and positions == sorted(positions)


# -- which roles, which steps ------------------------------------------------------------------


def test_every_converting_role_has_a_guide_a_checklist_and_a_print_page(plan, pages):
    assert [r.id for r in converting_roles(plan)] == ["studentermedhjaelper", "sagsbehandler", "oekonomimedarbejder"]
    for slug in ("studentermedhjaelper", "sagsbehandler", "oekonomimedarbejder"):
        for path in (f"vejledning/{slug}.md", f"vejledning/{slug}-tjekliste.md", f"vejledning/{slug}-udskriv.md"):
            assert path in pages, path
    # super users and the project lead convert nothing by hand: no guide
    assert "vejledning/superbruger.md" not in pages
    assert "vejledning/projektleder.md" not in pages


def test_student_steps_fields_minutes_and_checks(plan):
    v = view(plan, "studentermedhjaelper")
    assert [s.title for s in v.steps] == ["Find sagen i SBSYS", "Basisoplysninger", "Giv sagen videre"]
    basis = v.steps[1]
    assert basis.where == "DUBU: Opret sag > Barn og familie"
    assert [f.name for f in basis.fields] == [
        "Barnets CPR-nummer, navn og adresse",
        "Forældremyndighedsindehavere",
        "Ansvarlig sagsbehandler og enhed",
        "Oprettelsesdato og sagsnummer i det gamle system",
        "Underretninger fra de seneste 12 måneder",
    ]
    assert basis.minutes == 5 + 5 + 3 + 3 + 7
    assert basis.check == (
        "at CPR-nummer og navn stemmer med SBSYS, og at den eller de personer, der har forældremyndigheden i SBSYS, "
        "står på sagen (to ved fælles forældremyndighed, én ved eneforældremyndighed, den nye indehaver ved "
        "overført forældremyndighed)"
    )
    # the student's cases are the manual ones only: nothing is pre-filled by the vendor; custody holders do not
    # apply to the young adults (18-22)
    assert all(f.prefilled_by is None for f in basis.fields)
    assert [f.name for f in basis.fields if f.only] == ["Forældremyndighedsindehavere"]
    # minutes per case per category: the plan's own numbers (effort.manual_minutes), 23 or 18, never 26
    assert [(c.name, c.minutes) for c in v.categories] == [
        ("Åbne sager med anbringelse", 23),
        ("Åbne sager med børnefaglig undersøgelse i gang", 23),
        ("Åbne sager med ungestøtte og efterværn (18–22 år)", 18),
    ]
    assert v.free_minutes == 2 + 1
    assert v.follow_up == []
    assert v.cases == 110 + 45 + 40


def test_caseworker_steps_respect_vendor_fields_and_categories(plan):
    v = view(plan, "sagsbehandler")
    assert [s.title for s in v.steps] == [
        "Åbn sagen i begge systemer",
        "Basisoplysninger",
        "Indsatser og afgørelser",
        "Opfølgningsfrister",
        "Danmarks Statistik",
    ]
    basis = v.steps[1]
    # On the automatically converted support cases Netcompany brings the basic data; only the
    # notifications (not automatic) are left for the caseworker, and only on those cases.
    assert [f.name for f in basis.fields] == ["Underretninger fra de seneste 12 måneder"]
    assert basis.cases == ("Åbne sager med støttende indsatser",)
    interventions = {f.name: f for f in v.steps[2].fields}
    assert interventions["Aktuelle indsatser med lovparagraf"].prefilled_by == "Netcompany"
    assert interventions["Anbringelsessted og anbringelsesgrundlag"].only == ("Åbne sager med anbringelse",)
    assert interventions["Gældende afgørelser med formål og forventet varighed"].only == ()
    # an open investigation's material comes over at go-live (it has no first follow-up)
    assert interventions["Materialet i den igangværende børnefaglige undersøgelse"].only == (
        "Åbne sager med børnefaglig undersøgelse i gang",
    )
    assert v.steps[2].minutes == 15 + 15 + 10 + 15 and v.steps[2].conditional
    # the legal basis follows at the case's first follow-up, as its own part
    assert [s.title for s in v.follow_up] == ["Det juridiske grundlag"]
    assert [f.name for f in v.follow_up[0].fields] == [
        "Barnets plan (tidligere handleplan)",
        "Ungeplan",
        "Seneste afsluttede børnefaglige undersøgelse",
        "Dokumenter, der udgør grundlaget for afgørelserne",
    ]
    assert v.follow_up_minutes == 20 + 20 + 15 + 20
    # distinct cases: every open case once, not once per work package that visits it
    assert v.cases == 475
    # no single case can take more than its category's minutes (the placement is the longest)
    assert {c.name: c.minutes for c in v.categories} == {
        "Åbne sager med støttende indsatser": 7 + 15 + 5,
        "Åbne sager med anbringelse": 15 + 15 + 10 + 5 + 5 + 5 + 3,
        "Åbne sager med børnefaglig undersøgelse i gang": 15 + 15 + 15 + 5 + 3 + 3,
        "Åbne sager med ungestøtte og efterværn (18–22 år)": 15 + 15 + 5 + 3,
    }


def test_finance_guide(plan):
    v = view(plan, "oekonomimedarbejder")
    assert [s.title for s in v.steps] == ["Økonomi"]
    fields = {f.name: f.only for f in v.steps[0].fields}
    assert fields == {
        "Bevillinger (beløb, periode og leverandør)": (),
        "Faste betalinger til plejefamilier og anbringelsessteder": ("Åbne sager med anbringelse",),
    }
    assert v.steps[0].check == "at beløb pr. måned er det samme som i SBSYS/økonomisystemet"


def test_page_shows_steps_in_order_with_where_fields_check_time_and_whom_to_ask(pages):
    text = body(pages["vejledning/studentermedhjaelper.md"])
    assert in_order(
        text, ["### Trin 1: Find sagen i SBSYS", "### Trin 2: Basisoplysninger", "### Trin 3: Giv sagen videre"]
    )
    step2 = text[text.index("### Trin 2") : text.index("### Trin 3")]
    assert "**Hvor:** DUBU: Opret sag > Barn og familie" in step2
    assert "| Forældremyndighedsindehavere | 5 |" in step2
    assert "Tjek at CPR-nummer og navn stemmer med SBSYS" in step2
    assert "**Tid:** op til 23 minutter pr. sag (nogle felter gælder kun nogle af sagerne)." in step2
    assert "| Åbne sager med ungestøtte og efterværn (18–22 år) | 40 | 18 minutter | \\- |" in text
    assert "cirka 26" not in text
    # whom to ask is said once, at the end of the page; each step points there
    assert "**Hvis noget ikke passer:** se [Når noget ikke passer](#når-noget-ikke-passer) nederst på siden." in step2
    # Ingeborg Skjern trains the students, so they ask her first
    assert text.count("Spørg ") == 1
    assert (
        "Spørg Ingeborg Skjern, som underviser dit hold, eller en anden superbruger: Hans Christian Varnæs "
        "eller Kristen Skjern."
    ) in text


def test_page_says_which_cases_and_when(pages):
    text = body(pages["vejledning/studentermedhjaelper.md"])
    assert (
        "| Basisoplysninger på manuelt konverterede sager | åbne sager med anbringelse, åbne sager med børnefaglig "
        "undersøgelse i gang samt åbne sager med ungestøtte og efterværn (18–22 år) | 186 "
        f"({site_texts.taken_in_training(9, 195, ('DUBU for studentermedhjælpere',))}) | "
        "11. januar–5. februar 2027 (før: Manuelt konverterede sager klar til kontrol) |"
    ) in text
    caseworker = body(pages["vejledning/sagsbehandler.md"])
    assert "| Det juridiske grundlag ved sagens første opfølgning |" in caseworker
    assert "| 475 | Ved hver sags første opfølgning |" in caseworker
    assert in_order(
        caseworker,
        ["## Sådan konverterer du en sag", "## Ved sagens første opfølgning", "### Trin 1: Det juridiske grundlag"],
    )
    assert "| marts 2027 | 95 |" in caseworker and "| august 2027 | 65 |" in caseworker
    # the student does nothing at the follow-up, but is told how the rest of the case follows
    student = body(pages["vejledning/studentermedhjaelper.md"])
    assert "## Resten af sagen" in student and "- **Det juridiske grundlag**: sagsbehandler" in student


def test_whom_to_ask_follows_the_super_users_in_the_plan(write_plan, tmp_path):
    supers = ("roller", "superbruger")
    text = set_value(
        example_text(), (*supers, "personer"), "[Ingeborg Skjern, Hans Christian Varnæs, Kristen Skjern, Maude Varnæs]"
    )
    plan, _ = validate_plan(write_plan(text), tmp_path / "docs")
    v = view(plan, "oekonomimedarbejder")
    assert v.trainers == ["Ingeborg Skjern"]
    assert v.contacts == ["Hans Christian Varnæs", "Kristen Skjern", "Maude Varnæs"]
    # no super user at all: ask the project lead
    text = drop_key(example_text(), (*supers, "superbruger"))
    plan, warnings = validate_plan(write_plan(text), tmp_path / "docs")
    assert any(like(say.TRAINER_NO_SUPER_USERS).search(w.text) for w in warnings)
    page = next(p for p in render(plan).pages if p.path == "vejledning/sagsbehandler.md")
    assert "Spørg projektlederen (Projektleder Agnes Jensen)." in body(page)


def test_field_names_get_glossary_tooltips(pages):
    page_html = to_html(pages["vejledning/sagsbehandler.md"].markdown)
    assert re.search(
        r'<td><abbr title="Datoen hvor sagsbehandleren skal følge op[^"]*">Opfølgningsfrist</abbr> for hver '
        r'<abbr title="[^"]*">indsats</abbr></td>',
        page_html,
    )
    student = to_html(pages["vejledning/studentermedhjaelper.md"].markdown)
    assert re.search(
        r'<td><abbr title="Den eller de personer, der har forældremyndigheden[^"]*">Forældremyndighedsindehavere</abbr></td>',
        student,
    )
    # the students' work ends before the freeze, but their cases can still change in SBSYS until go-live
    assert "kan stadig blive ændret i SBSYS helt frem til go-live" in re.sub(r"<[^>]+>", "", student)
    caseworker = to_html(pages["vejledning/sagsbehandler.md"].markdown)
    assert "står ændringerne i frysningsloggen" in re.sub(r"<[^>]+>", "", caseworker)
    finance = to_html(pages["vejledning/oekonomimedarbejder-tjekliste.md"].markdown)
    assert re.search(r'<abbr title="Afgørelser om at betale[^"]*">Bevillinger</abbr> \(beløb', finance)


# -- checklist and print page ------------------------------------------------------------------


def checkboxes(page_html: str) -> list[str]:
    """The text after each check box, in order."""
    items = re.findall(r'<li class="task-list-item">(.*?)(?=<li|</ul>)', page_html, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]


def test_checklist_has_a_box_for_each_step_field_and_check(pages):
    boxes = checkboxes(to_html(pages["vejledning/studentermedhjaelper-tjekliste.md"].markdown))
    # 3 steps + 5 fields + 2 checks (steps 1 and 2 have a check, step 3 none)
    assert len(boxes) == 3 + 5 + 2
    assert boxes[0].startswith("1. Find sagen i SBSYS")
    assert boxes[1] == "Tjek at det er den rigtige sag, og at den ikke allerede er oprettet i DUBU"
    assert boxes[2].startswith("2. Basisoplysninger (DUBU: Opret sag > Barn og familie)")
    assert boxes[3:8] == [
        "Barnets CPR-nummer, navn og adresse",
        "Forældremyndighedsindehavere (kun på: åbne sager med anbringelse og åbne sager med "
        "børnefaglig undersøgelse i gang)",
        "Ansvarlig sagsbehandler og enhed",
        "Oprettelsesdato og sagsnummer i det gamle system",
        "Underretninger fra de seneste 12 måneder",
    ]
    assert boxes[8].startswith("Tjek at CPR-nummer")
    assert boxes[9].startswith("3. Giv sagen videre")
    caseworker = checkboxes(to_html(pages["vejledning/sagsbehandler-tjekliste.md"].markdown))
    # conversion: 5 steps + 1+4+3+2 fields + 5 checks; follow-up: 1 step + 4 fields + 1 check
    assert len(caseworker) == (5 + 10 + 5) + (1 + 4 + 1)
    assert "Frist for barnets plan (kun på: åbne sager med anbringelse)" in caseworker


def test_checklist_is_marked_for_one_sheet_and_hides_the_toc(pages):
    text = pages["vejledning/sagsbehandler-tjekliste.md"].markdown
    assert text.startswith("---\nhide:\n  - toc\n---")
    assert '<div class="kp-checklist" markdown>' in text
    assert "Ved sagens første opfølgning:" in text


def test_print_page_holds_the_whole_guide_in_order_then_the_checklist(pages):
    guide = body(pages["vejledning/sagsbehandler.md"])
    printed = body(pages["vejledning/sagsbehandler-udskriv.md"])
    headings = re.findall(r"^###? .*$", guide, re.M)
    assert len(headings) >= 8
    assert in_order(printed, headings)
    assert printed.index("# Tjekliste pr. sag: Sagsbehandler") > printed.index(headings[-1])
    assert pages["vejledning/sagsbehandler-udskriv.md"].markdown.startswith("---\nsearch:\n  exclude: true\n---")


# -- screenshots ---------------------------------------------------------------------------------


GUIDED_GROUP = ("vejledning", "feltgrupper", "indsatser_og_afgoerelser")


def with_image(ref: str) -> str:
    text = add_key(example_text(), GUIDED_GROUP, "billede", ref)
    return add_key(text, GUIDED_GROUP, "billedtekst", "Fanen Indsatser på sagen")


def test_image_under_docs_is_shown_on_the_guide_and_open_on_the_print_page(write_plan, tmp_path):
    docs = tmp_path / "docs"
    (docs / "billeder").mkdir(parents=True)
    (docs / "billeder" / "indsatser.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    plan, warnings = validate_plan(write_plan(with_image("billeder/indsatser.png")), docs)
    assert warnings == []
    pages = {p.path: p.markdown for p in render(plan).pages}
    assert (
        '??? info "Skærmbillede"\n    ![Fanen Indsatser på sagen](../billeder/indsatser.png)'
        in pages["vejledning/sagsbehandler.md"]
    )
    assert "\n![Fanen Indsatser på sagen](../billeder/indsatser.png)\n" in pages["vejledning/sagsbehandler-udskriv.md"]


@pytest.mark.parametrize(
    "ref, expected",
    [
        pytest.param("billeder/mangler.png", reading.PATH_MISSING, id="missing"),
        pytest.param("../hemmelig.png", reading.PATH_PARENT, id="outside-docs"),
        pytest.param("/etc/billede.png", reading.PATH_ABSOLUTE, id="absolute"),
        pytest.param("billeder/noter.txt", say.NOT_AN_IMAGE, id="not-an-image"),
    ],
)
def test_bad_image_paths_are_errors_on_their_line(write_plan, tmp_path, ref, expected):
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "hemmelig.png").write_bytes(b"x")
    text = with_image(ref)
    with pytest.raises(PlanError) as exc:
        validate_plan(write_plan(text), docs)
    [message] = exc.value.messages
    assert message.line == line_of_key(text, (*GUIDED_GROUP, "billede"))
    assert message.key == "vejledning.feltgrupper.indsatser_og_afgoerelser.billede"
    assert said(expected, ref=ref).search(message.text)


def test_a_field_group_without_guide_text_is_a_warning(write_plan, tmp_path):
    text = drop_key(example_text(), ("vejledning", "feltgrupper", "oekonomi"))
    _, warnings = validate_plan(write_plan(text), tmp_path / "docs")
    [w] = warnings
    assert w.line == line_of_key(text, ("minimumsoplysninger", "feltgrupper", "oekonomi"))
    assert w.text == say.GROUP_WITHOUT_GUIDE.format(name="Økonomi", id="oekonomi")
