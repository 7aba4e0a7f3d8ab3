"""csm-roles: the reference for hiring Customer Success Managers.

Levels, segments, portfolio sizes, pay bands by level and metro, KPIs with targets,
interview material - every figure with the published guide it comes from.

Examples:
    >>> import csm_roles
    >>> band = csm_roles.salary_band("senior")
    >>> str(band.base), band.source
    ('$120,000–$160,000', 'augtal-2026')

The module functions use the built-in dataset, read on first use (importing the
package reads no data). For a company's own figures, ``load_benchmarks(path)``
returns a `Benchmarks` object with the same methods.
"""

from __future__ import annotations

import contextlib
import functools
import gc as _gc
import inspect
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage-collection passes inside, and the collector left as it was after.

    Loading builds some seventy pydantic model classes, whose reference cycles would set
    off several passes on the way (about 20 ms of a cold command). What was made inside
    is long-lived (classes, the dataset), so on the way out it goes straight to the
    oldest generation (a freeze undone at once): left in the youngest, it would cost one
    pass over all of it at the next allocation (about 6 ms). A program that froze
    objects itself (``gc.freeze()`` before forking) is left alone: its frozen objects
    must stay frozen, and this move would thaw them.
    """
    collecting = _gc.isenabled()
    _gc.disable()
    try:
        yield
    finally:
        if collecting:
            if not _gc.get_freeze_count():
                _gc.freeze()
                _gc.unfreeze()
            _gc.enable()


with _collector_paused():
    from ._benchmarks import Benchmarks, default_benchmarks, load_benchmarks, reset_default_benchmarks
    from ._errors import (
        CsmRolesError,
        DataFileError,
        DataNotFoundError,
        InvalidInputError,
        NoFigureError,
        PayTransparencyError,
        TemplateError,
        UnknownKeyError,
    )
    from ._models import (
        CareerPath,
        Dataset,
        Industry,
        InterviewQuestion,
        Kpi,
        KpiTarget,
        Level,
        Metro,
        MoneyRange,
        PortfolioRange,
        RedFlag,
        Segment,
        Source,
        SourcingChannel,
        When,
        normalize_key,
    )
    from ._pay import OfferComparison, PayBand

if TYPE_CHECKING:
    from ._chart import Chart, band_chart, render_chart
    from ._company import Company, CompanyPay, load_company
    from ._gender import GenderCoding, gender_coding
    from ._interview import InterviewKit, KitQuestion, interview_kit
    from ._jd import Compensation, JobDescription, Location, Portfolio, SuccessMetric, generate_jd
    from ._law import (
        LawRequirement,
        PayTransparencyRules,
        Ruling,
        TransparencyAnswer,
        load_transparency_rules,
        pay_transparency,
        transparency_rules,
    )
    from ._lint import Finding, Rule, RuleSet, default_rules, lint_jd, load_rules
    from ._places import parse_location

#: Names whose modules load on first use, so a look-up does not pay for Jinja and
#: the job-description, linter and chart models (see ``__getattr__`` below).
_LAZY = {
    "_chart": ("Chart", "band_chart", "render_chart"),
    "_gender": ("GenderCoding", "gender_coding"),
    "_interview": ("InterviewKit", "KitQuestion", "interview_kit"),
    "_company": ("Company", "CompanyPay", "load_company"),
    "_jd": (
        "Compensation",
        "JobDescription",
        "Location",
        "Portfolio",
        "SuccessMetric",
        "generate_jd",
    ),
    "_law": (
        "LawRequirement",
        "PayTransparencyRules",
        "Ruling",
        "TransparencyAnswer",
        "load_transparency_rules",
        "pay_transparency",
        "transparency_rules",
    ),
    "_lint": ("Finding", "Rule", "RuleSet", "default_rules", "lint_jd", "load_rules"),
    "_places": ("parse_location",),
}
_LAZY_NAMES = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    # Loaded on demand: the job-description, linter, chart and interview modules (with
    # Jinja), and ``__version__`` (importlib.metadata costs about 15 ms at start-up).
    # Each name is then stored in the module, so this runs once per name.
    module = _LAZY_NAMES.get(name)
    if module is not None:
        import importlib

        with _collector_paused():
            value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("csm-roles")
        except PackageNotFoundError:  # a checkout that was never installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names (what ``__all__`` lists) and the module's own dunders, for completion."""
    return sorted({*__all__, "__version__", *(name for name in globals() if name.startswith("__"))})


