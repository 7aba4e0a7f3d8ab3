"""The job-description linter: `lint_jd`, its rules, and `Finding`.

Rules are data (``data/lint_rules.yaml``), validated by `RuleSet`; each
rule names a *kind*, and each kind is one function below (``_check_<kind>``).
Everything is compiled once per rule set and kept, so linting many postings costs
one scan per kind. Positions always refer to the text the caller gave: HTML tags
are blanked out, never removed (see ``_text.py``).
"""

from __future__ import annotations

import functools
import os
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, model_validator

from ._benchmarks import Benchmarks, default_benchmarks
from ._errors import InvalidInputError, UnknownKeyError
from ._gender import gender_coding
from ._limits import MAX_FILE_BYTES
from ._models import IntegrityError, Record
from ._packaged import package_file
from ._text import Prepared, phrase_pattern, prepare

__all__ = ["Finding", "Rule", "RuleSet", "default_rules", "lint_jd", "load_rules"]

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
_RULE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

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
]


class Rule(Record):
    """One lint rule, as written in a rules file.

    Examples:
        >>> csm_roles.default_rules().rule("missing-pay").severity
        'error'
    """

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    kind: Kind
    severity: Severity
    applies_to: Literal["all", "csm"] = "all"
    enabled: bool = True
    message: Annotated[str, Field(min_length=1)]
    suggestion: Annotated[str, Field(min_length=1)]
    source: Annotated[str, Field(min_length=1, description="A guide id of the dataset, or a citation.")]
    params: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _params_fit_kind(self) -> Rule:
        needed = {
            "phrases": ("phrases",),
            "support": ("support", "outcomes"),
            "metrics": ("terms",),
            "portfolio": ("nouns", "cues"),
            "sections": ("sections",),
        }.get(self.kind, ())
        for name in needed:
            value = self.params.get(name)
            if not value:
                raise ValueError(f"a {self.kind!r} rule needs params.{name}")
        for name in ("phrases", "support", "outcomes", "terms", "nouns", "cues", "csm_vocabulary"):
            value = self.params.get(name)
            if value is not None and (
                not isinstance(value, list) or not all(isinstance(v, str) for v in value)
            ):
                raise ValueError(f"params.{name} must be a list of strings")
        ratio = self.params.get("ratio", 2.0)
        if not isinstance(ratio, (int, float)) or ratio <= 1:
            raise ValueError("params.ratio must be a number above 1")
        return self


