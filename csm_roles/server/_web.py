"""The web page for recruiters: build a posting, check a posting, look at the pay bands.

Pages are rendered on the server from ``templates/web/`` with the project's HTML
environment (autoescaped, ``StrictUndefined``), so every form works without
JavaScript: the build form is a GET to ``/`` and the check form a POST to
``/check``. ``static/site.js`` only adds what needs a script: the posting updates as the
form changes, and the copy buttons.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute
from markupsafe import Markup
from pydantic import ValidationError
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response

from .._benchmarks import Benchmarks
from .._chart import band_chart
from .._errors import CsmRolesError, NoFigureError
from .._interview import interview_kit
from .._jd import generate_jd
from .._law import pay_transparency
from .._lint import Finding, lint_jd
from .._render import environment
from ._errors import describe
from ._http import MEDIA_TYPES, REVALIDATE, query_names, respond
from ._schemas import JDQuery

__all__ = ["mark_findings", "router"]

router = APIRouter(include_in_schema=False)

#: What the pages may load: only this server's own files; no inline script, no frames.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

#: Form fields as the page labels them, for error messages.
LABELS = {
    "segment": "Segment",
    "level": "Level",
    "location": "Location",
    "work_model": "Work model",
    "industry": "Industry",
    "company_name": "Company name",
    "company_benefits": "Benefits",
    "company_other_compensation": "Pay beyond the base",
    "company_how_to_apply": "How to apply",
    "valid_through": "Applications close",
    "employees": "Employees",
    "pay_low": "Pay from",
    "pay_high": "Pay to",
    "currency": "Currency",
    "technical": "Technical product",
}


def _bm(request: Request) -> Benchmarks:
    found: Benchmarks = request.app.state.benchmarks
    return found


def _choices(bm: Benchmarks) -> dict[str, list[tuple[str, str]]]:
    """The segments, levels and industries a form offers, as (key, name) pairs."""
    return {
        "segment": [(s.key, s.name) for s in bm.segments()],
        "level": [(lvl.key, lvl.name) for lvl in bm.levels()],
        "industry": [(i.key, i.name) for i in bm.industries()],
    }


def _page(name: str, status: int = 200, **context: Any) -> Response:
    html = environment("html").get_template(f"web/{name}.j2").render(context)
    return Response(
        html,
        status_code=status,
        media_type=MEDIA_TYPES["html"],
        headers={
            "Content-Security-Policy": CSP,
            "Cache-Control": "no-cache",
            "Referrer-Policy": "same-origin",
        },
    )


def _problems(err: ValidationError) -> list[str]:
    found = []
    for error in err.errors(include_url=False):
        where = ".".join(str(part) for part in error["loc"])
        label = LABELS.get(where, where)
        message = describe(error, tuple(JDQuery.model_fields)).message
        found.append(f"{label}: {message}" if label else message)
    return found


def _unknown(request: Request) -> list[str]:
    """An error for each field in the address that the page's form does not have.

    The build page's fields are checked with the rest of its form (`JDQuery`); the
    other pages would otherwise ignore a misspelt field and answer something else.
    """
    route = request.scope.get("route")
    names = query_names(route) if isinstance(route, APIRoute) else ()
    return [
        describe({"type": "extra_forbidden", "loc": (key,)}, names).message  # a field, as on the form
        for key in request.query_params
        if key not in names
    ]


def _fields(params: QueryParams) -> dict[str, Any]:
    fields: dict[str, Any] = {key: params[key] for key in params}
    if "company_benefits" in params:
        fields["company_benefits"] = params.getlist("company_benefits")
    return fields


@router.get("/")
def build(request: Request) -> Response:
    """The build form with the posting it gives beside it."""
    bm = _bm(request)
    fields = _fields(request.query_params) or {"segment": bm.segments()[0].key}
    errors: list[str] = []
    posting = None
    links: dict[str, str] = {}
    try:
        # the page builds drafts: what a law of the place asks for and the form lacks is a note
        query = JDQuery.model_validate({**fields, "draft": True})
        jd = generate_jd(**query.to_kwargs(), benchmarks=bm)
    except ValidationError as err:
        errors = _problems(err)
    except (
        NoFigureError
    ) as err:  # the library's words name Python and the command line; say where on the page
        errors = [str(err.args[0]) if err.args else str(err), 'On this page: fill in "Your own pay range".']
    except CsmRolesError as err:
        errors = [str(err.args[0]) if err.args else str(err)]
    else:
        posting = jd
        given = query.model_dump(mode="json", exclude_defaults=True, exclude={"format", "sources"})
        for format in ("markdown", "html", "jsonld"):
            links[format] = "/v1/jd?" + urllib.parse.urlencode({**given, "format": format}, doseq=True)
    form = {key: value for key, value in fields.items() if key != "company_benefits"}
    benefits = fields.get("company_benefits", [])
    lines = [line.strip() for value in benefits for line in str(value).splitlines()]
    form["company_benefits"] = "\n".join(line for line in lines if line)
    return _page(
        "build",
        status=422 if errors else 200,
        page="build",
        title="Build a posting",
        options=_choices(bm),
        form=form,
        errors=errors,
        jd=posting,
        posting_html=Markup(posting.render("html")) if posting is not None else None,
        links=links,
    )


@dataclass(frozen=True)
class Piece:
    """A run of the posting's text, marked with the finding it belongs to (or not)."""

    text: str
    number: int | None = None
    severity: str = ""


