"""Danish that reads as written by a person, the law's terms, and no English a user can see (issue 11);
one place for user text, no arithmetic in templates (issue 13, point 4).

Site-level checks read one `mkdocs build --strict` of the example; the spelling check runs Debian's
hunspell with the Danish dictionary (hunspell, hunspell-da): it skips without them locally and fails in CI.

About wording: most checks here are about the Danish itself and quote it; where a test is about which
message a user gets, the text comes from generator/texts/.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from engine_plans import make_plan, plan_data
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, ROOT, copy_project, drop_key, example_text, line_of_key, mkdocs_build, partly, set_value
from konverteringsplan import formatting
from konverteringsplan.adapters import cli, zensical
from konverteringsplan.build import validate_plan
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.messages import PlanError
from konverteringsplan.model.roles import default_plural
from konverteringsplan.pages.render import render
from konverteringsplan.texts import site as texts
from konverteringsplan.texts import validation

GENERATOR = ROOT / "generator"
TEMPLATES = GENERATOR / "pages" / "templates"


def pages_of(plan) -> dict[str, str]:
    """Rendered Markdown per page, without the glossary's abbreviation lines, entities decoded."""
    return {p.path: html.unescape(p.markdown.split("\n*[")[0]) for p in render(plan).pages}


@pytest.fixture(scope="module")
def example():
    plan, _ = validate_plan(EXAMPLE, EXAMPLE.parent / "docs")
    return plan


@pytest.fixture(scope="module")
def example_pages(example) -> dict[str, str]:
    return pages_of(example)


@pytest.fixture(scope="module")
def site(example_site) -> Path:
    return example_site


# --- visible text of a built page -------------------------------------------------------------------


class _Visible(HTMLParser):
    """The text a reader sees or hears: text nodes outside script/style, plus alt, title, aria-label and
    placeholder attributes (tooltips, screen readers, the search box)."""

    SKIP: ClassVar = {"script", "style", "noscript", "template"}
    VOID: ClassVar = {"br", "hr", "img", "input", "meta", "link", "path", "rect", "line", "circle", "source", "use"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts += [v for k, v in attrs if k in ("alt", "title", "aria-label", "placeholder") and v]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if not self.SKIP.intersection(self.stack):
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    return "\n".join(parser.parts)


def site_texts(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): visible_text(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


# --- date ranges ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (dt.date(2027, 1, 11), dt.date(2027, 2, 5), "11. januar–5. februar 2027"),
        (dt.date(2027, 1, 11), dt.date(2027, 1, 15), "11.–15. januar 2027"),
        (dt.date(2026, 12, 14), dt.date(2027, 1, 8), "14. december 2026–8. januar 2027"),
        (dt.date(2027, 3, 1), dt.date(2027, 3, 1), "1. marts 2027"),
    ],
)
def test_date_range_takes_a_tankestreg_and_says_the_year_once(start, end, expected):
    assert formatting.date_range(start, end) == expected


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)), st.integers(1, 800))
def test_every_date_range_reads_as_one_range(start, days):
    end = start + dt.timedelta(days=days)
    text = formatting.date_range(start, end)
    assert text.count("–") == 1 and " - " not in text and " –" not in text and "– " not in text
    assert text.endswith(formatting.date(end))
    assert text.count(str(end.year)) == 1  # the year is said once; the first only when it differs
    assert (str(start.year) in text.split("–")[0]) == (start.year != end.year)
    assert str(start.day) in text.split("–")[0]


def test_no_page_writes_a_range_with_a_hyphen(example_pages):
    month = "(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan\\.|feb\\.)"
    hyphen_range = re.compile(rf"\d{{4}} - \d|{month} - \d|\d\d:\d\d-\d\d:\d\d")
    for path, text in example_pages.items():
        assert not hyphen_range.search(text), (path, hyphen_range.search(text).group(0))
    assert "(11. januar–5. februar 2027)" in example_pages["roller.md"]
    assert "Frysning i SBSYS: 15.–26. februar 2027." in example_pages["tidsplan.md"]


def test_gantt_months_cannot_be_read_as_dates(example_pages):
    svg = example_pages["tidsplan.md"]
    gantt = svg[svg.index("<svg") : svg.index("</svg>")]
    labels = re.findall(r'<text x="[\d.]+" y="18\.0"[^>]*>([^<]*)</text>', gantt)
    assert labels and "nov. 2026" in labels
    for label in labels:
        assert re.fullmatch(r"[a-zæøå]+\.? 20\d\d", label), label


