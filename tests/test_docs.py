"""Every code example in the docs runs: doctests (pytest --doctest-glob) cover the `>>>`
blocks; this file runs the plain ```python blocks and the `$ csm-roles ...` commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

DOCS = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def _blocks(language: str) -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        for index, match in enumerate(FENCE.finditer(path.read_text(encoding="utf-8"))):
            if match.group(1) == language:
                found.append((f"{path.relative_to(ROOT)}#{index}", match.group(2)))
    return found


PYTHON = [(name, code) for name, code in _blocks("python") if ">>>" not in code]
COMMANDS = [
    (name, line.split("#")[0].strip()[2:].strip())
    for name, block in _blocks("console")
    for line in block.splitlines()
    if line.startswith("$ csm-roles")
]


@pytest.mark.parametrize(("name", "code"), PYTHON, ids=[name for name, _ in PYTHON])
def test_python_examples_run(name: str, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    if "our-bands.yaml" in code:  # the README's example of a company file
        (tmp_path / "our-bands.yaml").write_text(
            (ROOT / "data" / "benchmarks.yaml").read_text(), encoding="utf-8"
        )
        monkeypatch.chdir(tmp_path)
        code = code.replace('"our-bands.yaml"', repr(str(tmp_path / "our-bands.yaml")))
    exec(compile(code, name, "exec"), {"__name__": "__docs__"})


@pytest.mark.parametrize("command", [c for _, c in COMMANDS])
def test_console_examples_run(command: str, tmp_path: Path) -> None:
    args = shlex.split(command)[1:]
    if "|" in args:  # "kpis | levels | ..." lists alternatives: run each
        for alternative in command.split("csm-roles", 1)[1].split("|"):
            assert run_cli(*shlex.split(alternative)).returncode == 0
        return
    if ">" in args:  # a shell redirection: the command's output is what matters
        args = args[: args.index(">")]
    args = [str(tmp_path / "our-bands.yaml") if a == "our-bands.yaml" else a for a in args]
    for flag in ("-o", "--output"):  # write outputs to a temporary folder, never into the checkout
        if flag in args:
            position = args.index(flag) + 1
            args[position] = str(tmp_path / Path(args[position]).name)
    if any("our-bands.yaml" in a for a in args):
        (tmp_path / "our-bands.yaml").write_text(
            (ROOT / "data" / "benchmarks.yaml").read_text(), encoding="utf-8"
        )
    result = run_cli(*args)
    expected = {0, 1} if args[0] == "lint" else {0}  # lint exits 1 on the deliberately bad example posting
    assert result.returncode in expected, result.stderr
    assert "Traceback" not in result.stderr


def test_there_are_examples_to_run() -> None:
    assert len(PYTHON) >= 8
    assert len(COMMANDS) >= 15
