"""Tailored job descriptions: `generate_jd` and `JobDescription`.

``generate_jd`` reads the dataset (segment, level, industry, metro, KPIs ...) and
composes a structured `JobDescription`; nothing here formats a document.
Formatting lives in the templates (``templates/jd/``) and ``_render.py``; the
schema.org view lives in ``_jsonld.py``. Follow one argument, say ``segment``,
from `generate_jd` through ``_portfolio`` and ``_duties`` to the sentence it
changes.
"""

# No `from __future__ import annotations` (as in _models.py): pydantic would then
# evaluate every annotation string when the models are created, at start-up.
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator

from ._benchmarks import Benchmarks, resolve_benchmarks
from ._errors import InvalidInputError, NoFigureError
from ._models import (
    Industry,
    Kpi,
    KpiTarget,
    Level,
    Metro,
    MoneyRange,
    PercentRange,
    Record,
    Segment,
    Source,
    WorkContext,
    YearsRange,
    format_money,
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

WorkModel = Literal["onsite", "hybrid", "remote"]

WORK_MODELS: dict[str, tuple[str, ...]] = {
    "onsite": ("on-site", "on site", "office", "in office", "in-office"),
    "hybrid": ("partly remote", "flexible"),
    "remote": ("fully remote", "wfh", "work from home", "distributed", "telecommute", "anywhere"),
}

#: The KPIs each segment's posting leads with (an editorial choice, not a figure:
#: the targets themselves come from the data, each with its source).
SEGMENT_METRICS: dict[str, tuple[str, ...]] = {
    "smb": ("retention-rate", "activation", "product-adoption", "ttv", "nps"),
    "mid-market": ("grr", "nrr", "csat", "product-adoption", "ttv"),
    "enterprise": ("nrr", "grr", "expansion-revenue", "nps", "ttv"),
}

#: Levels that lead other people, and so take the team duty of the data.
LEAD_LEVELS = frozenset({"team-lead", "manager", "director"})
#: Levels that hold no book of their own: their CSMs do.
MANAGING_LEVELS = frozenset({"manager", "director"})

#: Must-have qualifications by key, always asked for / asked for by segment or level.
CORE_MUST_HAVES = (
    "communication",
    "saas-knowledge",
    "tools-and-data",
    "project-management",
    "problem-solving",
)
SEGMENT_MUST_HAVES = {
    "smb": ("analytical",),
    "mid-market": ("reporting",),
    "enterprise": ("executive-trust",),
}
NICE_TO_HAVES = ("certification", "consulting", "adjacent-background", "customer-tools")
ENTERPRISE_NICE = ("mba", "international")

DEFAULT_ABOUT = (
    "This role sits in our customer success team, "
    "which looks after customers from the signed contract onward."
)
DEFAULT_APPLY = (
    "Apply through this posting with your CV and a few lines on one account you kept or grew, "
    "and what you did to get there."
)
DEFAULT_BENEFITS = ("The full benefits package is set out with the offer.",)


class Company(Record):
    """What a company says about itself in a posting. Every field is optional.

    Pass a ``Company`` or a plain dict with the same keys to `generate_jd`.

    Examples:
        >>> csm_roles.Company(name="Northwind", benefits="A learning budget").benefits
        ('A learning budget',)
    """

    name: Annotated[str, Field(max_length=200)] | None = None
    about: Annotated[str, Field(max_length=5000)] | None = None
    culture: Annotated[str, Field(max_length=5000)] | None = None
    benefits: tuple[Annotated[str, Field(max_length=1000)], ...] = ()
    how_to_apply: Annotated[str, Field(max_length=5000)] | None = None
    url: Annotated[str, Field(max_length=2000, pattern=r"^https?://\S+$")] | None = None

    @field_validator("name", "about", "culture", "how_to_apply", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("benefits", mode="before")
    @classmethod
    def _benefit_list(cls, value: object) -> object:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, Iterable):
            return tuple(item for item in value if not (isinstance(item, str) and not item.strip()))
        return value


class Location(Record):
    """Where the job is done: work model plus metro, as a posting states it.

    Examples:
        >>> csm_roles.generate_jd("smb", metro="NYC", work_model="hybrid").location.label
        'Hybrid, New York, NY'
    """

    work_model: WorkModel
    metro: str | None = None
    metro_name: str | None = None
    locality: str | None = None
    region: str | None = None
    country: str = "US"

    @property
    def place(self) -> str | None:
        """City and region ("New York, NY"), or the metro's name, or None."""
        if self.locality:
            return f"{self.locality}, {self.region}" if self.region else self.locality
        return self.metro_name

    @property
    def label(self) -> str:
        """Human label: "Hybrid, New York, NY", "Remote (US)", "On-site (US)"."""
        model = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}[self.work_model]
        if self.work_model == "remote":
            return f"Remote ({self.country})"
        return f"{model}, {self.place}" if self.place else f"{model} ({self.country})"


