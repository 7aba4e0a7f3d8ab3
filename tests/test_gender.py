"""gender_coding reproduces gender-decoder's published behaviour on cases built from the lists."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import csm_roles
from csm_roles._gender import word_lists

LISTS = yaml.safe_load((Path(__file__).resolve().parent.parent / "data" / "gaucher-2011.yaml").read_text())
# stems that are also a word, and that no other stem is a prefix of (so each counts once)
MASC = [
    s
    for s in LISTS["masculine_coded"]
    if "-" not in s
    and sum(o != s and s.startswith(o) for o in LISTS["masculine_coded"] + LISTS["feminine_coded"]) == 0
]
FEM = [
    s
    for s in LISTS["feminine_coded"]
    if "-" not in s
    and sum(o != s and s.startswith(o) for o in LISTS["masculine_coded"] + LISTS["feminine_coded"]) == 0
    and not s.startswith(tuple(LISTS["non_coded_exceptions"]))
]


def text_with(masculine: int, feminine: int) -> str:
    words = [MASC[i % len(MASC)] + "ness" for i in range(masculine)]
    words += [FEM[i % len(FEM)] + "ful" for i in range(feminine)]
    return "We are a team of " + ", ".join(words) + " people in an office."


@pytest.mark.parametrize(
    ("masculine", "feminine", "verdict"),
    [
        (6, 2, "strongly masculine-coded"),
        (5, 1, "strongly masculine-coded"),
        (4, 1, "masculine-coded"),
        (1, 0, "masculine-coded"),
        (3, 3, "neutral"),
        (0, 0, "empty"),
        (0, 1, "feminine-coded"),
        (1, 4, "feminine-coded"),
        (2, 6, "strongly feminine-coded"),
        (0, 3, "feminine-coded"),
        (0, 4, "strongly feminine-coded"),
        (0, 5, "strongly feminine-coded"),
    ],
)
def test_verdicts(masculine: int, feminine: int, verdict: str) -> None:
    result = csm_roles.gender_coding(text_with(masculine, feminine))
    assert (result.masculine_count, result.feminine_count) == (masculine, feminine)
    assert result.score == feminine - masculine
    assert result.verdict == verdict


def test_prefix_matching_and_case() -> None:
    result = csm_roles.gender_coding("ANALYTICAL Leaders who COLLABORATE")
    assert result.masculine == ("analytical", "leaders")
    assert result.feminine == ("collaborate",)


def test_hyphenated_words() -> None:
    # split into parts: "well" and "connected" -> connected is feminine-coded
    assert csm_roles.gender_coding("well-connected").feminine == ("connected",)
    # kept whole when it starts with a hyphenated stem
    assert csm_roles.gender_coding("co-operative").feminine == ("co-operative",)
    assert csm_roles.gender_coding("self-confident").masculine == ("self-confident",)
    # split: "co" and "ordinate" are not coded
    assert csm_roles.gender_coding("co-ordinate").verdict == "empty"


def test_exceptions_never_count() -> None:
    assert csm_roles.gender_coding("Experience with SharePoint").verdict == "empty"
    assert csm_roles.gender_coding("We share ideas").feminine == ("share",)


def test_a_word_matching_two_stems_counts_twice() -> None:
    # "dominant" starts with both "domina" and "dominant", as in gender-decoder
    assert csm_roles.gender_coding("dominant").masculine == ("dominant", "dominant")


def test_non_ascii_splits_words() -> None:
    assert csm_roles.gender_coding("naïvely decisive").masculine == ("decisive",)


def test_every_stem_is_found() -> None:
    lists = word_lists()
    for stem in lists.masculine:
        if "-" in stem and not stem.startswith(lists.hyphenated):
            # gender-decoder splits "head-strong" into "head" and "strong" before matching,
            # so that stem never matches a hyphenated word; we reproduce that
            assert csm_roles.gender_coding(stem).masculine_count == 0
            continue
        assert csm_roles.gender_coding(stem).masculine_count >= 1, stem
    for stem in lists.feminine:
        if not stem.startswith(lists.exceptions):
            assert csm_roles.gender_coding(stem).feminine_count >= 1, stem
