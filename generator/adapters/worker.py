"""Runs the generator beside MkDocs instead of in front of it: a pool of one worker process
(``concurrent.futures.ProcessPoolExecutor``), with documented MkDocs API only.

A cold ``mkdocs build`` spends most of the generator's time importing pydantic, loading the plan and
writing the downloads (openpyxl, icalendar). The MkDocs plugin therefore starts the worker in
``on_startup`` and stops it in ``on_shutdown``. For each build it submits, from ``on_config``, in this
order (one worker runs them in that order):

1. ``prepare``: check and analyse the plan and return the page list. While the worker does that, MkDocs
   finishes loading its configuration and collects the files in ``docs/``. The plugin waits for the
   list in ``on_files`` and adds every page with ``File.generated(config, path, abs_src_path=...)``: a
   file in the job's temporary folder that MkDocs reads when it needs the Markdown.
2. ``write_page``, once per page in the order MkDocs reads them; the plugin waits for each one in
   ``on_pre_page``, just before MkDocs reads it, so MkDocs works on one page while the worker writes
   the next.
3. ``write_downloads``, while MkDocs turns the pages into HTML. The plugin waits for it in ``on_env``,
   just before MkDocs copies the downloads into the site.

The start method is chosen explicitly (``multiprocessing.get_context``). ``FIRST`` is the worker started
in ``on_startup``: on Linux ``"fork"``, since MkDocs has started no thread yet (in ``build`` and
``serve`` alike) and the fork inherits MkDocs' imports (YAML, Jinja); elsewhere ``"spawn"`` (macOS and
Windows do not fork safely). ``LATER`` is a worker started after that (a replacement under ``serve``,
whose server threads run by then, or a build without ``on_startup``): always ``"spawn"``, a fresh
interpreter that multiprocessing starts with this process's ``sys.path``.

Under ``mkdocs serve`` the same worker serves every rebuild, warm: imports done, templates compiled.
The result is the same as rendering in the MkDocs process (a test builds both ways and compares the
sites). Where a worker is not worth it (one processor) or the plugin's ``parallel`` option is false,
everything runs in the MkDocs process. If the worker dies (``BrokenProcessPool``) the plugin says so in
the log; if it dies or a task fails, the plugin renders what is missing in its own process (which shows
the real error, or just works). There is no time limit: what the worker cannot finish, the MkDocs
process could not either.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import warnings as pywarnings
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import Message, PlanError
from ..pages.markdown import link_url
from ..texts import commands as wording

if TYPE_CHECKING:  # the MkDocs process should not import pydantic for the worker's sake (see render_result)
    from ..pages.common import Output

PAGES = ".pages"  # the job folder's subfolder for rendered pages (downloads keep their site paths)
FIRST = "fork" if sys.platform.startswith("linux") else "spawn"  # the worker started in on_startup
LATER = "spawn"  # any worker started after on_startup, when MkDocs may run threads


@dataclass
class Result:
    """What the MkDocs plugin needs from a render, as plain data that crosses a process boundary."""

    pages: list[str]  # paths in the site, in navigation order
    nav: list
    warnings: list[Message]
    abbreviations: str  # glossary tooltips for the hand-written pages
    statement: str | None  # the municipality's accessibility statement (footer link)
    downloads: Mapping[str, bytes | Path] = field(default_factory=dict)  # path → content, or the file that holds it
    footer: dict[str, str] = field(default_factory=dict)  # "Sidst ændret" and "Kontakt" under every page


def render_result(plan_path: Path, docs_dir: Path | None) -> tuple[Result, Output]:
    """Guard, load, check, analyse and render; returns (Result without downloads, Output).

    Imported here, not at the top: the MkDocs process imports this module, and should not pay for
    pydantic when the worker does the work."""
    from ..build import build_output

    with pywarnings.catch_warnings():  # a library's warning is English and may quote the plan: never shown
        pywarnings.simplefilter("ignore")
        output, warnings, abbreviations = build_output(plan_path, docs_dir)
    statement = output.plan.municipality.accessibility_statement if output.plan else None
    return Result(
        [p.path for p in output.pages],
        output.nav,
        warnings,
        abbreviations,
        str(link_url(statement)) if statement else None,
        footer=dict(output.footer),
    ), output


def worth_a_worker() -> bool:
    """A second processor to run on: with one, a worker only adds its start."""
    return len(_processors()) >= 2


def _processors() -> set[int]:
    try:
        return os.sched_getaffinity(0)
    except AttributeError:  # macOS
        return set(range(os.cpu_count() or 1))


# ---------------------------------------------------------------------------------------------
# Rendering in the MkDocs process
# ---------------------------------------------------------------------------------------------


class InProcess:
    """Renders in this process: every page given to MkDocs as content in memory."""

    def __init__(self, plan_path: Path, docs_dir: Path | None):
        self.plan_path, self.docs_dir = plan_path, docs_dir
        self.rendered: dict = {}  # path → Page; its Markdown is rendered when first asked for
        self.downloads: dict[str, bytes] = {}

    def result(self) -> Result:
        result, output = render_result(self.plan_path, self.docs_dir)
        result.downloads = self.downloads = dict(output.files)
        self.rendered = {p.path: p for p in output.pages}
        return result

    def source(self, path: str) -> dict:
        """How MkDocs gets the page: keyword arguments for ``File.generated``."""
        return {"content": self.rendered[path].markdown}

    def wait_for_page(self, path: str) -> None:
        pass

    def wait_for_downloads(self) -> None:
        pass

    def close(self) -> bool:
        return True


# ---------------------------------------------------------------------------------------------
# In the worker process: the tasks the plugin submits, in this order, for each build
# ---------------------------------------------------------------------------------------------

_job: dict = {}  # the build being written: its Output, its pages by path and its folder


def _started() -> None:
    """The worker's start (the pool's initializer): Ctrl-C is the MkDocs process's to handle (it stops
    the pool), and pydantic and the generator are imported while MkDocs loads its configuration."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pywarnings.simplefilter("ignore")  # a library's warning is English and may quote the plan: never shown
    from .. import build  # noqa: F401


