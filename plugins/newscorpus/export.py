"""Research exports: the articles, entities and timeline as JSON and CSV."""

from __future__ import annotations

import csv
import gzip
import io
import json
import typing as t
from collections.abc import Callable, Sequence
from pathlib import Path

from .corpus.catalog import ArticleRef, Catalog, EntityRecord, Event
from .corpus.coverage import QuoteRecord, StoryRecord
from .entities.extract import CorpusExtraction

if t.TYPE_CHECKING:
    from .pipeline import Corpus

EXPORT_NAMES = ("articles", "entities", "timeline", "stories", "quotes")
LIST_SEPARATOR = "; "


def article_rows(
    refs: Sequence[ArticleRef],
    corpus: CorpusExtraction,
    topics: Sequence[Sequence[str]],
    copy_of: Sequence[str | None],
) -> list[dict]:
    """One object per article (copies too): metadata, topics, entities with mention
    counts, dates, and the slug of the article a copy repeats word for word."""
    rows = []
    for ref, extraction, names, original in zip(
        refs, corpus.articles, topics, copy_of, strict=True
    ):
        rows.append(
            {
                "slug": ref.slug,
                "url": ref.url,
                "title": ref.title,
                "outlet": ref.outlet,
                "byline": list(ref.byline),
                "wire": list(ref.wire),
                "section": ref.section,
                "source_file": ref.source,
                "original_url": ref.original_url or None,
                "published": ref.published.iso or None,
                "published_precision": ref.published.precision,
                "published_status": ref.published.status,
                "updated": (ref.updated.iso if ref.updated else "") or None,
                "copy_of": original,
                "topics": list(names),
                "entities": [
                    {"name": e.name, "type": e.type, "mentions": len(e.mentions)}
                    for e in extraction.entities
                ],
                "dates": [
                    {
                        "text": d.text,
                        "value": d.iso or None,
                        "precision": d.precision,
                        "relative": d.relative,
                        "on_inferred_date": d.on_inferred_date,
                        "sentence": extraction.sentence(d.sentence) if extraction.sentences else "",
                    }
                    for d in extraction.dates
                ],
            }
        )
    return rows


def entity_rows(catalog: Catalog, url_of) -> list[dict]:
    """One object per canonical entity."""
    return [
        {
            "name": record.name,
            "type": record.type,
            "url": url_of(record),
            "aliases": list(record.aliases),
            "articles": [ref.slug for ref in record.articles],
            "article_count": len(record.articles),
            "mentions": len(record.mentions),
            "outlets": {outlet: count for outlet, count in record.outlets},
            "roles": {role: count for role, count in record.roles},
        }
        for record in catalog.entities.values()
    ]


def event_row(event: Event) -> dict:
    ref = event.passage.article
    return {
        "date": event.date.iso,
        "precision": event.date.precision,
        "text": event.date.text,
        "relative": event.date.relative,
        "on_inferred_date": event.date.on_inferred_date,
        "sentence": event.passage.text,
        "article": ref.slug,
        "url": ref.url,
        "outlet": ref.outlet,
        "topics": list(event.topics),
    }


def story_row(story: StoryRecord, url: str) -> dict:
    return {
        "id": story.id,
        "url": url,
        "title": story.title,
        "articles": [v.article.slug for v in story.versions],
        "outlets": story.outlets,
        "dates": [v.article.published.iso or None for v in story.versions],
        "exact_duplicates": story.exact,
        "copies": {v.article.slug: v.copy_of.slug for v in story.versions if v.copy_of},
        "shared_sentences": list(story.shared),
    }


def quote_row(quote: QuoteRecord, url: str) -> dict:
    return {
        "id": quote.id,
        "url": url,
        "speaker": quote.speaker,
        "text": quote.text,
        "carried_by": [
            {
                "slug": c.article.slug,
                "outlet": c.article.outlet,
                "published": c.article.published.iso or None,
                "variant": c.text,
                "paragraph": c.paragraph,
            }
            for c in quote.carried_by
        ],
    }


def export_tables(
    corpus: Corpus,
    entity_url: Callable[[EntityRecord], str] = lambda record: "",
    story_url: Callable[[StoryRecord], str] = lambda story: "",
    quote_url: Callable[[QuoteRecord], str] = lambda quote: "",
) -> dict[str, list[dict]]:
    """The rows of every export, by name (:data:`EXPORT_NAMES`), with the addresses of
    the pages a site has for them ("" for none)."""
    refs = corpus.refs
    tables = {
        "articles": article_rows(
            refs,
            corpus.extraction,
            [article.topics for article in corpus.articles],
            [None if a.copy_of is None else refs[a.copy_of].slug for a in corpus.articles],
        ),
        "entities": entity_rows(corpus.catalog, entity_url),
        "timeline": [event_row(event) for event in corpus.catalog.events],
        "stories": [story_row(story, story_url(story)) for story in corpus.stories],
        "quotes": [quote_row(quote, quote_url(quote)) for quote in corpus.quotes],
    }
    assert tuple(tables) == EXPORT_NAMES
    return tables


def to_json(rows: list[dict]) -> str:
    """A JSON array with one row per line: readable, diffable, and written by json's fast
    encoder (an indented dump is not)."""
    if not rows:
        return "[]\n"
    lines = (json.dumps(row, ensure_ascii=False, separators=(", ", ": ")) for row in rows)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def to_csv(rows: list[dict]) -> str:
    """Flat CSV: lists joined with "; ", entity lists as ``name (TYPE)``, dates as values."""
    if not rows:
        return ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: flatten(value) for key, value in row.items()})
    return buffer.getvalue()


def flatten(value) -> str:
    """A cell for a JSON value."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(flatten_item(item) for item in value)
    if isinstance(value, dict):
        return LIST_SEPARATOR.join(f"{key}: {count}" for key, count in value.items())
    if value is None:
        return ""
    return str(value)


def flatten_item(item) -> str:
    if isinstance(item, dict) and "type" in item:
        return f"{item['name']} ({item['type']})"
    if isinstance(item, dict) and "value" in item:
        return f"{item['text']} = {item['value'] or '?'}"
    if isinstance(item, dict) and "variant" in item:
        return f"{item['slug']}: {item['variant']}"
    return str(item)


def export_files(tables: dict[str, list[dict]]) -> dict[str, str]:
    """``<name>.json`` and ``<name>.csv`` for each table: file name → text."""
    return {
        f"{name}.{suffix}": text
        for name, rows in tables.items()
        for suffix, text in (("json", to_json(rows)), ("csv", to_csv(rows)))
    }


def write_exports(folder: Path, files: dict[str, str], compress: bool = False) -> list[Path]:
    """Write the export files into ``folder``, leaving alone those already as they are;
    returns every export file. Compressed, each is ``<name>.gz`` (gzip, no time stamp, so
    the same data gives the same bytes), and the other form of it is removed, so that the
    folder never holds an export of an earlier build."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in files.items():
        plain, packed = folder / name, folder / f"{name}.gz"
        path, stale = (packed, plain) if compress else (plain, packed)
        data = text.encode("utf-8")
        if compress:
            data = gzip.compress(data, compresslevel=9, mtime=0)
        if not (path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data):
            path.write_bytes(data)
        stale.unlink(missing_ok=True)
        paths.append(path)
    return paths
