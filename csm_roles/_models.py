"""Frozen pydantic models for every record in ``data/benchmarks.yaml``.

One vocabulary for the whole library: the loader validates YAML into these models,
the look-ups return them, and the JSON Schema of the data format is generated from
them. All models are frozen and every collection is a tuple, so a record handed to
one caller can never be changed under another.

Conventions (also in ``docs/reference/data-format.md``):

* money is an integer amount in USD per year;
* percentages are percent points (``15`` means 15 %);
* a range with ``high: null`` and ``open_ended: true`` reads "low+"; a range with a
  ``high`` and ``open_ended: true`` reads "low–high+" (the top is not a ceiling).
"""

# No `from __future__ import annotations` here: pydantic would then evaluate every
# annotation string at class creation, which costs about 10 ms at start-up.

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, Literal, NoReturn

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._limits import MAX_MONEY

__all__ = [
    "AcvRange",
    "Adjustment",
    "CareerPath",
    "Competency",
    "ComplianceName",
    "ContextPoint",
    "Dataset",
    "EngagementModel",
    "Expectation",
    "Industry",
    "InterviewQuestion",
    "JDMistake",
    "JDSection",
    "Kpi",
    "KpiTarget",
    "Level",
    "LifecyclePhase",
    "MarketFigure",
    "MarketStat",
    "Metro",
    "MoneyAmount",
    "MoneyRange",
    "NationalAverage",
    "OfferExample",
    "Pay",
    "PercentRange",
    "PortfolioRange",
    "Qualification",
    "Qualifications",
    "RedFlag",
    "RelatedRole",
    "Responsibility",
    "RoleAtAGlance",
    "Scoring",
    "Segment",
    "Skill",
    "Skills",
    "Source",
    "SourcedFigure",
    "SourcedText",
    "SourcingChannel",
    "TechnicalVariant",
    "Tool",
    "Trait",
    "When",
    "WorkContext",
    "YearsRange",
    "normalize_key",
]

SourceId = Annotated[str, Field(min_length=1, description="An id from the `sources` registry.")]
Key = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Lower-case words joined by hyphens, unique in its collection.",
    ),
]
Text = Annotated[str, Field(min_length=1)]

_FOLD = re.compile(r"[\W_]+")


def normalize_key(text: str) -> str:
    """Fold a key or alias for matching: case, spaces and punctuation do not count.

    Examples:
        >>> normalize_key("Mid-Market")
        'midmarket'
        >>> normalize_key("  senior  CSM ")
        'seniorcsm'
    """
    if not isinstance(text, str):
        raise TypeError(f"a key must be a string, got {type(text).__name__}")
    return _FOLD.sub("", text.casefold())


def pick_option(options: "Mapping[str, tuple[str, ...]]", value: object, kind: str) -> str:
    """The key of a small fixed option table (key -> aliases) that ``value`` names.

    Matching folds case, spaces and punctuation, as for dataset keys. An unknown value
    raises `UnknownKeyError` with the valid keys and a did-you-mean.

    Examples:
        >>> pick_option({"remote": ("wfh", "work from home")}, "Work-From-Home", "work model")
        'remote'
    """
    if isinstance(value, str) and value in options:  # already a key: the usual case
        return value
    from ._errors import UnknownKeyError

    folded = normalize_key(value) if isinstance(value, str) else ""
    for key, aliases in options.items():
        if folded and folded in {normalize_key(key), *(normalize_key(alias) for alias in aliases)}:
            return key
    raise UnknownKeyError(
        kind, str(value), tuple(options), aliases={alias: key for key, al in options.items() for alias in al}
    )


