"""Every figure of the guides' inventory is in the dataset, exactly as the guides state it.

The expected values here are typed from the guides (../shared/guides), row by row,
so a change to data/benchmarks.yaml that loses or alters a figure fails loudly.
"""

from __future__ import annotations

import pytest

import csm_roles

# (level, source, base, ote, bonus % of base) - every salary row of every guide
LEVEL_BANDS = [
    ("entry", "jd-template-2025", (65_000, 80_000), (75_000, 95_000), (10, 15)),
    ("mid", "jd-template-2025", (80_000, 100_000), (95_000, 125_000), (15, 20)),
    ("senior", "jd-template-2025", (100_000, 130_000), (125_000, 165_000), (20, 25)),
    ("entry", "augtal-2026", (60_000, 80_000), None, None),
    ("mid", "augtal-2026", (80_000, 120_000), None, None),
    ("senior", "augtal-2026", (120_000, 160_000), None, None),
]


@pytest.mark.parametrize(("level", "source", "base", "ote", "bonus"), LEVEL_BANDS)
def test_level_bands(level: str, source: str, base: tuple[int, int], ote: object, bonus: object) -> None:
    band = csm_roles.salary_band(level, source=source)
    assert band.base is not None
    assert (band.base.low, band.base.high) == base
    assert band.base.currency == "USD"
    assert band.base.period == "year"
    assert ((band.ote.low, band.ote.high) if band.ote else None) == ote
    assert ((band.bonus_pct.low, band.bonus_pct.high) if band.bonus_pct else None) == bonus
    assert band.source == source
    assert band.derived is False


def test_director_total_is_open_ended() -> None:
    band = csm_roles.salary_band("director")
    assert band.base is None
    assert band.total is not None
    assert (band.total.low, band.total.high, band.total.open_ended) == (160_000, 220_000, True)
    assert str(band.total) == "$160,000–$220,000+"
    assert band.source == "augtal-2026"


def test_augtal_bands_name_their_segment() -> None:
    pairs = {
        b.level: b.segment
        for b in csm_roles.default_benchmarks().data.pay.level_bands
        if b.source == "augtal-2026" and b.level != "director"
    }
    assert pairs == {"entry": "smb", "mid": "mid-market", "senior": "enterprise"}


def test_national_average_and_offer_examples() -> None:
    avg = csm_roles.national_average()
    assert (avg.base.low, avg.base.high, avg.source) == (75_000, 120_000, "jd-template-2025")
    offers = {
        o.source: (o.base.low, o.base.high) for o in csm_roles.default_benchmarks().data.pay.offer_examples
    }
    assert offers == {"jd-template-2025": (75_000, 95_000), "augtal-2026": (80_000, 120_000)}


# (metro, base low, base high, adjustment kind, adj low, adj high)
METROS = [
    ("sf-bay-area", 95_000, 125_000, "percent", 25, 30),
    ("nyc", 85_000, 115_000, "percent", 15, 20),
    ("seattle", 80_000, 110_000, "percent", 10, 15),
    ("austin", 75_000, 100_000, "percent", 5, 10),
    ("chicago", 75_000, 105_000, "percent", 5, 10),
    ("atlanta", 70_000, 95_000, "baseline", None, None),
    ("denver", 75_000, 100_000, "percent", 5, 10),
    ("remote", 70_000, 100_000, "location-adjusted", None, None),
]


@pytest.mark.parametrize(("key", "low", "high", "kind", "adj_low", "adj_high"), METROS)
def test_metro_rows(key: str, low: int, high: int, kind: str, adj_low: object, adj_high: object) -> None:
    metro = csm_roles.metro(key)
    assert (metro.base.low, metro.base.high) == (low, high)
    assert metro.adjustment.kind == kind
    assert (metro.adjustment.low, metro.adjustment.high) == (adj_low, adj_high)
    assert metro.source == "jd-template-2025"
    assert metro.note


