"""File references in the plan (screenshots in `vejledning`) must name a file inside docs/."""

from __future__ import annotations

import os

import pytest

from konverteringsplan.io.docs_paths import check_docs_path


@pytest.fixture
def project(tmp_path):
    """A project with docs/billeder/opret-sag.png, and a secret file beside docs/."""
    docs = tmp_path / "docs"
    (docs / "billeder").mkdir(parents=True)
    (docs / "billeder" / "opret-sag.png").write_bytes(b"\x89PNG")
    (tmp_path / "hemmelig.png").write_bytes(b"\x89PNG")
    outside = tmp_path / "udenfor"
    outside.mkdir()
    (outside / "skaermbillede.png").write_bytes(b"\x89PNG")
    return docs


@pytest.mark.parametrize("ref", ["billeder/opret-sag.png", "./billeder/opret-sag.png", "billeder//opret-sag.png"])
def test_a_file_inside_docs_is_accepted(project, ref):
    assert check_docs_path(ref, project) is None


@pytest.mark.parametrize(
    "ref",
    [
        "/etc/passwd",
        "/billeder/opret-sag.png",  # absolute even though the file exists under docs/
        "C:/Users/pl/opret-sag.png",
        "C:opret-sag.png",
        "billeder\\opret-sag.png",
        "\\\\server\\deling\\opret-sag.png",
        "//server/deling/opret-sag.png",
    ],
)
def test_absolute_paths_are_refused(project, ref):
    problem = check_docs_path(ref, project)
    assert problem is not None and "absolut" in problem
    assert "docs/" in problem  # says what to write instead


@pytest.mark.parametrize(
    "ref",
    [
        "../hemmelig.png",
        "billeder/../../hemmelig.png",
        "billeder/../../udenfor/skaermbillede.png",
        "billeder/../opret-sag.png/..",
    ],
)
def test_dot_dot_is_refused_even_when_the_file_exists(project, ref):
    problem = check_docs_path(ref, project)
    assert problem is not None and '".."' in problem


def test_dot_dot_that_stays_inside_docs_is_still_refused(project):
    # "billeder/../billeder/opret-sag.png" resolves inside docs/, but ".." is refused on sight:
    # the rule is simple to explain, and no check on the resolved path is needed to trust it.
    assert check_docs_path("billeder/../billeder/opret-sag.png", project) is not None


def test_a_symlinked_file_pointing_out_of_docs_is_refused(project):
    os.symlink(project.parent / "hemmelig.png", project / "billeder" / "genvej.png")
    problem = check_docs_path("billeder/genvej.png", project)
    assert problem is not None and "uden for docs/" in problem and "link" in problem


def test_a_symlinked_folder_pointing_out_of_docs_is_refused(project):
    os.symlink(project.parent / "udenfor", project / "ud")
    problem = check_docs_path("ud/skaermbillede.png", project)
    assert problem is not None and "uden for docs/" in problem


def test_a_symlink_that_stays_inside_docs_is_accepted(project):
    os.symlink(project / "billeder" / "opret-sag.png", project / "kopi.png")
    assert check_docs_path("kopi.png", project) is None


def test_a_symlink_loop_is_an_error_not_a_crash(project):
    os.symlink(project / "b.png", project / "a.png")
    os.symlink(project / "a.png", project / "b.png")
    assert check_docs_path("a.png", project) is not None


def test_docs_itself_may_be_a_symlink(tmp_path, project):
    # A project whose docs/ is a link (e.g. to a shared drive) still works for files inside it.
    link = tmp_path / "docs-link"
    os.symlink(project, link)
    assert check_docs_path("billeder/opret-sag.png", link) is None
    assert check_docs_path("../hemmelig.png", link) is not None


@pytest.mark.parametrize(
    "ref, words",
    [
        ("billeder/mangler.png", ["findes ikke", "docs/billeder/mangler.png"]),
        ("billeder", ["findes ikke"]),  # a folder is not a file
        ("", ["tom"]),
        (" billeder/opret-sag.png", ["mellemrum"]),
        ("https://kommune.dk/opret-sag.png", ["webadresse", "docs/"]),
        ("billeder/opret\x00sag.png", ["kontroltegn"]),
        ("billeder/opret\nsag.png", ["kontroltegn"]),
        ("x" * 300 + ".png", ["kan ikke slås op"]),
    ],
)
def test_other_bad_references_get_a_danish_reason(project, ref, words):
    problem = check_docs_path(ref, project)
    assert problem is not None
    for word in words:
        assert word in problem
