"""Time and memory of the generator's own work on one plan, in a fresh process.

    python -m bench.measure PLAN [--repeat N] [--docs DIR]

Prints one JSON object: validation + analysis time (first call, and the median of N more calls),
render time (first call, and the median of more), the cold total (imports + first calls: what one
`mkdocs build` pays), the tracemalloc peak of one validation + analysis + render, and the process's maximum
resident set size (interpreter and imports included).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.measure")
    p.add_argument("plan")
    p.add_argument("--docs", default=None)
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args(argv)
    plan_path = Path(a.plan)
    docs = Path(a.docs) if a.docs else None

    t0 = time.perf_counter()
    from konverteringsplan.build import checked_plan
    from konverteringsplan.pages.render import render as render_lazily

    imports = time.perf_counter() - t0

    def render(plan, figures):
        """Every page's Markdown and every download, made (render() itself defers both)."""
        output = render_lazily(plan, figures)
        for page in output.pages:
            _ = page.markdown
        _ = output.files
        return output

    def validate_and_analyse():
        """What a build does once: read, check and analyse (the forecast too, which waits for its page)."""
        plan, _warnings, figures = checked_plan(plan_path, docs)
        _ = figures.planning.forecast
        return plan, figures

    t0 = time.perf_counter()
    plan, figures = validate_and_analyse()
    first = time.perf_counter() - t0
    times = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        plan, figures = validate_and_analyse()
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    output = render(plan, figures)
    render_first = time.perf_counter() - t0  # imports openpyxl/icalendar, compiles templates
    render_times = []
    for _ in range(max(1, a.repeat // 2)):
        t0 = time.perf_counter()
        output = render(plan, figures)
        render_times.append(time.perf_counter() - t0)

    tracemalloc.start()
    plan, figures = validate_and_analyse()
    _, peak_analysis = tracemalloc.get_traced_memory()
    output = render(plan, figures)
    _, peak_all = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    json.dump(
        {
            "imports_s": imports,
            "validate_analyse_first_s": first,
            "validate_analyse_s": statistics.median(times),
            "render_first_s": render_first,
            "render_s": statistics.median(render_times),
            # What a fresh `mkdocs build` pays for the generator: imports, first validation + analysis, first render.
            "cold_s": imports + first + render_first,
            "peak_validate_analyse_bytes": peak_analysis,
            "peak_with_render_bytes": peak_all,
            "maxrss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "pages": len(output.pages),
            "converted_cases": figures.converted_cases,
            "roles": len(plan.roles),
            "people": sum(r.headcount for r in plan.roles),
            "sessions": len(plan.training.sessions),
        },
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
