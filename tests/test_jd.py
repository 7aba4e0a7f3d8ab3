"""generate_jd: tailoring on every axis, inputs and their errors, determinism, threads."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import csm_roles
from conftest import run_cli, run_together
from jd_checks import check

DAY = dt.date(2026, 11, 1)


def jd(segment: str = "mid-market", level: str = "mid", **kwargs: object) -> csm_roles.JobDescription:
    kwargs.setdefault("draft", True)  # the place's pay-transparency laws: tests/test_pay_transparency.py
    return csm_roles.generate_jd(segment, level, date_posted=DAY, **kwargs)  # type: ignore[arg-type]


def test_enterprise_and_smb_differ_in_portfolio_cadence_and_emphasis() -> None:
    ent, smb = jd("enterprise"), jd("smb")
    ent_text, smb_text = str(ent), str(smb)
    assert ent.portfolio.label == "5–20"
    assert smb.portfolio.label == "50–100+"
    assert "5–20 enterprise accounts" in ent_text
    assert "50–100+ SMB accounts" in smb_text
    assert "weekly or monthly" in ent_text
    assert "executive sponsor programs" in ent_text
    assert "success plans written for each account" in ent_text
    assert "automated health monitoring" in smb_text
    assert "webinars run for many customers at once" in smb_text
    assert "executive sponsor" not in smb_text
    assert "Build relationships with executives at C and VP level" in ent_text
    assert "Build relationships with executives at C and VP level" not in smb_text
    assert ent.portfolio.engagement_model == "high-touch"
    assert smb.portfolio.engagement_model == "low-touch"
    assert {m.kpi for m in ent.success_metrics} != {m.kpi for m in smb.success_metrics}


def test_acv_is_stated_only_with_the_count_its_guide_pairs_it_with() -> None:
    """jobdescription-org ties $25K-$100K ACV to 40-80 accounts; the posting uses augtal-2026's 20-50."""
    text = str(jd("mid-market"))
    assert "every quarter" in text
    assert "20–50 mid-market accounts" in text
    assert "$25,000" not in text and "contract value" not in text
    assert jd("mid-market").portfolio.source == "augtal-2026"


def test_healthcare_mentions_its_compliance() -> None:
    text = str(jd(industry="healthcare"))
    assert "HIPAA" in text
    assert "clinical workflows" in text
    assert "patient outcomes" in text
    assert "SOX" in str(jd(industry="finance"))
    assert "SOC 2" in str(jd(industry="fintech"))
    assert "Title IX" in str(jd(industry="edtech"))


def test_technical_mentions_apis_and_business_does_not() -> None:
    technical, business = str(jd(technical=True)), str(jd(technical=False))
    assert "API integrations" in technical
    assert "SQL" in technical
    assert "Business acumen" in business
    assert "SQL" not in business


def test_senior_differs_from_entry_in_experience_and_pay() -> None:
    senior, entry = jd(level="senior"), jd(level="entry")
    assert senior.experience is not None and entry.experience is not None
    assert senior.experience.low > entry.experience.low
    assert entry.compensation.base is not None and senior.compensation.base is not None
    assert entry.compensation.base.high is not None
    assert senior.compensation.base.low >= entry.compensation.base.high
    assert "5+ years" in str(senior)
    assert "0–2 years" in str(entry)  # jd-template-2025's entry level, not augtal-2026's unlabelled 2-4
    assert senior.title.startswith("Senior ")
    assert "Coach newer CSMs" in str(senior)
    assert "Coach newer CSMs" not in str(entry)


def test_manager_and_director_lead_teams_and_hold_no_book() -> None:
    manager = str(jd(level="manager", pay=(120_000, 150_000)))
    director = str(jd(level="director"))
    assert "Hire CSMs and coach each of them" in manager
    assert "strategy, headcount plan and playbooks" in director
    assert "Lead other members of the CS team" in manager
    assert "Lead other members of the CS team" not in str(jd(level="mid"))
    for text in (manager, director):
        assert "Own a book" not in text
        assert "lead CSMs who each own a book of 20–50 mid-market accounts" in text


def test_a_level_without_a_band_needs_the_companys_pay() -> None:
    with pytest.raises(csm_roles.NoFigureError, match=r"pass pay=\(low, high\)") as caught:
        jd(level="strategic")
    assert "does not make one up" in str(caught.value)
    strategic = jd(level="strategic", pay=(130_000, 160_000))
    assert str(strategic.compensation.base) == "$130,000–$160,000"