def mark_findings(text: str, findings: tuple[Finding, ...]) -> tuple[list[Piece], list[tuple[int, Finding]]]:
    """The text cut into pieces, each found span marked with its finding's number.

    Findings are numbered from 1 in the order they occur. A span that overlaps an
    earlier one is marked from where the earlier one ends; a finding about the
    posting as a whole (an empty span) marks nothing.
    """
    pieces: list[Piece] = []
    numbered = list(enumerate(findings, start=1))
    cursor = 0
    for number, finding in numbered:
        start, end = max(finding.offset, cursor), finding.end
        if end <= start:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], number, finding.severity))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces, numbered


def _check_page(request: Request, text: str, options: dict[str, str]) -> Response:
    bm = _bm(request)
    errors = _unknown(request)
    findings: tuple[Finding, ...] = ()
    segment, level = options.get("segment", ""), options.get("level", "")
    location, employees = options.get("location", "").strip(), options.get("employees", "").strip()
    headcount = None
    if employees:
        if employees.isdigit():
            headcount = int(employees)
        else:
            errors.append(f"Employees: a whole number such as 50; got {employees!r}")
    if text.strip() and not errors:
        try:
            findings = lint_jd(
                text,
                segment=segment or None,
                level=level or None,
                benchmarks=bm,
                location=location or None,
                employees=headcount,
            )
        except CsmRolesError as err:
            errors = [str(err.args[0]) if err.args else str(err)]
    pieces, numbered = mark_findings(text, findings)
    counts = {level: sum(f.severity == level for f in findings) for level in ("error", "warning", "info")}
    return _page(
        "check",
        status=422 if errors else 200,
        page="check",
        title="Check a posting",
        bm=bm,
        text=text,
        segment=segment,
        level=level,
        location=location,
        employees=employees,
        checked=bool(text.strip()) and not errors,
        errors=errors,
        pieces=pieces,
        numbered=numbered,
        counts=counts,
    )


@router.get("/check")
def check_form(request: Request) -> Response:
    """The check form, empty."""
    return _check_page(request, "", {})


@router.post("/check")
async def check(request: Request) -> Response:
    """The check form, sent: the posting with its findings marked."""
    body = await request.body()
    fields = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    text = fields.get("text", [""])[0].replace("\r\n", "\n")
    options = {name: fields.get(name, [""])[0] for name in ("segment", "level", "location", "employees")}
    return _check_page(request, text, options)


@router.get("/bands")
def bands(request: Request, by: str = "level", source: str = "") -> Response:
    """The pay bands as a chart, with the same figures in a table."""
    bm = _bm(request)
    errors = _unknown(request)
    chart = None
    if by not in ("level", "metro"):
        errors.append(f"Show bands by level or by metro, not {by!r}.")
    elif not errors:
        try:
            chart = band_chart(by, source=source or None, benchmarks=bm)
        except CsmRolesError as err:
            errors.append(str(err.args[0]) if err.args else str(err))
    query = urllib.parse.urlencode({"by": by, **({"source": source} if source else {})})
    return _page(
        "bands",
        status=422 if errors else 200,
        page="bands",
        title="Pay bands",
        bm=bm,
        by=by,
        source=source,
        chart=chart,
        chart_url=f"/v1/charts/bands?{query}",
        errors=errors,
    )


@router.get("/law")
def law(request: Request, location: str = "", employees: str = "", remote: str = "") -> Response:
    """The pay-transparency laws on record for a place, with their sources."""
    errors = _unknown(request)
    answer = None
    if location.strip() and not errors:
        try:
            count = int(employees) if employees.strip() else None
        except ValueError:
            errors.append(f"Employees: a whole number, such as 50 (not {employees!r}).")
        else:
            try:
                answer = pay_transparency(location, employees=count, remote=bool(remote))
            except CsmRolesError as err:
                errors.append(str(err.args[0]) if err.args else str(err))
    return _page(
        "law",
        status=422 if errors else 200,
        page="law",
        title="Pay-transparency laws",
        form={"location": location, "employees": employees, "remote": bool(remote)},
        answer=answer,
        errors=errors,
    )


@router.get("/interview")
def interview(
    request: Request, level: str = "", segment: str = "", industry: str = "", technical: str = ""
) -> Response:
    """An interview kit for a hire, as the scorecard an interviewer prints."""
    bm = _bm(request)
    errors = _unknown(request)
    kit_html = None
    depth = {"yes": True, "no": False}.get(technical)
    try:
        kit = interview_kit(
            level or "mid", segment=segment or None, industry=industry or None, technical=depth, benchmarks=bm
        )
    except CsmRolesError as err:
        errors.append(str(err.args[0]) if err.args else str(err))
    else:
        kit_html = None if errors else Markup(kit.render("html"))
    return _page(
        "interview",
        status=422 if errors else 200,
        page="interview",
        title="Interview kit",
        options=_choices(bm),
        form={"level": level or "mid", "segment": segment, "industry": industry, "technical": technical},
        kit_html=kit_html,
        errors=errors,
    )


_STATIC = {"site.css": "css", "site.js": "js"}


@router.get("/static/{name}")
def static(request: Request, name: str) -> Response:
    """The page's style sheet and script."""
    kind = _STATIC.get(name)
    if kind is None:
        from starlette.exceptions import HTTPException

        raise HTTPException(404)
    body = resources.files(__package__).joinpath("static").joinpath(name).read_bytes()
    return respond(request, body, MEDIA_TYPES[kind], cache=REVALIDATE)
