"""Hypothesis: random text (plain, Markdown-ish, HTML-ish) never makes lint_jd raise,
and every finding's position points at its matched text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import csm_roles

WORDS = [
    "rockstar",
    "ninja",
    "he",
    "his",
    "guys",
    "$80,000",
    "-",
    "$120,000",
    "USD",
    "salary",
    "accounts",
    "manage",
    "150",
    "enterprise",
    "SMB",
    "mid-market",
    "retention",
    "92%",
    "NPS",
    "ticket",
    "tickets",
    "live chat",
    "response times",
    "customer success",
    "CSM",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "&amp;",
    "csm-roles: ignore buzzwords",
    "Responsibilities:",
    "## What you will do",
    "\n",
    "\t",
    "é",
    "İ",
    "ß",
    "co-operative",
    "self-confident",
    "sharepoint",
    "champion",
    "support",
    "k",
    "to",
    "between",
    "and",
]

texts = st.text(max_size=400) | st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from([None, "smb", "mid-market", "enterprise"]))
def test_random_text_never_raises_and_positions_point_at_the_match(text: str, segment: str | None) -> None:
    findings = csm_roles.lint_jd(text, segment=segment)
    lines = text.split("\n")
    for finding in findings:
        assert text[finding.offset : finding.end] == finding.match
        assert 0 <= finding.offset <= finding.end <= len(text)
        # line/column point at the same character
        start = sum(len(line) + 1 for line in lines[: finding.line - 1]) + finding.column - 1
        assert start == finding.offset
        end = sum(len(line) + 1 for line in lines[: finding.end_line - 1]) + finding.end_column - 1
        assert end == finding.end
        assert finding.severity in {"error", "warning", "info"}


@given(texts)
def test_lint_is_deterministic(text: str) -> None:
    assert csm_roles.lint_jd(text) == csm_roles.lint_jd(text)


@given(st.text(max_size=300))
def test_gender_coding_never_raises(text: str) -> None:
    result = csm_roles.gender_coding(text)
    assert result.score == result.feminine_count - result.masculine_count
