"""Cross-references for the site: entities, topics and the timeline over the whole corpus.

Everything here is plain data built from the articles and their extractions;
the Pelican glue hands it to the templates and the exports.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..entities.extract import CorpusExtraction, Extraction
from ..entities.mentions import BLOCK_SEPARATOR, sentence_index
from ..model import ENTITY_TYPES, DateMention, EntityType, Published
from ..search.terms import fold
from .topics import Topic

TOP_RELATED = 10
FIRST, SECOND, NAME = operator.itemgetter(0), operator.itemgetter(1), operator.attrgetter("name")
PRECISION_ORDER = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """How pages and exports point at an article."""

    slug: str
    url: str
    title: str
    outlet: str
    published: Published
    # The corpus sub-folder the file is in ("business" for business/001.txt), or "".
    section: str = ""
    # The names the byline states, in its order.
    byline: tuple[str, ...] = ()
    # The "Updated …" date the article states; never its publication date.
    updated: Published | None = None
    # The file's path relative to the corpus folder ("business/001.txt").
    source: str = ""
    # The original's address (sources.csv or the saved page's canonical URL), or "".
    original_url: str = ""
    # The wire services the article credits.
    wire: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence split around the words to highlight in it."""

    article: ArticleRef
    before: str
    match: str
    after: str
    # The article paragraph it is in (1 = first), its anchor on the page ("#p3").
    paragraph: int = 1

    @property
    def text(self) -> str:
        return self.before + self.match + self.after


@dataclass(slots=True)
class EntityRecord:
    """One canonical entity across the corpus: the data behind its page."""

    name: str
    type: EntityType
    slug: str
    aliases: tuple[str, ...]
    articles: list[ArticleRef] = field(default_factory=list)
    mentions: list[Passage] = field(default_factory=list)
    # Records link to one another: a repr that followed the links would never end.
    cooccurring: list[tuple[EntityRecord, int]] = field(default_factory=list, repr=False)
    outlets: list[tuple[str, int]] = field(default_factory=list)
    # The titles and roles written before a person's name, most often first.
    roles: list[tuple[str, int]] = field(default_factory=list)
    # Whether the site gives the entity a page of its own (see :func:`mark_paged`); not
    # pickled with the catalog, since it depends on a setting: set on every build.
    paged: bool = True