def test_director_pay_is_total_compensation() -> None:
    director = jd(level="director")
    assert director.compensation.base is None
    assert str(director.compensation.total) == "$160,000–$220,000+"
    assert "Total pay: $160,000–$220,000+ a year, base and variable pay together." in str(director)


def test_metro_pay_is_derived_and_says_where() -> None:
    sf = jd(level="senior", metro="SF")
    assert sf.compensation.derived
    assert sf.compensation.base == csm_roles.salary_band("senior", metro="SF").base
    assert "The range is set for San Francisco, CA." in str(sf)
    remote = jd(level="senior", metro="remote")
    assert remote.location.work_model == "remote"
    assert remote.compensation.derived
    assert remote.compensation.base == csm_roles.salary_band("senior", metro="remote").base
    assert "jd-template-2025" not in remote.render("markdown")  # sources are for the recruiter
    assert "published CSM hiring guides" in remote.render("markdown", sources=True)


def test_work_model_changes_requirements_and_location() -> None:
    remote, onsite = jd(work_model="remote"), jd(work_model="onsite", metro="Chicago")
    assert "over video" in str(remote)
    assert "over video" not in str(onsite)
    assert remote.location.label == "Remote (United States)"
    assert "fully remote role, open to candidates who live in the United States" in str(remote)
    assert onsite.location.label == "On-site, Chicago, IL"
    hybrid = jd(location="Hybrid - Denver, CO (3 days in office)")
    assert "hybrid role based in Denver, CO, with 3 days a week in the office" in str(hybrid)
    with pytest.raises(csm_roles.InvalidInputError, match="remote job"):
        jd(metro="remote", work_model="onsite")
    with pytest.raises(csm_roles.InvalidInputError, match="location= or metro="):
        jd(metro="SF", location="Boston, MA")


def test_context_changes_the_role() -> None:
    startup, corporate = str(jd(context="startup")), str(jd(context="corporate"))
    assert "broad range of work" in startup
    assert "scaled customer success processes at a fast-growing startup" in startup
    assert "formal business reviews" in corporate
    assert startup != corporate


def test_company_fields_are_used_and_nothing_is_made_up_otherwise() -> None:
    company = csm_roles.Company(
        name="Northwind",
        about="Northwind makes tools for warehouses.",
        culture="We write things down.",
        benefits=("Four weeks of leave", "Health cover"),
        how_to_apply="Email jobs@northwind.example.",
    )
    text = str(jd(company=company))
    for part in (
        "Northwind is hiring",
        "tools for warehouses",
        "We write things down",
        "Four weeks of leave",
        "jobs@northwind.example",
        "About Northwind",
    ):
        assert part in text
    bare = jd()
    neutral = str(bare)
    assert "We are hiring" in neutral
    for absent in ("About us", "What we offer", "How to apply", "set out with the offer", "["):
        assert absent not in neutral
    assert any("company name" in w for w in bare.warnings)
    same = str(
        jd(
            company={
                "name": "Northwind",
                "about": "Northwind makes tools for warehouses.",
                "culture": "We write things down.",
                "benefits": ["Four weeks of leave", "Health cover"],
                "how_to_apply": "Email jobs@northwind.example.",
            }
        )
    )
    assert same == text
    assert "Northwind is hiring" in str(jd(company="Northwind"))


def test_bad_company_is_a_clear_error() -> None:
    with pytest.raises(csm_roles.InvalidInputError, match="a company has the keys name, about"):
        jd(company={"nmae": "typo"})
    with pytest.raises(csm_roles.InvalidInputError):
        jd(company={"url": "not a url"})
    with pytest.raises(TypeError, match="company must be a Company, a dict or a name"):
        jd(company=42)


def test_company_pay_overrides_and_is_validated() -> None:
    own = jd(pay=(90_000, 105_000), company="Northwind")
    assert str(own.compensation.base) == "$90,000–$105,000"
    assert own.compensation.set_by_company
    assert own.compensation.basis == "Pay range set by Northwind."
    assert jd(pay={"low": 90_000, "high": 105_000}).compensation.range.low == 90_000
    for bad in ((105_000, 90_000), (-1, 5), (0, 10), (1,), "90k", None.__class__, (1, 10**400)):
        with pytest.raises(csm_roles.InvalidInputError):
            jd(pay=bad)
    with pytest.raises(TypeError, match="a salary must be a number"):
        jd(pay=("a", "b"))


