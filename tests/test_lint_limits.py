"""The linter contains hostile input: rules that load can run, rule sets cannot be
changed, time and memory stay linear, findings are capped, wrong arguments are
refused clearly (issue 10's repros, each as a test)."""

from __future__ import annotations

import pickle
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

import csm_roles
from conftest import ROOT, run_together
from csm_roles._limits import MAX_FINDINGS_PER_RULE, MAX_POSTING_CHARS
from csm_roles._phrases import PhraseList, compile_phrases, phrase_problem

RULES = yaml.safe_load((ROOT / "data" / "lint_rules.yaml").read_text(encoding="utf-8"))


def _rule(rule_id: str) -> dict[str, object]:
    return next(dict(rule) for rule in RULES["rules"] if rule["id"] == rule_id)


def _load(tmp_path: Path, rule: dict[str, object]) -> csm_roles.RuleSet:
    data = dict(RULES)
    data["rules"] = [rule]
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return csm_roles.load_rules(path)


@pytest.mark.parametrize(
    ("rule_id", "change", "field", "words"),
    [
        ("missing-sections", {"params": {"sections": ["benefits"]}}, "rules.0.params.sections", "dictionary"),
        ("buzzwords", {"params": {"phrases": ["rock|"]}}, "rules.0.params.phrases.0", "empty alternative"),
        ("buzzwords", {"params": {"phrases": ["- - - - z"]}}, "rules.0.params.phrases.0", "letter or digit"),
        ("buzzwords", {"message": "Careful with {"}, "rules.0.message", "brace"),
        ("missing-sections", {"message": "No {heading} here."}, "rules.0.message", "{heading}"),
        (
            "vague-metrics",
            {"params": {"terms": ["nps"], "window": "abc"}},
            "rules.0.params.window",
            "integer",
        ),
        ("pay-range-wide", {"params": {"ratio": float("nan")}}, "rules.0.params.ratio", "finite"),
        ("pay-range-wide", {"params": {"ratio": 1}}, "rules.0.params.ratio", "greater than 1"),
        (
            "buzzwords",
            {"params": {"phrases": ["ninja"], "surprise": 1}},
            "rules.0.params.surprise",
            "unknown field",
        ),
        (
            "gendered-terms",
            {"params": {"phrases": ["he"], "skip_in": ["nowhere"]}},
            "rules.0.params.skip_in.0",
            "no zone",
        ),
        ("vague-metrics", {"applies_to": ["astronauts"]}, "rules.0.applies_to.0", "no role family"),
        (
            "missing-sections",
            {"params": {"sections": {"duties": ["duties"]}, "closing": {"perks": ["we offer"]}}},
            "rules.0.params",
            "closing names 'perks', which is not one of the sections",
        ),
        (
            "missing-sections",
            {"params": {"sections": {"duties": ["duties"]}, "opening": {"skills": ["to succeed"]}}},
            "rules.0.params",
            "opening names 'skills', which is not one of the sections",
        ),
    ],
)
def test_a_rule_that_could_not_run_is_refused_with_its_place(
    tmp_path: Path, rule_id: str, change: dict[str, object], field: str, words: str
) -> None:
    rule = _rule(rule_id)
    rule.update(change)
    with pytest.raises(csm_roles.DataFileError) as caught:
        _load(tmp_path, rule)
    error = caught.value
    assert error.field == field
    assert error.line is not None and error.column is not None
    assert words in str(error)
    assert re.match(rf"{re.escape(str(tmp_path / 'rules.yaml'))}:\d+:\d+: {re.escape(field)}: ", str(error))


def test_a_title_only_family_is_one_of_the_roles(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump({**RULES, "title_only": ["astronauts"]}), encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError) as caught:
        csm_roles.load_rules(path)
    assert caught.value.field is not None and caught.value.field.startswith("title_only")
    assert "no role family 'astronauts'" in str(caught.value)


