"""Messages (errors and warnings) that point at a place in a file.

Every problem the generator finds about the user's input is a ``Message``:
file, line, column, key path and a Danish text saying what is wrong and
what to do.  The CLI prints them as ``plan.yaml:LINE:COL: key.path: text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "fejl"
WARNING = "advarsel"


@dataclass(frozen=True, order=True)
class Message:
    file: str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    key: str  # dotted key path, e.g. "roller.sagsbehandler.antal"
    text: str  # Danish: what is wrong and what to do
    severity: str = field(default=ERROR, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        prefix = "" if self.is_error else "advarsel: "
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {prefix}{self.text}"


class PlanError(Exception):
    """Raised when input cannot be turned into a plan; carries every message."""

    def __init__(self, messages: list[Message], ordered: bool = False):
        # Sorted by line, unless the caller gives an order (causes before what follows from them).
        self.messages = list(messages) if ordered else sorted(messages)
        super().__init__("\n".join(str(m) for m in self.messages))


def display_name(path: Path | str) -> str:
    """The file name as the user should see it in a message (relative when possible)."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
