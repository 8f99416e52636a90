"""Shared helpers, in one place: the example plan and changes to it by key path (its text or its data),
the command line run in-process, copying and building a project, the wheel.

Every test runs in a world of its own: the system temp folder is a fresh folder for this run (so no test
sees what another build on the machine leaves there, and nothing is left behind), and the .ics creation
time is pinned (SOURCE_DATE_EPOCH), so no output depends on the wall clock. Subprocesses inherit both.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plan.yaml"
FIXED_EPOCH = "1767225600"  # 1 January 2026, 00:00 UTC: DTSTAMP in every .ics the tests make

_TEMP: str | None = None


def pytest_configure(config):
    """Before collection (modules make temp folders at import): a private temp folder and a fixed clock."""
    global _TEMP
    if _TEMP is None:
        # Beside, not inside, the folder of the run that started this one (pytest-xdist workers inherit
        # TMPDIR): Chromium's socket path must stay short (107 bytes at most).
        root = os.environ.setdefault("KP_TESTS_SYSTEM_TMP", tempfile.gettempdir())
        _TEMP = tempfile.mkdtemp(prefix="kp-tests-", dir=root)
        tempfile.tempdir = _TEMP
        os.environ["TMPDIR"] = _TEMP
        os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
        if "PYTEST_XDIST_WORKER" not in os.environ:  # the run's own folder, shared by its xdist workers
            os.environ["KP_TESTS_RUN"] = _TEMP


def pytest_unconfigure(config):
    if _TEMP is not None:
        shutil.rmtree(_TEMP, ignore_errors=True)


def private_temp() -> Path:
    """The run's own temp folder (what tempfile.gettempdir() returns in the tests)."""
    return Path(tempfile.gettempdir())


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


# --- changing the example's text by key path: comments, order and line numbers stay as they are ---------
#
# Tests that need the plan as text (messages name its lines) change it through these: each names the
# key it changes, so rewording a comment or a neighbouring value in plan.yaml breaks no test. A path is
# a tuple of mapping keys and list items; an item is named by its `id` (or `kategori`, `aktivitet`,
# `kriterie`, `trin`, `dato`, as fremdrift.yaml names them) or by its position. A value is YAML source text, so
# a test can write what a user would type, wrong or not ("1. marts 2027", "50.000").

_ITEM_KEYS = ("id", "kategori", "aktivitet", "kriterie", "trin", "rolle", "dato", "pakke")


