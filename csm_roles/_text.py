"""Preparing posting text for the linter: positions kept, every step linear.

Postings come as plain text, Markdown or HTML. `prepare` makes ``scan``, the text
the rules read, with the same length as the text given, so every match found in it
sits at the same offset in the user's text:

- HTML tags, comments, scripts and styles are blanked out character for character
  (line breaks kept; a block tag starts a line). A comment, script or style left
  open hides the rest of the text, as it does in a browser. Markup stored escaped,
  as the APIs of applicant-tracking systems return it (``&lt;p&gt;``), is read as
  markup: its marks are decoded in place first (``source``);
- web addresses ("https://…", "www.…") are blanked too: the words of a link's
  address ("…?heroEntityKey=…", "/jobs/ninja-wanted") are not the posting's words;
- a page's front matter (the settings between ``---`` or ``+++`` lines that open a
  Markdown page of a site generator) is blanked line by line, except the lines whose
  key the rules file names as posting text (its title, place, pay: see `prepare`);
- entities (``&amp;``) become their character followed by spaces;
- a posting stored as an escaped string, its line breaks written ``\\n`` (a JSON or
  YAML string kept as it was quoted), has each read as a line break, where it holds
  `_ESCAPED_BREAKS` of them or more;
- typographic apostrophes and quotes become plain ones, as does the full-width colon
  ("岗位职责："), and everything is lower case, except a capital glued to the word
  before it ("starterStrong", from text whose line breaks were lost): it stays, and
  ends that word. Where the word before is lower-case letters only ("spiritWinner
  mindset"), the capital starts a word too, and its offset is kept in ``joins``;
  inside a name ("ShipHero", "iPhone") it does not (`_glued_capitals` says exactly
  when).

``\\r\\n``, ``\\r`` and ``\\n`` each end a line; line and column count characters of
the text given. `prepare` also reads inline suppression comments.

Each step looks at every character a bounded number of times: markup is found with
plain searches that never go back over text already passed, so no input (an
unclosed ``<!--`` repeated a million times included) takes more than linear time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add

from ._phrases import word_bytes

__all__ = ["Prepared", "prepare"]

_TAG_START = re.compile(r"<(?:!--|[a-z/!?])")
_RAW_TEXT = re.compile(r"<(script|style)\b")
_TAG_REST = re.compile(r"[^<>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});")
_BLOCK = re.compile(
    r"</?(?:h[1-6]|p|li|ul|ol|div|br|tr|td|th|dt|dd|dl|section|article|header|footer|table|blockquote|pre)\b"
)
_LINE_END = re.compile(r"\r\n|\r|\n")
#: An escaped tag ("&lt;p&gt;", "&lt;/li&gt;"), and the escaped marks of markup, each
#: decoded to one character padded to its length: "<" last, so that it opens the tag
#: after it; ">" first, so that it closes the tag before it; "&" last, so that an
#: entity escaped twice ("&amp;nbsp;") is an entity again.
_ESCAPED_TAG = re.compile(r"&lt;/?[a-z]", re.IGNORECASE)
_ESCAPED_MARK = re.compile(r"&(?:lt|gt|amp);", re.IGNORECASE)
_UNESCAPED = {"&lt;": "   <", "&gt;": ">   ", "&amp;": "    &"}
_REAL_TAG = re.compile(_TAG_START.pattern, re.IGNORECASE)  # a tag's start, in text of any case
#: The escaped block tags a posting stored escaped is built of; inside a tag of a scraper's
#: own, at least `_ESCAPED_BLOCKS` of them tell it from a page that names a tag or two.
_ESCAPED_BLOCK = re.compile(r"&lt;/?(?:p|li|ul|ol|div|br|h[1-6])\b", re.IGNORECASE)
_ESCAPED_BLOCKS = 3
#: How many line breaks written "\n" make a text an escaped string (our own threshold: a
#: posting has more lines than this; a page that shows one in a code example has fewer).
_ESCAPED_BREAKS = 5
#: An escaped tag whose text a browser hides up to its closer: decoded with no closer, it
#: would hide the rest of the posting ("embed it with a &lt;script&gt; tag").
_ESCAPED_RAW = re.compile(r"&lt;(/?)(script|style|title|textarea)\b", re.IGNORECASE)
#: A web address, up to the white space, bracket or quote that ends it (a Markdown
#: link's closing bracket included), less the full stop or comma of the sentence after it.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]{}\"'`]*[^\s<>()\[\]{}\"'`.,;:!?]")
#: The line that opens front matter, and the lines that may close it.
_FENCE = re.compile(r"\ufeff?(---|\+\+\+)[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)")
_CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
#: A line of front matter that sets a key: YAML's "key: value", TOML's "key = value" (or
#: "key=value"); either may quote the key.
_SETTING = re.compile(r"[\"']?([A-Za-z0-9_][\w.-]*)[\"']?[ \t]*(?::(?:[ \t]|$)|=)")
#: A key set inside another key's value: indented, perhaps as an item of a list
#: ("    content: >-", "  - title: Sales"). Group 1 is the indent, group 2 the key.
_NESTED_SETTING = re.compile(r"([ \t]*(?:-[ \t]+)?)[\"']?([A-Za-z0-9_][\w.-]*)[\"']?[ \t]*:(?:[ \t]|$)")
#: A YAML block of text after a key: "|" or ">", perhaps with its chomping and indent marks.
_BLOCK_SCALAR = re.compile(r"[ \t]*[|>][-+0-9]*[ \t]*(?:#[^\r\n]*)?$")
#: How a line inside a blanked key of front matter stands: the indent of the key whose
#: block of text it may be in, and whether that block is read (-1: in no block).
_Nested = tuple[int, bool]
#: A TOML string over many lines opens or closes on a line with an odd count of these.
_LONG_QUOTES = ('"""', "'''")
#: The words of a key: "baseSalary" -> base, Salary; "sub_heading" -> sub, heading.
_KEY_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_SUPPRESS = re.compile(
    r"csm-roles:[ \t]*(ignore-file|ignore)\b([ \t]+[a-z0-9][a-z0-9, \t-]*)?",
    re.IGNORECASE,
)
_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COMMENT_MARKS = re.compile(r"<!--|#|//|\s")
_ENTITY_CHAR = {
    "amp": "&",
    "lt": "<",
    "gt": ">",
    "quot": '"',
    "apos": "'",
    "nbsp": " ",
    "ndash": "–",
    "mdash": "—",
    "rsquo": "'",
    "lsquo": "'",
    "rdquo": '"',
    "ldquo": '"',
}
# typographic quotes, and the full-width colon that Chinese and Japanese headings end with
_PLAIN_MARKS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("：", ":"))
_PLAIN_MARK = dict(_PLAIN_MARKS)
# one byte per character: "a" for a lower-case ASCII letter, "A" for a capital, else space
_SHAPE_TABLE = bytes(0x61 if 0x61 <= c <= 0x7A else 0x41 if 0x41 <= c <= 0x5A else 0x20 for c in range(256))


