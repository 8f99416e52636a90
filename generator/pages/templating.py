"""The Jinja2 environment: templates hold the Danish prose, Python passes the numbers in."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from .. import formatting
from .markdown import escape, finalize, front_matter_text, link_url
from . import TEMPLATES



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
    env.filters.update(formatting.FILTERS)
    env.filters["md"] = lambda v: Markup(escape(v))
    env.filters["front_matter"] = front_matter_text  # a YAML front-matter value (HTML-escaped, quoted)
    env.filters["web_address"] = link_url  # a URL from the plan in a Markdown link (percent-encoded)
    env.filters["extract"] = lambda key, mapping: mapping[key]
    env.globals["Markup"] = Markup
    return env


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)
