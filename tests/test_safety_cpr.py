"""The CPR guard sees every file MkDocs would publish, big ones too, in bounded memory.

No CPR-shaped number is written in this file: each is built at run time from a date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import guard_stops_the_build_on_docs
from konverteringsplan.io import cpr as cpr_mod
from konverteringsplan.io.cpr import find_cpr, find_cpr_in_pieces

NUMBER = f"{dt.date(2009, 10, 5):%d%m%y}-{4711:04d}"
MASKED = f"{dt.date(2009, 10, 5):%d%m%y}-XXXX"


def test_a_file_in_a_symlinked_folder_is_scanned(tmp_path):
    # MkDocs follows symlinked folders in docs/ and publishes what is there: so must the guard.
    docs, shared = tmp_path / "docs", tmp_path / "delt-drev"
    docs.mkdir()
    shared.mkdir()
    (shared / "referat.md").write_text(f"# Referat\n\nBarnet {NUMBER}\n", encoding="utf-8")
    os.symlink(shared, docs / "referater")
    messages = guard_stops_the_build_on_docs(tmp_path, docs)
    assert [(m.line, m.column) for m in messages] == [(3, 8)]
    assert MASKED in messages[0].text and NUMBER not in messages[0].text
    assert messages[0].file.endswith("referater/referat.md")


def test_a_symlink_loop_in_docs_ends(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    os.symlink(docs, docs / "a" / "tilbage")
    (docs / "side.md").write_text(NUMBER, encoding="utf-8")
    assert len(guard_stops_the_build_on_docs(tmp_path, docs)) >= 1


def test_a_big_file_is_scanned_in_pieces_with_the_right_line_and_column(tmp_path, monkeypatch):
    monkeypatch.setattr(cpr_mod, "_BIG", 100)  # "big" from 100 bytes, pieces of 7 characters
    monkeypatch.setattr(cpr_mod, "CHUNK", 7)
    docs = tmp_path / "docs"
    docs.mkdir()
    text = "linje 1\n" + "x" * 150 + "\nøæå " + NUMBER + " og " + NUMBER.replace("-", "") + "\n"
    (docs / "stor.csv").write_text(text, encoding="utf-8")
    messages = guard_stops_the_build_on_docs(tmp_path, docs)
    assert [(m.line, m.column) for m in messages] == [(3, 5), (3, 5 + len(NUMBER) + 4)]


@st.composite
def texts_and_cuts(draw):
    parts = draw(
        st.lists(
            st.one_of(
                st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)).map(lambda d: f"{d:%d%m%y}"),
                st.sampled_from(["-", " ", "\n", ".", ",", "a", "ø", "1234", "0", "99"]),
            ),
            max_size=40,
        )
    )
    text = "".join(parts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    return text, cuts


@settings(max_examples=40, deadline=None, derandomize=True)
@given(texts_and_cuts())
def test_scanning_in_pieces_finds_exactly_what_scanning_at_once_finds(text_cuts):
    text, cuts = text_cuts
    bounds = [0, *cuts, len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
    assert find_cpr_in_pieces(pieces) == find_cpr(text)