def test_eight_metros() -> None:
    assert [m.key for m in csm_roles.metros()] == [row[0] for row in METROS]


MARKET = {
    "glassdoor-p25": ("Glassdoor", "p25", 109_941, "2026-03"),
    "glassdoor-average": ("Glassdoor", "average", 114_049, "2026-03"),
    "glassdoor-p75": ("Glassdoor", "p75", 191_496, "2026-03"),
    "payscale-average": ("PayScale", "average", 78_523, None),
}


def test_market_figures() -> None:
    got = {f.key: (f.publisher, f.statistic, f.amount, f.as_of) for f in csm_roles.market_pay()}
    assert got == MARKET
    assert all(f.source == "augtal-2026" for f in csm_roles.market_pay())


RELATED = {
    "customer-retention-manager": (87_139, ("Director of Customer Success",)),
    "cs-operations-manager": (77_587, None),
    "director-of-customer-success": (156_985, ("VP of Customer Success", "Chief Customer Officer")),
}


@pytest.mark.parametrize("key", RELATED)
def test_related_role_salaries(key: str) -> None:
    role = csm_roles.default_benchmarks().related_role(key)
    amount, reports = RELATED[key]
    assert role.average_salary.amount == amount
    assert role.source == "cs-career-section"
    assert role.team_role == "Management"
    if reports is not None:
        assert role.reports_to == reports
    else:
        assert len(role.reports_to) == 3


# (kpi, source, low, high) - every KPI target the guides give
KPI_TARGETS = [
    ("nrr", "jd-template-2025", 110, 130),
    ("nrr", "augtal-2026", 110, 120),
    ("grr", "jd-template-2025", 95, 98),
    ("csat", "jd-template-2025", 85, 95),
    ("ttv", "jd-template-2025", 30, 90),
    ("ttv", "jobdescription-org", 30, 60),
    ("product-adoption", "jd-template-2025", 70, 90),
    ("expansion-revenue", "jd-template-2025", 20, 30),
    ("expansion-revenue", "augtal-2026", 20, 20),
    ("expansion-revenue", "augtal-2026", 500_000, None),
    ("nps", "augtal-2026", 50, None),
    ("activation", "augtal-2026", 80, None),
    ("retention-rate", "augtal-2026", 90, 95),
    ("retention-rate", "jd-template-2025", 90, None),
    ("renewal-rate", "jd-template-2025", 95, None),
]


@pytest.mark.parametrize(("key", "source", "low", "high"), KPI_TARGETS)
def test_kpi_targets(key: str, source: str, low: float, high: float | None) -> None:
    targets = [(t.low, t.high) for t in csm_roles.kpi(key).targets if t.source == source]
    assert (low, high) in targets


def test_kpi_names_and_indicators() -> None:
    kpis = {k.key: k for k in csm_roles.kpis()}
    for key in (
        "nrr",
        "grr",
        "csat",
        "ttv",
        "product-adoption",
        "expansion-revenue",
        "nps",
        "ndr",
        "health-score",
        "retention-rate",
        "renewal-rate",
        "onboarding-completion",
        "qbr-completion",
        "activation",
    ):
        assert key in kpis
    assert kpis["grr"].indicator == "lagging"
    for leading in ("health-score", "onboarding-completion", "qbr-completion", "product-adoption"):
        assert kpis[leading].indicator == "leading"
    assert kpis["activation"].targets[0].window_days == 60
    assert kpis["ndr"].sources == ("userguiding-2024",)
    assert all(k.business_impact for k in kpis.values())


#: Guide 004 states its segment sizes in four places and disagrees with itself: three
#: places give 5-20 / 20-50 / 50-100+, its template's own line 10-20 (enterprise) and
#: 50-100 (SMB). Both are kept, each with a note.
PORTFOLIOS = {
    "smb": [
        ("augtal-2026", 50, 100, True),
        ("augtal-2026", 50, 100, False),
        ("jobdescription-org", 100, None, True),
    ],
    "mid-market": [("augtal-2026", 20, 50, False), ("jobdescription-org", 40, 80, False)],
    "enterprise": [
        ("augtal-2026", 5, 20, False),
        ("augtal-2026", 10, 20, False),
        ("jobdescription-org", 10, 25, False),
    ],
}


