"""The files shipped inside csm-roles, and the quick build of its built-in dataset.

This module is on the path of every first look-up, so it imports neither PyYAML nor
``importlib.resources``: an installed wheel keeps ``data/`` and ``templates/`` in the
package folder, a checkout keeps them next to ``csm_roles/``, and both are plain
paths. Only a package that does not live on a file system (imported from a zip)
goes through ``importlib.resources``. Parsing and validating YAML is `_loader`'s
job; it is imported here only when the wheel's pre-parsed copy is missing or stale.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from ._errors import DataNotFoundError
from ._models import Dataset

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = [
    "PACKAGE_FOLDER",
    "built_in_dataset",
    "construct_trusted",
    "load_packaged",
    "package_file",
    "read_once",
]

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


T = TypeVar("T")


def read_once(load: Callable[[], T]) -> Callable[[], T]:
    """``load`` run on the first call only, even when threads call at once; later calls return its result.

    For the files shipped with the package (places, lint rules, word lists,
    currencies): each is read when first needed, then kept for the process.
    """
    lock = threading.Lock()
    kept: list[T] = []

    @functools.wraps(load)
    def get() -> T:
        if not kept:
            with lock:
                if not kept:
                    kept.append(load())
        return kept[0]

    return get


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
    built = _builder(Dataset)(raw)
    assert isinstance(built, Dataset)
    return built


_Builder = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _to_float(value: Any) -> Any:
    return float(value) if type(value) is int else value


_builders: dict[Any, _Builder] = {}


def _builder(annotation: Any) -> _Builder:
    """A function shaping plain data as ``annotation`` says, made once per annotation."""
    found = _builders.get(annotation)
    if found is None:
        found = _builders[annotation] = _make_builder(annotation)
    return found


def _make_builder(annotation: Any) -> _Builder:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return _union_builder([arg for arg in typing.get_args(annotation) if arg is not type(None)])
    if origin is tuple:
        item = _builder(typing.get_args(annotation)[0])
        if item is _same:
            return lambda value: None if value is None else tuple(value)
        return lambda value: None if value is None else tuple(item(entry) for entry in value)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_builder(annotation)
    if annotation is float:
        return _to_float
    return _same


def _union_builder(options: list[Any]) -> _Builder:
    model = next((o for o in options if isinstance(o, type) and issubclass(o, BaseModel)), None)
    sequence = next((o for o in options if typing.get_origin(o) is tuple), None)
    to_float = float in options and int not in options
    if model is None and sequence is None:
        return _to_float if to_float else _same
    build_model = _builder(model) if model is not None else None
    build_sequence = _builder(sequence) if sequence is not None else None

    def build(value: Any) -> Any:
        if build_model is not None and isinstance(value, dict):
            return build_model(value)
        if build_sequence is not None and isinstance(value, list):
            return build_sequence(value)
        return _to_float(value) if to_float else value

    return build


def _model_builder(cls: type[BaseModel]) -> _Builder:
    # pydantic has already resolved each annotation (constraints stripped) at class creation
    plan = [(name, _builder(field.annotation)) for name, field in cls.model_fields.items()]
    construct = cls.model_construct

    def build(value: Any) -> Any:
        if value is None:
            return None
        return construct(**{name: sub(value[name]) for name, sub in plan if name in value})

    return build
