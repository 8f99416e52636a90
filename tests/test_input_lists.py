"""A bracketed list of free text that YAML splits at a comma inside one name is a warning showing the block form."""

from __future__ import annotations

from conftest import EXAMPLE, ROOT, example_text, like, line_of_key, set_value
from konverteringsplan.build import validate_plan
from konverteringsplan.texts import validation as say

ONE_NAME = "[4 studentermedhjælpere i Børn, Unge og Familie]"
PEOPLE = ("roller", "oekonomimedarbejder", "personer")
SPLIT = like(say.LIST_SPLIT_AT_COMMA)


def _warnings(write_plan, text):
    _, warnings = validate_plan(write_plan(text))
    return [w for w in warnings if SPLIT.fullmatch(w.text)]


def test_a_list_split_inside_a_name_warns_with_the_block_form(write_plan):
    text = set_value(example_text(), PEOPLE, ONE_NAME)
    (warning,) = _warnings(write_plan, text)
    assert warning.line == line_of_key(text, PEOPLE)
    assert warning.key == "roller[oekonomimedarbejder].personer"
    assert warning.text == say.LIST_SPLIT_AT_COMMA.format(
        count=2,
        parts='"4 studentermedhjælpere i Børn" + "Unge og Familie"',
        key="personer",
        block="      - 4 studentermedhjælpere i Børn, Unge og Familie",
    )


def test_lists_of_names_and_ids_do_not_warn(write_plan):
    # [Konverter sager, Planlæg undervisning], [Faglig leder, Superbrugere, ...], ids: no name split by a comma
    assert _warnings(write_plan, example_text()) == []


def test_the_plan_comments_show_the_block_form():
    """About wording: the comment in plan.yaml (the example's and the scaffold's) that shows the block form."""
    for plan in (EXAMPLE, ROOT / "generator" / "scaffold" / "plan.yaml"):
        text = plan.read_text(encoding="utf-8")
        assert "#   personer:" in text and "#                     - Sagsbehandlere i Børn, Unge og Familie" in text


def test_a_list_whose_items_are_phrases_with_og_does_not_warn(write_plan):
    """Only a short item joined by "og" reads as the end of a split name: two topics of a session, each a
    phrase of its own, are a list as meant (at the limit: three words warn, four do not)."""
    topics = "[Sagsstyring og opfølgningsfrister i DUBU, Indsatser og afgørelser efter Barnets Lov]"
    assert _warnings(write_plan, set_value(example_text(), PEOPLE, topics)) == []
    three = set_value(example_text(), PEOPLE, "[Team Nord, Unge og Familie]")
    assert len(_warnings(write_plan, three)) == 1
    four = set_value(example_text(), PEOPLE, "[Team Nord, Unge og Familie Syd]")
    assert _warnings(write_plan, four) == []
