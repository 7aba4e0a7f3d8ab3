"""Where a job is: locations as people write them, read into city, region, country and work model.

`parse_location` reads "Boston, MA", "Austin, Texas", "London, United Kingdom",
"Remote (US)", "Remote - US Eastern time" or "Hybrid - Austin, TX (3 days in office)".
Countries and regions come from ``data/places.yaml`` (ISO 3166); a city of one of the
guides' metros ("San Francisco", "NYC") is recognised as that metro, so its pay can be
derived. Two-letter codes are read as US state codes ("DE" is Delaware): write other
countries by name ("Berlin, Germany").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ._errors import CsmRolesError, InvalidInputError
from ._location import WORK_MODEL_ALIASES, Location
from ._models import Metro, Record, WorkModel, normalize_key
from ._packaged import package_file, read_once

if TYPE_CHECKING:
    from ._benchmarks import Benchmarks

__all__ = ["Country", "Location", "Places", "Region", "find_location", "parse_location", "places"]

#: The longest location text read (a posting's location line is a few words).
MAX_LOCATION_CHARS = 200


class Country(Record):
    """A country as ISO 3166-1 names it, with the spellings people use."""

    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    the: bool = Field(default=False, description='Whether English says "the" before the name.')
    aliases: tuple[str, ...] = ()

    @property
    def in_sentence(self) -> str:
        """The name inside a sentence: "the United States", "Germany"."""
        return f"the {self.name}" if self.the else self.name


class Region(Record):
    """A first-level region: a US state (or outlying area) or a Canadian province."""

    country: str = Field(pattern=r"^[A-Z]{2}$")
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    kind: str


class Places(Record):
    """The countries and regions of ``data/places.yaml``."""

    format_version: Literal[1]
    source: str
    countries: tuple[Country, ...]
    regions: tuple[Region, ...]

    def country(self, code: str) -> Country:
        """A country by its ISO code."""
        return _index(self)[3][code]


@read_once
def places() -> Places:
    """The packaged countries and regions, read once per process on first use."""
    from ._loader import parse_yaml, validate

    file = package_file("data", "places.yaml")
    raw, node = parse_yaml(file.read_text(encoding="utf-8"), str(file))
    return validate(Places, raw, str(file), node, expected="countries and regions")


_MODEL_WORDS: dict[WorkModel, re.Pattern[str]] = {
    "remote": re.compile(
        r"\b(?:fully[- ]remote|remote(?:[- ]first)?|work from home|wfh|telecommute|anywhere)\b", re.I
    ),
    "hybrid": re.compile(r"\bhybrid\b", re.I),
    "onsite": re.compile(r"\b(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person)\b", re.I),
}
_DAYS = re.compile(
    r"\(?\s*\b([1-5])\s*(?:days?|d)\b\s*(?:a|per|/)?\s*(?:week|wk)?\s*"
    r"(?:in(?: the)? office|on[- ]?site|in person)?\s*\)?",
    re.I,
)
_ZONE = re.compile(
    r"\b(?:(?:US|U\.S\.)\s+)?(Eastern|Central|Mountain|Pacific)(?:\s+time(?:\s+zones?)?)?\b|"
    r"\b(ET|CT|MT|PT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|BST|CET|CEST|UTC(?:\s?[+-]\s?\d{1,2})?)(?:\s+time)?\b"
)
_ZONE_NAMES = {"ET": "Eastern", "EST": "Eastern", "EDT": "Eastern", "CT": "Central", "CST": "Central",
               "CDT": "Central", "MT": "Mountain", "MST": "Mountain", "MDT": "Mountain", "PT": "Pacific",
               "PST": "Pacific", "PDT": "Pacific"}  # fmt: skip


def _is_place_code(text: str, found: re.Match[str]) -> bool:
    """Whether a zone abbreviation is a state or country code here: ", CT" is Connecticut, ", PT" Portugal."""
    code = found.group(2)
    if code is None or len(code) != 2 or not text[: found.start()].rstrip().endswith(","):
        return False
    if found.group(0).lower().endswith("time"):
        return False  # "CT time"
    countries, states, _, _ = _index(places())
    return code.upper() in states or normalize_key(code) in countries


#: Words around a place; a bare "in" only in lower case, since "IN" is Indiana.
_FILLER = re.compile(r"\b(?:(?i:based in|located in|office in)|in|In)\b")
_SPLIT = re.compile(r"\s*[,;|/()\[\]]\s*|\s+[-–—]\s+")


_Index = tuple[dict[str, Country], dict[str, Region], dict[str, Region], dict[str, Country]]
_indexes: dict[int, tuple[Places, _Index]] = {}


def _index(places: Places) -> _Index:
    """Countries by every spelling, US states by code, regions by name, countries by code:
    built once per table."""
    entry = _indexes.get(id(places))
    if entry is None or entry[0] is not places:
        entry = (places, _build_index(places))
        _indexes[id(places)] = entry  # one table per process: the packaged one
    return entry[1]


def _build_index(places: Places) -> _Index:
    countries: dict[str, Country] = {}
    for country in places.countries:
        for spelling in (country.name, *country.aliases):
            countries[normalize_key(spelling)] = country
    states = {region.code: region for region in places.regions if region.country == "US"}
    regions: dict[str, Region] = {}
    for region in places.regions:
        regions.setdefault(normalize_key(region.name), region)
        if region.country == "CA":
            regions.setdefault(normalize_key(region.code), region)
    return countries, states, regions, {country.code: country for country in places.countries}


def parse_location(
    text: str, *, work_model: str | None = None, benchmarks: Benchmarks | None = None
) -> Location:
    """Read a location as people write it into city, region, country and work model.

    ``work_model`` (``"onsite"``, ``"hybrid"``, ``"remote"``) wins over what the text
    says; without either, a place is on-site and "Remote" alone is remote in the US.
    A city of one of the guides' metros is marked with that metro. An empty text, an
    unknown country or a city without its region or country raises
    `InvalidInputError` that says how to write it.

    Examples:
        >>> csm_roles.parse_location("Austin, Texas").place
        'Austin, TX'
        >>> loc = csm_roles.parse_location("Remote - US Eastern time")
        >>> loc.work_model, loc.country, loc.time_zone
        ('remote', 'US', 'US Eastern time')
        >>> csm_roles.parse_location("San Francisco").metro
        'sf-bay-area'
    """
    from ._benchmarks import resolve_benchmarks
    from ._models import pick_option

    if not isinstance(text, str):
        raise TypeError(f"a location must be a string such as 'Boston, MA', got {type(text).__name__}")
    given = " ".join(text.split())
    if not given:
        raise InvalidInputError("a location cannot be empty; write it like 'Boston, MA' or 'Remote (US)'")
    if len(given) > MAX_LOCATION_CHARS or not given.isprintable():
        raise InvalidInputError(
            f"a location is a short line of text (at most {MAX_LOCATION_CHARS} printable characters)"
        )
    bm = resolve_benchmarks(benchmarks)
    said = stated_work_model(given)
    rest = given
    for pattern in _MODEL_WORDS.values():
        rest = pattern.sub(" ", rest)
    days = None
    found = _DAYS.search(rest)
    if found:
        days = int(found.group(1))
        rest = rest[: found.start()] + " " + rest[found.end() :]
    zone = None
    found = next((m for m in _ZONE.finditer(rest) if not _is_place_code(rest, m)), None)
    if found:
        name = found.group(1) or _ZONE_NAMES.get(found.group(2).upper(), found.group(2).upper())
        zone = (
            f"US {name.title()} time"
            if name.title() in ("Eastern", "Central", "Mountain", "Pacific")
            else name
        )
        rest = rest[: found.start()] + " " + rest[found.end() :]
    rest = _FILLER.sub(" ", rest)
    parts = [part.strip(" .-–—") for part in _SPLIT.split(rest)]
    parts = [part for part in parts if part and normalize_key(part)]
    model: WorkModel = said or ("onsite" if parts else "remote")
    if work_model is not None:
        model = pick_option(WORK_MODEL_ALIASES, work_model, "work model")  # type: ignore[assignment]
    return _placed(parts, model, days if model == "hybrid" else None, zone, given, bm)


def stated_work_model(text: str) -> WorkModel | None:
    """The work model a location's words state ("Remote (US)" -> remote), or None when they state none."""
    return next((named for named, pattern in _MODEL_WORDS.items() if pattern.search(text)), None)


