"""Who carried what: story and quote records for the pages and the exports.

:mod:`newscorpus.corpus.stories` groups articles and :mod:`newscorpus.corpus.quotes`
finds and matches quotations; this module turns their index-based results into records that name the
articles (:class:`newscorpus.corpus.catalog.ArticleRef`), in date order.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..entities.extract import Extraction
from ..entities.mentions import BLOCK_SEPARATOR
from ..model import Published
from .catalog import ArticleRef
from .quotes import PersonMention, Quote, find_quotes, match_quotes, word_diff
from .stories import Row, Story, StoryArticle


@dataclass(frozen=True, slots=True)
class StoryVersion:
    """One article of a story, what only it says, and which article it copies verbatim."""

    article: ArticleRef
    unique: tuple[str, ...]
    copy_of: ArticleRef | None = None


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """One story across outlets: the data behind its page."""

    id: str
    title: str
    versions: tuple[StoryVersion, ...]
    shared: tuple[str, ...]
    exact: bool
    similarity: float
    # The versions side by side (copies left out), cells in the order of ``columns``.
    rows: tuple[Row, ...] = ()

    @property
    def columns(self) -> list[StoryVersion]:
        """The versions with a text of their own (not a copy of another), in date order."""
        return [v for v in self.versions if v.copy_of is None]

    @property
    def articles(self) -> list[ArticleRef]:
        return [v.article for v in self.versions]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(v.article.outlet for v in self.versions))


@dataclass(frozen=True, slots=True)
class CarriedQuote:
    """A quote as one article carries it: its wording, marked where it differs."""

    article: ArticleRef
    text: str
    diff: tuple[tuple[str, bool], ...]
    # Where the article carries it: its paragraph's anchor on the article page ("#p3").
    paragraph: int = 1


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One quote, once, with every article that carried it."""

    id: str
    speaker: str | None
    text: str
    carried_by: tuple[CarriedQuote, ...]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(c.article.outlet for c in self.carried_by))


def date_order(ref: ArticleRef) -> tuple:
    """Oldest first, a stated date before an inferred one, undated last, then by slug."""
    value = ref.published.value
    inferred = ref.published.status == "inferred"
    return (value is None, value.toordinal() if value else 0, inferred, ref.slug)


def story_input(
    slug: str, title: str, outlet: str, published: Published, extraction: Extraction
) -> StoryArticle:
    """What story detection needs of one extracted article."""
    text = extraction.text
    breaks = [m.start() for m in re.finditer(re.escape(BLOCK_SEPARATOR), text)]
    return StoryArticle(
        slug=slug,
        title=title,
        outlet=outlet,
        published=published,
        text=text,
        sentences=tuple(extraction.sentence(i) for i in range(len(extraction.sentences))),
        entities=frozenset(entity.name for entity in extraction.entities),
        paragraphs=tuple(bisect.bisect(breaks, start) + 1 for start, _ in extraction.sentences),
    )


def story_records(refs: Sequence[ArticleRef], stories: Sequence[Story]) -> list[StoryRecord]:
    """A record per story, versions in date order, stories newest first."""
    records = []
    for story in stories:
        originals = story.originals
        order = sorted(range(len(story.members)), key=lambda n: date_order(refs[story.members[n]]))
        versions = [
            StoryVersion(
                refs[story.members[n]],
                story.unique[n],
                refs[originals[story.members[n]]] if story.members[n] in originals else None,
            )
            for n in order
        ]
        columns = [n for n in order if story.members[n] not in originals]
        rows = tuple(Row(row.kind, tuple(row.cells[n] for n in columns)) for row in story.rows)
        records.append(
            StoryRecord(
                id=refs[story.members[0]].slug,
                title=versions[0].article.title,
                versions=tuple(versions),
                shared=story.shared,
                exact=story.exact,
                similarity=story.similarity,
                rows=rows,
            )
        )
    return sorted(records, key=lambda r: (date_order(r.versions[0].article), r.id))


def article_quotes(extraction: Extraction) -> list[Quote]:
    """The quotations of one article, speakers linked to its canonical person entities."""
    people = [
        PersonMention(m.start, m.end, entity.name)
        for entity in extraction.entities
        if entity.type == "PERSON"
        for m in entity.mentions
    ]
    text = extraction.text
    return [
        dataclasses.replace(quote, paragraph=text.count(BLOCK_SEPARATOR, 0, quote.start) + 1)
        for quote in find_quotes(text, people)
    ]


def said(quotes: Sequence[Sequence[Quote]]) -> list[tuple[str, str | None]]:
    """Every quote of every article as :func:`match_quotes` takes them: (text, speaker)."""
    return [(quote.text, quote.speaker) for article in quotes for quote in article]


def quote_records(
    refs: Sequence[ArticleRef],
    quotes: Sequence[Sequence[Quote]],
    groups: Sequence[Sequence[int]] | None = None,
) -> list[QuoteRecord]:
    """Each quote once: the longest wording, its speaker, and the articles that carried it,
    each once (date order).

    Records are ordered by how many outlets carried them, then by speaker and text.
    ``groups`` are :func:`match_quotes` of :func:`said` (computed when not given).
    """
    flat = [(n, quote) for n, article in enumerate(quotes) for quote in article]
    if groups is None:
        groups = match_quotes(said(quotes))
    records = []
    for group in groups:
        members = [flat[i] for i in group]
        text = max((q.text for _, q in members), key=lambda t: (len(t), t))
        speaker = next((q.speaker for _, q in members if q.speaker), None)
        # An article that carries the quote in two fragments carries it once: its fullest.
        fullest: dict[int, Quote] = {}
        for n, q in members:
            if n not in fullest or (len(q.text), q.text) > (len(fullest[n].text), fullest[n].text):
                fullest[n] = q
        carried = sorted(
            (
                CarriedQuote(refs[n], q.text, tuple(word_diff(text, q.text)), q.paragraph)
                for n, q in fullest.items()
            ),
            key=lambda c: (date_order(c.article), c.text),
        )
        digest = hashlib.sha1(f"{speaker}\0{text}".encode()).hexdigest()[:10]
        records.append(QuoteRecord(f"q{digest}", speaker, text, tuple(carried)))
    return sorted(records, key=lambda r: (-len(r.outlets), r.speaker or "~", r.text))