@pytest.mark.parametrize("segment", PORTFOLIOS)
def test_portfolio_ranges_per_source(segment: str) -> None:
    got = [(r.source, r.low, r.high, r.open_ended) for r in csm_roles.portfolio_sizes(segment)]
    assert got == PORTFOLIOS[segment]
    assert all(
        r.note
        for r in csm_roles.portfolio_sizes(segment)
        if r.source == "augtal-2026" and segment != "mid-market"
    )


def test_general_portfolios_and_acv_on_the_guide_that_pairs_it() -> None:
    data = csm_roles.default_benchmarks().data
    general = {(r.source, r.low, r.high) for r in data.portfolio_general}
    assert general == {("jd-template-2025", 50, 100), ("jobdescription-org", 30, 80)}
    acv = {
        (s.key, p.low, p.high): (p.acv.low, p.acv.high, p.acv.exclusive_low)
        for s in csm_roles.segments()
        for p in s.portfolio
        if p.acv is not None
    }
    # jobdescription-org ties its ACV bands to its own counts: >$100K with 10-25, $25K-$100K with 40-80
    assert acv == {
        ("enterprise", 10, 25): (100_000, None, True),
        ("mid-market", 40, 80): (25_000, 100_000, False),
    }
    # augtal-2026 calls enterprise high-touch and SMB "lighter-touch"; no guide names mid-market's
    assert {s.key: s.engagement_model for s in csm_roles.segments()} == {
        "smb": "low-touch",
        "mid-market": None,
        "enterprise": "high-touch",
    }


def test_experience_by_level() -> None:
    years = {
        lvl.key: {(r.source, r.low, r.high, r.basis) for r in lvl.experience} for lvl in csm_roles.levels()
    }
    assert years["entry"] == {("jd-template-2025", 0, 2, "stated")}
    assert years["mid"] == {("jd-template-2025", 3, 5, "stated"), ("cs-career-section", 1, None, "stated")}
    assert years["senior"] == {("jd-template-2025", 5, None, "stated")}
    for level in ("strategic", "team-lead", "manager", "director"):
        assert years[level] == {("jd-template-2025", 5, None, "reading")}
    # augtal-2026's "2-4 / 3-5 / 5+" are choices its template offers, tied to no level
    options = [(r.low, r.high) for r in csm_roles.default_benchmarks().data.experience_options]
    assert options == [(2, 4), (3, 5), (5, None)]
    # jobdescription-org's 2-5 years is for the role as a whole
    glance = csm_roles.default_benchmarks().data.role_at_a_glance
    assert glance is not None and (glance.experience.low, glance.experience.high) == (2, 5)
    assert (glance.ai_impact_label, glance.ai_impact_through) == ("Augmentation", 2030)


def test_interview_questions_red_flags_channels() -> None:
    assert len(csm_roles.interview_questions()) == 27
    assert len(csm_roles.interview_questions("technical")) == 12
    assert len(csm_roles.interview_questions("leadership")) == 6
    assert len(csm_roles.interview_questions("behavioral")) == 5
    assert len(csm_roles.interview_questions("culture")) == 4
    assert all(q.tip for q in csm_roles.interview_questions())
    assert len(csm_roles.red_flags()) == 6
    assert len(csm_roles.sourcing_channels()) == 4


def test_industries_and_compliance() -> None:
    industries = {i.key: i for i in csm_roles.industries()}
    assert list(industries) == [
        "healthcare",
        "financial-services",
        "manufacturing",
        "technology",
        "ecommerce",
        "education",
    ]
    names = {key: {c.name for c in ind.compliance} for key, ind in industries.items()}
    assert names["healthcare"] == {"HIPAA"}
    assert names["financial-services"] == {"SOX", "SOC 2"}
    assert names["education"] == {"Title IX"}
    assert all(ind.requirements and ind.focus_areas for ind in industries.values())


