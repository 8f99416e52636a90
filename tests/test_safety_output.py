"""`render --out`: all or nothing, and never over a file the generator did not write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.adapters import output as output_mod
from generator.messages import PlanError
from generator.adapters.output import MANIFEST, WORK, write_tree
from generator.pages.common import Output, Page


def make_output(version: str, extra_page: bool = False) -> Output:
    pages = [Page("index.md", "Forside", f"# Forside {version}\n"),
             Page("vejledning/sagsbehandler.md", "Sagsbehandler", f"# Vejledning {version}\n", "Vejledning")]
    if extra_page:
        pages.append(Page("gammel/side.md", "Gammel", f"# Gammel {version}\n"))
    out = Output(pages=pages)
    out.download("downloads/plan.csv", f"a;b\n1;{version}\n".encode)
    return out


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file, folder and symlink under root, with file contents: what a user would see."""
    snap: dict[str, bytes | str] = {}
    for p in sorted(root.rglob("*")):
        rel = str(p.relative_to(root))
        if p.is_symlink():
            snap[rel] = "-> " + os.readlink(p)
        elif p.is_file():
            snap[rel] = p.read_bytes()
        else:
            snap[rel] = "<mappe>"
    return snap


@pytest.fixture
def out(tmp_path) -> Path:
    """An output folder holding a first render plus the user's own files."""
    out = tmp_path / "ud"
    write_tree(make_output("v1", extra_page=True), out)
    (out / "mine-noter.md").write_text("mine egne noter", encoding="utf-8")
    (out / "vejledning" / "egen-side.md").write_text("egen side", encoding="utf-8")
    return out


def test_a_render_replaces_its_own_files_and_leaves_the_users_files(out):
    write_tree(make_output("v2"), out)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v2\n"
    assert (out / "downloads" / "plan.csv").read_bytes() == b"a;b\n1;v2\n"
    # the page the plan no longer produces is gone, its empty folder too
    assert not (out / "gammel").exists()
    # the user's files are exactly as they were
    assert (out / "mine-noter.md").read_text(encoding="utf-8") == "mine egne noter"
    assert (out / "vejledning" / "egen-side.md").read_text(encoding="utf-8") == "egen side"
    assert not (out / WORK).exists()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest) == {"index.md", "vejledning/sagsbehandler.md", "downloads/plan.csv", "nav.json"}


@pytest.mark.parametrize("rel", ["index.md", "downloads/plan.csv"])
def test_a_file_the_user_edited_is_never_overwritten(out, rel):
    (out / rel).write_bytes(b"rettet i haanden")
    before = snapshot(out)
    with pytest.raises(PlanError) as exc:
        write_tree(make_output("v2"), out)
    assert snapshot(out) == before  # nothing at all was written
    text = str(exc.value)
    assert rel in text and "ikke skrevet af generatoren" in text and "--out" in text


def test_a_failed_first_render_leaves_the_users_folder_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "ud"
    (out / "downloads").mkdir(parents=True)  # the user's own, empty folder that we also write into
    (out / "mine-noter.md").write_text("noter", encoding="utf-8")
    before = snapshot(out)
    _count_calls(monkeypatch, "replace", fail_at=4)
    with pytest.raises(OSError):
        write_tree(make_output("v1"), out)
    assert snapshot(out) == before  # no new folder left behind ("vejledning"), the user's one kept


def test_a_crash_after_the_commit_does_not_undo_it(out, monkeypatch):
    monkeypatch.setattr(output_mod.shutil, "rmtree", lambda *a, **k: None)  # dies before cleaning up
    write_tree(make_output("v2"), out)
    monkeypatch.undo()
    assert (out / WORK).exists()
    output_mod._recover(out)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v2\n"
    assert not (out / WORK).exists()


def test_a_foreign_file_in_a_fresh_folder_is_never_overwritten(tmp_path):
    out = tmp_path / "ud"
    out.mkdir()
    (out / "index.md").write_text("min forside", encoding="utf-8")
    with pytest.raises(PlanError):
        write_tree(make_output("v1"), out)
    assert snapshot(out) == {"index.md": "min forside".encode()}


def test_a_file_where_a_folder_is_needed_is_refused_not_a_crash(tmp_path):
    out = tmp_path / "ud"
    out.mkdir()
    (out / "vejledning").write_text("en fil, ikke en mappe", encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        write_tree(make_output("v1"), out)
    assert "vejledning" in str(exc.value)
    assert snapshot(out) == {"vejledning": "en fil, ikke en mappe".encode()}


def test_a_symlinked_folder_cannot_lead_the_output_elsewhere(tmp_path):
    out, elsewhere = tmp_path / "ud", tmp_path / "andet-sted"
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "downloads")
    with pytest.raises(PlanError) as exc:
        write_tree(make_output("v1"), out)
    assert "downloads/plan.csv" in str(exc.value)
    assert list(elsewhere.iterdir()) == []


