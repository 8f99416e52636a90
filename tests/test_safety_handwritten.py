"""A hand-written page in docs/ is never replaced by a page generated from the plan (real builds)."""

from __future__ import annotations

from conftest import add_item, copy_project, like, mkdocs_build
from konverteringsplan.texts import commands

MINE = "Min egen side, skrevet i hånden"


CLASHES = {  # hand-written file in docs/ → the generated file it clashes with
    "sagsomfang.md": "sagsomfang.md",  # same file name
    "tidsplan/index.md": "tidsplan.md",  # another file, but the same page tidsplan/index.html
    "Roller.md": "roller.md",  # differs only in case: one file on Windows and macOS
    "vejledning/sagsbehandler.md": "vejledning/sagsbehandler.md",
    "downloads/undervisning.ics": "downloads/undervisning.ics",  # a download, not a page
}


def test_a_clash_stops_the_build_and_names_both_files(tmp_path):
    project = copy_project(tmp_path / "projekt")
    for handwritten in CLASHES:
        page = project / "docs" / handwritten
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# {MINE}\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    for handwritten, generated in CLASHES.items():
        assert commands.CLASH.format(handwritten=handwritten, generated=generated) in output
        # the source is untouched
        assert (project / "docs" / handwritten).read_text(encoding="utf-8") == f"# {MINE}\n"
    assert like(commands.MKDOCS_CLASHES).search(output)
    assert "Traceback" not in output
    # and no site was built in which a generated page stands where the user's page should be
    assert not (project / "site" / "index.html").exists()


def test_a_handwritten_page_with_its_own_name_is_built_beside_the_generated_ones(tmp_path):
    project = copy_project(tmp_path / "projekt")
    (project / "docs" / "egne-noter.md").write_text(f"# {MINE}\n", encoding="utf-8")
    mkdocs_yml = project / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(add_item(text, ("nav", 0, "Om planen"), "Egne noter: egne-noter.md"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    assert MINE in (project / "site" / "egne-noter" / "index.html").read_text(encoding="utf-8")
    assert "Sagsomfang" in (project / "site" / "sagsomfang" / "index.html").read_text(encoding="utf-8")
