"""Zensical adapter: the site without MkDocs plugins.

Zensical (the successor of Material for MkDocs) reads ``mkdocs.yml`` but runs no MkDocs plugins,
so the ``konverteringsplan`` plugin never adds the generated pages. This module prepares a
folder Zensical can build on its own:

    python -m konverteringsplan.adapters.zensical --out build/zensical
    zensical build -f build/zensical/mkdocs.yml

1. ``konverteringsplan render --out OUT/rendered`` (the same code a person runs, cli.render_to; the
   CPR guard and every validation rule run here, once, before anything is written; its output's nav
   and footer go into step 3).
2. ``OUT/docs``: the hand-written ``docs/`` and the rendered pages and downloads in one folder,
   replaced whole under the same policy as ``render --out`` (generator/adapters/output.py: only a
   folder the generator made, one run at a time, all or nothing). A hand-written page with the same
   address as a generated one stops, as in the MkDocs build, and leaves ``OUT/docs`` as it was.
3. ``OUT/mkdocs.yml``: the repo's ``mkdocs.yml`` with ``docs_dir`` and ``site_dir`` pointing
   into OUT, ``nav`` = generated nav + hand-written nav, the theme overrides kept, the footer's
   accessibility-statement link from the plan, and the MkDocs-only plugins left out.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from ..channel import clean_output
from ..messages import PlanError, os_error_text
from ..pages.markdown import front_matter_text, html_nav, link_url
from ..texts import commands as wording
from . import cli
from .output import MANIFEST, check_ours, replace_folder

# Plugins of this project (MkDocs entry points); Zensical would silently ignore them.
MKDOCS_ONLY_PLUGINS = ("konverteringsplan", "dansk-soegning")
NOT_PAGES = {"nav.json", MANIFEST}


class _Tagged:
    """A YAML value with a tag (``!ENV [...]``, ``!!python/object/apply:...``), kept as written."""

    def __init__(self, tag: str, node: yaml.Node, loader: yaml.Loader):
        self.tag = tag
        self.value: Any
        if isinstance(node, yaml.ScalarNode):
            self.kind, self.value = "scalar", loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            self.kind, self.value = "sequence", loader.construct_sequence(node, deep=True)
        elif isinstance(node, yaml.MappingNode):
            self.kind, self.value = "mapping", loader.construct_mapping(node, deep=True)
        else:  # pragma: no cover - PyYAML has no other kind of node
            raise TypeError(node)


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node, loader))
_Loader.add_multi_constructor(
    "tag:yaml.org,2002:python/",
    lambda loader, suffix, node: _Tagged("tag:yaml.org,2002:python/" + suffix, node, loader),
)


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if data.kind == "scalar":
        return dumper.represent_scalar(data.tag, data.value)
    if data.kind == "sequence":
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_mapping(data.tag, data.value)


_Dumper.add_representer(_Tagged, _represent_tagged)


def _page_key(rel: str) -> str:
    """The address a Markdown file gets in the site (x.md and x/index.md are the same page)."""
    key = rel.lower()
    if key.endswith(".md"):
        key = key[:-3]
        key = key[: -len("/index")] if key.endswith("/index") else ("" if key == "index" else key)
    return key


def nav_titles(nav: list) -> dict[str, str]:
    """Page path → its plain-text title in the generated nav."""
    titles: dict[str, str] = {}
    for item in nav:
        for title, value in item.items() if isinstance(item, dict) else []:
            if isinstance(value, list):
                titles.update(nav_titles(value))
            else:
                titles[value] = title
    return titles


def with_title(markdown: str, title: str) -> str:
    """The page with a front-matter title (HTML-escaped), unless it has one.

    Like MkDocs' theme, Zensical writes the nav title into <title> without its escaping, so a
    role called "</title><script>…" would end the title; a front-matter title is printed as it
    is (the MkDocs plugin sets page.meta.title for the same reason).
    """
    line = f"title: {front_matter_text(title)}\n"
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end != -1 and any(row.startswith("title:") for row in markdown[4:end].splitlines()):
            return markdown
        return "---\n" + line + markdown[4:]
    return "---\n" + line + "---\n\n" + markdown


class _Clashes(Exception):
    pass


def merge_docs(handwritten: Path, rendered: Path, target: Path, titles: dict[str, str] | None = None) -> list[str]:
    """Replace `target` (output.py's policy: only a folder the generator made, locked, all or nothing)
    with the hand-written docs and the rendered output (generated pages get their nav title as
    front-matter title). Returns the clashes; with clashes, `target` is left as it was."""
    titles = titles or {}
    clashes: list[str] = []

    def fill(folder: Path) -> None:
        if handwritten.is_dir():
            shutil.copytree(
                handwritten, folder, dirs_exist_ok=True
            )  # symlinks followed, as MkDocs and the CPR guard do
        own = {
            _page_key(p.relative_to(folder).as_posix()): p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file()
        }
        for src in sorted(p for p in rendered.rglob("*") if p.is_file()):
            rel = src.relative_to(rendered).as_posix()
            if rel in NOT_PAGES:
                continue
            if _page_key(rel) in own:
                clashes.append(wording.CLASH.format(handwritten=own[_page_key(rel)], generated=rel))
                continue
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            if rel in titles:
                (folder / rel).write_text(with_title(src.read_text(encoding="utf-8"), titles[rel]), encoding="utf-8")
            else:
                shutil.copyfile(src, folder / rel)
        if clashes:
            raise _Clashes

    with contextlib.suppress(_Clashes):
        replace_folder(target, fill)
    return clashes


def zensical_config(
    mkdocs_yml: Path, out: Path, nav: list, statement: str | None, footer: dict[str, str] | None = None
) -> str:
    """The repo's mkdocs.yml, adapted for a Zensical build in `out` (see the module docstring)."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader) or {}
    root = mkdocs_yml.resolve().parent
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath(root / theme["custom_dir"], out.resolve())
    plugins = config.get("plugins") or {}
    if isinstance(plugins, list):  # - name / - name: {options}
        plugins = {k: v for item in plugins for k, v in (item.items() if isinstance(item, dict) else [(item, {})])}
    config["plugins"] = {name: value for name, value in plugins.items() if name not in MKDOCS_ONLY_PLUGINS}
    config["nav"] = html_nav(nav) + (config.get("nav") or [])  # titles are printed as HTML
    if statement:
        config.setdefault("extra", {})["tilgaengelighedserklaering"] = statement
    if footer:  # "Sidst ændret" and "Kontakt" under every page (overrides/partials/copyright.html)
        config.setdefault("extra", {})["kp_sidefod"] = footer
    header = wording.ZENSICAL_CONFIG_HEADER.format(source=os.path.relpath(mkdocs_yml.resolve(), out.resolve()))
    return header + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def prepare(
    out: Path, plan: Path = Path("plan.yaml"), docs: Path = Path("docs"), mkdocs_yml: Path = Path("mkdocs.yml")
) -> int:
    rendered = out / "rendered"
    check_ours(out / "docs")  # refuse before rendering (merge_docs checks again, under the lock)
    try:
        output = cli.render_to(rendered, plan, docs, mkdocs_yml)  # the pipeline, once
    except PlanError as exc:
        cli.print_plan_error(exc)  # as the command line says it
        return 1
    assert output.plan is not None
    statement = output.plan.municipality.accessibility_statement
    footer = output.footer
    nav = output.nav
    clashes = merge_docs(docs, rendered, out / "docs", nav_titles(nav))
    if clashes:
        print(wording.ZENSICAL_CLASHES.format(clashes="; ".join(clashes)), file=sys.stderr)
        return 1
    (out / "mkdocs.yml").write_text(
        zensical_config(mkdocs_yml, out, nav, str(link_url(statement)) if statement else None, footer),
        encoding="utf-8",
    )
    print(wording.ZENSICAL_READY.format(config=out / "mkdocs.yml"))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Everything printed passes the one channel (channel.py), as in the command line."""
    with clean_output():
        return _run(argv)


def _run(argv: list[str] | None) -> int:
    p = cli.DanishArgumentParser(
        prog="python -m konverteringsplan.adapters.zensical", description=wording.ZENSICAL_DESCRIPTION
    )
    p.add_argument("--out", metavar=wording.METAVAR_FOLDER, default="build/zensical", help=wording.HELP_ZENSICAL_OUT)
    p.add_argument("--plan", metavar=wording.METAVAR_FILE, default="plan.yaml", help=wording.HELP_PLAN)
    p.add_argument("--docs", metavar=wording.METAVAR_FOLDER, default="docs", help=wording.HELP_DOCS)
    p.add_argument("--config", metavar=wording.METAVAR_FILE, default="mkdocs.yml", help=wording.HELP_ZENSICAL_CONFIG)
    args = p.parse_args(argv)
    try:
        return prepare(Path(args.out), Path(args.plan), Path(args.docs), Path(args.config))
    except PlanError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(os_error_text(exc), file=sys.stderr)
        return 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        print(wording.ZENSICAL_BAD_YAML.format(file=f"{args.config}{line}"), file=sys.stderr)  # not PyYAML's English
        return 1
    except Exception as exc:  # a library's text may quote the user's data: never shown
        print(wording.UNEXPECTED_ERROR.format(kind=type(exc).__name__), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
