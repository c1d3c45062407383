"""Stories and quotes glue: group the articles, date undated versions, read the quotes.

Runs inside :func:`news_explorer.explorer.prepare_articles`, after extraction: an article
whose date is unknown but which belongs to a story with dated versions gets that date
(marked inferred, with the reason) before anything is tagged, ordered or paged, and the
date expressions in its text are read again against it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing as t
from collections import defaultdict
from collections.abc import Sequence

from newscorpus.catalog import ArticleRef
from newscorpus.coverage import (
    QuoteRecord,
    StoryRecord,
    article_quotes,
    quote_records,
    story_input,
)
from newscorpus.coverage import story_records as build_story_records
from newscorpus.dates import normalise_dates
from newscorpus.digest import digest
from newscorpus.extract import CorpusExtraction, Extraction
from newscorpus.memo import MISSING, Memo, Shelf
from newscorpus.model import DateSpan, Published
from newscorpus.quotes import Quote, match_quotes
from newscorpus.settings import value
from newscorpus.stories import (
    Comparison,
    Signature,
    Story,
    StoryArticle,
    compare_sentences,
    find_stories,
    inferred_dates,
    updated_pairs,
)
from pelican.urlwrappers import Tag
from pelican.utils import set_date_tzinfo

from . import warmup
from .folders import shelf_folder
from .ordering import sort_key
from .reader import DATE_TAG_COUNT


def story_inputs(articles: Sequence, corpus: CorpusExtraction) -> list[StoryArticle]:
    return [
        story_input(
            article.slug, article.title, article.outlet, article.news_article.published, extraction
        )
        for article, extraction in zip(articles, corpus.articles, strict=True)
    ]


def group_stories(
    settings: dict, inputs: Sequence[StoryArticle], memo: Memo, step: str = "stories"
) -> list[Story]:
    threshold = float(value(settings, "NEWS_STORY_THRESHOLD"))
    max_days = int(value(settings, "NEWS_STORY_MAX_DAYS"))
    return memo.get(
        step,
        memo.key(inputs, threshold, max_days),
        lambda: find_stories(inputs, threshold, max_days, *kept_steps(settings, memo)),
    )


def kept_steps(settings: dict, memo: Memo) -> tuple:
    """:func:`find_stories`'s costly steps, each looking up what an earlier build kept:
    signatures by text, candidate pairs by signature, comparisons by sentences."""
    signed = Shelf(shelf_folder(settings, "signatures"))
    compared = Shelf(shelf_folder(settings, "comparisons"))

    def signatures(texts: Sequence[str]) -> list[Signature]:
        keys = [signed.key(text) for text in texts]
        found = [signed.load(key) for key in keys]
        missing = [i for i, one in enumerate(found) if one is MISSING]
        made = warmup.signatures([texts[i] for i in missing]) if missing else []
        for i, one in zip(missing, made, strict=True):
            signed.store(keys[i], one)
            found[i] = one
        return t.cast(list[Signature], found)

    def pairs(signatures: Sequence[Signature], threshold: float) -> set[tuple[int, int]]:
        slot = memo.key("pairs")  # one slot: the pairs of the last build, whatever it was
        known = memo.load("story-pairs", slot)
        found, now = updated_pairs(signatures, threshold, None if known is MISSING else known)
        memo.store("story-pairs", slot, now)
        return found

    def compare(group: Sequence[StoryArticle]) -> Comparison:
        key = compared.key([(article.sentences, article.paragraphs) for article in group])
        return compared.get(key, lambda: compare_sentences(group))

    return signatures, pairs, compare


def date_through_stories(
    generator, articles: list, corpus: CorpusExtraction, memo: Memo
) -> tuple[list, CorpusExtraction, list[Story]]:
    """Group stories; give undated versions an inferred date; return everything re-ordered."""
    settings = generator.settings
    inputs = story_inputs(articles, corpus)
    stories = group_stories(settings, inputs, memo)
    inferred = inferred_dates(inputs, stories)
    if not inferred:
        return articles, corpus, stories
    extractions = list(corpus.articles)
    for i, published in inferred.items():
        set_published(articles[i], published, settings)
        extractions[i] = rebase(extractions[i], published)
    order = sorted(range(len(articles)), key=lambda i: sort_key(articles[i]))
    articles = [articles[i] for i in order]
    corpus = dataclasses.replace(corpus, articles=tuple(extractions[i] for i in order))
    generator.articles.sort(key=sort_key)
    return articles, corpus, group_stories(settings, story_inputs(articles, corpus), memo, "dated")


def format_date(date: dt.datetime, pattern: str) -> str:
    """Pelican's ``locale_date`` for a date (``%-d`` and friends as Pelican allows)."""
    from pelican.utils import strftime

    return strftime(date, pattern)


def set_published(article, published: Published, settings: dict) -> None:
    """Give a Pelican article an inferred publication date (metadata, date, date tags)."""
    value = published.value
    assert value is not None
    article.news_article = dataclasses.replace(article.news_article, published=published)
    naive = dt.datetime(value.year, value.month, value.day)
    article.date = set_date_tzinfo(naive, settings.get("TIMEZONE"))
    article.locale_date = format_date(article.date, settings.get("DEFAULT_DATE_FORMAT", "%x"))
    article.published_iso = published.iso
    article.published_label = published.label
    article.published_status = published.status
    article.published_precision = published.precision
    article.published_reason = published.reason
    names = [published.iso[:4], published.iso[:7]][: DATE_TAG_COUNT[published.precision]]
    article.tags = [*getattr(article, "tags", []), *(Tag(name, settings) for name in names)]


def rebase(extraction: Extraction, published: Published) -> Extraction:
    """The article's date expressions read again against a new publication date."""
    spans = [DateSpan(d.text, d.start, d.end, d.sentence, d.tense) for d in extraction.dates]
    return dataclasses.replace(extraction, dates=normalise_dates(spans, published))


def coverage(
    refs: Sequence[ArticleRef],
    corpus: CorpusExtraction,
    stories: Sequence[Story],
    shelf: Shelf | None = None,
    memo: Memo | None = None,
    digests: Sequence[str] | None = None,
) -> tuple[list[StoryRecord], list[QuoteRecord], list[list[Quote]]]:
    """Story records, quote records and each article's quotes (kept in ``shelf`` by the
    extraction's digest, from ``digests`` when given; the grouping of equal quotes kept
    in ``memo``, for a corpus whose quotes are unchanged)."""
    shelf = shelf or Shelf(None)
    memo = memo or Memo(None)
    digests = digests or [digest(extraction) for extraction in corpus.articles]
    quotes = [
        shelf.get(shelf.key(key), lambda x=extraction: article_quotes(x))
        for extraction, key in zip(corpus.articles, digests, strict=True)
    ]

    def match(said: list[tuple[str, str | None]]) -> list[list[int]]:
        return memo.get("quote-groups", memo.key(said), lambda: match_quotes(said))

    return build_story_records(refs, stories), quote_records(refs, quotes, match), quotes


def quotes_by_speaker(records: Sequence[QuoteRecord]) -> dict[str, list[QuoteRecord]]:
    found: dict[str, list[QuoteRecord]] = defaultdict(list)
    for record in records:
        if record.speaker:
            found[record.speaker].append(record)
    return dict(found)
