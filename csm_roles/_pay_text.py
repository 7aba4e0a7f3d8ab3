"""Reading sums of money in posting text, and telling the role's pay from other money.

`find_money` reads, in the prepared (lower-cased) text, every sum written with a
currency - a symbol (``$``, ``€``, ``₹`` ...) or an ISO code, before or after it
(``SGD 6,000``, ``15 000 PLN``, ``3.000 €``), or a currency word - and every round sum a pay word
introduces without one (``Salary: 120k``). It understands:

- thousands written with commas, full stops, apostrophes or spaces
  (``120,000``, ``€60.000``, ``CHF 120'000``, ``15 000``) and the Indian grouping
  (``₹12,00,000``); decimals of one or two digits;
- the suffixes k, M (million), lakh and crore; billions are never pay;
- ranges joined by a dash, "to" or "and", with the suffix on one end only
  (``$70-90k``) or the thousands written once (``$80-100,000``), one bracketed
  aside after the low end when the high end repeats the currency
  (``€ 2,651 (scale 9) and € 3,997``), and "minimum ... maximum" pairs;
  two sums of one size written high first (``$110,000 - $90,000``) are a range, and
  a figure whose next number cannot be its high end (``£30,000 and 25 days``)
  stands alone;
- "up to" and "from" (an open-ended single figure), and the period: per hour, day,
  week, month or year, however written (``$40/hr``, ``per annum``, ``gross/monthly``);
- Markdown's marks: an escaped dash (``\\-``) and ends set in bold (``**$90k**``).

Whether a sum is the role's pay is read from the words around it, which the rule
set lists (``money.pay`` and ``money.other``): a pay word before it ("salary",
"OTE", "hourly rate") makes it pay; a word for other money nearer to it
("stipend", "ARR", "raised", "relocation") makes it something else; a range with a
currency and no word either way is taken as pay, a lone figure is not. A sum the
size of a year's pay that opens a field of a header line set out with bars
(``Acme | Customer Success | Remote | $52k``, as "Who is hiring" posts begin) is
read by the words of its own field only: pay, unless other money follows it there.
A phrase of ``money.neutral`` holds a pay word without being pay ("range from",
"engagement rates", "customer base"): the pay word in it does not count.

Every pattern is anchored at a currency mark or a pay word and bounded in length,
so the work is linear in the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["CURRENCY_WORDS", "SYMBOLS", "Money", "find_money", "may_hold_money"]

Period = Literal["hour", "day", "week", "month", "year"]

SYMBOLS = "$£€¥₹₱₩₪₫฿₦₺₽₴₡₵₸円元"
_SYMBOL = f"[{re.escape(SYMBOLS)}]"
#: Currency words and ISO codes, as the prepared text spells them (lower case).
CURRENCY_WORDS = (
    "usd|eur|gbp|inr|php|sgd|chf|pln|cad|aud|nzd|jpy|cny|rmb|hkd|sek|nok|dkk|zar|brl|mxn|aed|sar|ils|czk|"
    "huf|ron|myr|idr|thb|vnd|krw|twd|ngn|kes|egp|cop|clp|pen|ars|uah|try|rub|rs|dollars|dollar|euros|euro|"
    "pounds|rupees|rupee|pesos|peso|yen|francs|zloty|złoty|złotych|zlotych|zł|zl|kr|kč|sfr|rm|rp"
)
_CODE = rf"(?:{CURRENCY_WORDS})(?![a-z])"
_PREFIX = r"(?:us|ca|c|a|au|nz|hk|s|r|mx|nt|rs\.?)"
_SYMBOL_PREFIX = re.compile(rf"(?<![a-z]){_PREFIX}$")
# Markdown may escape a decimal point ("$85,000\.00"), as it does a dash (`_SEPARATOR`); a
# scraper that writes its CSV with a backslash as escape character doubles the backslash
_NUMBER = (
    r"(?:\d{1,3}(?:[,.' \u00a0\u202f\u2009]\d{3}){1,5}(?:\\{0,2}[.,]\d{1,2})?(?!\d)"
    r"|\d{1,2}(?:,\d{2}){1,4},\d{3}(?:\\{0,2}\.\d{1,2})?(?!\d)"
    r"|\d{1,9}(?:\\{0,2}[.,]\d{1,2})?(?!\d))"
)
#: A thousand (or ten) written as a word: Polish, Czech and German abbreviations, the
#: German word, and the Chinese and Japanese characters (see `_MULTIPLIER`).
_THOUSAND_WORDS = r"(?:tys|tis|tsd)\.?|tausend|万|千"
_SUFFIX = (
    r"(?:\s?(?:k|m|mm|mn|million|millions|juta|jt|lakh|lakhs|lac|lacs|lpa|cr|crore|crores|bn|billion|billions|b"
    rf"|{_THOUSAND_WORDS})(?![a-z]))"
)
# "gross" or "net" may come first: "pln gross/monthly", "€4,000 net per month"
_PERIOD = (
    r"(?:\s*(?:(?:gross|net)\s*)?(?:/|per|an|a|each)\s*(?:hour|hr|hrs|h|day|week|wk|month|mo|mth|year|yr|annum)"
    r"(?![a-z])|\s*(?:(?:gross|net)\s*(?:/\s*)?)?(?:hourly|daily|weekly|monthly|yearly|annually|annual|p\.a\.?|pa|p/h|ph)"
    r"(?![a-z]))"
)
# Markdown may escape the dash ("\-", or "\\-" from a scraper's CSV) or set either end in
# bold ("**us$** **35/hr** to **us$54/hr**"); "to" and "and" in the languages postings are
# written in: "entre 35 et 40k€", "50.000 bis 60.000 €", "30.000 y 40.000", "do 12 000 zł"
# (a one-letter word right after the figure: "$18 per hour a 40-hour week" is no range)
_SEPARATOR = (
    r"(?:[\s*_]*\\{0,2}(?:[-–—−~〜～]|to|and|through|until|et|bis|tot|till|til|och|og|do)[\s*_]*"
    r"|(?<=\d)\s+[aàey]\s+)"
)
# between a currency and its number: spaces and bold marks, never a line break
_MARK_GAP = r"(?:[*_]|[^\S\r\n]){0,6}"
_END = rf"(?P<s{{n}}>{_SUFFIX})?(?P<c{{n}}>\s?{_CODE})?(?P<p{{n}}>{_PERIOD})?"
# a short aside after the low end, when the high end names its currency again:
# "between € 2,651 (scale 9) and € 3,997"
_ASIDE = rf"(?:[^\S\r\n]*\([^()\r\n]{{0,40}}\)(?={_SEPARATOR}(?:{_PREFIX}?{_SYMBOL}|{_CODE})))?"
# a currency code (the rupee's "rs." with its full stop), then perhaps a symbol: "usd $", "rs."
_CODE_MARK = rf"{_CODE}(?:(?<=rs)\.)?\s?{_SYMBOL}?"
#: The ringgit's "RM", the rupiah's "Rp", the rupee's "Rs" and the rand's "R", which may be
#: glued to the figure.
_LOCAL_MARK = r"r(?:m|p|s\.?)?"
# the high end may repeat the currency, and the rand's "R" glued to it ("R25,000 – R30,000")
_SECOND = (
    rf"(?:{_ASIDE}{_SEPARATOR}(?:{_PREFIX}?{_SYMBOL}{_MARK_GAP}|{_CODE_MARK}{_MARK_GAP}"
    rf"|{_LOCAL_MARK}[^\S\r\n]?(?=\d))?"
    rf"(?P<n2>{_NUMBER}){_END.format(n=2)})?"
)
# a sum that starts at a currency symbol or code: "$80,000 - $100,000", "usd 80,000-100,000",
# "rs. 6,00,000", and the local marks glued to the figure (`_GLUED_MARK`): "rm5,000", "r25,000"
_AT_MARK = re.compile(
    rf"(?:{_SYMBOL}|{_CODE_MARK}|{_LOCAL_MARK}(?=\d)){_MARK_GAP}(?P<n1>{_NUMBER}){_END.format(n=1)}{_SECOND}"
)
#: A local mark glued to a figure with thousands ("RM5,000", "Rs.50,000", "R25 000"),
#: which the word search for currency codes cannot see.
_GLUED_MARK = re.compile(rf"{_LOCAL_MARK}(?=\d{{1,3}}(?:[,. \u00a0]\d{{2,3}})+(?!\d))")


def _ending_at(mark: str) -> re.Pattern[str]:
    """A sum that ends where a currency ``mark`` (a code or a symbol) follows it, found by
    searching a window that ends at the mark: "47,000.00 - 87,000.00 usd", "15 000 – 20 000
    pln", "3.000 € - 5.000 €" (as much of Europe writes it). Its number starts a word."""
    return re.compile(
        rf"(?<![0-9a-z_.,'])(?P<n1>{_NUMBER})(?P<s1>{_SUFFIX})?(?:\s?{mark})?(?P<p1>{_PERIOD})?"
        rf"(?:{_SEPARATOR}(?P<n2>{_NUMBER})(?P<s2>{_SUFFIX})?)?\s?$"
    )


