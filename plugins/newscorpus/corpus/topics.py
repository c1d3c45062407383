"""Topics: named sets of entities and patterns (``NEWS_TOPICS``) that articles are about."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..settings import DEFAULTS

DEFAULT_TOPICS: list[dict] = list(DEFAULTS["NEWS_TOPICS"])


class TopicError(ValueError):
    """A topic in ``NEWS_TOPICS`` that cannot be used, and why."""


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject the explorer follows: articles that name its entities or match its patterns."""

    name: str
    slug: str
    entities: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, entity_names: set[str], text: str) -> bool:
        """Whether an article with these entities and this body is on the topic."""
        return bool(self.entities & entity_names) or any(p.search(text) for p in self.patterns)

    def spans(self, text: str, mention_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Where the topic is named in ``text``: its entities' mentions and pattern matches."""
        found = set(mention_spans)
        for pattern in self.patterns:
            found.update(match.span() for match in pattern.finditer(text) if match.group())
        return sorted(found)


def load_topics(setting: Sequence[Mapping | str], slugify) -> list[Topic]:
    """Topics from the setting: ``"Name"`` or ``{"name", "entities", "patterns"}`` each."""
    topics: list[Topic] = []
    for item in setting:
        spec = {"name": item} if isinstance(item, str) else dict(item)
        name = str(spec.get("name", "")).strip()
        if not name:
            raise TopicError(f"NEWS_TOPICS: a topic without a name: {item!r}")
        entities = spec.get("entities") or ([] if spec.get("patterns") else [name])
        try:
            patterns = tuple(re.compile(p) for p in spec.get("patterns", []))
        except re.error as error:
            raise TopicError(f"NEWS_TOPICS: topic {name!r} has a bad pattern: {error}") from error
        slug = slugify(name) or f"topic-{len(topics) + 1}"
        if any(topic.slug == slug for topic in topics):
            raise TopicError(f"NEWS_TOPICS: two topics share the address {slug!r}")
        topics.append(Topic(name, slug, frozenset(entities), patterns))
    return topics
