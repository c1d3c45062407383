"""The corpus pipeline: parsed articles in, everything the site and the exports show out.

:func:`build_corpus` takes the steps in order, each kept in the :class:`Store` so that a
rebuild computes again only what its inputs changed:

1. **order**: newest first, undated last; equal headlines get distinct slugs;
2. **extract**: the model's names and dates in each article, names folded corpus-wide;
3. **stories**: articles grouped into stories; an undated member takes the date of the
   story's earliest dated one (marked inferred), its date expressions are read again
   against it, and the corpus is ordered and grouped again;
4. **address**: where each article's page is (the caller says, once dates are settled);
5. **copies**: an article whose cleaned text an earlier one has is a copy: listed,
   counted and searched as its original;
6. **catalog**: entities, topics and the timeline of the articles that are not copies;
7. **coverage**: story and quote records.

Plain Python: the Pelican plugin calls it once per build, and ``python -m newscorpus``
runs it over a folder to write the exports without a site.
"""

from __future__ import annotations

import dataclasses
import re
import typing as t
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .corpus.catalog import ArticleRef, Catalog, build_catalog
from .corpus.coverage import (
    QuoteRecord,
    StoryRecord,
    article_quotes,
    quote_records,
    said,
    story_input,
    story_records,
)
from .corpus.quotes import Quote, match_quotes
from .corpus.stories import (
    KnownPairs,
    Signature,
    Story,
    StoryArticle,
    assemble_story,
    compare_sentences,
    inferred_dates,
    signatures_of,
    story_groups,
    updated_pairs,
)
from .corpus.topics import Topic, load_topics
from .digest import Digester, digest
from .entities.canonical import Curation, canonicalise
from .entities.dates import normalise_dates
from .entities.extract import (
    MIN_PARALLEL_ARTICLES,
    Analysed,
    Analyser,
    CorpusExtraction,
    Extraction,
    analyse,
    corpus_extraction,
    extraction_inputs,
    mention_numbers,
    with_mentions,
)
from .entities.mentions import body_text
from .entities.nlp import installed_version, load_pipeline, model_version
from .model import Article, DateSpan, Published
from .settings import DEFAULTS
from .store import MISSING, Store


@dataclass(frozen=True, slots=True)
class Source:
    """One parsed article as the pipeline takes it, with its page's slug."""

    article: Article
    slug: str


@dataclass(frozen=True)
class Options:
    """How the corpus is read: the model and its limits, stories, topics, curation."""

    model: str = DEFAULTS["NEWS_SPACY_MODEL"]
    processes: int = DEFAULTS["NEWS_NLP_PROCESSES"]
    max_chars: int = DEFAULTS["NEWS_NLP_MAX_CHARS"]
    story_threshold: float = DEFAULTS["NEWS_STORY_THRESHOLD"]
    story_max_days: int = DEFAULTS["NEWS_STORY_MAX_DAYS"]
    # The topics followed (the default ones unless given), each with its slug.
    topics: tuple[Topic, ...] = field(default_factory=lambda: default_topics())
    curation: Curation = field(default_factory=Curation)
    # The slug of an entity's page from its name, and what it depends on besides the
    # name (the store's keys cannot digest a function).
    slug: Callable[[str], str] = field(default=lambda name: plain_slug(name))
    slug_rules: object = "plain_slug"


MAX_SLUG_LENGTH = 80


def plain_slug(text: str) -> str:
    """A URL slug: ASCII letters and digits joined by hyphens ("Ankara's S-400" →
    "ankaras-s-400"), at most ``MAX_SLUG_LENGTH`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^\w\s-]", "", ascii_text).strip().lower()
    return re.sub(r"[-\s]+", "-", words)[:MAX_SLUG_LENGTH].strip("-")


def default_topics() -> tuple[Topic, ...]:
    """The topics of ``NEWS_TOPICS``'s default, with plain slugs."""
    return tuple(load_topics(DEFAULTS["NEWS_TOPICS"], plain_slug))