def prepare(plan_path: Path, docs_dir: Path | None, folder: Path) -> Result | list[Message]:
    """Guard, load, check, analyse; the page list, or the plan's errors (in the order build.py gave)."""
    # The collector is off during a job: it frees nearly everything by reference counting, and the
    # collector's passes over the plan's many small objects cost a tenth of its time.
    gc.disable()
    _job.clear()
    try:
        result, output = render_result(plan_path, docs_dir)
    except PlanError as exc:
        gc.enable()
        return exc.messages  # an exception with its own __init__ does not pickle
    result.downloads = {path: folder / path for path in output.downloads}
    _job.update(output=output, pages={p.path: p for p in output.pages}, folder=folder)
    return result


def write_page(path: str) -> None:
    _write(_job["folder"], f"{PAGES}/{path}", _job["pages"][path].markdown.encode("utf-8"))


def write_downloads() -> None:
    try:
        for path, make in _job["output"].downloads.items():
            _write(_job["folder"], path, make())
    finally:
        _job.clear()
        gc.enable()
        gc.collect()  # after the last task: MkDocs is still converting pages


def _write(folder: Path, path: str, data: bytes) -> None:
    """Written whole or not at all (the MkDocs process may write the same file when the worker fails),
    and only while the build's folder is there (a build that ended removes it)."""
    if not folder.is_dir():
        return
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    part.write_bytes(data)
    os.replace(part, target)


# ---------------------------------------------------------------------------------------------
# The plugin's side
# ---------------------------------------------------------------------------------------------


