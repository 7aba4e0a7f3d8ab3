"""Pay-transparency laws: what a job posting must say where it is published.

The rules are data (``data/pay_transparency.yaml``): per jurisdiction its employers
(size threshold and how they are counted), its reach to remote roles, what a posting
must contain and from when, and the primary source each fact was checked against,
with every fact the sources read could not confirm marked so. `pay_transparency`
answers for one place: the requirements that apply, those that may apply but depend
on what the caller did not say, and, where no rule is on record, says that with the
data's "as of" date, which is never a finding that a posting complies.

This is reference data, not legal advice.
"""

# No `from __future__ import annotations` (as in _models.py): pydantic reads the
# annotations when the models are created.
import datetime as dt
import functools
import os
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, model_validator

from ._company import check_employees
from ._errors import InvalidInputError
from ._limits import MAX_FILE_BYTES
from ._models import IntegrityError, Record
from ._places import Location, parse_location

__all__ = [
    "Jurisdiction",
    "LawRequirement",
    "LawSource",
    "PayTransparencyRules",
    "Ruling",
    "TransparencyAnswer",
    "load_transparency_rules",
    "pay_transparency",
    "transparency_rules",
]

Element = Literal[
    "pay",
    "good-faith",
    "benefits",
    "other-compensation",
    "deadline",
    "how-to-apply",
    "job-description",
    "commission",
]
SourceKind = Literal["statute", "regulation", "ordinance", "directive", "guidance", "secondary"]
Status = Literal["in-force", "enacted", "unconfirmed"]
#: Whether a law reaches a remote role: "yes" where someone living there could fill it;
#: "employer" where it follows the employer instead (employers located there, for staff
#: anywhere), which a place alone cannot settle.
Reach = Literal["yes", "no", "employer", "unclear", "unconfirmed"]
RulingStatus = Literal["applies", "may-apply", "not-yet", "does-not-apply"]


class LawSource(Record):
    """A text a fact was checked against: a statute, regulation, ordinance, guidance or a summary."""

    kind: SourceKind = Field(description="'secondary' is a law firm's or a news summary: never proof alone.")
    citation: str
    title: str
    url: str
    copy_read: str | None = Field(
        default=None, description="The copy actually read, where not the official page."
    )
    checked: dt.date = Field(description="The day the text was read.")


class ElementInfo(Record):
    """One thing a law can ask a posting to contain."""

    key: Element
    name: str
    phrase: str = Field(description="How it reads in a sentence: 'the application deadline'.")
    description: str


class Employers(Record):
    """Which employers a law covers."""

    min_employees: int | None = Field(default=None, ge=1, description="None: no confirmed threshold.")
    counted: str = Field(description="How employees are counted, as far as the sources read say.")
    confirmed: bool


class RemoteReach(Record):
    """Whether a law reaches a remote role that a resident could fill."""

    reach: Reach
    how: str
    confirmed: bool


class Requirement(Record):
    """One element a posting must contain under one law."""

    element: Element
    from_: dt.date | None = Field(default=None, alias="from", description="The day it applies from.")
    from_confirmed: bool = Field(description="Whether that day was read in primary text (else: reported).")
    until: dt.date | None = None
    single_figure: bool | None = Field(
        default=None, description="Pay only: whether one figure may stand in for a range."
    )
    open_ended: bool | None = Field(
        default=None, description="Pay only: whether '$X and up' or 'up to $X' is allowed."
    )
    max_width: int | None = Field(
        default=None,
        gt=0,
        description="Pay only: the widest range allowed (high minus low, a year, in the place's currency).",
    )
    detail: str
    confirmed: bool = Field(description="Whether its content was read in primary text.")
    source: int = Field(ge=0, description="The index of its source in the jurisdiction's `sources`.")


class JurisdictionPlace(Record):
    """Where a jurisdiction is: a country, a state or province, a city or county in it."""

    country: str = Field(description="ISO 3166 code, or EU for the European Union.")
    region: str | None = None
    locality: str | None = None
    localities: tuple[str, ...] = Field(
        default=(), description="Other names of the city or the places in the county."
    )