def test_market_stats() -> None:
    stats = {s.key: s for s in csm_roles.market_stats()}
    assert stats["csm-postings-growth"].value == 176.54
    assert stats["companies-with-cs"].value == 95
    assert stats["renewals-owned-by-cs"].value == 45
    assert stats["churn-top-priority"].value == 83
    assert (stats["acquisition-cost-multiple"].low, stats["acquisition-cost-multiple"].high) == (5, 25)
    assert (stats["profit-lift"].low, stats["profit-lift"].high) == (25, 95)
    assert stats["standard-above-arr"].value == 5_000_000


def test_levels_paths_and_reporting() -> None:
    keys = [lvl.key for lvl in csm_roles.levels()]
    assert keys == ["entry", "mid", "senior", "strategic", "team-lead", "manager", "director"]
    mid = csm_roles.level("mid")
    assert mid.reports_to[0].titles == (
        "Director of Customer Success",
        "VP of Customer Success",
        "Chief Customer Officer",
    )
    similar = {t.title for lvl in csm_roles.levels() for t in lvl.similar_titles}
    assert {
        "senior customer success manager",
        "associate customer success manager",
        "customer engagement manager",
    } <= similar
    lateral = {role for p in csm_roles.career_paths() if p.kind == "lateral" for role in p.to_roles}
    assert lateral == {"Sales", "Account Management", "Consulting", "Product Management"}


def test_pay_drivers_and_bonus_metrics() -> None:
    pay = csm_roles.default_benchmarks().data.pay
    assert len([d for d in pay.drivers if d.source == "jd-template-2025"]) == 5
    assert {m.kpi for m in pay.bonus_metrics if m.source == "jd-template-2025"} == {
        "nrr",
        "grr",
        "expansion-revenue",
        "csat",
    }
    assert {m.kpi for m in pay.bonus_metrics if m.source == "jobdescription-org"} == {
        "grr",
        "nrr",
        "expansion-revenue",
    }


def test_the_rest_of_the_inventory() -> None:
    bm = csm_roles.default_benchmarks()
    data = bm.data
    assert len(data.competencies) == 6
    assert len(data.qualifications.must_have) >= 8
    assert len(data.qualifications.nice_to_have) >= 5
    assert len(data.skills.technical) == 4
    assert len(data.skills.interpersonal) == 4
    assert len(data.skills.top_2026) == 5
    assert {t.name for t in data.tools} >= {"Salesforce", "Gainsight", "ChurnZero", "Totango", "HubSpot"}
    assert [c.key for c in data.work_contexts] == ["corporate", "startup", "remote-hybrid"]
    assert [v.key for v in data.technical_variants] == ["technical", "business"]
    assert len(data.jd_mistakes) == 5
    assert set(data.jd_mistakes[3].terms) == {"rockstar", "ninja", "wear many hats", "thrive in ambiguity"}
    assert [p.key for p in data.lifecycle_phases] == ["onboarding", "mid-term", "renewal"]
    assert data.lifecycle_phases[0].window is not None
    assert (data.lifecycle_phases[0].window.low, data.lifecycle_phases[0].window.high) == (30, 60)
    assert len(data.jd_sections) == 7
    assert len(data.traits) == 5
    assert data.role_at_a_glance is not None
    assert (data.role_at_a_glance.experience.low, data.role_at_a_glance.experience.high) == (2, 5)
    assert len(data.responsibilities) >= 10
    assert [s.id for s in bm.sources() if s.kind == "guide"] == [
        "jd-template-2025",
        "jobdescription-org",
        "userguiding-2024",
        "cs-career-section",
        "augtal-2026",
    ]
    assert [s.id for s in bm.sources() if s.kind == "library"] == ["csm-roles"]
