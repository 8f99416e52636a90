"""Load a hand-edited YAML file safely, with line numbers for every node.

``yaml.safe_load`` is not good enough for a file edited by people who are not
programmers: it silently keeps the last of two duplicate keys, expands aliases
without limit ("billion laughs") and forgets where each value stood.  This
module composes PyYAML's node tree (``SafeLoader``), builds the Python values
itself and records the position of every key and value, so later validation
can point at ``plan.yaml:LINE:COL``.

Policy (documented here because users will meet it in error messages):

* Every failure is a :class:`PlanError` with Danish messages; never a traceback.
* Duplicate keys in any mapping are errors; all of them are reported, each
  naming every line the key stands on.
* Anchors and aliases (``&navn`` / ``*navn``) are allowed, but every value
  built counts against ``MAX_NODES`` (alias re-uses included), so an alias
  bomb stops after at most ``MAX_NODES`` nodes, and every character of text built
  counts against ``MAX_CHARS`` (as many as the biggest file allowed), so a few
  aliases of a long text cannot grow the plan either.  An alias that refers to the
  collection it stands in (a cycle) is refused.  Nesting deeper than
  ``MAX_DEPTH`` levels is refused.
* The merge key ``<<`` is refused (write the values out instead): it hides
  where a value came from and interacts badly with duplicate-key checks.
* Text (keys and values) may not hold control characters (NUL, U+0001 ... U+001F except tab and
  line feed, DEL, U+0080 ... U+009F): only an escape in double quotes can make one, and no
  spreadsheet, page or terminal can hold it.
* Only the standard tags str, int, float, bool, null, timestamp, map and seq
  are accepted; any other tag (``!!python/object``, ``!!binary``, ``!!set``,
  ``!egen``, ...) is refused.  Nothing but plain data is ever constructed.
* Scalars resolve exactly like ``yaml.safe_load`` (YAML 1.1): ``2027-03-01``
  is a ``datetime.date``, ``ja``/``nej`` stay text, but ``yes``/``no``/``on``/
  ``off`` become booleans.  Keys keep their type too (``2027:`` is an int).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..formatting import and_list, number
from ..messages import ERROR, Message, PlanError, display_name, os_reason
from ..texts import reading as say

MAX_NODES = 100_000
# Characters of text after anchors and aliases are folded out: as many as the biggest plan file allowed,
# so 8.500 aliases of one long step cannot make a 165 KB file into 17 million characters of pages.
MAX_CHARS = 2_000_000
MAX_DEPTH = 100
DEFAULT_MAX_BYTES = 2_000_000

_Y = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_Y + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAG = _Y + "map"
_SEQ_TAG = _Y + "seq"
_MERGE_TAG = _Y + "merge"
_VALUE_TAG = _Y + "value"  # a lone "=" resolves to this; treat it as text
_STR_TAG = _Y + "str"
_NULL_TAG = _Y + "null"
# Control characters a spreadsheet cell, a page or a terminal cannot hold (tab and line feed are text).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NULL_VALUES = frozenset({"", "~", "null", "Null", "NULL"})  # what YAML 1.1 reads as empty

PathT = tuple[Any, ...]


# --------------------------------------------------------------------------
# Position tree
# --------------------------------------------------------------------------


@dataclass
class _Pos:
    key: tuple[int, int]  # where the key (or the list item) starts
    value: tuple[int, int]  # where the value starts
    children: dict[Any, _Pos] = field(default_factory=dict)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass(frozen=True)
class Written:
    """A value as it was typed, kept where YAML's reading of it may not be what the user meant."""

    text: str  # the value as written, e.g. "50.000"
    line: int
    column: int


@dataclass(frozen=True)
class SplitList:
    """A bracketed list of text that YAML split at commas, where a comma may stand inside one name."""

    path: PathT
    line: int
    column: int
    items: tuple[str, ...]


