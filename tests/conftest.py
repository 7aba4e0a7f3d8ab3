"""Shared fixtures: the project root, the optional ../shared material, the CLI runners, and
threads started together."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from csm_roles import cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (guides, corpus, schema.org); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (it is only there for developers and CI)")
    return SHARED


@dataclass
class Result:
    """What a command line run gave: its exit status and what it wrote."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, stdin: str | None = None) -> Result:
    """Run the command line in this process (``cli.main``), capturing its output.

    The same code as the ``csm-roles`` script, without the cost of a new interpreter;
    `run_process` runs the real script for the few tests that need a process.
    """
    out, err = io.StringIO(), io.StringIO()
    given = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    saved_stdin = sys.stdin
    sys.stdin = given
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exit:  # argparse: --help, --version, bad usage
                code = exit.code if isinstance(exit.code, int) else 2
    finally:
        sys.stdin = saved_stdin
    return Result(code, out.getvalue(), err.getvalue())


def run_process(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m csm_roles ARGS` as a user would, in a new process."""
    return subprocess.run(
        [sys.executable, "-m", "csm_roles", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env or dict(os.environ, PYTHONIOENCODING="utf-8"),
        timeout=120,
        check=False,
    )


def run_together(work: Callable[[], object], count: int = 8) -> None:
    """Run ``work`` in ``count`` threads released at the same moment, and wait for them all."""
    barrier = threading.Barrier(count)

    def start() -> None:
        barrier.wait()
        work()

    threads = [threading.Thread(target=start) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
