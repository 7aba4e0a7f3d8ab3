"""Hypothesis: hostile strings and files never make the linter raise anything but our
errors, take long, or point a finding anywhere but at its match."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import csm_roles
from conftest import ROOT, run_cli
from csm_roles import _sections
from csm_roles._text import prepare

WORDS = [
    "rockstar",
    "ninja",
    "he",
    "his/her",
    "guys",
    "$80,000",
    "-",
    "$120,000",
    "USD",
    "€60.000",
    "₹12,00,000",
    "CHF",
    "120'000",
    "k",
    "salary",
    "pay:",
    "up to",
    "per hour",
    "stipend",
    "accounts",
    "manage",
    "1,200",
    "150-account",
    "30-40",
    "enterprise",
    "SMB",
    "largest",
    "retention",
    "92%",
    "NPS",
    "of",
    "50+",
    "ticket",
    "live chat",
    "Zendesk",
    "customer success manager",
    "CSM",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "<script>",
    "<style>",
    "&amp;",
    "&#8217;",
    "&lt;h2&gt;",
    "&lt;/p&gt;",
    "&amp;nbsp;",
    "&lt;",
    "csm-roles: ignore buzzwords",
    "csm-roles: ignore-file",
    "Responsibilities:",
    "## What you’ll do",
    "**About you**",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "é",
    "İ",
    "ß",
    "\u2028",
    "\x00",
    "\ud800",
    "co-operative",
    "self-confident",
    "sharepoint",
    "champion",
    "support",
    "—",
    "’",
    "starterStrong",
    "spiritWinner",
    "resultsFree",
    "ShipHero",
    "PROFILDu",
    "KPIs",
    "月給",
    "30万円～",
    "業務内容",
    "：",
]

texts = (
    st.text(max_size=400)
    | st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
    | st.lists(st.sampled_from(WORDS), max_size=60).map("".join)
)


def _expected_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of an offset, with \\r\\n, \\r and \\n each ending a line."""
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    if not breaks:
        return 1, offset + 1
    return len(breaks) + 1, offset - breaks[-1].end() + 1


@settings(max_examples=300, deadline=None)
@given(
    texts,
    st.sampled_from([None, "smb", "mid-market", "enterprise"]),
    st.sampled_from([None, "CSM", "Engineer"]),
)
def test_any_text_lints_quickly_with_positions_on_the_match(
    text: str, segment: str | None, title: str | None
) -> None:
    start = time.perf_counter()
    findings = csm_roles.lint_jd(text, segment=segment, title=title)
    assert time.perf_counter() - start < 5
    for finding in findings:
        assert text[finding.offset : finding.end] == finding.match
        assert 0 <= finding.offset <= finding.end <= len(text)
        assert (finding.line, finding.column) == _expected_position(text, finding.offset)
        assert (finding.end_line, finding.end_column) == _expected_position(text, finding.end)
        assert finding.severity in {"error", "warning", "info"}


FRONT_MATTER_LINES = [
    "---",
    "+++",
    "...",
    "title: Customer Success <b>Ninja",
    "hero_title: x",
    "description: >-",
    "  ## Responsibilities",
    "  - Own renewals",
    "- item",
    'layout = "job"',
    'notes = """',
    '"""',
    "[params]",
    "]",
    "# comment",
    "baseSalary: 75000",
    "title: CSM <b",  # a tag left open in a kept line, closed after a blanked one
    "  </b> <!-- x",
    "-->",
    "prose without a key",
    "",
    "\r",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["---\n", "+++\n", "\ufeff---\r\n", "--- # x\n"]),
    st.lists(st.sampled_from(FRONT_MATTER_LINES), max_size=25).map("\n".join),
)
def test_front_matter_keeps_every_offset(opening: str, rest: str) -> None:
    text = opening + rest
    prepared = prepare(text, csm_roles.default_rules().front_matter)
    assert len(prepared.scan) == len(prepared.cased) == len(text)
    for finding in csm_roles.lint_jd(text):
        assert text[finding.offset : finding.end] == finding.match


@given(texts)
def test_lint_is_deterministic(text: str) -> None:
    assert csm_roles.lint_jd(text) == csm_roles.lint_jd(text)


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(
        ["<!-- ", "<script ", "<a ", "&lt;a ", "&lt;b&gt;", "ninja ", "$1 ", "a-", "Responsibilities: "]
    ),
    st.integers(1, 3000),
)
def test_repeated_hostile_units(unit: str, count: int) -> None:
    text = unit * count
    for finding in csm_roles.lint_jd(text):
        assert text[finding.offset : finding.end] == finding.match


