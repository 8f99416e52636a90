"""File references in the plan (images, downloads) must stay inside docs/."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from ..texts import reading as say


def check_docs_path(ref: str, docs_dir: Path) -> str | None:
    """None when `ref` names an existing file inside docs_dir; otherwise a Danish error text.

    `ref` is relative to docs/ (e.g. "billeder/opret-sag.png"). Absolute paths, drive letters,
    backslashes and ".." are refused before the file system is consulted.
    """
    if not ref or ref.strip() != ref:
        return say.PATH_EMPTY
    if "\\" in ref or PureWindowsPath(ref).drive or PurePosixPath(ref).is_absolute():
        return say.PATH_ABSOLUTE.format(ref=ref)
    if "://" in ref:
        return say.PATH_URL.format(ref=ref)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in ref):
        return say.PATH_CONTROL_CHARACTER
    if ".." in PurePosixPath(ref).parts:
        return say.PATH_PARENT.format(ref=ref)
    try:
        root = docs_dir.resolve()
        target = (root / ref).resolve()
        if root != target and root not in target.parents:
            return say.PATH_LINK_OUTSIDE.format(ref=ref)
        exists = target.is_file()
    except (OSError, RuntimeError):  # a name too long, a symlink loop, no permission
        return say.PATH_LOOKUP_FAILED.format(ref=ref)
    if not exists:
        return say.PATH_MISSING.format(ref=ref)
    return None
