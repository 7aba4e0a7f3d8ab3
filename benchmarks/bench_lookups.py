"""Speed of the look-ups: prints figures, asserts nothing (run `make bench`).

`--installed` times the cold runs in a fresh venv with the package installed from
its wheel (what users run); without it, this interpreter and the checkout.

Reports
  * cold `import csm_roles; csm_roles.salary_band('senior')` against cold
    `import pydantic, jinja2, yaml` (medians of fresh interpreters), and the ratio;
  * that `import csm_roles` alone reads no data and imports no PyYAML, and whether
    the first look-up does (an installed wheel reads its pre-parsed copy instead);
  * warm `salary_band` median, plain and with a metro, and `compare_offer`;
  * dataset load time: the built-in file, and a company's file (validated).
Every figure is taken in the interpreter of the cold runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import csm_roles

RUNS = 31


def with_bytecode() -> dict[str, str]:
    """The environment for cold runs, after compiling the package's bytecode once."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    package = Path(csm_roles.__file__).parent
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(package)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return env


def python_for_cold_runs() -> str:
    """This interpreter, or with --installed a fresh venv with the package installed from a wheel.

    An installed wheel is what users run: bytecode compiled by pip, the dataset
    pre-parsed (hatch_build.py), and no other packages' start-up hooks.
    """
    if "--installed" not in sys.argv:
        return sys.executable
    import tempfile
    import venv

    folder = Path(tempfile.mkdtemp(prefix="csm-roles-bench-"))
    venv.EnvBuilder(with_pip=True).create(folder)
    python = str(folder / "bin" / "python")
    root = Path(__file__).resolve().parent.parent
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(root)], check=True, env=with_bytecode())
    return python


def cold_runs(commands: list[list[str]], runs: int = RUNS) -> list[list[float]]:
    """Wall times, in seconds, of fresh processes running each of ``commands``.

    The runs are interleaved, so a busy moment on the machine hits all of them alike,
    and start in the home folder, so that nothing is imported from a checkout. They
    run as an installed package does: with its bytecode compiled (pip compiles on
    install), even where PYTHONDONTWRITEBYTECODE is set for the session.
    """
    env = with_bytecode()
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            start = time.perf_counter()
            done = subprocess.run(
                command, env=env, cwd=Path.home(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            if done.returncode:  # the notes a command prints are not shown; a failure is
                raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
            times[index].append(time.perf_counter() - start)
    return times


def report_cold(label: str, times: list[float], baseline: list[float] | None = None) -> None:
    """One line: the median run and, against ``baseline``, the ratio of medians and of best runs."""
    line = f"cold  {label:<42}{statistics.median(times) * 1000:7.1f} ms"
    if baseline is not None:
        line += (
            f"   ratio {statistics.median(times) / statistics.median(baseline):.2f}x"
            f" (best runs {min(times) / min(baseline):.2f}x)"
        )
    print(line)


def warm(stmt: str, setup: str, number: int = 2000) -> float:
    """Median time of one call, in microseconds, in the interpreter of the cold runs."""
    code = (
        "import statistics, timeit\n"
        f"runs = timeit.Timer({stmt!r}, setup={setup!r}).repeat(repeat=7, number={number})\n"
        f"print(statistics.median(runs) / {number} * 1e6)\n"
    )
    done = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True, cwd=Path.home())
    return float(done.stdout)


PYTHON = sys.executable


def main() -> None:
    global PYTHON
    PYTHON = python_for_cold_runs()
    print(f"cold runs use {PYTHON}")
    baseline, import_only, ours = cold_runs(
        [
            [PYTHON, "-c", "import pydantic, jinja2, yaml"],
            [PYTHON, "-c", "import csm_roles"],
            [PYTHON, "-c", "import csm_roles; csm_roles.salary_band('senior')"],
        ]
    )
    report_cold("import pydantic, jinja2, yaml", baseline)
    report_cold("import csm_roles", import_only, baseline)
    report_cold("import csm_roles; salary_band('senior')", ours, baseline)
    print("      (target: ratio <= 1.5x for the look-up)")

    probe = subprocess.run(
        [
            PYTHON,
            "-c",
            "import sys, csm_roles; read = csm_roles._benchmarks._default is not None\n"
            "print(read, 'yaml' in sys.modules)\n"
            "csm_roles.salary_band('senior'); print('yaml' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path.home(),
    )
    read, yaml_at_import, yaml_at_lookup = probe.stdout.split()
    print(f"import reads no data, imports no PyYAML         {read == 'False' and yaml_at_import == 'False'}")
    print(f"first look-up imports PyYAML                    {yaml_at_lookup} (without a pre-parsed copy)")

    setup = "import csm_roles; csm_roles.salary_band('senior')"
    for label, stmt, note in (
        ("salary_band('senior')", "csm_roles.salary_band('senior')", " (target <= 20 µs)"),
        ("salary_band('senior', metro='SF')", "csm_roles.salary_band('senior', metro='SF')", ""),
        ("compare_offer(150000, 'senior')", "csm_roles.compare_offer(150000, 'senior')", ""),
    ):
        print(f"warm  {label:<42}{warm(stmt, setup):7.2f} µs{note}")

    load_setup = "import csm_roles; csm_roles.levels()"
    load = warm("csm_roles.reset_default_benchmarks(); csm_roles.levels()", load_setup, number=20)
    print(f"dataset load, built-in file (read + build)      {load / 1000:7.2f} ms")
    validate = warm(
        "loader.dataset_from_text(text)",
        "import csm_roles._loader as loader, csm_roles._packaged as packaged;"
        " text = packaged.package_file('data', 'benchmarks.yaml')"
        ".read_text()",
        number=20,
    )
    print(f"dataset load, validated (a company's file)      {validate / 1000:7.2f} ms")


if __name__ == "__main__":
    main()
