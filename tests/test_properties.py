"""Property tests (hypothesis) for every look-up that takes user input."""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import csm_roles
from csm_roles._loader import dataset_from_text

BM = csm_roles.default_benchmarks()

KEYED: dict[str, tuple[Callable[[str], Any], tuple[Any, ...]]] = {
    "level": (BM.level, BM.levels()),
    "segment": (BM.segment, BM.segments()),
    "metro": (BM.metro, BM.metros()),
    "kpi": (BM.kpi, BM.kpis()),
    "industry": (BM.industry, BM.industries()),
    "work_context": (BM.work_context, BM.work_contexts()),
}
SPELLINGS = [
    (kind, record.key, spelling)
    for kind, (_, records) in KEYED.items()
    for record in records
    for spelling in (record.key, *record.aliases)
]


@st.composite
def respelled(draw: st.DrawFn) -> tuple[str, str, str]:
    """A key or alias with random casing and random spaces, hyphens and underscores."""
    kind, key, spelling = draw(st.sampled_from(SPELLINGS))
    out = []
    for char in spelling:
        char = char.upper() if draw(st.booleans()) else char.lower()
        out.append(char)
        if draw(st.integers(0, 6)) == 0:
            out.append(draw(st.sampled_from([" ", "-", "_", "  ", ".", "\t"])))
    pad = draw(st.sampled_from(["", " ", "  "]))
    return kind, key, pad + "".join(out) + pad


@given(respelled())
def test_any_casing_and_spacing_resolves_to_the_same_record(case: tuple[str, str, str]) -> None:
    kind, key, spelling = case
    lookup = KEYED[kind][0]
    assert lookup(spelling).key == key


@given(st.text(max_size=40))
@settings(max_examples=300)
def test_random_strings_raise_only_our_error(text: str) -> None:
    for lookup in (
        BM.level,
        BM.segment,
        BM.metro,
        BM.kpi,
        BM.industry,
        BM.work_context,
        BM.source,
        BM.portfolio_sizes,
        BM.salary_band,
        BM.salary_bands,
        BM.interview_questions,
        BM.engagement_model,
        BM.technical_variant,
        BM.related_role,
    ):
        try:
            lookup(text)
        except csm_roles.CsmRolesError as err:
            assert isinstance(err, LookupError)
            assert str(err)


@given(st.text(max_size=30), st.text(max_size=30))
def test_salary_band_with_random_metro_and_source(metro: str, source: str) -> None:
    for kwargs in ({"metro": metro}, {"source": source}):
        try:
            csm_roles.salary_band("mid", **kwargs)
        except csm_roles.CsmRolesError as err:
            assert isinstance(err, LookupError)


LEVELS_WITH_BANDS = sorted({b.level for b in BM.data.pay.level_bands})
METROS = [m.key for m in BM.metros()]
SOURCES_BY_LEVEL = {
    lvl: [b.source for b in BM.data.pay.level_bands if b.level == lvl] for lvl in LEVELS_WITH_BANDS
}


@st.composite
def level_metro_source(draw: st.DrawFn) -> tuple[str, str, str]:
    level = draw(st.sampled_from(LEVELS_WITH_BANDS))
    return level, draw(st.sampled_from(METROS)), draw(st.sampled_from(SOURCES_BY_LEVEL[level]))


@given(level_metro_source())
def test_metro_bands_are_ordered_and_keep_the_order_of_the_levels(case: tuple[str, str, str]) -> None:
    level, metro, source = case
    plain = BM.salary_band(level, source=source)
    adjusted = BM.salary_band(level, metro=metro, source=source)
    for name in ("base", "ote", "total"):
        before, after = getattr(plain, name), getattr(adjusted, name)
        assert (before is None) == (after is None)
        if after is None:
            continue
        assert after.high is None or after.low <= after.high
        assert after.low % 1000 == 0
    # a band above another stays above it once both are moved to the metro
    entry, senior = BM.salary_band("entry", metro=metro), BM.salary_band("senior", metro=metro)
    assert entry.base is not None and senior.base is not None
    assert entry.base.low <= senior.base.low
    assert adjusted.bonus_pct == plain.bonus_pct
    assert adjusted.derived == (adjusted.base is not None)  # total pay alone is not moved
    expected = {source, BM.metro(metro).source} if adjusted.derived else {source}
    assert set(adjusted.sources) == expected


@given(
    st.sampled_from(["entry", "mid", "senior"]),
    st.sampled_from([None, *METROS]),
    st.integers(0, 400_000),
    st.integers(0, 400_000),
)
def test_compare_offer_is_monotone_in_base(level: str, metro: str | None, a: int, b: int) -> None:
    low, high = sorted((a, b))
    first = BM.compare_offer(low, level, metro=metro)
    second = BM.compare_offer(high, level, metro=metro)
    order = {"below": 0, "within": 1, "above": 2}
    assert first.fraction <= second.fraction
    assert order[first.position] <= order[second.position]
    assert (first.distance == 0) == (first.position == "within")


@given(
    st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(-(10**12), -1)
    | st.integers(10**8 + 1, 10**500)
    | st.decimals(allow_nan=True, allow_infinity=True)
)
def test_compare_offer_bad_numbers_raise_our_error(value: float) -> None:
    finite = (
        value.is_finite() if isinstance(value, Decimal) else isinstance(value, int) or math.isfinite(value)
    )
    if finite and 0 <= value <= 10**8:
        assert BM.compare_offer(value, "mid").base == math.floor(Fraction(value) + Fraction(1, 2))
    else:
        with pytest.raises(csm_roles.InvalidInputError):
            BM.compare_offer(value, "mid")


def test_dump_then_load_round_trips_equal(tmp_path: object) -> None:
    from pathlib import Path

    text = BM.to_yaml()
    again = dataset_from_text(text)
    assert again == BM.data
    path = Path(str(tmp_path)) / "copy.yaml"
    path.write_text(text, encoding="utf-8")
    assert csm_roles.load_benchmarks(path).data == BM.data


@given(st.sampled_from(SPELLINGS))
def test_dumped_aliases_still_resolve_after_round_trip(case: tuple[str, str, str]) -> None:
    kind, key, spelling = case
    loaded = csm_roles.Benchmarks(ROUND_TRIPPED)
    assert getattr(loaded, kind)(spelling).key == key


ROUND_TRIPPED = dataset_from_text(yaml.safe_dump(BM.to_dict()))


@pytest.mark.parametrize("kind", ["technical", "behavioral", "culture"])
def test_question_kinds_cover_all_questions(kind: str) -> None:
    assert all(q.kind == kind for q in BM.interview_questions(kind))
