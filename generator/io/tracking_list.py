"""Read the status column of a tracking list (.xlsx or .csv), bounded, and nothing else.

A student assistant's list holds personal data in every other column, and it comes from Excel in many
shapes. This reader:

* checks the file before it opens it (``os.stat``): only a plain file, at most ``MAX_FILE_BYTES``, not
  mostly empty space (a sparse file), is opened; a device, a FIFO or a folder is refused at once, and the
  opened file is checked again (``fstat``) so nothing can be swapped in between;
* reads a **.csv** as a stream, as Excel writes it: UTF-8 (with or without BOM), UTF-16 "Unicode-tekst"
  (BOM, or recognised by its zero bytes), else Windows-1252 (a file that turns out not to be UTF-8 is
  read again from the start); line ends CRLF, LF or CR alone; ``;``, ``,`` or tab between cells; every
  cell at most ``MAX_CELL_CHARS`` (Excel's own limit); only the status column is kept;
* reads an **.xlsx** with its own streaming XML reader (expat), never openpyxl: only the first sheet's
  header row and the status column are decoded, so a cell of the wrong type or a damaged value in
  another column is never even read. The zip is checked before any part is unpacked (member count,
  the parts' unpacked sizes, their compression ratio) and every byte unpacked is counted against
  ``MAX_UNPACKED_BYTES``; shared strings are kept only for the cells read, at most
  ``MAX_SHARED_STRINGS`` entries; a document type declaration (entities) is refused;
* stops at ``MAX_ROWS`` rows.

Every refusal is a Danish :class:`PlanError` naming the file and, where there is one, the row and
column; a cell's value is never shown.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import os
import posixpath
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from ..formatting import number
from ..messages import ERROR, Message, PlanError, display_name, os_reason
from ..texts import commands as wording

MAX_FILE_BYTES = 20_000_000  # the list file as stored (.csv or .xlsx)
MAX_ROWS = 100_000  # rows, the header included
MAX_CELL_CHARS = 32_767  # characters in one cell: Excel's own limit
MAX_UNPACKED_BYTES = 10_000_000  # .xlsx: bytes unpacked from the parts read, all together (about 3 s)
MAX_RATIO = 100  # .xlsx: unpacked size / packed size of a part bigger than RATIO_FROM bytes
RATIO_FROM = 1_000_000
MAX_COLUMNS = 16_384  # columns in a sheet: Excel's own limit (A to XFD)
MAX_MEMBERS = 10_000  # .xlsx: entries in the zip
MAX_SHARED_STRINGS = 200_000  # .xlsx: entries in the shared strings table
SPARSE_FROM = 1_000_000  # a file this big must have at least half its bytes on the disk

_CHUNK = 1 << 16


def fail(name: str, text: str, line: int = 0) -> NoReturn:
    raise PlanError([Message(name, line, 0, "", text, ERROR)])


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _where(row: int, col: int) -> str:
    return wording.LIST_CELL.format(row=row, col=column_letters(col))


# --- the file ---------------------------------------------------------------------------------------


def open_list(path: Path) -> io.BufferedReader:
    """The list opened for reading, after the checks in the module docstring."""
    name = display_name(path)
    try:
        st = os.stat(path)
        _check_stat(st, name)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        fail(name, wording.LIST_UNREADABLE.format(reason=os_reason(exc)))
    try:
        _check_stat(os.fstat(fd), name)  # the file opened is the file checked
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check_stat(st: os.stat_result, name: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        fail(name, wording.LIST_IS_A_FOLDER)
    if not stat.S_ISREG(st.st_mode):
        fail(name, wording.LIST_NOT_A_FILE)
    if st.st_size > MAX_FILE_BYTES:
        fail(name, wording.LIST_TOO_BIG.format(size=number(st.st_size), limit=number(MAX_FILE_BYTES)))
    blocks = getattr(st, "st_blocks", None)
    if blocks is not None and st.st_size >= SPARSE_FROM and blocks * 512 < st.st_size // 2:
        fail(name, wording.LIST_SPARSE)


# --- CSV --------------------------------------------------------------------------------------------


def _looks_utf16(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without a byte-order mark (every other byte zero)."""
    head = raw[:4000]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def csv_encoding(head: bytes) -> str:
    """The encoding of a CSV file as Excel saves it, from its first bytes (module docstring); "utf-8" may
    turn out wrong later in the file, and then the file is read again as Windows-1252."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return _looks_utf16(head) or "utf-8"


_QUOTED = re.compile(r'"[^"]*"')


def _delimiter(first: str) -> str:
    first = _QUOTED.sub("", first)
    return max(";\t,", key=first.count) if first.strip() else ";"


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def csv_rows(path: Path, wanted: Callable[[list[str]], int | None]) -> list[tuple[int, str]]:
    """(row number, status text) for every data row of a CSV list, read as a stream: only the status column
    is kept. ``wanted(header)`` gives the status column's index (or raises the caller's Danish error)."""
    name = display_name(path)
    with open_list(path) as fh:
        encoding = csv_encoding(fh.peek(4000)[:4000])
        try:
            return _csv_stream(fh, encoding, name, wanted)
        except UnicodeDecodeError:  # not UTF-8 after all: what Danish Excel writes as "CSV (semikolonsepareret)"
            fh.seek(0)
            return _csv_stream(fh, "cp1252", name, wanted)


def _csv_stream(fh, encoding: str, name: str, wanted: Callable[[list[str]], int | None]) -> list[tuple[int, str]]:
    errors = "strict" if encoding == "utf-8" else "replace"
    # newline=None: CRLF, LF and a CR alone all end a line (Excel for Mac writes CR alone).
    text = io.TextIOWrapper(fh, encoding=encoding, errors=errors, newline=None)
    try:
        first = text.readline()
        reader = csv.reader(itertools.chain([first], text), delimiter=_delimiter(first))
        out: list[tuple[int, str]] = []
        col: int | None = None
        rows = 0
        with _field_limit(MAX_FILE_BYTES + 1):
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error:
                    fail(name, wording.LIST_CSV_BROKEN.format(row=reader.line_num), reader.line_num)
                rows += 1
                if rows > MAX_ROWS:
                    fail(name, wording.LIST_TOO_MANY_ROWS.format(limit=number(MAX_ROWS)), reader.line_num)
                if len(row) > MAX_COLUMNS:
                    too_wide = wording.LIST_TOO_MANY_COLUMNS.format(limit=number(MAX_COLUMNS))
                    fail(name, too_wide, reader.line_num)
                for i, cell in enumerate(row):
                    if len(cell) > MAX_CELL_CHARS:
                        where = _where(reader.line_num, i)
                        too_long = wording.LIST_CELL_TOO_LONG.format(where=where, limit=number(MAX_CELL_CHARS))
                        fail(name, too_long, reader.line_num)
                if col is None:
                    col = wanted(row)
                    continue
                out.append((reader.line_num, row[col] if col < len(row) else ""))
        if col is None:
            wanted([])
        return out
    finally:
        text.detach()  # the binary file stays open for a second try; the caller closes it


# --- XLSX -------------------------------------------------------------------------------------------

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class _Stop(Exception):
    pass


class _Part:
    """Parts of an .xlsx read with a budget of unpacked bytes shared by all of them."""

    def __init__(self, archive: zipfile.ZipFile, name: str):
        self.archive = archive
        self.name = name
        self.read: dict[str, int] = {}  # bytes unpacked per part (a part read twice counts once)
        self.members = {i.filename: i for i in archive.infolist()}

    def parse(self, member: str, start: Callable, end: Callable, text: Callable | None = None) -> None:
        info = self.members.get(member)
        if info is None:
            fail(self.name, wording.COUNT_NOT_XLSX)
        p = expat.ParserCreate()
        p.buffer_text = True

        def no_doctype(*args) -> None:
            raise _Refused(wording.LIST_XLSX_DOCTYPE)

        p.StartDoctypeDeclHandler = no_doctype
        p.EntityDeclHandler = no_doctype
        p.StartElementHandler = start
        p.EndElementHandler = end
        if text is not None:
            p.CharacterDataHandler = text
        others = sum(n for m, n in self.read.items() if m != member)
        done = 0
        with self.archive.open(info) as fh:
            try:
                while block := fh.read(_CHUNK):
                    done += len(block)
                    self.read[member] = max(done, self.read.get(member, 0))
                    if others + done > MAX_UNPACKED_BYTES:
                        raise _Refused(wording.LIST_XLSX_TOO_BIG.format(limit=number(MAX_UNPACKED_BYTES)))
                    p.Parse(block, False)
                p.Parse(b"", True)
            except _Stop:
                return


class _Refused(Exception):
    def __init__(self, text: str, row: int = 0):
        super().__init__(text)
        self.text, self.row = text, row


def _check_zip(archive: zipfile.ZipFile, parts: list[str], name: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        fail(name, wording.LIST_XLSX_MEMBERS.format(limit=number(MAX_MEMBERS)))
    by_name = {i.filename: i for i in infos}
    total = 0
    for part in parts:
        info = by_name.get(part)
        if info is None:
            continue
        total += info.file_size
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            fail(name, wording.LIST_XLSX_RATIO.format(limit=number(MAX_RATIO)))
    if total > MAX_UNPACKED_BYTES:
        fail(name, wording.LIST_XLSX_TOO_BIG.format(limit=number(MAX_UNPACKED_BYTES)))


def _first_sheet(part: _Part) -> str:
    """The path in the zip of the workbook's first sheet (as Excel orders the tabs)."""
    first: dict[str, str] = {}
    targets: dict[str, str] = {}

    def sheet(tag, attrs):
        if tag.rpartition(":")[2] == "sheet" and not first:
            rid = next((v for k, v in attrs.items() if k.endswith(":id") or k == "id"), "")
            first["id"] = rid

    part.parse("xl/workbook.xml", sheet, lambda tag: None)

    def rel(tag, attrs):
        if tag.rpartition(":")[2] == "Relationship":
            targets[attrs.get("Id", "")] = attrs.get("Target", "")

    part.parse("xl/_rels/workbook.xml.rels", rel, lambda tag: None)
    target = targets.get(first.get("id", ""), "")
    if not target:
        fail(part.name, wording.COUNT_NOT_XLSX)
    path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return path


