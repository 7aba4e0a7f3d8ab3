"""Interview kits an interviewer can score: `interview_kit` and `InterviewKit`.

A kit asks the questions whose conditions (``when`` in the data) fit the hire: people
leadership, hiring and forecasting for managers and directors, the player-coach
balance for a team lead, a book size that fits the segment, the industry's compliance
names, and the product's technical depth. Each question carries what it probes (the
guide's evaluation tip, in our words), a scoring guide (weak, adequate, strong) and
follow-ups. A kit renders as an interviewer's scorecard (Markdown, HTML, text) or as
JSON for an applicant-tracking system.
"""

from __future__ import annotations

import os

from pydantic import Field, computed_field, model_validator

from ._benchmarks import Benchmarks, resolve_benchmarks
from ._compose import join, newest
from ._models import (
    Industry,
    InterviewQuestion,
    Level,
    PortfolioRange,
    Record,
    RedFlag,
    Segment,
    SourcingChannel,
    When,
)

__all__ = ["InterviewKit", "KitQuestion", "interview_kit"]

#: The kinds of question, in the order a kit asks them, with their headings.
KIND_TITLES = {
    "technical": "Technical and functional",
    "leadership": "Leading people",
    "behavioral": "Behavioral",
    "culture": "Culture fit",
}
#: The scale every answer is scored on.
SCALE = (
    (1, "weak"),
    (2, "adequate"),
    (3, "strong"),
)


class KitQuestion(Record):
    """A question in a kit, with what it probes, how to score the answer, and follow-ups.

    Examples:
        >>> q = csm_roles.interview_kit("entry", segment="smb").questions[0]
        >>> q.relevant, bool(q.strong)
        (True, True)
    """

    key: str
    kind: str
    question: str
    probes: str = Field(description="What a good answer shows (the guide's evaluation tip).")
    weak: str | None = None
    adequate: str | None = None
    strong: str | None = None
    follow_ups: tuple[str, ...] = ()
    relevant: bool = Field(description="Whether the data marks it as most relevant to this hire.")
    source: str
    figure_source: str | None = Field(
        default=None, description="The source of the book size the question names."
    )

    @property
    def strong_answer(self) -> str:
        """What a strong answer shows (the scoring guide's top, or the tip)."""
        return self.strong or self.probes


class InterviewKit(Record):
    """Questions by kind with a scoring guide, red flags and sourcing channels for one hire.

    Examples:
        >>> kit = csm_roles.interview_kit("senior", segment="enterprise")
        >>> kit.questions[0].relevant, kit.scale
        (True, ((1, 'weak'), (2, 'adequate'), (3, 'strong')))
    """

    level: str
    level_name: str
    segment: str | None = None
    segment_name: str | None = None
    industry: str | None = None
    industry_name: str | None = None
    technical: bool | None = None
    title: str
    scale: tuple[tuple[int, str], ...] = SCALE
    questions: tuple[KitQuestion, ...]
    red_flags: tuple[RedFlag, ...]
    sourcing_channels: tuple[SourcingChannel, ...]

    @model_validator(mode="before")
    @classmethod
    def _score_is_derived(cls, value: object) -> object:
        """``max_score`` is in the JSON for an applicant-tracking system; reading it back ignores it."""
        if isinstance(value, dict) and "max_score" in value:
            return {k: v for k, v in value.items() if k != "max_score"}
        return value

    def by_kind(self, kind: str) -> tuple[KitQuestion, ...]:
        """The kit's questions of one kind, most relevant first."""
        return tuple(q for q in self.questions if q.kind == kind)

    @property
    def sections(self) -> tuple[tuple[str, tuple[KitQuestion, ...]], ...]:
        """(heading, questions) for each kind that has questions, in interview order."""
        return tuple((title, self.by_kind(kind)) for kind, title in KIND_TITLES.items() if self.by_kind(kind))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def max_score(self) -> int:
        """The highest total a candidate can reach."""
        return len(self.questions) * SCALE[-1][0]

    def render(self, format: str = "markdown", *, template_dir: str | os.PathLike[str] | None = None) -> str:
        """The kit as an interviewer's scorecard: ``"markdown"``, ``"html"`` or ``"text"``."""
        from ._render import render

        return render("interview", format, {"kit": self}, template_dir=template_dir)

    def to_json(self) -> str:
        """The kit as JSON, for an applicant-tracking system."""
        return self.model_dump_json(indent=2)

    def __str__(self) -> str:
        return self.render("markdown")