def _node(text: str, path: tuple[Any, ...]) -> tuple[Any, Any]:
    """(key node, value node) at `path` in the YAML text; the key node is None for a list item."""
    import yaml

    node: Any = yaml.compose(text, Loader=yaml.SafeLoader)
    key = None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            hit = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            assert hit is not None, f"no key {part!r} at {path!r} in the text (has the example changed?)"
            key, node = hit
        elif isinstance(node, yaml.SequenceNode):
            key = None
            if isinstance(part, int):
                node = node.value[part]
                continue
            item = next(
                (
                    i
                    for i in node.value
                    if isinstance(i, yaml.MappingNode)
                    and any(k.value in _ITEM_KEYS and str(v.value) == part for k, v in i.value)
                ),
                None,
            )
            assert item is not None, f"no list item {part!r} at {path!r} in the text"
            node = item
        else:
            raise AssertionError(f"{path!r} goes past a single value at {part!r}")
    return key, node


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """Index just past the newline of the line that holds text[index - 1] (the end of a node)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _content_end(node: Any) -> int:
    """Index just past the last character a node's own content takes (never the next key's indentation)."""
    import yaml

    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1])
    return node.end_mark.index


def set_value(text: str, path: tuple[Any, ...], source: str) -> str:
    """The text with the value at `path` replaced by `source` (YAML as a user types it; for a block
    mapping or list, its flow form or the whole indented block)."""
    _, node = _node(text, path)
    return text[: node.start_mark.index] + source + text[_content_end(node) :]


def drop_key(text: str, path: tuple[Any, ...]) -> str:
    """The text without the key (or list item, with its "- ") at `path`, its value and the rest of its lines."""
    key, node = _node(text, path)
    start = _line_start(text, (key if key is not None else node).start_mark.index)
    return text[:start] + text[_line_end(text, _content_end(node)) :]


def rename_key(text: str, path: tuple[Any, ...], new: str) -> str:
    """The text with the last key of `path` spelt `new` (a misspelt or unknown key)."""
    key, _ = _node(text, path)
    assert key is not None, f"{path!r} names a list item, not a key"
    return text[: key.start_mark.index] + new + text[key.end_mark.index :]


def add_key(text: str, path: tuple[Any, ...], key: str, source: str) -> str:
    """The text with `key: source` added as the last key of the block mapping at `path`."""
    import yaml

    _, node = _node(text, path)
    assert isinstance(node, yaml.MappingNode) and node.value, f"{path!r} is not a block mapping"
    indent = node.value[0][0].start_mark.column
    at_ = _line_end(text, _content_end(node))
    return text[:at_] + " " * indent + f"{key}: {source}\n" + text[at_:]


def add_item(text: str, path: tuple[Any, ...], source: str) -> str:
    """The text with a new last item in the block list at `path`: `source` is the item as its lines would read
    without the "- " (a mapping's keys one a line), indented here like the list's other items."""
    import yaml

    _, node = _node(text, path)
    assert isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style, f"{path!r} is not a block list"
    first = node.value[0]
    start = _line_start(text, first.start_mark.index)
    dash = text.index("-", start) - start
    head, *rest = source.strip("\n").splitlines()
    item = " " * dash + "-" + " " * (first.start_mark.column - dash - 1) + head + "\n"
    item += "".join(" " * first.start_mark.column + line + "\n" for line in rest)
    at_ = _line_end(text, _content_end(node))
    return text[:at_] + item + text[at_:]


def line_of_key(text: str, path: tuple[Any, ...]) -> int:
    """1-based line of the key (or list item) at `path`: the line a message about it names."""
    key, node = _node(text, path)
    return (key if key is not None else node).start_mark.line + 1


def at_key(text: str, path: tuple[Any, ...], file: str = "plan.yaml") -> str:
    """`plan.yaml:N:` for the key at `path`, as messages begin."""
    return f"{file}:{line_of_key(text, path)}:"


DELETE = object()  # as a value in `set_keys`: remove the key


def set_keys(data: Any, *changes: tuple[tuple[Any, ...], Any]) -> Any:
    """Set each (key path, value) in loaded YAML data (a plan or fremdrift.yaml, as yaml.safe_load gives it)
    and return the data. A list item is named as in the text helpers above (its id, kategori, …) or by its
    position;
    a value of DELETE removes the key. For tests that change one value by what it is, not by the text
    around it (tests/test_limits*.py)."""

    def index(node: Any, part: Any) -> Any:
        if isinstance(node, list) and isinstance(part, str):
            return next(
                i
                for i, item in enumerate(node)
                if isinstance(item, dict) and any(str(item.get(k)) == part for k in _ITEM_KEYS if k in item)
            )
        return part

    for path, value in changes:
        *parents, last = path
        node = data
        for part in parents:
            node = node[index(node, part)]
        if value is DELETE:
            del node[last]
        else:
            node[index(node, last)] = value
    return data


def like(template: str, **fields: str | re.Pattern[str]) -> re.Pattern[str]:
    """A message template from generator/texts/ as a pattern in which every {field} matches anything: for
    tests about which message a user gets, not about its wording. A field named in `fields` matches only its
    value (a text as written, or a compiled pattern: like(say.SHORTFALL, role="Sagsbehandler"))."""

    def field(name: str) -> str:
        value = fields.get(re.split(r"[:!]", name)[0])
        if value is None:
            return ".*"
        return value.pattern if isinstance(value, re.Pattern) else re.escape(value)

    parts = re.split(r"\{([^}]*)\}", template)  # text, field name, text, ...
    return re.compile("".join(field(p) if i % 2 else re.escape(p) for i, p in enumerate(parts)), re.S)


class _KeepField(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def partly(template: str, **known: Any) -> re.Pattern[str]:
    """`like(template)` with the fields the test knows filled in (str.format's way) and the rest matching
    anything: "this message, about this value", without the parts the test does not care about."""
    return like(template.format_map(_KeepField(known)))


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The command line, run in this process (what a subprocess adds, starting Python and importing
    the generator, proves nothing more; tests/test_cli.py keeps one real `python -m konverteringsplan` run).
    An exception that escapes main() fails the test: the user would have seen a traceback."""
    from konverteringsplan.adapters.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: usage errors exit with 2
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(
        ["python", "-m", "konverteringsplan", *args], code, out.getvalue(), err.getvalue()
    )


def run_cli_process(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m konverteringsplan ARGS` as a user types it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "konverteringsplan", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8"
    )


def guard_stops_the_build(plan: Path, docs: Path | None = None) -> list:
    """The messages the CPR guard stops the build with when it reads `plan` and `docs/` the way validate, render
    and the plugin do (build.checked_plan). Fails the test if the build goes on."""
    from konverteringsplan.build import checked_plan
    from konverteringsplan.messages import PlanError

    with pytest.raises(PlanError) as caught:
        checked_plan(plan, docs)
    return caught.value.messages


def guard_stops_the_build_on_docs(tmp_path: Path, docs: Path) -> list:
    """`guard_stops_the_build` with the (clean) example plan beside `docs`: every message is about docs/."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(example_text(), encoding="utf-8")
    messages = guard_stops_the_build(plan, docs)
    assert not any(m.file.endswith("plan.yaml") for m in messages), [str(m) for m in messages]
    return messages


@pytest.fixture
def write_plan(tmp_path):
    """Write a plan text to tmp_path/plan.yaml and return its path."""

    def _write(text: str) -> Path:
        path = tmp_path / "plan.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example built once with `mkdocs build --strict`, for every test that only reads the site
    (a sitemap needs site_url; any address will do)."""
    out = tmp_path_factory.mktemp("example-site")
    result = mkdocs_build(ROOT, out, site_url=os.environ.get("SITE_URL") or "https://konverteringsplan.example/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


# --- a project of its own: copied, built ---------------------------------------------------------------


def copy_project(dst: Path, plan_text: str | None = None) -> Path:
    """What a site build reads (mkdocs.yml, docs/, overrides/, the plan and its schema) copied into `dst`;
    with `plan_text`, that is the plan."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "plan.yaml", "plan.schema.json"):
        shutil.copy(ROOT / name, dst / name)
    shutil.copytree(ROOT / "docs", dst / "docs")
    shutil.copytree(ROOT / "overrides", dst / "overrides")
    if plan_text is not None:
        (dst / "plan.yaml").write_text(plan_text, encoding="utf-8")
    return dst


def mkdocs_build(project: Path, out: Path | None = None, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in `project` into `out` (default: its site/), a separate process, as CI runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"} | ({"SITE_URL": site_url} if site_url else {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out or project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )


VENV = Path(sys.executable).parent.parent  # `make` in a new project uses this venv instead of installing


def readme_walkthrough() -> list[tuple[str, list[str]]]:
    """The README's `new` walk-through (the ```console block under "A municipality's own repository"):
    each `$ command` with the lines shown under it."""
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


@dataclass(frozen=True)
class Walkthrough:
    project: Path  # the folder the walk-through ends in: the new project, with its built site/
    steps: list[tuple[str, list[str], subprocess.CompletedProcess | None]]  # command, shown lines, its run

    def result(self, command: str) -> subprocess.CompletedProcess:
        """The run of the first command that starts with `command` (stdout and stderr together)."""
        return next(done for cmd, _, done in self.steps if cmd.startswith(command) and done is not None)


@pytest.fixture(scope="session")
def borgen(tmp_path_factory) -> Walkthrough:
    """The README's `new` walk-through run once, as written: `python -m konverteringsplan new borgen --kommune
    "Borgen Kommune"`, `cd borgen`, `make validate`, `make site` (with this venv's Python, and `make` with
    this venv instead of the network install). The project "Borgen Kommune" and its one built site are shared
    by every test that only reads them; a test that changes the project works on a copy."""
    base = tmp_path_factory.mktemp("new")
    stamp = base / "installed"
    stamp.touch()
    cwd = base
    steps: list[tuple[str, list[str], subprocess.CompletedProcess | None]] = []
    for command, shown in readme_walkthrough():
        args = shlex.split(command)
        if args[0] == "cd":
            cwd = cwd / args[1]
            assert cwd.is_dir(), f"{command}: the walk-through made no such folder"
            steps.append((command, shown, None))
            continue
        if args[0] == "python":
            args[0] = sys.executable
        elif args[0] == "make":
            args += [f"VENV={VENV}", f"STAMP={stamp}"]
        done = subprocess.run(
            args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8"
        )
        steps.append((command, shown, done))
        if done.returncode != 0:
            break  # the walk-through test shows which command failed and what it printed
    return Walkthrough(cwd, steps)


# --- the built wheel ---------------------------------------------------------------------------------


def copy_source(dest: Path) -> Path:
    """The files a package build reads: the top-level files (pyproject.toml, MANIFEST.in, README.md, …)
    and generator/."""
    dest.mkdir()
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, dest / path.name)
    shutil.copytree(
        ROOT / "generator", dest / "generator", ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")
    )
    return dest


def build_wheel(project: Path, out: Path) -> Path:
    """`pip wheel` of `project` into `out`, without build isolation (setuptools comes from the locks, so
    this runs without network); the one wheel's path."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(project),
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "-w",
            str(out),
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    wheels = list(out.glob("konverteringsplan-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="session")
def wheel() -> Path:
    """The project's wheel, built once per test run from a copy of the project in the run's temp folder
    (never in the work tree); xdist workers share it (the first builds it, under a lock, the others wait).
    Used by test_packaging, test_wheel_new and test_wheel_install."""
    base = Path(os.environ.get("KP_TESTS_RUN", private_temp())) / "wheel"
    base.mkdir(exist_ok=True)
    with open(base / ".lock", "w") as lock:
        with contextlib.suppress(ImportError):  # no fcntl (Windows): each worker builds its own
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        built = sorted((base / "dist").glob("konverteringsplan-*.whl"))
        if built:
            return built[0]
        shutil.rmtree(base / "project", ignore_errors=True)
        return build_wheel(copy_source(base / "project"), base / "dist")


@pytest.fixture(scope="session")
def unpacked(wheel, tmp_path_factory) -> Path:
    """The wheel unpacked into a folder: put it alone on PYTHONPATH to run only what the wheel holds."""
    import zipfile

    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


# --- validate as the user runs it: the messages a plan text gives -----------------------------------


def errors_for(write_plan, text: str) -> str:
    result = run_cli("validate", str(write_plan(text)))
    assert result.returncode == 1, f"expected errors, got:\n{result.stdout}"
    assert "Traceback" not in result.stderr
    return result.stderr


def warnings_for(write_plan, text: str) -> str:
    result = run_cli("validate", str(write_plan(text)))
    assert result.returncode == 0, result.stderr
    return result.stdout
