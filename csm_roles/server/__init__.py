"""The HTTP API and the web page for recruiters (the ``server`` extra).

``pip install 'csm-roles[server]'`` adds FastAPI and uvicorn; ``csm-roles serve``
starts the server. Importing this package imports neither of them, so the library
and the command line do not pay for them: `create_app` and `serve` import them when
called, and say how to install the extra when it is missing.

The server keeps no state between requests: every answer is computed from the
request and the (read-only) dataset, so it scales out by adding worker processes
or replicas (see ``docs/guides/server.md``).
"""

from __future__ import annotations

import importlib.util
import os
from typing import TYPE_CHECKING

from .._errors import CsmRolesError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from .._benchmarks import Benchmarks

__all__ = ["DATA_VARIABLE", "EXTRA", "ServerExtraMissing", "create_app", "serve"]

#: The command that installs what the server needs.
EXTRA = "pip install 'csm-roles[server]'"
#: An environment variable naming a company's own benchmarks file, for servers started
#: by a process manager (``uvicorn --factory csm_roles.server:create_app``).
DATA_VARIABLE = "CSM_ROLES_DATA"


class ServerExtraMissing(CsmRolesError, ImportError):
    """FastAPI or uvicorn is not installed: the message names the command that installs them.

    Examples:
        >>> issubclass(ServerExtraMissing, ImportError)
        True
    """


def _require(*modules: str) -> None:
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise ServerExtraMissing(
            f"the server needs {' and '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            f"not installed; install the server extra: {EXTRA}"
        )


def create_app(benchmarks: Benchmarks | None = None) -> FastAPI:
    """The ASGI application: the ``/v1`` API, its OpenAPI document, and the web page.

    ``benchmarks`` is the dataset to serve; without it, the file named by the
    ``CSM_ROLES_DATA`` environment variable, else the built-in data.
    """
    _require("fastapi")
    if benchmarks is None and os.environ.get(DATA_VARIABLE):
        from .._benchmarks import load_benchmarks

        benchmarks = load_benchmarks(os.environ[DATA_VARIABLE])
    from ._app import build_app

    return build_app(benchmarks)


def serve(host: str = "127.0.0.1", port: int = 8000, *, benchmarks: Benchmarks | None = None) -> None:
    """Run the server in this process until it is stopped (Ctrl-C or SIGTERM)."""
    _require("fastapi", "uvicorn")
    import uvicorn

    uvicorn.run(create_app(benchmarks), host=host, port=port, proxy_headers=True, server_header=False)