def _blank(region: str) -> str:
    """Spaces of the same length, with the line breaks of ``region`` kept."""
    if "\n" not in region and "\r" not in region:
        return " " * len(region)
    return re.sub(r"[^\r\n]", " ", region)


def _markup_spans(scan: str) -> list[tuple[int, int]]:
    """Where the tags, comments, scripts and styles of (lower-cased) ``scan`` are."""
    spans: list[tuple[int, int]] = []
    position = 0
    end_of_text = len(scan)
    while True:
        start_match = _TAG_START.search(scan, position)
        if start_match is None:
            return spans
        start = start_match.start()
        if scan.startswith("<!--", start):
            close = scan.find("-->", start + 4)
            end = end_of_text if close == -1 else close + 3
        elif (raw := _RAW_TEXT.match(scan, start)) is not None:
            close = scan.find(f"</{raw.group(1)}", raw.end())
            if close == -1:
                end = end_of_text
            else:
                closing = _TAG_REST.match(scan, close + 1)
                end = close + 2 + len(raw.group(1)) if closing is None else closing.end()
        else:
            rest = _TAG_REST.match(scan, start + 1)
            if rest is None:  # "a < b" or "<a" with no ">" before the next "<": not a tag
                position = start + 1
                continue
            end = rest.end()
        spans.append((start, end))
        if end == end_of_text:
            return spans
        position = end


#: Markup found in a text: (start, end, whether it is a block tag, which starts a line).
Markup = list[tuple[int, int, bool]]


def _markup(scan: str) -> Markup:
    return [(start, end, _BLOCK.match(scan, start) is not None) for start, end in _markup_spans(scan)]


