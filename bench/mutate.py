"""Mutation testing of analysis/ and rules/: `make mutate` (not part of `make test`).

Why not mutmut: mutmut 3 names a mutant after the file it mutates (``generator.analysis.load.x_…``) and
its trampoline compares that name with the running function's ``__module__``; here the folder
``generator/`` is installed as ``konverteringsplan`` (setup.py), so no mutant would ever be switched on.

So this small runner: it lists every one-line mutation of the kinds below in ``generator/analysis/*.py``
and ``generator/rules/*.py`` (found with ``tokenize``: code only, never a string or a comment), draws a
deterministic sample (``random.Random(seed)`` over the sorted list), and for each mutant writes the
mutated module into a copy of ``generator/`` named ``konverteringsplan`` (in a temporary folder put first on
``PYTHONPATH``, ahead of the editable install, for the tests and every process they start), then runs the
tests. A mutant is *killed* when a test fails (or the run times out), *survives* when every test passes.

Kinds: a comparison moved by one (``>`` ↔ ``>=``, ``<`` ↔ ``<=``), an integer constant moved by one
(n+1 and n−1), ``min`` ↔ ``max``.

    .venv/bin/python -m bench.mutate                   # 30 mutants, seed 24, the default test files
    .venv/bin/python -m bench.mutate --sample 0        # every mutant (long: hours on one core)
    .venv/bin/python -m bench.mutate --list            # the sample only, nothing run
    .venv/bin/python -m bench.mutate --tests tests/test_limits.py tests/test_rules.py
    .venv/bin/python -m bench.mutate --seed 7 --full --only analysis/calendar.py:95   # a survivor, whole suite

Some mutants change nothing a user can see (equivalent mutants, e.g. ``max(0, n)`` of a count that is
never negative): EQUIVALENT lists those judged so by reading the code, each with its reason; the score
is killed / (sampled − equivalent).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
TARGETS = ("analysis", "rules")
FULL_TESTS = ["tests", "--ignore=tests/browser", "-n", "2", "--dist", "loadfile"]  # --full: the non-browser suite
# The default: every non-browser test file but those that exercise packaging, the adapters, the safety
# machinery and the spelling (slow, and about the layers outside analysis/ and rules/). A mutant that survives
# these is run again with --full --only FILE:LINE before it counts as a survivor.
NOT_BY_DEFAULT = {
    "test_bench_synthetic.py", "test_cpr.py", "test_fuzz.py", "test_input_numbers.py", "test_language.py",
    "test_packaging.py", "test_plugin_mount.py", "test_progress_fuzz.py", "test_readme_walkthrough.py",
    "test_safety_bounds.py", "test_safety_channels.py", "test_safety_count.py", "test_safety_cpr_build.py",
    "test_safety_cpr_classes.py", "test_safety_html.py", "test_safety_markdown.py", "test_scaffold.py",
    "test_search_plugin.py", "test_serve.py", "test_site_build.py", "test_vejledning.py", "test_wheel_install.py",
    "test_wheel_new.py", "test_worker.py", "test_workflows.py", "test_zensical.py",
}  # fmt: skip
DEFAULT_TESTS = sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_*.py") if p.name not in NOT_BY_DEFAULT
)
SWAP = {">": ">=", ">=": ">", "<": "<=", "<=": "<"}
NAMES = {"min": "max", "max": "min"}

ROOM_FOR_WEEK_ENDS = (
    "13 to 15 days all leave room for a week's ends; only a go-live within five years of the year 1 or 9999 comes"
    " near these bounds"
)
# (file, original line stripped, mutated line stripped) → why no user can tell the mutant apart
EQUIVALENT: dict[tuple[str, str, str], str] = {
    (
        "analysis/forecast.py",
        "out.append(1.0 if total <= 0 and i else (prefix[i - 1] / total if i and total > 0 else 0.0))",
        "out.append(1.0 if total <= 0 and i else (prefix[i - 1] / total if i and total >= 0 else 0.0))",
    ): "a total of 0 with i > 0 is taken by the first branch; hours are never negative",
    (
        "analysis/progress.py",
        "return dict(self.schedule).get(day, 0)",
        "return dict(self.schedule).get(day, 1)",
    ): "called only with counting dates, and the schedule holds every one of them",
    (
        "rules/training.py",
        "guess = difflib.get_close_matches(s.trainer, people, n=1, cutoff=0.75)",
        "guess = difflib.get_close_matches(s.trainer, people, n=2, cutoff=0.75)",
    ): "only the best match (guess[0]) is shown, and it is first either way",
    (
        "analysis/economics.py",
        "return round((self.factor - 1) * 100)",
        "return round((self.factor - 1) * 101)",
    ): "the factors are 0.75, 1 and 1.25: ±25.25 rounds to ±25 as well",
    (
        "analysis/forecast.py",
        "start = next((i for i, p in enumerate(points) if p.minimum or p.full), 0)",
        "start = next((i for i, p in enumerate(points) if p.minimum or p.full), 1)",
    ): "the next line makes it max(0, start - 1): 0 either way",
    (
        "analysis/calendar.py",
        "if total >= amount - 1e-9 and self.weight(day) > 0:",
        "if total >= amount - 1e-9 and self.weight(day) >= 0:",
    ): "the total reaches the amount only on a day that adds to it (weights are never negative), so that day"
    " weighs more than 0 either way",
    (
        "analysis/progress.py",
        "if pace and gained > 0 and deadline > d1:",
        "if pace and gained > 0 and deadline >= d1:",
    ): "on the deadline itself no working days are left (between(d1, d1) is 0): n1 either way",
    (
        "analysis/workload.py",
        "low, high = dt.date.min + dt.timedelta(days=14), dt.date.max - dt.timedelta(days=14)  # room for week ends",
        "low, high = dt.date.min + dt.timedelta(days=13), dt.date.max - dt.timedelta(days=14)  # room for week ends",
    ): ROOM_FOR_WEEK_ENDS,
    (
        "analysis/workload.py",
        "low, high = dt.date.min + dt.timedelta(days=14), dt.date.max - dt.timedelta(days=14)  # room for week ends",
        "low, high = dt.date.min + dt.timedelta(days=15), dt.date.max - dt.timedelta(days=14)  # room for week ends",
    ): ROOM_FOR_WEEK_ENDS,
    (
        "analysis/workload.py",
        "low, high = dt.date.min + dt.timedelta(days=14), dt.date.max - dt.timedelta(days=14)  # room for week ends",
        "low, high = dt.date.min + dt.timedelta(days=14), dt.date.max - dt.timedelta(days=13)  # room for week ends",
    ): ROOM_FOR_WEEK_ENDS,
    (
        "analysis/workload.py",
        "low, high = dt.date.min + dt.timedelta(days=14), dt.date.max - dt.timedelta(days=14)  # room for week ends",
        "low, high = dt.date.min + dt.timedelta(days=14), dt.date.max - dt.timedelta(days=15)  # room for week ends",
    ): ROOM_FOR_WEEK_ENDS,
    (
        "analysis/workload.py",
        "if a.hours <= 0 or a.owner is None or a.end < a.start:",
        "if a.hours < 0 or a.owner is None or a.end < a.start:",
    ): "an activity of 0 hours places no hours and is outside the horizon (render --out of a plan with one"
    " is byte for byte the same)",
    (
        "analysis/progress.py",
        "finish = days.add(d1, need, limit) if need <= FORECAST_REACH else None",
        "finish = days.add(d1, need, limit) if need < FORECAST_REACH else None",
    ): "need is in working days, the limit in calendar days: FORECAST_REACH working days never fit before the"
    " limit, so add() gives None either way",
    (
        "analysis/progress.py",
        "return None if self.threshold is None else self.rate_pct <= self.threshold + 1e-9",
        "return None if self.threshold is None else self.rate_pct < self.threshold + 1e-9",
    ): "differs only for a rate of exactly the threshold + 1e-9, which no whole counts give",
    (
        "analysis/workload.py",
        "if role is None or not start <= s.date <= end or s.end <= s.start:",
        "if role is None or not start <= s.date <= end or s.end < s.start:",
    ): "a session that ends when it begins is an error (no site is built), and it would teach 0 hours",
    (
        "analysis/workload.py",
        "full = tuple(r.week for r in rows if first <= r.week <= week_of(s.deadline) and r.spare <= EPS)",
        "full = tuple(r.week for r in rows if first <= r.week <= week_of(s.deadline) and r.spare < EPS)",
    ): "differs only for spare hours of exactly EPS (1e-6), which no plan's hours give",
    (
        "rules/consistency.py",
        "say.FOLLOW_UPS_BEFORE_GO_LIVE.format(n=n, month=fmt.month(bounds[0]), go_live=fmt.date(go)),",
        "say.FOLLOW_UPS_BEFORE_GO_LIVE.format(n=n, month=fmt.month(bounds[1]), go_live=fmt.date(go)),",
    ): "the first and the last day of a month name the same month",
    (
        "analysis/guide.py",
        "steps = [_free_step(s, 0, page_dir) for s in (extra.before if extra else [])]",
        "steps = [_free_step(s, 1, page_dir) for s in (extra.before if extra else [])]",
    ): "every step is numbered again by _numbered before any page sees it",
    (
        "analysis/guide.py",
        "steps += [_free_step(s, 0, page_dir) for s in (extra.after if extra else [])]",
        "steps += [_free_step(s, 1, page_dir) for s in (extra.after if extra else [])]",
    ): "every step is numbered again by _numbered before any page sees it",
    (
        "analysis/workload.py",
        "round_half_up(sum(w.capacity for w in weeks if w.load > EPS), 2),",
        "round_half_up(sum(w.capacity for w in weeks if w.load >= EPS), 2),",
    ): "differs only for a week's load of exactly EPS (1e-6), which no plan's hours give",
    (
        "analysis/progress.py",
        "elif c.threshold is not None and r.faults / r.sample * 100 > c.threshold + 1e-9:",
        "elif c.threshold is not None and r.faults / r.sample * 100 >= c.threshold + 1e-9:",
    ): "differs only for a rate of exactly the threshold + 1e-9, which no whole counts give",
}


@dataclass(frozen=True)
class Mutant:
    file: str  # relative to generator/, e.g. "rules/training.py"
    line: int  # 1-based
    col: int  # 0-based, of the token
    old: str
    new: str

    def apply(self, source: str) -> str:
        lines = source.splitlines(keepends=True)
        text = lines[self.line - 1]
        assert text[self.col : self.col + len(self.old)] == self.old, (self, text)
        lines[self.line - 1] = text[: self.col] + self.new + text[self.col + len(self.old) :]
        return "".join(lines)

    def lines(self, source: str) -> tuple[str, str]:
        return source.splitlines()[self.line - 1].strip(), self.apply(source).splitlines()[self.line - 1].strip()

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.old} → {self.new}"


def mutants_of(file: Path) -> list[Mutant]:
    rel = file.relative_to(PACKAGE).as_posix()
    out = []
    source = file.read_text(encoding="utf-8")
    decorators = {n for n, text in enumerate(source.splitlines(), 1) if text.lstrip().startswith("@")}
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for i, tok in enumerate(tokens):
        (line, col), s = tok.start, tok.string
        if line in decorators:
            continue  # @lru_cache(maxsize=…): speed, not behaviour
        if tok.type == tokenize.OP and s in SWAP:
            out.append(Mutant(rel, line, col, s, SWAP[s]))
        elif tok.type == tokenize.NUMBER and s.isdigit():
            out += [Mutant(rel, line, col, s, str(int(s) + d)) for d in (1, -1) if int(s) + d >= 0]
        elif tok.type == tokenize.NAME and s in NAMES and i + 1 < len(tokens) and tokens[i + 1].string == "(":
            out.append(Mutant(rel, line, col, s, NAMES[s]))
    return out


def all_mutants() -> list[Mutant]:
    files = sorted(f for t in TARGETS for f in (PACKAGE / t).glob("*.py"))
    return [m for f in files for m in mutants_of(f)]


def sample(mutants: list[Mutant], n: int, seed: int) -> list[Mutant]:
    if n <= 0 or n >= len(mutants):
        return mutants
    return sorted(random.Random(seed).sample(mutants, n), key=lambda m: (m.file, m.line, m.col, m.new))


def run_tests(site: Path, tests: list[str], timeout: float) -> tuple[bool, float]:
    """True when the tests pass against the package in `site` (the mutant survives)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]).rstrip(":")}
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    began = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, time.perf_counter() - began
    return done.returncode == 0, time.perf_counter() - began


