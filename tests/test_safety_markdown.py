"""Plan text through the real Markdown pipeline (the extensions of the project's mkdocs.yml):

* text that begins with block syntax ("???+ danger", "---", "- punkt", "2027. …", "> citat", "| a |") in
  every text field at once is shown exactly as typed and makes no element of its own (the page's tags are
  those of the same plan with plain words of the same shape); so is every block starter ("- ", "1. ", "# ",
  "```", "<script>", indentation …) in a name the templates join with `liste` or lower-case with `smaa`;
* text that Material shows again with innerHTML (abbreviation tooltips, nav/footer/table-of-contents
  titles) holds no markup after two decodings;
* a web address from the plan cannot end its Markdown link early.
"""

from __future__ import annotations

import copy
import functools
import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from safety_support import dump_plan, example_data, project_markdown, scan_html, set_in, text_slots

from conftest import copy_project
from konverteringsplan.build import validate_plan
from konverteringsplan.formatting import TEXT_FILTERS, and_list
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.messages import PlanError
from konverteringsplan.pages.markdown import abbreviation_text, escape, html_text, inert_headings, link_url
from konverteringsplan.pages.render import render
from konverteringsplan.pages.templating import environment

BLOCK_PREFIXES = [
    '???+ danger "Fare"',
    "??? note",
    "!!! note",
    "---",
    "***",
    "___",
    "- punkt",
    "* x",
    "+ x",
    "1. x",
    "2027. år",
    "3) tre",
    "# overskrift",
    "## to",
    "> citat",
    "| a | b |",
    ":::",
    "<div>",
    "</div>",
    "[^1]: fod",
    "*[DUBU]: x",
    ":   definition",
    "===",
    "```",
    "~~~",
    "- [ ] opgave",
    "[x]: https://x.dk",
    "<!-- x",
    "{: #id }",
    "    kode",
    "\tkode",
    "term\n:   definition",
    "linje\n---",
    "a\n\n- b",
    "-",
    "+",
    "1.",
    "?",
]


@st.composite
def block_text(draw) -> str:
    first = draw(
        st.one_of(
            st.sampled_from(BLOCK_PREFIXES),
            st.integers(0, 99_999).map(lambda n: f"{n}. "),
            st.integers(0, 99).map(lambda n: f"{n}) "),
        )
    )
    second = draw(st.sampled_from(["", *BLOCK_PREFIXES[:12]]))
    return (first + " " + second).strip() or "-"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag != "abbr":  # a glossary term written with signs may match the page text differently
            self.tags.append(tag)


def tags(page_html: str) -> list[str]:
    parser = _Tags()
    parser.feed(page_html)
    return parser.tags


def _same_shape(text: str) -> str:
    """Plain words of the same length, so that labels wrap and cut alike."""
    return re.sub(r"\S", "x", text)


def _plan(data: dict, slots, value_of) -> dict:
    data = copy.deepcopy(data)
    for i, slot in sorted(enumerate(slots), key=lambda x: x[1].kind == "key"):
        set_in(data, slot, value_of(i))
    return data


def _pages_html(text: str) -> dict[str, str]:
    plan, _ = load_plan_text(text)
    md = project_markdown()
    out = {}
    for page in render(plan).pages:
        md.reset()
        out[page.path] = md.convert(page.markdown)
    return out


def _accepted_slots(tmp_path, data, slots, value_of) -> set[int]:
    """The slots whose text the validation accepts (a month key or a screenshot name may refuse it)."""
    project = copy_project(tmp_path, dump_plan(_plan(data, slots, value_of)))
    try:
        validate_plan(project / "plan.yaml", project / "docs")
    except PlanError as exc:
        refused = {int(h[1:]) for m in exc.messages for h in re.findall(r"q\d{3}", str(m))}
        return set(range(len(slots))) - refused
    return set(range(len(slots)))


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.generate],
)
@given(prefix=block_text())
def test_block_syntax_in_every_text_field_is_shown_as_typed(tmp_path_factory, prefix):
    data = example_data()
    slots = text_slots(data)
    accepted = _accepted_slots(tmp_path_factory.mktemp("p"), data, slots, lambda i: f"{prefix} q{i:03d}")
    original = dict.fromkeys(range(len(slots)))

    def hostile(i):
        return f"{prefix} q{i:03d}" if i in accepted else original[i]

    def plain(i):
        return f"{_same_shape(prefix)} q{i:03d}" if i in accepted else original[i]

    # Slots that were refused keep the example's value (read it back from the data).
    for i, slot in enumerate(slots):
        node = data
        try:
            for part in slot.path:
                node = node[part]
            original[i] = node if slot.kind != "key" else slot.path[-1]
        except (KeyError, IndexError, TypeError):
            original[i] = f"q{i:03d} tekst"
    with_syntax = _pages_html(dump_plan(_plan(data, slots, hostile)))
    with_words = _pages_html(dump_plan(_plan(data, slots, plain)))
    assert with_syntax.keys() == with_words.keys()
    typed = " ".join(prefix.split())
    shown = 0
    for path, page in with_syntax.items():
        assert tags(page) == tags(with_words[path]), f"{prefix!r} made an element of its own on {path}"
        text = scan_html(page).text
        for m in re.finditer(r"q(\d{3})", text):
            if int(m.group(1)) in accepted and text[: m.start()].endswith(typed + " "):
                shown += 1
    assert shown >= len(accepted) // 2, f"{prefix!r} is not shown as typed"


