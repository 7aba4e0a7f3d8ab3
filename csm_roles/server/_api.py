"""The ``/v1`` routes: look-ups, job descriptions, interview kits, charts and the linter.

Each route calls the library function of the same name on the dataset the app
serves and writes its answer with `respond` (an ETag, Cache-Control, and a 304 for a
client that already holds it). Records are written as the library's models dump
them, so the OpenAPI document is generated from the same models.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Body, Depends, Path, Query
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from .._benchmarks import Benchmarks
from .._chart import band_chart, render_chart
from .._errors import NoFigureError, PayTransparencyError, UnknownKeyError
from .._interview import InterviewKit, interview_kit
from .._jd import JobDescription, generate_jd
from .._jsonld import dumps
from .._law import PayTransparencyRules, TransparencyAnswer, pay_transparency, transparency_rules
from .._lint import Finding, lint_jd
from .._models import (
    Dataset,
    Industry,
    Kpi,
    Level,
    MarketFigure,
    MarketStat,
    Metro,
    NationalAverage,
    Segment,
    Source,
    WorkContext,
    pick_option,
)
from .._pay import OfferComparison, PayBand
from ._errors import ErrorBody, Hinted, NotFound
from ._http import (
    MEDIA_TYPES,
    REVALIDATE,
    WARNINGS_HEADER,
    choose_format,
    json_body,
    known_query,
    respond,
    warnings_header,
)
from ._schemas import JDBody, JDQuery, KitFormat, LintCounts, LintRequest, LintResult

__all__ = ["LINT_FORMATS", "router"]

R = TypeVar("R")

#: Every route refuses a body that is not JSON (415) and a query parameter it does not
#: declare (422: a typo must not change the answer).
router = APIRouter(prefix="/v1", dependencies=[Depends(json_body), Depends(known_query)])

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {
        "model": ErrorBody,
        "description": "A key in the path names nothing, or the guides hold no such figure.",
    },
    422: {"model": ErrorBody, "description": "A parameter is missing, of the wrong type, or names nothing."},
}
_BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The body is not valid JSON."},
    413: {"model": ErrorBody, "description": "The body is larger than the limit."},
    415: {"model": ErrorBody, "description": "The body is not sent as application/json."},
    422: _ERRORS[422],
}


def _bm(request: Request) -> Benchmarks:
    found: Benchmarks = request.app.state.benchmarks
    return found


def _found(lookup: Callable[[str], R], key: str) -> R:
    """A record named in the path: an unknown key, or a figure the guides lack, is a 404."""
    try:
        return lookup(key)
    except (UnknownKeyError, NoFigureError) as err:
        raise NotFound(err) from None


def _json(value: Any) -> bytes:
    """Records as JSON bytes: a model, a tuple of models, or plain data."""
    if isinstance(value, BaseModel):
        return value.model_dump_json().encode("utf-8")
    if isinstance(value, tuple) and all(isinstance(item, BaseModel) for item in value):
        return b"[" + b",".join(item.model_dump_json().encode("utf-8") for item in value) + b"]"
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _record(request: Request, value: Any) -> Response:
    return respond(request, _json(value), MEDIA_TYPES["json"])


# -- look-ups ----------------------------------------------------------------------------

LevelKey = Annotated[str, Path(description="A level key or alias.", examples=["senior"])]
MetroParam = Annotated[
    str | None, Query(max_length=200, description="A metro key or alias (SF, NYC ...).", examples=["SF"])
]
SourceParam = Annotated[str | None, Query(max_length=200, description="A source id.")]


@router.get(
    "/sources", response_model=list[Source], tags=["look-ups"], summary="The guides every figure comes from"
)
def sources(request: Request) -> Response:
    return _record(request, _bm(request).sources())


@router.get(
    "/sources/{source_id}", response_model=Source, responses=_ERRORS, tags=["look-ups"], summary="One source"
)
def source(request: Request, source_id: Annotated[str, Path(examples=["augtal-2026"])]) -> Response:
    return _record(request, _found(_bm(request).source, source_id))


@router.get(
    "/levels", response_model=list[Level], tags=["look-ups"], summary="Career levels, entry to director"
)
def levels(request: Request) -> Response:
    return _record(request, _bm(request).levels())


@router.get(
    "/levels/{level}", response_model=Level, responses=_ERRORS, tags=["look-ups"], summary="One level"
)
def level(request: Request, level: LevelKey) -> Response:
    return _record(request, _found(_bm(request).level, level))


@router.get("/segments", response_model=list[Segment], tags=["look-ups"], summary="Customer segments")
def segments(request: Request) -> Response:
    return _record(request, _bm(request).segments())


@router.get(
    "/segments/{segment}", response_model=Segment, responses=_ERRORS, tags=["look-ups"], summary="One segment"
)
def segment(request: Request, segment: Annotated[str, Path(examples=["mid-market"])]) -> Response:
    return _record(request, _found(_bm(request).segment, segment))


@router.get("/metros", response_model=list[Metro], tags=["look-ups"], summary="Metro areas with base ranges")
def metros(request: Request) -> Response:
    return _record(request, _bm(request).metros())


@router.get(
    "/metros/{metro}", response_model=Metro, responses=_ERRORS, tags=["look-ups"], summary="One metro"
)
def metro(request: Request, metro: Annotated[str, Path(examples=["NYC"])]) -> Response:
    return _record(request, _found(_bm(request).metro, metro))


@router.get("/kpis", response_model=list[Kpi], tags=["look-ups"], summary="Metrics CSMs are measured on")
def kpis(request: Request) -> Response:
    return _record(request, _bm(request).kpis())


@router.get("/kpis/{kpi}", response_model=Kpi, responses=_ERRORS, tags=["look-ups"], summary="One KPI")
def kpi(request: Request, kpi: Annotated[str, Path(examples=["NRR"])]) -> Response:
    return _record(request, _found(_bm(request).kpi, kpi))


@router.get("/industries", response_model=list[Industry], tags=["look-ups"], summary="Industries")
def industries(request: Request) -> Response:
    return _record(request, _bm(request).industries())


@router.get(
    "/industries/{industry}",
    response_model=Industry,
    responses=_ERRORS,
    tags=["look-ups"],
    summary="One industry",
)
def industry(request: Request, industry: Annotated[str, Path(examples=["fintech"])]) -> Response:
    return _record(request, _found(_bm(request).industry, industry))


@router.get("/work-contexts", response_model=list[WorkContext], tags=["look-ups"], summary="Work contexts")
def work_contexts(request: Request) -> Response:
    return _record(request, _bm(request).work_contexts())


@router.get(
    "/bands/{level}",
    response_model=PayBand,
    responses=_ERRORS,
    tags=["pay"],
    summary="The pay band for a level",
    description="From the newest guide with a band for the level, or from `source`; with `metro`, "
    "derived for that metro (the band says how).",
)
def band(request: Request, level: LevelKey, metro: MetroParam = None, source: SourceParam = None) -> Response:
    bm = _bm(request)
    key = _found(bm.level, level).key
    try:
        found = bm.salary_band(key, metro=metro, source=source)
    except NoFigureError as err:
        raise NotFound(err) from None
    return _record(request, found)


@router.get(
    "/bands/{level}/sources",
    response_model=list[PayBand],
    responses=_ERRORS,
    tags=["pay"],
    summary="Every guide's band for a level, side by side",
)
def bands(request: Request, level: LevelKey, metro: MetroParam = None) -> Response:
    bm = _bm(request)
    key = _found(bm.level, level).key
    found = bm.salary_bands(key)
    if metro is not None:
        found = tuple(bm.salary_band(key, metro=metro, source=b.source) for b in found)
    return _record(request, found)


@router.get(
    "/offer",
    response_model=OfferComparison,
    responses=_ERRORS,
    tags=["pay"],
    summary="Where a base salary sits against the band",
)
def offer(
    request: Request,
    base: Annotated[int, Query(gt=0, description="Base salary in dollars a year.", examples=[95000])],
    level: Annotated[str, Query(max_length=200, examples=["mid"])],
    metro: MetroParam = None,
    source: SourceParam = None,
) -> Response:
    return _record(request, _bm(request).compare_offer(base, level, metro=metro, source=source))


@router.get(
    "/market/pay", response_model=list[MarketFigure], tags=["pay"], summary="Published market pay figures"
)
def market_pay(request: Request) -> Response:
    return _record(request, _bm(request).market_pay())


@router.get(
    "/market/national-average",
    response_model=NationalAverage,
    responses=_ERRORS,
    tags=["pay"],
    summary="The national average base range",
)
def national_average(request: Request) -> Response:
    return _record(request, _found(lambda _key: _bm(request).national_average(), ""))


@router.get("/market/stats", response_model=list[MarketStat], tags=["look-ups"], summary="Market statistics")
def market_stats(request: Request) -> Response:
    return _record(request, _bm(request).market_stats())


@router.get(
    "/pay-transparency",
    response_model=TransparencyAnswer,
    responses={422: _ERRORS[422]},
    tags=["look-ups"],
    summary="The pay-transparency laws on record for a place: what a posting there must state",
)
def pay_transparency_rules(
    request: Request,
    location: Annotated[str, Query(min_length=1, max_length=200, examples=["Denver, CO"])],
    employees: Annotated[
        int | None, Query(ge=0, le=10_000_000, description="The employer's headcount.")
    ] = None,
    date: Annotated[
        dt.date | None, Query(description="The day the posting goes up (default: today).")
    ] = None,
    remote: Annotated[
        bool, Query(description="The role can be done remotely anywhere in the country.")
    ] = False,
) -> Response:
    answer = pay_transparency(location, employees=employees, on=date, remote=remote)
    return respond(request, answer.to_json().encode("utf-8"), MEDIA_TYPES["json"], cache=REVALIDATE)


@router.get(
    "/pay-transparency/laws",
    response_model=PayTransparencyRules,
    tags=["look-ups"],
    summary="The whole table of pay-transparency laws, with sources and its as-of date",
)
def pay_transparency_laws(request: Request) -> Response:
    return _record(request, transparency_rules())


@router.get("/schema", tags=["look-ups"], summary="The JSON Schema of the benchmarks file format")
def schema(request: Request) -> Response:
    found = Dataset.model_json_schema()
    found["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    found["title"] = "csm-roles benchmarks file"
    return _record(request, found)


# -- documents ---------------------------------------------------------------------------

_JD_MEDIA: dict[str, str] = {
    name: MEDIA_TYPES[name] for name in ("json", "markdown", "html", "text", "jsonld")
}
_DOCUMENTS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The job description in the format asked for.",
        "headers": {
            WARNINGS_HEADER: {
                "description": "The posting's warnings (what to settle before publishing), in every "
                "format: each percent-encoded as UTF-8, joined by ', '. Absent when there are none.",
                "schema": {"type": "string"},
            }
        },
        "content": {
            MEDIA_TYPES[name].split(";")[0]: {"schema": {"type": "string"}}
            for name in ("markdown", "html", "text")
        }
        | {"application/ld+json": {"schema": {"type": "object"}}},
    }
}


def _jd_answer(request: Request, query: JDQuery | JDBody) -> Response:
    chosen = choose_format(request, query.format, _JD_MEDIA)
    try:
        jd = generate_jd(**query.to_kwargs(), benchmarks=_bm(request))
    except (NoFigureError, PayTransparencyError) as err:
        # the library's message says pay=(low, high) and --pay; the hint says what to send here
        raise Hinted(err, query.SENDS) from None
    if chosen == "json":
        body = jd.to_json()
    elif chosen == "jsonld":
        body = dumps(jd.to_jsonld())
    else:
        body = jd.render(chosen, sources=query.sources)
    # in every format, so a client of Markdown or HTML sees what the JSON lists
    warned = {WARNINGS_HEADER: warnings_header(jd.warnings)} if jd.warnings else None
    vary = query.format is None
    return respond(request, body, _JD_MEDIA[chosen], cache=REVALIDATE, vary=vary, headers=warned)


@router.get(
    "/jd",
    response_model=JobDescription,
    responses={**_DOCUMENTS, **_ERRORS, 406: {"model": ErrorBody}},
    tags=["documents"],
    summary="A job description, from query parameters",
    description="The parameters of `csm_roles.generate_jd`; the company's fields as `company_*`, its own "
    "pay as `pay_low` and `pay_high`. The format comes from `format=` or the Accept header.",
)
def jd_get(request: Request, query: Annotated[JDQuery, Query()]) -> Response:
    return _jd_answer(request, query)


_JD_EXAMPLES = {
    "enterprise": {
        "summary": "A senior enterprise CSM in the Bay Area",
        "value": {
            "segment": "enterprise",
            "industry": "healthcare",
            "location": "Hybrid - San Francisco, CA (3 days in office)",
            "company": {"name": "Northwind", "benefits": ["A learning budget", "Health cover"]},
            "date_posted": "2026-11-01",
        },
    },
    "own-pay": {
        "summary": "A manager, with the company's own pay range",
        "value": {
            "segment": "smb",
            "level": "manager",
            "pay": {"low": 110000, "high": 140000},
            "format": "markdown",
        },
    },
}


@router.post(
    "/jd",
    response_model=JobDescription,
    responses={**_DOCUMENTS, **_BODY_ERRORS, 406: {"model": ErrorBody}},
    tags=["documents"],
    summary="A job description, from a JSON body",
)
def jd_post(request: Request, body: Annotated[JDBody, Body(openapi_examples=_JD_EXAMPLES)]) -> Response:
    return _jd_answer(request, body)


_KIT_MEDIA: dict[str, str] = {name: MEDIA_TYPES[name] for name in ("json", "markdown", "html", "text")}


@router.get(
    "/interview-kit",
    response_model=InterviewKit,
    responses=_ERRORS,
    tags=["documents"],
    summary="An interview kit: questions, red flags, sourcing channels",
)
def interview(
    request: Request,
    level: Annotated[str, Query(max_length=200, examples=["senior"])] = "mid",
    segment: Annotated[str | None, Query(max_length=200, examples=["enterprise"])] = None,
    industry: Annotated[str | None, Query(max_length=200)] = None,
    format: Annotated[KitFormat | None, Query(description="Without it, the Accept header decides.")] = None,
) -> Response:
    chosen = choose_format(request, format, _KIT_MEDIA)
    kit = interview_kit(level, segment=segment, industry=industry, benchmarks=_bm(request))
    body = kit.model_dump_json(indent=2) if chosen == "json" else kit.render(chosen)
    return respond(request, body, _KIT_MEDIA[chosen], vary=format is None)


@router.get(
    "/charts/bands",
    responses={200: {"content": {"image/svg+xml": {}}, "description": "An SVG chart."}, **_ERRORS},
    response_class=Response,
    tags=["documents"],
    summary="The pay bands as an SVG chart",
)
def chart(
    request: Request,
    by: Annotated[Literal["level", "metro"], Query(description="One row per level or per metro.")] = "level",
    source: SourceParam = None,
) -> Response:
    try:
        drawn = render_chart(band_chart(by, source=source, benchmarks=_bm(request)))
    except NoFigureError as err:
        raise NotFound(err) from None
    return respond(request, drawn, MEDIA_TYPES["svg"])


# -- the linter ----------------------------------------------------------------------------


def _lint_json(findings: tuple[Finding, ...]) -> bytes:
    counts = {level: sum(f.severity == level for f in findings) for level in ("error", "warning", "info")}
    return LintResult(findings=list(findings), counts=LintCounts(**counts)).model_dump_json().encode("utf-8")


def _lint_sarif(findings: tuple[Finding, ...]) -> bytes:
    from .. import __version__
    from .._lint import default_rules
    from .._sarif import to_sarif

    return json.dumps(to_sarif([("posting", findings)], default_rules(), version=__version__)).encode("utf-8")


#: How findings can be written: format -> (media type, writer); `format=` and the
#: Accept header pick among them.
LINT_FORMATS: Mapping[str, tuple[str, Callable[[tuple[Finding, ...]], bytes]]] = {
    "json": (MEDIA_TYPES["json"], _lint_json),
    "sarif": (MEDIA_TYPES["sarif"], _lint_sarif),
}

_LINT_EXAMPLES = {
    "buzzwords": {
        "summary": "A posting with a buzzword and no pay range",
        "value": {"text": "We need a rockstar CSM for 150 enterprise accounts. Competitive salary."},
    },
    "segment": {
        "summary": "Only the portfolio rule, for an SMB posting",
        "value": {"text": "You will own 20 accounts.", "segment": "smb", "rules": ["portfolio-realism"]},
    },
}


@router.post(
    "/lint",
    response_model=LintResult,
    responses=_BODY_ERRORS,
    tags=["linter"],
    summary="Check a posting for the common mistakes of CSM job descriptions",
)
def lint(
    request: Request,
    body: Annotated[LintRequest, Body(openapi_examples=_LINT_EXAMPLES)],
    format: Annotated[
        str | None,
        Query(description=f"One of: {', '.join(LINT_FORMATS)}; without it, the Accept header decides."),
    ] = None,
) -> Response:
    media = {name: media for name, (media, _) in LINT_FORMATS.items()}
    given = pick_option(dict.fromkeys(LINT_FORMATS, ()), format, "lint format") if format else None
    chosen = choose_format(request, given, media)
    findings = lint_jd(
        body.text,
        segment=body.segment,
        level=body.level,
        rules=body.rules,
        ignore=body.ignore,
        benchmarks=_bm(request),
        title=body.title,
        location=body.location,
        employees=body.employees,
        remote=body.remote,
    )
    return Response(LINT_FORMATS[chosen][1](findings), media_type=media[chosen])
