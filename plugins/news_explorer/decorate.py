"""The articles read, made a corpus: the pipeline (:func:`newscorpus.pipeline.build_corpus`)
run once, and each Pelican article decorated with what was found in it.

Runs once all articles are read and before Pelican gathers tags, so each
article's tags are its canonical entities plus its date tags.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup
from newscorpus.corpus.catalog import (
    ArticleRef,
    Catalog,
    mark_paged,
)
from newscorpus.corpus.charts import bar_chart, small_multiples
from newscorpus.corpus.coverage import QuoteRecord, StoryRecord
from newscorpus.corpus.labels import distinguish
from newscorpus.corpus.overview import corpus_overview, outlet_table
from newscorpus.corpus.topics import TopicError, load_topics
from newscorpus.entities.canonical import load_curation
from newscorpus.entities.nlp import ModelMissing
from newscorpus.export import export_files, export_tables
from newscorpus.model import ENTITY_TYPES, Published
from newscorpus.pipeline import Options, Source, build_corpus
from newscorpus.settings import value
from pelican.urlwrappers import Tag
from pelican.utils import slugify

from . import report, warmup
from .background import Deferred
from .publishing import (
    news_article_ld,
    pin_sitemap_clock,
    set_published,
    site_date,
    stamp_undated,
)
from .reader import Link, render_body
from .session import Session, session_of
from .site_search import (
    search_index,
    search_inputs,
)

logger = logging.getLogger(__name__)


TYPE_LABELS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "PLACE": "Places",
    "WEAPON": "Weapon systems",
}


# The entity index's folders, one per type: entities/people/a/ …
TYPE_PATHS = {
    "PERSON": "people",
    "ORG": "organisations",
    "PLACE": "places",
    "WEAPON": "weapons",
}


TYPE_SINGULAR = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "PLACE": "Place",
    "WEAPON": "Weapon system",
}


class ExtractionFailed(RuntimeError):
    """The build cannot extract entities; the message says which setting to fix."""


def prepare_articles(generator) -> None:
    """Make the corpus (:func:`newscorpus.pipeline.build_corpus`) of the articles read,
    and decorate each Pelican article with what was found in it."""
    settings = generator.settings
    session = session_of(settings)
    pelican = [a for a in generator.articles if getattr(a, "news_article", None) is not None]
    tag_slug = slug_function(settings)
    try:
        options = pipeline_options(settings, session, tag_slug)

        def address(index: int, slug: str, published: Published) -> str:
            """Where an article's page is, once its slug and date are settled."""
            article = pelican[index]
            article.slug = slug
            if published != article.news_article.published:
                set_published(article, published, settings)
            return article.url

        corpus = build_corpus(
            [Source(a.news_article, a.slug) for a in pelican],
            options,
            session.store,
            address,
            run_model=warmup.analyser(session),
            sign=warmup.signer(session),
            write_later=True,  # by the second process (see Deferred)
        )
    except (ModelMissing, TopicError) as error:
        raise ExtractionFailed(str(error)) from error
    warmup.stop(session)  # the last step that may need the model
    logger.info(
        "news explorer: %d articles, %d from the extraction cache (%s)",
        len(corpus.articles),
        corpus.extraction.cache_hits,
        corpus.extraction.model,
    )
    if session.store.hits:
        logger.info("news explorer: reused from the last build: %s", ", ".join(session.store.hits))
    articles = [pelican[one.index] for one in corpus.articles]
    generator.articles[:] = articles
    clock = site_date(articles)
    stamp_undated(articles, clock)
    pin_sitemap_clock(clock)
    refs = corpus.refs
    kept = corpus.kept
    hide_copies(generator, [a for a, one in zip(articles, corpus.articles, strict=True)
                            if one.copy_of is not None])  # fmt: skip
    catalog = corpus.catalog
    compact = len(kept) >= int(value(settings, "NEWS_COMPACT_FROM"))
    mark_paged(catalog, int(value(settings, "NEWS_ENTITY_PAGE_MIN_ARTICLES")) if compact else 1)
    filed_as: dict[int, list[ArticleRef]] = defaultdict(list)
    for one in corpus.articles:
        if one.copy_of is not None:
            filed_as[one.copy_of].append(one.ref)
    for index, (article, one) in enumerate(zip(articles, corpus.articles, strict=True)):
        extraction = one.extraction
        for warning in one.warnings:
            article.warnings = [*article.warnings, warning]
            logger.warning("%s: %s", article.source_file, warning)
        article.news_copy_of = refs[one.copy_of] if one.copy_of is not None else None
        article.news_copies = filed_as.get(index, [])
        if one.copy_of is not None and any(
            e.name not in catalog.entities for e in extraction.entities
        ):
            # A copy names what its original names; should a name differ, it is left out
            # of the copy's names rather than point at a page that does not exist.
            named = tuple(e for e in extraction.entities if e.name in catalog.entities)
            extraction = dataclasses.replace(extraction, entities=named)
        # Pelican's tag pages are the date tags only; entity pages are written by
        # ExplorerPagesGenerator, and the entity tags join the date tags (for the feeds)
        # once Pelican has gathered its tags (restore_entity_tags).
        article.news_entity_tags = [
            entity_tag(catalog.entities[entity.name], settings) for entity in extraction.entities
        ]
        article.news_topics = [t for t in catalog.topics if t.topic.name in one.topics]
        article.news_entities = [
            (
                TYPE_LABELS[kind],
                [catalog.entities[e.name] for e in extraction.entities if e.type == kind],
            )
            for kind in ENTITY_TYPES
            if any(e.type == kind for e in extraction.entities)
        ]
        article.news_dates = extraction.dates
        article.news_story = one.story
        article._content = render_body(
            article.news_article.blocks, entity_links(extraction, catalog)
        )
        article.news_ld = news_article_ld(
            article, [catalog.entities[e.name] for e in extraction.entities], settings
        )
    quote_records = list(corpus.quotes)
    story_records = list(corpus.stories)
    story_titles = label_pages(articles, story_records)
    generator.context["news"] = catalog
    generator.context["news_corpus"] = corpus
    generator.context["news_extraction_keys"] = corpus.extraction_keys
    generator.context["news_articles"] = articles
    generator.context["news_stories"] = story_records
    generator.context["news_story_titles"] = story_titles
    generator.context["news_quotes"] = quote_records
    generator.context["news_quotes_by_speaker"] = quotes_by_speaker(quote_records)
    per_page = int(value(settings, "NEWS_QUOTES_PER_PAGE"))
    pages = [quote_records[i : i + per_page] for i in range(0, len(quote_records), per_page)]
    generator.context["news_quote_pages"] = pages or [[]]
    generator.context["news_quote_urls"] = {
        quote.id: f"{quote_page_url(number)}#{quote.id}"
        for number, quotes in enumerate(pages, start=1)
        for quote in quotes
    }
    overview = corpus_overview([refs[i] for i in kept], value(settings, "NEWS_UNKNOWN_OUTLET"))
    generator.context["news_copies"] = len(refs) - len(kept)
    generator.context["news_overview"] = overview
    # A large corpus makes a compact site (NEWS_COMPACT_FROM): templates link the
    # compressed exports.
    generator.context["news_compact"] = compact
    generator.context["news_latest_stories"] = latest_stories(story_records)
    generator.context["news_coverage_chart"] = Markup(
        bar_chart(
            overview.by_month,
            "Articles by month of publication",
            f"{overview.by_month.total} dated articles, by month; the table below the chart "
            "gives each month's number.",
            "coverage",
        )
    )
    if overview.by_outlet:
        generator.context["news_outlet_chart"] = Markup(
            small_multiples(
                overview.by_outlet,
                "Articles by month and outlet",
                f"{overview.by_month.total} dated articles by month, one row per outlet on "
                "one scale; the table below the chart gives each month's numbers.",
                "coverage-outlets",
            )
        )
        generator.context["news_outlet_table"] = outlet_table(overview)
    generator.context["NEWS_TYPE_LABELS"] = TYPE_LABELS
    generator.context["NEWS_TYPE_SINGULAR"] = TYPE_SINGULAR
    generator.context["NEWS_TYPE_PATHS"] = TYPE_PATHS
    generator.context["NEWS_INDEX_SHOWN"] = int(value(settings, "NEWS_INDEX_SHOWN"))
    # Everything the search index and the exports are made of is known now: they, and
    # writing what the steps above computed, go on in the background (see Deferred).
    tag_url = settings.get("TAG_URL") or "tag/{slug}.html"
    quote_urls = generator.context["news_quote_urls"]
    kept_extraction = dataclasses.replace(
        corpus.extraction, articles=tuple(corpus.extraction.articles[i] for i in kept)
    )
    generator.context["news_deferred"] = Deferred(
        session.store,
        {
            "search": (
                (corpus.key, search_inputs(articles, settings)),
                search_index(
                    [articles[i] for i in kept],
                    [refs[i] for i in kept],
                    kept_extraction,
                    catalog,
                    settings,
                    session.store,
                    [corpus.articles[i].quotes for i in kept],
                ),  # fmt: skip
            ),
            "exports": (
                (corpus.key, tag_url, story_records, quote_urls),
                lambda: export_files(
                    export_tables(
                        corpus,
                        entity_url=lambda r: tag_url.format(slug=r.slug) if r.paged else "",
                        story_url=lambda story: f"stories/{story.id}/",
                        quote_url=lambda quote: quote_urls[quote.id],
                    )
                ),
            ),
        },
    )