class FrozenDict(dict):  # type: ignore[type-arg]
    """A dict that refuses every change after it is made (pickles and compares as a dict).

    Examples:
        >>> config = FrozenDict(frozen=True)
        >>> config["frozen"] = False
        Traceback (most recent call last):
        TypeError: this mapping is read-only
    """

    def _refuse(self, *_args: object, **_kwargs: object) -> NoReturn:
        raise TypeError("this mapping is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (dict(self),))


class Record(BaseModel):
    """Base of every model: frozen, and unknown fields are refused."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True, allow_inf_nan=False)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        # The class's configuration is shared by every record of the class: make it
        # read-only, so `record.model_config["frozen"] = False` cannot unfreeze them all.
        super().__pydantic_init_subclass__(**kwargs)
        cls.model_config = FrozenDict(cls.model_config)  # type: ignore[assignment]


#: Currencies written with their symbol; any other is written with its ISO code.
CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}


def format_money(amount: int, currency: str = "USD") -> str:
    """A whole amount as a posting writes it: ``$80,000``, ``£55,000``, ``CHF 120,000``."""
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{amount:,}" if symbol else f"{currency} {amount:,}"


def format_number(value: float) -> str:
    """A number without trailing zeros: ``110``, ``2.5``."""
    return f"{value:g}"


def format_range(
    low: float,
    high: float | None,
    *,
    open_ended: bool = False,
    number: "Callable[[Any], str]" = format_number,
    unit: str = "",
) -> str:
    """Every range the library prints, written one way.

    ``number`` formats each end, ``unit`` follows the whole range once. A range
    without a top, or with an open one, ends in "+"; a range whose ends are equal is
    one figure.

    Examples:
        >>> format_range(110, 130, unit="%")
        '110–130%'
        >>> format_range(160_000, 220_000, open_ended=True, number=format_money)
        '$160,000–$220,000+'
        >>> format_range(5, None, unit=" years"), format_range(1000, 5000, number=format_money)
        ('5+ years', '$1,000–$5,000')
    """
    plus = "+" if open_ended or high is None else ""
    if high is None or high == low:
        return f"{number(low)}{plus}{unit}"
    return f"{number(low)}–{number(high)}{plus}{unit}"


class _Bounds(Record):
    """Checks shared by every range: ordered, and "low+" only when open-ended."""

    @model_validator(mode="after")
    def _ordered(self) -> "_Bounds":
        low = getattr(self, "low", None)
        high = getattr(self, "high", None)
        if low is not None and high is not None and low > high:
            raise ValueError(f"low ({low}) is greater than high ({high})")
        if high is None and low is not None and not getattr(self, "open_ended", True):
            raise ValueError("a range without `high` must set `open_ended: true` (it reads 'low+')")
        if low is None and high is None and getattr(self, "value", None) is None:
            raise ValueError("a range needs `low`, `high` or both")
        return self


#: A currency as ISO 4217 writes it: three capital letters.
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, such as USD or GBP.")]


class MoneyRange(_Bounds):
    """A pay range in whole units of a currency a year (US dollars unless it says otherwise).

    Examples:
        >>> str(csm_roles.MoneyRange(low=160_000, high=220_000, open_ended=True))
        '$160,000–$220,000+'
        >>> str(csm_roles.MoneyRange(low=50_000, high=60_000, currency="GBP"))
        '£50,000–£60,000'
    """

    low: Annotated[int, Field(ge=0, le=MAX_MONEY, strict=True)]
    high: Annotated[int, Field(ge=0, le=MAX_MONEY, strict=True)] | None = None
    open_ended: bool = False
    currency: Currency = "USD"
    period: Literal["year"] = "year"

    def __str__(self) -> str:
        def money(amount: int) -> str:
            return format_money(amount, self.currency)

        return format_range(self.low, self.high, open_ended=self.open_ended, number=money)


class AcvRange(MoneyRange):
    """The annual contract value a guide ties to a count of accounts ("above $100,000")."""

    exclusive_low: bool = Field(default=False, description="True where the guide says 'above' the low end.")

    @property
    def phrase(self) -> str:
        """The ACV as a posting states it: "above $100,000", "$25,000–$100,000"."""
        if self.high is None:
            low = format_money(self.low, self.currency)
            return f"above {low}" if self.exclusive_low else f"{low} or more"
        return str(self)


class MoneyAmount(Record):
    """A single amount in whole US dollars a year."""

    amount: Annotated[int, Field(ge=0, le=MAX_MONEY, strict=True)]
    currency: Literal["USD"] = "USD"
    period: Literal["year"] = "year"

    def __str__(self) -> str:
        return format_money(self.amount)


class PercentRange(_Bounds):
    """A percentage range in percent points (``15`` is 15 %), at most 100."""

    low: Annotated[float, Field(ge=0, le=100)]
    high: Annotated[float, Field(ge=0, le=100)]

    def __str__(self) -> str:
        return format_range(self.low, self.high, unit="%")


class YearsRange(_Bounds):
    """Years of experience one source gives for a level.

    ``basis`` is ``"stated"`` where the source gives the figure for this level, and
    ``"reading"`` where the library applies a source's figure to a level the source
    does not name (``note`` says how).
    """

    low: Annotated[int, Field(ge=0)]
    high: Annotated[int, Field(ge=0)] | None = None
    open_ended: bool = False
    source: SourceId
    basis: Literal["stated", "reading"] = "stated"
    note: Text | None = None

    def __str__(self) -> str:
        return format_range(self.low, self.high, open_ended=self.open_ended, unit=" years")


class PortfolioRange(_Bounds):
    """How many accounts one CSM carries, as one source states it.

    Examples:
        >>> smb = csm_roles.portfolio_sizes("smb")[0]
        >>> str(smb), smb.contains(150)
        ('50–100+', True)
    """

    low: Annotated[int, Field(ge=0)]
    high: Annotated[int, Field(ge=0)] | None = None
    open_ended: bool = False
    source: SourceId
    acv: AcvRange | None = Field(
        default=None, description="The contract value the same source ties to this count of accounts."
    )
    note: Text | None = None

    def __str__(self) -> str:
        return format_range(self.low, self.high, open_ended=self.open_ended)

    def contains(self, accounts: int) -> bool:
        """Whether ``accounts`` lies in the range; an open top has no ceiling."""
        if accounts < self.low:
            return False
        return self.open_ended or self.high is None or accounts <= self.high


class SourcedMoneyRange(MoneyRange):
    """A money range with the source that states it."""

    source: SourceId
    note: Text | None = None


class Source(Record):
    """One of the published guides every figure comes from.

    Examples:
        >>> csm_roles.source("userguiding-2024").label
        'UserGuiding (2024)'
    """

    id: Key
    kind: Literal["guide", "library"] = Field(
        default="guide", description="`library` marks the library's own editorial choices, not a guide."
    )
    publisher: Text | None = None
    title: Text
    year: int | Literal["undated"]
    cites: tuple[Text, ...] = ()
    note: Text | None = None

    @property
    def label(self) -> str:
        """A short human label: publisher (or title) and year."""
        who = self.publisher or self.title
        return f"{who} ({self.year})"


class SourcedText(Record):
    """A short fact in our own words, with the guide it comes from."""

    text: Text
    source: SourceId


class ReportingLine(Record):
    """Titles a role reports to, as one source lists them."""

    titles: tuple[Text, ...]
    source: SourceId


class SimilarTitle(Record):
    """Another title used for the same level."""

    title: Text
    source: SourceId


Book = Literal["own", "fewer", "partial", "none"]
WorkModel = Literal["onsite", "hybrid", "remote"]


class When(Record):
    """When a posting uses an item: every condition given must hold (an empty `When` always holds).

    Level conditions use the level's traits (`book`, `leads_people`, `rank`), so a
    company's own levels are handled too.

    Examples:
        >>> csm_roles.When(segments=("enterprise",), min_rank=2).segments
        ('enterprise',)
    """

    segments: tuple[Key, ...] = Field(default=(), description="Any of these segments.")
    levels: tuple[Key, ...] = Field(default=(), description="Any of these levels.")
    min_rank: Annotated[int, Field(ge=1)] | None = None
    max_rank: Annotated[int, Field(ge=1)] | None = None
    book: tuple[Book, ...] = Field(default=(), description="Levels whose book is one of these.")
    leads_people: bool | None = None
    work_models: tuple[WorkModel, ...] = ()
    contexts: tuple[Key, ...] = Field(default=(), description="Any of these work contexts.")
    technical: bool | None = Field(default=None, description="A technical product (True) or not (False).")
    industry: bool | None = Field(default=None, description="An industry is named (True) or not (False).")


def _always() -> When:
    """An empty `When` (it always holds), made without validation so start-up builds no schema."""
    return When.model_construct()


class Level(Record):
    """A CSM career level (entry, mid, senior, strategic, team lead, manager, director).

    Examples:
        >>> str(csm_roles.level("senior").experience[0])
        '5+ years'
    """

    key: Key
    name: Text
    title: Text = Field(description="The job title used in generated job descriptions.")
    aliases: tuple[Text, ...] = ()
    rank: Annotated[int, Field(ge=1)]
    experience: tuple[YearsRange, ...] = ()
    scope: Text
    reports_to: tuple[ReportingLine, ...] = ()
    similar_titles: tuple[SimilarTitle, ...] = ()
    duties: tuple[Text, ...] = Field(default=(), description="Duties this level adds in a job description.")
    experience_text: Text | None = Field(
        default=None,
        description="What a posting asks for besides the years (leading people, large accounts).",
    )
    book: Book = Field(
        default="own",
        description="The accounts this level holds: `own` the segment's book, `fewer` fewer and larger "
        "accounts, `partial` some accounts while leading others, `none` (its CSMs hold the books).",
    )
    leads_people: bool = Field(default=False, description="Whether this level leads other CSMs.")
    sources: tuple[SourceId, ...]


class CareerPath(Record):
    """A move from the CSM role: up a level, or sideways into another job.

    Examples:
        >>> [p.to_roles for p in csm_roles.career_paths() if p.kind == "lateral"][0]
        ('Sales',)
    """

    key: Key
    kind: Literal["up", "lateral"]
    to_levels: tuple[Key, ...] = ()
    to_roles: tuple[Text, ...] = ()
    description: Text
    sources: tuple[SourceId, ...]


class RelatedRole(Record):
    """A role a CSM can grow into, with the average salary one guide gives."""

    key: Key
    name: Text
    aliases: tuple[Text, ...] = ()
    average_salary: MoneyAmount
    team_role: Text
    reports_to: tuple[Text, ...]
    source: SourceId


class EngagementModel(Record):
    """How closely CSMs work with accounts: tech-touch, low-touch or high-touch."""

    key: Key
    name: Text
    aliases: tuple[Text, ...] = ()
    description: Text
    sources: tuple[SourceId, ...]


class Segment(Record):
    """A customer segment: SMB, mid-market or enterprise.

    Examples:
        >>> csm_roles.segment("enterprise").engagement_model
        'high-touch'
    """

    key: Key
    name: Text
    aliases: tuple[Text, ...] = ()
    portfolio: tuple[PortfolioRange, ...] = Field(min_length=1)
    engagement_model: Key | None = Field(default=None, description="None where no guide names one.")
    engagement_note: Text | None = None
    cadence: Text
    activities: tuple[SourcedText, ...] = ()
    lead_kpis: tuple[Key, ...] = Field(
        default=(),
        description="The KPIs a generated posting leads with (the library's choice); "
        "without them, the first KPIs that have targets.",
    )
    sources: tuple[SourceId, ...]


class LevelBand(Record):
    """One source's pay band for one level."""

    level: Key
    source: SourceId
    segment: Key | None = Field(default=None, description="The segment the source ties this band to.")
    base: MoneyRange | None = None
    ote: MoneyRange | None = None
    total: MoneyRange | None = None
    bonus_pct: PercentRange | None = None
    variable: Text | None = Field(
        default=None, description='Variable pay on top of base, as a posting names it ("a bonus").'
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _has_pay(self) -> "LevelBand":
        if self.base is None and self.total is None:
            raise ValueError("a pay band needs `base` or `total`")
        if self.base is not None and self.ote is not None and self.ote.low < self.base.low:
            raise ValueError("on-target earnings cannot start below base pay")
        return self


class OfferExample(Record):
    """A pay offer a guide's template uses as its example."""

    key: Key
    base: MoneyRange
    variable: Text
    source: SourceId


class NationalAverage(Record):
    """The national average base range for CSMs."""

    base: MoneyRange
    extras: Text
    source: SourceId


class MarketFigure(Record):
    """A published market statistic on CSM pay (percentile or average)."""

    key: Key
    publisher: Text
    as_of: Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")] | None = None
    statistic: Literal["p25", "average", "median", "p75"]
    amount: Annotated[int, Field(ge=0, le=MAX_MONEY, strict=True)]
    currency: Literal["USD"] = "USD"
    period: Literal["year"] = "year"
    source: SourceId
    note: Text | None = None


class BonusMetric(Record):
    """A KPI that variable pay is tied to, per one source."""

    kpi: Key
    source: SourceId
    note: Text | None = None


class Pay(Record):
    """Everything about pay: bands by level, examples, averages and drivers."""

    level_bands: tuple[LevelBand, ...]
    offer_examples: tuple[OfferExample, ...] = ()
    national_average: NationalAverage | None = None
    market: tuple[MarketFigure, ...] = ()
    drivers: tuple[SourcedText, ...] = ()
    bonus_metrics: tuple[BonusMetric, ...] = ()
    non_monetary_levers: tuple[SourcedText, ...] = ()


class Adjustment(Record):
    """A metro's cost-of-living adjustment against the baseline metro."""

    kind: Literal["percent", "baseline", "location-adjusted"]
    low: Annotated[float, Field(ge=-100, le=1000)] | None = None
    high: Annotated[float, Field(ge=-100, le=1000)] | None = None

    @model_validator(mode="after")
    def _numbers_match_kind(self) -> "Adjustment":
        numeric = self.low is not None and self.high is not None
        if self.kind == "percent" and not numeric:
            raise ValueError("a percent adjustment needs `low` and `high`")
        if self.kind != "percent" and (self.low is not None or self.high is not None):
            raise ValueError(f"a {self.kind!r} adjustment takes no `low`/`high`")
        if numeric and self.low > self.high:  # type: ignore[operator]
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        return self

    def __str__(self) -> str:
        if self.kind == "percent":
            return "+" + format_range(self.low or 0, self.high or 0, unit="%")
        return self.kind


class Metro(Record):
    """A metro area with its observed base range and cost-of-living adjustment.

    Examples:
        >>> str(csm_roles.metro("NYC").adjustment)
        '+15–20%'
    """

    key: Key
    name: Text
    aliases: tuple[Text, ...] = ()
    locality: Text | None = Field(default=None, description="City, for postal addresses in job postings.")
    localities: tuple[Text, ...] = Field(
        default=(), description="Other cities this library counts in the metro (its own reading of the area)."
    )
    region: Text | None = Field(default=None, description="State or region code.")
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"
    base: MoneyRange
    adjustment: Adjustment
    note: Text
    source: SourceId


class KpiTarget(_Bounds):
    """A target range for a KPI, as one source states it.

    Examples:
        >>> csm_roles.kpi("activation").targets[0].label("percent")
        '80% or more within 60 days'
    """

    low: float | None = None
    high: float | None = None
    open_ended: bool = False
    unit: Literal["percent", "days", "score", "usd"] | None = Field(
        default=None, description="Only where it differs from the KPI's unit."
    )
    window_days: Annotated[int, Field(gt=0)] | None = None
    source: SourceId
    context: Text | None = None

    def label(self, unit: str) -> str:
        """The target as a reader would write it ("110–130%", "50 or more", "within 90 days").

        Examples:
            >>> csm_roles.KpiTarget(low=1000, high=5000, source="augtal-2026").label("usd")
            '$1,000–$5,000'
        """
        unit = self.unit or unit
        number, suffix = _UNIT_FORMATS[unit]
        if self.low is None:
            top = format_range(self.high or 0, self.high, number=number, unit=suffix)
            text = f"within {top}" if unit == "days" else f"at most {top}"
        elif self.high is None:
            text = f"{format_range(self.low, self.low, number=number, unit=suffix)} or more"
        else:
            text = format_range(self.low, self.high, open_ended=self.open_ended, number=number, unit=suffix)
        if self.window_days:
            text += f" within {self.window_days} days"
        return text


#: How each KPI unit writes a figure: the number's format, and what follows the range.
_UNIT_FORMATS: dict[str, tuple["Callable[[Any], str]", str]] = {
    "percent": (format_number, "%"),
    "days": (format_number, " days"),
    "usd": (lambda amount: format_money(round(amount)), ""),
    "score": (format_number, ""),
}


class Kpi(Record):
    """A metric CSMs are measured on, with the targets the guides give.

    Examples:
        >>> csm_roles.kpi("grr").indicator
        'lagging'
    """

    key: Key
    name: Text
    abbreviation: Text | None = None
    aliases: tuple[Text, ...] = ()
    unit: Literal["percent", "days", "score", "usd"]
    indicator: Literal["lagging", "leading"]
    definition: Text
    business_impact: Text
    sources: tuple[SourceId, ...]
    targets: tuple[KpiTarget, ...] = ()

    @property
    def label(self) -> str:
        """Name with abbreviation, e.g. "Net Revenue Retention (NRR)"."""
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class Responsibility(Record):
    """A duty of the role, the segments where it weighs most, and when a posting lists it."""

    key: Key
    text: Text
    emphasis: tuple[Key, ...] = Field(
        default=(), description="Segments where the duty weighs most (empty: all)."
    )
    sources: tuple[SourceId, ...]
    in_postings: bool = Field(default=True, description="Whether generated postings list it at all.")
    when: When = Field(
        default_factory=_always, description="The postings that list it (the library's choice)."
    )


class Qualification(Record):
    """A requirement or a nice-to-have for candidates, and when a posting asks for it."""

    key: Key
    text: Text
    sources: tuple[SourceId, ...]
    in_postings: bool = Field(default=True, description="Whether generated postings ask for it at all.")
    when: When = Field(
        default_factory=_always, description="The postings that ask for it (the library's choice)."
    )


class Qualifications(Record):
    """Must-have and nice-to-have qualifications."""

    must_have: tuple[Qualification, ...]
    nice_to_have: tuple[Qualification, ...]


class RoleAtAGlance(Record):
    """The summary of the role one guide gives."""

    education: Text
    experience: YearsRange
    certification: Text
    employer_types: tuple[Text, ...]
    growth_outlook: Text
    ai_impact: Text
    ai_impact_label: Text | None = None
    ai_impact_through: Annotated[int, Field(ge=2000, le=2100)] | None = Field(
        default=None, description="The year the guide's view of AI's impact runs to."
    )
    source: SourceId


class Competency(Record):
    """A competency category, its key skills and how they are used in the job."""

    key: Key
    category: Text
    skills: tuple[Text, ...]
    applied: Text
    source: SourceId


class Skill(Record):
    """A named skill with the guide it comes from."""

    key: Key
    text: Text
    source: SourceId


class Skills(Record):
    """Technical, interpersonal and top-of-2026 skills."""

    technical: tuple[Skill, ...]
    interpersonal: tuple[Skill, ...]
    top_2026: tuple[Skill, ...] = ()


class Trait(Record):
    """A trait that sets strong CSMs apart."""

    key: Key
    name: Text
    text: Text
    source: SourceId


class Tool(Record):
    """A tool the guides name (CRM, CS platform ...)."""

    key: Key
    name: Text
    category: Literal["crm", "cs-platform", "collaboration", "analytics"]
    sources: tuple[SourceId, ...]


class ContextPoint(Record):
    """One fact about a working context, as a sentence a posting can use, and where it goes."""

    key: Key
    text: Text
    use: Literal["role", "requirement"] = Field(
        description="Where a posting puts it: the role paragraph or the requirements."
    )
    when: When = Field(default_factory=_always)


class WorkContext(Record):
    """A working context that changes the job (corporate, startup, remote/hybrid)."""

    key: Key
    name: Text
    aliases: tuple[Text, ...] = ()
    points: tuple[ContextPoint, ...]
    applies_to_work_models: tuple[WorkModel, ...] = Field(
        default=(), description="The work models this context describes (empty: any)."
    )
    source: SourceId


class ComplianceName(Record):
    """A compliance regime an industry brings with it (HIPAA, SOX ...)."""

    name: Text
    sources: tuple[SourceId, ...]


class Industry(Record):
    """An industry with its extra requirements and focus areas.

    Examples:
        >>> csm_roles.industry("fintech").name
        'Financial services'
    """

    key: Key
    name: Text
    aliases: tuple[Text, ...] = ()
    requirements: tuple[SourcedText, ...]
    focus_areas: tuple[Text, ...]
    compliance: tuple[ComplianceName, ...] = ()
    sources: tuple[SourceId, ...]


class Expectation(Record):
    """One thing a technical variant asks of the CSM, listed as a duty or as a requirement."""

    key: Key
    text: Text
    use: Literal["duty", "requirement"]


class TechnicalVariant(Record):
    """How a JD changes with the technical depth of the product."""

    key: Key
    name: Text
    aliases: tuple[Text, ...] = ()
    when: Text
    expectations: tuple[Expectation, ...]
    source: SourceId


class MarketStat(_Bounds):
    """A statistic about the CSM market or the value of retention."""

    key: Key
    value: float | None = None
    low: float | None = None
    high: float | None = None
    open_ended: bool = False
    unit: Literal["percent", "times", "usd", "years", "year"]
    text: Text
    source: SourceId

    @model_validator(mode="after")
    def _value_or_range(self) -> "MarketStat":
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either `value` or `low`/`high`, not both")
        return self


class Scoring(Record):
    """What a weak, an adequate and a strong answer to an interview question shows."""

    weak: Text
    adequate: Text
    strong: Text


class SourcedFigure(Record):
    """A single number with the source that states it."""

    value: Annotated[int, Field(ge=0)]
    source: SourceId


#: Placeholders an interview question may hold, filled in for each kit.
QUESTION_PLACEHOLDERS = frozenset({"accounts", "industry", "compliance", "focus"})


class InterviewQuestion(Record):
    """An interview question with what a strong answer shows, a scoring guide and follow-ups.

    Examples:
        >>> csm_roles.interview_questions("culture")[0].kind
        'culture'
    """

    key: Key
    relevant_to: tuple[Key, ...] = Field(
        default=(), description="Segment or level keys (or `industry`) this question matters most for."
    )
    kind: Literal["technical", "behavioral", "culture", "leadership"]
    question: Text = Field(description="May hold {accounts}, {industry} and {compliance}, filled in per kit.")
    accounts: SourcedFigure | None = Field(
        default=None, description="The book size the question names where it fits the kit's segment."
    )
    tip: Text = Field(description="What the question probes: the guide's evaluation tip, in our words.")
    scoring: Scoring | None = None
    follow_ups: tuple[Text, ...] = ()
    when: When = Field(default_factory=_always, description="The kits that ask it.")
    source: SourceId

    @model_validator(mode="after")
    def _placeholders(self) -> "InterviewQuestion":
        import string

        try:
            names = {field for _, field, _, _ in string.Formatter().parse(self.question) if field is not None}
        except ValueError as err:
            raise ValueError(f"question: {err}; write a literal brace as {{{{ or }}}}") from None
        unknown = names - QUESTION_PLACEHOLDERS
        if unknown:
            raise ValueError(
                f"question: unknown placeholder {sorted(unknown)}; use {sorted(QUESTION_PLACEHOLDERS)}"
            )
        if "accounts" in names and self.accounts is None:
            raise ValueError("a question with {accounts} needs `accounts` (a figure with its source)")
        return self


class SourcingChannel(Record):
    """A place to find CSM candidates, with how to use it.

    Examples:
        >>> csm_roles.sourcing_channels()[2].name
        'Industry events'
    """

    key: Key
    name: Text
    practice: Text
    tip: Text
    source: SourceId

    @property
    def line(self) -> str:
        """One line for a list: name, how to use it, and the tip."""
        return f"{self.name}: {self.practice} {self.tip}"


class RedFlag(Record):
    """A warning sign in a candidate.

    Examples:
        >>> csm_roles.red_flags()[1].line.startswith("No revenue focus: ")
        True
    """

    key: Key
    name: Text
    signs: Text
    impact: Text
    source: SourceId

    @property
    def line(self) -> str:
        """One line for a list: the flag, its signs and what it costs."""
        return f"{self.name}: {self.signs} Risk: {self.impact}"


class JDMistake(Record):
    """A common mistake in CSM job descriptions, with its fix."""

    key: Key
    name: Text
    example: Text
    fix: Text
    terms: tuple[Text, ...] = ()
    source: SourceId


class PhaseWindow(Record):
    """How long a lifecycle phase lasts or what it aims for."""

    low: Annotated[int, Field(ge=0)]
    high: Annotated[int, Field(ge=0)]
    unit: Literal["days", "months"]
    context: Text


class LifecyclePhase(Record):
    """A phase of the customer lifecycle the CSM owns."""

    key: Key
    name: Text
    order: Annotated[int, Field(ge=1)]
    window: PhaseWindow | None = None
    description: Text
    source: SourceId


class JDSection(Record):
    """A section of a CSM job description, as a guide's template orders them."""

    key: Key
    name: Text
    source: SourceId


#: The collections whose records are looked up by key, and the kind word used in errors.
KEYED_COLLECTIONS: dict[str, str] = {
    "sources": "source",
    "levels": "level",
    "career_paths": "career path",
    "related_roles": "related role",
    "engagement_models": "engagement model",
    "segments": "segment",
    "metros": "metro",
    "kpis": "KPI",
    "responsibilities": "responsibility",
    "competencies": "competency",
    "traits": "trait",
    "tools": "tool",
    "work_contexts": "work context",
    "industries": "industry",
    "technical_variants": "technical variant",
    "market_stats": "market statistic",
    "interview_questions": "interview question",
    "sourcing_channels": "sourcing channel",
    "red_flags": "red flag",
    "jd_mistakes": "JD mistake",
    "lifecycle_phases": "lifecycle phase",
    "jd_sections": "JD section",
}


class IntegrityError(ValueError):
    """A cross-reference problem, with the dotted path of the offending field."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> "None":
        self.path = path
        super().__init__(message)


class Dataset(Record):
    """The whole reference dataset: the root of ``benchmarks.yaml``.

    Examples:
        >>> len(csm_roles.default_benchmarks().data.levels)
        7
    """

    format_version: Literal[1]
    sources: tuple[Source, ...] = Field(min_length=1)
    levels: tuple[Level, ...]
    career_paths: tuple[CareerPath, ...] = ()
    related_roles: tuple[RelatedRole, ...] = ()
    engagement_models: tuple[EngagementModel, ...] = ()
    segments: tuple[Segment, ...]
    portfolio_general: tuple[PortfolioRange, ...] = ()
    experience_options: tuple[YearsRange, ...] = Field(
        default=(), description="Years of experience a guide offers without tying them to a level."
    )
    arr_managed: tuple[SourcedMoneyRange, ...] = ()
    pay: Pay
    metros: tuple[Metro, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    qualifications: Qualifications = Field(
        default_factory=lambda: Qualifications(must_have=(), nice_to_have=())
    )
    role_at_a_glance: RoleAtAGlance | None = None
    competencies: tuple[Competency, ...] = ()
    skills: Skills = Field(default_factory=lambda: Skills(technical=(), interpersonal=()))
    traits: tuple[Trait, ...] = ()
    tools: tuple[Tool, ...] = ()
    work_contexts: tuple[WorkContext, ...] = ()
    industries: tuple[Industry, ...] = ()
    technical_variants: tuple[TechnicalVariant, ...] = ()
    market_stats: tuple[MarketStat, ...] = ()
    interview_questions: tuple[InterviewQuestion, ...] = ()
    sourcing_channels: tuple[SourcingChannel, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    jd_mistakes: tuple[JDMistake, ...] = ()
    lifecycle_phases: tuple[LifecyclePhase, ...] = ()
    jd_sections: tuple[JDSection, ...] = ()

    @model_validator(mode="after")
    def _integrity(self) -> "Dataset":
        for path, message in _integrity_problems(self):
            raise IntegrityError(path, message)
        return self


Path = tuple[str | int, ...]


def _walk(value: object, path: "Path") -> Iterator[tuple["Path", str, object]]:
    """Every (path, field name, value) below a model, depth first."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            yield (*path, name), name, child
            yield from _walk(child, (*path, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


Problem = tuple["Path", str]


def _integrity_problems(data: Dataset) -> Iterator[Problem]:
    """Cross-reference checks a single record cannot make on its own, one named check each."""
    checks = (
        _source_ids_resolve,
        _keys_are_unique,
        _references_resolve,
        _interview_tags_resolve,
        _conditions_resolve,
        _one_band_per_level_and_source,
    )
    for check in checks:
        yield from check(data)


def _source_ids_resolve(data: Dataset) -> Iterator[Problem]:
    """Every `source` and `sources` field names a guide of the registry."""
    known_sources = {source.id for source in data.sources}
    registry = ", ".join(sorted(known_sources))
    for path, name, value in _walk(data, ()):
        if path[:1] == ("sources",):
            continue
        ids: tuple[object, ...] = ()
        if name == "source" and isinstance(value, str):
            ids = (value,)
        elif name == "sources" and isinstance(value, tuple):
            ids = value
        for index, source_id in enumerate(ids):
            if source_id not in known_sources:
                where = path if name == "source" else (*path, index)
                yield where, f"unknown source id {source_id!r}; the registry has: {registry}"


def _keys_are_unique(data: Dataset) -> Iterator[Problem]:
    """No two records of a collection share a key or alias, once folded."""
    for collection in KEYED_COLLECTIONS:
        seen: dict[str, int] = {}
        for index, record in enumerate(getattr(data, collection)):
            key = getattr(record, "key", None) or getattr(record, "id", "")
            for spelling in (key, *getattr(record, "aliases", ())):
                folded = normalize_key(spelling)
                if not folded:
                    yield (collection, index), f"alias {spelling!r} has no letters or digits"
                elif folded in seen and seen[folded] != index:
                    already = f"{collection}.{seen[folded]}"
                    yield (
                        (collection, index),
                        f"duplicate key or alias {spelling!r} (already used by {already})",
                    )
                seen.setdefault(folded, index)


def _refs(data: Dataset, path: "Path", keys: str | tuple[str, ...], collection: str) -> Iterator[Problem]:
    """Problems with ``keys`` (one key or a tuple of them) that name no record of ``collection``."""
    valid = {record.key for record in getattr(data, collection)}
    listed = keys if isinstance(keys, tuple) else (keys,)
    for index, key in enumerate(listed):
        if key not in valid:
            where = (*path, index) if isinstance(keys, tuple) else path
            kind = KEYED_COLLECTIONS[collection]
            yield where, f"unknown {kind} {key!r}; valid: {', '.join(sorted(valid))}"


def _references_resolve(data: Dataset) -> Iterator[Problem]:
    """Every key that points at another record finds it."""
    for i, career_path in enumerate(data.career_paths):
        yield from _refs(data, ("career_paths", i, "to_levels"), career_path.to_levels, "levels")
    for i, segment in enumerate(data.segments):
        if segment.engagement_model is not None:
            where = ("segments", i, "engagement_model")
            yield from _refs(data, where, segment.engagement_model, "engagement_models")
        yield from _refs(data, ("segments", i, "lead_kpis"), segment.lead_kpis, "kpis")
    for i, responsibility in enumerate(data.responsibilities):
        yield from _refs(data, ("responsibilities", i, "emphasis"), responsibility.emphasis, "segments")
    for i, band in enumerate(data.pay.level_bands):
        yield from _refs(data, ("pay", "level_bands", i, "level"), band.level, "levels")
        if band.segment is not None:
            yield from _refs(data, ("pay", "level_bands", i, "segment"), band.segment, "segments")
    for i, metric in enumerate(data.pay.bonus_metrics):
        yield from _refs(data, ("pay", "bonus_metrics", i, "kpi"), metric.kpi, "kpis")


def _interview_tags_resolve(data: Dataset) -> Iterator[Problem]:
    """An interview question is tagged with segment or level keys, or 'industry'."""
    tags = {r.key for r in data.segments} | {r.key for r in data.levels} | {"industry"}
    for i, question in enumerate(data.interview_questions):
        for j, tag in enumerate(question.relevant_to):
            if tag not in tags:
                where = ("interview_questions", i, "relevant_to", j)
                yield where, f"unknown tag {tag!r}; use a segment or level key, or 'industry'"


def _conditions_resolve(data: Dataset) -> Iterator[Problem]:
    """Every `when` names segments, levels and contexts that exist, and a sensible rank window."""
    for path, _, value in _walk(data, ()):
        if not isinstance(value, When):
            continue
        yield from _refs(data, (*path, "segments"), value.segments, "segments")
        yield from _refs(data, (*path, "levels"), value.levels, "levels")
        yield from _refs(data, (*path, "contexts"), value.contexts, "work_contexts")
        if value.min_rank is not None and value.max_rank is not None and value.min_rank > value.max_rank:
            yield (*path, "min_rank"), f"min_rank ({value.min_rank}) is above max_rank ({value.max_rank})"


def _one_band_per_level_and_source(data: Dataset) -> Iterator[Problem]:
    """A guide gives at most one band per level."""
    pairs: dict[tuple[str, str], int] = {}
    for i, band in enumerate(data.pay.level_bands):
        pair = (band.level, band.source)
        if pair in pairs:
            first = f"pay.level_bands.{pairs[pair]}"
            yield (
                ("pay", "level_bands", i),
                f"a second band for level {band.level!r} from {band.source!r} (first at {first})",
            )
        pairs.setdefault(pair, i)
