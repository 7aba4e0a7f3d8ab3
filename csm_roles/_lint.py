"""The job-description linter: `lint_jd`, its checks, and `Finding`.

Rules are data (``data/lint_rules.yaml``, validated by `RuleSet` in ``_rules.py``);
each rule names a *kind*, and each kind is one function below,
``_check_<kind>(rule, ctx)``. A rule set is compiled once and kept: every phrase
list of every rule (and the role names, zones, currency and pay words) is found in
a posting with one pass for the places a phrase may start (``_phrases.py``), so
the lists are independent and one list's match never hides another's.

What a posting is for decides which rules run: its role family comes from the
``title`` given, else its first heading, else the role it names most often; rules
say which families they apply to. Positions always refer to the text given (see
``_text.py``). Time and memory are linear in the text, and each rule reports at
most `MAX_FINDINGS_PER_RULE` findings, then one that says how many more there were.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ._benchmarks import Benchmarks, default_benchmarks
from ._company import check_employees
from ._errors import InvalidInputError, UnknownKeyError
from ._gender import coded_words, verdict
from ._law import LawRequirement, TransparencyAnswer, law_date, pay_transparency
from ._limits import MAX_FINDINGS_PER_RULE, MAX_POSTING_CHARS
from ._models import Record
from ._pay_text import CURRENCY_WORDS, Money, find_money, may_hold_money
from ._phrases import Found, Matcher, Vocabulary, Words, by_key_word, compile_phrases
from ._places import Location, find_location, parse_location
from ._rules import (
    SEVERITY_ORDER,
    MetricsParams,
    PayLawParams,
    PayWideParams,
    PhrasesParams,
    PortfolioParams,
    Rule,
    RuleSet,
    SectionsParams,
    Severity,
    SupportParams,
    default_rules,
    load_rules,
)
from ._sections import HeadingWords, SectionWords, find_sections
from ._text import Prepared, prepare

__all__ = ["SEVERITY_ORDER", "Finding", "Rule", "RuleSet", "default_rules", "lint_jd", "load_rules"]

Span = tuple[int, int]
Hit = tuple[int, int, str]  # start, end, message (empty: the rule's own message)
#: How many matches of one phrase list are kept for the checks (the rest are counted).
_KEPT = MAX_FINDINGS_PER_RULE * 20
#: The longest matched text `Finding.format` shows (our choice: a phrase, not a paragraph).
_SHOWN_CHARS = 60


class Finding(Record):
    """A problem found in a posting.

    ``offset``/``end`` are character offsets into the text given, so
    ``text[finding.offset:finding.end] == finding.match``; ``line``/``column``
    (1-based) locate ``offset``. A finding about the posting as a whole (such as
    missing pay) has an empty match at line 1, column 1.

    Examples:
        >>> finding = csm_roles.lint_jd("Be a ninja.", rules=["buzzwords"])[0]
        >>> finding.format("jd.md")
        'jd.md:1:6: warning buzzwords "ninja": A cute title or a cliché that says little about the job.'
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
        """``path:line:col: severity rule-id "match": message``, the form editors and CI read.

        The matched text is shown (its white space collapsed, at most
        `_SHOWN_CHARS` characters) so that a reader sees the word without counting
        columns; a finding about the whole posting has none.
        """
        shown = " ".join(self.match.split())
        if len(shown) > _SHOWN_CHARS:
            shown = shown[: _SHOWN_CHARS - 1].rstrip() + "…"
        quoted = f" {json.dumps(shown, ensure_ascii=False)}:" if shown else ""
        return f"{path}:{self.line}:{self.column}: {self.severity} {self.rule}{quoted} {self.message}"


# -- what a rule set needs at lint time, built once ---------------------------------------


