"""Entities and dates for a whole corpus: the NLP pass, then canonical names.

The model reads each cleaned body once (in parallel, in batches); canonical names are
then decided over the whole corpus, which is cheap. The pipeline keeps each article's
reading between builds, so a rebuild only reads what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Block, DateMention, Entity, RawExtraction
from ..reading.language import UNKNOWN, detect, function_word_share
from ..settings import DEFAULTS
from .canonical import CanonicalCorpus, Curation, canonicalise, load_curation
from .dates import normalise_dates
from .mentions import body_sentences, body_text, chunks, read_doc
from .nlp import DEFAULT_MODEL, installed_version, load_pipeline, model_version

logger = logging.getLogger(__name__)

# Below this many uncached articles a second process costs more than it saves.
MIN_PARALLEL_ARTICLES = 200
BATCH_SIZE = 32
# Characters of a body the model reads: far more than any news article (the longest
# of 2,225 BBC articles has 25,000), far less than a 5 MB file that is not one.
MAX_CHARS: int = DEFAULTS["NEWS_NLP_MAX_CHARS"]
# The model reads English: a body with fewer English function words than this is another
# language's, and is not read (its names would be guesses). Fewer words than the minimum
# cannot tell.
ENGLISH_SHARE = 0.2
MIN_WORDS_TO_TELL = 30
LANGUAGE_SAMPLE_WORDS = 400


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one article says: its canonical entities, dated expressions and sentences."""

    text: str
    entities: tuple[Entity, ...]
    dates: tuple[DateMention, ...]
    sentences: tuple[tuple[int, int], ...]
    # The language of a body the English model did not read ("German"), or "".
    unread_language: str = ""
    # Why reading its names and dates failed, or "" (see ``RawExtraction.failure``).
    failure: str = ""

    def sentence(self, index: int) -> str:
        """The text of sentence ``index``."""
        start, end = self.sentences[index]
        return self.text[start:end]


@dataclass(frozen=True, slots=True)
class CorpusExtraction:
    """Every article's extraction, in input order, and the spellings seen for each entity."""

    articles: tuple[Extraction, ...]
    aliases: Mapping[str, tuple[str, ...]]
    model: str
    cache_hits: int


def unread_language(blocks: Sequence[Block]) -> str | None:
    """The language of a body the English model does not read ("German"), or ``None``
    for a body it reads: one whose words are a fifth or more English function words
    (in their first 400 words, BBC articles: 24.5 % at the least, about half as a rule;
    German, Spanish, Polish and Portuguese news pages: mostly under 15 %), or one too
    short to tell."""
    lines = [block.text for block in blocks]
    share, counted = function_word_share(lines, "English", LANGUAGE_SAMPLE_WORDS)
    if share >= ENGLISH_SHARE:
        return None
    language = detect(lines)
    if language.unspaced:
        return "a script written without spaces"  # its words are not counted by spaces
    if counted < MIN_WORDS_TO_TELL:
        return None
    return "an unknown language" if language is UNKNOWN else language.name.replace("_", " ")


def read_part(text: str, max_chars: int) -> list[tuple[int, str]]:
    """The chunks of a body the model reads: those that start before ``max_chars``."""
    pieces = chunks(text)
    return [piece for piece in pieces if piece[0] < max_chars] or pieces[:1]


Analysed = tuple[RawExtraction, tuple[DateMention, ...]]
# analyse, or a function that gives the same results (e.g. by calling it in another process).
Analyser = Callable[[Sequence[Article], str, int, int], Iterable[Analysed]]


