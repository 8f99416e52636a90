"""Every byte a command prints is ours and masked; names written into configuration are safe; `new` writes
only plans that validate; control characters are refused at the plan's line (issue 25, classes 1, 2, 6, 7).

Every CPR-shaped value is built from a date at run time."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
import warnings

import pytest
from pydantic_core import _pydantic_core as pydantic_core

from conftest import EXAMPLE, ROOT, add_key, example_text, like, line_of_key, rename_key, run_cli, set_value
from konverteringsplan.texts import commands, reading

DAY = dt.date(2003, 2, 1) + dt.timedelta(days=40)


def cpr(sep: str = "-") -> str:
    return DAY.strftime("%d%m%y") + sep + f"{DAY.toordinal() % 9000 + 1000:04d}"


NUMBER = cpr()
MASKED = DAY.strftime("%d%m%y") + "-XXXX"
TERMINAL_TRICKS = ["\x1b[2J\x1b[H", "\r", "\u202e", "\u2066", "\x00", "\x9b"]


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert NUMBER not in text and NUMBER.replace("-", "") not in text, text
        for trick in TERMINAL_TRICKS:
            assert trick not in text, (trick, text)
        assert "Traceback" not in text and "Warning" not in text


# --- 1. one channel -----------------------------------------------------------------------------------


def _warn_like_openpyxl(args):
    warnings.warn(f"Print area cannot be set to Defined name: {NUMBER}\x1b[2J", UserWarning, stacklevel=1)
    return 0


def _raise_like_a_library(args):
    raise ValueError(f"could not convert string to float: '{NUMBER}'\r")


def _print_like_a_library(stream):
    def command(args):
        print(f"row 2: {NUMBER}\u202e\x1b[31m", file=getattr(sys, stream))
        return 0

    return command


def _log_like_a_library(args):
    logging.getLogger("openpyxl.reader").warning("Cell %s is not a number", NUMBER + "\x1b[2J")
    return 0


SOURCES = {
    "warning": _warn_like_openpyxl,
    "logging": _log_like_a_library,
    "exception": _raise_like_a_library,
    "stdout": _print_like_a_library("stdout"),
    "stderr": _print_like_a_library("stderr"),
}


@pytest.mark.parametrize("source", list(SOURCES))
@pytest.mark.parametrize("command", ["validate", "schema"])
def test_whatever_a_library_prints_passes_the_one_channel(monkeypatch, source, command):
    from konverteringsplan.adapters import cli

    monkeypatch.setattr(cli, f"cmd_{command}", SOURCES[source])
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        result = run_cli(command)
    assert_clean(result.stdout, result.stderr)
    if source == "exception":
        assert result.returncode == 1 and commands.UNEXPECTED_ERROR.format(kind="ValueError") in result.stderr
    if source in ("stdout", "stderr"):
        assert MASKED in getattr(result, source)
    if source in ("warning", "logging"):  # dropped, not only masked
        assert "Print area" not in result.stderr and "is not a number" not in result.stderr


@pytest.mark.parametrize("trick", TERMINAL_TRICKS)
@pytest.mark.parametrize(
    "args",
    [
        ("optael", "liste.csv", "--arbejdspakke", "x", "--dato", "{value}"),  # our own echo
        ("{value}",),  # argparse: invalid choice
        ("validate", "--docs"),  # argparse: expected one argument (no echo) as a control
        ("render", "--out", "x", "--plan", "{value}.yaml"),  # a file name in an OS error
    ],
)
def test_an_echoed_value_is_masked_and_stripped(tmp_path, trick, args):
    value = f"{NUMBER}{trick}x"
    result = run_cli(*(a.format(value=value) for a in args), cwd=tmp_path)
    assert result.returncode != 0
    assert_clean(result.stdout, result.stderr)


def test_the_channel_masks_a_number_written_in_pieces():
    import io

    from konverteringsplan.channel import CleanStream

    target = io.StringIO()
    stream = CleanStream(target)
    for piece in (NUMBER[:3], NUMBER[3:8], NUMBER[8:] + "\n", NUMBER[:6] + "\n", NUMBER[7:] + "\n"):
        stream.write(piece)
    stream.flush()
    assert NUMBER not in target.getvalue() and NUMBER[7:] not in target.getvalue()
    assert target.getvalue().count(MASKED) == 2


ERRORS = {e["type"]: e for e in pydantic_core.list_all_errors()}


@pytest.mark.parametrize("kind", list(ERRORS))
def test_pydantics_english_never_reaches_a_message(kind):
    from konverteringsplan.io.load import danish_text

    english = ERRORS[kind]["example_message_python"]
    err = {
        "type": kind,
        "loc": ("kommune", "navn"),
        "msg": english,
        "input": "x",
        "ctx": ERRORS[kind]["example_context"],
    }
    text = danish_text(err)
    words = {w.strip(".,:;'\"()") for w in english.split()}
    assert not [w for w in words if len(w) > 3 and w.isalpha() and w.isascii() and w in text.split() and w != "have"], (
        kind,
        text,
    )


# --- 2 and 7. `new` writes only safe, valid plans ----------------------------------------------------

MARKUP_NAMES = [
    "<script>alert(1)</script> Kommune",
    'Borgen"><img src=x onerror=alert(1)>',
    "Borgen </title><script>alert(1)</script>",
    "Borgen & Omegn",
    "Borgen &lt;b&gt;",
    "Borgen 'Syd'",
    'Borgen "Syd"',
    "Borgen `x`",
]
CPR_NAMES = [f"Borgen {cpr(sep)}" for sep in ("-", "", " ", "\u2009", "/")]
LONG_NAMES = ["B" * 101, "Borgen " * 60]
CONTROL_NAMES = [f"Borgen{c}Kommune" for c in ("\x00", "\x01", "\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\r")]
REFUSED = (
    [(n, commands.NEW_NAME_MARKUP) for n in MARKUP_NAMES]
    + [(n, commands.NEW_NAME_CPR) for n in CPR_NAMES]
    + [(n, commands.NEW_NAME_TOO_LONG) for n in LONG_NAMES]
    + [(n, commands.NEW_NAME_CONTROL) for n in CONTROL_NAMES]
)


@pytest.mark.parametrize("name,reason", REFUSED)
def test_new_refuses_a_name_and_writes_nothing(tmp_path, name, reason):
    target = tmp_path / "ny"
    result = run_cli("new", str(target), "--kommune", name, cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert not target.exists()
    assert like(reason).search(result.stdout), result.stdout
    assert_clean(result.stdout, result.stderr)


@pytest.mark.parametrize("name", ["Borgen Kommune", "Ærø Kommune", "Lyngby-Taarbæk Kommune", "Kommune #1 (syd)"])
def test_new_still_takes_ordinary_names(tmp_path, name):
    target = tmp_path / "ny"
    result = run_cli("new", str(target), "--kommune", name, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert (target / "plan.yaml").is_file()


SITE_NAMES = ["Borgen <script>alert(1)</script>", "Borgen </title><img src=x onerror=alert(1)>", "<b>Borgen"]


# One real MkDocs build is enough: it checks the values with the same function (io/cpr.scan_config).
SITE_NAME_RUNS = [(c, n) for c in ("validate", "render", "zensical") for n in SITE_NAMES] + [
    ("mkdocs build", SITE_NAMES[0])
]


@pytest.mark.parametrize("command,site_name", SITE_NAME_RUNS)
def test_markup_in_site_name_stops_every_build(tmp_path, command, site_name):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(set_value(config, ("site_name",), f"'{site_name}'"), encoding="utf-8")
    for name in ("plan.yaml", "fremdrift.yaml", "docs", "overrides"):
        (os.symlink if name in ("docs", "overrides") else os.link)(ROOT / name, tmp_path / name)
    if command == "mkdocs build":
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        assert not (tmp_path / "site" / "index.html").exists()
    elif command == "zensical":
        result = subprocess.run(
            [sys.executable, "-m", "konverteringsplan.adapters.zensical", "--out", str(tmp_path / "z")],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert not (tmp_path / "z" / "mkdocs.yml").exists()
    else:
        result = run_cli(command, *(["--out", "ud"] if command == "render" else []), cwd=tmp_path)
        assert not (tmp_path / "ud").exists()
    assert result.returncode == 1
    assert f"site_name: {reading.CONFIG_MARKUP}" in result.stderr


# --- 6. control characters in plan and progress text ---------------------------------------------------

ESCAPES = {"NUL": "\\0", "U+0001": "\\x01", "ESC": "\\e", "U+001F": "\\x1f", "DEL": "\\x7f", "NEL": "\\N", "CR": "\\r"}


@pytest.mark.parametrize("escape", list(ESCAPES))
@pytest.mark.parametrize("where", ["plan-value", "plan-key", "progress-value", "progress-key"])
def test_a_control_character_is_a_validate_error_at_its_line(tmp_path, escape, where):
    code = ESCAPES[escape]
    plan, progress = example_text(), (ROOT / "fremdrift.yaml").read_text(encoding="utf-8")
    if where == "plan-value":
        file, line = "plan.yaml", line_of_key(plan, ("kommune", "navn"))
        plan = set_value(plan, ("kommune", "navn"), f'"Korsbæk{code} Kommune"')
    elif where == "plan-key":
        file, line = "plan.yaml", line_of_key(plan, ("kommune", "gammelt_system"))
        plan = rename_key(plan, ("kommune", "gammelt_system"), f'"gammelt{code}"')
    elif where == "progress-value":
        key = ("afstemning", "kategorier", "aabne_stoettende", "kategori")
        file, line = "fremdrift.yaml", line_of_key(progress, key)
        progress = set_value(progress, key, f'"aabne{code}"')
    else:
        key = ("status", 0, "arbejdspakker", "basis_manuelle_sager")
        file, line = "fremdrift.yaml", line_of_key(progress, key)
        progress = rename_key(progress, key, f'"basis{code}"')
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "fremdrift.yaml").write_text(progress, encoding="utf-8")
    for args in (("validate", "plan.yaml", "--docs", str(ROOT / "docs")), ("render", "--out", "ud")):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode == 1, result.stdout
        assert f"{file}:{line}:" in result.stderr and like(reading.CONTROL_IN_TEXT).search(result.stderr)
        assert_clean(result.stdout, result.stderr)
    assert not (tmp_path / "ud").exists()


def test_the_example_has_no_control_characters():
    assert run_cli("validate", str(EXAMPLE)).returncode == 0


# --- 1. the other channels: the MkDocs render and the Zensical adapter ---------------------------------


def test_a_library_warning_during_the_mkdocs_render_is_never_shown(monkeypatch):
    from konverteringsplan import build
    from konverteringsplan.adapters import worker

    real = build.build_output

    def warning_build(*args, **kwargs):
        warnings.warn(f"Data Validation extension: {NUMBER}", UserWarning, stacklevel=1)
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "build_output", warning_build)
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        worker.render_result(EXAMPLE, ROOT / "docs")
    assert [str(w.message) for w in shown] == []


@pytest.mark.parametrize("trick", TERMINAL_TRICKS)
def test_the_zensical_adapter_prints_through_the_channel(tmp_path, trick, capsys):
    from konverteringsplan.adapters import zensical

    (tmp_path / "mkdocs.yml").write_text(f"site_name: Borgen\nnav: *Barnenavn{trick}\n", encoding="utf-8")
    code = zensical.main(
        ["--out", str(tmp_path / "ud"), "--plan", str(EXAMPLE), "--config", str(tmp_path / "mkdocs.yml")]
    )
    out = capsys.readouterr()
    assert code == 1 and "mkdocs.yml" in out.err and like(commands.ZENSICAL_BAD_YAML).search(out.err)
    assert_clean(out.out, out.err)
    assert "Barnenavn" not in out.out + out.err


BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
ECHOES = {
    "duplicate key": lambda t, c: add_key(add_key(t, ("kommune",), f"x{c}y", "1"), ("kommune",), f"x{c}y", "2"),
    "unknown key": lambda t, c: add_key(t, ("kommune",), f"ukendt{c}noegle", "1"),
    "not a number": lambda t, c: set_value(t, ("sagskategorier", "aabne_stoettende", "antal"), f"28{c}0"),
}


@pytest.mark.parametrize("bidi", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
@pytest.mark.parametrize("echo", list(ECHOES))
def test_a_bidi_control_echoed_from_the_plan_cannot_reorder_the_line(tmp_path, echo, bidi):
    (tmp_path / "plan.yaml").write_text(ECHOES[echo](example_text(), bidi), encoding="utf-8")
    result = run_cli("validate", "plan.yaml", "--docs", str(ROOT / "docs"), cwd=tmp_path)
    assert result.returncode == 1
    assert bidi not in result.stdout + result.stderr
    assert "\ufffd" in result.stderr
