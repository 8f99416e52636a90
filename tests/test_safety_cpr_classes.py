"""The CPR guard by class (issue 15): every way of writing the same number, every place a reader sees.

No CPR-shaped number is written in this file: every one is built at run time from a date and a serial,
and every variant (separators, invisible characters, digit scripts, entities, escapes, YAML folding,
file kinds and names, a pipe) is generated from it.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import (
    ROOT,
    add_key,
    copy_project,
    example_text,
    guard_stops_the_build_on_docs,
    like,
    mkdocs_build,
    run_cli,
    set_value,
)
from konverteringsplan.io.cpr import find_cpr
from konverteringsplan.messages import Message, PlanError
from konverteringsplan.texts import commands, reading

BIRTH = dt.date(2003, 2, 1)
DATE = f"{BIRTH:%d%m%y}"
SERIAL = f"{4321:04d}"
MASKED = f"{DATE}-XXXX"
NUMBER = DATE + SERIAL

SEPARATORS = [
    "",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u2007",
    "\u3000",
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2212",
    "\uff0d",
    "/",
    ".",
    " - ",
    " / ",
    "\n",
    "\r\n",
    "\n      ",
    "-\n  ",
]
INVISIBLES = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\u2060",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u2061",
    "\u180e",
    "\u034f",
    "\ufe0f",
]
DIGIT_ZEROS = [0x30, 0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0BE6, 0x0E50, 0x1040, 0x1D7CE, 0x1D7EC]


def in_script(text: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)


def entity(c: str, kind: int) -> str:
    return [f"&#{ord(c)};", f"&#x{ord(c):x};", f"&#X{ord(c):04X};", c][kind]


def digits_of(found) -> list[str]:
    return [masked for _, _, masked in found]


def assert_hidden(text: str) -> None:
    """Neither the number nor its serial next to its date appears, in any of the variants' forms."""
    assert NUMBER not in text and f"{DATE}-{SERIAL}" not in text and f"{DATE} {SERIAL}" not in text
    assert SERIAL not in text.replace("XXXX", ""), text[:3000]


# --------------------------------------------------------------------------------------------
# The text, normalised
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", SEPARATORS, ids=[f"U+{ord(s[0]):04X}x{len(s)}" if s else "none" for s in SEPARATORS])
def test_every_separator_and_a_line_break(sep):
    assert digits_of(find_cpr(f"Barnet: {DATE}{sep}{SERIAL} (se sagen)")) == [MASKED]


@pytest.mark.parametrize("invisible", INVISIBLES, ids=[f"U+{ord(c):04X}" for c in INVISIBLES])
def test_every_invisible_character_anywhere(invisible):
    for at in range(1, 10):
        text = NUMBER[:at] + invisible + NUMBER[at:]
        assert digits_of(find_cpr(f"x {text} y")) == [MASKED], at
    assert digits_of(find_cpr(invisible.join(NUMBER))) == [MASKED]


@pytest.mark.parametrize("zero", DIGIT_ZEROS, ids=[f"U+{z:04X}" for z in DIGIT_ZEROS])
def test_every_digit_script(zero):
    assert digits_of(find_cpr(f"nr. {in_script(NUMBER, zero)}.")) == [MASKED]
    assert digits_of(find_cpr(in_script(f"{DATE}-{SERIAL}", zero))) == [MASKED]


@pytest.mark.parametrize("kind", [0, 1, 2])
def test_character_references_and_escapes(kind):
    assert digits_of(find_cpr("".join(entity(c, kind) for c in NUMBER))) == [MASKED]
    for sep in ("&nbsp;", "&shy;", "&#8203;", "&ZeroWidthSpace;", "&#x2212;", "&ndash;", "&thinsp;"):
        assert digits_of(find_cpr(f"<p>{DATE}{sep}{SERIAL}</p>")) == [MASKED], sep
    escaped = "".join(["\\x{:02x}", "\\u{:04x}", "\\U{:08x}"][kind].format(ord(c)) for c in NUMBER)
    assert digits_of(find_cpr(f'"{escaped}"')) == [MASKED]


@pytest.mark.parametrize(
    "glued",
    ["1,{}", "{},5", "{}.5", "a;1,{};b", "x{}y", "(+45){}", "1.{}"],
    ids=["comma-before", "comma-after", "stop-after", "csv", "letters", "prefix", "stop-before"],
)
def test_glued_to_other_digits_by_a_non_digit(glued):
    assert digits_of(find_cpr(glued.format(NUMBER))) == [MASKED]


