"""Dataset invariants: sources resolve, keys are unique, ranges are ordered."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

import csm_roles
from csm_roles._models import KEYED_COLLECTIONS, normalize_key


def _walk(value: object) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            found.append((name, child))
            found += _walk(child)
    elif isinstance(value, tuple):
        for item in value:
            found.append(("item", item))
            found += _walk(item)
    return found


def test_every_source_id_resolves() -> None:
    data = csm_roles.default_benchmarks().data
    known = {s.id for s in data.sources}
    used = set()
    for name, value in _walk(data):
        if name == "source" and isinstance(value, str):
            used.add(value)
        elif name == "sources" and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            used.update(value)
    assert used <= known
    assert used == known, "every registered source is cited somewhere"


def test_every_figure_bearing_record_has_a_source() -> None:
    data = csm_roles.default_benchmarks().data
    for collection in KEYED_COLLECTIONS:
        if collection == "sources":
            continue
        for record in getattr(data, collection):
            fields = type(record).model_fields
            assert "source" in fields or "sources" in fields, collection
            cited = getattr(record, "source", None) or getattr(record, "sources", ())
            assert cited, f"{collection}.{record.key} names no source"


def test_keys_and_aliases_are_unique_per_collection() -> None:
    data = csm_roles.default_benchmarks().data
    for collection in KEYED_COLLECTIONS:
        seen: dict[str, str] = {}
        for record in getattr(data, collection):
            key = getattr(record, "key", None) or record.id
            for spelling in (key, *getattr(record, "aliases", ())):
                folded = normalize_key(spelling)
                assert seen.setdefault(folded, key) == key, (collection, spelling)


def test_every_range_is_ordered() -> None:
    data = csm_roles.default_benchmarks().data
    checked = 0
    for _, value in _walk(data):
        low, high = getattr(value, "low", None), getattr(value, "high", None)
        if isinstance(low, (int, float)) and isinstance(high, (int, float)):
            assert low <= high, value
            checked += 1
    assert checked > 50


def test_no_money_is_negative_and_bonuses_are_percentages() -> None:
    for band in csm_roles.default_benchmarks().data.pay.level_bands:
        for money in (band.base, band.ote, band.total):
            if money is not None:
                assert money.low >= 0
                assert isinstance(money.low, int)
        if band.bonus_pct is not None:
            assert 0 <= band.bonus_pct.low <= band.bonus_pct.high <= 100


def test_conflicting_figures_are_kept_side_by_side() -> None:
    # entry base: $65K-$80K (2025 guide) vs $60K-$80K (2026 guide); never averaged
    lows = sorted(b.base.low for b in csm_roles.salary_bands("entry") if b.base)
    assert lows == [60_000, 65_000]
    senior = sorted((b.base.low, b.base.high) for b in csm_roles.salary_bands("senior") if b.base)
    assert senior == [(100_000, 130_000), (120_000, 160_000)]


def test_the_fast_built_in_load_equals_a_validated_load() -> None:
    """default_benchmarks() skips the validators for the packaged file: prove that is safe."""
    from pathlib import Path

    from csm_roles._loader import dataset_from_text, load_yaml
    from csm_roles._packaged import construct_trusted

    text = (Path(__file__).resolve().parent.parent / "data" / "benchmarks.yaml").read_text(encoding="utf-8")
    validated = dataset_from_text(text)
    fast = construct_trusted(load_yaml(text))
    assert fast == validated
    assert fast.model_dump(mode="json") == validated.model_dump(mode="json")
    assert csm_roles.default_benchmarks().data == validated


def test_validating_the_packaged_file_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    csm_roles.reset_default_benchmarks()
    try:
        monkeypatch.setenv("CSM_ROLES_VALIDATE_DATA", "1")
        assert csm_roles.salary_band("senior").source == "augtal-2026"
    finally:
        monkeypatch.delenv("CSM_ROLES_VALIDATE_DATA")
        csm_roles.reset_default_benchmarks()


def test_pre_parsed_data_is_used_only_when_it_matches_the_yaml(tmp_path: object) -> None:
    import hashlib
    import json
    from pathlib import Path

    from csm_roles._packaged import load_packaged

    folder = Path(str(tmp_path))
    text = "format_version: 1\n"
    payload = {"source_sha256": hashlib.sha256(text.encode()).hexdigest(), "data": {"from": "json"}}
    compiled = folder / "benchmarks.json"
    compiled.write_text(json.dumps(payload), encoding="utf-8")
    assert load_packaged(text, compiled) == {"from": "json"}
    assert load_packaged("format_version: 2\n", compiled) == {"format_version": 2}  # stale: the YAML wins
    assert load_packaged(text, folder / "missing.json") == {"format_version": 1}  # absent: the YAML


def test_a_built_in_file_is_read_once_even_when_threads_ask_together() -> None:
    import threading
    import time

    from csm_roles._packaged import read_once

    calls: list[int] = []

    @read_once
    def load() -> list[int]:
        calls.append(1)
        time.sleep(0.05)  # slow enough for the other threads to arrive meanwhile
        return [len(calls)]

    results: list[list[int]] = []
    threads = [threading.Thread(target=lambda: results.append(load())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert all(result is results[0] for result in results) and len(results) == 8
    assert load.__name__ == "load"
