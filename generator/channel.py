"""One channel for every byte a command prints: CPR numbers masked, control characters shown harmlessly.

A library (PyYAML, openpyxl, csv, pydantic, argparse) may quote what the user wrote in its warnings and
error texts: a key, a cell, a print area. So everything the command line prints, stdout and stderr,
our own lines and anything else, passes through :class:`CleanStream`, which masks every CPR-shaped
number (``cprmatch.mask``) and replaces control characters that could rewrite a terminal or CI log
line (ESC, CR, the bidi controls, NUL and the rest) with U+FFFD. Library warnings are caught and
dropped (their text is English and may hold data); an unexpected exception ends in a Danish line,
never a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import warnings
from collections.abc import Iterator
from typing import TextIO

from .cprmatch import mask

# C0 except tab and line feed, DEL, C1, and the bidi embeddings, overrides and isolates (plus the marks).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SHOWN_INSTEAD = "\ufffd"


def clean(text: str) -> str:
    """`text` as it may be shown: CPR numbers masked, unsafe control characters replaced."""
    return UNSAFE.sub(SHOWN_INSTEAD, mask(text))


class CleanStream:
    """A text stream that cleans what is written to it before passing it on.

    What is written is held until ``flush`` (a command prints a few lines; a number written in two
    pieces, or broken over a line break, is masked whole); past ``HOLD`` characters the complete lines
    are let out early, all but the last one, which may hold the start of a number."""

    HOLD = 1 << 20

    def __init__(self, target: TextIO):
        self.target = target
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += str(text)
        if len(self.pending) > self.HOLD:
            last = self.pending.rfind("\n")
            cut = self.pending.rfind("\n", 0, last) + 1 if last > 0 else 0
            if cut > 0:
                ready, self.pending = self.pending[:cut], self.pending[cut:]
                self._emit(ready)
        return len(text)

    def _emit(self, text: str) -> None:
        self.target.write(clean(text))

    def flush(self) -> None:
        if self.pending:
            ready, self.pending = self.pending, ""
            self._emit(ready)
        self.target.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str):  # encoding, errors, fileno, ...
        return getattr(self.target, name)


def _no_library_warnings(*args, **kwargs) -> None:
    """A library's warning is English and may quote a cell or a key: it is dropped, never printed."""


@contextlib.contextmanager
def clean_output() -> Iterator[None]:
    """Send stdout and stderr through :class:`CleanStream` and drop every library warning (the warnings
    module, and log records no handler takes) meanwhile."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = CleanStream(out), CleanStream(err)
    last_resort = logging.lastResort
    logging.lastResort = logging.NullHandler()  # a library's log line with no handler set up: dropped too
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = _no_library_warnings
            yield
    finally:
        logging.lastResort = last_resort
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        sys.stdout, sys.stderr = out, err
