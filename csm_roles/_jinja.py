"""How csm-roles sets up Jinja: environment options, filters, the sandbox, precompiled templates.

Every environment uses ``StrictUndefined``, so a missing value is an error, never an
empty string. HTML and SVG environments autoescape everything; Markdown and text ones
do not HTML-escape but pass every value through a format filter that keeps the
document well-formed. User templates render in the sandbox of ``_sandbox.py``.

The built-in templates can be shipped precompiled: the wheel build
(``hatch_build.py``) calls `compile_builtins`, which writes each format's templates
as Python modules plus a manifest of the Jinja version and the SHA-256 of every
template source. `builtin_loader` uses those modules only while the manifest still
matches (same Jinja, same template bytes); otherwise the templates are compiled
from source as usual. Compiling them costs about 20 ms at the first render of a
process; loading the precompiled ones about 1 ms.

This module imports only Jinja and MarkupSafe (no other part of csm-roles), so the
build hook can load it from the source tree.
"""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from pathlib import Path

import jinja2
from markupsafe import Markup

__all__ = [
    "COMPILED_FOLDER",
    "TEMPLATE_FORMATS",
    "builtin_loader",
    "compile_builtins",
    "flat",
    "md_escape",
    "new_environment",
    "text_wrap",
]

#: Output formats a template can be written for (a template's file stem says which).
TEMPLATE_FORMATS = ("markdown", "html", "text", "svg", "description")
#: Where a wheel keeps the precompiled built-in templates, inside the package.
COMPILED_FOLDER = "templates_compiled"
_MANIFEST = "manifest.json"

#: Dropped from every value: control characters (terminal escapes), line and paragraph
#: separators, and the bidirectional controls that can make text read otherwise than it is.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")  # characters that start Markdown markup
#: What opens a Markdown block at a line's start ("1. ", "2) ", "- ", "+ ", "---"); the
#: punctuation is escaped. "#", ">", "*", "_" and backticks are escaped anywhere already.
_MD_BLOCK_START = re.compile(r"^(\d{1,9})([.)])(?= |$)|^()([-+])(?= |$)|^()(-)(?=[- ]*$)")
_WIDTH = 78


def flat(value: object) -> str:
    """One line of text: control characters dropped, line breaks folded to spaces.

    Already-escaped HTML (``Markup``) stays marked as safe, so it is not escaped twice.
    """
    text = str(value)
    if not text.isprintable():  # line breaks and control characters are not printable
        text = _BREAKS.sub(" ", _CONTROL.sub("", text))
    text = text.strip()
    return Markup(text) if isinstance(value, Markup) else text


def md_escape(value: object, line_start: bool = True) -> str:
    """Text safe inside a Markdown line: one line, and no character that starts markup.

    Inside the line, characters that start inline markup are escaped; at its start,
    also what would open a block ("1. ", "- ", "---", "+ "), so a value never turns a
    paragraph or a list item into a list or a rule. Pass ``line_start=False`` for text
    that follows a heading's "#", where no block can open.

    Examples:
        >>> print(md_escape("1. first"), md_escape("---"), md_escape("5-20 accounts"), md_escape("a *b*"))
        1\\. first \\--- 5-20 accounts a \\*b\\*
    """
    text = flat(value)
    # most text has none of them: looking first is about three times faster than always substituting
    if _MD_SPECIAL.search(text):
        text = _MD_SPECIAL.sub(r"\\\1", text)
    start = _MD_BLOCK_START.match(text) if line_start else None
    if start is None:
        return text
    digits, mark = next((start.group(i), start.group(i + 1)) for i in (1, 3, 5) if start.group(i + 1))
    return f"{digits}\\{mark}{text[start.end() :]}"


