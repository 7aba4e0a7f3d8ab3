"""Broken company files: each gives a DataFileError naming the file, line and field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import csm_roles
from conftest import ROOT, run_cli

GOOD = (Path(__file__).resolve().parent.parent / "data" / "benchmarks.yaml").read_text(encoding="utf-8")


def _replace(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


# name -> (file text, expected line or None, expected field or None, words in the message)
CASES: dict[str, tuple[str, int | None, str | None, str]] = {
    "syntax error": ("format_version: 1\nsources: [unclosed\nlevels: []\n", 3, None, "invalid YAML"),
    "bad indentation": ("format_version: 1\n  sources:\n - id: x\n", 2, None, "invalid YAML"),
    "python tag": (
        "format_version: 1\nsources: !!python/object/apply:os.system ['echo hi']\n",
        2,
        None,
        "not allowed",
    ),
    "duplicate yaml key": ("format_version: 1\nformat_version: 1\n", 2, None, "twice"),
    "empty file": ("", None, None, "empty file"),
    "a list at the top": ("- 1\n- 2\n", None, None, "found a list"),
    "wrong type": (
        _replace("base: {low: 65000, high: 80000}", "base: {low: sixty, high: 80000}"),
        None,
        "pay.level_bands.0.base.low",
        "valid integer",
    ),
    "low above high": (
        _replace("base: {low: 65000, high: 80000}", "base: {low: 90000, high: 80000}"),
        None,
        "pay.level_bands.0.base",
        "greater than high",
    ),
    "negative pay": (
        _replace("base: {low: 65000, high: 80000}", "base: {low: -5, high: 80000}"),
        None,
        "pay.level_bands.0.base.low",
        "greater than or equal to 0",
    ),
    "bonus over 100": (
        _replace("bonus_pct: {low: 10, high: 15}", "bonus_pct: {low: 10, high: 150}"),
        None,
        "pay.level_bands.0.bonus_pct.high",
        "less than or equal to 100",
    ),
    "unknown source": (
        _replace("- {low: 0, high: 2, source: jd-template-2025}", "- {low: 0, high: 2, source: my-guess}"),
        None,
        "levels.0.experience.0.source",
        "unknown source id 'my-guess'",
    ),
    "missing required field": (
        _replace("    name: Entry-level CSM\n", ""),
        None,
        "levels.0.name",
        "missing required field 'name'",
    ),
    "unknown field": (
        _replace("    rank: 1\n", "    rank: 1\n    colour: blue\n"),
        None,
        "levels.0.colour",
        "unknown field 'colour'",
    ),
    "duplicate key": (
        _replace("  - key: nyc\n", "  - key: seattle\n"),
        None,
        "metros.2",
        "duplicate key or alias 'seattle'",
    ),
    "duplicate alias": (
        _replace("aliases: [atl]", "aliases: [atl, SF]"),
        None,
        "metros.5",
        "duplicate key or alias 'SF'",
    ),
    "unknown level reference": (
        _replace("    - level: director\n", "    - level: vp\n"),
        None,
        "pay.level_bands.6.level",
        "unknown level 'vp'",
    ),
    "bad key format": (
        _replace("  - key: austin\n", "  - key: Austin TX\n"),
        None,
        "metros.3.key",
        "should match pattern",
    ),
    "open range without flag": (
        _replace(
            "{low: 5, high: null, open_ended: true, source: jd-template-2025}",
            "{low: 5, high: null, source: jd-template-2025}",
        ),
        None,
        "levels.2.experience.0",
        "open_ended",
    ),
}


def _line_of(text: str, field: str) -> int:
    """Where the YAML puts the deepest existing node of a dotted path (found independently)."""
    import yaml

    node: Any = yaml.compose(text)
    for part in field.split("."):
        if isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if k.value == part]
            if not found:  # a missing or unknown field: the error points at its mapping
                break
            node = found[0]
        else:
            node = node.value[int(part)]
    return int(node.start_mark.line) + 1


@pytest.mark.parametrize("name", list(CASES))
def test_broken_file_gives_located_error(name: str, tmp_path: Path) -> None:
    text, line, field, words = CASES[name]
    path = tmp_path / f"{name.replace(' ', '-')}.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError) as caught:
        csm_roles.load_benchmarks(path)
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.path == str(path)
    assert str(path) in str(err)
    assert words in str(err)
    if field is not None:
        assert err.field == field
        assert err.line == _line_of(text, field)
        assert f":{err.line}:" in str(err)
    if line is not None:
        assert err.line == line
        assert err.column is not None


def test_missing_file_is_clear(tmp_path: Path) -> None:
    with pytest.raises(csm_roles.DataNotFoundError, match="no such file") as caught:
        csm_roles.load_benchmarks(tmp_path / "nope.yaml")
    assert isinstance(caught.value, FileNotFoundError)


def test_directory_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(csm_roles.DataFileError, match="directory"):
        csm_roles.load_benchmarks(tmp_path)
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(csm_roles.DataFileError, match="UTF-8"):
        csm_roles.load_benchmarks(binary)


def test_python_tag_is_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(f"x: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError):
        csm_roles.load_benchmarks(path)
    assert not marker.exists()


def test_a_good_company_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "ours.yaml"
    path.write_text(
        _replace("base: {low: 65000, high: 80000}", "base: {low: 70000, high: 85000}"), encoding="utf-8"
    )
    ours = csm_roles.load_benchmarks(path)
    band = ours.salary_band("entry", source="jd-template-2025")
    assert band.base is not None and band.base.low == 70_000
    assert csm_roles.salary_band("entry", source="jd-template-2025").base.low == 65_000  # type: ignore[union-attr]


# -- one reader for every file kind ------------------------------------------------------


def _read(kind: str, path: Path) -> str:
    """Read ``path`` as a benchmarks, rules or company file; the error message it gives."""
    if kind == "company":
        result = run_cli("jd", "--segment", "smb", "--company-file", str(path))
        assert result.returncode == 2, result.stdout
        return result.stderr
    reader = csm_roles.load_benchmarks if kind == "benchmarks" else csm_roles.load_rules
    with pytest.raises(csm_roles.DataFileError) as caught:
        reader(path)
    return str(caught.value)


GOOD_FILES = {
    "benchmarks": (ROOT / "data" / "benchmarks.yaml").read_text(encoding="utf-8"),
    "rules": (ROOT / "data" / "lint_rules.yaml").read_text(encoding="utf-8"),
    "company": "name: Northwind\nabout: Scheduling software for clinics.\nbenefits: [Health cover]\n",
}
KINDS = list(GOOD_FILES)


@pytest.mark.parametrize("kind", KINDS)
def test_every_file_kind_refuses_python_tags_with_a_line(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_text("name: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    message = _read(kind, path)
    assert f"{path}:1:7: " in message
    assert "tags that build Python objects are not allowed" in message


@pytest.mark.parametrize("kind", KINDS)
def test_every_file_kind_refuses_a_repeated_key_with_a_line(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_text(GOOD_FILES[kind] + "\nformat_version: 1\nformat_version: 1\n", encoding="utf-8")
    assert "found the key 'format_version' twice" in _read(kind, path)


@pytest.mark.parametrize(
    ("kind", "old", "new", "field"),
    [
        (
            "benchmarks",
            "base: {low: 65000, high: 80000}",
            "base: {low: 65000, high: lots}",
            "pay.level_bands.0.base.high",
        ),
        ("rules", "severity: error", "severity: fatal", "rules.0.severity"),
        ("company", "benefits: [Health cover]", "benefits: [Health cover]\nbogus: 1", "bogus"),
    ],
)
def test_every_file_kind_locates_a_bad_field(
    kind: str, old: str, new: str, field: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{kind}.yaml"
    text = GOOD_FILES[kind].replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    message = _read(kind, path)
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: {re.escape(field)}: ", message), message
    assert f":{_line_of(text, field)}:" in message


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 10)
    ]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError, match="aliases expand to more than"):
        csm_roles.load_benchmarks(path)


@pytest.mark.parametrize("depth", [100, 50_000])
def test_deep_nesting_is_refused_without_recursion(depth: int, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("x: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError, match="nested more than 64 levels") as caught:
        csm_roles.load_rules(path)
    assert caught.value.line == 1


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("# padding\n" * 200, encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError, match="larger than the limit of 1,000 bytes"):
        csm_roles.load_benchmarks(path, max_bytes=1000)


def test_validate_lists_every_problem_each_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text("name: Acme\ntravel: 200\nwebsit: https://acme.example\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"error: {path}:2:9: travel: ") and "[and 1 more problem]" in lines[0]
    assert lines[1] == f"error: {path}:3:1: websit: unknown field 'websit' (did you mean 'website'?)"


def test_a_file_with_many_problems_counts_them_all_and_lists_the_first(tmp_path: Path) -> None:
    import pickle

    path = tmp_path / "company.yaml"
    path.write_text("name: Acme\n" + "".join(f"bogus{n}: 1\n" for n in range(50)), encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError) as caught:
        csm_roles.load_company(str(path))
    err = caught.value
    assert str(err).endswith("[and 49 more problems]")
    assert err.more_count == 49
    assert [other.line for other in err.more] == list(range(3, 23))  # the next 20, each located
    again = pickle.loads(pickle.dumps(err))
    assert (str(again), again.more_count, [str(o) for o in again.more]) == (
        str(err),
        49,
        [str(o) for o in err.more],
    )


@pytest.mark.parametrize("written", ["2027-02-31", "2027-13-01", "2026-02-29 09:00:00"])
def test_an_impossible_date_is_a_located_error_not_a_crash(written: str, tmp_path: Path) -> None:
    path = tmp_path / "company.yaml"
    path.write_text(f"name: Acme\napplication_deadline: {written}\n", encoding="utf-8")
    with pytest.raises(csm_roles.DataFileError, match=r"2:23: .*is not a real date.*YYYY-MM-DD"):
        csm_roles.load_company(str(path))
    result = run_cli("validate", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}:2:23: invalid YAML: '{written}' is not a real date" in result.stderr
