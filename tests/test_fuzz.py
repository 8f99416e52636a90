"""Property-based tests: whatever a project lead does to plan.yaml, the generator answers with a
valid plan or with line-numbered Danish errors — never a traceback — and every plan it accepts
renders (and, for a few, builds with MkDocs).

Mutations start from the example plan: on its data (delete, duplicate, retype and rename keys,
random strings and numbers, duplicated list items) and on its raw text (lines deleted, duplicated
or re-indented, tabs, stray characters and bytes, truncation).

Fast by default (about 120 examples, derandomized so CI is repeatable). To search harder:
``FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz.py`` (random seeds).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_support import ROOT, example_data, scan_site, set_in, text_slots

from conftest import copy_project, like, line_of_key, mkdocs_build, set_value
from konverteringsplan.analysis import analyse
from konverteringsplan.build import validate_plan
from konverteringsplan.messages import PlanError
from konverteringsplan.pages.render import glossary_abbreviations, render
from konverteringsplan.texts import validation as say

_MORE = int(os.environ.get("FUZZ_EXAMPLES", "0"))


def fuzz_settings(examples: int, most: int | None = None):
    wanted = min(_MORE, most or _MORE) if _MORE else examples
    return settings(
        max_examples=wanted,
        deadline=None,
        derandomize=not _MORE,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


EXAMPLE = example_data()
EXAMPLE_TEXT = (ROOT / "plan.yaml").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
_WORK = Path(tempfile.mkdtemp(prefix="fuzz-"))


# --- the property ----------------------------------------------------------------------------


def check(data: bytes) -> object | None:
    """Run the whole front of the pipeline on a plan file's bytes, as `validate` does.

    Returns the plan when valid, None when refused with proper messages; fails the test on a
    traceback or on a message a user could not find in the file.
    """
    path = _WORK / "plan.yaml"
    path.write_bytes(data)
    try:
        plan, warnings = validate_plan(path, DOCS)
    except PlanError as exc:
        assert exc.messages, "an error without a message"
        for m in exc.messages:
            assert m.text.strip(), m
            # Line 0 is only for messages about the file as a whole (missing, a folder, too big),
            # which no edit of the text can cause; everything else points at a line.
            assert m.line >= 1, f"no line number: {m}"
            if m.key:
                assert m.column >= 1, f"no column: {m}"
        return None
    for w in warnings:
        assert w.line >= 1 or not w.key, f"warning without a line: {w}"
    return plan


def renders(plan) -> None:
    output = render(plan, analyse(plan))
    assert output.pages and all(p.markdown.strip() for p in output.pages)
    glossary_abbreviations(plan)


def dump(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000).encode("utf-8")


# --- data mutations --------------------------------------------------------------------------


def all_paths(node, prefix=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield (*prefix, k)
            yield from all_paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield (*prefix, i)
            yield from all_paths(v, (*prefix, i))


def parent_of(data, path):
    node = data
    for part in path[:-1]:
        node = node[part]
    return node


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_numbers = st.one_of(
    st.integers(-(10**15), 10**15), st.floats(allow_nan=True, allow_infinity=True), st.integers(0, 2000)
)
_values = st.one_of(
    st.none(),
    st.booleans(),
    _numbers,
    _text,
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.lists(st.one_of(st.integers(-5, 5), _text), max_size=3),
    st.dictionaries(_text, st.integers(-5, 5), max_size=2),
)


def _typo(key: str, draw) -> str:
    if not key:
        return "x"
    i = draw(st.integers(0, len(key) - 1))
    kind = draw(st.sampled_from(["drop", "double", "swap", "upper", "danish"]))
    if kind == "drop":
        return key[:i] + key[i + 1 :] or "x"
    if kind == "double":
        return key[:i] + key[i] + key[i:]
    if kind == "swap" and i + 1 < len(key):
        return key[:i] + key[i + 1] + key[i] + key[i + 2 :]
    if kind == "danish":
        return key.replace("ae", "æ").replace("oe", "ø").replace("aa", "å")
    return key.upper()


@st.composite
def mutated_plans(draw) -> bytes:
    data = copy.deepcopy(EXAMPLE)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(all_paths(data))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = parent_of(data, path), path[-1]
        op = draw(st.sampled_from(["delete", "retype", "rename", "string", "number", "duplicate", "empty"]))
        if op == "delete":
            del parent[last]
        elif op == "retype":
            parent[last] = draw(_values)
        elif op == "string":
            parent[last] = draw(_text)
        elif op == "number":
            parent[last] = draw(_numbers)
        elif op == "empty":
            parent[last] = draw(st.sampled_from([None, "", [], {}]))
        elif op == "rename" and isinstance(parent, dict):
            new = _typo(str(last), draw) if draw(st.booleans()) else draw(_text)
            items = list(parent.items())
            parent.clear()
            parent.update((new if k == last else k, v) for k, v in items)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif op == "duplicate" and isinstance(parent, dict):
            # a second key with the same meaning: only the raw text can hold a true duplicate
            parent[f"{last}_kopi"] = copy.deepcopy(parent[last])
    return dump(data)


# --- raw text mutations ----------------------------------------------------------------------

_LINES = EXAMPLE_TEXT.splitlines(keepends=True)


@st.composite
def mutated_texts(draw) -> bytes:
    # raw text: what is fuzzed is the YAML source itself (indentation, tabs, stray characters, bytes)
    lines = list(_LINES)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(
            st.sampled_from(
                [
                    "delete",
                    "duplicate",
                    "indent",
                    "dedent",
                    "tab",
                    "insert",
                    "replace_char",
                    "truncate",
                    "anchor",
                    "bytes",
                ]
            )
        )
        if op == "delete":
            del lines[i]
        elif op == "duplicate":  # a duplicated key line, or a duplicated list item
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 4)) :] if lines[i].startswith(" ") else lines[i]
        elif op == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = (
                lines[i][:at]
                + draw(st.text(st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \n\tæøå0123456789")), min_size=1, max_size=4))
                + lines[i][at:]
            )
        elif op == "replace_char" and lines[i]:
            at = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:at] + draw(st.characters(blacklist_categories=("Cs",))) + lines[i][at + 1 :]
        elif op == "truncate":
            lines = lines[:i]
        elif op == "anchor":
            lines[i] = lines[i].replace(": ", ": *ingen ", 1)
        elif op == "bytes":
            text = "".join(lines).encode("utf-8")
            at = draw(st.integers(0, len(text)))
            return text[:at] + draw(st.binary(min_size=1, max_size=3)) + text[at:]
        if not lines:
            break
    return "".join(lines).encode("utf-8")


# --- the tests -------------------------------------------------------------------------------


def renders_or_explains(data: bytes) -> None:
    """The plan is refused with line-numbered Danish errors, or it renders (check, renders)."""
    plan = check(data)
    if plan is not None:
        renders(plan)


def test_the_example_itself_is_valid_and_renders():
    plan = check(EXAMPLE_TEXT.encode("utf-8"))
    assert plan is not None
    renders(plan)


@fuzz_settings(50)
@given(mutated_plans())
def test_data_mutations_give_a_plan_or_line_numbered_errors(data):
    renders_or_explains(data)


@fuzz_settings(50)
@given(mutated_texts())
def test_text_mutations_give_a_plan_or_line_numbered_errors(data):
    renders_or_explains(data)


_SLOTS = text_slots(EXAMPLE)


@st.composite
def plans_with_random_text(draw) -> bytes:
    """Random (mostly valid) text in a few text fields: these plans should usually be accepted."""
    data = copy.deepcopy(EXAMPLE)
    for slot in draw(st.lists(st.sampled_from([s for s in _SLOTS if s.kind == "value"]), min_size=1, max_size=6)):
        set_in(data, slot, draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)))
    return dump(data)


@fuzz_settings(15)
@given(plans_with_random_text())
def test_random_text_in_text_fields_renders(data):
    renders_or_explains(data)


@fuzz_settings(2, most=10)  # a real build takes seconds
@given(plans_with_random_text())
def test_accepted_plans_with_random_text_build_with_mkdocs(data):
    plan = check(data)
    if plan is None:
        return
    project = copy_project(Path(tempfile.mkdtemp(prefix="fuzz-site-", dir=_WORK)))
    (project / "plan.yaml").write_bytes(data)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    problems, _ = scan_site(project / "site")
    assert problems == {}


# --- what the fuzzing found, kept as plain regression tests ----------------------------------


def test_a_session_time_with_a_time_zone_is_an_error_with_a_line():
    start = ("undervisning", "sessioner", "studenter-intro", "start")
    text = set_value(EXAMPLE_TEXT, start, '"09:00+01:00"')
    path = _WORK / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        validate_plan(path, DOCS)
    except PlanError as exc:
        [m] = exc.messages
        assert m.line == line_of_key(text, start)
        assert like(say.NOT_CLOCK).search(m.text) and "09:00+01:00" in m.text
    else:
        raise AssertionError("a time with a zone was accepted")