def text_wrap(value: object, indent: str = "", first: str | None = None) -> str:
    """Plain text wrapped at 78 columns, with an optional hanging indent.

    A greedy wrap on spaces (the common case, several times faster than ``textwrap``);
    a word longer than a line falls back to ``textwrap``, which splits it.
    """
    lead = indent if first is None else first
    words = flat(value).split()
    if not words:
        return ""
    line = " ".join(words)
    if len(lead) + len(line) <= _WIDTH:  # fits on one line: what any wrap would give
        return lead + line
    opening = _line(_WIDTH - len(lead)).match(line)
    if opening is None or len(max(words, key=len)) > _WIDTH - len(indent):
        return textwrap.fill(
            line,
            width=_WIDTH,
            initial_indent=lead,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
    rest = _line(_WIDTH - len(indent)).findall(line, opening.end())
    return "\n".join([lead + opening.group(1), *(indent + part for part in rest)])


_LINES: dict[int, re.Pattern[str]] = {}


def _line(width: int) -> re.Pattern[str]:
    """The longest run of at most ``width`` characters that ends before a space or at the end.

    Matched again and again over words joined by single spaces, it is the greedy wrap.
    """
    found = _LINES.get(width)
    if found is None:
        found = _LINES[width] = re.compile(rf"(.{{1,{width}}})(?: |\Z)")
    return found


def new_environment(
    format: str, loader: jinja2.BaseLoader, *, cls: type[jinja2.Environment] = jinja2.Environment
) -> jinja2.Environment:
    """An environment for ``format`` with csm-roles' options and filters.

    ``cls`` is the environment class: Jinja's own for the built-in templates, the
    sandbox of `_sandbox` for a user's.
    """
    sandboxed = cls is not jinja2.Environment
    env = cls(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=format in {"html", "svg", "description"},
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=sandboxed,  # a user's template may be edited between two renders
        cache_size=-1 if not sandboxed else 400,
    )
    env.filters["md"] = md_escape
    env.filters["flat"] = flat
    env.filters["wrap"] = text_wrap
    env.globals["format"] = format
    return env


def _template_names(templates: Path) -> list[str]:
    return sorted(path.relative_to(templates).as_posix() for path in templates.rglob("*.j2"))


def _fingerprint(templates: Path) -> dict[str, str]:
    """What precompiled templates depend on: the Jinja version and every template's bytes."""
    found = {"jinja2": jinja2.__version__}
    for name in _template_names(templates):
        found[name] = hashlib.sha256((templates / name).read_bytes()).hexdigest()
    return found


def _belongs_to(name: str, format: str) -> bool:
    """Whether template ``name`` is rendered by the ``format`` environment.

    ``jd/html.j2`` and ``partials/html.j2`` belong to HTML only; a template whose stem
    is not a format (``jd/layout.j2``) is shared by every format.
    """
    stem = name.rsplit("/", 1)[-1].removesuffix(".j2")
    return stem == format or stem not in TEMPLATE_FORMATS


def compile_builtins(templates: Path, target: Path) -> None:
    """Precompile the built-in templates of every format into ``target`` (for the wheel build)."""
    source = jinja2.FileSystemLoader(str(templates))
    for format in TEMPLATE_FORMATS:
        env = new_environment(format, source)
        env.compile_templates(
            str(target / format),
            filter_func=lambda name, format=format: _belongs_to(name, format),  # type: ignore[misc]
            zip=None,
            ignore_errors=False,
        )
    (target / _MANIFEST).write_text(
        json.dumps(_fingerprint(templates), indent=1, sort_keys=True), encoding="utf-8"
    )


_fresh: dict[tuple[str, str], bool] = {}


def builtin_loader(templates: Path, compiled: Path, format: str) -> jinja2.BaseLoader:
    """The loader of the built-in templates for ``format``: precompiled when still valid.

    Falls back to compiling from ``templates`` when there is no precompiled copy (a
    checkout), when Jinja or any template changed since it was made, or for a
    template it does not hold.
    """
    source = jinja2.FileSystemLoader(str(templates))
    key = (str(templates), str(compiled))
    fresh = _fresh.get(key)
    if fresh is None:
        manifest = compiled / _MANIFEST
        try:
            fresh = json.loads(manifest.read_text(encoding="utf-8")) == _fingerprint(templates)
        except (OSError, ValueError):
            fresh = False
        _fresh[key] = fresh
    if fresh and (compiled / format).is_dir():
        return jinja2.ChoiceLoader([jinja2.ModuleLoader(str(compiled / format)), source])
    return source
