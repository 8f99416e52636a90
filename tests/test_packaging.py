"""The wheel holds the whole of generator/ and the command line.

Every module and every other file under generator/ (Jinja templates, search.js, the scaffold for
new projects with its dotfiles and a Makefile) must be in a built wheel: `konverteringsplan new`
and the MkDocs plugins read them from the installed package. The expected files are read from the
folder at test time, so a module or template added or moved needs no change here.

The wheel is built from a copy of the project in tmp_path (never in the work tree), without build
isolation: setuptools comes from the locks, so this runs without network.
"""

from __future__ import annotations

import configparser
import importlib
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import build_wheel as build_one
from conftest import copy_source

SKIP_DIRS = {"__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


def package_files(project: Path) -> set[str]:
    """Every file under project/generator/ as a wheel path ("konverteringsplan/…": installed, the code
    imports under the project's own name), byte code left out."""
    found = set()
    for path in (project / "generator").rglob("*"):
        rel = path.relative_to(project / "generator")
        if path.is_file() and not SKIP_DIRS & set(rel.parts) and path.suffix not in SKIP_SUFFIXES:
            found.add(f"konverteringsplan/{rel.as_posix()}")
    return found


def build_wheel(project: Path, out: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(build_one(project, out))


def dist_info(wheel: zipfile.ZipFile, name: str) -> str:
    [path] = [n for n in wheel.namelist() if n.endswith(f".dist-info/{name}") and n.count("/") == 1]
    return wheel.read(path).decode("utf-8")


def assert_same_files(wheel: zipfile.ZipFile, project: Path) -> None:
    names = set(wheel.namelist())
    packaged = {n for n in names if n.startswith("konverteringsplan/")}
    expected = package_files(project)
    assert expected - packaged == set(), "files under generator/ missing from the wheel"
    assert packaged - expected == set(), "files in the wheel that generator/ does not have"
    others = {n for n in names - packaged if ".dist-info/" not in n}
    assert others == set(), "only generator/ (as konverteringsplan/) belongs in the wheel (not tests/, bench/, …)"


def test_wheel_has_every_file_of_generator_and_the_entry_points(wheel: Path):
    project = wheel.parent.parent / "project"  # the copy the session's wheel was built from
    wheel = zipfile.ZipFile(wheel)
    assert_same_files(wheel, project)
    assert any(n.endswith(".py") for n in wheel.namelist())
    assert any(not n.endswith(".py") and n.startswith("konverteringsplan/") for n in wheel.namelist()), (
        "the Jinja templates at least"
    )

    entry_points = configparser.ConfigParser(delimiters=("=",))
    entry_points.optionxform = str  # keep the names' case
    entry_points.read_string(dist_info(wheel, "entry_points.txt"))
    assert set(entry_points["console_scripts"]) == {"konverteringsplan"}
    assert {"konverteringsplan", "dansk-soegning"} <= set(entry_points["mkdocs.plugins"])
    names = set(wheel.namelist())
    for section in ("console_scripts", "mkdocs.plugins"):
        for name, target in entry_points[section].items():
            module, _, attr = target.strip().partition(":")
            path = module.replace(".", "/")
            assert {f"{path}.py", f"{path}/__init__.py"} & names, f"{name} = {target}: module not in the wheel"
            assert callable(getattr(importlib.import_module(module), attr)), f"{name} = {target}"


def test_wheel_metadata_keeps_test_tools_and_zensical_in_extras(wheel: Path):
    wheel = zipfile.ZipFile(wheel)
    metadata = Parser().parsestr(dist_info(wheel, "METADATA"))
    assert {"test", "zensical"} <= set(metadata.get_all("Provides-Extra"))
    requirements = [Requirement(r) for r in metadata.get_all("Requires-Dist")]
    runtime_names = {canonicalize_name(r.name) for r in requirements if r.marker is None}
    assert {"mkdocs", "mkdocs-material", "pydantic", "jinja2", "pyyaml"} <= runtime_names
    assert not {"pytest", "hypothesis", "playwright", "zensical"} & runtime_names


def test_data_files_of_any_kind_and_depth_are_packaged(tmp_path):
    """The coming layout: a scaffold folder with dotfiles, a Makefile and hidden sub-folders, data
    beside a module in a sub-package, templates in a folder without __init__.py."""
    project = copy_source(tmp_path / "project")
    probe = project / "generator" / "zz_packaging_probe"
    for rel in [
        "scaffold/.gitignore",
        "scaffold/Makefile",
        "scaffold/mkdocs.yml",
        "scaffold/.github/workflows/ci.yml",
        "scaffold/docs/assets/print.css",
        "scaffold/overrides/main.html",
        "scaffold/docs/index.md",
        "search/__init__.py",
        "search/plugin.py",
        "search/search.js",
        "pages/__init__.py",
        "pages/templates/index.md.j2",
    ]:
        path = probe / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {rel}\n", encoding="utf-8")
    wheel = build_wheel(project, tmp_path / "dist")
    assert_same_files(wheel, project)
    assert "konverteringsplan/zz_packaging_probe/scaffold/.github/workflows/ci.yml" in wheel.namelist()
