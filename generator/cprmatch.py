"""Find and mask CPR-shaped numbers in text as a reader sees it (no project imports).

A CPR number is ``DDMMYY-SSSS``. Since 2007 valid numbers exist that fail the modulus-11 check, so
the check is NOT used: a number counts when its first six digits form a calendar date (YY in 19xx or
20xx, so 29 February counts if either century makes it a leap year).

The text is first **normalised** to what a reader sees, with a map back to the original positions:

* every Unicode decimal digit (fullwidth ``０``, Arabic-Indic ``٠``, Devanagari ``०``, ...) becomes
  its ASCII digit (``str.isdecimal``);
* HTML/XML character references (``&#48;``, ``&#x30;``, ``&nbsp;``, ``&ZeroWidthSpace;``) and
  backslash escapes (``\\x30``, ``\\u0030``, ``\\U00000030``) and URL escapes of digits (``%30``)
  are decoded;
* invisible characters are removed: every format character (Unicode category Cf: soft hyphen, zero
  width space/joiners, word joiner, BOM, bidi marks, ...), variation selectors, the combining
  grapheme joiner and the Hangul fillers.

Then a number is **six digits (a valid date), up to three separator characters or a line break
(with indentation), and four digits**. Separators: any whitespace (space, NBSP, thin and narrow
no-break space, tab, ...), any dash (hyphen, non-breaking hyphen, en/em dash, minus sign, fullwidth
hyphen, ...), ``/``, ``.``, ``·``, ``_`` and ``\\``.

**Boundaries.** The six date digits must not follow a digit, and the four serial digits must not be
followed by one. Anything else is a boundary: a letter, a comma or a full stop, so ``1,DDMMYYSSSS``
and ``DDMMYYSSSS.5`` are found (a CSV cell or a decimal part could be a pasted CPR number). A run
of more than ten digits without a separator (an EAN, an account number with its registration
number, a timestamp) is *not* flagged in part: it is a different number, and flagging every
12-digit run with a date somewhere in it would make long numbers unusable. Dates in any notation
(``2027-03-01``, ``01.03.2027``), 8-digit phone and CVR numbers and amounts with thousands
separators never have six digits in a row followed by four more, so they are not flagged.
"""

from __future__ import annotations

import bisect
import calendar
import html
import itertools
import re
import unicodedata
from collections.abc import Iterator

# Whitespace that is not a line break; dashes (Unicode category Pd, the minus signs) and the other
# characters people put between the date part and the serial number.
_HSPACE = r"[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
_SEP = (
    r"(?:" + _HSPACE + r"|[-/._\\\u00b7\u2027\u2044\u2215\u2212\u2796\u30fb\uff0d\uff0e\uff0f"
    r"\u058a\u05be\u1400\u1806\u2010-\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u301c\u3030\u30a0"
    r"\ufe31\ufe32\ufe58\ufe63])"
)
_BREAK = r"(?:\r\n|[\n\r\x0b\x0c\x85\u2028\u2029])"
MAX_INDENT = 40  # characters of indentation after a line break inside a number

CPR_RE = re.compile(
    r"(?<![0-9])(?P<dd>[0-9]{2})(?P<mm>[0-9]{2})(?P<yy>[0-9]{2})"
    rf"{_SEP}{{0,3}}(?:{_BREAK}[ \t]{{0,{MAX_INDENT}}}{_SEP}{{0,3}})?"
    r"(?P<serial>[0-9]{4})(?![0-9])"
)
MAX_MATCH = 6 + 3 + 2 + MAX_INDENT + 3 + 4  # longest match, in normalised characters

# Anything normalisation changes: non-ASCII characters, character references, escapes.
_SPECIAL = re.compile(
    r"[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u2010-\u2027]"  # Danish letters, dashes, quotes: as is
    r"|&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)"
    r"|\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})"
    r"|%3[0-9]"
)
_INVISIBLE_EXTRA = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0"} | {chr(c) for c in range(0xFE00, 0xFE10)}
MAX_SPECIAL = 45  # the longest character reference or escape `_SPECIAL` decodes


def _char(ch: str) -> str:
    """One character as a reader sees it: a decimal digit in ASCII, nothing if it is invisible."""
    if ch.isascii():
        return ch
    if ch.isdecimal():
        return str(unicodedata.decimal(ch))
    if unicodedata.category(ch) == "Cf" or ch in _INVISIBLE_EXTRA:
        return ""
    return ch


