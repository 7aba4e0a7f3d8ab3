"""The sentences of a generated posting, composed from the dataset.

Which duties, requirements, KPIs and context points a posting uses is data (the
``when`` and ``in_postings`` of each record, a segment's ``lead_kpis``); this module
only decides how they are phrased and in what order. Every sentence frame here is
short and in US English, and states no figure of its own: figures come from the
records it is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ._benchmarks import Benchmarks
from ._location import Location
from ._models import Industry, Kpi, KpiTarget, Level, Segment, When, WorkContext, format_range

__all__ = ["Situation", "join", "lower_first", "sentence"]


@dataclass(frozen=True)
class Situation:
    """What a posting is for: the facts every `When` of the dataset is checked against."""

    level: Level
    segment: str
    work_model: str
    context: str | None
    technical: bool
    industry: bool

    def fits(self, when: When) -> bool:
        """Whether every condition of ``when`` holds for this posting."""
        level = self.level
        checks = (
            not when.segments or self.segment in when.segments,
            not when.levels or level.key in when.levels,
            when.min_rank is None or level.rank >= when.min_rank,
            when.max_rank is None or level.rank <= when.max_rank,
            not when.book or level.book in when.book,
            when.leads_people is None or level.leads_people == when.leads_people,
            not when.work_models or self.work_model in when.work_models,
            not when.contexts or self.context in when.contexts,
            when.technical is None or self.technical == when.technical,
            when.industry is None or self.industry == when.industry,
        )
        return all(checks)

    @property
    def holds_book(self) -> bool:
        """Whether the person hired keeps accounts of their own."""
        return self.level.book != "none"


def join(items: Iterable[str]) -> str:
    """Items as an English list: "a, b and c"."""
    listed = [item for item in items if item]
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} and {listed[-1]}"


def lower_first(text: str) -> str:
    """Lower-case the first letter, unless the first word is an acronym (CSM, SMB)."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def sentence(text: str) -> str:
    """One sentence: a capital first letter and a full stop."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def segment_words(segment: Segment) -> str:
    """A segment's name inside a sentence: "enterprise", "mid-market", but "SMB"."""
    return segment.name if segment.name.isupper() else segment.name.lower()


def newest(bm: Benchmarks, items: Iterable[Any]) -> Any:
    """The item whose source is the most recent dated guide (the first one on a tie)."""
    listed = list(items)

    def year(source_id: str) -> int:
        found = bm.source(source_id).year
        return found if isinstance(found, int) else -1

    return max(enumerate(listed), key=lambda pair: (year(pair[1].source), -pair[0]))[1]


# -- the book of accounts ----------------------------------------------------------------


def book_phrase(level: Level, segment: Segment, accounts: str) -> str:
    """What the person hired does with accounts, as the summary says it (after "to")."""
    words = segment_words(segment)
    if level.book == "fewer":
        return f"work fewer and larger {words} accounts than the usual book of {accounts}"
    if level.book == "partial":
        return f"guide a small group of CSMs while keeping some {words} accounts of your own"
    if level.book == "none":
        return f"lead CSMs who each own a book of {accounts} {words} accounts"
    return f"own a book of {accounts} {words} accounts"


def accounts_fact(level: Level, segment: Segment, accounts: str) -> str:
    """The "Accounts" line of a posting's key facts."""
    words = segment_words(segment)
    if level.book == "fewer":
        return f"Fewer, larger {words} accounts than the usual {accounts}"
    if level.book == "partial":
        return f"Some {words} accounts of your own (a full book is {accounts}), while guiding a group"
    if level.book == "none":
        return f"Your CSMs each hold {accounts} {words} accounts"
    return f"{accounts} {words} accounts"


def book_duty(level: Level, segment: Segment, accounts: str, acv: str | None) -> str | None:
    """The first duty: the book itself, for a level that holds one."""
    words = segment_words(segment)
    value = f" (annual contract value {acv})" if acv else ""
    span = "from the handover after the sale through renewal and expansion"
    if level.book == "own":
        return f"Own a book of {accounts} {words} accounts{value}, {span}."
    if level.book == "fewer":
        return f"Own fewer and larger {words} accounts than the usual book of {accounts}, {span}."
    if level.book == "partial":
        return f"Keep some {words} accounts of your own, {span}, while you guide the group."
    return None


# -- paragraphs ----------------------------------------------------------------------------


def role_paragraphs(
    situation: Situation,
    segment: Segment,
    engagement: tuple[str, str] | None,
    contexts: Iterable[WorkContext],
    location: Location,
) -> tuple[str, ...]:
    """The role section: the level's scope, how the segment is served, the context, where."""
    level = situation.level
    paragraphs = [f"The {level.title} {lower_first(level.scope)}"]  # named as the posting's title names it
    customers = segment_words(segment)
    served = (
        [segment.cadence] if situation.holds_book else []
    )  # how often an account is met: its CSM's concern
    if engagement is not None:
        name, description = engagement
        served.insert(0, f"{customers[:1].upper() + customers[1:]} customers get a {name.lower()} model: "
                         f"{lower_first(description)}")  # fmt: skip
    if served:
        paragraphs.append(" ".join(served))
    points = [p.text for c in contexts for p in c.points if p.use == "role" and situation.fits(p.when)]
    if points:
        paragraphs.append(" ".join(points))
    paragraphs.append(where_paragraph(location))
    return tuple(paragraphs)


