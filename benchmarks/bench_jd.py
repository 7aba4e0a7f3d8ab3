"""Speed of job descriptions: prints figures, asserts nothing (run `make bench`).

Reports
  * warm generate_jd(...) + Markdown render, median per call (target <= 1 ms);
  * the full matrix of segment x level x industry x metro x work model x context x
    technical, in every format, as JDs per second on one core (target >= 1,000);
  * cold `csm-roles jd --segment enterprise` against cold
    `python -c "import pydantic, jinja2, yaml"` (target <= 1.6x).
Pass --quick to run one slice of the matrix instead of all of it, and --installed to
time the cold runs in a fresh venv with the package installed from its wheel.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import sys
import time
import timeit
from pathlib import Path

import csm_roles

sys.path.insert(0, str(Path(__file__).resolve().parent))
DAY = dt.date(2026, 11, 1)
FORMATS = ("markdown", "html", "text", "jsonld")


def warm_median() -> float:
    csm_roles.generate_jd("enterprise", "senior", metro="SF", date_posted=DAY).render("markdown")
    timer = timeit.Timer(
        lambda: csm_roles.generate_jd(
            "enterprise", "senior", metro="SF", industry="healthcare", date_posted=DAY
        ).render("markdown")
    )
    runs = timer.repeat(repeat=9, number=200)
    return statistics.median(runs) / 200 * 1e3


def matrix(quick: bool) -> tuple[int, float]:
    segments = [s.key for s in csm_roles.segments()]
    levels = [lvl.key for lvl in csm_roles.levels()]
    industries = [None, *(i.key for i in csm_roles.industries())]
    metros = [None, *(m.key for m in csm_roles.metros())]
    models = [None, "onsite", "hybrid", "remote"]
    contexts = [None, *(c.key for c in csm_roles.work_contexts())]
    models_of = {c.key: c.applies_to_work_models for c in csm_roles.work_contexts()}
    # levels the guides give no band for need the employer's own range
    unbanded = {lvl.key for lvl in csm_roles.levels() if not csm_roles.salary_bands(lvl.key)}
    if quick:
        industries, metros = industries[:2], metros[:3]
    count = 0
    start = time.perf_counter()
    for segment, level, industry, metro, model, context, technical in itertools.product(
        segments, levels, industries, metros, models, contexts, (False, True)
    ):
        if metro == "remote" and model not in (None, "remote"):
            continue  # refused by design: a remote metro with an office work model
        if context and models_of[context] and model is not None and model not in models_of[context]:
            continue  # refused by design: a remote-work context with an on-site work model
        jd = csm_roles.generate_jd(
            segment,
            level,
            industry=industry,
            metro=metro,
            work_model=model,
            context=context,
            technical=technical,
            date_posted=DAY,
            pay=(110_000, 150_000) if level in unbanded else None,
            draft=True,  # some places' pay-transparency laws ask for what only an employer knows
        )
        for fmt in FORMATS:
            if fmt == "jsonld":
                jd.to_jsonld()
            else:
                jd.render(fmt)
        count += 1
    return count, time.perf_counter() - start


def cold() -> tuple[list[float], list[float]]:
    """Fresh runs of the baseline and of the CLI, interleaved (see bench_lookups.cold_runs)."""
    from bench_lookups import cold_runs, python_for_cold_runs

    python = python_for_cold_runs()
    # `python -m csm_roles` is what the console script runs; calling the script itself
    # would also time launchers such as pyenv's shims, which have nothing to do with us
    base, ours = cold_runs(
        [
            [python, "-c", "import pydantic, jinja2, yaml"],
            [python, "-m", "csm_roles", "jd", "--segment", "enterprise"],
        ]
    )
    return base, ours


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"warm  generate_jd + markdown render, median    {warm_median():7.3f} ms (target <= 1 ms)")
    count, seconds = matrix(quick)
    per_second = count * len(FORMATS) / seconds
    print(
        f"matrix {count} JDs x {len(FORMATS)} formats in {seconds:.1f} s     {per_second:7.0f} documents/s, "
        f"{count / seconds:.0f} JDs/s (target >= 1,000)"
    )
    from bench_lookups import report_cold

    base, ours = cold()
    report_cold("import pydantic, jinja2, yaml", base)
    report_cold("csm-roles jd --segment enterprise", ours, base)
    print("      (target: ratio <= 1.6x)")


if __name__ == "__main__":
    main()
