"""Runs the generator beside MkDocs instead of in front of it.

A cold ``mkdocs build`` spends most of the generator's time importing pydantic, loading the plan and
writing the downloads (openpyxl, icalendar). On Linux the MkDocs plugin therefore forks a worker
process as soon as it knows its configuration:

1. While MkDocs finishes loading its configuration and collects the files in ``docs/``, the worker
   imports the generator, checks and analyses the plan and renders the pages. The plugin waits for
   them in ``on_files``.
2. While MkDocs turns those pages into HTML, the worker writes the downloads into a temporary folder.
   The plugin waits for them in ``on_env``, just before MkDocs copies them into the site.

The result is the same as rendering in the MkDocs process (a test builds both ways and compares the
sites). Where forking is not safe (not Linux, or other threads are running, as under ``mkdocs serve``
after the first build) or the plugin's ``parallel`` option is false, everything runs in the MkDocs
process as before. If the worker dies, the plugin renders in its own process, which shows the real
error.
"""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .messages import Message, PlanError


@dataclass
class Result:
    """What the MkDocs plugin needs from a render, as plain data that crosses a process boundary."""

    pages: dict[str, str]  # path in the site → Markdown
    nav: list
    warnings: list[Message]
    abbreviations: str  # glossary tooltips for the hand-written pages
    statement: str | None  # the municipality's accessibility statement (footer link)
    downloads: dict[str, bytes | Path] = field(default_factory=dict)  # path → content, or the file that holds it


def render_result(plan_path: Path, docs_dir: Path | None):
    """Guard, load, check, analyse and render; returns (Result without downloads, Output)."""
    from .build import build_output

    output, warnings, abbreviations = build_output(plan_path, docs_dir)
    statement = output.plan.municipality.accessibility_statement
    return Result({p.path: p.markdown for p in output.pages}, output.nav, warnings, abbreviations,
                  str(statement) if statement else None), output


def can_fork() -> bool:
    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class InProcess:
    """Renders in this process, on first request."""

    def __init__(self, plan_path: Path, docs_dir: Path | None):
        self.plan_path, self.docs_dir = plan_path, docs_dir

    def result(self) -> Result:
        result, output = render_result(self.plan_path, self.docs_dir)
        result.downloads = dict(output.files)
        return result

    def wait_for_downloads(self) -> None:
        pass

    def close(self) -> None:
        pass


def _work(conn, plan_path: Path, docs_dir: Path | None, folder: Path) -> None:
    """The worker process: send the pages, then write the downloads and say so."""
    try:
        try:
            result, output = render_result(plan_path, docs_dir)
        except PlanError as exc:
            conn.send(("error", exc.messages))  # an exception with its own __init__ does not pickle
            return
        result.downloads = {path: folder / path for path in output.downloads}
        conn.send(("pages", result))
        for path, make in output.downloads.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(make())
        conn.send(("downloads", None))
    except BaseException:  # noqa: BLE001 - reported to the parent, which renders again itself
        conn.send(("crash", traceback.format_exc()))
    finally:
        conn.close()


class Worker:
    """Renders in a forked process; see the module's docstring."""

    def __init__(self, plan_path: Path, docs_dir: Path | None):
        self.plan_path, self.docs_dir = plan_path, docs_dir
        self.folder = tempfile.TemporaryDirectory(prefix="konverteringsplan-")
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe(duplex=False)
        self.process = context.Process(target=_work, args=(child, plan_path, docs_dir, Path(self.folder.name)),
                                       daemon=True, name="konverteringsplan")
        self.process.start()
        child.close()
        self.fallback: InProcess | None = None

    def _receive(self) -> tuple[str, object]:
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return "crash", "the worker process stopped without an answer"

    def result(self) -> Result:
        kind, value = self._receive()
        if kind == "error":
            raise PlanError(value)
        if kind == "pages":
            return value
        self.fallback = InProcess(self.plan_path, self.docs_dir)  # shows the real error, or just works
        return self.fallback.result()

    def wait_for_downloads(self) -> None:
        if self.fallback is not None:
            return
        kind, value = self._receive()
        if kind != "downloads":  # writing a download failed: make them here, into the same files
            _, output = render_result(self.plan_path, self.docs_dir)
            for path, data in output.files.items():
                target = Path(self.folder.name) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)

    def close(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.folder.cleanup()


def start(plan_path: Path, docs_dir: Path | None, parallel: bool = True) -> InProcess | Worker:
    return Worker(plan_path, docs_dir) if parallel and can_fork() else InProcess(plan_path, docs_dir)
