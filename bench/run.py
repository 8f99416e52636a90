"""`make bench`: what the generator costs on top of MkDocs, for plans 1, 10 and 50 times the example.

For each scale factor:

1. Write the synthetic plan (bench/synthetic.py) and check it with the real pipeline.
2. Pre-render its pages with ``python -m konverteringsplan render --out`` into a copy of docs/, and write three
   MkDocs configs that INHERIT mkdocs.yml: one with the konverteringsplan plugin reading the synthetic
   plan, the same with ``parallel: false`` (no worker process), and one without the plugin whose nav
   is the rendered nav.json (+ the hand-written nav).
3. Build them in turn, ``--repeat`` times each, and take the ratios of the medians to the plain build.
4. The edit loop: ``mkdocs serve --livereload`` with the plugin on a free port; alternately save the plan
   with a new marker in the municipality's name and a hand-written page with a new marker line, and time
   each save until the served page (polled over HTTP every 20 ms) shows it (``--saves`` of each; medians).
5. In a fresh process (bench/measure.py): validation + analysis time and peak memory.
6. Sizes: search/search_index.json and the largest page of the built site.

Everything is written under build/bench/.  The machine is printed with the table.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .synthetic import ROOT, default_weeks_factor, units, write_plan

PLUGIN = "konverteringsplan"
WORK = ROOT / "build" / "bench"
# Config keys that MkDocs resolves relative to the config file; the generated configs live elsewhere.
RELATIVE_KEYS = ("docs_dir", "hooks", "watch")


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = ""
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, Python {platform.python_version()}, {load}"


# ---------------------------------------------------------------------------------------------
# MkDocs configs
# ---------------------------------------------------------------------------------------------


def _parent_config(config_file: Path) -> dict:
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as fh:
        return yaml_load(fh)


def _plugins(parent: dict) -> list:
    """The parent's plugins as a list of {name: options} (MkDocs accepts a list or a mapping)."""
    plugins = parent.get("plugins", ["search"])
    if isinstance(plugins, dict):
        return [{name: (opts or {})} for name, opts in plugins.items()]
    return [p if isinstance(p, dict) else {p: {}} for p in plugins]


def _absolute(value, base: Path):
    if isinstance(value, str):
        return str((base / value).resolve())
    if isinstance(value, list):
        return [_absolute(v, base) for v in value]
    return value


