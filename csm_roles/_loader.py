"""The one reader of YAML files: benchmarks, lint rules and company files alike.

Every file goes through the same steps, and every problem becomes one
`DataFileError` naming the file, the line and column where YAML can tell them, and
the dotted path of the field:

1. `read_text`: at most ``max_bytes`` bytes (a file or a stream such as
   ``/dev/stdin``), UTF-8 (a byte-order mark is allowed);
2. `parse_yaml`: a safe loader (tags such as ``!!python/object`` are refused) that
   also refuses a mapping with the same key twice, nesting deeper than
   `MAX_DEPTH`, and aliases that would expand past `MAX_NODES` values (a "billion
   laughs" file is refused before anything is built from it);
3. `validate`: the pydantic model of the file kind, with the first problem located.

`read_model` runs all three. PyYAML is imported only here, and only when a file
other than the packaged dataset is read.
"""

from __future__ import annotations

import difflib
import os
import reprlib
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ._errors import DataFileError, DataNotFoundError, InvalidInputError
from ._limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES
from ._models import Dataset, IntegrityError

__all__ = [
    "dataset_from_text",
    "load_trusted_yaml",
    "load_yaml",
    "parse_yaml",
    "read_dataset",
    "read_model",
    "read_text",
    "validate",
]

M = TypeVar("M", bound=BaseModel)

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


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date or time as YAML reads it, or a located error for one that cannot be ("2027-02-31")."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as err:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"{node.value!r} is not a real date or time ({err}); write it as YYYY-MM-DD",
            node.start_mark,
        ) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_text(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of a file, or a `DataFileError` / `DataNotFoundError` saying what is wrong.

    Reads at most ``max_bytes`` bytes, so a huge file or an endless stream is refused
    without being read whole.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"a file path must be a str or os.PathLike, got {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(f"a file path must be text, got {type(name).__name__}")
    if "\0" in name:
        raise DataFileError(repr(name), "a file path cannot contain a NUL character")
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool):
        raise TypeError(f"max_bytes must be an int, got {type(max_bytes).__name__}")
    if not 1 <= max_bytes <= 1 << 40:
        raise InvalidInputError(f"max_bytes must be from 1 to {1 << 40:,} (1 TiB), got {max_bytes:,}")
    try:
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DataNotFoundError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DataFileError(name, "this is a directory; pass the path of a file") from None
    except OSError as err:
        raise DataFileError(name, f"cannot read the file: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise DataFileError(
            name, f"the file is larger than the limit of {max_bytes:,} bytes (pass max_bytes= to raise it)"
        )
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """UTF-8 bytes as text (a leading byte-order mark dropped), or a located `DataFileError`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise DataFileError(
            name,
            f"not UTF-8 text (byte 0x{data[err.start]:02x}); save the file as UTF-8",
            line=line,
            column=column,
        ) from None


_OPENING = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _check_depth(loader: Any, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, from the token stream (no recursion involved)."""
    depth = 0
    while loader.check_token():
        token = loader.get_token()
        if isinstance(token, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                mark = token.start_mark
                raise DataFileError(
                    name,
                    f"nested more than {MAX_DEPTH} levels deep; the data format needs far fewer",
                    line=mark.line + 1,
                    column=mark.column + 1,
                )
        elif isinstance(token, _CLOSING):
            depth -= 1


def _check_size(root: yaml.Node, name: str) -> None:
    """Refuse a document whose aliases expand to more than MAX_NODES values, or refer to themselves.

    Aliases share nodes, so a small file can stand for billions of values; this counts
    them as expanded, once per distinct node (linear in the file, not in the expansion).
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # nodes whose children are still being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done or not children:
            open_nodes.discard(id(node))
            total = 1 + sum(sizes[id(child)] for child in children)
            if total > MAX_NODES:
                raise _too_big(node, name, f"the file's aliases expand to more than {MAX_NODES:,} values")
            sizes[id(node)] = total
            continue
        if id(node) in open_nodes:  # reached again while its own children are counted
            raise _too_big(node, name, "an alias refers to the value that contains it")
        open_nodes.add(id(node))
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise _too_big(child, name, "an alias refers to the value that contains it")
            if id(child) not in sizes:
                stack.append((child, False))


def _too_big(node: yaml.Node, name: str, problem: str) -> DataFileError:
    return DataFileError(
        name,
        f"{problem}; write the values out",
        line=node.start_mark.line + 1,
        column=node.start_mark.column + 1,
    )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def parse_yaml(text: str, name: str = "<string>") -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely: the plain data, and the node tree (for locating later problems)."""
    try:
        scanner = _StrictLoader(text)
        try:
            _check_depth(scanner, name)
        finally:
            scanner.dispose()
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, None
            _check_size(node, name)
            return loader.construct_document(node), node
        finally:
            loader.dispose()
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
    except RecursionError:  # pragma: no cover - MAX_DEPTH keeps the constructor well inside the limit
        raise DataFileError(name, "nested too deeply to read") from None


def load_yaml(text: str, name: str = "<string>") -> Any:
    """Parse YAML safely (no Python tags, no repeated keys, bounded), or raise DataFileError."""
    return parse_yaml(text, name)[0]


def validate(
    model: type[M],
    raw: Any,
    name: str,
    node: yaml.Node | None = None,
    *,
    expected: str,
    context: dict[str, Any] | None = None,
) -> M:
    """``raw`` as a ``model``, or a `DataFileError` at the first problem's line and field path.

    ``expected`` says what the file should hold, for a file that is not a mapping at
    all; ``context`` goes to the model's validators (the guide ids a rule may cite).
    """
    if not isinstance(raw, dict):
        found = "an empty file" if raw is None else f"a {type(raw).__name__}"
        raise DataFileError(name, f"expected {expected}, but found {found}")
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as err:
        raise _located(err, node, name, model) from None


def read_model(
    path: str | os.PathLike[str],
    model: type[M],
    *,
    expected: str,
    max_bytes: int = MAX_FILE_BYTES,
    context: dict[str, Any] | None = None,
    wrong_kind: Callable[[Any], str | None] | None = None,
) -> M:
    """Read, parse and validate one YAML file as ``model`` (the one reader of every file kind).

    ``wrong_kind`` looks at the parsed file first and names the kind of file it is
    instead (a company profile given where a dataset belongs), for a clearer error than
    the list of fields it lacks.
    """
    text = read_text(path, max_bytes=max_bytes)
    name = os.fspath(path)
    raw, node = parse_yaml(text, name)
    other = wrong_kind(raw) if wrong_kind is not None and isinstance(raw, dict) else None
    if other is not None:
        raise DataFileError(name, other)
    return validate(model, raw, name, node, expected=expected, context=context)


DATASET_EXPECTED = "a mapping with `format_version`, `sources`, `levels` ... (see `csm-roles schema`)"


def _profile_not_dataset(raw: dict[str, Any]) -> str | None:
    profile_keys = {"name", "about", "benefits", "pay", "website", "how_to_apply", "locations"}
    if "format_version" not in raw and raw.keys() & profile_keys and not raw.keys() & {"levels", "segments"}:
        return (
            "this is a company profile, not a dataset: pass it with --profile "
            "(csm_roles.load_company); a dataset replaces the guides' figures (see `csm-roles schema`)"
        )
    return None


def read_dataset(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> Dataset:
    """Read and validate a benchmarks file from disk."""
    return read_model(
        path, Dataset, expected=DATASET_EXPECTED, max_bytes=max_bytes, wrong_kind=_profile_not_dataset
    )


def dataset_from_text(text: str, name: str = "<string>") -> Dataset:
    """Validate benchmarks YAML given as text; ``name`` is used in error messages."""
    raw, node = parse_yaml(text, name)
    return validate(Dataset, raw, name, node, expected=DATASET_EXPECTED)


def locate(
    node: yaml.Node | None, loc: tuple[str | int, ...], *, key: bool = False
) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest node of ``loc`` present in the YAML (its key with ``key``)."""
    if node is None:
        return None, None
    found = node
    for part in loc:
        child = None
        if isinstance(found, yaml.MappingNode):
            for key_node, value_node in found.value:
                if key_node.value == part or key_node.value == str(part):
                    child = key_node if key and part == loc[-1] else value_node
                    break
        elif isinstance(found, yaml.SequenceNode) and isinstance(part, int) and part < len(found.value):
            child = found.value[part]
        if child is None:
            break
        found = child
    return found.start_mark.line + 1, found.start_mark.column + 1


def _fields_at(model: type[BaseModel] | None, loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found at ``loc`` inside ``model`` (for a did-you-mean), if any."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue  # an item of a list: the same model as the list's
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = next(
            (
                arg
                for arg in (field.annotation, *typing.get_args(field.annotation))
                if isinstance(arg, type) and issubclass(arg, BaseModel)
            ),
            None,
        )
    return list(getattr(current, "model_fields", {}))


def _located(
    err: ValidationError, node: yaml.Node | None, name: str, model: type[BaseModel] | None = None
) -> DataFileError:
    """Turn pydantic's errors into a DataFileError with a line and a field path: the first,
    with the others (at most `_LISTED`) in its ``more``."""
    errors = err.errors(include_url=False, include_context=True, include_input=True)
    located = [_one(error, node, name, model) for error in errors[: _LISTED + 1]]
    first = located[0]
    return DataFileError(
        name,
        first.problem,
        line=first.line,
        column=first.column,
        field=first.field,
        more=tuple(located[1:]),
        more_count=len(errors) - 1,
    )


#: How many of a file's problems one error lists (a file with thousands names the first ones).
_LISTED = 20


def _one(error: Any, node: yaml.Node | None, name: str, model: type[BaseModel] | None) -> DataFileError:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    cause = (error.get("ctx") or {}).get("error")
    message = error["msg"]
    if isinstance(cause, IntegrityError):
        loc = cause.path
        message = str(cause)
    elif message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if error["type"] == "missing":
        message = f"missing required field {str(loc[-1])!r}"
    elif error["type"] == "extra_forbidden":
        near = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1)
        hint = f"did you mean {near[0]!r}?" if near else "check its spelling; the docs list the fields"
        message = f"unknown field {str(loc[-1])!r} ({hint})"
    elif not isinstance(cause, IntegrityError) and not isinstance(error.get("input"), (dict, list)):
        message = f"{message} (got {_short(error.get('input'))})"  # a whole record says nothing more
    line, column = locate(node, loc, key=error["type"] == "extra_forbidden")
    return DataFileError(
        name,
        message,
        line=line,
        column=column,
        field=".".join(str(part) for part in loc) or None,
    )


_REPR = reprlib.Repr()
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlevel = 2


def _short(value: object) -> str:
    """A bounded repr for an error message, whatever the size of ``value``."""
    text = _REPR.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def load_trusted_yaml(text: str) -> Any:
    """Parse the packaged YAML with the plain safe loader (its keys are checked in CI)."""
    return yaml.load(text, Loader=_BaseLoader)  # a safe loader (C parser when available)
