"""A `JobDescription` as a schema.org ``JobPosting`` (JSON-LD).

Every property and nested type used here is checked against the schema.org 30.0
vocabulary by the tests (``tests/test_jsonld.py``), and the whole input space against
Google's JobPosting rules (``tests/jobposting.py``). Remote jobs use
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


def _organization(jd: JobDescription) -> dict[str, Any]:
    organization: dict[str, Any] = {"@type": "Organization", "name": jd.hiring_organization}
    if jd.company.url:
        organization["sameAs"] = jd.company.url
    if jd.company.logo:
        organization["logo"] = jd.company.logo
    return organization


def job_posting(jd: JobDescription) -> dict[str, Any]:
    """The schema.org JobPosting for ``jd``, as plain JSON-compatible data.

    It carries what Google's job search reads: title, an HTML description of the
    whole posting (paragraphs and lists only), dates, the employer (left out when no
    company name was given: ``jd.warnings`` says so), an identifier, where the job is
    (a postal address, or TELECOMMUTE with the countries candidates may live in), the
    base salary as a MonetaryAmount (never total pay), employment type and directApply.
    """
    pay = jd.compensation
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": jd.title,
        "description": jd.render("description"),
        "datePosted": jd.date_posted.isoformat(),
        "employmentType": jd.employment_type,
        "directApply": jd.company.direct_apply,
    }
    if jd.hiring_organization:
        posting["hiringOrganization"] = _organization(jd)
    posting["identifier"] = {
        "@type": "PropertyValue",
        "name": jd.hiring_organization or "csm-roles",
        "value": jd.identifier,
    }
    if jd.valid_through is not None:
        posting["validThrough"] = jd.valid_through.isoformat()
    if jd.location.work_model == "remote":
        posting["jobLocationType"] = "TELECOMMUTE"
        area: dict[str, Any] = {"@type": "Country", "name": jd.location.country}
        if jd.location.region and jd.location.country == "US":
            area = {"@type": "State", "name": jd.location.region_name or jd.location.region}
        posting["applicantLocationRequirements"] = area
    else:
        posting["jobLocation"] = {"@type": "Place", "address": _address(jd)}
    if pay.base is not None:
        value: dict[str, Any] = {"@type": "QuantitativeValue", "minValue": pay.base.low, "unitText": "YEAR"}
        if pay.base.high is not None:
            value["maxValue"] = pay.base.high
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": pay.base.currency, "value": value}
    # the pay lines beyond the base, without their labels: "A bonus of 10–15% of base."
    labels = ("On-target earnings: ", "Variable pay: ", "Total pay: ", "Other pay: ")
    variable = [line.split(": ", 1)[1] for line in pay.lines if line.startswith(labels)]
    if variable:
        posting["incentiveCompensation"] = " ".join(text[:1].upper() + text[1:] for text in variable)
    if jd.experience is not None and jd.experience.low > 0:
        posting["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": jd.experience.low * 12,
        }
    posting["skills"] = ", ".join(jd.skills)
    posting["responsibilities"] = _as_text(jd.responsibilities)
    posting["qualifications"] = _as_text(jd.requirements)
    if jd.industry_name:
        posting["industry"] = jd.industry_name
    if jd.company.about:
        posting["employerOverview"] = jd.company.about
    if jd.benefits:
        posting["jobBenefits"] = _as_text(jd.benefits)
    return posting


def _as_text(items: tuple[str, ...]) -> str:
    """List items as one plain-text field, each ending as a sentence ("Health cover. A learning budget.")."""
    return " ".join(
        item if item.rstrip().endswith((".", "!", "?")) else f"{item.rstrip()}." for item in items
    )


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
