"""The README's `new` walk-through runs as written and prints what it shows.

The ```console block under "A municipality's own repository" is executed once for the whole run (the
`borgen` fixture in conftest.py, whose built project tests/test_scaffold.py reads too): `$ python …` with
this venv's Python, `$ cd DIR`, and `$ make TARGET` with this venv instead of the network install
(VENV=…, STAMP=…). The shown output lines must appear in that order; "…" stands for lines left out,
or for a varying part of a line (timings).
"""

from __future__ import annotations

import re

from conftest import Walkthrough


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


def test_readme_walkthrough_runs_and_prints_what_it_shows(borgen: Walkthrough):
    assert [cmd.split()[0] for cmd, _, _ in borgen.steps] == ["python", "cd", "make", "make"]
    for command, expected, result in borgen.steps:
        if result is None:  # cd (the fixture checked that the folder is there)
            continue
        assert result.returncode == 0, f"{command}:\n{result.stdout}"
        _matches(expected, result.stdout.splitlines())
        assert "WARNING" not in result.stdout
    assert (borgen.project / "site" / "index.html").exists()