@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement: a resolved date expression in its sentence."""

    date: DateMention
    passage: Passage
    topics: tuple[str, ...]

    @property
    def sort_key(self) -> tuple:
        value = self.date.value or dt.date.min
        return (value, PRECISION_ORDER.get(self.date.precision, 0), self.passage.article.slug,
                self.date.start)  # fmt: skip


@dataclass(slots=True)
class TopicRecord:
    """One topic across the corpus: the data behind its page."""

    topic: Topic
    articles: list[ArticleRef]
    events: list[Event]
    passages: list[Passage]
    related: dict[EntityType, list[tuple[EntityRecord, int]]]


@dataclass(slots=True)
class Catalog:
    """Everything the site cross-references, keyed for the templates."""

    entities: dict[str, EntityRecord]
    topics: list[TopicRecord]
    events: list[Event]
    article_topics: list[tuple[str, ...]]

    def __reduce__(self) -> tuple:
        """Pickle entities linked by name: the records link one another, and pickling the
        links as objects would recurse through the whole corpus."""
        records = [
            (r.name, r.type, r.slug, r.aliases, r.articles, r.mentions,
             list(map(NAME, map(FIRST, r.cooccurring))), list(map(SECOND, r.cooccurring)),
             r.outlets, r.roles)
            for r in self.entities.values()
        ]  # fmt: skip
        topics = [
            (t.topic, t.articles, t.events, t.passages,
             {kind: [(r.name, n) for r, n in pairs] for kind, pairs in t.related.items()})
            for t in self.topics
        ]  # fmt: skip
        return _linked_catalog, (records, topics, self.events, self.article_topics)

    def by_type(self) -> list[tuple[EntityType, list[EntityRecord]]]:
        """Entities grouped by type, most-covered first."""
        groups = []
        for kind in ENTITY_TYPES:
            records = [r for r in self.entities.values() if r.type == kind]
            records.sort(key=lambda r: (-len(r.articles), -len(r.mentions), r.name))
            groups.append((kind, records))
        return groups

    def by_letter(self, kind: EntityType) -> list[tuple[str, list[EntityRecord]]]:
        """One type's entities by the first letter of their names, A to Z, then digits,
        then other scripts; each group in alphabetical order."""
        groups: dict[str, list[EntityRecord]] = defaultdict(list)
        for record in self.entities.values():
            if record.type == kind:
                groups[index_letter(record.name)].append(record)
        order = {letter: n for n, letter in enumerate(INDEX_LETTERS)}
        return [
            (letter, sorted(groups[letter], key=lambda r: (fold(r.name), r.name)))
            for letter in sorted(groups, key=order.__getitem__)
        ]


def mark_paged(catalog: Catalog, least: int) -> None:
    """Give a page of its own to each entity named in at least ``least`` articles; the
    others are shown, unlinked, where they are named (and are in search and the exports)."""
    for record in catalog.entities.values():
        record.paged = len(record.articles) >= least


def split_timeline(events: Sequence[Event], most: int) -> list[tuple[str, list[Event]]]:
    """A timeline in parts no longer than ``most`` events: one part (key "") when it is
    short; else one per year ("2005"), a year too long for one page one per month
    ("2005/03"), and a part still too long in pages ("2005/03/page-2"); events without
    a date value last ("undated")."""
    if len(events) <= most:
        return [("", list(events))]
    years: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        value = event.date.value
        years[f"{value.year:04d}" if value else "undated"].append(event)
    parts: list[tuple[str, list[Event]]] = []
    for year, group in sorted(years.items(), key=lambda item: (item[0] == "undated", item[0])):
        if len(group) <= most or year == "undated":
            parts.append((year, group))
            continue
        months: dict[str, list[Event]] = defaultdict(list)
        for event in group:
            value = event.date.value
            # A date known only to the year comes first, under the year itself.
            key = f"{year}/{value.month:02d}" if event.date.precision != "year" else year
            months[key].append(event)
        parts.extend(sorted(months.items()))
    return _in_pages(parts, most)


def _in_pages(parts: list[tuple[str, list[Event]]], most: int) -> list[tuple[str, list[Event]]]:
    """A part still longer than ``most`` (a month, or a year's year-only dates) in pages:
    "2004", then "2004/page-2" …"""
    paged: list[tuple[str, list[Event]]] = []
    for key, group in parts:
        for number, first in enumerate(range(0, len(group), most), start=1):
            page = key if number == 1 else f"{key}/page-{number}"
            paged.append((page, group[first : first + most]))
    return paged


# The entity index's letters: A to Z, names that start with a digit, and the rest.
DIGITS, OTHER = "0-9", "other"
INDEX_LETTERS = (*"abcdefghijklmnopqrstuvwxyz", DIGITS, OTHER)


def index_letter(name: str) -> str:
    """Where a name goes in the entity index: its first letter or digit, accents and case
    folded ("Öcalan" under "o"); a name in another script under "other"."""
    first = next((char for char in fold(name) if char.isalnum()), "")
    if first.isdigit():
        return DIGITS
    return first if first in INDEX_LETTERS else OTHER


def _linked_catalog(
    records: list[tuple], topics: list[tuple], events: list[Event], article_topics: list
) -> Catalog:
    """A catalog from :meth:`Catalog.__reduce__`'s state, with the links made again."""
    entities = {row[0]: EntityRecord(*row[:6], outlets=row[8], roles=row[9]) for row in records}
    find = entities.__getitem__
    for row in records:
        entities[row[0]].cooccurring = list(zip(map(find, row[6]), row[7], strict=True))
    topic_records = [
        TopicRecord(topic, articles, topic_events, passages,
                    {kind: [(entities[name], n) for name, n in pairs]
                     for kind, pairs in related.items()})
        for topic, articles, topic_events, passages, related in topics
    ]  # fmt: skip
    return Catalog(entities, topic_records, events, article_topics)


def passage(
    extraction: Extraction, ref: ArticleRef, sentence: int, start: int, end: int
) -> Passage:
    """The sentence ``sentence`` with ``start:end`` (body offsets) picked out."""
    first, last = (
        extraction.sentences[sentence] if extraction.sentences else (0, len(extraction.text))
    )
    start, end = max(start, first), min(max(end, start), last)
    text = extraction.text
    # The body's blocks, in order, are the article page's paragraphs #p1, #p2 …
    paragraph = text.count(BLOCK_SEPARATOR, 0, start) + 1
    return Passage(ref, text[first:start], text[start:end], text[end:last], paragraph)


def build_catalog(
    refs: Sequence[ArticleRef],
    corpus: CorpusExtraction,
    topics: Sequence[Topic],
    slugify: Callable[[str], str],
) -> Catalog:
    """Entity records, topic records and the timeline for a corpus."""
    entities = entity_records(refs, corpus, slugify)
    article_topics = [
        tuple(t.name for t in topics if t.matches({e.name for e in x.entities}, x.text))
        for x in corpus.articles
    ]
    events = timeline(refs, corpus.articles, article_topics)
    topic_records = [
        topic_record(topic, refs, corpus.articles, article_topics, events, entities)
        for topic in topics
    ]
    return Catalog(entities, topic_records, events, article_topics)


def entity_records(
    refs: Sequence[ArticleRef], corpus: CorpusExtraction, slugify: Callable[[str], str]
) -> dict[str, EntityRecord]:
    """One record per canonical entity, with mentions, co-occurrences and outlets."""
    records: dict[str, EntityRecord] = {}
    together: dict[str, Counter[str]] = defaultdict(Counter)
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for ref, extraction in zip(refs, corpus.articles, strict=True):
        names = [entity.name for entity in extraction.entities]
        for entity in extraction.entities:
            record = records.get(entity.name)
            if record is None:
                aliases = corpus.aliases.get(entity.name, ())
                record = EntityRecord(entity.name, entity.type, slugify(entity.name), aliases)
                records[entity.name] = record
            record.articles.append(ref)
            record.mentions.extend(
                passage(extraction, ref, m.sentence, m.start, m.end) for m in entity.mentions
            )
            together[entity.name].update(name for name in names if name != entity.name)
            outlets[entity.name][ref.outlet] += 1
            roles[entity.name].update(m.role for m in entity.mentions if m.role)
    for name, record in records.items():
        # Most articles together first; among equals, the names the corpus covers most
        # (a name known from many articles tells more than one from a single one).
        record.cooccurring = sorted(
            ((records[other], n) for other, n in together[name].items()),
            key=lambda pair: (-pair[1], -len(pair[0].articles), pair[0].name),
        )
        record.outlets = ranked(outlets[name])
        record.roles = ranked(roles[name])
    ordered = dict(sorted(records.items()))
    distinct_slugs(list(ordered.values()))
    return ordered


# Date tags ("2019", "2019-05") have pages at the same kind of address as entities.
DATE_SLUG = re.compile(r"\d{4}(?:-\d{2})?")


def distinct_slugs(records: Sequence[EntityRecord]) -> None:
    """One page per entity: names that slugify alike get ``-2``, ``-3``… in name order."""
    taken: set[str] = set()
    for record in records:
        base = record.slug or "entity"
        if DATE_SLUG.fullmatch(base):
            base = f"{base}-entity"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        record.slug = slug
        taken.add(slug)


def timeline(
    refs: Sequence[ArticleRef],
    extractions: Sequence[Extraction],
    article_topics: Sequence[tuple[str, ...]],
) -> list[Event]:
    """Every resolved date expression in the corpus, oldest first."""
    events = [
        Event(date, passage(x, ref, date.sentence, date.start, date.end), topics)
        for ref, x, topics in zip(refs, extractions, article_topics, strict=True)
        for date in x.dates
        if date.value is not None
    ]
    events.sort(key=lambda event: event.sort_key)
    return events


def topic_record(
    topic: Topic,
    refs: Sequence[ArticleRef],
    extractions: Sequence[Extraction],
    article_topics: Sequence[tuple[str, ...]],
    events: Sequence[Event],
    entities: Mapping[str, EntityRecord],
) -> TopicRecord:
    """The articles, timeline, related entities and sentences of one topic."""
    on_topic = [i for i, names in enumerate(article_topics) if topic.name in names]
    related: dict[EntityType, Counter[str]] = defaultdict(Counter)
    passages: list[Passage] = []
    for index in on_topic:
        extraction = extractions[index]
        for entity in extraction.entities:
            if entity.name not in topic.entities:
                related[entity.type][entity.name] += 1
        own = [
            (m.start, m.end)
            for e in extraction.entities
            if e.name in topic.entities
            for m in e.mentions
        ]
        seen: set[int] = set()
        for start, end in topic.spans(extraction.text, own):
            sentence = sentence_index([first for first, _ in extraction.sentences], start)
            if sentence not in seen:
                seen.add(sentence)
                passages.append(passage(extraction, refs[index], sentence, start, end))
    return TopicRecord(
        topic,
        [refs[i] for i in on_topic],
        [event for event in events if topic.name in event.topics],
        passages,
        {kind: top(related[kind], entities) for kind in ENTITY_TYPES if related[kind]},
    )


def ranked(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """``(name, count)`` pairs, highest count first, ties by name."""
    # Sorted by name, then by count: the sort is stable, so ties keep name order.
    return sorted(sorted(counts.items(), key=FIRST), key=SECOND, reverse=True)


def top(
    counts: Counter[str], entities: Mapping[str, EntityRecord]
) -> list[tuple[EntityRecord, int]]:
    """The most frequent names first, ties by name, at most :data:`TOP_RELATED`."""
    return [(entities[name], count) for name, count in ranked(counts)[:TOP_RELATED]]