def analyse(
    articles: Sequence[Article], model: str, max_chars: int, processes: int = 1
) -> Iterator[Analysed]:
    """The model's reading of each article (raw mentions, sentences) and its dates, in
    order, each as soon as it is done; ``processes`` > 1 reads in parallel."""
    nlp = load_pipeline(model)
    languages = [unread_language(article.blocks) for article in articles]
    pieces = [
        (index, piece)
        for index, article in enumerate(articles)
        if languages[index] is None
        for piece in read_part(body_text(article.blocks), max_chars)
    ]
    docs = nlp.pipe((text for _, (_, text) in pieces), n_process=processes, batch_size=BATCH_SIZE)
    # Pieces arrive in article order: finish each article as soon as its last one is in.
    stream = zip(pieces, docs, strict=True)
    waiting = next(stream, None)
    for index, article in enumerate(articles):
        if (language := languages[index]) is not None:
            # Another language's body: its sentences, and no names or dates.
            yield RawExtraction((), (), body_sentences(article.blocks), language), ()
            continue
        read = []
        while waiting is not None and waiting[0][0] == index:
            (_, (offset, _)), doc = waiting
            read.append((offset, doc))
            waiting = next(stream, None)
        try:
            raw = read_doc(read, article.blocks)
            dates = normalise_dates(raw.dates, article.published)
        except Exception as error:  # noqa: BLE001 - one body's fault never stops the build
            failure = f"{type(error).__name__}: {error}"
            raw, dates = RawExtraction((), (), body_sentences(article.blocks), failure=failure), ()
        yield raw, dates


def extract_corpus(
    articles: Sequence[Article],
    *,
    model: str = DEFAULT_MODEL,
    processes: int = 2,
    curation: Curation | None = None,
    max_chars: int = MAX_CHARS,
) -> CorpusExtraction:
    """Run the NLP pass over every article and fold names corpus-wide (nothing kept: the
    pipeline, :mod:`newscorpus.pipeline`, keeps each article's reading between builds).

    The model reads the first ``max_chars`` characters of each body (cut between
    blocks): names and dates past that point of a huge file are not looked for.
    """
    texts = [body_text(article.blocks) for article in articles]
    workers = processes if len(articles) >= MIN_PARALLEL_ARTICLES else 1
    done = list(analyse(articles, model, max_chars, workers))
    curation = load_curation() if curation is None else curation
    raws = [raw for raw, _ in done]
    canonical = canonicalise(raws, texts, curation)
    version = installed_version(model) or model_version(load_pipeline(model))
    return corpus_extraction(texts, done, canonical, version, 0)


def extraction_inputs(version: str, article: Article, text: str, max_chars: int) -> tuple:
    """What one article's reading depends on: the model, the publication date (relative
    dates are read against it) and the text (and the limit, for a body cut short)."""
    published = article.published
    limit = (max_chars,) if len(text) > max_chars else ()
    return (version, published.iso, published.precision, text, *limit)


def corpus_extraction(
    texts: Sequence[str],
    done: Sequence[Analysed],
    canonical: CanonicalCorpus,
    version: str,
    hits: int,
) -> CorpusExtraction:
    """Every article's extraction from its reading and the corpus-wide names."""
    return CorpusExtraction(
        tuple(
            Extraction(text, entities, dates, raw.sentences, raw.unread_language, raw.failure)
            for text, entities, (raw, dates) in zip(texts, canonical.entities, done, strict=True)
        ),
        canonical.aliases,
        version,
        hits,
    )


# Canonical entities as the store keeps them: per article, (name, type, the numbers of the
# entity's mentions in the article's raw mentions), and the aliases.
KeptCanonical = tuple[tuple[tuple[tuple[str, str, tuple[int, ...]], ...], ...], Mapping]


def mention_numbers(canonical: CanonicalCorpus, raws: Sequence[RawExtraction]) -> KeptCanonical:
    """The canonical entities with each mention as its number in its article's raw
    mentions: the mentions themselves are kept in the extraction cache, and a corpus's
    worth of them is slow to write and read again."""
    rows = []
    for entities, raw in zip(canonical.entities, raws, strict=True):
        number = {id(mention): n for n, mention in enumerate(raw.mentions)}
        rows.append(
            tuple((e.name, e.type, tuple(number[id(m)] for m in e.mentions)) for e in entities)
        )
    return tuple(rows), canonical.aliases


def with_mentions(kept: KeptCanonical, raws: Sequence[RawExtraction]) -> CanonicalCorpus:
    """:func:`mention_numbers` undone: the canonical entities with their mentions."""
    rows, aliases = kept
    return CanonicalCorpus(
        tuple(
            tuple(
                Entity(name, kind, tuple(raw.mentions[n] for n in numbers))
                for name, kind, numbers in entities
            )
            for entities, raw in zip(rows, raws, strict=True)
        ),
        aliases,
    )
