"""Finding the sections of a posting from its structure and its words.

A heading is found by its shape, then named by its words:

- a Markdown heading (``## ...``), a line in bold (``**...**``), an HTML heading
  or any short line that is not a sentence (markup is blanked, so a ``<h2>`` or a
  ``<p><b>...</b></p>`` is a short line of its own): at most fourteen words ending
  in a colon, or ten after a blank line or before a paragraph, and no full stop at
  the end; a line that holds a section phrase alone, capitalised ("Requirements") or
  as a data key ("qualifications: ["), wherever it stands, unless it is a list item;
- a fragment that opens a sentence or a line and ends, within fourteen words, in a
  colon (four words for a question mark): "To be successful in this role, you must
  have:", "What?";
- a heading run into the text, as postings whose line breaks were lost have them:
  a section phrase set in title case, with up to four title-case words before it,
  followed by a colon within a few words or by more title-case words, the first
  of the section ("... Manager. Basic Qualifications BS/BA degree ..."), or, where it
  opens a sentence, by a capital glued to it (".ResponsibilitiesUnleash ..."); or a
  section phrase, with at most four words before it from a sentence start, followed by
  the first marker of a list ("... prospect. What you'll Do · Conceptualize ...").

A heading names the section of the phrase that comes first in it ("Skills that
will make you successful in this role" is requirements, though "in this role"
names duties). Some words (``standalone``: "Skills", "Experience") name a section
only as a heading of their own line or at the start of a fragment ending in a
colon; others (``closing``: "We're looking for someone who") only where they close
the heading, as a lead-in to its list (one word may follow them: "who are:"), and
others (``opening``: "To succeed in this role") only where they open it. A
heading that names no section in particular ("Description", "Summary", "What?", or
a line of its own ending in a colon) takes the section its text reads
like: the number of items that open with duty words ("Manage", "Build") against
those that open with requirement words ("5+ years of", "Degree", "Ability to").
Headings of the other parts of a posting ("Benefits", "About us") are left alone.

Each step is a pass over the lines, a byte search, or a look-up among sorted
spans; words are looked up only inside the candidate headings and the text after
a generic one: linear in the posting.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Heading", "HeadingWords", "SectionWords", "find_sections"]

Span = tuple[int, int]
Found = Mapping[str, Sequence[Span]]
_LINE = re.compile(r"[^\r\n]+")
# the next line opens an item of a list: a YAML list, or a block of text that lists with
# stars ("tasks: >-" over "  * Demo the platform")
_LIST_BELOW = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)[ \t]*[-*] +\S")
_BULLET = re.compile(r"\s*(?:[-*•·▪‣◦]|\d{1,2}[.)])\s+")
_MARKS = " \t*_#>|•·-–—:=~"
_REST_OF_LINE = re.compile(rf"[{re.escape(_MARKS)}]*(?=[\r\n]|\Z)")  # only marks to the line's end
_EMOJI = "\u2190-\u2bff\U0001f000-\U0001faff\ufe0f"  # arrows, symbols, dingbats, pictographs
#: Emoji, with the spaces round them, that may end a heading: "What You'll Do ✅"
_SYMBOLS = re.compile(f"[ \t]?[{_EMOJI}]+[ \t]?")
#: The same just before a phrase: it opens an item of a list set with emoji ("🎉 Team Activities")
_SYMBOL_BEFORE = re.compile(f"[{_EMOJI}][ \t]*\\Z")
# round a key of data ('"requirements": [') or a bracketed heading, and the brackets and
# squares that set off a Japanese heading ("【業務内容】", "■応募資格")
_KEY_MARKS = "\"'[{(【】■□◆◇●"
_BODY = 1500  # how much text after a generic heading tells what it holds
# the full stops of Chinese and Japanese: a line that ends with one is a sentence
# ("応募資格に不安がある方もお気軽にご応募ください。"), whatever words it opens with
_SENTENCE_STOPS = ("。", "．")
# how many headings that name nothing have their items read, at most (our own bound: a
# posting has a few dozen headings; a text of thousands would cost a read for each)
_READ_AT_MOST = 200
_LINE_EVERY = 400  # text with fewer line breaks than one per this many characters has lost them
_REACH = 150  # how far back a heading's fragment may start
# a colon (or "?", "…") within a few words; after it a space, the end, the ";" that joins a
# scraped list's fields ("Requirements:; Min 2 years"), or a letter: see `_close_after`
# (each run of spaces is taken whole, `(?=(...))\N` standing for the possessive `[ \t]*+` that
# Python 3.10 lacks: no later part can match a space, and giving a long run back space by
# space, for a run of blanked markup after a heading word, took time growing with its square)
_CLOSE_AFTER = re.compile(
    r"(?=([ \t]*))\1(?:[\w&/'’,()-]+(?=([ \t]+))\2){0,7}?[\w&/'’()-]*(?=([ \t]*))\3"
    r"(?::-?|\?|…)(?=[\s;]|$|[^\W\d_])"
)
# a word of a heading set in title case: capitalised, or a small joining word
_TITLE_WORD = r"(?:[A-Z0-9][\w'’&/.-]*|and|&|of|the|for|in|to|your|you|our|required|preferred|,)"
#: Two words before a plural section phrase that still make a title line a heading: the
#: hire's possessive or a heading's adjective first ("Your Key Responsibilities", "Main
#: Job Duties", "Our Minimum Requirements"), or a heading's noun joined by "of" or "and" ("Summary of
#: Responsibilities", "Roles and Responsibilities"); a verb first makes a duty ("Gather
#: Business Requirements"), and "Our Social Responsibilities", "Rights and
#: Responsibilities" or "Segregation of Duties" are no section of a posting.
_TWO_BEFORE = re.compile(
    r"(?:your|the|my|key|main|primary|core|essential|general|minimum|basic) \S+"
    r"|our (?:key|main|primary|core|essential|general|minimum|basic)"
    r"|(?:summary|scope|overview|description|list|statement|outline) of"
    r"|(?:role|roles|job|position|duties|tasks|skills|knowledge|experience|education) (?:and|&)"
)
_TITLE_BEFORE = re.compile(rf"(?:{_TITLE_WORD}[ \t]*){{1,4}}$")
_TITLE_AFTER = re.compile(rf"(?:[ \t,]+{_TITLE_WORD}){{1,6}}")
_ITEM_AFTER_NUMBER = re.compile(r"\d[\d+\-–]*\s*$")
# a list marker: a bullet, or a number ("1.", "2)") before a space; a dash or an asterisk
# is left out, as prose uses them too ("Our requirements - like our process - are simple")
_LIST_MARK = r"(?:(?P<bullet>[•·▪‣◦●])|(?<![\w.,$£€%])\d{1,2}[.)](?=[ \t\xa0]))"
# a list's first marker right after a phrase: "What you'll Do · Conceptualize", "responsibilities 1. Own"
_LIST_AFTER = re.compile(rf"[ \t\xa0]*{_LIST_MARK}")
# a marker just before a fragment: the fragment may be an item of a list
_ITEM_BEFORE = re.compile(rf"{_LIST_MARK}[ \t\xa0]*$")
_ITEM_REACH = 12  # how far before a fragment its marker may stand
# one byte per character: "a" lower case, "A" capital, "." a sentence end (or a
# character outside ASCII, such as a bullet), "\n" a line break, " " a space or tab
_SHAPE = bytes(
    0x61
    if 0x61 <= c <= 0x7A
    else 0x41
    if 0x41 <= c <= 0x5A
    else 0x2E
    if c in b".!?;"
    else 0x0A
    if c in b"\r\n"
    else 0x20
    if c in b" \t"
    else 0x23
    for c in range(256)
)
_BOUNDARIES = ((b". ", 2), (b".\n", 2), (b"\n", 1), (b"  ", 2), (b"aA", 1), (b".A", 1))


@dataclass(frozen=True)
class Heading:
    """A heading found in the text: where it is, whether it has a line of its own, how it is set."""

    start: int
    end: int
    own_line: bool
    marked: bool  # Markdown, bold, a colon or question mark, or a list right after: set off as a heading


@dataclass(frozen=True)
class HeadingWords:
    """The heading words found in some regions: section phrases by section (besides
    the uncommon ones found everywhere), standalone, closing and opening words by
    section, generic words, and the headings of other parts."""

    sections: Found
    standalone: Found
    closing: Found
    opening: Found
    generic: Sequence[Span]
    other: Sequence[Span]


@dataclass(frozen=True)
class SectionWords:
    """Where the section vocabulary stands in a posting.

    ``sections`` holds the section phrases with an uncommon word, found in the
    whole posting; ``headings`` gives every other heading word inside some regions
    (None for the whole posting); ``content`` gives the item-opening words of each
    section inside one region.
    """

    sections: Found
    headings: Callable[[Sequence[Span] | None], HeadingWords]
    content: Callable[[Span], Found]


class _Index:
    """Sorted spans of one phrase list, for quick look-ups by place."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def inside(self, start: int, end: int) -> list[Span]:
        index = bisect.bisect_left(self.starts, start)
        found = []
        while index < len(self.spans) and self.spans[index][0] < end:
            if self.spans[index][1] <= end:
                found.append(self.spans[index])
            index += 1
        return found

    def holds(self, position: int) -> bool:
        """Whether one of the spans (not overlapping one another) holds ``position``."""
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.spans[index][1]