class _Compiled:
    """The phrase lists of a rule set, compiled into vocabularies by when they are needed.

    ``always`` is found in every posting (the rules' phrases, currency codes,
    section names); the others only when a check asks: the pay words (for the pay
    rules), the role names (when no title decides), the zones (when a rule that
    skips one has a match), the lists of rules for some roles only (when such a
    rule runs), and, inside small regions only, the words around a count of
    accounts and the heading words and item openers of sections.
    """

    def __init__(self, ruleset: RuleSet) -> None:
        kinds: dict[str, dict[object, Matcher]] = {
            name: {}
            for name in (
                "always",
                "roles",
                "departments",
                "zones",
                "money",
                "for-roles",
                "accounts",
                "headings",
                "content",
                "law",
            )
        }

        def add(kind: str, key: object, phrases: Sequence[str]) -> None:
            if phrases:
                kinds[kind][key] = compile_phrases(phrases)

        for family, names in ruleset.roles.items():
            add("roles", ("role", family), names)
        for family, names in ruleset.departments.items():
            add("departments", ("department", family), names)
        for zone, cues in ruleset.zones.items():
            add("zones", ("zone", zone), cues)
        add("money", ("money", "pay"), ruleset.money.pay)
        add("money", ("money", "other"), ruleset.money.other)
        add("money", ("money", "neutral"), ruleset.money.neutral)
        add("always", ("money", "codes"), (CURRENCY_WORDS,))
        self.names: dict[str, Matcher] = {}
        for rule in ruleset.rules:
            if rule.enabled:
                self._add_rule(rule, add)
        every = {name: matcher for lists in kinds.values() for name, matcher in lists.items()}
        self.vocabulary = Vocabulary(every, {name: kind for kind, lists in kinds.items() for name in lists})
        self.families = tuple(ruleset.roles)
        self.in_text = tuple(family for family in ruleset.roles if family not in ruleset.title_only)
        self.order = {rule.id: index for index, rule in enumerate(ruleset.rules)}
        self.paragraph_zones = frozenset(ruleset.paragraph_zones)
        self.zone_minimums = dict(ruleset.zone_minimums)

    def _add_rule(self, rule: Rule, add: Callable[[str, object, Sequence[str]], None]) -> None:
        params = rule.params
        if isinstance(params, PhrasesParams):
            add("always", (rule.id, "phrases"), params.phrases)
            if params.not_part_of:
                add("always", (rule.id, "not-part-of"), params.not_part_of)
            if params.names:
                self.names[rule.id] = compile_phrases(params.names)
        elif isinstance(params, SupportParams):
            add("for-roles", (rule.id, "support"), params.support)
            add("for-roles", (rule.id, "outcomes"), params.outcomes)
        elif isinstance(params, MetricsParams):
            add("for-roles", (rule.id, "terms"), params.terms)
        elif isinstance(params, PortfolioParams):
            add("for-roles", (rule.id, "cues"), params.cues)
            add("accounts", (rule.id, "nouns"), params.nouns)
            for segment, names in params.segments.items():
                add("accounts", (rule.id, "segment", segment), names)
        elif isinstance(params, PayLawParams):
            for element, phrases in params.evidence.items():
                add("law", (rule.id, "evidence", element), phrases)
        elif isinstance(params, SectionsParams):
            _add_sections(rule.id, params, add)


def _add_sections(
    rule_id: str, params: SectionsParams, add: Callable[[str, object, Sequence[str]], None]
) -> None:
    """The heading words of a ``sections`` rule: uncommon ones always, the rest inside headings only."""
    for name, phrases in params.sections.items():
        uncommon, common = by_key_word(phrases)
        add("always", (rule_id, "section", name), uncommon)
        add("headings", (rule_id, "section-common", name), common)
    for name, phrases in params.standalone.items():
        add("headings", (rule_id, "standalone", name), phrases)
    for name, phrases in params.closing.items():
        add("headings", (rule_id, "closing", name), phrases)
    for name, phrases in params.opening.items():
        add("headings", (rule_id, "opening", name), phrases)
    for name, phrases in params.content.items():
        add("content", (rule_id, "content", name), phrases)
    add("headings", (rule_id, "generic"), params.generic)
    add("headings", (rule_id, "other"), params.other)


#: Compiled rule sets, by the rule set's id. They live outside the model so that they
#: take no part in its equality, copies or pickles, and a copy made with
#: ``model_copy(update=...)`` compiles its own. An entry goes when its rule set does.
_compiled_sets: dict[int, tuple[weakref.ref[RuleSet], _Compiled]] = {}
_compiled_lock = threading.Lock()


def _compile(ruleset: RuleSet) -> _Compiled:
    """The rule set's compiled lists, built on first use and kept while the rule set lives."""
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


# -- one posting -----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?](?=\s)|[\r\n]")
_PARAGRAPH_END = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")  # a blank line
_CLAUSE_END = re.compile(r"[.!?;](?=\s)|[\r\n•·]")