def test_a_paragraph_zone_is_one_of_the_zones(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump({**RULES, "paragraph_zones": ["profile", "sidebar"]}), encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError) as caught:
        csm_roles.load_rules(path)
    assert caught.value.field == "paragraph_zones"
    assert "no zone 'sidebar'; the rule set's zones are " in str(caught.value)


@pytest.mark.parametrize(
    ("minimums", "words"),
    [({"sidebar": 2}, "no zone 'sidebar'"), ({"profile": 0}, "greater than or equal to 1")],
)
def test_a_zone_minimum_is_a_count_for_one_of_the_zones(
    tmp_path: Path, minimums: dict[str, int], words: str
) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump({**RULES, "zone_minimums": minimums}), encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError) as caught:
        csm_roles.load_rules(path)
    assert caught.value.field is not None and caught.value.field.startswith("zone_minimums")
    assert words in str(caught.value)


@pytest.mark.parametrize("word", ["Title", "base_salary", ""])
def test_a_front_matter_key_word_is_one_lower_case_word(tmp_path: Path, word: str) -> None:
    data = {**RULES, "front_matter": ["title", word]}
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError) as caught:
        csm_roles.load_rules(path)
    assert caught.value.field == "front_matter.1"
    assert "should match pattern '^[a-z]+$'" in str(caught.value)


def test_the_rules_that_load_run(tmp_path: Path) -> None:
    rule = _rule("missing-sections")
    rule["message"] = "No {section} section here ({{see the guide}})."
    ruleset = _load(tmp_path, rule)
    (finding, *_) = csm_roles.lint_jd("Nothing here.", ruleset=ruleset)
    assert finding.message == "No responsibilities section here ({see the guide})."


def test_rule_sets_cannot_be_changed_by_their_holders() -> None:
    rules = csm_roles.default_rules()
    wide = rules.rule("pay-range-wide")
    with pytest.raises(TypeError):
        wide.params["ratio"] = 100  # type: ignore[index]
    with pytest.raises(ValidationError):
        wide.params.ratio = 100  # type: ignore[misc, union-attr]
    with pytest.raises(TypeError):
        rules.rule("missing-sections").params.sections["benefits"] = ("perks",)  # type: ignore[index, union-attr]
    with pytest.raises(TypeError):
        rules.roles.clear()  # type: ignore[attr-defined]
    assert csm_roles.default_rules().rule("pay-range-wide").params.ratio == 2.0  # type: ignore[union-attr]
    assert pickle.loads(pickle.dumps(rules)) == rules
    assert csm_roles.RuleSet.model_validate(rules.model_dump()) == rules


@pytest.mark.parametrize(
    "phrase", ["- - - - z", "rock|", "|a", "a||b", "c++", ".net", "x" * 101, "a " * 13, "we’re-", "", "   "]
)
def test_phrases_that_could_backtrack_or_never_match_are_refused(phrase: str) -> None:
    assert phrase_problem(phrase) is not None


def test_an_accepted_phrase_list_matches_in_linear_time() -> None:
    """The worst lists the syntax allows, against the worst texts for them."""
    phrases = [
        " ".join(["a|a-a|aa"] * 9),
        "a a a a a a a a a a a b",
        "a" * 40 + " " + "a" * 40,
        "a-a-a-a-a-a-a-a",
    ]
    matcher = compile_phrases(TypeAdapter(PhraseList).validate_python(phrases))  # as a rules file has them
    for unit in ("a ", "a-", "a" * 39 + " ", "a -.&' "):
        timings = []
        for size in (20_000, 200_000):
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            position = 0
            while position < len(text):  # a match tried at every word start
                matcher.pattern.match(text, position)
                position = text.find(" ", position) + 1 or len(text)
            timings.append((time.perf_counter() - start) / size)
        assert timings[1] < 5 * timings[0] + 1e-6, unit


