"""The HTTP API, served for real on a loopback port and called with an HTTP client.

Every route, every format, every error status, the OpenAPI document and its
examples, ETags. The server runs in a thread of the test process (`ServerThread`),
and once as `csm-roles serve` in a process of its own.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import httpx
import pytest
from pydantic import TypeAdapter

import csm_roles
from conftest import ROOT, run_cli
from csm_roles import server
from csm_roles._interview import InterviewKit
from csm_roles._jd import JobDescription
from csm_roles._jd_law import FIELDS
from csm_roles._models import (
    Industry,
    Kpi,
    Level,
    MarketFigure,
    MarketStat,
    Metro,
    Segment,
    Source,
    WorkContext,
)
from csm_roles._pay import OfferComparison, PayBand
from csm_roles.server._api import LINT_FORMATS
from csm_roles.server._errors import ErrorBody
from csm_roles.server._run import ServerProcess, ServerThread
from csm_roles.server._schemas import JDBody, JDQuery, LintRequest, LintResult

DAY = "2026-11-01"


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with ServerThread(server.create_app()) as url, httpx.Client(base_url=url, timeout=30) as http:
        yield http


def _error(answer: httpx.Response, status: int, error: str) -> ErrorBody:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = ErrorBody.model_validate_json(answer.content)
    assert body.status == status and body.error == error
    assert "Traceback" not in answer.text
    return body


# -- look-ups -------------------------------------------------------------------------------

LOOKUPS: list[tuple[str, Any]] = [
    ("/v1/sources", list[Source]),
    ("/v1/sources/augtal-2026", Source),
    ("/v1/levels", list[Level]),
    ("/v1/levels/Senior%20CSM", Level),
    ("/v1/segments", list[Segment]),
    ("/v1/segments/MM", Segment),
    ("/v1/metros", list[Metro]),
    ("/v1/metros/bay%20area", Metro),
    ("/v1/kpis", list[Kpi]),
    ("/v1/kpis/NRR", Kpi),
    ("/v1/industries", list[Industry]),
    ("/v1/industries/fintech", Industry),
    ("/v1/work-contexts", list[WorkContext]),
    ("/v1/bands/senior", PayBand),
    ("/v1/bands/senior?metro=SF&source=jd-template-2025", PayBand),
    ("/v1/bands/entry/sources", list[PayBand]),
    ("/v1/bands/entry/sources?metro=NYC", list[PayBand]),
    ("/v1/offer?base=95000&level=mid&metro=NYC", OfferComparison),
    ("/v1/market/pay", list[MarketFigure]),
    ("/v1/market/national-average", dict),
    ("/v1/market/stats", list[MarketStat]),
    ("/v1/schema", dict),
]


@pytest.mark.parametrize(("path", "model"), LOOKUPS, ids=[p for p, _ in LOOKUPS])
def test_every_lookup_answers_with_the_library_records(client: httpx.Client, path: str, model: Any) -> None:
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["cache-control"] == "public, max-age=3600"
    assert answer.headers["x-content-type-options"] == "nosniff"
    TypeAdapter(model).validate_json(answer.content)


def test_lookups_give_the_same_figures_as_the_library(client: httpx.Client) -> None:
    band = PayBand.model_validate_json(client.get("/v1/bands/senior?metro=SF").content)
    assert band == csm_roles.salary_band("senior", metro="SF")
    levels = TypeAdapter(list[Level]).validate_json(client.get("/v1/levels").content)
    assert tuple(levels) == csm_roles.levels()
    offer = OfferComparison.model_validate_json(client.get("/v1/offer?base=150000&level=senior").content)
    assert offer.position == "within"


def test_an_unknown_key_in_the_path_is_a_404_with_a_suggestion(client: httpx.Client) -> None:
    body = _error(client.get("/v1/levels/seniour"), 404, "unknown_key")
    assert body.suggestion == "senior"
    assert body.choices is not None and "senior" in body.choices
    assert body.message.startswith("unknown level 'seniour'; did you mean 'senior'?")
    _error(client.get("/v1/bands/directr"), 404, "unknown_key")


def test_a_figure_the_guides_lack_is_a_404(client: httpx.Client) -> None:
    body = _error(client.get("/v1/bands/manager"), 404, "no_figure")
    assert "manager" in body.message
    _error(client.get("/v1/bands/manager?source=augtal-2026"), 404, "no_figure")
    _error(client.get("/v1/bands/senior?source=jobdescription-org"), 404, "no_figure")


def test_an_unknown_key_in_the_query_is_a_422(client: httpx.Client) -> None:
    body = _error(client.get("/v1/bands/senior?metro=Bostn"), 422, "unknown_key")
    assert "metro" in body.message
    _error(client.get("/v1/offer?base=90000&level=mdi"), 422, "unknown_key")
    _error(client.get("/v1/offer?base=-1&level=mid"), 422, "validation")


# -- job descriptions -------------------------------------------------------------------------

JD_QUERY = f"/v1/jd?segment=enterprise&industry=healthcare&location=Boston,%20MA&date_posted={DAY}"


@pytest.mark.parametrize(
    ("format", "media", "start"),
    [
        ("markdown", "text/markdown; charset=utf-8", "# Senior Customer Success Manager"),
        ("html", "text/html; charset=utf-8", '<article class="csm-job">'),
        ("text", "text/plain; charset=utf-8", "Senior Customer Success Manager"),
        ("jsonld", "application/ld+json", "{"),
        ("json", "application/json", "{"),
    ],
)
def test_a_job_description_in_every_format(client: httpx.Client, format: str, media: str, start: str) -> None:
    expected = csm_roles.generate_jd(
        "enterprise", industry="healthcare", location="Boston, MA", date_posted=DAY
    )
    by_param = client.get(f"{JD_QUERY}&format={format}")
    assert by_param.status_code == 200, by_param.text
    assert by_param.headers["content-type"] == media
    assert by_param.text.startswith(start)
    assert "vary" not in by_param.headers  # format= decides, not the Accept header
    assert by_param.headers["cache-control"] == "no-cache"
    by_accept = client.get(JD_QUERY, headers={"Accept": media.split(";")[0]})
    assert by_accept.content == by_param.content
    assert by_accept.headers["vary"] == "Accept"
    if format == "json":
        assert JobDescription.model_validate_json(by_param.content) == expected
    elif format == "jsonld":
        assert by_param.json() == json.loads(json.dumps(expected.to_jsonld()))
    else:
        assert by_param.text == expected.render(format)


def test_accept_weights_and_wildcards_choose_the_format(client: httpx.Client) -> None:
    def media(accept: str) -> str:
        answer = client.get(JD_QUERY, headers={"Accept": accept})
        assert answer.status_code == 200, answer.text
        return answer.headers["content-type"].split(";")[0]

    assert media("*/*") == "application/json"
    assert media("text/markdown;q=0.5, text/html") == "text/html"
    assert media("text/*") == "text/markdown"
    assert media("text/*, text/plain;q=0.2") == "text/markdown"
    assert media("application/ld+json, application/json;q=0.9") == "application/ld+json"
    assert media("text/html, */*;q=0.1") == "text/html"
    assert media("nonsense, text/plain;q=x, text/html;level=1") == "text/html"
    assert client.get(JD_QUERY, headers={"Accept": ""}).headers["content-type"] == "application/json"


def test_an_accept_header_nothing_matches_is_a_406(client: httpx.Client) -> None:
    body = _error(client.get(JD_QUERY, headers={"Accept": "image/png"}), 406, "not_acceptable")
    assert "text/markdown" in body.message
    _error(client.get(JD_QUERY, headers={"Accept": "text/html;q=0"}), 406, "not_acceptable")


def test_a_job_description_from_a_json_body(client: httpx.Client) -> None:
    body = {
        "segment": "smb",
        "level": "manager",
        "location": "London, United Kingdom",
        "pay": {"low": 70000, "high": 90000},
        "currency": "GBP",
        "company": {"name": "Northwind", "benefits": ["A learning budget"], "url": "https://example.com"},
        "date_posted": DAY,
        "valid_through": "2026-12-01",
        "title": "CS Manager",
        "employment_type": "full-time",
        "identifier": "nw-1",
        "context": "startup",
        "technical": True,
        "work_model": "hybrid",
        "sources": True,
        "format": "markdown",
    }
    answer = client.post("/v1/jd", json=body)
    assert answer.status_code == 200, answer.text
    assert "£70,000–£90,000" in answer.text
    assert "A learning budget" in answer.text
    assert "published CSM hiring guides" in answer.text  # sources=True
    as_json = client.post("/v1/jd", json={**body, "format": "json"})
    jd = JobDescription.model_validate_json(as_json.content)
    assert jd.hiring_organization == "Northwind" and jd.identifier == "nw-1"
    assert jd.compensation.set_by_company


def test_query_and_body_give_the_same_posting(client: httpx.Client) -> None:
    query = (
        f"/v1/jd?segment=mid-market&company_name=Northwind&company_benefits=Health%20cover%0AA%20laptop"
        f"&company_benefits=Stock&pay_low=90000&pay_high=110000&date_posted={DAY}&format=json"
        "&company_reports_to=the%20Head%20of%20CS&company_travel=rarely&company_days_on_site=2"
        "&company_equal_opportunity=We%20hire%20fairly.&company_application_deadline=2026-12-31"
        "&location=Hybrid%20-%20Denver,%20CO&company_other_compensation=No%20bonus."
        "&company_how_to_apply=Write%20to%20us."
    )
    body = {
        "segment": "mid-market",
        "location": "Hybrid - Denver, CO",
        "company": {
            "name": "Northwind",
            "benefits": ["Health cover", "A laptop", "Stock"],
            "reports_to": "the Head of CS",
            "travel": "rarely",
            "days_on_site": 2,
            "equal_opportunity": "We hire fairly.",
            "application_deadline": "2026-12-31",
            "other_compensation": "No bonus.",
            "how_to_apply": "Write to us.",
        },
        "pay": {"low": 90000, "high": 110000},
        "date_posted": DAY,
        "format": "json",
    }
    from_query = client.get(query)
    assert from_query.status_code == 200, from_query.text
    assert from_query.content == client.post("/v1/jd", json=body).content
    assert JobDescription.model_validate_json(from_query.content).benefits == (
        "Health cover",
        "A laptop",
        "Stock",
    )


def test_job_description_errors(client: httpx.Client) -> None:
    body = _error(client.get("/v1/jd?segment=enterprize"), 422, "unknown_key")
    assert body.suggestion == "enterprise"
    _error(client.get("/v1/jd?segment=smb&level=manager"), 422, "no_figure")
    _error(client.get("/v1/jd?segment=smb&pay_low=9&pay_high=1"), 422, "invalid_input")
    only_low = _error(client.get("/v1/jd?segment=smb&pay_low=90000"), 422, "validation")
    assert "pay_low and pay_high" in only_low.message
    _error(client.get("/v1/jd"), 422, "validation")
    _error(client.get("/v1/jd?segment=smb&format=pdf"), 422, "validation")
    _error(client.get(f"/v1/jd?segment=smb&date_posted={DAY}&valid_through=2020-01-01"), 422, "invalid_input")
    _error(client.post("/v1/jd", json={"segment": "smb", "company": {"url": "ftp://x"}}), 422, "validation")


def _header_warnings(answer: httpx.Response) -> tuple[str, ...]:
    """The warnings of the X-CSM-Roles-Warnings header, decoded as the guide says."""
    header = answer.headers.get("x-csm-roles-warnings")
    return tuple(urllib.parse.unquote(part.strip()) for part in header.split(",")) if header else ()


@pytest.mark.parametrize("format", ["markdown", "html", "text", "jsonld", "json"])
def test_every_format_carries_the_warnings_in_a_header(client: httpx.Client, format: str) -> None:
    expected = csm_roles.generate_jd("smb", location="Denver, CO", employees=100, draft=True, date_posted=DAY)
    assert any("," in w for w in expected.warnings)  # the separator, inside a warning
    assert any(not w.isascii() for w in expected.warnings)  # "C.R.S. § 8-5-201"
    answer = client.get(
        "/v1/jd",
        params={
            "segment": "smb",
            "location": "Denver, CO",
            "employees": "100",
            "draft": "true",
            "date_posted": DAY,
            "format": format,
        },
    )
    assert answer.status_code == 200, answer.text
    raw = answer.headers["x-csm-roles-warnings"]
    assert raw.isascii() and "\n" not in raw
    assert _header_warnings(answer) == expected.warnings
    if format == "json":
        assert tuple(answer.json()["warnings"]) == expected.warnings
    again = client.get(str(answer.request.url), headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304 and _header_warnings(again) == expected.warnings


def test_a_posting_without_warnings_has_no_warnings_header(client: httpx.Client) -> None:
    body = {
        "segment": "mid-market",
        "location": "Austin, TX",
        "pay": {"low": 90000, "high": 110000},
        "company": {"name": "Northwind"},
        "date_posted": DAY,
        "valid_through": "2026-12-01",
        "format": "markdown",
    }
    answer = client.post("/v1/jd", json=body)
    assert answer.status_code == 200, answer.text
    assert "x-csm-roles-warnings" not in answer.headers


def test_an_unknown_field_names_the_valid_ones_and_the_nearest(client: httpx.Client) -> None:
    typo = {"segment": "smb", "company": {"nme": "x"}}
    nested = _error(client.post("/v1/jd", json=typo), 422, "validation")
    assert nested.suggestion == "name"
    assert nested.choices is not None and "benefits" in nested.choices
    assert nested.problems is not None and nested.problems[0].location == ["body", "company", "nme"]
    assert nested.problems[0].message.startswith("unknown field 'nme'; did you mean 'name'? Valid field keys")
    assert "Extra inputs" not in nested.message
    top = _error(client.post("/v1/lint", json={"text": "x", "segmnt": "smb"}), 422, "validation")
    assert top.suggestion == "segment"
    assert top.choices == list(LintRequest.model_fields)
    query = _error(client.get("/v1/jd?segment=smb&lvl=senior"), 422, "validation")
    assert query.suggestion == "level"
    assert query.choices is not None and {"pay_low", "company_name"} <= set(query.choices)
    two = _error(client.post("/v1/jd", json={"segmnt": "smb", "levl": "senior"}), 422, "validation")
    assert two.problems is not None
    meant = {(p.location[-1], p.suggestion) for p in two.problems}
    assert meant >= {("segmnt", "segment"), ("levl", "level")}
    assert two.suggestion is None  # several problems: each has its own


def test_a_validator_message_has_no_pydantic_prefix(client: httpx.Client) -> None:
    answer = client.get("/v1/jd?segment=smb&pay_low=90000")
    body = _error(answer, 422, "validation")
    assert body.message == "the request has 1 problem: query: give both pay_low and pay_high, or neither"
    assert "Value error" not in answer.text
    page = client.get("/", params={"segment": "smb", "pay_low": "90000"})
    assert page.status_code == 422
    assert "give both pay_low and pay_high" in page.text and "Value error" not in page.text


def test_the_build_page_says_which_field_was_meant(client: httpx.Client) -> None:
    page = client.get("/", params={"segment": "smb", "company_nme": "Northwind"})
    assert page.status_code == 422
    assert "did you mean &#39;company_name&#39;?" in page.text
    assert "Extra inputs" not in page.text


def test_a_missing_pay_band_says_which_fields_to_send(client: httpx.Client) -> None:
    query = _error(client.get("/v1/jd?segment=smb&level=manager"), 422, "no_figure")
    assert query.hint == "send the range you will pay as pay_low and pay_high"
    followed = client.get("/v1/jd?segment=smb&level=manager&pay_low=110000&pay_high=140000")
    assert followed.status_code == 200, followed.text
    body = _error(client.post("/v1/jd", json={"segment": "smb", "level": "manager"}), 422, "no_figure")
    assert body.hint == "send the range you will pay as pay.low and pay.high"
    pay = {"low": 110000, "high": 140000}
    assert client.post("/v1/jd", json={"segment": "smb", "level": "manager", "pay": pay}).status_code == 200
    assert _error(client.get("/v1/bands/manager"), 404, "no_figure").hint is None  # a look-up takes no pay


def test_what_a_law_asks_for_is_named_as_the_request_sends_it(client: httpx.Client) -> None:
    denver = {"segment": "smb", "location": "Denver, CO", "employees": "100", "date_posted": DAY}
    query = _error(client.get("/v1/jd", params=denver), 422, "pay_transparency")
    assert query.problems is not None
    gives = {str(p.location[0]): p.message.rsplit("; give ", 1)[1] for p in query.problems}
    assert gives["pay"] == "pay_low and pay_high"
    assert gives["benefits"] == "company_benefits"
    assert query.hint is not None and query.hint.endswith("or draft=true for a draft with these as warnings")
    assert client.get("/v1/jd", params={**denver, "draft": "true"}).status_code == 200
    fixed = {
        **denver,
        "pay_low": "60000",
        "pay_high": "70000",
        "company_benefits": "Health cover",
        "valid_through": "2026-12-01",
        "company_how_to_apply": "Write to us.",
        "company_other_compensation": "No bonus.",
    }
    assert client.get("/v1/jd", params=fixed).status_code == 200
    body = _error(client.post("/v1/jd", json={**denver, "employees": 100}), 422, "pay_transparency")
    assert body.hint is not None and "company.benefits" in body.hint and '"draft": true' in body.hint


@pytest.mark.parametrize("model", [JDQuery, JDBody])
def test_every_element_a_law_asks_for_has_its_field_over_http(model: type[JDQuery] | type[JDBody]) -> None:
    assert {*FIELDS, "pay", "draft"} <= set(model.SENDS)
    for sent in model.SENDS.values():  # each name is a field of the request
        for name in re.findall(r"[a-z_]+(?:\.[a-z_]+)?", sent):
            if name in ("and", "or", "true"):
                continue
            top, _, inner = name.partition(".")
            assert top in model.model_fields, (model, name)
            if inner:
                nested = next(a for a in get_args(model.model_fields[top].annotation) if a is not type(None))
                assert inner in nested.model_fields, (model, name)


# -- kits, charts, the linter -------------------------------------------------------------------


@pytest.mark.parametrize("format", ["json", "markdown", "html", "text"])
def test_an_interview_kit_in_every_format(client: httpx.Client, format: str) -> None:
    answer = client.get(f"/v1/interview-kit?level=senior&segment=enterprise&industry=fintech&format={format}")
    assert answer.status_code == 200, answer.text
    kit = csm_roles.interview_kit("senior", segment="enterprise", industry="fintech")
    if format == "json":
        assert InterviewKit.model_validate_json(answer.content) == kit
    else:
        assert answer.text == kit.render(format)
    assert "etag" in answer.headers


def test_interview_kit_defaults_and_errors(client: httpx.Client) -> None:
    answer = client.get("/v1/interview-kit", headers={"Accept": "text/markdown"})
    assert answer.text == csm_roles.interview_kit().render("markdown")
    _error(client.get("/v1/interview-kit?segment=nope"), 422, "unknown_key")


def test_charts_are_svg(client: httpx.Client) -> None:
    by_level = client.get("/v1/charts/bands")
    assert by_level.headers["content-type"] == "image/svg+xml"
    assert by_level.text == csm_roles.render_chart(csm_roles.band_chart("level"))
    by_metro = client.get("/v1/charts/bands?by=metro&source=jd-template-2025")
    assert by_metro.status_code == 200 and by_metro.text.startswith("<svg")
    _error(client.get("/v1/charts/bands?by=city"), 422, "validation")
    _error(client.get("/v1/charts/bands?source=nope"), 422, "unknown_key")
    _error(client.get("/v1/charts/bands?by=metro&source=augtal-2026"), 404, "no_figure")


def test_lint_gives_the_library_findings(client: httpx.Client) -> None:
    text = (ROOT / "docs" / "examples" / "posting.md").read_text(encoding="utf-8")
    answer = client.post("/v1/lint", json={"text": text, "segment": "enterprise"})
    assert answer.status_code == 200, answer.text
    result = LintResult.model_validate_json(answer.content)
    expected = csm_roles.lint_jd(text, segment="enterprise")
    assert tuple(result.findings) == expected
    assert result.counts.error + result.counts.warning + result.counts.info == len(expected)
    assert "etag" not in answer.headers  # an answer to a POST is not cached


@pytest.mark.parametrize("format", list(LINT_FORMATS))
def test_every_lint_format_is_reachable_by_name_and_by_media_type(client: httpx.Client, format: str) -> None:
    media = LINT_FORMATS[format][0]
    by_name = client.post(f"/v1/lint?format={format}", json={"text": "Be a ninja."})
    assert by_name.status_code == 200 and by_name.headers["content-type"] == media
    by_accept = client.post("/v1/lint", json={"text": "Be a ninja."}, headers={"Accept": media})
    assert by_accept.content == by_name.content


def test_lint_options_and_formats(client: httpx.Client) -> None:
    text = "Be a ninja. Be a rockstar."
    only = client.post("/v1/lint?format=JSON", json={"text": text, "rules": ["buzzwords"]})
    assert [f["rule"] for f in only.json()["findings"]] == ["buzzwords", "buzzwords"]
    skipped = client.post("/v1/lint", json={"text": text, "ignore": ["buzzwords"], "level": "mid"})
    assert all(f["rule"] != "buzzwords" for f in skipped.json()["findings"])
    _error(client.post("/v1/lint", json={"text": text, "rules": ["buzzword"]}), 422, "unknown_key")
    _error(client.post("/v1/lint?format=pdf", json={"text": text}), 422, "unknown_key")
    _error(
        client.post("/v1/lint", json={"text": text}, headers={"Accept": "text/csv"}), 406, "not_acceptable"
    )
    _error(client.post("/v1/lint", json={}), 422, "validation")


# -- caching --------------------------------------------------------------------------------------


def test_lookups_answer_304_to_a_matching_etag(client: httpx.Client) -> None:
    first = client.get("/v1/levels")
    tag = first.headers["etag"]
    assert tag.startswith('"') and tag.endswith('"')
    assert client.get("/v1/levels").headers["etag"] == tag  # the data changes only with the version
    for header in (tag, f"W/{tag}", f'"other", {tag}', "*"):
        again = client.get("/v1/levels", headers={"If-None-Match": header})
        assert again.status_code == 304, header
        assert again.content == b""
        assert again.headers["etag"] == tag
        assert again.headers["cache-control"] == "public, max-age=3600"
    assert client.get("/v1/levels", headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get("/v1/metros").headers["etag"] != tag


def test_other_gets_carry_etags_too(client: httpx.Client) -> None:
    for path in (f"{JD_QUERY}&format=html", "/v1/charts/bands", "/v1/interview-kit", "/static/site.css"):
        tag = client.get(path).headers["etag"]
        assert client.get(path, headers={"If-None-Match": tag}).status_code == 304, path


# -- the OpenAPI document ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def openapi(client: httpx.Client) -> dict[str, Any]:
    answer = client.get("/v1/openapi.json")
    assert answer.status_code == 200
    found: dict[str, Any] = answer.json()
    return found


def _operations(openapi: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, op) for path, ops in openapi["paths"].items() for method, op in ops.items()]


def test_openapi_lists_every_route_with_its_models(openapi: dict[str, Any]) -> None:
    assert openapi["openapi"].startswith("3.")
    assert openapi["info"]["version"] == csm_roles.__version__
    paths = set(openapi["paths"])
    for expected in ("/v1/jd", "/v1/lint", "/v1/levels/{level}", "/v1/bands/{level}", "/v1/charts/bands"):
        assert expected in paths
    assert all(path.startswith("/v1/") for path in paths)
    schemas = openapi["components"]["schemas"]
    for model in ("JobDescription", "Level", "PayBand", "Finding", "LintResult", "ErrorBody", "JDBody"):
        assert model in schemas, model
    for path, method, op in _operations(openapi):
        assert op.get("summary"), (method, path)
        assert "200" in op["responses"], (method, path)
        if op.get("parameters") or op.get("requestBody"):
            assert op["responses"]["422"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorBody"
            }, (method, path)


def _examples_of(path: str, method: str, op: dict[str, Any]) -> list[tuple[str, dict[str, Any], Any]]:
    """The requests one operation's examples make: (url, query, body), one per body example."""
    url, query = path, {}
    for param in op.get("parameters", []):
        examples = param.get("schema", {}).get("examples") or param.get("examples")
        if not examples:
            assert not param.get("required"), f"{method} {path}: {param['name']} needs an example"
            continue
        if param["in"] == "path":
            url = url.replace("{" + param["name"] + "}", str(examples[0]))
        else:
            query[param["name"]] = examples[0]
    content = op.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return [(url, query, None)]
    assert content.get("examples"), f"{method} {path} has no body example"
    return [(url, query, ex["value"]) for ex in content["examples"].values()]