def _capitalised(original: str, start: int) -> bool:
    """Whether a word starts with a capital or a digit, or in a script with no case
    (Chinese and Japanese), where any word may open a heading."""
    if start >= len(original):
        return False
    char = original[start]
    return char.isupper() or char.isdigit() or "\u3040" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _fragment_start(shape: bytes, position: int) -> int | None:
    """Where the fragment holding ``position`` starts: after a sentence end, a line
    break, a wide gap or a bullet, or at a capital glued to the word before it
    ("sector.DescriptionThe"); None when that is more than `_REACH` back."""
    low = max(0, position - _REACH)
    best = 0 if low == 0 else -1
    for boundary, width in _BOUNDARIES:
        found = shape.rfind(boundary, low, position + 1)
        if found != -1:
            best = max(best, found + width)
    if best < 0:
        return None
    while best < position and shape[best] in b" \n":
        best += 1
    return best


def _line_heading(original: str, scan: str, start: int, end: int) -> Heading | None:
    """The line ``scan[start:end]`` as a heading, if it is set as one (see the module)."""
    text = scan[start:end]
    core = text.strip(_MARKS + "\r")
    if not core or len(core) > 120 or core.endswith(_SENTENCE_STOPS):
        return None
    raw = original[start:end].strip()
    if start and original[start - 1] == "<":  # a block tag opens the line: its "<" became the line break
        raw = "<" + original[start:end].rstrip()
    html = _HTML_HEADING.match(raw)
    if (
        raw.startswith("#")
        or (raw.startswith("**") and raw.rstrip(":").endswith("**"))
        or (raw.startswith("__") and raw.rstrip(":").endswith("__"))
        or (html and (html.group("level") or _BOLD_TO_END.search(raw)))
    ):
        return Heading(start, end, True, True)
    ends = text.rstrip(" \t*_\r")
    if _BULLET.match(text) is not None or ends.endswith((".", ",", ";")):
        return None
    colon = ends.endswith((":", ":-", ": -", "?"))
    words = len(core.split())
    if colon and words <= 14:
        return Heading(start, end, True, True)
    # a plain short line is a heading after a blank line, or before a blank line and a
    # paragraph: the last item of a list whose bullets were lost ("Other duties as
    # assigned") follows the item before it, and the next heading follows it
    if words <= 10 and (_after_blank_line(scan, start) or _before_paragraph(scan, end)):
        return Heading(start, end, True, False)
    return None


