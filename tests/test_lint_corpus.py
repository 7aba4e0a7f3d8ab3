"""The real corpus (../shared/corpus/postings.jsonl): every posting lints, and the pay
findings match what a reader sees in the text. Skips when ../shared is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import csm_roles


@pytest.fixture(scope="module")
def postings(shared: Path) -> dict[str, dict[str, object]]:
    path = shared / "corpus" / "postings.jsonl"
    return {row["id"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_every_posting_lints_without_an_exception(postings: dict[str, dict[str, object]]) -> None:
    assert len(postings) == 100
    for row in postings.values():
        text = str(row["text"])
        for finding in csm_roles.lint_jd(text):
            assert text[finding.offset : finding.end] == finding.match


# Read by hand: these state a pay range in their text ...
WITH_RANGE = {
    "li-3887716629": "Salary:$160,000-175,000",
    "li-3888006659": "$52,000 – 55,000 USD Per Year",
    "li-3898176456": "$33-$39/hour",
    "li-3904962938": "47,000.00 - 87,000.00 USD Annual",
    "li-3900944001": "Min USD $75,000.00/Yr. Max USD $95,000.00/Yr.",
    "li-3904386496": "81,000.00 USD PER YEAR - 94,500.00 USD PER YEAR",
    "li-3902787587": "base salary ranging from 90k to 100k",
    "ectj-19": "$43,281.00 - $59,000.00 per year",
    "lz-technology-8": "$100,000 - $125,000 plus OTE",
    "lz-technology-49": "$125,000 - $150,000",
}
# ... and these do not (some have pay as structured data only, or only other money).
WITHOUT = {
    "li-3904975024": "no figures in the text",
    "li-3900947580": "$13-17M of research spending and a $1500 bonus, no pay",
    "ectj-223": "revenue figures only",
    "ectj-77": "no figures",
    "joblint-oh-dear": "no figures",
    "crunch-io-csm": "no figures",
    "upcontent-csm": "no figures",
}


@pytest.mark.parametrize("posting_id", WITH_RANGE)
def test_postings_with_a_range_get_no_missing_pay(
    postings: dict[str, dict[str, object]], posting_id: str
) -> None:
    text = str(postings[posting_id]["text"])
    assert WITH_RANGE[posting_id].lower().replace(" ", "")[:12] in text.lower().replace(" ", "").replace(
        "\n", ""
    )
    assert "missing-pay" not in [f.rule for f in csm_roles.lint_jd(text)]


@pytest.mark.parametrize("posting_id", WITHOUT)
def test_postings_without_a_range_get_missing_pay(
    postings: dict[str, dict[str, object]], posting_id: str
) -> None:
    assert "missing-pay" in [f.rule for f in csm_roles.lint_jd(str(postings[posting_id]["text"]))]


def test_structured_pay_agrees_where_the_text_has_figures(postings: dict[str, dict[str, object]]) -> None:
    """Where a posting's structured pay appears in its own text, the linter finds pay."""
    checked = 0
    for row in postings.values():
        pay = row.get("pay")
        if not isinstance(pay, dict):
            continue
        text = str(row["text"])
        low = f"{int(pay['min']):,}"
        if pay["min"] >= 1000 and low in text:
            checked += 1
            assert "missing-pay" not in [f.rule for f in csm_roles.lint_jd(text)], row["id"]
    assert checked >= 25


def test_the_joblint_example_is_caught(postings: dict[str, dict[str, object]]) -> None:
    findings = csm_roles.lint_jd(str(postings["joblint-oh-dear"]["text"]))
    buzz = {f.match.lower() for f in findings if f.rule == "buzzwords"}
    assert {"ninja", "hit the ground running"} <= buzz
    assert "gendered-terms" in {f.rule for f in findings}


def test_csm_rules_stay_quiet_on_general_postings(postings: dict[str, dict[str, object]]) -> None:
    for row in postings.values():
        if row["kind"] != "other":
            continue
        rules = {f.rule for f in csm_roles.lint_jd(str(row["text"]))}
        assert not rules & {"support-framing", "portfolio-realism"}, row["id"]