class Portfolio(Record):
    """The book of accounts the posting describes, from the segment's data.

    Examples:
        >>> csm_roles.generate_jd("mid-market").portfolio.acv_label
        '$25,000–$100,000'
    """

    segment: str
    segment_name: str
    low: int
    high: int | None
    open_ended: bool
    acv: MoneyRange | None
    acv_exclusive_low: bool = False
    engagement_model: str
    engagement_name: str
    cadence: str
    activities: tuple[str, ...]
    source: str

    @property
    def label(self) -> str:
        """Accounts as a posting states them: "5–20", "50–100+"."""
        return format_range(self.low, self.high, open_ended=self.open_ended)

    @property
    def acv_label(self) -> str | None:
        """The ACV phrase, or None when the guides give none for the segment."""
        if self.acv is None:
            return None
        if self.acv.high is None:
            low = format_money(self.acv.low)
            return f"above {low}" if self.acv_exclusive_low else f"{low} or more"
        return str(self.acv)


class SuccessMetric(Record):
    """A KPI with the numeric target the posting sets.

    Examples:
        >>> csm_roles.generate_jd("enterprise").success_metrics[0].line
        'Net Revenue Retention (NRR): 110–120%'
    """

    kpi: str
    name: str
    target: str
    low: float | None
    high: float | None
    unit: str
    source: str

    @property
    def line(self) -> str:
        """The metric as a posting lists it: "Net Revenue Retention (NRR): 110–120%"."""
        return f"{self.name}: {self.target}"


class Compensation(Record):
    """The pay a posting states: a base range always, variable pay where known.

    Examples:
        >>> csm_roles.generate_jd("smb", "entry").compensation.lines[0]
        'Base salary: $60,000–$80,000 a year.'
    """

    base: MoneyRange
    ote: MoneyRange | None = None
    total: MoneyRange | None = None
    bonus_pct: PercentRange | None = None
    variable: str | None = None
    derived: bool = False
    formula: str | None = None
    basis: str | None = Field(
        default=None,
        description="For the recruiter, not the posting: how the range was chosen where the guides "
        "had no exact figure (a level without a band, Remote without a factor).",
    )
    place: str | None = Field(default=None, description="The place a derived range is adjusted for.")
    sources: tuple[str, ...] = ()
    set_by_company: bool = False

    @property
    def variable_text(self) -> str | None:
        """The variable part in words ("a bonus of 15–20% of base"), if any."""
        if self.bonus_pct is not None:
            return f"a bonus of {self.bonus_pct} of base"
        if self.total is not None:
            return f"total pay of {self.total} a year, variable part included"
        if self.variable and self.variable not in {"bonus", "included in the total"}:
            return self.variable
        if self.variable == "bonus":
            return "a bonus"
        return None

    @property
    def range_label(self) -> str:
        """The base range with its period: "$80,000–$120,000 a year"."""
        return f"{self.base} a year"

    @property
    def lines(self) -> tuple[str, ...]:
        """The pay section as short sentences, in the order a posting shows them."""
        label = (
            "Total pay" if self.total is None and self.variable == "included in the total" else "Base salary"
        )
        lines = [f"{label}: {self.range_label}."]
        if self.ote is not None:
            lines.append(f"On-target earnings: {self.ote} a year.")
        if self.variable_text and label == "Base salary":
            lines.append(f"Variable pay: {self.variable_text}.")
        if self.derived and self.formula and self.place:
            lines.append(f"The range reflects the cost of living in {self.place}.")
        return tuple(lines)


