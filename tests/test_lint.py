"""lint_jd: every rule with examples that should and should not fire, positions,
suppression, selection, and rules as data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import csm_roles
from conftest import ROOT

GOOD = """# Customer Success Manager

## What you will do
- Own a book of 30 mid-market accounts and grow them through renewals and expansion.
- Keep gross retention at 95% and NRR at 110%.

## What we are looking for
- Three years in customer success.

## Pay
Base salary $90,000 - $110,000 a year.
"""


def rules_of(text: str, **kwargs: object) -> list[str]:
    return [f.rule for f in csm_roles.lint_jd(text, **kwargs)]  # type: ignore[arg-type]


def test_a_good_posting_has_nothing_above_info() -> None:
    findings = csm_roles.lint_jd(GOOD)
    assert [f for f in findings if f.severity != "info"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Salary: competitive. Great benefits.",
        "We pay well and offer equity.",
        "Compensation: a competitive salary and benefits package.",
        "Series B of $111M raised in 2022.",
    ],
)
def test_missing_pay_fires(text: str) -> None:
    assert "missing-pay" in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Base salary $90,000 - $110,000 a year.",
        "Pay: $70k to 90k plus bonus.",
        "Pay Range: $33-$39/hour",
        "Total Base Pay Range 47,000.00 - 87,000.00 USD Annual",
        "Min USD $75,000.00/Yr. Max USD $95,000.00/Yr.",
        "The base salary is between £40,000 and £48,000.",
        "Compensation Range 81,000.00 USD PER YEAR - 94,500.00 USD PER YEAR",
        "The role offers a base salary ranging from 90k to 100k.",
    ],
)
def test_missing_pay_does_not_fire_on_a_range(text: str) -> None:
    assert "missing-pay" not in rules_of(text)


def test_single_pay_figure_is_info() -> None:
    findings = csm_roles.lint_jd("Base salary: $120,000.")
    assert [f.rule for f in findings if f.rule.startswith("pay") or f.rule == "missing-pay"] == [
        "pay-single-figure"
    ]


def test_wide_pay_range_warns_and_narrow_does_not() -> None:
    wide = [f for f in csm_roles.lint_jd("Salary $50,000 - $120,000.") if f.rule == "pay-range-wide"]
    assert len(wide) == 1
    assert wide[0].severity == "warning"
    assert wide[0].match == "$50,000 - $120,000"
    assert "pay-range-wide" not in rules_of("Salary $80,000 - $120,000.")
    assert "pay-range-wide" not in rules_of(
        "Accounts with an ACV of $25,000-$100,000. Salary $80,000 - $95,000."
    )


def test_vague_metrics() -> None:
    assert "vague-metrics" in rules_of("As a CSM you will drive customer satisfaction and adoption.")
    assert "vague-metrics" not in rules_of("As a CSM you will keep retention at 92% and NPS above 40.")
    assert "vague-metrics" not in rules_of("Drive customer satisfaction.")  # not a CSM posting


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("As a CSM you will manage 150 enterprise accounts.", True),
        ("As a CSM you will manage 10 SMB accounts.", True),
        ("As a CSM you will own a portfolio of 100-120 mid-market accounts.", True),
        ("As a CSM you will manage 12 enterprise accounts.", False),
        ("As a CSM you will manage 80 SMB accounts.", False),
        ("As a CSM you will own a portfolio of 30-50 mid-market accounts.", False),
        ("Customer success at a company trusted by 150 enterprise customers.", False),  # no portfolio cue
        ("As a CSM you will manage 150 accounts.", False),  # no segment named
    ],
)
def test_portfolio_realism(text: str, fires: bool) -> None:
    assert ("portfolio-realism" in rules_of(text)) is fires


def test_portfolio_segment_from_the_argument() -> None:
    text = "As a CSM you will manage 150 accounts."
    findings = [f for f in csm_roles.lint_jd(text, segment="enterprise") if f.rule == "portfolio-realism"]
    assert len(findings) == 1
    assert findings[0].match == "150 accounts"
    assert "5–20" in findings[0].message
    assert "portfolio-realism" not in rules_of(text, segment="smb")


@pytest.mark.parametrize(
    "phrase",
    [
        "rockstar",
        "rock star",
        "Rock-Stars",
        "ninja",
        "guru",
        "superstar",
        "hero",
        "wear many hats",
        "wears multiple hats",
        "thrive in ambiguity",
        "thrives in ambiguity",
        "tolerance for ambiguity",
        "hit the ground running",
        "work hard, play hard",
        "drama-free",
        "self-starter",
    ],
)
def test_buzzwords(phrase: str) -> None:
    findings = [f for f in csm_roles.lint_jd(f"We want a {phrase} for this job.") if f.rule == "buzzwords"]
    assert len(findings) == 1
    assert findings[0].match.lower().replace("-", " ").replace(",", "") == phrase.lower().replace(
        "-", " "
    ).replace(",", "")


@pytest.mark.parametrize(
    "text", ["Our heroic efforts", "a ninjutsu class", "gurudwara", "rockstars-in-training"]
)
def test_buzzwords_match_whole_words_only(text: str) -> None:
    findings = [f for f in csm_roles.lint_jd(text) if f.rule == "buzzwords"]
    assert all(f.match.lower() in {"rockstars"} for f in findings)


def test_support_framing() -> None:
    support = "As a CSM: answer customer questions via live chat, work the ticket queue, meet response times."
    assert "support-framing" in rules_of(support)
    mixed = support + " You will also drive renewals and expansion."
    assert "support-framing" not in rules_of(mixed)
    assert "support-framing" not in rules_of("Support agent: work the ticket queue and live chat.")  # not CSM


def test_gendered_terms_are_warnings() -> None:
    findings = [
        f
        for f in csm_roles.lint_jd("He will lead the guys. His manpower plan.")
        if f.rule == "gendered-terms"
    ]
    assert [f.match for f in findings] == ["He", "guys", "His", "manpower"]
    assert {f.severity for f in findings} == {"warning"}
    assert "gendered-terms" not in rules_of("They will lead the team; their plan, theirs to shape.")


def test_gender_coding_is_one_info_finding_and_skips_csm_vocabulary() -> None:
    text = "Support our customers and be a customer champion; trust and collaboration matter."
    assert "gender-coding" not in rules_of(text)  # every coded word here is everyday CSM vocabulary
    assert csm_roles.gender_coding(text).verdict != "empty"  # the published lists do count them
    coded = "A confident, decisive, driven, ambitious, competitive and fearless analyst."
    findings = [f for f in csm_roles.lint_jd(coded) if f.rule == "gender-coding"]
    assert len(findings) == 1
    assert findings[0].severity == "info"
    assert "strongly masculine" in findings[0].message
    assert findings[0].match == "confident"


def test_missing_sections() -> None:
    assert rules_of("Just a paragraph about us.").count("missing-sections") == 2
    only_duties = "Responsibilities:\n- Run onboarding.\n"
    assert [f.message for f in csm_roles.lint_jd(only_duties) if f.rule == "missing-sections"] == [
        "The posting has no requirements section."
    ]
    assert "missing-sections" not in rules_of("<h2>What you'll do</h2><p>x</p><h3>Qualifications</h3>")
    assert "missing-sections" not in rules_of("Duties: run onboarding. Requirements: three years in CS.")


def test_html_tags_give_no_findings_and_positions_are_in_the_given_text() -> None:
    html = '<p class="hero">We want a <b>ninja</b>.</p>\n<img alt="he">'
    findings = [f for f in csm_roles.lint_jd(html) if f.rule in {"buzzwords", "gendered-terms"}]
    assert [f.match for f in findings] == ["ninja"]
    finding = findings[0]
    assert html[finding.offset : finding.end] == "ninja"
    assert (finding.line, finding.column) == (1, 30)


def test_markdown_positions() -> None:
    text = "# Job\n\n- be a **rockstar**\n"
    (finding,) = [f for f in csm_roles.lint_jd(text) if f.rule == "buzzwords"]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 10, 3, 18)
    assert (
        finding.format("jd.md")
        == "jd.md:3:10: warning buzzwords A buzzword that tells candidates little about the job."
    )


def test_inline_suppression() -> None:
    text = "We want a rockstar. <!-- csm-roles: ignore buzzwords -->\nAnd a ninja.\n"
    assert [f.match for f in csm_roles.lint_jd(text) if f.rule == "buzzwords"] == ["ninja"]
    above = "<!-- csm-roles: ignore buzzwords -->\nWe want a rockstar.\nAnd a ninja.\n"
    assert [f.match for f in csm_roles.lint_jd(above) if f.rule == "buzzwords"] == ["ninja"]
    text_comment = "# csm-roles: ignore buzzwords, gendered-terms\nHe is a rockstar.\n"
    assert not [f for f in csm_roles.lint_jd(text_comment) if f.rule in {"buzzwords", "gendered-terms"}]
    whole = "csm-roles: ignore-file missing-pay\nNo pay here.\n"
    assert "missing-pay" not in rules_of(whole)
    everything = "rockstar ninja <!-- csm-roles: ignore -->"
    assert "buzzwords" not in rules_of(everything)


def test_rule_selection() -> None:
    text = "A rockstar. He is great."
    assert set(rules_of(text, rules=["buzzwords"])) == {"buzzwords"}
    assert "buzzwords" not in rules_of(text, ignore=["buzzwords"])
    assert rules_of(text, rules="gendered-terms") == ["gendered-terms"]
    with pytest.raises(csm_roles.UnknownKeyError) as caught:
        csm_roles.lint_jd(text, rules=["buzzword"])
    assert caught.value.suggestion == "buzzwords"


def test_bad_arguments() -> None:
    with pytest.raises(csm_roles.InvalidInputError):
        csm_roles.lint_jd(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(csm_roles.UnknownKeyError):
        csm_roles.lint_jd("x", segment="huge")


def _rules_file(tmp_path: Path, change: object) -> Path:
    import yaml

    source = Path(__file__).resolve().parent.parent / "data" / "lint_rules.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_rules_as_data_add_disable_relevel(tmp_path: Path) -> None:
    def edit(data: dict[str, list[dict[str, object]]]) -> None:
        data["rules"].append(
            {
                "id": "no-pizza-perks",
                "kind": "phrases",
                "severity": "info",
                "message": "Pizza is not a benefit.",
                "suggestion": "List real benefits.",
                "source": "our hiring handbook",
                "params": {"phrases": ["pizza fridays"]},
            }
        )
        for rule in data["rules"]:
            if rule["id"] == "missing-pay":
                rule["enabled"] = False
            if rule["id"] == "buzzwords":
                rule["severity"] = "error"

    ruleset = csm_roles.load_rules(_rules_file(tmp_path, edit))
    findings = csm_roles.lint_jd("A rockstar. Pizza Fridays!", ruleset=ruleset)
    by_rule = {f.rule: f for f in findings}
    assert "missing-pay" not in by_rule
    assert by_rule["buzzwords"].severity == "error"
    assert by_rule["no-pizza-perks"].match == "Pizza Fridays"
    assert by_rule["no-pizza-perks"].source == "our hiring handbook"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["rules"][0].update(severity="fatal"), "severity"),
        (lambda d: d["rules"][0].update(kind="telepathy"), "kind"),
        (lambda d: d["rules"].append(dict(d["rules"][0])), "two rules have the id"),
        (lambda d: d["rules"][0].update(source="unknown-guide"), "unknown source id"),
        (lambda d: d["rules"][5]["params"].pop("phrases"), "params.phrases"),
        (lambda d: d["rules"][0].pop("message"), "missing required field 'message'"),
    ],
)
def test_bad_rules_files(tmp_path: Path, change: object, words: str) -> None:
    with pytest.raises(csm_roles.DataFileError, match=words):
        csm_roles.load_rules(_rules_file(tmp_path, change))


def test_generated_jds_have_nothing_above_info() -> None:
    day = dt.date(2026, 11, 1)
    for segment in ("smb", "mid-market", "enterprise"):
        for level in (lvl.key for lvl in csm_roles.levels()):
            pay = (110_000, 150_000) if not csm_roles.salary_bands(level) else None
            jd = csm_roles.generate_jd(
                segment, level, industry="healthcare", metro="SF", pay=pay, date_posted=day
            )
            for fmt in ("markdown", "html", "text"):
                bad = [f for f in csm_roles.lint_jd(jd.render(fmt), segment=segment) if f.severity != "info"]
                assert bad == [], (segment, level, fmt, bad)


def test_a_copied_rule_set_lints_with_its_own_rules() -> None:
    """`model_copy(update=...)` must not reuse the original's compiled patterns."""
    original = csm_roles.default_rules()
    assert [f.rule for f in csm_roles.lint_jd("Be a ninja.", rules=["buzzwords"], ruleset=original)]
    buzzwords = original.rule("buzzwords")
    swapped = buzzwords.model_copy(update={"params": {"phrases": ["wizard"]}})
    copy = original.model_copy(
        update={"rules": tuple(swapped if r.id == "buzzwords" else r for r in original.rules)}
    )
    assert not csm_roles.lint_jd("Be a ninja.", rules=["buzzwords"], ruleset=copy)
    assert [f.match for f in csm_roles.lint_jd("Be a wizard.", rules=["buzzwords"], ruleset=copy)] == [
        "wizard"
    ]
    assert [f.match for f in csm_roles.lint_jd("Be a ninja.", rules=["buzzwords"], ruleset=original)] == [
        "ninja"
    ]


def test_a_used_rule_set_still_equals_its_reload_and_pickles() -> None:
    import pickle

    used = csm_roles.default_rules()
    csm_roles.lint_jd("A posting", ruleset=used)
    reloaded = csm_roles.load_rules(ROOT / "data" / "lint_rules.yaml")
    assert used == reloaded
    assert pickle.loads(pickle.dumps(used)) == used