def _without_markup(text: str, markup: Markup) -> str:
    """``text`` with its markup blanked: each block tag a line break, every other character a space."""
    parts: list[str] = []
    done = 0
    for start, end, block in markup:
        parts.append(text[done:start])
        region = _blank(text[start:end])
        if block:
            region = "\n" + region[1:]
        parts.append(region)
        done = end
    parts.append(text[done:])
    return "".join(parts)


def _entity(match: re.Match[str]) -> str:
    name = match.group(0)[1:-1]
    char = _ENTITY_CHAR.get(name, " ")
    if name.startswith("#"):
        number = int(name[2:], 16) if name.startswith("#x") else int(name[1:])
        decoded = chr(number).lower() if 0 < number < 0x110000 else " "
        decoded = _PLAIN_MARK.get(decoded, decoded)
        char = decoded if len(decoded) == 1 and decoded.isprintable() else " "
    return char + " " * (len(match.group(0)) - 1)


def _unescaped_markup(text: str) -> str:
    """``text`` with escaped markup decoded in place (the same length), when it is markup
    stored escaped: escaped tags, and no tag that is not, or only tags that wrap the
    whole of it round at least `_ESCAPED_BLOCKS` escaped block tags (a scraper may put
    the escaped posting in a "<p>" of its own). In a page with tags of its own
    elsewhere, an escaped tag is a code example ("embed it with a &lt;script&gt; tag"),
    shown as text; so is any text where an escaped script, style, title or textarea is
    never closed, which decoded would hide the rest. ``text`` itself then."""
    if "&" not in text or _ESCAPED_TAG.search(text) is None:
        return text
    if _REAL_TAG.search(text) is not None and not (
        _only_wrapped(text) and len(_ESCAPED_BLOCK.findall(text)) >= _ESCAPED_BLOCKS
    ):
        return text
    if _ESCAPED_RAW.search(text) is not None:  # "&lt;script&gt;" named in the text, never closed?
        last_closer = {
            found.group(2).lower(): found.start() for found in _ESCAPED_RAW.finditer(text) if found.group(1)
        }
        for opener in _ESCAPED_RAW.finditer(text):
            if not opener.group(1) and last_closer.get(opener.group(2).lower(), -1) < opener.start():
                return text
    return _ESCAPED_MARK.sub(lambda mark: _UNESCAPED[mark.group().lower()], text)


def _only_wrapped(text: str) -> bool:
    """Whether the tags of ``text`` all stand at its start or its end, round the rest."""
    start, end = 0, len(text)
    while True:  # the tags that open it
        while start < end and text[start].isspace():
            start += 1
        if not text.startswith("<", start):
            break
        close = text.find(">", start, end)
        if close == -1:
            return False
        start = close + 1
    while True:  # the tags that close it
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or text[end - 1] != ">":
            break
        opening = text.rfind("<", start, end)
        if opening == -1:
            break
        end = opening
    return _REAL_TAG.search(text, start, end) is None


def _lower_same_length(text: str) -> str:
    # "İ" is the one character that grows when lower-cased (to "i" and a combining dot)
    return (text.replace("İ", "i") if "İ" in text else text).lower()


#: A word of three capitals or more, glued to a capitalised word after it: "DEIN PROFILDu
#: hast", "AUFGABENBEREICHBei uns" (a heading set in capitals, its line break lost).
_CAPITALS_BEFORE = re.compile(rb"(?<![Aa])A{3,}(?=Aa)")


def _after_capitals(text: str, scan: str, shape: bytes) -> str:
    """``scan`` with the capital that starts a word glued to a word of capitals put back,
    so that it ends the word of capitals, as a capital glued to a lower-case word does
    ("PROFILDu" is read as "profil", then "Du"). Two capitals are not enough: "KPIs",
    "CEOs" and "IBMers" stay whole."""
    parts: list[str] = []
    done = 0
    for run in _CAPITALS_BEFORE.finditer(shape):
        capital = run.end()
        if scan[capital - 1].isalpha() and scan[capital].isalpha():  # not inside blanked markup
            parts += [scan[done:capital], text[capital]]
            done = capital + 1
    return "".join(parts) + scan[done:] if parts else scan


