"""Runs the generator beside MkDocs instead of in front of it.

A cold ``mkdocs build`` spends most of the generator's time importing pydantic, loading the plan and
writing the downloads (openpyxl, icalendar). On Linux the MkDocs plugin therefore forks a worker
process as soon as it knows its configuration:

1. While MkDocs finishes loading its configuration and collects the files in ``docs/``, the worker
   imports the generator, checks and analyses the plan and sends the list of pages. The plugin waits
   for that list in ``on_files``.
2. The worker then renders the pages in the order MkDocs reads them and sends each one; MkDocs works
   on the first page while the worker renders the next (a page is asked for with ``Worker.page``).
3. While MkDocs turns the pages into HTML, the worker writes the downloads into a temporary folder.
   The plugin waits for them in ``on_env``, just before MkDocs copies them into the site.

The result is the same as rendering in the MkDocs process (a test builds both ways and compares the
sites). Where forking is not safe or not worth it (not Linux, one processor, or other threads running,
as under ``mkdocs serve`` after the first build) or the plugin's ``parallel`` option is false,
everything runs in the MkDocs process as before. If the worker dies, the plugin renders in its own process, which shows the real
error.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import Message, PlanError
from ..pages.markdown import link_url


@dataclass
class Result:
    """What the MkDocs plugin needs from a render, as plain data that crosses a process boundary."""

    pages: list[str]  # paths in the site, in navigation order; the Markdown comes from the job's page()
    nav: list
    warnings: list[Message]
    abbreviations: str  # glossary tooltips for the hand-written pages
    statement: str | None  # the municipality's accessibility statement (footer link)
    downloads: dict[str, bytes | Path] = field(default_factory=dict)  # path → content, or the file that holds it


def render_result(plan_path: Path, docs_dir: Path | None):
    """Guard, load, check, analyse and render; returns (Result without downloads, Output)."""
    from ..build import build_output

    output, warnings, abbreviations = build_output(plan_path, docs_dir)
    statement = output.plan.municipality.accessibility_statement
    return Result([p.path for p in output.pages], output.nav, warnings, abbreviations,
                  str(link_url(statement)) if statement else None), output


def can_fork() -> bool:
    """Linux, a second processor to run on (with one, a worker only adds the fork's cost), and no other
    threads (forking a process with threads can leave a lock held for ever in the child)."""
    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and len(os.sched_getaffinity(0)) >= 2 and threading.active_count() == 1)


PAGES = ".pages"  # the worker's folder for rendered pages (downloads keep their site paths)
TIMEOUT = 120  # seconds to wait for one message from the worker (the whole render takes 1-2 s at 50 x)


class InProcess:
    """Renders in this process, on first request."""

    def __init__(self, plan_path: Path, docs_dir: Path | None):
        self.plan_path, self.docs_dir = plan_path, docs_dir
        self.pages: dict = {}  # path → render.Page
        self.downloads: dict[str, bytes] = {}

    def result(self) -> Result:
        result, output = render_result(self.plan_path, self.docs_dir)
        result.downloads = self.downloads = dict(output.files)
        self.pages = {p.path: p for p in output.pages}
        return result

    def page(self, path: str) -> str:
        return self.pages[path].markdown

    def wait_for_downloads(self) -> None:
        pass

    def close(self) -> None:
        pass


def _work(conn, plan_path: Path, docs_dir: Path | None, folder: Path) -> None:
    """The worker process: send the page list, write each page, then the downloads, and say so.

    Pages go through files, not the pipe: a pipe holds 64 KiB, and a worker blocked on a full pipe
    could not go on to the downloads until MkDocs had read the last page.

    The garbage collector is off: the worker lives a second or two, frees nearly everything by reference
    counting, and the collector's passes over the plan's many small objects cost a tenth of its time."""
    gc.disable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the MkDocs process's to handle; it stops us
    try:
        try:
            result, output = render_result(plan_path, docs_dir)
        except PlanError as exc:
            conn.send(("error", exc.messages))  # an exception with its own __init__ does not pickle
            return
        result.downloads = {path: folder / path for path in output.downloads}
        conn.send(("pages", result))
        for page in output.pages:
            _write(folder / PAGES / page.path, page.markdown.encode("utf-8"))
            conn.send(("page", page.path))
        for path, make in output.downloads.items():
            _write(folder / path, make())
        conn.send(("downloads", None))
    except BaseException:  # noqa: BLE001 - reported to the parent, which renders again itself
        try:
            conn.send(("crash", traceback.format_exc()))
        except OSError:  # the MkDocs process has gone: nobody to tell
            pass
    finally:
        conn.close()


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


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
        self.ready: set[str] = set()  # pages the worker has written
        self.pages: list[str] = []

    def _receive(self) -> tuple[str, object]:
        try:
            if self.conn.poll(TIMEOUT):
                return self.conn.recv()
            self.process.terminate()  # hung: a build should never wait for ever
            return "crash", f"the worker process gave no answer in {TIMEOUT} s"
        except (EOFError, OSError):
            return "crash", "the worker process stopped without an answer"

    def _take_over(self) -> Result:
        self.fallback = InProcess(self.plan_path, self.docs_dir)  # shows the real error, or just works
        return self.fallback.result()

    def result(self) -> Result:
        kind, value = self._receive()
        if kind == "error":
            raise PlanError(value, ordered=True)  # the order build.py gave: causes first
        if kind == "pages":
            self.pages = value.pages
            return value
        return self._take_over()

    def page(self, path: str) -> str:
        """A page's Markdown, waiting for the worker to send it (it sends them in navigation order)."""
        while path not in self.ready and self.fallback is None:
            kind, value = self._receive()
            if kind == "page":
                self.ready.add(value)
            else:  # the worker failed while rendering: render here instead
                self._take_over()
        if self.fallback is not None:
            return self.fallback.page(path)
        return (Path(self.folder.name) / PAGES / path).read_text(encoding="utf-8")

    def wait_for_downloads(self) -> None:
        if not self.pages:  # result() fell back, or had nothing: its downloads are in memory
            return
        self.page(self.pages[-1])  # the pages come first
        if self.fallback is None and self._receive()[0] == "downloads":
            return
        # The worker failed after it named the files: make them here, where the site expects them.
        files = self.fallback.downloads if self.fallback is not None else render_result(self.plan_path, self.docs_dir)[1].files
        for path, data in files.items():
            _write(Path(self.folder.name) / path, data)

    def close(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.folder.cleanup()


def start(plan_path: Path, docs_dir: Path | None, parallel: bool = True) -> InProcess | Worker:
    if parallel and can_fork():
        try:
            return Worker(plan_path, docs_dir)
        except OSError:  # no temporary folder, no process to spare: render in this process
            pass
    return InProcess(plan_path, docs_dir)
