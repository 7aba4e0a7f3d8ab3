"""Read a benchmarks YAML file into a validated `Dataset`.

YAML is always loaded with a safe loader (tags such as ``!!python/object`` are
refused) that also refuses duplicate mapping keys. Any problem - a missing file, a
YAML syntax error, a field of the wrong type, a cross-reference to nothing - becomes
one `DataFileError` naming the file, the line and column where
YAML can tell them, and the dotted path of the field.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ._errors import DataFileError, DataNotFoundError
from ._models import Dataset, IntegrityError

__all__ = ["dataset_from_text", "load_trusted_yaml", "load_yaml", "read_dataset"]

try:  # libyaml's parser when PyYAML was built with it: about five times faster
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _StrictLoader(_BaseLoader):
    """Safe loader that refuses a mapping with the same key twice."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (str, int, float, bool)) or key is None:
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"found the key {key!r} twice",
                    key_node.start_mark,
                )
            seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read and validate a benchmarks file from disk."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataNotFoundError(
            f"{name}: no such file. Pass the path of a benchmarks YAML file "
            "(see `csm-roles schema` for the format)."
        ) from None
    except IsADirectoryError:
        raise DataFileError(name, "this is a directory; pass a YAML file") from None
    except UnicodeDecodeError as err:
        raise DataFileError(name, f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise DataFileError(name, f"cannot read the file: {err.strerror}") from None
    return dataset_from_text(text, name)


def load_yaml(text: str, name: str = "<string>") -> Any:
    """Parse YAML safely (no Python tags, no repeated keys), or raise DataFileError."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a safe loader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = " ".join(part for part in (err.context, err.problem) if part)
        if "could not determine a constructor" in (err.problem or ""):
            problem = f"{err.problem}; tags that build Python objects are not allowed"
        raise DataFileError(
            name,
            f"invalid YAML: {problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as err:
        raise DataFileError(name, f"invalid YAML: {err}") from None


def dataset_from_text(text: str, name: str = "<string>") -> Dataset:
    """Validate benchmarks YAML given as text; ``name`` is used in error messages."""
    raw = load_yaml(text, name)
    if not isinstance(raw, dict):
        found = "an empty file" if raw is None else f"a {type(raw).__name__}"
        raise DataFileError(
            name, f"expected a mapping with `format_version`, `sources`, `levels` ... but found {found}"
        )
    try:
        return Dataset.model_validate(raw)
    except ValidationError as err:
        raise _located(err, text, name) from None


def _located(err: ValidationError, text: str, name: str) -> DataFileError:
    """Turn the first pydantic error into a DataFileError with a line and a field path."""
    first = err.errors(include_url=False)[0]
    loc: tuple[str | int, ...] = tuple(first["loc"])
    cause = (first.get("ctx") or {}).get("error")
    message = first["msg"]
    if isinstance(cause, IntegrityError):
        loc = cause.path
        message = str(cause)
    elif message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if first["type"] == "missing":
        message = f"missing required field {str(loc[-1])!r}"
    elif first["type"] == "extra_forbidden":
        message = f"unknown field {str(loc[-1])!r} (check its spelling; `csm-roles schema` lists the fields)"
    else:
        message = f"{message} (got {_short(first.get('input'))})"
    more = err.error_count() - 1
    if more:
        message += f" [and {more} more problem{'s' if more > 1 else ''}]"
    line, column = _position(text, loc)
    return DataFileError(
        name,
        message,
        line=line,
        column=column,
        field=".".join(str(part) for part in loc) or None,
    )


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _position(text: str, loc: tuple[str | int, ...]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest node of ``loc`` present in the YAML."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None, None
    found = node
    for part in loc:
        child = None
        if isinstance(found, yaml.MappingNode):
            for key_node, value_node in found.value:
                if key_node.value == part:
                    child = value_node
                    break
        elif isinstance(found, yaml.SequenceNode) and isinstance(part, int) and part < len(found.value):
            child = found.value[part]
        if child is None:
            break
        found = child
    if found is None:
        return None, None
    return found.start_mark.line + 1, found.start_mark.column + 1


def load_trusted_yaml(text: str) -> Any:
    """Parse the packaged YAML with the plain safe loader (its keys are checked in CI)."""
    return yaml.load(text, Loader=_BaseLoader)  # a safe loader (C parser when available)
