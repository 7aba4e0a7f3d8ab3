"""Linter speed: throughput beside joblint's on the same corpus, and time per MB as text grows.

Prints figures, asserts nothing (run ``make bench``).

**Throughput.** Lints every posting of ../shared/corpus/postings.jsonl with the
built-in rules (every rule on), and runs joblint's own benchmark (``bench.js`` in
the folder ``$JL``, default /tmp/joblint-peer, built by
``../shared/peers/setup_joblint.sh``) in the same run, in alternating rounds, so
that both see the same machine. MB/s counts the UTF-8 bytes of the postings'
text, as ``bench.js`` does. Each round prints both figures; the summary gives the
median of each and the median of the per-round ratios. Where node or the joblint
build is missing, it says so and prints csm-roles' figures alone.

**Scaling.** Lints hostile texts of 1, 5 and 20 MB (unclosed comments, scripts,
tags, long words, repeated buzzwords) and prints the time per MB of each size;
flat figures mean linear time.

    python benchmarks/bench_lint.py [--rounds N] [--corpus FILE] [--no-scaling]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import csm_roles

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "postings.jsonl"
JOBLINT = Path(os.environ.get("JL", "/tmp/joblint-peer"))
PASSES = 10  # corpus passes per csm-roles round (joblint's bench.js makes 20 of its own)

#: Hostile texts for the scaling figures: each is a unit repeated to the size wanted.
HOSTILE: dict[str, str] = {
    "unclosed comments": "<!-- x ",
    "unclosed scripts": "<script> x ",
    "unclosed tags": "<a x ",
    "buzzwords": "ninja rockstar ",
    "one long word": "x",
    "pay written many ways": "Salary 3.000 € - 5.000 € gross/monthly, **US$** **35/hr** to **US$54/hr** ",
    "title-case heading words, no line breaks": "Alpha Beta Requirements Key Accountabilities ",
    "title-case heading lines": "Key Accountabilities\nPaid Jury Duty\n",
    "heading words in running text, no line breaks": (
        "die Tätigkeiten des Teams 🚀 und das Aufgabengebiet x. "
    ),
    "a heading word before a long run of markup": "Requirements" + "<span></span>" * 400 + "\n",
    "a long run of marks, then heading words": "Q " + "-" * 20_000 + " requirements x" * 2_000,
    "markdown and prose": (
        "## Responsibilities\n- Manage 150 enterprise accounts; salary $90,000 - $250,000.\n"
    ),
    "thousands of headings over lists": "## Responsibilities\n- Own renewals\n",
    "inline styles before a heading word": (
        '<p><span style="' + "font-family: Arial; " * 60 + '">We offer the opportunity to grow.</span></p>\n'
    ),
    "headings in capitals glued to a word": "Wir wachsen. DEIN PROFILDu hast Erfahrung. ",
    "line breaks written as escapes": "## Responsibilities\\n- Own renewals\\n",
    "Japanese pay and headings": "【業務内容】既存顧客 月給：30万円～ 年収400万円〜600万円\n",
}


def _joblint() -> Callable[[], float] | None:
    """A function running joblint's bench.js once and returning its MB/s, or None when unavailable."""
    node = shutil.which("node")
    script = JOBLINT / "bench.js"
    if node is None or not script.is_file():
        return None

    def run() -> float:
        out = subprocess.run(
            [node, str(script)], cwd=JOBLINT, capture_output=True, text=True, check=True, timeout=600
        ).stdout
        match = re.search(r"([\d.]+) MB/s", out)
        if match is None:
            raise RuntimeError(f"bench.js printed no MB/s: {out!r}")
        return float(match.group(1))

    return run


def _ours(texts: Sequence[str], size_mb: float) -> float:
    start = time.perf_counter()
    for _ in range(PASSES):
        for text in texts:
            csm_roles.lint_jd(text)
    return PASSES * size_mb / (time.perf_counter() - start)


def throughput(corpus: Path, rounds: int) -> None:
    texts = [
        json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").split("\n") if line.strip()
    ]
    size_mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    rules = csm_roles.default_rules()
    enabled = sum(rule.enabled for rule in rules.rules)
    start = time.perf_counter()
    findings = sum(len(csm_roles.lint_jd(text)) for text in texts)  # compiles the rules
    print(f"corpus: {len(texts)} postings, {size_mb:.3f} MB; {enabled} of {len(rules.rules)} rules on")
    print(
        f"first pass (compiles the rules): {(time.perf_counter() - start) * 1000:.0f} ms, {findings} findings"
    )
    joblint = _joblint()
    if joblint is None:
        print(
            f"joblint not built (need node and {JOBLINT / 'bench.js'}; see ../shared/peers/setup_joblint.sh)"
        )
    ours: list[float] = []
    theirs: list[float] = []
    for number in range(1, rounds + 1):
        if joblint is not None:
            theirs.append(joblint())
        ours.append(_ours(texts, size_mb))
        line = f"round {number}: csm-roles {ours[-1]:6.2f} MB/s"
        if theirs:
            line += f"   joblint {theirs[-1]:6.2f} MB/s   ratio {ours[-1] / theirs[-1]:5.2f}"
        print(line)
    print(f"csm-roles median {statistics.median(ours):.2f} MB/s (best {max(ours):.2f})")
    if theirs:
        ratios = [mine / other for mine, other in zip(ours, theirs, strict=True)]
        print(f"joblint   median {statistics.median(theirs):.2f} MB/s (best {max(theirs):.2f})")
        print(
            f"ratio: {statistics.median(ours) / statistics.median(theirs):.2f} (medians), "
            f"{statistics.median(ratios):.2f} (median of the paired rounds)"
        )


def scaling(sizes: Sequence[int] = (1, 5, 20)) -> None:
    print("time per MB as the text grows (flat = linear):")
    width = max(len(name) for name in HOSTILE) + 2
    print(f"{'text':{width}}" + "".join(f"{size:>9} MB" for size in sizes))
    for name, unit in HOSTILE.items():
        cells = []
        for size in sizes:
            text = (unit * (size * 1_000_000 // len(unit) + 1))[: size * 1_000_000]
            start = time.perf_counter()
            csm_roles.lint_jd(text, max_chars=len(text))
            cells.append(f"{(time.perf_counter() - start) / size:9.2f} s")
        print(f"{name:{width}}" + "".join(f"{cell:>12}" for cell in cells))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds of joblint and csm-roles")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-scaling", action="store_true", help="skip the time-per-MB figures")
    args = parser.parse_args(argv)
    if args.corpus.is_file():
        throughput(args.corpus, args.rounds)
    else:
        print(f"no corpus at {args.corpus}; pass --corpus FILE")
    if not args.no_scaling:
        scaling()
    return 0


if __name__ == "__main__":
    sys.exit(main())