def where_paragraph(location: Location) -> str:
    """Where the work happens, in one sentence."""
    place = location.place
    if location.work_model == "remote":
        within = location.place if location.region else location.country_phrase
        text = f"This is a fully remote role, open to candidates who live in {within}"
        if location.time_zone:
            text += f" and can work on {location.time_zone}"
        return text + "."
    if location.work_model == "hybrid":
        text = f"This is a hybrid role based in {place}" if place else "This is a hybrid role"
        if location.days_on_site:
            plural = "s" if location.days_on_site > 1 else ""
            text += f", with {location.days_on_site} day{plural} a week in the office"
        else:
            text += ", with part of each week in the office"
        return text + "."
    return f"This role is based in our office in {place}." if place else "This role is based in our office."


def lifecycle_sentence(bm: Benchmarks, situation: Situation) -> str | None:
    """How an account moves through the lifecycle, for a level that holds accounts."""
    phases = sorted(bm.lifecycle_phases(), key=lambda phase: phase.order)
    if not situation.holds_book or not phases:
        return None
    named = []
    for phase in phases:
        window = phase.window
        if window is None:
            named.append(phase.name.lower())
        else:
            span = format_range(window.low, window.high, unit=f" {window.unit}")
            named.append(f"{phase.name.lower()} ({window.context}: {span})")
    return sentence(f"Each account moves through {join(named)}")


def growth_sentence(bm: Benchmarks, level: Level) -> str | None:
    """Where the job can lead: the levels above this one that the guides' career paths name.

    The paths start from a CSM; a level below every step they name (entry) goes
    through the next level first, which the sentence says.
    """
    ladder = sorted(bm.levels(), key=lambda lvl: lvl.rank)
    above = {key for path in bm.career_paths() if path.kind == "up" for key in path.to_levels}
    names = [lvl.name for lvl in ladder if lvl.key in above and lvl.rank > level.rank]
    if not names:
        return None
    steps = join(names).replace(" and ", " or ")
    following = next((lvl for lvl in ladder if lvl.rank > level.rank), None)
    if following is not None and following.key not in above:
        return sentence(f"From here, the career path runs to {following.name} and then to {steps}")
    return sentence(f"From here, the career path runs to {steps}")


def reports_to(level: Level) -> str | None:
    """Whom the level reports to, as a guide lists the titles."""
    titles = [title for line in level.reports_to for title in line.titles]
    if not titles:
        return None
    return join(f"the {title}" for title in dict.fromkeys(titles)).replace(" and the ", " or the ")


# -- lists -----------------------------------------------------------------------------------


def duties(
    bm: Benchmarks,
    situation: Situation,
    first: Iterable[str],
    industry: Industry | None,
    technical: Iterable[str],
) -> tuple[str, ...]:
    """Duties in posting order: the book, fitting responsibilities, the level's own, industry, technical.

    A level that leads people states its own duties (leading, hiring, strategy) right
    after the book, before the account work it shares with CSMs.
    """
    fitting = [
        duty
        for duty in bm.responsibilities()
        if duty.in_postings
        and situation.fits(duty.when)
        and not (duty.emphasis and situation.segment not in duty.emphasis)
    ]
    items = list(first)
    if situation.level.leads_people:
        items += [duty.text for duty in fitting if duty.when.leads_people]
        items += situation.level.duties
    items += [duty.text for duty in fitting]
    items.extend(situation.level.duties)
    if industry is not None and industry.focus_areas:
        focus = join(area.lower() for area in industry.focus_areas)
        whose = "your accounts" if situation.holds_book else "the team's accounts"
        items.append(f"Build {focus} into the success plans of {whose} in {industry.name.lower()}.")
    items.extend(technical)
    return tuple(dict.fromkeys(items))


def qualifications_for(bm: Benchmarks, situation: Situation, *, must: bool) -> tuple[str, ...]:
    """The must-have (or nice-to-have) qualifications whose conditions fit."""
    pool = bm.qualifications().must_have if must else bm.qualifications().nice_to_have
    return tuple(q.text for q in pool if q.in_postings and situation.fits(q.when))


_DOLLAR = re.compile(r"(?<![A-Za-z])\$(?=\d)")


def dollars_marked(lines: Iterable[str]) -> tuple[str, ...]:
    """Lines with the guides' dollar sums written "US$1M", for a posting whose pay is in another currency."""
    return tuple(_DOLLAR.sub("US$", line) for line in lines)


def context_requirements(situation: Situation, contexts: Iterable[WorkContext]) -> tuple[str, ...]:
    """Context points a posting lists among its requirements."""
    return tuple(
        sentence(p.text)
        for c in contexts
        for p in c.points
        if p.use == "requirement" and situation.fits(p.when)
    )


def lead_kpis(bm: Benchmarks, segment: Segment) -> tuple[Kpi, ...]:
    """The KPIs a posting for the segment leads with: its own choice, else the first five with targets."""
    if segment.lead_kpis:
        return tuple(bm.kpi(key) for key in segment.lead_kpis)
    return tuple(kpi for kpi in bm.kpis() if kpi.targets)[:5]


def main_target(bm: Benchmarks, kpi: Kpi) -> KpiTarget:
    """A KPI's target for a posting: one without a special context from the newest guide, else any."""
    plain = [t for t in kpi.targets if t.context is None]
    return newest(bm, plain or kpi.targets)  # type: ignore[no-any-return]