def imported_from(site: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import konverteringsplan; print(konverteringsplan.__file__)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.mutate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=30, help="how many mutants (0: all)")
    parser.add_argument("--seed", type=int, default=24)
    parser.add_argument(
        "--timeout", type=float, help="seconds per mutant; longer counts as killed (default: 5 × the unmutated run)"
    )
    parser.add_argument(
        "--only", nargs="+", default=[], metavar="FILE:LINE", help="keep only the sampled mutants on these lines"
    )
    parser.add_argument("--list", action="store_true", help="show the sample, run nothing")
    parser.add_argument("--tests", nargs="+", default=DEFAULT_TESTS, help="test files (default: see NOT_BY_DEFAULT)")
    parser.add_argument("--full", action="store_true", help="the whole non-browser suite, on two processes")
    args = parser.parse_args(argv)
    if args.full:
        args.tests = FULL_TESTS

    everything = all_mutants()
    chosen = sample(everything, args.sample, args.seed)
    if args.only:  # e.g. a focused run's survivors, again with the whole suite
        chosen = [m for m in chosen if f"{m.file}:{m.line}" in args.only]
    print(f"{len(chosen)} of {len(everything)} mutants (seed {args.seed}) in generator/{{{','.join(TARGETS)}}}/")
    if args.list:
        for m in chosen:
            old, new = m.lines((PACKAGE / m.file).read_text(encoding="utf-8"))
            print(f"  {m}    {old}  ⇒  {new}")
        return 0

    with tempfile.TemporaryDirectory(prefix="kp-mutate-") as tmp:
        site = Path(tmp)
        copy = site / "konverteringsplan"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        where = imported_from(site)
        if not where.startswith(str(copy)):
            print(f"the tests would import konverteringsplan from {where}, not from the copy", file=sys.stderr)
            return 2
        passed, seconds = run_tests(site, args.tests, 3600)
        if not passed:
            print("the tests fail without a mutant: fix them first", file=sys.stderr)
            return 2
        # a mutant that makes the analysis crawl (a horizon of 9,999 years) is caught by this, not awaited
        timeout = args.timeout or max(60.0, 5 * seconds)
        print(f"unmutated: the tests pass ({seconds:.0f} s; a mutant gets {timeout:.0f} s)")
        killed, survived, equivalent = [], [], []
        for m in chosen:
            target = copy / m.file
            source = (PACKAGE / m.file).read_text(encoding="utf-8")
            old, new = m.lines(source)
            target.write_text(m.apply(source), encoding="utf-8")
            try:
                passed, seconds = run_tests(site, args.tests, timeout)
            finally:
                target.write_text(source, encoding="utf-8")
            why = EQUIVALENT.get((m.file, old, new))
            verdict = "survived" if passed else "killed"
            if passed and why:
                equivalent.append(m)
                verdict = f"equivalent ({why})"
            else:
                (survived if passed else killed).append(m)
            print(f"{verdict:>9}  {m}  [{seconds:.0f} s]    {old}  ⇒  {new}", flush=True)
    changing = len(chosen) - len(equivalent)
    score = 100 * len(killed) / changing if changing else 100.0
    print(
        f"\nkilled {len(killed)} of {changing} behaviour-changing mutants ({score:.0f} %); {len(equivalent)} equivalent"
    )
    for m in survived:
        print(f"  survived: {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