def pipeline_options(settings: dict, session: Session, tag_slug) -> Options:
    """The pipeline's options from the site's settings (problems of the aliases file go
    to the build report)."""
    curation = load_curation(aliases_file(settings))
    for problem in curation.problems:
        report.note(session, value(settings, "NEWS_ALIASES_FILE") or "", problem)
    subs = settings.get("TAG_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return Options(
        model=value(settings, "NEWS_SPACY_MODEL"),
        processes=int(value(settings, "NEWS_NLP_PROCESSES")),
        max_chars=int(value(settings, "NEWS_NLP_MAX_CHARS")),
        story_threshold=float(value(settings, "NEWS_STORY_THRESHOLD")),
        story_max_days=int(value(settings, "NEWS_STORY_MAX_DAYS")),
        topics=tuple(load_topics(value(settings, "NEWS_TOPICS"), tag_slug)),
        curation=curation,
        slug=tag_slug,
        slug_rules=subs,
    )


def hide_copies(generator, copied: list) -> None:
    """Copies are written but not listed: Pelican's hidden articles (no archives,
    outlet pages, feeds or sitemap entries)."""
    for article in copied:
        generator.articles.remove(article)
        article.status = "hidden"
        generator.hidden_articles.append(article)


def quotes_by_speaker(records: Sequence[QuoteRecord]) -> dict[str, list[QuoteRecord]]:
    found: dict[str, list[QuoteRecord]] = defaultdict(list)
    for record in records:
        if record.speaker:
            found[record.speaker].append(record)
    return dict(found)