@dataclass
class _Context:
    prepared: Prepared
    compiled: _Compiled
    found: dict[object, Found]
    bm: Benchmarks
    segment: str | None
    title: Prepared | None
    words: Words
    family: str = "other"
    unlisted: dict[str, int] = field(default_factory=dict)
    place: Location | str | None = None
    employees: int | None = None
    remote: bool = False
    on: dt.date | str | None = None
    _law: list[TransparencyAnswer | None] = field(default_factory=list)
    _money: list[Money] | None = None
    _zones: dict[str, tuple[list[int], list[Span]]] = field(default_factory=dict)
    _found_too: set[str] = field(default_factory=set)

    def need(self, group: str) -> None:
        """Find one of the groups of lists that are only found on demand, once, in the whole posting."""
        if group not in self._found_too:
            self._found_too.add(group)
            self.found.update(self.compiled.vocabulary.find(self.words, group, keep=_KEPT))

    def within(self, group: str, regions: Sequence[Span]) -> dict[object, Found]:
        """What one group of lists finds inside some regions of the posting only."""
        if not regions:
            return {}
        return self.compiled.vocabulary.find(self.words, group, keep=_KEPT, regions=regions)

    def spans(self, *key: object) -> list[Span]:
        """Where one phrase list matched (the first `_KEPT` places)."""
        entry = self.found.get(key)
        return entry.spans if entry is not None else []

    def total(self, *key: object) -> int:
        """How many places one phrase list matched in all."""
        entry = self.found.get(key)
        return entry.total if entry is not None else 0

    @property
    def money(self) -> list[Money]:
        """Every sum of money in the posting, found once for the three pay rules."""
        if self._money is None:
            if not (self.spans("money", "codes") or may_hold_money(self.prepared.scan)):
                self._money = []  # no currency, round sum or period: nothing to read
                return self._money
            self.need("money")
            self._money = find_money(
                self.prepared.scan,
                self.spans("money", "codes"),
                self.spans("money", "pay"),
                self.spans("money", "other"),
                neutral=self.spans("money", "neutral"),
                limit=_KEPT,
            )
        return self._money

    @property
    def law(self) -> TransparencyAnswer | None:
        """The pay-transparency rules for the posting's place (given, or found in the text), once."""
        if not self._law:
            where = self.place if self.place is not None else find_location(self.prepared.original)
            answer = None
            if where is not None:
                answer = pay_transparency(where, employees=self.employees, on=self.on, remote=self.remote)
            self._law.append(answer)
        return self._law[0]

    def in_zones(self, zones: Iterable[str], start: int) -> bool:
        """Whether ``start`` lies in a sentence of any of ``zones`` (a rule's ``skip_in``)."""
        return any(self.in_zone(zone, start) for zone in zones)

    def in_zone(self, zone: str, start: int) -> bool:
        """Whether ``start`` lies in a sentence that holds one of the zone's phrases (as
        many different ones as the zone's minimum)."""
        if zone not in self._zones:
            self.need("zones")
            starts: list[int] = []
            spans: list[Span] = []
            ends = _PARAGRAPH_END if zone in self.compiled.paragraph_zones else _SENTENCE_END
            scan, minimum = self.prepared.scan, self.compiled.zone_minimums.get(zone, 1)
            cues: dict[Span, set[str]] = {}  # sentence -> the zone's phrases in it, in order
            for cue_start, cue_end in self.spans("zone", zone):
                sentence = _sentence(scan, cue_start, cue_end, ends, 400)
                cues.setdefault(sentence, set()).add(scan[cue_start:cue_end])
            for (begin, end), phrases in cues.items():
                if len(phrases) < minimum:
                    continue
                if spans and begin <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
                else:
                    starts.append(begin)
                    spans.append((begin, end))
            self._zones[zone] = (starts, spans)
        starts, spans = self._zones[zone]
        index = bisect.bisect_right(starts, start) - 1
        return index >= 0 and start < spans[index][1]


def _sentence(scan: str, start: int, end: int, pattern: re.Pattern[str], reach: int) -> Span:
    """The sentence (or clause) around ``scan[start:end]``, at most ``reach`` characters each way."""
    begin = max(0, start - reach)
    for boundary in pattern.finditer(scan, begin, start):
        begin = boundary.end()
    after = pattern.search(scan, end, min(len(scan), end + reach))
    return begin, after.start() if after is not None else min(len(scan), end + reach)


# -- the role the posting is for ----------------------------------------------------------

_FIRST_LINE = re.compile(r"[ \t]*(?P<line>[^\r\n]+)")
#: How far into the text role names are counted when no title or first heading decides.
_ROLE_REACH = 3000


def _earliest_family(
    found: dict[object, Found],
    families: Sequence[str],
    kind: str = "role",
    where: Callable[[Span], bool] | None = None,
) -> str | None:
    """The family of the role name (or team name) that comes first (the longest where two
    start together), among the names ``where`` accepts."""
    best: tuple[int, int, str] | None = None
    for family in families:
        entry = found.get((kind, family))
        spans = entry.spans if entry is not None else ()
        span = next((span for span in spans if where is None or where(span)), None)
        if span is not None:
            start, end = span
            candidate = (start, start - end, family)
            if best is None or candidate < best:
                best = candidate
    return best[2] if best else None


def _title_words(ctx: _Context, group: str) -> dict[object, Found]:
    """One group of lists found in the title."""
    assert ctx.title is not None
    vocabulary = ctx.compiled.vocabulary
    return vocabulary.find(vocabulary.words(ctx.title.scan, ctx.title.words), group, keep=5)


_FIRST_WORD = re.compile(r"[^\W_]")
#: What may follow a team's name that is a whole title: nothing, or a mark that sets off
#: a place or a note ("Customer Success - EMEA", "Customer Success (Remote)").
_TEAM_ENDS = re.compile(r"\s*(?:$|[-–—,(|/:])")


def _department(ctx: _Context) -> str | None:
    """The family of the team a title is made of, when it names no role ("Customer Success",
    "Customer Success - EMEA"). A team named with more words is some other role of that
    team ("Customer Success Operations Analyst", "Director of Service Operations,
    Customer Success")."""
    assert ctx.title is not None
    scan = ctx.title.scan
    first = _FIRST_WORD.search(scan)
    if first is None:
        return None
    return _earliest_family(
        _title_words(ctx, "departments"),
        ctx.compiled.families,
        "department",
        lambda span: span[0] == first.start() and _TEAM_ENDS.match(scan, span[1]) is not None,
    )


