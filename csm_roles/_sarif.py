"""Lint findings as SARIF 2.1.0, the format code-scanning tools read.

One run, with the rules of the rule set as the tool's rules (their message, the
suggestion as help, and a level: ``error`` and ``warning`` as they are, ``info`` as
``note``), and one result per finding located by line and column. Columns count
characters (``columnKind: unicodeCodePoints``), as `Finding` does; a finding about
the whole posting is an empty region at line 1, column 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from ._lint import Finding
from ._rules import RuleSet

__all__ = ["SARIF_SCHEMA", "to_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A path as a URI reference (the standard input is ``stdin``)."""
    if path == "<stdin>":
        return "stdin"
    return quote(path.replace("\\", "/"), safe="/:")


def to_sarif(
    results: Iterable[tuple[str, Sequence[Finding]]], ruleset: RuleSet, *, version: str
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of ``(path, findings)`` pairs linted with ``ruleset``."""
    rules = list(ruleset.rules)
    index = {rule.id: number for number, rule in enumerate(rules)}
    log_results = []
    for path, findings in results:
        for finding in findings:
            region: dict[str, Any] = {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
            }
            if finding.match:
                region["snippet"] = {"text": finding.match}
            log_results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": index[finding.rule],
                    "level": _LEVELS[finding.severity],
                    "message": {"text": f"{finding.message} {finding.suggestion}"},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}
                    ],
                }
            )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "csm-roles",
                        "version": version,
                        "informationUri": "https://github.com/csm-roles/csm-roles",
                        "rules": [
                            {
                                "id": rule.id,
                                "shortDescription": {"text": rule.message.replace("{", "").replace("}", "")},
                                "help": {"text": rule.suggestion},
                                "defaultConfiguration": {
                                    "level": _LEVELS[rule.severity],
                                    "enabled": rule.enabled,
                                },
                                "properties": {"source": rule.source, "kind": rule.kind},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": log_results,
            }
        ],
    }
