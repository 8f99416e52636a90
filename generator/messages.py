"""Messages (errors and warnings) that point at a place in a file.

Every problem the generator finds about the user's input is a ``Message``:
file, line, column, key path and a Danish text saying what is wrong and
what to do.  The CLI prints them as ``plan.yaml:LINE:COL: key.path: text``.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from .channel import clean
from .texts import reading as say

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
        # is masked here, once, so no channel (CLI, MkDocs log, PluginError, CI log) can show it, and a
        # control character (ESC, CR, bidi) is replaced so it cannot rewrite a terminal or log line.
        for name in ("file", "key", "text"):
            object.__setattr__(self, name, clean(getattr(self, name)))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        prefix = "" if self.is_error else say.WARNING_PREFIX
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {prefix}{self.text}"


MAX_SHOWN = 50  # messages printed at most; 1.500 errors of one kind help nobody and fill a CI log


def report(messages: list[Message], limit: int = MAX_SHOWN) -> str:
    """The first `limit` messages, one a line, and how many more there are (in Danish)."""
    lines = [str(m) for m in messages[:limit]]
    rest = len(messages) - limit
    if rest > 0:
        lines.append((say.MORE_MESSAGE if rest == 1 else say.MORE_MESSAGES).format(rest=rest))
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
    errno.ENOENT: say.OS_NOT_FOUND,
    errno.EACCES: say.OS_NO_ACCESS,
    errno.EPERM: say.OS_NOT_PERMITTED,
    errno.ELOOP: say.OS_LINK_LOOP,
    errno.EISDIR: say.OS_IS_A_FOLDER,
    errno.ENOTDIR: say.OS_NOT_A_FOLDER,
    errno.EEXIST: say.OS_EXISTS,
    errno.ENOTEMPTY: say.OS_FOLDER_NOT_EMPTY,
    errno.ENOSPC: say.OS_DISK_FULL,
    errno.EROFS: say.OS_READ_ONLY,
    errno.ENAMETOOLONG: say.OS_NAME_TOO_LONG,
    errno.EBUSY: say.OS_BUSY,
    errno.EXDEV: say.OS_OTHER_DRIVE,
    errno.EMFILE: say.OS_TOO_MANY_OPEN,
    errno.EINVAL: say.OS_INVALID,
    errno.EIO: say.OS_IO,
}


def os_reason(exc: OSError) -> str:
    """The operating system's reason for a failed file operation, as a Danish phrase."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason:
        return reason
    return say.OS_OTHER_NUMBERED.format(errno=exc.errno) if exc.errno else say.OS_OTHER


def os_error_text(exc: OSError) -> str:
    """A Danish sentence for an error from the operating system (never its English reason alone)."""
    where = exc.filename if exc.filename is not None else ""
    reason = os_reason(exc)
    return clean(say.OS_ERROR_AT.format(where=where, reason=reason) if where else say.OS_ERROR.format(reason=reason))
