"""Runs the generator beside MkDocs instead of in front of it, with documented MkDocs API only.

A cold ``mkdocs build`` spends most of the generator's time importing pydantic, loading the plan and
writing the downloads (openpyxl, icalendar). The MkDocs plugin therefore starts a worker process in
``on_startup`` (a fresh interpreter, ``python -m konverteringsplan.adapters.worker``: no fork of a process that
may hold threads) and stops it in ``on_shutdown``. For each build, from ``on_config``:

1. While MkDocs finishes loading its configuration and collects the files in ``docs/``, the worker
   checks and analyses the plan and sends the list of pages. The plugin waits for it in ``on_files`` and
   adds every page with ``File.generated(config, path, abs_src_path=...)``: a file in the job's
   temporary folder that MkDocs reads when it needs the Markdown.
2. The worker then writes the pages in the order MkDocs reads them; the plugin waits for each one in
   ``on_pre_page``, just before MkDocs reads it, so MkDocs works on one page while the worker writes
   the next.
3. While MkDocs turns the pages into HTML, the worker writes the downloads. The plugin waits for them
   in ``on_env``, just before MkDocs copies them into the site.

Under ``mkdocs serve`` the same process serves every rebuild, warm: imports done, templates compiled.

The result is the same as rendering in the MkDocs process (a test builds both ways and compares the
sites). Where a worker is not worth it (one processor, no POSIX pipes) or the plugin's ``parallel``
option is false, everything runs in the MkDocs process. If the worker dies, or says nothing for
``TIMEOUT`` seconds, the plugin says so in the log and renders what is missing in its own process.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import warnings as pywarnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from ..messages import Message, PlanError
from ..pages.markdown import link_url
from ..texts import commands as wording

if TYPE_CHECKING:  # the MkDocs process should not import pydantic for the worker's sake (see render_result)
    from ..pages.common import Output

PAGES = ".pages"  # the job folder's subfolder for rendered pages (downloads keep their site paths)
# Seconds to wait for one message from the worker. The longest gaps measured between two messages are at
# factor 50, on two processors with a load average of 6-9: the page list 0.8-2.4 s after the start, the
# downloads 1.4-2.8 s after the last page. Ten seconds is over three times the longest, far from the
# 120 s it used to be.
TIMEOUT = 10.0
_HEADER = struct.Struct("!I")


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
    """A second processor to run on (with one, a worker only adds its start) and POSIX pipes to wait on
    with a time limit (``select``; not on Windows)."""
    return os.name == "posix" and len(_processors()) >= 2


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
# The worker process (python -m konverteringsplan.adapters.worker)
# ---------------------------------------------------------------------------------------------


def _send(stream, message: tuple) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _job(replies, plan_path: Path, docs_dir: Path | None, folder: Path) -> None:
    """One render: the page list, each page as a file, then the downloads, each step announced."""
    try:
        try:
            result, output = render_result(plan_path, docs_dir)
        except PlanError as exc:
            _send(replies, ("error", exc.messages))  # an exception with its own __init__ does not pickle
            return
        result.downloads = {path: folder / path for path in output.downloads}
        _send(replies, ("pages", result))
        for page in output.pages:
            _write(folder / PAGES / page.path, page.markdown.encode("utf-8"))
            _send(replies, ("page", page.path))
        for path, make in output.downloads.items():
            _write(folder / path, make())
        _send(replies, ("downloads", None))
    except Exception:
        _send(replies, ("crash", traceback.format_exc()))


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def serve(requests, replies) -> None:
    """Serve render requests until the requests stream ends (the MkDocs process ended or stopped us)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the MkDocs process's to handle; it stops us
    pywarnings.simplefilter("ignore")  # a library's warning is English and may quote the plan: never shown
    from .. import build  # noqa: F401 - import pydantic and the generator while MkDocs loads its config

    while True:
        try:
            plan_path, docs_dir, folder = pickle.load(requests)
        except EOFError:
            return
        # The collector is off during a job: it frees nearly everything by reference counting, and the
        # collector's passes over the plan's many small objects cost a tenth of its time.
        gc.disable()
        try:
            _job(replies, plan_path, docs_dir, folder)
        finally:
            gc.enable()
            gc.collect()  # after the last reply: MkDocs is still converting pages


