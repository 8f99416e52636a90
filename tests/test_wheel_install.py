"""A new project installs the version that made it, from a local wheel folder as the only package index.

The wheel folder holds the project's wheel (built once per run, conftest.py) and the runtime lock's
wheels (`pip download --require-hashes -r requirements.lock`, through the usual pip configuration: in
CI from PyPI). Then, with pip told to use nothing but that folder (PIP_NO_INDEX, PIP_FIND_LINKS, no
pip configuration file): a clean venv gets `konverteringsplan==X.Y.Z`, its command `konverteringsplan new`
starts a project, and the project's own Makefile installs the pinned version (its install recipe) and
runs `make site` and `make test`. `import generator` fails in that venv: the wheel owns only its name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from konverteringsplan import version


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600)


def test_a_new_project_installs_the_pinned_wheel_and_builds(wheel: Path, tmp_path):
    folder = tmp_path / "hjul"
    folder.mkdir()
    shutil.copy2(wheel, folder)
    fetched = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--require-hashes",
            "--only-binary=:all:",
            "-r",
            str(ROOT / "requirements.lock"),
            "-d",
            str(folder),
        ],
        tmp_path,
        dict(os.environ),
    )
    assert fetched.returncode == 0, fetched.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(folder)}
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "NO_MKDOCS_2_WARNING": "1"}
    venv = tmp_path / "venv"
    pinned = f"konverteringsplan=={version()}"
    for step in (
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", pinned],
    ):
        done = _run(step, tmp_path, env)
        assert done.returncode == 0, done.stdout + done.stderr
    generic = _run([str(venv / "bin" / "python"), "-c", "import generator"], tmp_path, env)
    assert generic.returncode != 0 and "ModuleNotFoundError" in generic.stderr
    made = _run([str(venv / "bin" / "konverteringsplan"), "new", "x", "--kommune", "Borgen Kommune"], tmp_path, env)
    assert made.returncode == 0, made.stdout + made.stderr
    project = tmp_path / "x"
    assert f"KONVERTERINGSPLAN ?= {pinned}\n" in (project / "Makefile").read_text(encoding="utf-8")
    # The project's own Makefile installs into the venv (its install recipe, pinned, from the folder only).
    make = ["make", f"VENV={venv}", f"PYTHON={sys.executable}"]
    site = _run([*make, "site"], project, env)
    assert site.returncode == 0, site.stdout + site.stderr
    assert f'pip install --quiet  "{pinned}"' in site.stdout
    assert "Borgen Kommune: planen er gyldig" in site.stdout and "WARNING" not in site.stderr
    assert (project / "site" / "index.html").is_file()
    test = _run([*make, "test"], project, env)
    assert test.returncode == 0, test.stdout + test.stderr
    assert (project / "build" / "test-site" / "index.html").is_file()
