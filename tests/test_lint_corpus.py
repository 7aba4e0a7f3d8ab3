"""The real corpus (../shared/corpus/postings.jsonl) against the labels in
benchmarks/corpus_labels.jsonl: every posting lints, positions point at their match,
the gender verdict is gender_coding()'s, and each rule keeps the quality targets
(benchmarks/lint_quality.py prints the figures). Skips when ../shared is absent."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import csm_roles
from conftest import ROOT


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lint_quality", ROOT / "benchmarks" / "lint_quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def postings(shared: Path, quality: ModuleType) -> dict[str, dict[str, object]]:
    return {row["id"]: row for row in quality.read_jsonl(shared / "corpus" / "postings.jsonl")}


def test_every_posting_lints_with_positions_on_the_match(postings: dict[str, dict[str, object]]) -> None:
    assert len(postings) == 100
    for row in postings.values():
        text = str(row["text"])
        for finding in csm_roles.lint_jd(text, title=str(row["title"])):
            assert text[finding.offset : finding.end] == finding.match


def test_the_labels_cover_the_corpus(postings: dict[str, dict[str, object]], quality: ModuleType) -> None:
    labels = quality.read_jsonl(ROOT / "benchmarks" / "corpus_labels.jsonl")
    assert {label["id"] for label in labels} == set(postings)
    assert all("text" not in label for label in labels)  # the posting text stays in ../shared


def test_each_rule_keeps_the_quality_targets(
    postings: dict[str, dict[str, object]], quality: ModuleType
) -> None:
    labels = {label["id"]: label for label in quality.read_jsonl(quality.LABELS)}
    scores, run = quality.score(list(postings.values()), labels, with_title=True)
    assert run.exceptions == []
    assert run.bad_positions == []
    assert run.gender_disagreements == []
    missed = {
        rule: (score.precision, score.recall) for rule, score in scores.items() if not score.meets_targets
    }
    assert missed == {}


def test_the_joblint_example_is_caught(postings: dict[str, dict[str, object]]) -> None:
    findings = csm_roles.lint_jd(str(postings["joblint-oh-dear"]["text"]))
    rules = {f.rule for f in findings}
    assert {"buzzwords", "gendered-terms", "bro-culture", "profanity", "sexualised-terms"} <= rules
    assert {"competitive-culture", "hollow-benefits"} <= rules


def test_csm_rules_stay_quiet_on_general_postings(postings: dict[str, dict[str, object]]) -> None:
    for row in postings.values():
        if row["kind"] != "other":
            continue
        rules = {f.rule for f in csm_roles.lint_jd(str(row["text"]), title=str(row["title"]))}
        assert not rules & {"support-framing", "portfolio-realism"}, row["id"]


def test_a_posting_holding_a_line_separator_is_read_whole(quality: ModuleType, tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "Line one\u2028line two\x85three"}, {"id": "b", "text": "x"}]
    path = tmp_path / "postings.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    assert quality.read_jsonl(path) == rows


def test_a_portfolio_size_label_is_read_as_text_or_as_a_number(quality: ModuleType) -> None:
    assert quality._count(150) == (150, 150)
    assert quality._count("1,200") == (1200, 1200)
    assert quality._count("30-40") == (30, 40)
    assert quality._count("a few dozen") is None