_LETTERS = re.compile(r"[A-Za-z]{1,4}")


def _cell_index(ref: str, previous: int) -> int:
    m = _LETTERS.match(ref)
    if not m:
        return previous + 1
    index = 0
    for ch in m.group(0).upper():
        index = index * 26 + (ord(ch) - 64)
    return index - 1


class _SheetReader:
    """Streams the sheet: row 1 whole (the header), then only the column ``col`` (raw value, type)."""

    def __init__(self, header_only: bool, col: int | None):
        self.header_only = header_only
        self.col = col
        self.row = 0
        self.rows = 0
        self.cell = -1
        self.keep = False  # inside a cell that is read
        self.kind = ""
        self.text: list[str] | None = None
        self.value: list[str] = []
        self.header: dict[int, tuple[str, str]] = {}
        self.cells: list[tuple[int, int, str, str]] = []  # (row, col, type, raw)

    def start(self, tag, attrs):
        if tag == "c":
            ref = attrs.get("r")
            self.cell = _cell_index(ref, self.cell) if ref else self.cell + 1
            if self.cell >= MAX_COLUMNS:
                raise _Refused(wording.LIST_TOO_MANY_COLUMNS.format(limit=number(MAX_COLUMNS)), self.row)
            self.keep = (self.row == 1) if self.header_only else (self.cell == self.col and self.row > 1)
            if self.keep:
                self.kind = attrs.get("t", "n")
                self.value = []
        elif tag == "v" or tag == "t":
            if self.keep:
                self.text = []
        elif tag == "row":
            r = attrs.get("r")
            self.row = int(r) if r and r.isdigit() else self.row + 1
            self.rows += 1
            if self.row > MAX_ROWS or self.rows > MAX_ROWS:
                raise _Refused(wording.LIST_TOO_MANY_ROWS.format(limit=number(MAX_ROWS)), min(self.row, MAX_ROWS + 1))
            if self.header_only and self.row > 1:
                raise _Stop
            self.cell = -1
        elif ":" in tag:
            self.start(tag.rpartition(":")[2], attrs)

    def chars(self, data):
        if self.text is not None:
            self.text.append(data)
            if sum(map(len, self.text)) > MAX_CELL_CHARS:
                where = _where(self.row, self.cell)
                raise _Refused(wording.LIST_CELL_TOO_LONG.format(where=where, limit=number(MAX_CELL_CHARS)), self.row)

    def end(self, tag):
        if tag == "c":
            if self.keep:
                raw = "".join(self.value)
                if self.header_only:
                    self.header[self.cell] = (self.kind, raw)
                else:
                    self.cells.append((self.row, self.cell, self.kind, raw))
                self.keep = False
        elif tag == "v" or tag == "t":
            if self.text is not None:
                self.value.append("".join(self.text))
                self.text = None
        elif tag == "row":
            if self.header_only and self.row == 1:
                raise _Stop
        elif ":" in tag:
            self.end(tag.rpartition(":")[2])


