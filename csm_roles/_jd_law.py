"""What the pay-transparency laws of a posting's place ask of a generated posting.

`generate_jd` asks `pay_transparency` which laws apply where the job is, and this
module checks the posting against them: each element a law requires (a good-faith
pay range, benefits, other pay, a closing date, how to apply) must come from the
company, because only the company knows it. A missing element of a law that applies
is a `PayTransparencyError` naming the law and the field to fill, or a warning in a
draft; an element of a law that only may apply (the company's size or the law's
status is unknown) is always a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ._company import Company
from ._errors import PayTransparencyError
from ._law import LawRequirement, TransparencyAnswer, pay_transparency
from ._location import Location

__all__ = ["Posting", "check_posting"]


@dataclass(frozen=True)
class Posting:
    """What a posting being generated holds, as the check needs it."""

    location: Location
    company: Company
    set_by_company: bool
    other_pay: bool
    closes: dt.date | None
    pay_width: int | None = None  # high minus low of the employer's own yearly range


#: Per element: whether the posting has it, and what to give when it does not.
FIELDS: dict[str, tuple[Callable[[Posting], bool], str]] = {
    "pay": (
        lambda p: p.set_by_company,
        "the range you in good faith expect to pay (pay=(low, high), --pay, or a band in the profile's "
        "`pay`); "
        "the guides' reference band is not the employer's range",
    ),
    "benefits": (lambda p: bool(p.company.benefits), "`benefits` in the company profile"),
    "other-compensation": (
        lambda p: p.other_pay,
        "`other_compensation` in the company profile (bonus, commission, equity, or that there is none)",
    ),
    "deadline": (
        lambda p: p.closes is not None,
        "a closing date (valid_through=, --valid-through, or the profile's `application_deadline`)",
    ),
    "how-to-apply": (lambda p: bool(p.company.how_to_apply), "`how_to_apply` in the company profile"),
}


def _gaps(posting: Posting, requirement: LawRequirement) -> list[tuple[str, str, bool]]:
    """(element, what to give, whether the gap rests only on what the table confirms) for
    what the posting lacks of one requirement."""
    found = []
    if requirement.element == "good-faith" and not posting.set_by_company:
        # the same fix: the employer's own range, then stated as good faith
        return [("pay", FIELDS["pay"][1], True)]
    if requirement.element in FIELDS:
        has, give = FIELDS[requirement.element]
        if not has(posting):
            found.append((requirement.element, give, True))
    width, widest = posting.pay_width, requirement.max_width
    if requirement.element == "pay" and width is not None and widest is not None and width > widest:
        # a limit the table only reports is a note, never a refusal
        give = f"a range at most {widest:,} wide (this one spans {width:,})"
        found.append(("pay", give, requirement.confirmed))
    return found  # the employer's own range is always closed: pay= and profile bands have both ends


def _laws(requirements: list[LawRequirement]) -> str:
    """ "Colorado (C.R.S. § 8-5-201; 7 CCR 1103-18, Rule 11.1); Maryland (...)": each law once."""
    cited: dict[str, dict[str, None]] = {}
    for requirement in requirements:
        cited.setdefault(requirement.jurisdiction_name, {})[requirement.source.citation] = None
    return "; ".join(f"{name} ({'; '.join(citations)})" for name, citations in cited.items())


def check_posting(
    posting: Posting, *, employees: int | None, on: dt.date, draft: bool
) -> tuple[TransparencyAnswer | None, tuple[str, ...]]:
    """The laws of the posting's place, and the warnings they give; raises for what an applying law lacks."""
    where = posting.location
    if where.country == "US" and where.region is None and where.work_model != "remote":
        return None, ()  # no state: the place's own warning asks for one (and the table stays unread)
    answer = pay_transparency(where, employees=employees, on=on)
    missing: dict[tuple[str, str], list[LawRequirement]] = {}
    maybe: dict[tuple[str, str], list[LawRequirement]] = {}
    names: dict[str, str] = {}
    for ruling in answer.rulings:
        if ruling.status not in ("applies", "may-apply") or ruling.reach == "place-unknown":
            continue  # a place with no state or city: the place's own warning asks for one
        for requirement in ruling.requirements:
            names[requirement.element] = requirement.element_phrase
            for element, give, sure in _gaps(posting, requirement):
                target = missing if ruling.status == "applies" and sure else maybe
                target.setdefault((element, give), []).append(requirement)
    place = where.place or where.label
    warnings = []
    problems = [(element, give, _laws(reqs)) for (element, give), reqs in missing.items()]
    if problems and not draft:
        lines = "; ".join(f"{names[element]}: give {give} [{laws}]" for element, give, laws in problems)
        raise PayTransparencyError(
            f"the pay-transparency laws for {place} require what this posting lacks: {lines}. "
            "Pass draft=True (--draft) for a draft with these as warnings.",
            problems,
        )
    for (element, give), reqs in missing.items():
        laws = _laws(reqs)
        verb = "require" if len({r.jurisdiction for r in reqs}) > 1 else "requires"
        warnings.append(f"Draft: {laws} {verb} {names[element]}; give {give}.")
    for (element, give), reqs in maybe.items():
        warnings.append(f"{_laws(reqs)} may require {names[element]}; give {give}.")
    if maybe:
        warnings.append(
            f"Whether those laws apply depends on what was not said (the company's size, the law's status): "
            f"see `csm-roles law {place!r}` or csm_roles.pay_transparency."
        )
    return answer, tuple(warnings)