def _placed(
    parts: list[str], model: WorkModel, days: int | None, zone: str | None, given: str, bm: Benchmarks
) -> Location:
    """Read the parts of a place from the most general (the last) to the city (the first)."""
    table = places()
    countries, states, regions, _ = _index(table)

    def region_of(part: str) -> Region | None:
        if len(part) == 2 and part.upper() in states:
            return states[part.upper()]
        return regions.get(normalize_key(part))

    locality, region, country = _general_to_particular(list(parts), region_of, countries, given, bm)
    metro = _metro(bm, locality, region)
    if metro is not None and region is None:
        region = next((r for r in table.regions if r.country == "US" and r.code == metro.region), None)
    if region is not None:
        if country is not None and country.code != region.country:
            raise InvalidInputError(
                f"cannot read the location {given!r}: {region.name} is not in {country.name}"
            )
        country = table.country(region.country)
    if country is None:
        if locality is not None:
            raise InvalidInputError(
                f"cannot tell where {locality!r} is; add its country, or its state or province in the US "
                "and Canada, as in 'Lyon, France', 'Springfield, IL' or 'Remote (US)'"
            )
        country = table.country("US")
    city = _title(locality) if locality else None
    if metro is not None and city is not None and normalize_key(city) in _metro_names(metro):
        city = metro.locality  # "SF", "NYC" as the metro's main city
    return Location.model_construct(
        work_model=model,
        locality=city,
        region=region.code if region else None,
        region_name=region.name if region else None,
        country=country.code,
        country_name=country.name,
        country_phrase=country.in_sentence,
        metro=metro.key if metro else None,
        metro_name=metro.name if metro else None,
        days_on_site=days,
        time_zone=zone,
        given=given,
    )


