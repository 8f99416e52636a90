"""Tests for the safe YAML loader: what the user sees when something is wrong."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import like, partly
from konverteringsplan.io.yaml_loader import MAX_NODES, LoadedYaml, key_path, load_yaml, load_yaml_text
from konverteringsplan.messages import PlanError
from konverteringsplan.texts import reading as say


def fail(text, file="plan.yaml", **kw) -> PlanError:
    with pytest.raises(PlanError) as info:
        load_yaml_text(text, file, **kw)
    return info.value


def one(text, **kw):
    err = fail(text, **kw)
    assert len(err.messages) == 1, err.messages
    return err.messages[0]


PLAN = """\
# Konverteringsplan
kommune: Korsbæk Kommune
go_live: 2027-03-01
antal: 450
aktiv: true
tom:
faser:
  - navn: Forberedelse
    start: 2027-01-04
  - navn: "Konvertering"
    roller: [sagsbehandler, student]
2027: årstal som nøgle
"""


# --- good files -----------------------------------------------------------


def test_values_resolve_like_safe_load():
    loaded = load_yaml_text(PLAN, "plan.yaml")
    assert isinstance(loaded, LoadedYaml)
    assert loaded.file == "plan.yaml"
    assert loaded.data == yaml.safe_load(PLAN)
    assert loaded.data["go_live"] == dt.date(2027, 3, 1)
    assert loaded.data["faser"][1]["roller"] == ["sagsbehandler", "student"]


def test_locate_keys_items_and_values():
    loaded = load_yaml_text(PLAN, "plan.yaml")
    assert loaded.locate(()) == (1, 1)
    assert loaded.locate(("kommune",)) == (2, 1)
    assert loaded.locate_value(("kommune",)) == (2, 10)
    assert loaded.locate(("faser",)) == (7, 1)
    assert loaded.locate_value(("faser",)) == (8, 3)
    assert loaded.locate(("faser", 0)) == (8, 5)
    assert loaded.locate(("faser", 1, "navn")) == (10, 5)
    assert loaded.locate_value(("faser", 1, "navn")) == (10, 11)
    assert loaded.locate(("faser", 1, "roller", 1)) == (11, 29)
    assert loaded.locate((2027,)) == (12, 1)
    assert loaded.locate(("2027",)) == (12, 1)  # string path element finds an int key
    assert loaded.has(("faser", 0, "start"))
    assert not loaded.has(("faser", 5))


def test_locate_falls_back_to_deepest_existing_ancestor():
    loaded = load_yaml_text(PLAN, "plan.yaml")
    assert loaded.locate(("findes_ikke",)) == (1, 1)
    assert loaded.locate(("faser", 1, "mangler")) == (10, 5)  # the list item
    assert loaded.locate(("faser", 7, "navn")) == (7, 1)  # the key "faser"
    assert loaded.locate_value(("faser", 1, "mangler")) == (10, 5)


def test_load_yaml_from_file(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    loaded = load_yaml(tmp_path / "plan.yaml")
    assert loaded.file == "plan.yaml"
    assert loaded.data["antal"] == 450


def test_key_path_format():
    assert key_path(("faser", 1, "navn")) == "faser[2].navn"
    assert key_path(()) == ""


def test_aliases_within_limit_are_fine():
    loaded = load_yaml_text("a: &x {n: 1}\nb: *x\n", "p.yaml")
    assert loaded.data == {"a": {"n": 1}, "b": {"n": 1}}
    assert loaded.data["a"] is not loaded.data["b"]


# --- duplicate keys -------------------------------------------------------


def test_duplicate_keys_name_both_lines_and_all_duplicates_reported():
    text = "kommune: A\nroller:\n  leder: 1\n  leder: 2\nantal: 3\nkommune: B\n"
    err = fail(text)
    msgs = sorted(err.messages, key=lambda m: m.line)
    assert [(m.line, m.column, m.key) for m in msgs] == [(4, 3, "roller.leder"), (6, 1, "kommune")]
    twice = {"times": say.TWICE, "forgotten": say.FORGOTTEN_FIRST}
    assert msgs[0].text == say.DUPLICATE_KEY.format(key="leder", lines="3 og 4", **twice)
    assert str(msgs[1]) == "plan.yaml:6:1: kommune: " + say.DUPLICATE_KEY.format(key="kommune", lines="1 og 6", **twice)


def test_key_three_times_lists_every_line():
    m = one("a: 1\na: 2\nb: 0\na: 3\n")
    assert m.text == say.DUPLICATE_KEY.format(
        key="a", times=say.THRICE, lines="1, 2 og 4", forgotten=say.FORGOTTEN_OTHERS
    )


def test_duplicates_inside_list_items():
    m = one("faser:\n  - navn: A\n    navn: B\n")
    assert (m.line, m.key) == (3, "faser[1].navn")
    assert m.text == say.DUPLICATE_KEY.format(
        key="navn", times=say.TWICE, lines="2 og 3", forgotten=say.FORGOTTEN_FIRST
    )


# --- alias bomb -----------------------------------------------------------


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_fails_fast_with_clear_message():
    started = time.monotonic()
    m = one(billion_laughs())
    assert time.monotonic() - started < 5
    assert m.text == say.TOO_MANY_VALUES_ALIASED.format(limit=f"{MAX_NODES:,}".replace(",", "."))


def test_self_referencing_alias_is_refused():
    m = one("a: &a [1, *a]\n")
    assert say.ALIAS_CYCLE in m.text
    assert m.line == 1


# --- size and encoding ----------------------------------------------------


def test_too_large_file_refused(tmp_path: Path):
    p = tmp_path / "plan.yaml"
    p.write_text("a: " + "x" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_yaml(p, max_bytes=1000)
    text = info.value.messages[0].text
    assert text == say.TOO_BIG.format(size="5.004", limit="1.000")


def test_too_large_text_refused():
    assert like(say.TOO_BIG).fullmatch(one(b"a: 1\n" * 100, max_bytes=50).text)


def test_missing_file(tmp_path: Path):
    with pytest.raises(PlanError) as info:
        load_yaml(tmp_path / "plan.yaml")
    assert like(say.FILE_NOT_FOUND).fullmatch(info.value.messages[0].text)


def test_not_utf8_names_byte_and_line():
    m = one("kommune: Korsbæk\nnavn: Ærø\n".encode("cp1252"))
    assert (m.line, m.column) == (1, 15)
    more = say.NOT_UTF8_MORE_LINES.format(others=1)
    assert partly(say.NOT_UTF8, byte=0xE6, line=1, col=15, more=more).fullmatch(m.text), m.text


def test_utf8_bom_is_accepted():
    """Notepad and Excel save UTF-8 with a byte-order mark: the plan reads the same, lines unchanged."""
    for text in ("\ufeffa: 1\nb: 2\n".encode(), "\ufeffa: 1\nb: 2\n"):
        loaded = load_yaml_text(text, "plan.yaml")
        assert loaded.data == {"a": 1, "b": 2}
        assert loaded.locate(("b",)) == (2, 1)


def test_utf16_refused():
    assert one("a: 1\n".encode("utf-16")).text == say.UTF16


def test_control_character():
    m = one("a: 1\nb: x\x07y\n")
    assert (m.line, m.column) == (2, 5)
    assert m.text == say.CONTROL_CHARACTER.format(code="U+0007", line=2, col=5)


@pytest.mark.parametrize(
    "text,message", [("", say.FILE_EMPTY), ("\n  \n", say.FILE_EMPTY), ("# kun en kommentar\n", say.ONLY_COMMENTS)]
)
def test_empty_or_only_comments(text, message):
    assert one(text).text == message


@pytest.mark.parametrize(
    "text,what",
    [("- a\n- b\n", say.ROOT_IS_A_LIST), ("bare tekst\n", say.ROOT_IS_A_VALUE), ("42\n", say.ROOT_IS_A_VALUE)],
)
def test_top_level_must_be_mapping(text, what):
    assert one(text).text == say.ROOT_NOT_KEYS.format(what=what)


# --- syntax errors --------------------------------------------------------


def test_tab_in_indentation():
    m = one("kommune: A\nroller:\n\tleder: 1\n")
    assert (m.line, m.column) == (3, 1)
    assert like(say.TAB_AT).search(m.text) and say.SPACES_NOT_TABS in m.text


def test_tab_elsewhere_gives_hint_on_other_syntax_error():
    # The syntax error is an unclosed list, but line 4 is indented with a tab.
    m = one("a: [1,\n  2\nc: |\n  \tx\n")
    assert say.TAB_INDENT_ONE_LINE.format(lines=4) in m.text


def test_tab_hint_lists_other_tab_lines():
    m = one("a:\n\tb: 1\nc:\n  \td: 2\n")
    assert m.line == 2
    assert say.TAB_ALSO.format(lines=4) in m.text


def test_unclosed_quote_points_at_opening_quote():
    m = one('a: 1\nb: "hej\nc: 2\n')
    assert (m.line, m.column) == (2, 4)
    assert say.QUOTE_NOT_CLOSED.format(line=2, col=4) in m.text


def test_colon_in_text():
    m = one("a: 1\nnote: Bemærk: husk kaffe\n")
    assert m.line == 2
    assert say.UNEXPECTED_COLON in m.text


def test_bad_indentation():
    m = one("a:\n  b: 1\n c: 2\n")
    assert m.line == 3
    assert like(say.BAD_INDENT).search(m.text)


def test_two_documents():
    assert say.MORE_THAN_ONE_DOCUMENT in one("a: 1\n---\nb: 2\n").text


def test_undefined_alias():
    assert say.UNDEFINED_ALIAS in one("a: *mangler\n").text


def test_deep_nesting_does_not_crash():
    too_deep = (like(say.TOO_DEEP), like(say.TOO_DEEP_TO_READ), like(say.TOO_DEEP_HERE))
    for depth in (5000, 150):
        text = one("a: " + "[" * depth + "]" * depth + "\n").text
        assert any(p.search(text) for p in too_deep), text


def test_invalid_date_value():
    m = one("go_live: 2027-02-30\n")
    assert (m.line, m.column, m.key) == (1, 10, "go_live")
    assert partly(say.BAD_VALUE, value="2027-02-30", kind=say.KIND_DATE).search(m.text), m.text


# --- tags and merge keys --------------------------------------------------


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system", "!egen", "!!binary", "!!set"])
def test_non_standard_tags_refused(tag):
    m = one(f"a: 1\nb: {tag} x\n")
    assert m.line == 2 and m.key == "b"
    assert partly(say.TAG_REFUSED, tag=tag).search(m.text), m.text


def test_python_object_on_collection_is_refused_not_constructed():
    m = one("a: !!python/object/apply:os.system [echo hej]\n")
    assert like(say.TAG_REFUSED).search(m.text), m.text


def test_standard_tags_allowed():
    assert load_yaml_text("a: !!str 123\nb: !!int '7'\n", "p").data == {"a": "123", "b": 7}


def test_merge_key_refused():
    m = one("basis: &b {timer: 1}\nfase:\n  <<: *b\n  navn: A\n")
    assert (m.line, m.key) == (3, "fase")
    assert say.MERGE_KEY in m.text


def test_messages_are_danish_and_have_position():
    for bad in ("a: [1, 2\n", "a: b: c\n", "- x\n", "a: 1\na: 2\n"):
        for m in fail(bad).messages:
            assert m.file == "plan.yaml" and m.line >= 1 and m.column >= 1
            assert any(w in m.text for w in ("Filen", "Nøglen", "Et kolon", "En liste", "Øverst"))


def test_too_many_values_without_aliases_is_not_called_a_bomb(monkeypatch):
    import konverteringsplan.io.yaml_loader as loader

    monkeypatch.setattr(loader, "MAX_NODES", 50)
    m = one("a:\n" + "  - 1\n" * 60)
    assert m.text == say.TOO_MANY_VALUES.format(limit=50)


def test_random_input_never_gives_a_traceback():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("ab: -\n\t'\"[]{},&*!|>#%@`?<=~æ0129.") + ["\x07", "\ufeff", "<<", "!!", "---"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text):
        try:
            loaded = load_yaml_text(text, "plan.yaml")
        except PlanError as err:
            assert err.messages and all(m.text for m in err.messages)
        else:
            assert isinstance(loaded.data, dict)

    check()


# --- explicitly tagged scalars: a Danish error at the line, never a traceback, never a silent change ---------


SCALAR_TAGS = ("!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(SCALAR_TAGS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12)
    | st.sampled_from(["", "x", "ja", "yes", "~", "null", "0x", ".", "1e999", "2020-13-45", "24:00", "1_0", "0o9"]),
)
def test_a_tagged_value_is_read_or_refused_at_its_line(tag, value):
    text = f"a: {tag} {value}\n"
    try:
        loaded = load_yaml_text(text, "plan.yaml")
    except PlanError as exc:  # a syntax error may be found at the end of the text, on line 2
        assert exc.messages and all(m.line in (1, 2) and m.file == "plan.yaml" for m in exc.messages), exc
        return
    if tag == "!!null":  # only what YAML itself reads as empty may become empty
        assert loaded.data["a"] is None


@pytest.mark.parametrize("text", ["a: !!bool x\n", "a: !!bool\n", "a: !!timestamp x\n", "a: !!null 40\n"])
def test_tagged_values_that_used_to_crash_or_vanish_are_danish_errors(text):
    with pytest.raises(PlanError) as exc:
        load_yaml_text(text, "plan.yaml")
    message = exc.value.messages[0]
    assert (message.line, message.key) == (1, "a") and like(say.BAD_VALUE).fullmatch(message.text), message.text
