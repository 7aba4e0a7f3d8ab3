"""Linter quality on real postings: precision and recall per rule against human labels.

Prints figures, asserts nothing. Lints every posting of ../shared/corpus/postings.jsonl
(with its title) and scores each rule against ``benchmarks/corpus_labels.jsonl``,
labels made by careful readers who never ran the linter (see the labels' ``note``
and ``review`` fields). Postings labelled ``duplicate_of`` another are left out.

How a rule is scored:

- posting rules (pay, targets, portfolio, support desk): one unit per posting; the
  truth is the label (a rule for some role families is only true for those);
- ``missing-sections``: one unit per posting and section;
- phrase rules: one unit per labelled term and per finding. A finding is right when
  its words and a labelled term's words contain one another; a term is found when
  some finding is right about it;
- ``gender-coding``: its verdict must equal `gender_coding()`'s on every posting.

Also checked: no exception, and every finding's position points at its match.

    python benchmarks/lint_quality.py [--postings FILE] [--labels FILE] [--no-title] [--show RULE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import csm_roles

ROOT = Path(__file__).resolve().parent.parent
POSTINGS = ROOT.parent / "shared" / "corpus" / "postings.jsonl"
LABELS = ROOT / "benchmarks" / "corpus_labels.jsonl"
TARGET_PRECISION, TARGET_RECALL = 0.9, 0.85

Label = dict[str, Any]

#: Phrase rules and the label lists that hold their terms.
TERMS: dict[str, tuple[str, ...]] = {
    "buzzwords": ("buzzwords", "extras.heroic", "extras.reassure"),
    "gendered-terms": ("gendered",),
    "bro-culture": ("extras.bro",),
    "hollow-benefits": ("extras.hollow_benefits",),
    "jargon": ("extras.jargon",),
    "competitive-culture": ("extras.competitive",),
    "profanity": ("extras.profanity",),
    "sexualised-terms": ("extras.sexualised_or_derogatory",),
    "ableist-language": ("extras.ableist",),
}


@dataclass
class Score:
    """Counts for one rule."""

    unit: str
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, truth: bool, predicted: bool, where: str) -> None:
        if truth and predicted:
            self.true_positive += 1
        elif predicted:
            self.false_positive += 1
            self.wrong.append(where)
        elif truth:
            self.false_negative += 1
            self.misses.append(where)

    @property
    def precision(self) -> float | None:
        fired = self.true_positive + self.false_positive
        return self.true_positive / fired if fired else None

    @property
    def recall(self) -> float | None:
        real = self.true_positive + self.false_negative
        return self.true_positive / real if real else None

    @property
    def meets_targets(self) -> bool:
        precision, recall = self.precision, self.recall
        return (precision is None or precision >= TARGET_PRECISION) and (
            recall is None or recall >= TARGET_RECALL
        )


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))) + " "


def _same(found: str, term: str) -> bool:
    a, b = _words(found), _words(term)
    return a.strip() != "" and (a in b or b in a)


def _terms(label: Label, paths: Sequence[str]) -> list[str]:
    terms: list[str] = []
    for path in paths:
        value: Any = label
        for part in path.split("."):
            value = value.get(part, []) if isinstance(value, dict) else []
        terms += [str(term) for term in value]
    return terms


def _applies(rule: csm_roles.Rule, label: Label) -> bool:
    return rule.applies_to == "all" or label.get("role_family") in rule.applies_to


def _count(text: str | int | None) -> tuple[int, int] | None:
    """A portfolio size label as numbers ("1,200", "30-40", "150", or the number 150), or
    None for words."""
    if isinstance(text, int):
        return text, text
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d[\d,]*)\s*(?:[-–to]+\s*(\d[\d,]*))?\+?\s*", text)
    if match is None:
        return None
    low = int(match.group(1).replace(",", ""))
    return low, int(match.group(2).replace(",", "")) if match.group(2) else low


def _segment_key(text: str | None) -> str | None:
    lowered = (text or "").lower()
    for key, words in (
        ("enterprise", ("enterprise", "strategic", "largest")),
        ("mid-market", ("mid",)),
        ("smb", ("smb", "small")),
    ):
        if any(word in lowered for word in words):
            return key
    return None


def _portfolio_truth(label: Label) -> bool:
    count, segment = _count(label.get("portfolio_size")), _segment_key(label.get("segment"))
    if count is None or segment is None:
        return False
    sizes = csm_roles.portfolio_sizes(segment)
    floor = min(size.low for size in sizes)
    ceiling = max(float("inf") if size.open_ended or size.high is None else size.high for size in sizes)
    return count[1] < floor or count[0] > ceiling


def _pay_wide(label: Label, ratio: float) -> bool:
    pay = label.get("pay_range")
    return label.get("pay") == "range" and isinstance(pay, list) and pay[1] > ratio * pay[0]


def _posting_truths(ruleset: csm_roles.RuleSet) -> dict[str, Callable[[Label], bool]]:
    ratio = ruleset.rule("pay-range-wide").params.ratio  # type: ignore[union-attr]
    truths: dict[str, Callable[[Label], bool]] = {
        "missing-pay": lambda label: label.get("pay") == "none",
        "pay-single-figure": lambda label: label.get("pay") == "single",
        "pay-range-wide": lambda label: _pay_wide(label, ratio),
        "vague-metrics": lambda label: label.get("numeric_targets") == "N",
        "portfolio-realism": _portfolio_truth,
        "support-framing": lambda label: label.get("support_desk") == "Y",
    }
    return {rule: truth for rule, truth in truths.items() if any(r.id == rule for r in ruleset.rules)}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file. Only a line feed ends a line: a posting's text may
    hold U+2028 or U+0085, where `str.splitlines` would split too."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


@dataclass
class Run:
    """What linting the corpus gave, beside the scores."""

    postings: int = 0
    exceptions: list[str] = field(default_factory=list)
    bad_positions: list[str] = field(default_factory=list)
    gender_disagreements: list[str] = field(default_factory=list)


def _gender_agrees(text: str, findings: Iterable[csm_roles.Finding]) -> bool:
    expected = csm_roles.gender_coding(text).verdict
    messages = [f.message for f in findings if f.rule == "gender-coding"]
    if expected in ("neutral", "empty"):
        return not messages
    return len(messages) == 1 and messages[0].startswith(
        f"The wording leans {expected.replace('-coded', '')}."
    )


def score(
    postings: Sequence[dict[str, Any]], labels: dict[str, Label], *, with_title: bool
) -> tuple[dict[str, Score], Run]:
    """Lint every labelled posting and score each rule of the built-in rule set."""
    ruleset = csm_roles.default_rules()
    truths = _posting_truths(ruleset)
    scores: dict[str, Score] = {rule: Score("posting") for rule in truths}
    scores["missing-sections"] = Score("posting x section")
    scores.update({rule: Score("term") for rule in TERMS if any(r.id == rule for r in ruleset.rules)})
    run = Run()
    for posting in postings:
        label = labels.get(posting["id"])
        if label is None or label.get("duplicate_of"):
            continue
        run.postings += 1
        text, where = posting["text"], posting["id"]
        try:
            findings = csm_roles.lint_jd(text, title=posting.get("title") if with_title else None)
        except Exception as err:  # a benchmark reports every failure rather than stopping at the first
            run.exceptions.append(f"{where}: {type(err).__name__}: {err}")
            continue
        run.bad_positions += [
            f"{where}: {f.rule} {f.offset}" for f in findings if text[f.offset : f.end] != f.match
        ]
        if not _gender_agrees(text, findings):
            run.gender_disagreements.append(where)
        fired = {f.rule for f in findings}
        for rule_id, truth in truths.items():
            rule = ruleset.rule(rule_id)
            scores[rule_id].add(_applies(rule, label) and truth(label), rule_id in fired, where)
        for section in ("responsibilities", "requirements"):
            missing = any(f.rule == "missing-sections" and section in f.message for f in findings)
            scores["missing-sections"].add(label.get(f"has_{section}") == "N", missing, f"{where} {section}")
        for rule_id, paths in TERMS.items():
            if rule_id not in scores:
                continue
            terms = _terms(label, paths)
            matches = [f.match for f in findings if f.rule == rule_id and f.match]
            for found in matches:
                scores[rule_id].add(any(_same(found, term) for term in terms), True, f"{where}: {found!r}")
            for term in terms:
                if not any(_same(found, term) for found in matches):
                    scores[rule_id].add(True, False, f"{where}: {term!r}")
    return scores, run


def _figure(value: float | None) -> str:
    return "   –" if value is None else f"{value:4.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=Path, default=POSTINGS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument(
        "--no-title", action="store_true", help="lint the text alone, without the posting's title"
    )
    parser.add_argument("--show", metavar="RULE", help="list the postings a rule gets wrong")
    args = parser.parse_args(argv)
    if not args.postings.is_file():
        print(f"no corpus at {args.postings}; pass --postings FILE")
        return 0
    labels = {label["id"]: label for label in read_jsonl(args.labels)}
    scores, run = score(read_jsonl(args.postings), labels, with_title=not args.no_title)
    print(f"{run.postings} labelled postings ({'text only' if args.no_title else 'with their titles'})")
    print(
        f"{'rule':22} {'unit':18} {'real':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>5} {'recall':>6}"
        "  targets"
    )
    for rule_id, counts in scores.items():
        real = counts.true_positive + counts.false_negative
        print(
            f"{rule_id:22} {counts.unit:18} {real:5d} {counts.true_positive:4d} {counts.false_positive:4d} "
            f"{counts.false_negative:4d} {_figure(counts.precision):>5} {_figure(counts.recall):>6}  "
            f"{'met' if counts.meets_targets else 'MISSED'}"
        )
    agree = run.postings - len(run.exceptions) - len(run.gender_disagreements)
    print(f"gender-coding verdict equal to gender_coding(): {agree} of {run.postings}")
    print(
        f"exceptions: {len(run.exceptions)}; "
        f"findings whose position misses their match: {len(run.bad_positions)}"
    )
    for line in (
        run.exceptions
        + run.bad_positions
        + [f"gender verdict differs: {w}" for w in run.gender_disagreements]
    ):
        print(f"  {line}")
    if args.show:
        shown = scores.get(args.show)
        if shown is None:
            print(f"no scores for {args.show!r}")
        else:
            for line in shown.wrong:
                print(f"  false positive: {line}")
            for line in shown.misses:
                print(f"  missed: {line}")
    every = all(counts.meets_targets for counts in scores.values())
    clean = not (run.exceptions or run.bad_positions or run.gender_disagreements)
    print(
        f"targets (precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}, no errors): "
        f"{'met' if every and clean else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