def test_unknown_values_raise_did_you_mean() -> None:
    for kwargs, suggestion in (
        ({"segment": "enterprize"}, "enterprise"),
        ({"level": "seniour"}, "senior"),
        ({"industry": "helthcare"}, "healthcare"),
        ({"metro": "Seatle"}, "seattle"),
        ({"work_model": "hybird"}, "hybrid"),
        ({"context": "statup"}, "startup"),
    ):
        args = {"segment": "smb", **kwargs}
        with pytest.raises(csm_roles.UnknownKeyError) as caught:
            csm_roles.generate_jd(date_posted=DAY, **args)  # type: ignore[arg-type]
        assert caught.value.suggestion == suggestion


def test_dates() -> None:
    assert jd().date_posted == DAY
    assert csm_roles.generate_jd("smb", date_posted="2026-01-02").date_posted == dt.date(2026, 1, 2)
    assert csm_roles.generate_jd("smb").date_posted == dt.date.today()
    with pytest.raises(csm_roles.InvalidInputError):
        csm_roles.generate_jd("smb", date_posted="yesterday")
    with pytest.raises(csm_roles.InvalidInputError, match="before"):
        jd(valid_through="2026-10-01")


def test_identical_inputs_give_identical_bytes() -> None:
    args: dict[str, Any] = {
        "industry": "education",
        "metro": "austin",
        "work_model": "hybrid",
        "context": "startup",
        "technical": True,
        "company": {"name": "Acme"},
    }
    for fmt in ("markdown", "html", "text"):
        assert jd("enterprise", "senior", **args).render(fmt) == jd("enterprise", "senior", **args).render(
            fmt
        )
    assert jd(**args).to_jsonld() == jd(**args).to_jsonld()


def test_structured_fields_and_json() -> None:
    job = jd("enterprise", "senior")
    assert job.responsibilities and job.requirements and job.nice_to_haves
    assert {s.id for s in job.sources} >= {"augtal-2026"}
    again = csm_roles.JobDescription.model_validate_json(job.to_json())
    assert again == job
    assert str(job) == job.render("markdown")
    with pytest.raises(ValueError, match="frozen"):
        job.title = "x"  # type: ignore[misc]


def test_must_hold_properties_on_a_sample() -> None:
    unbanded = {"strategic", "team-lead", "manager"}
    for segment in ("smb", "mid-market", "enterprise"):
        for level in (lvl.key for lvl in csm_roles.levels()):
            job = jd(segment, level, pay=(110_000, 150_000) if level in unbanded else None)
            for fmt in ("markdown", "html", "text"):
                check(job, job.render(fmt))


def test_threads_generating_at_once_get_identical_results() -> None:
    expected = jd("enterprise", "senior", metro="NYC").render("html")
    results: list[str] = []

    def work() -> None:
        for _ in range(20):
            results.append(jd("enterprise", "senior", metro="NYC").render("html"))

    run_together(work)
    assert len(results) == 160
    assert set(results) == {expected}


def test_custom_benchmarks_are_used(tmp_path: object) -> None:
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "data" / "benchmarks.yaml"
    ours = Path(str(tmp_path)) / "ours.yaml"
    ours.write_text(
        source.read_text(encoding="utf-8").replace(
            "base: {low: 80000, high: 120000}", "base: {low: 85000, high: 125000}"
        ),
        encoding="utf-8",
    )
    bm = csm_roles.load_benchmarks(ours)
    assert str(jd(benchmarks=bm).compensation.base) == "$85,000–$125,000"
    with pytest.raises(TypeError, match=r"benchmarks must be a csm_roles\.Benchmarks"):
        jd(benchmarks="ours.yaml")