class RuleSet(Record):
    """A validated rules file: the rules and the words that mark a CSM posting.

    Examples:
        >>> len(csm_roles.default_rules().rules)
        10
    """

    format_version: Literal[1]
    csm_markers: tuple[str, ...] = ()
    rules: tuple[Rule, ...]

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> RuleSet:
        seen: set[str] = set()
        for index, rule in enumerate(self.rules):
            if rule.id in seen:
                raise IntegrityError(("rules", index, "id"), f"two rules have the id {rule.id!r}")
            seen.add(rule.id)
        known = (info.context or {}).get("sources")
        for index, rule in enumerate(self.rules):
            if known is not None and _RULE_ID.fullmatch(rule.source) and rule.source not in known:
                raise IntegrityError(
                    ("rules", index, "source"),
                    f"unknown source id {rule.source!r}; use a guide id ({', '.join(sorted(known))}) "
                    "or a citation",
                )
        return self

    def rule(self, rule_id: str) -> Rule:
        """One rule by id."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise UnknownKeyError("lint rule", rule_id, tuple(r.id for r in self.rules))


class Finding(Record):
    """A problem found in a posting.

    ``offset``/``end`` are character offsets into the text given, so
    ``text[finding.offset:finding.end] == finding.match``; ``line``/``column``
    (1-based) locate ``offset``. A finding about the posting as a whole (such as
    missing pay) has an empty match at line 1, column 1.

    Examples:
        >>> finding = csm_roles.lint_jd("Be a ninja.", rules=["buzzwords"])[0]
        >>> finding.format("jd.md")
        'jd.md:1:6: warning buzzwords A buzzword that tells candidates little about the job.'
    """

    rule: str
    severity: Severity
    message: str
    suggestion: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end: int
    match: str
    source: str

    def format(self, path: str = "<text>") -> str:
        """``path:line:col: severity rule-id message``, the form editors and CI read."""
        return f"{path}:{self.line}:{self.column}: {self.severity} {self.rule} {self.message}"


# -- pay ---------------------------------------------------------------------------

_AMOUNT = r"\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = rf"(?:[$£€]|\b(?:usd|eur|gbp|cad|aud)\b)\s?(?:{_AMOUNT})\s?(?:k\b)?"
_NOT_MILLIONS = r"(?!\s?(?:m\b|mm\b|b\b|bn\b|million|billion))"
_SEP = r"\s*(?:-|–|—|to|and)\s*"
# "$80,000 - $100,000", "$70k to 90k", "$60 and $75" (each scan starts at a literal, so it is fast)
_PAY_RANGE = re.compile(
    rf"[$£€]\s?(?P<low>{_AMOUNT})\s?(?P<lk>k\b)?{_SEP}(?:[$£€]\s?)?(?P<high>{_AMOUNT})\s?(?P<hk>k\b)?{_NOT_MILLIONS}"
)
# "min usd $75,000/yr ... max usd $95,000/yr"
_MIN_MAX = re.compile(
    rf"min(?:imum)?\b[^$£€\d]{{0,20}}[$£€]\s?(?P<low>{_AMOUNT})\s?(?P<lk>k\b)?[^$£€]{{0,40}}?"
    rf"\bmax(?:imum)?\b[^$£€\d]{{0,20}}[$£€]\s?(?P<high>{_AMOUNT})\s?(?P<hk>k\b)?"
)
# "usd 80,000 - 100,000" and "47,000.00 - 87,000.00 usd": found from the currency code
_CODE = re.compile(r"\b(?:usd|eur|gbp|cad|aud)\b")
_RANGE_AFTER_CODE = re.compile(
    rf"\s?(?P<low>{_AMOUNT})\s?(?P<lk>k\b)?{_SEP}(?:(?:usd|eur|gbp|cad|aud)\s?)?(?P<high>{_AMOUNT})\s?(?P<hk>k\b)?"
    rf"{_NOT_MILLIONS}"
)
_RANGE_BEFORE_CODE = re.compile(
    rf"(?P<low>{_AMOUNT})\s?(?P<lk>k\b)?{_SEP}(?P<high>{_AMOUNT})\s?(?P<hk>k\b)?\s*$"
)
_SINGLE_PAY = re.compile(
    rf"(?:salary|pay|compensation|wage|ote|on[\s-]target earnings|base)[^.\n]{{0,40}}?(?P<amount>{_MONEY})"
    rf"{_NOT_MILLIONS}"
)


# "81,000.00 usd per year - 94,500.00 usd per year"
_CODED_AMOUNTS = re.compile(
    rf"(?P<low>{_AMOUNT})\s?(?P<lk>k\b)?\s?(?:usd|eur|gbp|cad|aud)\b(?:\s+(?:per|a|an|/)\s*\w+)?{_SEP}"
    rf"(?P<high>{_AMOUNT})\s?(?P<hk>k\b)?\s?(?:usd|eur|gbp|cad|aud)\b"
)
# "a base salary ranging from 90k to 100k" (no currency, but pay words and a k on both ends)
_K_RANGE = re.compile(
    rf"(?:salary|pay|compensation|base|ote)\b[^.\n$£€]{{0,40}}?(?P<low>\d{{2,3}})\s?(?P<lk>k)\b{_SEP}"
    rf"(?P<high>\d{{2,3}})\s?(?P<hk>k)\b"
)


def _number(text: str) -> float:
    return float(re.sub(r"[^\d.]", "", text) or 0)


def _range(match: re.Match[str], start: int, end: int) -> tuple[int, int, float, float] | None:
    low, high = _number(match.group("low")), _number(match.group("high"))
    if match.group("hk"):
        high *= 1000
        if match.group("lk") or low < 1000:  # "$70k-90k" and "$70-90k"
            low *= 1000
    elif match.group("lk"):
        low *= 1000
    if low > 0 and high >= low:
        return start, end, low, high
    return None


# money ranges that are about the business, not the pay: "ACV of $25,000-$100,000"
_NOT_PAY_BEFORE = re.compile(
    r"(?:acv|contract values?|arr|mrr|revenue|deal|deals|budget|budgets|funding|raised|valuation|quota|"
    r"portfolio|book of business|spend|sales of|worth)[^.$£€]{0,24}$"
)


def _pay_ranges(scan: str) -> list[tuple[int, int, float, float]]:
    """(start, end, low, high) of every pay range in the (lower-cased) text."""
    found: list[tuple[int, int, float, float] | None] = []
    if "$" in scan or "£" in scan or "€" in scan:
        found += [_range(m, m.start(), m.end()) for m in _PAY_RANGE.finditer(scan)]
        if "min" in scan:
            found += [_range(m, m.start(), m.end()) for m in _MIN_MAX.finditer(scan)]
    if "k" in scan:
        found += [_range(m, m.start("low"), m.end()) for m in _K_RANGE.finditer(scan)]
    for code in _CODE.finditer(scan):
        both = _CODED_AMOUNTS.search(scan, max(0, code.start() - 24), code.end() + 80)
        if both is not None:
            found.append(_range(both, both.start(), both.end()))
            continue
        after = _RANGE_AFTER_CODE.match(scan, code.end())
        if after is not None:
            found.append(_range(after, code.start(), after.end()))
            continue
        before = _RANGE_BEFORE_CODE.search(scan, max(0, code.start() - 48), code.start())
        if before is not None:
            found.append(_range(before, before.start(), code.end()))
    ranges = sorted(
        item
        for item in found
        if item is not None and not _NOT_PAY_BEFORE.search(scan, max(0, item[0] - 48), item[0])
    )
    unique: list[tuple[int, int, float, float]] = []
    for item in ranges:  # one range can be seen from both ends; keep the first
        if not unique or item[0] >= unique[-1][1]:
            unique.append(item)
    return unique


# -- the checks ------------------------------------------------------------------------


@dataclass
class _Context:
    prepared: Prepared
    segment: str | None
    level: str | None
    is_csm: bool
    bm: Benchmarks
    compiled: _Compiled
    _pay: list[tuple[int, int, float, float]] | None = None
    _single: re.Match[str] | bool | None = False
    _hits: dict[tuple[str, str], list[tuple[int, int]]] | None = None

    def hits(self, rule_id: str, name: str) -> list[tuple[int, int]]:
        """Where the phrases of a rule's list ``name`` occur (all lists are found in one scan).

        The rule set's CSM markers are kept under the rule id ``""``.
        """
        if self._hits is None:
            self._hits = self.compiled.scan_vocabulary(self.prepared.scan)
        return self._hits.get((rule_id, name), [])

    @property
    def single_pay(self) -> re.Match[str] | None:
        """The first single pay figure ("base salary: $120,000"), found once for two rules."""
        if self._single is False:
            self._single = _SINGLE_PAY.search(self.prepared.scan)
        return self._single  # type: ignore[return-value]

    @property
    def pay_ranges(self) -> list[tuple[int, int, float, float]]:
        """The pay ranges of the posting, found once for the three pay rules."""
        if self._pay is None:
            self._pay = _pay_ranges(self.prepared.scan)
        return self._pay


Hit = tuple[int, int, str]  # start, end, message (empty: the rule's own message)


class _Compiled:
    """What a rule set needs at lint time, built once.

    Every phrase list the rules search for in the whole text (buzzwords, gendered
    terms, support and outcome words, KPI terms, portfolio nouns) goes into one
    combined pattern, so a posting is scanned once for all of them; each match is
    then sorted into the lists whose own pattern matches it exactly.
    """

    SCANNED = ("phrases", "support", "outcomes", "terms", "nouns")

    def __init__(self, ruleset: RuleSet) -> None:
        self.patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        self.markers = phrase_pattern(ruleset.csm_markers)
        scanned: list[str] = list(ruleset.csm_markers)
        self.lists: list[tuple[tuple[str, str], re.Pattern[str]]] = [(("", "csm-markers"), self.markers)]
        for rule in ruleset.rules:
            if not rule.enabled:
                continue
            for name in (*self.SCANNED, "cues"):
                if name in rule.params:
                    pattern = phrase_pattern(rule.params[name])
                    self.patterns[(rule.id, name)] = pattern
                    if name in self.SCANNED:
                        scanned.extend(rule.params[name])
                        self.lists.append(((rule.id, name), pattern))
            if rule.kind == "sections":
                for section, names in rule.params["sections"].items():
                    self.patterns[(rule.id, f"section:{section}")] = phrase_pattern(names)
            if rule.kind == "gender-coding":
                vocabulary = rule.params.get("csm_vocabulary", [])
                phrases = [v for v in vocabulary if " " in v]
                self.patterns[(rule.id, "skip-phrases")] = phrase_pattern(phrases)
                scanned.extend(phrases)
                self.lists.append(((rule.id, "skip-phrases"), self.patterns[(rule.id, "skip-phrases")]))
        self.vocabulary = phrase_pattern(scanned)

    def pattern(self, rule: Rule, name: str) -> re.Pattern[str]:
        return self.patterns[(rule.id, name)]

    def scan_vocabulary(self, scan: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
        hits: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for match in self.vocabulary.finditer(scan):
            start, end = match.span()
            for key, pattern in self.lists:
                if pattern.fullmatch(scan, start, end):
                    hits.setdefault(key, []).append((start, end))
        return hits


#: Compiled patterns per rule set, by the rule set's id. They live outside the model so
#: that they take no part in its equality, copies or pickles, and a copy made with
#: ``model_copy(update=...)`` compiles its own. An entry goes when its rule set does.
_compiled_sets: dict[int, tuple[weakref.ref[RuleSet], _Compiled]] = {}
_compiled_lock = threading.Lock()


def _compile(ruleset: RuleSet) -> _Compiled:
    """The rule set's patterns, compiled on first use and kept while the rule set lives."""
    key = id(ruleset)
    entry = _compiled_sets.get(key)
    if entry is None or entry[0]() is not ruleset:
        with _compiled_lock:
            entry = _compiled_sets.get(key)
            if entry is None or entry[0]() is not ruleset:
                forget = functools.partial(_compiled_sets.pop, key, None)
                entry = (weakref.ref(ruleset, lambda _: forget()), _Compiled(ruleset))
                _compiled_sets[key] = entry
    return entry[1]


