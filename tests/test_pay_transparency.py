"""Pay-transparency laws: the table, the look-up, the generator's check, and `csm-roles law`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import csm_roles
from conftest import run_cli
from csm_roles._law import Jurisdiction

RULES = csm_roles.transparency_rules()
DAY = dt.date(2026, 11, 22)
#: Every field a posting can take from a company profile, so that only what a test drops is missing.
FULL_PROFILE: dict[str, Any] = {
    "name": "Quillfeather",
    "benefits": ["Health cover", "Four weeks of paid leave"],
    "other_compensation": "A yearly bonus of up to 8% of base.",
    "how_to_apply": "Apply at quillfeather.example/jobs.",
    "application_deadline": "2027-01-31",
    "employees": 500,
}
#: The profile field (or argument) that supplies each element a law can ask for.
SUPPLIED_BY = {
    "benefits": "benefits",
    "other-compensation": "other_compensation",
    "how-to-apply": "how_to_apply",
    "deadline": "application_deadline",
}


def _place(jurisdiction: Jurisdiction) -> str:
    place = jurisdiction.place
    if jurisdiction.countries:
        return "Warsaw, Poland"
    if place.locality:
        return f"{place.locality}, {place.region}"
    if place.region:
        return f"Testville, {place.region}"
    return f"Testville, {place.country}"


IN_FORCE = [j for j in RULES.jurisdictions if j.status == "in-force" and j.requirements and j.kind != "union"]


# -- the table ---------------------------------------------------------------------------------


def test_every_law_has_a_primary_or_marked_source() -> None:
    for jurisdiction in RULES.jurisdictions:
        assert jurisdiction.sources, jurisdiction.key
        for requirement in jurisdiction.requirements:
            source = jurisdiction.source_of(requirement)
            if requirement.confirmed:  # a fact read in primary text rests on a primary text
                assert source.kind != "secondary", (jurisdiction.key, requirement.element)
            assert requirement.detail.strip(), (jurisdiction.key, requirement.element)
        for source in jurisdiction.sources:
            assert source.checked <= RULES.as_of
            assert source.url.startswith(("https://", "http://"))


def test_unconfirmed_laws_never_apply() -> None:
    for jurisdiction in RULES.jurisdictions:
        if jurisdiction.status != "unconfirmed":
            continue
        answer = csm_roles.pay_transparency(_place(jurisdiction), employees=10_000, on=DAY)
        statuses = {r.jurisdiction: r.status for r in answer.rulings}
        assert statuses[jurisdiction.key] != "applies", jurisdiction.key


def test_the_table_names_its_date_and_is_not_advice() -> None:
    assert RULES.as_of == dt.date(2026, 11, 22)
    assert "not legal advice" in RULES.disclaimer


# -- per jurisdiction: place, size, date, remote -----------------------------------------------


@pytest.mark.parametrize("jurisdiction", IN_FORCE, ids=lambda j: j.key)
def test_each_law_applies_in_its_place_above_its_threshold_after_its_date(
    jurisdiction: Any,
) -> None:
    place = _place(jurisdiction)
    starts = [r.from_ for r in jurisdiction.requirements if r.from_ is not None]
    after = max([*starts, DAY])
    big = max(jurisdiction.employers.min_employees or 1, 1) + 10
    answer = csm_roles.pay_transparency(place, employees=big, on=after)
    ruling = next(r for r in answer.rulings if r.jurisdiction == jurisdiction.key)
    expected = "applies" if jurisdiction.employers.min_employees is not None else "may-apply"
    assert ruling.status == expected, ruling.reasons
    assert {r.element for r in ruling.requirements} == {r.element for r in jurisdiction.requirements}
    for requirement in ruling.requirements:
        assert requirement.source.citation and requirement.source.url
    # before its first date, nothing of it is in force
    if starts:
        before = min(starts) - dt.timedelta(days=1)
        early = csm_roles.pay_transparency(place, employees=big, on=before)
        early_ruling = next(r for r in early.rulings if r.jurisdiction == jurisdiction.key)
        assert all(r.in_force_from is None or r.in_force_from <= before for r in early_ruling.requirements)
        assert early_ruling.upcoming
    # below its threshold it does not apply
    threshold = jurisdiction.employers.min_employees
    if threshold is not None and threshold > 1:
        small = csm_roles.pay_transparency(place, employees=threshold - 1, on=after)
        assert next(r for r in small.rulings if r.jurisdiction == jurisdiction.key).status == "does-not-apply"
        unknown = csm_roles.pay_transparency(place, on=after)
        assert next(r for r in unknown.rulings if r.jurisdiction == jurisdiction.key).status == "may-apply"


def test_a_remote_us_posting_gets_every_law_that_reaches_remote_roles() -> None:
    answer = csm_roles.pay_transparency("Remote (US)", employees=500, on=DAY)
    found = {r.jurisdiction: r.status for r in answer.rulings}
    for jurisdiction in RULES.jurisdictions:
        if jurisdiction.place.country != "US":
            assert jurisdiction.key not in found
        elif jurisdiction.remote.reach == "yes" and jurisdiction.status == "in-force":
            assert found[jurisdiction.key] in ("applies", "may-apply", "not-yet"), jurisdiction.key
        elif jurisdiction.remote.reach == "no":
            assert jurisdiction.key not in found
        elif jurisdiction.remote.reach == "employer":  # it follows where the employer is
            assert found[jurisdiction.key] in ("may-apply", "not-yet", "does-not-apply"), jurisdiction.key
    assert found["us-co"] == "applies" and found["us-md"] == "applies"
    # Connecticut covers employers located there, not remote roles a resident could fill
    (connecticut,) = [r for r in answer.rulings if r.jurisdiction == "us-ct"]
    assert connecticut.status == "may-apply" and "employer is located there" in connecticut.reasons[0]
    assert [r.jurisdiction for r in csm_roles.pay_transparency("Hartford, CT", on=DAY).applies] == ["us-ct"]
    one_state = csm_roles.pay_transparency("Remote - Colorado", employees=500, on=DAY)
    assert [r.jurisdiction for r in one_state.rulings] == ["us-co"]  # only Coloradans can fill it
    assert csm_roles.pay_transparency("Denver, CO", remote=True, on=DAY).remote


def test_a_city_law_comes_with_its_state_law() -> None:
    answer = csm_roles.pay_transparency("Brooklyn, NY", employees=50, on=DAY)
    assert [r.jurisdiction for r in answer.applies] == ["us-nyc", "us-ny"]
    upstate = csm_roles.pay_transparency("Albany, NY", employees=50, on=DAY)
    assert [r.jurisdiction for r in upstate.applies] == ["us-ny"]


def test_a_place_with_no_rule_says_so_with_the_date() -> None:
    answer = csm_roles.pay_transparency("Austin, TX", on=DAY)
    assert answer.rulings == ()
    assert "No pay-transparency rule on record for" in answer.summary
    assert str(RULES.as_of) in answer.summary
    assert "not a finding that a posting complies" in answer.summary
    assert "No pay-transparency rule" in answer.render("text")


def test_a_law_with_no_posting_duty_says_what_it_asks_instead() -> None:
    ruling = csm_roles.pay_transparency("Hartford, CT", on=DAY).rulings[0]
    assert ruling.requirements == () and ruling.outside_posting
    assert "Outside the posting" in csm_roles.pay_transparency("Hartford, CT", on=DAY).render("text")


def test_the_eu_directive_may_apply_but_binds_member_states() -> None:
    ruling = csm_roles.pay_transparency("Berlin, Germany", on=DAY).rulings[0]
    assert ruling.jurisdiction == "eu" and ruling.status == "may-apply"
    assert any("member states" in reason for reason in ruling.reasons)
    assert csm_roles.pay_transparency("London, United Kingdom", on=DAY).rulings == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"employees": -1}, "employees must be a whole number"),
        ({"employees": True}, "employees must be a whole number"),
        ({"on": "yesterday"}, "on must be a date"),
    ],
)
def test_bad_arguments_are_clear_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(csm_roles.InvalidInputError, match=message):
        csm_roles.pay_transparency("Denver, CO", **kwargs)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_location_text_gives_an_answer_or_our_error(text: str) -> None:
    try:
        answer = csm_roles.pay_transparency(text, on=DAY)
    except csm_roles.InvalidInputError:
        return
    assert answer.summary
    json.loads(answer.to_json())


# -- the generator -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "jurisdiction", [j for j in IN_FORCE if j.place.country == "US"], ids=lambda j: j.key
)
def test_a_full_profile_gives_a_posting_that_meets_the_law(jurisdiction: Any) -> None:
    place = _place(jurisdiction)
    jd = csm_roles.generate_jd(
        "mid-market", "mid", location=place, company=FULL_PROFILE, pay=(90_000, 110_000)
    )
    text = jd.render("text")
    for element in {r.element for r in jurisdiction.requirements}:
        if element in ("benefits",):
            assert "Four weeks of paid leave" in text
        if element == "other-compensation":
            assert "A yearly bonus of up to 8% of base." in text
        if element == "how-to-apply":
            assert "quillfeather.example/jobs" in text
        if element == "deadline":
            assert "January 31, 2027" in text
        if element in ("pay", "good-faith"):
            assert "$90,000–$110,000" in text
    if any(r.element == "good-faith" for r in jurisdiction.requirements):
        assert "good-faith estimate" in text
    assert jd.to_jsonld()["baseSalary"]["value"]["minValue"] == 90_000  # the same pay for job boards


@pytest.mark.parametrize(
    ("element", "field"), sorted(SUPPLIED_BY.items()), ids=[e for e, _ in sorted(SUPPLIED_BY.items())]
)
def test_a_missing_element_names_the_law_and_the_field(element: str, field: str) -> None:
    company = {k: v for k, v in FULL_PROFILE.items() if k != field}
    with pytest.raises(csm_roles.PayTransparencyError) as caught:
        csm_roles.generate_jd(
            "mid-market", "mid", location="Denver, CO", company=company, pay=(90_000, 110_000)
        )
    message = str(caught.value)
    assert ("Colorado (" in message and f"`{field}`" in message) or "closing date" in message
    assert [p[0] for p in caught.value.problems] == [element]
    draft = csm_roles.generate_jd(
        "mid-market", "mid", location="Denver, CO", company=company, pay=(90_000, 110_000), draft=True
    )
    assert any(w.startswith("Draft: Colorado") for w in draft.warnings)


def test_a_reference_band_is_not_the_employers_range() -> None:
    with pytest.raises(csm_roles.PayTransparencyError, match="reference band is not the employer's range"):
        csm_roles.generate_jd("mid-market", "mid", location="Denver, CO", company=FULL_PROFILE)


def test_a_law_that_may_apply_only_warns() -> None:
    jd = csm_roles.generate_jd("mid-market", "mid", location="Seattle, WA", company={"name": "Q"})
    assert any("Washington" in w and "may require" in w for w in jd.warnings)
    small = csm_roles.generate_jd(
        "mid-market", "mid", location="Seattle, WA", company={"name": "Q"}, employees=5
    )
    assert not any("Washington" in w for w in small.warnings)
    with pytest.raises(csm_roles.PayTransparencyError, match="Washington"):
        csm_roles.generate_jd(
            "mid-market", "mid", location="Seattle, WA", company={"name": "Q"}, employees=50
        )


def test_the_profile_headcount_settles_the_threshold() -> None:
    with pytest.raises(csm_roles.PayTransparencyError, match="Washington"):
        csm_roles.generate_jd(
            "mid-market", "mid", location="Seattle, WA", company={"name": "Q", "employees": 50}
        )


def test_the_example_profile_publishes_in_denver() -> None:
    company = csm_roles.load_company("docs/examples/company.yaml")
    jd = csm_roles.generate_jd("mid-market", company=company, date_posted=DAY)
    assert jd.warnings == ()
    assert "good-faith estimate" in jd.render("markdown")


# -- the command line --------------------------------------------------------------------------


def test_law_command_answers_with_sources() -> None:
    result = run_cli("law", "Denver, CO", "--date", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert "Applies: Colorado" in result.stdout
    assert "C.R.S. § 8-5-201" in result.stdout and "https://" in result.stdout
    assert "not legal advice" in result.stdout
    as_json = json.loads(run_cli("law", "New York, NY", "--employees", "50", "--json").stdout)
    assert [r["jurisdiction"] for r in as_json["rulings"] if r["status"] == "applies"] == ["us-nyc", "us-ny"]
    remote = run_cli("law", "Remote (US)", "--remote", "--date", "2026-11-22")
    assert "Maryland" in remote.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("law", "Paris"), "cannot tell where 'Paris' is"),
        (("law", "Denver, CO", "--employees", "many"), "expected a whole number of employees"),
        (("law", "Denver, CO", "--date", "2026-02-30"), "on must be a date"),
    ],
)
def test_law_command_bad_input_is_usage_error(args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_jd_command_fails_with_the_law_and_offers_a_draft() -> None:
    strict = run_cli("jd", "--segment", "smb", "--location", "Denver, CO", "--pay", "60k-70k")
    assert strict.returncode == 1 and "Colorado" in strict.stderr and "--draft" in strict.stderr
    draft = run_cli("jd", "--segment", "smb", "--location", "Denver, CO", "--pay", "60k-70k", "--draft")
    assert draft.returncode == 0 and "csm-roles: note: Draft: Colorado" in draft.stderr


# -- the linter --------------------------------------------------------------------------------

#: A posting that states every element a law can ask for, one per block, so a test can drop one.
BLOCKS = {
    "pay": "Pay: $90,000-$110,000 a year base salary.",
    "benefits": "Benefits: health, dental and vision insurance, and 20 days of paid time off.",
    "other-compensation": "Bonus: up to 10% of base, paid yearly.",
    "deadline": "Applications close on January 31, 2027.",
    "how-to-apply": "How to apply: send your resume to jobs@quillfeather.example.",
}
LAW_RULES = ["pay-transparency", "pay-transparency-may-apply"]


def _posting(without: str | None = None) -> str:
    lines = ["# Customer Success Manager", "", "Own a book of 40 mid-market accounts.", ""]
    return "\n\n".join([*lines, *(text for element, text in BLOCKS.items() if element != without)])


def _law_findings(text: str, place: str, **kwargs: Any) -> list[csm_roles.Finding]:
    return list(csm_roles.lint_jd(text, location=place, employees=500, on=DAY, rules=LAW_RULES, **kwargs))


@pytest.mark.parametrize(
    "jurisdiction", [j for j in IN_FORCE if j.place.country == "US"], ids=lambda j: j.key
)
def test_lint_a_complete_posting_meets_each_law_and_each_gap_is_named(jurisdiction: Any) -> None:
    place = _place(jurisdiction)
    assert _law_findings(_posting(), place) == []
    required = {r.element for r in jurisdiction.requirements if r.from_ is None or r.from_ <= DAY}
    for element in BLOCKS:
        findings = [
            f
            for f in _law_findings(_posting(without=element), place)
            if f.message.startswith(f"{jurisdiction.name} (")
        ]
        if element in required:
            assert findings, (jurisdiction.key, element)
            expected = (
                "pay-transparency" if jurisdiction.employers.min_employees else "pay-transparency-may-apply"
            )
            assert {f.rule for f in findings} == {expected}
            assert all("Source: http" in f.message for f in findings)
        else:
            assert not findings, (jurisdiction.key, element, findings[0].message)


def test_lint_open_ended_and_single_figures_where_a_closed_range_is_required() -> None:
    up_to = _posting().replace("$90,000-$110,000", "up to $110,000")
    findings = _law_findings(up_to, "New York, NY")
    assert [f.match for f in findings if f.message.startswith("New York City")] == ["$110,000 a year"]
    assert "open-ended" in findings[0].message
    single = _posting().replace("$90,000-$110,000", "$100,000")
    assert any("minimum and a maximum" in f.message for f in _law_findings(single, "New York, NY"))
    state = [f for f in _law_findings(single, "New York, NY") if f.message.startswith("New York State")]
    assert state == []  # the state law takes one figure
    # Colorado's stance on open-ended ranges is reported, not confirmed: a warning, never an error
    colorado = _law_findings(up_to, "Denver, CO")
    assert [f.rule for f in colorado] == ["pay-transparency-may-apply"]
    assert "not confirmed" in colorado[0].message and colorado[0].match == "$110,000 a year"


def test_lint_before_a_law_takes_effect_and_below_its_threshold() -> None:
    text = _posting(without="deadline")
    assert _law_findings(text, "Denver, CO")
    assert not csm_roles.lint_jd(text, location="Denver, CO", on="2023-06-01", rules=["pay-transparency"])
    no_pay = _posting(without="pay")
    small = csm_roles.lint_jd(no_pay, location="Seattle, WA", employees=5, on=DAY, rules=LAW_RULES)
    assert not small
    unknown = csm_roles.lint_jd(no_pay, location="Seattle, WA", on=DAY, rules=LAW_RULES)
    assert [f.rule for f in unknown] == ["pay-transparency-may-apply"]


def test_lint_reads_the_place_from_the_posting() -> None:
    text = _posting(without="benefits").replace("# Customer Success Manager", "# CSM\n\nLocation: Denver, CO")
    found = csm_roles.lint_jd(text, on=DAY, rules=LAW_RULES)
    assert [f.rule for f in found] == ["pay-transparency"] and "Denver, CO" in found[0].message
    assert csm_roles.lint_jd(_posting(without="benefits"), on=DAY, rules=LAW_RULES) == ()  # no place, no law
    vague = csm_roles.lint_jd(_posting(without="pay"), location="United States", on=DAY, rules=LAW_RULES)
    assert vague == ()  # which state is unknown: no finding per state


def test_lint_a_remote_posting_against_every_law_that_reaches_it() -> None:
    findings = _law_findings(_posting(without="benefits"), "Remote (US)")
    laws = {f.message.split(" (")[0] for f in findings if f.rule == "pay-transparency"}
    assert {"Colorado", "Maryland"} <= laws


@pytest.mark.parametrize(
    "jurisdiction", [j for j in IN_FORCE if j.place.country == "US"], ids=lambda j: j.key
)
def test_every_generated_posting_passes_the_lint_rules_of_its_place(jurisdiction: Any) -> None:
    place = _place(jurisdiction)
    for segment, level in (("smb", "entry"), ("enterprise", "senior")):
        jd = csm_roles.generate_jd(
            segment, level, location=place, company=FULL_PROFILE, pay=(90_000, 110_000)
        )
        for fmt in ("markdown", "text", "html"):
            findings = _law_findings(jd.render(fmt), place, title=jd.title)
            assert findings == [], (jurisdiction.key, fmt, findings[0].message)


def test_lint_command_with_a_location() -> None:
    import pathlib
    import tempfile

    path = pathlib.Path(tempfile.mkdtemp()) / "posting.md"
    path.write_text(_posting().replace("$90,000-$110,000", "up to $110,000"), encoding="utf-8")
    result = run_cli(
        "lint", str(path), "--location", "New York, NY", "--employees", "40", "--date", "2026-11-22"
    )
    assert result.returncode == 1
    assert 'error pay-transparency "$110,000 a year": New York City (' in result.stdout
    assert "https://" in result.stdout
    bad = run_cli("lint", str(path), "--location", "Paris")
    assert bad.returncode == 2 and "Paris" in bad.stderr


def test_a_range_wider_than_a_law_allows_is_flagged_as_the_laws_confidence_allows() -> None:
    """Found by a trial user: Ontario's reported $50,000 limit was recorded and never checked."""
    for jurisdiction in RULES.jurisdictions:
        for requirement in jurisdiction.requirements:
            assert requirement.max_width is None or requirement.element == "pay", jurisdiction.key
    common: dict[str, Any] = {
        "location": "Toronto, ON",
        "currency": "CAD",
        "employees": 40,
        "valid_through": DAY.replace(year=DAY.year + 1),
        "date_posted": DAY,
    }
    wide = csm_roles.generate_jd("mid-market", pay=(60_000, 130_000), **common)  # reported limit: a note
    assert any("at most 50,000 wide (this one spans 70,000)" in w for w in wide.warnings)
    narrow = csm_roles.generate_jd("mid-market", pay=(80_000, 120_000), **common)
    assert not any("wide (this one" in w for w in narrow.warnings)
    text = "Customer Success Manager\nSalary: CAD 60,000 - 130,000 a year\n"
    found = csm_roles.lint_jd(text, location="Toronto, ON", employees=40, on=DAY)
    (width,) = [f for f in found if "more than the 50,000" in f.message]
    assert width.rule == "pay-transparency-may-apply" and width.match.startswith("CAD 60,000")
    assert "a range at most 50,000 wide" in csm_roles.pay_transparency("Toronto, ON", on=DAY).render()


def test_one_answer_serves_every_posting_from_a_place_and_cannot_be_changed() -> None:
    first = csm_roles.pay_transparency("Denver, CO", employees=40, on=DAY)
    again = csm_roles.pay_transparency("Denver, CO", employees=40, on=DAY)
    assert first is again  # worked out once for the built-in table
    assert csm_roles.pay_transparency("Denver, CO", employees=5, on=DAY) is not first
    own = csm_roles.pay_transparency("Denver, CO", employees=40, on=DAY, rules=RULES)
    assert own == first and own is not first  # a table passed in is read afresh
    with pytest.raises(pydantic.ValidationError):
        first.rulings[0].requirements[0].detail = "changed"  # type: ignore[misc]
