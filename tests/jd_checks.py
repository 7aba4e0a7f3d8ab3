"""The properties every generated job description must have, checked on rendered output."""

from __future__ import annotations

import re

import csm_roles

BUZZWORDS = (
    "rockstar",
    "rock star",
    "ninja",
    "guru",
    "wizard",
    "superstar",
    "unicorn",
    "hero",
    "wear many hats",
    "wears many hats",
    "wear multiple hats",
    "thrive in ambiguity",
    "thrives in ambiguity",
    "tolerance for ambiguity",
    "hit the ground running",
    "work hard play hard",
    "work hard, play hard",
    "drama-free",
    "crush it",
    "killer",
)
PLACEHOLDER = re.compile(
    r"\[(?:[A-Z0-9][^\]]{0,40}|\d+[^\]]*)\]|\{\{|\}\}|\{%|%\}|\{#|#\}|\bNone\b|\bTODO\b|XXX"
)


def segment_ranges(segment: str) -> list[tuple[int, int | None]]:
    return [(r.low, None if r.open_ended else r.high) for r in csm_roles.portfolio_sizes(segment)]


def check(jd: csm_roles.JobDescription, text: str, *, user_text: str = "") -> None:
    """Assert the must-hold properties of the issue on one rendered JD."""
    # a pay range, stated (total pay where the guides give only that)
    stated = jd.compensation.range
    assert stated.low > 0
    assert stated.high is not None and stated.low <= stated.high
    assert f"${stated.low:,}" in text and f"${stated.high:,}" in text
    # numeric success targets from the KPI data
    assert len(jd.success_metrics) >= 3
    for metric in jd.success_metrics:
        assert re.search(r"\d", metric.target), metric
        assert metric.target in text or metric.target.replace("<", "&lt;") in text
        kpi = csm_roles.kpi(metric.kpi)
        assert any(t.source == metric.source for t in kpi.targets)
    # a portfolio size consistent with the segment
    portfolio = jd.portfolio
    assert any(
        low == portfolio.low and (high is None or high == portfolio.high)
        for low, high in segment_ranges(jd.segment)
    ), portfolio
    assert portfolio.label in text
    # no unfilled placeholder, no None, no template syntax (unless the user typed it)
    for match in PLACEHOLDER.finditer(text):
        typed = re.sub(r"\\(.)", r"\1", match.group(0))  # Markdown escapes what the user typed: "\[0\]"
        assert typed in user_text, f"placeholder-like text {match.group(0)!r} in output"
    # no buzzword of the guides' list or its kin (outside what the user typed)
    lowered = text.lower()
    for word in BUZZWORDS:
        if word in lowered:
            assert word in user_text.lower(), f"buzzword {word!r} in output"