def _check_pay_missing(_rule: Rule, ctx: _Context) -> Iterator[Hit]:
    if not ctx.pay_ranges and not ctx.single_pay:
        yield 0, 0, ""


def _check_pay_single(_rule: Rule, ctx: _Context) -> Iterator[Hit]:
    if ctx.pay_ranges:
        return
    match = ctx.single_pay
    if match:
        yield match.start("amount"), match.end("amount"), ""


def _check_pay_wide(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    ratio = float(rule.params.get("ratio", 2.0))
    for start, end, low, high in ctx.pay_ranges:
        if high > ratio * low:
            yield start, end, f"{rule.message} ({high / low:.1f} times)"


_NUMBER = re.compile(r"\d")
_PERCENT = re.compile(r"\d\s?%|\d+\s?percent")


def _check_metrics(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    scan = ctx.prepared.scan
    window = int(rule.params.get("window", 60))
    for start, end in ctx.hits(rule.id, "terms"):
        near = scan[max(0, start - window) : end + window]
        if _PERCENT.search(near) or _NUMBER.search(near):
            return
    yield 0, 0, ""


_COUNT = re.compile(r"(?<![\w$.,])(\d{1,5})(?:\s*(?:-|–|—|to)\s*(\d{1,5}))?\+?(?![\d,.]\d|\s?%|\s?k\b)")


def _ranges_for(ctx: _Context, segment: str) -> list[tuple[int, float]]:
    ranges = []
    for portfolio in ctx.bm.portfolio_sizes(segment):
        high = float("inf") if portfolio.open_ended or portfolio.high is None else portfolio.high
        ranges.append((portfolio.low, high))
    return ranges


def _segment_in(text: str, bm: Benchmarks) -> str | None:
    """The segment a stretch of text names (by key or alias), or None."""
    found: str | None = None
    for segment in bm.segments():
        for spelling in (segment.key, segment.name, *segment.aliases):
            if len(spelling) < 3:
                continue
            if re.search(rf"(?<![a-z]){re.escape(spelling.lower())}(?![a-z])", text):
                if found is not None and found != segment.key:
                    return None  # two segments named: too ambiguous to judge
                found = segment.key
    return found


def _check_portfolio(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    scan = ctx.prepared.scan
    cues = ctx.compiled.pattern(rule, "cues")
    document_segment = ctx.segment
    for noun_start, noun_end in ctx.hits(rule.id, "nouns"):
        before = scan[max(0, noun_start - 80) : noun_start]
        sentence_start = max(before.rfind("."), before.rfind("\n"), before.rfind(";"))
        clause = before[sentence_start + 1 :]
        counts = list(_COUNT.finditer(clause))
        if not counts or not cues.search(clause):
            continue
        count = counts[-1]
        between = clause[count.end() :]
        if len(between.split()) > 3:  # the number must qualify the noun: "150 enterprise accounts"
            continue
        segment = _segment_in(between, ctx.bm) or document_segment or _segment_in(clause, ctx.bm)
        if segment is None:
            continue
        low = int(count.group(1))
        high = int(count.group(2)) if count.group(2) else low
        ranges = _ranges_for(ctx, segment)
        floor = min(r[0] for r in ranges)
        ceiling = max(r[1] for r in ranges)
        if high < floor or low > ceiling:
            offset = noun_start - len(before) + sentence_start + 1 + count.start()
            name = ctx.bm.segment(segment).name
            sizes = ", ".join(f"{p} ({p.source})" for p in ctx.bm.portfolio_sizes(segment))
            stated = count.group(0).strip()
            yield offset, noun_end, f"{rule.message} {stated} accounts is outside the {name} range: {sizes}."


def _check_phrases(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    for start, end in ctx.hits(rule.id, "phrases"):
        yield start, end, ""


def _check_support(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    if ctx.hits(rule.id, "outcomes"):
        return
    hits = ctx.hits(rule.id, "support")
    if len(hits) >= int(rule.params.get("minimum", 2)):
        yield hits[0][0], hits[0][1], ""


def _check_gender_coding(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    text = ctx.prepared.scan
    for start, end in reversed(ctx.hits(rule.id, "skip-phrases")):  # blank "customer champion" and the like
        text = text[:start] + " " * (end - start) + text[end:]
    words = [v for v in rule.params.get("csm_vocabulary", []) if " " not in v]
    coding = gender_coding(text, skip=words)
    if coding.verdict in ("neutral", "empty"):
        return
    first = coding.masculine[0] if coding.score < 0 else coding.feminine[0]
    match = re.search(rf"(?<![a-z0-9]){re.escape(first)}", text)
    start, end = (match.start(), match.end()) if match else (0, 0)
    detail = f" ({coding.masculine_count} masculine-coded, {coding.feminine_count} feminine-coded words)"
    yield start, end, rule.message.format(verdict=coding.verdict.replace("-coded", "")) + detail


def _check_sections(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    scan = ctx.prepared.scan
    # heading-like lines: short ones (markup around them is blank or punctuation)
    headings = "\n".join(line for line in scan.split("\n") if len(line) < 200 and len(line.split()) <= 8)
    for section in rule.params["sections"]:
        pattern = ctx.compiled.pattern(rule, f"section:{section}")
        if pattern.search(headings):
            continue
        # a run-in heading in running text: "Responsibilities: ..."
        if any(scan[m.end() : m.end() + 3].lstrip().startswith(":") for m in pattern.finditer(scan)):
            continue
        yield 0, 0, rule.message.format(section=section)


CHECKS: dict[str, Callable[[Rule, _Context], Iterator[Hit]]] = {
    "pay-missing": _check_pay_missing,
    "pay-single": _check_pay_single,
    "pay-wide": _check_pay_wide,
    "metrics": _check_metrics,
    "portfolio": _check_portfolio,
    "phrases": _check_phrases,
    "support": _check_support,
    "gender-coding": _check_gender_coding,
    "sections": _check_sections,
}


# -- rule sets -------------------------------------------------------------------------

_default: RuleSet | None = None
_default_lock = threading.Lock()


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
        >>> path.exists() and len(csm_roles.load_rules(path).rules)
        10
    """
    from ._loader import read_model

    return read_model(path, RuleSet, expected=RULES_EXPECTED, max_bytes=max_bytes, context=_source_ids())


def default_rules() -> RuleSet:
    """The built-in rules, read once per process on first use.

    Examples:
        >>> csm_roles.default_rules().rule("buzzwords").kind
        'phrases'
    """
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                from ._loader import parse_yaml, validate

                file = package_file("data", "lint_rules.yaml")
                raw, node = parse_yaml(file.read_text(encoding="utf-8"), str(file))
                _default = validate(
                    RuleSet, raw, str(file), node, expected=RULES_EXPECTED, context=_source_ids()
                )
    return _default


# -- the entry point -------------------------------------------------------------------


def _ids(value: Iterable[str] | str | None, ruleset: RuleSet) -> set[str] | None:
    if value is None:
        return None
    names = [value] if isinstance(value, str) else list(value)
    valid = {rule.id for rule in ruleset.rules}
    for name in names:
        if name not in valid:
            raise UnknownKeyError("lint rule", name, tuple(r.id for r in ruleset.rules))
    return set(names)


def lint_jd(
    text: str,
    *,
    segment: str | None = None,
    level: str | None = None,
    rules: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    ruleset: RuleSet | None = None,
    benchmarks: Benchmarks | None = None,
) -> tuple[Finding, ...]:
    """Lint a job posting (plain text, Markdown or HTML) and return its findings.

    Args:
        text: the posting. Positions in the findings refer to this text.
        segment: the customer segment, for the portfolio check; otherwise it is read
            from the text where the text names one.
        level: the level being hired (marks the text as a CSM posting).
        rules: run only these rule ids.
        ignore: skip these rule ids.
        ruleset: a `RuleSet` from `load_rules`; default the built-in rules.
        benchmarks: the dataset for segment portfolio sizes; default the built-in data.

    Inline comments turn rules off: ``<!-- csm-roles: ignore buzzwords -->`` (or the
    same words after ``#`` in plain text) on its own line covers the next line, at
    the end of a line covers that line; ``csm-roles: ignore-file RULE`` covers the
    whole text; naming no rule covers every rule.

    Examples:
        >>> for f in csm_roles.lint_jd("Wanted: a rockstar CSM. Competitive salary."):  # doctest: +ELLIPSIS
        ...     print(f.format("jd.txt"))
        jd.txt:1:1: error missing-pay The posting states no pay range.
        jd.txt:1:1: warning vague-metrics Success is described without a single numeric target.
        jd.txt:1:1: warning missing-sections The posting has no responsibilities section.
        jd.txt:1:1: warning missing-sections The posting has no requirements section.
        jd.txt:1:11: warning buzzwords A buzzword that tells candidates little about the job.
        jd.txt:1:25: info gender-coding The wording leans masculine. (1 masculine-coded, ...)
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"lint_jd takes the posting as a string, got {type(text).__name__}")
    bm = benchmarks or default_benchmarks()
    ruleset = ruleset or default_rules()
    selected = _ids(rules, ruleset)
    skipped = _ids(ignore, ruleset) or set()
    segment_key = bm.segment(segment).key if segment is not None else None
    level_key = bm.level(level).key if level is not None else None
    compiled = _compile(ruleset)
    prepared = prepare(text)
    ctx = _Context(
        prepared=prepared, segment=segment_key, level=level_key, is_csm=False, bm=bm, compiled=compiled
    )
    is_csm = segment_key is not None or level_key is not None or bool(ctx.hits("", "csm-markers"))
    ctx.is_csm = is_csm
    findings: list[Finding] = []
    for rule in ruleset.rules:
        if not rule.enabled or rule.id in skipped or (selected is not None and rule.id not in selected):
            continue
        if rule.applies_to == "csm" and not is_csm:
            continue
        for start, end, message in CHECKS[rule.kind](rule, ctx):
            whole = start == end == 0
            if prepared.suppressed(rule.id, None if whole else start):
                continue
            line, column = prepared.position(start)
            end_line, end_column = prepared.position(end)
            findings.append(
                Finding(
                    rule=rule.id,
                    severity=rule.severity,
                    message=message or rule.message,
                    suggestion=rule.suggestion,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    offset=start,
                    end=end,
                    match=text[start:end],
                    source=rule.source,
                )
            )
    order = {rule.id: index for index, rule in enumerate(ruleset.rules)}
    return tuple(sorted(findings, key=lambda f: (f.offset, order[f.rule])))