_BEFORE_CODE = _ending_at(_CODE)
_BEFORE_SYMBOL = _ending_at(_SYMBOL)
#: A currency written again before a second figure: it is money too.
_MARK_BETWEEN = re.compile(rf"{_SYMBOL}|(?<![a-z]){_CODE}")
#: Only a symbol right after a figure ("5.000 €", "90k€") can end a sum.
_FIGURE_BEFORE = re.compile(r"\d(?:\s?(?:k|m|万|千))?[^\S\r\n]?$")
_PERIOD_AFTER = re.compile(rf"(?P<p1>{_PERIOD})")
# a sum with no currency after a pay word: "salary: 120k", "base pay 90k-110k", "35 per hour"
_BARE = re.compile(rf"(?P<n1>{_NUMBER}){_END.format(n=1)}{_SECOND}")
_MULTIPLIER = {
    "k": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "juta": 1_000_000,  # Indonesian and Malay: "Rp 8 - 10 juta"
    "jt": 1_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "lpa": 100_000,
    "cr": 10_000_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
    "b": 1_000_000_000,
    "tys": 1_000,  # Polish "tysięcy": "8-12 tys. zł"
    "tis": 1_000,  # Czech and Slovak "tisíc": "40 tis. Kč"
    "tsd": 1_000,  # German "Tausend": "60 Tsd. €"
    "tausend": 1_000,
    "万": 10_000,  # Japanese and Chinese: "月給30万円" (300,000 yen a month)
    "千": 1_000,  # Chinese: "8千-1.2万元" (8,000 to 12,000 yuan)
}
_PERIODS: dict[str, Period] = {
    "hour": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "hourly": "hour",
    "p/h": "hour",
    "ph": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "month": "month",
    "mo": "month",
    "mth": "month",
    "monthly": "month",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "p.a": "year",
    "p.a.": "year",
    "pa": "year",
}
_UP_TO = re.compile(
    r"(?:up to|upto|as much as|maximum of|max(?:imum)?:?|from|starting at|starts at|at least)\s*$"
)
_MIN = re.compile(r"(?:min(?:imum)?|from|starting|low|lower)\b[^$\d]{0,24}$")
_MAX = re.compile(r"(?:max(?:imum)?|to|up to|high|upper)\b[^$\d]{0,24}$")
_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)|[。！？；，]|\n\s*\n")
_SEPARATE = re.compile(r"\bplus\b|\+|\band\b|,|;|\bwith\b")
#: Just before a sum: the bar that opens a field of a header line set out in fields
#: ("Acme | Customer Success | Remote | $52k"), where a field of money is the pay.
_FIELD_BEFORE = re.compile(r"[^\S\r\n]*\|[^\S\r\n]*\Z")
#: How far before a sum that bar may stand (our choice: room for the spaces around it).
_FIELD_REACH = 8
#: The sizes of a year's pay when no word says so (our choice; a month's pay or a
#: laptop budget is smaller, a funding round larger).
_SALARY_SIZED = (10_000, 1_000_000)
#: The least a figure with no currency and no thousands must be, for its period, to
#: read as pay when words stand between it and its pay word (our choice: "paid
#: holidays: 12 per year" is a count, "hourly rate for this role: 35 per hour" pay).
_PERIOD_FLOOR: dict[Period, float] = {"hour": 5, "day": 50, "week": 200, "month": 300, "year": 10_000}
#: How close after its pay word a figure stands to be read as that pay whatever its
#: size (our choice: a colon and a space, "Salary: 250 - 400 per month").
_NEXT_TO_PAY_WORD = 3
_RETIREMENT = re.compile(r"40[13]\s?\(?[kb]|457\s?\(?b")
_GROUPED = re.compile(r"(?P<int>\d{1,3}(?:[,.' \u00a0\u202f\u2009]\d{3})+)(?:[.,](?P<dec>\d{1,2}))?")
_INDIAN = re.compile(r"(?P<int>\d{1,2}(?:,\d{2})+,\d{3})(?:\.(?P<dec>\d{1,2}))?")
_PLAIN = re.compile(r"(?P<int>\d+)(?:[.,](?P<dec>\d{1,2}))?")


