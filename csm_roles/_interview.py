"""Interview kits: `interview_kit` and `InterviewKit`.

A kit gathers the dataset's interview questions (with what a strong answer shows),
red flags and sourcing channels, and orders the questions so that those tagged as
most relevant to the level, segment and industry come first.
"""

from __future__ import annotations

import os

from ._benchmarks import Benchmarks, resolve_benchmarks
from ._models import InterviewQuestion, Record, RedFlag, SourcingChannel

__all__ = ["InterviewKit", "KitQuestion", "interview_kit"]

KIND_TITLES = {
    "technical": "Technical and functional",
    "behavioral": "Behavioral",
    "culture": "Culture fit",
}


class KitQuestion(Record):
    """A question in a kit, with what a strong answer shows and why it is in the kit.

    Examples:
        >>> csm_roles.interview_kit("entry", segment="smb").questions[0].relevant
        True
    """

    key: str
    kind: str
    question: str
    strong_answer: str
    relevant: bool
    source: str


class InterviewKit(Record):
    """Questions by kind, red flags and sourcing channels for one hire.

    Examples:
        >>> kit = csm_roles.interview_kit("senior", segment="enterprise")
        >>> kit.questions[0].relevant, len(kit.questions)
        (True, 17)
    """

    level: str
    level_name: str
    segment: str | None = None
    segment_name: str | None = None
    industry: str | None = None
    industry_name: str | None = None
    title: str
    questions: tuple[KitQuestion, ...]
    red_flags: tuple[RedFlag, ...]
    sourcing_channels: tuple[SourcingChannel, ...]

    def by_kind(self, kind: str) -> tuple[KitQuestion, ...]:
        """The kit's questions of one kind, most relevant first."""
        return tuple(q for q in self.questions if q.kind == kind)

    @property
    def sections(self) -> tuple[tuple[str, tuple[KitQuestion, ...]], ...]:
        """(heading, questions) for each kind, in interview order."""
        return tuple((title, self.by_kind(kind)) for kind, title in KIND_TITLES.items())

    def render(self, format: str = "markdown", *, template_dir: str | os.PathLike[str] | None = None) -> str:
        """The kit as a document: ``"markdown"``, ``"html"`` or ``"text"``."""
        from ._render import render

        return render("interview", format, {"kit": self}, template_dir=template_dir)

    def __str__(self) -> str:
        return self.render("markdown")


def _score(question: InterviewQuestion, tags: set[str]) -> int:
    return len(tags.intersection(question.relevant_to))


def interview_kit(
    level: str = "mid",
    *,
    segment: str | None = None,
    industry: str | None = None,
    benchmarks: Benchmarks | None = None,
) -> InterviewKit:
    """An interview kit for a CSM hire at ``level``, tailored to segment and industry.

    Questions tagged for the level, segment or industry come first within each kind;
    every question of the dataset stays in the kit.

    Examples:
        >>> kit = csm_roles.interview_kit("mid", industry="healthcare")
        >>> kit.by_kind("behavioral")[0].key
        'learn-fast'
    """
    bm = resolve_benchmarks(benchmarks)
    level_record = bm.level(level)
    segment_record = bm.segment(segment) if segment is not None else None
    industry_record = bm.industry(industry) if industry is not None else None
    tags = {level_record.key}
    if segment_record is not None:
        tags.add(segment_record.key)
    if industry_record is not None:
        tags.add("industry")
    ranked = sorted(
        enumerate(bm.interview_questions()),
        key=lambda pair: (list(KIND_TITLES).index(pair[1].kind), -_score(pair[1], tags), pair[0]),
    )
    questions = tuple(
        KitQuestion(
            key=q.key,
            kind=q.kind,
            question=q.question,
            strong_answer=q.tip,
            relevant=_score(q, tags) > 0,
            source=q.source,
        )
        for _, q in ranked
    )
    title = f"Interview kit: {level_record.title}"
    if segment_record is not None:
        title += f" ({segment_record.name})"
    if industry_record is not None:
        title += f", {industry_record.name.lower()}"
    return InterviewKit(
        level=level_record.key,
        level_name=level_record.name,
        segment=segment_record.key if segment_record else None,
        segment_name=segment_record.name if segment_record else None,
        industry=industry_record.key if industry_record else None,
        industry_name=industry_record.name if industry_record else None,
        title=title,
        questions=questions,
        red_flags=bm.red_flags(),
        sourcing_channels=bm.sourcing_channels(),
    )
