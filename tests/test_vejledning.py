"""The Danish guide for project leads (VEJLEDNING.md) and the developer README stay apart, and the guide
only names make targets a project has.

About wording: the guide's headings and the README's links are quoted as written.
"""

from __future__ import annotations

import re

from conftest import ROOT

SCAFFOLD_MAKEFILE = ROOT / "generator" / "scaffold" / "Makefile"


def test_guide_covers_start_edit_publish_and_progress():
    guide = (ROOT / "VEJLEDNING.md").read_text(encoding="utf-8")
    for heading in ("## Sådan kommer du i gang", "## Sådan retter du planen", "## Sådan offentliggør du siden"):
        assert heading in guide
    assert "## Sådan følger du konverteringen" in guide
    targets = set(re.findall(r"^([a-z-]+):", SCAFFOLD_MAKEFILE.read_text(encoding="utf-8"), re.M))
    named = set(re.findall(r"`make ([a-z-]+)", guide))
    assert named and named <= targets, named - targets


def test_benchmark_tables_live_in_the_bench_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| factor |" not in readme and "bench/README.md" in readme and "VEJLEDNING.md" in readme
    assert "| factor |" in (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
