"""Making text from plan.yaml safe inside generated Markdown.

Text fields in plan.yaml are plain text: no Markdown, no HTML.  Every value a template
prints is escaped so that it shows exactly what the user typed: ``<script>`` stays
visible text, ``[x](javascript:…)`` never becomes a link, ``{: onclick=…}`` never becomes
an attribute, and ``|`` never breaks a table.  Line breaks inside a value become spaces.
Templates mark their own, trusted Markdown with ``Markup`` (Jinja's ``|safe`` or Python's
``markupsafe.Markup``).

Plan text also reaches places that are not Markdown, and each gets its own escaping:

* page titles in the MkDocs navigation: the theme prints them as HTML → :func:`html_text`
  (:func:`html_nav` does a whole nav);
* a page's front-matter ``title:`` (YAML, printed raw as HTML in ``<title>``) →
  :func:`front_matter_text`;
* abbreviation definitions (``*[term]: explanation``): the explanation becomes an HTML
  attribute → :func:`abbreviation_text`;
* web addresses (``https://…``, already checked by the model) in a Markdown link or an ``href`` →
  :func:`link_url`.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "{": "\\{",
    "}": "\\}",
    "|": "\\|",
    "#": "\\#",
    "!": "\\!",
    "~": "\\~",
    "^": "\\^",
    "=": "&#61;",
    ":": "&#58;",
}
_TABLE = str.maketrans(_ESCAPES)


def escape(value: Any) -> str:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).split())  # no line breaks: a value never starts a block
    return text.translate(_TABLE)


def finalize(value: Any) -> Any:
    """Jinja finalize hook: escape everything a template prints unless it is Markup."""
    if isinstance(value, Markup):
        return value
    return escape(value)


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def html_text(value: Any) -> str:
    """Plain text → HTML that shows exactly that text (for navigation titles)."""
    return html.escape(_one_line(value), quote=True)


def html_nav(nav: list) -> list:
    """A MkDocs nav whose titles are plain text → the same nav with HTML-escaped titles.

    Material prints nav titles (and a page's title in the footer and search results) as HTML,
    so a role called ``<img src=x onerror=…>`` would otherwise become an image.
    """
    out: list = []
    for item in nav:
        if isinstance(item, dict):
            out.append({html_text(title): html_nav(value) if isinstance(value, list) else value
                        for title, value in item.items()})
        else:
            out.append(item)
    return out


def front_matter_text(value: Any) -> Markup:
    """Plain text → a YAML front-matter value (double-quoted) holding HTML-escaped text.

    Material prints ``page.meta.title`` raw inside ``<title>`` and the header.
    """
    return Markup(json.dumps(html_text(value), ensure_ascii=False))


def abbreviation_text(value: Any) -> str:
    """Plain text → the explanation part of a Markdown abbreviation (``*[term]: …``).

    Python-Markdown puts it in the ``title`` attribute and escapes ``<`` and ``"`` there, but
    keeps an ``&`` that starts an entity; escaping ``&`` makes "&lt;" typed by the user show as
    typed.
    """
    return _one_line(value).replace("&", "&amp;")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_text(value: Any) -> str:
    """Plain text → a CSV cell that Excel shows as text and never runs as a formula.

    A role called ``=HYPERLINK("http://…")`` would otherwise be a live formula when the
    downloaded ressourceplan.csv is opened (CSV injection); the leading apostrophe makes it text.
    """
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


# Characters a web address keeps as they are: letters, digits and RFC 3986's delimiters, except those that
# end or change a Markdown link destination or an HTML attribute: ( ) [ ] < > " ' ` \\ | { } and spaces.
_URL_SAFE = "/:?#&=;@!$+,%-._~*"


def link_url(value: Any) -> Markup:
    """A web address (scheme and host checked by the model) → a Markdown link destination or an ``href``
    value that cannot end early: ``https://klik.dk/a)[x](javascript:…)`` stays one address, percent-encoded
    where it would otherwise close the link. ``%`` is kept, so an address already encoded is not changed."""
    return Markup(quote(str(value), safe=_URL_SAFE))
