"""A company's profile: what only the hiring company knows, for its postings.

One YAML file (``load_company``), or the same as a dict or a `Company` in Python:
name, about text, website, logo, locations, who the role reports to, travel, days on
site for hybrid work, benefits, an equal-opportunity statement, how to apply, the
application deadline, and, optionally, the company's own pay bands as an overlay
(`PayBand`s by level, optionally by segment or location): a posting uses the most
specific band the profile states and the guides for everything else.

A posting states what the profile states and leaves out what it does not; nothing
is filled in.
"""

# No `from __future__ import annotations` (as in _models.py): pydantic would then
# evaluate every annotation string when the models are created, at start-up.
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator

from ._currency import currency_code
from ._errors import InvalidInputError
from ._limits import MAX_FILE_BYTES
from ._models import IntegrityError, MoneyRange, Record, normalize_key

__all__ = ["Company", "CompanyPay", "load_company"]

Url = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=5000)]


class CompanyPay(Record):
    """One pay band a company states for itself: a level, optionally a segment or a location.

    ``currency`` is required, so a band is never read in the wrong money.

    Examples:
        >>> band = csm_roles.CompanyPay(level="mid", low=95_000, high=115_000, currency="USD")
        >>> str(band.base)
        '$95,000–$115,000'
    """

    level: str = Field(description="A level key or alias of the dataset.")
    segment: str | None = Field(default=None, description="Only postings for this segment.")
    location: ShortText | None = Field(
        default=None,
        description="Only postings for this place, as people write it ('Boston, MA', 'Remote (US)').",
    )
    low: Annotated[int, Field(gt=0, le=100_000_000)]
    high: Annotated[int, Field(gt=0, le=100_000_000)]
    currency: str = Field(description="ISO 4217, such as USD or GBP.")

    @field_validator("currency", mode="before")
    @classmethod
    def _currency_code(cls, value: object) -> object:
        return currency_code(value)

    @model_validator(mode="after")
    def _ordered(self) -> "CompanyPay":
        if self.low > self.high:
            raise ValueError(f"low ({self.low:,}) is above high ({self.high:,})")
        return self

    @property
    def base(self) -> MoneyRange:
        """The band as a money range."""
        return MoneyRange.model_construct(low=self.low, high=self.high, currency=self.currency)


class Company(Record):
    """What a company says about itself in a posting. Every field is optional.

    Pass a ``Company`` or a plain dict with the same keys to `generate_jd`, or read
    one from YAML with `load_company`.

    Examples:
        >>> csm_roles.Company(name="Northwind", benefits="A learning budget").benefits
        ('A learning budget',)
    """

    name: ShortText | None = None
    about: LongText | None = None
    culture: LongText | None = None
    website: Url | None = Field(default=None, description="The company's website (schema.org sameAs).")
    logo: Url | None = Field(default=None, description="An image of the company's logo, for job boards.")
    locations: tuple[ShortText, ...] = Field(
        default=(), description="Where the company hires; the first is the default place of a posting."
    )
    reports_to: ShortText | None = Field(default=None, description="Who the person hired reports to.")
    travel: ShortText | None = Field(default=None, description="How much travel the job takes, in words.")
    days_on_site: Annotated[int, Field(ge=1, le=5)] | None = Field(
        default=None, description="Days a week in the office, for hybrid roles."
    )
    benefits: tuple[Annotated[str, Field(max_length=1000)], ...] = ()
    equal_opportunity: LongText | None = Field(
        default=None, description="The company's equal-opportunity statement."
    )
    other_compensation: LongText | None = Field(
        default=None,
        description="Pay beyond the base (bonus, commission, equity), or that there is none; laws such as "
        "Colorado's ask for it.",
    )
    employees: Annotated[int, Field(ge=0, le=10_000_000)] | None = Field(
        default=None, description="The company's headcount, which settles the size thresholds of pay laws."
    )
    how_to_apply: LongText | None = None
    application_deadline: dt.date | None = Field(default=None, description="The last day to apply.")
    direct_apply: bool = Field(
        default=False, description="Whether candidates apply on the page that shows the posting."
    )
    pay: tuple[CompanyPay, ...] = Field(
        default=(),
        description="The company's own pay bands; every band it does not state comes from the guides.",
    )

    @model_validator(mode="before")
    @classmethod
    def _url_is_website(cls, value: object) -> object:
        """``url`` was this field's name before ``website``; it is still read."""
        if isinstance(value, Mapping) and "url" in value:
            moved = {k: v for k, v in value.items() if k != "url"}
            moved.setdefault("website", value["url"])
            return moved
        return value

    @field_validator(
        "name",
        "about",
        "culture",
        "how_to_apply",
        "reports_to",
        "travel",
        "equal_opportunity",
        "other_compensation",
        mode="before",
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("website", "logo")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and (
            not value.startswith(("https://", "http://")) or any(c.isspace() for c in value)
        ):
            raise ValueError(f"expected a web address starting with https:// (got {value[:60]!r})")
        return value

    @field_validator("benefits", "locations", mode="before")
    @classmethod
    def _text_list(cls, value: object) -> object:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, Iterable) and not isinstance(value, Mapping):
            return tuple(item for item in value if not (isinstance(item, str) and not item.strip()))
        return value

    @model_validator(mode="after")
    def _known_keys(self, info: ValidationInfo) -> "Company":
        """Pay bands name levels and segments of the dataset (when the reader gives them)."""
        known = info.context or {}
        seen: dict[tuple[str, str | None, str | None], int] = {}
        for index, band in enumerate(self.pay):
            levels, segments = known.get("levels", {}), known.get("segments", {})
            slot = (
                levels.get(normalize_key(band.level), band.level),
                segments.get(normalize_key(band.segment), band.segment) if band.segment else None,
                " ".join(band.location.casefold().split()) if band.location else None,
            )
            if slot in seen:
                raise IntegrityError(
                    ("pay", index),
                    f"a second band for the same level, segment and location as pay.{seen[slot]}",
                )
            seen[slot] = index
            for field, kind in (("level", "levels"), ("segment", "segments")):
                value = getattr(band, field)
                choices: Mapping[str, str] | None = known.get(kind)
                if value is None or choices is None:
                    continue
                if normalize_key(value) not in choices:
                    listed = ", ".join(sorted(set(choices.values())))
                    raise IntegrityError(("pay", index, field), f"unknown {field} {value!r}; valid: {listed}")
        return self

    @property
    def url(self) -> str | None:
        """The website (the field's earlier name)."""
        return self.website


