"""Preparing posting text for the linter: one pass, positions kept.

Postings come as plain text, Markdown or HTML. `prepare` returns the text
with HTML tags, comments, scripts and styles blanked out character for character
(newlines kept), entities reduced the same way, and then lower-cased without
changing any length, so every match found in the prepared text sits at the same
offset in the text the user gave. It also reads inline suppression comments.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Prepared", "phrase_pattern", "prepare"]

_HIDDEN = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[a-z/!?][^<>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_SUPPRESS = re.compile(
    r"csm-roles:\s*(ignore-file|ignore)\b([ \t]+[a-z0-9][a-z0-9, \t-]*)?",
    re.IGNORECASE,
)
_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ENTITY_CHAR = {
    "amp": "&",
    "lt": "<",
    "gt": ">",
    "quot": '"',
    "apos": "'",
    "nbsp": " ",
    "ndash": "–",
    "mdash": "—",
}


_BLOCK = re.compile(
    r"</?(?:h[1-6]|p|li|ul|ol|div|br|tr|td|th|dt|dd|dl|section|article|header|footer|table|blockquote|pre)\b",
    re.I,
)


def _blank(match: re.Match[str]) -> str:
    """The same number of characters: spaces, newlines kept, and a block tag starts a line."""
    blank = "".join("\n" if char == "\n" else " " for char in match.group(0))
    if _BLOCK.match(match.group(0)):
        return "\n" + blank[1:]
    return blank


def _entity(match: re.Match[str]) -> str:
    name = match.group(0)[1:-1].lower()
    char = _ENTITY_CHAR.get(name, " ")
    return char + " " * (len(match.group(0)) - 1)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


@dataclass
class Prepared:
    """A posting ready for the rules: original text, scan text and line index."""

    original: str
    scan: str
    line_starts: list[int]
    ignore_lines: dict[int, set[str] | None] = field(default_factory=dict)
    ignore_file: set[str] | None = field(default_factory=set)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def suppressed(self, rule: str, offset: int | None) -> bool:
        """Whether an inline comment turns ``rule`` off here (or everywhere)."""
        if self.ignore_file is None or rule in self.ignore_file:
            return True
        if offset is None:  # a finding about the whole posting: any comment naming it counts
            return any(rules is not None and rule in rules for rules in self.ignore_lines.values())
        line, _ = self.position(offset)
        rules = self.ignore_lines.get(line, set())
        return rules is None or rule in rules


def _read_suppressions(prepared: Prepared) -> None:
    text = prepared.original
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
        line_text = text[prepared.line_starts[line - 1] : match.start()]
        own_line = not re.sub(r"<!--|#|//|\s", "", line_text)
        targets = [line]
        if own_line:  # a comment alone on its line covers the next line that has text
            following = line + 1
            while following <= len(prepared.line_starts) and not _line(prepared, following).strip():
                following += 1
            targets.append(following)
        for target in targets:
            current = prepared.ignore_lines.get(target, set())
            prepared.ignore_lines[target] = None if rules is None or current is None else current | rules


def _line(prepared: Prepared, number: int) -> str:
    start = prepared.line_starts[number - 1]
    end = prepared.line_starts[number] - 1 if number < len(prepared.line_starts) else len(prepared.original)
    return prepared.original[start:end]


def prepare(text: str) -> Prepared:
    """Blank out markup, lower-case, index lines and read suppression comments."""
    scan = text
    if "<" in scan:
        scan = _HIDDEN.sub(_blank, scan)
    if "&" in scan:
        scan = _ENTITY.sub(_entity, scan)
    starts = [0]
    find = text.find
    position = find("\n")
    while position != -1:
        starts.append(position + 1)
        position = find("\n", position + 1)
    prepared = Prepared(original=text, scan=_lower_same_length(scan), line_starts=starts)
    if "roles:" in text or "ROLES:" in text or "Roles:" in text:
        _read_suppressions(prepared)
    return prepared


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One compiled pattern for a list of phrases, for lower-cased text.

    Words are separated by spaces; ``a|b`` gives alternatives for one word. Between
    words any run of spaces, hyphens, slashes or commas is accepted; a phrase
    matches only whole words. Alternatives are grouped by their first letter, so the
    regex engine tries one small group at each position instead of every phrase.
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        words = phrase.lower().split()
        if not words:
            continue
        rest = "".join(
            _SEPARATOR + "(?:" + "|".join(re.escape(option) for option in word.split("|")) + ")"
            for word in words[1:]
        )
        for option in words[0].split("|"):
            groups.setdefault(option[0], []).append(re.escape(option[1:]) + rest)
    if not groups:
        return re.compile(r"(?!x)x")
    branches = []
    for first in sorted(groups):
        # longest first, so "rockstars" wins over "rockstar" and "rock star" over "rock"
        options = sorted(set(groups[first]), key=len, reverse=True)
        branches.append(re.escape(first) + "(?:" + "|".join(options) + ")")
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(branches) + r")(?![a-z0-9])")


_SEPARATOR = r"[\s\-/,.&'’]+"
