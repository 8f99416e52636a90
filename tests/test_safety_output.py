"""`render --out` (and the Zensical adapter): the folder is the generator's, replaced whole, one
writer at a time; never a user's file overwritten, never a half-written or lost output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import example_text, like, run_cli, set_value
from konverteringsplan.adapters import output as output_mod
from konverteringsplan.adapters.output import MANIFEST, locked, write_tree
from konverteringsplan.messages import PlanError
from konverteringsplan.pages.common import Output, Page
from konverteringsplan.texts import commands, reading

BUSY_MESSAGES = (like(commands.FOLDER_BUSY), like(commands.FOLDER_BUSY_LOCK_FILE))


def busy(text: str) -> bool:
    """The text says another run is writing to the folder (with or without a lock file to delete)."""
    return any(m.search(text) for m in BUSY_MESSAGES)


def make_output(version: str, extra_page: bool = False) -> Output:
    pages = [
        Page("index.md", "Forside", f"# Forside {version}\n"),
        Page("vejledning/sagsbehandler.md", "Sagsbehandler", f"# Vejledning {version}\n", "Vejledning"),
    ]
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


def leftovers(out: Path) -> list[str]:
    """Work folders beside `out` (the lock file is meant to stay)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and p.suffix != ".lock")


@pytest.fixture
def out(tmp_path) -> Path:
    """An output folder holding a first render."""
    out = tmp_path / "ud"
    write_tree(make_output("v1", extra_page=True), out)
    return out


def test_a_render_replaces_its_own_folder_whole(out):
    write_tree(make_output("v2"), out)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v2\n"
    assert (out / "downloads" / "plan.csv").read_bytes() == b"a;b\n1;v2\n"
    assert not (out / "gammel").exists()  # the page the plan no longer produces is gone, its folder too
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest) == {"index.md", "vejledning/sagsbehandler.md", "downloads/plan.csv", "nav.json"}
    assert leftovers(out) == []


@pytest.mark.parametrize(
    "what", ["mine-noter.md", "vejledning/egen-side.md", "index.md", "downloads/plan.csv", "egen-mappe/"]
)
def test_a_folder_with_anything_the_generator_did_not_write_is_refused_untouched(out, what):
    target = out / what
    if what.endswith("/"):
        target.mkdir()
    else:
        target.write_bytes(b"rettet eller skrevet i haanden")
    before = snapshot(out)
    with pytest.raises(PlanError) as exc:
        write_tree(make_output("v2"), out)
    assert snapshot(out) == before  # nothing at all was written, moved or deleted
    text = str(exc.value)
    assert what in text and like(commands.FOLDER_NOT_OURS).search(text)
    assert leftovers(out) == []


def test_a_foreign_file_in_a_fresh_folder_is_never_overwritten(tmp_path):
    out = tmp_path / "ud"
    out.mkdir()
    (out / "index.md").write_text("min forside", encoding="utf-8")
    with pytest.raises(PlanError):
        write_tree(make_output("v1"), out)
    assert snapshot(out) == {"index.md": b"min forside"}


def test_an_empty_folder_is_taken(tmp_path):
    out = tmp_path / "ud"
    out.mkdir()
    write_tree(make_output("v1"), out)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v1\n"


def test_a_symlink_in_the_folder_is_refused_and_leads_nowhere(tmp_path):
    out, elsewhere = tmp_path / "ud", tmp_path / "andet-sted"
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "downloads")
    with pytest.raises(PlanError) as exc:
        write_tree(make_output("v1"), out)
    assert "downloads" in str(exc.value)
    assert list(elsewhere.iterdir()) == [] and (out / "downloads").is_symlink()