class Jurisdiction(Record):
    """One law's reach and demands."""

    key: str
    name: str
    kind: Literal["state", "province", "city", "county", "union"]
    place: JurisdictionPlace
    within: str | None = Field(default=None, description="The key of the jurisdiction around it.")
    countries: tuple[str, ...] = Field(default=(), description="A union: its member countries.")
    status: Status
    employers: Employers
    remote: RemoteReach
    requirements: tuple[Requirement, ...] = ()
    outside_posting: str | None = Field(
        default=None, description="A duty to disclose pay outside the posting."
    )
    sources: tuple[LawSource, ...]
    notes: str | None = None

    @model_validator(mode="after")
    def _sources_exist(self) -> "Jurisdiction":
        for index, requirement in enumerate(self.requirements):
            if requirement.source >= len(self.sources):
                raise IntegrityError(
                    ("requirements", index, "source"),
                    f"source {requirement.source} does not exist; {self.key} has {len(self.sources)} sources",
                )
        return self

    def source_of(self, requirement: Requirement) -> LawSource:
        """The source a requirement was checked against."""
        return self.sources[requirement.source]

    def names(self) -> tuple[str, ...]:
        """Every name of the city or county, folded for comparison."""
        found = (
            [self.place.locality, *self.place.localities]
            if self.place.locality
            else list(self.place.localities)
        )
        return tuple(" ".join(name.casefold().replace(".", "").split()) for name in found if name)


class PayTransparencyRules(Record):
    """The whole table of laws, with the day it was last checked.

    Examples:
        >>> rules = csm_roles.transparency_rules()
        >>> [e.key for e in rules.elements][:3], rules.jurisdiction("us-wa").employers.min_employees
        (['pay', 'good-faith', 'benefits'], 15)
    """

    format_version: Literal[1]
    as_of: dt.date
    disclaimer: str
    elements: tuple[ElementInfo, ...]
    jurisdictions: tuple[Jurisdiction, ...]

    @model_validator(mode="after")
    def _keys(self) -> "PayTransparencyRules":
        keys = [j.key for j in self.jurisdictions]
        for index, key in enumerate(keys):
            if key in keys[:index]:
                raise IntegrityError(("jurisdictions", index, "key"), f"key {key!r} appears twice")
        for index, jurisdiction in enumerate(self.jurisdictions):
            if jurisdiction.within is not None and jurisdiction.within not in keys:
                raise IntegrityError(
                    ("jurisdictions", index, "within"), f"unknown jurisdiction {jurisdiction.within!r}"
                )
        named = {e.key for e in self.elements}
        missing = sorted({r.element for j in self.jurisdictions for r in j.requirements} - named)
        if missing:
            raise IntegrityError(("elements",), f"no description for {', '.join(missing)}")
        return self

    def element(self, key: str) -> ElementInfo:
        """The description of one element."""
        return next(e for e in self.elements if e.key == key)

    def jurisdiction(self, key: str) -> Jurisdiction:
        """One jurisdiction by key."""
        for found in self.jurisdictions:
            if found.key == key:
                return found
        raise InvalidInputError(
            f"unknown jurisdiction {key!r}; known: {', '.join(j.key for j in self.jurisdictions)}"
        )


# -- answers ---------------------------------------------------------------------------------


class LawRequirement(Record):
    """A requirement as it applies to one posting, with its law and source.

    Examples:
        >>> answer = csm_roles.pay_transparency("Seattle, WA", employees=40, on="2026-11-22")
        >>> pay = answer.required[0]
        >>> pay.element, pay.in_force_from, pay.source.kind
        ('pay', datetime.date(2023, 1, 1), 'statute')
    """

    jurisdiction: str
    jurisdiction_name: str
    element: str
    element_name: str
    element_phrase: str
    detail: str
    in_force_from: dt.date | None
    date_confirmed: bool
    confirmed: bool
    single_figure: bool | None = None
    open_ended: bool | None = None
    max_width: int | None = None
    source: LawSource

    @property
    def law(self) -> str:
        """The jurisdiction and the citation, as a finding names them."""
        return f"{self.jurisdiction_name} ({self.source.citation})"