def _example_requests(openapi: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], Any]]:
    """One request per operation built from its parameter examples, and one per body example."""
    return [
        (method, url, query, body)
        for path, method, op in _operations(openapi)
        for url, query, body in _examples_of(path, method, op)
    ]


def test_every_openapi_example_works(client: httpx.Client, openapi: dict[str, Any]) -> None:
    requests = _example_requests(openapi)
    assert len(requests) >= len(openapi["paths"])
    for method, url, query, body in requests:
        answer = client.request(method.upper(), url, params=query, json=body)
        assert answer.status_code == 200, (method, url, query, body, answer.text)


def test_every_route_refuses_an_unknown_query_parameter(
    client: httpx.Client, openapi: dict[str, Any]
) -> None:
    """A misspelt parameter is a 422 naming the route's parameters, on every route of the document."""
    for path, method, op in _operations(openapi):
        declared = [p["name"] for p in op.get("parameters", []) if p["in"] == "query"]
        typo = declared[0] + "x" if declared else "bogus"  # metro -> metrox
        url, query, body = _examples_of(path, method, op)[0]
        answer = client.request(method.upper(), url, params={**query, typo: "1"}, json=body)
        found = _error(answer, 422, "validation")
        assert found.problems is not None and found.problems[0].location == ["query", typo], (method, path)
        assert set(found.choices or ()) == set(declared), (method, path)
        assert found.suggestion == (declared[0] if declared else None), (method, path)