_NEXT_PARAGRAPH = re.compile(r"[ \t]*\r?\n[ \t]*\r?\n\s*([^\r\n]{0,400})")


def _before_paragraph(scan: str, end: int) -> bool:
    """Whether a blank line follows the line ending at ``end``, and then a long line or a sentence."""
    following = _NEXT_PARAGRAPH.match(scan, end)
    if following is None:
        return False
    line = following.group(1).rstrip()
    return len(line.split()) > 10 or line.endswith(".")


_HTML_HEADING = re.compile(r"(?:<[^<>]*>\s*)*<(?:(?P<level>h[1-6])|strong|b)\b", re.IGNORECASE)
#: Bold that runs to the end of its line, but for tags and a colon: a heading, not a
#: sentence that opens in bold ("<b>Skills</b> matter less to us than ...").
_BOLD_TO_END = re.compile(r"</(?:strong|b)>[\s:]*(?:<[^<>]*>[\s:]*)*$", re.IGNORECASE)


def _after_blank_line(scan: str, start: int) -> bool:
    """Whether the line starting at ``start`` opens the text or follows a blank line."""
    before = scan[max(0, start - 200) : start].rstrip(" \t\r\n")
    if not before:
        return True
    gap = scan[max(0, start - 200) + len(before) : start]
    return gap.count("\n") + gap.replace("\r\n", "\n").count("\r") >= 2