def _shared(part: _Part, wanted: set[int]) -> dict[int, str]:
    """The shared strings at the indices in `wanted` (every other entry is skipped, not kept)."""
    found: dict[int, str] = {}
    state = {"i": -1, "depth": 0}
    text: list[str] = []
    if not wanted or "xl/sharedStrings.xml" not in part.members:
        return found

    def start(tag, attrs):
        tag = tag.rpartition(":")[2]
        if tag == "si":
            state["i"] += 1
            if state["i"] >= MAX_SHARED_STRINGS:
                raise _Refused(wording.LIST_XLSX_SHARED.format(limit=number(MAX_SHARED_STRINGS)))
            text.clear()
        elif tag == "rPh":  # phonetic hints are not part of the text
            state["depth"] += 1
        elif tag == "t" and state["i"] in wanted and not state["depth"]:
            state["t"] = 1

    def chars(data):
        if state.get("t"):
            text.append(data)

    def end(tag):
        tag = tag.rpartition(":")[2]
        if tag == "t":
            state["t"] = 0
        elif tag == "rPh":
            state["depth"] -= 1
        elif tag == "si" and state["i"] in wanted:
            found[state["i"]] = "".join(text)

    part.parse("xl/sharedStrings.xml", start, end, chars)
    return found


def _value(kind: str, raw: str, shared: dict[int, str]) -> str:
    if kind == "s":
        return shared.get(int(raw), "") if raw.strip().isdigit() else ""
    if kind == "b":
        return {"1": "sand", "0": "falsk"}.get(raw.strip(), raw)
    return raw


