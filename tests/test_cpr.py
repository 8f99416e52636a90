"""Tests for the CPR guard.

No CPR-shaped number is written literally in this file: every one is built
at run time from a ``datetime.date`` and a serial number.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import example_text, guard_stops_the_build, like
from konverteringsplan.build import checked_plan
from konverteringsplan.io.cpr import find_cpr, mask, scan_docs, scan_text
from konverteringsplan.texts import reading


def cpr(d: dt.date, serial: int = 1234, sep: str = "") -> str:
    return f"{d:%d%m%y}{sep}{serial:04d}"


BIRTH = dt.date(2003, 2, 1)  # -> date part "010203"
MASKED = f"{BIRTH:%d%m%y}-XXXX"


@pytest.mark.parametrize("sep", ["", "-", " ", "\u00a0", "\u2013"])
def test_every_notation_is_found_and_masked(sep):
    number = cpr(BIRTH, 4321, sep)
    text = f"kommune: Korsbæk\nnote: barnet har {number} som nummer\n"
    found = find_cpr(text)
    assert found == [(2, 18, MASKED)]
    assert number not in str(found)


def test_modulus_11_is_not_used():
    # Every serial number counts, whether or not it passes the old check.
    for serial in (0, 1, 2, 3, 7, 9999):
        assert find_cpr(cpr(BIRTH, serial)) == [(1, 1, MASKED)]


def test_bounded_by_punctuation_and_line_edges():
    number = cpr(BIRTH, sep="-")
    for text in (number, f"({number})", f"CPR:{number}.", f'"{number}"', f"|{number}|", f"x{number}y"):
        assert [m for _, _, m in find_cpr(text)] == [MASKED], text


def test_several_on_several_lines():
    a = cpr(dt.date(1985, 12, 31), 1, "-")
    b = cpr(dt.date(2019, 7, 4), 2)
    text = f"første linje\n  {a} og {b}\n\n{b}"
    assert find_cpr(text) == [
        (2, 3, "311285-XXXX"),
        (2, 3 + len(a) + 4, f"{dt.date(2019, 7, 4):%d%m%y}-XXXX"),
        (4, 1, f"{dt.date(2019, 7, 4):%d%m%y}-XXXX"),
    ]


@pytest.mark.parametrize(
    "dd,mm,yy",
    [(32, 1, 99), (0, 1, 99), (1, 13, 99), (1, 0, 99), (31, 4, 80), (30, 2, 0), (29, 2, 1), (29, 2, 99)],
)
def test_invalid_dates_are_not_flagged(dd, mm, yy):
    for sep in ("", "-", " "):
        number = f"{dd:02d}{mm:02d}{yy:02d}{sep}1234"
        assert find_cpr(f"tal: {number}") == [], number


@pytest.mark.parametrize("year", [2000, 2004, 1996])
def test_leap_day_valid_in_either_century(year):
    # YY=00 is a leap year as 2000; 04 as 2004; 96 as 1996.
    assert find_cpr(f"x {cpr(dt.date(year, 2, 29), 5)}") == [(1, 3, f"2902{year % 100:02d}-XXXX")]


def test_leap_day_of_non_leap_yy_not_flagged():
    # 29 Feb with YY=01 is no date in 1901 nor 2001.
    assert find_cpr("x " + f"{29:02d}{2:02d}{1:02d}" + "1234") == []


@pytest.mark.parametrize(
    "text",
    [
        "start: 2027-03-01",
        "dato: 01-03-2027",
        "dato: 1.3.2027 og 01.03.2027 og 01/03/2027",
        "tid: 2027-03-01T10:00:00+01:00",
        "kl. 10:30-12:00",
        "tlf. 12345678",
        "tlf. 12 34 56 78",
        "tlf. +45 12345678",
        "tlf. +45" + "12345678",
        "tlf. +45 12 34 56 78",
        "CVR 11111111",
        "pris: 1.234.500 kr.",
        "pris: 1,234,500 kr.",
        "beløb: 1 234 500 kr.",
        "tidsstempel: 20270301T101500",
        "ean: 5790000123456",
        "uge 9 2027, 450 sager, 15 sagsbehandlere",
    ],
)
def test_no_false_alarms(text):
    assert find_cpr(text) == []
    assert scan_text(text, "plan.yaml") == []


def test_longer_digit_runs_never_match_in_part():
    number = cpr(BIRTH)
    assert find_cpr("1" + number) == []
    assert find_cpr(number + "1") == []
    assert find_cpr("99" + number + "99") == []
    # A dash-split number glued to more digits is not a CPR either.
    assert find_cpr(f"{BIRTH:%d%m%y}-12345") == []
    assert find_cpr(f"7{BIRTH:%d%m%y}-1234") == []


def test_glued_by_a_comma_or_a_full_stop_is_found():
    # A comma or full stop is a boundary like any other non-digit: "1,<number>" in a CSV cell or a
    # "decimal part" may be a pasted CPR number, so it is flagged (issue 15).
    number = cpr(BIRTH)
    assert find_cpr(f"3,{number}") == [(1, 3, MASKED)]
    assert find_cpr(f"{number}.5") == [(1, 1, MASKED)]
    assert find_cpr(f"CPR {number}. Tak.") == [(1, 5, MASKED)]


def test_mask():
    assert mask(cpr(BIRTH, 9876)) == MASKED
    assert mask(cpr(BIRTH, 9876, "-")) == MASKED
    assert mask(cpr(BIRTH, 9876, " ")) == MASKED


def test_scan_text_message_explains_and_never_shows_the_number():
    number = cpr(BIRTH, 5678, "-")
    msgs = scan_text(f"a: 1\nb: {number}\n", "plan.yaml")
    assert len(msgs) == 1
    m = msgs[0]
    assert (m.file, m.line, m.column, m.is_error) == ("plan.yaml", 2, 4, True)
    text = str(m)
    assert text.startswith("plan.yaml:2:4:")
    assert reading.CPR_FOUND.format(masked=MASKED) in text
    # About wording: what the message must explain (removal, publication, personal data, the breach and Datatilsynet)
    for fragment in ("Fjern det", "offentliggjort", "personoplysning", "Datatilsynet", "brud på persondatasikkerheden"):
        assert fragment in text
    assert number not in text
    assert "5678" not in text


def test_the_build_stops_on_the_plan_and_on_docs(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    number = cpr(dt.date(1990, 5, 17), 42, "-")
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"kommune: Korsbæk\nnote: {number}\n", encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "index.md").write_text("# Forside\n\nIntet her: 2027-03-01\n", encoding="utf-8")
    (docs / "sub" / "liste.CSV").write_text(f"navn;nummer\nx;{number}\n", encoding="utf-8")
    (docs / "sub" / "side.html").write_text(f"<p>{number}</p>", encoding="utf-8")
    (docs / "sub" / "gammel.txt").write_bytes(f"Æble {number}\n".encode("cp1252"))
    (docs / "billede.png").write_bytes(b"\x89PNG\r\n\x1a\n" + number.encode())  # an image by its bytes: skipped
    (docs / "falsk.png").write_bytes(number.encode())  # text, whatever the name says: scanned
    msgs = guard_stops_the_build(plan, docs)
    where = sorted((m.file, m.line, m.column) for m in msgs)
    assert where == [
        ("docs/falsk.png", 1, 1),
        ("docs/sub/gammel.txt", 1, 6),
        ("docs/sub/liste.CSV", 2, 3),
        ("docs/sub/side.html", 1, 4),
        ("plan.yaml", 2, 7),
    ]
    assert all("170590-XXXX" in m.text and number not in str(m) for m in msgs)


def test_no_docs_folder_and_a_missing_plan_give_no_cpr_message(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert scan_docs(None) == [] and scan_docs(tmp_path / "ingen-docs") == []
    # A missing plan is one message, that the file is not there, and no word about CPR numbers.
    msgs = guard_stops_the_build(tmp_path / "findes-ikke.yaml", None)
    assert [m.file for m in msgs] == ["findes-ikke.yaml"] and like(reading.FILE_NOT_FOUND).fullmatch(msgs[0].text)
    assert "CPR" not in msgs[0].text
    # A clean plan without docs/ (or with a docs folder that is not there) builds.
    plan = tmp_path / "plan.yaml"
    plan.write_text(example_text(), encoding="utf-8")
    for docs in (None, tmp_path / "ingen-docs"):
        _, warnings, _ = checked_plan(plan, docs)
        assert not any("CPR" in m.text for m in warnings)


def test_a_file_the_guard_cannot_read_is_named_with_a_danish_reason():
    import errno

    from konverteringsplan.io.cpr import _unreadable

    message = _unreadable("docs/noter.md", PermissionError(errno.EACCES, "Permission denied", "docs/noter.md"))
    assert message.is_error and message.file == "docs/noter.md"
    assert message.text == reading.UNREADABLE.format(reason=reading.OS_NO_ACCESS)