@pytest.mark.parametrize(
    ("path", "meant"),
    [
        ("/v1/pay-transparency?location=Denver,%20CO&employes=40", "employees"),
        ("/v1/offer?base=95000&level=mid&mtero=SF", "metro"),
        ("/v1/bands/senior?mtero=SF", "metro"),
        ("/v1/bands/senior/sources?mtero=SF", "metro"),
        ("/v1/interview-kit?levl=senior", "level"),
        ("/v1/charts/bands?by=metro&sorce=jd-template-2025", "source"),
        ("/v1/jd?segment=smb&pay_lo=90000&pay_high=110000", "pay_low"),
    ],
)
def test_a_misspelt_query_parameter_is_not_ignored(client: httpx.Client, path: str, meant: str) -> None:
    body = _error(client.get(path), 422, "validation")
    assert body.suggestion == meant
    assert f"did you mean {meant!r}?" in body.message
    assert body.choices is not None and meant in body.choices
    assert f"Valid parameter keys: {', '.join(body.choices)}" in body.message


def test_a_route_without_parameters_refuses_any(client: httpx.Client) -> None:
    body = _error(client.get("/v1/kpis?foo=1"), 422, "validation")
    assert body.choices == [] and body.suggestion is None
    assert "unknown parameter 'foo': this route takes no parameters" in body.message
    _error(client.post("/v1/lint?fromat=sarif", json={"text": "x"}), 422, "validation")


