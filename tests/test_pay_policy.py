"""The pay a posting states follows the guides: level with segment, metros, total pay, no stand-ins."""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction

import pytest

import csm_roles
from csm_roles._pay import metro_map

DAY = dt.date(2026, 11, 1)

#: segment x level -> (level whose band is used, band as the posting states it, source);
#: None: the guides give no band, so the caller must give pay=.
SEGMENTS = ("smb", "mid-market", "enterprise")
BANDS = {
    "entry": "$60,000–$80,000",
    "mid": "$80,000–$120,000",
    "senior": "$120,000–$160,000",
    "director": "$160,000–$220,000+",
}
EXPECTED: dict[tuple[str, str | None], tuple[str, str, str] | None] = {
    ("smb", None): ("entry", BANDS["entry"], "augtal-2026"),
    ("mid-market", None): ("mid", BANDS["mid"], "augtal-2026"),
    ("enterprise", None): ("senior", BANDS["senior"], "augtal-2026"),
}
for _segment, _level in itertools.product(SEGMENTS, [*BANDS, "strategic", "team-lead", "manager"]):
    EXPECTED[(_segment, _level)] = (_level, BANDS[_level], "augtal-2026") if _level in BANDS else None


@pytest.mark.parametrize(("segment", "level"), list(EXPECTED))
def test_the_segment_by_level_pay_table(segment: str, level: str | None) -> None:
    expected = EXPECTED[(segment, level)]
    if expected is None:
        with pytest.raises(csm_roles.NoFigureError, match=r"pass pay=\(low, high\)"):
            csm_roles.generate_jd(segment, level, date_posted=DAY)
        own = csm_roles.generate_jd(segment, level, pay=(110_000, 150_000), date_posted=DAY)
        assert str(own.compensation.base) == "$110,000–$150,000" and own.compensation.set_by_company
        return
    band_level, band, source = expected
    jd = csm_roles.generate_jd(segment, level, date_posted=DAY)
    pay = jd.compensation
    assert (pay.band_level, str(pay.range), pay.sources) == (band_level, band, (source,))
    assert jd.level == band_level
    # never a band the guides pair with another level *and* another segment
    paired = csm_roles.salary_band(band_level).segment
    assert pay.band_level == jd.level or paired == segment


def test_a_band_paired_with_another_segment_says_so_for_the_recruiter() -> None:
    pay = csm_roles.generate_jd("enterprise", "entry", date_posted=DAY).compensation
    assert pay.basis is not None
    assert "Entry-level CSM / SMB" in pay.basis and "$120,000–$160,000" in pay.basis
    text = csm_roles.generate_jd("enterprise", "entry", date_posted=DAY).render("markdown")
    assert "SMB" not in text  # the note is for the recruiter, not the candidate


@pytest.mark.parametrize("metro", [m.key for m in csm_roles.metros()])
def test_a_metro_band_moves_in_proportion_to_the_guides_metro_range(metro: str) -> None:
    record = csm_roles.metro(metro)
    national = csm_roles.national_average()
    offset, factor = metro_map(record, national)
    assert national.base.high is not None and record.base.high is not None
    assert offset == 0
    assert factor == Fraction(record.base.low + record.base.high, national.base.low + national.base.high)
    band = csm_roles.salary_band("senior", metro=metro)
    plain = csm_roles.salary_band("senior")
    assert plain.base is not None and plain.base.high is not None and band.base is not None
    assert band.base.low == round(plain.base.low * factor / 1000) * 1000
    assert band.derived and band.formula is not None
    assert str(record.base) in band.formula and str(national.base) in band.formula
    assert record.source in band.sources and band.source in band.sources


def test_metros_keep_the_guides_order_and_the_dearest_pays_above_the_nation() -> None:
    """A straight line through the ranges' ends once put the Bay Area's senior top below the nation's."""
    by_midpoint = sorted(csm_roles.metros(), key=lambda m: m.base.low + (m.base.high or 0))
    bands = [csm_roles.salary_band("senior", metro=m.key).base for m in by_midpoint]
    assert all(band is not None for band in bands)
    assert [b.low for b in bands if b] == sorted(b.low for b in bands if b)
    national = csm_roles.salary_band("senior").base
    sf = csm_roles.salary_band("senior", metro="sf").base
    assert national is not None and sf is not None and national.high is not None and sf.high is not None
    assert sf.low > national.low and sf.high > national.high


def test_a_metro_band_is_rounded_and_labelled_derived() -> None:
    jd = csm_roles.generate_jd("enterprise", location="Palo Alto, CA", company="Acme", date_posted=DAY)
    pay = jd.compensation
    assert str(pay.base) == "$135,000–$181,000"  # 120,000-160,000 x 110,000/97,500, to the $1,000
    assert pay.derived and pay.place == "Palo Alto, CA"
    assert "The range is set for Palo Alto, CA." in pay.lines


def test_a_place_without_guide_figures_gets_the_national_band_and_a_note() -> None:
    pay = csm_roles.generate_jd("enterprise", location="Boston, MA", date_posted=DAY).compensation
    assert str(pay.base) == "$120,000–$160,000" and not pay.derived
    assert pay.basis is not None and "no pay figure for Boston, MA" in pay.basis


def test_a_remote_role_is_paid_by_the_remote_range_not_a_metros() -> None:
    remote = csm_roles.generate_jd("enterprise", metro="SF", work_model="remote", date_posted=DAY, draft=True)
    assert remote.location.work_model == "remote"
    assert str(remote.compensation.base) == "$105,000–$139,000"
    assert (
        remote.compensation.basis is not None and "not by San Francisco Bay Area" in remote.compensation.basis
    )
    assert (
        str(csm_roles.generate_jd("enterprise", location="Remote (US)", draft=True).compensation.base)
        == "$105,000–$139,000"
    )


def test_total_pay_is_never_base_pay_and_stays_open_ended() -> None:
    jd = csm_roles.generate_jd("enterprise", "director", company="Acme", date_posted=DAY)
    assert jd.compensation.base is None
    assert str(jd.compensation.total) == "$160,000–$220,000+"
    assert jd.compensation.lines == ("Total pay: $160,000–$220,000+ a year, base and variable pay together.",)
    posting = jd.to_jsonld()
    assert "baseSalary" not in posting
    assert "$160,000–$220,000+" in posting["incentiveCompensation"]
    assert any("total pay" in w for w in jd.warnings)
    for fmt in ("markdown", "html", "text"):
        assert "$160,000–$220,000+" in jd.render(fmt)


def test_a_place_outside_the_us_needs_the_companys_pay_and_currency() -> None:
    with pytest.raises(csm_roles.InvalidInputError, match=r"pay=\(low, high\)"):
        csm_roles.generate_jd("enterprise", location="London, United Kingdom")
    jd = csm_roles.generate_jd(
        "enterprise", location="London, United Kingdom", pay=(70_000, 90_000), currency="GBP", company="Acme"
    )
    assert str(jd.compensation.base) == "£70,000–£90,000"
    assert jd.to_jsonld()["baseSalary"]["currency"] == "GBP"
    with pytest.raises(csm_roles.InvalidInputError, match="three-letter ISO 4217"):
        csm_roles.generate_jd("enterprise", pay=(1, 2), currency="pounds")
