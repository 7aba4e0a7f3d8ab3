"""Hostile requests: malformed JSON, wrong types, huge bodies, markup in every field, unknown keys.

Each gets the right 4xx as JSON (or an escaped page), never a 500 or a trace.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from csm_roles import server
from csm_roles._limits import MAX_REQUEST_BYTES
from csm_roles.server._run import ServerThread

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</textarea><svg onload=alert(1)>",
    "' onmouseover='alert(1)",
]
#: What must never reach an HTML answer unescaped.
RAW = ("<script>alert", "<img src=x", "<svg onload", "onmouseover='alert")


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with ServerThread(server.create_app()) as url, httpx.Client(base_url=url, timeout=60) as http:
        yield http


def _status(answer: httpx.Response, status: int, error: str) -> None:
    assert answer.status_code == status, answer.text[:500]
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["error"] == error
    assert "Traceback" not in answer.text


@pytest.mark.parametrize("path", ["/v1/jd", "/v1/lint"])
@pytest.mark.parametrize("body", [b"{", b'{"segment": "smb",}', b"\xff\xfe", b"{'text': 'x'}", b"nul\x00"])
def test_malformed_json_is_a_400(client: httpx.Client, path: str, body: bytes) -> None:
    _status(
        client.post(path, content=body, headers={"Content-Type": "application/json"}), 400, "malformed_json"
    )


@pytest.mark.parametrize("path", ["/v1/jd", "/v1/lint"])
@pytest.mark.parametrize(
    "media",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json"],
)
def test_a_body_that_is_not_sent_as_json_is_a_415(client: httpx.Client, path: str, media: str | None) -> None:
    headers = {"Content-Type": media} if media else {}
    answer = client.post(path, content=b'{"text": "Be a ninja.", "segment": "smb"}', headers=headers)
    _status(answer, 415, "unsupported_media_type")
    assert "Content-Type: application/json" in answer.json()["message"]
    given = f"(got '{media.split(';')[0]}')" if media else "(the request had no Content-Type)"
    assert answer.json()["message"].endswith(given)
    assert answer.headers["accept-post"] == "application/json"


@pytest.mark.parametrize(
    "media", ["application/json; charset=utf-8", "application/problem+json", "APPLICATION/JSON"]
)
def test_json_under_any_json_media_type_is_read(client: httpx.Client, media: str) -> None:
    answer = client.post("/v1/lint", content=b'{"text": "Be a ninja."}', headers={"Content-Type": media})
    assert answer.status_code == 200, answer.text


def test_no_body_and_no_content_type_says_what_is_missing(client: httpx.Client) -> None:
    _status(client.post("/v1/lint"), 422, "validation")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/jd", {"segment": 5}),
        ("/v1/jd", {"segment": ["smb"]}),
        ("/v1/jd", {"segment": "smb", "technical": "maybe"}),
        ("/v1/jd", {"segment": "smb", "pay": "lots"}),
        ("/v1/jd", {"segment": "smb", "pay": {"low": 1.5, "high": 2}}),
        ("/v1/jd", {"segment": "smb", "pay": {"low": -5, "high": 100000}}),
        ("/v1/jd", {"segment": "smb", "pay": {"low": 10**30, "high": 10**31}}),
        ("/v1/jd", {"segment": "smb", "company": "Northwind"}),
        ("/v1/jd", {"segment": "smb", "company": {"benefits": [1, 2]}}),
        ("/v1/jd", {"segment": "smb", "date_posted": "tomorrow"}),
        ("/v1/jd", {"segment": "x" * 1000}),
        ("/v1/jd", ["segment", "smb"]),
        ("/v1/jd", None),
        ("/v1/lint", {"text": 42}),
        ("/v1/lint", {"text": "x", "rules": "buzzwords"}),
        ("/v1/lint", {"text": "x", "segment": {"key": "smb"}}),
        ("/v1/lint", "just a string"),
    ],
)
def test_wrong_types_are_a_422(client: httpx.Client, path: str, body: object) -> None:
    _status(client.post(path, json=body), 422, "validation")


@pytest.mark.parametrize(
    "query",
    [
        "segment=smb&technical=maybe",
        "segment=smb&pay_low=abc&pay_high=2",
        "segment=smb&pay_low=nan&pay_high=inf",
        "segment=smb&date_posted=2026-13-45",
        "segment=smb&format=exe",
        "segment=smb&unknown=1",
    ],
)
def test_wrong_query_values_are_a_422(client: httpx.Client, query: str) -> None:
    _status(client.get(f"/v1/jd?{query}"), 422, "validation")


def test_a_company_url_that_is_not_a_web_address_is_a_422(client: httpx.Client) -> None:
    _status(client.get("/v1/jd?segment=smb&company_url=javascript:alert(1)"), 422, "invalid_input")


def test_unknown_keys_anywhere_are_a_422(client: httpx.Client) -> None:
    _status(client.post("/v1/jd", json={"segment": "smb", "template_dir": "/etc"}), 422, "validation")
    _status(client.post("/v1/jd", json={"segment": "smb", "company": {"nme": "x"}}), 422, "validation")
    _status(client.post("/v1/lint", json={"text": "x", "ruleset": "mine.yaml"}), 422, "validation")
    _status(client.get("/v1/jd?segment=smb&template_dir=/etc"), 422, "validation")
    _status(client.get("/v1/jd?segment=smb&industry=mining"), 422, "unknown_key")


BIG = 20 * 1024 * 1024


@pytest.mark.parametrize("path", ["/v1/lint", "/v1/jd", "/check"])
def test_a_20_mb_body_is_a_413(client: httpx.Client, path: str) -> None:
    body = json.dumps({"text": "x" * BIG}).encode()
    _status(client.post(path, content=body, headers={"Content-Type": "application/json"}), 413, "too_large")


@pytest.mark.parametrize("path", ["/v1/lint", "/check"])
def test_a_20_mb_body_in_chunks_is_a_413(client: httpx.Client, path: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(BIG // 65536):
            yield b"x" * 65536
        yield b'"}'

    _status(
        client.post(path, content=chunks(), headers={"Content-Type": "application/json"}), 413, "too_large"
    )


def test_a_body_just_under_the_limit_is_read(client: httpx.Client) -> None:
    text = "word " * ((MAX_REQUEST_BYTES - 100) // 5)
    answer = client.post("/v1/lint", json={"text": text, "rules": ["buzzwords"]})
    assert answer.status_code == 200, answer.text[:300]
    _status(
        client.post(
            "/v1/lint", content=b" " * (MAX_REQUEST_BYTES + 1), headers={"Content-Type": "application/json"}
        ),
        413,
        "too_large",
    )


def test_a_bad_content_length_is_refused(client: httpx.Client) -> None:
    request = client.build_request("POST", "/v1/lint", content=b'{"text": "x"}')
    request.headers["Content-Length"] = "12abc"
    with pytest.raises(httpx.HTTPError):  # h11 refuses to send it; the server would answer 413 or 400
        client.send(request)


def _fields(payload: str) -> dict[str, str]:
    return {
        "segment": "smb",
        "company_name": payload,
        "company_about": payload,
        "company_culture": payload,
        "company_benefits": f"{payload}\n{payload}",
        "company_how_to_apply": payload,
        "title": payload,
        "identifier": payload[:90],
        "location": "Remote (US)",
        "draft": "true",  # no pay or closing date: a draft, with the laws' asks as warnings
    }


@pytest.mark.parametrize("payload", XSS)
def test_markup_in_every_field_is_escaped_in_html_output(client: httpx.Client, payload: str) -> None:
    answer = client.get("/v1/jd", params={**_fields(payload), "format": "html"})
    assert answer.status_code == 200, answer.text
    for raw in RAW:
        assert raw not in answer.text
    page = client.get("/", params=_fields(payload))
    assert page.status_code == 200, page.text
    for raw in RAW:
        assert raw not in page.text
    assert str(escape(payload)) in page.text  # shown to the recruiter as typed


@pytest.mark.parametrize("payload", XSS)
def test_markup_in_keys_and_places_is_escaped_on_the_page(client: httpx.Client, payload: str) -> None:
    for field in ("segment", "level", "industry", "location", "work_model", "currency"):
        page = client.get("/", params={"segment": "smb", field: payload})
        assert page.status_code == 422, (field, page.text)
        assert 'role="alert"' in page.text
        for raw in RAW:
            assert raw not in page.text, field
    checked = client.post("/check", data={"text": f"A posting {payload} here", "segment": payload})
    assert checked.status_code == 422
    for raw in RAW:
        assert raw not in checked.text
    linted = client.post("/check", data={"text": f"We need a rockstar. {payload}"})
    assert linted.status_code == 200
    for raw in RAW:
        assert raw not in linted.text
    bands = client.get("/bands", params={"by": payload, "source": payload})
    for raw in RAW:
        assert raw not in bands.text


def test_json_answers_are_never_sniffed_as_html(client: httpx.Client) -> None:
    answer = client.get("/v1/jd", params={"segment": XSS[0]})
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-content-type-options"] == "nosniff"


_QUERY_KEYS = [
    "segment",
    "level",
    "metro",
    "location",
    "pay_low",
    "pay_high",
    "format",
    "technical",
    "company_name",
    "x",
]


@settings(max_examples=60)
@given(params=st.dictionaries(st.sampled_from(_QUERY_KEYS), st.text(max_size=40), max_size=5))
def test_any_query_gets_an_answer_below_500(params: dict[str, str]) -> None:
    with httpx.Client(base_url=_URL.url, timeout=30) as http:
        answer = http.get("/v1/jd?" + urllib.parse.urlencode(params))
        assert answer.status_code < 500, answer.text
        page = http.get("/?" + urllib.parse.urlencode(params))
        assert page.status_code < 500, page.text


_BODY_KEYS = st.sampled_from(["text", "segment", "level", "rules", "ignore", "pay", "company"])
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_BODY_KEYS, inner, max_size=4),
    max_leaves=8,
)


@settings(max_examples=60)
@given(body=_JSON)
def test_any_json_body_gets_an_answer_below_500(body: object) -> None:
    with httpx.Client(base_url=_URL.url, timeout=30) as http:
        for path in ("/v1/lint", "/v1/jd"):
            answer = http.post(path, json=body)
            assert answer.status_code < 500, (path, answer.text)


class _URL:
    """The base URL of a server shared by the property tests (hypothesis takes no fixtures)."""

    url = ""


@pytest.fixture(scope="module", autouse=True)
def _shared_server() -> Iterator[None]:
    with ServerThread(server.create_app()) as url:
        _URL.url = url
        yield
