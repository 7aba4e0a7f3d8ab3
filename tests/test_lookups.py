"""Look-ups: aliases, errors with suggestions, the salary policy, metros and offers."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

import csm_roles
from conftest import run_together


@pytest.mark.parametrize(
    ("lookup", "spelling", "key"),
    [
        (csm_roles.segment, "Mid-Market", "mid-market"),
        (csm_roles.segment, "mid market", "mid-market"),
        (csm_roles.segment, "MM", "mid-market"),
        (csm_roles.segment, "ENTERPRISE", "enterprise"),
        (csm_roles.level, "Senior CSM", "senior"),
        (csm_roles.level, "sr. csm", "senior"),
        (csm_roles.level, "Associate", "entry"),
        (csm_roles.metro, "SF", "sf-bay-area"),
        (csm_roles.metro, "Bay Area", "sf-bay-area"),
        (csm_roles.metro, "NYC", "nyc"),
        (csm_roles.metro, "New York", "nyc"),
        (csm_roles.kpi, "NRR", "nrr"),
        (csm_roles.kpi, "Net Revenue Retention", "nrr"),
        (csm_roles.industry, "fintech", "financial-services"),
        (csm_roles.industry, "Health Care", "healthcare"),
        (csm_roles.work_context, "start-up", "startup"),
    ],
)
def test_aliases_resolve(lookup: object, spelling: str, key: str) -> None:
    assert lookup(spelling).key == key  # type: ignore[operator]


def test_unknown_key_error_is_lookup_error_with_suggestion() -> None:
    with pytest.raises(LookupError) as caught:
        csm_roles.segment("enterprize")
    err = caught.value
    assert isinstance(err, csm_roles.UnknownKeyError)
    assert isinstance(err, csm_roles.CsmRolesError)
    assert err.key == "enterprize"
    assert err.kind == "segment"
    assert err.choices == ("smb", "mid-market", "enterprise")
    assert err.suggestion == "enterprise"
    assert "did you mean 'enterprise'?" in str(err)
    assert "smb, mid-market, enterprise" in str(err)


def test_suggestion_from_an_alias_names_the_key() -> None:
    with pytest.raises(csm_roles.UnknownKeyError) as caught:
        csm_roles.metro("bay aera")
    assert caught.value.suggestion == "sf-bay-area"


def test_no_suggestion_for_nonsense() -> None:
    with pytest.raises(csm_roles.UnknownKeyError) as caught:
        csm_roles.level("xyzzy-qwerty")
    assert caught.value.suggestion is None
    assert "did you mean" not in str(caught.value)


def test_errors_pickle() -> None:
    err = csm_roles.UnknownKeyError("level", "sneior", ("senior",))
    again = pickle.loads(pickle.dumps(err))
    assert (again.key, again.suggestion) == ("sneior", "senior")
    data_err = csm_roles.DataFileError("f.yaml", "bad", line=3, column=4, field="levels.0")
    again2 = pickle.loads(pickle.dumps(data_err))
    assert str(again2) == str(data_err)


def test_default_source_policy_prefers_the_newest_guide() -> None:
    assert csm_roles.salary_band("entry").source == "augtal-2026"
    assert csm_roles.salary_band("senior").source == "augtal-2026"
    assert csm_roles.salary_band("director").source == "augtal-2026"
    assert len(csm_roles.salary_bands("mid")) == 2


def test_unknown_source_and_missing_band() -> None:
    with pytest.raises(csm_roles.UnknownKeyError):
        csm_roles.salary_band("mid", source="glassdoor")
    with pytest.raises(csm_roles.NoFigureError, match="gives no pay band"):
        csm_roles.salary_band("director", source="jd-template-2025")
    with pytest.raises(csm_roles.NoFigureError, match="levels with bands"):
        csm_roles.salary_band("manager")


def test_metro_band_is_derived_with_formula_and_both_sources() -> None:
    band = csm_roles.salary_band("mid", metro="NYC", source="jd-template-2025")
    assert band.derived
    # x 200,000 / 195,000: 80,000 -> 82,051 and 100,000 -> 102,564, to the $1,000
    assert band.base is not None and (band.base.low, band.base.high) == (82_000, 103_000)
    assert band.formula and "each end times 1.026" in band.formula
    default = csm_roles.salary_band("mid", metro="NYC")
    assert default.sources == ("augtal-2026", "jd-template-2025")
    assert default.base is not None and (default.base.low, default.base.high) == (82_000, 123_000)


def test_atlanta_and_remote_have_ranges_of_their_own() -> None:
    """Guide 000 gives both a range; neither leaves the band as it is."""
    atlanta = csm_roles.salary_band("senior", metro="atlanta")
    remote = csm_roles.salary_band("senior", metro="remote")
    assert (str(atlanta.base), str(remote.base)) == ("$102,000–$135,000", "$105,000–$139,000")
    assert atlanta.derived and remote.derived
    assert remote.formula and "$70,000–$100,000" in remote.formula


def test_compare_offer_positions() -> None:
    below = csm_roles.compare_offer(70_000, "mid")
    assert below.position == "below"
    assert below.gap == 10_000
    assert below.distance == pytest.approx(10_000 / 40_000)
    within = csm_roles.compare_offer(100_000, "mid")
    assert within.position == "within" and within.fraction == pytest.approx(0.5) and within.distance == 0
    above = csm_roles.compare_offer(130_000, "mid")
    assert above.position == "above" and above.gap == 10_000
    assert "above" in above.summary


def test_compare_offer_rejects_bad_salaries() -> None:
    for bad in (-1, float("nan"), float("inf"), 10**400, Decimal("NaN"), Decimal("-5")):
        with pytest.raises(csm_roles.InvalidInputError):
            csm_roles.compare_offer(bad, "mid")
    for wrong in ("95000", True, None, [95000]):
        with pytest.raises(TypeError, match="a salary must be a number"):
            csm_roles.compare_offer(wrong, "mid")  # type: ignore[arg-type]
    assert csm_roles.compare_offer(Decimal("95000.5"), "mid").base == 95_001
    with pytest.raises(csm_roles.NoFigureError):
        csm_roles.compare_offer(180_000, "director")


def test_interview_question_kinds() -> None:
    assert len(csm_roles.interview_questions("Technical/Functional")) == 12
    assert len(csm_roles.interview_questions("behavioural")) == 5
    with pytest.raises(csm_roles.UnknownKeyError):
        csm_roles.interview_questions("trivia")


def test_get_never_raises_for_a_key() -> None:
    bm = csm_roles.default_benchmarks()
    assert bm.get("levels", "nope") is None
    assert bm.get("metros", "nope", default="fallback") == "fallback"
    assert bm.get("metros", "sf").key == "sf-bay-area"
    with pytest.raises(csm_roles.UnknownKeyError):
        bm.get("planets", "mars")


def test_first_load_is_thread_safe() -> None:
    csm_roles.reset_default_benchmarks()
    seen: list[object] = []
    run_together(lambda: seen.append(csm_roles.default_benchmarks()))
    assert len(seen) == 8
    assert all(item is seen[0] for item in seen)


def test_import_reads_no_yaml() -> None:
    import subprocess
    import sys

    code = (
        "import builtins, io, sys\n"
        "opened = []\n"
        "real = io.open_code\n"
        "import yaml\n"
        "calls = []\n"
        "orig = yaml.load\n"
        "yaml.load = lambda *a, **k: calls.append(1) or orig(*a, **k)\n"
        "import csm_roles\n"
        "assert calls == [], calls\n"
        "assert csm_roles._benchmarks._default is None\n"
        "csm_roles.levels()\n"
        "assert calls == [1], calls\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_an_unknown_key_without_a_suggestion_reads_as_sentences() -> None:
    with pytest.raises(csm_roles.UnknownKeyError) as caught:
        csm_roles.metro("Boston")
    assert str(caught.value).startswith("unknown metro 'Boston'. Valid metro keys: sf-bay-area, ")


def test_every_range_is_written_by_one_function() -> None:
    from csm_roles._models import format_money, format_range

    target = csm_roles.KpiTarget(low=1000, high=5000, source="augtal-2026")
    assert target.label("usd") == "$1,000–$5,000" == format_range(1000, 5000, number=format_money)
    assert str(csm_roles.MoneyRange(low=160_000, high=220_000, open_ended=True)) == "$160,000–$220,000+"
    assert str(csm_roles.MoneyRange(low=160_000, open_ended=True)) == "$160,000+"
    assert str(csm_roles.portfolio_sizes("smb")[0]) == "50–100+"
    assert str(csm_roles.level("senior").experience[0]) == "5+ years"
    assert [t.label("percent") for t in csm_roles.kpi("NRR").targets] == ["110–130%", "110–120%"]
