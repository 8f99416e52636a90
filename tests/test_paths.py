"""File references in the plan (screenshots in `vejledning`) must name a file inside docs/."""

from __future__ import annotations

import os

import pytest

from konverteringsplan.io.docs_paths import check_docs_path
from konverteringsplan.texts import reading as say


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


ABSOLUTE = [
    "/etc/passwd",
    "/billeder/opret-sag.png",  # absolute even though the file exists under docs/
    "C:/Users/pl/opret-sag.png",
    "C:opret-sag.png",
    "billeder\\opret-sag.png",
    "\\\\server\\deling\\opret-sag.png",
    "//server/deling/opret-sag.png",
]
DOT_DOT = [  # refused even when the file exists
    "../hemmelig.png",
    "billeder/../../hemmelig.png",
    "billeder/../../udenfor/skaermbillede.png",
    "billeder/../opret-sag.png/..",
]


@pytest.mark.parametrize(
    "ref,reason",
    [pytest.param(r, say.PATH_ABSOLUTE, id=f"absolute:{r}") for r in ABSOLUTE]
    + [pytest.param(r, say.PATH_PARENT, id=f"dot-dot:{r}") for r in DOT_DOT],
)
def test_absolute_paths_and_dot_dot_are_refused_saying_what_to_write(project, ref, reason):
    assert check_docs_path(ref, project) == reason.format(ref=ref)


def test_dot_dot_that_stays_inside_docs_is_still_refused(project):
    # "billeder/../billeder/opret-sag.png" resolves inside docs/, but ".." is refused on sight:
    # the rule is simple to explain, and no check on the resolved path is needed to trust it.
    assert check_docs_path("billeder/../billeder/opret-sag.png", project) is not None


def test_a_symlinked_file_pointing_out_of_docs_is_refused(project):
    os.symlink(project.parent / "hemmelig.png", project / "billeder" / "genvej.png")
    assert check_docs_path("billeder/genvej.png", project) == say.PATH_LINK_OUTSIDE.format(ref="billeder/genvej.png")


def test_a_symlinked_folder_pointing_out_of_docs_is_refused(project):
    os.symlink(project.parent / "udenfor", project / "ud")
    assert check_docs_path("ud/skaermbillede.png", project) == say.PATH_LINK_OUTSIDE.format(ref="ud/skaermbillede.png")


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
    "ref, reason",
    [
        ("billeder/mangler.png", say.PATH_MISSING),
        ("billeder", say.PATH_MISSING),  # a folder is not a file
        ("", say.PATH_EMPTY),
        (" billeder/opret-sag.png", say.PATH_EMPTY),
        ("https://kommune.dk/opret-sag.png", say.PATH_URL),
        ("billeder/opret\x00sag.png", say.PATH_CONTROL_CHARACTER),
        ("billeder/opret\nsag.png", say.PATH_CONTROL_CHARACTER),
        ("x" * 300 + ".png", say.PATH_LOOKUP_FAILED),
    ],
)
def test_other_bad_references_get_a_danish_reason(project, ref, reason):
    assert check_docs_path(ref, project) == reason.format(ref=ref)
