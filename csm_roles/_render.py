"""Rendering documents from the Jinja templates in ``templates/``.

One environment per (format, template folder), built once per process and kept:
templates compile on first use and are reused. Every environment uses
``StrictUndefined``, so a missing value is an error, never an empty string. HTML
environments autoescape everything; Markdown and text ones do not HTML-escape but
pass every value through a format filter that keeps the document well-formed.

A user's ``template_dir`` is searched first, then the built-in templates (also
reachable as ``builtin/<name>`` so a user template can extend the one it replaces).
User templates always render in a `SandboxedEnvironment`:
``{{ ''.__class__.__mro__ }}`` and the like raise `TemplateError`.
"""

from __future__ import annotations

import os
import re
import textwrap
import threading
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ._errors import TemplateError
from ._models import pick_option
from ._packaged import package_file

__all__ = ["FORMATS", "render"]

#: Output formats, with the spellings people use for them.
FORMATS: dict[str, tuple[str, ...]] = {
    "markdown": ("md", "mdown"),
    "html": ("htm",),
    "text": ("txt", "plain", "plaintext"),
    "svg": (),
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_WIDTH = 78
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _flat(value: object) -> str:
    """One line of text: control characters dropped, line breaks folded to spaces.

    Already-escaped HTML (``Markup``) stays marked as safe, so it is not escaped twice.
    """
    text = str(value)
    if not text.isprintable():  # line breaks and control characters are not printable
        text = _BREAKS.sub(" ", _CONTROL.sub("", text))
    text = text.strip()
    return Markup(text) if isinstance(value, Markup) else text


def md_escape(value: object) -> str:
    """Text safe inside a Markdown line: one line, and no character that starts markup."""
    return _MD_SPECIAL.sub(r"\\\1", _flat(value))


def text_wrap(value: object, indent: str = "", first: str | None = None) -> str:
    """Plain text wrapped at 78 columns, with an optional hanging indent.

    A greedy wrap on spaces (the common case, several times faster than ``textwrap``);
    a word longer than a line falls back to ``textwrap``, which splits it.
    """
    lead = indent if first is None else first
    words = _flat(value).split()
    if any(len(word) > _WIDTH - len(indent) for word in words):
        return textwrap.fill(
            " ".join(words),
            width=_WIDTH,
            initial_indent=lead,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
    if not words:
        return ""
    lines: list[str] = []
    line = lead + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) > _WIDTH:
            lines.append(line)
            line = indent + word
        else:
            line = f"{line} {word}"
    lines.append(line)
    return "\n".join(lines)


class _Sandbox(SandboxedEnvironment):
    """The sandbox for user templates, which also refuses huge products and powers."""

    intercepted_binops = frozenset({"*", "**"})
    _LIMIT = 100_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        sizes = [v for v in (left, right) if isinstance(v, (str, bytes, list, tuple))]
        numbers = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
        if operator == "*" and sizes and numbers and len(sizes[0]) * abs(numbers[0]) > self._LIMIT:
            raise jinja2.exceptions.SecurityError("the result of this multiplication would be too large")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise jinja2.exceptions.SecurityError("exponents above 64 are not allowed in templates")
        return super().call_binop(context, operator, left, right)


def _builtin_dir() -> Path:
    found = package_file("templates")
    return Path(str(found))


def _new_environment(format: str, template_dir: Path | None) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(str(_builtin_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
    cls = _Sandbox if template_dir is not None else jinja2.Environment
    env = cls(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=format in {"html", "svg"},
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters["md"] = md_escape
    env.filters["flat"] = _flat
    env.filters["wrap"] = text_wrap
    env.globals["format"] = format
    return env


_environments: dict[tuple[str, str | None], jinja2.Environment] = {}
_lock = threading.Lock()


def environment(format: str, template_dir: str | os.PathLike[str] | None = None) -> jinja2.Environment:
    """The (cached) environment for ``format`` and an optional user template folder."""
    folder: Path | None = None
    if template_dir is not None:
        folder = Path(template_dir).expanduser().resolve()
        if not folder.is_dir():
            raise TemplateError(f"template_dir {os.fspath(template_dir)!r} is not a directory")
    key = (format, str(folder) if folder else None)
    env = _environments.get(key)
    if env is None:
        with _lock:
            env = _environments.get(key)
            if env is None:
                env = _new_environment(format, folder)
                _environments[key] = env
    return env


def render(
    document: str,
    format: str,
    context: dict[str, Any],
    *,
    template_dir: str | os.PathLike[str] | None = None,
) -> str:
    """Render ``<document>/<format>.j2`` (``jd/markdown.j2`` ...) with ``context``."""
    fmt = pick_option(FORMATS, format, "format")
    env = environment(fmt, template_dir)
    name = f"{document}/{fmt}.j2"
    try:
        template = env.get_template(name)
        out = template.render(context)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateError(
            f"{err.filename or err.name}:{err.lineno}: template syntax error: {err.message}"
        ) from None
    except jinja2.exceptions.SecurityError as err:
        raise TemplateError(f"template refused by the sandbox: {err}") from None
    except jinja2.UndefinedError as err:
        raise TemplateError(f"template {name!r} used an undefined value: {err.message}") from None
    except jinja2.TemplateNotFound as err:
        raise TemplateError(f"template not found: {err.name}") from None
    except jinja2.TemplateError as err:
        raise TemplateError(f"template {name!r} failed: {err}") from None
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, RecursionError) as err:
        if template_dir is None:
            raise  # a bug in a built-in template: let it surface as itself
        raise TemplateError(f"template {name!r} failed: {type(err).__name__}: {err}") from None
    return _BLANK_RUNS.sub("\n\n", out).strip() + "\n"
