"""Linter throughput on the real corpus: prints figures, asserts nothing (run `make bench`).

Lints all of ../shared/corpus/postings.jsonl (100 postings, about 0.45 MB) in one
process, repeatedly, and reports MB/s (median and best of the repeats). Target: at
least joblint's engine on the same text, about 6 MB/s on a 2-core machine.
Rules compile once per process; the first run (which compiles them) is reported
on its own.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import csm_roles

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "postings.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    if not path.is_file():
        print(f"no corpus at {path}; pass the path of postings.jsonl")
        return
    texts = [
        json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    start = time.perf_counter()
    first = [csm_roles.lint_jd(text) for text in texts]
    cold = time.perf_counter() - start
    runs = []
    for _ in range(15):
        start = time.perf_counter()
        for text in texts:
            csm_roles.lint_jd(text)
        runs.append(time.perf_counter() - start)
    median, best = statistics.median(runs), min(runs)
    findings = sum(len(f) for f in first)
    print(f"corpus: {len(texts)} postings, {size:.3f} MB, {findings} findings")
    print(f"first run (compiles the rules)   {cold * 1000:7.1f} ms")
    print(f"warm median                      {median * 1000:7.1f} ms   {size / median:5.2f} MB/s")
    print(
        f"warm best                        {best * 1000:7.1f} ms   {size / best:5.2f} MB/s (target >= 6 MB/s)"
    )


if __name__ == "__main__":
    main()
