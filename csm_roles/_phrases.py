"""Phrase lists: how a rules file spells them, how they are checked, and how they match.

A phrase is words separated by spaces; ``a|b`` offers alternatives for one word.
Every alternative starts and ends with a letter or digit and holds only letters,
digits and the joiners ``' - . &`` inside ("self-starter", "we're", "r&d"). A phrase
matches whole words, ignoring case; between its words, and at a joiner, any run of
white space and the punctuation in `SEPARATORS` may stand, so "work hard play
hard" matches "work hard, play hard" and "self starter" matches "self-starter".
Chinese and Japanese, written with no spaces between words, have no word to end: a
phrase that starts or ends with one of their characters (any from kana, U+3040, on)
may stand anywhere ("月給" in "月給30万円").

Why no accepted phrase list can make matching slow
--------------------------------------------------

Each list is compiled into one regular expression shaped like a trie: at every
point the branches begin with different letters, or with the separator run, whose
characters are never letters or digits. So at any place in a posting at most one
branch can go on, and the engine never tries two ways through the same text; when
a branch fails, it only steps back through the places it passed. A separator run
is followed by a letter or digit, so giving back its characters one by one fails at
once for each. Matching at one place therefore costs at most twice the text it
passes over, and that text spans at most `MAX_PHRASE_WORDS` words with the runs
between them: each character of a posting is passed over from at most that many
starting places. The work is linear in the posting, whatever the list holds; the
limits below only bound the size of the compiled pattern.

Where a match may start is found in one pass over `word_bytes` (the posting with
every character but ASCII letters and digits turned into a space), looking for
the first words of all lists at once; the pattern of a list is only tried there.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import AfterValidator

from ._limits import MAX_PHRASE_CHARS, MAX_PHRASE_FORMS, MAX_PHRASE_WORDS

__all__ = [
    "Found",
    "Matcher",
    "Phrase",
    "PhraseList",
    "Vocabulary",
    "Words",
    "by_key_word",
    "compile_phrases",
    "phrase_problem",
    "word_bytes",
]

_SEP = r"[\W_]+"
_JOINERS = frozenset("'-.&")
_MAX_WRITTEN = 2000
#: After a match: the next character is not a letter or digit. An upper-case letter
#: in the prepared text only survives where a word was glued to the one before it
#: ("starterStrong"), so it ends a word too.
_END = r"(?![^\W_A-Z])"
#: A character of Chinese or Japanese (scripts written with no spaces between words), or
#: any after them (U+3040 on): a phrase of ours holds Latin letters or these. One range,
#: as a class of the scripts' own ranges is slow to compile into each list's pattern
#: (127 M instructions more at start-up, measured with callgrind).
_CJK = "^\x00-\u303f"
#: `_END`, or the end of a character of `_CJK`.
_END_ANYWHERE = rf"(?:(?<=[{_CJK}])|{_END})"
_IS_CJK = re.compile(f"[{_CJK}]")

# ASCII letters and digits stay, every other byte is a space (upper case included: see _END)
_WORD_TABLE = bytes(c if (0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A) else 0x20 for c in range(256))


def word_bytes(scan: str) -> bytes:
    """The prepared text as bytes, one per character, with only lower-case ASCII words left.

    Padded with a space at both ends, so a word at offset ``i`` of ``scan`` is
    ``b" word "`` at offset ``i`` of the result (the pad shifts it by one, the space
    before it takes that place).
    """
    return b" " + scan.encode("ascii", "replace").translate(_WORD_TABLE) + b" "


def phrase_problem(phrase: object) -> str | None:
    """What is wrong with one phrase, or None when it is fine."""
    if not isinstance(phrase, str):
        return f"a phrase is text, got {type(phrase).__name__}"
    lowered = _fold(phrase)
    if len(lowered) > _MAX_WRITTEN:
        return f"a phrase may be at most {_MAX_WRITTEN} characters long as written"
    words = lowered.split()
    if not words:
        return "a phrase cannot be empty"
    if len(words) > MAX_PHRASE_WORDS:
        return f"a phrase may have at most {MAX_PHRASE_WORDS} words"
    longest = sum(max(len(option) for option in word.split("|")) for word in words) + len(words) - 1
    if longest > MAX_PHRASE_CHARS:
        return f"the longest spelling of a phrase may have at most {MAX_PHRASE_CHARS} characters"
    for word in words:
        for option in word.split("|"):
            if not option:
                return f"{word!r} has an empty alternative (write 'a|b', not 'a|' or '|b')"
            if not (option[0].isalnum() and option[-1].isalnum()):
                return f"{option!r} must start and end with a letter or digit"
            odd = sorted({char for char in option if not char.isalnum() and char not in _JOINERS})
            if odd:
                shown = " ".join(repr(char) for char in odd)
                return f"{option!r} holds {shown}; inside a word only letters, digits and ' - . & may stand"
    return None


def _check_phrase(phrase: str) -> str:
    problem = phrase_problem(phrase)
    if problem:
        raise ValueError(problem)
    return phrase


def _fold(phrase: str) -> str:
    """A phrase as the prepared text spells it: lower case, typographic apostrophes plain."""
    return phrase.lower().replace("’", "'").replace("‘", "'")


def _forms_count(phrase: str) -> int:
    return math.prod(len(word.split("|")) for word in _fold(phrase).split())


def _check_list(phrases: tuple[str, ...]) -> tuple[str, ...]:
    total = sum(_forms_count(phrase) for phrase in phrases)
    if total > MAX_PHRASE_FORMS:
        raise ValueError(
            f"the list spells out to {total:,} phrases once every a|b is expanded; "
            f"the limit is {MAX_PHRASE_FORMS:,}"
        )
    return phrases


#: One phrase of a rules file, checked as `phrase_problem` says.
Phrase = Annotated[str, AfterValidator(_check_phrase)]
#: A list of phrases (a tuple, so a rule set cannot be changed once loaded).
PhraseList = Annotated[tuple[Phrase, ...], AfterValidator(_check_list)]

_ATOM = re.compile(r"[^\W_]+")


def _forms(phrases: Iterable[str]) -> Iterator[tuple[str, ...]]:
    """Every spelling of the phrases, each as its words split at the joiners."""
    for phrase in phrases:
        options = [word.split("|") for word in _fold(phrase).split()]
        for choice in itertools.product(*options):
            atoms = tuple(atom for word in choice for atom in _ATOM.findall(word))
            if atoms:
                yield atoms


_SEP_KEY = "\0"


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    terminal: bool = False


def _trie(forms: Iterable[tuple[str, ...]]) -> _Node:
    root = _Node()
    for atoms in forms:
        node = root
        for index, atom in enumerate(atoms):
            if index:
                node = node.children.setdefault(_SEP_KEY, _Node())
            for char in atom:
                node = node.children.setdefault(char, _Node())
        node.terminal = True
    return root


def _emit(node: _Node) -> str:
    """The trie below ``node`` as a regular expression (longest spelling first)."""
    branches = []
    for key in sorted(node.children):
        child = node.children[key]
        run = [key]
        while len(child.children) == 1 and not child.terminal:  # a chain: one literal run
            key, child = next(iter(child.children.items()))
            run.append(key)
        literal = "".join(_SEP if part == _SEP_KEY else re.escape(part) for part in run)
        branches.append(literal + _emit(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if node.terminal:
        return "(?:" + body + ")?"
    return body


#: Words too common to look a phrase up by: a phrase that opens with one is looked
#: up by its first word not listed here ("in this role" by "role"). The choice
#: changes only the speed, never what matches.
_FUNCTION_WORDS = frozenset(
    b"""a an and are as at be by for from have in is it of on or our s that the this to we will with you
    your""".split()
)
#: Words common in postings: a list whose phrases are looked up by one of these is
#: better found only inside a few regions (see `by_key_word`).
_COMMON = _FUNCTION_WORDS | frozenset(
    b"""account accounts business client clients company customer customers data development experience
    help management manager new product products role sales service services skills solutions support team
    teams technical time work working years""".split()
)


@dataclass(frozen=True)
class Key:
    """How one spelling of a phrase is looked for: by one or two words of it (``words``,
    as `word_bytes` has them), found ``back`` words after the phrase's start; ``alone``
    when those words are the whole phrase and no longer phrase of the list starts
    with them, so finding them is finding the phrase."""

    words: tuple[bytes, ...]
    back: int
    alone: bool


_NEVER = re.compile(r"(?!x)x")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class Matcher:
    """One compiled phrase list.

    ``pattern.match(scan, i)`` finds the longest phrase starting at word start
    ``i``; ``keys`` say by which words of `word_bytes` a phrase is found;
    ``anywhere`` searches the whole text for the phrases that cannot be keyed (their
    first words are not plain ASCII); it holds no check that a match starts a word,
    which `_word_starts` makes. Each of those phrases holds a letter outside ASCII, so
    a text with none of ``rare_letters`` holds none of them and is not searched.

    ``pattern`` is built the first time it is used: it is tried only where a key word
    stands, and a posting has the key words of few lists (6 of the 59 built-in ones
    for the median posting of the corpus), so a one-off lint builds only those.
    """

    __slots__ = ("_forms", "_pattern", "anywhere", "keys", "rare_letters")

    def __init__(
        self,
        forms: Sequence[tuple[str, ...]],
        keys: tuple[Key, ...],
        anywhere: re.Pattern[str] | None,
        rare_letters: frozenset[str] = frozenset(),
    ) -> None:
        self._forms = forms
        self._pattern: re.Pattern[str] | None = None
        self.keys = keys
        self.anywhere = anywhere
        self.rare_letters = rare_letters

    @property
    def pattern(self) -> re.Pattern[str]:
        """The list as one regular expression (see the module), built on first use.

        Two threads may both build it; each gets an equal pattern, and one is kept.
        """
        pattern = self._pattern
        if pattern is None:
            pattern = re.compile(_emit(_trie(self._forms)) + _END) if self._forms else _NEVER
            self._pattern = pattern
        return pattern


_NO_KEYS = re.compile(rb"(?!x)x")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def _key(atoms: tuple[str, ...]) -> tuple[tuple[bytes, ...], int] | None:
    """The one or two words a spelling is found by (its first two, unless the first is a
    function word), and how many words into it they are."""
    plain = [bool(_ASCII_WORD.fullmatch(atom)) for atom in atoms]
    chosen = 0
    if atoms[0].encode() in _FUNCTION_WORDS:
        chosen = next(
            (i for i, atom in enumerate(atoms) if plain[i] and atom.encode() not in _FUNCTION_WORDS), 0
        )
    if not all(plain[: chosen + 1]):
        return None
    words = [atoms[chosen].encode("ascii")]
    if chosen + 1 < len(atoms) and plain[chosen + 1]:
        words.append(atoms[chosen + 1].encode("ascii"))
    return tuple(words), chosen


def by_key_word(phrases: Iterable[str]) -> tuple[list[str], list[str]]:
    """The phrases looked up by an uncommon word, and those looked up by a common one.

    A list's common-keyed phrases are cheaper looked for only inside a few regions
    of a posting (the candidate headings, say) than in all of it.
    """
    rare: list[str] = []
    common: list[str] = []
    for phrase in phrases:
        keys = [_key(atoms) for atoms in _forms([phrase])]
        plain = all(key is not None and key[0][0] not in _COMMON for key in keys)
        # a phrase in Chinese or Japanese is found by its characters, which only postings
        # in those scripts hold
        (rare if plain or _IS_CJK.match(phrase) else common).append(phrase)
    return rare, common


def compile_phrases(phrases: Iterable[str]) -> Matcher:
    """Compile a checked phrase list (see `phrase_problem`) into a `Matcher`."""
    phrases = list(phrases)
    _check_list(tuple(phrases))  # a list built in code, not read from a file, is held to the same limit
    forms = list(dict.fromkeys(_forms(phrases)))
    if not forms:
        return Matcher((), (), None)
    keyed: dict[tuple[tuple[bytes, ...], int], list[tuple[str, ...]]] = {}
    unkeyed: list[tuple[str, ...]] = []
    for atoms in forms:
        key = _key(atoms)
        if key is None:
            unkeyed.append(atoms)
        else:
            keyed.setdefault(key, []).append(atoms)
    # the spellings that start a longer one ("hit the ground" of "hit the ground running")
    starts = {atoms[:size] for atoms in forms for size in range(1, len(atoms))}
    keys = []
    for (words, back), group in keyed.items():
        spelled = tuple(word.decode("ascii") for word in words)
        alone = back == 0 and all(atoms == spelled for atoms in group) and spelled not in starts
        keys.append(Key(words, back, alone))
    # no look-behind first, so the search skips in C to the letters a phrase opens with;
    # that a match starts a word is checked after (see `_word_starts`)
    if not unkeyed:
        return Matcher(forms, tuple(keys), None)
    rare = frozenset(char for atoms in unkeyed for atom in atoms for char in atom if not char.isascii())
    cjk = any(_IS_CJK.match(char) for char in rare)
    anywhere = re.compile(_emit(_trie(unkeyed)) + (_END_ANYWHERE if cjk else _END))
    return Matcher(forms, tuple(keys), anywhere, rare)


Spans = list[tuple[int, int]]


@dataclass
class Found:
    """The matches of one list: the first ``keep`` spans, and how many there were in all."""

    spans: Spans = field(default_factory=list)
    total: int = 0


Entry = tuple[object, int, bool, int]  # list name, words back, alone, how many key words
_NEXT_WORD = re.compile(rb" +([a-z0-9]+)(?= )")
Region = tuple[int, int]


class Words:
    """One posting's words, with where each group's key words stand, found once per group.

    A group's key words are compiled into one trie-shaped pattern over `word_bytes`
    (``" (key|key...)(?= )"``), so one pass in C finds them all, in order.
    """

    def __init__(self, scan: str, words: bytes, joins: Sequence[int] = ()) -> None:
        self.scan = scan
        self.words = words
        self.joins = joins
        self._joined: list[bytes] | None = None
        self._groups: dict[int, tuple[list[bytes], list[int]]] = {}
        self._letters: frozenset[str] | None = None

    @property
    def letters(self) -> frozenset[str]:
        """The characters outside ASCII in the posting, read once: a list's phrases that
        no key word finds are looked for only where their letters are."""
        if self._letters is None:
            scan = self.scan
            self._letters = frozenset() if scan.isascii() else frozenset(_NON_ASCII.findall(scan))
        return self._letters

    def of(self, bit: int, keys: re.Pattern[bytes]) -> tuple[list[bytes], list[int]]:
        """Where one group's key words stand: the words and their offsets in scan, in order."""
        found = self._groups.get(bit)
        if found is None:
            found = self._groups[bit] = _hits(keys.finditer(self.words))
        return found

    def inside(self, keys: re.Pattern[bytes], regions: Sequence[Region]) -> tuple[list[bytes], list[int]]:
        """Where some key words stand inside some regions only (each region searched on its own)."""
        words = self.words
        hits: list[tuple[int, bytes]] = []
        for start, end in sorted(regions):
            stop = min(end + 1, len(words))  # scan offset i is the space before a word at i + 1
            hits += [
                (match.start(), match.group(1))
                for match in keys.finditer(words, start, stop + 1)
                if match.start() < end
            ]
        hits.sort()
        return [word for _, word in hits], [place for place, _ in hits]

    def joined(self, table: Container[bytes], regions: Sequence[Region] | None) -> list[tuple[int, bytes]]:
        """The key words of ``table`` that start at a capital joining two words ("spiritWinner"),
        which `word_bytes` cannot show as words of their own, as (offset in scan, word)."""
        joins = self.joins
        if self._joined is None:  # the word at each join, read once
            words = self.words
            self._joined = [
                # scan offset i is words[i + 1], where the capital is a space
                self.scan[place].lower().encode("ascii", "replace")
                + words[place + 2 : words.find(b" ", place + 2)]
                for place in joins
            ]
        joined = self._joined
        if regions is None:
            return [(place, word) for place, word in zip(joins, joined, strict=True) if word in table]
        hits = []
        for start, end in regions:  # the joins inside each region (joins are sorted by offset)
            first, last = bisect.bisect_left(joins, start), bisect.bisect_left(joins, end)
            hits += [(joins[i], joined[i]) for i in range(first, last) if joined[i] in table]
        return sorted(hits)


