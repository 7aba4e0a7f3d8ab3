"""Doctests in the package and in docs/ see `csm_roles` without importing it."""

from __future__ import annotations

import pytest

import csm_roles


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, object]) -> None:
    doctest_namespace["csm_roles"] = csm_roles
