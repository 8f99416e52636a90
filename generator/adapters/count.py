"""`optael`: count the finished cases in a local tracking list and write only the total to fremdrift.yaml.

The student assistants keep a list of their cases (the guide tells them to mark each case "basis
oprettet"). Such a list holds personal data, so this command:
- reads only the column headed ``status`` (the header row is read to find it; every other column is
  skipped, never kept, printed or written);
- never prints a cell's value, not even in an error (a row number instead);
- writes one number, the count of finished cases, into fremdrift.yaml under the counting date, keeping
  everything else in the file, comments included (a round trip with ruamel.yaml), and only when the
  result still passes the checks; the file is replaced atomically (a temporary file, then a rename);
- never copies or stores the list;
- reads the list bounded and as Excel writes it (io/tracking_list.py), and writes only a progress file,
  under a lock a second run waits for, reading the file again under the lock (``write_count``).

Status values (case and spaces do not matter): "basis oprettet", "færdig" (or "faerdig") and
"konverteret" count as finished; "", "ikke startet", "i gang", "venter" and "spørgsmål" do not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import stat
import tempfile
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..build import checked_plan
from ..io.tracking_list import csv_rows, fail, xlsx_rows
from ..messages import PlanError, display_name
from ..texts import commands as wording
from .output import HAS_FLOCK, exclusive

STATUS = "status"


def _norm(value: object) -> str:
    return " ".join(str(value if value is not None else "").split()).lower()


def _column(header: list, name: str) -> int | None:
    for i, cell in enumerate(header):
        if _norm(cell) == name:
            return i
    return None


def _no_status(name: str) -> NoReturn:
    fail(name, wording.COUNT_NO_STATUS, 1)


def status_values(path: Path) -> list[tuple[int, str]]:
    """(row number, normalised status) for every data row; only the status column is kept (the reading,
    bounded and as Excel writes lists, is io/tracking_list.py)."""
    name = display_name(path)

    def wanted(header: list) -> int | None:
        col = _column(header, STATUS)
        if col is None:
            _no_status(name)
        return col

    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = xlsx_rows(path, wanted)
    elif suffix == ".csv":
        rows = csv_rows(path, wanted)
    else:
        fail(name, wording.COUNT_NOT_A_LIST)
    return [(n, _norm(value)) for n, value in rows]


def count_done(path: Path) -> tuple[int, int]:
    """(finished cases, rows with a case) in the list. An unknown status is an error naming the row only."""
    name = display_name(path)
    done = rows = 0
    bad = []
    for line, value in status_values(path):
        if value in wording.STATUS_DONE:
            done += 1
            rows += 1
        elif value in wording.STATUS_NOT_DONE:
            rows += 1 if value else 0
        else:
            bad.append(line)
    if bad:
        shown = ", ".join(str(n) for n in bad[:10]) + (" …" if len(bad) > 10 else "")
        fail(name, wording.COUNT_UNKNOWN_STATUS.format(rows=shown), bad[0])
    return done, rows


# --- writing fremdrift.yaml ----------------------------------------------------------------------


def _yaml():
    y = YAML()  # round trip: comments, order and quoting are kept
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    y.width = 4096
    return y


def _not_progress(name: str, line: int = 0) -> None:
    fail(name, wording.COUNT_NOT_PROGRESS, line)


def _own(parent, key) -> None:
    """Make ``parent[key]`` this place's own mapping when it is shared through an anchor (``&navn`` /
    ``*navn``): writing into a shared mapping would change every date that refers to it."""
    value = parent[key]
    if isinstance(value, CommentedMap) and value.anchor.value is not None:
        parent[key] = CommentedMap(value.items())


def updated_text(text: str, package: str, day: dt.date, count: int, name: str = "fremdrift.yaml") -> str:
    """fremdrift.yaml's text with ``status[dato=day].arbejdspakker[package] = count``; the rest unchanged
    (another date's counts too, even when it shares a mapping with this one through an anchor)."""
    y = _yaml()
    try:
        data = y.load(text) if text.strip() else None
    except Exception:  # ruamel's many error kinds; its text may quote the file
        _not_progress(name)
    prefix = ""
    if data is None:  # an empty file or only comments: keep them above the new data
        prefix = text.rstrip("\n") + "\n\n" if text.strip() else ""
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        _not_progress(name, 1)
    status = data.get("status")
    if status is None:
        status = data["status"] = CommentedSeq()
    if not isinstance(status, CommentedSeq):
        _not_progress(name, data.lc.key("status")[0] + 1)
    index = next(
        (i for i, e in enumerate(status) if isinstance(e, dict) and str(e.get("dato")) == day.isoformat()), None
    )
    if index is None:
        entry = CommentedMap([("dato", day), ("arbejdspakker", CommentedMap())])
        later = [i for i, e in enumerate(status) if isinstance(e, dict) and str(e.get("dato")) > day.isoformat()]
        status.insert(later[0] if later else len(status), entry)
    else:
        _own(status, index)
        entry = status[index]
    if entry.get("arbejdspakker") is None:
        entry["arbejdspakker"] = CommentedMap()
    if not isinstance(entry["arbejdspakker"], CommentedMap):
        _not_progress(name)
    _own(entry, "arbejdspakker")
    entry["arbejdspakker"][package] = count
    out = io.StringIO()
    y.dump(data, out)
    return prefix + out.getvalue()


# --- one writer at a time ------------------------------------------------------------------------

LOCK_WAIT = 60.0  # seconds a run waits for another run that is writing the same progress file


def on_wait() -> None:
    """Called once when another run holds the lock and this one starts waiting (a hook for the tests)."""


def _lock_name(progress: Path) -> Path:
    return progress.parent / f".{progress.name}.lock"


def progress_lock(progress: Path) -> AbstractContextManager[None]:
    """Hold the lock for writing progress files in the progress file's folder, waiting up to LOCK_WAIT
    seconds for a run that holds it: two counts for different packages at the same time both land, one after
    the other. ``fcntl.flock`` on the folder itself (no lock file is left beside fremdrift.yaml), or where
    fcntl is missing (Windows) a lock file ``.fremdrift.yaml.lock`` created with O_EXCL and removed afterwards
    (output.exclusive, the lock ``render --out`` takes without waiting)."""
    deadline: float | None = None

    def wait() -> None:
        nonlocal deadline
        deadline = _waited(progress, deadline)

    return exclusive(progress.parent, _lock_name(progress), wait)


def _waited(progress: Path, deadline: float | None) -> float:
    now = time.monotonic()
    if deadline is None:
        on_wait()
        return now + LOCK_WAIT
    if now > deadline:
        busy = wording.COUNT_BUSY if HAS_FLOCK else wording.COUNT_BUSY_LOCK_FILE
        fail(display_name(progress), busy.format(lock=_lock_name(progress)))
    time.sleep(0.05)
    return deadline


def check_target(progress: Path, list_path: Path, plan: Path) -> None:
    """Refuse, before anything is read or written, a target that cannot be a progress file: not .yaml or
    .yml, the list itself, the plan, or not a plain file."""
    name = display_name(progress)
    if progress.suffix.lower() not in (".yaml", ".yml"):
        _not_progress(name)
    for other in (list_path, plan):
        try:
            same = os.path.realpath(progress) == os.path.realpath(other) or (
                progress.exists() and other.exists() and progress.samefile(other)
            )
        except OSError:
            same = False
        if same:
            _not_progress(name)
    if progress.exists() and not stat.S_ISREG(progress.stat().st_mode):
        _not_progress(name)


def write_count(list_path: Path, package: str, day: dt.date, progress: Path, plan: Path) -> tuple[int, int]:
    """Count, check and write. Returns (finished, rows). Raises PlanError; never leaves a half-written file.

    The target is checked first; the progress file is read, changed, checked and replaced while holding
    its lock, so a run that wrote meanwhile is read again, never overwritten."""
    check_target(progress, list_path, plan)
    done, rows = count_done(list_path)
    with progress_lock(progress):
        _write(progress, package, day, done, plan)
    return done, rows


def _write(progress: Path, package: str, day: dt.date, done: int, plan: Path) -> None:
    old = progress.read_text(encoding="utf-8") if progress.exists() else wording.PROGRESS_HEADER
    new = updated_text(old, package, day, done, display_name(progress))
    fd, tmp = tempfile.mkstemp(prefix=".fremdrift-", suffix=".yaml", dir=progress.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(new)
        os.chmod(tmp, progress.stat().st_mode & 0o777 if progress.exists() else 0o644)
        try:
            plan_obj, _, _ = checked_plan(plan, None, progress=Path(tmp))
        except PlanError as exc:
            shown = display_name(progress)
            raise PlanError(
                [dataclasses.replace(m, file=shown) if m.file == display_name(Path(tmp)) else m for m in exc.messages]
            ) from None
        if package not in {wp.id for wp in plan_obj.work_packages}:  # pragma: no cover - the rules report it
            fail(display_name(progress), wording.COUNT_UNKNOWN_PACKAGE.format(package=package))
        os.replace(tmp, progress)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