def _hits(matches: Iterable[re.Match[bytes]]) -> tuple[list[bytes], list[int]]:
    found_words: list[bytes] = []
    places: list[int] = []
    for match in matches:
        found_words.append(match.group(1))
        places.append(match.start())  # the space before the word: its offset in scan
    return found_words, places


def _keys_pattern(keys: Iterable[bytes]) -> re.Pattern[bytes]:
    """One pattern finding any of ``keys`` as a whole word of `word_bytes`."""
    forms = [(key.decode("ascii"),) for key in keys]
    if not forms:
        return _NO_KEYS
    return re.compile(b" (" + _emit(_trie(forms)).encode("ascii") + b")(?= )")


class _Places:
    """Where the phrases of some lists may stand in one posting, gathered from their key words."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.singles: dict[object, list[tuple[int, int]]] = {}  # one-word phrases: found already
        self.counted: dict[object, int] = {}
        self.alone: dict[object, list[tuple[int, int]]] = {}  # longer keys that are whole phrases
        self.tried: dict[object, list[int]] = {}  # places where a phrase's pattern must be tried

    def single(self, name: object, start: int, end: int) -> None:
        spans = self.singles.get(name)
        if spans is None:
            self.singles[name] = [(start, end)]
            self.counted[name] = 1
        else:
            self.counted[name] += 1
            if len(spans) < self.keep:
                spans.append((start, end))

    def add(
        self, seconds: dict[bytes, list[Entry]], scan: str, words: bytes, place: int, first_end: int
    ) -> None:
        """The entries hanging on a key word found at ``place``, and on it with the next word."""
        hang = [(first_end, seconds.get(b"", []))]
        if len(seconds) > (b"" in seconds):  # some key is this word and the next one
            following = _NEXT_WORD.match(words, first_end + 1)
            if following is not None and following.group(1) in seconds:
                hang.append((following.end(1) - 1, seconds[following.group(1)]))
        for key_end, entries in hang:
            for name, back, whole, count in entries:
                if whole and count == 1 and back == 0:
                    continue  # a one-word phrase: found already
                if whole:
                    self.alone.setdefault(name, []).append((place, key_end))
                else:
                    self.tried.setdefault(name, []).append(_back(scan, words, place, back) if back else place)

    def found(self, vocabulary: Vocabulary, scan: str) -> dict[object, Found]:
        found: dict[object, Found] = {}
        for name, spans in self.singles.items():
            if name not in self.alone and name not in self.tried:  # one-word matches cannot overlap
                found[name] = Found(spans, self.counted[name])
            else:
                self.alone.setdefault(name, []).extend(spans)
        for name in self.alone.keys() | self.tried.keys():
            entry = Found()
            vocabulary._match(
                name, scan, self.alone.get(name, []), self.tried.get(name, []), entry, self.keep
            )
            if entry.total:
                found[name] = entry
        return found


class Vocabulary:
    """Phrase lists in named groups, found in a posting group by group.

    ``lists`` maps any hashable name to a `Matcher`, ``groups`` each name to its
    group. `words` wraps a posting once; `find` returns, for every list of a group
    with a match, its matches as ``(start, end)`` offsets into the text: leftmost
    first, the longest at each place, not overlapping one another (the lists are
    independent, so one list's match never hides another's).

    One pattern per group finds where its key words stand, in one pass in C; only
    there does Python look further. A pair key is checked
    against the word that follows; a phrase found by a later word is tried from
    where it would start, counting words back; a key that is a whole phrase needs
    nothing more.
    """

    def __init__(self, lists: dict[object, Matcher], groups: dict[object, str]) -> None:
        self.lists = lists
        #: group -> first key word -> second key word (b"" for none) -> entries
        self.by_first: dict[str, dict[bytes, dict[bytes, list[Entry]]]] = {}
        for name, matcher in lists.items():
            table = self.by_first.setdefault(groups[name], {})
            for key in matcher.keys:
                second = key.words[1] if len(key.words) > 1 else b""
                table.setdefault(key.words[0], {}).setdefault(second, []).append(
                    (name, key.back, key.alone, len(key.words))
                )
        #: group -> first key word -> (names it alone finds, whether anything else hangs on it)
        self.simple: dict[str, dict[bytes, tuple[tuple[object, ...], bool]]] = {
            group: {
                word: (
                    tuple(name for name, back, alone, _ in seconds.get(b"", ()) if alone and back == 0),
                    any(
                        second or not alone or back
                        for second, entries in seconds.items()
                        for _, back, alone, _ in entries
                    ),
                )
                for word, seconds in table.items()
            }
            for group, table in self.by_first.items()
        }
        self.group_keys = {group: _keys_pattern(table) for group, table in self.by_first.items()}
        self.anywhere: dict[str, list[object]] = {}
        for name, matcher in lists.items():
            if matcher.anywhere is not None:
                self.anywhere.setdefault(groups[name], []).append(name)
        self.bits = {group: 1 << number for number, group in enumerate(sorted(self.by_first))}
        self.groups = groups

    def words(self, scan: str, words: bytes, joins: Sequence[int] = ()) -> Words:
        """A posting's key words (``words`` is its `word_bytes`; ``joins`` where a capital
        joins two words), found once for every group."""
        return Words(scan, words, joins)

    def find(
        self, text: Words, group: str, *, keep: int, regions: Sequence[Region] | None = None
    ) -> dict[object, Found]:
        """Matches of the lists of one ``group`` in the posting, or only inside ``regions``.

        At most ``keep`` spans are kept per list (the rest are only counted), so
        memory stays small whatever the posting repeats.
        """
        keys, bit = self.group_keys.get(group, _NO_KEYS), self.bits.get(group, 0)
        if regions is None:
            found_words, found_places = text.of(bit, keys)
        else:
            found_words, found_places = text.inside(keys, regions)
        table, simple = self.by_first.get(group, {}), self.simple.get(group, {})
        if text.joins:
            joined = text.joined(table, regions)
            if joined:
                merged = sorted([*zip(found_places, found_words, strict=True), *joined])
                found_places, found_words = [place for place, _ in merged], [word for _, word in merged]
        hits: Iterable[int] = range(len(found_words))
        places = _Places(keep)
        scan, words, size = text.scan, text.words, len(text.scan)
        for index in hits:
            first = found_words[index]
            place = found_places[index]
            first_end = place + len(first)
            if (place and scan[place - 1].isalnum() and not scan[place].isupper()) or (
                first_end < size and scan[first_end].isalnum() and not scan[first_end].isascii()
            ):
                continue  # a word that goes on: "éhero", "The" after a glued capital, "caf" of "café"
            names, more = simple[first]
            if scan[place].isupper():  # a join: only phrases of two words or more (see `_at_join`)
                names = ()
            for name in names:
                places.single(name, place, first_end)
            if more:
                places.add(table[first], scan, words, place, first_end)
        found = places.found(self, scan)
        for name in self.anywhere.get(group, ()):
            if not self.lists[name].rare_letters.isdisjoint(text.letters):
                self._anywhere(name, scan, regions, keep, found)
        return found

    def _anywhere(
        self, name: object, scan: str, regions: Sequence[Region] | None, keep: int, found: dict[object, Found]
    ) -> None:
        """The matches of a list's phrases that no key word finds, merged into its others."""
        matcher = self.lists[name]
        pattern = matcher.anywhere
        assert pattern is not None
        spans = ((0, len(scan)),) if regions is None else regions
        if regions is not None:
            letters = matcher.rare_letters
            spans = [(s, e) for s, e in spans if not letters.isdisjoint(scan[s:e])]
        extra = [span for s, e in spans for span in itertools.islice(_word_starts(pattern, scan, s, e), keep)]
        if extra:
            entry = found.setdefault(name, Found())
            merged = _merge(entry.spans, extra)
            entry.total += len(merged) - len(entry.spans)
            entry.spans = merged[:keep]

    def _match(
        self, name: object, scan: str, alone: list[tuple[int, int]], tried: list[int], entry: Found, keep: int
    ) -> None:
        """The matches of one list, leftmost-longest and not overlapping, from its candidate places."""
        pattern = self.lists[name].pattern
        ends: dict[int, int] = {}
        for place, end_here in alone:
            if end_here > ends.get(place, -1) and scan[place:end_here].isascii():
                ends[place] = end_here
            elif place not in ends:
                tried.append(place)  # a pair with other letters between: let the pattern judge
        to_try = set(tried)
        places = sorted(to_try.union(ends)) if to_try else sorted(ends)
        end = -1
        for place in places:
            if place < end:
                continue
            if place in to_try:
                match_end = (_at_join if scan[place].isupper() else _at)(pattern, scan, place)
                if match_end is not None:
                    end = max(match_end, ends.get(place, -1))
                elif place in ends:
                    end = ends[place]
                else:
                    continue
            else:
                end = ends[place]
            entry.total += 1
            if len(entry.spans) < keep:
                entry.spans.append((place, end))


