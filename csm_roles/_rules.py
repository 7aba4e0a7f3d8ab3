"""Lint rules as data: the models of a rules file, checked so that a rule that loads can run.

A rules file (``data/lint_rules.yaml`` is the built-in one) names role families,
zones of text some rules skip, and the rules. Each rule has a *kind*, and each kind
has its own parameters model: a rule whose parameters do not fit its kind, whose
message asks for a value the kind does not give, or whose phrases could not be
matched safely, is refused when the file is read, with the file, line, column and
field path of the problem (through `_loader`). Every model is frozen and every
collection a tuple or a read-only mapping, so a loaded rule set cannot be changed
by anyone holding it; it pickles, and equals its own reload.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from ._benchmarks import default_benchmarks
from ._errors import UnknownKeyError
from ._limits import MAX_FILE_BYTES
from ._models import Record
from ._packaged import package_file, read_once
from ._phrases import PhraseList

__all__ = [
    "KINDS",
    "PARAMS",
    "SEVERITY_ORDER",
    "FrozenDict",
    "Rule",
    "RuleSet",
    "default_rules",
    "load_rules",
]

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
Kind = Literal[
    "pay-missing",
    "pay-single",
    "pay-wide",
    "metrics",
    "portfolio",
    "phrases",
    "support",
    "gender-coding",
    "sections",
    "pay-law",
]
Name = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
#: One word of a front-matter key, in lower case ("salary" of "baseSalary").
KeyWord = Annotated[str, Field(pattern=r"^[a-z]+$", max_length=60)]
_SOURCE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
V = TypeVar("V")


class FrozenDict(dict[str, V]):
    """A mapping that cannot be changed after it is made (it still pickles and compares as a dict)."""

    def _refuse(self, *_args: object, **_kwargs: object) -> None:
        raise TypeError("a rule set cannot be changed once loaded; copy it with model_copy(update=...)")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (dict(self),))


def _frozen(value: Mapping[str, V]) -> FrozenDict[V]:
    return value if isinstance(value, FrozenDict) else FrozenDict(value)


#: A read-only mapping from names to phrase lists.
NamedLists = Annotated[Mapping[Name, PhraseList], AfterValidator(_frozen)]


class Params(Record):
    """Parameters of a rule; each kind has its own model."""


class NoParams(Params):
    """The kinds that take no parameters."""


class PayWideParams(Params):
    """``pay-wide``: how many times its bottom the top of a range may be."""

    ratio: Annotated[float, Field(gt=1, le=100, allow_inf_nan=False)] = 2.0


class MetricsParams(Params):
    """``metrics``: the success measures a numeric target is attached to."""

    terms: PhraseList = Field(min_length=1)
    #: How far (in characters, within one clause) a number may stand from its measure.
    window: Annotated[int, Field(ge=1, le=200, strict=True)] = 40
    #: Zones whose sentences hold no target of the role ("$10,000 a year for adoption").
    skip_in: tuple[Name, ...] = ()


class PortfolioParams(Params):
    """``portfolio``: what a book of accounts is called, the words that say it is the
    role's own, and how postings name each segment (besides the dataset's aliases)."""

    nouns: PhraseList = Field(min_length=1)
    cues: PhraseList = Field(min_length=1)
    segments: NamedLists = Field(default_factory=FrozenDict)


class PhrasesParams(Params):
    """``phrases``: the phrases to flag; the zones where they are fine; whether a word
    in capitals is an acronym rather than the word ("HE" for higher education); the
    phrases that double as names, left alone when capitalised in mid-sentence or
    glued to a capital ("Manpower", "ManpowerGroup"); and the phrases that show a match
    they share words with is something else (``not_part_of``: "office lunch" in "office
    lunch and learns" is training, not an office lunch)."""

    phrases: PhraseList = Field(min_length=1)
    skip_in: tuple[Name, ...] = ()
    acronyms: bool = False
    names: PhraseList = ()
    not_part_of: PhraseList = ()


class SupportParams(Params):
    """``support``: support-desk duties, the outcome work that balances them, and how
    many desk duties it takes."""

    support: PhraseList = Field(min_length=1)
    outcomes: PhraseList = Field(min_length=1)
    minimum: Annotated[int, Field(ge=1, le=100, strict=True)] = 3


class MoneyWords(Record):
    """Words that tell what a sum of money in a posting is: the role's pay, or other money."""

    #: Before (or just after) a sum, these make it pay: "salary", "OTE", "hourly rate".
    pay: PhraseList = ()
    #: These make it something else: "stipend", "ARR", "raised", "relocation".
    other: PhraseList = ()
    #: Neither: phrases that hold a pay word without being pay - a verb ("range from")
    #: or a measure that is not money ("engagement rates", "customer base"). A pay word
    #: inside one does not count: "deal sizes range from $50k" is other money, as
    #: "deal" says, not pay.
    neutral: PhraseList = ()


class SectionsParams(Params):
    """``sections``: each section a posting needs, with the headings that name it;
    headings that name no section in particular (``generic``) and headings of the
    other parts of a posting (``other``); and the words that open an item of each
    section (``content``), which tell what a section under a generic heading holds."""

    sections: NamedLists = Field(min_length=1)
    #: Heading words that name a section only on a line of their own or before a colon.
    standalone: NamedLists = Field(default_factory=FrozenDict)
    #: Heading words that name a section only where they close the heading, as a lead-in
    #: to its list ("We'd love to get to know you if:"; one word may follow: "who are:"),
    #: not in a sentence that goes on.
    closing: NamedLists = Field(default_factory=FrozenDict)
    #: Heading words that name a section only where they open the heading ("To succeed
    #: in this role, you will need:"), not where they end a sentence that began
    #: otherwise ("Everything you need to succeed in this role: training").
    opening: NamedLists = Field(default_factory=FrozenDict)
    generic: PhraseList = ()
    other: PhraseList = ()
    content: NamedLists = Field(default_factory=FrozenDict)

    @model_validator(mode="after")
    def _names_are_sections(self) -> SectionsParams:
        for field_name in ("standalone", "closing", "opening", "content"):
            for name in getattr(self, field_name):
                if name not in self.sections:
                    raise ValueError(f"{field_name} names {name!r}, which is not one of the sections")
        return self


class PayLawParams(Params):
    """``pay-law``: which rulings of the pay-transparency look-up the rule reports
    (``applies`` or ``may-apply``), and, per element a law can ask for, the phrases
    that show a posting states it. Pay is read as the pay rules read it; an element
    with no phrases here (good faith, the job description) is not checked in text."""

    rulings: tuple[Literal["applies", "may-apply"], ...] = Field(default=("applies",), min_length=1)
    #: Also report the gaps of a law that applies which rest on a fact the table could not
    #: confirm (a posting's "up to $X" where the law's stance on open-ended ranges is unknown).
    unconfirmed: bool = False
    evidence: NamedLists = Field(default_factory=FrozenDict)


AnyParams = (
    NoParams
    | PayWideParams
    | MetricsParams
    | PortfolioParams
    | PhrasesParams
    | SupportParams
    | SectionsParams
    | PayLawParams
)
PARAMS: dict[str, type[Params]] = {
    "pay-missing": NoParams,
    "pay-single": NoParams,
    "pay-wide": PayWideParams,
    "metrics": MetricsParams,
    "portfolio": PortfolioParams,
    "phrases": PhrasesParams,
    "support": SupportParams,
    "gender-coding": NoParams,
    "sections": SectionsParams,
    "pay-law": PayLawParams,
}
KINDS = tuple(PARAMS)
#: The values each kind puts into its message: ``{section}`` and ``{verdict}``.
MESSAGE_FIELDS: dict[str, frozenset[str]] = {
    "sections": frozenset({"section"}),
    "gender-coding": frozenset({"verdict"}),
    "pay-law": frozenset({"law", "element", "place", "problem", "why", "source"}),
}


def _problem(loc: tuple[str | int, ...], message: str, value: object) -> ValidationError:
    """A validation error at ``loc`` (relative to the field being validated), with our message."""
    return ValidationError.from_exception_data(
        "lint rules",
        [InitErrorDetails(type=PydanticCustomError("rules_file", message), loc=loc, input=value)],
    )


def _no_family(loc: tuple[str | int, ...], family: str, roles: Mapping[str, Any]) -> ValidationError:
    """The error for a role family the rule set's ``roles`` do not have."""
    known = ", ".join(roles) or "(none)"
    return _problem(loc, f"no role family {family!r}; the rule set's roles are {known}", family)


def _no_zone(zone: str, zones: Mapping[str, Any]) -> str:
    """What is wrong with naming a zone the rule set does not have."""
    return f"no zone {zone!r}; the rule set's zones are {', '.join(zones) or '(none)'}"


class Rule(Record):
    """One lint rule, as written in a rules file.

    Examples:
        >>> csm_roles.default_rules().rule("missing-pay").severity
        'error'
        >>> csm_roles.default_rules().rule("pay-range-wide").params.ratio
        2.0
    """

    id: Name
    kind: Kind
    severity: Severity
    #: ``all``, or the role families (from the rule set's ``roles``) the rule is for.
    applies_to: Literal["all"] | tuple[Name, ...] = "all"
    enabled: bool = True
    message: Annotated[str, Field(min_length=1, max_length=500)]
    suggestion: Annotated[str, Field(min_length=1, max_length=500)]
    source: Annotated[str, Field(min_length=1, description="A guide id of the dataset, or a citation.")]
    params: AnyParams = Field(default_factory=NoParams, validate_default=True)

    @field_validator("params", mode="wrap")
    @classmethod
    def _params_of_kind(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        """The parameters as the model of the rule's kind (each kind has its own fields)."""
        model = PARAMS.get(info.data.get("kind", ""))
        if model is None:  # the kind itself is wrong: that error is reported instead
            return handler(value)
        if isinstance(value, model):
            return value
        if not isinstance(value, Mapping):
            raise _problem((), "params must be a mapping of names to values", value)
        return model.model_validate(dict(value))

    @field_validator("applies_to", mode="before")
    @classmethod
    def _one_family(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) and value != "all" else value

    @model_validator(mode="after")
    def _fits_kind(self) -> Rule:
        allowed = MESSAGE_FIELDS.get(self.kind, frozenset())
        try:
            parsed = list(string.Formatter().parse(self.message))
        except ValueError as err:
            raise _problem(
                ("message",), f"{err}; write {{{{ or }}}} for a literal brace", self.message
            ) from None
        for _, name, spec, conversion in parsed:
            if name is not None and (name not in allowed or spec or conversion):
                shown = ", ".join("{" + field + "}" for field in sorted(allowed)) or "no {...} fields"
                raise _problem(
                    ("message",),
                    f"a {self.kind!r} message may use {shown}, not {{{name}}} "
                    "(write {{{{ or }}}} for a literal brace)",
                    self.message,
                )
        return self

    def render(self, **values: str) -> str:
        """The message with its ``{placeholders}`` filled in (checked when the rule loaded)."""
        return self.message.format(**values) if MESSAGE_FIELDS.get(self.kind) else self.message.format()


class RuleSet(Record):
    """A validated rules file: role families, zones and rules.

    Examples:
        >>> len(csm_roles.default_rules().rules) >= 10
        True
    """

    format_version: Literal[1]
    #: Role family -> the role names that mark it ("customer success manager" ...).
    roles: NamedLists = Field(default_factory=FrozenDict)
    #: Role family -> team names that stand for the role in a title that names no role
    #: ("Customer Success", as job boards and "Who is hiring" posts title some postings).
    departments: NamedLists = Field(default_factory=FrozenDict)
    #: Role families known only from a title or a posting's first line: a posting's text
    #: names these roles as colleagues ("you will work with our program managers").
    title_only: tuple[Name, ...] = ()
    #: Zone -> phrases that mark a sentence as part of it (the equal-opportunity statement).
    zones: NamedLists = Field(default_factory=FrozenDict)
    #: Zones whose phrases mark their whole paragraph, not only their sentence (a
    #: colleague's profile: its "he" is that colleague, in every sentence of it).
    paragraph_zones: tuple[Name, ...] = ()
    #: Zones that take a sentence only where it holds this many different phrases of the
    #: zone (a sentence in another language: one word of it, such as "ist", is as often an
    #: acronym or a name in English text; two seldom are). Other zones need one.
    zone_minimums: Annotated[Mapping[Name, Annotated[int, Field(ge=1, le=10)]], AfterValidator(_frozen)] = (
        Field(default_factory=FrozenDict)
    )
    #: Older rules files named the words of CSM postings here; they become the ``csm`` role.
    csm_markers: PhraseList = ()
    #: What makes a sum of money the role's pay, for the pay rules.
    money: MoneyWords = Field(default_factory=MoneyWords)
    #: Words of the front-matter keys whose lines are posting text ("title", "salary");
    #: every other line of a page's front matter is blanked like markup.
    front_matter: tuple[KeyWord, ...] = ()
    rules: tuple[Rule, ...]

    @model_validator(mode="before")
    @classmethod
    def _markers_as_role(cls, data: Any) -> Any:
        markers, roles = (
            (data.get("csm_markers"), data.get("roles")) if isinstance(data, dict) else (None, None)
        )
        if markers and (roles is None or (isinstance(roles, dict) and "csm" not in roles)):
            data = {**data, "roles": {**(roles or {}), "csm": markers}}
        return data

    @field_validator("departments", "title_only", mode="after")
    @classmethod
    def _known_families(cls, families: Any, info: ValidationInfo) -> Any:
        roles = info.data.get("roles", {})
        for family in families:
            if family not in roles:
                raise _no_family((family,), family, roles)
        return families

    @field_validator("paragraph_zones", "zone_minimums", mode="after")
    @classmethod
    def _known_zones(cls, names: Any, info: ValidationInfo) -> Any:
        zones = info.data.get("zones", {})
        for name in names:
            if name not in zones:
                raise ValueError(_no_zone(name, zones))
        return names

    @field_validator("rules", mode="after")
    @classmethod
    def _consistent(cls, rules: tuple[Rule, ...], info: ValidationInfo) -> tuple[Rule, ...]:
        seen: set[str] = set()
        known = (info.context or {}).get("sources")
        roles, zones = info.data.get("roles", {}), info.data.get("zones", {})
        for index, rule in enumerate(rules):
            if rule.id in seen:
                raise _problem((index, "id"), f"two rules have the id {rule.id!r}", rule.id)
            seen.add(rule.id)
            if known is not None and _SOURCE_ID.fullmatch(rule.source) and rule.source not in known:
                raise _problem(
                    (index, "source"),
                    f"unknown source id {rule.source!r}; "
                    f"use a guide id ({', '.join(sorted(known))}) or a citation",
                    rule.source,
                )
            for place, family in enumerate(() if rule.applies_to == "all" else rule.applies_to):
                if family not in roles:
                    raise _no_family((index, "applies_to", place), family, roles)
            for place, zone in enumerate(getattr(rule.params, "skip_in", ())):
                if zone not in zones:
                    raise _problem(
                        (index, "params", "skip_in", place),
                        _no_zone(zone, zones),
                        zone,
                    )
        return rules

    def rule(self, rule_id: str) -> Rule:
        """One rule by id."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise UnknownKeyError("lint rule", rule_id, tuple(r.id for r in self.rules))


RULES_EXPECTED = "a mapping with `format_version` and `rules` (see data/lint_rules.yaml)"


def _source_ids() -> dict[str, set[str]]:
    """The validation context of a rules file: the guide ids a rule's `source` may name."""
    return {"sources": {source.id for source in default_benchmarks().sources()}}


def load_rules(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> RuleSet:
    """Read a team's own rules file (same format as ``data/lint_rules.yaml``).

    Raises `DataFileError` naming the file, line, column and field of the first
    problem, and `DataNotFoundError` when the file does not exist. Files larger
    than ``max_bytes`` are refused unread.

    Examples:
        >>> import pathlib
        >>> path = pathlib.Path(csm_roles.__file__).parent.parent / "data" / "lint_rules.yaml"
        >>> path.exists() and csm_roles.load_rules(path) == csm_roles.default_rules()
        True
    """
    from ._loader import read_model

    return read_model(path, RuleSet, expected=RULES_EXPECTED, max_bytes=max_bytes, context=_source_ids())


@read_once
def default_rules() -> RuleSet:
    """The built-in rules, read once per process on first use.

    Examples:
        >>> csm_roles.default_rules().rule("buzzwords").kind
        'phrases'
    """
    from ._loader import parse_yaml, validate

    file = package_file("data", "lint_rules.yaml")
    raw, node = parse_yaml(file.read_text(encoding="utf-8"), str(file))
    return validate(RuleSet, raw, str(file), node, expected=RULES_EXPECTED, context=_source_ids())
