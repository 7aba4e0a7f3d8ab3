"""Tailored job descriptions: `generate_jd` and `JobDescription`.

``generate_jd`` reads the dataset (segment, level, industry, place, KPIs ...) and
composes a structured `JobDescription`; nothing here formats a document. The sentences
are composed in ``_compose.py`` from what the data says a posting uses; formatting
lives in the templates (``templates/jd/``) and ``_render.py``; the schema.org view in
``_jsonld.py``. Follow one argument, say ``segment``, from `generate_jd` through
``_compose`` to the sentence it changes.

Pay follows one policy (``docs/reference/data-format.md``): a posting that names only a
segment takes the level the newest guide pairs with it; the level's band comes from the
newest guide that has one; a guide metro scales it by the guide's own metro and national
ranges; any other US place gets the national band with a note; a level without a band,
or a place outside the US, needs the company's own ``pay=``.
"""

# No `from __future__ import annotations` (as in _models.py): pydantic would then
# evaluate every annotation string when the models are created, at start-up.
import datetime as dt
import hashlib
import os
from collections.abc import Mapping
from typing import Any

from pydantic import Field

from . import _compose as compose
from ._benchmarks import Benchmarks, resolve_benchmarks
from ._company import Company, CompanyPay, check_employees, to_company
from ._currency import currency_code
from ._errors import InvalidInputError, NoFigureError
from ._location import WORK_MODEL_ALIASES, Location
from ._models import (
    AcvRange,
    Industry,
    Level,
    MoneyRange,
    PercentRange,
    Record,
    Segment,
    Source,
    WorkContext,
    WorkModel,
    YearsRange,
    format_range,
    pick_option,
)
from ._pay import PayBand, check_salary

__all__ = [
    "Company",
    "Compensation",
    "JobDescription",
    "Location",
    "Portfolio",
    "SuccessMetric",
    "generate_jd",
]

#: schema.org / Google JobPosting employment types, with the spellings people use.
EMPLOYMENT_TYPES: dict[str, tuple[str, ...]] = {
    "FULL_TIME": ("full time", "full-time", "fulltime", "permanent"),
    "PART_TIME": ("part time", "part-time", "parttime"),
    "CONTRACTOR": ("contract", "contractor", "freelance"),
    "TEMPORARY": ("temp", "temporary", "fixed term", "fixed-term"),
    "INTERN": ("intern", "internship"),
    "VOLUNTEER": ("volunteer",),
    "PER_DIEM": ("per diem",),
    "OTHER": ("other",),
}


class Portfolio(Record):
    """The book of accounts the posting describes: one guide's count for the segment.

    Examples:
        >>> csm_roles.generate_jd("mid-market").portfolio.label
        '20–50'
    """

    segment: str
    segment_name: str
    low: int
    high: int | None
    open_ended: bool
    acv: AcvRange | None = Field(default=None, description="Only where the same guide ties one to the count.")
    engagement_model: str | None
    engagement_name: str | None
    cadence: str
    activities: tuple[str, ...]
    source: str

    @property
    def label(self) -> str:
        """Accounts as a posting states them: "5–20", "50–100+"."""
        return format_range(self.low, self.high, open_ended=self.open_ended)

    @property
    def acv_label(self) -> str | None:
        """The ACV phrase, or None when the chosen guide ties none to its count."""
        return self.acv.phrase if self.acv is not None else None


class SuccessMetric(Record):
    """A KPI with the numeric target the posting sets.

    Examples:
        >>> csm_roles.generate_jd("enterprise").success_metrics[0].line
        'Net Revenue Retention (NRR): 110–120%'
    """

    kpi: str
    name: str
    target: str
    context: str | None = None
    low: float | None
    high: float | None
    unit: str
    source: str

    @property
    def line(self) -> str:
        """The metric as a posting lists it: "Net Revenue Retention (NRR): 110–120%"."""
        return f"{self.name}: {self.target}" + (f" ({self.context})" if self.context else "")