def key_context(bm: Any) -> dict[str, dict[str, str]]:
    """The validation context of a profile: every spelling of the dataset's levels and segments."""
    context: dict[str, dict[str, str]] = {}
    for kind, records in (("levels", bm.levels()), ("segments", bm.segments())):
        context[kind] = {
            normalize_key(spelling): record.key
            for record in records
            for spelling in (record.key, *record.aliases)
        }
    return context


COMPANY_EXPECTED = (
    "a mapping with keys such as name, about, benefits, pay (see docs/guides/company-profile.md)"
)


def load_company(
    path: str | os.PathLike[str], *, benchmarks: Any = None, max_bytes: int = MAX_FILE_BYTES
) -> Company:
    """Read a company profile from YAML, with every problem located (file, line, column, field).

    Pay bands must name levels (and segments) of ``benchmarks`` (default: the
    built-in dataset) and give a currency.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "company.yaml"
        >>> band = "{level: mid, low: 95000, high: 115000, currency: USD}"
        >>> _ = path.write_text(f"name: Northwind\\npay:\\n  - {band}\\n")
        >>> csm_roles.load_company(path).pay[0].level
        'mid'
    """
    from ._benchmarks import resolve_benchmarks
    from ._loader import read_model

    context = key_context(resolve_benchmarks(benchmarks))
    return read_model(
        path,
        Company,
        expected=COMPANY_EXPECTED,
        max_bytes=max_bytes,
        context=context,
        wrong_kind=_dataset_not_profile,
    )


def _dataset_not_profile(raw: dict[str, Any]) -> str | None:
    if "format_version" in raw or raw.keys() & {"levels", "segments", "kpis", "sources"}:
        return (
            "this is a dataset, not a company profile: pass it with --dataset "
            "(csm_roles.load_benchmarks); a profile holds what the company says about itself"
        )
    return None


def to_company(company: object, bm: Any) -> Company:
    """``company`` (a Company, a dict or a name) as a checked `Company`, or our error."""
    if company is None:
        return Company.model_construct()  # nothing to check (and no validator to build)
    context = key_context(bm)
    if isinstance(company, Company):
        company = company.model_dump(exclude_unset=True) if company.pay else company
        if isinstance(company, Company):
            return company
    if isinstance(company, (str, Mapping)):
        try:
            return Company.model_validate(
                {"name": company} if isinstance(company, str) else dict(company), context=context
            )
        except ValidationError as err:
            first = err.errors(include_url=False)[0]
            cause = (first.get("ctx") or {}).get("error")
            loc = cause.path if isinstance(cause, IntegrityError) else first["loc"]
            where = ".".join(str(p) for p in loc)
            message = (
                str(cause)
                if isinstance(cause, IntegrityError)
                else first["msg"].removeprefix("Value error, ")
            )
            if first["type"] == "extra_forbidden":
                message = f"no such key; a company has the keys {', '.join(Company.model_fields)}"
            raise InvalidInputError(f"company.{where}: {message}") from None
    raise TypeError(f"company must be a Company, a dict or a name; got {type(company).__name__}")


def check_employees(employees: object) -> int | None:
    """``employees`` as a headcount, or our error."""
    if employees is None:
        return None
    if isinstance(employees, bool) or not isinstance(employees, int) or not 0 <= employees <= 10_000_000:
        raise InvalidInputError(f"employees must be a whole number from 0 to 10,000,000; got {employees!r}")
    return employees
