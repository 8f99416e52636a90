"""The layout shows the design: stages import only earlier stages, and no module imports itself back.

Every import counts, function-level ones included (they used to hide two cycles). Read from the source
with ``ast``, so the test sees what a reader sees.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"

# The pipeline, as build.py's docstring and the README say it, and the package each step lives in.
PIPELINE = "guard → load → analyse → check → render"
STEP_PACKAGE = {"guard": "io", "load": "io", "analyse": "analysis", "check": "rules", "render": "pages"}

# Stage of each package or top-level module, in pipeline order. A module may import its own stage and
# the stages before it; rules and pages both read analysis, and neither reads the other.
STAGES = {
    "messages": 0,
    "formatting": 0,
    "slug": 0,
    "cprmatch": 0,
    "channel": 0,
    "texts": 0,
    "model": 1,
    "io": 2,
    "analysis": 3,
    "rules": 4,
    "pages": 4,
    "build": 5,
    "adapters": 6,
    "__main__": 7,
    "__init__": 7,
}
SIBLINGS_APART = {("rules", "pages"), ("pages", "rules")}


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 2:
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every generator module that `path` imports, anywhere in the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith(("generator", "konverteringsplan"))}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith(("generator", "konverteringsplan")):
                continue
            found.add(target)
            for alias in node.names:  # "from . import charts" imports a module
                if (PACKAGE.parent / (target + "." + alias.name).replace(".", "/")).with_suffix(".py").exists() or (
                    PACKAGE.parent / (target + "." + alias.name).replace(".", "/") / "__init__.py"
                ).exists():
                    found.add(f"{target}.{alias.name}")
    return found - {name}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {t for t in imports_of(path) if t in modules} for name, path in modules.items()}


def stage(module: str) -> tuple[str, int]:
    top = module.split(".")[1] if "." in module else "__init__"
    return top, STAGES[top]


def test_every_package_has_a_stage():
    assert {stage(m)[0] for m in graph()} <= set(STAGES)


def test_no_stage_imports_a_later_one():
    wrong = []
    for module, targets in graph().items():
        own, level = stage(module)
        for target in targets:
            other, other_level = stage(target)
            if other_level > level or (own, other) in SIBLINGS_APART:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_import_cycle():
    g = graph()
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(g[node]):
            # A package's __init__ importing its own submodules is how a package presents itself, not a cycle.
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(trail[trail.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_graph_sees_function_level_imports(tmp_path, monkeypatch):
    """The test would miss the old hidden cycles if it read only top-level imports."""
    probe = PACKAGE / "rules" / "training.py"
    assert "generator.analysis.guide" in imports_of(probe)
    source = "def f():\n    from ..pages import guide\n"
    fake = tmp_path / "generator" / "rules" / "x.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(source, encoding="utf-8")
    monkeypatch.setattr("test_layers.ROOT", tmp_path)
    assert "generator.pages" in imports_of(fake)


def test_no_module_level_mutable_state():
    """No `global` statement anywhere: state lives in objects that are passed, not in modules."""
    offenders = [
        module_name(p)
        for p in PACKAGE.rglob("*.py")
        if any(isinstance(n, ast.Global) for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))))
    ]
    assert offenders == []


def test_the_pipeline_is_told_the_same_in_build_py_the_readme_and_the_stages():
    from konverteringsplan import build

    assert build.__doc__.splitlines()[0].endswith(f": {PIPELINE}.")
    assert f"`{PIPELINE}`" in (ROOT / "README.md").read_text(encoding="utf-8")
    stages = [STAGES[STEP_PACKAGE[step]] for step in PIPELINE.split(" → ")]
    assert stages == sorted(stages), "the pipeline's steps must live in packages in stage order"


# Module paths a reader is told about: generator/…py (or a package-relative analysis/…py) and
# `python -m konverteringsplan.…`.
_PATH = re.compile(r"(?<![\w/.])((?:generator/)?(?:adapters|analysis|io|model|pages|rules|texts)/[\w/]+\.(?:py|js|j2))")
_FILE = re.compile(r"(?<![\w/.])(generator/[\w]+\.py)")
_MODULE = re.compile(r"python -m (konverteringsplan(?:\.\w+)*)")


def test_every_module_the_readme_and_the_texts_name_exists():
    import importlib.util

    sources = [ROOT / "README.md", *sorted((PACKAGE / "texts").glob("*.py"))]
    missing = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for path in _PATH.findall(text) + _FILE.findall(text):
            if not (ROOT / path).exists() and not (PACKAGE / path).exists():
                missing.append(f"{source.name}: {path}")
        for module in _MODULE.findall(text):
            if importlib.util.find_spec(module) is None:
                missing.append(f"{source.name}: python -m {module}")
    assert missing == []


def test_no_test_module_imports_another():
    """Shared helpers live in the support modules (conftest, safety_support, site_reading, ...), never in a
    test module another one imports: a test file can be read, moved or deleted on its own."""
    tests = Path(__file__).resolve().parent
    wrong = []
    for path in sorted(tests.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            wrong += [f"{path.relative_to(tests)} imports {n}" for n in names if n.split(".")[0].startswith("test_")]
    assert wrong == []
