"""The request and answer models of the API that are not records of the library.

A job description is asked for with the parameters of `csm_roles.generate_jd`: in
the query string of ``GET /v1/jd`` (company and pay as flat ``company_*`` and
``pay_low``/``pay_high`` fields, which is also what the web page's form sends), or
as a JSON body to ``POST /v1/jd`` (``company`` and ``pay`` as objects). There is no
``template_dir``: templates from users are not taken over HTTP.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .._jd import Company
from .._limits import MAX_REQUEST_BYTES, MAX_SALARY
from .._lint import Finding

__all__ = ["JDBody", "JDFormat", "JDQuery", "KitFormat", "LintCounts", "LintRequest", "LintResult", "Pay"]

#: The formats of a job description, the API's preference first.
JDFormat = Literal["json", "markdown", "html", "text", "jsonld"]
#: The formats of an interview kit.
KitFormat = Literal["json", "markdown", "html", "text"]

Key = Annotated[str, Field(min_length=1, max_length=200)]
Short = Annotated[str, Field(max_length=200)]
Amount = Annotated[int, Field(gt=0, le=MAX_SALARY)]


class _Request(BaseModel):
    # a parameter this API does not know is a mistake worth a 422, not something to ignore
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, value: Any) -> Any:
        """An empty field (what an HTML form sends for an empty box) means "not given"."""
        if isinstance(value, dict):
            return {k: v for k, v in value.items() if not (isinstance(v, str) and not v.strip())}
        return value


class _JDCommon(_Request):
    segment: Key = Field(
        description="smb, mid-market or enterprise (aliases work: MM).", examples=["enterprise"]
    )
    level: Key | None = Field(
        default=None,
        description="A level key or alias; without it, the level the guides pair with the segment.",
        examples=["senior"],
    )
    industry: Key | None = Field(default=None, examples=["healthcare"])
    location: Short | None = Field(
        default=None,
        description="Where the job is, as people write it.",
        examples=["Hybrid - San Francisco, CA (3 days in office)"],
    )
    metro: Key | None = Field(default=None, description="A guide metro key or alias (SF, NYC, remote).")
    work_model: Key | None = Field(default=None, description="onsite, hybrid or remote.")
    context: Key | None = Field(default=None, description="corporate, startup or remote-hybrid.")
    technical: bool = False
    currency: Short = Field(default="USD", description="The ISO 4217 currency of the company's own pay.")
    pay_source: Key | None = Field(
        default=None,
        description="Post this source's band (jd-template-2025 has OTE); default: the newest guide.",
    )
    title: Short | None = None
    date_posted: dt.date | None = Field(default=None, description="Default: today.", examples=["2026-11-01"])
    valid_through: dt.date | None = None
    employment_type: Key = "FULL_TIME"
    identifier: Short | None = None
    employees: int | None = Field(
        default=None, ge=0, le=10_000_000, description="The company's headcount, for pay-transparency laws."
    )
    draft: bool = Field(
        default=False,
        description="Answer with a draft (and warnings) when a pay-transparency law asks for what it lacks; "
        "without it, that is a 422 `pay_transparency` error.",
    )
    sources: bool = Field(default=False, description="End the posting with the guides its figures come from.")
    format: JDFormat | None = Field(
        default=None,
        description="The format of the answer; without it, the Accept header decides (JSON first).",
    )

    def _common(self) -> dict[str, Any]:
        return {
            "segment": self.segment,
            "level": self.level,
            "industry": self.industry,
            "location": self.location,
            "metro": self.metro,
            "work_model": self.work_model,
            "context": self.context,
            "technical": self.technical,
            "currency": self.currency,
            "pay_source": self.pay_source,
            "title": self.title,
            "date_posted": self.date_posted,
            "valid_through": self.valid_through,
            "employment_type": self.employment_type,
            "identifier": self.identifier,
            "employees": self.employees,
            "draft": self.draft,
        }


class JDQuery(_JDCommon):
    """The query string of ``GET /v1/jd`` and of the web page's form."""

    #: What this query calls what the library's messages name by its Python arguments: the
    #: pay, each element a pay-transparency law may ask for, and drafts (see `Hinted`).
    SENDS: ClassVar[dict[str, str]] = {
        "pay": "pay_low and pay_high",
        "benefits": "company_benefits",
        "other-compensation": "company_other_compensation",
        "deadline": "valid_through (or company_application_deadline)",
        "how-to-apply": "company_how_to_apply",
        "draft": "draft=true",
    }

    company_name: Short | None = Field(default=None, examples=["Northwind"])
    company_about: str | None = None
    company_culture: str | None = None
    company_benefits: list[str] = Field(
        default_factory=list, description="One benefit per value (or per line of a value)."
    )
    company_how_to_apply: str | None = None
    company_url: str | None = Field(default=None, description="The company's website.")
    company_logo: str | None = None
    company_direct_apply: bool = False
    company_reports_to: Short | None = Field(default=None, examples=["the Head of Customer Success"])
    company_travel: Short | None = None
    company_days_on_site: int | None = Field(default=None, ge=1, le=5)
    company_equal_opportunity: str | None = None
    company_other_compensation: str | None = Field(default=None, description="Pay beyond the base, in words.")
    company_application_deadline: dt.date | None = None
    pay_low: Amount | None = Field(default=None, description="The company's own base range, low end.")
    pay_high: Amount | None = Field(default=None, description="The company's own base range, high end.")

    @field_validator("company_benefits", mode="after")
    @classmethod
    def _one_per_line(cls, values: list[str]) -> list[str]:
        return [line.strip() for value in values for line in value.splitlines() if line.strip()]

    @model_validator(mode="after")
    def _pay_pair(self) -> JDQuery:
        if (self.pay_low is None) != (self.pay_high is None):
            raise ValueError("give both pay_low and pay_high, or neither")
        return self

    def to_kwargs(self) -> dict[str, Any]:
        """The arguments of `generate_jd` this query stands for."""
        company = {
            "name": self.company_name,
            "about": self.company_about,
            "culture": self.company_culture,
            "benefits": self.company_benefits,
            "how_to_apply": self.company_how_to_apply,
            "url": self.company_url,
            "logo": self.company_logo,
            "direct_apply": self.company_direct_apply,
            "reports_to": self.company_reports_to,
            "travel": self.company_travel,
            "days_on_site": self.company_days_on_site,
            "equal_opportunity": self.company_equal_opportunity,
            "other_compensation": self.company_other_compensation,
            "application_deadline": self.company_application_deadline,
        }
        given = {k: v for k, v in company.items() if v not in (None, [], False)}
        pay = (
            (self.pay_low, self.pay_high) if self.pay_low is not None and self.pay_high is not None else None
        )
        return {**self._common(), "company": given or None, "pay": pay}