def test_a_longer_digit_run_is_a_different_number():
    # Documented choice: ten digits inside an uninterrupted run of eleven or more are not flagged.
    assert find_cpr("7" + NUMBER) == [] and find_cpr(NUMBER + "7") == [] and find_cpr(f"{DATE}-{SERIAL}5") == []


@st.composite
def disguised(draw):
    """A random valid date and serial, each digit in a random script or as an entity, with random
    invisible characters between them and a random separator."""
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))
    serial = f"{draw(st.integers(0, 9999)):04d}"
    digits = f"{day:%d%m%y}" + serial
    out = []
    for i, c in enumerate(digits):
        if i == 6:
            out.append(draw(st.sampled_from(SEPARATORS)))
        form = draw(st.integers(0, 4))
        out.append(entity(c, form) if form < 3 else in_script(c, draw(st.sampled_from(DIGIT_ZEROS))))
        out.append(draw(st.sampled_from(["", "", *INVISIBLES])))
    before = draw(st.sampled_from(["", " ", "Barn ", "1,", "a", "\n", "(", "&nbsp;"]))
    return before + "".join(out) + draw(st.sampled_from(["", ".", ",5", " b", "\n", ")"])), f"{day:%d%m%y}-XXXX"


@settings(max_examples=150, deadline=None, derandomize=True)
@given(disguised())
def test_any_disguise_is_found_and_masked(case):
    text, masked = case
    assert digits_of(find_cpr(text)) == [masked]
    shown = str(Message("plan.yaml", 1, 1, "note", f'Du har skrevet "{text}".'))
    assert masked in shown and find_cpr(shown) == []  # the message shows the date part, never the number


@pytest.mark.parametrize(
    "text",
    [
        "start: 2027-03-01",
        "tlf. +45 12 34 56 78",
        "CVR 11111111",
        "tlf. 12345678",
        "pris: 1.234.500 kr.",
        "450 sager, 15 sagsbehandlere",
        "uge 9 2027",
        "timer: 1234.5",
        "tid: 2027-03-01T10:00:00+01:00",
        "20270301T101500Z",
    ],
)
def test_ordinary_plan_numbers_are_not_flagged(text):
    assert find_cpr(text) == []


# --------------------------------------------------------------------------------------------
# Every message is masked
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", ["", " ", "-", "\u2009"])
def test_every_message_is_masked_in_file_key_and_text(sep):
    number = f"{DATE}{sep}{SERIAL}"
    m = Message(
        f"docs/{number}.md", 3, 4, f"roller.{number}", f'kommune.cvr: skal være 8 cifre. Du har skrevet "{number}".'
    )
    for shown in (str(m), str(PlanError([m]))):
        assert MASKED in shown
        assert_hidden(shown)


# --------------------------------------------------------------------------------------------
# The plan as YAML reads it: checked_plan, validate and a pipe
# --------------------------------------------------------------------------------------------

ROLE = ("roller", "studentermedhjaelper")
ROLE_TASK = (*ROLE, "opgaver")  # a free-text field of plan.yaml
FOUND = reading.CPR_FOUND.format(masked=MASKED)


def _yaml_variants() -> dict[str, str]:
    """How a YAML value can hold the number while its source text shows no ten digits in a row (the
    source of the role's "opgaver", as a user could type it)."""
    esc = lambda f: "".join(f.format(ord(c)) for c in NUMBER)  # noqa: E731
    return {
        "folded": f">\n      Opretter sager for {DATE}\n      {SERIAL} i DUBU.",
        "plain multi-line": f"Opretter sager for {DATE}\n      {SERIAL} i DUBU.",
        "continuation": f'"Opretter sager for {DATE}\\\n      {SERIAL} i DUBU."',
        "tab escape": f'"Opretter sager for {DATE}\\t{SERIAL} i DUBU."',
        "nbsp escape": f'"Opretter sager for {DATE}\\_{SERIAL} i DUBU."',
        "x escape": f'"Opretter sager for {esc(chr(92) + "x{:02x}")} i DUBU."',
        "u escape": f'"Opretter sager for {esc(chr(92) + "u{:04x}")} i DUBU."',
        "zero width": f'"Opretter sager for {DATE}\\u200b{SERIAL} i DUBU."',
        "fullwidth": f"Opretter sager for {in_script(NUMBER, 0xFF10)} i DUBU.",
    }


def _with_number(variant: str) -> str:
    """The example with the number in one of the YAML forms: a value, or the name of a key."""
    if variant == "key":
        return add_key(example_text(), ROLE, f'"{DATE} {SERIAL}"', "x")
    return set_value(example_text(), ROLE_TASK, _yaml_variants()[variant])


