"""`optael`: count the finished cases in a local tracking list and write only the total to fremdrift.yaml.

The student assistants keep a list of their cases (the guide tells them to mark each case "basis
oprettet"). Such a list holds personal data, so this command:
- reads only the column headed ``status`` (the header row is read to find it; every other column is
  skipped, never kept, printed or written);
- never prints a cell's value, not even in an error (a row number instead);
- writes one number, the count of finished cases, into fremdrift.yaml under the counting date, keeping
  everything else in the file, comments included (a round trip with ruamel.yaml), and only when the
  result still passes the checks; the file is replaced atomically (a temporary file, then a rename);
- never copies or stores the list.

Status values (case and spaces do not matter): "basis oprettet", "færdig" (or "faerdig") and
"konverteret" count as finished; "", "ikke startet", "i gang", "venter" and "spørgsmål" do not.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
import tempfile
from pathlib import Path
from typing import NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..build import checked_plan
from ..messages import ERROR, Message, PlanError, display_name
from ..texts import commands as wording

STATUS = "status"


def _norm(value: object) -> str:
    return " ".join(str(value if value is not None else "").split()).lower()


def _column(header: list, name: str) -> int | None:
    for i, cell in enumerate(header):
        if _norm(cell) == name:
            return i
    return None


def _fail(name: str, text: str, line: int = 0) -> NoReturn:
    raise PlanError([Message(name, line, 0, "", text, ERROR)])


def _no_status(name: str) -> NoReturn:
    _fail(name, wording.COUNT_NO_STATUS, 1)


def status_values(path: Path) -> list[tuple[int, str]]:
    """(row number, normalised status) for every data row; only the status column is kept."""
    name = display_name(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds for a damaged file
            _fail(name, wording.COUNT_NOT_XLSX)
        ws = wb.worksheets[0]
        header = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
        col = _column(list(header), STATUS)
        if col is None:
            wb.close()
            _no_status(name)
        out = [
            (n, _norm(row[0]))
            for n, row in enumerate(
                ws.iter_rows(min_row=2, min_col=col + 1, max_col=col + 1, values_only=True), start=2
            )
        ]
        wb.close()
        return out
    if suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")  # what Danish Excel writes as "CSV (semikolonsepareret)"
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = max(";,\t", key=first.count) if first else ";"
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        header = next(reader, [])
        col = _column(header, STATUS)
        if col is None:
            _no_status(name)
        return [(reader.line_num, _norm(row[col] if col < len(row) else "")) for row in reader]
    _fail(name, wording.COUNT_NOT_A_LIST)


def count_done(path: Path) -> tuple[int, int]:
    """(finished cases, rows with a case) in the list. An unknown status is an error naming the row only."""
    name = display_name(path)
    done = rows = 0
    bad = []
    for line, value in status_values(path):
        if value in wording.STATUS_DONE:
            done += 1
            rows += 1
        elif value in wording.STATUS_NOT_DONE:
            rows += 1 if value else 0
        else:
            bad.append(line)
    if bad:
        shown = ", ".join(str(n) for n in bad[:10]) + (" …" if len(bad) > 10 else "")
        _fail(name, wording.COUNT_UNKNOWN_STATUS.format(rows=shown), bad[0])
    return done, rows


# --- writing fremdrift.yaml ----------------------------------------------------------------------


def _yaml():
    y = YAML()  # round trip: comments, order and quoting are kept
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    y.width = 4096
    return y


def updated_text(text: str, package: str, day: dt.date, count: int) -> str:
    """fremdrift.yaml's text with ``status[dato=day].arbejdspakker[package] = count``; the rest unchanged."""
    y = _yaml()
    data = y.load(text) if text.strip() else None
    prefix = ""
    if data is None:  # an empty file or only comments: keep them above the new data
        prefix = text.rstrip("\n") + "\n\n" if text.strip() else ""
        data = CommentedMap()
    status = data.get("status")
    if status is None:
        status = data["status"] = CommentedSeq()
    entry = next((e for e in status if isinstance(e, dict) and str(e.get("dato")) == day.isoformat()), None)
    if entry is None:
        entry = CommentedMap([("dato", day), ("arbejdspakker", CommentedMap())])
        later = [i for i, e in enumerate(status) if isinstance(e, dict) and str(e.get("dato")) > day.isoformat()]
        status.insert(later[0] if later else len(status), entry)
    if entry.get("arbejdspakker") is None:
        entry["arbejdspakker"] = CommentedMap()
    entry["arbejdspakker"][package] = count
    out = io.StringIO()
    y.dump(data, out)
    return prefix + out.getvalue()


def write_count(list_path: Path, package: str, day: dt.date, progress: Path, plan: Path) -> tuple[int, int]:
    """Count, check and write. Returns (finished, rows). Raises PlanError; never leaves a half-written file."""
    done, rows = count_done(list_path)
    old = progress.read_text(encoding="utf-8") if progress.exists() else wording.PROGRESS_HEADER
    new = updated_text(old, package, day, done)
    fd, tmp = tempfile.mkstemp(prefix=".fremdrift-", suffix=".yaml", dir=progress.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(new)
        os.chmod(tmp, progress.stat().st_mode & 0o777 if progress.exists() else 0o644)
        try:
            plan_obj, _, _ = checked_plan(plan, None, progress=Path(tmp))
        except PlanError as exc:
            shown = display_name(progress)
            raise PlanError(
                [dataclasses.replace(m, file=shown) if m.file == display_name(Path(tmp)) else m for m in exc.messages]
            ) from None
        if package not in {wp.id for wp in plan_obj.work_packages}:  # pragma: no cover - the rules report it
            _fail(display_name(progress), wording.COUNT_UNKNOWN_PACKAGE.format(package=package))
        os.replace(tmp, progress)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return done, rows
