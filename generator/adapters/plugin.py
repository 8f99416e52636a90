"""MkDocs adapter: adds the pages rendered from plan.yaml as generated files.

Configure in mkdocs.yml:

    plugins:
      - konverteringsplan:
          plan: plan.yaml

Generated pages never touch docs/ (that would make `mkdocs serve` rebuild forever); they
are added in ``on_files`` with ``File.generated``. A hand-written page with the same path
is an error, never overwritten. ``on_serve`` watches plan.yaml and the templates.

The rendering itself runs beside MkDocs in a worker process where that is safe (generator/adapters/worker.py);
set ``parallel: false`` to render in the MkDocs process.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from . import worker
from .. import texts
from ..io.cpr import scan_config, scan_text
from ..messages import Message, PlanError
from ..pages import TEMPLATES
from ..pages.markdown import html_nav

log = logging.getLogger("mkdocs.plugins.konverteringsplan")


class StreamedPage(File):
    """A generated page whose Markdown is asked of the job when MkDocs first reads it (worker.py)."""

    @classmethod
    def of(cls, config, path: str, job) -> "StreamedPage":
        page = cls.generated(config, path, content="")
        page.job = job
        return page

    def _arrive(self) -> None:
        job, self.job = getattr(self, "job", None), None
        if job is not None:
            try:
                self._content = job.page(self.src_uri)
            except PlanError as exc:  # the CPR guard on the rendered page: before MkDocs writes anything
                raise PluginError(_failed(exc)) from None

    @property
    def content_string(self) -> str:
        self._arrive()
        return File.content_string.fget(self)

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.job = None
        File.content_string.fset(self, value)

    @property
    def content_bytes(self) -> bytes:
        self._arrive()
        return File.content_bytes.fget(self)

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.job = None
        File.content_bytes.fset(self, value)


def _failed(exc: PlanError) -> str:
    return "Planen kan ikke bygges:\n" + str(exc)  # every Message is masked (messages.py)


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


class KonverteringsplanConfig(base.Config):
    plan = c.Type(str, default="plan.yaml")
    parallel = c.Type(bool, default=True)  # render in a worker process beside MkDocs (Linux)


class KonverteringsplanPlugin(BasePlugin[KonverteringsplanConfig]):
    @event_priority(100)  # before the other plugins' on_config (search takes 20 ms): the worker starts sooner
    def on_config(self, config):
        self.plan_path = Path(config.config_file_path or ".").parent / self.config.plan
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
                found += [Message(name, 0, 0, where, m.text) for m in scan_text(text, name)
                          if not any(f.text == m.text for f in found)]
        if found:
            raise PluginError(_failed(PlanError(found)))
        self.job = worker.start(self.plan_path, Path(config.docs_dir), parallel=self.config.parallel)
        if isinstance(self.job, worker.Worker):
            log.debug("Siderne dannes i en separat proces, mens MkDocs indlæser temaet.")
        return config

    def _close(self) -> None:
        job, self.job = getattr(self, "job", None), None
        if job is not None:
            job.close()

    def on_files(self, files: Files, *, config) -> Files:
        try:
            result = self.job.result()
        except PlanError as exc:
            raise PluginError(_failed(exc)) from None
        for message in result.warnings:
            log.info(str(message))  # warnings are for `validate`; --strict builds must still pass
        generated: list[File] = [StreamedPage.of(config, path, self.job) for path in result.pages]
        generated += [File.generated(config, path, abs_src_path=str(data)) if isinstance(data, Path)
                      else File.generated(config, path, content=data) for path, data in result.downloads.items()]
        # A hand-written file clashes when it has the same path, or becomes the same page in the site
        # (docs/sagsomfang/index.md and a generated sagsomfang.md are both sagsomfang/index.html);
        # compared without case, since Windows and macOS disks do not tell Index.md from index.md.
        own = {f.dest_uri.lower(): f for f in files}
        clashes = sorted({f"docs/{own[g.dest_uri.lower()].src_uri} (genereret: {g.src_uri})"
                          for g in generated if g.dest_uri.lower() in own})
        if clashes:
            raise PluginError(
                "Disse håndskrevne filer i docs/ har samme sti på sitet som sider, der dannes ud fra planen: "
                + "; ".join(clashes)
                + ". Omdøb eller flyt den håndskrevne fil; den bliver aldrig overskrevet af en genereret side."
            )
        for file in generated:
            files.append(file)
        # The footer (overrides/partials/copyright.html) links to the accessibility statement.
        if result.statement:
            config.extra["tilgaengelighedserklaering"] = result.statement
        self.abbreviations = result.abbreviations
        config.nav = html_nav(result.nav) + (self.user_nav or [])  # the theme prints nav titles as HTML
        return files

    def on_env(self, env, *, config, files):
        try:
            self.job.wait_for_downloads()  # MkDocs copies them into the site right after this event
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
        if page.file.generated_by is None and self.abbreviations:
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
