"""The `Benchmarks` object: every look-up over one dataset.

``csm_roles.salary_band(...)`` and the other module functions call these same
methods on a default instance built from the packaged data the first time one of
them is used (see `default_benchmarks`); ``load_benchmarks(path)`` builds an
instance from a company's own file. One implementation, two doors.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Generic, TypeVar

from ._errors import NoFigureError, UnknownKeyError
from ._limits import MAX_FILE_BYTES
from ._models import (
    KEYED_COLLECTIONS,
    CareerPath,
    Competency,
    Dataset,
    EngagementModel,
    Industry,
    InterviewQuestion,
    JDMistake,
    Kpi,
    Level,
    LifecyclePhase,
    MarketFigure,
    MarketStat,
    Metro,
    NationalAverage,
    PortfolioRange,
    Qualifications,
    RedFlag,
    RelatedRole,
    Responsibility,
    Segment,
    Skills,
    Source,
    SourcingChannel,
    TechnicalVariant,
    Tool,
    WorkContext,
    normalize_key,
    pick_option,
)
from ._packaged import built_in_dataset
from ._pay import OfferComparison, PayBand, adjust_for_metro, choose_band, compare, paired_band, plain_band

__all__ = [
    "Benchmarks",
    "default_benchmarks",
    "load_benchmarks",
    "reset_default_benchmarks",
    "resolve_benchmarks",
]

R = TypeVar("R")

#: Interview question kinds, with the spellings people use for them.
QUESTION_KINDS: dict[str, tuple[str, ...]] = {
    "technical": ("functional", "technical/functional", "technical functional", "tech"),
    "behavioral": ("behavioural", "behavior", "behaviour"),
    "culture": ("culture fit", "cultural fit", "fit", "values"),
    "leadership": ("people leadership", "management", "leading people"),
}


class _Index(Generic[R]):
    """Records of one collection by folded key and alias (built once per dataset)."""

    def __init__(self, kind: str, records: Iterable[R], key: Callable[[R], str]) -> None:
        self.kind = kind
        self.records = tuple(records)
        self.keys = tuple(key(record) for record in self.records)
        self.by_spelling: dict[str, R] = {}
        self.aliases: dict[str, str] = {}
        for record, record_key in zip(self.records, self.keys, strict=True):
            for spelling in (record_key, *getattr(record, "aliases", ())):
                self.by_spelling.setdefault(normalize_key(spelling), record)
                if spelling != record_key:
                    self.aliases[spelling] = record_key
        # keys and aliases exactly as the data spells them (the usual arguments), resolved
        # once the way any other spelling is, so that they skip the folding
        self.exact: dict[str, R] = {
            spelling: self.by_spelling[normalize_key(spelling)] for spelling in (*self.keys, *self.aliases)
        }

    def get(self, key: str) -> R:
        if not isinstance(key, str):
            example = self.keys[0] if self.keys else "a key"
            raise TypeError(f"a {self.kind} is given by its key as text, such as {example!r}; got {key!r}")
        found = self.exact.get(key)
        if found is None:
            found = self.by_spelling.get(normalize_key(key))
        if found is not None:
            return found
        raise UnknownKeyError(self.kind, key, self.keys, aliases=self.aliases)


class Benchmarks:
    """Look-ups over one dataset: the built-in one, or a company's own file.

    Get one from `load_benchmarks` (a file) or `default_benchmarks`
    (the packaged data). Every look-up method has a module-level twin in
    ``csm_roles`` that uses the packaged data (``csm_roles.level(...)`` is
    ``default_benchmarks().level(...)``); `get`, `to_dict` and `to_yaml` work on a
    dataset as a whole and have none.

    Examples:
        >>> import csm_roles
        >>> bm = csm_roles.default_benchmarks()
        >>> bm.level("Senior CSM").key
        'senior'
    """

    def __init__(self, data: Dataset, *, origin: str = "<memory>") -> None:
        if not isinstance(data, Dataset):
            raise TypeError(
                f"Benchmarks takes a Dataset, got {type(data).__name__}; use load_benchmarks(path)"
            )
        self._data = data
        self._origin = str(origin)
        self._sources = _Index("source", data.sources, lambda s: s.id)
        self._levels = _Index("level", data.levels, lambda r: r.key)
        self._segments = _Index("segment", data.segments, lambda r: r.key)
        self._metros = _Index("metro", data.metros, lambda r: r.key)
        self._kpis = _Index("KPI", data.kpis, lambda r: r.key)
        self._industries = _Index("industry", data.industries, lambda r: r.key)
        self._contexts = _Index("work context", data.work_contexts, lambda r: r.key)
        self._engagement = _Index("engagement model", data.engagement_models, lambda r: r.key)
        self._variants = _Index("technical variant", data.technical_variants, lambda r: r.key)
        self._related = _Index("related role", data.related_roles, lambda r: r.key)
        self._indexes: dict[str, _Index[Any]] = {
            "sources": self._sources,
            "levels": self._levels,
            "segments": self._segments,
            "metros": self._metros,
            "kpis": self._kpis,
            "industries": self._industries,
            "work_contexts": self._contexts,
            "engagement_models": self._engagement,
            "technical_variants": self._variants,
            "related_roles": self._related,
        }
        self._bands: dict[tuple[str, str | None, str | None], PayBand] = {}

    @property
    def data(self) -> Dataset:
        """The dataset every look-up reads (frozen records; it cannot be replaced)."""
        return self._data

    @property
    def origin(self) -> str:
        """Where the dataset came from: a file path, or "the built-in dataset"."""
        return self._origin

    def __repr__(self) -> str:
        return f"<Benchmarks from {self.origin}>"

    # -- sources -------------------------------------------------------------------

    def sources(self) -> tuple[Source, ...]:
        """The guides every figure comes from.

        Examples:
            >>> [s.id for s in csm_roles.sources()][:2]
            ['jd-template-2025', 'jobdescription-org']
        """
        return self.data.sources

    def source(self, key: str) -> Source:
        """One source by id (``"augtal-2026"``).

        Examples:
            >>> csm_roles.source("augtal-2026").year
            2026
        """
        return self._sources.get(key)

    # -- levels and careers --------------------------------------------------------

    def levels(self) -> tuple[Level, ...]:
        """Career levels from entry to director, in order.

        Examples:
            >>> [level.key for level in csm_roles.levels()][:3]
            ['entry', 'mid', 'senior']
        """
        return self.data.levels

    def level(self, key: str) -> Level:
        """One level by key or alias (``"senior"``, ``"Senior CSM"``, ``"associate"``).

        Examples:
            >>> csm_roles.level("Sr. CSM").name
            'Senior CSM'
        """
        return self._levels.get(key)

    def career_paths(self) -> tuple[CareerPath, ...]:
        """Moves up and sideways from the CSM role.

        Examples:
            >>> sorted({p.kind for p in csm_roles.career_paths()})
            ['lateral', 'up']
        """
        return self.data.career_paths

    def related_roles(self) -> tuple[RelatedRole, ...]:
        """Roles to grow into, with the average salary and reporting line one guide gives.

        Examples:
            >>> [(r.name, r.average_salary.amount) for r in csm_roles.related_roles()][0]
            ('Customer Retention Manager', 87139)
        """
        return self.data.related_roles

    def related_role(self, key: str) -> RelatedRole:
        """One related role by key or alias (``"cs ops manager"``).

        Examples:
            >>> csm_roles.related_role("Director of Customer Success").average_salary.amount
            156985
        """
        return self._related.get(key)

    # -- segments ------------------------------------------------------------------

    def segments(self) -> tuple[Segment, ...]:
        """SMB, mid-market and enterprise.

        Examples:
            >>> [s.key for s in csm_roles.segments()]
            ['smb', 'mid-market', 'enterprise']
        """
        return self.data.segments

    def segment(self, key: str) -> Segment:
        """One segment by key or alias (``"MM"``, ``"mid market"``).

        Examples:
            >>> csm_roles.segment("Mid-Market").key
            'mid-market'
        """
        return self._segments.get(key)

    def portfolio_sizes(self, segment: str) -> tuple[PortfolioRange, ...]:
        """How many accounts a CSM carries in ``segment``: one range per source.

        Examples:
            >>> [str(r) for r in csm_roles.portfolio_sizes("enterprise")]
            ['5–20', '10–20', '10–25']
        """
        return self.segment(segment).portfolio

    def engagement_models(self) -> tuple[EngagementModel, ...]:
        """Tech-touch, low-touch and high-touch.

        Examples:
            >>> [m.key for m in csm_roles.engagement_models()]
            ['tech-touch', 'low-touch', 'high-touch']
        """
        return self.data.engagement_models

    def engagement_model(self, key: str) -> EngagementModel:
        """One engagement model by key or alias (``"high touch"``).

        Examples:
            >>> csm_roles.engagement_model("High Touch").name
            'High-touch'
        """
        return self._engagement.get(key)

    # -- metros and pay ------------------------------------------------------------

    def metros(self) -> tuple[Metro, ...]:
        """The metro areas with base ranges and cost-of-living adjustments.

        Examples:
            >>> len(csm_roles.metros()), csm_roles.metros()[-1].key
            (8, 'remote')
        """
        return self.data.metros

    def metro(self, key: str) -> Metro:
        """One metro by key or alias (``"SF"``, ``"Bay Area"``, ``"NYC"``).

        Examples:
            >>> csm_roles.metro("Bay Area").key
            'sf-bay-area'
        """
        return self._metros.get(key)

    def salary_bands(self, level: str) -> tuple[PayBand, ...]:
        """Every source's band for ``level``, unadjusted, in data order.

        Examples:
            >>> [(b.source, str(b.base)) for b in csm_roles.salary_bands("entry")]
            [('jd-template-2025', '$65,000–$80,000'), ('augtal-2026', '$60,000–$80,000')]
        """
        key = self.level(level).key
        return tuple(plain_band(band) for band in self.data.pay.level_bands if band.level == key)

    def salary_band(self, level: str, *, metro: str | None = None, source: str | None = None) -> PayBand:
        """The pay band for ``level``, from one source, optionally adjusted for ``metro``.

        Without ``source``, the band from the most recent dated guide that has one
        for the level is used (see ``docs/reference/data-format.md``). With ``metro`` the band
        is derived from the guide's own metro and national ranges (see
        `csm_roles._pay.adjust_for_metro`) and marked ``derived=True`` with its
        ``formula``. A level the guides give no band for raises `NoFigureError`.

        Examples:
            >>> band = csm_roles.salary_band("senior")
            >>> band.source, str(band.base)
            ('augtal-2026', '$120,000–$160,000')
            >>> sf = csm_roles.salary_band("senior", metro="SF", source="jd-template-2025")
            >>> str(sf.base), sf.derived
            ('$113,000–$147,000', True)
        """
        level_key = self.level(level).key
        metro_key = self.metro(metro).key if metro is not None else None
        source_key = self.source(source).id if source is not None else None
        memo = (level_key, metro_key, source_key)
        found = self._bands.get(memo)
        if found is None:  # records are frozen, so one answer can serve every caller
            found = self._salary_band(level_key, metro_key, source_key)
            self._bands[memo] = found
        return found

    def _salary_band(self, level_key: str, metro: str | None, source_id: str | None) -> PayBand:
        bands = [band for band in self.data.pay.level_bands if band.level == level_key]
        if source_id is not None:
            chosen = [band for band in bands if band.source == source_id]
            if not chosen:
                have = ", ".join(band.source for band in bands) or "none"
                raise NoFigureError(
                    f"{source_id} gives no pay band for the {level_key!r} level; sources with one: {have}"
                )
            band = chosen[0]
        else:
            if not bands:
                with_bands = sorted({b.level for b in self.data.pay.level_bands})
                raise NoFigureError(
                    f"the guides give no pay band for the {level_key!r} level; "
                    f"levels with bands: {', '.join(with_bands)}"
                )
            band = choose_band(bands, {s.id: s for s in self.data.sources}, level_key)
        if metro is None:
            return plain_band(band)
        return adjust_for_metro(band, self.metro(metro), self.data.pay.national_average)

    def paired_level(self, segment: str) -> Level | None:
        """The level the newest guide pairs with ``segment`` in its pay bands, or None.

        Guide 004 lists its 2026 bands as "Entry-level / SMB-focused", "Mid-level /
        Mid-market" and "Senior / Enterprise"; a posting that names only a segment takes
        that level (see ``docs/reference/data-format.md``).

        Examples:
            >>> [csm_roles.paired_level(s).key for s in ("smb", "mid-market", "enterprise")]
            ['entry', 'mid', 'senior']
        """
        key = self.segment(segment).key
        sources = {s.id: s for s in self.data.sources}
        band = paired_band(self.data.pay.level_bands, sources, key)
        return self.level(band.level) if band is not None else None

    def compare_offer(
        self, base: int | float | Decimal, level: str, *, metro: str | None = None, source: str | None = None
    ) -> OfferComparison:
        """Where a base salary sits against the band for ``level`` (and ``metro``).

        Examples:
            >>> result = csm_roles.compare_offer(150_000, "senior")
            >>> result.position, round(result.fraction, 2)
            ('within', 0.75)
        """
        return compare(base, self.salary_band(level, metro=metro, source=source))

    def market_pay(self) -> tuple[MarketFigure, ...]:
        """Published market statistics on CSM pay (Glassdoor percentiles, PayScale average).

        Examples:
            >>> [f.amount for f in csm_roles.market_pay() if f.publisher == "Glassdoor"]
            [109941, 114049, 191496]
        """
        return self.data.pay.market

    def national_average(self) -> NationalAverage:
        """The national average base range.

        Examples:
            >>> str(csm_roles.national_average().base)
            '$75,000–$120,000'
        """
        if self.data.pay.national_average is None:
            raise NoFigureError(f"{self.origin} gives no national average")
        return self.data.pay.national_average

    # -- KPIs ----------------------------------------------------------------------

    def kpis(self) -> tuple[Kpi, ...]:
        """Every metric CSMs are measured on, with targets where a guide gives one.

        Examples:
            >>> [k.key for k in csm_roles.kpis()][:3]
            ['nrr', 'grr', 'ndr']
        """
        return self.data.kpis

    def kpi(self, key: str) -> Kpi:
        """One KPI by key, abbreviation or name (``"NRR"``, ``"net revenue retention"``).

        Examples:
            >>> [t.label("percent") for t in csm_roles.kpi("NRR").targets]
            ['110–130%', '110–120%']
        """
        return self._kpis.get(key)

    # -- the job -------------------------------------------------------------------

    def responsibilities(self, segment: str | None = None) -> tuple[Responsibility, ...]:
        """Duties of the role; with ``segment``, the ones that weigh most there.

        Examples:
            >>> any("C and VP level" in r.text for r in csm_roles.responsibilities("smb"))
            False
        """
        if segment is None:
            return self.data.responsibilities
        key = self.segment(segment).key
        return tuple(r for r in self.data.responsibilities if key in r.emphasis)

    def qualifications(self) -> Qualifications:
        """Must-have and nice-to-have qualifications.

        Examples:
            >>> len(csm_roles.qualifications().must_have) > 5
            True
        """
        return self.data.qualifications

    def competencies(self) -> tuple[Competency, ...]:
        """Competency categories with their key skills and how they are used.

        Examples:
            >>> csm_roles.competencies()[0].category
            'Relationship Management'
        """
        return self.data.competencies

    def skills(self) -> Skills:
        """Technical, interpersonal and top skills.

        Examples:
            >>> csm_roles.skills().technical[0].key
            'crm'
        """
        return self.data.skills

    def tools(self) -> tuple[Tool, ...]:
        """CRM systems and CS platforms the guides name.

        Examples:
            >>> [t.name for t in csm_roles.tools() if t.category == "cs-platform"]
            ['Gainsight', 'ChurnZero', 'Totango']
        """
        return self.data.tools

    def work_contexts(self) -> tuple[WorkContext, ...]:
        """Corporate, startup and remote/hybrid contexts.

        Examples:
            >>> [c.key for c in csm_roles.work_contexts()]
            ['corporate', 'startup', 'remote-hybrid']
        """
        return self.data.work_contexts

    def work_context(self, key: str) -> WorkContext:
        """One work context by key or alias (``"startup"``).

        Examples:
            >>> csm_roles.work_context("start-up").key
            'startup'
        """
        return self._contexts.get(key)

    def industries(self) -> tuple[Industry, ...]:
        """Industries with their extra requirements, focus areas and compliance names.

        Examples:
            >>> len(csm_roles.industries())
            6
        """
        return self.data.industries

    def industry(self, key: str) -> Industry:
        """One industry by key or alias (``"fintech"``, ``"healthcare"``).

        Examples:
            >>> [c.name for c in csm_roles.industry("healthcare").compliance]
            ['HIPAA']
        """
        return self._industries.get(key)

    def technical_variants(self) -> tuple[TechnicalVariant, ...]:
        """How expectations change with the technical depth of the product.

        Examples:
            >>> [v.key for v in csm_roles.technical_variants()]
            ['technical', 'business']
        """
        return self.data.technical_variants

    def technical_variant(self, key: str) -> TechnicalVariant:
        """One technical variant (``"technical"`` or ``"business"``).

        Examples:
            >>> csm_roles.technical_variant("technical").key
            'technical'
        """
        return self._variants.get(key)

    def market_stats(self) -> tuple[MarketStat, ...]:
        """Statistics about the CSM market and the value of retention.

        Examples:
            >>> next(s.value for s in csm_roles.market_stats() if s.key == "companies-with-cs")
            95.0
        """
        return self.data.market_stats

    def lifecycle_phases(self) -> tuple[LifecyclePhase, ...]:
        """Onboarding, mid-term and renewal.

        Examples:
            >>> [p.name for p in csm_roles.lifecycle_phases()]
            ['Onboarding', 'Mid-term engagement', 'Renewal']
        """
        return self.data.lifecycle_phases

    def jd_mistakes(self) -> tuple[JDMistake, ...]:
        """The five common mistakes in CSM job descriptions.

        Examples:
            >>> csm_roles.jd_mistakes()[3].terms[:2]
            ('rockstar', 'ninja')
        """
        return self.data.jd_mistakes

    # -- hiring --------------------------------------------------------------------

    def interview_questions(self, kind: str | None = None) -> tuple[InterviewQuestion, ...]:
        """Interview questions, all or of one kind (technical, behavioral, culture).

        Examples:
            >>> len(csm_roles.interview_questions()), len(csm_roles.interview_questions("culture fit"))
            (27, 4)
        """
        if kind is None:
            return self.data.interview_questions
        wanted = pick_option(QUESTION_KINDS, kind, "interview question kind")
        return tuple(q for q in self.data.interview_questions if q.kind == wanted)

    def red_flags(self) -> tuple[RedFlag, ...]:
        """Warning signs in candidates.

        Examples:
            >>> csm_roles.red_flags()[0].name
            'Reactive mindset'
        """
        return self.data.red_flags

    def sourcing_channels(self) -> tuple[SourcingChannel, ...]:
        """Where to find candidates and how.

        Examples:
            >>> [c.name for c in csm_roles.sourcing_channels()][:2]
            ['LinkedIn Recruiter', 'Customer success communities']
        """
        return self.data.sourcing_channels

    # -- whole dataset -------------------------------------------------------------

    def get(self, collection: str, key: str, *, default: Any = None) -> Any:
        """Look up a record in any keyed collection without raising for an unknown key.

        ``collection`` is a field of the dataset (``"levels"``, ``"metros"`` ...); an
        unknown *collection* still raises, because that is a programming error.

        Examples:
            >>> csm_roles.default_benchmarks().get("levels", "nonsense") is None
            True
        """
        if collection not in KEYED_COLLECTIONS:
            raise UnknownKeyError("collection", collection, tuple(KEYED_COLLECTIONS))
        index = self._indexes.get(collection)
        if index is None:  # built on first use and kept: the records never change
            index = _Index(KEYED_COLLECTIONS[collection], getattr(self.data, collection), lambda r: r.key)
            self._indexes[collection] = index
        try:
            return index.get(key)
        except UnknownKeyError:
            return default

    def to_dict(self) -> dict[str, Any]:
        """The dataset as plain JSON-compatible data (what ``load_benchmarks`` reads back)."""
        return self.data.model_dump(mode="json", exclude_none=True)

    def to_yaml(self) -> str:
        """The dataset as YAML text that `load_benchmarks` reads back to an equal dataset."""
        import yaml  # only here: a look-up never needs PyYAML

        return yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True, width=100)


def resolve_benchmarks(benchmarks: object) -> Benchmarks:
    """The dataset a function was given: ``None`` means the built-in one; anything else is a TypeError."""
    if benchmarks is None:
        return default_benchmarks()
    if not isinstance(benchmarks, Benchmarks):
        raise TypeError(
            f"benchmarks must be a csm_roles.Benchmarks (from load_benchmarks) or None, "
            f"got {type(benchmarks).__name__}"
        )
    return benchmarks


def load_benchmarks(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> Benchmarks:
    """Read a company's own benchmarks YAML (same format as the built-in data).

    Raises `DataFileError` naming the file, line, column and field for any problem,
    and `DataNotFoundError` when the file does not exist. Files larger than
    ``max_bytes`` (2 MiB by default) are refused unread.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "ours.yaml"
        >>> _ = path.write_text(csm_roles.default_benchmarks().to_yaml(), encoding="utf-8")
        >>> str(csm_roles.load_benchmarks(path).salary_band("mid").base)
        '$80,000–$120,000'
    """
    from ._loader import read_dataset  # PyYAML is imported only for a company's file

    return Benchmarks(read_dataset(path, max_bytes=max_bytes), origin=os.fspath(path))


_default: Benchmarks | None = None
_default_lock = threading.Lock()


def default_benchmarks() -> Benchmarks:
    """The packaged dataset, read once per process, on first use.

    Thread-safe: concurrent first calls read the file once. The packaged file is
    validated by the test suite on every change, so at run time it is built without
    running the validators again; set ``CSM_ROLES_VALIDATE_DATA=1`` to validate it
    anyway (for example after editing an installed copy).

    Examples:
        >>> csm_roles.default_benchmarks() is csm_roles.default_benchmarks()
        True
    """
    global _default
    found = _default
    if found is None:
        with _default_lock:
            if _default is None:
                _default = Benchmarks(built_in_dataset(), origin="the built-in dataset")
            found = _default
    return found


def reset_default_benchmarks() -> None:
    """Forget the cached default dataset; the next look-up reads the file again.

    Examples:
        >>> csm_roles.reset_default_benchmarks()
        >>> csm_roles.level("mid").key  # read again on first use
        'mid'
    """
    global _default
    with _default_lock:
        _default = None
