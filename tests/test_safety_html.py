"""Hostile text in every text field of plan.yaml comes out as harmless, visible text in the built site.

The text fields are found by walking the pydantic model (tests/safety_support.py), never listed by
hand: a new text field is covered the day it is added. Each field gets a marker ("q017") and a
payload; after a real `mkdocs build --strict` of a temporary copy of the project, the built HTML and
the search index must hold no script, event-handler attribute or javascript: link from the plan,
and wherever a marker is shown, the payload must follow it as plain text, exactly as typed.

A field whose payload the validation refuses (e.g. a month key that must be ÅÅÅÅ-MM) is safe by
being refused; the test checks that the refusal names that field, then leaves it out.
"""

from __future__ import annotations

import pytest
from safety_support import (
    MARKER,
    dump_plan,
    example_data,
    hostile_plan,
    make_files_for,
    marker,
    refused_slots,
    scan_html,
    scan_site,
    text_fields,
    text_slots,
)

from conftest import copy_project, mkdocs_build
from konverteringsplan.pages.markdown import inert_text

# Three builds keep the test quick; each payload group stays under the 200 characters of a short
# text. The attribute-list payload ends its group, where attr_list would apply it to a heading.
PAYLOADS = {
    "script-img-link-attr": "<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) "
    '{: onclick="alert(1)"}',
    "breakouts-entities-autolink": '</title><script>alert(1)</script> "><img src=x onerror=alert(1)> '
    "&lt;script&gt;alert(1)&lt;/script&gt; <javascript:alert(1)>",
    "image-blocks-abbr": '![x](javascript:alert(1)) tekst\n\n<div onclick="alert(1)">x</div>\n'
    "*[tekst]: javascript:alert(1)\n# {: onclick=alert(1)}",
}


def test_the_walk_finds_the_text_fields_a_reader_would_expect():
    fields = text_fields()
    # A handful that must be there (names, free text, list items, dict keys), and ids that must not.
    for expected in [
        ("Role", "navn"),
        ("Decision", "begrundelse"),
        ("Role", "personer"),
        ("GlossaryTerm", "forklaring"),
        ("Plan", "foerste_opfoelgninger"),
    ]:
        assert expected in fields
    for constrained in [("Role", "id"), ("Municipality", "cvr"), ("CaseCategory", "status")]:
        assert constrained not in fields
    # Every text field of the model has at least one place in the example plan (or can be added there).
    assert {s.field for s in text_slots(example_data())} == fields


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_hostile_text_in_every_field_is_harmless_visible_text(tmp_path, payload):
    data = example_data()
    slots = text_slots(data)
    project = copy_project(tmp_path / "projekt", dump_plan(hostile_plan(data, slots, payload, set())))
    refused = refused_slots(project, slots)
    # A text used as a file reference (a screenshot) must name an image file under docs/: give the
    # refused ones that chance, with a real (empty) file of that hostile name.
    images = set(refused)
    make_files_for(project / "docs", [f"{marker(i)} {payload}.png" for i in images])
    (project / "plan.yaml").write_text(dump_plan(hostile_plan(data, slots, payload, set(), images)), encoding="utf-8")
    refused = refused_slots(project, slots)
    images -= refused
    (project / "plan.yaml").write_text(dump_plan(hostile_plan(data, slots, payload, refused, images)), encoding="utf-8")
    assert refused_slots(project, slots) == set()
    accepted = {slots[i].field for i in range(len(slots)) if i not in refused}
    # Refused: month keys (must be ÅÅÅÅ-MM), and screenshot names with a line break in them.
    assert len(accepted) >= 0.9 * len(text_fields()), f"the validation refused too much: {sorted(refused)}"

    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]

    problems, text = scan_site(project / "site")
    assert problems == {}, "script from plan.yaml reached the site"
    assert "kommune.invalid/a%22onmouseover" in (project / "site" / "index.html").read_text(encoding="utf-8")

    # Wherever a marker is shown, the payload follows as text, exactly as typed (whitespace collapsed).
    expected = " ".join(payload.split())
    shown = 0
    for m in MARKER.finditer(text):
        i = int(m.group()[1:])
        if i in refused or i >= len(slots):
            continue
        shown += 1
        if i in images:
            continue  # a file name: shown only as a URL, never as text
        after = text[m.end() + 1 : m.end() + 1 + len(expected)]
        cut = after.find("…")  # a short label (e.g. in a chart) may cut the text, and say so
        # Titles and headings (shown again by Material as HTML in tooltips) carry look-alikes for < > &.
        ok = after in (expected, inert_text(expected)) or (cut > 10 and after[:cut].rstrip() == expected[:cut].rstrip())
        assert ok, f"{slots[i].field} {slots[i].path} is shown as {text[m.start() : m.end() + 80]!r}"
    assert shown >= len(slots) // 2, "most text fields should be visible somewhere on the site"


def test_scan_html_catches_what_it_should():
    # The scanner itself must be able to fail.
    assert scan_html("<p><script>alert(1)</script></p>").problems
    assert scan_html("<img src=x onerror=alert(1)>").problems
    assert scan_html('<a href=" java\tscript:alert(1)">x</a>').problems
    assert scan_html('<h2 onclick="alert(1)">x</h2>').problems
    # Text Material shows again with innerHTML (tooltips, ellipsised titles) must not be markup then.
    assert scan_html('<abbr title="&lt;img src=x onerror=alert(1)&gt;">x</abbr>').problems
    assert scan_html('<abbr title="&amp;lt;img src=x&amp;gt;">x</abbr>').problems
    assert scan_html('<a href="x"><span class="md-ellipsis">&lt;img src=x&gt;</span></a>').problems
    assert scan_html('<div class="md-ellipsis"><b>&amp;lt;svg&amp;gt;</b></div>').problems
    assert not scan_html(
        '<abbr title="＜img＞ ＆lt; A &amp; B">x</abbr><span class="md-ellipsis">＜b＞</span>'
    ).problems
    clean = scan_html('<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="x.html">y</a></p>')
    assert clean.problems == [] and clean.text == "<script>alert(1)</script> y"
