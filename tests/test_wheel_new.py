"""`new` works from the built wheel, not only from this checkout.

The wheel (built once per run: the `wheel` and `unpacked` fixtures in conftest.py) is unpacked; Python
runs without its site setup (-S), with only that folder and this venv's site-packages (for the
dependencies) on the path, from a folder outside the repository. So the generator, its templates
and the scaffold can only come from the wheel. Then the new project is validated and built strictly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from konverteringsplan import version


def _run(unpacked: Path, cwd: Path, *args: str, bare: bool = False) -> subprocess.CompletedProcess:
    """Python without its site setup, the unpacked wheel on the path, and (unless `bare`) this venv's
    packages for the dependencies."""
    paths = [str(unpacked)] if bare else [str(unpacked), sysconfig.get_paths()["purelib"]]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(paths),
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


COMMANDS = [
    ["validate"],
    ["validate", "plan.yaml", "--docs", "docs"],
    ["render", "--out", "ud"],
    ["new", "borgen", "--kommune", "Borgen Kommune"],
    ["optael", "liste.xlsx", "--arbejdspakke", "basis"],
    ["schema"],
    ["schema", "--fremdrift", "--check"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_python_without_the_dependencies_gets_a_danish_message_for_every_command(unpacked, tmp_path, args):
    """Only the wheel and the standard library (python -S, no venv): no traceback, but what to install
    and how, with the version that is running."""
    done = _run(unpacked, tmp_path, "-m", "konverteringsplan", *args, bare=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "konverteringsplan kan ikke køre her: Python-pakken" in done.stderr
    assert f'-m pip install "konverteringsplan=={version()}"' in done.stderr
    assert f".venv/bin/konverteringsplan {' '.join(args)}" in done.stderr
    assert list(tmp_path.iterdir()) == [], "nothing is written"


def test_help_works_without_the_dependencies(unpacked, tmp_path):
    done = _run(unpacked, tmp_path, "-m", "konverteringsplan", "--help", bare=True)
    assert done.returncode == 0 and done.stdout.startswith("Brug: konverteringsplan"), done.stdout + done.stderr
