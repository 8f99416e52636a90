"""Messages (errors and warnings) that point at a place in a file.

Every problem the generator finds about the user's input is a ``Message``:
file, line, column, key path and a Danish text saying what is wrong and
what to do.  The CLI prints them as ``plan.yaml:LINE:COL: key.path: text``.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from .cprmatch import mask

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

    def __post_init__(self) -> None:
        # Every message may echo what the user wrote (a value, a line, a file name): a CPR number in it
        # is masked here, once, so no channel (CLI, MkDocs log, PluginError, CI log) can show it.
        for name in ("file", "key", "text"):
            object.__setattr__(self, name, mask(getattr(self, name)))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        prefix = "" if self.is_error else "advarsel: "
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {prefix}{self.text}"


MAX_SHOWN = 50  # messages printed at most; 1.500 errors of one kind help nobody and fill a CI log


def report(messages: list[Message], limit: int = MAX_SHOWN) -> str:
    """The first `limit` messages, one a line, and how many more there are (in Danish)."""
    lines = [str(m) for m in messages[:limit]]
    rest = len(messages) - limit
    if rest > 0:
        lines.append(f"... og {rest} {'meddelelse' if rest == 1 else 'meddelelser'} mere, som ikke vises her. "
                     "Ret de første, og kør igen for at se resten.")
    return "\n".join(lines)


class PlanError(Exception):
    """Raised when input cannot be turned into a plan; carries every message (its text shows the first
    MAX_SHOWN)."""

    def __init__(self, messages: list[Message], ordered: bool = False):
        # Sorted by line, unless the caller gives an order (causes before what follows from them).
        self.messages = list(messages) if ordered else sorted(messages)
        super().__init__(report(self.messages))


def display_name(path: Path | str) -> str:
    """The file name as the user should see it in a message (relative when possible)."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, a symlink loop, a folder that is gone
        return str(p)


_OS_REASONS = {
    errno.ENOENT: "den findes ikke",
    errno.EACCES: "der er ingen adgang (tjek rettighederne)",
    errno.EPERM: "styresystemet tillader det ikke (tjek rettighederne)",
    errno.ELOOP: "stien er et symbolsk link, der (over andre links) peger på sig selv",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
    errno.EEXIST: "der findes allerede en fil eller mappe med det navn",
    errno.ENOTEMPTY: "mappen er ikke tom",
    errno.ENOSPC: "der er ikke mere plads på disken",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EBUSY: "filen eller mappen er i brug af et andet program",
    errno.EXDEV: "filen kan ikke flyttes til et andet drev",
    errno.EMFILE: "programmet har for mange filer åbne",
    errno.EINVAL: "navnet eller handlingen er ugyldig",
    errno.EIO: "drevet kunne ikke læses eller skrives (ind-/uddatafejl)",
}


def os_reason(exc: OSError) -> str:
    """The operating system's reason for a failed file operation, as a Danish phrase."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason:
        return reason
    return f"styresystemet melder fejl {exc.errno}" if exc.errno else "styresystemet melder en fejl"


def os_error_text(exc: OSError) -> str:
    """A Danish sentence for an error from the operating system (never its English reason alone)."""
    where = exc.filename if exc.filename is not None else ""
    reason = os_reason(exc)
    return mask(f"{where}: kan ikke læse eller skrive: {reason}." if where else f"Kan ikke læse eller skrive: {reason}.")