def _general_to_particular(
    remaining: list[str],
    region_of: Callable[[str], Region | None],
    countries: dict[str, Country],
    given: str,
    bm: Benchmarks,
) -> tuple[str | None, Region | None, Country | None]:
    """City, region and country from the parts of a place, read from the last (the most general)."""
    locality: str | None = None
    region: Region | None = None
    country: Country | None = None
    if len(remaining) == 1 and _metro(bm, remaining[0], None) is not None:
        locality = remaining.pop()  # "New York", "NYC": the metro's city, not the state
    if remaining:
        last = remaining.pop()
        if (found := region_of(last)) is not None:
            region = found
        elif (country := countries.get(normalize_key(last))) is not None:
            if remaining and (found := region_of(remaining[-1])) is not None:
                region = found
                remaining.pop()
        else:
            remaining.append(last)
    if len(remaining) > 1:
        raise InvalidInputError(
            f"cannot read the location {given!r}; write it like 'Boston, MA', 'Austin, Texas' "
            "or 'London, United Kingdom'"
        )
    if remaining:
        locality = remaining.pop()
    return locality, region, country


def _metro_names(metro: Metro) -> set[str]:
    """The metro's own names and aliases (not the other cities it takes in), folded."""
    return {normalize_key(s) for s in (metro.key, metro.name, *metro.aliases)}


def _title(city: str) -> str:
    return city if any(char.isupper() for char in city) else city.title()


#: The last dataset's metros by every folded spelling of their cities (one dataset is the
#: usual case; another one simply replaces it).
_metro_index: list[tuple[tuple[Metro, ...], dict[str, list[Metro]]]] = []


def _metros_by_spelling(bm: Benchmarks) -> dict[str, list[Metro]]:
    metros = bm.metros()
    entry = _metro_index[0] if _metro_index else None
    if entry is None or entry[0] is not metros:
        index: dict[str, list[Metro]] = {}
        for metro in metros:
            if metro.locality is None:  # Remote: not a place
                continue
            spellings = _metro_names(metro) | {normalize_key(s) for s in (metro.locality, *metro.localities)}
            for spelling in spellings:
                index.setdefault(spelling, []).append(metro)
        entry = (metros, index)
        _metro_index[:] = [entry]
    return entry[1]


def _metro(bm: Benchmarks, locality: str | None, region: Region | None) -> Metro | None:
    """The guides' metro whose city (or alias) this is, when the state agrees."""
    if locality is None:
        return None
    for metro in _metros_by_spelling(bm).get(normalize_key(locality), ()):
        if region is None or region.code == metro.region:
            return metro
    return None


#: A line that labels where the job is: "Location: Denver, CO", "**Job location** - Remote (US)".
_LABEL = re.compile(
    r"(?im)^[ \t*_#>|-]*(?:job |work |office )?location[s]?[ \t*_]*[:\u2013\u2014-][ \t*_]*"
    r"(?P<place>[^\n]{2,120})$"
)
#: "Denver, CO" in running text: a two-letter code after a comma, then the capitalized
#: name before it (looked for only where such a code stands: most postings have none).
_STATE_CODE = re.compile(r", ([A-Z]{2})\b")
_CITY_BEFORE = re.compile(r"\b([A-Z][a-z][A-Za-z.'\u2019-]*(?: [A-Z][a-z][A-Za-z.'\u2019-]*){0,3})$")


def find_location(text: str) -> Location | None:
    """Where a posting says the job is: a "Location:" line, else the first "City, ST" of a US state.

    Examples:
        >>> from csm_roles._places import find_location
        >>> find_location("Senior CSM\\nLocation: Hybrid - Denver, CO\\n").label
        'Hybrid, Denver, CO'
        >>> find_location("We are based in Austin, TX and hire widely.").place
        'Austin, TX'
    """
    head = text[:20_000]
    for match in _LABEL.finditer(head) if "ocation" in head else ():
        value = match.group("place").strip(" *_|")
        for candidate in (value, *re.split(r";| or |\||/", value)):
            try:
                return parse_location(candidate.strip())
            except CsmRolesError:
                continue
    _, states, _, _ = _index(places())
    for match in _STATE_CODE.finditer(head):
        city = _CITY_BEFORE.search(head, max(0, match.start() - 80), match.start())
        if match.group(1) in states and city is not None:
            try:
                return parse_location(f"{city.group(1)}, {match.group(1)}")
            except CsmRolesError:
                continue
    return None
