"""Personal-data guard: find Danish CPR numbers before anything is published.

What counts as a CPR number, and how text is normalised first, is in :mod:`generator.cprmatch`
(shared with :mod:`generator.messages`, which masks every message with it). This module decides
*what* is scanned, so that the guard sees what a reader of the site will see:

* the plan: its source text (comments too) **and** every key and value as YAML decodes it (folded
  ``>`` and plain multi-line scalars, ``"...\\`` continuations, ``\\x30``/``\\u0030`` escapes);
  the plan is read once into memory, so a pipe (``--plan /dev/stdin``) is scanned and then parsed
  from the same bytes;
* ``mkdocs.yml`` the same way (``site_name``, ``copyright`` and ``extra`` reach every page);
* every file under ``docs/`` whatever its extension, and every file and folder *name* there.
  Images and fonts are recognised by their first bytes (PNG, JPEG, GIF, WebP, BMP, ICO, TIFF,
  ISO media such as AVIF/HEIC/MP4, WOFF, WOFF2, TrueType, OpenType) and skipped: text drawn in
  pixels cannot be read. A zip file (docx, xlsx, odt, ...) is scanned member by member. Anything
  else is scanned as text (UTF-8, or UTF-16 with a byte-order mark; undecodable bytes ignored);
* everything rendered, before it is written or handed to MkDocs: every page (its path, title and
  Markdown) and every download (an xlsx file member by member; csv and ics as text).
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..cprmatch import MAX_MATCH, MAX_SPECIAL, Normalised, mask, matches, spans
from ..messages import ERROR, Message, PlanError, display_name, os_reason
from ..texts import reading as say
from .yaml_loader import LoadedYaml, load_yaml_text, read_source


def find_cpr(text: str) -> list[tuple[int, int, str]]:
    """Every CPR-shaped number in ``text`` as (line, column, masked), 1-based."""
    found = []
    for start, _, masked in spans(text):
        line = text.count("\n", 0, start) + 1
        found.append((line, start - (text.rfind("\n", 0, start) + 1) + 1, masked))
    return found


def cpr_message_text(masked: str) -> str:
    """The Danish text shown for one CPR number found (never the full number)."""
    return say.CPR_FOUND.format(masked=masked)


def _message(file: str, line: int, col: int, masked: str, key: str = "", where: str = "") -> Message:
    return Message(file, line, col, key, where + cpr_message_text(masked), ERROR)


def scan_text(text: str, file: str) -> list[Message]:
    """One error message per CPR-shaped number in ``text``."""
    return [_message(file, line, col, masked) for line, col, masked in find_cpr(text)]


CHUNK = 1 << 20  # characters per piece when a file is too big to read at once
_BIG = 8 * CHUNK
_KEEP = MAX_MATCH + MAX_SPECIAL + 16  # normalised characters left undecided at the end of a piece


def find_cpr_in_pieces(pieces: Iterable[str]) -> list[tuple[int, int, str]]:
    """Like :func:`find_cpr` over the concatenation of `pieces`, in bounded memory.

    Each round normalises the carried tail of the previous round plus the next piece, and takes
    the matches that end at least ``_KEEP`` normalised characters before its end (a character
    reference or more digits could follow) and after the previous round's cut, so every number is
    found exactly once, with its line and column in the original text.
    """
    found: list[tuple[int, int, str]] = []
    buf, base, line, col = "", 0, 1, 1  # buf[0] is at absolute offset `base`, line `line`, column `col`
    decided = 0  # absolute original offset up to which numbers have been taken
    it = iter(pieces)
    done = False
    while not done:
        piece = next(it, None)
        done = piece is None
        buf += piece or ""
        if not done and len(buf) < 4 * _KEEP:
            continue
        norm = Normalised(buf)
        n = len(norm.text)
        cut = n if done else max(0, n - _KEEP)
        for m in matches(norm.text):
            if m.end() > cut:
                break
            end = base + norm.end(m.end())
            if end <= decided:
                continue
            start = norm.position(m.start())
            before = buf.count("\n", 0, start)
            start_col = (start - buf.rfind("\n", 0, start)) if before else col + start
            found.append((line + before, start_col, f"{m['dd']}{m['mm']}{m['yy']}-XXXX"))
        if done:
            break
        decided = base + norm.end(cut)
        keep_from = norm.position(max(0, cut - MAX_MATCH - 8))
        newlines = buf.count("\n", 0, keep_from)
        col = (keep_from - buf.rfind("\n", 0, keep_from)) if newlines else col + keep_from
        line += newlines
        base += keep_from
        buf = buf[keep_from:]
    return found


# --------------------------------------------------------------------------------------------
# YAML: the source and every decoded scalar
# --------------------------------------------------------------------------------------------


def _scalars(root) -> Iterator[ScalarNode]:
    """Every scalar node (keys included), each once, aliases and cycles followed once."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            yield node
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))


