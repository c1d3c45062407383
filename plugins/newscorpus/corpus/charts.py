"""Charts drawn at build time as inline SVG: no script, no library, the same bytes for the
same numbers.

A chart is a picture of numbers the page also gives as a table (behind a disclosure),
so it carries a title and a one-sentence description for screen readers and stays
readable without colour: bars are one colour (the theme's accent, set by CSS for the
light and dark schemes), labels are text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 720
HEIGHT = 180
LEFT = 36
BOTTOM = 22
TOP = 8
# Month labels under the bars: at most this many, evenly spaced.
MAX_LABELS = 8
MAX_BAR = 40.0
# More bars than this and a chart counts by year, then by decade (see coarse).
MAX_BARS = 120
# Small multiples: the height of one row, of which the top part holds the row's name.
ROW_HEIGHT = 46
ROW_LABEL = 16


@dataclass(frozen=True, slots=True)
class Series:
    """Counts by month, oldest first, the empty months between included."""

    months: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.months)

    def labelled(self) -> list[tuple[str, int]]:
        """``("May 2019", 3)`` for each month (or year, or decade, as the chart counts):
        the chart's numbers as a table shows them."""
        return [(month_label(key), n) for key, n in coarse(self).months]


def by_month(dates: Iterable[dt.date], span: tuple[str, str] | None = None) -> Series:
    """Counts of ``dates`` by calendar month ("2019-05"), every month from the first to
    the last present (empty ones as 0), or over ``span`` (its first and last month) so
    that several series share one axis."""
    counts = Counter(month_key(date) for date in dates)
    if not counts and span is None:
        return Series(())
    first, last = span or (min(counts), max(counts))
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        months.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Series(tuple(months))


def month_key(date: dt.date) -> str:
    """A date's calendar month as the series count it: "2019-05"."""
    return f"{date.year:04d}-{date.month:02d}"


def month_label(key: str) -> str:
    """ "2019-05" -> "May 2019"; a year ("2019") or a decade ("1990s") as it is."""
    if len(key) != len("2019-05"):
        return key
    return f"{dt.date(int(key[:4]), int(key[5:]), 1):%b} {key[:4]}"


def coarse(series: Series, most: int = MAX_BARS) -> Series:
    """The series by year when it has more than ``most`` months, by decade when it has
    more than ``most`` years: a chart of centuries of dates stays a few bars wide."""
    months = series.months
    if len(months) <= most:
        return series
    for width in (4, 3):  # "2019", then "201" for the 2010s
        counts: dict[str, int] = {}
        for key, n in months:
            counts[key[:width]] = counts.get(key[:width], 0) + n
        first, last = int(min(counts)), int(max(counts))
        keys = [f"{k:0{width}d}" for k in range(first, last + 1)]
        if len(keys) <= most or width == 3:
            suffix = "" if width == 4 else "0s"
            return Series(tuple((key + suffix, counts.get(key, 0)) for key in keys))
    return series


def bar_chart(series: Series, title: str, description: str, chart_id: str) -> str:
    """An SVG bar chart of ``series`` (one bar per month), with ``title`` and
    ``description`` for assistive technology; empty when the series is."""
    series = coarse(series)
    if not series.months:
        return ""
    months = series.months
    tallest = max(n for _, n in months) or 1
    plot_height = HEIGHT - TOP - BOTTOM
    step, bar = _columns(len(months))
    parts = [
        _svg_open("chart", HEIGHT, title, description, chart_id),
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_height}" x2="{WIDTH - 4}" '
        f'y2="{TOP + plot_height}"/>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + 8}" text-anchor="end">{tallest}</text>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + plot_height}" text-anchor="end">0</text>',
    ]
    for n, (key, count) in enumerate(months):
        height = plot_height * count / tallest
        label = f"{month_label(key)}: {count}"
        parts.append(_bar(n, step, bar, TOP + plot_height, height, label))
    parts += _month_ticks(months, step, HEIGHT - 6)
    parts.append("</svg>")
    return "".join(parts)


def small_multiples(
    rows: Sequence[tuple[str, Series]], title: str, description: str, chart_id: str
) -> str:
    """One strip of bars per row (an outlet, say), over the same months and on the same
    scale, so the rows compare at a glance; each strip is named, with its total. Empty
    when there are no rows."""
    rows = [(name, coarse(series)) for name, series in rows if series.months]
    if not rows:
        return ""
    months = rows[0][1].months
    tallest = max((n for _, series in rows for _, n in series.months), default=0) or 1
    step, bar = _columns(len(months))
    height = TOP + len(rows) * ROW_HEIGHT + BOTTOM
    plot_height = ROW_HEIGHT - ROW_LABEL
    parts = [_svg_open("chart multiples", height, title, description, chart_id)]
    for row, (name, series) in enumerate(rows):
        base = TOP + (row + 1) * ROW_HEIGHT
        parts.append(
            f'<text class="tick row-label" x="{LEFT}" y="{base - plot_height - 3}">'
            f"{escape(name)} ({series.total})</text>"
        )
        parts.append(f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - 4}" y2="{base}"/>')
        for n, (key, count) in enumerate(series.months):
            if count:
                label = f"{name}, {month_label(key)}: {count}"
                parts.append(_bar(n, step, bar, base, plot_height * count / tallest, label))
    parts += _month_ticks(months, step, height - 6)
    parts.append("</svg>")
    return "".join(parts)


def _svg_open(css_class: str, height: int, title: str, description: str, chart_id: str) -> str:
    """A chart's opening tag with its title and description, for assistive technology."""
    return (
        f'<svg class="{css_class}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>'
    )


def _columns(count: int) -> tuple[float, float]:
    """The width each of ``count`` months takes across the plot, and its bar's width."""
    step = (WIDTH - LEFT - 4) / count
    return step, min(max(step * 0.8, 1.0), MAX_BAR)


def _bar(n: int, step: float, bar: float, base: float, height: float, label: str) -> str:
    """The ``n``-th month's bar, standing on ``base``, with its numbers as a tooltip."""
    x = LEFT + n * step + (step - bar) / 2
    return (
        f'<rect class="bar" x="{x:.1f}" y="{base - height:.1f}" width="{bar:.1f}" '
        f'height="{height:.1f}"><title>{escape(label)}</title></rect>'
    )


def _month_ticks(months: Sequence[tuple[str, int]], step: float, y: float) -> list[str]:
    """The month labels under the bars (see :func:`_label_positions`)."""
    return [
        f'<text class="tick" x="{LEFT + n * step + step / 2:.1f}" y="{y}" text-anchor="middle">'
        f"{escape(month_label(months[n][0]))}</text>"
        for n in _label_positions(len(months))
    ]


def _label_positions(count: int) -> Sequence[int]:
    """Which bars get a month label: the first, the last and evenly between."""
    every = max(1, -(-count // MAX_LABELS))
    return range(0, count, every)
