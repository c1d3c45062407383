"""The corpus in numbers, for the home page: how many articles, from which outlets and
sections, over which dates, and how many carry no date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .catalog import ArticleRef
from .charts import Series, by_month


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
    )
