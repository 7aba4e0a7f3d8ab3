"""HTTP mechanics the routes share: the body limit, strict requests, conditional responses,
content negotiation.

Nothing here knows about job descriptions: it deals in bytes, headers, parameters and
media types.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Iterable, Mapping

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "MEDIA_TYPES",
    "WARNINGS_HEADER",
    "BodyLimit",
    "choose_format",
    "etag_of",
    "json_body",
    "known_query",
    "query_names",
    "respond",
    "warnings_header",
]

#: The media type of every format the server writes.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "jsonld": "application/ld+json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "svg": "image/svg+xml",
    "sarif": "application/sarif+json",
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
}

#: Answers that change only with the package version (look-ups, charts, kits): a client
#: may reuse one for an hour, then asks again with If-None-Match and gets a 304.
STATIC = "public, max-age=3600"
#: Answers that can change from one day to the next (a posting dated today): reuse
#: only after asking again.
REVALIDATE = "no-cache"


def too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"the request body is larger than the limit of {limit:,} bytes")


#: How much of a refused body is read and thrown away before the 413 is sent, as a
#: multiple of the limit. A client that is still sending when the answer comes and the
#: connection closes may see a broken connection instead of the 413; reading the rest
#: first lets it read the answer. A body larger still is cut off.
DRAIN_FACTOR = 64


async def _drain(receive: Receive, budget: int) -> None:
    """Read and discard what is left of a request body, up to ``budget`` bytes."""
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return


class BodyLimit:
    """ASGI middleware: refuse a request body larger than ``limit`` bytes with status 413.

    A declared ``Content-Length`` above the limit is refused before the body reaches
    the app; a body sent in chunks is counted as it arrives and refused once it
    passes the limit. Either way nothing above the limit is kept in memory.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        budget = self.limit * DRAIN_FACTOR
        for name, value in scope["headers"]:
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.limit:
                    if value.isdigit() and int(value) <= budget:
                        await _drain(receive, budget)
                    await self._refuse(scope, receive, send)
                    return
                break
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    if message.get("more_body", False):
                        await _drain(receive, budget - seen)
                    raise too_large(self.limit)
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        from ._errors import error_response

        response = error_response(413, "too_large", str(too_large(self.limit).detail))
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def query_names(route: APIRoute) -> tuple[str, ...]:
    """The query parameters ``route`` declares, in order; a query model counts as its fields."""
    names: list[str] = []
    dependants = [route.dependant]
    while dependants:
        dependant = dependants.pop(0)
        for field in dependant.query_params:
            model = field.field_info.annotation
            if isinstance(model, type) and issubclass(model, BaseModel):
                names.extend(info.alias or name for name, info in model.model_fields.items())
            else:
                names.append(field.alias)
        dependants.extend(dependant.dependencies)
    return tuple(names)


def json_body(request: Request) -> None:
    """A route dependency: a body sent as anything but JSON to a route that reads JSON is a 415.

    Without it FastAPI keeps the bytes as they are, and the answer is a puzzling 422
    ("Input should be a valid dictionary"). JSON is ``application/json`` or
    ``application/*+json``; a body with no Content-Type at all is refused too, as
    FastAPI itself does from 0.132 (older versions read it as JSON), so every
    supported version answers alike.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or route.body_field is None:
        return
    given = request.headers.get("content-type")
    if given is None:
        sent = request.headers.get("content-length", "0") not in ("", "0")
        if not sent and "transfer-encoding" not in request.headers:
            return  # no body: pydantic says what is missing
    media = (given or "").split(";")[0].strip().lower()
    main, _, sub = media.partition("/")
    if main == "application" and (sub == "json" or sub.endswith("+json")):
        return
    raise HTTPException(
        415,
        "this route reads a JSON body: send it with Content-Type: application/json "
        + (f"(got {media!r})" if given is not None else "(the request had no Content-Type)"),
        headers={"Accept-Post": "application/json"},
    )


def known_query(request: Request) -> None:
    """A route dependency: a query parameter the route does not declare is a 422.

    A misspelt parameter must not quietly change the answer (``mtero=SF`` giving the
    national band). The errors have pydantic's shape (``extra_forbidden``), so they
    are written like an unknown field of a body, with the valid keys and the nearest.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = set(query_names(route))
    unknown = [key for key in request.query_params if key not in known]
    if unknown:
        raise RequestValidationError(
            [
                {
                    "type": "extra_forbidden",
                    "loc": ("query", key),
                    "msg": "Extra inputs are not permitted",
                    "input": request.query_params[key],
                }
                for key in unknown
            ]
        )