def test_a_corrupt_manifest_makes_every_file_foreign(out):
    (out / MANIFEST).write_text("{ikke json", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(PlanError):
        write_tree(make_output("v2"), out)
    assert snapshot(out) == before


def _failing(monkeypatch, module, name: str, fail_at: int, exc: BaseException) -> list[int]:
    calls = [0]
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == fail_at:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


@pytest.mark.parametrize("module,name", [(os, "replace"), (Path, "write_bytes"), (Path, "mkdir")])
def test_a_failure_at_any_step_leaves_the_previous_output_intact(out, module, name):
    with pytest.MonkeyPatch.context() as mp:
        total = _failing(mp, module, name, 0, OSError())
        write_tree(make_output("v0"), out)
    assert total[0] >= 1
    before = snapshot(out)
    for fail_at in range(1, total[0] + 1):
        for exc in (OSError(28, "No space left on device"), KeyboardInterrupt()):
            with pytest.MonkeyPatch.context() as mp:
                _failing(mp, module, name, fail_at, exc)
                with pytest.raises(type(exc)):
                    write_tree(make_output("v2"), out)
            assert snapshot(out) == before, f"{name}: step {fail_at} of {total[0]} left a half-written output"
            assert leftovers(out) == []
    write_tree(make_output("v2"), out)  # and the next render (the disk has room again) just works
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v2\n"


@pytest.mark.parametrize("renames_done", [0, 1])
def test_a_render_killed_mid_swap_is_cleaned_up_by_the_next_one(out, monkeypatch, renames_done):
    """kill -9 between or before the renames: nothing is cleaned up in that process; the next one does it."""
    before = snapshot(out)

    class Killed(BaseException):
        pass

    real = os.replace
    calls = [0]

    def dies(*args):
        calls[0] += 1
        if calls[0] > renames_done:
            raise Killed
        return real(*args)

    monkeypatch.setattr(os, "replace", dies)
    monkeypatch.setattr(output_mod.shutil, "rmtree", lambda *a, **k: None)  # a killed process cleans nothing
    with pytest.raises(Killed):
        write_tree(make_output("v2"), out)
    monkeypatch.undo()
    assert leftovers(out)  # the half-done state is there, as after a real crash
    assert out.exists() == (renames_done == 0)
    with locked(out):
        output_mod._recover(out)
    assert snapshot(out) == before and leftovers(out) == []  # the previous output is back, whole
    write_tree(make_output("v3"), out)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Forside v3\n"


def test_a_second_writer_is_told_in_danish_and_changes_nothing(out):
    before = snapshot(out)
    with locked(out.resolve()), pytest.raises(PlanError) as exc:
        write_tree(make_output("v2"), out)
    assert busy(str(exc.value))
    assert snapshot(out) == before


def test_four_renders_at_once_leave_exactly_one_complete_output(tmp_path):
    """Threads with a barrier, so the four really meet at the lock; two different outputs."""
    expected = {}
    for version in ("A", "B"):
        write_tree(make_output(version, extra_page=version == "A"), tmp_path / version)
        expected[version] = snapshot(tmp_path / version)
    out = tmp_path / "ud"
    for round_ in range(6):
        barrier = threading.Barrier(4)
        results: list[str] = []

        def render(version: str) -> None:
            barrier.wait()
            try:
                write_tree(make_output(version, extra_page=version == "A"), out)
                results.append("skrevet")
            except PlanError as exc:
                results.append("optaget" if busy(str(exc)) else str(exc))

        threads = [threading.Thread(target=render, args=(v,)) for v in "ABAB"]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(set(results)) <= ["optaget", "skrevet"], results
        assert "skrevet" in results  # whoever holds the lock finishes
        assert snapshot(out) in (expected["A"], expected["B"]), f"round {round_}: a mix or a loss"
        assert leftovers(out) == []


def test_four_cli_renders_of_two_plans_at_once(tmp_path):
    """The real command, four processes, two plans: each ends complete or says another render runs."""
    plans = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    plans[0].write_text(example_text(), encoding="utf-8")
    other = set_value(example_text(), ("roller", "sagsbehandler", "navn"), "Myndighedsrådgiver")
    plans[1].write_text(other, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "ud"
    expected = []
    for i, plan in enumerate(
        plans
    ):  # each plan rendered alone (in this process; only the race below needs real processes)
        assert run_cli("render", "--out", str(tmp_path / f"facit{i}"), "--plan", str(plan)).returncode == 0
        expected.append(snapshot(tmp_path / f"facit{i}"))
    # a previous output that must not be lost
    assert run_cli("render", "--out", str(out), "--plan", str(plans[0])).returncode == 0
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "konverteringsplan", "render", "--out", str(out), "--plan", str(p)],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for p in plans * 2
    ]
    for proc in procs:
        stdout, stderr = proc.communicate()
        wrote = like(commands.RENDER_WROTE).search(stdout)
        assert (proc.returncode == 0 and wrote) or (proc.returncode == 1 and busy(stderr)), stderr
        assert "Traceback" not in stderr
    assert snapshot(out) in expected
    assert leftovers(out) == []


def test_an_os_error_is_a_danish_sentence(tmp_path):
    (tmp_path / "fil").write_text("en fil, ikke en mappe", encoding="utf-8")
    done = run_cli("render", "--out", str(tmp_path / "fil" / "ud"))
    assert done.returncode == 1
    assert "File exists" not in done.stderr and "Not a directory" not in done.stderr
    assert reading.OS_EXISTS in done.stderr or reading.OS_NOT_A_FOLDER in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