class JobDescription(Record):
    """A tailored CSM job description: structured fields, rendered on demand.

    Examples:
        >>> import datetime, csm_roles
        >>> jd = csm_roles.generate_jd("enterprise", date_posted=datetime.date(2026, 11, 1))
        >>> jd.portfolio.label, str(jd.compensation.base)
        ('5–20', '$80,000–$120,000')
        >>> jd.render("markdown").splitlines()[0]
        '# Customer Success Manager (Enterprise)'
    """

    title: str
    level: str
    level_name: str
    segment: str
    industry: str | None = None
    industry_name: str | None = None
    context: str | None = None
    technical: bool = False
    company: Company
    hiring_organization: str
    location: Location
    employment_type: str = "FULL_TIME"
    date_posted: dt.date
    valid_through: dt.date | None = None
    summary: str
    about: str
    role: tuple[str, ...]
    responsibilities: tuple[str, ...]
    requirements: tuple[str, ...]
    nice_to_haves: tuple[str, ...]
    success_metrics: tuple[SuccessMetric, ...]
    portfolio: Portfolio
    experience: YearsRange | None = None
    compensation: Compensation
    benefits: tuple[str, ...]
    how_to_apply: str
    skills: tuple[str, ...]
    sources: tuple[Source, ...]

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The key facts a reader scans first: location, pay, accounts, experience."""
        words = _segment_words(self.portfolio.segment, self.portfolio.segment_name)
        accounts = f"{self.portfolio.label} {words} accounts"
        facts = [
            ("Location", self.location.label),
            ("Pay", self.compensation.range_label),
            ("Accounts", accounts),
        ]
        if self.experience is not None:
            facts.append(("Experience", str(self.experience)))
        if self.industry_name:
            facts.append(("Industry", self.industry_name))
        return tuple(facts)

    @property
    def sources_line(self) -> str:
        """Which guides the figures in this posting come from."""
        names = "; ".join(f"{s.publisher or s.title} ({s.year})" for s in self.sources)
        return f"Pay, portfolio and targets follow published CSM hiring guides: {names}."

    def render(self, format: str = "markdown", *, template_dir: str | os.PathLike[str] | None = None) -> str:
        """The job description as a document: ``"markdown"``, ``"html"`` or ``"text"``.

        ``template_dir`` names a folder of templates that override or extend the
        built-in ones (see ``docs/guides/templates.md``); they render in a sandbox.
        """
        from ._render import render

        return render("jd", format, {"jd": self}, template_dir=template_dir)

    def to_jsonld(self) -> dict[str, Any]:
        """A schema.org ``JobPosting`` as a dict, ready for ``json.dumps``."""
        from ._jsonld import job_posting

        return job_posting(self)

    def to_jsonld_script(self) -> str:
        """The JSON-LD in a ``<script type="application/ld+json">`` element, safe to embed in HTML."""
        from ._jsonld import script

        return script(self.to_jsonld())

    def to_json(self) -> str:
        """The structured fields as JSON."""
        return self.model_dump_json(indent=2)

    def __str__(self) -> str:
        return self.render("markdown")


def _year(bm: Benchmarks, source_id: str) -> int:
    year = bm.source(source_id).year
    return year if isinstance(year, int) else -1


def _newest(bm: Benchmarks, items: Iterable[Any]) -> Any:
    """The item whose source is the most recent dated guide (first one on a tie)."""
    listed = list(items)
    return max(enumerate(listed), key=lambda pair: (_year(bm, pair[1].source), -pair[0]))[1]


def _portfolio(bm: Benchmarks, segment: Segment) -> Portfolio:
    chosen = _newest(bm, segment.portfolio)
    engagement = bm.engagement_model(segment.engagement_model)
    return Portfolio.model_construct(
        segment=segment.key,
        segment_name=segment.name,
        low=chosen.low,
        high=chosen.high,
        open_ended=chosen.open_ended,
        acv=(
            MoneyRange.model_construct(
                low=segment.acv.low, high=segment.acv.high, open_ended=segment.acv.open_ended
            )
            if segment.acv
            else None
        ),
        acv_exclusive_low=bool(segment.acv and segment.acv.exclusive_low),
        engagement_model=engagement.key,
        engagement_name=engagement.name,
        cadence=segment.cadence,
        activities=tuple(a.text for a in segment.activities if a.source == chosen.source),
        source=chosen.source,
    )


def _target(bm: Benchmarks, kpi: Kpi) -> KpiTarget:
    """The main target of a KPI: one without a special context, from the newest guide."""
    plain = [t for t in kpi.targets if t.context is None]
    return _newest(bm, plain or kpi.targets)  # type: ignore[no-any-return]


def _metrics(bm: Benchmarks, segment: str) -> tuple[SuccessMetric, ...]:
    metrics = []
    for key in SEGMENT_METRICS[segment]:
        kpi = bm.kpi(key)
        if not kpi.targets:
            continue
        target = _target(bm, kpi)
        metrics.append(
            SuccessMetric.model_construct(
                kpi=kpi.key,
                name=kpi.label,
                target=target.label(kpi.unit),
                low=target.low,
                high=target.high,
                unit=target.unit or kpi.unit,
                source=target.source,
            )
        )
    return tuple(metrics)


def _join(items: Iterable[str]) -> str:
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} and {listed[-1]}"


def _lower_first(text: str) -> str:
    """Lower-case the first letter, unless the first word is an acronym (CSM, SMB)."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def _segment_words(key: str, name: str) -> str:
    """A segment's name inside a sentence: "enterprise", "mid-market", but "SMB"."""
    return name if key == "smb" else name.lower()


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _duties(
    bm: Benchmarks,
    level: Level,
    portfolio: Portfolio,
    industry: Industry | None,
    technical: bool,
) -> tuple[str, ...]:
    words = _segment_words(portfolio.segment, portfolio.segment_name)
    book = f"Own a book of {portfolio.label} {words} accounts"
    if level.key in MANAGING_LEVELS:
        book = f"Lead CSMs who each own a book of {portfolio.label} {words} accounts"
    if portfolio.acv_label:
        book += f" (annual contract value {portfolio.acv_label})"
    duties = [book + ", from the handover after the sale through renewal and expansion."]
    duties.append(
        _sentence(f"Work a {portfolio.engagement_name.lower()} model: {_join(portfolio.activities)}")
    )
    covered = {"own-portfolio", "engagement-model"}  # said above, with the segment's figures
    for duty in bm.responsibilities():
        wanted = portfolio.segment in duty.emphasis or (
            duty.key == "manage-team" and level.key in LEAD_LEVELS
        )
        if wanted and duty.key not in covered:
            duties.append(duty.text)
    duties.extend(level.duties)
    if industry is not None:
        duties.append(
            f"Build {_join(area.lower() for area in industry.focus_areas)} into the success plans "
            f"of {industry.name.lower()} customers."
        )
    if technical:
        duties.extend(bm.technical_variant("technical").expectations[::2])
    return tuple(duties)


