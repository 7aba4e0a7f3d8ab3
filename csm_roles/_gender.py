"""Gender-coded wording: the word stems of Gaucher, Friesen & Kay (2011).

`gender_coding` gives the verdict of the open-source gender-decoder
(lovedaybrooke/gender-decoder), word for word:

- every character outside ASCII, white space and the punctuation
  ``. , < > * ? ! " [ ] @ ' : ; ( ) / &`` separate words; case is folded;
- a word with a hyphen is split into its parts, unless it starts with a hyphen or
  with one of the hyphenated stems (such as "self-confiden"). gender-decoder
  removes a word from the list it is walking through the first time it looks at
  one, which makes it skip the word after that one: that word keeps its hyphens
  (where it appears again, its last appearance is the one left whole);
- a word is coded once for every stem it starts with, unless it *is* one of the
  exceptions ("sharepoint");
- the verdict follows the score, feminine count minus masculine count.

The stems live in ``data/gaucher-2011.yaml``. Words are found with a few passes of
C-level searches over a one-byte-per-character copy of the text, so the offsets of
coded words are offsets into the text given, and the work is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Literal

from ._models import Record
from ._packaged import package_file, read_once

__all__ = ["GenderCoding", "WordLists", "coded_words", "gender_coding", "verdict", "word_lists"]

Verdict = Literal[
    "strongly feminine-coded",
    "feminine-coded",
    "neutral",
    "masculine-coded",
    "strongly masculine-coded",
    "empty",
]

_SEPARATOR_BYTES = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f.,<>*?!\"[]@':;()/&"
# one byte per character (anything outside ASCII arrives as "?", itself a separator):
# separators become spaces, capitals lower case, every other byte stays
_TABLE = bytes(
    0x20 if (c in _SEPARATOR_BYTES or c >= 0x80) else (c + 32 if 0x41 <= c <= 0x5A else c) for c in range(256)
)


class GenderCoding(Record):
    """The gender coding of a text: counts, the coded words, and the verdict.

    Examples:
        >>> csm_roles.gender_coding("loyal, honest and kind").feminine_count
        3
    """

    verdict: Verdict
    score: int
    masculine: tuple[str, ...]
    feminine: tuple[str, ...]

    @property
    def masculine_count(self) -> int:
        """How many masculine-coded matches (a word matching two stems counts twice)."""
        return len(self.masculine)

    @property
    def feminine_count(self) -> int:
        """How many feminine-coded matches."""
        return len(self.feminine)


class WordLists:
    """The stems, and the searches built from them."""

    def __init__(
        self,
        masculine: Iterable[str],
        feminine: Iterable[str],
        hyphenated: Iterable[str],
        exceptions: Iterable[str],
        source: str,
    ) -> None:
        self.masculine = tuple(masculine)
        self.feminine = tuple(feminine)
        self.hyphenated = tuple(hyphenated)
        self.exceptions = tuple(exceptions)
        self.source = source
        self._hyphenated = tuple(stem.encode("ascii") for stem in self.hyphenated)
        self._exceptions = frozenset(word.encode("ascii") for word in self.exceptions)
        self._stems = [(stem.encode("ascii"), True) for stem in self.masculine] + [
            (stem.encode("ascii"), False) for stem in self.feminine
        ]
        # stems by their first three letters: a word is compared with the few that can match
        self._by_start: dict[bytes, list[tuple[bytes, bool]]] = {}
        for stem, is_masculine in self._stems:
            self._by_start.setdefault(stem[:3], []).append((stem, is_masculine))
        by_first: dict[int, list[bytes]] = {}
        for stem, _ in self._stems:
            by_first.setdefault(stem[0], []).append(stem[1:])
        branches = b"|".join(
            re.escape(bytes([first]))
            + b"(?:"
            + b"|".join(re.escape(rest) for rest in sorted(set(rests), key=len, reverse=True))
            + b")"
            for first, rests in sorted(by_first.items())
        )
        # a word that starts with some stem, at a word start (the data is padded with a space):
        # the longest stem it starts with, and the rest of the word
        self._starts = re.compile(b" (" + branches + b")([^ ]*)")
        # every stem a word starts with is a start of the longest one: (masculine?) per stem
        self._flags = {
            stem: [masculine for other, masculine in self._stems if stem.startswith(other)]
            for stem, _ in self._stems
        }

    def _stems_of(self, word: bytes) -> list[bool]:
        """One entry per stem ``word`` starts with: True for masculine, False for feminine."""
        if word in self._exceptions:
            return []
        return [masculine for stem, masculine in self._by_start.get(word[:3], ()) if word.startswith(stem)]

    def coded(self, text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """The masculine and the feminine coded words of ``text``, each as (offset, word), in order."""
        data = b" " + text.encode("ascii", "replace").translate(_TABLE) + b" "
        found: list[tuple[int, bool, str]] = []
        exceptions, flags = self._exceptions, self._flags
        for match in self._starts.finditer(data):  # the words that start with a stem (in C)
            stem = match.group(1)
            word = stem + match.group(2)
            if b"-" in word:
                continue  # a word with a hyphen: below
            if word not in exceptions:
                offset = match.start(1) - 1  # the data has a pad
                text_word = word.decode("ascii")
                found += [(offset, masculine, text_word) for masculine in flags[stem]]
        hyphen = data.find(b"-")
        whole = self._left_whole(data) if hyphen != -1 else -1
        while hyphen != -1:  # words with a hyphen, wherever their coded part is
            start = data.rfind(b" ", 0, hyphen) + 1
            end = data.find(b" ", hyphen)  # the data ends with a space
            for within, word in self._parts(data[start:end], start == whole):
                for masculine in self._stems_of(word):
                    found.append((start - 1 + within, masculine, word.decode("ascii")))
            hyphen = data.find(b"-", end)
        found.sort(key=_FIRST)  # stable: the stems of one word keep their order
        masculine_words = [(offset, word) for offset, masculine, word in found if masculine]
        feminine_words = [(offset, word) for offset, masculine, word in found if not masculine]
        return masculine_words, feminine_words

    def _parts(self, token: bytes, keep_whole: bool) -> list[tuple[int, bytes]]:
        """The words a token counts as, each with its offset in the token."""
        if keep_whole or b"-" not in token or token.startswith(b"-") or token.startswith(self._hyphenated):
            return [(0, token)]
        parts = []
        offset = 0
        for part in token.split(b"-"):
            if part:
                parts.append((offset, part))
            offset += len(part) + 1
        return parts

    def _left_whole(self, data: bytes) -> int:
        """Where the word gender-decoder leaves whole (see the module) starts in the data, or -1.

        gender-decoder changes the list it walks through at the first word it splits
        up: any word not starting with a hyphen or a hyphenated stem (a word without a
        hyphen is "split" into itself). The word after that one is never looked at;
        where it appears again, its last appearance is the one that stays whole.
        """
        tokens = _TOKEN.finditer(data)
        for token in tokens:
            word = token.group(0)
            if not word.startswith(b"-") and not word.startswith(self._hyphenated):
                break
        else:
            return -1
        skipped = next(tokens, None)
        if skipped is None:
            return -1
        word = skipped.group(0)
        if b"-" not in word or word.startswith(self._hyphenated):
            return -1
        return data.rfind(b" " + word + b" ") + 1


_TOKEN = re.compile(rb"[^ ]+")
_FIRST = itemgetter(0)


@read_once
def word_lists() -> WordLists:
    """The packaged word lists, read once per process on first use."""
    from ._loader import load_yaml

    file = package_file("data", "gaucher-2011.yaml")
    raw = load_yaml(file.read_text(encoding="utf-8"), str(file))
    return WordLists(
        raw["masculine_coded"],
        raw["feminine_coded"],
        raw.get("hyphenated_coded_words", ()),
        raw.get("non_coded_exceptions", ()),
        raw["source"],
    )


def verdict(feminine: int, masculine: int) -> Verdict:
    """gender-decoder's verdict for the two counts."""
    score = feminine - masculine
    if score == 0:
        return "neutral" if feminine else "empty"
    if score > 3:
        return "strongly feminine-coded"
    if score > 0:
        return "feminine-coded"
    if score < -3:
        return "strongly masculine-coded"
    return "masculine-coded"


def coded_words(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The masculine and feminine coded words of ``text`` with their offsets (see the module)."""
    if not isinstance(text, str):
        raise TypeError(f"the text must be a str, got {type(text).__name__}")
    return word_lists().coded(text)


def gender_coding(text: str, *, skip: Iterable[str] = ()) -> GenderCoding:
    """Score ``text`` with the Gaucher, Friesen & Kay (2011) stems, as gender-decoder does.

    ``skip`` lists whole words to leave out of the count.

    Examples:
        >>> gender_coding("A confident, decisive and driven analyst").verdict
        'strongly masculine-coded'
        >>> gender_coding("We value kind, honest and loyal people").verdict
        'feminine-coded'
    """
    if isinstance(skip, str):
        raise TypeError("skip takes a list of words, not one string")
    skipped = {word.lower() for word in skip}
    masculine, feminine = coded_words(text)
    male = tuple(word for _, word in masculine if word not in skipped)
    female = tuple(word for _, word in feminine if word not in skipped)
    return GenderCoding(
        verdict=verdict(len(female), len(male)),
        score=len(female) - len(male),
        masculine=male,
        feminine=female,
    )