class Compensation(Record):
    """The pay a posting states: a base range, or total pay where that is all a guide gives.

    ``basis`` and ``warnings`` are for the recruiter, never printed in the posting.

    Examples:
        >>> csm_roles.generate_jd("smb", "entry").compensation.lines[0]
        'Base salary: $60,000–$80,000 a year.'
    """

    base: MoneyRange | None = None
    total: MoneyRange | None = Field(default=None, description="Base and variable pay together.")
    ote: MoneyRange | None = None
    bonus_pct: PercentRange | None = None
    variable: str | None = None
    band_level: str | None = Field(default=None, description="The level whose band the posting uses.")
    derived: bool = False
    formula: str | None = None
    basis: str | None = Field(
        default=None, description="For the recruiter: how the range was chosen, and how it compares."
    )
    place: str | None = Field(default=None, description="The place a derived range is scaled to.")
    sources: tuple[str, ...] = ()
    set_by_company: bool = False
    other_pay: str | None = Field(default=None, description="The company's own words on pay beyond the base.")
    good_faith: bool = Field(
        default=False, description="Whether the posting says the range is the employer's good-faith estimate."
    )

    @property
    def range(self) -> MoneyRange:
        """The range the posting states: base pay, or total pay where only that is known."""
        found = self.base or self.total
        assert found is not None  # every Compensation is built with one of them
        return found

    @property
    def range_label(self) -> str:
        """The stated range with its period: "$80,000–$120,000 a year" (total pay says so)."""
        if self.base is None:
            return f"{self.range} a year in total pay"
        return f"{self.base} a year"

    @property
    def lines(self) -> tuple[str, ...]:
        """The pay section as short sentences, in the order a posting shows them."""
        if self.base is None:
            lines = [f"Total pay: {self.range} a year, base and variable pay together."]
        else:
            lines = [f"Base salary: {self.base} a year.", *self._variable_lines()]
        if self.derived and self.place:
            lines.append(f"The range is set for {self.place}.")
        if self.good_faith:
            lines.append(
                "The range is our good-faith estimate, as of this posting, of the pay for this role."
            )
        return tuple(lines)

    def _variable_lines(self) -> list[str]:
        if self.other_pay:
            return [f"Other pay: {self.other_pay}"]
        lines = []
        if self.ote is not None:
            lines.append(f"On-target earnings: {self.ote} a year.")
        if self.variable and self.variable != "a bonus" and self.bonus_pct is not None:
            lines.append(
                f"Variable pay: {self.variable} on top of the base, with a bonus of {self.bonus_pct} of base."
            )
        elif self.bonus_pct is not None:
            lines.append(f"Variable pay: a bonus of {self.bonus_pct} of base.")
        elif self.variable:
            lines.append(f"Variable pay: {self.variable}, on top of the base.")
        return lines


