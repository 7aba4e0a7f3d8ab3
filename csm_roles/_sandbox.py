"""The sandbox for users' templates: what they can reach, and how much work they can do.

A template from a user's ``template_dir`` is code written by someone we do not know.
It renders in `Sandbox`, which

* reaches only what our own templates need: on csm-roles' records, their fields and
  the properties and methods our classes define (never pydantic's ``model_*``
  machinery), no attribute starting with ``_``, and no method that changes a list,
  dict or set (Jinja's immutable sandbox) - so nothing it does can change a record
  another caller will get;
* reads templates only from inside its folder (`ConfinedLoader`: a symbolic link
  that leads out of the folder is refused);
* refuses work that has no use in a job posting: huge numbers, multiplications,
  concatenations, widths and ranges (`MAX_TEMPLATE_NUMBER`, `MAX_TEMPLATE_CHARS`);
* renders under a budget (`render_bounded`): at most `MAX_TEMPLATE_CHARS` of output
  and of any one string, and `MAX_TEMPLATE_SECONDS` of time.

Every refusal is a `TemplateError` that names the limit.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ._errors import TemplateError
from ._limits import MAX_TEMPLATE_CHARS, MAX_TEMPLATE_NUMBER, MAX_TEMPLATE_SECONDS

__all__ = ["ConfinedLoader", "Sandbox", "render_bounded"]

#: Format specifications with a width or precision of five digits or more
#: ("{:>100000}", "%100000s"): padding a posting never needs.
_HUGE_FORMAT = re.compile(r"%[-+ #0]*(?:\d{5,}|\*)|%[-+ #0]*\d*\.(?:\d{5,}|\*)|\{[^{}]*:[^{}]*\d{5,}[^{}]*\}")
#: Globals a template for a job posting has no use for (``lipsum(10**6)`` ...).
_DROPPED_GLOBALS = ("lipsum", "cycler", "joiner", "dict")


def _refuse(what: str) -> jinja2.exceptions.SecurityError:
    return jinja2.exceptions.SecurityError(what)


def _check_number(value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_TEMPLATE_NUMBER:
        raise _refuse(f"numbers above {MAX_TEMPLATE_NUMBER:,} are not allowed as arguments in templates")


def _check_format(value: object) -> None:
    if isinstance(value, str) and _HUGE_FORMAT.search(value):
        raise _refuse("format widths of five digits or more are not allowed in templates")


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        _check_number(value)
        _check_format(value)


def _size(value: object) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def _guarded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge numeric arguments and format widths before it runs."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        return function(*args, **kwargs)

    for marker in ("jinja_pass_arg",):  # keep Jinja's pass_context / pass_environment markers
        if hasattr(function, marker):
            setattr(guarded, marker, getattr(function, marker))
    guarded.__name__ = getattr(function, "__name__", "filter")
    return guarded


def _limited_range(*args: int) -> range:
    _check_arguments(args, {})
    numbers = range(*args)
    if len(numbers) > MAX_TEMPLATE_NUMBER:
        raise _refuse(f"a range of more than {MAX_TEMPLATE_NUMBER:,} numbers is not allowed in templates")
    return numbers


def _ours(cls: type, attr: str) -> bool:
    """Whether ``attr`` is a field of ``cls`` or defined by csm-roles' own classes (not pydantic's)."""
    if attr.startswith("model_"):  # pydantic's API, even where our classes set it (model_config)
        return False
    if attr in getattr(cls, "model_fields", {}):
        return True
    for klass in cls.__mro__:
        if klass is object or klass.__module__.split(".")[0] == "pydantic":
            return False
        if attr in vars(klass):
            return True
    return False


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, narrowed to what a job-posting template needs."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in _DROPPED_GLOBALS:
            self.globals.pop(name, None)
        self.globals["range"] = _limited_range
        self.filters = {name: _guarded_filter(function) for name, function in self.filters.items()}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        cls = obj if isinstance(obj, type) else type(obj)
        if hasattr(cls, "model_fields"):  # a pydantic record: only what csm-roles itself declares
            return _ours(cls, attr)
        return True

    def getattr(self, obj: Any, attribute: str) -> Any:
        cls = obj if isinstance(obj, type) else type(obj)
        if hasattr(cls, "model_fields") and not _ours(cls, attribute):  # refused before it is read
            if any(attribute in vars(klass) for klass in cls.__mro__):
                return self.unsafe_undefined(obj, attribute)
            return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(__obj, Macro):  # our macros take salaries; builtins get no huge numbers
            _check_arguments(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        numbers = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
        sizes = [size for size in (_size(left), _size(right)) if size is not None]
        if operator == "*" and sizes and numbers and sizes[0] * abs(numbers[-1]) > MAX_TEMPLATE_CHARS:
            raise _refuse("the result of this multiplication would be too large")
        if operator == "*" and len(numbers) == 2 and sum(abs(n).bit_length() for n in numbers) > 4096:
            raise _refuse("the result of this multiplication would be too large")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise _refuse("exponents above 64 are not allowed in templates")
        if operator == "**" and len(numbers) == 2 and abs(numbers[0]).bit_length() * abs(numbers[1]) > 4096:
            raise _refuse("the result of this power would be too large")
        if operator == "+" and len(sizes) == 2 and sum(sizes) > MAX_TEMPLATE_CHARS:
            raise _refuse(f"strings or lists longer than {MAX_TEMPLATE_CHARS:,} are not allowed in templates")
        if operator == "%":
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template = getattr(value, "__self__", None)

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format(template)
            _check_arguments(args, kwargs)
            return wrapped(*args, **kwargs)

        return checked


class ConfinedLoader(jinja2.FileSystemLoader):
    """A `FileSystemLoader` that never reads outside its folder, whatever the links inside say."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.root = os.path.realpath(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        if os.path.commonpath([real, self.root]) != self.root:
            raise jinja2.TemplateNotFound(template, f"{template!r} leads outside the template folder")
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return [name for name in super().list_templates() if self._inside(name)]

    def _inside(self, name: str) -> bool:
        real = os.path.realpath(os.path.join(self.root, name))
        return os.path.commonpath([real, self.root]) == self.root