class Ruling(Record):
    """What one jurisdiction means for the posting, and why.

    Examples:
        >>> ruling = csm_roles.pay_transparency("Seattle, WA", employees=5, on="2026-11-22").rulings[0]
        >>> ruling.status, ruling.reasons[-1]
        ('does-not-apply', 'it covers employers with 15 or more employees; 5 given')
    """

    jurisdiction: str
    name: str
    kind: str
    status: RulingStatus
    reach: Literal["here", "remote", "place-unknown", "remote-unclear"] = Field(
        description="How the place reaches it: the job is there, a remote role someone there could fill, "
        "a place too vague to tell, or a remote role and a law whose reach to remote roles is unclear."
    )
    reasons: tuple[str, ...] = Field(description="Why it applies, may apply, or does not.")
    requirements: tuple[LawRequirement, ...] = Field(
        description="What a posting must contain on the date asked."
    )
    upcoming: tuple[LawRequirement, ...] = Field(default=(), description="Requirements from a later date.")
    outside_posting: str | None = None
    sources: tuple[LawSource, ...] = ()
    notes: str | None = None


class TransparencyAnswer(Record):
    """The pay-transparency rules on record for one posting's place, size and date.

    Examples:
        >>> answer = csm_roles.pay_transparency("Denver, CO", on="2026-11-22")
        >>> [r.name for r in answer.applies], sorted({r.element for r in answer.required})[:3]
        (['Colorado'], ['benefits', 'deadline', 'good-faith'])
    """

    location: str
    remote: bool
    employees: int | None
    on: dt.date
    as_of: dt.date
    rulings: tuple[Ruling, ...]
    disclaimer: str

    @property
    def applies(self) -> tuple[Ruling, ...]:
        """Jurisdictions whose rules apply to this posting."""
        return tuple(r for r in self.rulings if r.status == "applies")

    @property
    def may_apply(self) -> tuple[Ruling, ...]:
        """Jurisdictions whose rules apply depending on what was not said (size, where candidates live)."""
        return tuple(r for r in self.rulings if r.status == "may-apply")

    @property
    def required(self) -> tuple[LawRequirement, ...]:
        """Every requirement of the jurisdictions that apply."""
        return tuple(req for ruling in self.applies for req in ruling.requirements)

    @property
    def possibly_required(self) -> tuple[LawRequirement, ...]:
        """Every requirement of the jurisdictions that may apply."""
        return tuple(req for ruling in self.may_apply for req in ruling.requirements)

    @property
    def summary(self) -> str:
        """One sentence on what was found."""
        if not self.rulings:
            return (
                f"No pay-transparency rule on record for {self.location} (rules as of {self.as_of}). "
                "That is not a finding that a posting complies: the table is not complete."
            )
        parts = []
        if self.applies:
            parts.append(f"apply: {', '.join(r.name for r in self.applies)}")
        if self.may_apply:
            parts.append(f"may apply: {', '.join(r.name for r in self.may_apply)}")
        others = [r for r in self.rulings if r.status in ("not-yet", "does-not-apply")]
        if others:
            parts.append(f"do not apply yet or here: {', '.join(r.name for r in others)}")
        found = "; ".join(parts)
        return f"Pay-transparency rules for {self.location} on {self.on} (rules as of {self.as_of}): {found}."

    def render(self, format: str = "text") -> str:
        """The answer for people: ``"text"`` or ``"markdown"``."""
        if format not in ("text", "markdown"):
            raise InvalidInputError(f"unknown format {format!r}; use 'text' or 'markdown'")
        return _render(self, markdown=format == "markdown")

    def to_json(self) -> str:
        """The answer as JSON."""
        return self.model_dump_json(indent=2, by_alias=True)


# -- the look-up -------------------------------------------------------------------------------

TRANSPARENCY_FILE = ("data", "pay_transparency.yaml")
RULES_EXPECTED = (
    "a pay-transparency table with as_of, elements and jurisdictions (see data/pay_transparency.yaml)"
)


