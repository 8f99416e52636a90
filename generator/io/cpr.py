"""Personal-data guard: find Danish CPR numbers before anything is published.

A CPR number is ``DDMMYY-SSSS``.  Since 2007 valid numbers exist that fail the
modulus-11 check, so the check is NOT used: every run of exactly ten digits
(bounded by non-digits), optionally split after the sixth digit by one dash or
space, whose first six digits form a calendar date counts.  YY may be any
year in 19xx or 20xx, so 29 February counts if either century makes it a
leap year.

Things that must not raise false alarms are excluded by construction: dates
and times in any notation, 8-digit phone and CVR numbers (also "12 34 56 78"
and "+45 12345678"), amounts with thousands separators and longer digit runs
(an 11-digit run never matches in part).  Numbers that are part of a decimal
number (digits right after "3," or before ".5") are skipped too.
"""

from __future__ import annotations

import calendar
import os
import re
from pathlib import Path

from generator.messages import ERROR, Message, display_name

# One separator after the sixth digit: hyphen, non-breaking hyphen, en dash,
# space or non-breaking space (Word and e-mail turn "-" and " " into these).
_SEPARATORS = "-\u2010\u2011\u2013 \u00a0"

_CPR_RE = re.compile(
    r"(?<![0-9])(?<![0-9][.,])"
    r"(?P<dd>[0-9]{2})(?P<mm>[0-9]{2})(?P<yy>[0-9]{2})"
    rf"[{_SEPARATORS}]?"
    r"(?P<serial>[0-9]{4})"
    r"(?![0-9])(?![.,][0-9])"
)

SCANNED_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".yml", ".yaml", ".csv", ".html"})


def _valid_date(dd: int, mm: int, yy: int) -> bool:
    if not 1 <= mm <= 12 or dd < 1:
        return False
    longest = max(calendar.monthrange(1900 + yy, mm)[1], calendar.monthrange(2000 + yy, mm)[1])
    return dd <= longest


def mask(number: str) -> str:
    """``"DDMMYY-XXXX"``: keep the date part, hide the serial number."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"{digits[:6]}-XXXX"


def _matches(text: str):
    for m in _CPR_RE.finditer(text):
        if _valid_date(int(m["dd"]), int(m["mm"]), int(m["yy"])):
            yield m


def find_cpr(text: str) -> list[tuple[int, int, str]]:
    """Every CPR-shaped number in ``text`` as (line, column, masked), 1-based."""
    found = []
    for m in _matches(text):
        start = m.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        found.append((line, column, mask(m.group(0))))
    return found


def cpr_message_text(masked: str) -> str:
    """The Danish text shown for one CPR number found (never the full number)."""
    return (
        f"CPR-nummer fundet ({masked}). Fjern det fra filen: sitet bliver offentliggjort, og et CPR-nummer "
        "er en personoplysning, der aldrig må stå i planen eller på sitet (brug kun samlede antal, aldrig "
        "navne, CPR-numre eller sagsnumre på børn). Er filen allerede offentliggjort eller delt, er det et "
        "brud på persondatasikkerheden, som skal anmeldes til Datatilsynet inden 72 timer: kontakt kommunens "
        "databeskyttelsesrådgiver (DPO). Er filen gemt i git, skal nummeret også fjernes fra historikken. "
        "Kun hvis tallet med sikkerhed ikke er et CPR-nummer (fx et kontonummer), så skriv det med andre "
        "skilletegn, fx med punktummer mellem cifrene."
    )


def scan_text(text: str, file: str) -> list[Message]:
    """One error message per CPR-shaped number in ``text``."""
    return [Message(file, line, col, "", cpr_message_text(masked), ERROR) for line, col, masked in find_cpr(text)]


def _read_text(path: Path) -> str:
    # Digits are ASCII in every encoding we meet, so a lenient decode is enough.
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    return raw.decode("utf-8", "replace")


CHUNK = 1 << 20  # characters per piece when a file is too big to read at once
_BIG = 8 * CHUNK
_KEEP = 40  # characters carried from one piece to the next: a match (11) plus its context


def find_cpr_in_pieces(pieces) -> list[tuple[int, int, str]]:
    """Like :func:`find_cpr` over the concatenation of `pieces`, in bounded memory.

    Each round scans the carried tail of the previous piece plus the next piece, and keeps only
    matches that end at least 16 characters before the end (more digits could follow them) and
    after the previous round's cut, so every match is found exactly once.
    """
    found: list[tuple[int, int, str]] = []
    text = ""
    base = 0  # absolute offset of text[0]
    line = 1  # line of text[0]
    col = 1  # column of text[0]
    cut = 0  # absolute offset up to which matches have been taken
    pieces = iter(pieces)
    done = False
    while not done:
        piece = next(pieces, None)
        done = piece is None
        text += piece or ""
        limit = base + len(text) if done else base + len(text) - 16
        for m in _matches(text):
            end = base + m.end()
            if cut < end <= limit:
                before = text.count("\n", 0, m.start())
                start_col = (m.start() - text.rfind("\n", 0, m.start())) if before else col + m.start()
                found.append((line + before, start_col, mask(m.group(0))))
        cut = limit
        if not done and len(text) > _KEEP:
            drop = len(text) - _KEEP
            newlines = text.count("\n", 0, drop)
            col = (drop - text.rfind("\n", 0, drop)) if newlines else col + drop
            line += newlines
            base += drop
            text = text[drop:]
    return found


def _scan_file(path: Path, name: str) -> list[Message]:
    if path.stat().st_size <= _BIG:
        return scan_text(_read_text(path), name)
    with path.open("rb") as fh:
        encoding = "utf-16" if fh.read(2) in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    with path.open("r", encoding=encoding, errors="replace", newline="") as fh:
        pieces = iter(lambda: fh.read(CHUNK), "")
        return [Message(name, line, col, "", cpr_message_text(masked), ERROR)
                for line, col, masked in find_cpr_in_pieces(pieces)]


def _files_under(docs_dir: Path) -> list[Path]:
    """Every text file MkDocs would publish: like MkDocs, follow symlinked folders (once each)."""
    found: list[Path] = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(docs_dir, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add(real)
        for name in files:
            p = Path(folder, name)
            if p.suffix.lower() in SCANNED_SUFFIXES and p.is_file():
                found.append(p)
    return sorted(found)


def scan_paths(plan: Path, docs_dir: Path | None) -> list[Message]:
    """Scan the plan file and every text file under ``docs_dir`` for CPR numbers.

    Missing paths are skipped (the loader reports a missing plan file);
    unreadable files are reported as errors, because an unscanned file could
    leak personal data.
    """
    paths: list[Path] = []
    plan = Path(plan)
    if plan.is_file():
        paths.append(plan)
    if docs_dir is not None and Path(docs_dir).is_dir():
        paths.extend(p for p in _files_under(Path(docs_dir)) if p.resolve() != plan.resolve())
    messages: list[Message] = []
    for path in paths:
        name = display_name(path)
        try:
            found = _scan_file(path, name)
        except OSError as exc:
            messages.append(Message(
                name, 0, 0, "",
                f"Filen kunne ikke læses og derfor ikke tjekkes for CPR-numre ({exc.strerror or exc}). "
                "Ret filens rettigheder, eller fjern den.",
            ))
            continue
        messages.extend(found)
    return messages