@pytest.mark.parametrize(
    ("path", "meant"),
    [
        ("/bands?by=metro&sorce=jd-template-2025", "source"),
        ("/law?location=Denver,%20CO&employes=40", "employees"),
        ("/interview?levl=senior", "level"),
        ("/check?txt=x", None),
        ("/?segment=smb&levl=senior", "level"),
    ],
)
def test_the_pages_say_when_a_field_in_the_address_is_unknown(
    client: httpx.Client, path: str, meant: str | None
) -> None:
    page = client.get(path)
    assert page.status_code == 422, page.text
    assert 'role="alert"' in page.text
    assert "unknown parameter" in page.text or "unknown field" in page.text
    if meant:
        assert f"did you mean &#39;{meant}&#39;?" in page.text


def test_static_files_and_health_checks_take_any_query(client: httpx.Client) -> None:
    assert client.get("/static/site.css?v=2").status_code == 200  # a cache-busting version
    assert client.get("/healthz?probe=1").status_code == 200


def test_the_api_docs_page_is_served(client: httpx.Client) -> None:
    answer = client.get("/v1/docs")
    assert answer.status_code == 200
    assert "/v1/openapi.json" in answer.text


# -- errors that are not the library's ------------------------------------------------------------


def test_unknown_paths_and_methods(client: httpx.Client) -> None:
    body = _error(client.get("/v2/levels"), 404, "not_found")
    assert "/v1" in body.message
    _error(client.post("/v1/levels"), 405, "method_not_allowed")
    _error(client.get("/static/secret.py"), 404, "not_found")
    _error(client.get("/v1/jd?segment=smb&bogus=1"), 422, "validation")