def test_a_corrupt_manifest_makes_every_existing_file_foreign(out):
    (out / MANIFEST).write_text("{ikke json", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(PlanError):
        write_tree(make_output("v2"), out)
    assert snapshot(out) == before


def _count_calls(monkeypatch, name: str, fail_at: int | None = None) -> list[int]:
    """Wrap a function used by write_tree: count the calls, and fail the `fail_at`-th one."""
    calls = [0]
    module = os if name == "replace" else output_mod
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == fail_at:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def _calls_in_a_render(tmp_path, name: str) -> int:
    out = tmp_path / "tael"
    write_tree(make_output("v1", extra_page=True), out)
    (out / "mine-noter.md").write_text("x", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        calls = _count_calls(mp, name)
        write_tree(make_output("v2"), out)
    return calls[0]


@pytest.mark.parametrize("name", ["replace", "_write_file"])
def test_a_failure_at_any_step_leaves_the_previous_output_intact(tmp_path, out, name):
    total = _calls_in_a_render(tmp_path, name)
    # every new file is written and moved, every old one moved to the backup, stale ones too
    assert total >= 4
    before = snapshot(out)
    for fail_at in range(1, total + 1):
        with pytest.MonkeyPatch.context() as mp:
            _count_calls(mp, name, fail_at)
            with pytest.raises(OSError):
                write_tree(make_output("v2"), out)
        assert snapshot(out) == before, f"step {fail_at} of {total} left a half-written output"
    # and the next render (the disk has room again) just works
    write_tree(make_output("v2"), out)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v2\n"
    assert (out / "mine-noter.md").read_text(encoding="utf-8") == "mine egne noter"


def test_an_interrupt_mid_write_is_undone_too(out, monkeypatch):
    before = snapshot(out)
    calls = [0]
    real = os.replace

    def interrupted(*args):
        calls[0] += 1
        if calls[0] == 3:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_tree(make_output("v2"), out)
    monkeypatch.undo()
    assert snapshot(out) == before


@pytest.mark.parametrize("crash_after", [1, 2, 5, 7])
def test_a_killed_render_is_undone_by_the_next_one(out, monkeypatch, crash_after):
    """kill -9 mid-commit: nothing is undone in that process; the next render finds the journal."""
    before = snapshot(out)
    calls = [0]
    real = os.replace

    class Killed(BaseException):
        pass

    def dies(*args):
        calls[0] += 1
        if calls[0] > crash_after:
            raise Killed
        return real(*args)

    monkeypatch.setattr(os, "replace", dies)
    monkeypatch.setattr(output_mod, "_undo", lambda *a: None)  # a killed process cleans nothing up
    monkeypatch.setattr(output_mod.shutil, "rmtree", lambda *a, **k: None)
    with pytest.raises(Killed):
        write_tree(make_output("v2"), out)
    monkeypatch.undo()
    assert (out / WORK).exists()  # the half-done state is there, as after a real crash
    # The next render first restores the previous output, then writes the new one.
    output_mod._recover(out)
    assert snapshot(out) == before
    write_tree(make_output("v3"), out)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v3\n"
    assert (out / "mine-noter.md").read_text(encoding="utf-8") == "mine egne noter"
    assert not (out / WORK).exists()


def test_a_killed_render_with_unchanged_pages_is_undone_at_every_step(tmp_path, monkeypatch):
    """Unchanged pages are both the old and the new output: recovery must keep them."""
    def mixed() -> Output:
        out = make_output("v2")
        out.pages[0] = Page("index.md", "Forside", "# Forside v1\n")  # the same as in the first render
        return out

    total = _calls_in_a_render(tmp_path, "replace")
    for crash_after in range(total):
        out = tmp_path / f"ud{crash_after}"
        write_tree(make_output("v1", extra_page=True), out)
        (out / "mine-noter.md").write_text("mine egne noter", encoding="utf-8")
        before = snapshot(out)
        calls = [0]
        real = os.replace

        def dies(*args):
            calls[0] += 1
            if calls[0] > crash_after:
                raise KeyboardInterrupt
            return real(*args)

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(os, "replace", dies)
            mp.setattr(output_mod, "_undo", lambda *a: None)
            mp.setattr(output_mod.shutil, "rmtree", lambda *a, **k: None)
            with pytest.raises(KeyboardInterrupt):
                write_tree(mixed(), out)
        output_mod._recover(out)
        assert snapshot(out) == before, f"crash after {crash_after} of {total} steps"