@pytest.mark.parametrize("variant", [*_yaml_variants(), "key"])
def test_the_plan_as_yaml_reads_it(tmp_path, variant):
    from konverteringsplan.build import checked_plan

    plan = tmp_path / "plan.yaml"
    plan.write_text(_with_number(variant), encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        checked_plan(plan, None)
    shown = str(exc.value)
    assert FOUND in shown
    assert_hidden(shown)


def test_a_plan_from_a_pipe_is_scanned(tmp_path):
    text = _with_number("tab escape")
    out = tmp_path / "ud"
    for args in (["validate", "/dev/stdin"], ["render", "--plan", "/dev/stdin", "--out", str(out)]):
        done = subprocess.run(
            [sys.executable, "-m", "konverteringsplan", *args],
            input=text,
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert done.returncode == 1, args
        assert FOUND in done.stderr
        assert_hidden(done.stdout + done.stderr)
    assert not out.exists()
    # the same pipe without the number renders: the guard, not the pipe, stopped it
    done = subprocess.run(
        [sys.executable, "-m", "konverteringsplan", "render", "--plan", "/dev/stdin", "--out", str(out)],
        input=example_text(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert (out / "index.md").exists()


# --------------------------------------------------------------------------------------------
# docs/: every file, every name, mkdocs.yml
# --------------------------------------------------------------------------------------------

DOC_FILES = {
    "side.mkd": f"# Side\n\nBarn {DATE} {SERIAL}\n",
    "side.mdown": f"Barn {DATE}\u2013{SERIAL}\n",
    "side.htm": f"<p>Barn {''.join(entity(c, 0) for c in NUMBER)}</p>",
    "tegning.svg": f'<svg xmlns="http://www.w3.org/2000/svg"><text>{DATE}&#160;{SERIAL}</text></svg>',
    "data.json": '{"barn": "' + "".join(f"\\u{ord(c):04x}" for c in NUMBER) + '"}',
    "LICENS": f"sag {DATE}/{SERIAL}\n",
    "tabel.csv": f"a,b\n1,{NUMBER},2\n",
    "noter.xyz": f"{in_script(NUMBER, 0x0660)}\n",
    "sikker.txt": f"{DATE}\u200b-\u00ad{SERIAL}\n",
}


@pytest.mark.parametrize("name", list(DOC_FILES))
def test_every_file_in_docs_whatever_its_extension(tmp_path, name):
    docs = tmp_path / "docs"
    (docs / "under").mkdir(parents=True)
    (docs / "under" / name).write_text(DOC_FILES[name], encoding="utf-8")
    found = guard_stops_the_build_on_docs(tmp_path, docs)
    assert len(found) == 1 and name in found[0].file and MASKED in found[0].text
    assert_hidden(str(found[0]))


def test_a_zip_in_docs_is_scanned_member_by_member_and_images_are_skipped(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:t>{DATE}</w:t><w:t>-{SERIAL}</w:t><w:t>{DATE} {SERIAL}</w:t>")
    (docs / "brev.docx").write_bytes(buf.getvalue())
    (docs / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n" + NUMBER.encode())  # pixels: cannot be read, skipped
    found = guard_stops_the_build_on_docs(tmp_path, docs)
    assert len(found) == 1 and found[0].file.endswith("brev.docx:word/document.xml")  # the member, not the image
    assert MASKED in found[0].text


@pytest.mark.parametrize(
    "where", ["{}.md", "{}/side.md", "sager/{}-noter.md", "{}"], ids=["file", "folder", "part-of-name", "no-extension"]
)
def test_file_and_folder_names_in_docs(tmp_path, where):
    docs = tmp_path / "docs"
    path = docs / where.format(f"{DATE}-{SERIAL}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Intet tal her\n", encoding="utf-8")
    found = guard_stops_the_build_on_docs(tmp_path, docs)
    assert found and all(MASKED in str(m) for m in found)
    for m in found:
        assert_hidden(str(m))


@pytest.mark.parametrize(
    "line",
    [
        f"site_name: Sag {DATE} {SERIAL}",
        f'site_name: "Sag {DATE}\\t{SERIAL}"',
        f"copyright: >\n  Sag {DATE}\n  {SERIAL}",
    ],
    ids=["site_name", "site_name-escape", "copyright-folded"],
)
def test_mkdocs_yml_stops_validate_and_the_build(tmp_path, line):
    project = copy_project(tmp_path / "projekt")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    key = line.split(":")[0]
    lines = [ln for ln in text.splitlines() if not ln.startswith(key + ":")]
    config.write_text(line + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    done = run_cli("validate", cwd=project)
    assert done.returncode == 1 and "mkdocs.yml" in done.stderr and MASKED in done.stderr
    assert_hidden(done.stdout + done.stderr)
    built = mkdocs_build(project)
    assert built.returncode != 0
    assert like(reading.CPR_FOUND).search(built.stdout + built.stderr)
    assert_hidden(built.stdout + built.stderr)
    assert not (project / "site" / "index.html").exists()


def test_a_built_site_with_disguised_numbers_in_docs_fails_in_danish(tmp_path):
    project = copy_project(tmp_path / "projekt")
    (project / "docs" / "noter.mkd").write_text(DOC_FILES["side.htm"], encoding="utf-8")
    (project / "docs" / "data.json").write_text(DOC_FILES["data.json"], encoding="utf-8")
    built = mkdocs_build(project)
    assert built.returncode != 0
    out = built.stdout + built.stderr
    assert like(commands.PLAN_FAILED).search(out) and like(reading.CPR_FOUND).search(out) and "Traceback" not in out
    assert "noter.mkd" in out and "data.json" in out
    assert_hidden(out)
    assert not (project / "site" / "index.html").exists()


# --------------------------------------------------------------------------------------------
# The rendered output, before it is written
# --------------------------------------------------------------------------------------------


def _xlsx_with(text: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = text
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("where", ["page", "title", "path", "xlsx", "csv", "ics"])
def test_rendered_output_is_scanned_before_it_is_written(tmp_path, where):
    from konverteringsplan.adapters.output import write_tree
    from konverteringsplan.pages.common import Output, Page

    spaced = f"{DATE} {SERIAL}"
    pages = [
        Page("index.md", "Forside", "# Forside\n"),
        Page(
            f"{spaced}.md" if where == "path" else "roller.md",
            spaced if where == "title" else "Roller",
            f"| {DATE} | {SERIAL} |\n|{DATE}\u00a0{SERIAL}|\n" if where == "page" else "# Roller\n",
        ),
    ]
    output = Output(pages=pages)
    data = {
        "xlsx": _xlsx_with(f"Barn {spaced}"),
        "csv": f"a;b\n1,{NUMBER};2\n".encode(),
        "ics": f"BEGIN:VCALENDAR\r\nDESCRIPTION:{DATE}\r\n -{SERIAL}\r\nEND:VCALENDAR\r\n".encode(),
    }
    output.download(f"downloads/fil.{where if where in data else 'csv'}", lambda: data.get(where, b"a;b\n"))
    out = tmp_path / "ud"
    with pytest.raises(PlanError) as exc:
        write_tree(output, out)
    assert MASKED in str(exc.value)
    assert_hidden(str(exc.value))
    assert not out.exists()


# --------------------------------------------------------------------------------------------
# Every channel: the CLI, and the MkDocs plugin's error
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", ["", " ", "\u2009", "\u200b"], ids=["none", "space", "thin", "zero-width"])
def test_a_number_in_the_cvr_field_is_masked_in_every_line_the_cli_prints(tmp_path, sep):
    plan = tmp_path / "plan.yaml"
    plan.write_text(set_value(example_text(), ("kommune", "cvr"), f'"{DATE}{sep}{SERIAL}"'), encoding="utf-8")
    done = run_cli("validate", str(plan), cwd=tmp_path)
    assert done.returncode == 1 and MASKED in done.stderr
    assert_hidden((done.stdout + done.stderr).replace(sep, "") if sep else done.stdout + done.stderr)


def test_the_plugin_stops_a_generated_page_with_a_number_in_danish(tmp_path):
    """A page that holds a number stops the build in on_pre_page, before MkDocs reads or writes it."""
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from konverteringsplan.adapters.plugin import KonverteringsplanPlugin
    from konverteringsplan.io.cpr import check_generated

    class Job:
        def wait_for_page(self, path: str) -> None:
            check_generated(path, f"| {DATE}\u00a0{SERIAL} |")  # the guard as the render runs it

    plugin = KonverteringsplanPlugin()
    plugin.job = Job()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="roller.md"))
    with pytest.raises(PluginError) as exc:
        plugin.on_pre_page(page, config=None, files=None)
    shown = str(exc.value)
    assert like(commands.PLAN_FAILED).search(shown) and FOUND in shown
    assert_hidden(shown)
