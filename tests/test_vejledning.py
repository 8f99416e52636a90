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


def test_the_readme_holds_the_benchmarks_method_and_todays_table_only():
    """The README's Performance section: the method and one table, today's; the full table (every column),
    the worker's measurements and the profile recipe are in bench/README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    performance = readme.split("\n## Performance\n", 1)[1].split("\n## ", 1)[0]
    assert readme.count("| factor |") == performance.count("| factor |") == 1
    assert "Today's run" in performance and "bench/README.md" in performance and "VEJLEDNING.md" in readme
    bench = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    assert "| factor |" in bench and "**Today's run**" in bench
