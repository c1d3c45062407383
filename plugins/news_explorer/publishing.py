"""Feeds and the sitemap: dates their readers can trust, the same on every build.

Pelican needs a date for every article, so an undated one carries a sentinel
(1 January of year 1). Feeds and the sitemap must not show it, and they must not
show the time of the build either, or two builds of one corpus would differ.
Their clock is the *site date*: ``SOURCE_DATE_EPOCH`` when the environment sets it
(the reproducible-builds convention), else the newest publication date in the corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Iterable, Mapping

from newscorpus.model import Published
from newscorpus.settings import value
from pelican.urlwrappers import Tag
from pelican.utils import set_date_tzinfo, strftime

from .reader import DATE_TAG_COUNT, UNDATED_SENTINEL

logger = logging.getLogger(__name__)

# The site date of a corpus in which nothing is dated and no epoch is given.
UNIX_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def set_published(article, published: Published, settings: dict) -> None:
    """Give a Pelican article an inferred publication date (metadata, date, date tags)."""
    day = published.value
    assert day is not None
    article.news_article = dataclasses.replace(article.news_article, published=published)
    naive = dt.datetime(day.year, day.month, day.day)
    article.date = set_date_tzinfo(naive, settings.get("TIMEZONE"))
    article.locale_date = strftime(article.date, settings.get("DEFAULT_DATE_FORMAT", "%x"))
    article.published_iso = published.iso
    article.published_label = published.label
    article.published_status = published.status
    article.published_precision = published.precision
    article.published_reason = published.reason
    names = [published.iso[:4], published.iso[:7]][: DATE_TAG_COUNT[published.precision]]
    article.tags = [*getattr(article, "tags", []), *(Tag(name, settings) for name in names)]


def is_undated(date: dt.datetime) -> bool:
    return date.replace(tzinfo=None) == UNDATED_SENTINEL


def site_date(articles: Iterable, environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """``SOURCE_DATE_EPOCH``, else the newest article date, else the Unix epoch."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError):
            logger.warning("SOURCE_DATE_EPOCH=%r is not a Unix time; ignored", epoch)
    dated = [a.date for a in articles if not is_undated(a.date)]
    if not dated:
        return UNIX_EPOCH
    newest = max(dated)
    return newest if newest.tzinfo else newest.replace(tzinfo=dt.UTC)


def stamp_undated(articles: Iterable, date: dt.datetime) -> None:
    """Undated articles were last modified (for feeds and sitemap) on the site date."""
    for article in articles:
        if is_undated(article.date):
            article.modified = date


def fix_feed_dates(context, feed) -> None:
    """``feed_generated`` handler: no year-1 ``<published>`` or id for undated articles."""
    for item in feed.items:
        pubdate = item.get("pubdate")
        if pubdate is not None and is_undated(pubdate):
            item["pubdate"] = None
            item["unique_id"] = item["link"]


def pin_sitemap_clock(date: dt.datetime) -> None:
    """pelican-sitemap stamps index pages with its import time; give it the site date."""
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:  # the plugin is optional
        return
    sitemap.generator.now = date


SCHEMA_TYPES = {"PERSON": "Person", "ORG": "Organization", "PLACE": "Place", "WEAPON": "Product"}


def absolute(settings: Mapping, path: str) -> str:
    """A site path as the published URL (root-relative in a preview without SITEURL)."""
    return f"{settings.get('SITEURL', '')}/{path}"


def news_article_ld(article, entities: Iterable, settings: Mapping) -> dict:
    """schema.org ``NewsArticle`` for an article page, as JSON-LD.

    ``datePublished`` only for a date the article states: an inferred date is our
    guess, shown as such on the page but not published as fact. The outlet is the
    publisher unless it is unknown.
    """
    tag_url = settings.get("TAG_URL", "tag/{slug}.html")
    url = absolute(settings, article.url)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": url,
    }
    if article.lede:
        data["description"] = article.lede
    published = article.news_article.published
    if published.value is not None and published.status == "stated":
        data["datePublished"] = published.iso
    if article.outlet != value(settings, "NEWS_UNKNOWN_OUTLET"):
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    data["mentions"] = [
        {"@type": SCHEMA_TYPES.get(entity.type, "Thing"), "name": entity.name}
        | ({"url": absolute(settings, tag_url.format(slug=entity.slug))} if entity.paged else {})
        for entity in entities
    ]
    return data
