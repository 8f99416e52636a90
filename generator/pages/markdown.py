"""Making text from plan.yaml safe inside generated Markdown.

Text fields in plan.yaml are plain text: no Markdown, no HTML.  Every value a template
prints is escaped so that it shows exactly what the user typed: ``<script>`` stays
visible text, ``[x](javascript:…)`` never becomes a link, ``{: onclick=…}`` never becomes
an attribute, and ``|`` never breaks a table.  Line breaks inside a value become spaces.
Templates mark their own, trusted Markdown with ``Markup`` (Jinja's ``|safe`` or Python's
``markupsafe.Markup``).

Plan text also reaches places that are not Markdown, and each gets its own escaping:

* text that Material copies into a tooltip and shows with ``innerHTML`` (nav, footer and table of
  contents titles, which are ``.md-ellipsis``; the ``title`` of an abbreviation) must hold no markup even
  after one decoding: :func:`inert_text` turns ``<``, ``>`` and an ``&`` that starts an entity into the
  full-width look-alikes ``＜``, ``＞`` and ``＆``, which no number of decodings turns back into markup
  (double escaping would instead show "&lt;" wherever the text is decoded only once: a screen reader, the
  browser's own tooltip). :func:`inert_headings` does it for headings, whose text becomes the table of
  contents;

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
import re
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
    "~": "&#126;",  # not a Markdown escape: "\\~" would show the backslash
    "^": "&#94;",
    "=": "&#61;",
    ":": "&#58;",
}
_TABLE = str.maketrans(_ESCAPES)


# What makes a line a block when it stands first (after a list marker, "> ", or at the start of a line):
# "-", "+" (lists, rules, setext underlines), "1." / "1)" (ordered lists) and "?" ("???+" details).
# "*", "#", ">", "<", "|", "!", ":", "=", "[", "`" and "~" are escaped everywhere by _ESCAPES, and a value is
# one line, so it can start no block further in.
_ORDERED = re.compile(r"\d+(?=[.)](?: |$))")


def _no_block(text: str) -> str:
    if text[:1] in ("-", "+"):
        return "\\" + text
    if text[:1] == "?":
        return "&#63;" + text[1:]
    number = _ORDERED.match(text)
    if number:
        return number.group() + "\\" + text[number.end() :]
    return text


def escape(value: Any) -> str:
    """Plain text → Markdown that renders as exactly that text, on one line, wherever a template puts it
    (inside a sentence, first on a line, in a table cell or a list item): it starts no block."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return _no_block(inline_escape(value))


def inline_escape(value: Any) -> str:
    """Text → Markdown that renders as exactly that text inside a line; for the project's own formatted
    numbers and dates ("1. marts 2027"), which templates never put first in a block. Plan text uses
    :func:`escape`, which also keeps it from starting one."""
    return " ".join(str(value).split()).translate(_TABLE)  # no line breaks: never a block further in


def finalize(value: Any) -> Any:
    """Jinja finalize hook: escape everything a template prints unless it is Markup."""
    if isinstance(value, Markup):
        return value
    return escape(value)


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


_INERT = str.maketrans({"<": "＜", ">": "＞"})
_ENTITY_AMP = re.compile(r"&(?=[#A-Za-z0-9])")  # "&lt", "&#60", "&amp": starts a character reference


def inert_text(value: Any) -> str:
    """Plain text → the same text with nothing that is markup after one or two HTML decodings.

    "<img src=x onerror=…>" becomes "＜img src=x onerror=…＞" and "&lt;" becomes "＆lt;"; a lone "&"
    (as in "Økonomi & drift") stays, since it decodes to itself."""
    return _ENTITY_AMP.sub("＆", _one_line(value).translate(_INERT))


_HEADING = re.compile(r"^([ \t]*#{1,6}[ \t].*)$", re.MULTILINE)
_HEADING_ENTITIES = re.compile(r"&(lt|gt);|&(amp);(?=\\?[#A-Za-z0-9])")  # escape() writes "#" as "\\#"


def inert_headings(markdown: str) -> str:
    """Generated Markdown → the same, with the escaped ``<``, ``>`` and ``&`` of plan text in ATX headings
    turned into look-alikes (:func:`inert_text`): a heading's text is the table of contents' title, which
    Material shows in a tooltip with ``innerHTML`` when it is cut off. Templates write no entities in
    headings, so every one there came from :func:`escape`."""
    look = {"lt": "＜", "gt": "＞", "amp": "＆"}
    return _HEADING.sub(lambda m: _HEADING_ENTITIES.sub(lambda e: look[e.group(1) or e.group(2)], m.group(1)), markdown)


def html_text(value: Any) -> str:
    """Plain text → HTML for a title (navigation, footer, <title>): no markup, even decoded twice."""
    return html.escape(inert_text(value), quote=True)


def html_nav(nav: list, markup: bool = False) -> list:
    """A MkDocs nav whose titles are plain text → the same nav with HTML-escaped titles.

    Material prints nav titles (and a page's title in the footer and search results) as HTML,
    so a role called ``<img src=x onerror=…>`` would otherwise become an image. With ``markup`` the
    titles are ``Markup`` (the MkDocs plugin): where a template escapes a title again (``| e``, as
    Material's footer does in the previous/next links' aria-label), Jinja leaves it as it is, so
    "Økonomi & drift" is not read out as "Økonomi amp drift". (Zensical's nav is YAML: plain strings.)
    """
    out: list = []
    for item in nav:
        if isinstance(item, dict):
            out.append(
                {
                    (Markup if markup else str)(html_text(title)): html_nav(value, markup)
                    if isinstance(value, list)
                    else value
                    for title, value in item.items()
                }
            )
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

    Python-Markdown puts it in the ``title`` attribute, and Material's tooltip shows that with
    ``innerHTML``: the text must hold no markup after two decodings (:func:`inert_text`).
    """
    return inert_text(value)


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
