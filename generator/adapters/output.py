"""One policy for every folder the generator fills: ``render --out DIR`` and the Zensical adapter's
``OUT/docs`` (and ``OUT/rendered``). The folder is the generator's, whole; it is replaced, whole.

What it guarantees:

* **Only its own folder is replaced.** A folder is the generator's when it holds the manifest
  (``.konverteringsplan.json``: every file in it with its SHA-256) and nothing else than those
  files, unchanged. A missing or empty folder is taken too. Any other folder (a file the generator
  did not write, a generated file someone edited, a symlink, a folder nobody asked for) is refused
  before anything is written, with a Danish message naming what is in the way: a user's file is
  never overwritten, moved or deleted.
* **One writer at a time.** Before it looks at the folder it takes an exclusive lock: ``fcntl.flock``
  on ``.NAVN.lock`` beside the folder (the file stays there, empty; removing a file others may be
  locking would break the lock), or where ``fcntl`` is missing (Windows) a lock file created with
  ``O_EXCL`` and removed afterwards. A second writer does not wait: it stops at once and says in
  Danish that another run is writing to the folder. Renders take seconds and are cheap to repeat,
  and a waiting render would only write what the first one just wrote.
* **All or nothing.** The complete new tree is written into a new sibling folder
  (``.NAVN.ny-…``, same parent, so the same file system), then swapped in by two renames:
  ``DIR`` → ``.NAVN.gammel-…`` and the new folder → ``DIR``; then the old tree is deleted. If
  anything fails before the second rename (disk full, a permission, Ctrl-C), ``DIR`` is as it was
  and the new folder is removed. A reader of ``DIR`` sees the whole old tree or the whole new one,
  never a mix; for a moment between the two renames there is no ``DIR`` at all (the standard
  library has no atomic exchange of two folders).
* **After a crash** (kill -9) the sibling folders may be left; the next run, holding the lock,
  removes ``.NAVN.ny-…`` and, if ``DIR`` is missing, renames ``.NAVN.gammel-…`` back.

What it does not guarantee: that the new tree survives a power cut. Nothing is fsynced; after a
power cut the file system decides which version (or which files) survived. Run the render again.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path, PurePosixPath
from typing import NoReturn

from ..messages import Message, PlanError
from ..pages.common import Output
from ..texts import commands as wording

try:
    import fcntl

    HAS_FLOCK = True
except ImportError:  # Windows
    HAS_FLOCK = False

MANIFEST = ".konverteringsplan.json"


def _refuse(out: Path, text: str) -> PlanError:
    return PlanError([Message(str(out), 0, 0, "", text)])


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _sibling(out: Path, kind: str) -> str:
    return f".{out.name}.{kind}"


def _siblings(out: Path, kind: str) -> list[Path]:
    return sorted(out.parent.glob(f".{glob.escape(out.name)}.{kind}-*"))


@contextmanager
def exclusive(target: Path, lock_file: Path, busy: Callable[[], None]) -> Iterator[None]:
    """Hold an exclusive lock: ``fcntl.flock`` on `target` (a folder, or a file made if missing and left
    there), or where fcntl is missing (Windows) `lock_file` created with O_EXCL and removed afterwards.
    While another run holds it, ``busy()`` is called before each new try: it raises to give up, or
    returns (having waited) to try again."""
    if HAS_FLOCK:
        fd = os.open(target, os.O_RDONLY) if target.is_dir() else os.open(target, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    pass
                busy()
            yield
        finally:
            os.close(fd)  # closing releases the lock
        return
    while True:  # pragma: no cover - Windows
        try:
            os.close(os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            pass
        busy()
    try:  # pragma: no cover - Windows
        yield
    finally:
        lock_file.unlink(missing_ok=True)


def locked(out: Path) -> AbstractContextManager[None]:
    """Hold the folder's lock, or raise PlanError (Danish) if another run holds it: no waiting."""
    lock = out.parent / _sibling(out, "lock")

    def busy() -> NoReturn:
        raise _refuse(out, wording.FOLDER_BUSY if HAS_FLOCK else wording.FOLDER_BUSY_LOCK_FILE.format(lock=lock))

    return exclusive(lock, lock, busy)


def _recover(out: Path) -> None:
    """Clean up after a run that was killed mid-way (we hold the lock, so nobody else is writing)."""
    for left in _siblings(out, "ny"):
        shutil.rmtree(left, ignore_errors=True)
    for old in _siblings(out, "gammel"):
        if not out.exists() and not out.is_symlink():
            os.replace(old, out)  # killed between the two renames: the previous tree goes back
        else:
            shutil.rmtree(old, ignore_errors=True)


def _manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {}
    return (
        {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}
    )


def foreign(out: Path) -> list[str]:
    """What in `out` the generator did not write (or that was changed since): empty if it may be replaced."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        return [out.name]
    if not out.exists():
        return []
    manifest = _manifest(out)
    ours_dirs = {p for rel in manifest for p in PurePosixPath(rel).parents}
    found = []
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if rel == MANIFEST:
            continue
        if path.is_symlink():
            found.append(rel)
        elif path.is_dir():
            if PurePosixPath(rel) not in ours_dirs:
                found.append(rel + "/")
        elif manifest.get(rel) != _digest(path):
            found.append(rel)
    return found


def check_ours(out: Path) -> None:
    """Raise PlanError (Danish) unless `out` is missing, empty or wholly the generator's."""
    found = foreign(Path(out))
    if found:
        more = wording.FOLDER_NOT_OURS_MORE.format(count=len(found) - 10) if len(found) > 10 else ""
        raise _refuse(out, wording.FOLDER_NOT_OURS.format(found=", ".join(found[:10]) + more))


def _new_folder(out: Path) -> Path:
    while True:
        staging = out.parent / _sibling(out, f"ny-{secrets.token_hex(4)}")
        try:
            staging.mkdir()  # the usual permissions (umask), unlike tempfile.mkdtemp's 0700
            return staging
        except FileExistsError:
            continue


def replace_folder(out: Path, fill: Callable[[Path], None]) -> None:
    """Fill a new folder with `fill(folder)`, then put it in the place of `out` (module docstring)."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    with locked(out):
        _recover(out)
        check_ours(out)
        staging = _new_folder(out)
        old = None
        try:
            fill(staging)
            manifest = {
                p.relative_to(staging).as_posix(): _digest(p)
                for p in sorted(staging.rglob("*"))
                if p.is_file() and not p.is_symlink()
            }
            (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
            if out.exists():
                old = out.parent / _sibling(out, f"gammel-{staging.name.rsplit('-', 1)[1]}")
                os.replace(out, old)
            try:
                os.replace(staging, out)
            except BaseException:
                if old is not None:
                    os.replace(old, out)
                    old = None
                raise
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def write_tree(output: Output, out: Path) -> int:
    """Write every page and download, and ``nav.json``, as the folder `out`. Returns the count.

    The contents are made (and scanned for CPR numbers) before the folder is touched."""
    contents = {
        path: (data.encode("utf-8") if isinstance(data, str) else data) for path, data in output.contents().items()
    }
    contents["nav.json"] = json.dumps(output.nav, ensure_ascii=False, indent=2).encode("utf-8")
    for rel in contents:
        if PurePosixPath(rel).is_absolute() or ".." in PurePosixPath(rel).parts or rel == MANIFEST:
            raise ValueError(f"not a path inside the output: {rel}")

    def fill(folder: Path) -> None:
        for rel, data in contents.items():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    replace_folder(out, fill)
    return len(contents)