def _experience(bm: Benchmarks, level: Level) -> YearsRange | None:
    if not level.experience:
        return None
    return _newest(bm, level.experience)  # type: ignore[no-any-return]


def _requirements(
    bm: Benchmarks,
    level: Level,
    experience: YearsRange | None,
    segment: str,
    industry: Industry | None,
    context: WorkContext | None,
    work_model: str,
    technical: bool,
) -> tuple[str, ...]:
    must = {q.key: q.text for q in bm.qualifications().must_have}
    items: list[str] = []
    if experience is not None:
        items.append(
            f"{experience} in customer success, account management or another customer-facing job, "
            "ideally at a B2B SaaS company."
        )
    elif level.experience_text:
        items.append(level.experience_text)
    if level.key not in {"entry"}:
        items.append(must["revenue-managed"])
    items.extend(must[key] for key in (*CORE_MUST_HAVES, *SEGMENT_MUST_HAVES[segment]))
    if industry is not None:
        items.append(_sentence(f"For {industry.name.lower()} customers: {_join(industry.requirements)}"))
    if technical:
        items.append(bm.technical_variant("technical").expectations[1])
    else:
        business = bm.technical_variant("business")
        wanted = _join(_lower_first(e.rstrip(".")) for e in business.expectations)
        items.append(_sentence(f"{wanted}; deep technical skill is not required"))
    if work_model in {"remote", "hybrid"}:
        items.append(
            "Builds working relationships over video and writes clearly for colleagues and customers "
            "in other places and time zones."
        )
    if context is not None and context.key in {"startup", "corporate"}:
        items.append(context.points[-1])
    return tuple(item for item in items if item)