def entity_tag(record, settings: dict) -> Tag:
    """The tag of an entity, at its page's address (names that slugify alike get -2…)."""
    tag = Tag(record.name, settings)
    tag.slug = record.slug
    return tag


def restore_entity_tags(generator) -> None:
    """Every article's tags are its entities, then its dates (feeds list them all)."""
    for article in generator.articles:
        entity_tags = getattr(article, "news_entity_tags", [])
        article.tags = [*entity_tags, *(getattr(article, "tags", None) or [])]


def label_pages(articles: list, stories: list[StoryRecord]) -> dict[str, str]:
    """Titles and descriptions that tell pages apart: equal headlines get outlet, date, file."""
    qualifiers = [
        [a.outlet, a.news_article.published.label, a.source_file or a.relative_source_path]
        for a in articles
    ]
    titles = distinguish([a.title for a in articles], qualifiers)
    descriptions = distinguish([a.lede or a.title for a in articles], qualifiers)
    for article, title, description in zip(articles, titles, descriptions, strict=True):
        article.news_page_title = title
        article.news_description = description
    story_titles = distinguish(
        [story.title for story in stories],
        [[", ".join(story.outlets), story.id] for story in stories],
    )
    return {story.id: title for story, title in zip(stories, story_titles, strict=True)}


def latest_stories(records: Sequence[StoryRecord], count: int = 6) -> list[StoryRecord]:
    """The stories whose first version is newest (the undated ones only when too few are
    dated)."""
    dated = [r for r in records if r.versions[0].article.published.value is not None]
    dated.sort(key=lambda r: (r.versions[0].article.published.value, r.id), reverse=True)
    undated = [r for r in records if r.versions[0].article.published.value is None]
    return (dated + undated)[:count]


def quote_page_url(number: int) -> str:
    """``quotes/``, then ``quotes/2/``, ``quotes/3/``…"""
    return "quotes/" if number == 1 else f"quotes/{number}/"


def slug_function(settings: dict):
    """Pelican's slugify with the site's tag slug settings."""
    subs = settings.get("TAG_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return lambda name: slugify(name, regex_subs=subs, preserve_case=False)


def aliases_file(settings: dict) -> Path | None:
    """A user's extra alias table, relative to the corpus folder."""
    name = value(settings, "NEWS_ALIASES_FILE")
    return Path(settings["PATH"]) / name if name else None


def entity_links(extraction, catalog: Catalog) -> list[Link]:
    """A link to its entity page over every entity mention in a body, in order (no
    address for a name without a page: it is marked, not linked). The type is the link's
    colour and the article's list of names below the text; a tooltip saying it again on
    every mention cost about 400 bytes an article."""
    found = []
    for entity in extraction.entities:
        record = catalog.entities[entity.name]
        css = f"entity entity-{entity.type.lower()}"
        href = f"{{tag}}{record.slug}" if record.paged else ""
        found.extend((m.start, m.end, href, css, "") for m in entity.mentions)
    return sorted(found)
