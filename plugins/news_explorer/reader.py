"""A Pelican reader for scraped ``.txt`` articles: thin glue over :mod:`newscorpus`."""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
from collections.abc import Sequence

from newscorpus.memo import Shelf
from newscorpus.model import Article, Block
from newscorpus.parse import UnreadableFile, parse_article
from pelican.readers import BaseReader
from pelican.utils import slugify

from . import report, warmup
from .folders import extraction_folder, shelf_folder

logger = logging.getLogger(__name__)

# Undated articles need some date for Pelican; this one sorts after every real date.
UNDATED_SENTINEL = dt.datetime(1, 1, 1)
MAX_SLUG_LENGTH = 80
DATE_TAG_COUNT = {"day": 2, "month": 2, "year": 1, "none": 0}


class NewsTextReader(BaseReader):
    """Reads one corpus file into cleaned HTML and news metadata."""

    enabled = True
    file_extensions = ["txt"]

    def read(self, filename: str) -> tuple[str, dict]:
        source = report.corpus_relative(filename, self.settings)
        if not inside(filename, self.settings["PATH"]):
            report.skip(source, "a symbolic link to a file outside the corpus folder (refused)")
            return "", {"status": "skip", "title": source}
        with open(filename, "rb") as handle:
            raw = handle.read()
        record = report.source_record(source)
        summary_sentences = self.settings.get("NEWS_SUMMARY_SENTENCES", 2)
        unknown_outlet = self.settings.get("NEWS_UNKNOWN_OUTLET", "Unknown outlet")
        shelf = Shelf(shelf_folder(self.settings, "articles"))
        key = shelf.key(raw, source, record, summary_sentences, unknown_outlet)

        def parse() -> Article:
            # A file not parsed before: its names will be looked for, so ready the model.
            warmup.expect_changes(self.settings, extraction_folder(self.settings))
            return parse_article(
                raw, source, record, summary_sentences=summary_sentences,
                unknown_outlet=unknown_outlet,
            )  # fmt: skip

        try:
            article = shelf.get(key, parse)
        except UnreadableFile as error:
            report.skip(source, str(error))
            return "", {"status": "skip", "title": source}
        for warning in article.warnings:
            logger.warning("%s: %s", source, warning)
        return render_body(article.blocks), self.metadata(article)

    def metadata(self, article: Article) -> dict:
        """Pelican metadata for an article; our own keys are plain values."""
        published, updated = article.published, article.updated
        value = published.value
        date = dt.datetime(value.year, value.month, value.day) if value else UNDATED_SENTINEL
        # A year tag for every dated article, a month tag when the month is known.
        tags = [published.iso[:4], published.iso[:7]] if value else []
        tags = tags[: DATE_TAG_COUNT[published.precision]]
        return {
            "title": article.headline,
            "slug": article_slug(article, self.settings),
            "date": self.process_metadata("date", date.isoformat()),
            "category": self.process_metadata("category", article.outlet),
            "tags": self.process_metadata("tags", ", ".join(tags)) if tags else [],
            "summary": f"<p>{html.escape(article.lede)}</p>",
            "lede": article.lede,
            "outlet": article.outlet,
            "outlet_reason": article.outlet_reason,
            "headline_derived": article.headline_derived,
            "published_iso": published.iso,
            "published_label": published.label,
            "published_status": published.status,
            "published_precision": published.precision,
            "published_reason": published.reason,
            # Our own keys: Pelican's "modified" and "authors" would also change the feeds.
            "updated_iso": updated.iso if updated else "",
            "updated_label": updated.label if updated else "",
            "updated_reason": updated.reason if updated else "",
            "byline": list(article.byline),
            "furniture": [
                {"line": line.line_no, "text": line.text, "reason": line.reason}
                for line in article.removed
            ],
            "source_file": article.source,
            "section": section_of(article.source),
            # The parsed article itself, for the extraction pass (see explorer.py).
            "news_article": article,
            "warnings": list(article.warnings),
        }


# A link in a body: (start, end) offsets into the blocks joined by blank
# lines, the href, the CSS class and a tooltip.
Link = tuple[int, int, str, str, str]
BLOCK_TAGS = {"p": "p", "h": "h2"}
BLOCK_SEPARATOR_LENGTH = 2


def render_body(blocks: Sequence[Block], links: Sequence[Link] = ()) -> str:
    """The cleaned body as HTML, with optional links over spans; all text escaped."""
    parts = []
    offset = 0
    index = 0
    for block in blocks:
        end = offset + len(block.text)
        pieces = []
        cursor = offset
        while index < len(links) and links[index][0] < end:
            start, stop, href, css, title = links[index]
            index += 1
            if start < cursor or stop > end:
                continue
            pieces.append(html.escape(block.text[cursor - offset : start - offset]))
            words = html.escape(block.text[start - offset : stop - offset])
            pieces.append(f'<a class="{css}" href="{href}" title="{title}">{words}</a>')
            cursor = stop
        pieces.append(html.escape(block.text[cursor - offset :]))
        tag = BLOCK_TAGS[block.kind]
        parts.append(f"<{tag}>{''.join(pieces)}</{tag}>")
        offset = end + BLOCK_SEPARATOR_LENGTH
    return "\n".join(parts)


def section_of(source: str) -> str:
    """The first folder of a corpus-relative path: ``business`` for ``business/001.txt``."""
    parts = source.split("/")
    return parts[0] if len(parts) > 1 else ""


def inside(filename: str, folder: str) -> bool:
    """Whether a file, after following every symbolic link, lies within a folder."""
    real, root = os.path.realpath(filename), os.path.realpath(folder)
    return os.path.commonpath([real, root]) == root


def article_slug(article: Article, settings: dict) -> str:
    """A URL slug from the headline, falling back to the file name."""
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    slug = slugify(article.headline, regex_subs=subs)[:MAX_SLUG_LENGTH].strip("-")
    if not slug:
        stem = os.path.splitext(os.path.basename(article.source))[0]
        slug = slugify(stem, regex_subs=subs)[:MAX_SLUG_LENGTH].strip("-") or "article"
    return slug