def test_interview_kit_is_tailored() -> None:
    enterprise = csm_roles.interview_kit("senior", segment="enterprise")
    smb = csm_roles.interview_kit("entry", segment="smb")
    assert len(enterprise.questions) == 17
    assert len(smb.questions) == 16  # an entry-level SMB hire is not asked about C-level business reviews
    assert "qbr-c-level" not in [q.key for q in smb.questions]
    assert enterprise.by_kind("technical")[0].key != smb.by_kind("technical")[0].key
    assert enterprise.by_kind("technical")[0].relevant
    assert "qbr-c-level" in [q.key for q in enterprise.by_kind("technical")[:4]]
    assert "onboarding-approach" in [q.key for q in smb.by_kind("technical")[:3]]
    industry = csm_roles.interview_kit("mid", industry="healthcare")
    assert industry.by_kind("behavioral")[0].key == "learn-fast"
    assert len(enterprise.red_flags) == 6
    assert len(enterprise.sourcing_channels) == 4
    for fmt in ("markdown", "html", "text"):
        text = enterprise.render(fmt)
        assert "3, strong:" in text and "Total: ____ out of 51" in text.replace("\\_", "_")
        assert "Red flags" in text
        assert "LinkedIn Recruiter" in text
    assert [q.kind for q in enterprise.questions] == sorted(
        (q.kind for q in enterprise.questions), key=["technical", "behavioral", "culture"].index
    )
    with pytest.raises(csm_roles.UnknownKeyError):
        csm_roles.interview_kit("mid", segment="big")


@pytest.mark.parametrize("deep", [False, True])
def test_a_changed_copy_renders_its_own_text(deep: bool) -> None:
    """Rendered documents are kept per record; a copy with other values must not reuse them."""
    import copy

    jd = csm_roles.generate_jd("enterprise", date_posted=dt.date(2026, 11, 1))
    first = jd.render("markdown")
    changed = jd.model_copy(update={"title": "Principal Customer Partner"}, deep=deep)
    assert changed.render("markdown").startswith("# Principal Customer Partner")
    assert "Principal Customer Partner" in changed.render("html")
    assert jd.render("markdown") == first  # the original keeps its own
    assert copy.copy(jd).render("markdown") == first
    assert copy.deepcopy(jd).render("text") == jd.render("text")


@pytest.mark.parametrize(
    ("text", "region", "zone"),
    [
        ("Hartford, CT", "CT", None),
        ("Bozeman, MT", "MT", None),
        ("Remote, CT time", None, "US Central time"),
        ("Remote (US, PT)", None, "US Pacific time"),
    ],
)
def test_a_state_code_after_a_comma_is_a_state_not_a_time_zone(
    text: str, region: str | None, zone: str | None
) -> None:
    place = csm_roles.parse_location(text)
    assert (place.region, place.time_zone) == (region, zone)


def test_a_remote_hybrid_context_keeps_a_remote_place_remote() -> None:
    """Found by hypothesis: the context's default work model overrode the remote metro."""
    remote = csm_roles.generate_jd("smb", metro="remote", context="remote-hybrid", draft=True)
    assert remote.location.work_model == "remote"
    denver = csm_roles.generate_jd("smb", location="Denver, CO", context="remote-hybrid", draft=True)
    assert denver.location.work_model == "hybrid"
    with pytest.raises(csm_roles.InvalidInputError, match="context 'remote-hybrid'"):
        csm_roles.generate_jd("smb", location="Denver, CO", work_model="onsite", context="remote-hybrid")


def test_a_place_without_its_country_gets_examples_that_fit_any_place() -> None:
    """Found by a trial user: "Paris" was told to write 'Paris, MA'."""
    with pytest.raises(csm_roles.InvalidInputError) as caught:
        csm_roles.parse_location("Paris")
    message = str(caught.value)
    assert "cannot tell where 'Paris' is" in message and "'Lyon, France'" in message
    assert "Paris, MA" not in message
    assert run_cli("salary", "entry", "--metro", "remote").stdout.startswith("Entry-level CSM, remote\n")


def test_a_derived_place_band_says_how_it_was_made_where_the_recruiter_reads() -> None:
    """Found by a trial user: Seattle's band sat below the national one, and nothing said why."""
    jd = csm_roles.generate_jd("smb", location="Seattle, WA", draft=True)
    assert jd.compensation.derived
    recruiter = jd.render("markdown", sources=True)
    assert "derived, not published: each end times 0.974" in recruiter
    assert "derived, not published" not in jd.render("markdown")  # the candidate sees the range only
    metros = run_cli("metros").stdout
    assert "measured against the metro marked baseline" in metros
