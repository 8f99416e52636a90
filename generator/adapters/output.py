"""Writing rendered output to a folder: atomically, and never over a file we did not write.

``render --out DIR`` may point at a folder where the user keeps files of their own. The rules:

* **Never over a foreign file.** A path we want to write that already exists and is not in
  the manifest (``.konverteringsplan.json``) with exactly its current content — a user's own
  file, or a generated file the user edited — stops the render before anything is written.
  So does a folder or a symlink that would lead a file out of ``DIR``.
* **All or nothing.** The complete new output is first written to a work folder inside
  ``DIR`` (same file system, so every move is a rename). Then each of our old files is moved
  to a backup in the work folder and the new file moved into its place, stale own files are
  moved to the backup, and the manifest is replaced last. If anything fails (disk full, a
  permission, an interrupt), every step is undone in reverse: the previous output is back,
  byte for byte. Foreign files are never moved, copied or deleted.
* **Interrupted runs.** Before the commit starts, a journal listing the files about to be
  created is written to the work folder. If the process dies mid-commit (power cut, kill -9),
  the next render finds the work folder, undoes the half-finished commit from the journal and
  the backup, and then renders as usual.

A whole-directory swap (write ``DIR.new``, then rename it over ``DIR``) would be atomic for
readers too, but it would have to carry the user's files across and delete the old folder;
moving only our own files keeps the user's files out of harm's way.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ..messages import Message, PlanError
from ..pages.common import Output

MANIFEST = ".konverteringsplan.json"
WORK = ".konverteringsplan-arbejde"  # work folder inside --out; removed after every render
JOURNAL = "journal.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _is_ours(target: Path, rel: str, previous: dict[str, str]) -> bool:
    """True when `target` is a regular file we wrote and nobody has changed since."""
    if target.is_symlink() or not target.is_file():
        return False
    try:
        return previous.get(rel) == _digest(target.read_bytes())
    except OSError:
        return False


def _foreign(contents: dict[str, bytes], out: Path, previous: dict[str, str]) -> list[str]:
    foreign = []
    for rel in contents:
        target = out / rel
        # A parent that is a file, or a symlink out of --out, blocks the path too.
        parent_blocked = any(p.exists() and not p.is_dir() for p in target.parents if _inside(p, out) and p != out)
        if parent_blocked or not _inside(target.parent, out):
            foreign.append(rel)
        elif (target.exists() or target.is_symlink()) and not _is_ours(target, rel, previous):
            foreign.append(rel)
    return foreign


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _remove_empty_dirs(start: Path, stop: Path) -> None:
    """Remove `start` and its parents up to (not including) `stop` while they are empty."""
    d = start
    while d != stop and _inside(d, stop):
        try:
            d.rmdir()
        except OSError:
            return
        d = d.parent


def _make_parents(target: Path, out: Path, made: list[Path]) -> None:
    """mkdir -p for target's folder, remembering each folder it creates (for the undo)."""
    missing = []
    d = target.parent
    while d != out and not d.exists():
        missing.append(d)
        d = d.parent
    for d in reversed(missing):
        d.mkdir()
        made.append(d)


def _undo(out: Path, work: Path, created: list[str], backed_up: list[str], made: list[Path] = ()) -> None:
    """Reverse a partial commit: remove what we placed, put the backups back, remove the folders
    we made."""
    backup = work / "old"
    for rel in created:
        target = out / rel
        if target.is_file() and not target.is_symlink():
            target.unlink()
    for rel in backed_up:
        saved = backup / rel
        if saved.exists():
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(saved, out / rel)
    for d in reversed(made):
        try:
            d.rmdir()
        except OSError:
            pass  # not empty: something else lives there now


def _recover(out: Path) -> None:
    """Undo a commit that a killed process left half done (see the journal)."""
    work = out / WORK
    if not work.exists():
        return
    try:
        journal = json.loads((work / JOURNAL).read_text(encoding="utf-8"))
    except (ValueError, OSError):
        journal = None  # died before the commit started: nothing in --out was touched
    if journal:
        backup = work / "old"
        old_manifest = _read_manifest(backup) if (backup / MANIFEST).exists() else _read_manifest(out)
        # A file is removed only if it holds what the killed render was writing and is not also
        # the previous output (an unchanged page is both); a file with a backup is replaced by it.
        created = [rel for rel, digest in journal.get("created", {}).items()
                   if not (backup / rel).exists() and old_manifest.get(rel) != digest
                   and (out / rel).is_file() and _digest((out / rel).read_bytes()) == digest]
        backed_up = [str(p.relative_to(backup)) for p in backup.rglob("*") if p.is_file()] if backup.exists() else []
        _undo(out, work, created, backed_up)
        for rel in created:
            _remove_empty_dirs((out / rel).parent, out)
    shutil.rmtree(work)


def write_tree(output: Output, out: Path) -> int:
    """Write every page and download under `out` (see the module docstring). Returns the count."""
    contents = {path: (data.encode("utf-8") if isinstance(data, str) else data)
                for path, data in output.contents().items()}
    contents["nav.json"] = json.dumps(output.nav, ensure_ascii=False, indent=2).encode("utf-8")
    out.mkdir(parents=True, exist_ok=True)
    _recover(out)
    previous = _read_manifest(out)
    foreign = _foreign(contents, out, previous)
    if foreign:
        raise PlanError([Message(str(out / rel), 0, 0, "", "filen findes allerede og er ikke skrevet af generatoren "
                                 "(eller den er ændret siden). Den bliver ikke overskrevet: flyt den, eller vælg en "
                                 "anden mappe med --out.")
                         for rel in foreign])
    manifest = {rel: _digest(data) for rel, data in contents.items()}
    stale = [rel for rel in previous
             if rel not in contents and _is_ours(out / rel, rel, previous) and _inside((out / rel).parent, out)]

    work = out / WORK
    staging, backup = work / "new", work / "old"
    created: list[str] = []  # paths placed in --out by this render
    backed_up: list[str] = []  # paths whose previous version sits in the backup
    made: list[Path] = []  # folders created in --out by this render
    try:
        # 1. The complete new output, off to the side. A failure here leaves --out untouched.
        for rel, data in contents.items():
            _write_file(staging / rel, data)
        _write_file(staging / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8"))
        _write_file(work / JOURNAL, json.dumps({"created": manifest}).encode("utf-8"))
        # 2. The commit: every step is recorded so that it can be undone.
        for rel in [*contents, MANIFEST]:
            target = out / rel
            if target.exists() or target.is_symlink():
                (backup / rel).parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, backup / rel)
                backed_up.append(rel)
            _make_parents(target, out, made)
            os.replace(staging / rel, target)
            created.append(rel)
        for rel in stale:
            (backup / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(out / rel, backup / rel)
            backed_up.append(rel)
        (work / JOURNAL).unlink()  # committed: from here on a crash must not undo anything
    except BaseException:
        _undo(out, work, created, backed_up, made)
        shutil.rmtree(work, ignore_errors=True)
        raise
    for rel in stale:
        _remove_empty_dirs((out / rel).parent, out)
    shutil.rmtree(work, ignore_errors=True)
    return len(contents)