def _nice_to_haves(
    bm: Benchmarks, segment: str, industry: Industry | None, context: WorkContext | None, technical: bool
) -> tuple[str, ...]:
    nice = {q.key: q.text for q in bm.qualifications().nice_to_have}
    items: list[str] = []
    if industry is not None:
        items.append(f"Experience with {industry.name.lower()} customers.")
    keys = list(NICE_TO_HAVES)
    if segment == "enterprise":
        keys.extend(ENTERPRISE_NICE)
    if context is not None and context.key == "startup":
        keys.append("scaling-startup")
    if not technical:
        keys.append("technical-acumen")
    items.extend(nice[key] for key in keys)
    return tuple(items)


def _role(
    level: Level,
    portfolio: Portfolio,
    engagement_description: str,
    context: WorkContext | None,
    location: Location,
) -> tuple[str, ...]:
    customers = _segment_words(portfolio.segment, portfolio.segment_name)
    paragraphs = [
        f"The {level.name} {_lower_first(level.scope)} {customers[:1].upper() + customers[1:]} customers "
        f"get a {portfolio.engagement_name.lower()} model: {_lower_first(engagement_description)} "
        f"{portfolio.cadence}"
    ]
    if context is not None:
        paragraphs.append(f"Working at a {context.name.lower()} changes the job. " + " ".join(context.points))
    where = {
        "remote": "This is a remote role; relationships are built over video and in writing.",
        "hybrid": "This is a hybrid role: part of the week in the office, part remote.",
        "onsite": "This role is based in the office.",
    }[location.work_model]
    if location.place and location.work_model != "remote":
        where = where.rstrip(".") + f", in {location.place}."
    paragraphs.append(where)
    return tuple(paragraphs)


def _pay_override(pay: object) -> MoneyRange:
    """A company's own band, validated: two positive whole-dollar amounts, low <= high."""
    low: object
    high: object
    if isinstance(pay, MoneyRange):
        low, high = pay.low, pay.high
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
    return MoneyRange.model_construct(low=low_amount, high=high_amount)


def _compensation(
    bm: Benchmarks, level: Level, metro: Metro | None, pay: object | None, company_name: str
) -> Compensation:
    if pay is not None:
        return Compensation.model_construct(
            base=_pay_override(pay),
            basis=f"Pay band set by {company_name}.",
            sources=(),
            set_by_company=True,
        )
    pay_level = level
    note = None
    try:
        band: PayBand = bm.salary_band(level.key, metro=metro.key if metro else None)
    except NoFigureError:
        if level.pay_reference is None:
            raise
        pay_level = bm.level(level.pay_reference)
        band = bm.salary_band(pay_level.key, metro=metro.key if metro else None)
        note = (
            f"The guides publish no band for the {level.name} level; this posting uses the "
            f"{pay_level.name} band, the closest level they cover."
        )
    base = band.base
    if base is None and band.total is not None:  # director: only total pay is published
        base = band.total
    if base is None:  # a company file may hold a band with neither; never invent one
        raise NoFigureError(f"no base or total pay for the {pay_level.key!r} level in {bm.origin}")
    basis = " ".join(part for part in (note, band.note) if part) or None
    return Compensation.model_construct(
        base=base,
        ote=band.ote,
        total=band.total if band.base is not None else None,
        bonus_pct=band.bonus_pct,
        variable=band.variable,
        derived=band.derived,
        formula=band.formula,
        basis=basis,
        place=_place(metro) if band.derived and metro is not None else None,
        sources=band.sources,
    )


