"""The README's `new` walk-through runs as written and prints what it shows.

The ```console block under "A municipality's own repository" is executed: `$ python …` with this
venv's Python, `$ cd DIR`, and `$ make TARGET` with this venv instead of the network install
(VENV=…, STAMP=…). The shown output lines must appear in that order; "…" stands for lines left out,
or for a varying part of a line (timings).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

VENV = Path(sys.executable).parent.parent


def _walkthrough() -> list[tuple[str, list[str]]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A municipality's own repository: `new`", 1)[1]
    block = section.split("```console\n", 1)[1].split("\n```", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _matches(expected: list[str], actual: list[str]) -> None:
    """Each shown line in order; "…" alone skips lines, "…" inside a line matches any text."""
    pos = 0
    for want in expected:
        if want == "…":
            continue
        pattern = re.compile(".*".join(re.escape(part) for part in want.split("…")) + r"\Z")
        while pos < len(actual) and not pattern.match(actual[pos]):
            pos += 1
        assert pos < len(actual), f"not printed (in this order): {want!r}\n--- actual:\n" + "\n".join(actual)
        pos += 1


def test_readme_walkthrough_runs_and_prints_what_it_shows(tmp_path):
    steps = _walkthrough()
    assert [cmd.split()[0] for cmd, _ in steps] == ["python", "cd", "make", "make"]
    stamp = tmp_path / "installed"
    stamp.touch()
    cwd = tmp_path
    for command, expected in steps:
        args = shlex.split(command)
        if args[0] == "cd":
            cwd = cwd / args[1]
            assert cwd.is_dir()
            continue
        if args[0] == "python":
            args[0] = sys.executable
        elif args[0] == "make":
            args += [f"VENV={VENV}", f"STAMP={stamp}"]
        result = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                encoding="utf-8")
        assert result.returncode == 0, f"{command}:\n{result.stdout}"
        _matches(expected, result.stdout.splitlines())
        assert "WARNING" not in result.stdout
    assert (cwd / "site" / "index.html").exists()