def load_transparency_rules(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES
) -> PayTransparencyRules:
    """Read a pay-transparency table in the format of ``data/pay_transparency.yaml``, with located errors.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "laws.yaml"
        >>> _ = path.write_text("format_version: 1\\nas_of: 2026-11-22\\n")
        >>> try:
        ...     csm_roles.load_transparency_rules(path)
        ... except csm_roles.DataFileError as err:
        ...     print(err.field, err.line)
        disclaimer 1
    """
    from ._loader import read_model

    return read_model(path, PayTransparencyRules, expected=RULES_EXPECTED, max_bytes=max_bytes)


@functools.lru_cache(maxsize=1)
def transparency_rules() -> PayTransparencyRules:
    """The built-in table of pay-transparency laws (read once).

    Examples:
        >>> rules = csm_roles.transparency_rules()
        >>> rules.jurisdiction("us-co").name, rules.as_of.year
        ('Colorado', 2026)
    """
    from ._packaged import package_file

    return load_transparency_rules(str(package_file(*TRANSPARENCY_FILE)))


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().replace(".", "").split())


def _where(jurisdiction: Jurisdiction, location: Location, remote: bool) -> tuple[str, str] | None:
    """How the place reaches the jurisdiction, and why; None when it does not.

    "here": the job is in it; "remote": a remote role someone there could fill;
    "place-unknown": the place is too vague to tell (no state, no city);
    "remote-unclear": a remote role, and the law's reach to remote roles is unclear.
    """
    place = jurisdiction.place
    if jurisdiction.countries:
        if location.country in jurisdiction.countries:
            return "here", f"{location.country_name} is a member of the {jurisdiction.name.split(' (')[0]}"
        return None
    if location.country != place.country:
        return None
    if place.region is None:
        return "here", f"the job is in {location.country_name}"
    if location.region == place.region:
        if place.locality is None:
            return "here", f"the job is in {jurisdiction.name}"
        if _fold(location.locality) in jurisdiction.names():
            return "here", f"the job is in {jurisdiction.name}"
        if location.locality is None:
            return "place-unknown", f"the place names no city; the rule covers jobs in {jurisdiction.name}"
        return None
    if location.region is None:
        if remote:
            return _remote(jurisdiction)
        return (
            "place-unknown",
            f"the place names no state or province; the rule covers jobs in {jurisdiction.name}",
        )
    return None


def _remote(jurisdiction: Jurisdiction) -> tuple[str, str] | None:
    reach = jurisdiction.remote.reach
    if reach == "yes":
        unsure = "" if jurisdiction.remote.confirmed else " (as reported; not confirmed in primary text)"
        return "remote", f"it reaches remote roles that someone in {jurisdiction.name} could fill{unsure}"
    if reach == "no":
        return None
    if reach == "employer":
        return (
            "remote-unclear",
            f"for a remote role it covers employers located in {jurisdiction.name}, not candidates living "
            "there; it applies if the employer is located there",
        )
    return (
        "remote-unclear",
        f"whether it reaches remote roles is {reach}; "
        f"it would if someone in {jurisdiction.name} could fill the role",
    )


def _size(jurisdiction: Jurisdiction, employees: int | None) -> tuple[str, str]:
    """("applies" | "may-apply" | "does-not-apply", why) for the employer's size."""
    scope = jurisdiction.employers
    if scope.min_employees is None:
        return "may-apply", f"no confirmed size threshold ({scope.counted})"
    if scope.min_employees <= 1:
        reported = (
            "" if scope.confirmed else " (as reported; the definition was not confirmed in primary text)"
        )
        return "applies", f"it covers employers of any size{reported}"
    counted = "" if scope.confirmed else " (how they are counted is not confirmed)"
    if employees is None:
        return (
            "may-apply",
            f"it covers employers with {scope.min_employees} or more employees{counted}; give the number",
        )
    if employees < scope.min_employees:
        return (
            "does-not-apply",
            f"it covers employers with {scope.min_employees} or more employees; {employees} given",
        )
    return "applies", f"{employees} employees is at least its {scope.min_employees}{counted}"