# Where an article's page is, from its position among the sources, its slug and its
# settled publication date.
Address = Callable[[int, str, Published], str]
# Signatures of story texts (newscorpus.corpus.stories.signatures_of, or a function that gives
# the same results, e.g. from another process).
Signer = Callable[[Sequence[str]], list[Signature]]


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One article of the corpus and everything found in it."""

    index: int  # its position among the sources given
    ref: ArticleRef
    article: Article  # as parsed, with its settled publication date
    extraction: Extraction
    topics: tuple[str, ...]
    story: StoryRecord | None
    quotes: tuple[Quote, ...]
    copy_of: int | None  # the position (in corpus order) of the article it copies
    warnings: tuple[str, ...]  # what the pipeline found wrong with it


@dataclass(frozen=True)
class Corpus:
    """The articles in site order (newest first, undated last) and the corpus-wide records."""

    articles: tuple[CorpusArticle, ...]
    extraction: CorpusExtraction  # every article's, in site order
    extraction_keys: tuple[str, ...]  # a digest of each article's extraction
    catalog: Catalog  # entities, topics and timeline of the articles that are not copies
    stories: tuple[StoryRecord, ...]
    quotes: tuple[QuoteRecord, ...]  # each counting the articles that carry it once
    key: str  # a digest of everything the catalog was made from

    def __repr__(self) -> str:
        # The generated repr would be every article's text and names.
        return f"<Corpus of {len(self.articles)} articles, {len(self.catalog.entities)} names>"

    @property
    def refs(self) -> list[ArticleRef]:
        return [article.ref for article in self.articles]

    @property
    def kept(self) -> list[int]:
        """The positions of the articles that are not copies."""
        return [i for i, article in enumerate(self.articles) if article.copy_of is None]


def sort_key(article: Article) -> tuple:
    """Newest first, undated last; on the same day a stated date before an inferred one;
    then by headline and file name."""
    published = article.published
    undated = published.status == "undated" or published.value is None
    ordinal = 0 if undated else t.cast(t.Any, published.value).toordinal()
    return (undated, -ordinal, published.status == "inferred", article.headline.lower(),
            article.source)  # fmt: skip


def page_slugs(sources: Sequence[Source]) -> tuple[list[str], dict[int, str]]:
    """Every source's slug, with ``-1``, ``-2`` … after the first of equal ones (by file
    name), and a warning for each slug changed."""
    slugs = [source.slug for source in sources]
    by_slug: dict[str, list[int]] = defaultdict(list)
    for i in sorted(range(len(sources)), key=lambda i: sources[i].article.source):
        by_slug[slugs[i]].append(i)
    taken = set(by_slug)
    warnings = {}
    for slug, same in by_slug.items():
        number = 1
        for i in same[1:]:
            while f"{slug}-{number}" in taken:
                number += 1
            slugs[i] = f"{slug}-{number}"
            taken.add(slugs[i])
            warnings[i] = (
                f"same headline as {sources[same[0]].article.source}; "
                f"published at a distinct URL ({slugs[i]})"
            )
    return slugs, warnings


def build_corpus(
    sources: Sequence[Source],
    options: Options,
    store: Store,
    address: Address,
    *,
    run_model: Analyser = analyse,
    sign: Signer = signatures_of,
    write_later: bool = False,
) -> Corpus:
    """The corpus made of ``sources``: see the module's description for the steps.

    ``run_model`` reads articles with the model (:func:`newscorpus.entities.extract.analyse`, or
    a function giving the same results), ``sign`` makes story signatures. Results are
    kept in ``store``; with ``write_later``, those made after the extraction are held
    in memory for the caller to flush when it has time (see :meth:`Store.flush`).
    """
    slugs, slug_warnings = page_slugs(sources)
    order = sorted(range(len(sources)), key=lambda i: sort_key(sources[i].article))
    articles = [sources[i].article for i in order]
    slugs = [slugs[i] for i in order]
    extraction = extract(articles, options, store, run_model)
    store.hold()
    articles, slugs, order, extraction, stories = date_through_stories(
        articles, slugs, order, extraction, options, store, sign
    )
    refs = [
        article_ref(article, slug, address(index, slug, article.published))
        for article, slug, index in zip(articles, slugs, order, strict=True)
    ]
    digested = Digester()
    extraction_keys = tuple(digested(one) for one in extraction.articles)
    corpus_key = digest((refs, extraction_keys, extraction.aliases, extraction.model))
    copy_of = {i: original for story in stories for i, original in story.originals.items()}
    kept = [i for i in range(len(articles)) if i not in copy_of]
    kept_refs = [refs[i] for i in kept]
    kept_extraction = dataclasses.replace(
        extraction, articles=tuple(extraction.articles[i] for i in kept)
    )
    catalog_inputs = (corpus_key, options.topics, options.slug_rules, kept)
    catalog = store.get(
        "catalog",
        catalog_inputs,
        lambda: build_catalog(kept_refs, kept_extraction, list(options.topics), options.slug),
    )
    records, quotes, article_quotes_found = store.get(
        "coverage",
        (corpus_key, stories),
        lambda: coverage(refs, extraction, stories, store, extraction_keys),
    )
    copy_slugs = {refs[i].slug for i in copy_of}
    quotes = [once_each(quote, copy_slugs) for quote in quotes]
    story_of = {v.article.slug: record for record in records for v in record.versions}
    topics_of = dict(zip((ref.slug for ref in kept_refs), catalog.article_topics, strict=True))
    corpus_articles = []
    for n, (article, ref, one) in enumerate(zip(articles, refs, extraction.articles, strict=True)):
        original = copy_of.get(n)
        warnings = [slug_warnings[order[n]]] if order[n] in slug_warnings else []
        if len(one.text) > options.max_chars:
            warnings.append(
                f"very long ({len(one.text):,} characters): names and dates "
                f"were looked for in the first {options.max_chars:,}"
            )
        if one.failure:
            warnings.append(
                f"names and dates could not be read ({one.failure}): the article is shown "
                f"without them; please report this file"
            )
        if one.unread_language:
            warnings.append(
                f"names and dates were not looked for: the text reads as "
                f"{one.unread_language}, and the entity model reads English"
            )
        corpus_articles.append(
            CorpusArticle(
                index=order[n],
                ref=ref,
                article=article,
                extraction=one,
                topics=tuple(topics_of[refs[n if original is None else original].slug]),
                story=story_of.get(ref.slug),
                quotes=tuple(article_quotes_found[n]),
                copy_of=original,
                warnings=tuple(warnings),
            )
        )
    if not write_later:
        store.flush()
    return Corpus(
        articles=tuple(corpus_articles),
        extraction=extraction,
        extraction_keys=extraction_keys,
        catalog=catalog,
        stories=tuple(records),
        quotes=tuple(quotes),
        key=store.key("catalog", catalog_inputs),
    )


def extract(
    articles: Sequence[Article], options: Options, store: Store, run_model: Analyser = analyse
) -> CorpusExtraction:
    """Every article's names and dates: each article's reading kept by its inputs, the
    model loaded only when one is not, and the corpus-wide folding kept by all of them."""
    model = options.model
    version = installed_version(model) or model_version(load_pipeline(model))
    texts = [body_text(article.blocks) for article in articles]
    inputs = [
        extraction_inputs(version, article, text, options.max_chars)
        for article, text in zip(articles, texts, strict=True)
    ]
    missing: list[int] = []

    def read(positions: list[int]) -> Iterable[Analysed]:
        missing.extend(positions)
        workers = options.processes if len(positions) >= MIN_PARALLEL_ARTICLES else 1
        return run_model([articles[i] for i in positions], model, options.max_chars, workers)

    keys, found = store.get_each("extraction", inputs, read)
    done = t.cast(list[Analysed], found)
    raws = [raw for raw, _ in done]
    kept = store.get(
        "canonical",
        (keys, options.curation),
        lambda: mention_numbers(canonicalise(raws, texts, options.curation), raws),
    )
    hits = len(articles) - len(missing)
    return corpus_extraction(texts, done, with_mentions(kept, raws), version, hits)


def date_through_stories(
    articles: list[Article],
    slugs: list[str],
    order: list[int],
    extraction: CorpusExtraction,
    options: Options,
    store: Store,
    sign: Signer,
) -> tuple[list[Article], list[str], list[int], CorpusExtraction, list[Story]]:
    """Group stories; give undated members an inferred date; everything re-ordered (the
    articles, their slugs, their positions among the sources and their extractions)."""
    inputs = story_inputs(articles, slugs, extraction)
    stories = group_stories(inputs, options, store, sign)
    inferred = inferred_dates(inputs, stories)
    if not inferred:
        return articles, slugs, order, extraction, stories
    extractions = list(extraction.articles)
    articles = list(articles)
    for i, published in inferred.items():
        articles[i] = dataclasses.replace(articles[i], published=published)
        extractions[i] = rebase(extractions[i], published)
    again = sorted(range(len(articles)), key=lambda i: sort_key(articles[i]))
    articles = [articles[i] for i in again]
    slugs = [slugs[i] for i in again]
    order = [order[i] for i in again]
    extraction = dataclasses.replace(extraction, articles=tuple(extractions[i] for i in again))
    stories = group_stories(story_inputs(articles, slugs, extraction), options, store, sign)
    return articles, slugs, order, extraction, stories


def story_inputs(
    articles: Sequence[Article], slugs: Sequence[str], extraction: CorpusExtraction
) -> list[StoryArticle]:
    return [
        story_input(slug, article.headline, article.outlet, article.published, one)
        for article, slug, one in zip(articles, slugs, extraction.articles, strict=True)
    ]


def group_stories(
    inputs: Sequence[StoryArticle], options: Options, store: Store, sign: Signer
) -> list[Story]:
    """:func:`newscorpus.corpus.stories.find_stories`, its costly steps kept one by one:
    signatures by text, candidate pairs updated from the last build's, comparisons by
    the sentences compared."""
    threshold, max_days = options.story_threshold, options.story_max_days

    def find() -> list[Story]:
        signed = signatures([one.text for one in inputs], store, sign)
        known = store.recall("story-pairs", "pairs")
        pairs, now = updated_pairs(
            signed, threshold, None if known is MISSING else t.cast(KnownPairs, known)
        )
        store.keep("story-pairs", "pairs", now)
        stories = []
        for group in story_groups(inputs, signed, pairs, threshold, max_days):
            compared = group.story_articles(inputs)
            comparison = (
                store.get(
                    "comparison",
                    [(one.sentences, one.paragraphs) for one in compared],
                    lambda c=compared: compare_sentences(c),
                )
                if len(compared) > 1
                else None
            )
            stories.append(assemble_story(inputs, group, comparison))
        return stories

    return store.get("stories", (inputs, threshold, max_days), find)


def signatures(texts: Sequence[str], store: Store, sign: Signer) -> list[Signature]:
    """Each text's story signature, made only for texts no kept one is for."""
    _, found = store.get_each(
        "signature", texts, lambda positions: sign([texts[i] for i in positions])
    )
    return t.cast(list[Signature], found)


