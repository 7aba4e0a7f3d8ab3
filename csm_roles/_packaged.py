"""The files shipped inside csm-roles, and the quick build of its built-in dataset.

This module is on the path of every first look-up, so it imports neither PyYAML nor
``importlib.resources``: an installed wheel keeps ``data/`` and ``templates/`` in the
package folder, a checkout keeps them next to ``csm_roles/``, and both are plain
paths. Only a package that does not live on a file system (imported from a zip)
goes through ``importlib.resources``. Parsing and validating YAML is `_loader`'s
job; it is imported here only when the wheel's pre-parsed copy is missing or stale.
"""

from __future__ import annotations

import os
import sys
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ._errors import DataNotFoundError
from ._models import Dataset

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["PACKAGE_FOLDER", "built_in_dataset", "construct_trusted", "load_packaged", "package_file"]

#: The folder of the ``csm_roles`` package.
PACKAGE_FOLDER = Path(__file__).resolve().parent


def package_file(*parts: str) -> Traversable:
    """A file shipped with the package (``data/...`` or ``templates/...``).

    An installed wheel carries ``data/`` and ``templates/`` inside the package; a
    checkout (editable install, tests in the repository) has them at the top of the
    repository, next to ``csm_roles/``. Both are found here.
    """
    for folder in (PACKAGE_FOLDER, PACKAGE_FOLDER.parent):
        candidate = folder.joinpath(*parts)
        if candidate.exists():
            return candidate
    from importlib import resources  # a package that is not on a file system

    inside = resources.files("csm_roles").joinpath(*parts)
    if inside.is_file() or inside.is_dir():
        return inside
    raise DataNotFoundError(
        f"csm-roles cannot find its built-in file {'/'.join(parts)!r}. "
        "The installation is incomplete: reinstall it with `pip install --force-reinstall csm-roles`, "
        "or from a checkout with `pip install -e .`."
    )


def built_in_dataset() -> Dataset:
    """The dataset shipped with the package, built as fast as it safely can be.

    The packaged file is validated by the test suite on every change, so it is built
    here without running the validators again (`construct_trusted`). Set
    ``CSM_ROLES_VALIDATE_DATA=1`` to validate it anyway, for example after editing an
    installed copy.
    """
    data_file = package_file("data", "benchmarks.yaml")
    text = data_file.read_text(encoding="utf-8")
    if not os.environ.get("CSM_ROLES_VALIDATE_DATA"):
        raw = load_packaged(text)
        if isinstance(raw, dict):
            return construct_trusted(raw)
    from ._loader import dataset_from_text  # validated, with located errors

    return dataset_from_text(text, str(data_file))


def load_packaged(text: str, compiled: Traversable | None = None) -> Any:
    """The packaged dataset as plain data: from its pre-parsed JSON when that matches.

    A wheel carries ``data/benchmarks.json`` (written by ``hatch_build.py``) holding
    the parsed YAML and the SHA-256 of the YAML text; it is used only when the hash
    still matches ``text``, so the YAML stays the one source of truth. Otherwise (a
    checkout, an edited install) the YAML is parsed.
    """
    if compiled is None:
        compiled = PACKAGE_FOLDER / "data" / "benchmarks.json"
    if compiled.is_file():
        import hashlib
        import json

        payload = json.loads(compiled.read_text(encoding="utf-8"))
        if payload.get("source_sha256") == hashlib.sha256(text.encode("utf-8")).hexdigest():
            return payload["data"]
    from ._loader import load_trusted_yaml

    return load_trusted_yaml(text)


def construct_trusted(raw: dict[str, Any]) -> Dataset:
    """Build the packaged dataset from its plain data without running the validators again.

    Only for the file shipped with the package, which the test suite validates on
    every change (``tests/test_integrity.py`` checks that this gives a dataset equal
    to a validated one). Skipping pydantic's schema build saves about 40 ms at
    start-up. Company files always go through ``_loader.dataset_from_text``.
    """
    built = _build(Dataset, raw)
    assert isinstance(built, Dataset)
    return built


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type[BaseModel]) -> dict[str, Any]:
    found = _HINTS.get(cls)
    if found is None:
        # pydantic has already resolved each annotation (constraints stripped) at class creation
        found = {name: field.annotation for name, field in cls.model_fields.items()}
        _HINTS[cls] = found
    return found


def _build(annotation: Any, value: Any) -> Any:
    """``value`` (plain YAML data) shaped as ``annotation`` says, without validating it."""
    if value is None:
        return None
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        for option in options:
            if isinstance(value, dict) and isinstance(option, type) and issubclass(option, BaseModel):
                return _build(option, value)
            if isinstance(value, list) and typing.get_origin(option) is tuple:
                return _build(option, value)
        if float in options and int not in options and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value
    if origin is tuple:
        item = typing.get_args(annotation)[0]
        return tuple(_build(item, entry) for entry in value)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        hints = _hints(annotation)
        return annotation.model_construct(**{key: _build(hints[key], entry) for key, entry in value.items()})
    if annotation is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
