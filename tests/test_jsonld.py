"""JSON-LD JobPosting output, checked against the schema.org 30.0 vocabulary."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

import csm_roles
from csm_roles._jsonld import dumps
from schemaorg import Vocabulary

DAY = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def vocabulary(shared: Path) -> Vocabulary:
    return Vocabulary(shared / "schemaorg" / "schemaorg-current-https.jsonld")


CASES = [
    {
        "segment": "enterprise",
        "level": "senior",
        "metro": "SF",
        "work_model": "hybrid",
        "industry": "healthcare",
    },
    {"segment": "smb", "level": "entry", "metro": "remote"},
    {
        "segment": "mid-market",
        "level": "director",
        "work_model": "remote",
        "company": {"name": "Acme", "url": "https://acme.example", "about": "We make anvils."},
    },
    {
        "segment": "mid-market",
        "level": "manager",
        "valid_through": "2026-12-31",
        "technical": True,
        "pay": (110_000, 140_000),
        "location": "Hybrid - Boston, MA (2 days in office)",
        "company": {"name": "Acme", "logo": "https://acme.example/logo.png", "direct_apply": True},
    },
]


@pytest.mark.parametrize("case", CASES)
def test_every_property_and_type_is_valid_schema_org(vocabulary: Vocabulary, case: dict[str, object]) -> None:
    posting = csm_roles.generate_jd(date_posted=DAY, draft=True, **case).to_jsonld()  # type: ignore[arg-type]
    assert vocabulary.problems(posting) == []


def test_all_segment_level_metro_combinations_are_valid(vocabulary: Vocabulary) -> None:
    levels = [lvl.key for lvl in csm_roles.levels()]
    metros = [None, *(m.key for m in csm_roles.metros())]
    for segment, level, metro in itertools.product(["smb", "mid-market", "enterprise"], levels, metros):
        pay = (110_000, 140_000) if not csm_roles.salary_bands(level) else None
        jd = csm_roles.generate_jd(segment, level, metro=metro, pay=pay, date_posted=DAY, draft=True)
        posting = jd.to_jsonld()
        assert vocabulary.problems(posting) == [], (segment, level, metro)


def test_required_google_fields() -> None:
    posting = csm_roles.generate_jd(
        "enterprise",
        "senior",
        metro="NYC",
        company={"name": "Acme", "url": "https://acme.example", "logo": "https://acme.example/logo.png"},
        date_posted=DAY,
        valid_through="2027-01-31",
        identifier="CS-104",
    ).to_jsonld()
    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "JobPosting"
    assert posting["datePosted"] == "2026-11-01"
    assert posting["validThrough"] == "2027-01-31"
    assert posting["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Acme",
        "sameAs": "https://acme.example",
        "logo": "https://acme.example/logo.png",
    }
    assert posting["identifier"] == {"@type": "PropertyValue", "name": "Acme", "value": "CS-104"}
    assert posting["directApply"] is False
    assert posting["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "US",
        "addressLocality": "New York",
        "addressRegion": "NY",
    }
    salary = posting["baseSalary"]
    assert salary["@type"] == "MonetaryAmount"
    assert salary["currency"] == "USD"
    assert salary["value"] == {  # the senior band moved to New York City (derived, see test_pay_policy)
        "@type": "QuantitativeValue",
        "minValue": 123000,
        "maxValue": 164000,
        "unitText": "YEAR",
    }
    assert posting["description"].startswith("<ul>")  # paragraphs and lists only: what job search reads
    assert "<h2" not in posting["description"]
    assert posting["experienceRequirements"]["monthsOfExperience"] == 60


def test_no_company_name_is_a_warning_not_a_placeholder() -> None:
    jd = csm_roles.generate_jd("enterprise", date_posted=DAY)
    assert "hiringOrganization" not in jd.to_jsonld()
    assert "Confidential" not in jd.to_json()
    assert any("company name" in warning for warning in jd.warnings)


def test_employment_type_takes_only_googles_values() -> None:
    assert (
        csm_roles.generate_jd("smb", employment_type="part-time").to_jsonld()["employmentType"] == "PART_TIME"
    )
    with pytest.raises(csm_roles.UnknownKeyError, match="employment type"):
        csm_roles.generate_jd("smb", employment_type="banana")


def test_remote_uses_telecommute() -> None:
    posting = csm_roles.generate_jd("smb", work_model="remote", date_posted=DAY, draft=True).to_jsonld()
    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert posting["applicantLocationRequirements"] == {"@type": "Country", "name": "US"}
    assert "jobLocation" not in posting
    state = csm_roles.generate_jd("smb", location="Remote, Colorado", date_posted=DAY, draft=True).to_jsonld()
    assert state["applicantLocationRequirements"] == {"@type": "State", "name": "Colorado"}


def test_variable_pay_is_incentive_compensation() -> None:
    posting = csm_roles.generate_jd("mid-market", "mid", date_posted=DAY).to_jsonld()
    assert posting["incentiveCompensation"].startswith(
        "Commission or a bonus"
    )  # without the "Variable pay:" label
    with_ote = csm_roles.generate_jd("mid-market", "mid", date_posted=DAY, benchmarks=None).to_jsonld()
    assert with_ote["baseSalary"]["value"]["minValue"] == 80000


def test_industry_and_skills() -> None:
    posting = csm_roles.generate_jd(
        "enterprise", industry="fintech", technical=True, date_posted=DAY
    ).to_jsonld()
    assert posting["industry"] == "Financial services"
    assert "SOX" in posting["skills"]
    assert "API integrations" in posting["skills"]


def test_dumps_is_safe_inside_a_script_element() -> None:
    jd = csm_roles.generate_jd("smb", company={"name": "</script><script>alert(1)</script>"}, date_posted=DAY)
    text = dumps(jd.to_jsonld())
    assert "<" not in text
    assert ">" not in text
    assert json.loads(text)["hiringOrganization"]["name"] == "</script><script>alert(1)</script>"
    script = jd.to_jsonld_script()
    assert script.count("</script>") == 1


def test_the_checker_itself_rejects_invalid_json_ld(vocabulary: Vocabulary) -> None:
    bad = {
        "@type": "JobPosting",
        "salary": 5,  # not a schema.org property
        "title": 3,  # wrong literal type
        "hiringOrganization": {"@type": "Place", "name": "x"},  # Place is not in the range
        "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "colour": "red"},
        "address": "x",  # not a JobPosting property
    }
    problems = " ".join(vocabulary.problems(bad))
    for fragment in ("$.salary", "$.title", "$.hiringOrganization", "$.baseSalary.colour", "$.address"):
        assert fragment in problems
