"""Distinct URLs and a stable order for articles, whatever order files were read in."""

from __future__ import annotations

import logging
from collections import defaultdict

logger = logging.getLogger(__name__)


def sort_key(article) -> tuple:
    """Newest first, undated last; on the same day a stated date before an inferred one;
    then by headline and file name."""
    undated = article.published_status == "undated"
    ordinal = 0 if undated else article.date.toordinal()
    inferred = article.published_status == "inferred"
    return (undated, -ordinal, inferred, article.title.lower(), article.source_file)


def order_articles(generator) -> None:
    """Give articles that share a headline distinct slugs, then sort all of them."""
    generator.articles.sort(key=sort_key)
    by_slug: dict[str, list] = defaultdict(list)
    for article in sorted(generator.articles, key=lambda a: a.source_file):
        by_slug[article.slug].append(article)
    taken = set(by_slug)
    for slug, articles in by_slug.items():
        number = 1
        for article in articles[1:]:
            while f"{slug}-{number}" in taken:
                number += 1
            article.slug = f"{slug}-{number}"
            taken.add(article.slug)
            message = (
                f"same headline as {articles[0].source_file}; "
                f"published at a distinct URL ({article.slug})"
            )
            article.warnings = [*article.warnings, message]
            logger.warning("%s: %s", article.source_file, message)