def _glued_capitals(text: str, scan: str) -> tuple[str, tuple[int, ...]]:
    """``scan`` with the capitals that follow a lower-case letter in ``text`` put back,
    and the offsets of those that join two words (see the module).

    A capital joins two words when the word before it is lower-case ASCII letters
    only, at least two, from a word boundary or from the join before it ("results" in
    "resultsFree", "Persuasion" in "mindsetPersuasionSelf"), and a lower-case letter
    follows it. A word holding another capital ("ShipHero", "iPhoneHero") or starting
    after a letter outside ASCII ("ÜberHero") is a name. One pass: each stretch of
    ``shape`` between two glued capitals is read once.
    """
    shape = text.encode("ascii", "replace").translate(_SHAPE_TABLE)
    if b"AAAAa" in shape:
        scan = _after_capitals(text, scan, shape)
    found = shape.find(b"aA")
    if found == -1:
        return scan, ()
    parts: list[str] = []
    joins: list[int] = []
    done = 0
    word_start = 0  # where the word holding the next glued capital starts
    at_join = False  # that word starts at a join
    lower = True  # that word has no capital after its first letter, so far
    read = 0  # shape is read up to here
    while found != -1:
        capital = found + 1
        gap = shape.rfind(b" ", read, capital)
        if gap != -1:  # a new word
            word_start, at_join, lower = gap + 1, False, True
        lower = lower and b"A" not in shape[max(read, word_start + 1) : capital]
        read = capital + 1
        if scan[found].islower() and scan[capital].isalpha():  # not inside blanked markup
            parts.append(scan[done:capital])
            parts.append(text[capital])
            done = capital + 1
            starts_word = at_join or (
                shape[word_start] == 0x61 and (word_start == 0 or not text[word_start - 1].isalnum())
            )
            word_after = shape[capital + 1 : capital + 2] == b"a"
            if lower and starts_word and capital - word_start >= 2 and word_after:
                joins.append(capital)
                word_start, at_join = capital, True  # the word after the join starts here
            else:
                lower = False  # a capital inside a name
        else:
            lower = False
        found = shape.find(b"aA", capital)
    parts.append(scan[done:])
    return "".join(parts), tuple(joins)


@dataclass
class Prepared:
    """A posting ready for the rules: the text given, the text the rules read, and its lines."""

    original: str
    scan: str
    words: bytes
    #: The text given with escaped markup decoded in place ("&lt;p&gt;" -> "   <p>   "),
    #: the same length (the text given itself when it has none): where the shape of its
    #: lines is read from.
    source: str
    joins: tuple[int, ...] = ()
    #: The lines of front matter kept as text that set a key ("title: ..."), each
    #: (start, end): a page's settings, never a heading of the posting.
    keys: tuple[tuple[int, int], ...] = ()
    ignore_lines: dict[int, set[str] | None] = field(default_factory=dict)
    ignore_file: set[str] | None = field(default_factory=set)
    markup: Markup = field(default_factory=list)
    _line_starts: list[int] | None = None
    _cased: str | None = None

    @property
    def cased(self) -> str:
        """The text given with its markup blanked as in ``scan``, its case and characters kept:
        what the shape of its lines and sentences is read from (built on first use)."""
        if self._cased is None:
            self._cased = _without_markup(self.source, self.markup) if self.markup else self.source
        return self._cased

    @property
    def line_starts(self) -> list[int]:
        """Offsets where the lines of the original text start (built on first use)."""
        if self._line_starts is None:
            text = self.original
            if "\r" in text:
                self._line_starts = [0, *(match.end() for match in _LINE_END.finditer(text))]
            else:  # each line's start: the lengths of the lines before it, one break after each
                self._line_starts = [0, *accumulate(map(add, map(len, text.split("\n")[:-1]), repeat(1)))]
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def suppressed(self, rule: str, offset: int | None) -> bool:
        """Whether an inline comment turns ``rule`` off here (or everywhere)."""
        if self.ignore_file is None or rule in self.ignore_file:
            return True
        if not self.ignore_lines:
            return False
        if offset is None:  # a finding about the posting as a whole: any comment naming it counts
            return any(rules is not None and rule in rules for rules in self.ignore_lines.values())
        line, _ = self.position(offset)
        rules = self.ignore_lines.get(line, set())
        return rules is None or rule in rules

    def line_text(self, number: int) -> str:
        """The text of line ``number`` (1-based), without its line break."""
        starts = self.line_starts
        start = starts[number - 1]
        if number < len(starts):
            end = starts[number]
            text = self.original[start:end]
            return text.rstrip("\r\n") if text.endswith(("\n", "\r")) else text
        return self.original[start:]