def test_lists_built_on_first_use_give_threads_arriving_together_the_same_findings() -> None:
    """A list's pattern is built when a posting first needs it: threads that need it at
    once may each build it, and every one of them must still see the same findings."""
    texts = [
        "## What you'll do\n- Own renewals for 50 enterprise accounts. Hit the ground running!\n"
        "## About you\n- A rockstar self-starter and a guru of synergy; he will crush it.\n"
        "Perks: free beer, ping pong and a competitive culture. Salary: $90k-$120k.",
        "Kundenbindung und Ticketsystem; 1st level support, inkommande frågor. Sexy lame ninjas.",
        "Customer Success Manager. Respond to support tickets within 2 hours via live chat.",
    ]
    expected = [csm_roles.lint_jd(text) for text in texts]
    ruleset = csm_roles.default_rules().model_copy()  # its own compiled lists, none built yet
    results: list[list[tuple[csm_roles.Finding, ...]]] = []
    run_together(lambda: results.append([csm_roles.lint_jd(text, ruleset=ruleset) for text in texts]))
    assert len(results) == 8
    assert all(result == expected for result in results)


@pytest.mark.parametrize(
    "unit",
    [
        "aB",  # a glued capital at every other character
        "abC",
        "Perks:\nteamWork hard\n",  # joins in every heading's region
        "About you: teamWork\n",
        "valuesWork hard, play hard ",
    ],
)
def test_words_joined_by_capitals_are_read_in_linear_time(unit: str) -> None:
    per_char = []
    for size in (40_000, 160_000):  # small: a quadratic reading takes seconds here, not hours
        text = (unit * (size // len(unit) + 1))[:size]
        start = time.perf_counter()
        csm_roles.lint_jd(text, title="Customer Success Manager")
        per_char.append((time.perf_counter() - start) / size)
    assert per_char[1] < 4 * per_char[0] + 1e-6, unit


@pytest.mark.parametrize("run", [" ", "<span></span>", "\t "])
def test_a_heading_word_before_a_long_run_of_space_is_read_in_linear_time(run: str) -> None:
    """Blanked markup is spaces: a heading word followed by a long run of it (an inline
    image, empty tags) was once read in time growing with the run's square."""
    per_char = []
    for size in (4_000, 32_000):  # small: a quadratic reading takes seconds here, not hours
        text = "Responsibilities" + run * (size // len(run)) + "x\nManage accounts"
        start = time.perf_counter()
        csm_roles.lint_jd(text, rules=["missing-sections"])
        per_char.append((time.perf_counter() - start) / size)
    assert per_char[1] < 4 * per_char[0] + 1e-6, run


def test_the_items_of_at_most_a_bounded_number_of_headings_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the headings kept, each heading names nothing and would have its items read:
    thousands of them cost a read each (6 s/MB), so only the first are read."""
    from csm_roles import _sections

    reads: list[int] = []
    read_like = _sections._read_like

    def counted(*args: Any) -> str | None:
        reads.append(1)
        return read_like(*args)

    monkeypatch.setattr(_sections, "_read_like", counted)
    csm_roles.lint_jd("## Responsibilities\n- Own renewals\n" * 5_000, rules=["missing-sections"])
    assert 0 < len(reads) <= 500  # of the 3,000 headings past the 2,000 kept


def test_a_long_run_of_blanked_markup_before_a_heading_word_is_read_in_linear_time() -> None:
    """A line of inline styles, blanked to spaces before a section phrase, was read as a key
    of program source in time growing with the cube of the run (a real 17 KB posting: 21 s)."""
    per_char = []
    for size in (300, 1_200):  # small: a cubic reading takes seconds here, not hours
        style = "font-family: Arial; " * (size // 20)
        text = f'<p><span style="{style}">We offer the opportunity to grow.</span></p>\n'
        start = time.perf_counter()
        csm_roles.lint_jd(text, rules=["missing-sections"])
        per_char.append((time.perf_counter() - start) / size)
    assert per_char[1] < 4 * per_char[0] + 1e-6


def test_unclosed_markup_is_linear() -> None:
    for unit in ("<!-- x ", "<script x ", "<style>x ", "<a x ", "&lt;a x ", "&lt;!-- x "):
        text = unit * (200_000 // len(unit))
        start = time.perf_counter()
        csm_roles.lint_jd(text)
        assert time.perf_counter() - start < 10, unit  # 51 s before


@pytest.mark.parametrize(
    ("head", "run"),
    [
        ("Salary €5 gross", " "),  # a period after "gross" or "net"
        ("Salary: 5 € net", " "),
        ("$5k gross", "\n"),
        ("Pay 5", " € "),  # symbols after a figure
        ("Pay: 45.000 € -", " **"),  # bold marks and spaces where a second end could be
        ("USD 5", " \\-"),  # escaped dashes
        ("Salary $5", " "),  # where an aside after the low end could start
        ("Pay $5", " (x)"),
    ],
)
def test_reading_pay_is_linear_in_long_runs(head: str, run: str) -> None:
    per_char = []
    for size in (2_000, 16_000):  # small: a quadratic pattern takes seconds here, not hours
        text = head + run * (size // len(run)) + "x"
        start = time.perf_counter()
        csm_roles.lint_jd(text, rules=["missing-pay"])
        per_char.append((time.perf_counter() - start) / size)
    assert per_char[1] < 4 * per_char[0] + 1e-6, (head, run)


@pytest.mark.parametrize(
    "unit",
    [
        " www.a",  # an address at every few characters
        "/www.",  # openings inside one long address
        " http",  # openings that are no address
        "www.http ",
        " rm5,000",  # currency marks glued to figures
        "r1,00",
        "\n---\na: b",  # front matter: every other line a fence
        "\n  - x",  # one long list under a key, never closed
    ],
)
def test_front_matter_web_addresses_and_glued_marks_are_read_in_linear_time(unit: str) -> None:
    per_char = []
    for size in (40_000, 160_000):  # small: a quadratic reading takes seconds here, not hours
        text = "---\nSalary: https://x" + unit * (size // len(unit))
        start = time.perf_counter()
        csm_roles.lint_jd(text, rules=["missing-pay", "buzzwords"])
        per_char.append((time.perf_counter() - start) / size)
    assert per_char[1] < 4 * per_char[0] + 1e-6, unit


def test_findings_per_rule_are_capped_with_one_summary() -> None:
    text = "ninja " * 20_000
    found = [f for f in csm_roles.lint_jd(text) if f.rule == "buzzwords"]
    assert len(found) == MAX_FINDINGS_PER_RULE + 1
    summary = found[-1]
    assert "19,900 more findings of this rule" in summary.message
    assert text[summary.offset : summary.end] == summary.match


def test_wrong_types_raise_type_error_and_bad_values_our_errors() -> None:
    with pytest.raises(TypeError):
        csm_roles.lint_jd(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        csm_roles.lint_jd("x", ruleset={"rules": []})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        csm_roles.lint_jd("x", benchmarks="data.yaml")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        csm_roles.lint_jd("x", title=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        csm_roles.lint_jd("x", rules=[1])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        csm_roles.lint_jd("x", max_chars="10")  # type: ignore[arg-type]
    with pytest.raises(csm_roles.UnknownKeyError):
        csm_roles.lint_jd("x", segment="huge")
    with pytest.raises(csm_roles.InvalidInputError):
        csm_roles.lint_jd("x", max_chars=0)
    with pytest.raises(csm_roles.InvalidInputError, match="max_chars"):
        csm_roles.lint_jd("x" * 11, max_chars=10)
    assert MAX_POSTING_CHARS >= 20_000_000  # the scaling benchmark's largest text fits


def test_lint_time_per_mb_stays_flat_on_hostile_markup() -> None:
    """The benchmark (benchmarks/bench_lint.py) prints 1 to 20 MB; here two small sizes."""
    unit = "<!-- x <a <script> ninja ## Duties\n$1 "
    csm_roles.lint_jd(unit)
    per_char = []
    for size in (100_000, 800_000):
        text = (unit * (size // len(unit) + 1))[:size]
        start = time.perf_counter()
        csm_roles.lint_jd(text)
        per_char.append((time.perf_counter() - start) / size)
    assert per_char[1] < 4 * per_char[0]