def _place(metro: Metro) -> str:
    """A metro as a posting names a place: "San Francisco, CA" (or the metro's name)."""
    if metro.locality:
        return f"{metro.locality}, {metro.region}" if metro.region else metro.locality
    return metro.name


def _location(metro: Metro | None, work_model: str | None) -> Location:
    remote_metro = metro is not None and metro.adjustment.kind == "location-adjusted"
    model: WorkModel = "remote" if remote_metro else "onsite"
    if work_model is not None:
        model = pick_option(WORK_MODELS, work_model, "work model")  # type: ignore[assignment]
    if remote_metro:
        if model != "remote":
            raise InvalidInputError(
                f"metro {metro.key!r} means a remote job, but work_model is {model!r}; "  # type: ignore[union-attr]
                "drop work_model, or name the city the office is in"
            )
        return Location.model_construct(work_model="remote", country=metro.country)  # type: ignore[union-attr]
    return Location.model_construct(
        work_model=model,
        metro=metro.key if metro else None,
        metro_name=metro.name if metro else None,
        locality=metro.locality if metro else None,
        region=metro.region if metro else None,
        country=metro.country if metro else "US",
    )


def _company(company: object) -> Company:
    if company is None:
        return Company.model_construct()  # nothing to check (and no validator to build)
    if isinstance(company, Company):
        return company
    if isinstance(company, (str, Mapping)):
        try:
            return Company.model_validate({"name": company} if isinstance(company, str) else dict(company))
        except ValidationError as err:
            first = err.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InvalidInputError(
                f"company.{where}: {first['msg']}; allowed keys: {', '.join(Company.model_fields)}"
            ) from None
    raise TypeError(f"company must be a Company, a dict or a name; got {type(company).__name__}")


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


# Records below are assembled with ``model_construct``: every input was checked at the
# boundary (keys resolved, company and pay validated, dates parsed) and every other value
# comes from the dataset, so validating the assembled record again would only cost time.


