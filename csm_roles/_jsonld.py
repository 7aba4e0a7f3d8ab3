"""A `JobDescription` as a schema.org ``JobPosting`` (JSON-LD).

Every property and nested type used here is checked against the schema.org 30.0
vocabulary by the tests (``tests/test_jsonld.py``). Remote jobs use
``jobLocationType: TELECOMMUTE`` with ``applicantLocationRequirements``; others a
``Place`` with a ``PostalAddress``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._jd import JobDescription

__all__ = ["job_posting"]


def _address(jd: JobDescription) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": jd.location.country}
    if jd.location.locality:
        address["addressLocality"] = jd.location.locality
    if jd.location.region:
        address["addressRegion"] = jd.location.region
    return address


def job_posting(jd: JobDescription) -> dict[str, Any]:
    """The schema.org JobPosting for ``jd``, as plain JSON-compatible data."""
    pay = jd.compensation
    organization: dict[str, Any] = {"@type": "Organization", "name": jd.hiring_organization}
    if jd.company.url:
        organization["url"] = jd.company.url
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": jd.title,
        "description": jd.render("html"),
        "datePosted": jd.date_posted.isoformat(),
        "hiringOrganization": organization,
        "employmentType": jd.employment_type,
    }
    if jd.valid_through is not None:
        posting["validThrough"] = jd.valid_through.isoformat()
    if jd.location.work_model == "remote":
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": jd.location.country}
    else:
        posting["jobLocation"] = {"@type": "Place", "address": _address(jd)}
    value: dict[str, Any] = {"@type": "QuantitativeValue", "minValue": pay.base.low, "unitText": "YEAR"}
    if pay.base.high is not None:
        value["maxValue"] = pay.base.high
    posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": pay.base.currency, "value": value}
    variable = [line for line in pay.lines[1:] if line.startswith(("On-target", "Variable"))]
    if variable:
        posting["incentiveCompensation"] = " ".join(variable)
    if jd.experience is not None:
        posting["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": jd.experience.low * 12,
        }
    posting["skills"] = ", ".join(jd.skills)
    posting["responsibilities"] = " ".join(jd.responsibilities)
    posting["qualifications"] = " ".join(jd.requirements)
    if jd.industry_name:
        posting["industry"] = jd.industry_name
    if jd.company.about:
        posting["employerOverview"] = jd.company.about
    posting["jobBenefits"] = " ".join(jd.benefits)
    return posting


def dumps(data: dict[str, Any], *, indent: int | None = 2) -> str:
    """JSON text for a JSON-LD dict that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (still
    the same JSON strings), so a company name such as ``</script><script>...`` cannot
    end the element it is embedded in.
    """
    import json

    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script(data: dict[str, Any]) -> str:
    """The JSON-LD wrapped in ``<script type="application/ld+json">`` for a web page."""
    return f'<script type="application/ld+json">\n{dumps(data)}\n</script>\n'
