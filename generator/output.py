"""Writing rendered output to a folder: atomically, and never over a file we did not write."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .messages import Message, PlanError
from .render import Output

MANIFEST = ".konverteringsplan.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_tree(output: Output, out: Path) -> int:
    """Write every page and download under `out`.

    A file that exists in `out` but was not written by an earlier render (it is not in the
    manifest with the same content) is never replaced: the render stops with an error and
    writes nothing.  The files are first written to a temporary folder beside `out` and then
    moved in, so a failure leaves the previous output intact.
    """
    contents = {path: (data.encode("utf-8") if isinstance(data, str) else data)
                for path, data in output.contents().items()}
    contents["nav.json"] = json.dumps(output.nav, ensure_ascii=False, indent=2).encode("utf-8")
    manifest_path = out / MANIFEST
    previous: dict[str, str] = {}
    if manifest_path.exists():
        try:
            previous = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            previous = {}
    foreign = []
    for rel in contents:
        target = out / rel
        if target.exists() and previous.get(rel) != _digest(target.read_bytes()):
            foreign.append(rel)
    if foreign:
        raise PlanError([Message(str(out / rel), 0, 0, "", "filen findes allerede og er ikke skrevet af generatoren. "
                                 "Den bliver ikke overskrevet: flyt den, eller vælg en anden mappe med --out.")
                         for rel in foreign])
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".render-", dir=out))
    try:
        for rel, data in contents.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for rel in contents:
            final = out / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, final)
        # Files from an earlier render that are no longer produced: remove only our own, unchanged ones.
        for rel, digest in previous.items():
            old = out / rel
            if rel not in contents and old.exists() and _digest(old.read_bytes()) == digest:
                old.unlink()
        manifest = {rel: _digest(data) for rel, data in contents.items()}
        tmp_manifest = staging / MANIFEST
        tmp_manifest.write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp_manifest, manifest_path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(contents)
