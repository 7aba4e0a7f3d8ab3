"""Rendering documents from the Jinja templates in ``templates/``.

One environment per (format, template folder), built once per process and kept:
templates compile on first use (or load precompiled, in a wheel) and are reused.
The environments' options and filters are in `_jinja`.

A user's ``template_dir`` is searched first, then the built-in templates (also
reachable as ``builtin/<name>`` so a user template can extend the one it replaces).
User templates always render in a `SandboxedEnvironment`:
``{{ ''.__class__.__mro__ }}`` and the like raise `TemplateError`.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import jinja2

from ._errors import TemplateError
from ._jinja import COMPILED_FOLDER, builtin_loader, new_environment
from ._models import pick_option
from ._packaged import PACKAGE_FOLDER, package_file

__all__ = ["FORMATS", "render"]

#: Output formats, with the spellings people use for them.
FORMATS: dict[str, tuple[str, ...]] = {
    "markdown": ("md", "mdown"),
    "html": ("htm",),
    "text": ("txt", "plain", "plaintext"),
    "svg": (),
    "description": ("job board", "jobposting"),
}

_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _new_environment(format: str, template_dir: Path | None) -> jinja2.Environment:
    templates = Path(str(package_file("templates")))
    if template_dir is None:
        builtin = builtin_loader(templates, PACKAGE_FOLDER / COMPILED_FOLDER, format)
        return new_environment(
            format, jinja2.ChoiceLoader([builtin, jinja2.PrefixLoader({"builtin": builtin})])
        )
    # a user's folder first, then the built-ins compiled from source (the sandbox compiles differently)
    from ._sandbox import ConfinedLoader, Sandbox  # only for a user's templates

    builtin = jinja2.FileSystemLoader(str(templates))
    loader = jinja2.ChoiceLoader(
        [ConfinedLoader(template_dir), builtin, jinja2.PrefixLoader({"builtin": builtin})]
    )
    return new_environment(format, loader, cls=Sandbox)


#: Environments of the built-in templates, one per format, kept for the process.
_builtin: dict[str, jinja2.Environment] = {}
#: Environments of users' template folders, most recently used last; at most
#: `USER_ENVIRONMENTS` are kept. They re-read a template whose file changed.
_user: OrderedDict[tuple[str, str], jinja2.Environment] = OrderedDict()
USER_ENVIRONMENTS = 16
_lock = threading.Lock()


def environment(format: str, template_dir: str | os.PathLike[str] | None = None) -> jinja2.Environment:
    """The environment for ``format`` and an optional user template folder."""
    if template_dir is None:
        env = _builtin.get(format)
        if env is None:
            with _lock:
                env = _builtin.get(format)
                if env is None:
                    env = _builtin[format] = _new_environment(format, None)
        return env
    folder = Path(template_dir).expanduser().resolve()
    if not folder.is_dir():
        raise TemplateError(f"template_dir {os.fspath(template_dir)!r} is not a directory")
    key = (format, str(folder))
    with _lock:
        env = _user.get(key)
        if env is None:
            env = _user[key] = _new_environment(format, folder)
            while len(_user) > USER_ENVIRONMENTS:
                _user.popitem(last=False)
        else:
            _user.move_to_end(key)
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
        if template_dir is None:
            out = template.render(context)
        else:
            from ._sandbox import render_bounded

            out = render_bounded(template, context)
    except TemplateError:
        raise
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
    except MemoryError:
        if template_dir is None:
            raise
        raise TemplateError(f"template {name!r} needed more memory than this process has") from None
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, RuntimeError) as err:
        if template_dir is None:
            raise  # a bug in a built-in template: let it surface as itself
        raise TemplateError(f"template {name!r} failed: {type(err).__name__}: {err}") from None
    return _BLANK_RUNS.sub("\n\n", out).strip() + "\n"