def _compose(text: str):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None  # the loader reports the syntax error; the source text is scanned anyway


def scan_yaml(text: str, file: str, root: Node | None = None) -> list[Message]:
    """The YAML source as written, and every key and value as YAML decodes it (`root`, when the caller has
    composed the text already)."""
    messages = scan_text(text, file)
    shown = {m.text for m in messages}
    if root is None and len(text) >= 10:  # a shorter text holds no CPR number, as written or decoded
        root = _compose(text)
    if root is None:
        return messages
    for node in _scalars(root):
        value = node.value if isinstance(node.value, str) else ""
        for _, _, masked in find_cpr(value) if len(value) >= 10 else ():
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            message = _message(file, line, col, masked, where=say.CPR_DECODED)
            if cpr_message_text(masked) not in shown:
                messages.append(message)
    return messages


def scan_loaded(loaded: LoadedYaml) -> list[Message]:
    """Every key and value of a loaded plan as YAML decoded it (folded lines joined, escapes such as
    ``\\t`` or ``\\u0030`` turned into characters): what the site will show."""
    messages: list[Message] = []
    stack: list[tuple[tuple, object]] = [((), loaded.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                for _, _, masked in spans(str(key)) if isinstance(key, (str, int)) else ():
                    line, col = loaded.locate((*path, key))
                    messages.append(_message(loaded.file, line, col, masked, where=say.CPR_DECODED))
                stack.append(((*path, key), child))
        elif isinstance(value, list):
            stack.extend(((*path, i), child) for i, child in enumerate(value))
        elif isinstance(value, (str, int)) and not isinstance(value, bool):
            for _, _, masked in spans(str(value)):
                line, col = loaded.locate_value(path)
                messages.append(_message(loaded.file, line, col, masked, where=say.CPR_DECODED))
    return sorted(messages)


def decode_text(raw: bytes) -> str:
    """Bytes as text for the guard: UTF-16 with a byte-order mark, else UTF-8; bad bytes ignored."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    return raw.decode("utf-8", "replace")


# --------------------------------------------------------------------------------------------
# Files: sniffed, zip members, big files in pieces
# --------------------------------------------------------------------------------------------

_IMAGE_OR_FONT = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
    b"\x00\x01\x00\x00",
    b"OTTO",
)
ZIP_MEMBER_LIMIT = 256 * 1024 * 1024  # bytes a zip member may unpack to before it is refused


def is_image_or_font(head: bytes) -> bool:
    """Recognised by the first bytes (the file's name does not matter)."""
    return (
        head.startswith(_IMAGE_OR_FONT)
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or (head[:2] == b"BM" and head[6:10] == b"\x00\x00\x00\x00")
        or head[4:8] == b"ftyp"
    )


def scan_bytes(data: bytes, name: str) -> list[Message]:
    """A file's content: skipped if an image or font, member by member if a zip, else as text."""
    if is_image_or_font(data[:16]):
        return []
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                messages = []
                for info in archive.infolist():
                    member = f"{name}:{info.filename}"
                    messages += scan_text(info.filename, say.ZIP_MEMBER_NAME.format(member=member))
                    if info.is_dir():
                        continue
                    if info.file_size > ZIP_MEMBER_LIMIT:
                        messages.append(Message(member, 0, 0, "", say.ZIP_MEMBER_TOO_BIG, ERROR))
                        continue
                    inner = archive.read(info)
                    if not inner.startswith(b"PK\x03\x04"):  # one level: a zip inside a zip is text to us
                        messages += scan_bytes(inner, member)
                    else:
                        messages += scan_text(decode_text(inner), member)
                return messages
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, ValueError):
            pass  # not a readable zip after all: scan the bytes as text
    return scan_text(decode_text(data), name)


def _scan_file(path: Path, name: str) -> list[Message]:
    with path.open("rb") as fh:
        head = fh.read(16)
        if is_image_or_font(head):  # docs/ is mostly screenshots: 16 bytes say so, the rest is never read
            return []
        if head.startswith(b"PK\x03\x04") or path.stat().st_size <= _BIG:
            return scan_bytes(head + fh.read(), name)  # read once
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    with path.open("r", encoding=encoding, errors="replace", newline="") as fh:
        pieces = iter(lambda: fh.read(CHUNK), "")
        return [_message(name, line, col, masked) for line, col, masked in find_cpr_in_pieces(pieces)]


def _walk(docs_dir: Path) -> tuple[list[Path], list[Path]]:
    """(files, folders) MkDocs would publish: like MkDocs, follow symlinked folders (once each)."""
    files: list[Path] = []
    folders: list[Path] = []
    seen: set[str] = set()
    for folder, dirs, names in os.walk(docs_dir, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add(real)
        folders.extend(Path(folder, d) for d in dirs)
        files.extend(p for p in (Path(folder, n) for n in names) if p.is_file())
    return sorted(files), sorted(folders)


def _unreadable(name: str, exc: OSError) -> Message:
    return Message(name, 0, 0, "", say.UNREADABLE.format(reason=os_reason(exc)), ERROR)


def scan_docs(docs_dir: Path | None, skip: Path | None = None) -> list[Message]:
    """Every file under ``docs_dir`` (content and name) and every folder name there."""
    if docs_dir is None or not Path(docs_dir).is_dir():
        return []
    docs_dir = Path(docs_dir)
    files, folders = _walk(docs_dir)
    messages: list[Message] = []
    for path in [*folders, *files]:
        rel = path.relative_to(docs_dir).as_posix()
        for _, _, masked in find_cpr(rel):
            where = say.FOLDER_NAME_IS_ADDRESS if path in folders else say.FILE_NAME_IS_ADDRESS
            messages.append(_message(display_name(path), 0, 0, masked, where=where))
    skip_real = skip.resolve() if skip is not None and skip.is_file() else None
    for path in files:
        if skip_real is not None and path.resolve() == skip_real:
            continue
        name = display_name(path)
        try:
            messages.extend(_scan_file(path, name))
        except OSError as exc:
            messages.append(_unreadable(name, exc))
    return messages


def scan_config(config_file: Path | None) -> list[Message]:
    """``mkdocs.yml``: its text and its decoded values (``site_name`` is on every page)."""
    if config_file is None or not Path(config_file).is_file():
        return []
    name = display_name(config_file)
    try:
        text = decode_text(Path(config_file).read_bytes())
    except OSError as exc:
        return [_unreadable(name, exc)]
    root = _compose(text)  # once, for both scans
    return scan_yaml(text, name, root) + markup_in_config(root, name)


RAW_IN_THEME = ("site_name",)  # printed by the theme without escaping (<title>, the header)


def markup_in_config(root: Node | None, file: str) -> list[Message]:
    """An error for `<` or `>` in a configuration value the theme prints without escaping: it would
    become HTML on every page (MkDocs and Zensical alike). `root`: mkdocs.yml composed (None if it is not YAML)."""
    if not isinstance(root, MappingNode):
        return []
    return [
        Message(file, value.start_mark.line + 1, value.start_mark.column + 1, key.value, say.CONFIG_MARKUP, ERROR)
        for key, value in root.value
        if isinstance(key, ScalarNode) and key.value in RAW_IN_THEME
        if isinstance(value, ScalarNode) and any(ch in value.value for ch in "<>")
    ]


def guarded_load(path: Path, also: Iterable[Message] = ()) -> LoadedYaml:
    """Read a YAML file once (a file from a pipe too) and guard it twice: its text as written, with ``also``
    (what the guard found in other sources, e.g. docs/ and mkdocs.yml), before it is parsed; then what YAML
    made of it (escapes, folded lines, keys). Raises PlanError: nothing holding a CPR number is loaded."""
    raw = read_source(path)
    name = display_name(path)
    guard = [*scan_text(decode_text(raw), name), *also]
    if guard:
        raise PlanError(guard)
    loaded = load_yaml_text(raw, name)
    guard = scan_loaded(loaded)
    if guard:
        raise PlanError(guard)
    return loaded


# --------------------------------------------------------------------------------------------
# Rendered output
# --------------------------------------------------------------------------------------------


def check_generated(path: str, data: str | bytes, title: str = "") -> None:
    """Raise :class:`PlanError` if a rendered page or download (its path, title or content) holds a
    CPR number. Runs on every page and download before it is written or given to MkDocs."""
    name = say.GENERATED_FILE.format(path=path)
    messages = [_message(name, 0, 0, masked, where=say.CPR_GENERATED) for _, _, masked in find_cpr(f"{path}\n{title}")]
    found = scan_text(data, name) if isinstance(data, str) else scan_bytes(data, name)
    messages += [Message(m.file, m.line, m.column, m.key, say.CPR_GENERATED + m.text, ERROR) for m in found]
    if messages:
        raise PlanError(messages)


__all__ = [
    "check_generated",
    "cpr_message_text",
    "find_cpr",
    "find_cpr_in_pieces",
    "guarded_load",
    "markup_in_config",
    "mask",
    "scan_bytes",
    "scan_config",
    "scan_docs",
    "scan_loaded",
    "scan_text",
    "scan_yaml",
    "spans",
]