def write_configs(workdir: Path, plan: Path, docs_plain: Path, nav: list, config_file: Path) -> tuple[Path, Path, Path]:
    """Three configs that INHERIT the project's mkdocs.yml: with the plugin, with the plugin rendering in
    the MkDocs process (``parallel: false``, as on macOS, Windows and one processor), and pre-rendered
    without it."""
    import yaml

    parent = _parent_config(config_file)
    base = config_file.parent
    common: dict = {"INHERIT": str(config_file.resolve())}
    for key in RELATIVE_KEYS:
        if key in parent:
            common[key] = _absolute(parent[key], base)
    if "docs_dir" not in common:
        common["docs_dir"] = str((base / "docs").resolve())
    theme = parent.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        common["theme"] = {"custom_dir": _absolute(theme["custom_dir"], base)}

    plugins = _plugins(parent)
    with_plugin = []
    for entry in plugins:
        ((name, opts),) = entry.items()
        if name == PLUGIN:
            opts = {**opts, "plan": str(plan.resolve())}
        with_plugin.append({name: opts})
    without = [e for e in plugins if next(iter(e)) != PLUGIN]
    if len(without) == len(plugins):
        raise SystemExit(f"{config_file} does not use the {PLUGIN} plugin; nothing to compare.")

    plugin_cfg = workdir / "mkdocs-plugin.yml"
    serial_cfg = workdir / "mkdocs-serial.yml"
    serial = [
        {name: {**opts, "parallel": False}} if name == PLUGIN else {name: opts}
        for entry in with_plugin
        for name, opts in entry.items()
    ]
    serial_cfg.write_text(
        yaml.safe_dump({**common, "plugins": serial}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    plain_cfg = workdir / "mkdocs-plain.yml"
    plugin_cfg.write_text(
        yaml.safe_dump({**common, "plugins": with_plugin}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    user_nav = parent.get("nav") or []
    plain_cfg.write_text(
        yaml.safe_dump(
            {**common, "docs_dir": str(docs_plain.resolve()), "plugins": without, "nav": nav + user_nav},
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return plugin_cfg, serial_cfg, plain_cfg


def prerender(plan: Path, workdir: Path, docs_dir: Path) -> tuple[Path, list]:
    """`python -m konverteringsplan render --out` into a copy of docs/; returns (docs copy, nav)."""
    from konverteringsplan.build import validate_plan
    from konverteringsplan.pages.render import glossary_abbreviations

    rendered = workdir / "rendered"
    shutil.rmtree(rendered, ignore_errors=True)
    run(
        [
            sys.executable,
            "-m",
            "konverteringsplan",
            "render",
            "--out",
            str(rendered),
            "--plan",
            str(plan),
            "--docs",
            str(docs_dir),
        ]
    )
    docs_plain = workdir / "docs-plain"
    shutil.rmtree(docs_plain, ignore_errors=True)
    shutil.copytree(docs_dir, docs_plain)
    # The plugin adds the glossary's tooltips to hand-written pages; do the same here.
    abbreviations = glossary_abbreviations(validate_plan(plan, docs_dir)[0])
    if abbreviations:
        for page in docs_plain.rglob("*.md"):
            page.write_text(page.read_text(encoding="utf-8").rstrip() + "\n\n" + abbreviations + "\n", encoding="utf-8")
    nav = json.loads((rendered / "nav.json").read_text(encoding="utf-8"))
    for src in rendered.rglob("*"):
        rel = src.relative_to(rendered)
        if (
            src.is_dir()
            or rel.parts[0] in ("nav.json", ".konverteringsplan.json")
            or rel.parts[0].startswith(".render-")
        ):
            continue
        target = docs_plain / rel
        if target.exists():
            raise SystemExit(f"{rel} is both hand-written and generated")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    return docs_plain, nav


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return proc


def mkdocs_build(config: Path, site: Path) -> float:
    shutil.rmtree(site, ignore_errors=True)
    t0 = time.perf_counter()
    run([_bin("mkdocs"), "build", "--quiet", "--strict", "-f", str(config), "-d", str(site)])
    return time.perf_counter() - t0


def _wait_pattern():
    import re

    from konverteringsplan.texts.commands import PAGE_LIST_WAIT

    return re.compile(re.escape(PAGE_LIST_WAIT).replace(re.escape("{seconds}"), r"([\d.,]+)"))


def page_list_waits(config: Path, site: Path, n: int) -> list[float]:
    """Seconds MkDocs waited in ``on_files`` for the page list, as ``mkdocs build --verbose`` logs it: the part
    of the overhead on MkDocs' own path (the rest is the worker sharing the processors). Separate builds, so
    the verbose log does not touch the timed ones."""
    pattern, waits = _wait_pattern(), []
    for _ in range(n):
        shutil.rmtree(site, ignore_errors=True)
        proc = run([_bin("mkdocs"), "build", "--verbose", "--strict", "-f", str(config), "-d", str(site)])
        found = pattern.search(proc.stdout + proc.stderr)
        if found is None:
            raise SystemExit(f"{config}: the plugin logged no wait for the page list")
        waits.append(float(found.group(1).replace(".", "").replace(",", ".")))
    return waits


def site_pages(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*.html") if p.name != "404.html"}


# ---------------------------------------------------------------------------------------------
# The edit loop: save, then wait until `mkdocs serve` shows the change
# ---------------------------------------------------------------------------------------------

PLAN_MARK = "navn: Korsbæk Kommune"  # the municipality's name: on the front page of every synthetic plan
PAGE = "saadan-redigerer-du-planen.md"  # a hand-written page of the example site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=300) as response:  # serve holds a request while it builds
            return response.read().decode("utf-8")
    except (ConnectionError, urllib.error.URLError):
        return None


def _wait_for(url: str, marker: str, limit: float = 300) -> float:
    """Seconds until the page at url holds marker, polled every 20 ms."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        page = _get(url)
        if page is not None and marker in page:
            return time.perf_counter() - t0
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {marker!r} within {limit:.0f} s")


def edit_loop(factor: int, workdir: Path, plan: Path, plugin_cfg: Path, saves: int) -> dict:
    """`mkdocs serve --livereload` with the plugin on a copy of the plan and of docs/; then, alternating,
    save plan.yaml with a new marker in the municipality's name (shown on the front page) and save the
    hand-written page with a new marker line, and time each save until the served page shows its marker.
    Medians of `saves` saves of each kind."""
    import yaml

    folder = workdir / "serve"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(yaml.safe_load(plugin_cfg.read_text(encoding="utf-8"))["docs_dir"], folder / "docs")
    served_plan = folder / "plan.yaml"
    plan_text = plan.read_text(encoding="utf-8")
    if PLAN_MARK not in plan_text:
        raise SystemExit(f"{plan} has no {PLAN_MARK!r} to change")
    served_plan.write_text(plan_text, encoding="utf-8")
    page = folder / "docs" / PAGE
    page_text = page.read_text(encoding="utf-8")
    config = yaml.safe_load(plugin_cfg.read_text(encoding="utf-8"))
    config["docs_dir"] = str(folder / "docs")
    for entry in config["plugins"]:
        if PLUGIN in entry:
            entry[PLUGIN]["plan"] = str(served_plan)
    serve_cfg = folder / "mkdocs-serve.yml"
    serve_cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")

    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    page_url = url + PAGE.removesuffix(".md") + "/"
    with (folder / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [_bin("mkdocs"), "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f", str(serve_cfg)],
            cwd=ROOT,
            env=_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(url, "Korsbæk Kommune")
        plan_times, page_times = [], []
        for n in range(saves):
            time.sleep(1.0)  # let the last rebuild settle before the next save
            served_plan.write_text(plan_text.replace(PLAN_MARK, f"{PLAN_MARK} Maerke{n}p", 1), encoding="utf-8")
            plan_times.append(_wait_for(url, f"Maerke{n}p"))
            time.sleep(1.0)
            page.write_text(page_text + f"\nMaerke{n}d\n", encoding="utf-8")
            page_times.append(_wait_for(page_url, f"Maerke{n}d"))
    finally:
        stop(server)
    return {
        "edits_plan": plan_times,
        "edits_page": page_times,
        "edit_plan_s": statistics.median(plan_times),
        "edit_page_s": statistics.median(page_times),
        "edit_ratio": statistics.median(plan_times) / statistics.median(page_times),
    }


def stop(server: subprocess.Popen) -> None:
    """Stop ``mkdocs serve`` as Ctrl-C does (its worker shuts down cleanly), killed after 30 s if it hangs."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# Below factor 10 a build takes about 2 s, and the machine's noise (a few tenths of a second) is a tenth of
# it: those factors get this many times the builds and saves, so their medians are as steady as the others'.
SMALL = 10
SMALL_TIMES = 3


def samples(factor: int, n: int) -> int:
    return n * SMALL_TIMES if factor < SMALL else n


def bench_factor(factor: int, repeat: int, config_file: Path, docs_dir: Path, saves: int = 5) -> dict:
    repeat, saves = samples(factor, repeat), samples(factor, saves)
    workdir = WORK / f"f{factor}"
    workdir.mkdir(parents=True, exist_ok=True)
    plan = write_plan(workdir / "plan.yaml", factor)
    check = run([sys.executable, "-m", "konverteringsplan", "validate", str(plan), "--docs", str(docs_dir)])
    warnings = sum(1 for line in check.stdout.splitlines() if ": " in line and "planen er gyldig" not in line)

    docs_plain, nav = prerender(plan, workdir, docs_dir)
    plugin_cfg, serial_cfg, plain_cfg = write_configs(workdir, plan, docs_plain, nav, config_file)
    site_plugin, site_serial, site_plain = workdir / "site-plugin", workdir / "site-serial", workdir / "site-plain"
    with_plugin, serial, without = [], [], []
    for _ in range(repeat):  # alternating, so load from other work on the machine hits all alike
        with_plugin.append(mkdocs_build(plugin_cfg, site_plugin))
        serial.append(mkdocs_build(serial_cfg, site_serial))
        without.append(mkdocs_build(plain_cfg, site_plain))
    pages_plugin, pages_plain = site_pages(site_plugin), site_pages(site_plain)
    if set(pages_plugin) != set(pages_plain):  # e.g. the generator changed while the bench ran
        diff = sorted(set(pages_plugin) ^ set(pages_plain))
        print(
            f"NOTE factor {factor}: the two builds differ in {len(diff)} pages, e.g. {diff[:3]}; "
            "the comparison is not like for like. Run again.",
            file=sys.stderr,
        )

    waits = page_list_waits(plugin_cfg, site_plugin, 3)
    edits = edit_loop(factor, workdir, plan, plugin_cfg, saves) if saves else {}
    measured = json.loads(
        run([sys.executable, "-m", "bench.measure", str(plan), "--docs", str(docs_dir), "--repeat", "5"]).stdout
    )
    largest = max(pages_plugin.items(), key=lambda kv: kv[1])
    rendered = workdir / "rendered"
    largest_md = max(
        ((str(p.relative_to(rendered)), p.stat().st_size) for p in rendered.rglob("*.md")), key=lambda kv: kv[1]
    )
    return {
        "factor": factor,
        "weeks_factor": default_weeks_factor(factor),
        "units": units(factor),
        "plan_bytes": plan.stat().st_size,
        "warnings": warnings,
        "pages": len(pages_plugin),
        "build_plugin_s": statistics.median(with_plugin),
        "build_plain_s": statistics.median(without),
        "builds_plugin": with_plugin,
        "builds_plain": without,
        "ratio": statistics.median(with_plugin) / statistics.median(without),
        "page_list_waits": waits,
        "page_list_wait_s": statistics.median(waits),
        "build_serial_s": statistics.median(serial),
        "builds_serial": serial,
        "ratio_serial": statistics.median(serial) / statistics.median(without),
        **measured,
        **edits,
        "search_index_bytes": (site_plugin / "search" / "search_index.json").stat().st_size,
        "largest_page": largest[0],
        "largest_page_bytes": largest[1],
        "largest_md": largest_md[0],
        "largest_md_bytes": largest_md[1],
    }


def _kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def table(rows: list[dict]) -> str:
    head = (
        "| factor | units | cases | people | sessions | pages | `mkdocs build` with plugin | pre-rendered, no plugin | **overhead** "
        "| generator cold (imports + first run) | validation + analysis | per factor | render | peak memory (tracemalloc / max RSS) "
        "| MkDocs waits for the page list (share of the plain build) | search index | largest page (HTML) | in the MkDocs process (`parallel: false`) "
        "| **edit loop** (`mkdocs serve`): save plan.yaml / save a hand-written page = ratio |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        lines.append(
            f"| {r['factor']} | {r['units']} | {r['converted_cases']:,} | {r['people']:,} | {r['sessions']} | {r['pages']} | {r['build_plugin_s']:.2f} s "
            f"| {r['build_plain_s']:.2f} s | **{r['ratio']:.3f}** | {r['cold_s']:.2f} s | {r['validate_analyse_s'] * 1000:.0f} ms "
            f"| {r['validate_analyse_s'] * 1000 / r['factor']:.1f} ms | {r['render_s'] * 1000:.0f} ms "
            f"| {r['peak_with_render_bytes'] / 2**20:.1f} / {r['maxrss_bytes'] / 2**20:.0f} MiB "
            f"| {r['page_list_wait_s']:.2f} s ({r['page_list_wait_s'] / r['build_plain_s']:.1%}) "
            f"| {_kib(r['search_index_bytes'])} | {_kib(r['largest_page_bytes'])} `{r['largest_page']}` "
            f"| {r['build_serial_s']:.2f} s = {r['ratio_serial']:.3f} "
            + (
                f"| {r['edit_plan_s']:.2f} s / {r['edit_page_s']:.2f} s = **{r['edit_ratio']:.3f}** |"
                if "edit_ratio" in r
                else "| - |"
            )
        )
    return "\n".join(lines)


def goals(rows: list[dict]) -> list[str]:
    by = {r["factor"]: r for r in rows}
    out = []

    def line(ok: bool, text: str) -> None:
        out.append(f"[{'ok' if ok else 'MISSED'}] {text}")

    for factor, goal in ((1, 1.15), (50, 1.05)):
        if factor in by:
            r = by[factor]
            pairs = sorted(a / b for a, b in zip(r["builds_plugin"], r["builds_plain"]))
            line(
                r["ratio"] <= goal,
                f"overhead ratio at scale {factor} = {r['ratio']:.3f} (goal <= {goal}); "
                f"build by build: median {statistics.median(pairs):.3f}, "
                f"{pairs[0]:.2f}-{pairs[-1]:.2f} (a wide range: a noisy machine); MkDocs waited "
                f"{r['page_list_wait_s']:.2f} s for the page list = {r['page_list_wait_s'] / r['build_plain_s']:.3f} "
                "of the plain build",
            )
    for factor in (1, 50):
        if "edit_ratio" in by.get(factor, {}):
            r = by[factor]
            line(
                r["edit_ratio"] <= 1.10,
                f"edit loop at scale {factor}: plan.yaml {r['edit_plan_s']:.2f} s / hand-written "
                f"page {r['edit_page_s']:.2f} s = {r['edit_ratio']:.3f} (goal <= 1.10)",
            )
    if 10 in by and 50 in by:
        per10 = by[10]["validate_analyse_s"] / 10
        per50 = by[50]["validate_analyse_s"] / 50
        line(
            per50 <= 1.5 * per10,
            f"validation + analysis per scale unit: {per50 * 1000:.1f} ms at 50 vs "
            f"{per10 * 1000:.1f} ms at 10 = {per50 / per10:.2f}x (goal <= 1.5x)",
        )
    big = max(rows, key=lambda r: r["factor"])
    out.append(
        f"largest page at scale {big['factor']}: {big['largest_page']} ({_kib(big['largest_page_bytes'])} HTML; "
        f"Markdown {big['largest_md']}, {_kib(big['largest_md_bytes'])})"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--factors", default="1,10,50", help="scale factors, e.g. 1,50 (default 1,10,50)")
    p.add_argument(
        "--repeat",
        type=int,
        default=7,
        help="builds of each kind per factor (median; default 7, three times as many below factor 10)",
    )
    p.add_argument(
        "--saves",
        type=int,
        default=5,
        help="edit loop: saves of plan.yaml and of a hand-written page under mkdocs serve (median; default 5, "
        "three times as many below factor 10; 0: skip)",
    )
    p.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    p.add_argument("--docs", default=str(ROOT / "docs"))
    p.add_argument("--json", default=str(WORK / "results.json"), help="write all numbers here")
    a = p.parse_args(argv)
    t0 = time.perf_counter()
    # Byte-compile the generator first, as Python does on a user's machine at the first import; where
    # PYTHONDONTWRITEBYTECODE is set (as in some containers) every build would compile it again.
    compileall.compile_dir(ROOT / "generator", quiet=1)
    rows = []
    for factor in (int(f) for f in a.factors.replace(",", " ").split()):
        print(f"scale {factor} ...", file=sys.stderr, flush=True)
        rows.append(bench_factor(factor, a.repeat, Path(a.config), Path(a.docs), a.saves))
    elapsed = time.perf_counter() - t0
    print(table(rows))
    print()
    for g in goals(rows):
        print(g)
    print()
    print(f"Machine: {machine()}")
    print(
        f"Command: make bench ({a.repeat} alternating builds of each kind and {a.saves} saves of each kind per "
        f"factor, {SMALL_TIMES} times as many below factor {SMALL}; medians); took {elapsed:.0f} s"
    )
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(
        json.dumps({"machine": machine(), "elapsed_s": elapsed, "rows": rows}, indent=2), encoding="utf-8"
    )
    return 0
