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
    counts = Counter(f"{date.year:04d}-{date.month:02d}" for date in dates)
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
    plot_width = WIDTH - LEFT - 4
    plot_height = HEIGHT - TOP - BOTTOM
    step = plot_width / len(months)
    bar = min(max(step * 0.8, 1.0), MAX_BAR)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_height}" x2="{WIDTH - 4}" '
        f'y2="{TOP + plot_height}"/>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + 8}" text-anchor="end">{tallest}</text>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + plot_height}" text-anchor="end">0</text>',
    ]
    for n, (key, count) in enumerate(months):
        height = plot_height * count / tallest
        x = LEFT + n * step + (step - bar) / 2
        y = TOP + plot_height - height
        label = f"{month_label(key)}: {count}"
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}">'
            f"<title>{escape(label)}</title></rect>"
        )
    for n in _label_positions(len(months)):
        x = LEFT + n * step + step / 2
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{HEIGHT - 6}" text-anchor="middle">'
            f"{escape(month_label(months[n][0]))}</text>"
        )
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
    plot_width = WIDTH - LEFT - 4
    step = plot_width / len(months)
    bar = min(max(step * 0.8, 1.0), MAX_BAR)
    height = TOP + len(rows) * ROW_HEIGHT + BOTTOM
    parts = [
        f'<svg class="chart multiples" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
    ]
    for row, (name, series) in enumerate(rows):
        base = TOP + (row + 1) * ROW_HEIGHT
        plot_height = ROW_HEIGHT - ROW_LABEL
        parts.append(
            f'<text class="tick row-label" x="{LEFT}" y="{base - plot_height - 3}">'
            f"{escape(name)} ({series.total})</text>"
        )
        parts.append(f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - 4}" y2="{base}"/>')
        for n, (key, count) in enumerate(series.months):
            if not count:
                continue
            bar_height = plot_height * count / tallest
            x = LEFT + n * step + (step - bar) / 2
            label = f"{name}, {month_label(key)}: {count}"
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{base - bar_height:.1f}" width="{bar:.1f}" '
                f'height="{bar_height:.1f}"><title>{escape(label)}</title></rect>'
            )
    for n in _label_positions(len(months)):
        x = LEFT + n * step + step / 2
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{height - 6}" text-anchor="middle">'
            f"{escape(month_label(months[n][0]))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _label_positions(count: int) -> Sequence[int]:
    """Which bars get a month label: the first, the last and evenly between."""
    every = max(1, -(-count // MAX_LABELS))
    return range(0, count, every)