def _read_suppressions(prepared: Prepared) -> None:
    text = prepared.source  # an escaped comment ("&lt;!-- ... --&gt;") decoded, at the same offsets
    last_line = 0
    for match in _SUPPRESS.finditer(text):
        names = match.group(2)
        rules: set[str] | None = None
        if names and names.strip():
            rules = {name for name in re.split(r"[\s,]+", names.strip().lower()) if _RULE_ID.fullmatch(name)}
        if match.group(1).lower() == "ignore-file":
            if rules is None:
                prepared.ignore_file = None
            elif prepared.ignore_file is not None:
                prepared.ignore_file |= rules
            continue
        line, _ = prepared.position(match.start())
        # alone on its line: only comment marks before it (looked at once per line)
        own_line = line != last_line and not _COMMENT_MARKS.sub(
            "", text[prepared.line_starts[line - 1] : match.start()]
        )
        last_line = line
        targets = [line]
        if own_line:  # a comment alone on its line covers the next line that has text
            following = line + 1
            count = len(prepared.line_starts)
            while following <= count and not prepared.line_text(following).strip():
                following += 1
            targets.append(following)
        for target in targets:
            current = prepared.ignore_lines.get(target, set())
            prepared.ignore_lines[target] = None if rules is None or current is None else current | rules


def _front_matter(text: str, keep: Collection[str]) -> tuple[Markup, list[tuple[int, int]]]:
    """The lines of the front matter opening ``text`` that are settings, not posting text,
    and the lines kept as text that set a key.

    Front matter opens with a line of ``---`` (YAML) or ``+++`` (TOML) and closes with
    the same line (or ``...`` for YAML); each line between sets a key, goes on the one
    before (indented, or a list item), is a comment or a TOML table, or is blank. A
    block with any other line, or never closed, is no front matter (a Markdown rule
    over prose): nothing is returned. A key's lines are kept when one of its words is
    in ``keep`` (a value may run over many lines: a whole posting in a "description"
    block); of its key, only those words are kept ("hero" of "hero_title" is blanked).
    Inside a key that is not kept, a key set deeper that is, and that holds a block of
    text ("blocks:" then "  - type: text" then "    content: >-", as a site builder's
    page stores its blocks), is kept with the lines of its block.
    The fences, comments, every other key's lines and the other words of kept keys
    are returned, in order, each line read once.
    """
    opening = _FENCE.match(text)
    if opening is None:
        return [], []
    closers = _CLOSERS[opening.group(1)]
    blanked: Markup = [(0, opening.end(), False)]
    kept: list[tuple[int, int]] = []
    setting = True  # whether the lines of the current key are settings (blanked)
    # inside a blanked key: the indent of a key set in it whose block of text is read
    # (True) or is not (False); the lines indented deeper are that text. -1: none.
    nested: _Nested = (-1, False)
    in_string = False  # inside a TOML string over many lines
    position, size = opening.end(), len(text)
    while position < size:
        line = _LINE.match(text, position)
        assert line is not None  # the pattern matches at any place, if only the empty line
        start, position = line.start(), line.end()
        content = line.group().rstrip()
        if content in closers and not in_string:
            blanked.append((start, position, False))
            return blanked, kept
        if not content:
            continue
        if in_string or content[0] in " \t-]}":  # goes on the key before: indented, an item, a closing
            blank = setting
            if setting and not in_string:
                blank, nested = _in_blanked_key(content, start, nested, keep, kept)
        elif content.startswith(("#", "[")):  # a comment, a TOML table
            blank = True
        else:
            key = _SETTING.match(content)
            if key is None:
                return [], []
            nested = (0, False) if _BLOCK_SCALAR.match(content, key.end()) else (-1, False)
            words = [(word, word.group().lower() in keep) for word in _KEY_WORDS.finditer(key.group(1))]
            setting = blank = not any(keep_word for _, keep_word in words)
            if not setting:
                kept.append((start, start + len(content)))
                offset = start + key.start(1)
                blanked += [
                    (offset + w.start(), offset + w.end(), False) for w, keep_word in words if not keep_word
                ]
        if sum(content.count(quotes) for quotes in _LONG_QUOTES) % 2:
            in_string = not in_string
        if blank:
            blanked.append((start, position, False))
    return [], []