@dataclass(frozen=True)
class Money:
    """A sum of money in the text: a range, or one figure (``low == high``)."""

    start: int
    end: int
    low: float
    high: float
    period: Period | None
    marked: bool  # written with a currency (not only introduced by a pay word)
    open_ended: bool  # "up to $X", "from $X", "$X+"
    scale: int  # the largest multiplier written (1, 1_000, 1_000_000 ...)
    pay: bool = False

    @property
    def is_range(self) -> bool:
        """Whether the sum has two different ends."""
        return self.high != self.low


def _amount(text: str) -> float:
    """The value of one written number ("120,000", "60.000", "12,00,000", "1.5", "85,000\\.00")."""
    text = text.strip().replace("\\", "")
    for pattern in (_INDIAN, _GROUPED, _PLAIN):
        match = pattern.fullmatch(text)
        if match:
            whole = int(re.sub(r"\D", "", match.group("int")))
            decimals = match.group("dec")
            return whole + (int(decimals) / 10 ** len(decimals) if decimals else 0)
    return 0.0


def _suffix(match: re.Match[str], number: int) -> int:
    written = match.group(f"s{number}")
    return _MULTIPLIER.get(written.strip().rstrip("."), 1) if written else 1


# what stands before a period's own word: "gross", "per", "a", "/" ("an" of "annually" is none)
_PERIOD_LEAD = re.compile(r"^\s*(?:(?:gross|net)\s*)?(?:/|(?:per|an|a|each)(?![a-z]))?\s*")