# --- lists ------------------------------------------------------------------------------------------


def test_lists_end_with_og_and_lose_stray_capitals():
    assert (
        formatting.and_list(["Faglig leder", "Superbrugere", "Økonomimedarbejdere", "Projektleder"], lower=True)
        == "faglig leder, superbrugere, økonomimedarbejdere og projektleder"
    )
    assert (
        formatting.and_list(["Danmarks Statistik", "Agnes Jensen", "DUBU"], lower=True)
        == "Danmarks Statistik, Agnes Jensen og DUBU"
    )
    assert formatting.and_list(["a"]) == "a" and formatting.and_list([]) == ""
    assert formatting.and_list(["a", "b"], last="eller") == "a eller b"
    # items with a comma are separated by semicolons; items with "og" take "samt" before the last
    assert (
        formatting.and_list(["CPR-nummer, navn og adresse", "sagsansvar", "frister"])
        == "CPR-nummer, navn og adresse; sagsansvar samt frister"
    )
    assert (
        formatting.and_list(["Indsatser og afgørelser", "Opfølgningsfrister"], lower=True)
        == "indsatser og afgørelser samt opfølgningsfrister"
    )


@given(st.lists(st.text("abcæøå ", min_size=1, max_size=8).map(str.strip).filter(bool), min_size=2, max_size=6))
def test_every_list_has_one_og_before_its_last_item(items):
    text = formatting.and_list(items)
    assert text.endswith(" og " + items[-1])
    assert text.count(", ") == len(items) - 2 + sum(i.count(", ") for i in items)


def test_the_pages_join_lists_with_og(example_pages):
    assert (
        "Afklaret 28. oktober 2026 af faglig leder, superbrugere, økonomimedarbejdere og projektleder."
        in example_pages["minimumsoplysninger.md"]
    )
    assert "| Hvem | Ingeborg Skjern, Hans Christian Varnæs og Kristen Skjern |" in example_pages["roller.md"]
    assert "Relaterede KLIK-opgaver: Konverter sager og Planlæg undervisning." in example_pages["index.md"]


# --- role names in the plural ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, plural",
    [
        ("Sagsbehandler", "sagsbehandlere"),
        ("Studentermedhjælper", "studentermedhjælpere"),
        ("Økonomimedarbejder", "økonomimedarbejdere"),
        ("Superbruger", "superbrugere"),
        ("Konsulent", "konsulenter"),
        ("Praktikant", "praktikanter"),
        ("Jurist", "jurister"),
        ("Koordinator", "koordinatorer"),
        ("Faglig leder", None),
        ("Sagsbehandler (enhed 2)", None),
        ("Pædagog", None),
        ("IT-medarbejder", None),
    ],
)
def test_default_plural_only_where_the_rule_is_sure(name, plural):
    assert default_plural(name) == plural


@pytest.mark.parametrize("name", ["Faglig leder", "Pædagog", "Sagsbehandler, Myndighed", "Barnets rådgiver"])
def test_a_role_without_a_plural_the_generator_cannot_make_is_an_error_with_its_line(name):
    role = ("roller", "projektleder")
    text = drop_key(set_value(example_text(), (*role, "navn"), f'"{name}"'), (*role, "flertal"))
    with pytest.raises(PlanError) as caught:
        load_plan_text(text)
    [message] = caught.value.messages
    assert message.line == line_of_key(text, role)
    assert partly(validation.ROLE_PLURAL_UNKNOWN, name=name).search(message.text), message.text


def test_the_default_plural_is_what_the_example_writes():
    text = example_text()
    for role in ("studentermedhjaelper", "sagsbehandler", "oekonomimedarbejder", "superbruger", "projektleder"):
        text = drop_key(text, ("roller", role, "flertal"))
    plan, _ = load_plan_text(text)
    assert [r.plural_name for r in plan.roles] == [
        "studentermedhjælpere",
        "sagsbehandlere",
        "økonomimedarbejdere",
        "superbrugere",
        "projektledere",
    ]