def _in_blanked_key(
    content: str, start: int, nested: _Nested, keep: Collection[str], kept: list[tuple[int, int]]
) -> tuple[bool, _Nested]:
    """A line inside the value of a key that is not kept (``content``, at ``start``):
    whether it is blanked, and the block of text it is in or opens (see `_front_matter`).

    Only a key that holds a block of text (``content: >-`` then its lines) is read, and
    only when its name holds a word of ``keep``: a one-line value inside settings is
    a setting ("nav:" then "  - title: Support"); the lines of a block that is not read
    are text, never keys ("schema: |" over JSON). A key read joins ``kept``."""
    indent = len(content) - len(content.lstrip(" \t"))
    if 0 <= nested[0] < indent:
        return not nested[1], nested  # a line of the block's text
    inner = _NESTED_SETTING.match(content)
    if inner is None or _BLOCK_SCALAR.match(content, inner.end()) is None:
        return True, (-1, False)
    if not any(word.group().lower() in keep for word in _KEY_WORDS.finditer(inner.group(2))):
        return True, (len(inner.group(1)), False)
    kept.append((start, start + len(content)))
    return False, (len(inner.group(1)), True)


def _merged(spans: Markup) -> Markup:
    """Sorted spans, those that overlap joined (a tag opened in a line of front matter
    kept as text may close in a line blanked after it)."""
    merged: Markup = []
    for start, end, block in sorted(spans):
        if merged and start < merged[-1][1]:
            first, last, opens = merged[-1]
            merged[-1] = (first, max(last, end), opens)
        else:
            merged.append((start, end, block))
    return merged


def _links(scan: str) -> Markup:
    """The web addresses of ``scan`` (each where "http" or "www." opens a word), as markup.

    Found by plain searches for those openings (a pattern search would try every
    character of the text), each then read to its end; the search goes on after the
    end of an address, so no character is read twice ("www." inside an address is
    part of it).
    """
    links: Markup = []
    openings = {opening: scan.find(opening) for opening in ("http", "www.")}
    position = 0
    while True:
        for opening, place in openings.items():  # each opening's next place, from position on
            if place != -1 and place < position:
                openings[opening] = scan.find(opening, position)
        places = [place for place in openings.values() if place != -1]
        if not places:
            return links
        start = min(places)
        match = _URL.match(scan, start)
        before = scan[start - 1 : start]
        if match is None or before.isalnum() or before in ("_", "@", "."):
            position = start + 1
            continue
        links.append((start, match.end(), False))
        position = match.end()


def prepare(text: str, front_matter: Collection[str] = ()) -> Prepared:
    """Blank out markup, fold case and quotes, and read suppression comments (see the module).

    ``front_matter`` holds the words of the front-matter keys whose lines are posting
    text (a rule set's ``front_matter``); the other lines of front matter are blanked.
    """
    source = _unescaped_markup(text)
    if source.count("\\n") >= _ESCAPED_BREAKS:  # the same length: spaces for the marks
        source = source.replace("\\r\\n", "   \n").replace("\\n", " \n").replace("\\t", "  ")
    scan = _lower_same_length(source)
    has_comments = "csm-roles:" in scan
    for typographic, plain in _PLAIN_MARKS:
        if typographic in scan:
            scan = scan.replace(typographic, plain)
    settings, keys = (
        _front_matter(text, front_matter) if text.startswith(("---", "+++", "\ufeff")) else ([], [])
    )
    if settings:  # first: a tag inside a blanked line is a setting's, not the posting's
        scan = _without_markup(scan, settings)
    markup = _markup(scan) if "<" in scan else []
    if markup:
        scan = _without_markup(scan, markup)
    if settings:
        markup = _merged(settings + markup)
    links = _links(scan)
    if links:  # in text already without tags, so no address overlaps a tag
        scan = _without_markup(scan, links)
        markup = sorted(markup + links)
    if "&" in scan:
        scan = _ENTITY.sub(_entity, scan)
    scan, joins = _glued_capitals(text, scan)
    prepared = Prepared(
        original=text,
        scan=scan,
        words=word_bytes(scan),
        source=source,
        joins=joins,
        keys=tuple(keys),
        markup=markup,
    )
    if has_comments:
        _read_suppressions(prepared)
    return prepared