def _family(ctx: _Context, level_or_segment: bool) -> str:
    """The role family: from the title (a role it names, else a team it names: "Customer
    Success"), else the first heading, else the role named most often near the start
    (later names tend to be other teams: "work with our sales team")."""
    families = ctx.compiled.families
    if ctx.title is not None:
        return _earliest_family(_title_words(ctx, "roles"), families) or _department(ctx) or "other"
    scan = ctx.prepared.scan
    found = ctx.within("roles", [(0, min(len(scan), _ROLE_REACH))])
    first = _FIRST_LINE.match(scan, len(scan) - len(scan.lstrip()))
    if first is not None and len(first.group("line").split()) <= 12:
        line_end = first.end("line")
        family = _earliest_family(found, families, where=lambda span: span[1] <= line_end)
        if family:
            return family
    counts = {
        family: found[("role", family)].total if ("role", family) in found else 0
        for family in ctx.compiled.in_text
    }
    named = [family for family in ctx.compiled.in_text if counts[family]]
    if named:
        most = max(counts[family] for family in named)
        tied = [family for family in named if counts[family] == most]
        return min(tied, key=lambda family: found[("role", family)].spans[0][0])
    return "csm" if level_or_segment else "other"


# -- the checks ------------------------------------------------------------------------


def _check_pay_missing(_rule: Rule, ctx: _Context) -> Iterator[Hit]:
    if not any(money.pay for money in ctx.money) and not _title_pays(ctx):
        yield 0, 0, ""


def _title_pays(ctx: _Context) -> bool:
    """Whether the title states the pay, as job boards' titles may ("Account Manager | $60,000 -
    $70,000"), read as the text is read. A lone figure there has no place in the text for
    a finding to point at, so the title only tells whether pay is missing."""
    title = ctx.title
    if title is None or not any(char.isdigit() for char in title.scan):  # every sum has a digit
        return False
    found = {**_title_words(ctx, "always"), **_title_words(ctx, "money")}

    def spans(kind: str) -> list[Span]:
        entry = found.get(("money", kind))
        return entry.spans if entry is not None else []

    money = find_money(
        title.scan, spans("codes"), spans("pay"), spans("other"), neutral=spans("neutral"), limit=_KEPT
    )
    return any(sum_.pay for sum_ in money)


def _check_pay_single(_rule: Rule, ctx: _Context) -> Iterator[Hit]:
    pay = [money for money in ctx.money if money.pay]
    if pay and not any(money.is_range for money in pay):
        yield pay[0].start, pay[0].end, ""


