"""MkDocs adapter: adds the pages rendered from plan.yaml as generated files.

Configure in mkdocs.yml:

    plugins:
      - konverteringsplan:
          plan: plan.yaml
          mappe: konvertering   # optional: every generated page, download and nav entry under docs' konvertering/
          navn: Konvertering af sager   # with mappe: the nav section's title

Inside an existing site (``mappe``) the site's own pages, front page and nav stay theirs: the generated
nav becomes one section after theirs. What the generated pages need from mkdocs.yml (the Material theme,
the Markdown extensions, the slug function the anchors are written for) is checked in ``on_config``;
whatever is missing is named in one Danish message with the YAML to add.

Generated pages never touch docs/ (that would make `mkdocs serve` rebuild forever); they
are added in ``on_files`` with ``File.generated``. A hand-written page with the same path
is an error, never overwritten. ``on_serve`` watches plan.yaml and the templates.

The rendering itself runs beside MkDocs in a worker process (generator/adapters/worker.py) that lives
from ``on_startup`` to ``on_shutdown``; set ``parallel: false`` to render in the MkDocs process.

Under ``mkdocs serve`` a plan with errors does not stop the build: every generated page shows the
errors (``planfejl.md.j2``) until a save fixes them. ``mkdocs build`` stops with the errors.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..io.cpr import RAW_IN_THEME, scan_config, scan_text
from ..messages import Message, PlanError
from ..pages import TEMPLATES
from ..pages.markdown import html_nav, html_text
from ..texts import commands as wording
from ..texts import reading as say
from ..texts import site as texts
from . import worker

log = logging.getLogger("mkdocs.plugins.konverteringsplan")


def error_page(messages: list) -> str:
    """The Danish page that stands in for every generated page while the plan has errors (serve)."""
    from ..pages.templating import render_template  # Jinja and Babel only when there are errors to show

    return render_template("planfejl.md.j2", messages=messages)


def _failed(exc: PlanError) -> str:
    return wording.PLAN_FAILED.format(errors=str(exc))  # every Message is masked (messages.py)


def _config_texts(value, path: str = ""):
    """Every string in the parts of the MkDocs configuration that reach a page (site_name, extra, ...)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _config_texts(k, path) if isinstance(k, str) else ()
            yield from _config_texts(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _config_texts(v, f"{path}[{i + 1}]")


SHOWN_CONFIG = ("site_name", "site_description", "site_author", "copyright", "repo_name", "extra", "nav")


# What the generated pages use: admonitions (!!!), details (???), fenced blocks, task lists, attribute lists
# ({ .md-button }), tables, abbreviations (the glossary) and Markdown inside HTML (the checklists).
NEEDED_EXTENSIONS = (
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
)
# The anchors in the pages are written for pymdownx.slugs.slugify(case="lower"): Danish letters kept.
SLUG_PROBE = wording.MKDOCS_SLUG_PROBE
NEEDED_SNIPPET = """\
theme:
  name: material
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tasklist:
      custom_checkbox: true"""


def missing_for_pages(config) -> list[str]:
    """What the generated pages need and this MkDocs configuration lacks (Danish, one item each)."""
    missing = []
    if config.theme.name != "material":
        missing.append(wording.MKDOCS_NEEDS_THEME)
    missing += [
        wording.MKDOCS_NEEDS_EXTENSION.format(name=n) for n in NEEDED_EXTENSIONS if n not in config.markdown_extensions
    ]
    slugify = config.mdx_configs.get("toc", {}).get("slugify")
    try:
        right = slugify is not None and slugify(SLUG_PROBE[0], "-") == SLUG_PROBE[1]
    except Exception:  # a slug function of the user's own that does not take these arguments
        right = False
    if not right:
        missing.append(wording.MKDOCS_NEEDS_SLUGIFY)
    return missing


def mounted(prefix: str, nav: list) -> list:
    """The generated nav with every page path under the folder `prefix` ("" leaves it as it is)."""
    if not prefix:
        return nav
    out: list = []
    for item in nav:
        if isinstance(item, dict):
            out.append({k: mounted(prefix, v) if isinstance(v, list) else f"{prefix}/{v}" for k, v in item.items()})
        else:
            out.append(f"{prefix}/{item}")
    return out


def serve_logger() -> logging.Logger:
    """``konverteringsplan.serve``: to stderr as MkDocs writes its log ("WARNING -  text"), and not
    passed on to the ``mkdocs`` logger, whose handler counts warnings for ``strict``."""
    logger = logging.getLogger("konverteringsplan.serve")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger


class KonverteringsplanConfig(base.Config):
    plan = c.Type(str, default="plan.yaml")
    parallel = c.Type(bool, default=True)  # render in a worker process beside MkDocs (Linux)
    # Inside an existing site: the folder (under docs_dir) that every generated page and download goes in,
    # and the title of the nav section that holds them, after the site's own nav.
    mappe = c.Type(str, default="")
    navn = c.Type(str, default=wording.MOUNT_NAV_TITLE)


class KonverteringsplanPlugin(BasePlugin[KonverteringsplanConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.command = "build"
        self.terminal = log
        # Worker trouble and plan warnings: a warning under serve; information in a build, which is still right
        # and complete, so that `mkdocs build --strict` passes (`validate` and the front page show them).
        self.notice = log.info
        self.worker: worker.Worker | None = None
        self.job: worker.InProcess | worker.Job | None = None
        self.last_pages: list[str] = []  # the last good build's pages and nav: under serve, a broken plan
        self.last_nav: list = []  # shows its errors on each of them
        self.prefix = ""  # the folder the generated pages are mounted in (option mappe), "" at the top

    def on_startup(self, *, command, dirty) -> None:
        # The plugin object now lives as long as the mkdocs command, and so does the worker.
        self.command = command
        if command == "serve":
            # Plan errors and warnings go to the terminal at their own level, but outside the count that
            # `strict: true` stops a build on: under serve that stop would leave the server hanging until
            # the plan is fixed, which is what the error pages are for. (`mkdocs build` still fails.)
            # A logger of our own with a handler of our own (documented logging only), in MkDocs' layout.
            self.terminal = serve_logger()
            self.notice = self.terminal.warning
        self._start_worker(worker.FIRST)  # before MkDocs starts any thread (see worker.py)

    def on_shutdown(self) -> None:
        self._close()
        if self.worker is not None:
            self.worker.close()
            self.worker = None

    def _start_worker(self, method: str = worker.LATER) -> None:
        if self.worker is not None and not self.worker.alive():
            self.worker.close()
            self.worker = None
        if self.worker is None and self.config.parallel and worker.worth_a_worker():
            try:
                self.worker = worker.Worker(method)
            except OSError:  # no process to spare: render in this process
                self.worker = None

    @event_priority(100)  # before the other plugins' on_config (search takes 20 ms): the worker starts sooner
    def on_config(self, config):
        self.plan_path = Path(config.config_file_path or ".").parent / self.config.plan
        folder = self.config.mappe.strip().strip("/")
        if folder and (".." in folder.split("/") or "\\" in folder or ":" in folder):
            raise PluginError(wording.MOUNT_BAD_FOLDER.format(folder=self.config.mappe))
        self.prefix = folder
        missing = missing_for_pages(config)
        if missing:
            raise PluginError(wording.MKDOCS_NEEDS.format(missing="; ".join(missing), snippet=NEEDED_SNIPPET))
        self.user_nav = config.nav
        self.abbreviations = ""
        self._close()
        # The CPR guard on mkdocs.yml (as written and as YAML reads it) and on the values MkDocs
        # resolved (!ENV included): site_name, copyright and extra are on every page.
        config_file = Path(config.config_file_path) if config.config_file_path else None
        found = scan_config(config_file)
        name = config_file.name if config_file else "mkdocs.yml"
        for key in SHOWN_CONFIG:
            for where, text in _config_texts(config.get(key), key):
                found += [
                    Message(name, 0, 0, where, m.text)
                    for m in scan_text(text, name)
                    if not any(f.text == m.text for f in found)
                ]
        # The theme prints site_name unescaped (<title>, the header): markup there would run on every page.
        # scan_config found it in the file; this finds it in the value MkDocs resolved (!ENV included).
        for key in RAW_IN_THEME:
            value = config.get(key)
            if isinstance(value, str) and any(ch in value for ch in "<>") and not any(f.key == key for f in found):
                found.append(Message(name, 0, 0, key, say.CONFIG_MARKUP))
        if found:
            raise PluginError(_failed(PlanError(found)))
        self._start_worker()
        # A worker that fails or hangs is said in the log (self.notice).
        self.job = worker.start(
            self.worker if self.config.parallel else None, self.plan_path, Path(config.docs_dir), self.notice
        )
        if isinstance(self.job, worker.Job) and self.worker is not None:
            how = wording.WORKER_FORKED if self.worker.method == "fork" else wording.WORKER_SPAWNED
            log.debug(wording.WORKER_RENDERS.format(how=how))
        return config

    @property
    def _job(self) -> worker.InProcess | worker.Job:
        """This build's render, which on_config starts before MkDocs calls any later event."""
        assert self.job is not None, "on_config starts the job"
        return self.job

    def _close(self) -> None:
        job, self.job = self.job, None
        if job is not None and not job.close() and self.worker is not None:
            self.worker.close()  # still busy with a build that ended, or failed: the next build gets a new one
            self.worker = None

    def on_files(self, files: Files, *, config) -> Files:
        waiting = time.perf_counter()
        try:
            result = self._job.result()
            if log.isEnabledFor(logging.DEBUG):  # `mkdocs build --verbose`: what the plan costs MkDocs' own time
                from ..formatting import number

                log.debug(wording.PAGE_LIST_WAIT.format(seconds=number(time.perf_counter() - waiting, 2)))
        except PlanError as exc:
            if self.command != "serve":
                raise PluginError(_failed(exc)) from None
            return self._error_pages(files, config, exc.messages)
        for message in result.warnings:
            self.notice(str(message))
        own_nav = self._own_nav(files)
        try:
            generated: list[File] = [
                File.generated(config, self._mount(path), **self._job.source(path)) for path in result.pages
            ]
        except PlanError as exc:  # the CPR guard on a rendered page (rendered here when the worker failed)
            raise PluginError(_failed(exc)) from None
        generated += [
            File.generated(config, self._mount(path), abs_src_path=str(data))
            if isinstance(data, Path)
            else File.generated(config, self._mount(path), content=data)
            for path, data in result.downloads.items()
        ]
        # A hand-written file clashes when it has the same path, or becomes the same page in the site
        # (docs/sagsomfang/index.md and a generated sagsomfang.md are both sagsomfang/index.html);
        # compared without case, since Windows and macOS disks do not tell Index.md from index.md.
        own = {f.dest_uri.lower(): f for f in files}
        clashes = sorted(
            {
                wording.CLASH.format(handwritten=own[g.dest_uri.lower()].src_uri, generated=g.src_uri)
                for g in generated
                if g.dest_uri.lower() in own
            }
        )
        if clashes:
            raise PluginError(wording.MKDOCS_CLASHES.format(clashes="; ".join(clashes)))
        for file in generated:
            files.append(file)
        # The footer (overrides/partials/copyright.html) links to the accessibility statement.
        if result.statement:
            config.extra["tilgaengelighedserklaering"] = result.statement
        # ... and says when the content last changed and whom to contact (a date from the files, never the clock).
        config.extra["kp_sidefod"] = result.footer
        self.abbreviations = result.abbreviations
        config.nav = self._nav(html_nav(result.nav, markup=True), own_nav)  # the theme prints nav titles as HTML
        self.last_pages, self.last_nav = list(result.pages), result.nav
        return files

    def _mount(self, path: str) -> str:
        return f"{self.prefix}/{path}" if self.prefix else path

    def _unmount(self, path: str) -> str:
        return path.removeprefix(f"{self.prefix}/") if self.prefix else path

    def _own_nav(self, files: Files) -> list | None:
        """The site's own nav: as written in mkdocs.yml, or (mounted in a site without one) what MkDocs
        would make of its own pages, so the generated section can follow it."""
        if self.user_nav or not self.prefix:
            return self.user_nav
        from mkdocs.utils import nest_paths

        return nest_paths(f.src_uri for f in files.documentation_pages())

    def _nav(self, generated: list, own_nav: list | None) -> list:
        """Standalone: the generated nav first, then the hand-written pages. Mounted: the site's own nav,
        then one section holding the generated nav under the folder."""
        if not self.prefix:
            return generated + (own_nav or [])
        return (own_nav or []) + [{html_text(self.config.navn): mounted(self.prefix, generated)}]

    def _error_pages(self, files: Files, config, messages: list) -> Files:
        """Under serve: every generated page of the last good build (or the front page) shows the errors,
        so the browser says what is wrong at once; the next save that fixes the plan brings the site back."""
        for message in messages:
            self.terminal.error(str(message))
        markdown = error_page(messages)
        own = {f.src_uri for f in files}
        own_nav = self._own_nav(files)
        for path in self.last_pages or ["index.md"]:
            if self._mount(path) not in own:
                files.append(File.generated(config, self._mount(path), content=markdown))
        config.nav = self._nav(html_nav(self.last_nav, markup=True) if self.last_nav else ["index.md"], own_nav)
        return files

    def on_pre_page(self, page, *, config, files):
        try:
            self._job.wait_for_page(self._unmount(page.file.src_uri))  # MkDocs reads the page's file right after this
        except PlanError as exc:  # the CPR guard on a rendered page: before MkDocs writes anything
            raise PluginError(_failed(exc)) from None
        return page

    def on_env(self, env, *, config, files):
        try:
            self._job.wait_for_downloads()  # MkDocs copies them into the site right after this event
        except PlanError as exc:  # the CPR guard on a download
            raise PluginError(_failed(exc)) from None
        return env

    def on_post_build(self, *, config) -> None:
        self._close()

    def on_build_error(self, *, error) -> None:
        self._close()
        if isinstance(error, BuildError):  # MkDocs logs the error and then ends in English
            log.error(texts.BUILD_ABORTED)

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        # Hand-written pages get the glossary tooltips too (generated pages already have them).
        inside = not self.prefix or page.file.src_uri.startswith(f"{self.prefix}/")  # their own pages stay theirs
        if page.file.generated_by is None and self.abbreviations and inside:
            return markdown.rstrip() + "\n\n" + self.abbreviations + "\n"
        if page.file.generated_by is not None and page.title and not page.meta.get("title"):
            # The theme writes <title>{{ page.title | striptags }}</title>, and striptags un-escapes
            # the nav title ("&lt;/title&gt;" → "</title>"); a meta title is printed as it is.
            page.meta["title"] = page.title
        return markdown

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.plan_path))
        if (progress := self.plan_path.parent / "fremdrift.yaml").is_file():  # optional progress file
            server.watch(str(progress))
        server.watch(str(TEMPLATES))
        return server
