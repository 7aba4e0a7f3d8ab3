"""A company's profile: every field reaches the posting, a missing one leaves no trace, own bands overlay.

(Hostile values in every profile field: tests/test_security.py.)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import csm_roles
from conftest import run_cli
from jd_checks import PLACEHOLDER

DAY = dt.date(2026, 11, 1)
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "company.yaml"
FORMATS = ("markdown", "html", "text")

#: A profile whose every value is distinctive, so each can be found in the output.
FULL: dict[str, Any] = {
    "name": "Quillfeather",
    "about": "Quillfeather makes invoicing software for dental clinics.",
    "culture": "We answer every customer email within a day.",
    "website": "https://quillfeather.example",
    "logo": "https://quillfeather.example/logo.png",
    "locations": ["Hybrid - Portland, OR"],
    "days_on_site": 2,
    "reports_to": "the VP of Customer Experience",
    "travel": "about one customer visit a quarter",
    "benefits": ["Four weeks of paid leave", "A home-office stipend"],
    "equal_opportunity": "Quillfeather welcomes applicants of every background.",
    "other_compensation": "A yearly bonus of up to 8% of base",
    "employees": 80,
    "how_to_apply": "Apply at quillfeather.example/jobs with a short note.",
    "application_deadline": "2027-02-15",
    "direct_apply": True,
    "pay": [{"level": "mid", "low": 91_000, "high": 109_000, "currency": "USD"}],
}

#: Where each field shows: text in the rendered posting, and the JSON-LD value.
SHOWS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "name": (("Quillfeather is hiring",), {"hiringOrganization.name": "Quillfeather"}),
    "about": (("invoicing software for dental clinics",), {"employerOverview": FULL["about"]}),
    "culture": (("every customer email within a day",), {}),
    "website": ((), {"hiringOrganization.sameAs": FULL["website"]}),
    "logo": ((), {"hiringOrganization.logo": FULL["logo"]}),
    "locations": (("Portland, OR",), {"jobLocation.address.addressLocality": "Portland"}),
    "days_on_site": (("2 days a week",), {}),
    "reports_to": (("VP of Customer Experience",), {}),
    "travel": (("one customer visit a quarter",), {}),
    "benefits": (
        ("Four weeks of paid leave", "A home-office stipend"),
        {"jobBenefits": "Four weeks of paid leave. A home-office stipend."},
    ),
    "equal_opportunity": (("welcomes applicants of every background",), {}),
    "other_compensation": (
        ("Other pay: A yearly bonus of up to 8% of base.",),
        {"incentiveCompensation": "A yearly bonus of up to 8% of base."},
    ),
    "employees": ((), {}),  # settles which pay-transparency laws apply: tests/test_pay_transparency.py
    "how_to_apply": (("quillfeather.example/jobs",), {}),
    "application_deadline": (("February 15, 2027",), {"validThrough": "2027-02-15"}),
    "direct_apply": ((), {"directApply": True}),
    "pay": (
        ("$91,000", "$109,000"),
        {"baseSalary.value.minValue": 91_000, "baseSalary.value.maxValue": 109_000},
    ),
}


def _flat(text: str) -> str:
    return " ".join(text.replace("&#39;", "'").split())


def _get(data: dict[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None  # type: ignore[assignment]
    return data


def _posting(company: dict[str, Any], **options: Any) -> csm_roles.JobDescription:
    options.setdefault("draft", True)  # a field left out may be one a law of Portland asks for
    return csm_roles.generate_jd("mid-market", company=company, date_posted=DAY, **options)


def test_the_table_covers_every_field() -> None:
    assert set(SHOWS) == set(csm_roles.Company.model_fields) == set(FULL)


@pytest.mark.parametrize("field", SHOWS)
def test_every_field_reaches_the_posting_and_json_ld(field: str) -> None:
    jd = _posting(FULL)
    texts, jsonld = SHOWS[field]
    for fmt in FORMATS:
        page = _flat(jd.render(fmt))
        for text in texts:
            assert text in page, (field, fmt, text)
    data = jd.to_jsonld()
    for path, value in jsonld.items():
        assert _get(data, path) == value, (field, path)
    for text in texts:  # the job board reads the same posting
        assert text in _flat(re.sub(r"<[^>]+>", " ", data["description"])), (field, text)


@pytest.mark.parametrize("field", [f for f in SHOWS if f != "name"])
def test_a_missing_field_leaves_no_trace(field: str) -> None:
    without = {key: value for key, value in FULL.items() if key != field}
    jd = _posting(without)
    texts, jsonld = SHOWS[field]
    data = jd.to_jsonld()
    for fmt in FORMATS:
        page = jd.render(fmt)
        for text in texts:
            assert text not in _flat(page), (field, fmt, text)
        assert not PLACEHOLDER.search(page), (field, fmt, PLACEHOLDER.search(page))
        assert "set out with the offer" not in page  # the filler of v0.1
    for path, value in jsonld.items():
        assert _get(data, path) != value, (field, path)
    markdown = jd.render("markdown")
    assert not re.search(r"^## .*\n\n(?=## |\Z)", markdown, re.M), "an empty section"


def test_an_empty_profile_gives_no_company_sections() -> None:
    page = csm_roles.generate_jd("smb", date_posted=DAY).render("markdown")
    for heading in ("## About", "## What we offer", "## How to apply", "## Equal opportunity"):
        assert heading not in page
    data = csm_roles.generate_jd("smb", date_posted=DAY).to_jsonld()
    assert "hiringOrganization" not in data and "jobBenefits" not in data


def test_recruiter_material_only_when_asked() -> None:
    jd = _posting(FULL)
    assert "hiring guides" not in jd.render("markdown")
    assert "profile" not in jd.render("markdown").lower()
    assert (
        jd.compensation.basis
        == "Pay range from Quillfeather's profile, for the Customer Success Manager level."
    )
    with_sources = jd.render("markdown", sources=True)
    assert "How the pay range was chosen: Pay range from Quillfeather's profile" in with_sources
    assert "Portfolio and targets follow published CSM hiring guides" in with_sources
    assert json.loads(jd.to_json())["compensation"]["basis"] == jd.compensation.basis


def test_the_guides_fill_what_the_profile_does_not_say() -> None:
    """Reports-to from guide 003, the growth path, the bonus share of guide 000, education."""
    jd = _posting({"name": "Quillfeather"}, level="mid")
    page = _flat(jd.render("markdown"))
    assert "Reports to:** The Director of Customer Success, the VP of Customer Success or the Chief" in page
    assert "From here, the career path runs to Senior CSM" in page
    assert "a bonus of 15–20% of base" in page
    assert "bachelor's degree" in page
    assert "Each account moves through onboarding" in page
    director = _flat(_posting({"name": "Q"}, level="director", pay=(170_000, 210_000)).render("markdown"))
    assert "Each account moves through" not in director  # a director holds no book
    assert "career path runs to" not in director  # no level above it


# -- the overlay of a company's own bands ---------------------------------------------------

LEVELS = ["entry", "mid", "senior", "strategic", "team-lead", "manager"]
SEGMENTS = ["smb", "mid-market", "enterprise"]
PLACES = [None, "Boston, MA", "Remote (US)", "San Francisco, CA", "Hybrid - Denver, CO"]


@st.composite
def own_bands(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Up to four bands, no two for the same level, segment and place (a profile refuses that)."""
    slots = draw(
        st.lists(
            st.tuples(
                st.sampled_from(LEVELS),
                st.none() | st.sampled_from(SEGMENTS),
                st.none() | st.sampled_from(PLACES[1:]),
            ),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    bands = []
    for level, segment, place in slots:
        low = draw(st.integers(40, 200)) * 1000
        high = low + draw(st.integers(0, 60)) * 1000
        bands.append(
            {
                "level": level,
                "segment": segment,
                "location": place,
                "low": low,
                "high": high,
                "currency": "USD",
            }
        )
    return bands


def _fits(band: dict[str, Any], level: str, segment: str, place: str | None) -> bool:
    """The places drawn are all different, so a band for a place fits that place only."""
    return band["level"] == level and band["segment"] in (None, segment) and band["location"] in (None, place)


def _without_pay(jd: csm_roles.JobDescription) -> dict[str, Any]:
    dumped = jd.model_dump(exclude={"compensation", "warnings", "company"})
    return dumped


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bands=own_bands(),
    level=st.sampled_from(LEVELS),
    segment=st.sampled_from(SEGMENTS),
    place=st.sampled_from(PLACES),
)
def test_own_bands_change_only_what_they_state(
    bands: list[dict[str, Any]], level: str, segment: str, place: str | None
) -> None:
    company = {"name": "Quillfeather", "pay": bands}
    fitting = [b for b in bands if _fits(b, level, segment, place)]
    try:
        guide = csm_roles.generate_jd(
            segment, level, location=place, company={"name": "Quillfeather"}, date_posted=DAY, draft=True
        )
    except csm_roles.NoFigureError:
        guide = None  # a level the guides give no band
    if not fitting:
        if guide is None:
            with pytest.raises(csm_roles.NoFigureError):
                csm_roles.generate_jd(
                    segment, level, location=place, company=company, date_posted=DAY, draft=True
                )
            return
        own = csm_roles.generate_jd(
            segment, level, location=place, company=company, date_posted=DAY, draft=True
        )
        assert own.compensation == guide.compensation  # nothing stated for this posting: the guides' band
        return
    own = csm_roles.generate_jd(segment, level, location=place, company=company, date_posted=DAY, draft=True)
    specificity = max((b["segment"] is not None) * 2 + (b["location"] is not None) for b in fitting)
    (chosen,) = [
        b for b in fitting if (b["segment"] is not None) * 2 + (b["location"] is not None) == specificity
    ]
    assert (own.compensation.range.low, own.compensation.range.high) == (chosen["low"], chosen["high"])
    assert own.compensation.set_by_company
    if guide is not None:
        assert _without_pay(own) == _without_pay(guide)  # everything else is the guides'


def test_a_band_for_one_place_is_used_only_there() -> None:
    company = {
        "name": "Quillfeather",
        "pay": [
            {"level": "mid", "low": 90_000, "high": 100_000, "currency": "USD"},
            {"level": "mid", "location": "Boston, MA", "low": 110_000, "high": 120_000, "currency": "USD"},
            {"level": "mid", "segment": "smb", "low": 80_000, "high": 85_000, "currency": "USD"},
        ],
    }

    def base(segment: str, place: str | None) -> str:
        return str(_jd(segment, place, company).compensation.base)

    assert base("mid-market", "Boston, MA") == "$110,000–$120,000"
    assert base("mid-market", "Chicago, IL") == "$90,000–$100,000"
    assert base("smb", "Chicago, IL") == "$80,000–$85,000"
    assert base("mid-market", "Remote (US)") == "$90,000–$100,000"
    senior = _jd("enterprise", None, company, level="senior")
    assert not senior.compensation.set_by_company and senior.compensation.range.low == 120_000


def _jd(
    segment: str, place: str | None, company: dict[str, Any], level: str = "mid"
) -> csm_roles.JobDescription:
    return csm_roles.generate_jd(segment, level, location=place, company=company, date_posted=DAY, draft=True)


def test_an_own_band_gives_a_level_the_guides_do_not_pay() -> None:
    company = {"name": "Q", "pay": [{"level": "manager", "low": 130_000, "high": 150_000, "currency": "USD"}]}
    jd = csm_roles.generate_jd("enterprise", "manager", company=company, date_posted=DAY)
    assert str(jd.compensation.base) == "$130,000–$150,000"
    with pytest.raises(csm_roles.NoFigureError, match="pay="):
        csm_roles.generate_jd("enterprise", "manager", company={"name": "Q"}, date_posted=DAY)


def test_a_band_in_another_currency_pays_a_job_abroad() -> None:
    company = {
        "name": "Ledger",
        "pay": [
            {
                "level": "mid",
                "location": "London, United Kingdom",
                "low": 55_000,
                "high": 65_000,
                "currency": "gbp",
            }
        ],
    }
    jd = csm_roles.generate_jd(
        "mid-market", "mid", location="London, United Kingdom", company=company, date_posted=DAY
    )
    assert jd.compensation.range.currency == "GBP"
    assert jd.to_jsonld()["baseSalary"]["currency"] == "GBP"
    assert "£55,000–£65,000" in jd.render("markdown")


def test_guide_dollar_sums_say_us_dollars_beside_pay_in_another_currency() -> None:
    jd = csm_roles.generate_jd(
        "enterprise", "senior", location="London, United Kingdom", pay=(70_000, 90_000), currency="GBP"
    )
    text = jd.render("text")
    assert "US$1M" in text
    assert re.search(r"(?<!US)\$\d", text) is None  # no bare dollar sum beside a pay in pounds
    assert "US$" not in csm_roles.generate_jd("enterprise", "senior").render("text")


# -- bad overlays: the file, the line and the field -----------------------------------------

BAD_OVERLAYS = {
    "unknown level": (
        "name: X\npay:\n  - {level: mid, low: 85000, high: 105000, currency: USD}\n"
        "  - {level: wizard, low: 85000, high: 105000, currency: USD}\n",
        r":4:\d+: pay\.1\.level: unknown level 'wizard'; valid: director, entry",
    ),
    "unknown segment": (
        "name: X\npay:\n  - {level: mid, segment: galactic, low: 85000, high: 105000, currency: USD}\n",
        r":3:\d+: pay\.0\.segment: unknown segment 'galactic'; valid: ",
    ),
    "low above high": (
        "name: X\npay:\n  - level: mid\n    low: 185000\n    high: 105000\n    currency: USD\n",
        r":3:\d+: pay\.0: low \(185,000\) is above high \(105,000\)$",
    ),
    "missing currency": (
        "name: X\npay:\n  - level: mid\n    low: 85000\n    high: 105000\n",
        r":3:\d+: pay\.0\.currency: missing required field 'currency'",
    ),
    "a currency that is not a code": (
        "name: X\npay:\n  - {level: mid, low: 85000, high: 105000, currency: dollars}\n",
        r":3:\d+: pay\.0\.currency: currency must be a three-letter ISO 4217 code",
    ),
    "a misspelt key": ("name: X\nbenefit: [Leave]\n", r":2:\d+: benefit: unknown field 'benefit'"),
    "two bands for the same posting": (
        "name: X\npay:\n  - {level: mid, low: 85000, high: 105000, currency: USD}\n"
        "  - {level: Mid, low: 95000, high: 115000, currency: USD}\n",
        r":4:\d+: pay\.1: a second band for the same level, segment and location as pay\.0",
    ),
}


@pytest.mark.parametrize("case", BAD_OVERLAYS)
def test_a_bad_profile_is_located(case: str, tmp_path: Path) -> None:
    text, expected = BAD_OVERLAYS[case]
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError) as caught:
        csm_roles.load_company(path)
    assert re.search(expected, str(caught.value)), str(caught.value)
    assert str(caught.value).startswith(str(path))
    result = run_cli("jd", "--segment", "smb", "--profile", str(path))
    code, out, err = result.returncode, result.stdout, result.stderr
    assert code == 2 and out == ""
    assert re.search(r"profile\.yaml" + expected.rstrip("$"), err), err
    assert "Traceback" not in err


