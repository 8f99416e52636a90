"""Render a plan into site content in memory: Markdown pages, downloads and the navigation.

Nothing here touches the file system or MkDocs; the plugin and the CLI are the adapters.
"""

from __future__ import annotations

from functools import partial

from .. import formatting as fmt
from ..analysis import Figures, analyse
from ..analysis.staff import last_changed, owner_name, project_lead
from ..model import Plan
from ..texts import site as texts
from . import core, golive, guide, progress, status, training
from .common import Output, Page, _with_abbreviations
from .markdown import abbreviation_text


def glossary_abbreviations(plan: Plan) -> str:
    """Markdown abbreviation definitions: glossary terms become tooltips where they occur."""
    lines = []
    for term in plan.glossary:
        if any(ch in term.term for ch in "[]\n"):
            continue
        text = abbreviation_text(term.explanation)  # becomes an HTML attribute, not Markdown
        variants = [term.term] if term.term.isupper() else [term.term, term.term.lower(), texts.capitalised(term.term)]
        for variant in dict.fromkeys(variants):
            lines.append(f"*[{variant}]: {text}")
    return "\n".join(lines)


# The page builders, in navigation order. Each is ``build(plan, figures, out)``. The pages staff work
# from (guides, training) come first after the front page, then the steering group's status.
BUILDERS = [
    *core.FIRST,
    *guide.BUILDERS,
    *training.BUILDERS,
    *status.BUILDERS,
    *core.BUILDERS,
    *progress.BUILDERS,
    *golive.BUILDERS,
    *core.LAST,
]


def site_footer(plan: Plan, figures: Figures) -> dict[str, str]:
    """The line under every page (overrides/partials/copyright.html): when the content last changed and
    whom to contact. The date is one written in the files (never the clock): the same files, the same site."""
    footer = {}
    changed = last_changed(plan, figures.progress.dates if figures.progress else None)
    if changed:
        footer["opdateret"] = texts.FOOTER_UPDATED.format(date=fmt.date(changed))
    name = owner_name(plan)
    if name:
        lead = project_lead(plan)
        parts = [texts.FOOTER_CONTACT.format(name=name)]
        if lead and lead.phone:
            parts.append(texts.FOOTER_PHONE.format(phone=lead.phone))
        if lead and lead.email:
            parts.append(texts.FOOTER_EMAIL.format(email=lead.email))
        footer["kontakt"] = ", ".join(parts)
    return footer


def render(plan: Plan, figures: Figures | None = None, warnings: list | None = None) -> Output:
    figures = figures or analyse(plan)
    out = Output(plan=plan, warnings=list(warnings or []))
    out.footer = site_footer(plan, figures)
    for build in BUILDERS:
        build(plan, figures, out)
    out.abbreviations = glossary_abbreviations(plan)
    if out.abbreviations:
        out.pages = [
            Page(p.path, p.title, partial(_with_abbreviations, p, out.abbreviations), p.section) for p in out.pages
        ]
    return out