def _asks(
    when: When, level: Level, segment: Segment | None, industry: Industry | None, technical: bool | None
) -> bool:
    """Whether a kit for this hire asks a question with these conditions."""
    checks = (
        not when.segments or (segment is not None and segment.key in when.segments),
        not when.levels or level.key in when.levels,
        when.min_rank is None or level.rank >= when.min_rank,
        when.max_rank is None or level.rank <= when.max_rank,
        not when.book or level.book in when.book,
        when.leads_people is None or level.leads_people == when.leads_people,
        when.industry is None or (industry is not None) == when.industry,
        when.technical is None or (technical is not None and technical == when.technical),
        not when.work_models and not when.contexts,  # a kit is not tied to a place or a context
    )
    return all(checks)


def _book(bm: Benchmarks, segment: Segment | None) -> PortfolioRange | None:
    if segment is None:
        return None
    return newest(bm, segment.portfolio)  # type: ignore[no-any-return]


def _fill(
    question: InterviewQuestion, book: PortfolioRange | None, industry: Industry | None
) -> tuple[str, str | None] | None:
    """The question filled in for this kit, and the source of its figure (None: the kit skips it)."""
    values: dict[str, object] = {}
    figure_source = None
    if question.accounts is not None:
        accounts, figure_source = question.accounts.value, question.accounts.source
        if book is not None and not book.contains(accounts):  # 75 accounts is no enterprise book
            accounts = book.high if book.high is not None else book.low
            figure_source = book.source
        values["accounts"] = accounts
    if industry is not None:
        values["industry"] = industry.name.lower()
        names = [c.name for c in industry.compliance]
        if not names and "{compliance}" in question.question:
            return None  # the data names no compliance regime for this industry
        values["compliance"] = join(names)
        if industry.focus_areas:
            values["focus"] = join(industry.focus_areas)
    try:
        return question.question.format(**values), figure_source
    except KeyError:
        return None  # a placeholder this kit has nothing for (an industry question without one)


def interview_kit(
    level: str = "mid",
    *,
    segment: str | None = None,
    industry: str | None = None,
    technical: bool | None = None,
    benchmarks: Benchmarks | None = None,
) -> InterviewKit:
    """An interview kit for a CSM hire: questions chosen and phrased for level, segment, industry and depth.

    Questions tagged for the level, segment or industry come first within each kind;
    ``technical`` (True or False) adds the question for a technical or a business-user
    product.

    Examples:
        >>> kit = csm_roles.interview_kit("manager", segment="enterprise")
        >>> "hiring-csms" in [q.key for q in kit.questions]
        True
        >>> kit = csm_roles.interview_kit("mid", segment="enterprise")
        >>> [q.question for q in kit.questions if q.key == "prioritize-accounts"]
        ['You have 20 accounts with mixed health scores. How do you decide where your time goes?']
    """
    bm = resolve_benchmarks(benchmarks)
    level_record = bm.level(level)
    segment_record = bm.segment(segment) if segment is not None else None
    industry_record = bm.industry(industry) if industry is not None else None
    if technical is not None and not isinstance(technical, bool):
        raise TypeError(f"technical must be True, False or None; got {technical!r}")
    tags = {level_record.key}
    if segment_record is not None:
        tags.add(segment_record.key)
    if industry_record is not None:
        tags.add("industry")
    book = _book(bm, segment_record)
    chosen: list[tuple[int, int, int, KitQuestion]] = []
    kinds = list(KIND_TITLES)
    for index, question in enumerate(bm.interview_questions()):
        if not _asks(question.when, level_record, segment_record, industry_record, technical):
            continue
        filled = _fill(question, book, industry_record)
        if filled is None:
            continue
        text, figure_source = filled
        score = len(tags.intersection(question.relevant_to))
        # asked because of the depth or the industry chosen: it suits this hire
        score += 2 * ((question.when.technical is not None) + (question.when.industry is not None))
        scoring = question.scoring
        kit_question = KitQuestion(
            key=question.key,
            kind=question.kind,
            question=text,
            probes=question.tip,
            weak=scoring.weak if scoring else None,
            adequate=scoring.adequate if scoring else None,
            strong=scoring.strong if scoring else None,
            follow_ups=question.follow_ups,
            relevant=score > 0,
            source=question.source,
            figure_source=figure_source,
        )
        order = kinds.index(question.kind) if question.kind in kinds else len(kinds)
        chosen.append((order, -score, index, kit_question))
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
        technical=technical,
        title=title,
        questions=tuple(q for *_, q in sorted(chosen, key=lambda item: item[:3])),
        red_flags=bm.red_flags(),
        sourcing_channels=bm.sourcing_channels(),
    )