@given(st.text(alphabet='ab :*"\r\n', max_size=40), st.data())
def test_line_bounds_and_phrases_alone_on_a_line_read_in_place(scan: str, data: st.DataObject) -> None:
    """The line of a phrase is found from the line breaks listed once, and whether the
    phrase stands alone on it is matched in place: both as a plain search and strip say."""
    start = data.draw(st.integers(0, len(scan)))
    end = data.draw(st.integers(start, len(scan)))
    begin = max(scan.rfind("\n", 0, start), scan.rfind("\r", 0, start)) + 1
    stops = [found for found in (scan.find("\n", end), scan.find("\r", end)) if found != -1]
    lines = _sections._Lines(scan)
    line = lines.of(start, end)
    assert line == (begin, min(stops) if stops else len(scan))
    marks = _sections._MARKS + _sections._KEY_MARKS
    alone = not scan[begin:start].strip(marks) and not scan[end : line[1]].strip(marks + "\r")
    assert _sections._alone_on_line(scan, (start, end), line) == alone
    assert lines.alone((start, end), line) == alone
    assert lines.alone((start, end), line) == alone  # once more, from what it kept


# -- gender_coding against a plain reading of gender-decoder's steps ------------------------


def _reference(text: str) -> tuple[list[str], list[str]]:
    """gender-decoder's steps, written out plainly (slow, for small texts only)."""
    lists = yaml.safe_load((ROOT / "data" / "gaucher-2011.yaml").read_text(encoding="utf-8"))
    ascii_only = "".join(char if ord(char) < 128 else " " for char in text)
    spaced = re.sub(r"\s", " ", ascii_only)
    spaced = re.sub(r"[.\t,“”‘’<>*?!\"\[\]@':;()/&]", " ", spaced)
    words = [word.lower() for word in spaced.split(" ") if word]
    walked = list(words)  # the list gender-decoder walks through, changed under it once
    current = walked
    position = 0
    while position < len(walked):
        word = walked[position]
        if word.find("-") != 0 and not word.startswith(tuple(lists["hyphenated_coded_words"])):
            where = current.index(word)
            current.remove(word)
            current = current[:where] + word.split("-") + current[where:]
        position += 1
    masculine = [
        w
        for w in current
        for s in lists["masculine_coded"]
        if w.startswith(s) and w not in lists["non_coded_exceptions"]
    ]
    feminine = [
        w
        for w in current
        for s in lists["feminine_coded"]
        if w.startswith(s) and w not in lists["non_coded_exceptions"]
    ]
    return masculine, feminine


GENDER_WORDS = [
    "lead",
    "leader",
    "well-connected",
    "co-operative",
    "-leader",
    "self-confident",
    "sharepoint",
    "sharepoints",
    "lead-gen",
    "x",
    "Decisive",
    "kind—honest",
    "support",
    "--",
    "-",
    "trust-worthy",
    "é",
    "lead.",
    "\n",
    "İ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(GENDER_WORDS), max_size=12),
    st.lists(st.sampled_from([" ", "", "-", "  "]), max_size=12),
)
def test_gender_coding_is_gender_decoders(words: list[str], joins: list[str]) -> None:
    text = "".join(word + (joins[i] if i < len(joins) else " ") for i, word in enumerate(words))
    result = csm_roles.gender_coding(text)
    assert (list(result.masculine), list(result.feminine)) == _reference(text)


@given(st.text(max_size=300))
def test_gender_coding_never_raises(text: str) -> None:
    result = csm_roles.gender_coding(text)
    assert result.score == result.feminine_count - result.masculine_count


# -- rules files ----------------------------------------------------------------------


def _mutations() -> st.SearchStrategy[object]:
    leaf = st.none() | st.booleans() | st.integers(-5, 300) | st.floats() | st.text(max_size=30)
    return st.recursive(
        leaf,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=12,
    )


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    index=st.integers(0, 16),
    field=st.sampled_from(["params", "message", "kind", "applies_to", "severity", "id"]),
    value=_mutations(),
)
def test_hostile_rules_files_give_only_our_errors(
    tmp_path: Path, index: int, field: str, value: object
) -> None:
    data = yaml.safe_load((ROOT / "data" / "lint_rules.yaml").read_text(encoding="utf-8"))
    data["rules"][index % len(data["rules"])][field] = value
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        ruleset = csm_roles.load_rules(path)
    except csm_roles.DataFileError as err:
        assert err.field is not None or err.line is not None
        return
    csm_roles.lint_jd("A rockstar ninja. Salary $1 - $9. Responsibilities: none.", ruleset=ruleset)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(max_size=400) | st.text(max_size=400).map(lambda text: text.encode("utf-8", "surrogatepass"))
)
def test_hostile_rules_file_contents(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rules.yaml"
    path.write_bytes(content)
    with contextlib.suppress(csm_roles.DataFileError):
        csm_roles.load_rules(path)


def test_default_rules_are_read_once_and_equal_the_file() -> None:
    assert csm_roles.default_rules() is csm_roles.default_rules()
    assert csm_roles.load_rules(ROOT / "data" / "lint_rules.yaml") == csm_roles.default_rules()


# -- the command line ------------------------------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.binary(max_size=300) | texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
    form=st.sampled_from(["text", "json", "sarif"]),
)
def test_the_lint_command_on_hostile_files(tmp_path: Path, content: bytes, form: str) -> None:
    path = tmp_path / "posting.md"
    path.write_bytes(content)
    result = run_cli("lint", str(path), "--format", form)
    assert result.returncode in (0, 1, 2)
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert "UTF-8" in result.stderr
