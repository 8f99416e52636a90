"""From the front page, each role that has steps in the cut-over reaches its own go-live page in one click
("Dine trin ved go-live"); the project lead, who converts no cases, gets a line of its own for it."""

from __future__ import annotations

import re

from conftest import EXAMPLE, ROOT
from konverteringsplan.analysis import paths
from konverteringsplan.build import checked_plan, render
from konverteringsplan.texts import site as texts


def test_each_role_with_cut_over_steps_links_its_go_live_page_from_the_front_page():
    plan, warnings, figures = checked_plan(EXAMPLE, ROOT / "docs")
    output = render(plan, figures, warnings)
    front = next(p.markdown for p in output.pages if p.path == "index.md")
    who = front.split("## Hvem er du?")[1].split("\n## ")[0]
    lines = {m[1]: m[2] for m in re.finditer(r"^- \*\*(.+?):\*\* (.*)$", who, re.M)}
    owners = {s.owner for s in figures.golive.steps}
    names = {r.id: r.name for r in plan.roles}
    assert len(owners) >= 4 and "projektleder" in owners  # the example: four roles, the project lead among them
    for role in plan.roles:
        link = f"[{texts.WHO_GO_LIVE}](golive/{paths.golive_page(role.id)})"
        assert (link in lines.get(role.name, "")) == (role.id in owners), (role.id, lines.get(role.name))
    assert lines[names["projektleder"]] == f"[{texts.WHO_GO_LIVE}](golive/{paths.golive_page('projektleder')})"
    pages = {p.path for p in output.pages}
    assert {f"golive/{paths.golive_page(o)}" for o in owners} <= pages