def rebase(extraction: Extraction, published: Published) -> Extraction:
    """The article's date expressions read again against a new publication date."""
    spans = [DateSpan(d.text, d.start, d.end, d.sentence, d.tense) for d in extraction.dates]
    return dataclasses.replace(extraction, dates=normalise_dates(spans, published))


def article_ref(article: Article, slug: str, url: str) -> ArticleRef:
    """How pages and exports point at an article."""
    return ArticleRef(
        slug=slug,
        url=url,
        title=article.headline,
        outlet=article.outlet,
        published=article.published,
        section=section_of(article.source),
        byline=article.byline,
        updated=article.updated,
        source=article.source,
        original_url=article.url,
        wire=article.wire,
    )


def section_of(source: str) -> str:
    """The first folder of a corpus-relative path: ``business`` for ``business/001.txt``."""
    parts = source.split("/")
    return parts[0] if len(parts) > 1 else ""


def coverage(
    refs: Sequence[ArticleRef],
    extraction: CorpusExtraction,
    stories: Sequence[Story],
    store: Store,
    keys: Sequence[str],
) -> tuple[list[StoryRecord], list[QuoteRecord], list[list[Quote]]]:
    """Story records, quote records and each article's quotes (kept by the extraction's
    digest, ``keys``; the grouping of equal quotes kept by the quotes)."""
    quotes = [
        store.get("quotes", key, lambda x=one: article_quotes(x))
        for one, key in zip(extraction.articles, keys, strict=True)
    ]
    spoken = said(quotes)
    groups = store.get("quote-groups", spoken, lambda: match_quotes(spoken))
    return story_records(refs, stories), quote_records(refs, quotes, groups), quotes


def once_each(quote: QuoteRecord, copies: Iterable[str]) -> QuoteRecord:
    """A quote as carried by the articles that are not copies (a copy carries its
    original's quotes: counting it would count one article twice)."""
    kept = tuple(c for c in quote.carried_by if c.article.slug not in copies)
    return (
        quote if len(kept) == len(quote.carried_by) else dataclasses.replace(quote, carried_by=kept)
    )
