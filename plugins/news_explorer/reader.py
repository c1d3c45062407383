"""Pelican readers for text dumps (``.txt``) and saved web pages (``.html``, ``.htm``,
``.html.gz``): thin glue over :mod:`newscorpus`."""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
from collections.abc import Sequence

from newscorpus.model import CELL_SEPARATOR, Article, Block
from newscorpus.pipeline import section_of
from newscorpus.reading.folder import corpus_files
from newscorpus.reading.parse import UnreadableFile
from newscorpus.reading.recurring import read_dumps, recurring_in
from newscorpus.reading.webpage import is_web_page, parse_file
from newscorpus.settings import value
from pelican.readers import BaseReader
from pelican.utils import slugify

from . import report, warmup
from .session import Session, session_of

logger = logging.getLogger(__name__)

# Undated articles need some date for Pelican; this one sorts after every real date.
UNDATED_SENTINEL = dt.datetime(1, 1, 1)
MAX_SLUG_LENGTH = 80
DATE_TAG_COUNT = {"day": 2, "month": 2, "year": 1, "none": 0}


class NewsTextReader(BaseReader):
    """Reads one text dump into cleaned HTML and news metadata."""

    enabled = True
    file_extensions = ["txt"]

    def read(self, filename: str) -> tuple[str, dict]:
        session = session_of(self.settings)
        source = report.corpus_relative(filename, self.settings)
        if not inside(filename, self.settings["PATH"]):
            reason = "a symbolic link to a file outside the corpus folder (refused)"
            report.skip(session, source, reason)
            return "", {"status": "skip", "title": source}
        refusal = self.refuse(source)
        if refusal:
            report.skip(session, source, refusal)
            return "", {"status": "skip", "title": source}
        with open(filename, "rb") as handle:
            raw = handle.read()
        record = report.source_record(session, source)
        summary_sentences = value(self.settings, "NEWS_SUMMARY_SENTENCES")
        unknown_outlet = value(self.settings, "NEWS_UNKNOWN_OUTLET")
        template = recurring_of(session).get(source, frozenset())

        def parse() -> Article:
            # A file not parsed before: its names will be looked for, so ready the model.
            warmup.expect_changes(self.settings)
            return parse_file(
                raw, source, record, summary_sentences=summary_sentences,
                unknown_outlet=unknown_outlet, recurring=template,
            )  # fmt: skip

        try:
            inputs = (raw, source, record, summary_sentences, unknown_outlet, sorted(template))
            article = session.store.get("article", inputs, parse)
        except UnreadableFile as error:
            report.skip(session, source, str(error))
            return "", {"status": "skip", "title": source}
        for warning in article.warnings:
            logger.warning("%s: %s", source, warning)
        return render_body(article.blocks), self.metadata(article)

    def refuse(self, source: str) -> str:
        """Why this reader will not read a file it was given, or ""."""
        return ""

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
            "byline_reason": article.byline_reason,
            "headline_reason": article.headline_reason,
            "original_url": article.url,
            "wire": list(article.wire),
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


class NewsPageReader(NewsTextReader):
    """Reads one saved web page (``.html``, ``.htm``, gzipped ``.html.gz``) into the same
    article as a text dump gives."""

    file_extensions = ["html", "htm", "xhtml", "gz"]

    def refuse(self, source: str) -> str:
        if is_web_page(source):
            return ""
        return "a gzip file that is not a saved web page (only .html.gz and .htm.gz are read)"


# A link in a body: (start, end) offsets into the blocks joined by blank
# lines, the href ("" marks the span without linking it), the CSS class and a tooltip
# ("" for none).
Link = tuple[int, int, str, str, str]
# How each kind of block is written, and the element that holds a run of them.
BLOCK_TAGS = {"p": "p", "h": "h2", "li": "li", "quote": "p", "row": "tr"}
CONTAINERS = {
    "li": ("<ul>", "</ul>"),
    "quote": ("<blockquote>", "</blockquote>"),
    "row": ('<div class="table-wrap"><table>', "</table></div>"),
}
BLOCK_SEPARATOR_LENGTH = 2


def render_body(blocks: Sequence[Block], links: Sequence[Link] = ()) -> str:
    """The cleaned body as HTML, with optional links over spans; all text escaped.

    Runs of list items, quoted paragraphs and table rows are held in one list, block
    quote or table; a row's cells are its text between " | ". Every block has a stable
    anchor, ``p1``, ``p2`` … in order, so a passage can be cited and linked to."""
    linker = Linker(links)
    parts = []
    offset = 0
    held = ""
    for number, block in enumerate(blocks, start=1):
        if held != block.kind:
            if held in CONTAINERS:
                parts.append(CONTAINERS[held][1])
            if block.kind in CONTAINERS:
                parts.append(CONTAINERS[block.kind][0])
            held = block.kind
        if block.kind == "row":
            cells, start = [], 0
            for cell in block.text.split(CELL_SEPARATOR):
                inner = linker.html(block.text, offset, start, start + len(cell))
                cells.append(f"<td>{inner}</td>")
                start += len(cell) + len(CELL_SEPARATOR)
            inner = "".join(cells)
        else:
            inner = linker.html(block.text, offset, 0, len(block.text))
        tag = BLOCK_TAGS[block.kind]
        parts.append(f'<{tag} id="p{number}">{inner}</{tag}>')
        offset += len(block.text) + BLOCK_SEPARATOR_LENGTH
    if held in CONTAINERS:
        parts.append(CONTAINERS[held][1])
    return "\n".join(parts)


class Linker:
    """Escaped text with the links that fall wholly inside it, taken in order."""

    def __init__(self, links: Sequence[Link]) -> None:
        self.links = links
        self.index = 0

    def html(self, text: str, offset: int, low: int, high: int) -> str:
        """``text[low:high]`` (at ``offset`` in the body) as HTML; a link that starts
        before ``high`` and does not fit is dropped."""
        pieces = []
        cursor, end = offset + low, offset + high
        while self.index < len(self.links) and self.links[self.index][0] < end:
            start, stop, href, css, title = self.links[self.index]
            self.index += 1
            if start < cursor or stop > end:
                continue
            pieces.append(html.escape(text[cursor - offset : start - offset]))
            words = html.escape(text[start - offset : stop - offset])
            element = f'a class="{css}" href="{href}"' if href else f'span class="{css}"'
            tooltip = f' title="{title}"' if title else ""
            pieces.append(f"<{element}{tooltip}>{words}</{element.split()[0]}>")
            cursor = stop
        pieces.append(html.escape(text[cursor - offset : high]))
        return "".join(pieces)


def recurring_of(session: Session) -> dict[str, frozenset[str]]:
    """The lines each text dump of the corpus shares with others as a site's template
    (:mod:`newscorpus.reading.recurring`), read from the corpus folder once a build and
    kept in the store for a build of the same files."""
    if session.recurring is None:
        folder = session.corpus
        paths = [
            (path.relative_to(folder).as_posix(), path)
            for path in corpus_files(folder)[0]
            if inside(str(path), str(folder))
        ]
        dumps = read_dumps(paths)
        session.recurring = session.store.get("recurring", dumps, lambda: recurring_in(dumps))
    return session.recurring


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
