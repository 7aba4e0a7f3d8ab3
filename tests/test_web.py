"""The web page, rendered on the server: the forms work without JavaScript.

`test_web_browser.py` drives the same pages in a real browser.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

import csm_roles
from csm_roles import server
from csm_roles.server._run import ServerThread
from csm_roles.server._web import CSP, Piece, mark_findings


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with ServerThread(server.create_app()) as url, httpx.Client(base_url=url, timeout=30) as http:
        yield http


def test_the_first_visit_shows_a_posting_beside_the_form(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CSP
    html = page.text
    fields = (
        "segment level location work_model industry company_name company_benefits pay_low pay_high currency "
        "company_other_compensation company_how_to_apply valid_through employees"
    )
    for field in [*fields.split(), "technical"]:
        assert f'<label for="{field}">' in html, field
        assert f'id="{field}" name="{field}"' in html, field
    assert '<article class="csm-job">' in html
    assert "Before you publish" in html
    assert 'download="posting.jsonld"' in html
    assert '<script src="/static/site.js" defer></script>' in html


def test_the_form_sent_without_javascript_renders_the_posting(client: httpx.Client) -> None:
    params = {
        "segment": "enterprise",
        "level": "senior",
        "location": "Boston, MA",
        "work_model": "hybrid",
        "industry": "healthcare",
        "company_name": "Northwind",
        "company_benefits": "Health cover\r\nA learning budget\r\n",
        "pay_low": "130000",
        "pay_high": "150000",
        "currency": "",
        "technical": "true",
    }
    page = client.get("/", params=params)
    assert page.status_code == 200, page.text
    jd = csm_roles.generate_jd(
        "enterprise",
        "senior",
        location="Boston, MA",
        work_model="hybrid",
        industry="healthcare",
        company={"name": "Northwind", "benefits": ["Health cover", "A learning budget"]},
        pay=(130000, 150000),
        technical=True,
    )
    assert jd.render("html") in page.text
    for warning in jd.warnings:
        assert warning.replace("'", "&#39;") in page.text
    assert '<option value="healthcare" selected>' in page.text
    assert "checked" in page.text
    assert "Health cover\nA learning budget</textarea>" in page.text


def test_the_page_links_give_the_same_posting_in_other_formats(client: httpx.Client) -> None:
    page = client.get(
        "/", params={"segment": "smb", "company_name": "Northwind", "company_benefits": "A\nB"}
    ).text
    start = page.index('download="posting.jsonld"')
    href = page.rfind('href="', 0, start)
    link = page[href + 6 : page.index('"', href + 6)].replace("&amp;", "&")
    assert link.startswith("/v1/jd?")
    jsonld = client.get(link)
    assert jsonld.headers["content-type"] == "application/ld+json"
    assert jsonld.json()["hiringOrganization"]["name"] == "Northwind"
    assert jsonld.json()["jobBenefits"] == "A\nB" or "A" in jsonld.json()["jobBenefits"]


def test_a_bad_form_says_what_to_fix(client: httpx.Client) -> None:
    page = client.get("/", params={"segment": "smb", "pay_low": "90000"})
    assert page.status_code == 422
    assert 'role="alert"' in page.text
    assert "give both pay_low and pay_high" in page.text
    assert "Fix the form to see the posting." in page.text
    wrong = client.get("/", params={"segment": "smb", "pay_low": "-1", "pay_high": "2"})
    assert "Pay from: Input should be greater than 0" in wrong.text
    unknown = client.get("/", params={"segment": "enterprize"})
    assert "did you mean &#39;enterprise&#39;?" in unknown.text
    no_band = client.get("/", params={"segment": "smb", "level": "manager"})
    assert no_band.status_code == 422 and "pay=" in no_band.text


def test_checking_a_posting_marks_its_findings(client: httpx.Client) -> None:
    empty = client.get("/check")
    assert empty.status_code == 200 and "Paste a posting" in empty.text
    text = "We need a rockstar CSM.\r\nCompetitive salary."
    page = client.post("/check", data={"text": text, "segment": "", "level": "mid"})
    assert page.status_code == 200, page.text
    findings = csm_roles.lint_jd(text.replace("\r\n", "\n"), level="mid")
    assert f"{len(findings)} findings" in page.text
    assert '<mark id="mark-' in page.text and ">rockstar</mark>" in page.text
    assert "the posting as a whole" in page.text
    assert '<option value="mid" selected>' in page.text
    bad = client.post("/check", data={"text": "x", "segment": "nowhere"})
    assert bad.status_code == 422 and "unknown segment" in bad.text


def test_the_bands_page_shows_the_chart_and_a_table(client: httpx.Client) -> None:
    page = client.get("/bands")
    assert page.status_code == 200
    assert '<img src="/v1/charts/bands?by=level"' in page.text
    chart = csm_roles.band_chart("level")
    for row in chart.rows:
        assert f'<th scope="row">{row.label}</th>' in page.text
    by_metro = client.get("/bands", params={"by": "metro", "source": "jd-template-2025"})
    assert "by=metro&amp;source=jd-template-2025" in by_metro.text
    assert client.get("/bands", params={"by": "city"}).status_code == 422
    assert client.get("/bands", params={"by": "metro", "source": "augtal-2026"}).status_code == 422


def test_the_style_sheet_and_script_are_served(client: httpx.Client) -> None:
    css = client.get("/static/site.css")
    assert css.headers["content-type"] == "text/css; charset=utf-8"
    js = client.get("/static/site.js")
    assert js.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "etag" in js.headers


def test_mark_findings_cuts_the_text_at_each_finding() -> None:
    text = "Be a ninja and a rockstar."
    findings = csm_roles.lint_jd(text, rules=["buzzwords"])
    pieces, numbered = mark_findings(text, findings)
    assert "".join(p.text for p in pieces) == text
    assert [p.text for p in pieces if p.number] == ["ninja", "rockstar"]
    assert [n for n, _ in numbered] == [1, 2]
    whole = csm_roles.lint_jd("Nothing here.", rules=["missing-pay"])
    assert mark_findings("Nothing here.", whole)[0] == [Piece("Nothing here.")]


def test_overlapping_findings_are_marked_once() -> None:
    text = "Be a rockstar ninja."
    first, second = csm_roles.lint_jd("Be a rockstar ninja.", rules=["buzzwords"])
    overlapping = second.model_copy(update={"offset": first.offset + 2, "end": second.end})
    inside = second.model_copy(update={"offset": first.offset + 1, "end": first.end - 1})
    pieces, _ = mark_findings(text, (first, overlapping, inside))
    assert "".join(p.text for p in pieces) == text
    assert [p.number for p in pieces if p.number] == [1, 2]


def test_the_law_page_answers_for_a_place_with_sources(client: httpx.Client) -> None:
    page = client.get("/law", params={"location": "Denver, CO"})
    assert page.status_code == 200, page.text
    assert "Applies: Colorado" in page.text and "C.R.S. § 8-5-201" in page.text
    assert 'href="https://' in page.text and "not legal advice" in page.text
    small = client.get("/law", params={"location": "Seattle, WA", "employees": "5"})
    assert "Does not apply: Washington" in small.text
    bad = client.get("/law", params={"location": "Paris"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert client.get("/law", params={"location": "Denver, CO", "employees": "many"}).status_code == 422
    assert client.get("/law").status_code == 200  # the empty form


def test_the_interview_page_shows_a_scorecard(client: httpx.Client) -> None:
    page = client.get("/interview", params={"level": "director", "segment": "enterprise", "technical": "yes"})
    assert page.status_code == 200, page.text
    assert "Interview kit: Director" in page.text and "Score (1 to 3)" in page.text
    assert "hire a CSM" in page.text  # the leadership questions of a director's kit
    assert client.get("/interview", params={"level": "wizard"}).status_code == 422


def test_the_form_holds_what_a_pay_transparency_law_asks_for(client: httpx.Client) -> None:
    """Found by a trial user: the page could not build a posting a Denver employer may publish."""
    params = {
        "segment": "smb",
        "location": "Denver, CO",
        "company_name": "Northwind",
        "company_benefits": "Health cover",
        "company_other_compensation": "A yearly bonus of up to 10% of base.",
        "company_how_to_apply": "Apply at northwind.example/jobs.",
        "valid_through": "2027-01-31",
        "employees": "40",
        "pay_low": "60000",
        "pay_high": "75000",
    }
    page = client.get("/", params=params)
    assert page.status_code == 200, page.text
    assert "Draft:" not in page.text and "may require" not in page.text
    assert "Apply at northwind.example/jobs." in page.text
    lacking = client.get("/", params={key: params[key] for key in ("segment", "location")})
    assert "Draft: Colorado" in lacking.text  # what the law asks for and the form lacks, as notes


def test_the_check_page_reads_the_law_of_the_place_given(client: httpx.Client) -> None:
    text = "Customer Success Manager\n\nYou will manage accounts. Salary: $70,000 - $90,000 a year.\n"
    sent = {"text": text, "location": "Denver, CO", "employees": "40"}
    page = client.post("/check", data=sent)
    assert page.status_code == 200
    assert "pay-transparency" in page.text and "Colorado" in page.text
    assert 'value="Denver, CO"' in page.text and 'value="40"' in page.text
    bad = client.post("/check", data={**sent, "employees": "forty"})
    assert bad.status_code == 422 and "Employees: a whole number" in bad.text


def test_a_level_without_a_guide_band_points_to_the_pay_fields(client: httpx.Client) -> None:
    page = client.get("/", params={"segment": "smb", "level": "manager"})
    assert page.status_code == 422
    assert "publish no pay band" in page.text and "fill in &#34;Your own pay range&#34;" in page.text
