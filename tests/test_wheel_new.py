"""`new` works from the built wheel, not only from this checkout.

The wheel is built (`pip wheel . --no-deps --no-build-isolation`) and unpacked into a folder; Python
runs without its site setup (-S), with only that folder and this venv's site-packages (for the
dependencies) on the path, from a folder outside the repository. So the generator, its templates
and the scaffold can only come from the wheel. Then the new project is validated and built strictly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(base / "dist"),
        ],
        capture_output=True,
        text=True,
        cwd=base,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (base / "dist").glob("konverteringsplan-*.whl")
    target = base / "unpacked"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


def _run(unpacked: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(unpacked), sysconfig.get_paths()["purelib"]]),
        "NO_MKDOCS_2_WARNING": "1",
    }
    return subprocess.run(
        [sys.executable, "-S", *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8"
    )


def test_new_from_the_wheel_builds_strictly(unpacked, tmp_path):
    where = _run(unpacked, tmp_path, "-c", "import konverteringsplan; print(konverteringsplan.__file__)")
    assert where.stdout.strip().startswith(str(unpacked)), where.stdout + where.stderr
    generic = _run(unpacked, tmp_path, "-c", "import generator")
    assert generic.returncode != 0 and "ModuleNotFoundError" in generic.stderr, "the wheel owns only its own name"
    made = _run(unpacked, tmp_path, "-m", "konverteringsplan", "new", "borgen", "--kommune", "Borgen Kommune")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "Oprettet: borgen/overrides/main.html" in made.stdout
    assert "Oprettet: borgen/.github/workflows/hjemmeside.yml" in made.stdout
    project = tmp_path / "borgen"
    checked = _run(unpacked, project, "-m", "konverteringsplan", "validate", "plan.yaml")
    assert checked.returncode == 0, checked.stderr
    assert "Borgen Kommune: planen er gyldig" in checked.stdout
    built = _run(unpacked, project, "-m", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Planlæg konvertering af sager i Borgen Kommune" in index