def _check_pay_wide(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    assert isinstance(rule.params, PayWideParams)
    ratio = rule.params.ratio
    for money in ctx.money:
        if money.pay and money.is_range and money.high > ratio * money.low:
            yield money.start, money.end, f"{rule.render()} ({money.high / money.low:.1f} times)"


# a number that sets a target: a percentage, a multiple, an amount, a score, a time limit
_TARGET = re.compile(
    r"(?<![\w$£€.,/:])(?:"
    r"\d{1,3}(?:\.\d{1,2})?\s?(?:%|percent|pct)"
    r"|\d{1,2}(?:\.\d{1,2})?\s?x(?![a-z])"
    r"|[$£€]\s?\d[\d,.]{0,12}\s?(?:k|m|mm|million)?(?![a-z])"
    r"|\d{1,4}\s?(?:\+|or more|or higher|or above|and above|or better)(?!\s?(?:years?|yrs?|months?))"
    r"|(?:of|at|above|over|below|under|>|>=|≥|<|≤)\s\d{1,3}(?:\.\d)?(?![\d%.,]|\s?[a-z])"
    r"|\d{1,3}\s?[-\s]?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|business days|weeks?)(?![a-z])"
    r")"
)


def _check_metrics(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    assert isinstance(rule.params, MetricsParams)
    ctx.need("for-roles")
    window = rule.params.window
    scan = ctx.prepared.scan
    for start, end in ctx.spans(rule.id, "terms"):
        begin, stop = _sentence(scan, start, end, _CLAUSE_END, window)
        if (_TARGET.search(scan, begin, start) or _TARGET.search(scan, end, stop)) and not ctx.in_zones(
            rule.params.skip_in, start
        ):
            return
    yield 0, 0, ""


_COUNT = re.compile(
    r"(?<![\w$£€.,/:#])(?P<low>\d{1,3}(?:,\d{3})+|\d{1,6})"
    r"(?:\s*(?:-|–|—|to)\s*(?P<high>\d{1,3}(?:,\d{3})+|\d{1,6}))?\+?(?!\s?%|[\d.,]\d|\s?k\b)"
)
_GAP = re.compile(r"(?:[\s-]+(?:[a-z][a-z'&-]*))*?[\s-]*")
#: How many words may stand between a count and its accounts; more after "of" (our choice).
_GAP_WORDS, _PARTITIVE_WORDS = 3, 6
#: Units that make a number a span of time, not a count ("3-4+ years in customer-owning roles").
_DURATIONS = frozenset(
    ["year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "hrs"]
)


def _in_segment_name(found: dict[object, Found], rule: Rule, count: re.Match[str]) -> bool:
    """Whether a number is part of a segment's name ("Fortune 500", "Global 2000"), not a count."""
    assert isinstance(rule.params, PortfolioParams)
    return any(
        start <= count.start() and count.end() <= end
        for segment in rule.params.segments
        for start, end in _spans(found, (rule.id, "segment", segment))
    )


def _segment_in(found: dict[object, Found], rule: Rule, start: int, end: int) -> str | None:
    """The one segment named in ``[start, end)``; None if none or two."""
    assert isinstance(rule.params, PortfolioParams)
    named = {
        segment
        for segment in rule.params.segments
        if any(start <= s and e <= end for s, e in _spans(found, (rule.id, "segment", segment)))
    }
    return named.pop() if len(named) == 1 else None


def _spans(found: dict[object, Found], key: object) -> list[Span]:
    entry = found.get(key)
    return entry.spans if entry is not None else []


_DIGIT = re.compile(r"\d")


#: Words between the accounts and a cue after them that make the accounts the cue's
#: subject ("5,000 customers who manage their fleets", "30,000 brands drive more revenue
#: and own their growth"), or the subject of a verb of their own ("4,000 customers use our
#: platform to manage their data"), unless the role is named there too ("accounts that
#: you and your team own").
_OTHER_SUBJECT = frozenset(
    ["who", "and", "or", "&", "use", "rely", "trust", "choose", "love", "depend", "count", "turn"]
)
_FOR_YOU = frozenset(["you", "you'll", "youll", "you're", "your"])


def _owned(
    scan: str, cues: Sequence[int], count: re.Match[str], noun_end: int, begin: int, stop: int
) -> bool:
    """Whether a cue (``cues``: where each starts, in order) makes a count of accounts in the
    clause ``scan[begin:stop]`` the role's: one before the count ("manage 50 accounts"), or
    one after it with no comma between ("150 accounts to manage", "80 assigned
    accounts"; not "With 700+ customers in 58 countries, and world-class investor
    support"), unless the accounts are its subject (`_OTHER_SUBJECT`)."""
    first = bisect.bisect_left(cues, begin)
    if first < len(cues) and cues[first] < count.start():
        return True
    after = bisect.bisect_left(cues, count.end())
    if after == len(cues) or cues[after] >= stop or "," in scan[count.end() : cues[after]]:
        return False
    between = frozenset(scan[noun_end : cues[after]].split())
    return between.isdisjoint(_OTHER_SUBJECT) or not between.isdisjoint(_FOR_YOU)


def _check_portfolio(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    assert isinstance(rule.params, PortfolioParams)
    ctx.need("for-roles")
    scan = ctx.prepared.scan
    cues = ctx.spans(rule.id, "cues")
    clauses: list[Span] = []
    for cue_start, cue_end in cues:  # only where a count and a cue share a clause
        clause = _sentence(scan, cue_start, cue_end, _CLAUSE_END, 120)
        if (not clauses or clause[0] >= clauses[-1][1]) and _DIGIT.search(scan, *clause):
            clauses.append(clause)
    if not clauses:
        return
    cue_starts = [start for start, _ in cues]
    found = ctx.within("accounts", clauses)
    title = _title_words(ctx, "accounts") if ctx.title is not None else {}
    known = {segment.key for segment in ctx.bm.segments()}
    for noun_start, noun_end in _spans(found, (rule.id, "nouns")):
        begin, stop = _sentence(scan, noun_start, noun_end, _CLAUSE_END, 120)
        count = None
        for candidate in _COUNT.finditer(scan, max(begin, noun_start - 60), noun_start):
            gap = scan[candidate.end() : noun_start]
            words = gap.split()
            if words and words[0].strip("+-") in _DURATIONS:
                continue
            # "150 enterprise accounts"; "30-40 of our largest and most influential customers"
            most = _PARTITIVE_WORDS if words and words[0] == "of" else _GAP_WORDS
            if _GAP.fullmatch(gap) and len(words) <= most and not _in_segment_name(found, rule, candidate):
                count = candidate
        if count is None or not _owned(scan, cue_starts, count, noun_end, begin, stop):
            continue
        segment = (
            ctx.segment
            or _segment_in(found, rule, count.end(), noun_start)
            or _segment_in(found, rule, begin, stop)
            or (_segment_in(title, rule, 0, len(ctx.title.scan)) if ctx.title is not None else None)
        )
        if segment is None or segment not in known:
            continue
        low = int(count.group("low").replace(",", ""))
        high = int(count.group("high").replace(",", "")) if count.group("high") else low
        sizes = ctx.bm.portfolio_sizes(segment)
        floor = min(size.low for size in sizes)
        ceiling = max(float("inf") if size.open_ended or size.high is None else size.high for size in sizes)
        if high < floor or low > ceiling:
            name = ctx.bm.segment(segment).name
            shown = ", ".join(f"{size} ({size.source})" for size in sizes)
            stated = count.group(0).strip()
            yield (
                count.start(),
                noun_end,
                f"{rule.render()} {stated} accounts is outside the {name} range: {shown}.",
            )


_BEFORE_WORD = " \t\u00a0*_#>\"'(["
_SENTENCE_START = "\r\n.!?•·▪"


def _is_acronym(original: str, start: int, end: int) -> bool:
    word = original[start:end]
    return len(word) > 1 and word.isupper()


def _is_name(original: str, scan: str, start: int, end: int) -> bool:
    """Whether a capitalised match is a name: in mid-sentence, or glued to a capital ("ManpowerGroup")."""
    if not original[start].isupper():
        return False
    if end < len(original) and (original[end].isupper() or original[end] in "®™"):
        return True
    before = start - 1
    while before >= 0 and scan[before] in _BEFORE_WORD:
        before -= 1
    if before < 0 or scan[before] in _SENTENCE_START:
        return False
    # a dash or a star that opens a line is a bullet: the word after it opens its item
    return not (scan[before] in "-*" and (before == 0 or scan[before - 1] in "\r\n \t"))


def _check_phrases(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    assert isinstance(rule.params, PhrasesParams)
    params = rule.params
    original, scan = ctx.prepared.original, ctx.prepared.scan
    names = ctx.compiled.names.get(rule.id)
    holders = ctx.spans(rule.id, "not-part-of")
    for start, end in ctx.spans(rule.id, "phrases"):
        if ctx.in_zones(params.skip_in, start):
            continue
        if holders and any(s < end and start < e for s, e in holders):
            continue
        if params.acronyms and _is_acronym(original, start, end):
            continue
        if names and names.pattern.fullmatch(scan, start, end) and _is_name(original, scan, start, end):
            continue
        yield start, end, ""
    unlisted = ctx.total(rule.id, "phrases") - len(ctx.spans(rule.id, "phrases"))
    if unlisted:
        ctx.unlisted[rule.id] = unlisted


def _check_support(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    assert isinstance(rule.params, SupportParams)
    ctx.need("for-roles")
    desk = ctx.total(rule.id, "support")
    if desk >= rule.params.minimum and desk > ctx.total(rule.id, "outcomes"):
        start, end = ctx.spans(rule.id, "support")[0]
        yield start, end, ""


def _check_gender_coding(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    masculine, feminine = coded_words(ctx.prepared.original)
    leaning = verdict(len(feminine), len(masculine))
    if leaning in ("neutral", "empty"):
        return
    offset, word = (masculine if len(masculine) > len(feminine) else feminine)[0]
    detail = f" ({len(masculine)} masculine-coded, {len(feminine)} feminine-coded words)"
    yield offset, offset + len(word), rule.render(verdict=leaning.replace("-coded", "")) + detail


def _check_sections(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    assert isinstance(rule.params, SectionsParams)
    params = rule.params

    def headings(regions: Sequence[Span] | None) -> HeadingWords:
        if regions is None:
            ctx.need("headings")
            found = ctx.found
        else:
            found = ctx.within("headings", regions)
        return HeadingWords(
            sections={name: _spans(found, (rule.id, "section-common", name)) for name in params.sections},
            standalone={name: _spans(found, (rule.id, "standalone", name)) for name in params.standalone},
            closing={name: _spans(found, (rule.id, "closing", name)) for name in params.closing},
            opening={name: _spans(found, (rule.id, "opening", name)) for name in params.opening},
            generic=_spans(found, (rule.id, "generic")),
            other=_spans(found, (rule.id, "other")),
        )

    def content(region: Span) -> dict[str, list[Span]]:
        found = ctx.within("content", [region])
        return {name: _spans(found, (rule.id, "content", name)) for name in params.content}

    words = SectionWords(
        sections={name: ctx.spans(rule.id, "section", name) for name in params.sections},
        headings=headings,
        content=content,
    )
    prepared = ctx.prepared
    present = find_sections(prepared.source, prepared.scan, prepared.cased, words, prepared.keys)
    for name in params.sections:
        if name not in present:
            yield 0, 0, rule.render(section=name)


def _pay_problems(requirement: LawRequirement, pay: list[Money]) -> Iterator[tuple[int, int, str, bool]]:
    """What the posting's pay lacks for one law, and whether that rests on confirmed facts."""
    sure = requirement.confirmed
    if not pay:
        yield 0, 0, "no pay is stated.", sure
        return
    open_ended = [money for money in pay if money.open_ended]
    if requirement.open_ended is not True:
        for (
            money
        ) in open_ended:  # "up to $X": refused where the table says so, in doubt where it does not know
            problem = "an open-ended sum ('up to', 'from', '+') is no minimum and maximum."
            if requirement.open_ended is None:
                problem = (
                    "an open-ended sum ('up to', 'from', '+'); whether the law accepts one is not confirmed."
                )
            yield money.start, money.end, problem, sure and requirement.open_ended is False
    widest = requirement.max_width or 0
    for money in pay if widest else ():
        yearly = money.period == "year" or (money.period is None and money.low >= 10_000)  # a salary
        if yearly and money.high - money.low > widest:
            problem = (
                f"the range spans {money.high - money.low:,.0f}, more than the {widest:,} the law allows."
            )
            yield money.start, money.end, problem, sure
    if open_ended or any(money.is_range for money in pay) or requirement.single_figure is True:
        return
    first = pay[0]
    if requirement.single_figure is False:
        yield first.start, first.end, "one figure is stated where the law asks for a range.", sure
    elif requirement.open_ended is False:  # the law speaks of a minimum and a maximum
        problem = "one figure, where the law asks for a minimum and a maximum (one only if the pay is fixed)."
        yield first.start, first.end, problem, sure


def _law_problems(
    requirement: LawRequirement, rule: Rule, ctx: _Context
) -> Iterator[tuple[int, int, str, bool]]:
    """Every gap of the posting for one requirement: (start, end, problem, rests on confirmed facts)."""
    assert isinstance(rule.params, PayLawParams)
    if requirement.element == "pay":
        yield from _pay_problems(requirement, [money for money in ctx.money if money.pay])
    elif requirement.element in rule.params.evidence:
        ctx.need("law")
        if not ctx.spans(rule.id, "evidence", requirement.element):
            yield 0, 0, "the posting does not state it.", requirement.confirmed


def _check_pay_law(rule: Rule, ctx: _Context) -> Iterator[Hit]:
    """Gaps against the laws of the posting's place. A rule reports the rulings it names; one
    with ``unconfirmed`` also reports the gaps of a law that applies which rest on a fact the
    table could not confirm (a warning, not an error)."""
    params = rule.params
    assert isinstance(params, PayLawParams)
    answer = ctx.law
    if answer is None:
        return
    for ruling in answer.rulings:
        if ruling.reach == "place-unknown":
            continue  # "United States": which state's law is unknown, and each would be noise
        mine = ruling.status in params.rulings
        doubts = params.unconfirmed and ruling.status == "applies"
        if not (mine or doubts):
            continue
        for requirement in ruling.requirements:
            for start, end, problem, sure in _law_problems(requirement, rule, ctx):
                if ruling.status == "applies" and sure != ("applies" in params.rulings):
                    continue  # a confirmed gap is the error rule's, a doubtful one the warning rule's
                why = (
                    "; ".join(ruling.reasons[1:])
                    if ruling.status != "applies"
                    else "not confirmed in primary text"
                )
                values = {
                    "law": requirement.law,
                    "element": requirement.element_phrase,
                    "place": answer.location,
                    "why": why,
                    "source": requirement.source.url,
                }
                yield start, end, rule.render(**values, problem=problem)


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
    "pay-law": _check_pay_law,
}


# -- the entry point -------------------------------------------------------------------


def _ids(value: Iterable[str] | str | None, ruleset: RuleSet, name: str) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        names = [value]
    elif isinstance(value, Iterable):
        names = list(value)
    else:
        raise TypeError(f"{name} takes rule ids (a string or a list of strings), got {type(value).__name__}")
    valid = {rule.id for rule in ruleset.rules}
    for item in names:
        if not isinstance(item, str):
            raise TypeError(f"{name} takes rule ids as strings, got {type(item).__name__}")
        if item not in valid:
            raise UnknownKeyError("lint rule", item, tuple(r.id for r in ruleset.rules))
    return set(names)


def _check_arguments(
    text: object,
    ruleset: object,
    benchmarks: object,
    optional: dict[str, object],
    max_chars: object,
) -> None:
    if not isinstance(text, str):
        raise TypeError(f"lint_jd takes the posting as a str, got {type(text).__name__}")
    if ruleset is not None and not isinstance(ruleset, RuleSet):
        raise TypeError(f"ruleset must be a RuleSet (from load_rules), got {type(ruleset).__name__}")
    if benchmarks is not None and not isinstance(benchmarks, Benchmarks):
        raise TypeError(
            f"benchmarks must be a Benchmarks (from load_benchmarks), got {type(benchmarks).__name__}"
        )
    for name, value in optional.items():
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, got {type(value).__name__}")
    if not isinstance(max_chars, int) or isinstance(max_chars, bool):
        raise TypeError(f"max_chars must be an int, got {type(max_chars).__name__}")
    if max_chars < 1:
        raise InvalidInputError(f"max_chars must be at least 1, got {max_chars}")
    if len(text) > max_chars:
        raise InvalidInputError(
            f"the posting has {len(text):,} characters, more than the limit of {max_chars:,} "
            "(pass max_chars= to raise it)"
        )


def _finding(rule: Rule, prepared: Prepared, start: int, end: int, message: str) -> Finding:
    line, column = prepared.position(start)
    end_line, end_column = prepared.position(end)
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=message or rule.render(),
        suggestion=rule.suggestion,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        offset=start,
        end=end,
        match=prepared.original[start:end],
        source=rule.source,
    )


def _run(rule: Rule, ctx: _Context) -> list[Finding]:
    """One rule's findings: at most MAX_FINDINGS_PER_RULE, then one that counts the rest."""
    prepared = ctx.prepared
    findings: list[Finding] = []
    more = 0
    first_unlisted: Hit | None = None
    for start, end, message in CHECKS[rule.kind](rule, ctx):
        whole = start == end == 0
        if prepared.suppressed(rule.id, None if whole else start):
            continue
        if len(findings) < MAX_FINDINGS_PER_RULE:
            findings.append(_finding(rule, prepared, start, end, message))
        else:
            more += 1
            first_unlisted = first_unlisted or (start, end, message)
    more += ctx.unlisted.get(rule.id, 0)
    if more and (findings or first_unlisted):  # none listed: every one looked at was excused
        start, end, _ = first_unlisted or (findings[-1].offset, findings[-1].end, "")
        note = f"{more:,} more finding{'s' if more != 1 else ''} of this rule from here on are not listed"
        findings.append(_finding(rule, prepared, start, end, f"{rule.render()} ({note}.)"))
    return findings


def lint_jd(
    text: str,
    *,
    segment: str | None = None,
    level: str | None = None,
    rules: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    ruleset: RuleSet | None = None,
    benchmarks: Benchmarks | None = None,
    title: str | None = None,
    max_chars: int = MAX_POSTING_CHARS,
    location: str | Location | None = None,
    employees: int | None = None,
    remote: bool = False,
    on: dt.date | str | None = None,
) -> tuple[Finding, ...]:
    """Lint a job posting (plain text, Markdown or HTML) and return its findings.

    Args:
        text: the posting. Positions in the findings refer to this text.
        segment: the customer segment, for the portfolio check (it wins over a
            segment the text names).
        level: the level being hired (a posting with a level or a segment and no
            other role named is taken as a CSM posting).
        rules: run only these rule ids.
        ignore: skip these rule ids.
        ruleset: a `RuleSet` from `load_rules`; default the built-in rules.
        benchmarks: the dataset for segment portfolio sizes; default the built-in data.
        title: the job title, when the text does not start with it; it decides
            which role family the posting is for (rules apply to some families
            only), and may name the segment.
        max_chars: the longest text accepted (`MAX_POSTING_CHARS` by default); a
            longer one raises `InvalidInputError`.
        location: where the job is published ("Denver, CO", "Remote (US)"); without
            it, a "Location:" line or the first "City, ST" in the text. The
            ``pay-transparency`` rules report what the laws of that place ask for and
            the posting lacks, each naming the law and linking its source.
        employees: the employer's headcount, which settles laws with a size threshold.
        remote: True when the role can be done remotely from anywhere in the country.
        on: the day the posting is published (default: today), for laws' start dates.

    Wrong types raise `TypeError`; unknown rule ids, segments or levels raise
    `UnknownKeyError`.

    Inline comments turn rules off: ``<!-- csm-roles: ignore buzzwords -->`` (or the
    same words after ``#`` in plain text) on its own line covers the next line, at
    the end of a line covers that line; ``csm-roles: ignore-file RULE`` covers the
    whole text; naming no rule covers every rule.

    Examples:
        >>> for f in csm_roles.lint_jd("Wanted: a rockstar CSM. Competitive salary."):  # doctest: +ELLIPSIS
        ...     print(f.format("jd.txt"))
        jd.txt:1:1: error missing-pay The posting states no pay.
        jd.txt:1:1: warning vague-metrics Success is described without a single numeric target.
        jd.txt:1:1: warning missing-sections The posting has no responsibilities section.
        jd.txt:1:1: warning missing-sections The posting has no requirements section.
        jd.txt:1:11: warning buzzwords "rockstar": A cute title or a cliché that says little about the job.
        jd.txt:1:25: info gender-coding "Competitive": The wording leans masculine. (1 masculine-coded, ...)
    """
    _check_arguments(
        text, ruleset, benchmarks, {"segment": segment, "level": level, "title": title}, max_chars
    )
    if location is not None and not isinstance(location, (str, Location)):
        raise TypeError(f"location must be a str, a Location or None, got {type(location).__name__}")
    if not isinstance(remote, bool):
        raise TypeError(f"remote must be True or False, got {type(remote).__name__}")
    place = parse_location(location) if isinstance(location, str) else location
    employees = check_employees(employees)
    on = law_date(on) if on is not None else None
    bm = benchmarks or default_benchmarks()
    ruleset = ruleset or default_rules()
    selected = _ids(rules, ruleset, "rules")
    skipped = _ids(ignore, ruleset, "ignore") or set()
    segment_key = bm.segment(segment).key if segment is not None else None
    level_key = bm.level(level).key if level is not None else None
    compiled = _compile(ruleset)
    prepared = prepare(text, ruleset.front_matter)
    words = compiled.vocabulary.words(prepared.scan, prepared.words, prepared.joins)
    ctx = _Context(
        prepared=prepared,
        compiled=compiled,
        found=compiled.vocabulary.find(words, "always", keep=_KEPT),
        bm=bm,
        segment=segment_key,
        title=prepare(title) if title is not None else None,
        words=words,
        place=place,
        employees=employees,
        remote=remote,
        on=on,
    )
    chosen = [
        rule
        for rule in ruleset.rules
        if rule.enabled and rule.id not in skipped and (selected is None or rule.id in selected)
    ]
    if any(rule.applies_to != "all" for rule in chosen):
        ctx.family = _family(ctx, segment_key is not None or level_key is not None)
    findings: list[Finding] = []
    for rule in chosen:
        if rule.applies_to != "all" and ctx.family not in rule.applies_to:
            continue
        findings += _run(rule, ctx)
    order = compiled.order
    return tuple(sorted(findings, key=lambda f: (f.offset, order[f.rule])))