class _Lines:
    """The bounds of the lines of a text, from its line breaks, found on first use.

    Searching for the breaks around each phrase instead would read a text with no
    line breaks to both ends for every phrase in it.
    """

    def __init__(self, scan: str) -> None:
        self.scan = scan
        self.breaks: list[int] | None = None
        self._headings: dict[int, Heading | None] = {}
        self._solid: dict[int, int] = {}

    def of(self, start: int, end: int) -> Span:
        """The bounds of the line holding ``scan[start:end]``."""
        if self.breaks is None:
            text = self.scan.replace("\r", "\n") if "\r" in self.scan else self.scan
            self.breaks = []
            found = text.find("\n")
            while found != -1:  # (a loop of finds is ten times quicker than a regular expression here)
                self.breaks.append(found)
                found = text.find("\n", found + 1)
        breaks = self.breaks
        first = bisect.bisect_left(breaks, start)
        after = bisect.bisect_left(breaks, end, first)
        return breaks[first - 1] + 1 if first else 0, breaks[after] if after < len(breaks) else len(self.scan)

    def heading(self, original: str, line: Span) -> Heading | None:
        """`_line_heading` of a whole line, read once however many phrases stand on it."""
        if line[0] not in self._headings:
            self._headings[line[0]] = _line_heading(original, self.scan, *line)
        return self._headings[line[0]]

    def alone(self, span: Span, line: Span) -> bool:
        """`_alone_on_line` for a whole line, where its first character other than marks
        stands read once (a long run of marks would be read again for each phrase)."""
        if line[0] not in self._solid:
            marks = _ONLY_KEY_MARKS.match(self.scan, *line)
            self._solid[line[0]] = marks.end() if marks is not None else line[0]
        if self._solid[line[0]] < span[0]:
            return False
        return _ONLY_KEY_MARKS.fullmatch(self.scan, span[1], line[1]) is not None


_SHORT_LINE = re.compile(r"(?m)^[^\S\r\n]*[^\s][^\r\n]{0,130}$")


def _line_headings(original: str, scan: str) -> list[Heading]:
    headings = []
    for line in _SHORT_LINE.finditer(scan):
        heading = _line_heading(original, scan, line.start(), line.end())
        if heading is not None:
            headings.append(heading)
    return headings


def _colons(original: str, scan: str) -> list[tuple[int, int]]:
    """The colons (and "?", "…") that may end a heading: not in a time or a web address.

    A mark inside markup (``href="https://..."``) is none. What follows a mark is read in
    ``scan``, where markup is blanked, so "<b>You have:</b> five years" ends a heading at
    the colon; its case is read in ``original``.
    """
    found = []
    for mark in (":", "?", "…"):
        position = original.find(mark)
        while position != -1:
            if scan[position] != mark:  # blanked: inside a tag
                position = original.find(mark, position + 1)
                continue
            end = position + 1
            if mark == ":" and original.startswith("-", end):
                end += 1
            following = scan[end : end + 1]
            previous = original[position - 1 : position]
            if (not following or following.isspace() or following == ";" or original[end].isupper()) and not (
                previous.isdigit() or previous == "/"
            ):
                found.append((position, end))
            position = original.find(mark, position + 1)
    return sorted(found)


_HEAD_BEFORE_COLON = re.compile(r"[A-Z][\w'’&/.-]*(?:[ \t]+[\w'’&/.-]+){0,3}[ \t]*$")


def _colon_headings(original: str, scan: str, shape: bytes) -> list[Heading]:
    """Short fragments ending in a colon (or "?", "…"), each opening a sentence, as run-in headings.

    Where the fragment runs on from text without a full stop ("... customer experience
    You have: 5+ years"), its last few words from a capital stand for it.
    """
    headings = []
    for colon_start, colon_end in _colons(original, scan):
        start = _fragment_start(shape, colon_start)
        limit = 4 if original[colon_start] == "?" else 14
        if start is None or len(scan[start:colon_start].split()) > limit or not _capitalised(original, start):
            head = _HEAD_BEFORE_COLON.search(original, max(0, colon_start - 60), colon_start)
            start = head.start() if head is not None else None
        if start is not None and start < colon_start:
            headings.append(Heading(start, colon_end, False, True))
    return headings


def _in_capitals(original: str, span: Span) -> bool:
    """Whether a phrase is set in capitals, as a heading is ("DEIN PROFIL"): two words or
    more, each of two letters or more, all capitals, which sets it apart from the sentence
    before it (one word in capitals may be a value: "TRUST. OWNERSHIP. RESPONSIBILITY")."""
    words = original[span[0] : span[1]].split()
    return len(words) > 1 and all(len(word) > 1 and word.isupper() for word in words)


