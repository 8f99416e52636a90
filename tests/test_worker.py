"""The plugin renders in a worker process beside MkDocs (generator/adapters/worker.py): same site, same errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, private_temp
from generator.adapters import worker
from safety_support import copy_project

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker forks on Linux only")


def build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # conftest pins SOURCE_DATE_EPOCH and TMPDIR
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra, "-d", str(out)],
                          cwd=project, capture_output=True, text=True, encoding="utf-8", env=env)


def serial_config(project: Path) -> Path:
    """The project's mkdocs.yml with the plugin's parallel option off."""
    config = project / "mkdocs-serial.yml"
    config.write_text("INHERIT: mkdocs.yml\nplugins:\n  konverteringsplan:\n    plan: plan.yaml\n    parallel: false\n",
                      encoding="utf-8")
    return config


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_worker_builds_the_same_site_as_the_mkdocs_process(tmp_path):
    project = copy_project(tmp_path / "projekt")
    parallel = build(project, tmp_path / "parallel", "--verbose")
    assert parallel.returncode == 0, parallel.stderr
    # The worker runs where there are two processors to share (CI has two); with one it would only cost.
    assert ("Siderne dannes i en separat proces" in parallel.stderr) == (len(os.sched_getaffinity(0)) >= 2)
    serial = build(project, tmp_path / "serial", "--verbose", "-f", str(serial_config(project)))
    assert serial.returncode == 0, serial.stderr
    assert "Siderne dannes i en separat proces" not in serial.stderr

    a, b = tree(tmp_path / "parallel"), tree(tmp_path / "serial")
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    assert {"downloads/ressourceplan.xlsx", "downloads/ressourceplan.csv", "downloads/undervisning.ics"} <= set(a)
    # The run's own temp folder (conftest): what another build on the machine leaves is not seen here.
    assert not list(private_temp().glob("konverteringsplan-*/downloads")), \
        "the worker's temporary downloads are left behind"


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


def test_a_worker_that_dies_is_replaced_by_rendering_in_process(monkeypatch):
    """If the worker process is killed (out of memory, say), the build still gets every page and download."""
    monkeypatch.setattr(worker, "_work", lambda *args: os._exit(3))
    job = worker.Worker(ROOT / "plan.yaml", ROOT / "docs")
    try:
        result = job.result()
        pages = {path: job.page(path) for path in result.pages}
        job.wait_for_downloads()
    finally:
        job.close()
    serial = worker.InProcess(ROOT / "plan.yaml", ROOT / "docs")
    expected = serial.result()
    assert pages == {path: serial.page(path) for path in expected.pages}
    assert result.nav == expected.nav
    assert result.downloads == expected.downloads


def test_downloads_that_fail_in_the_worker_are_made_again_in_process(monkeypatch):
    from generator.pages import downloads

    parent, real = os.getpid(), downloads.xlsx

    def xlsx_failing_in_the_worker(table):
        if os.getpid() != parent:
            raise MemoryError("the worker ran out of memory")
        return real(table)

    monkeypatch.setattr(downloads, "xlsx", xlsx_failing_in_the_worker)
    job = worker.Worker(ROOT / "plan.yaml", ROOT / "docs")
    try:
        result = job.result()
        job.wait_for_downloads()
        made = {name: path.read_bytes() for name, path in result.downloads.items()}
    finally:
        job.close()
    assert made["downloads/ressourceplan.csv"].decode("utf-8-sig").startswith("Rolle;")
    assert made["downloads/ressourceplan.xlsx"] == real(downloads.rows(*_load_rows()))


def _load_rows():
    from generator.build import validate_plan
    from generator.analysis import analyse as figures_of

    plan, _ = validate_plan(ROOT / "plan.yaml", ROOT / "docs")
    return (figures_of(plan).planning.load, {r.id: r.name for r in plan.roles},
            {r.id: r.hourly_cost for r in plan.roles})


def test_a_worker_that_dies_while_rendering_pages_is_replaced_for_the_rest(monkeypatch):
    """The worker sent the page list, then died: the remaining pages and the downloads are made here."""
    from generator.pages import templating

    parent, real = os.getpid(), templating.render_template

    def dying_in_the_worker(template, **context):
        if os.getpid() != parent and template == "ordliste.md.j2":
            os._exit(9)
        return real(template, **context)

    monkeypatch.setattr("generator.pages.common.render_template", dying_in_the_worker)
    job = worker.Worker(ROOT / "plan.yaml", ROOT / "docs")
    try:
        result = job.result()
        pages = {path: job.page(path) for path in result.pages}
        job.wait_for_downloads()
        made = {name: path.read_bytes() for name, path in result.downloads.items()}
    finally:
        job.close()
    expected = worker.InProcess(ROOT / "plan.yaml", ROOT / "docs")
    assert pages == {path: expected.page(path) for path in expected.result().pages}
    assert set(made) == set(expected.downloads)
    assert made["downloads/ressourceplan.csv"] == expected.downloads["downloads/ressourceplan.csv"]


def test_a_worker_that_hangs_is_stopped_and_replaced(monkeypatch):
    import time

    monkeypatch.setattr(worker, "TIMEOUT", 1)
    monkeypatch.setattr(worker, "_work", lambda *args: time.sleep(60))
    job = worker.Worker(ROOT / "plan.yaml", ROOT / "docs")
    started = time.monotonic()
    try:
        result = job.result()
        first = job.page(result.pages[0])
    finally:
        job.close()
    assert time.monotonic() - started < 30
    assert not job.process.is_alive()
    assert "# Planlæg konvertering af sager" in first  # the front page, rendered in this process


def test_with_one_processor_or_other_threads_it_renders_in_process(monkeypatch):
    import threading

    plan, docs = ROOT / "plan.yaml", ROOT / "docs"
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    job = worker.start(plan, docs)
    job.close()
    assert isinstance(job, worker.Worker)  # two processors, no other threads: the worker
    assert isinstance(worker.start(plan, docs, parallel=False), worker.InProcess)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert isinstance(worker.start(plan, docs), worker.InProcess)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(threading, "active_count", lambda: 3)
    assert isinstance(worker.start(plan, docs), worker.InProcess)