class Worker:
    """The worker: a process pool of one, serving one build at a time, started with ``method``."""

    def __init__(self, method: str = LATER) -> None:
        self.method = method
        self.pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context(method), initializer=_started
        )
        self.broken = False
        self.pool.submit(gc.collect)  # start it now, not at the first build's first task

    def alive(self) -> bool:
        return not self.broken

    def submit(self, task: Callable, *args) -> Future:
        try:
            return self.pool.submit(task, *args)
        except (BrokenProcessPool, RuntimeError):  # it died, or was shut down
            self.broken = True
            raise

    def close(self) -> None:
        """Stop the worker once its current task is done; tasks not yet started are dropped. It waits for that
        task: a pool shut down without waiting can make the interpreter's exit print a traceback (its wake-up
        pipe is closed before concurrent.futures' exit handler writes to it, Python 3.11)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


class Job:
    """One build's render in the worker; falls back to this process if the worker fails."""

    def __init__(self, worker: Worker, plan_path: Path, docs_dir: Path | None, say: Callable[[str], None]):
        self.worker, self.plan_path, self.docs_dir, self.say = worker, plan_path, docs_dir, say
        self.folder = Path(tempfile.mkdtemp(prefix="konverteringsplan-"))
        self.fallback: InProcess | None = None
        self.pages: list[str] = []
        self.written: dict[str, Future] = {}  # page path → its write_page task
        self.downloads: Future | None = None
        self.downloads_done = False
        self.prepared: Future | None = None
        try:
            self.prepared = worker.submit(prepare, plan_path, docs_dir, self.folder)
        except (BrokenProcessPool, RuntimeError):
            self._take_over(stopped=True)

    def _wait(self, task: Future | None) -> bool:
        """Wait for a task; False (and this process takes over) when it failed or the worker died."""
        if self.fallback is not None or task is None:
            return False
        try:
            task.result()
            return True
        except BrokenProcessPool:
            self._take_over(stopped=True)
        except Exception:  # it failed in the worker: here it shows the real error, or just works
            self._take_over(stopped=False)
        return False

    def _take_over(self, stopped: bool) -> None:
        if stopped:
            self.worker.broken = True
            self.say(wording.WORKER_STOPPED)
        for task in [*self.written.values(), self.downloads]:
            if task is not None:
                task.cancel()
        self.fallback = InProcess(self.plan_path, self.docs_dir)

    @property
    def _here(self) -> InProcess:
        """The render in this process, once ``_take_over`` has started it (only read after that)."""
        assert self.fallback is not None, "read only after _take_over"
        return self.fallback

    def result(self) -> Result:
        if self.prepared is not None and self._wait(self.prepared):
            value = self.prepared.result()
            if isinstance(value, list):
                raise PlanError(value, ordered=True)  # the order build.py gave: causes first
            self.pages = value.pages
            try:
                self.written = {path: self.worker.submit(write_page, path) for path in self.pages}
                self.downloads = self.worker.submit(write_downloads)
            except (BrokenProcessPool, RuntimeError):
                self._take_over(stopped=True)
            return value
        return self._here.result()

    def source(self, path: str) -> dict[str, str]:
        if not self.pages:  # the fallback made the page list: its pages are in memory
            return self._here.source(path)
        return {"abs_src_path": str(self.folder / PAGES / path)}

    def wait_for_page(self, path: str) -> None:
        """Return once the page's file is written (by the worker, or here if it failed)."""
        if path in self.written and not self._wait(self.written[path]):
            self._write_missing()

    def _write_missing(self) -> None:
        if not self._here.rendered:
            self._here.result()
        for page in self.pages:
            if not (self.folder / PAGES / page).exists():
                _write(self.folder, f"{PAGES}/{page}", self._here.source(page)["content"].encode("utf-8"))

    def wait_for_downloads(self) -> None:
        if not self.pages or self.downloads_done:  # the fallback made the page list: downloads are in memory
            return
        self.wait_for_page(self.pages[-1])  # the pages come first
        if not self._wait(self.downloads):
            # The worker failed after it named the files: make them here, where the site expects them.
            if not self._here.downloads:
                self._here.result()
            for path, data in self._here.downloads.items():
                _write(self.folder, path, data)
        self.downloads_done = True

    def close(self) -> bool:
        """Remove the job's files; False when the worker failed (replace it). Tasks of a build that ended
        early are dropped; one already started finds its folder gone and writes nothing."""
        for task in [*self.written.values(), self.downloads]:
            if task is not None:
                task.cancel()
        shutil.rmtree(self.folder, ignore_errors=True)
        return self.fallback is None


def start(worker: Worker | None, plan_path: Path, docs_dir: Path | None, say: Callable[[str], None]) -> InProcess | Job:
    if worker is None:
        return InProcess(plan_path, docs_dir)
    return Job(worker, plan_path, docs_dir, say)