def test_a_bug_is_a_500_without_a_trace(caplog: pytest.LogCaptureFixture) -> None:
    app = server.create_app()

    @app.get("/v1/broken")
    def broken() -> None:
        raise RuntimeError("a secret detail")

    with ServerThread(app) as url, httpx.Client(base_url=url) as http:
        body = _error(http.get("/v1/broken"), 500, "internal")
    assert "secret" not in body.message
    assert any("unexpected error on GET /v1/broken" in r.getMessage() for r in caplog.records)


def test_healthz(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


# -- the extra, the command, the dataset -----------------------------------------------------------


def test_importing_the_library_imports_no_server_package() -> None:
    code = (
        "import sys, csm_roles, csm_roles.cli, csm_roles.server\n"
        "csm_roles.salary_band('senior')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('fastapi', 'starlette', 'uvicorn'))\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_a_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def without(name: str, *args: Any) -> Any:
        return None if name in ("fastapi", "uvicorn") else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without)
    result = run_cli("serve", "--port", "1")
    assert result.returncode == 1
    assert "pip install 'csm-roles[server]'" in result.stderr
    assert "fastapi and uvicorn" in result.stderr
    with pytest.raises(server.ServerExtraMissing, match=r"needs fastapi, which is not installed"):
        server.create_app()


def test_a_companys_dataset_is_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (ROOT / "data" / "benchmarks.yaml").read_text(encoding="utf-8")
    ours = tmp_path / "ours.yaml"
    ours.write_text(data.replace("120000", "121000"), encoding="utf-8")
    monkeypatch.setenv(server.DATA_VARIABLE, str(ours))
    app = server.create_app()
    assert app.state.benchmarks.origin == str(ours)
    with ServerThread(app) as url:
        band = httpx.get(f"{url}/v1/bands/senior").json()
    assert band["base"]["low"] == 121000


def test_csm_roles_serve_runs_the_server(tmp_path: Path) -> None:
    data = (ROOT / "data" / "benchmarks.yaml").read_text(encoding="utf-8")
    ours = tmp_path / "ours.yaml"
    ours.write_text(data.replace("120000", "121000"), encoding="utf-8")
    with ServerProcess("--data", str(ours)) as url:
        assert httpx.get(f"{url}/v1/bands/senior").json()["base"]["low"] == 121000
        assert httpx.get(f"{url}/").status_code == 200


def test_lint_checks_the_pay_transparency_laws_of_the_place(client: httpx.Client) -> None:
    posting = "Customer Success Manager\nPay: up to $95,000 a year.\n"
    answer = client.post("/v1/lint", json={"text": posting, "location": "New York, NY", "employees": 40})
    assert answer.status_code == 200, answer.text
    laws = [f for f in answer.json()["findings"] if f["rule"] == "pay-transparency"]
    assert laws and "New York City" in laws[0]["message"] and "https://" in laws[0]["message"]
    bad = client.post("/v1/lint", json={"text": posting, "location": "Paris"})
    assert bad.status_code == 422 and "Paris" in bad.json()["message"]


def test_pay_transparency_routes(client: httpx.Client) -> None:
    answer = client.get("/v1/pay-transparency", params={"location": "Denver, CO", "date": "2026-11-22"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [r["name"] for r in body["rulings"] if r["status"] == "applies"] == ["Colorado"]
    assert body["rulings"][0]["requirements"][0]["source"]["url"].startswith("https://")
    assert answer.headers["cache-control"] == "no-cache"  # the answer depends on today's date
    none = client.get("/v1/pay-transparency", params={"location": "Austin, TX"}).json()
    assert none["rulings"] == [] and none["as_of"] == "2026-11-22"
    _error(client.get("/v1/pay-transparency", params={"location": "Paris"}), 422, "invalid_input")
    _error(
        client.get("/v1/pay-transparency", params={"location": "Denver, CO", "employees": -1}),
        422,
        "validation",
    )
    table = client.get("/v1/pay-transparency/laws").json()
    assert table["as_of"] == "2026-11-22" and len(table["jurisdictions"]) >= 20
