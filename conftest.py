"""Doctests in the package and in docs/ see `csm_roles` without importing it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

import csm_roles

# CI runs on a small shared machine: judge properties, not the speed of one example
# (the first call of a function may also load data or compile rules once).
settings.register_profile("csm-roles", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("csm-roles")

# The docs build hook imports MkDocs (the `docs` extra). With only the `dev` extra
# installed, its doctests are left out instead of failing the whole collection.
collect_ignore_glob: list[str] = []
try:
    import mkdocs  # noqa: F401
except ImportError:
    collect_ignore_glob.append("docs/_hooks/*.py")


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, object]) -> None:
    doctest_namespace["csm_roles"] = csm_roles