def _ends_set_off(original: str, scan: str, shape: bytes, start: int, span: Span) -> bool:
    """Whether a heading phrase (its heading from ``start``) is set off from what follows:
    a capital glued to it, where the line break after it was lost (".ResponsibilitiesUnleash
    ...", "What You'll Do ✅Engagement", "... umzusetzen DEIN PROFILDu hast"), or, set in
    capitals at the start of a fragment, the end of its line ("... des projets.
    SAVOIR-FAIRE ET SAVOIR-ÊTRE")."""
    end = span[1]
    symbols = _SYMBOLS.match(original, end)  # an emoji that closes the heading ("What You'll Do ✅")
    if symbols is not None and _SYMBOL_BEFORE.search(original, max(0, start - 3), start):
        symbols = None  # "🎉 Team Activities 🍕 Free Lunch": emoji between items, not after a heading
    glued = symbols.end() if symbols is not None else end
    capitals = _in_capitals(original, span)
    if original[glued : glued + 1].isupper():
        return capitals or _fragment_start(shape, start) == start
    return capitals and _REST_OF_LINE.match(scan, end) is not None and _fragment_start(shape, start) == start


def _run_in(original: str, scan: str, shape: bytes, span: Span) -> Heading | None:
    """The heading a section phrase inside running text makes, if it is set as one.

    It is one when a colon follows within a few words ("Responsibilities and duties:"),
    or when it is set in title case and more title-case words follow, the first
    words of the section ("Basic Qualifications BS/BA degree", "Skills, Qualifications,
    and Experiences Experience working ..."), or a capital glued to it, where the line
    break after it was lost, or when it is set in capitals and ends its line (see
    `_ends_set_off`), or when it ends a line that holds at most one title-case word
    besides, or two that make a heading ("Key Accountabilities" or "Your Key
    Responsibilities" over the first duty, with no blank line between: see
    `_title_line`). Up to four title-case words before it belong to it. Where a list
    starts right after it, see `_listed`.
    """
    start, end = span
    after = _LIST_AFTER.match(original, end)
    if after is not None:
        listed = _listed(original, scan, shape, span, after.group("bullet") is not None)
        if listed is not None:
            return listed
    before = _TITLE_BEFORE.search(original, max(0, start - 60), start)
    if before is not None:
        # the title words stop at a full stop that ends a sentence ("Kunden. Dein Profil")
        stop = original.rfind(". ", before.start(), start)
        start = before.start() if stop == -1 else stop + 2
        while start < span[0] and not _capitalised(original, start):
            start += 1  # begin at a capitalised word
    if not _capitalised(original, start):
        return None
    close = _close_after(original, scan, end)
    if close is not None:
        return Heading(start, close.end(), False, True)
    if not _capitalised(original, span[0]):
        return None
    if _ends_set_off(original, scan, shape, start, span):
        return Heading(start, end, False, False)
    heading_line = _title_line(scan, start, span)
    if heading_line is not None:
        return heading_line
    after = _TITLE_AFTER.match(original, end)
    if after is not None and re.search(r"[A-Z0-9]", after.group(0)):
        return Heading(start, end, False, False)
    return None


def _title_line(scan: str, start: int, span: Span) -> Heading | None:
    """The line a section phrase ends, as a heading, when it holds at most one title-case
    word before the phrase ("Key Accountabilities", "MINIMUM QUALIFICATIONS"), or two
    led by a word that makes a heading of them (`_TWO_BEFORE`: "Your Key
    Responsibilities", "Summary of Responsibilities"), and the phrase names things in
    the English plural, as a heading over a list does ("Jury Duty" in a list of
    benefits, "Take Responsibility" among values, "Gather Business Requirements" as a
    duty are no headings). A phrase alone on its line, in any language, is read by
    `_heading_at`."""
    rest = _REST_OF_LINE.match(scan, span[1])
    if rest is None or scan[span[1] - 1] not in "sS":
        return None
    before = scan[start : span[0]].split()
    if len(before) > 2 or (len(before) == 2 and not _TWO_BEFORE.fullmatch(" ".join(before))):
        return None
    line_start = start
    while line_start and scan[line_start - 1] in _MARKS:
        line_start -= 1
    if (line_start and scan[line_start - 1] not in "\r\n") or _BULLET.match(scan, line_start) is not None:
        return None
    return Heading(start, rest.end(), True, False)


def _close_after(original: str, scan: str, end: int) -> re.Match[str] | None:
    """The colon that closes a heading within a few words of ``end`` (`_CLOSE_AFTER`). A
    letter right after it must be a capital, where flattened text lost the line break
    ("Who are we looking for?Candidate must ..."), not a word going on ("note:see")."""
    close = _CLOSE_AFTER.match(scan, end)
    if close is None:
        return None
    following = original[close.end() : close.end() + 1]
    return None if following.isalpha() and not _capitalised(original, close.end()) else close


