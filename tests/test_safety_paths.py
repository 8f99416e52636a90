"""No generated page, download or session anchor is silently lost: two ids that give one path (``a_b`` and
``a-b``), or a role id that is a fixed page's name (``index``), is a validation error naming both ids and
their lines. The ids are generated (hypothesis); the rule reads the same path functions as the pages."""

from __future__ import annotations

import copy
import re
from collections import Counter

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from safety_support import dump_plan, example_data

from conftest import line_of_key, partly
from konverteringsplan.analysis.paths import role_paths
from konverteringsplan.io.load import load_plan_text
from konverteringsplan.pages.render import render
from konverteringsplan.rules.validate import check
from konverteringsplan.slug import ascii_slug
from konverteringsplan.texts import validation as say


def shaped(template: str) -> re.Pattern[str]:
    """A message template as a pattern: {line} is a line number, every other field anything."""
    parts = re.split(r"(\{[^}]*\})", template)
    return re.compile("".join(r"\d+" if p == "{line}" else ".*" if p.startswith("{") else re.escape(p) for p in parts))


PATH_CLASH = shaped(say.ROLE_PATH_CLASH)
RESERVED = shaped(say.RESERVED_ROLE_ID)
ANCHOR_CLASH = shaped(say.SESSION_ANCHOR_CLASH)

# A render per example: few examples, the same ones every run, no slow shrinking.
RENDERING = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],
)
ID = st.from_regex(r"[a-z0-9][a-z0-9_\-]{0,12}", fullmatch=True)


@st.composite
def role_ids(draw) -> list[str]:
    """New role ids, often with one that clashes: _ and - swapped, a fixed page's name, or another role's
    page name (its checklist or print page)."""
    base = draw(ID)
    twist = draw(st.sampled_from(["none", "swap", "index", "checklist", "print", "existing"]))
    ids = [base]
    if twist == "swap":
        ids.append(
            base.replace("_", "§").replace("-", "_").replace("§", "-") + ("" if re.search("[-_]", base) else "_")
        )
        if "_" not in base and "-" not in base:
            ids = [base + "-x", base + "_x"]
    elif twist == "index":
        ids.append("index")
    elif twist in ("checklist", "print"):
        ids.append(f"{base}-{'tjekliste' if twist == 'checklist' else 'udskriv'}")
    elif twist == "existing":
        ids.append("sagsbehandler-udskriv")
    return list(dict.fromkeys(ids))


def _plan_with_roles(ids: list[str]) -> str:
    """The example plan plus one role per id (copies of a converting role, so that each gets every page)."""
    data = example_data()
    model = next(r for r in data["roller"] if r["id"] == "sagsbehandler")
    session = data["undervisning"]["sessioner"][0]
    for new in ids:
        role = copy.deepcopy(model)
        role["id"] = new
        data["roller"].append(role)
        session["maalgruppe"].append(new)
    return dump_plan(data)


def _errors(text: str):
    plan, loaded = load_plan_text(text)
    return plan, [m for m in check(plan, loaded) if m.is_error]


def test_the_rule_knows_every_path_the_pages_make():
    plan, errors = _errors(_plan_with_roles(["ekstra_rolle"]))
    assert not errors
    made = set(render(plan).contents())
    planned = {p.path for p in role_paths(plan)}
    assert made <= planned, f"pages the rule does not know: {sorted(made - planned)}"


@RENDERING
@given(role_ids())
def test_ids_that_give_one_path_are_an_error_naming_both_or_every_page_is_kept(ids):
    text = _plan_with_roles(ids)
    plan, errors = _errors(text)
    taken = {r.id for r in plan.roles}
    slugs = Counter(ascii_slug(r.id) for r in plan.roles)
    clash = [i for i in ids if slugs[ascii_slug(i)] > 1]
    reserved = [
        i
        for i in ids
        if ascii_slug(i) == "index"
        or (
            re.fullmatch(r".+-(tjekliste|udskriv)", ascii_slug(i))
            and ascii_slug(i).rsplit("-", 1)[0] in {ascii_slug(t) for t in taken}
        )
    ]
    if Counter(r.id for r in plan.roles).most_common(1)[0][1] > 1:
        assert errors  # a duplicate id: the reference rules say so
        return
    path_errors = [m for m in errors if PATH_CLASH.fullmatch(m.text) or RESERVED.fullmatch(m.text)]
    if clash or reserved:
        assert path_errors, f"{ids}: two roles share a page path, and nothing says so"
        for m in path_errors:
            assert m.line > 0 and "roller" in m.key  # and a clash names the other role's line (PATH_CLASH)
        return
    assert not path_errors, [str(m) for m in path_errors]
    contents = render(plan).contents()
    for i in ids:  # each new role is in a session's audience: its training page and calendar are there
        assert f"undervisning/{ascii_slug(i)}.md" in contents
        assert f"downloads/undervisning-{ascii_slug(i)}.ics" in contents
    assert len(contents) == len({p.lower() for p in contents})


def test_an_underscore_and_a_hyphen_are_one_path_and_the_message_names_both_lines():
    text = _plan_with_roles(["a_b", "a-b"])
    _plan, errors = _errors(text)
    (message,) = [m for m in errors if PATH_CLASH.fullmatch(m.text)]
    assert message.line == line_of_key(text, ("roller", "a-b"))
    assert partly(say.ROLE_PATH_CLASH, id="a-b", first="a_b", line=line_of_key(text, ("roller", "a_b"))).fullmatch(
        message.text
    ), message.text


def test_reserved_names_are_refused():
    for name in ("index",):
        _plan, errors = _errors(_plan_with_roles([name]))
        refused = partly(say.RESERVED_ROLE_ID, id=name)
        assert any(refused.fullmatch(m.text) for m in errors), [str(m) for m in errors]


def test_a_role_called_like_another_roles_checklist_is_refused():
    _plan, errors = _errors(_plan_with_roles(["sagsbehandler-tjekliste"]))
    clash = partly(say.ROLE_PATH_CLASH, id="sagsbehandler-tjekliste", first="sagsbehandler")
    assert any(clash.fullmatch(m.text) and "sagsbehandler-tjekliste.md" in m.text for m in errors), errors


@RENDERING
@given(st.lists(ID, min_size=2, max_size=3, unique=True))
def test_session_ids_that_give_one_html_id_are_an_error(ids):
    data = example_data()
    model = data["undervisning"]["sessioner"][0]
    existing = {s["id"] for s in data["undervisning"]["sessioner"]}
    for new in ids:
        session = copy.deepcopy(model)
        session["id"] = new
        data["undervisning"]["sessioner"].append(session)
    plan, errors = _errors(dump_plan(data))
    slugs = Counter(ascii_slug(s.id) for s in plan.training.sessions)
    anchor_errors = [m for m in errors if ANCHOR_CLASH.fullmatch(m.text)]
    if any(slugs[ascii_slug(i)] > 1 for i in ids) and not any(i in existing for i in ids):
        assert anchor_errors and all(m.line > 0 for m in anchor_errors)  # ANCHOR_CLASH: "i linje" a number
    elif not errors:
        page = next(p for p in render(plan).pages if p.path == "undervisning/index.md").markdown
        anchors = re.findall(r"\{ #(hold-[a-z0-9-]+) \}", page)
        assert len(anchors) == len(set(anchors)) == len(plan.training.sessions)