def _word_starts(pattern: re.Pattern[str], scan: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The matches of ``pattern`` in ``scan[start:end]`` that start a word: the character
    before is no letter or digit, or is a capital (see `_END`), or the match opens with
    a character of `_CJK`."""
    position = start
    while (match := pattern.search(scan, position, end)) is not None:
        before = scan[match.start() - 1] if match.start() else " "
        if before.isalnum() and not ("A" <= before <= "Z") and not _IS_CJK.match(scan, match.start()):
            position = match.start() + 1  # inside a word: look again from the next character
        else:
            yield match.span()
            position = match.end()


def _at(pattern: re.Pattern[str], scan: str, place: int) -> int | None:
    """Where the longest phrase starting at ``place`` ends, or None."""
    match = pattern.match(scan, place)
    return None if match is None else match.end()


#: How far past a join a phrase is looked for: its longest spelling, with room for the
#: runs of spaces and marks between its words.
_JOIN_SPAN = 4 * MAX_PHRASE_CHARS


def _at_join(pattern: re.Pattern[str], scan: str, place: int) -> int | None:
    """`_at` for a phrase starting at a capital that joins two words ("valuesWork hard, play
    hard"): the capital is read in lower case. Only a phrase of two words or more counts
    there, as a single word after a join is as likely a name in camel case ("myHero");
    words joined by a hyphen count as two, as they do for the key words ("Self-starter")."""
    span = scan[place].lower() + scan[place + 1 : place + _JOIN_SPAN]
    match = pattern.match(span)
    if match is None or match.group().isalnum():
        return None
    if match.end() == len(span) and place + len(span) < len(scan):
        return None  # the phrase may go on past what was read
    return place + match.end()


def _back(scan: str, words: bytes, place: int, count: int) -> int:
    """The offset of the word ``count`` words before the word at ``place`` (scan offsets).

    A word that starts at a capital joining it to the word before ("initiativesTo
    succeed") starts at that capital, which `word_bytes` shows as a space.
    """
    position = place  # words[position] is the space before the word (the pad shifts by one)
    for _ in range(count):
        while position > 0 and words[position] == 0x20:
            position -= 1
        if position == 0:
            return place
        position = words.rfind(b" ", 0, position)
    if position and scan[position - 1].isupper():
        return position - 1
    return position


def _merge(first: Spans, second: Spans) -> Spans:
    """Two sorted lists of spans as one, dropping any span that overlaps one kept before it."""
    merged: Spans = []
    for span in sorted(first + second):
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged
