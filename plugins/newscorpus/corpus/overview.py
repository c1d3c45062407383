"""The corpus in numbers, for the home page: how many articles, from which outlets and
sections, over which dates, and how many carry no date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .catalog import ArticleRef
from .charts import Series, by_month, month_key

# The coverage chart by outlet draws this many outlets apart, and the rest together.
OUTLETS_CHARTED = 6


@dataclass(frozen=True, slots=True)
class Overview:
    articles: int
    # Known outlets, most articles first (the unknown one is counted apart).
    outlets: tuple[tuple[str, int], ...]
    unknown_outlet: int
    sections: tuple[tuple[str, int], ...]
    first: dt.date | None
    last: dt.date | None
    undated: int
    # Dated only by inference (from the text or the article's story), not stated.
    inferred: int
    # Articles by month of publication (those dated to the month or the day).
    by_month: Series
    # The same for the outlets with most such articles, then the other outlets together,
    # over the same months; empty unless there are two rows or more to compare.
    by_outlet: tuple[tuple[str, Series], ...] = ()


def outlet_table(overview: Overview) -> tuple[list[str], list[list[object]]]:
    """The numbers of the chart by outlet as a table: a month (or year) a row, an outlet
    a column."""
    columns = [name for name, _ in overview.by_outlet]
    labelled = [series.labelled() for _, series in overview.by_outlet]
    rows = [
        [label, *(column[n][1] for column in labelled)] for n, (label, _) in enumerate(labelled[0])
    ]
    return columns, rows


def corpus_overview(refs: Sequence[ArticleRef], unknown_outlet: str) -> Overview:
    """The numbers of the corpus ``refs`` describes."""
    outlets = Counter(ref.outlet for ref in refs if ref.outlet != unknown_outlet)
    sections = Counter(ref.section for ref in refs if ref.section)
    dated = [ref.published for ref in refs if ref.published.value is not None]
    monthly = [p.value for p in dated if p.value is not None and p.precision in ("day", "month")]
    values = [p.value for p in dated if p.value is not None]
    return Overview(
        articles=len(refs),
        outlets=tuple(sorted(outlets.items(), key=lambda item: (-item[1], item[0]))),
        unknown_outlet=sum(1 for ref in refs if ref.outlet == unknown_outlet),
        sections=tuple(sorted(sections.items(), key=lambda item: (-item[1], item[0]))),
        first=min(values, default=None),
        last=max(values, default=None),
        undated=len(refs) - len(dated),
        inferred=sum(1 for p in dated if p.status == "inferred"),
        by_month=by_month(monthly),
        by_outlet=_by_outlet(refs),
    )


def _by_outlet(refs: Sequence[ArticleRef]) -> tuple[tuple[str, Series], ...]:
    """Monthly counts of the outlets with most articles dated to the month or the day (the
    unknown outlet as one of them), then of every other outlet together, on one axis."""
    monthly: dict[str, list[dt.date]] = {}
    for ref in refs:
        value = ref.published.value
        if value is not None and ref.published.precision in ("day", "month"):
            monthly.setdefault(ref.outlet, []).append(value)
    if len(monthly) < 2:
        return ()
    keys = [month_key(date) for dates in monthly.values() for date in dates]
    span = (min(keys), max(keys))
    ranked = sorted(monthly, key=lambda outlet: (-len(monthly[outlet]), outlet))
    apart = ranked if len(ranked) <= OUTLETS_CHARTED + 1 else ranked[:OUTLETS_CHARTED]
    rows = [(outlet, by_month(monthly[outlet], span)) for outlet in apart]
    if len(apart) < len(ranked):
        rest = [date for outlet in ranked[len(apart) :] for date in monthly[outlet]]
        rows.append((f"{len(ranked) - len(apart)} other outlets", by_month(rest, span)))
    return tuple(rows)