def main() -> int:
    """The spawned worker. Replies go to a copy of stdout; stdout itself then points at stderr, so that
    nothing a library prints can end up inside a reply."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve(sys.stdin.buffer, replies)
    return 0


def single_threaded() -> bool:
    """Linux, and this process has one thread, native threads included (``/proc/self/task`` lists them all):
    then a fork cannot leave a lock held by another thread in the child."""
    try:
        return sys.platform.startswith("linux") and len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class Forked:
    """A forked worker process, with the few methods of ``subprocess.Popen`` that ``Worker`` uses."""

    def __init__(self) -> None:
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        self.returncode: int | None = None
        self.pid = os.fork()
        if self.pid == 0:  # the child: serve, then leave without running the parent's exit handlers
            code = 0
            try:
                os.close(request_w)
                os.close(reply_r)
                serve(os.fdopen(request_r, "rb"), os.fdopen(reply_w, "wb"))
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(request_r)
        os.close(reply_w)
        self.stdin, self.stdout = os.fdopen(request_w, "wb"), os.fdopen(reply_r, "rb")

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while (code := self.poll()) is None:
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("worker", timeout)
            time.sleep(0.01)
        return code


# ---------------------------------------------------------------------------------------------
# The plugin's side
# ---------------------------------------------------------------------------------------------


class Stalled(Exception):
    """The worker said nothing for TIMEOUT seconds, or stopped without an answer."""


class Worker:
    """The worker process: one per ``mkdocs`` invocation, serving one build at a time."""

    def __init__(self, fork: bool | None = None) -> None:
        """Forked when this process has a single thread (it inherits MkDocs' imports: YAML, Jinja), else a
        fresh interpreter."""
        if single_threaded() if fork is None else fork:
            self.process: Forked | subprocess.Popen[bytes] = Forked()
        else:
            root = str(Path(__file__).resolve().parents[2])  # the folder that holds the generator package
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
            self.process = subprocess.Popen(
                [sys.executable, "-m", "konverteringsplan.adapters.worker"],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        requests, replies = self.process.stdin, self.process.stdout
        if requests is None or replies is None:  # pragma: no cover - both are pipes
            raise OSError("worker pipes")
        self.requests: IO[bytes] = requests
        self.replies: IO[bytes] = replies
        self.busy = False

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, request: tuple[Path, Path | None, Path]) -> None:
        self.requests.write(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
        self.requests.flush()
        self.busy = True

    def _read(self, size: int, timeout: float) -> bytes:
        fd, data = self.replies.fileno(), b""
        while len(data) < size:
            if not select.select([fd], [], [], timeout)[0]:
                raise Stalled(f"{timeout:g}")
            chunk = os.read(fd, size - len(data))
            if not chunk:
                raise Stalled("")
            data += chunk
        return data

    def receive(self, timeout: float) -> tuple[str, object]:
        (size,) = _HEADER.unpack(self._read(_HEADER.size, timeout))
        kind, value = pickle.loads(self._read(size, timeout))
        if kind in ("error", "downloads", "crash"):
            self.busy = False
        return kind, value

    def close(self) -> None:
        if not self.requests.closed:
            with contextlib.suppress(OSError):
                self.requests.close()  # the worker ends at the end of its input
        self.process.kill()  # every reply has been read or is no longer wanted: no need to wait for its exit
        self.process.wait(timeout=5)
        self.replies.close()


class Job:
    """One build's render in the worker; falls back to this process if the worker fails."""

    def __init__(self, worker: Worker, plan_path: Path, docs_dir: Path | None, say: Callable[[str], None]):
        self.worker, self.plan_path, self.docs_dir, self.say = worker, plan_path, docs_dir, say
        self.folder = Path(tempfile.mkdtemp(prefix="konverteringsplan-"))
        self.fallback: InProcess | None = None
        self.ready: set[str] = set()  # pages the worker has written
        self.pages: list[str] = []
        self.downloads_done = False
        try:
            worker.send((plan_path, docs_dir, self.folder))
        except OSError:  # the worker has gone
            self._take_over("stopped")

    def _receive(self) -> tuple[str, object]:
        if self.fallback is not None:
            return "fallback", None
        try:
            return self.worker.receive(TIMEOUT)
        except Stalled as stall:
            self._take_over(str(stall) or "stopped")
            return "fallback", None

    def _take_over(self, why: str) -> None:
        """Render here (which shows the real error, or just works); files the worker did not write are written here."""
        if why == "stopped":
            self.say(wording.WORKER_STOPPED)
        elif why != "crash":
            self.say(wording.WORKER_SILENT.format(seconds=why))
        self.worker.process.kill()
        self.fallback = InProcess(self.plan_path, self.docs_dir)

    @property
    def _here(self) -> InProcess:
        """The render in this process, once ``_take_over`` has started it (only read after that)."""
        assert self.fallback is not None, "read only after _take_over"
        return self.fallback

    def result(self) -> Result:
        kind, value = self._receive()
        if kind == "error":
            raise PlanError(cast("list[Message]", value), ordered=True)  # the order build.py gave: causes first
        if kind == "pages":
            result = cast(Result, value)
            self.pages = result.pages
            return result
        if kind == "crash":
            self._take_over("crash")
        return self._here.result()

    def source(self, path: str) -> dict[str, str]:
        if not self.pages:  # the fallback made the page list: its pages are in memory
            return self._here.source(path)
        return {"abs_src_path": str(self.folder / PAGES / path)}

    def wait_for_page(self, path: str) -> None:
        """Return once the worker has written the page (it writes them in navigation order)."""
        if path not in self.pages:
            return
        while path not in self.ready and self.fallback is None:
            kind, value = self._receive()
            if kind == "page":
                self.ready.add(cast(str, value))
            elif kind == "crash":
                self._take_over("crash")
        if path not in self.ready:
            self._write_missing()

    def _write_missing(self) -> None:
        if not self._here.rendered:
            self._here.result()
        for page in self.pages:
            if page not in self.ready:
                _write(self.folder / PAGES / page, self._here.source(page)["content"].encode("utf-8"))
                self.ready.add(page)

    def wait_for_downloads(self) -> None:
        if not self.pages or self.downloads_done:  # the fallback made the page list: downloads are in memory
            return
        self.wait_for_page(self.pages[-1])  # the pages come first
        if self.fallback is None:
            kind, _ = self._receive()
            if kind == "downloads":
                self.downloads_done = True
                return
            if kind == "crash":
                self._take_over("crash")
        # The worker failed after it named the files: make them here, where the site expects them.
        if not self._here.downloads:
            self._here.result()
        for path, data in self._here.downloads.items():
            _write(self.folder / path, data)
        self.downloads_done = True

    def close(self) -> bool:
        """Remove the job's files; False when the worker is still busy with it or failed (replace it)."""
        shutil.rmtree(self.folder, ignore_errors=True)
        return self.fallback is None and not self.worker.busy


def start(worker: Worker | None, plan_path: Path, docs_dir: Path | None, say: Callable[[str], None]) -> InProcess | Job:
    if worker is None:
        return InProcess(plan_path, docs_dir)
    return Job(worker, plan_path, docs_dir, say)


if __name__ == "__main__":
    from . import worker  # the module under its own name, so that what it pickles is found by the plugin

    raise SystemExit(worker.main())