def test_the_plural_is_used_on_every_page_calendar_and_in_the_nav():
    data = plan_data()
    data["roller"][1]["flertal"] = "rådgivere"
    data["undervisning"] = {
        "klik_opgave": "Planlæg undervisning",
        "sessioner": [
            {
                "id": "h1",
                "titel": "Hold et",
                "maalgruppe": ["sb"],
                "dato": "2027-01-20",
                "start": "09:00",
                "slut": "12:00",
                "sted": "Rådhuset",
                "underviser": "Anne",
                "pladser": 4,
                "deltagere": 4,
            }
        ],
    }
    plan = make_plan(data)
    output = render(plan)
    pages = {p.path: html.unescape(p.markdown) for p in output.pages}
    assert "# Undervisning for rådgivere\n" in pages["undervisning/sb.md"]
    assert "Der er ét hold for rådgivere, her i datoorden." in pages["undervisning/sb.md"]
    assert "# Vejledning for rådgivere\n" in pages["vejledning/sb.md"]
    assert 'title: "Vejledning for rådgivere"' in pages["vejledning/sb.md"]
    assert "# Belastning pr. uge for rådgivere\n" in pages["belastning/sb.md"]
    assert {"Hold for rådgivere": "undervisning/sb.md"} in dict(
        next(i for i in output.nav if "Undervisningsplan" in i)
    )["Undervisningsplan"]
    calendar = output.files["downloads/undervisning-sb.ics"].decode("utf-8").replace("\r\n ", "")
    assert "X-WR-CALNAME:Undervisning i DUBU for rådgivere - Testrup Kommune" in calendar


def test_the_guide_and_the_load_page_of_a_role_have_different_tab_titles(site):
    titles = Counter(
        re.search(r"<title>(.*?)</title>", p.read_text(encoding="utf-8"), re.S).group(1) for p in site.rglob("*.html")
    )
    assert [t for t, n in titles.items() if n > 1] == []
    assert "Vejledning for sagsbehandlere - Konvertering af sager til DUBU" in titles
    assert "Belastning pr. uge for sagsbehandlere - Konvertering af sager til DUBU" in titles


# --- whom to ask -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "vejledning/studentermedhjaelper.md",
        "vejledning/sagsbehandler.md",
        "vejledning/sagsbehandler-udskriv.md",
        "vejledning/sagsbehandler-tjekliste.md",
        "vejledning/oekonomimedarbejder-udskriv.md",
    ],
)
def test_whom_to_ask_is_said_once_per_page(example_pages, page):
    assert example_pages[page].count("Spørg ") == 1


def test_whom_to_ask_names_the_trainer_of_each_hold(example_pages):
    text = example_pages["vejledning/sagsbehandler.md"]
    assert (
        "Spørg den superbruger, der underviser dit hold: Hans Christian Varnæs (DUBU for sagsbehandlere, hold 1, "
        "18. januar 2027) eller Kristen Skjern (DUBU for sagsbehandlere, hold 2, 21. januar 2027), eller en "
        "anden superbruger: Ingeborg Skjern.\n\n- **Superbrugere:** Ingeborg Skjern"
    ) in text
    assert "e-mail [agnes.jensen@korsbaek.dk](mailto:agnes.jensen@korsbaek.dk).\n\nSkriv sagen på listen" in text


# --- terms: Barnets Lov, SEL, DST, the vendor --------------------------------------------------------------


def test_paragraph_32_is_stoettende_indsatser_and_sel_only_before_2024(example_pages):
    for path, text in example_pages.items():
        assert "forebyggende foranstaltning" not in text.lower(), path
        for m in re.finditer(r"\bSEL\b", text):
            assert "før 2024" in text[max(0, m.start() - 40) : m.start()], (path, text[m.start() - 60 : m.end() + 10])
    assert "Startdato for støttende indsatser" in example_pages["minimumsoplysninger.md"]
    glossary = example_pages["ordliste.md"]
    assert "**Støttende indsatser**\n:   Indsatser efter Barnets Lov § 32" in glossary


def test_dst_is_the_one_abbreviation_for_danmarks_statistik(example_pages):
    for path, text in example_pages.items():
        assert not re.search(r"\bDS\b", text), path
    assert "**DST**\n:   Danmarks Statistik" in example_pages["ordliste.md"]


