"""Hostile input to every public function and every command: only our errors, in bounded time.

Each call runs under a memory cap (`resource.RLIMIT_AS`, where the platform has it), so a
call that tried to allocate gigabytes fails the test instead of the machine. The linter's
functions (`lint_jd`, `gender_coding`, `load_rules`, `default_rules`) have their own
hostile-input tests in the lint test files.
"""

from __future__ import annotations

import contextlib
import inspect
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import csm_roles
from conftest import run_cli

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]

LINTER = {"lint_jd", "gender_coding", "load_rules", "default_rules"}
FUNCTIONS = sorted(
    name
    for name in csm_roles.__all__
    if name not in LINTER and inspect.isfunction(getattr(csm_roles, name, None))
)
SECONDS = 5.0

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "\x1b]0;owned\x07",
    "\u202eevil",
    "../../../../etc/passwd",
    "/dev/zero",
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    "x" * 100_000,
    "enterprise\n",
    "ＳＥＮＩＯＲ",
    "nan",
    "-1",
    "1e400",
]
HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=60),
    st.integers(min_value=-(10**30), max_value=10**30) | st.sampled_from([10**400, -(10**400)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=3),
    st.binary(max_size=20),
    st.builds(object),
)


@contextlib.contextmanager
def memory_cap(extra_bytes: int = 1 << 30) -> Iterator[None]:
    """At most ``extra_bytes`` more address space than the process has now, while inside."""
    if resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with Path("/proc/self/statm").open() as statm:  # pages of virtual memory in use
        used = int(statm.read().split()[0]) * resource.getpagesize()
    cap = used + extra_bytes
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _arguments(function: Callable[..., Any], data: st.DataObject) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        required = parameter.default is parameter.empty
        if not required and not data.draw(st.booleans()):
            continue
        value = data.draw(HOSTILE)
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return args, kwargs


@pytest.mark.parametrize("name", FUNCTIONS)
@given(data=st.data())
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_public_function_raises_only_our_errors(name: str, data: st.DataObject) -> None:
    function = getattr(csm_roles, name)
    args, kwargs = _arguments(function, data)
    start = time.perf_counter()
    with memory_cap():
        try:
            function(*args, **kwargs)
        except (csm_roles.CsmRolesError, TypeError) as err:
            assert str(err), f"{name} raised {type(err).__name__} without a message"
    assert time.perf_counter() - start < SECONDS


COMMANDS = [
    ["salary", "{x}"],
    ["salary", "mid", "--metro", "{x}"],
    ["offer", "{x}", "--level", "mid"],
    ["offer", "95k", "--level", "{x}"],
    ["jd", "--segment", "{x}"],
    ["jd", "--segment", "smb", "--level", "{x}", "--format", "html"],
    ["jd", "--segment", "smb", "--company-name", "{x}"],
    ["jd", "--segment", "smb", "--pay", "{x}"],
    ["jd", "--segment", "smb", "--title", "{x}", "--date", "2026-11-01"],
    ["jd", "--segment", "smb", "--date", "{x}"],
    ["interview", "--level", "{x}"],
    ["chart", "--source", "{x}"],
    ["validate", "{x}"],
    ["{x}"],
]


@given(
    command=st.sampled_from(COMMANDS),
    value=st.sampled_from(HOSTILE_TEXT[:9]) | st.text(max_size=30).filter(lambda t: "\x00" not in t),
)
@settings(max_examples=150)
def test_every_command_exits_0_1_or_2_without_a_traceback(command: list[str], value: str) -> None:
    argv = [part.replace("{x}", value) for part in command]
    result = run_cli(*argv)
    assert result.returncode in (0, 1, 2), result
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


FILE_CONTENTS = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.sampled_from(
        [
            b"format_version: 1\n",
            b"name: !!python/object/apply:os.getcwd []\n",
            b"a: &a [*a]\n",
            b"x: " + b"[" * 5000 + b"]" * 5000,
            b"\xef\xbb\xbfname: BOM\n",
            b"name: x\nname: y\n",
            b"- 1\n- 2\n",
            b"name: " + b"x" * 300 + b"\n",
            b"benefits: {a: b}\n",
        ]
    ),
)


@given(content=FILE_CONTENTS, option=st.sampled_from(["validate", "--data", "--company-file"]))
@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_hostile_files_give_located_errors_not_tracebacks(
    tmp_path: Path, content: bytes, option: str
) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    argv = {
        "validate": ["validate", str(path)],
        "--data": ["--data", str(path), "salary", "mid"],
        "--company-file": ["jd", "--segment", "smb", "--company-file", str(path)],
    }[option]
    with memory_cap():
        result = run_cli(*argv)
    assert result.returncode in (0, 1, 2), result
    assert "Traceback" not in result.stderr
    if result.returncode:
        assert str(path) in result.stderr
