"""Pay-band charts as SVG, drawn from a Jinja template (no plotting library).

`band_chart` lays the chart out here - rows, axis, ticks, every coordinate -
and ``templates/chart/svg.j2`` only draws what it is given, escaped as XML.
"""

from __future__ import annotations

import math
from typing import Literal

from ._benchmarks import Benchmarks, resolve_benchmarks
from ._errors import InvalidInputError, NoFigureError
from ._models import MoneyRange, Record, format_range

__all__ = ["Bar", "Chart", "ChartRow", "band_chart", "chart_data"]

ROW_HEIGHT = 46
LABEL_WIDTH = 190
PLOT_WIDTH = 520
VALUE_WIDTH = 250
TOP = 104
BOTTOM = 46
CHAR_WIDTH = 6.6  # average width of a 12 px sans-serif character, for laying labels out


class Bar(Record):
    """One horizontal bar or marker line, in data and in pixels."""

    kind: Literal["base", "ote", "total"]
    low: int
    high: int | None
    open_ended: bool
    x: float
    width: float
    y: float
    label: str


class ChartRow(Record):
    """A row of the chart: one band from one source."""

    label: str
    source: str
    y: float
    bars: tuple[Bar, ...]
    value_label: str
    value_x: float


class Chart(Record):
    """Everything the SVG template draws.

    Examples:
        >>> chart = csm_roles.band_chart("metro")
        >>> len(chart.rows), chart.rows[0].label
        (8, 'San Francisco Bay Area')
    """

    title: str
    subtitle: str
    width: int
    height: int
    plot_left: float
    plot_width: float
    plot_top: float
    plot_bottom: float
    axis_min: int
    axis_max: int
    ticks: tuple[tuple[float, str], ...]
    rows: tuple[ChartRow, ...]
    has_ote: bool
    has_total: bool


def _k(amount: int) -> str:
    return f"${amount / 1000:g}K"


def _range_label(money: MoneyRange) -> str:
    return format_range(money.low, money.high, open_ended=money.open_ended, number=_k)


def _step(span: float) -> int:
    """A round tick step giving about six ticks."""
    raw = span / 6
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)


Row = tuple[str, str, "MoneyRange | None", "MoneyRange | None", "MoneyRange | None", str]


def chart_data(
    by: str = "level", *, source: str | None = None, benchmarks: Benchmarks | None = None
) -> list[Row]:
    """The rows to chart: (label, source, base, OTE, total, note) in display order."""
    bm = resolve_benchmarks(benchmarks)
    source_id = bm.source(source).id if source is not None else None
    rows: list[Row] = []
    if by == "level":
        for level in bm.levels():
            for band in bm.salary_bands(level.key):
                if source_id is None or band.source == source_id:
                    rows.append((level.name, band.source, band.base, band.ote, band.total, ""))
    elif by == "metro":
        for metro in bm.metros():
            if source_id is None or metro.source == source_id:
                note = "cost of living " + (
                    "baseline" if metro.adjustment.kind == "baseline" else str(metro.adjustment)
                )
                rows.append((metro.name, metro.source, metro.base, None, None, note))
    else:
        raise InvalidInputError(f"chart by {by!r}: choose 'level' or 'metro'")
    if not rows:
        raise NoFigureError(f"no pay bands by {by} from {source_id}")
    return rows


def band_chart(
    by: str = "level", *, source: str | None = None, benchmarks: Benchmarks | None = None
) -> Chart:
    """Lay out a chart of pay bands by level (with OTE and total pay) or by metro.

    Examples:
        >>> [row.source for row in csm_roles.band_chart(source="jd-template-2025").rows]
        ['jd-template-2025', 'jd-template-2025', 'jd-template-2025']
    """
    rows = chart_data(by, source=source, benchmarks=benchmarks)
    amounts = [
        value
        for _, _, *moneys, _ in rows
        for money in moneys
        if money is not None
        for value in (money.low, money.high)
        if value is not None
    ]
    step = _step(max(amounts) - min(amounts))
    axis_min = int(min(amounts) // step * step)
    axis_max = int(math.ceil(max(amounts) / step) * step)
    if axis_max == max(amounts):
        axis_max += step  # room for the "+" of open-ended bands
    label_width = max(LABEL_WIDTH, int(max(len(row[0]) for row in rows) * CHAR_WIDTH * 1.1) + 24)
    left = label_width
    scale = PLOT_WIDTH / (axis_max - axis_min)

    def x(value: float) -> float:
        return round(left + (value - axis_min) * scale, 2)

    chart_rows = []
    for index, (label, source_id, base, ote, total, note) in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        bars = []
        shown = []
        for kind, money in (("base", base), ("total", total), ("ote", ote)):
            if money is None:
                continue
            high = money.high if money.high is not None else money.low
            bars.append(
                Bar(
                    kind=kind,  # type: ignore[arg-type]
                    low=money.low,
                    high=money.high,
                    open_ended=money.open_ended or money.high is None,
                    x=x(money.low),
                    width=round(x(high) - x(money.low), 2),
                    y=y,
                    label=_range_label(money),
                )
            )
            shown.append(
                ("OTE " if kind == "ote" else "total " if kind == "total" else "") + _range_label(money)
            )
        end = max(bar.x + bar.width for bar in bars)
        chart_rows.append(
            ChartRow(
                label=label,
                source=source_id,
                y=y,
                bars=tuple(bars),
                value_label=" · ".join([*shown, *([note] if note else [])]),
                value_x=round(end + (14 if any(b.open_ended for b in bars) else 8), 2),
            )
        )
    ticks = tuple((x(value), _k(value)) for value in range(axis_min, axis_max + 1, step))
    height = TOP + len(rows) * ROW_HEIGHT + BOTTOM
    what = "level" if by == "level" else "metro"
    subtitle = (
        "Base salary bars" + (", OTE and total pay" if by == "level" else "") + "; each row names its source"
    )
    return Chart(
        title=f"CSM pay bands by {what}" + (f" ({source})" if source else ""),
        subtitle=subtitle,
        width=int(left + PLOT_WIDTH + VALUE_WIDTH),
        height=height,
        plot_left=left,
        plot_width=PLOT_WIDTH,
        plot_top=TOP - 14,
        plot_bottom=TOP + len(rows) * ROW_HEIGHT - 10,
        axis_min=axis_min,
        axis_max=axis_max,
        ticks=ticks,
        rows=tuple(chart_rows),
        has_ote=any(b.kind == "ote" for r in chart_rows for b in r.bars),
        has_total=any(b.kind == "total" for r in chart_rows for b in r.bars),
    )


def render_chart(chart: Chart) -> str:
    """The chart as an SVG document.

    Examples:
        >>> csm_roles.render_chart(csm_roles.band_chart()).startswith("<svg")
        True
    """
    from ._render import render

    return render("chart", "svg", {"chart": chart})