def test_vendor_conversion_is_hos_the_vendor_the_plan_names():
    data = plan_data()
    data["leverandoertilbud"]["leverandoer"] = "Konverteringshuset"
    output = render(make_plan(data))
    pages = {p.path: html.unescape(p.markdown) for p in output.pages}
    assert "| Delvis automatisk (hos Konverteringshuset) |" in pages["sagsomfang.md"]
    assert "delvis automatisk hos Konverteringshuset mod betaling" in pages["konverteringsform.md"]
    assert "## Konverteringshusets tilbud" in pages["konverteringsform.md"]
    assert "| Hos Konverteringshuset |" in pages["minimumsoplysninger.md"]
    for path, text in {
        **pages,
        **{k: v.decode("utf-8", "replace") for k, v in output.files.items() if not k.endswith(".xlsx")},
    }.items():
        assert "Netcompany" not in text, path


# --- the front page ----------------------------------------------------------------------------------------


def test_front_page_names_the_next_klik_task_and_what_the_minimum_fields_serve(example_pages):
    text = example_pages["index.md"]
    assert "forudsætningen for KLIK-opgaven **Konverter sager** i ibrugtagningsfasen" in text
    management = next(line for line in text.splitlines() if line.startswith("| Ledelsen |"))
    assert "Ledelses- og styringsinformation" in management and "frist for barnets plan" in management
    finance = next(line for line in text.splitlines() if line.startswith("| Økonomi- og administrative"))
    assert "bevillinger" in finance.lower() and "faste betalinger til plejefamilier" in finance
    assert "| Danmarks Statistik (DST) |" in text


# --- no English a user can see -------------------------------------------------------------------------------

# Words and phrases that are English only (not also Danish: "and", "is", "by", "at", "to" are left out).
ENGLISH = [
    "the",
    "of",
    "this",
    "that",
    "with",
    "from",
    "your",
    "you",
    "will",
    "please",
    "click",
    "here",
    "page",
    "not found",
    "search",
    "previous",
    "next",
    "back to top",
    "skip to",
    "copy to clipboard",
    "table of contents",
    "initializing",
    "type to start",
    "no matching",
    "results",
    "share",
    "clear",
    "light mode",
    "dark mode",
    "switch to",
    "error",
    "options",
    "usage",
    "made with",
    "home",
    "edit",
    "view",
    "source",
    "last update",
    "contents",
    "on",
    "in",
    "it",
    "if",
    "or",
    "yes",
    "an",
    "aborted",
    "invalid",
    "choice",
    "required",
    "arguments",
    "positional",
    "show",
    "help message",
    "exit",
]
_ENGLISH = re.compile(
    r"(?<![\wæøåÆØÅ-])(?:" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\wæøåÆØÅ-])", re.IGNORECASE
)


def english_in(text: str) -> list[str]:
    return [text[max(0, m.start() - 30) : m.end() + 30].replace("\n", " ") for m in _ENGLISH.finditer(text)]


def test_no_english_is_visible_on_any_page(site):
    found = {path: english_in(text) for path, text in site_texts(site).items()}
    assert {p: hits for p, hits in found.items() if hits} == {}


def test_the_404_page_is_danish(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Siden findes ikke</h1>" in page and "Not found" not in page


def test_the_themes_own_texts_are_danish(site):
    config = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>',
        (site / "index.html").read_text(encoding="utf-8"),
        re.S,
    )
    translations = json.loads(config.group(1))["translations"]
    assert translations and {k: v for k, v in translations.items() if english_in(v)} == {}


def _cli_output(capsys, main, argv) -> str:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr()
    return out.out + out.err


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["validate", "--help"],
        ["render", "--help"],
        ["new", "--help"],
        ["schema", "--help"],
        [],
        ["oversæt"],
        ["render"],
        ["validate", "--nej"],
        ["new", "mappe"],
        ["render", "--out"],
        ["schema", "--write=ja"],
        ["optael", "--help"],
        ["--nej", "validate"],
    ],
)
def test_the_command_line_speaks_danish(capsys, argv):
    text = _cli_output(capsys, cli.main, argv)
    assert text.strip() and english_in(text) == []
    assert "Brug: konverteringsplan" in text


@pytest.mark.parametrize("argv", [["--help"], ["--nej"], ["--out"]])
def test_the_zensical_adapter_speaks_danish(capsys, argv):
    text = _cli_output(capsys, zensical.main, argv)
    assert english_in(text) == [] and "Brug: python -m konverteringsplan.adapters.zensical" in text


def test_an_unknown_command_says_what_to_choose_in_danish(capsys):
    text = _cli_output(capsys, cli.main, ["valider"])
    assert (
        "fejl: KOMMANDO: ugyldigt valg 'valider'; vælg mellem 'validate', 'render', 'new', 'optael', 'schema'" in text
    )


