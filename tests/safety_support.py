"""Helpers for the safety tests: a temporary copy of the project, a real MkDocs build, the text
fields of the plan model (found by walking the pydantic model, never listed by hand), and an HTML
scan for script that came from the plan."""

from __future__ import annotations

import copy
import functools
import inspect
import json
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import yaml
from pydantic import BaseModel

from konverteringsplan.build import validate_plan
from konverteringsplan.io.yaml_loader import load_yaml
from konverteringsplan.messages import PlanError
from konverteringsplan.model import Plan

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------------
# A temporary project and a real build
# --------------------------------------------------------------------------------------------


@functools.cache
def _markdown_settings() -> tuple[list, dict]:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def project_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions (and their settings) of the project's mkdocs.yml."""
    extensions, configs = _markdown_settings()
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


# --------------------------------------------------------------------------------------------
# The text fields of the model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One place in the plan data where free text goes."""

    path: tuple  # keys and list indexes from the root of plan.yaml
    field: tuple[str, str]  # (model class name, plan.yaml key), to check coverage
    kind: str = "value"  # "value": replace or add a text value; "item": append to an empty list;
    # "key": rename a mapping key


def _is_free_text(tp: Any, metadata: list) -> bool:
    """A str that is not an id, code or enum: anything with a pattern is constrained."""
    if tp is not str:
        return False
    return not any(getattr(m, "pattern", None) for m in metadata)


def _split(tp: Any, metadata: list) -> tuple[Any, list]:
    while typing.get_origin(tp) is typing.Annotated:
        args = typing.get_args(tp)
        tp, metadata = args[0], [*metadata, *args[1:]]
    return tp, metadata


def _is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in typing.get_args(tp)


def text_fields(model: type[BaseModel] = Plan) -> set[tuple[str, str]]:
    """Every (model, key) whose value is, or holds, free text, anywhere in the model."""
    found: set[tuple[str, str]] = set()
    seen: set[type] = set()

    def visit_type(tp: Any, metadata: list, owner: tuple[str, str] | None) -> None:
        tp, metadata = _split(tp, metadata)
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            for arg in typing.get_args(tp):
                visit_type(arg, metadata, owner)
        elif origin in (list, tuple, set):
            for arg in typing.get_args(tp):
                visit_type(arg, [], owner)
        elif origin is dict:
            key_t, val_t = typing.get_args(tp)
            visit_type(key_t, [], owner)
            visit_type(val_t, [], owner)
        elif inspect.isclass(tp) and issubclass(tp, BaseModel):
            if tp in seen:
                return
            seen.add(tp)
            for name, f in tp.model_fields.items():
                visit_type(f.annotation, list(f.metadata), (tp.__name__, f.alias or name))
        elif inspect.isclass(tp) and issubclass(tp, Enum):
            return
        elif _is_free_text(tp, metadata) and owner is not None:
            found.add(owner)

    visit_type(model, [], None)
    return found


def text_slots(data: dict, model: type[BaseModel] = Plan) -> list[Slot]:
    """Every free-text place in `data` (a plan as loaded from YAML), plus optional text keys that
    are absent and could be added, plus one item in each empty list of text."""
    slots: list[Slot] = []

    def visit(tp: Any, metadata: list, value: Any, path: tuple, owner: tuple[str, str] | None) -> None:
        tp, metadata = _split(tp, metadata)
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            for arg in typing.get_args(tp):
                if arg is type(None):
                    continue
                visit(arg, metadata, value, path, owner)
            return
        if origin is list:
            (item_t,) = typing.get_args(tp)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    visit(item_t, [], item, (*path, i), owner)
                item_t2, item_meta = _split(item_t, [])
                if not value and _is_free_text(item_t2, item_meta) and owner:
                    slots.append(Slot((*path, 0), owner, "item"))
            elif value is None and owner:
                item_t2, item_meta = _split(item_t, [])
                if _is_free_text(item_t2, item_meta):
                    slots.append(Slot((*path, 0), owner, "item"))
            return
        if origin is dict:
            key_t, val_t = typing.get_args(tp)
            key_t, key_meta = _split(key_t, [])
            if isinstance(value, dict):
                for k, v in value.items():
                    visit(val_t, [], v, (*path, k), owner)
                    if _is_free_text(key_t, key_meta) and owner:
                        slots.append(Slot((*path, k), owner, "key"))
            return
        if inspect.isclass(tp) and issubclass(tp, BaseModel):
            if not isinstance(value, dict):
                return
            for name, f in tp.model_fields.items():
                key = f.alias or name
                visit(f.annotation, list(f.metadata), value.get(key), (*path, key), (tp.__name__, key))
            return
        if inspect.isclass(tp) and issubclass(tp, Enum):
            return
        if _is_free_text(tp, metadata) and owner is not None and (value is None or isinstance(value, str)):
            slots.append(Slot(path, owner))

    visit(model, [], data, (), None)
    # An optional text that is absent and a text that is present may both be offered for the same
    # path (a str | None field): keep one.
    unique = {(s.path, s.kind): s for s in slots}
    return list(unique.values())


def set_in(data: dict, slot: Slot, text: str) -> None:
    node: Any = data
    for part in slot.path[:-1]:
        if isinstance(node, dict) and part not in node:
            node[part] = [] if isinstance(slot.path[-1], int) else {}
        node = node[part]
    last = slot.path[-1]
    if slot.kind == "key":
        items = list(node.items())
        node.clear()
        node.update((text if k == last else k, v) for k, v in items)
    elif isinstance(node, list):
        if slot.kind == "item" or last >= len(node):
            node.append(text)
        else:
            node[last] = text
    else:
        node[last] = text


