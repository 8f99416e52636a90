"""The Jinja2 environment: templates hold the Danish prose, Python passes the numbers in."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from .. import formatting
from ..texts import site as texts
from . import TEMPLATES
from .markdown import escape, finalize, front_matter_text, inline_escape, link_url


def _formatted(format_value):
    return lambda *args, **kwargs: Markup(inline_escape(format_value(*args, **kwargs)))


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        return jinja2.FileSystemBytecodeCache()  # a private folder in the system's temp dir
    except (OSError, RuntimeError):
        return None


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        # Compiled templates are cached on disk (keyed by the template's source checksum), as
        # Python caches .pyc files: the plan changes on every save, the templates rarely.
        bytecode_cache=_bytecode_cache(),
    )
    # Numbers and dates formatted here ("1. marts 2027") are our own text: escaped inside the line, but not
    # kept from starting an ordered list ("1\\. marts"), which no template puts them where they could.
    env.filters.update({name: _formatted(f) for name, f in formatting.FILTERS.items()})
    # Plan text joined or lower-cased ("a, b og c") stays plain text, so finalize escapes it as it does every
    # other plan value: an item first on a line ("- x", "1. x") cannot start a list there.
    env.filters.update(formatting.TEXT_FILTERS)
    env.filters["md"] = lambda v: Markup(escape(v))
    env.filters["front_matter"] = front_matter_text  # a YAML front-matter value (HTML-escaped, quoted)
    env.filters["web_address"] = link_url  # a URL from the plan in a Markdown link (percent-encoded)
    env.filters["extract"] = lambda key, mapping: mapping[key]
    env.filters["leverandoer"] = lambda plan: texts.vendor_name(plan.vendor_offer)  # "Netcompany"
    env.filters["stort"] = texts.capitalised
    # "9 af kategoriernes 195 sager konverteres i stedet på holdet …": after a package's case count, in brackets
    env.filters["paa_hold"] = lambda p: texts.taken_in_training(p.taken_cases, p.whole, p.taken_by)
    env.tests["contains"] = lambda seq, item: item in seq
    env.globals["Markup"] = Markup
    return env


# A full stop after text that already ends in one ("… 1.500 kr." + ".") is said once: "kr." not "kr..". Not "../"
# (a link), not "..." (an ellipsis).
_DOUBLE_STOP = re.compile(r"(?<=[^\s.])\.\.(?=[\s)*_]|$)", re.MULTILINE)


def render_template(name: str, **context: Any) -> str:
    return _DOUBLE_STOP.sub(".", environment().get_template(name).render(**context))