def etag_of(body: bytes) -> str:
    """A strong entity tag for ``body``: equal bytes, equal tag."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(header: str, etag: str) -> bool:
    """Whether If-None-Match ``header`` names ``etag`` (weak comparison, as RFC 9110 asks)."""
    if header.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in header.split(","))


#: The response header that carries a document's warnings, for clients of formats that
#: have no place for them (Markdown, HTML, text, JSON-LD).
WARNINGS_HEADER = "X-CSM-Roles-Warnings"
#: What a warning keeps as it is in the header: printable ASCII but the separator and
#: the escape character. Everything else (non-ASCII as UTF-8, line breaks) is %XX.
_HEADER_SAFE = "".join(chr(code) for code in range(0x20, 0x7F) if chr(code) not in ",%")


def warnings_header(warnings: Iterable[str]) -> str:
    """Warnings as one header value: each percent-encoded (UTF-8), joined by ", ".

    A header value must be ASCII without line breaks; a comma inside a warning is
    ``%2C``, so a client splits on commas, trims spaces and percent-decodes each part.

    Examples:
        >>> warnings_header(["No pay, yet.", "Colorado (C.R.S. § 8-5-201)"])
        'No pay%2C yet., Colorado (C.R.S. %C2%A7 8-5-201)'
    """
    return ", ".join(urllib.parse.quote(warning.strip(), safe=_HEADER_SAFE) for warning in warnings)


def respond(
    request: Request,
    body: str | bytes,
    media_type: str,
    *,
    cache: str = STATIC,
    vary: bool = False,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A response with an ETag and Cache-Control (and ``headers``); 304 when the client already holds it."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    headers = {"ETag": etag_of(data), "Cache-Control": cache, **(headers or {})}
    if vary:
        headers["Vary"] = "Accept"
    given = request.headers.get("if-none-match")
    if status == 200 and given is not None and _matches(given, headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return Response(data, status_code=status, media_type=media_type, headers=headers)


def _accept(header: str) -> list[tuple[str, str, float]]:
    """The media ranges of an Accept header: (type, subtype, q), badly formed ones skipped."""
    ranges = []
    for part in header.split(","):
        kind, *params = (piece.strip() for piece in part.split(";"))
        main, slash, sub = kind.lower().partition("/")
        if not slash or not main or not sub:
            continue
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    weight = 0.0
        ranges.append((main, sub, weight))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, str, float]]) -> float:
    """The weight the most specific matching range gives ``media_type`` (0 when none matches)."""
    main, _, sub = media_type.split(";")[0].partition("/")
    best, specificity = 0.0, -1
    for range_main, range_sub, weight in ranges:
        if range_main == main and range_sub == sub:
            rank = 2
        elif range_main == main and range_sub == "*":
            rank = 1
        elif range_main == "*" and range_sub == "*":
            rank = 0
        else:
            continue
        if rank > specificity:
            best, specificity = weight, rank
    return best


def choose_format(request: Request, given: str | None, formats: Mapping[str, str]) -> str:
    """The format to answer in: ``given`` (the ``format=`` parameter) if any, else the Accept header.

    ``formats`` maps each format the route offers to its media type, the server's
    preference first; no Accept header, or ``*/*``, gets the first. An Accept header
    that rules out every format gets status 406 naming the media types on offer.
    """
    if given is not None:
        return given
    header = request.headers.get("accept", "").strip()
    if not header:
        return next(iter(formats))
    ranges = _accept(header)
    scored = [(_quality(media, ranges), -index, name) for index, (name, media) in enumerate(formats.items())]
    weight, _, name = max(scored)
    if weight <= 0:
        offered = ", ".join(media.split(";")[0] for media in formats.values())
        raise HTTPException(
            406, f"none of the accepted media types is on offer here; this route writes {offered}"
        )
    return name
