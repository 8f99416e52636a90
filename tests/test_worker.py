"""The plugin renders in a worker process beside MkDocs (generator/adapters/worker.py): same site, same errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, private_temp
from konverteringsplan.adapters import worker

MAIN = os.getpid()  # the test process; a forked worker inherits what a test patched, and knows it is not this


def build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # conftest pins SOURCE_DATE_EPOCH and TMPDIR
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra, "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )


def serial_config(project: Path) -> Path:
    """The project's mkdocs.yml with the plugin's parallel option off."""
    config = project / "mkdocs-serial.yml"
    config.write_text(
        "INHERIT: mkdocs.yml\nplugins:\n  konverteringsplan:\n    plan: plan.yaml\n    parallel: false\n",
        encoding="utf-8",
    )
    return config


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_worker_builds_the_same_site_as_the_mkdocs_process(tmp_path):
    project = copy_project(tmp_path / "projekt")
    parallel = build(project, tmp_path / "parallel", "--verbose")
    assert parallel.returncode == 0, parallel.stderr
    # The worker runs where there are two processors to share (CI has two); with one it would only cost.
    assert ("Siderne dannes i en separat proces" in parallel.stderr) == (len(os.sched_getaffinity(0)) >= 2)
    assert "dannes i MkDocs' egen proces" not in parallel.stderr  # the worker did it, no fallback
    serial = build(project, tmp_path / "serial", "--verbose", "-f", str(serial_config(project)))
    assert serial.returncode == 0, serial.stderr
    assert "Siderne dannes i en separat proces" not in serial.stderr
    # `--verbose` says how long MkDocs waited for the plan's pages, either way, in Danish (decimal comma)
    for log in (parallel.stderr, serial.stderr):
        assert re.search(r"MkDocs ventede \d+,\d\d s på listen over de dannede sider\.", log), log[-2000:]

    a, b = tree(tmp_path / "parallel"), tree(tmp_path / "serial")
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    assert {"downloads/ressourceplan.xlsx", "downloads/ressourceplan.csv", "downloads/undervisning.ics"} <= set(a)
    # The run's own temp folder (conftest): what another build on the machine leaves is not seen here.
    assert not list(private_temp().glob("konverteringsplan-*/downloads")), (
        "the worker's temporary downloads are left behind"
    )


@pytest.mark.parametrize("parallel", [True, False], ids=["worker", "mkdocs-process"])
def test_a_bad_plan_stops_the_build_with_the_line_and_no_traceback(tmp_path, parallel):
    text = (ROOT / "plan.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, ln in enumerate(lines, 1) if ln.strip() == "rolle: oekonomimedarbejder")
    lines[line - 1] = lines[line - 1].replace("oekonomimedarbejder", "oekonomi_medarbejder")
    project = copy_project(tmp_path / "projekt", "\n".join(lines) + "\n")
    extra = () if parallel else ("-f", str(serial_config(project)))
    result = build(project, tmp_path / "site", *extra)
    assert result.returncode == 1
    assert "Planen kan ikke bygges" in result.stderr
    assert f"plan.yaml:{line}:" in result.stderr and "oekonomi_medarbejder" in result.stderr
    assert "Traceback" not in result.stderr


def run_job(plan: Path = ROOT / "plan.yaml", docs: Path = ROOT / "docs", said: list | None = None, method=worker.FIRST):
    """What the plugin does with a worker in one build: page list, each page as MkDocs reads it, downloads.
    Returns (result, {path: Markdown}, {download: bytes}, job). Forked on Linux (worker.FIRST): the worker
    then has whatever the test patched, and `in_worker()` tells it apart from this process."""
    process = worker.Worker(method)
    job = worker.Job(process, plan, docs, (said if said is not None else []).append)
    try:
        result = job.result()
        pages = {}
        for path in result.pages:
            job.wait_for_page(path)
            source = job.source(path)
            pages[path] = (
                source["content"] if "content" in source else Path(source["abs_src_path"]).read_text(encoding="utf-8")
            )
        job.wait_for_downloads()
        made = {
            name: (data if isinstance(data, bytes) else Path(data).read_bytes())
            for name, data in result.downloads.items()
        }
    finally:
        job.close()
        process.close()
    return result, pages, made, job


def in_worker() -> bool:
    return os.getpid() != MAIN


def in_process(plan: Path = ROOT / "plan.yaml", docs: Path = ROOT / "docs"):
    serial = worker.InProcess(plan, docs)
    expected = serial.result()
    return expected, {path: serial.source(path)["content"] for path in expected.pages}


forking = pytest.mark.skipif(worker.FIRST != "fork", reason="the worker inherits the test's patches only when forked")


@forking
def test_a_worker_that_dies_is_replaced_by_rendering_in_process(monkeypatch):
    """If the worker process is killed (out of memory, say), the build still gets every page and download."""
    real = worker.render_result
    monkeypatch.setattr(worker, "render_result", lambda *a: os._exit(3) if in_worker() else real(*a))
    said = []
    result, pages, made, job = run_job(said=said)
    expected, expected_pages = in_process()
    assert job.fallback is not None
    assert pages == expected_pages
    assert result.nav == expected.nav
    assert made == expected.downloads
    assert said == ["Arbejdsprocessen, der danner siderne, stoppede uden svar; siderne dannes i MkDocs' egen proces."]
    assert not job.worker.alive()  # the plugin starts a new one for the next build


@forking
def test_downloads_that_fail_in_the_worker_are_made_again_in_process(monkeypatch):
    """The worker sent every page, then failed on a download: the downloads are made here."""
    from konverteringsplan.pages import downloads

    real = downloads.xlsx

    def xlsx(*a):
        if in_worker():
            raise MemoryError("the worker ran out of memory")
        return real(*a)

    monkeypatch.setattr(downloads, "xlsx", xlsx)
    said = []
    _result, pages, made, job = run_job(said=said)
    expected, expected_pages = in_process()
    assert pages == expected_pages
    assert made["downloads/ressourceplan.csv"].decode("utf-8-sig").startswith("Rolle;")
    assert made["downloads/ressourceplan.xlsx"] == real(downloads.rows(*_load_rows()))
    assert made == expected.downloads
    assert job.fallback is not None and said == []  # a task that failed, not a worker that died: nothing to say


def _load_rows():
    from konverteringsplan.analysis import analyse as figures_of
    from konverteringsplan.build import validate_plan

    plan, _ = validate_plan(ROOT / "plan.yaml", ROOT / "docs")
    return (
        figures_of(plan).planning.load,
        {r.id: r.name for r in plan.roles},
        {r.id: r.hourly_cost for r in plan.roles},
    )


@forking
def test_a_worker_that_dies_while_rendering_pages_is_replaced_for_the_rest(monkeypatch):
    """The worker sent the page list, then died: the remaining pages and the downloads are made here."""
    from konverteringsplan.pages import common

    real = common.render_template

    def dying(template, **context):
        if template == "ordliste.md.j2" and in_worker():
            os._exit(9)
        return real(template, **context)

    monkeypatch.setattr(common, "render_template", dying)
    _result, pages, made, job = run_job()
    expected, expected_pages = in_process()
    assert job.fallback is not None and job.pages  # the page list came from the worker, the rest from here
    assert pages == expected_pages
    assert made == expected.downloads


def test_a_spawned_worker_serves_build_after_build(tmp_path):
    """Under `mkdocs serve` the same warm process renders every rebuild, and a broken plan in between.
    Spawned, as a worker started after on_startup is: a fresh interpreter with this process's sys.path."""
    plan = tmp_path / "plan.yaml"
    text = (ROOT / "plan.yaml").read_text(encoding="utf-8")
    process = worker.Worker(worker.LATER)
    assert worker.LATER == "spawn"
    try:
        for n, content in enumerate([text, text.replace("rolle: oekonomimedarbejder", "rolle: x_y", 1), text]):
            plan.write_text(content, encoding="utf-8")
            job = worker.Job(process, plan, ROOT / "docs", [].append)
            try:
                if n == 1:
                    with pytest.raises(worker.PlanError):
                        job.result()
                    continue
                result = job.result()
                for path in result.pages:
                    job.wait_for_page(path)
                job.wait_for_downloads()
                assert job.fallback is None
            finally:
                assert job.close()
        assert process.alive()
    finally:
        process.close()


def test_the_first_worker_is_forked_on_linux_and_any_later_one_spawned():
    assert ("fork" if sys.platform.startswith("linux") else "spawn") == worker.FIRST
    assert worker.LATER == "spawn"


def test_with_one_processor_it_renders_in_process(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert worker.worth_a_worker()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert not worker.worth_a_worker()
    assert isinstance(worker.start(None, ROOT / "plan.yaml", ROOT / "docs", print), worker.InProcess)
