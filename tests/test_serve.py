"""`mkdocs serve` shows plan errors in the browser, at once, and comes back when the plan is fixed.

A real `mkdocs serve --livereload` on a free port, in a copied project; pages fetched over HTTP.
Every wait is a bounded poll; the server is stopped in a finally.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.run import stop
from conftest import ROOT, copy_project

pytestmark = pytest.mark.skipif(os.name != "posix", reason="stops the server with SIGINT")

WAIT = 180  # seconds: a bound for a loaded machine, not a timing claim


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(project: Path, log: Path):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


def fetch(url: str) -> str | None:
    """The page, or None while the server is not up. A stuck server fails the test (timeout)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except ConnectionError:
        return None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, ConnectionError):
            return None
        raise


def poll(url: str, wanted, log: Path) -> str:
    deadline = time.monotonic() + WAIT
    page = None
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and wanted(page):
            return page
        time.sleep(0.2)
    raise AssertionError(
        f"{url} never showed what was expected; last:\n{(page or '')[:2000]}\n"
        f"server log:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}"
    )


def broken(text: str) -> tuple[str, int]:
    """The example plan with an unknown role that carries markup; returns (text, its line)."""
    lines = text.splitlines()
    line = next(n for n, ln in enumerate(lines, 1) if ln.strip() == "rolle: oekonomimedarbejder")
    lines[line - 1] = lines[line - 1].replace("oekonomimedarbejder", "oekonomi<b>x</b>")
    return "\n".join(lines) + "\n", line


def is_error_page(line: int):
    def check(page: str) -> bool:
        return "Planen har fejl" in page and f"<td>{line}</td>" in page

    return check


def assert_error_page(page: str, line: int) -> None:
    assert "Planen har fejl" in page and "Siderne kan ikke dannes" in page
    assert "<td>plan.yaml</td>" in page and f"<td>{line}</td>" in page
    assert "oekonomi&lt;b&gt;x&lt;/b&gt;" in page  # the plan's text shown, escaped
    assert "<b>x</b>" not in page


def test_a_broken_plan_shows_its_errors_on_every_page_and_the_site_comes_back(tmp_path):
    text = (ROOT / "plan.yaml").read_text(encoding="utf-8")
    project = copy_project(tmp_path / "projekt")
    log = tmp_path / "serve.log"
    with serve(project, log) as url:
        roles = poll(url + "/roller/", lambda p: "Økonomimedarbejder" in p and "Planen har fejl" not in p, log)
        assert "Planen har fejl" not in roles

        bad, line = broken(text)
        (project / "plan.yaml").write_text(bad, encoding="utf-8")
        assert_error_page(poll(url + "/roller/", is_error_page(line), log), line)
        # Any other generated page is served at once (no "server will appear stuck"), with the same errors.
        for path in ("/", "/tidsplan/", "/undervisning/"):
            assert_error_page(fetch(url + path), line)

        (project / "plan.yaml").write_text(text, encoding="utf-8")
        back = poll(url + "/roller/", lambda p: "Planen har fejl" not in p and "Økonomimedarbejder" in p, log)
        assert "Økonomimedarbejder" in back
    assert "Traceback" not in log.read_text(encoding="utf-8", errors="replace")


def test_serve_started_with_a_broken_plan_shows_the_errors_and_then_the_site(tmp_path):
    text = (ROOT / "plan.yaml").read_text(encoding="utf-8")
    bad, line = broken(text)
    project = copy_project(tmp_path / "projekt", bad)
    log = tmp_path / "serve.log"
    with serve(project, log) as url:
        assert_error_page(poll(url + "/", is_error_page(line), log), line)
        (project / "plan.yaml").write_text(text, encoding="utf-8")
        front = poll(url + "/", lambda p: "Planen har fejl" not in p and "Nøgletal" in p, log)
        assert "Korsbæk" in front
        assert "Økonomimedarbejder" in fetch(url + "/roller/")
    server_log = log.read_text(encoding="utf-8", errors="replace")
    assert f"plan.yaml:{line}:" in server_log and "ERROR" in server_log
    assert "Traceback" not in server_log


def test_plan_warnings_are_warnings_under_serve_and_on_the_front_page(tmp_path):
    text = (
        (ROOT / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace("underviser: Ingeborg Skjern", "underviser: Frk. <i>Ukendt</i>", 1)
    )
    project = copy_project(tmp_path / "projekt", text)
    log = tmp_path / "serve.log"
    with serve(project, log) as url:
        front = poll(url + "/", lambda p: "Nøgletal" in p, log)
    assert "Til projektlederen: planen har 1 advarsel" in front
    assert "Frk. &lt;i&gt;Ukendt&lt;/i&gt;" in front and "<i>Ukendt</i>" not in front
    server_log = log.read_text(encoding="utf-8", errors="replace")
    assert any(ln.startswith("WARNING") and "Ukendt" in ln for ln in server_log.splitlines())
