"""`csm-roles lint` as a subprocess: output forms, exit codes, stdin, selection."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from conftest import ROOT, run_cli

BAD = "Wanted: a rockstar CSM to manage 150 enterprise accounts.\nCompetitive salary.\n"
GOOD = ROOT / "tests" / "golden" / "enterprise-senior-sf-healthcare.md"


def test_text_output_is_path_line_col_severity_rule_message(tmp_path: Path) -> None:
    posting = tmp_path / "jd.md"
    posting.write_text(BAD, encoding="utf-8")
    result = run_cli("lint", str(posting))
    assert result.returncode == 1  # an error (missing pay) reaches the default --fail-on error
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        assert re.match(rf"^{re.escape(str(posting))}:\d+:\d+: (error|warning|info) [a-z-]+ .+", line), line
    assert f'{posting}:1:11: warning buzzwords "rockstar": A cute title' in result.stdout
    assert f"{posting}:1:1: error missing-pay The posting" in result.stdout
    counted = re.fullmatch(
        r"(\d+) findings in 1 file \((\d+) errors?, (\d+) warnings?, (\d+) info\)\n", result.stderr
    )
    assert counted is not None, result.stderr
    total, *levels = (int(number) for number in counted.groups())
    assert total == sum(levels) == len(lines)
    for number, word in zip(levels[:2], ("error", "warning"), strict=True):
        assert f"{number} {word}{'' if number == 1 else 's'}," in result.stderr


def test_stdin_and_json() -> None:
    result = run_cli("lint", "-", "--format", "json", stdin=BAD)
    assert result.returncode == 1
    (report,) = json.loads(result.stdout)
    assert report["path"] == "<stdin>"
    rules = {f["rule"] for f in report["findings"]}
    assert {"missing-pay", "buzzwords", "portfolio-realism"} <= rules
    first = report["findings"][0]
    assert set(first) >= {
        "rule",
        "severity",
        "message",
        "suggestion",
        "line",
        "column",
        "end",
        "match",
        "source",
    }


def test_fail_on_levels() -> None:
    clean = GOOD.read_text(encoding="utf-8")
    assert run_cli("lint", "-", stdin=clean).returncode == 0
    assert run_cli("lint", "-", "--fail-on", "warning", stdin=clean).returncode == 0
    assert run_cli("lint", "-", "--fail-on", "info", stdin=clean).returncode in (0, 1)
    warn_only = "Salary $90,000 - $110,000. Responsibilities: x. Requirements: y. A rockstar."
    assert run_cli("lint", "-", stdin=warn_only).returncode == 0
    assert run_cli("lint", "-", "--fail-on", "warning", stdin=warn_only).returncode == 1


def test_select_and_ignore() -> None:
    only = run_cli("lint", "-", "--select", "buzzwords", stdin=BAD)
    assert {line.split()[2] for line in only.stdout.splitlines()} == {"buzzwords"}
    assert only.returncode == 0
    skipped = run_cli("lint", "-", "--ignore", "missing-pay,buzzwords", stdin=BAD)
    assert "missing-pay" not in skipped.stdout
    assert "buzzwords" not in skipped.stdout


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert run_cli("lint").returncode == 2
    unknown = run_cli("lint", "-", "--select", "buzzword", stdin=BAD)
    assert unknown.returncode == 2
    assert "did you mean 'buzzwords'?" in unknown.stderr
    missing = run_cli("lint", str(tmp_path / "nope.md"))
    assert missing.returncode == 2
    assert "no such file" in missing.stderr
    assert run_cli("lint", "-", "--fail-on", "fatal", stdin=BAD).returncode == 2
    assert run_cli("lint", "-", "--segment", "huge", stdin=BAD).returncode == 2


def test_several_files_and_a_rules_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.html"
    first.write_text(BAD, encoding="utf-8")
    second.write_text("<p>Our <b>ninja</b> team</p>", encoding="utf-8")
    result = run_cli("lint", str(first), str(second))
    assert f"{second}:1:11: warning buzzwords" in result.stdout
    rules = yaml.safe_load((ROOT / "data" / "lint_rules.yaml").read_text(encoding="utf-8"))
    for rule in rules["rules"]:
        rule["enabled"] = rule["id"] == "buzzwords"
    custom = tmp_path / "rules.yaml"
    custom.write_text(yaml.safe_dump(rules), encoding="utf-8")
    only = run_cli("lint", "--rules", str(custom), str(first))
    assert {line.split()[2] for line in only.stdout.splitlines()} == {"buzzwords"}


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "csm-roles-lint"
    assert hook["entry"] == "csm-roles lint"
    assert hook["language"] == "python"


def test_sarif_output_for_code_scanning(tmp_path: Path) -> None:
    posting = tmp_path / "jd.md"
    posting.write_text(BAD, encoding="utf-8")
    result = run_cli("lint", str(posting), "--format", "sarif")
    assert result.returncode == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "csm-roles"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in run["tool"]["driver"]["rules"]}
    assert levels["missing-pay"] == "error" and levels["gender-coding"] == "note"
    by_rule = {result["ruleId"]: result for result in run["results"]}
    buzz = by_rule["buzzwords"]
    assert rules[buzz["ruleIndex"]] == "buzzwords"
    location = buzz["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("jd.md")
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 11,
        "endLine": 1,
        "endColumn": 19,
        "snippet": {"text": "rockstar"},
    }
    stdin = json.loads(run_cli("lint", "-", "--format", "sarif", stdin=BAD).stdout)
    assert (
        stdin["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "stdin"
    )


def test_title_tells_the_role() -> None:
    text = "Drive customer satisfaction and adoption.\n"
    assert "vague-metrics" not in run_cli("lint", "-", stdin=text).stdout
    assert "vague-metrics" in run_cli("lint", "-", "--title", "Account Manager", stdin=text).stdout
