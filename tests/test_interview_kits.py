"""Interview kits: chosen and phrased for level, segment, industry and depth, and scorable."""

from __future__ import annotations

import itertools
import json
import re

import pytest

import csm_roles
from jd_checks import PLACEHOLDER

LEVELS = [level.key for level in csm_roles.levels()]
SEGMENTS = [None, *(segment.key for segment in csm_roles.segments())]
INDUSTRIES = [None, *(industry.key for industry in csm_roles.industries())]
DEPTHS = [None, True, False]
MATRIX = list(itertools.product(LEVELS, SEGMENTS, INDUSTRIES, DEPTHS))


def _keys(level: str, segment: str | None = None, **options: object) -> list[str]:
    return [q.key for q in csm_roles.interview_kit(level, segment=segment, **options).questions]  # type: ignore[arg-type]


def test_people_leaders_are_asked_about_leading_people() -> None:
    for level in ("manager", "director"):
        keys = _keys(level, "enterprise")
        assert {"hiring-csms", "forecasting-renewals", "coaching-a-csm", "coach-prioritizing"} <= set(keys)
        assert "prioritize-accounts" not in keys  # no book of their own
        assert "player-coach" not in keys
    assert "function-plan" in _keys("director") and "function-plan" not in _keys("manager")
    lead = _keys("team-lead", "mid-market")
    assert {"player-coach", "coaching-a-csm", "prioritize-accounts"} <= set(lead)
    assert "hiring-csms" not in lead
    for level in ("entry", "mid", "senior", "strategic"):
        kit = csm_roles.interview_kit(level, segment="smb")
        assert not kit.by_kind("leadership"), level


def test_juniors_are_not_asked_about_executive_reviews() -> None:
    assert "qbr-c-level" not in _keys("entry", "enterprise")
    assert "qbr-c-level" in _keys("mid", "enterprise")


@pytest.mark.parametrize("segment", SEGMENTS[1:])
@pytest.mark.parametrize("level", LEVELS)
def test_book_sizes_in_questions_fit_the_segment(level: str, segment: str) -> None:
    ranges = [(r.low, r.high) for r in csm_roles.portfolio_sizes(segment)]
    kit = csm_roles.interview_kit(level, segment=segment)
    named = [(q, int(n)) for q in kit.questions for n in re.findall(r"\b(\d+) accounts\b", q.question)]
    for question, accounts in named:
        assert any(low <= accounts <= (high or accounts) for low, high in ranges), (question.question, ranges)
        assert question.figure_source is not None
    if level in ("entry", "manager"):
        assert named, "a kit with a book question names a book size"


def test_an_enterprise_kit_never_asks_about_75_accounts() -> None:
    for level in LEVELS:
        text = csm_roles.interview_kit(level, segment="enterprise").render("text")
        assert "75 accounts" not in text
    assert "20 accounts" in csm_roles.interview_kit("mid", segment="enterprise").render("text")


def test_industry_changes_the_questions_not_only_the_title() -> None:
    plain = _keys("mid", "smb")
    for industry in [record.key for record in csm_roles.industries()]:
        kit = csm_roles.interview_kit("mid", segment="smb", industry=industry)
        record = csm_roles.industry(industry)
        added = [q for q in kit.questions if q.key not in plain]
        assert added, industry
        text = " ".join(q.question for q in added)
        assert record.name.lower() in text
        for regime in record.compliance:
            assert regime.name in text
        for area in record.focus_areas:
            assert area in text


def test_depth_adds_its_own_question() -> None:
    assert "technical-integration" in _keys("mid", "enterprise", technical=True)
    assert "business-value" in _keys("mid", "enterprise", technical=False)
    both = set(_keys("mid", "enterprise"))
    assert not {"technical-integration", "business-value"} & both


def test_the_metrics_answer_asks_for_more_than_satisfaction() -> None:
    """Guide 000 wants KPI knowledge beyond satisfaction scores; v0.1's strong answer said the opposite."""
    (question,) = [q for q in csm_roles.interview_kit("mid").questions if q.key == "metrics-to-track"]
    assert "beyond satisfaction" in question.probes
    assert "only satisfaction" in (question.weak or "")


@pytest.mark.parametrize(("level", "segment", "industry", "technical"), MATRIX, ids=lambda v: str(v))
def test_every_kit_is_complete_and_scorable(
    level: str, segment: str | None, industry: str | None, technical: bool | None
) -> None:
    kit = csm_roles.interview_kit(level, segment=segment, industry=industry, technical=technical)
    keys = [q.key for q in kit.questions]
    assert len(keys) == len(set(keys)), "a question asked twice"
    assert len(kit.questions) >= 12
    assert next(title for title, _ in kit.sections) == "Technical and functional"
    for question in kit.questions:
        assert question.weak and question.adequate and question.strong, question.key
        assert question.follow_ups and len(question.follow_ups) <= 2, question.key
        assert not re.search(r"[{}]", question.question), question.question
        assert question.question.rstrip()[-1] in ".?", question.question
    assert kit.max_score == 3 * len(kit.questions)
    dumped = json.loads(kit.to_json())
    assert [q["key"] for q in dumped["questions"]] == keys
    assert dumped["scale"] == [[1, "weak"], [2, "adequate"], [3, "strong"]]


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_the_whole_matrix_renders_as_a_scorecard(fmt: str) -> None:
    for level, segment, industry, technical in MATRIX[:: 3 if fmt != "markdown" else 1]:
        kit = csm_roles.interview_kit(level, segment=segment, industry=industry, technical=technical)
        page = kit.render(fmt)
        assert not PLACEHOLDER.search(page), (level, segment, industry, technical, PLACEHOLDER.search(page))
        plain = page.replace("\\_", "_")
        assert plain.count("Score (1 to 3): ____") == len(kit.questions)
        assert f"Total: ____ out of {kit.max_score}" in plain
        words = " ".join(page.replace("&#39;", "'").split())
        for question in kit.questions:
            assert " ".join(question.strong_answer.split()[:4]) in words


def test_the_command_line_gives_the_same_kit() -> None:
    from conftest import run_cli

    result = run_cli(
        "interview", "--level", "team-lead", "--segment", "smb", "--technical", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    kit = csm_roles.interview_kit("team-lead", segment="smb", technical=True)
    assert json.loads(result.stdout) == json.loads(kit.to_json())
    business = run_cli("interview", "--no-technical", "--format", "text")
    assert "business-value" not in business.stdout and business.returncode == 0
    assert next(
        q.question
        for q in csm_roles.interview_kit("mid", technical=False).questions
        if q.key == "business-value"
    )[:40] in business.stdout.replace("\n", " ")


def test_people_leaders_are_not_asked_about_their_own_accounts() -> None:
    for level in ("manager", "director"):
        keys = _keys(level, "smb")
        assert "upsell-process" not in keys and "declining-usage" not in keys


def test_a_question_asked_for_the_depth_or_industry_comes_first() -> None:
    assert (
        csm_roles.interview_kit("mid", technical=True).by_kind("technical")[0].key == "technical-integration"
    )
    kit = csm_roles.interview_kit("senior", segment="enterprise", industry="healthcare")
    assert [q.key for q in kit.by_kind("technical")[:2]] == ["industry-compliance", "industry-outcomes"]
    assert json.loads(kit.to_json())["max_score"] == kit.max_score
    assert csm_roles.InterviewKit.model_validate_json(kit.to_json()) == kit
