"""Speed of the HTTP server on loopback: prints figures, asserts nothing (run `make bench`).

Starts `python -m csm_roles serve` in a child process on a free port and sends it
requests from 50 concurrent clients (each with its own connection), then reports
requests per second and the median (p50) and 99th-percentile (p99) latency:

  * a mixed run of 5,000 requests (look-ups, job descriptions in every format,
    interview kits, charts, lint), with figures per kind of request;
  * 2,000 job descriptions alone, and 2,000 lint requests alone.

The clients run in this process, so on a small machine they compete with the server
for the CPU: read the figures as a floor. `tests/test_server_load.py` runs the mixed
load and asserts only that no request failed.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path
from typing import Any

import httpx

from csm_roles.server._run import ServerProcess

POSTING = (Path(__file__).resolve().parent.parent / "docs" / "examples" / "posting.md").read_text(
    encoding="utf-8"
)

#: (kind, method, path, JSON body) - the requests a recruiting tool sends most.
JD = ("jd", "GET", "/v1/jd?segment=enterprise&industry=healthcare&location=Boston,%20MA&format=html", None)
LINT = ("lint", "POST", "/v1/lint", {"text": POSTING})
MIX: list[tuple[str, str, str, dict[str, Any] | None]] = [
    JD,
    LINT,
    ("lookup", "GET", "/v1/bands/senior?metro=SF", None),
    ("jd", "POST", "/v1/jd", {"segment": "smb", "company": {"name": "Northwind"}, "format": "markdown"}),
    ("lookup", "GET", "/v1/levels", None),
    ("jd", "GET", "/v1/jd?segment=mid-market&format=jsonld", None),
    ("lookup", "GET", "/v1/kpis/nrr", None),
    LINT,
    ("document", "GET", "/v1/interview-kit?level=senior&segment=enterprise&format=markdown", None),
    ("lookup", "GET", "/v1/metros", None),
    ("jd", "GET", "/v1/jd?segment=enterprise&format=json", None),
    ("document", "GET", "/v1/charts/bands?by=metro", None),
]


@dataclass(frozen=True)
class Result:
    """One request: what kind it was, the status it got (0 for a failure to connect), how long it took."""

    kind: str
    status: int
    seconds: float


@dataclass(frozen=True)
class Load:
    """A load run: every request's result and the wall time of the whole run."""

    results: list[Result]
    seconds: float

    @property
    def errors(self) -> list[Result]:
        return [r for r in self.results if not 200 <= r.status < 300]


async def _client(url: str, work: asyncio.Queue[tuple[str, str, str, Any]], out: list[Result]) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        while True:
            try:
                kind, method, path, body = work.get_nowait()
            except asyncio.QueueEmpty:
                return
            start = time.perf_counter()
            try:
                answer = await client.request(method, path, json=body)
                status = answer.status_code
            except httpx.HTTPError:
                status = 0
            out.append(Result(kind, status, time.perf_counter() - start))


async def _run(url: str, requests: list[tuple[str, str, str, Any]], clients: int) -> Load:
    work: asyncio.Queue[tuple[str, str, str, Any]] = asyncio.Queue()
    for request in requests:
        work.put_nowait(request)
    results: list[Result] = []
    start = time.perf_counter()
    await asyncio.gather(*(_client(url, work, results) for _ in range(clients)))
    return Load(results, time.perf_counter() - start)


def run_load(url: str, total: int = 5000, clients: int = 50, mix: list[Any] | None = None) -> Load:
    """Send ``total`` requests drawn in turn from ``mix`` from ``clients`` concurrent clients."""
    requests = list(islice(cycle(mix or MIX), total))
    return asyncio.run(_run(url, requests, clients))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(name: str, load: Load) -> None:
    rate = len(load.results) / load.seconds
    print(f"{name}: {len(load.results)} requests, {len(load.errors)} errors, {rate:,.0f} req/s")
    kinds = sorted({r.kind for r in load.results})
    for kind in kinds:
        times = [r.seconds * 1000 for r in load.results if r.kind == kind]
        p50, p99 = statistics.median(times), _percentile(times, 0.99)
        print(f"  {kind:<9} {len(times):5d}  p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with ServerProcess() as url:
        run_load(url, 200)  # warm up: templates compiled, rules loaded
        report("mixed, 50 clients", run_load(url, total))
        report("job descriptions alone", run_load(url, 2000, mix=[JD]))
        report("lint alone", run_load(url, 2000, mix=[LINT]))


if __name__ == "__main__":
    main()
