"""`new DIR --kommune NAME`: start a complete project for another municipality.

The files come from the package (`generator/scaffold/`, read with importlib.resources, so `new`
works from an installed wheel): a starting plan with placeholders (not the example's decisions), the
schema, mkdocs.yml, overrides/, docs/, a Makefile, CI for GitHub and GitLab Pages, .gitignore and a
README. A folder that already holds any of these files is left alone (nothing is written, exit 1) unless
only the missing files are asked for (`--kun-manglende`); an existing file is never overwritten.
The Makefile, the CI files and the README pin the running version (`konverteringsplan==X.Y.Z`).
Everything the user sees is Danish.
"""

from __future__ import annotations

import shlex
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

import yaml

from .. import version
from ..channel import UNSAFE
from ..cprmatch import spans
from ..io.cpr import scan_text
from ..io.load import load_plan_text
from ..messages import PlanError, os_reason
from ..model.schema import progress_schema_text, schema_text
from ..texts import commands as wording
from ..texts import reading

SCAFFOLD = "scaffold"
# Markers in the scaffold's text files, replaced with the municipality's name.
YAML_NAME = "__KOMMUNE__"  # a YAML scalar: replaced by a dumped (quoted when needed) scalar
YAML_SITE_NAME = "__SITE_NAME__"
TEXT_NAME = "__KOMMUNE_MD__"  # plain text (README)
VERSION = "__VERSION__"  # the running version: `konverteringsplan==__VERSION__` in the Makefile, CI and README
FIRST = ("plan.yaml", "mkdocs.yml", "Makefile")  # named first when a folder already holds a project
# Files with markers (the others are copied byte for byte).
MARKED = (
    "plan.yaml",
    "mkdocs.yml",
    "README.md",
    "Makefile",
    ".gitlab-ci.yml",
    ".github/workflows/hjemmeside.yml",
    "docs/saadan-redigerer-du-planen.md",
)


def yaml_scalar(value: str) -> str:
    """`value` as one YAML scalar that reads back as exactly `value` ("Kommune #1", "&a", "a: b")."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return text.removesuffix("\n...\n").removesuffix("\n")


def _walk(node: Traversable, prefix: PurePosixPath | None = None) -> list[tuple[str, Traversable]]:
    prefix = prefix or PurePosixPath()
    out = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        rel = prefix / child.name
        if child.is_dir():
            out += _walk(child, rel)
        elif child.name != "__init__.py" and not child.name.endswith((".pyc", ".pyo")):
            out.append((str(rel), child))
    return out


def scaffold_files(name: str) -> dict[str, bytes]:
    """Every file of a new project (relative POSIX path -> content) for the municipality `name`."""
    files: dict[str, bytes] = {}
    for rel, node in _walk(resources.files(__package__.partition(".")[0]) / SCAFFOLD):
        data = node.read_bytes()
        if rel in MARKED:
            text = data.decode("utf-8").replace(VERSION, version())
            text = text.replace(YAML_NAME, yaml_scalar(name))
            text = text.replace(YAML_SITE_NAME, yaml_scalar(wording.NEW_SITE_NAME.format(name=name)))
            text = text.replace(TEXT_NAME, name)
            data = text.encode("utf-8")
        files[rel] = data
    files["plan.schema.json"] = schema_text().encode("utf-8")
    files["fremdrift.schema.json"] = progress_schema_text().encode("utf-8")
    return dict(sorted(files.items()))


# The theme prints site_name unescaped in <title> and the header of every page: no markup characters.
MARKUP = "<>&\"'`"
NAME_MAX = 100  # characters; the longest Danish municipality name is 22


def name_problem(raw: str) -> str | None:
    """Why `raw` cannot be a municipality's name in a new project (Danish), or None."""
    name = " ".join(raw.split())
    if not name:
        return wording.NEW_NO_NAME
    bad = UNSAFE.search(raw)
    if bad:
        return wording.NEW_NAME_CONTROL.format(code=f"U+{ord(bad.group(0)):04X}", pos=bad.start() + 1)
    markup = sorted({c for c in name if c in MARKUP})
    if markup:
        return wording.NEW_NAME_MARKUP.format(chars=" ".join(markup))
    if any(spans(name)):
        return wording.NEW_NAME_CPR
    if len(name) > NAME_MAX:
        return wording.NEW_NAME_TOO_LONG.format(length=len(name), limit=NAME_MAX)
    return None


def plan_problems(files: dict[str, bytes]) -> list[str]:
    """The messages a new project's plan and configuration would fail with (none: it validates)."""
    found = []
    for rel in ("plan.yaml", "mkdocs.yml"):
        found += [str(m) for m in scan_text(files[rel].decode("utf-8"), rel)]
    try:
        load_plan_text(files["plan.yaml"])
    except PlanError as exc:
        found += [str(m) for m in exc.messages if m.is_error]
    return found


def new_project(target: Path, name: str, only_missing: bool = False) -> int:
    """Write the project; print what was made and what was kept. 1 when nothing could be written, or when
    the folder already holds a project (any of its files) and `only_missing` was not asked for.

    The name is checked first, and the plan it makes is validated in memory: a name that would make
    an invalid plan, or put markup or a CPR number on every page, is refused and nothing is written."""
    problem = name_problem(name)
    if problem:
        print(problem)
        return 1
    name = " ".join(name.split())
    files = scaffold_files(name)
    problems = plan_problems(files)
    if problems:
        print(wording.NEW_NAME_INVALID_PLAN)
        for line in problems:
            print(line)
        return 1
    if target.exists() and not target.is_dir():
        print(wording.NEW_NOT_A_FOLDER.format(target=target))
        return 1
    first = {rel: i for i, rel in enumerate(FIRST)}
    there = sorted(
        (rel for rel in files if (target / rel).is_file()), key=lambda rel: (first.get(rel, len(FIRST)), rel)
    )
    if there and not only_missing:
        more = wording.NEW_HAS_PROJECT_MORE.format(count=len(there) - 3) if len(there) > 3 else ""
        print(wording.NEW_HAS_PROJECT.format(target=target, found=", ".join(there[:3]) + more, name=shlex.quote(name)))
        return 1
    made, kept, failed = [], [], []
    for rel, data in files.items():
        dest = target / rel
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            with dest.open("xb") as fh:  # "x": fails rather than overwrite
                fh.write(data)
        except FileExistsError:
            if dest.exists():
                kept.append(rel)
            else:  # from mkdir: a file stands where a folder of the path must be
                failed.append((rel, reading.OS_NOT_A_FOLDER))
            continue
        except OSError as exc:
            failed.append((rel, os_reason(exc)))
            continue
        made.append(rel)
    for rel in made:
        print(wording.NEW_CREATED.format(path=target / rel))
    for rel in kept:
        print(wording.NEW_KEPT.format(path=target / rel))
    for rel, why in failed:
        print(wording.NEW_FAILED.format(path=target / rel, why=why))
    if not made and not kept:
        print(wording.NEW_NOTHING.format(target=target))
        return 1
    if failed:
        return 1
    print()
    print(wording.NEW_READY.format(name=name, target=target))
    print(wording.NEW_NEXT_STEPS.format(target=target))
    return 0