def xlsx_rows(path: Path, wanted: Callable[[list[str]], int | None]) -> list[tuple[int, str]]:
    """(row number, status text) for every data row of the first sheet of an .xlsx list."""
    name = display_name(path)
    with open_list(path) as fh:
        try:
            archive = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            fail(name, wording.COUNT_NOT_XLSX)
        with archive:
            try:
                return _xlsx(archive, name, wanted)
            except _Refused as exc:
                fail(name, exc.text, exc.row)
            except (zipfile.BadZipFile, expat.ExpatError, OSError, ValueError, EOFError, NotImplementedError):
                fail(name, wording.COUNT_NOT_XLSX)
    raise AssertionError("unreachable")  # pragma: no cover


def _xlsx(archive: zipfile.ZipFile, name: str, wanted: Callable[[list[str]], int | None]) -> list[tuple[int, str]]:
    _check_zip(archive, ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"], name)
    part = _Part(archive, name)
    sheet = _first_sheet(part)
    _check_zip(archive, ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", sheet], name)
    head = _SheetReader(header_only=True, col=None)
    part.parse(sheet, head.start, head.end, head.chars)
    shared = _shared(part, {int(raw) for kind, raw in head.header.values() if kind == "s" and raw.isdigit()})
    width = max(head.header, default=-1) + 1
    header = [""] * width
    for i, (kind, raw) in head.header.items():
        header[i] = _value(kind, raw, shared)
    col = wanted(header)
    if col is None:
        return []
    body = _SheetReader(header_only=False, col=col)
    part.parse(sheet, body.start, body.end, body.chars)
    shared = _shared(part, {int(raw) for _, _, kind, raw in body.cells if kind == "s" and raw.isdigit()})
    by_row = {}
    for row, cell, kind, raw in body.cells:
        value = _value(kind, raw, shared)
        if len(value) > MAX_CELL_CHARS:
            where = _where(row, cell)
            fail(name, wording.LIST_CELL_TOO_LONG.format(where=where, limit=number(MAX_CELL_CHARS)), row)
        by_row[row] = value
    last = max(body.row, 1)
    return [(n, by_row.get(n, "")) for n in range(2, last + 1)]