def _period(match: re.Match[str]) -> Period | None:
    for name in ("p1", "p2"):
        written = match.groupdict().get(name)
        if written:
            word = _PERIOD_LEAD.sub("", written).strip()
            return _PERIODS.get(word)
    return None


def _sum(match: re.Match[str], start: int, *, marked: bool) -> Money | None:
    low = _amount(match.group("n1"))
    first = _suffix(match, 1)
    second_text = match.groupdict().get("n2")
    if second_text:
        high = _amount(second_text)
        second = _suffix(match, 2)
        if second > 1 and first == 1 and low * second <= high * second and low < 1000:
            first = second  # "$70-90k": the k is for both ends
        elif first > 1 and second == 1 and high < 1000:
            second = first  # "$70k-90"
        elif first == second == 1 and (unit := _left_out(match.group("n1"), second_text)):
            low *= unit  # "$80-100,000", "49-53.000 €", "₹8-12,00,000": the thousands are written once
        low, high = low * first, high * second
        scale = max(first, second)
    else:
        low = high = low * first
        scale = first
    if second_text and 0 < high < low:
        money_after = high >= 1000 or _MARK_BETWEEN.search(match.string, match.end("n1"), match.start("n2"))
        if first == second and 2 * high >= low and money_after:
            # "$110,000 - $90,000": two sums of one size written the wrong way round (not
            # "$50/hr - 40 hours")
            return Money(start, match.end(), high, low, _period(match), marked, False, scale)
        # "£30,000 (pro rata) and 25 days": the first figure alone
        parts = match.groupdict()
        first_end = max(match.end(name) for name in ("n1", "s1", "c1", "p1") if parts.get(name))
        period = _period(match) if parts.get("p1") else None
        return Money(start, first_end, low, low, period, marked, False, first)
    if low <= 0 or high < low:
        return None
    return Money(start, match.end(), low, high, _period(match), marked, False, scale)