# A number written with Danish thousands separators (and maybe a decimal comma): 50.000, 1.200.000, 1.200,5.
# YAML reads 50.000 as the decimal number 50.0 and 1.200.000 as text; either way not what was meant.
THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
# A bracketed list item after the first that carries "og"/"eller"/"&": "[Børn, Unge og Familie]" reads as one name
# ("A, B og C") that YAML split at its comma.
_ENUMERATION = re.compile(r"(?:^|\s)(?:og|eller|&)(?:\s|$)", re.IGNORECASE)
ENUMERATION_TAIL_WORDS = 3  # "Unge og Familie": the tail of a name; a longer item is a phrase of its own


def continues_name(item: str) -> bool:
    """Whether a list item reads as the end of a name that a comma split ("Børn, Unge og Familie"): a short
    item joined by "og", "eller" or "&". "Indsatser og afgørelser efter Barnets Lov" is an item of its own."""
    return bool(_ENUMERATION.search(item)) and len(item.split()) <= ENUMERATION_TAIL_WORDS


@dataclass
class LoadedYaml:
    data: dict
    file: str
    _root: _Pos | None = field(default=None, repr=False, compare=False)
    thousands: dict[PathT, Written] = field(default_factory=dict, repr=False, compare=False)
    """Values typed with thousands separators (THOUSANDS), by path; the loader (io/load.py) decides by the
    field's type whether it is an error."""
    split_lists: list[SplitList] = field(default_factory=list, repr=False, compare=False)
    """Bracketed lists of text that may have been split inside a name (rules warn)."""

    def _walk(self, path: PathT) -> tuple[_Pos | None, bool]:
        """Deepest existing node along ``path`` and whether all of it exists."""
        node = self._root
        if node is None:
            return None, not path
        for part in path:
            child = _child(node, part)
            if child is None:
                return node, False
            node = child
        return node, True

    def locate(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """1-based (line, column) of the node at ``path``.

        A mapping entry gives the position of its key, a list item the position
        of the item.  When the path does not exist fully, the position of the
        deepest existing ancestor is returned (the root gives (1, 1)).
        """
        if not path:
            return (1, 1)
        node, _ = self._walk(tuple(path))
        if node is None or node is self._root:
            return (1, 1)
        return node.key

    def locate_value(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """1-based (line, column) of the value at ``path`` (fallback as ``locate``)."""
        if not path:
            return (1, 1)
        node, complete = self._walk(tuple(path))
        if node is None or node is self._root:
            return (1, 1)
        return node.value if complete else node.key

    def has(self, path: tuple[str | int, ...]) -> bool:
        """Whether ``path`` exists in the file."""
        return self._walk(tuple(path))[1]


def _child(node: _Pos, part: Any) -> _Pos | None:
    try:
        found = node.children.get(part)
    except TypeError:  # unhashable path element
        return None
    if found is not None:
        return found
    # Lenient: a path element "2027" finds the key 2027 and vice versa.
    text = str(part)
    for key, child in node.children.items():
        if str(key) == text:
            return child
    return None


def key_path(path: PathT) -> str:
    """Dotted key path for ``Message.key``: ``faser[2].navn`` (list items 1-based)."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


# --------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------


def load_yaml(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedYaml:
    """Read and load the YAML file at ``path``; raises :class:`PlanError`."""
    return load_yaml_text(read_source(path, max_bytes=max_bytes), display_name(Path(path)), max_bytes=max_bytes)


def read_source(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``, read once (a pipe too); raises :class:`PlanError`."""
    p = Path(path)
    name = display_name(p)
    try:
        if p.is_dir():
            _fail(name, 0, 0, say.IS_A_FOLDER.format(name=name))
        size = p.stat().st_size
        if size > max_bytes:
            _fail(name, 0, 0, _too_big(size, max_bytes))
        with p.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except FileNotFoundError:
        folder = p.resolve().parent
        _fail(name, 0, 0, say.FILE_NOT_FOUND.format(name=name, folder=folder))
    except PermissionError:
        _fail(name, 0, 0, say.FILE_NO_ACCESS.format(name=name))
    except OSError as exc:
        _fail(name, 0, 0, say.FILE_UNREADABLE.format(name=name, reason=os_reason(exc)))
    return raw


def load_yaml_text(text_or_bytes: str | bytes, file: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedYaml:
    """Load YAML from memory; ``file`` is the name used in messages."""
    text = _decode(text_or_bytes, file, max_bytes)
    if not text.strip():
        _fail(file, 1, 1, say.FILE_EMPTY)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise PlanError([_syntax_message(exc, text, file)]) from None
    except yaml.reader.ReaderError as exc:
        raise PlanError([_reader_message(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - defensive
        _fail(file, 0, 0, say.NOT_YAML.format(error=exc))
    except RecursionError:
        _fail(file, 0, 0, say.TOO_DEEP_TO_READ.format(limit=MAX_DEPTH))
    if root is None:
        _fail(file, 1, 1, say.ONLY_COMMENTS)
    if not isinstance(root, MappingNode):
        line, col = _mark(root)
        if root.tag not in _SCALAR_TAGS | {_SEQ_TAG, _VALUE_TAG}:
            _fail(file, line, col, say.ROOT_TAG_REFUSED.format(tag=_show_tag(root.tag)))
        what = say.ROOT_IS_A_LIST if isinstance(root, SequenceNode) else say.ROOT_IS_A_VALUE
        _fail(file, line, col, say.ROOT_NOT_KEYS.format(what=what))
    builder = _Builder(file)
    data, pos = builder.build_root(root)
    if builder.messages:
        raise PlanError(builder.messages)
    return LoadedYaml(data=data, file=file, _root=pos, thousands=builder.thousands, split_lists=builder.split_lists)


def _compose(text: str) -> Node | None:
    """Compose the node tree with libyaml when it is there (several times faster); on any
    problem compose again with the pure-Python parser, whose error texts the messages know."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except (yaml.YAMLError, RecursionError, ValueError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


# --------------------------------------------------------------------------
# Bytes -> text
# --------------------------------------------------------------------------


def _fail(file: str, line: int, col: int, text: str, key: str = "") -> NoReturn:
    raise PlanError([Message(file, line, col, key, text, ERROR)])


def _too_big(size: int, limit: int) -> str:
    return say.TOO_BIG.format(size=number(size), limit=number(limit))


def _decode(text_or_bytes: str | bytes, file: str, max_bytes: int) -> str:
    if isinstance(text_or_bytes, str):
        text = text_or_bytes
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            _fail(file, 0, 0, _too_big(size, max_bytes))
        return text.removeprefix("\ufeff")  # a UTF-8 byte-order mark (Notepad, Excel) is harmless: drop it
    raw = bytes(text_or_bytes)
    if len(raw) > max_bytes:
        _fail(file, 0, 0, _too_big(len(raw), max_bytes))
    raw = raw.removeprefix(codecs.BOM_UTF8)  # accepted: editors on Windows add it
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _fail(file, 1, 1, say.UTF16)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line_no = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        line_end = raw.find(b"\n", exc.start)
        line_bytes = raw[line_start : line_end if line_end >= 0 else len(raw)].rstrip(b"\r")
        shown = line_bytes.decode("cp1252", "replace").strip()
        if len(shown) > 80:
            shown = shown[:77] + "..."
        others = _count_bad_lines(raw) - 1
        more = say.NOT_UTF8_MORE_LINES.format(others=others) if others > 0 else ""
        _fail(
            file, line_no, col, say.NOT_UTF8.format(byte=raw[exc.start], line=line_no, col=col, more=more, shown=shown)
        )
    raise AssertionError("unreachable")  # pragma: no cover


def _count_bad_lines(raw: bytes) -> int:
    bad = 0
    for line in raw.split(b"\n"):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
    return bad


# --------------------------------------------------------------------------
# Syntax errors -> Danish
# --------------------------------------------------------------------------


def _tab_lines(text: str) -> list[int]:
    """1-based numbers of lines whose indentation contains a tab."""
    out = []
    for no, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.append(no)
    return out


def _join_lines(nums: list[int]) -> str:
    shown = [str(n) for n in nums[:10]]
    if len(nums) > 10:
        shown.append(say.LINES_OTHERS.format(count=len(nums) - 10))
    return and_list(shown)


def _tab_hint(text: str) -> str:
    lines = _tab_lines(text)
    if not lines:
        return ""
    hint = say.TAB_INDENT_ONE_LINE if len(lines) == 1 else say.TAB_INDENT_LINES
    return hint.format(lines=_join_lines(lines))


def _too_far_in(text: str, line: int) -> str:
    """Danish advice when `line` is a key indented further than the key above it (which has a value)."""
    lines = text.splitlines()
    if not 2 <= line <= len(lines):
        return ""
    cur = lines[line - 1]
    prev = next((p for p in reversed(lines[: line - 1]) if p.strip() and not p.lstrip().startswith("#")), "")
    above = re.match(r"( *)(- +)?[^\s:#][^:#]*:[ \t]+\S", prev)
    if not above or not re.match(r" *[^\s:#-][^:#]*:( |$)", cur):
        return ""
    indent = len(cur) - len(cur.lstrip(" "))
    key_col = len(above.group(1)) + len(above.group(2) or "")
    if indent <= key_col:
        return ""
    return say.TOO_FAR_IN.format(line=line, indent=indent, key_col=key_col)


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, file: str) -> Message:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    ctx_line = exc.context_mark.line + 1 if exc.context_mark else None
    tab_hint = _tab_hint(text)

    if "found character '\\t'" in problem:
        others = [n for n in _tab_lines(text) if n != line]
        also = say.TAB_ALSO.format(lines=_join_lines(others)) if others else ""
        return Message(file, line, col, "", say.TAB_AT.format(line=line, col=col, also=also))

    if "quoted scalar" in context and exc.context_mark is not None:
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        msg = say.QUOTE_NOT_CLOSED.format(line=line, col=col)
    elif problem.startswith("found undefined alias"):
        msg = say.UNDEFINED_ALIAS
    elif problem.startswith("found duplicate anchor") or (context.startswith("found duplicate anchor")):
        first = say.DUPLICATE_ANCHOR_FIRST.format(line=ctx_line) if ctx_line else ""
        msg = say.DUPLICATE_ANCHOR.format(first=first)
    elif "expected a single document" in context or "expected a single document" in problem:
        msg = say.MORE_THAN_ONE_DOCUMENT
    elif problem.startswith("mapping values are not allowed") and (indented := _too_far_in(text, line)):
        msg = indented
    elif problem.startswith("mapping values are not allowed"):
        msg = say.UNEXPECTED_COLON
    elif problem.startswith("could not find expected ':'"):
        msg = say.MISSING_COLON
    elif problem.startswith("found character") and "cannot start any token" in problem:
        ch = problem.split("'")[1] if "'" in problem else "?"
        msg = say.BAD_FIRST_CHARACTER.format(ch=ch)
    elif (
        "block end" in problem
        or "did not find expected key" in problem
        or "expected '-'" in problem
        or "did not find expected '-' indicator" in problem
        or "expected <block end>" in problem
    ):
        start = say.BAD_INDENT_START.format(line=ctx_line) if ctx_line and ctx_line != line else ""
        msg = say.BAD_INDENT.format(start=start)
    elif "flow" in context or "flow" in problem:
        msg = say.BAD_FLOW
    elif "escape" in problem:
        msg = say.BAD_ESCAPE
    elif "alias" in context or "anchor" in context or "alias" in problem or "anchor" in problem:
        msg = say.BAD_ANCHOR
    elif "tag" in context or "tag" in problem:
        msg = say.BAD_TAG
    else:
        msg = say.SYNTAX_OTHER
    technical = "; ".join(x for x in (context, problem) if x)
    msg += say.TECHNICAL.format(technical=technical) if technical else ""
    msg += tab_hint
    return Message(file, line, col, "", msg)


def _reader_message(exc: yaml.reader.ReaderError, text: str, file: str) -> Message:
    pos = exc.position
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    ch = exc.character
    code = f"U+{ch:04X}" if isinstance(ch, int) else repr(ch)
    return Message(file, line, col, "", say.CONTROL_CHARACTER.format(code=code, line=line, col=col))


def _show_tag(tag: str | None) -> str:
    if not tag:
        return "?"
    if tag.startswith(_Y):
        return "!!" + tag[len(_Y) :]
    return tag


# --------------------------------------------------------------------------
# Node tree -> Python values
# --------------------------------------------------------------------------


class _TooMuch(Exception):
    pass


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.messages: list[Message] = []
        self.count = 0
        self.chars = 0  # characters of text built, aliases included
        self.constructor = SafeConstructor()
        self.active: set[int] = set()  # ids of collections being built (cycle check)
        self.built: set[int] = set()  # ids of nodes built so far (to tell alias re-use)
        self.aliased = False
        self.thousands: dict[PathT, Written] = {}
        self.split_lists: list[SplitList] = []

    def error(self, node: Node, path: PathT, text: str) -> None:
        line, col = _mark(node)
        self.messages.append(Message(self.file, line, col, key_path(path), text))

    def build_root(self, root: MappingNode) -> tuple[dict, _Pos]:
        pos = _Pos((1, 1), (1, 1))
        try:
            data = self.build(root, (), pos, 0)
        except _TooMuch:
            pass
        except RecursionError:
            self.messages.append(Message(self.file, 0, 0, "", say.TOO_DEEP.format(limit=MAX_DEPTH)))
        if self.messages:
            return {}, pos
        return data, pos

    def build(self, node: Node, path: PathT, pos: _Pos, depth: int) -> Any:
        self.count += 1
        if id(node) in self.built:
            self.aliased = True
        self.built.add(id(node))
        if self.count > MAX_NODES:
            line, col = _mark(node)
            text = say.TOO_MANY_VALUES_ALIASED if self.aliased else say.TOO_MANY_VALUES
            self.messages.append(Message(self.file, line, col, "", text.format(limit=number(MAX_NODES))))
            raise _TooMuch
        if depth > MAX_DEPTH:
            line, col = _mark(node)
            self.messages.append(Message(self.file, line, col, "", say.TOO_DEEP_HERE.format(limit=MAX_DEPTH)))
            raise _TooMuch
        if isinstance(node, ScalarNode):
            self.count_chars(node)
            if THOUSANDS.fullmatch(node.value.strip()):
                line, col = _mark(node)
                self.thousands[path] = Written(node.value.strip(), line, col)
            return self.scalar(node, path)
        if id(node) in self.active:
            self.error(node, path, say.ALIAS_CYCLE)
            return None
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ_TAG:
                self.bad_tag(node, path)
                return None
            self.note_split(node, path)
            self.active.add(id(node))
            try:
                out = []
                for i, item in enumerate(node.value):
                    child = _Pos(_mark(item), _mark(item))
                    pos.children[i] = child
                    out.append(self.build(item, path + (i,), child, depth + 1))
                return out
            finally:
                self.active.discard(id(node))
        if isinstance(node, MappingNode):
            if node.tag != _MAP_TAG:
                self.bad_tag(node, path)
                return None
            self.active.add(id(node))
            try:
                return self.mapping(node, path, pos, depth)
            finally:
                self.active.discard(id(node))
        raise AssertionError(f"unknown node {node!r}")  # pragma: no cover

    def count_chars(self, node: ScalarNode) -> None:
        self.chars += len(node.value)
        if self.chars > MAX_CHARS:
            line, col = _mark(node)
            text = say.TOO_MUCH_TEXT_ALIASED if self.aliased else say.TOO_MUCH_TEXT
            self.messages.append(Message(self.file, line, col, "", text.format(limit=number(MAX_CHARS), line=line)))
            raise _TooMuch

    def mapping(self, node: MappingNode, path: PathT, pos: _Pos, depth: int) -> dict:
        out: dict = {}
        seen: dict[Any, list[Node]] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == _MERGE_TAG:
                self.error(key_node, path, say.MERGE_KEY)
                continue
            if not isinstance(key_node, ScalarNode):
                self.error(key_node, path, say.KEY_NOT_SCALAR)
                continue
            self.count += 1
            self.count_chars(key_node)
            key = self.scalar(key_node, path)
            try:
                hash(key)
            except TypeError:  # pragma: no cover - scalars are hashable
                continue
            if key in seen:
                seen[key].append(key_node)
            else:
                seen[key] = [key_node]
            child = _Pos(_mark(key_node), _mark(value_node))
            pos.children[key] = child
            out[key] = self.build(value_node, path + (key,), child, depth + 1)
        for key, nodes in seen.items():
            if len(nodes) > 1:
                lines = [n.start_mark.line + 1 for n in nodes]
                first = nodes[0].value if isinstance(nodes[0], ScalarNode) else key
                forgotten = say.FORGOTTEN_FIRST if len(nodes) == 2 else say.FORGOTTEN_OTHERS
                self.error(
                    nodes[1],
                    path + (key,),
                    say.DUPLICATE_KEY.format(
                        key=first, times=_times(len(nodes)), lines=_join_lines(lines), forgotten=forgotten
                    ),
                )
        return out

    def note_split(self, node: SequenceNode, path: PathT) -> None:
        items = node.value
        if not node.flow_style or len(items) < 2:
            return
        if not all(isinstance(i, ScalarNode) and i.tag == _STR_TAG and not i.style for i in items):
            return
        if any(continues_name(i.value) for i in items[1:]):
            line, col = _mark(node)
            self.split_lists.append(SplitList(path, line, col, tuple(i.value for i in items)))

    def scalar(self, node: ScalarNode, path: PathT) -> Any:
        bad = _CONTROL.search(node.value)
        if bad:  # only an escape ("\x01", "\0", "\e") can make one: the reader refuses them written as is
            ch = bad.group(0)
            self.error(node, path, say.CONTROL_IN_TEXT.format(code=f"U+{ord(ch):04X}", pos=bad.start() + 1))
            return None
        if node.tag == _STR_TAG or node.tag == _VALUE_TAG:  # text: what SafeConstructor returns, without its detour
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self.bad_tag(node, path)
            return None
        try:
            if node.tag == _NULL_TAG and node.value not in _NULL_VALUES:
                raise ValueError(node.value)  # PyYAML reads any text tagged !!null as empty: "!!null 40" is a slip
            return self.constructor.construct_object(node, deep=True)
        except Exception:
            kind = {
                "timestamp": say.KIND_DATE,
                "int": say.KIND_INTEGER,
                "float": say.KIND_NUMBER,
                "bool": say.KIND_BOOLEAN,
                "null": say.KIND_NULL,
            }.get(node.tag[len(_Y) :], say.KIND_OTHER)
            hint = say.DATE_HINT if node.tag.endswith("timestamp") else ""
            self.error(node, path, say.BAD_VALUE.format(value=node.value, kind=kind, hint=hint))
            return None

    def bad_tag(self, node: Node, path: PathT) -> None:
        self.error(node, path, say.TAG_REFUSED.format(tag=_show_tag(node.tag)))


def _times(n: int) -> str:
    return {2: say.TWICE, 3: say.THRICE}.get(n) or say.TIMES.format(n=n)