def test_a_build_error_is_explained_in_danish_before_mkdocs_ends_in_english(tmp_path):
    project = copy_project(tmp_path)
    plan = project / "plan.yaml"
    plan.write_text(set_value(plan.read_text(encoding="utf-8"), ("roller", "sagsbehandler", "antal"), "mange"), "utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert texts.BUILD_ABORTED in result.stderr
    if "Aborted with a BuildError!" in result.stderr:
        assert result.stderr.index(texts.BUILD_ABORTED) < result.stderr.index("Aborted with a BuildError!")


# --- spelling (hunspell, Danish dictionary) --------------------------------------------------------------------

# Names of systems, products, organisations and laws' abbreviations: not Danish words, in no dictionary.
NAMES = [
    "DUBU",
    "SBSYS",
    "SEL",
    "DST",
    "KLIK",
    "KOMBIT",
    "KOMBITs",
    "Netcompany",
    "Netcompanys",
    "MkDocs",
    "Material",
    "YAML",
    "Cmd",
]


def _hunspell() -> str:
    exe = shutil.which("hunspell")
    found = exe and subprocess.run([exe, "-D"], capture_output=True, text=True, input="").stderr
    if not exe or "da_DK" not in (found or ""):
        if os.environ.get("CI"):
            pytest.fail("hunspell med dansk ordbog mangler i CI (apt-get install hunspell hunspell-da)")
        pytest.skip("hunspell or the Danish dictionary (hunspell-da) is not installed")
    return exe


def test_at_most_3_percent_of_the_visible_words_are_unknown_to_the_danish_dictionary(site, tmp_path):
    exe = _hunspell()
    text = "\n".join(site_texts(site).values())
    words = re.findall(r"[A-Za-zÆØÅæøåÉé]+(?:-[A-Za-zÆØÅæøåÉé]+)*", text)
    names = tmp_path / "navne.dic"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    unknown = subprocess.run(
        [exe, "-d", "da_DK", "-p", str(names), "-l"], input=text, capture_output=True, text=True, check=True
    ).stdout.split()
    unknown = [w for w in unknown if re.search(r"[A-Za-zÆØÅæøå]", w)]
    rate = len(unknown) / len(words)
    assert rate <= 0.03, (f"{rate:.1%}", Counter(unknown).most_common(20))


# --- one place for user text; templates compute nothing (issue 13, point 4) -------------------------------------


def _string_literals(path: Path):
    """Every string literal of a module but its docstrings and the model's field descriptions (the help
    text of a plan.yaml key is written once, beside the key it describes, and becomes plan.schema.json)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node.value)
        for node in ast.walk(tree)  # docstrings, of modules, functions and attributes
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    if path.parent.name == "model":
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("field", "Field"):
                described = node.args[1:2] + [k.value for k in node.keywords if k.arg == "description"]
                skipped |= {id(arg) for arg in described}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            yield node.lineno, node.value


DANISH = re.compile(
    r"[æøåÆØÅ]|\b(?:og|af|for|på|til|med|sager|timer|uge|hold|pr\.|alt|ved|er|ikke|skal|kan|"
    r"ret|findes|den|det|der|en|et|som|har|eller|i|fra|om|fx)\b"
)
TEXTS = GENERATOR / "texts"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in GENERATOR.rglob("*.py") if TEXTS not in p.parents),
    ids=lambda p: str(p.relative_to(GENERATOR)),
)
def test_no_danish_text_in_python_outside_generator_texts(path):
    danish = [
        (line, text)
        for line, text in _string_literals(path)
        if (" " in text.strip() and DANISH.search(text)) or (len(text) > 1 and re.search(r"[æøåÆØÅ]", text))
    ]
    assert danish == [], "Danish a user sees belongs in a template or in generator/texts/"


def test_templates_compute_nothing():
    arithmetic = re.compile(r"[\w)\]] *(?:[-+*/%]|\*\*|//) *[\w(]|\bsum\b|\bround\b|\brange\(")
    found = []
    for template in sorted(TEMPLATES.glob("*.j2")):
        source = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        for block in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", source, flags=re.S):
            code = re.sub(r'"[^"]*"|\'[^\']*\'', '""', block)  # text in quotes is not arithmetic
            if arithmetic.search(code):
                found.append((template.name, block))
    assert found == []
