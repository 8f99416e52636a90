"""What rendering makes: pages (rendered when first asked for), downloads and the navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Generic, TypeVar

from markupsafe import Markup

from ..io.cpr import check_generated
from ..model import Plan
from .markdown import inert_headings
from .templating import render_template

T = TypeVar("T")

# Search ranks (Material's front matter ``search: boost``, a factor on every score of the page): pages that
# repeat the reference pages' words in another order (status reports, the fields per case type) are
# searchable, but rank below the pages that explain (the guides, the plan). Measured with
# tests/browser/test_search.py; see the README.
SEARCH_BOOST_PROGRESS = Markup("0.001")
SEARCH_BOOST_STATUS = Markup("0.5")
SEARCH_BOOST_GO_LIVE = Markup("0.5")  # the Overgangsplan: its dates answer freeze and go-live queries too
SEARCH_BOOST_CASE_TYPE = Markup("0.02")


@dataclass(frozen=True)
class Page:
    path: str  # ASCII, e.g. "vejledning/sagsbehandler.md"
    title: str  # Danish, shown in the navigation
    source: str | Callable[[], str]  # the Markdown, or how to render it when it is first asked for
    section: str | None = None  # navigation section; None = top level

    @cached_property
    def markdown(self) -> str:
        text = self.source if isinstance(self.source, str) else self.source()
        check_generated(self.path, text, self.title)  # raises PlanError: nothing with a CPR number leaves
        return text


class Later(Generic[T]):
    """A value worked out when a page or download first needs it, not when the page is added: the page
    list is then known sooner (charts, Danish number formatting and the resource plan's rows are most of
    the cost). Worked out once, however many pages and downloads use it."""

    def __init__(self, make: Callable[..., T], *args: object):
        self.make, self.args = make, args

    @cached_property
    def value(self) -> T:
        return self.make(*self.args)

    def __call__(self) -> T:
        return self.value


def _now(value: object) -> object:
    return value() if isinstance(value, Later) else value


def _render(template: str, context: dict) -> str:
    return inert_headings(render_template(template, **{k: _now(v) for k, v in context.items()}))


def _with_abbreviations(page: Page, abbreviations: str) -> str:
    return page.markdown.rstrip() + "\n\n" + abbreviations + "\n"


def _checked(path: str, make: Callable[..., bytes], *args) -> bytes:
    data = make(*map(_now, args))
    check_generated(path, data)  # an xlsx member by member, csv and ics as text
    return data


@dataclass
class Output:
    pages: list[Page] = field(default_factory=list)
    # Downloads by path (e.g. "downloads/plan.csv"), each made only when asked for: the MkDocs plugin
    # makes them in a worker process while MkDocs renders the pages (generator/adapters/worker.py).
    downloads: dict[str, Callable[[], bytes]] = field(default_factory=dict)
    plan: Plan | None = None  # the plan it was rendered from
    warnings: list = field(default_factory=list)  # the plan's warnings (Message), shown on the front page
    footer: dict[str, str] = field(default_factory=dict)  # "Sidst ændret" and "Kontakt" under every page
    abbreviations: str = ""  # the glossary's tooltips, under every page (the hand-written ones too)

    def add(self, path: str, title: str, template: str, section: str | None = None, **context) -> None:
        # The page list is known at once; the template is rendered when the Markdown is first asked for,
        # so the MkDocs plugin can start on the first pages while the worker renders the rest.
        self.pages.append(Page(path, title, partial(_render, template, context), section))

    def download(self, path: str, make: Callable[..., bytes], *args) -> None:
        self.downloads[path] = partial(_checked, path, make, *args)

    @cached_property
    def files(self) -> dict[str, bytes]:
        """Every download, made."""
        return {path: make() for path, make in self.downloads.items()}

    @property
    def nav(self) -> list:
        """MkDocs nav: pages in the order they were added, grouped by section."""
        nav: list = []
        sections: dict[str, list] = {}
        for page in self.pages:
            if page.section is None:
                nav.append({page.title: page.path})
            else:
                if page.section not in sections:
                    sections[page.section] = []
                    nav.append({page.section: sections[page.section]})
                sections[page.section].append({page.title: page.path})
        return nav

    def contents(self) -> dict[str, str | bytes]:
        """Every file the site gets, by path."""
        return {**{p.path: p.markdown for p in self.pages}, **self.files}