def _listed(original: str, scan: str, shape: bytes, span: Span, bullet: bool) -> Heading | None:
    """The heading a section phrase ends when a list starts right after it (with a bullet
    when ``bullet``, else a number), in text that lost its line breaks ("... prospect.
    What you'll Do · Conceptualize ..."): the phrase and at most four words before it,
    from where a sentence starts. Where that sentence follows a marker of the same kind,
    it is an item of the list ("• Own our responsibilities • ...", "2. Meet compliance
    requirements 3. ..."), no heading; a numbered heading over bullets ("1. Requirements
    • ...") is one."""
    start = _fragment_start(shape, span[0])
    if start is None or not _capitalised(original, start) or len(scan[start : span[0]].split()) > 4:
        return None
    before = _ITEM_BEFORE.search(original, max(0, start - _ITEM_REACH), start)
    if before is not None and (before.group("bullet") is not None) == bullet:
        return None
    return Heading(start, span[1], False, True)


def _opens_item(original: str, start: int) -> bool:
    """Whether a word opens an item of a list: it is capitalised, or follows a number ("5+ years")."""
    return (
        original[start].isupper() or _ITEM_AFTER_NUMBER.search(original, max(0, start - 8), start) is not None
    )


def _read_like(original: str, content: Found) -> str | None:
    """The section a stretch of text reads like, by the words its items open with."""
    counts = {
        name: sum(1 for start, _ in spans if _opens_item(original, start)) for name, spans in content.items()
    }
    if not counts:
        return None
    best = max(counts, key=lambda name: counts[name])
    others = max((count for name, count in counts.items() if name != best), default=0)
    if counts[best] >= 2 and counts[best] >= 1.5 * others:
        return best
    return None


def _covers(spans: Sequence[Span], scan: str, heading: Heading) -> bool:
    """Whether standalone heading words make up most of a heading line."""
    words = len(re.findall(r"[^\W_]+", scan[heading.start : heading.end]))
    covered = sum(len(re.findall(r"[^\W_]+", scan[start:end])) for start, end in spans)
    return covered * 2 >= words


def _leads(scan: str, heading: Heading, start: int) -> bool:
    """Whether a phrase opens its heading (nothing but marks before it)."""
    return not scan[heading.start : start].strip(_MARKS)


class _Names:
    """The phrases that name headings, by section; "" for the headings of other parts."""

    def __init__(self, sections: Found, found: HeadingWords) -> None:
        self.sections = {
            name: _Index(sorted([*spans, *found.sections.get(name, ())])) for name, spans in sections.items()
        }
        self.standalone = {name: _Index(spans) for name, spans in found.standalone.items()}
        self.closing = {name: _Index(spans) for name, spans in found.closing.items()}
        self.opening = {name: _Index(spans) for name, spans in found.opening.items()}
        self.other = _Index(found.other)

    def of(self, heading: Heading, scan: str) -> set[str] | None:
        """The sections a heading names ("" for a part that is no section), or None when it names none.

        The phrase that comes first in the heading names it, the longest where two
        start together.
        """
        candidates: list[tuple[int, int, str]] = []
        for name, index in self.sections.items():
            candidates += [
                (start, start - end, name) for start, end in index.inside(heading.start, heading.end)
            ]
        for name, index in self.standalone.items():
            spans = index.inside(heading.start, heading.end)
            if heading.own_line and not heading.marked:
                spans = spans if _covers(spans, scan, heading) else []
            elif not heading.own_line:
                spans = [(s, e) for s, e in spans if _leads(scan, heading, s) or e >= heading.end - 2]
            candidates += [(start, start - end, name) for start, end in spans]
        for name, index in self.closing.items():
            candidates += [
                (start, start - end, name)
                for start, end in index.inside(heading.start, heading.end)
                if len(scan[end : heading.end].strip(_MARKS + "?").split()) <= 1
            ]
        for name, index in self.opening.items():
            candidates += [
                (start, start - end, name)
                for start, end in index.inside(heading.start, heading.end)
                if _leads(scan, heading, start)
            ]
        candidates += [
            (start, start - end, "") for start, end in self.other.inside(heading.start, heading.end)
        ]
        if not candidates:
            return None
        first = min(candidates)[:2]
        return {name for start, length, name in candidates if (start, length) == first}


_ONLY_KEY_MARKS = re.compile(f"[{re.escape(_MARKS + _KEY_MARKS)}\r]*")


