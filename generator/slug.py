"""ASCII file names for generated pages and downloads (æ→ae, ø→oe, å→aa)."""

from __future__ import annotations

import re


def ascii_slug(text: str) -> str:
    """A file name: æ→ae, ø→oe, å→aa, everything else non-alphanumeric → '-'."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
