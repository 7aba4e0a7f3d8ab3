"""Band charts: valid SVG, one bar per band, labels, values on the axis where they belong."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

import csm_roles
from conftest import run_cli

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_level_chart_is_valid_svg_with_one_bar_per_band() -> None:
    root = parse(csm_roles.render_chart(csm_roles.band_chart("level")))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    rows = root.findall("svg:g[@class='row']", NS)
    bands = csm_roles.default_benchmarks().data.pay.level_bands
    assert len(rows) == len(bands)
    bars = root.findall(".//svg:rect[@class='base']", NS) + root.findall(".//svg:rect[@class='total']", NS)
    assert len(bars) == len(bands)  # one bar per band (director: total pay)
    assert len(root.findall(".//svg:line[@class='ote']", NS)) == sum(b.ote is not None for b in bands)
    labels = {row.get("data-label") for row in rows}
    assert labels == {
        "Entry-level CSM",
        "Customer Success Manager",
        "Senior CSM",
        "Director of Customer Success",
    }
    for row in rows:
        texts = [t.text for t in row.findall("svg:text", NS)]
        assert row.get("data-source") in texts  # each row is labelled with its source


def test_values_sit_on_the_axis_for_a_known_band() -> None:
    root = parse(csm_roles.render_chart(csm_roles.band_chart("level")))
    axis = root.find("svg:g[@class='axis']", NS)
    assert axis is not None
    low, high = float(axis.get("data-min", 0)), float(axis.get("data-max", 0))
    left, width = float(axis.get("data-left", 0)), float(axis.get("data-width", 0))

    def x(value: float) -> float:
        return left + (value - low) / (high - low) * width

    row = next(
        r
        for r in root.findall("svg:g[@class='row']", NS)
        if r.get("data-label") == "Entry-level CSM" and r.get("data-source") == "jd-template-2025"
    )
    bar = row.find("svg:rect[@class='base']", NS)
    assert bar is not None
    assert (bar.get("data-low"), bar.get("data-high")) == ("65000", "80000")
    assert float(bar.get("x", 0)) == pytest.approx(x(65_000), abs=0.01)
    assert float(bar.get("x", 0)) + float(bar.get("width", 0)) == pytest.approx(x(80_000), abs=0.02)
    # the tick labels are where their values are
    ticks = list(axis.findall("svg:text", NS))
    for tick in ticks:
        value = float(tick.text.strip("$K")) * 1000  # type: ignore[union-attr]
        assert float(tick.get("x", 0)) == pytest.approx(x(value), abs=0.01)


def test_labels_do_not_overlap() -> None:
    chart = csm_roles.band_chart("level")
    ys = [row.y for row in chart.rows]
    assert all(b - a >= 30 for a, b in itertools.pairwise(ys))  # rows are spaced further than a label is tall
    for row in chart.rows:
        assert row.value_x >= max(bar.x + bar.width for bar in row.bars)  # value text starts after the bars
        assert row.value_x + len(row.value_label) * 6.6 <= chart.width
    longest = max(len(row.label) for row in chart.rows) * 6.6
    assert longest < chart.plot_left - 12  # row labels fit left of the plot


def test_metro_chart_and_source_filter() -> None:
    root = parse(csm_roles.render_chart(csm_roles.band_chart("metro")))
    assert len(root.findall("svg:g[@class='row']", NS)) == 8
    only = csm_roles.band_chart("level", source="jd-template-2025")
    assert {row.source for row in only.rows} == {"jd-template-2025"}
    assert len(only.rows) == 3
    with pytest.raises(csm_roles.NoFigureError):
        csm_roles.band_chart("metro", source="augtal-2026")
    with pytest.raises(csm_roles.InvalidInputError):
        csm_roles.band_chart("planet")


def test_chart_escapes_text_from_a_company_file(tmp_path: object) -> None:
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "data" / "benchmarks.yaml"
    ours = Path(str(tmp_path)) / "ours.yaml"
    ours.write_text(
        source.read_text(encoding="utf-8").replace("name: Senior CSM", 'name: "Senior <CSM> & co"'),
        encoding="utf-8",
    )
    svg = csm_roles.render_chart(csm_roles.band_chart("level", benchmarks=csm_roles.load_benchmarks(ours)))
    root = parse(svg)
    assert "Senior <CSM> & co" in {row.get("data-label") for row in root.findall("svg:g[@class='row']", NS)}


def test_cli_chart(tmp_path: object) -> None:
    from pathlib import Path

    out = Path(str(tmp_path)) / "bands.svg"
    result = run_cli("chart", "--by", "metro", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert parse(out.read_text(encoding="utf-8")).tag.endswith("svg")
    assert run_cli("chart", "--by", "planet").returncode == 2
    assert run_cli("chart", "--source", "nope").returncode == 2