ATTRIBUTE_TEXT = (
    st.lists(
        st.sampled_from(
            list("<>&\"';#x/= ")
            + ["&lt;", "&gt;", "&amp;", "&#60;", "&#x3c;", "<img src=x onerror=alert(1)>", "<svg onload=x>"]
        ),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(str.strip)
)


def _no_markup_twice(text: str) -> bool:
    """What the DOM holds (decoded once) still makes no markup when Material sets it as innerHTML."""
    return "<" not in text and "<" not in html.unescape(text)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(ATTRIBUTE_TEXT)
def test_titles_tooltips_and_toc_entries_hold_no_markup_after_two_decodings(text):
    # Nav, footer and <title>: the theme prints the escaped title as HTML (one decoding), then the ellipsis
    # tooltip sets it as innerHTML (the second).
    assert _no_markup_twice(html.unescape(html_text(text)))
    md = project_markdown()
    md.reset()
    page = md.convert(
        f"ABC tekst\n\n## Afsnit {inert_headings('## ' + escape(text))[3:]}\n\n"
        f"*[ABC]: {abbreviation_text('Forklaring ' + text)}\n"
    )
    titles = re.findall(r'<abbr title="([^"]*)"', page)
    assert titles, page
    assert all(_no_markup_twice(html.unescape(t)) for t in titles), (text, titles)
    for token in md.toc_tokens:  # the table of contents' titles, which become .md-ellipsis text
        assert _no_markup_twice(html.unescape(token["name"])), (text, token["name"])
    # Readable: the look-alikes stand where the user typed < and >.
    assert html.unescape(html_text(text)).count("＜") == text.count("<")


HOSTILE_URLS = [
    "https://klik.dk/a)[klik](javascript:alert(1))",
    'https://klik.dk/"><svg onload=alert(1)>',
    "https://klik.dk/a b'c`d|e\\f[g]h{i}<j>",
    "https://klik.dk/%29%28x",
    "http://klik.dk/(sti)",
]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.sampled_from(HOSTILE_URLS), st.text(st.sampled_from(list(")(][<>\"'` |\\*_")), max_size=8))
def test_a_web_address_cannot_end_its_markdown_link(url, tail):
    md = project_markdown()
    md.reset()
    page = md.convert(f"Se [KLIK-opgaven]({link_url(url + tail)}) her.")
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert len(hrefs) == 1 and hrefs[0].startswith(url.split("/a")[0][:15]), page
    assert "javascript" not in page.split("href=")[0]
    assert tags(page) == ["p", "a"], page
    assert scan_html(page).problems == []


def test_the_klik_link_and_the_accessibility_statement_are_refused_or_one_link(tmp_path):
    data = example_data()
    data["undervisning"]["klik_link"] = HOSTILE_URLS[0]
    plan, _ = load_plan_text(dump_plan(data))
    html_pages = {
        path: project_markdown().reset().convert(p.markdown) for path, p in ((p.path, p) for p in render(plan).pages)
    }
    links = [h for page in html_pages.values() for h in re.findall(r'href="([^"]*)"', page) if "klik.dk" in h]
    assert links and all(h.startswith("https://klik.dk/a%29%5Bklik%5D%28javascript") for h in links), links
    for bad in ("javascript:alert(1)", "ftp://klik.dk/x", "https://", "klik.dk/uden-skema"):
        data["undervisning"]["klik_link"] = bad
        data["kommune"]["tilgaengelighedserklaering"] = bad
        try:
            load_plan_text(dump_plan(data))
        except PlanError as exc:
            keys = {m.key for m in exc.messages}
            assert {"undervisning.klik_link", "kommune.tilgaengelighedserklaering"} <= keys
            assert all(m.line > 0 and "webadresse" in m.text for m in exc.messages)
        else:
            raise AssertionError(f"{bad!r} was accepted as a web address")


# -- plan text joined or lower-cased by the templates' `liste` and `smaa` ----------------------------------

