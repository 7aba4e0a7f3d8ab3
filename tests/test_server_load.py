"""Load on loopback: 50 concurrent clients send 5,000 mixed requests, and none fails.

The server runs as `csm-roles serve` in a process of its own; the requests are the
mix of ``benchmarks/bench_server.py`` (look-ups, job descriptions in every format,
kits, charts, lint). Only errors are asserted: speed figures come from the benchmark.
"""

from __future__ import annotations

import sys
from collections import Counter

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_server import run_load

from csm_roles.server._run import ServerProcess


def test_5000_mixed_requests_from_50_clients_without_an_error() -> None:
    with ServerProcess() as url:
        load = run_load(url, total=5000, clients=50)
    assert len(load.results) == 5000
    assert load.errors == [], Counter((r.kind, r.status) for r in load.errors)
    assert {r.kind for r in load.results} == {"jd", "lint", "lookup", "document"}