def example_data() -> dict:
    return copy.deepcopy(load_yaml(ROOT / "plan.yaml").data)


def leaves(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(key path, value) of every single value in loaded YAML data (a list item's path part is its index):
    for tests that cover every field of a kind by value, not by a list of keys (a new field is covered)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else None
    if items is None:
        yield path, node
        return
    for part, value in items:
        yield from leaves(value, (*path, part))


def dump_plan(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


# --------------------------------------------------------------------------------------------
# HTML scan
# --------------------------------------------------------------------------------------------

_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}


# Attributes whose (decoded) value Material may show again as HTML: tooltips (content.tooltips) and the
# title an ellipsised nav/footer/table-of-contents entry gets from its text.
_SHOWN_AS_HTML = {"title", "aria-label", "data-md-tooltip"}


def _markup_after_decoding(text: str) -> bool:
    """Whether `text` (already decoded once, as the DOM holds it) still makes markup when set as innerHTML."""
    return "<" in text or "<" in html_unescape(text)


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._skip = 0  # inside <script>/<style>
        self._in_script = False
        self._ellipsis: list[list] = []  # open .md-ellipsis elements: [tag, open tags of that name, text parts]

    def handle_endtag(self, tag: str) -> None:
        if self._ellipsis and self._ellipsis[-1][0] == tag:
            self._ellipsis[-1][1] -= 1
            if self._ellipsis[-1][1] == 0:
                text = "".join(self._ellipsis.pop()[2])
                if _markup_after_decoding(text):
                    self.problems.append(f".md-ellipsis text {text.strip()[:80]!r} becomes markup in a tooltip")
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
            self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if "md-ellipsis" in (dict(attrs).get("class") or "").split():
            self._ellipsis.append([tag, 1, []])
        elif self._ellipsis and self._ellipsis[-1][0] == tag:
            self._ellipsis[-1][1] += 1
        for name, value in attrs:
            value = value or ""
            if name in _SHOWN_AS_HTML and _markup_after_decoding(value):
                self.problems.append(f"<{tag} {name}={value[:80]!r}> becomes markup in a tooltip")
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            squashed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
            # Script only when it is the scheme: "https://klik.dk/a%29javascript:x" is one harmless address.
            if name in _URL_ATTRS and squashed.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "img" and name == "src" and value.strip() == "x":
                self.problems.append(f"<img src={value!r}> from the plan")
        if tag in ("script", "style"):
            self._skip += 1
            self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        for _, _, parts in self._ellipsis:
            parts.append(data)
        if self._skip:
            if self._in_script and "alert(" in data:
                self.problems.append(f"<script> with {data.strip()[:80]!r}")
            return
        self.text.append(data)


@dataclass
class ScanResult:
    problems: list[str]
    text: str  # visible text, whitespace collapsed


def scan_html(html: str) -> ScanResult:
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return ScanResult(parser.problems, " ".join("".join(parser.text).split()))


def scan_site(site: Path) -> tuple[dict[str, list[str]], str]:
    """Problems per file, and the visible text of every page (HTML pages and the search index,
    whose titles and texts the search box shows as HTML)."""
    problems: dict[str, list[str]] = {}
    texts: list[str] = []
    for page in sorted(site.rglob("*.html")):
        result = scan_html(page.read_text(encoding="utf-8"))
        if result.problems:
            problems[str(page.relative_to(site))] = result.problems
        texts.append(result.text)
    index = site / "search" / "search_index.json"
    if index.exists():
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            for key in ("title", "text"):
                result = scan_html(doc.get(key) or "")
                if result.problems:
                    problems.setdefault(f"search_index.json {doc.get('location')} {key}", []).extend(result.problems)
    return problems, "\n".join(texts)


def iter_files(root: Path) -> Iterator[Path]:
    return (p for p in sorted(root.rglob("*")) if p.is_file())


def make_files_for(docs: Path, names: list[str]) -> None:
    """Create an (empty) file under docs/ for each name, so that a text that is used as a file
    reference (a screenshot) still points at a real file and the build goes on."""
    for name in names:
        target = docs / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_bytes(b"")
        except OSError:
            pass  # a name the file system cannot hold; the build will say so


# --------------------------------------------------------------------------------------------
# A hostile plan: a payload in every text slot, each marked, and which slots validation refuses
# --------------------------------------------------------------------------------------------

MARKER = re.compile(r"q\d{3}")
HOSTILE_URL = 'https://kommune.invalid/a"onmouseover="alert(1)\'><script>alert(1)</script>'


def marker(i: int) -> str:
    return f"q{i:03d}"


def hostile_plan(data: dict, slots: list[Slot], payload: str, skip: set[int], images: set[int] = frozenset()) -> dict:
    data = copy.deepcopy(data)
    # Renaming a key changes the path of everything under it: keys last.
    for i, slot in sorted(enumerate(slots), key=lambda x: x[1].kind == "key"):
        if i not in skip:
            set_in(data, slot, f"{marker(i)} {payload}" + (".png" if i in images else ""))
    # Not a text field but printed in every page's footer as a link: a web address with quotes.
    data["kommune"]["tilgaengelighedserklaering"] = HOSTILE_URL
    return data


def refused_slots(project, slots: list[Slot]) -> set[int]:
    """The slots whose payload the validation refuses (by marker in the message)."""
    try:
        validate_plan(project / "plan.yaml", project / "docs")
    except PlanError as exc:
        refused = set()
        for m in exc.messages:
            hits = {int(h[1:]) for h in MARKER.findall(str(m))}
            assert hits, f"the hostile plan fails for a reason that names no field: {m}"
            refused |= hits
        return refused
    return set()