def _alone_on_line(scan: str, span: Span, line: Span) -> bool:
    """Whether a phrase stands alone on its ``line`` (its bounds), but for marks and the
    quotes or brackets of a key. (Matched in place: a copy of each side would cost the
    length of the line for every phrase on it.)"""
    line_start, line_end = line
    return (
        _ONLY_KEY_MARKS.fullmatch(scan, line_start, span[0]) is not None
        and _ONLY_KEY_MARKS.fullmatch(scan, span[1], line_end) is not None
    )


#: A key at the start of a line of program source, and the quote that opens its string
#: value: `title: "What we need",`, `'responsibilities-title' => 'Je missie:',`, a
#: template literal (`` description: `...` ``), a line commented out (`// title: '...'`);
#: not a quotation in prose (`Our founder asks: "What we need?"`).
# (each run of spaces follows a mark that must stand there: three runs side by side, as
# "[ \t]*(?://+|#)?[ \t]*[{\[(,]?[ \t]*", share out a long run of blanked markup in time
# growing with its cube)
_VALUE_KEY = re.compile(
    r"""[ \t]*(?:(?://+|#)[ \t]*)?(?:[{\[(,][ \t]*)?(["']?)[\w$.-]{1,60}\1[ \t]*(?::|=>|=)[ \t]*(["'`])"""
)
_VALUE_CLOSES = re.compile(r"[ \t]*[,;)\]]*[ \t]*")
_VALUE_REACH = 200  # how far before and after a phrase its string may open and close


def _quoted_value(scan: str, span: Span, line: Span) -> Span | None:
    """The bounds of the string a phrase stands in, when the string is the value of a key
    that opens its ``line`` and closes it (but for a comma, a bracket or a semicolon);
    None otherwise."""
    key = _VALUE_KEY.match(scan, line[0], span[0])
    if key is None or span[0] - key.end() > _VALUE_REACH:
        return None
    quote = key.group(2)
    if scan.find(quote, key.end(), span[0]) != -1:
        return None  # the string closed before the phrase
    closes = scan.find(quote, span[1], min(line[1], span[1] + _VALUE_REACH))
    if closes == -1 or _VALUE_CLOSES.fullmatch(scan, closes + 1, line[1]) is None:
        return None
    return key.end(), closes


def _heading_at(original: str, scan: str, shape: bytes, span: Span, lines: _Lines) -> Heading | None:
    """The heading a section phrase stands in, if it stands in one: its own line, a
    fragment ending in a colon, or a run-in heading."""
    line_start, line_end = lines.of(*span)
    heading = lines.heading(original, (line_start, line_end))
    if heading is not None:
        return heading
    alone = lines.alone(span, (line_start, line_end))
    quoted = _quoted_value(scan, span, (line_start, line_end))
    if quoted is not None:  # a posting kept in program source: the string is the line
        line_start, line_end = quoted
        heading = _line_heading(original, scan, line_start, line_end)
        if heading is not None:
            return heading
        alone = _alone_on_line(scan, span, quoted)
    if (
        alone
        and _BULLET.match(scan, line_start) is None
        and (_capitalised(original, span[0]) or scan.find(":", span[1], line_end) != -1)
    ):  # the phrase alone on its line, set as a heading ("Requirements") or a data key ('duties: [')
        return Heading(line_start, line_end, True, False)
    close = _close_after(original, scan, span[1])
    if close is not None:
        start = _fragment_start(shape, span[0])
        if start is not None and len(scan[start : span[0]].split()) <= 10 and _capitalised(original, start):
            return Heading(start, close.end(), False, True)
    return _run_in(original, scan, shape, span)


def find_sections(
    original: str, scan: str, cased: str, words: SectionWords, keys: Sequence[Span] = ()
) -> set[str]:
    """The names of the sections the posting has (see the module for how).

    Most postings name their sections plainly: each section phrase found is checked
    for standing in a heading, until every section is found. Only when one is still
    missing are all the headings of the posting gathered and read. ``cased`` is the
    text with its markup blanked and its case kept (`Prepared.cased`): where sentences
    and lines start is read from it, so "<p><b>You have:</b>" starts a fragment.
    No heading starts in ``keys``, the lines of front matter that set a key
    (`Prepared.keys`): "title: ... - Job Description" is the page's title, and names
    no section (the lines of a value that runs on below its key may). A key that is
    a section phrase alone, over a list ("responsibilities:" then "  - Own renewals"),
    holds that section.
    """
    shape = cased.encode("ascii", "replace").translate(_SHAPE)
    found: set[str] = set()
    unsure: list[Heading] = []
    settings = _Index(keys)
    lines = _Lines(scan)
    for name, spans in words.sections.items():
        for span in spans:
            if settings.holds(span[0]):
                line = lines.of(*span)
                if lines.alone(span, line) and _LIST_BELOW.match(scan, line[1]):
                    # a key holding the section's list ("responsibilities:" over "  - Own renewals")
                    found.add(name)
                    break
                continue
            heading = _heading_at(original, scan, shape, span, lines)
            if heading is None:
                continue
            if _leads(scan, heading, span[0]):  # nothing comes before it: it names the heading
                found.add(name)
                break
            unsure.append(heading)
    if unsure and not found >= set(words.sections):
        names = _Names(words.sections, words.headings([(h.start, h.end) for h in unsure]))
        for heading in unsure:
            found |= (names.of(heading, scan) or set()) - {""}
    if found >= set(words.sections):
        return found
    return found | _every_heading(original, scan, shape, words, settings, keys)


