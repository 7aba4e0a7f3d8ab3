"""The public API: every name is documented with an example, and the version comes from one place."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import csm_roles

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", [n for n in csm_roles.__all__ if n != "__version__"])
def test_every_public_name_has_a_docstring_with_an_example(name: str) -> None:
    obj = getattr(csm_roles, name)
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{name} has no docstring"
    assert ">>>" in doc, f"{name}'s docstring has no example"


def test_module_functions_show_the_method_signature_without_self() -> None:
    signature = inspect.signature(csm_roles.salary_band)
    assert list(signature.parameters) == ["level", "metro", "source"]
    assert csm_roles.salary_band.__doc__ == csm_roles.Benchmarks.salary_band.__doc__


def test_version_has_one_source() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'^version = "([^"]+)"', text, re.M)
    assert declared is not None
    assert csm_roles.__version__ in {declared.group(1), "0+unknown"}
    assert f"## {declared.group(1)}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert not list((ROOT / "csm_roles").rglob("*version*.py"))  # no second copy of the number


def test_dir_lists_the_public_names_and_no_helpers() -> None:
    """Found by a trial user: completion offered Any, Callable, P, R, functools and inspect."""
    shown = [name for name in dir(csm_roles) if not name.startswith("__")]
    assert shown == sorted(name for name in csm_roles.__all__ if not name.startswith("__"))
    assert "__version__" in dir(csm_roles)