# Every way a line of Markdown (or HTML) can start a block, as a user might type it first in a name.
STARTERS = ["- ", "* ", "+ ", "# ", "1. ", "> ", "| ", "```", "<script>", "    "]

# Where a template puts the filtered text: alone on a line, first on a paragraph's next line (the control
# guide's back-dated fields), inside a list item and inside a table cell.
PLACES = ["{x}\n", "Tekst:\n{x}. Mere tekst.\n", "- **Hvem:** {x}\n", "| A | B |\n|---|---|\n| a | {x} |\n"]
FILTERED = {
    "liste": "{{ items | liste }}",
    "liste_lower": "{{ items | liste(lower=True) }}",
    "smaa": "{{ items[0] | smaa }}",
}


def _typed(text: str) -> str:
    return " ".join(text.split())  # a value is one line: line breaks and runs of spaces become one space


@pytest.mark.parametrize("starter", STARTERS)
@pytest.mark.parametrize("place", PLACES, ids=["alone", "next-line", "list-item", "table-cell"])
@pytest.mark.parametrize("use", FILTERED)
def test_a_list_or_lower_cased_name_from_the_plan_is_shown_as_typed(starter, place, use):
    template = environment().from_string(place.replace("{x}", FILTERED[use]))
    items = [f"{starter}Faglig leder", f"{starter}Superbrugere"]
    page = project_markdown().convert(template.render(items=items))
    plain = project_markdown().convert(template.render(items=[_same_shape(i) for i in items]))
    assert tags(page) == tags(plain), f"{starter!r} through {use} made an element of its own: {page}"
    value = (
        TEXT_FILTERS["smaa"](items[0]) if use == "smaa" else TEXT_FILTERS["liste"](items, lower=use == "liste_lower")
    )
    assert _typed(value) in scan_html(page).text, page


def _names_in_lists(data: dict, prefix: str) -> dict:
    """The example with `prefix` before every name the templates join with `liste` or lower-case with `smaa`:
    roles and their people (and the trainers, who are the super users), case categories, the minimum fields
    and their groups, the people who settled them, and the follow-up tasks."""
    data = copy.deepcopy(data)
    for role in data["roller"]:
        role["navn"] = prefix + role["navn"]
        role["personer"] = [prefix + p for p in role["personer"]]
    for session in data["undervisning"]["sessioner"]:
        session["underviser"] = prefix + session["underviser"]
    for category in data["sagskategorier"]:
        category["navn"] = prefix + category["navn"]
    minimum = data["minimumsoplysninger"]
    minimum["deltagere"] = [prefix + p for p in minimum["deltagere"]]
    for group in minimum["feltgrupper"]:
        group["navn"] = prefix + group["navn"]
        for field in group["felter"]:
            field["navn"] = prefix + field["navn"]
    data["klik_opgave"]["foelgeopgaver"] = [prefix + t for t in data["klik_opgave"]["foelgeopgaver"]]
    return data


@functools.cache
def _pages_with_words(prefix: str) -> dict[str, str]:
    """The site with plain words of a starter's shape before the names (five shapes for ten starters): read only."""
    return _pages_html(dump_plan(_names_in_lists(example_data(), prefix)))


@pytest.mark.parametrize("starter", STARTERS)
def test_names_the_pages_join_into_lists_are_shown_as_typed(starter):
    data = example_data()
    with_syntax = _pages_html(dump_plan(_names_in_lists(data, starter)))
    with_words = _pages_with_words(_same_shape(starter))
    assert with_syntax.keys() == with_words.keys()
    for path, page in with_syntax.items():
        assert tags(page) == tags(with_words[path]), f"{starter!r} made an element of its own on {path}"
    p = _typed(starter + "x")[:-1]  # the starter as the page shows it (indentation is not kept)
    shown = {path: scan_html(page).text for path, page in with_syntax.items()}
    # `liste` first on a line (the control guide), in a table cell (roles), after "eller" (the guide's index);
    # `smaa` inside a sentence (each role's guide)
    backdated = and_list(
        [p + "Underretninger fra de seneste 12 måneder", p + "Gældende afgørelser med formål og forventet varighed"],
        lower=True,
    )
    assert f"indtaster kommunen selv: {backdated}. Tjek" in shown["vejledning/kontrol.md"]
    assert f"{p}Ingeborg Skjern, {p}Hans Christian Varnæs og {p}Kristen Skjern" in shown["roller.md"]
    assert (
        f"Spørg en superbruger: {p}Ingeborg Skjern, {p}Hans Christian Varnæs eller {p}Kristen Skjern"
        in shown["vejledning/index.md"]
    )
    role = TEXT_FILTERS["smaa"](p + "Sagsbehandler")
    assert f"Sådan konverterer du som {role} en sag" in shown["vejledning/sagsbehandler.md"]
