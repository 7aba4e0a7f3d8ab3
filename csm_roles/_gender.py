"""Gender-coded wording: the word stems of Gaucher, Friesen & Kay (2011).

`gender_coding` reproduces the behaviour of the open-source gender-decoder:
words are split on white space and punctuation, hyphenated words into their parts
(unless they start with a hyphenated coded stem such as "self-confiden"), a word is
coded when it starts with a stem, every stem it starts with counts, and
"sharepoint"-style exceptions never count. The verdict follows the score
feminine minus masculine. The stems live in ``data/gaucher-2011.yaml``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Literal

from ._models import Record
from ._packaged import package_file

__all__ = ["GenderCoding", "WordLists", "gender_coding", "word_lists"]

Verdict = Literal[
    "strongly feminine-coded",
    "feminine-coded",
    "neutral",
    "masculine-coded",
    "strongly masculine-coded",
    "empty",
]

# gender-decoder turns these into spaces before splitting (as well as white space
# and every character outside ASCII); hyphens stay inside words.
_SEPARATORS = r"\s.,“”‘’<>*?!\"\[\]@':;()/&\x80-\U0010ffff"
_TOKEN = re.compile(rf"[^{_SEPARATORS}]+")
# the same, with hyphens as separators too (hyphenated words are split into parts)
_PART = re.compile(rf"[^{_SEPARATORS}-]+")


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
    """The stems, indexed by their first three letters for a fast prefix scan."""

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
        self.kept_whole = re.compile(
            rf"(?<![^{_SEPARATORS}])(?:{'|'.join(re.escape(h) for h in self.hyphenated)})[^{_SEPARATORS}]*"
            if self.hyphenated
            else r"(?!x)x"
        )
        self.table: dict[str, list[tuple[str, bool]]] = {}
        for stems, is_masculine in ((self.masculine, True), (self.feminine, False)):
            for stem in stems:
                self.table.setdefault(stem[:3], []).append((stem, is_masculine))
        # The prefix table as one scan: only words starting like a stem come back,
        # so the Python loop sees a few hundred words, not every word of the text.
        by_letter: dict[str, list[str]] = {}
        for prefix in self.table:
            by_letter.setdefault(prefix[0], []).append(re.escape(prefix[1:]))
        branches = "|".join(f"{re.escape(k)}(?:{'|'.join(sorted(v))})" for k, v in sorted(by_letter.items()))
        self.candidates = re.compile(rf"(?<![^{_SEPARATORS}-])(?:{branches})[^{_SEPARATORS}-]*")

    def words(self, text: str, *, candidates_only: bool = False) -> list[str]:
        """Lower-cased words as gender-decoder splits them.

        With ``candidates_only``, only the words that start like some stem (the
        others cannot be coded).
        """
        lowered = text.lower()
        # words that start with a hyphenated stem stay whole; every other word is split
        whole = self.kept_whole.findall(lowered) if any(h in lowered for h in self.hyphenated) else []
        if whole:
            lowered = self.kept_whole.sub(" ", lowered)
        return whole + (self.candidates if candidates_only else _PART).findall(lowered)

    def coded(self, word: str) -> list[tuple[str, bool]]:
        """The (stem, masculine?) pairs a word starts with; none for an exception."""
        candidates = self.table.get(word[:3])
        if not candidates or word.startswith(self.exceptions):
            return []
        return [(stem, masculine) for stem, masculine in candidates if word.startswith(stem)]


_lists: WordLists | None = None
_lock = threading.Lock()


def word_lists() -> WordLists:
    """The packaged word lists, read once per process on first use."""
    global _lists
    if _lists is None:
        with _lock:
            if _lists is None:
                from ._loader import load_yaml

                file = package_file("data", "gaucher-2011.yaml")
                raw = load_yaml(file.read_text(encoding="utf-8"), str(file))
                _lists = WordLists(
                    raw["masculine_coded"],
                    raw["feminine_coded"],
                    raw.get("hyphenated_coded_words", ()),
                    raw.get("non_coded_exceptions", ()),
                    raw["source"],
                )
    return _lists


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


def gender_coding(text: str, *, skip: Iterable[str] = ()) -> GenderCoding:
    """Score ``text`` with the Gaucher, Friesen & Kay (2011) stems, as gender-decoder does.

    ``skip`` lists whole words to leave out (the linter passes everyday CSM words).

    Examples:
        >>> gender_coding("A confident, decisive and driven analyst").verdict
        'strongly masculine-coded'
        >>> gender_coding("We value kind, honest and loyal people").verdict
        'feminine-coded'
    """
    lists = word_lists()
    skipped = set(skip)
    masculine: list[str] = []
    feminine: list[str] = []
    lookup = lists.table.get
    exceptions = lists.exceptions
    for word in lists.words(text, candidates_only=True):
        candidates = lookup(word[:3])  # most words stop here: no stem starts this way
        if candidates is None or word in skipped or word.startswith(exceptions):
            continue
        for stem, is_masculine in candidates:
            if word.startswith(stem):
                (masculine if is_masculine else feminine).append(word)
    return GenderCoding(
        verdict=verdict(len(feminine), len(masculine)),
        score=len(feminine) - len(masculine),
        masculine=tuple(masculine),
        feminine=tuple(feminine),
    )