__all__ = [
    "Benchmarks",
    "CareerPath",
    "Chart",
    "Company",
    "CompanyPay",
    "Compensation",
    "CsmRolesError",
    "DataFileError",
    "DataNotFoundError",
    "Dataset",
    "Finding",
    "GenderCoding",
    "Industry",
    "InterviewKit",
    "InterviewQuestion",
    "InvalidInputError",
    "JobDescription",
    "KitQuestion",
    "Kpi",
    "KpiTarget",
    "LawRequirement",
    "Level",
    "Location",
    "Metro",
    "MoneyRange",
    "NoFigureError",
    "OfferComparison",
    "PayBand",
    "PayTransparencyError",
    "PayTransparencyRules",
    "Portfolio",
    "PortfolioRange",
    "RedFlag",
    "Rule",
    "RuleSet",
    "Ruling",
    "Segment",
    "Source",
    "SourcingChannel",
    "SuccessMetric",
    "TemplateError",
    "TransparencyAnswer",
    "UnknownKeyError",
    "When",
    "__version__",
    "band_chart",
    "career_paths",
    "compare_offer",
    "competencies",
    "default_benchmarks",
    "default_rules",
    "engagement_model",
    "engagement_models",
    "gender_coding",
    "generate_jd",
    "industries",
    "industry",
    "interview_kit",
    "interview_questions",
    "jd_mistakes",
    "kpi",
    "kpis",
    "level",
    "levels",
    "lifecycle_phases",
    "lint_jd",
    "load_benchmarks",
    "load_company",
    "load_rules",
    "load_transparency_rules",
    "market_pay",
    "market_stats",
    "metro",
    "metros",
    "national_average",
    "normalize_key",
    "paired_level",
    "parse_location",
    "pay_transparency",
    "portfolio_sizes",
    "qualifications",
    "red_flags",
    "related_role",
    "related_roles",
    "render_chart",
    "reset_default_benchmarks",
    "responsibilities",
    "salary_band",
    "salary_bands",
    "segment",
    "segments",
    "skills",
    "source",
    "sources",
    "sourcing_channels",
    "technical_variant",
    "technical_variants",
    "tools",
    "transparency_rules",
    "work_context",
    "work_contexts",
]

P = ParamSpec("P")
R = TypeVar("R")


def _on_default(method: Callable[Concatenate[Benchmarks, P], R]) -> Callable[P, R]:
    """A module function that calls ``method`` on the default (built-in) dataset."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        return method(default_benchmarks(), *args, **kwargs)

    call.__qualname__ = method.__name__
    call.__module__ = __name__
    signature = inspect.signature(method)  # the method's, without `self`
    call.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    del call.__wrapped__  # so tools read __signature__, not the signature of the method
    return call


sources = _on_default(Benchmarks.sources)
source = _on_default(Benchmarks.source)
levels = _on_default(Benchmarks.levels)
level = _on_default(Benchmarks.level)
career_paths = _on_default(Benchmarks.career_paths)
related_roles = _on_default(Benchmarks.related_roles)
related_role = _on_default(Benchmarks.related_role)
segments = _on_default(Benchmarks.segments)
segment = _on_default(Benchmarks.segment)
portfolio_sizes = _on_default(Benchmarks.portfolio_sizes)
engagement_models = _on_default(Benchmarks.engagement_models)
engagement_model = _on_default(Benchmarks.engagement_model)
metros = _on_default(Benchmarks.metros)
metro = _on_default(Benchmarks.metro)
salary_band = _on_default(Benchmarks.salary_band)
paired_level = _on_default(Benchmarks.paired_level)
salary_bands = _on_default(Benchmarks.salary_bands)
compare_offer = _on_default(Benchmarks.compare_offer)
market_pay = _on_default(Benchmarks.market_pay)
national_average = _on_default(Benchmarks.national_average)
kpis = _on_default(Benchmarks.kpis)
kpi = _on_default(Benchmarks.kpi)
responsibilities = _on_default(Benchmarks.responsibilities)
qualifications = _on_default(Benchmarks.qualifications)
competencies = _on_default(Benchmarks.competencies)
skills = _on_default(Benchmarks.skills)
tools = _on_default(Benchmarks.tools)
work_contexts = _on_default(Benchmarks.work_contexts)
work_context = _on_default(Benchmarks.work_context)
industries = _on_default(Benchmarks.industries)
industry = _on_default(Benchmarks.industry)
technical_variants = _on_default(Benchmarks.technical_variants)
technical_variant = _on_default(Benchmarks.technical_variant)
market_stats = _on_default(Benchmarks.market_stats)
lifecycle_phases = _on_default(Benchmarks.lifecycle_phases)
jd_mistakes = _on_default(Benchmarks.jd_mistakes)
interview_questions = _on_default(Benchmarks.interview_questions)
red_flags = _on_default(Benchmarks.red_flags)
sourcing_channels = _on_default(Benchmarks.sourcing_channels)