def _merge_sums(found: list[Money]) -> list[Money]:
    """One sum per place: where two readings overlap, the one that starts first (then the longer)."""
    kept: list[Money] = []
    for money in sorted(found, key=lambda m: (m.start, -m.end)):
        if kept and money.start < kept[-1].end:
            if money.end > kept[-1].end and money.is_range and not kept[-1].is_range:
                kept[-1] = money
            continue
        kept.append(money)
    return kept


def _clause(scan: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of text around a sum that its words belong to (at most 80 before, 40 after)."""
    begin = max(0, start - 80)
    for boundary in _CLAUSE_END.finditer(scan, begin, start):
        begin = boundary.end()
    # "p.a." ends a sum and, when a space follows, its sentence too
    after = _CLAUSE_END.search(scan, end - 1 if scan.endswith(".", 0, end) else end, min(len(scan), end + 40))
    return begin, after.start() if after else min(len(scan), end + 40)


class _Words:
    """Spans of one word list, sorted, with a quick look-up of the nearest one."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def before(self, begin: int, start: int) -> int | None:
        """How far before ``start`` the nearest span inside [begin, start) ends."""
        index = bisect.bisect_left(self.starts, start) - 1
        while index >= 0:
            span_start, span_end = self.spans[index]
            if span_start < begin:
                return None
            if span_end <= start:
                return start - span_end
            index -= 1
        return None

    def after(self, end: int, stop: int) -> int | None:
        """How far after ``end`` the nearest span starting in [end, stop) starts."""
        index = bisect.bisect_left(self.starts, end)
        if index < len(self.starts) and self.starts[index] < stop:
            return self.starts[index] - end
        return None


def _header_field(money: Money, scan: str) -> int | None:
    """Where the field a sum opens ends, when the sum is salary-sized and opens a field of a
    header line ("Acme | Customer Success | Remote | $52k": two bars or more before it on
    its line, which does not start with one, as a table's rows do); None otherwise."""
    low, high = _SALARY_SIZED
    if not (money.marked and low <= money.low and money.high < high):
        return None
    if _FIELD_BEFORE.search(scan, max(0, money.start - _FIELD_REACH), money.start) is None:
        return None
    line = max(scan.rfind("\n", 0, money.start), scan.rfind("\r", 0, money.start)) + 1
    if scan.count("|", line, money.start) < 2 or scan[line : money.start].lstrip().startswith("|"):
        return None
    ends = [found for found in (scan.find(mark, money.end) for mark in "|\n\r") if found != -1]
    return min(ends, default=len(scan))


#: What every sum `find_money` reads without a currency code or symbol has: a figure
#: with a k, a lakh, thousands (in figures or a word: "tys.", "万"), five digits or
#: more, or a period after it. (Symbols are looked for apart: one pattern for both
#: costs four times as much.)
_MONEY_CUE = re.compile(
    rf"\d(?:\s?k(?![a-z])|[,.' ]\d{{3}}|\d{{4}}|\s?(?:lakh|lpa|lac|{_THOUSAND_WORDS})|{_PERIOD})"
)


def may_hold_money(scan: str) -> bool:
    """Whether the prepared text may hold a sum without a currency code (a quick test
    that spares `find_money` the texts with none)."""
    return any(symbol in scan for symbol in SYMBOLS) or _MONEY_CUE.search(scan) is not None


def _is_pay(money: Money, scan: str, pay_words: _Words, other: _Words) -> bool:
    if money.scale >= 1_000_000_000 or money.high < 5:
        return False
    field_end = _header_field(money, scan)
    if field_end is not None:  # the field alone tells: "$500k ARR" is no pay, "$52k + bonus" is
        other_after = other.after(money.end, field_end)
        return other_after is None or _SEPARATE.search(scan, money.end, money.end + other_after) is not None
    begin, stop = _clause(scan, money.start, money.end)
    pay_before = pay_words.before(begin, money.start)
    other_before = other.before(begin, money.start)
    other_after = other.after(money.end, min(stop, money.end + 25))
    pay_after = pay_words.after(money.end, min(stop, money.end + 25))
    if (
        other_after is not None
        and (pay_after is None or other_after < pay_after)
        and not _SEPARATE.search(scan, money.end, money.end + other_after)
    ):
        return False  # "$5,000 learning stipend", "$500k quota" (but not "$90k plus bonus")
    if (
        other_before is not None
        and (pay_before is None or other_before < pay_before)
        and not _SEPARATE.search(scan, money.start - other_before, money.start)
        and not (money.period == "hour" and pay_before is not None)  # "Earnings vary by client, $14/hour"
    ):
        return False  # "ACV of $25,000-$100,000" (but not "equipment to use on day one, $90k - $110k")
    if money.scale >= 1_000_000:
        return pay_before is not None
    if pay_before is not None or pay_after is not None or money.period is not None:
        return True
    return money.marked and (money.is_range or _under_pay_label(money, scan, pay_words, other))


#: A sum alone at the head of its block: only spaces and list marks before it
_BLOCK_HEAD = re.compile(r"[\s•·*-]*$")
#: The line above a blank line that labels what follows: a colon at its end (bold or
#: not), or two words at most ("## Salary", "<h3>Base pay</h3>")
_LABEL_END = re.compile(r":[\s*_]*$")
_LABEL_WORDS = 2


def _under_pay_label(money: Money, scan: str, pay_words: _Words, other: _Words) -> bool:
    """Whether a sum heads the block under a label of pay alone ("<p>Salary:</p><p>$90,000</p>",
    or "## Base pay" with the sum in the next block): a pay word in the label and no word
    for other money ("Compensation & Bonus:" labels more than pay, so the words round the
    sum decide)."""
    block = scan.rfind("\n", 0, money.start)
    if block == -1 or not _BLOCK_HEAD.match(scan, block + 1, money.start):
        return False
    label_end = len(scan[:block].rstrip())
    label_start = scan.rfind("\n", 0, label_end) + 1
    label = scan[label_start:label_end]
    if not (_LABEL_END.search(label) or len(label.strip("#*_ ").split()) <= _LABEL_WORDS):
        return False
    past = label_end + 1
    return pay_words.before(label_start, past) is not None and other.before(label_start, past) is None


def _min_max(sums: list[Money], scan: str) -> list[Money]:
    """ "Minimum $X ... Maximum $Y" as one range."""
    joined: list[Money] = []
    index = 0
    while index < len(sums):
        money = sums[index]
        following = sums[index + 1] if index + 1 < len(sums) else None
        if (
            following is not None
            and not money.is_range
            and not following.is_range
            and following.start - money.end <= 120
            and following.low > money.low
            and _MIN.search(scan, max(0, money.start - 30), money.start)
            and _MAX.search(scan, max(money.end, following.start - 30), following.start)
        ):
            joined.append(
                Money(
                    money.start,
                    following.end,
                    money.low,
                    following.high,
                    money.period or following.period,
                    money.marked,
                    False,
                    max(money.scale, following.scale),
                )
            )
            index += 2
            continue
        joined.append(money)
        index += 1
    return joined


Span = tuple[int, int]


def _marked_sums(scan: str, codes: Sequence[Span], limit: int) -> list[Money]:
    """The sums written with a currency symbol, or a currency code before or after them.

    At a symbol both readings are tried - the sum after it and the sum before it - and
    `_merge_sums` keeps the one that starts first ("60.000 € **25 days**" is a sum of
    60.000, not of 25).
    """
    found: list[Money] = []
    for symbol in SYMBOLS:
        if symbol not in scan:
            continue
        position = scan.find(symbol)
        while position != -1 and len(found) < limit:
            if _FIGURE_BEFORE.search(scan, max(0, position - 6), position):
                money = _sum_before(_BEFORE_SYMBOL, scan, position, position + 1)
                if money is not None:
                    found.append(money)
            match = _AT_MARK.match(scan, position)
            if match is None:
                position = scan.find(symbol, position + 1)
                continue
            prefix = _SYMBOL_PREFIX.search(scan, max(0, position - 4), position)
            money = _sum(match, prefix.start() if prefix else position, marked=True)
            if money is not None:
                found.append(money)
            # on after the sum; where its first figure stood alone, the second is read again
            position = scan.find(symbol, match.end() if money is None else money.end)
    for code_start, code_end in codes[:limit]:
        match = _AT_MARK.match(scan, code_start)
        money = _sum(match, code_start, marked=True) if match is not None else None
        if money is None:  # "47,000.00 - 87,000.00 usd": the code after the sum
            money = _sum_before(_BEFORE_CODE, scan, code_start, code_end)
        if money is not None:
            found.append(money)
    return found


def _sum_before(pattern: re.Pattern[str], scan: str, mark_start: int, mark_end: int) -> Money | None:
    """The sum that ends at the currency mark ``scan[mark_start:mark_end]``, with a period after the mark."""
    before = pattern.search(scan, max(0, mark_start - 60), mark_start)
    if before is not None and _unlike_ends(before):  # "2025 - 45.000 €": a year, then the sum
        before = pattern.search(scan, before.start("n2"), mark_start)
    money = _sum(before, before.start(), marked=True) if before is not None else None
    if money is None or before is None:
        return None
    if money.end < before.end():  # its first figure alone: the mark is the second one's
        return money
    period = _PERIOD_AFTER.match(scan, mark_end)
    return Money(
        money.start,
        period.end() if period else mark_end,
        money.low,
        money.high,
        money.period or (_period(period) if period else None),
        True,
        False,
        money.scale,
    )


def _unlike_ends(match: re.Match[str]) -> bool:
    """Whether a range's low end is a plain number and its high end one with thousands
    separators ("2025 - 45.000"): two numbers, not the two ends of one sum (unless the
    low end leaves its thousands out: "49-53.000")."""
    low, high = match.group("n1"), match.group("n2")
    return bool(
        high
        and not match.group("s1")
        and _GROUPED_DIGITS.search(high)
        and not _GROUPED_DIGITS.search(low)
        and not _left_out(low, high)
    )


def _left_out(low: str, high: str) -> int:
    """What a range's low end is to be multiplied by when it is its high end's thousands
    (or lakhs) written alone, else 0: "80" of "$80-100,000" is 80,000, "8" of
    "₹8-12,00,000" is 8,00,000 (the high end has one group of thousands, or one of
    lakhs and one of thousands, and is at most ten times the low end so read)."""
    low, high = low.strip(), high.strip()
    if _ONE_GROUP.fullmatch(high) and _THOUSANDS_ONLY.fullmatch(low):
        unit = 1000
    elif _ONE_LAKH_GROUP.fullmatch(high) and _LAKHS_ONLY.fullmatch(low):
        unit = 100_000
    else:
        return 0
    least = int(low) * unit
    return unit if least <= _amount(high) <= 10 * least else 0


def _bare_sums(scan: str, pay_words: Sequence[Span], limit: int) -> list[Money]:
    """Sums with no currency after a pay word: "salary: 120k", "base pay 90,000-110,000"."""
    found: list[Money] = []
    for _, word_end in pay_words[:limit]:
        digit = _DIGIT.search(scan, word_end, word_end + 40)
        if digit is None or _NO_BARE_SUM.search(scan, word_end, digit.start()):
            continue
        match = _BARE.match(scan, digit.start())
        if match is None or _RETIREMENT.match(scan, match.start()):
            continue  # a 401(k) plan is not a sum
        money = _sum(match, match.start(), marked=False)
        if money is None:
            continue
        # right after its pay word ("Salary: 45-55,000", "Pay 180 per week", "Salary:
        # 60000 - 70000") a figure is the pay; further on, only a figure of pay's size is
        next_to = digit.start() - word_end <= _NEXT_TO_PAY_WORD
        low, high = match.group("n1"), match.group("n2")
        grouped = _GROUPED_DIGITS.search(low) or (next_to and high and _left_out(low, high))
        sized = money.period and (next_to or money.low >= _PERIOD_FLOOR[money.period])
        yearly = next_to and _salary_like(money, scan)
        if money.scale > 1 or grouped or sized or yearly:
            found.append(money)
    return found


def find_money(
    scan: str,
    codes: Sequence[Span],
    pay_words: Sequence[Span],
    other: Sequence[Span],
    *,
    neutral: Sequence[Span] = (),
    limit: int,
) -> list[Money]:
    """Every sum of money in ``scan`` (the first ``limit`` of each form), ``pay`` set for the role's pay.

    ``codes``, ``pay_words``, ``other`` and ``neutral`` are the spans, in order, of
    currency codes and words, of pay words, of words for other money and of phrases
    that hold a pay word without being pay (found by the caller with the other phrase
    lists). A pay word inside one of those ("range" of "range from") does not count.
    """
    if neutral:
        pay_words = [span for span in pay_words if not _inside(span, neutral)]
    glued = [  # a mark that starts its word ("rm5,000", not "form5,000")
        match.span()
        for match in itertools.islice(_GLUED_MARK.finditer(scan), limit)
        if not match.start() or not (scan[match.start() - 1].isalnum() or scan[match.start() - 1] in "_.")
    ]
    if glued:
        codes = sorted({*codes, *glued})
    sums = _min_max(_merge_sums(_marked_sums(scan, codes, limit) + _bare_sums(scan, pay_words, limit)), scan)
    pay_index, other_index = _Words(pay_words), _Words(other)
    result = []
    for money in sums:
        open_ended = not money.is_range and (
            bool(_UP_TO.search(scan, max(0, money.start - 20), money.start))
            or scan.startswith("+", money.end)
        )
        pay = _is_pay(money, scan, pay_index, other_index)
        result.append(
            Money(
                money.start,
                money.end,
                money.low,
                money.high,
                money.period,
                money.marked,
                open_ended,
                money.scale,
                pay,
            )
        )
    return result


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    """Whether ``span`` lies within one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (span[0], float("inf"))) - 1  # the last span starting at or before it
    return index >= 0 and spans[index][0] <= span[0] and span[1] <= spans[index][1]


_DIGIT = re.compile(r"\d")
#: What may follow a year's pay written without currency or grouping ("Salary: 60000 -
#: 70000 DOE"); any other word, a "+" or a bracket makes the figure a count ("25000+
#: users", "10000 customers", "12345 (employees)"). Our choice.
_AFTER_BARE_SALARY = re.compile(
    r"[^\S\r\n]*(?:$|[\r\n.,;]|(?:plus|depending|dependent|doe|negotiable|neg|gross|net|base|basic|ote|bonus)\b)"
)
#: Bare salaries are round: a multiple of this (our choice; a post code or a count
#: such as 94103 or 12345 is not).
_SALARY_STEP = 500


def _salary_like(money: Money, scan: str) -> bool:
    """Whether a figure with no currency or grouping, right after its pay word, reads
    as a year's pay: a year's pay in size, round, and followed by nothing that makes
    it a count."""
    return (
        _SALARY_SIZED[0] <= money.low <= money.high <= _SALARY_SIZED[1]
        and money.low % _SALARY_STEP == 0
        and money.high % _SALARY_STEP == 0
        and _AFTER_BARE_SALARY.match(scan, money.end) is not None
    )


_NO_BARE_SUM = re.compile(rf"{_SYMBOL}|\n\s*\n|[.!?;]\s")
_GROUPED_DIGITS = re.compile(r"\d[,.' ]\d{3}")
_THOUSANDS_ONLY = re.compile(r"[1-9]\d{0,2}")
_ONE_GROUP = re.compile(r"\d{1,3}[,.' \u00a0\u202f\u2009]\d{3}(?:[.,]\d{1,2})?")
_LAKHS_ONLY = re.compile(r"[1-9]\d?")
_ONE_LAKH_GROUP = re.compile(r"\d{1,2},\d{2},\d{3}(?:\.\d{1,2})?")