class JobDescription(Record):
    """A tailored CSM job description: structured fields, rendered on demand.

    ``warnings`` lists what a recruiter should settle before publishing (no company
    name, no closing date, a reference band to confirm); they never appear in the
    posting.

    Examples:
        >>> import datetime, csm_roles
        >>> jd = csm_roles.generate_jd("enterprise", date_posted=datetime.date(2026, 11, 1))
        >>> jd.title, jd.portfolio.label, str(jd.compensation.base)
        ('Senior Customer Success Manager (Enterprise)', '5–20', '$120,000–$160,000')
        >>> jd.render("markdown").splitlines()[0]
        '# Senior Customer Success Manager (Enterprise)'
    """

    title: str
    level: str
    level_name: str
    segment: str
    segment_name: str
    industry: str | None = None
    industry_name: str | None = None
    context: str | None = None
    technical: bool = False
    company: Company
    hiring_organization: str | None = Field(description="The company's name, or None when none was given.")
    location: Location
    employment_type: str = "FULL_TIME"
    identifier: str
    date_posted: dt.date
    valid_through: dt.date | None = None
    summary: str
    about: str | None = None
    role: tuple[str, ...]
    responsibilities: tuple[str, ...]
    requirements: tuple[str, ...]
    nice_to_haves: tuple[str, ...]
    success_metrics: tuple[SuccessMetric, ...]
    portfolio: Portfolio
    accounts: str = Field(description="The accounts line of the key facts.")
    experience: YearsRange | None = None
    reports_to: str | None = Field(default=None, description="Whom the person hired reports to.")
    travel: str | None = None
    compensation: Compensation
    benefits: tuple[str, ...]
    how_to_apply: str | None = None
    equal_opportunity: str | None = None
    skills: tuple[str, ...]
    sources: tuple[Source, ...]
    warnings: tuple[str, ...] = ()

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The key facts a reader scans first: location, pay, accounts, experience."""
        facts = [
            ("Location", self.location.label),
            ("Pay", self.compensation.range_label),
            ("Accounts", self.accounts),
        ]
        if self.experience is not None:
            facts.append(("Experience", str(self.experience)))
        if self.industry_name:
            facts.append(("Industry", self.industry_name))
        if self.reports_to:
            facts.append(("Reports to", self.reports_to[:1].upper() + self.reports_to[1:]))
        if self.travel:
            facts.append(("Travel", self.travel[:1].upper() + self.travel[1:]))
        if self.valid_through is not None:
            facts.append(
                ("Apply by", f"{self.valid_through:%B} {self.valid_through.day}, {self.valid_through.year}")
            )
        return tuple(facts)

    @property
    def sources_line(self) -> str:
        """Which guides the figures in this posting come from (for the recruiter)."""
        names = "; ".join(f"{s.publisher or s.title} ({s.year})" for s in self.sources if s.kind == "guide")
        what = "Portfolio and targets" if self.compensation.set_by_company else "Pay, portfolio and targets"
        line = f"{what} follow published CSM hiring guides: {names}."
        if self.compensation.basis:
            line += f" How the pay range was chosen: {self.compensation.basis}"
        if (
            self.compensation.derived and self.compensation.formula
        ):  # a figure no guide states: how it was made
            line += f" The range for the place is derived, not published: {self.compensation.formula}."
        return line

    def render(
        self,
        format: str = "markdown",
        *,
        template_dir: str | os.PathLike[str] | None = None,
        sources: bool = False,
    ) -> str:
        """The job description as a document: ``"markdown"``, ``"html"`` or ``"text"``.

        ``sources=True`` adds a closing line naming the guides behind the figures (for
        the recruiter's copy; candidates do not need it). ``template_dir`` names a
        folder of templates that override or extend the built-in ones (see
        ``docs/guides/templates.md``); they render in a sandbox.
        """
        from ._render import render

        return render("jd", format, {"jd": self, "show_sources": sources}, template_dir=template_dir)

    def to_jsonld(self) -> dict[str, Any]:
        """A schema.org ``JobPosting`` as a dict, ready for ``json.dumps``."""
        from ._jsonld import job_posting

        return job_posting(self)

    def to_jsonld_script(self) -> str:
        """The JSON-LD in a ``<script type="application/ld+json">`` element, safe to embed in HTML."""
        from ._jsonld import script

        return script(self.to_jsonld())

    def to_json(self) -> str:
        """The structured fields as JSON (recruiter notes and warnings included)."""
        return self.model_dump_json(indent=2)

    def __str__(self) -> str:
        return self.render("markdown")


# -- inputs ------------------------------------------------------------------------------


def _date(value: object, name: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInputError(f"{name} must be a date or an ISO date string like 2026-11-01; got {value!r}")


def _pay_override(pay: object, currency: str) -> MoneyRange:
    """A company's own band, validated: two positive whole amounts, low <= high."""
    low: object
    high: object
    if isinstance(pay, MoneyRange):
        low, high, currency = pay.low, pay.high, pay.currency
    elif isinstance(pay, Mapping):
        low, high = pay.get("low"), pay.get("high")
    elif isinstance(pay, (tuple, list)) and len(pay) == 2:
        low, high = pay
    else:
        raise InvalidInputError(
            f"pay must be a (low, high) pair, a dict with 'low' and 'high', or a MoneyRange; got {pay!r}"
        )
    try:
        low_amount, high_amount = check_salary(low), check_salary(high)
    except InvalidInputError as err:
        raise InvalidInputError(f"pay: {err}") from None
    if low_amount <= 0:
        raise InvalidInputError(f"pay: the low end must be above zero, got {low!r}")
    if low_amount > high_amount:
        raise InvalidInputError(f"pay: the low end ({low_amount:,}) is above the high end ({high_amount:,})")
    return MoneyRange.model_construct(low=low_amount, high=high_amount, currency=currency)


def _location(
    bm: Benchmarks, location: object, metro: str | None, work_model: str | None, context: WorkContext | None
) -> Location:
    """Where the job is, from ``location`` (text or Location) or ``metro`` (a guide metro key).

    A context that describes some work models (remote-hybrid) sets the work model of a
    place that does not say one; a remote place stays remote.
    """
    if location is not None and metro is not None:
        raise InvalidInputError("give location= or metro=, not both (metro= is a short form of location=)")
    found = _place(bm, location, metro, work_model)
    models = context.applies_to_work_models if context is not None else ()
    if work_model is None and models and found.work_model not in models and found.work_model == "onsite":
        found = _place(bm, location, metro, "hybrid" if "hybrid" in models else models[0])
    if context is not None and models and found.work_model not in models:
        raise InvalidInputError(
            f"context {context.key!r} describes {' or '.join(models)} work, "
            f"but the work model is {found.work_model!r}; drop one of them"
        )
    return found


def _place(bm: Benchmarks, location: object, metro: str | None, work_model: str | None) -> Location:
    if isinstance(location, Location):
        if work_model is None:
            return location
        return location.model_copy(update={"work_model": _model(work_model)})
    if location is not None:
        from ._places import parse_location, stated_work_model  # the place tables, only for a place

        found = parse_location(location, work_model=work_model, benchmarks=bm)  # type: ignore[arg-type]
        said = stated_work_model(found.given or "")
        if said is not None and said != found.work_model:
            raise InvalidInputError(
                f"the location {found.given!r} says {said}, but the work model is {found.work_model!r}; "
                "drop one of them"
            )
        return found
    if metro is not None:
        return _metro_location(bm, metro, work_model)
    model = _model(work_model) if work_model is not None else "onsite"
    return Location.model_construct(
        work_model=model, country="US", country_name="United States", country_phrase="the United States"
    )


def _model(work_model: str) -> WorkModel:
    return pick_option(WORK_MODEL_ALIASES, work_model, "work model")  # type: ignore[return-value]


def _metro_location(bm: Benchmarks, key: str, work_model: str | None) -> Location:
    from ._places import places

    record = bm.metro(key)
    country = places().country(record.country)
    if record.locality is None:  # Remote: a kind of place, not a city
        if work_model is not None and _model(work_model) != "remote":
            raise InvalidInputError(
                f"metro {record.key!r} means a remote job, but work_model is {work_model!r}; "
                "drop work_model, or name the city the office is in"
            )
        return Location.model_construct(
            work_model="remote",
            country=country.code,
            country_name=country.name,
            country_phrase=country.in_sentence,
        )
    region = next(
        (r for r in places().regions if r.country == record.country and r.code == record.region), None
    )
    return Location.model_construct(
        work_model=_model(work_model) if work_model is not None else "onsite",
        locality=record.locality,
        region=record.region,
        region_name=region.name if region else None,
        country=country.code,
        country_name=country.name,
        country_phrase=country.in_sentence,
        metro=record.key,
        metro_name=record.name,
    )


# -- pay ---------------------------------------------------------------------------------


def _company_band(
    bm: Benchmarks, company: Company, level: Level, segment: Segment, location: Location
) -> CompanyPay | None:
    """The most specific band the company's profile states for this posting, if any.

    A band for the level, segment and place wins over one for the level and segment,
    which wins over one for the level and place, which wins over one for the level.
    """
    best: tuple[int, CompanyPay] | None = None
    for band in company.pay:
        if bm.level(band.level).key != level.key:
            continue
        if band.segment is not None and bm.segment(band.segment).key != segment.key:
            continue
        if band.location is not None:
            from ._places import parse_location  # the place tables, only for a band with a place

            if not _same_place(parse_location(band.location, benchmarks=bm), location):
                continue
        rank = 2 * (band.segment is not None) + (band.location is not None)
        if best is None or rank > best[0]:
            best = (rank, band)
    return best[1] if best else None


def _same_place(stated: Location, posting: Location) -> bool:
    """Whether a place a company's band names covers the posting's place (a missing part is any)."""
    if (stated.work_model == "remote") != (
        posting.work_model == "remote"
    ) or stated.country != posting.country:
        return False
    if stated.metro is not None and stated.metro == posting.metro:
        return True
    return all(
        mine is None or (theirs is not None and mine.casefold() == theirs.casefold())
        for mine, theirs in ((stated.region, posting.region), (stated.locality, posting.locality))
    )


def _variable_pay(bm: Benchmarks, level: Level, band: PayBand, notes: list[str]) -> PercentRange | None:
    """The bonus share for a base band, from another guide's band for the level if need be.

    A share of base carries over to any base. On-target earnings are money tied to
    the other guide's own base, so they are not mixed into this band: the recruiter's
    note names them and how to post that guide's band instead.
    """
    if band.base is None or (band.ote is not None and band.bonus_pct is not None):
        return band.bonus_pct
    others = [b for b in bm.salary_bands(level.key) if b.source != band.source and (b.ote or b.bonus_pct)]
    if not others:
        return band.bonus_pct
    other = compose.newest(bm, others)
    bonus = band.bonus_pct
    if bonus is None and other.bonus_pct is not None:
        bonus = other.bonus_pct
        notes.append(f"The bonus share of base is {other.source}'s figure for the level.")
    if band.ote is None and other.ote is not None and other.base is not None:
        notes.append(
            f"{other.source} gives on-target earnings of {other.ote} for the level, on its own base of "
            f"{other.base}; to post that guide's band instead, pass pay_source={other.source!r} "
            f"(--pay-source {other.source} on the command line)."
        )
    return bonus


def _compensation(
    bm: Benchmarks,
    level: Level,
    segment: Segment,
    location: Location,
    pay: object | None,
    currency: str,
    company: Company,
    level_given: bool,
    pay_source: str | None = None,
) -> Compensation:
    if pay is None and (own := _company_band(bm, company, level, segment, location)) is not None:
        return Compensation.model_construct(
            base=own.base,
            basis=f"Pay range from {company.name or 'the company'}'s profile, for the {level.name} level.",
            sources=(),
            set_by_company=True,
        )
    if pay is not None:
        return Compensation.model_construct(
            base=_pay_override(pay, currency),
            basis=f"Pay range set by {company.name or 'the employer'}.",
            sources=(),
            set_by_company=True,
        )
    where = location.place or location.country_name
    if location.country != "US":
        raise InvalidInputError(
            f"the guides' pay figures are for the United States; for a job in {where} pass "
            "pay=(low, high) with the range you will pay, and currency= (its ISO code, such as 'EUR' or "
            "'CAD'), "
            "or add the band to the company's profile"
        )
    pay_metro = location.metro
    notes: list[str] = []
    if location.work_model == "remote":
        remote = bm.get("metros", "remote")
        pay_metro = remote.key if remote is not None else None
        if location.metro is not None:
            notes.append(f"A remote role is paid by the guides' Remote range, not by {location.metro_name}.")
    elif pay_metro is None and location.place:
        notes.append(f"The guides give no pay figure for {where}; the level's national band is used.")
    try:
        band: PayBand = bm.salary_band(level.key, metro=pay_metro, source=pay_source)
    except NoFigureError as error:
        raise NoFigureError(str(error) if pay_source else _no_band(bm, level)) from None
    if pay_source is not None:
        notes.append(f"The band of {band.source}, as asked.")
    notes.extend(_pairing_notes(bm, level, segment, band, level_given))
    if band.note:
        notes.append(band.note)
    bonus = _variable_pay(bm, level, band, notes)
    place = (
        (location.place or location.metro_name) if band.derived and location.work_model != "remote" else None
    )
    if band.derived and location.work_model == "remote":
        place = f"remote work in {location.country_phrase}"
    return Compensation.model_construct(
        base=band.base,
        total=band.total if band.base is None else None,
        ote=band.ote,
        bonus_pct=bonus,
        variable=band.variable,
        band_level=band.level,
        derived=band.derived,
        formula=band.formula,
        basis=" ".join(notes) or None,
        place=place,
        sources=band.sources,
    )


def _no_band(bm: Benchmarks, level: Level) -> str:
    banded = [lvl for lvl in bm.levels() if any(b.level == lvl.key for b in bm.data.pay.level_bands)]
    nearest = min(banded, key=lambda lvl: abs(lvl.rank - level.rank), default=None)
    hint = ""
    if nearest is not None:
        band = bm.salary_band(nearest.key)
        hint = f" For comparison, the {nearest.name} band is {band.base or band.total} ({band.source})."
    return (
        f"the guides publish no pay band for the {level.name} level, and the library does not make one up; "
        f"pass pay=(low, high) with the range you will pay (--pay on the command line).{hint}"
    )


def _pairing_notes(
    bm: Benchmarks, level: Level, segment: Segment, band: PayBand, level_given: bool
) -> list[str]:
    """How the level's band relates to the band the newest guide ties to the segment."""
    notes = []
    paired = bm.paired_level(segment.key)
    if not level_given and paired is not None and paired.key == level.key:
        notes.append(
            f"No level was given: {band.source} pairs {segment.name} with the {level.name} level, so the "
            "posting uses that level and its band."
        )
    if (
        band.segment is not None
        and band.segment != segment.key
        and band.source == bm.salary_band(level.key).source
    ):
        tied = bm.segment(band.segment).name
        text = f"{band.source} lists this band as {level.name} / {tied}."
        if paired is not None:
            other = bm.salary_band(paired.key)
            text += f" For {segment.name} it lists {other.base or other.total} with the {paired.name} level."
        notes.append(text)
    return notes


# -- composition -----------------------------------------------------------------------


def _portfolio(bm: Benchmarks, segment: Segment) -> Portfolio:
    chosen = compose.newest(bm, segment.portfolio)
    engagement = bm.engagement_model(segment.engagement_model) if segment.engagement_model else None
    return Portfolio.model_construct(
        segment=segment.key,
        segment_name=segment.name,
        low=chosen.low,
        high=chosen.high,
        open_ended=chosen.open_ended,
        acv=chosen.acv,
        engagement_model=engagement.key if engagement else None,
        engagement_name=engagement.name if engagement else None,
        cadence=segment.cadence,
        activities=tuple(a.text for a in segment.activities if a.source == chosen.source),
        source=chosen.source,
    )


def _metrics(bm: Benchmarks, segment: Segment) -> tuple[SuccessMetric, ...]:
    metrics = []
    for kpi in compose.lead_kpis(bm, segment):
        if not kpi.targets:
            continue
        target = compose.main_target(bm, kpi)
        metrics.append(
            SuccessMetric.model_construct(
                kpi=kpi.key,
                name=kpi.label,
                target=target.label(kpi.unit),
                context=target.context,
                low=target.low,
                high=target.high,
                unit=target.unit or kpi.unit,
                source=target.source,
            )
        )
    return tuple(metrics)


def _experience(bm: Benchmarks, level: Level) -> YearsRange | None:
    stated = [years for years in level.experience if years.basis == "stated"]
    if not (stated or level.experience):
        return None
    return compose.newest(bm, stated or level.experience)  # type: ignore[no-any-return]


def _identifier(*parts: object) -> str:
    """A stable identifier for the posting, from what makes it this posting."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode("utf-8")).hexdigest()
    return f"csm-{digest[:12]}"


def _pay_law(
    compensation: Compensation,
    where: Location,
    company: Company,
    closes: dt.date | None,
    employees: int | None,
    posted: dt.date,
    draft: bool,
) -> tuple[Compensation, tuple[str, ...]]:
    """The company's words on other pay, and what the place's pay-transparency laws ask (see `_jd_law`)."""
    employees = check_employees(employees)
    if company.other_compensation:
        compensation = compensation.model_copy(
            update={"other_pay": compose.sentence(company.other_compensation)}
        )
    if where.country == "US" and where.region is None and where.work_model != "remote":
        return compensation, ()  # no state: the place's own warning asks for one (and the table stays unread)
    from ._jd_law import Posting, check_posting

    posting = Posting(
        location=where,
        company=company,
        set_by_company=compensation.set_by_company,
        other_pay=bool(compensation.other_pay)
        or (not compensation.set_by_company and bool(compensation.variable or compensation.bonus_pct)),
        closes=closes,
        pay_width=_yearly_width(compensation) if compensation.set_by_company else None,
    )
    answer, warnings = check_posting(posting, employees=employees, on=posted, draft=draft)
    if answer is not None and compensation.set_by_company:
        rulings = (*answer.applies, *answer.may_apply)
        asked = {
            r.element for ruling in rulings if ruling.reach != "place-unknown" for r in ruling.requirements
        }
        if "good-faith" in asked:
            compensation = compensation.model_copy(update={"good_faith": True})
    return compensation, warnings


def _yearly_width(compensation: Compensation) -> int | None:
    """High minus low of the posted yearly range (None for an open-ended one)."""
    stated = compensation.range
    return None if stated.high is None else stated.high - stated.low


def _pay_sense(compensation: Compensation, location: Location) -> list[str]:
    """Notes on a range the company gave that a candidate would find odd."""
    stated = compensation.range
    notes: list[str] = []
    if not compensation.set_by_company:
        return notes
    if stated.high is not None and stated.high < 10_000:
        notes.append(
            f"The pay range {stated} a year is below 10,000: pay here is yearly, so write 60k-80k "
            "(60000-80000) for a salary of that size."
        )
    if stated.high is not None and stated.high > 2 * stated.low:
        notes.append(
            f"The range's top is more than twice its bottom ({stated}); candidates read that as no real "
            "range, and the lint rule pay-range-wide flags it."
        )
    if location.country == "US" and stated.currency != "USD":
        notes.append(f"The pay is in {stated.currency} for a job in the United States; check the currency.")
    return notes


def _warnings(
    company: Company, location: Location, compensation: Compensation, closes: dt.date | None
) -> tuple[str, ...]:
    found = []
    if company.name is None:
        found.append("No company name: job boards need the hiring organization; give the company's name.")
    if location.work_model != "remote" and location.place is None:
        found.append("No place: say where the office is, such as 'Boston, MA'.")
    if not compensation.set_by_company:
        found.append(
            "The pay range is a reference band from the guides: confirm it is the range you will pay, "
            "or give your own."
        )
    if compensation.base is None:
        found.append(
            "Only total pay is known for this level, so the JSON-LD has no baseSalary; give your base range."
        )
    found.extend(_pay_sense(compensation, location))
    if closes is None:
        found.append("No closing date: job boards read validThrough; give the date applications close.")
    return tuple(found)


def generate_jd(
    segment: str,
    level: str | None = None,
    *,
    industry: str | None = None,
    location: str | Location | None = None,
    metro: str | None = None,
    work_model: str | None = None,
    context: str | None = None,
    technical: bool = False,
    company: Company | Mapping[str, Any] | str | None = None,
    pay: MoneyRange | Mapping[str, int] | tuple[int, int] | None = None,
    currency: str = "USD",
    pay_source: str | None = None,
    title: str | None = None,
    date_posted: dt.date | str | None = None,
    valid_through: dt.date | str | None = None,
    employment_type: str = "FULL_TIME",
    identifier: str | None = None,
    employees: int | None = None,
    draft: bool = False,
    benchmarks: Benchmarks | None = None,
) -> JobDescription:
    """A job description tailored to segment, level, industry, place and company.

    Args:
        segment: ``"smb"``, ``"mid-market"`` or ``"enterprise"`` (aliases work: ``"MM"``).
        level: a level key or alias; without it, the level the newest guide pairs with
            the segment (entry for SMB, mid for mid-market, senior for enterprise).
        industry: an industry key or alias (``"healthcare"``, ``"fintech"``), or None.
        location: where the job is, as people write it: ``"Boston, MA"``,
            ``"Remote (US)"``, ``"Hybrid - Austin, TX (3 days in office)"``.
        metro: a guide metro key or alias (``"SF"``, ``"NYC"``, ``"remote"``): a short
            form of ``location``.
        work_model: ``"onsite"``, ``"hybrid"`` or ``"remote"``; wins over the location text.
        context: a work context (``"startup"``, ``"corporate"``, ``"remote-hybrid"``), or None.
        technical: True for a technical product (APIs, webhooks, SQL), False to ask
            for business acumen instead.
        company: a `Company`, a dict with its fields, or just a name.
        pay: the company's own base band, ``(low, high)``; required for a level the
            guides give no band (strategic, team lead, manager) and outside the US.
        currency: the currency of ``pay`` (ISO 4217, default USD).
        pay_source: the source id whose band to post (``"jd-template-2025"``, which
            gives on-target earnings and a bonus share); default the newest guide with one.
        title: a job title to use instead of the generated one.
        date_posted: the posting date (default: today); pass it for identical output.
        valid_through: the closing date, if any.
        employment_type: ``FULL_TIME``, ``PART_TIME``, ``CONTRACTOR``, ``TEMPORARY``,
            ``INTERN``, ``VOLUNTEER``, ``PER_DIEM`` or ``OTHER`` ("full-time" works too).
        identifier: your own id for the posting; default a stable id made from its inputs.
        employees: the company's headcount (default: the profile's ``employees``), which
            settles whether a pay-transparency law with a size threshold applies.
        draft: True to turn what a pay-transparency law requires but the posting lacks
            into warnings instead of a `PayTransparencyError`.
        benchmarks: a `Benchmarks` to draw on; default the built-in data.

    Raises:
        UnknownKeyError: an unknown segment, level, industry, metro, work model, context
            or employment type.
        NoFigureError: a level the guides give no pay band for, without ``pay``.
        PayTransparencyError: a pay-transparency law that applies where the job is
            requires something the posting lacks (see ``docs/guides/pay-transparency.md``).
        InvalidInputError: a bad pay band, company, date or location, or a place outside
            the US without ``pay``.

    >>> jd = csm_roles.generate_jd("smb", "entry", location="Austin, TX", date_posted="2026-11-01")
    >>> jd.title, jd.portfolio.label, jd.location.label
    ('Associate Customer Success Manager (SMB)', '50–100+', 'On-site, Austin, TX')
    """
    bm = resolve_benchmarks(benchmarks)
    if not isinstance(segment, str):
        raise TypeError(f"segment must be a str such as 'enterprise', got {type(segment).__name__}")
    segment_record = bm.segment(segment)
    level_record = bm.level(level) if level is not None else _default_level(bm, segment_record)
    industry_record = bm.industry(industry) if industry is not None else None
    context_record = bm.work_context(context) if context is not None else None
    company_record = to_company(company, bm)
    if title is not None and (not isinstance(title, str) or not title.strip()):
        raise InvalidInputError(f"title must be a non-empty string; got {title!r}")
    if not isinstance(technical, bool):
        raise TypeError(f"technical must be True or False; got {technical!r}")
    employment = pick_option(EMPLOYMENT_TYPES, employment_type, "employment type")
    posted = _date(date_posted, "date_posted") or dt.date.today()
    closes = _date(valid_through, "valid_through")
    if closes is not None and closes < posted:
        raise InvalidInputError(f"valid_through ({closes}) is before date_posted ({posted})")
    if identifier is not None and (
        not isinstance(identifier, str) or not identifier.strip() or len(identifier) > 100
    ):
        raise InvalidInputError(f"identifier must be a short non-empty string; got {identifier!r}")

    if location is None and metro is None and company_record.locations:
        location = company_record.locations[0]  # the profile's main place
    where = _location(bm, location, metro, work_model, context_record)
    if where.work_model == "hybrid" and where.days_on_site is None and company_record.days_on_site:
        where = where.model_copy(update={"days_on_site": company_record.days_on_site})
    if closes is None and company_record.application_deadline is not None:
        closes = company_record.application_deadline
        if closes < posted:
            raise InvalidInputError(
                f"the profile's application_deadline ({closes}) is before the posting date ({posted}): "
                "update it in the profile, or pass valid_through= (--valid-through) for this posting"
            )
    compensation = _compensation(
        bm,
        level_record,
        segment_record,
        where,
        pay,
        currency_code(currency),
        company_record,
        level_given=level is not None,
        pay_source=pay_source,
    )
    if not isinstance(draft, bool):
        raise TypeError(f"draft must be True or False; got {draft!r}")
    compensation, law_warnings = _pay_law(
        compensation,
        where,
        company_record,
        closes,
        employees if employees is not None else company_record.employees,
        posted,
        draft,
    )
    portfolio = _portfolio(bm, segment_record)
    experience = _experience(bm, level_record)
    situation = compose.Situation(
        level=level_record,
        segment=segment_record.key,
        work_model=where.work_model,
        context=context_record.key if context_record else None,
        technical=technical,
        industry=industry_record is not None,
    )
    contexts = [
        c
        for c in bm.work_contexts()
        if c is context_record or (c.applies_to_work_models and where.work_model in c.applies_to_work_models)
    ]
    engagement = (
        bm.engagement_model(segment_record.engagement_model) if segment_record.engagement_model else None
    )
    job_title = title.strip() if title else f"{level_record.title} ({segment_record.name})"
    metrics = _metrics(bm, segment_record)
    accounts = portfolio.label
    hiring = company_record.name
    article = "an" if job_title[:1].lower() in "aeiou" else "a"
    grows = level_record.book in ("own", "fewer")
    summary = (
        f"{hiring + ' is hiring' if hiring else 'We are hiring'} {article} {job_title} to "
        f"{compose.book_phrase(level_record, segment_record, accounts)}"
        + (
            " and grow them through retention and expansion, measured against clear targets."
            if grows
            else ", with retention and expansion measured against clear targets."
        )
    )
    duties, requirements, nice = _lists(
        bm,
        situation,
        level_record,
        segment_record,
        portfolio,
        experience,
        industry_record,
        contexts,
        technical,
    )
    if compensation.range.currency != "USD":  # the guides' sums are in US dollars: say so
        duties, requirements, nice = (compose.dollars_marked(lines) for lines in (duties, requirements, nice))
    used = {
        portfolio.source,
        *compensation.sources,
        *(m.source for m in metrics),
        *((experience.source,) if experience else ()),
        *level_record.sources,
        *segment_record.sources,
        *(industry_record.sources if industry_record else ()),
        *((context_record.source,) if context_record else ()),
    }
    skills = tuple(
        dict.fromkeys(
            [
                *(comp.skills[0] for comp in bm.competencies() if comp.skills),
                *(("API integrations", "SQL") if technical else ("business acumen",)),
                *(c.name for c in (industry_record.compliance if industry_record else ())),
            ]
        )
    )
    return JobDescription.model_construct(
        title=job_title,
        level=level_record.key,
        level_name=level_record.name,
        segment=segment_record.key,
        segment_name=segment_record.name,
        industry=industry_record.key if industry_record else None,
        industry_name=industry_record.name if industry_record else None,
        context=context_record.key if context_record else None,
        technical=technical,
        company=company_record,
        hiring_organization=hiring,
        location=where,
        employment_type=employment,
        identifier=identifier.strip()
        if identifier
        else _identifier(hiring, job_title, where.label, level_record.key, segment_record.key, posted),
        date_posted=posted,
        valid_through=closes,
        summary=summary,
        about=company_record.about,
        role=(
            *compose.role_paragraphs(
                situation,
                segment_record,
                (engagement.name, engagement.description) if engagement else None,
                contexts,
                where,
            ),
            *(
                text
                for text in (
                    compose.lifecycle_sentence(bm, situation),
                    compose.growth_sentence(bm, level_record),
                )
                if text
            ),
        ),
        responsibilities=duties,
        requirements=requirements,
        nice_to_haves=nice,
        success_metrics=metrics,
        portfolio=portfolio,
        accounts=compose.accounts_fact(level_record, segment_record, accounts),
        experience=experience,
        reports_to=company_record.reports_to or compose.reports_to(level_record),
        travel=company_record.travel,
        compensation=compensation,
        benefits=company_record.benefits,
        how_to_apply=company_record.how_to_apply,
        equal_opportunity=company_record.equal_opportunity,
        skills=skills,
        sources=tuple(s for s in bm.sources() if s.id in used),
        warnings=_warnings(company_record, where, compensation, closes) + law_warnings,
    )


def _lists(
    bm: Benchmarks,
    situation: compose.Situation,
    level: Level,
    segment: Segment,
    portfolio: Portfolio,
    experience: YearsRange | None,
    industry: Industry | None,
    contexts: list[WorkContext],
    technical: bool,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Duties, requirements and nice-to-haves, chosen by the data's conditions for this posting."""
    accounts = portfolio.label
    engagement = bm.engagement_model(segment.engagement_model) if segment.engagement_model else None
    first_duties = []
    book = compose.book_duty(level, segment, accounts, portfolio.acv_label)
    if book is not None:
        first_duties.append(book)
        if portfolio.activities:
            activities = compose.join(portfolio.activities)
            first_duties.append(
                compose.sentence(f"Work a {engagement.name.lower()} model: {activities}")
                if engagement
                else compose.sentence(f"Keep in touch with each account through {activities}")
            )
    technical_duties: list[str] = []
    technical_requirements: list[str] = []
    variant = bm.get("technical_variants", "technical" if technical else "business")
    if variant is not None:
        technical_duties = [e.text for e in variant.expectations if e.use == "duty"]
        asked = [e.text for e in variant.expectations if e.use == "requirement"]
        if technical:
            technical_requirements = [compose.sentence(text) for text in asked]
        elif asked:
            listed = compose.join(compose.lower_first(text) for text in asked)
            technical_requirements = [compose.sentence(f"{listed}; deep technical skill is not required")]
    requirements = []
    if experience is not None:
        requirements.append(
            f"{experience} in customer success, account management or another customer-facing job, "
            "ideally at a B2B SaaS company."
        )
    if level.experience_text:
        requirements.append(level.experience_text)
    requirements.extend(compose.qualifications_for(bm, situation, must=True))
    if industry is not None and industry.requirements:
        needs = compose.join(r.text for r in industry.requirements)
        requirements.append(compose.sentence(f"For {industry.name.lower()} customers: {needs}"))
    requirements.extend(technical_requirements)
    requirements.extend(compose.context_requirements(situation, contexts))
    nice = []
    if industry is not None:
        nice.append(f"Experience with {industry.name.lower()} customers.")
    nice.extend(compose.qualifications_for(bm, situation, must=False))

    duties = compose.duties(bm, situation, first_duties, industry, technical_duties)
    return duties, tuple(dict.fromkeys(requirements)), tuple(dict.fromkeys(nice))


def _default_level(bm: Benchmarks, segment: Segment) -> Level:
    """The level a posting takes when none is given: the one the newest guide pairs with the segment."""
    paired = bm.paired_level(segment.key)
    if paired is not None:
        return paired
    ranked = sorted(bm.levels(), key=lambda lvl: lvl.rank)
    if not ranked:
        raise NoFigureError(f"{bm.origin} has no levels to hire for")
    return next((lvl for lvl in ranked if lvl.key == "mid"), ranked[0])