def test_validate_says_which_kind_of_file_it_checked() -> None:
    result = run_cli("validate", str(EXAMPLE))
    assert result.returncode == 0 and "a company profile" in result.stdout
    dataset = Path(csm_roles.__file__).resolve().parent / "data" / "benchmarks.yaml"
    if not dataset.is_file():
        dataset = Path(__file__).resolve().parents[1] / "data" / "benchmarks.yaml"
    result = run_cli("validate", str(dataset))
    assert result.returncode == 0 and "a dataset" in result.stdout


def test_the_old_option_names_still_work_with_a_note() -> None:
    new = run_cli("jd", "--segment", "smb", "--profile", str(EXAMPLE), "--date", "2026-11-01", "--quiet")
    old = run_cli("jd", "--segment", "smb", "--company-file", str(EXAMPLE), "--date", "2026-11-01", "--quiet")
    assert new.returncode == old.returncode == 0 and new.stdout == old.stdout
    assert "--profile" in old.stderr and "--profile" not in new.stderr


def test_a_pay_range_that_looks_wrong_gets_a_note() -> None:
    small = csm_roles.generate_jd("smb", "entry", location="Austin, TX", pay=(60, 80), draft=True)
    assert any("below 10,000" in w and "60k-80k" in w for w in small.warnings)
    wide = csm_roles.generate_jd("smb", "entry", location="Austin, TX", pay=(50_000, 200_000), currency="GBP")
    assert any("more than twice its bottom" in w for w in wide.warnings)
    assert any("in GBP for a job in the United States" in w for w in wide.warnings)
    fine = csm_roles.generate_jd("smb", "entry", location="Austin, TX", pay=(60_000, 80_000))
    assert not any("below 10,000" in w or "twice" in w or "currency" in w for w in fine.warnings)