def _requirements(
    rules: PayTransparencyRules, jurisdiction: Jurisdiction, on: dt.date
) -> tuple[list[LawRequirement], list[LawRequirement]]:
    current: list[LawRequirement] = []
    upcoming: list[LawRequirement] = []
    for requirement in jurisdiction.requirements:
        if requirement.until is not None and requirement.until < on:
            continue
        entry = LawRequirement(
            jurisdiction=jurisdiction.key,
            jurisdiction_name=jurisdiction.name,
            element=requirement.element,
            element_name=rules.element(requirement.element).name,
            element_phrase=rules.element(requirement.element).phrase,
            detail=requirement.detail,
            in_force_from=requirement.from_,
            date_confirmed=requirement.from_confirmed,
            confirmed=requirement.confirmed,
            single_figure=requirement.single_figure,
            open_ended=requirement.open_ended,
            max_width=requirement.max_width,
            source=jurisdiction.source_of(requirement),
        )
        (upcoming if requirement.from_ is not None and requirement.from_ > on else current).append(entry)
    return current, upcoming


def _ruling(
    rules: PayTransparencyRules,
    jurisdiction: Jurisdiction,
    where: tuple[str, str],
    employees: int | None,
    on: dt.date,
) -> Ruling:
    how, why = where
    reasons = [why]
    status: RulingStatus = "applies" if how in ("here", "remote") else "may-apply"
    size, size_why = _size(jurisdiction, employees)
    reasons.append(size_why)
    if size == "does-not-apply":
        status = "does-not-apply"
    elif size == "may-apply" and status == "applies":
        status = "may-apply"
    if jurisdiction.status == "unconfirmed" and status == "applies":
        status = "may-apply"
    if jurisdiction.status == "unconfirmed":
        reasons.append(f"the law's status could not be confirmed in primary text (as of {rules.as_of})")
    if jurisdiction.kind == "union":
        status = "may-apply" if status == "applies" else status
        reasons.append(
            "a directive binds member states; an employer's duties come from the national law "
            "that transposes it"
        )
    current, upcoming = _requirements(rules, jurisdiction, on)
    if status in ("applies", "may-apply") and jurisdiction.requirements and not current and upcoming:
        status = "not-yet"
        reasons.append(
            f"its posting rules start on {min(r.in_force_from for r in upcoming if r.in_force_from)}"
        )
    return Ruling(
        jurisdiction=jurisdiction.key,
        name=jurisdiction.name,
        kind=jurisdiction.kind,
        status=status,
        reach=how,  # type: ignore[arg-type]
        reasons=tuple(reasons),
        requirements=tuple(current),
        upcoming=tuple(upcoming),
        outside_posting=jurisdiction.outside_posting,
        sources=jurisdiction.sources,
        notes=jurisdiction.notes,
    )


def law_date(on: object) -> dt.date:
    """``on`` as a date (default today), or our error."""
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    if isinstance(on, str):
        try:
            return dt.date.fromisoformat(on.strip())
        except ValueError:
            pass
    raise InvalidInputError(f"on must be a date or 'YYYY-MM-DD'; got {on!r}")


def pay_transparency(
    location: str | Location,
    *,
    employees: int | None = None,
    on: dt.date | str | None = None,
    remote: bool = False,
    rules: PayTransparencyRules | None = None,
) -> TransparencyAnswer:
    """The pay-transparency rules on record for a posting: what applies, and what may.

    Args:
        location: where the job is, as people write it (``"Denver, CO"``,
            ``"Remote (US)"``), or a `Location`.
        employees: the employer's headcount; without it, laws with a size threshold
            above one employee "may apply".
        on: the day the posting is published (default: today).
        remote: True when the role can be done remotely from anywhere in the
            location's country; a remote place (``"Remote (US)"``) says so itself.
            A remote role gets every law that reaches remote roles a resident could fill.
        rules: a table in the same format (default: the built-in one).

    A place with no rule on record gets an answer that says so with the table's
    "as of" date; that is never a finding that a posting complies. Not legal advice.

    Examples:
        >>> answer = csm_roles.pay_transparency("New York, NY", employees=50, on="2026-11-22")
        >>> [r.name for r in answer.applies]
        ['New York City', 'New York State']
        >>> csm_roles.pay_transparency("Austin, TX", on="2026-11-22").rulings
        ()
    """
    if not isinstance(remote, bool):
        raise TypeError(f"remote must be True or False; got {remote!r}")
    table = rules if rules is not None else transparency_rules()
    if not isinstance(table, PayTransparencyRules):
        raise TypeError(f"rules must be a PayTransparencyRules; got {type(table).__name__}")
    place = location if isinstance(location, Location) else parse_location(location)
    day = law_date(on)
    size = check_employees(employees)
    is_remote = remote or place.work_model == "remote"
    if rules is None:  # postings from one place share the built-in table's answer
        return _built_in_answer(place, size, day, is_remote)
    return _answer(table, place, size, day, is_remote)