def _gather(
    original: str,
    scan: str,
    shape: bytes,
    words: SectionWords,
    found: HeadingWords,
    line_headings: list[Heading],
    colon_headings: list[Heading],
) -> list[Heading]:
    """Every heading of the posting: its heading lines and its fragments ending in a colon
    (found by the caller), and the headings run into the text."""
    headings = list(line_headings)
    lines = [(heading.start, heading.end) for heading in headings]
    starts = [start for start, _ in lines]

    def covered(start: int, end: int) -> bool:
        index = bisect.bisect_right(starts, start) - 1
        return index >= 0 and lines[index][1] >= end

    headings += [h for h in colon_headings if not covered(h.start, h.end)]
    run_in = [
        *words.sections.values(),
        *found.sections.values(),
        *found.standalone.values(),
        *found.closing.values(),
        *found.opening.values(),
    ]
    # a generic word opens a run-in heading only where a fragment starts: "Summary Track record ..."
    run_in.append([span for span in found.generic if _fragment_start(shape, span[0]) == span[0]])
    for spans in run_in:
        for span in spans:
            if not covered(*span):
                heading = _run_in(original, scan, shape, span)
                if heading is not None:
                    headings.append(heading)
    return sorted(headings, key=lambda heading: heading.start)


def _key_headings(scan: str, keys: Sequence[Span]) -> list[Heading]:
    """The keys of front matter that hold a list ("tasks: >-" over "  * Demo the platform"),
    each a heading of its list, as a bold line is of the list below it."""
    headings = []
    for start, end in keys:
        colon = scan.find(":", start, end)
        if colon != -1 and _LIST_BELOW.match(scan, end):
            indent = len(scan[start:colon]) - len(scan[start:colon].lstrip())
            headings.append(Heading(start + indent, colon + 1, True, True))
    return headings


def _every_heading(
    original: str, scan: str, shape: bytes, words: SectionWords, settings: _Index, keys: Sequence[Span]
) -> set[str]:
    """The sections named by, or read under, every heading of the posting.

    Headings run into the text are only looked for in all of it where the text has
    lost its line breaks; elsewhere the lines and the fragments ending in a colon
    hold every heading there is. The keys of front matter that hold a list are
    headings too (`_key_headings`).
    """
    line_headings = _line_headings(original, scan)
    key_headings = _key_headings(scan, keys)
    held_lists = set(key_headings)
    colon_headings = _colon_headings(original, scan, shape) + key_headings
    flattened = scan.count("\n") + scan.count("\r") < len(scan) // _LINE_EVERY
    if flattened:
        found = words.headings(None)
    else:
        found = words.headings([(heading.start, heading.end) for heading in line_headings + colon_headings])
    headings = [
        heading
        for heading in _gather(original, scan, shape, words, found, line_headings, colon_headings)
        if not settings.holds(heading.start) or heading in held_lists
    ]
    names = _Names(words.sections, found)
    named = [names.of(heading, scan) for heading in headings]
    generic = _Index(found.generic)
    # where the next heading that names something starts, after each heading
    following = [len(scan)] * len(headings)
    for number in range(len(headings) - 2, -1, -1):
        after = headings[number + 1]
        following[number] = after.start if named[number + 1] is not None else following[number + 1]
    present: set[str] = set()
    reads = 0
    for number, heading in enumerate(headings):
        if named[number] is not None:
            present |= named[number] - {""}  # type: ignore[operator]
        elif (
            present < set(words.sections)
            and reads < _READ_AT_MOST
            and ((heading.marked and heading.own_line) or generic.inside(heading.start, heading.end))
        ):
            reads += 1
            end = min(following[number], heading.end + _BODY)
            section = _read_like(original, words.content((heading.end, end)))
            if section is not None:
                present.add(section)
    return present