class _Budget:
    """A per-thread trace that stops a render past its time or string-size budget.

    It sees every line the render runs (template code, Jinja's runtime, our filters),
    so an empty loop of a million turns is stopped as surely as a slow filter.
    """

    def __init__(self, environment: jinja2.Environment) -> None:
        self.environment = environment
        self.deadline = time.monotonic() + MAX_TEMPLATE_SECONDS
        self.steps = 0

    def start(self, frame: FrameType, event: str, _arg: Any) -> Callable[..., Any]:
        if event == "call":
            self._check_strings(frame)
        return self.step

    def step(self, frame: FrameType, event: str, _arg: Any) -> Callable[..., Any]:
        self.steps += 1
        if not self.steps & 1023 and time.monotonic() > self.deadline:
            raise TemplateError(f"the template ran longer than the limit of {MAX_TEMPLATE_SECONDS:g} seconds")
        if event == "line" and frame.f_globals.get("environment") is self.environment:
            self._check_strings(frame)
        return self.step

    @staticmethod
    def _check_strings(frame: FrameType) -> None:
        for value in frame.f_locals.values():
            if isinstance(value, str) and len(value) > MAX_TEMPLATE_CHARS:
                raise TemplateError(
                    f"the template built a string longer than the limit of {MAX_TEMPLATE_CHARS:,} characters"
                )


def render_bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render a user's template within the output, string-size and time budget."""
    budget = _Budget(template.environment)
    previous = sys.gettrace()
    sys.settrace(budget.start)
    try:
        chunks: list[str] = []
        total = 0
        stream: Iterator[str] = template.generate(context)
        for chunk in stream:
            total += len(chunk)
            if total > MAX_TEMPLATE_CHARS:
                raise TemplateError(
                    f"the template's output is longer than the limit of {MAX_TEMPLATE_CHARS:,} characters"
                )
            chunks.append(chunk)
        return "".join(chunks)
    finally:
        sys.settrace(previous)