@functools.lru_cache(maxsize=256)
def _built_in_answer(place: Location, size: int | None, day: dt.date, is_remote: bool) -> TransparencyAnswer:
    """The built-in table's answer (immutable, so one copy serves every caller)."""
    return _answer(transparency_rules(), place, size, day, is_remote)


def _answer(
    table: PayTransparencyRules, place: Location, size: int | None, day: dt.date, is_remote: bool
) -> TransparencyAnswer:
    rulings = []
    for jurisdiction in table.jurisdictions:
        where = _where(jurisdiction, place, is_remote)  # a remote role in one state: that state only
        if where is not None:
            rulings.append(_ruling(table, jurisdiction, where, size, day))
    order = {"applies": 0, "may-apply": 1, "not-yet": 2, "does-not-apply": 3}
    rulings.sort(key=lambda r: order[r.status])
    return TransparencyAnswer(
        location=place.place if place.work_model != "remote" and place.place else place.label,
        remote=is_remote,
        employees=size,
        on=day,
        as_of=table.as_of,
        rulings=tuple(rulings),
        disclaimer=table.disclaimer,
    )


def elements_required(requirements: Iterable[LawRequirement]) -> dict[str, list[LawRequirement]]:
    """Requirements grouped by element, in the order they first appear."""
    grouped: dict[str, list[LawRequirement]] = {}
    for requirement in requirements:
        grouped.setdefault(requirement.element, []).append(requirement)
    return grouped


# -- the answer for people ---------------------------------------------------------------------

STATUS_TITLES = {
    "applies": "Applies",
    "may-apply": "May apply",
    "not-yet": "Not yet in force",
    "does-not-apply": "Does not apply",
}


def _requirement_line(requirement: LawRequirement, number: int) -> str:
    marks = []
    if requirement.in_force_from is not None:
        marks.append(
            f"from {requirement.in_force_from}" + ("" if requirement.date_confirmed else ", a reported date")
        )
    if not requirement.confirmed:
        marks.append("not confirmed in primary text")
    if requirement.single_figure is False:
        marks.append("a range, not one figure")
    if requirement.open_ended is False:
        marks.append("no open-ended range")
    if requirement.max_width is not None:
        marks.append(f"a range at most {requirement.max_width:,} wide")
    extra = f" ({'; '.join(marks)})" if marks else ""
    return f"{requirement.element_name}{extra}: {requirement.detail} [{number}]"


def _render(answer: TransparencyAnswer, *, markdown: bool) -> str:
    lines = [f"# {answer.location}" if markdown else answer.location, "", answer.summary, ""]
    for ruling in answer.rulings:
        title = f"{STATUS_TITLES[ruling.status]}: {ruling.name}"
        lines += [f"## {title}" if markdown else title, "", f"Why: {'; '.join(ruling.reasons)}.", ""]
        numbers = {source.url: index for index, source in enumerate(ruling.sources, 1)}
        items = [_requirement_line(r, numbers[r.source.url]) for r in ruling.requirements]
        items += [f"Later: {_requirement_line(r, numbers[r.source.url])}" for r in ruling.upcoming]
        if ruling.outside_posting:
            items.append(f"Outside the posting: {ruling.outside_posting}")
        lines += [f"- {item}" for item in items] + ([""] if items else [])
        if ruling.notes:  # what was and was not read, and facts the other sources add
            lines += [f"Notes: {ruling.notes}", ""]
        lines += ["Sources:", ""]
        for source, index in numbers.items():
            cited = next(s for s in ruling.sources if s.url == source)
            lines.append(f"{index}. {cited.citation} ({cited.kind}, checked {cited.checked}): {cited.url}")
        lines.append("")
    lines.append(answer.disclaimer)
    return "\n".join(lines) + "\n"
