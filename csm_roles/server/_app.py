"""The application: the ``/v1`` API, its OpenAPI document, the web page, and the middleware."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from .._benchmarks import Benchmarks, default_benchmarks
from .._limits import MAX_REQUEST_BYTES
from ._api import router as api_router
from ._errors import install_handlers
from ._http import BodyLimit
from ._web import router as web_router

__all__ = ["build_app"]

DESCRIPTION = """\
Sourced reference data for hiring Customer Success Managers, over HTTP: levels,
segments, metros, KPIs and pay bands; job descriptions in Markdown, HTML, text,
JSON-LD or JSON; interview kits; pay-band charts; and a linter for postings.

Every error is JSON with the library's message (`ErrorBody`). A query parameter or
body field a route does not take is a 422 naming the nearest valid one, never ignored;
a body must be sent as `application/json`. Look-ups carry an
`ETag` and `Cache-Control`; send the tag back in `If-None-Match` to get a 304.
Request bodies are limited to {limit:,} bytes.
"""


class _NoSniff:
    """ASGI middleware: every answer says its media type is to be believed as given."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, send_with_header if scope["type"] == "http" else send)


def build_app(benchmarks: Benchmarks | None = None) -> FastAPI:
    """A new application serving ``benchmarks`` (default: the built-in dataset)."""
    app = FastAPI(
        title="csm-roles",
        version=__version__,
        description=DESCRIPTION.format(limit=MAX_REQUEST_BYTES),
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
    )
    app.state.benchmarks = benchmarks if benchmarks is not None else default_benchmarks()
    install_handlers(app)
    app.include_router(api_router)
    app.include_router(web_router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.add_middleware(BodyLimit, limit=MAX_REQUEST_BYTES)
    app.add_middleware(_NoSniff)
    return app
