"""Google's rules for JobPosting structured data, as a checker the tests run over every posting.

From Google Search Central's "Job posting (JobPosting) structured data" page (required
and recommended properties, the allowed employmentType and unitText values, baseSalary
as a MonetaryAmount, TELECOMMUTE with applicantLocationRequirements for fully remote
jobs, an addressCountry whenever jobLocation is given, HTML in the description limited
to paragraphs and lists). `problems` returns every rule a posting breaks; `warnings`
the recommended properties it lacks.
"""

from __future__ import annotations

import datetime as dt
import html.parser
from typing import Any

REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
RECOMMENDED = ("baseSalary", "directApply", "employmentType", "identifier", "validThrough")
EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
#: Tags Google's job search reads in a description; headings are not among them.
DESCRIPTION_TAGS = {"p", "ul", "li", "br", "strong", "em", "b", "i"}


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def problems(posting: dict[str, Any]) -> list[str]:
    """Every rule of Google's JobPosting documentation that ``posting`` breaks."""
    return [
        *_basic_problems(posting),
        *_organization_problems(posting),
        *_location_problems(posting),
        *_salary_problems(posting.get("baseSalary")),
    ]


def _basic_problems(posting: dict[str, Any]) -> list[str]:
    found = [f"missing required {name}" for name in REQUIRED if name not in posting]
    if posting.get("@type") != "JobPosting":
        found.append("@type is not JobPosting")
    if not isinstance(posting.get("title"), str) or not posting.get("title", "").strip():
        found.append("title is empty")
    description = posting.get("description", "")
    tags = _Tags()
    tags.feed(description if isinstance(description, str) else "")
    if not "".join(tags.text).strip():
        found.append("description has no text")
    if tags.tags - DESCRIPTION_TAGS:
        found.append(
            f"description uses tags job search does not read: {sorted(tags.tags - DESCRIPTION_TAGS)}"
        )
    if description.strip() == posting.get("title"):
        found.append("description is the same as the title")
    for name in ("datePosted", "validThrough"):
        if name in posting and not _date(posting[name]):
            found.append(f"{name} is not an ISO 8601 date")
    dates = _date(posting.get("validThrough")) and _date(posting.get("datePosted"))
    if dates and posting["validThrough"][:10] < posting["datePosted"][:10]:
        found.append("validThrough is before datePosted")
    kinds = posting.get("employmentType")
    for kind in kinds if isinstance(kinds, list) else [kinds] if kinds is not None else []:
        if kind not in EMPLOYMENT_TYPES:
            found.append(f"employmentType {kind!r} is not one of Google's values")
    if "directApply" in posting and not isinstance(posting["directApply"], bool):
        found.append("directApply is not a boolean")
    return found


def _organization_problems(posting: dict[str, Any]) -> list[str]:
    found = []
    organization = posting.get("hiringOrganization")
    if organization is not None:
        if not isinstance(organization, dict) or organization.get("@type") != "Organization":
            found.append("hiringOrganization is not an Organization")
        elif not str(organization.get("name", "")).strip():
            found.append("hiringOrganization has no name")
    identifier = posting.get("identifier")
    if identifier is not None and (
        not isinstance(identifier, dict)
        or identifier.get("@type") != "PropertyValue"
        or not identifier.get("value")
    ):
        found.append("identifier is not a PropertyValue with a value")
    return found


def _location_problems(posting: dict[str, Any]) -> list[str]:
    found = []
    remote = posting.get("jobLocationType") == "TELECOMMUTE"
    if "jobLocationType" in posting and not remote:
        found.append("jobLocationType takes only the value TELECOMMUTE")
    if remote:
        area = posting.get("applicantLocationRequirements")
        if not isinstance(area, dict) or area.get("@type") not in {"Country", "State", "AdministrativeArea"}:
            found.append("a remote job needs applicantLocationRequirements (at least one country)")
        elif not area.get("name"):
            found.append("applicantLocationRequirements has no name")
    elif "jobLocation" not in posting:
        found.append("missing required jobLocation (or TELECOMMUTE with applicantLocationRequirements)")
    place = posting.get("jobLocation")
    if place is not None:
        address = place.get("address") if isinstance(place, dict) else None
        if not isinstance(address, dict) or address.get("@type") != "PostalAddress":
            found.append("jobLocation has no PostalAddress")
        elif not address.get("addressCountry"):
            found.append("jobLocation's address has no addressCountry")
    return found


def _salary_problems(salary: object) -> list[str]:
    if salary is None:
        return []
    if not isinstance(salary, dict) or salary.get("@type") != "MonetaryAmount":
        return ["baseSalary is not a MonetaryAmount"]
    found = []
    currency = salary.get("currency")
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isupper()):
        found.append("baseSalary has no ISO 4217 currency")
    value = salary.get("value")
    if not isinstance(value, dict) or value.get("@type") != "QuantitativeValue":
        return [*found, "baseSalary.value is not a QuantitativeValue"]
    if value.get("unitText") not in UNITS:
        found.append(f"unitText {value.get('unitText')!r} is not one of {sorted(UNITS)}")
    numbers = [value.get(k) for k in ("value", "minValue", "maxValue") if k in value]
    if not numbers or not all(isinstance(n, (int, float)) and n > 0 for n in numbers):
        found.append("baseSalary has no positive amount")
    if "minValue" in value and "maxValue" in value and value["minValue"] > value["maxValue"]:
        found.append("minValue is above maxValue")
    return found


def warnings(posting: dict[str, Any]) -> list[str]:
    """The recommended properties a posting lacks."""
    return [f"missing recommended {name}" for name in RECOMMENDED if name not in posting]
