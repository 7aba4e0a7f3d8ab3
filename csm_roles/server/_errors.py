"""Errors as JSON: the library's messages with a status, never a stack trace.

* 404 ``unknown_key`` or ``no_figure``: a key in the path names nothing
  (``/v1/levels/seniour``), or the guides hold no such figure;
* 422 ``unknown_key``: a key in the query or the body names nothing;
* 422 ``pay_transparency``: a law of the job's place requires what the posting lacks
  (each in ``problems``; ``draft=true`` answers with a draft and warnings instead);
* 422 ``invalid_input``: a value of the right type that cannot be used (a pay range
  upside down); 422 ``validation``: a missing field, a wrong type, an unknown parameter
  or field (with the valid keys in ``choices`` and the nearest in ``suggestion``);
* 400 ``malformed_json``: a body that is not JSON; 413 ``too_large``: a body above the limit;
  415 ``unsupported_media_type``: a body sent as something other than JSON;
* 404 ``not_found``, 405 ``method_not_allowed``, 406 ``not_acceptable``: no such path,
  no such method, or an Accept header that nothing on offer matches;
* 500 ``internal``: a bug on our side (logged; the answer holds no trace).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .._errors import CsmRolesError, InvalidInputError, NoFigureError, PayTransparencyError, UnknownKeyError
from .._loader import _fields_at
from ._http import query_names

__all__ = ["ErrorBody", "Hinted", "NotFound", "Problem", "describe", "error_response", "install_handlers"]

_log = logging.getLogger("csm_roles.server")


class Problem(BaseModel):
    """One problem with a request: where it is, and what is wrong."""

    model_config = ConfigDict(extra="forbid")

    location: list[str | int]
    message: str
    suggestion: str | None = None
    choices: list[str] | None = None


class ErrorBody(BaseModel):
    """What every error answer holds."""

    model_config = ConfigDict(extra="forbid")

    status: int
    error: str
    message: str
    suggestion: str | None = None
    choices: list[str] | None = None
    problems: list[Problem] | None = None
    hint: str | None = Field(
        default=None,
        description="What to send to this route to fix it, where the message names the library's "
        "Python arguments or command-line options (pay=(low, high), --pay).",
    )


class NotFound(Exception):
    """A key in the path that names no record, or a figure the guides do not hold: status 404."""

    def __init__(self, cause: CsmRolesError) -> None:
        super().__init__(str(cause))
        self.cause = cause


class Hinted(Exception):
    """A library error raised for a route whose fields differ from the library's arguments: status 422.

    ``sends`` maps what the library's messages name (``"pay"``, the elements a
    pay-transparency law asks for, ``"draft"``) to what a client sends this route
    instead (``"pay_low and pay_high"``); the answer's ``hint`` and ``problems`` use it.
    The library's message is kept as it is.
    """

    def __init__(self, cause: CsmRolesError, sends: Mapping[str, str]) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.sends = sends


def error_response(status: int, error: str, message: str, **extra: Any) -> JSONResponse:
    body = ErrorBody(status=status, error=error, message=message, **extra)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


def _library_error(status: int, err: CsmRolesError, sends: Mapping[str, str] | None = None) -> JSONResponse:
    message = err.args[0] if err.args else str(err)
    if isinstance(err, UnknownKeyError):
        return error_response(
            status, "unknown_key", message, suggestion=err.suggestion, choices=list(err.choices)
        )
    if isinstance(err, NoFigureError):
        hint = f"send the range you will pay as {sends['pay']}" if sends and "pay" in sends else None
        return error_response(status, "no_figure", message, hint=hint)
    if isinstance(err, PayTransparencyError):
        sends = sends or {}
        problems = [
            Problem(location=[element], message=f"{laws} requires it; give {sends.get(element, give)}")
            for element, give, laws in err.problems
        ]
        fields = dict.fromkeys(sends[element] for element, _, _ in err.problems if element in sends)
        hint = (
            f"send {'; '.join(fields)}; or {sends['draft']} for a draft with these as warnings"
            if fields and "draft" in sends
            else None
        )
        return error_response(422, "pay_transparency", message, problems=problems, hint=hint)
    return error_response(status, "invalid_input", message)


#: What pydantic puts before the message of an error raised in a validator.
_PYDANTIC_PREFIXES = ("Value error, ", "Assertion failed, ")


def describe(error: Mapping[str, Any], choices: tuple[str, ...] | None = None) -> Problem:
    """One of pydantic's errors as a `Problem`, in the API's words.

    An unknown key (``extra_forbidden``) says "did you mean" the nearest of
    ``choices``, the keys valid where it was found, and lists them; a message from
    a validator loses pydantic's "Value error, " prefix.
    """
    loc = tuple(error.get("loc", ()))
    location = [part if isinstance(part, int) else str(part) for part in loc]
    if error.get("type") == "extra_forbidden" and loc and choices is not None:
        kind = "parameter" if loc[0] == "query" else "field"
        if not choices:
            message = f"unknown {kind} {str(loc[-1])!r}: this route takes no {kind}s"
            return Problem(location=location, message=message, choices=[])
        unknown = UnknownKeyError(kind, str(loc[-1]), choices)
        return Problem(
            location=location, message=str(unknown), suggestion=unknown.suggestion, choices=list(choices)
        )
    message = str(error.get("msg", "invalid"))
    for prefix in _PYDANTIC_PREFIXES:
        message = message.removeprefix(prefix)
    return Problem(location=location, message=message)


def _choices(route: object, where: tuple[Any, ...]) -> tuple[str, ...] | None:
    """The keys valid at ``where`` (``("query",)``, ``("body", "company")`` ...) in a request
    to ``route``; ``None`` when that cannot be told."""
    if not isinstance(route, APIRoute):
        return None
    if where == ("query",):
        return query_names(route)
    if where[:1] == ("body",) and route.body_field is not None:
        model = route.body_field.field_info.annotation
        found = _fields_at(model, where[1:]) if isinstance(model, type) else []
        return tuple(found) or None
    return None


_HTTP_ERRORS = {
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
}


def install_handlers(app: Any) -> None:
    """Register the handlers that turn every error into an `ErrorBody`."""

    async def not_found(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NotFound)
        return _library_error(404, exc.cause)

    async def library(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, CsmRolesError)
        return _library_error(422, exc)

    async def hinted(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Hinted)
        return _library_error(422, exc.cause, exc.sends)

    async def validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "malformed_json", "the request body is not valid JSON")
        route = request.scope.get("route")
        problems = [describe(e, _choices(route, tuple(e.get("loc", ()))[:-1])) for e in errors]
        listed = "; ".join(
            f"{'.'.join(str(p) for p in pr.location)}: {pr.message.rstrip('.')}" for pr in problems
        )
        plural = "s" if len(problems) != 1 else ""
        # one problem: its did-you-mean also at the top, where an unknown_key error has it
        single = problems[0] if len(problems) == 1 else None
        return error_response(
            422,
            "validation",
            f"the request has {len(problems)} problem{plural}: {listed}",
            problems=problems,
            suggestion=single.suggestion if single else None,
            choices=single.choices if single else None,
        )

    async def http(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        name = _HTTP_ERRORS.get(exc.status_code, "http_error")
        message = (
            exc.detail if exc.detail and exc.status_code not in (404, 405) else _generic(exc.status_code)
        )
        response = error_response(exc.status_code, name, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def internal(request: Request, exc: Exception) -> Response:
        _log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal", "the server met an unexpected error; it has been logged")

    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(Hinted, hinted)
    app.add_exception_handler(UnknownKeyError, library)
    app.add_exception_handler(NoFigureError, library)
    app.add_exception_handler(InvalidInputError, library)
    app.add_exception_handler(PayTransparencyError, library)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, internal)


def _generic(status: int) -> str:
    if status == 404:
        return "no such path; the API lives under /v1 and is described at /v1/openapi.json"
    return "this path does not take that method"