def test_the_wrong_kind_of_file_says_which_it_is(tmp_path: Path) -> None:
    dataset = Path(__file__).resolve().parents[1] / "data" / "benchmarks.yaml"
    with pytest.raises(csm_roles.DataFileError, match="this is a dataset, not a company profile"):
        csm_roles.load_company(dataset)
    with pytest.raises(csm_roles.DataFileError, match="this is a company profile, not a dataset"):
        csm_roles.load_benchmarks(EXAMPLE)
    typo = tmp_path / "profile.yaml"
    typo.write_text("name: X\nbenifits: [Leave]\n", encoding="utf-8")
    with pytest.raises(
        csm_roles.DataFileError,
        match=r":2:1: benifits: unknown field 'benifits' \(did you mean 'benefits'\?\)",
    ):
        csm_roles.load_company(typo)


def test_an_expired_deadline_in_the_profile_names_the_field() -> None:
    with pytest.raises(
        csm_roles.InvalidInputError, match=r"the profile's application_deadline .* valid_through="
    ):
        csm_roles.generate_jd(
            "smb", company={"name": "X", "application_deadline": "2025-01-31"}, date_posted=DAY
        )
    jd = csm_roles.generate_jd(
        "smb",
        company={"name": "X", "application_deadline": "2025-01-31"},
        date_posted=DAY,
        valid_through="2026-12-01",
    )
    assert jd.valid_through == dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("XYZ", "'XYZ' is not a current ISO 4217 currency code"),
        ("GPB", "did you mean GBP (Pound Sterling)?"),
        ("HRK", "'HRK' is not a current ISO 4217"),  # withdrawn in 2023: Croatia pays in euros
        ("EURO", "three-letter ISO 4217 code"),
    ],
)
def test_a_currency_must_be_a_current_iso_code(given: str, said: str) -> None:
    with pytest.raises(csm_roles.InvalidInputError, match=re.escape(said)):
        csm_roles.generate_jd("smb", pay=(50_000, 60_000), currency=given, location="Zurich, Switzerland")
    band = {"level": "mid", "low": 50_000, "high": 60_000, "currency": given}
    with pytest.raises(csm_roles.InvalidInputError, match=re.escape(said)):
        csm_roles.generate_jd("smb", "mid", company={"name": "Acme", "pay": [band]})
    result = run_cli("jd", "--segment", "smb", "--pay", "50k-60k", "--currency", given)
    assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr


def test_every_current_currency_is_accepted_and_spelled_in_capitals() -> None:
    from csm_roles._currency import currency_codes

    codes = currency_codes()
    assert {"USD", "EUR", "GBP", "CHF", "INR", "SGD", "CAD", "JPY", "XOF"} <= set(codes)
    assert not {"XAU", "XTS", "XXX", "HRK", "BOV"} & set(codes)  # metals, tests, withdrawn, funds
    for code in codes:
        assert re.fullmatch(r"[A-Z]{3}", code)
        assert csm_roles._currency.currency_code(code.lower()) == code
    jd = csm_roles.generate_jd("smb", pay=(6_000_000, 7_000_000), currency="jpy", location="Tokyo, Japan")
    assert jd.to_jsonld()["baseSalary"]["currency"] == "JPY"
