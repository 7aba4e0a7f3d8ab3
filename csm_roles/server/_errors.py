"""Errors as JSON: the library's messages with a status, never a stack trace.

* 404 ``unknown_key`` or ``no_figure``: a key in the path names nothing
  (``/v1/levels/seniour``), or the guides hold no such figure;
* 422 ``unknown_key``: a key in the query or the body names nothing;
* 422 ``pay_transparency``: a law of the job's place requires what the posting lacks
  (each in ``problems``; ``draft=true`` answers with a draft and warnings instead);
* 422 ``invalid_input``: a value of the right type that cannot be used (a pay range
  upside down); 422 ``validation``: a missing field, a wrong type, an unknown parameter;
* 400 ``malformed_json``: a body that is not JSON; 413 ``too_large``: a body above the limit;
* 404 ``not_found``, 405 ``method_not_allowed``, 406 ``not_acceptable``: no such path,
  no such method, or an Accept header that nothing on offer matches;
* 500 ``internal``: a bug on our side (logged; the answer holds no trace).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .._errors import CsmRolesError, InvalidInputError, NoFigureError, PayTransparencyError, UnknownKeyError

__all__ = ["ErrorBody", "NotFound", "Problem", "error_response", "install_handlers"]

_log = logging.getLogger("csm_roles.server")


class Problem(BaseModel):
    """One problem with a request: where it is, and what is wrong."""

    model_config = ConfigDict(extra="forbid")

    location: list[str | int]
    message: str


class ErrorBody(BaseModel):
    """What every error answer holds."""

    model_config = ConfigDict(extra="forbid")

    status: int
    error: str
    message: str
    suggestion: str | None = None
    choices: list[str] | None = None
    problems: list[Problem] | None = None


class NotFound(Exception):
    """A key in the path that names no record, or a figure the guides do not hold: status 404."""

    def __init__(self, cause: CsmRolesError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def error_response(status: int, error: str, message: str, **extra: Any) -> JSONResponse:
    body = ErrorBody(status=status, error=error, message=message, **extra)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


def _library_error(status: int, err: CsmRolesError) -> JSONResponse:
    message = err.args[0] if err.args else str(err)
    if isinstance(err, UnknownKeyError):
        return error_response(
            status, "unknown_key", message, suggestion=err.suggestion, choices=list(err.choices)
        )
    if isinstance(err, NoFigureError):
        return error_response(status, "no_figure", message)
    if isinstance(err, PayTransparencyError):
        problems = [
            Problem(location=[element], message=f"{laws} requires it; give {give}")
            for element, give, laws in err.problems
        ]
        return error_response(422, "pay_transparency", message, problems=problems)
    return error_response(status, "invalid_input", message)


_HTTP_ERRORS = {
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
}


def install_handlers(app: Any) -> None:
    """Register the handlers that turn every error into an `ErrorBody`."""

    async def not_found(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NotFound)
        return _library_error(404, exc.cause)

    async def library(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, CsmRolesError)
        return _library_error(422, exc)

    async def validation(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "malformed_json", "the request body is not valid JSON")
        problems = [
            Problem(location=[str(p) if not isinstance(p, int) else p for p in e.get("loc", ())],
                    message=str(e.get("msg", "invalid")))
            for e in errors
        ]  # fmt: skip
        listed = "; ".join(f"{'.'.join(str(p) for p in pr.location)}: {pr.message}" for pr in problems)
        plural = "s" if len(problems) != 1 else ""
        return error_response(
            422, "validation", f"the request has {len(problems)} problem{plural}: {listed}", problems=problems
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