def _decode(special: str) -> str:
    if special[0] == "&":
        decoded = html.unescape(special)
    elif special[0] == "\\":
        try:
            decoded = chr(int(special[2:], 16))
        except (ValueError, OverflowError):
            decoded = special
    elif special[0] == "%":
        decoded = special[2]
    else:
        return _char(special)
    return "".join(_char(c) for c in decoded) if decoded != special else special


class Normalised:
    """`text` as a reader sees it, with a map from normalised positions back to the original ones."""

    def __init__(self, text: str):
        self.original = text
        parts: list[str] = []
        # Replaced pieces: normalised [start, end) stands for original [start, end); identity between.
        self._starts: list[int] = []
        self._segments: list[tuple[int, int, int]] = []  # (normalised end, original start, original end)
        done = norm = 0
        plain = text.isascii() and "&" not in text and "\\" not in text and "%" not in text
        for m in () if plain else _SPECIAL.finditer(text):
            decoded = _decode(m.group(0))
            if decoded == m.group(0):
                continue
            parts.append(text[done : m.start()])
            norm += m.start() - done
            parts.append(decoded)
            self._starts.append(norm)
            self._segments.append((norm + len(decoded), m.start(), m.end()))
            norm += len(decoded)
            done = m.end()
        parts.append(text[done:])
        self.text = "".join(parts) if self._starts else text

    def position(self, index: int) -> int:
        """The original offset where the normalised character at `index` begins."""
        i = bisect.bisect_right(self._starts, index) - 1
        if i < 0:
            return index
        norm_end, orig_start, orig_end = self._segments[i]
        return orig_start if index < norm_end else orig_end + (index - norm_end)

    def end(self, index: int) -> int:
        """The original offset just after the normalised character at `index - 1`."""
        last = index - 1
        i = bisect.bisect_right(self._starts, last) - 1
        if i < 0:
            return index
        norm_end, _, orig_end = self._segments[i]
        return orig_end if last < norm_end else orig_end + (last - norm_end) + 1


def valid_date(dd: int, mm: int, yy: int) -> bool:
    if not 1 <= mm <= 12 or dd < 1:
        return False
    longest = max(calendar.monthrange(1900 + yy, mm)[1], calendar.monthrange(2000 + yy, mm)[1])
    return dd <= longest


_DIGITISH = re.compile(r"\d|&#|\\[xuU]|%3")  # each digit a reader sees comes from one of these


def _maybe(text: str) -> bool:
    """Cheap test: fewer than ten digits of any script (or escapes) means no number can be there."""
    return sum(1 for _ in itertools.islice(_DIGITISH.finditer(text), 10)) == 10


_RUN = re.compile(r"[0-9][0-9][0-9][0-9][0-9][0-9]+")  # spelled out: several times faster than [0-9]{6,}


def matches(normalised: str, end: int | None = None) -> Iterator[re.Match]:
    """Every CPR-shaped number (valid date) in normalised text, starting before `end`.

    The full pattern is tried only where a run of six or ten digits starts (a number's date part
    starts a digit run and is six digits long, or ten without a separator): that is exact, and
    much faster than letting the pattern try every position."""
    for run in _RUN.finditer(normalised, 0, len(normalised) if end is None else end):
        if run.end() - run.start() not in (6, 10):
            continue
        m = CPR_RE.match(normalised, run.start())
        if m and valid_date(int(m["dd"]), int(m["mm"]), int(m["yy"])):
            yield m


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, masked) in original offsets for every CPR-shaped number in `text`."""
    if len(text) < 10 or not _maybe(text):
        return
    norm = Normalised(text)
    for m in matches(norm.text):
        yield norm.position(m.start()), norm.end(m.end()), f"{m['dd']}{m['mm']}{m['yy']}-XXXX"


def mask(text: str) -> str:
    """`text` with every CPR-shaped number replaced by ``DDMMYY-XXXX`` (the serial number hidden)."""
    if not isinstance(text, str) or len(text) < 10:
        return text
    out, done = [], 0
    for start, end, masked in spans(text):
        if start < done:
            continue
        out += [text[done:start], masked]
        done = end
    return "".join(out) + text[done:] if out else text
