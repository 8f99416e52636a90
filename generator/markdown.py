"""Making text from plan.yaml safe inside generated Markdown.

Text fields in plan.yaml are plain text: no Markdown, no HTML.  Every value a template
prints is escaped so that it shows exactly what the user typed: ``<script>`` stays
visible text, ``[x](javascript:…)`` never becomes a link, ``{: onclick=…}`` never becomes
an attribute, and ``|`` never breaks a table.  Templates mark their own, trusted
Markdown with ``Markup`` (Jinja's ``|safe`` or Python's ``markupsafe.Markup``).
"""

from __future__ import annotations

from typing import Any

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