def generate_jd(
    segment: str,
    level: str = "mid",
    *,
    industry: str | None = None,
    metro: str | None = None,
    work_model: str | None = None,
    context: str | None = None,
    technical: bool = False,
    company: Company | Mapping[str, Any] | str | None = None,
    pay: MoneyRange | Mapping[str, int] | tuple[int, int] | None = None,
    title: str | None = None,
    date_posted: dt.date | str | None = None,
    valid_through: dt.date | str | None = None,
    employment_type: str = "FULL_TIME",
    benchmarks: Benchmarks | None = None,
) -> JobDescription:
    """A job description tailored to segment, level, industry, place and company.

    Args:
        segment: ``"smb"``, ``"mid-market"`` or ``"enterprise"`` (aliases work: ``"MM"``).
        level: a level key or alias; default ``"mid"``.
        industry: an industry key or alias (``"healthcare"``, ``"fintech"``), or None.
        metro: a metro key or alias (``"SF"``, ``"NYC"``, ``"remote"``); pay is adjusted for it.
        work_model: ``"onsite"``, ``"hybrid"`` or ``"remote"``; default on-site, or
            remote when ``metro="remote"``.
        context: a work context (``"startup"``, ``"corporate"``, ``"remote-hybrid"``), or None.
        technical: True for a technical product (APIs, webhooks, SQL), False to ask
            for business acumen instead.
        company: a `Company`, a dict with its fields, or just a name.
        pay: the company's own base band, ``(low, high)``; overrides the reference band.
        title: a job title to use instead of the generated one.
        date_posted: the posting date (default: today); pass it for identical output.
        valid_through: the closing date, if any.
        employment_type: schema.org employment type; default ``"FULL_TIME"``.
        benchmarks: a `Benchmarks` to draw on; default the built-in data.

    Raises:
        UnknownKeyError: an unknown segment, level, industry, metro, work model or context.
        InvalidInputError: a bad pay band, company or date.

    >>> jd = csm_roles.generate_jd("smb", "entry", metro="austin", date_posted="2026-11-01")
    >>> jd.title, jd.portfolio.label, jd.location.label
    ('Associate Customer Success Manager (SMB)', '50–100+', 'On-site, Austin, TX')
    """
    bm = resolve_benchmarks(benchmarks)
    segment_record = bm.segment(segment)
    level_record = bm.level(level)
    industry_record = bm.industry(industry) if industry is not None else None
    metro_record = bm.metro(metro) if metro is not None else None
    context_record = bm.work_context(context) if context is not None else None
    company_record = _company(company)
    if title is not None and (not isinstance(title, str) or not title.strip()):
        raise InvalidInputError(f"title must be a non-empty string; got {title!r}")
    if not isinstance(technical, bool):
        raise InvalidInputError(f"technical must be True or False; got {technical!r}")
    posted = _date(date_posted, "date_posted") or dt.date.today()
    closes = _date(valid_through, "valid_through")
    if closes is not None and closes < posted:
        raise InvalidInputError(f"valid_through ({closes}) is before date_posted ({posted})")

    location = _location(metro_record, work_model)
    pay_metro = metro_record
    if pay_metro is None and location.work_model == "remote":
        pay_metro = bm.get("metros", "remote")
    portfolio = _portfolio(bm, segment_record)
    engagement = bm.engagement_model(segment_record.engagement_model)
    experience = _experience(bm, level_record)
    hiring = company_record.name or "Confidential employer"
    compensation = _compensation(bm, level_record, pay_metro, pay, company_record.name or "the employer")
    job_title = title.strip() if title else f"{level_record.title} ({segment_record.name})"
    metrics = _metrics(bm, segment_record.key)
    hiring_phrase = f"{company_record.name} is hiring" if company_record.name else "We are hiring"
    segment_words = _segment_words(segment_record.key, segment_record.name)
    book = f"own a book of {portfolio.label} {segment_words} accounts"
    if level_record.key in MANAGING_LEVELS:
        book = f"lead CSMs who each {book}"
    article = "an" if job_title[:1].lower() in "aeiou" else "a"
    summary = (
        f"{hiring_phrase} {article} {job_title} to {book} "
        "and grow them through retention and expansion, measured against clear targets."
    )
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
                *(skill for comp in bm.competencies() for skill in comp.skills[:1]),
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
        industry=industry_record.key if industry_record else None,
        industry_name=industry_record.name if industry_record else None,
        context=context_record.key if context_record else None,
        technical=technical,
        company=company_record,
        hiring_organization=hiring,
        location=location,
        employment_type=employment_type,
        date_posted=posted,
        valid_through=closes,
        summary=summary,
        about=company_record.about or DEFAULT_ABOUT,
        role=_role(level_record, portfolio, engagement.description, context_record, location),
        responsibilities=_duties(bm, level_record, portfolio, industry_record, technical),
        requirements=_requirements(
            bm,
            level_record,
            experience,
            segment_record.key,
            industry_record,
            context_record,
            location.work_model,
            technical,
        ),
        nice_to_haves=_nice_to_haves(bm, segment_record.key, industry_record, context_record, technical),
        success_metrics=metrics,
        portfolio=portfolio,
        experience=experience,
        compensation=compensation,
        benefits=company_record.benefits or DEFAULT_BENEFITS,
        how_to_apply=company_record.how_to_apply or DEFAULT_APPLY,
        skills=skills,
        sources=tuple(s for s in bm.sources() if s.id in used),
    )
