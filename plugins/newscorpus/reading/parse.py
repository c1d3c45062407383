"""From the bytes of one corpus file to an :class:`~newscorpus.model.Article`."""

from __future__ import annotations

import re

from ..model import Article, Block
from ..settings import DEFAULTS
from . import datelines
from .byline import byline_names
from .clean import Cleaned, clean, to_blocks, to_units
from .decode import UnreadableFile, decode
from .outlet import borne_out, find_outlet, split_title_suffix, wire_services
from .published import find_published, find_updated
from .sentences import shorten, split_sentences
from .shape import is_prose
from .sources import SourceRecord

UNKNOWN_OUTLET: str = DEFAULTS["NEWS_UNKNOWN_OUTLET"]
DERIVED_HEADLINE_WORDS = 14
BY_AFTER_DATE = re.compile(r"\b(?:by|von|par|por)\s+(?=[A-Z])")

__all__ = ["UnreadableFile", "parse_article"]


def parse_article(
    raw: bytes,
    source: str,
    record: SourceRecord | None = None,
    *,
    summary_sentences: int = 2,
    unknown_outlet: str = UNKNOWN_OUTLET,
    recurring: frozenset[str] = frozenset(),
) -> Article:
    """Decode, clean and describe one article file; ``recurring``: the lines of a
    template it shares with other files (:mod:`newscorpus.reading.recurring`).

    Raises :class:`UnreadableFile` when the file holds no readable article.
    """
    text, warnings = decode(raw)
    return article_from_text(
        text, source, record, warnings=warnings, summary_sentences=summary_sentences,
        unknown_outlet=unknown_outlet, recurring=recurring,
    )  # fmt: skip


def article_from_text(
    text: str,
    source: str,
    record: SourceRecord | None = None,
    *,
    warnings: list[str],
    summary_sentences: int = 2,
    unknown_outlet: str = UNKNOWN_OUTLET,
    recurring: frozenset[str] = frozenset(),
) -> Article:
    """Clean and describe the decoded text of one article (a file's, or a web page's
    visible text); ``warnings`` so far are kept, and the new ones added.

    Raises :class:`UnreadableFile` when the text holds no article.
    """
    cleaned = clean(to_units(text), recurring=recurring)
    blocks = to_blocks(cleaned)
    if not any(block.kind == "p" for block in blocks):
        raise UnreadableFile("no article text (only a headline or page furniture)")
    removed = cleaned.removed_lines()

    if cleaned.headline_index is not None:
        headline, title_outlet = split_title_suffix(cleaned.units[cleaned.headline_index].text)
        opens_file = cleaned.headline_index == 0  # a saved title: "Headline | Site"
        if title_outlet and not opens_file and not borne_out(cleaned, title_outlet):
            title_outlet = None  # on a page: "Headline | 2020", "Recipe | Step-by-Step Guide"
        derived = False
    else:
        headline, title_outlet, derived = derive_headline(blocks), None, True
        warnings.append("no headline line; headline derived from the lead sentence")

    found = find_outlet(cleaned)
    if title_outlet:
        outlet, outlet_reason = title_outlet, "named after the headline"
    elif found:
        outlet, outlet_reason = found
    else:
        outlet, outlet_reason = unknown_outlet, "the text names no outlet"
    published = find_published(cleaned)

    if record is not None:
        if record.outlet:
            outlet, outlet_reason = record.outlet, "from sources.csv"
        if record.published:
            published = record.published

    return Article(
        source=source,
        headline=headline,
        headline_derived=derived,
        blocks=tuple(blocks),
        removed=tuple(removed),
        outlet=outlet,
        outlet_reason=outlet_reason,
        published=published,
        lede=lede(blocks, summary_sentences),
        warnings=tuple(warnings),
        updated=find_updated(cleaned),
        byline=byline_names(byline_lines(cleaned), cleaned.language.stopwords),
        url=original_url(record.url if record else None),
        wire=wire_services(blocks, [line.text for line in removed if line.reason == "credit line"]),
    )


HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S
)


def looks_like_html(raw: bytes) -> bool:
    """Whether a file's bytes are a web page's markup (``<!DOCTYPE html>``, ``<html>``)."""
    return bool(HTML_START.match(raw[:4096]))


def original_url(url: str | None) -> str:
    """An article's address as a link may show it: http(s) only, never ``javascript:``."""
    url = (url or "").strip()
    return url if re.match(r"https?://[^\s/]", url, re.IGNORECASE) else ""


def byline_lines(cleaned: Cleaned) -> list[str]:
    """The lines of the article's head that name its authors."""
    lines = []
    for index in cleaned.head():
        text, reason = cleaned.units[index].text, cleaned.reasons[index]
        if reason == "byline" or (reason is None and datelines.is_byline_date(text)):
            lines.append(text)
        elif reason == "dateline" and (after := BY_AFTER_DATE.search(text)):
            # "Posted on March 11, 2019 by Tom Keeling": the names after the date.
            lines.append(text[after.start() :])
    return lines


def derive_headline(blocks: list[Block]) -> str:
    """A headline made from the lead sentence, for files that have none: the first
    paragraph of a sentence's length, not a time or a date kept above it ("01.21.2020
    07:00 AM"), unless the body has none."""
    paragraphs = [block.text for block in blocks if block.kind == "p"]
    lead = next((text for text in paragraphs if is_prose(text)), paragraphs[0])
    return shorten(split_sentences(lead)[0], DERIVED_HEADLINE_WORDS)


def lede(blocks: list[Block], count: int) -> str:
    """The first ``count`` sentences of the body."""
    sentences: list[str] = []
    for block in blocks:
        if block.kind != "p":
            continue
        sentences.extend(split_sentences(block.text))
        if len(sentences) >= count:
            break
    return " ".join(sentences[:count])