class Pay(_Request):
    """The company's own base range."""

    low: Amount
    high: Amount


class JDBody(_JDCommon):
    """The JSON body of ``POST /v1/jd``."""

    #: As `JDQuery.SENDS`, for this body.
    SENDS: ClassVar[dict[str, str]] = {
        "pay": "pay.low and pay.high",
        "benefits": "company.benefits",
        "other-compensation": "company.other_compensation",
        "deadline": "valid_through (or company.application_deadline)",
        "how-to-apply": "company.how_to_apply",
        "draft": '"draft": true',
    }

    company: Company | None = Field(default=None, description="What the company says about itself.")
    pay: Pay | None = Field(
        default=None, description="The company's own base range; needed for levels the guides give no band."
    )

    def to_kwargs(self) -> dict[str, Any]:
        """The arguments of `generate_jd` this body stands for."""
        pay = (self.pay.low, self.pay.high) if self.pay is not None else None
        return {**self._common(), "company": self.company, "pay": pay}


class LintRequest(_Request):
    """A posting to check, with what `csm_roles.lint_jd` takes besides the text."""

    text: Annotated[str, Field(max_length=MAX_REQUEST_BYTES)] = Field(
        description="The posting: plain text, Markdown or HTML. Positions in the findings refer to it.",
        examples=["We need a rockstar CSM for 150 enterprise accounts. Competitive salary."],
    )
    segment: Key | None = Field(default=None, description="The customer segment, for the portfolio check.")
    level: Key | None = Field(default=None, description="The level being hired.")
    rules: list[Key] | None = Field(default=None, description="Run only these rule ids.")
    ignore: list[Key] | None = Field(default=None, description="Skip these rule ids.")
    title: Short | None = Field(
        default=None, description="The job title, when the text does not start with it."
    )
    location: Short | None = Field(
        default=None,
        description="Where the job is published, for its pay-transparency laws; default: the text's "
        "'Location:' line or first 'City, ST'.",
        examples=["Denver, CO"],
    )
    employees: int | None = Field(default=None, ge=0, le=10_000_000, description="The employer's headcount.")
    remote: bool = Field(
        default=False, description="The role can be done remotely from anywhere in the country."
    )


class LintCounts(BaseModel):
    """How many findings of each severity."""

    error: int
    warning: int
    info: int


class LintResult(BaseModel):
    """The findings of one posting, in the order they occur."""

    findings: list[Finding]
    counts: LintCounts
