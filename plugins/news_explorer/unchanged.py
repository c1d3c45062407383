"""Rebuild only what changed: a Pelican writer that skips pages whose content is unchanged.

Every page is keyed by a digest of what it shows: the site (settings, theme, our code,
Pelican's and Jinja's versions), its file name and template, and its *view*, the data
behind it. Our generator passes each page's view with the page (``news_view``: an
entity's record and its articles, a story's record, a timeline's events, a page of
quotes and their speakers; :data:`EVERY_ARTICLE` for a page that lists the corpus);
a page of Pelican's own generators is its article (an article page) or every article
(its lists and date pages). When a page's key is the one it was last written with, and
the file is still the one written then (same size and modification time), it is not
rendered again.
Pages written by a previous build and by none of this one's are deleted.

The keys are carried to the next build by the build's store (one ledger per output
folder), so a deleted cache only makes the next build render everything.
"""

from __future__ import annotations

import json
import logging
import os
import typing as t
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from newscorpus.corpus.catalog import EntityRecord, TopicRecord
from newscorpus.digest import Digester, Undigestable, digest, files_digest
from newscorpus.store import Store
from pelican import signals
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from .session import session_of

logger = logging.getLogger(__name__)

PLUGINS_ROOT = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("news_explorer", "newscorpus")
LEDGER = "pages"  # the ledger's kind in the store

# What an article page shows of its article (see theme/templates/article.html).
ARTICLE_FIELDS = (
    "slug", "url", "save_as", "title", "news_page_title", "news_description", "lede", "lang",
    "headline_derived", "outlet", "category", "section", "source_file", "relative_source_path",
    "published_iso", "published_label", "published_status", "published_reason", "warnings",
    "updated_iso", "updated_label", "updated_reason", "byline",
    "news_story", "news_topics", "news_entities", "news_dates", "furniture", "news_ld",
    "news_copy_of", "news_copies",
    "_content", "summary",
)  # fmt: skip


def article_view(article: Content) -> tuple:
    """Everything an article page shows of its article."""
    return tuple(getattr(article, name, None) for name in ARTICLE_FIELDS)


@dataclass
class Ledger:
    """The key and files of every page written, for one output folder."""

    store: Store
    site: str
    output: str = ""
    pages: dict[str, dict] = field(default_factory=dict)
    previous: dict[str, dict] = field(default_factory=dict)
    unkeyed: set[str] = field(default_factory=set)
    rendered: int = 0
    skipped: int = 0

    @classmethod
    def open(cls, store: Store, settings: Mapping, output_path: str) -> Ledger:
        site = site_digest(settings)
        output = os.path.realpath(output_path)
        kept = store.recall(LEDGER, output)
        previous = kept.get("pages", {}) if isinstance(kept, dict) else {}
        return cls(store, site, output, previous=previous)

    def unchanged(self, name: str, key: str) -> list[str] | None:
        """The files of a page written with ``key`` and untouched since, else ``None``."""
        entry = self.previous.get(name)
        if not entry or entry["key"] != key:
            return None
        for path, size, mtime in entry["files"]:
            try:
                stat = os.stat(path)
            except OSError:
                return None
            if stat.st_size != size or stat.st_mtime_ns != mtime:
                return None
        return [path for path, _, _ in entry["files"]]

    def keep(self, name: str, key: str, files: Iterable[str]) -> None:
        stats = []
        for path in files:
            stat = os.stat(path)
            stats.append([path, stat.st_size, stat.st_mtime_ns])
        self.pages[name] = {"key": key, "files": stats}

    def finish(self) -> None:
        """Delete the pages no longer written, then save the ledger atomically."""
        current = {path for entry in self.pages.values() for path, _, _ in entry["files"]}
        current |= self.unkeyed
        for entry in self.previous.values():
            for path, _, _ in entry["files"]:
                if path in current or not os.path.isfile(path):
                    continue
                if os.path.commonpath([os.path.realpath(path), self.output]) == self.output:
                    os.remove(path)
                    logger.info("news explorer: removed %s (no longer in the corpus)", path)
        if self.pages != self.previous:
            self.store.keep(LEDGER, self.output, {"site": self.site, "pages": self.pages})


def site_digest(settings: Mapping) -> str:
    """What every page depends on: settings, theme files, our code, Pelican and Jinja."""
    theme = Path(settings.get("THEME", ""))
    theme_files = [p for p in theme.rglob("*") if p.is_file()] if theme.is_dir() else []
    code = [
        path
        for folder in CODE_FOLDERS
        for path in (PLUGINS_ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    described = json.dumps(settings, sort_keys=True, default=_describe)
    return digest(
        (
            described,
            files_digest(theme_files, theme) if theme_files else "",
            files_digest(code, PLUGINS_ROOT),
            version("pelican"),
            version("jinja2"),
        )
    )


def _describe(value: object) -> object:
    """A setting JSON cannot write (a function, a module, a set) as a stable value."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    return f"<{type(value).__qualname__} {getattr(value, '__qualname__', '')}>"


class PageKeys:
    """Page keys for one build.

    Each article is digested once, with its extraction (text, names, dates, sentences):
    that covers every page built from it. An entity page is its record's own fields plus
    the digests of its articles (its mentions are sentences of theirs); a list page is
    the digest of every article. Nothing a page shows changes while pages are written.
    """

    def __init__(self, site: str) -> None:
        self.site = site
        self._articles: dict[int, str] = {}
        self._extractions: dict[int, str | None] | None = None  # digests, by article
        self._corpus: str | None = None
        self._context: Mapping = {}
        self.digest = Digester(self.refer())

    def refer(self) -> dict[type, Callable[[t.Any], object]]:
        """Short forms of objects named on a page about something else."""
        return {
            EveryArticle: lambda _: self.corpus(self._context),
            Content: self.article,
            URLWrapper: lambda w: (type(w).__name__, w.name, w.slug, w.url),
            EntityRecord: lambda r: ("entity", r.name, r.type, r.slug, r.paged),
            TopicRecord: lambda r: ("topic", r.topic.name, r.topic.slug),
        }

    def article(self, article: Content) -> str:
        """An article's digest: what its page shows and what was extracted from it."""
        found = self._articles.get(id(article))
        if found is None:
            extraction = (self._extractions or {}).get(id(article))
            found = self.digest(("article", article_view(article), extraction))
            self._articles[id(article)] = found
        return found

    def start(self, context: Mapping) -> None:
        if self._extractions is None:
            articles = context.get("news_articles") or []
            keys = context.get("news_extraction_keys") or [None] * len(articles)
            self._extractions = {id(a): key for a, key in zip(articles, keys, strict=True)}

    def corpus(self, context: Mapping) -> str:
        """A digest of everything list pages draw on: every article, in site order."""
        if self._corpus is None:
            self._corpus = self.digest(
                (
                    [self.article(a) for a in context.get("news_articles", ())],
                    [self.article(a) for a in context.get("articles", ())],
                    context.get("news_story_titles"),
                    context.get("news_quote_urls"),
                )
            )
        return self._corpus

    def key(
        self, name: str, template: str, relative: bool, view: object, context: Mapping
    ) -> str | None:
        """The key of a page, or ``None`` when its view cannot be digested (always render)."""
        try:
            self.start(context)
            self._context = context
            # Every page's footer links the exports, compressed in a compact site.
            compact = context.get("news_compact")
            return self.digest((self.site, name, template, relative, compact, view))
        except Undigestable as error:
            logger.debug("news explorer: rendering %s every time: %s", name, error)
            return None

    @staticmethod
    def pelican_view(kwargs: Mapping) -> object:
        """The view of a page of Pelican's own generators: its article, else every article
        (with the page's plain variables: a date archive's period, a feed's name…)."""
        if "article" in kwargs:
            return kwargs["article"]
        return listing(kwargs)


class EveryArticle:
    """In a page's view: the page draws on every article (a list, the home page); it
    is digested as all of them, in site order."""


EVERY_ARTICLE = EveryArticle()
VIEW = "news_view"  # the keyword under which a generator passes a page's view


def listing(variables: Mapping) -> tuple:
    """The view of a page that draws on the whole corpus, with its plain variables."""
    plain = {k: v for k, v in variables.items() if isinstance(v, str | int | float | bool)}
    return (EVERY_ARTICLE, plain)


class SkippingWriter(Writer):
    """Pelican's writer, but a page whose key is unchanged is not rendered again."""

    def __init__(self, output_path, settings=None) -> None:
        super().__init__(output_path, settings=settings)
        session = session_of(self.settings)
        self.ledger = Ledger.open(session.store, self.settings, output_path)
        session.ledger = self.ledger
        self.keys = PageKeys(self.ledger.site)
        self._opened: list[str] | None = None

    def _open_w(self, filename, encoding, override=False):
        if self._opened is not None and filename != os.devnull:
            self._opened.append(filename)
        return super()._open_w(filename, encoding, override)

    def write_file(self, name, template, context, *args, **kwargs):
        if not name:
            return super().write_file(name, template, context, *args, **kwargs)
        view = kwargs.pop(VIEW) if VIEW in kwargs else None
        page_args = {k: v for k, v in kwargs.items() if k not in WRITE_OPTIONS}
        if view is None:
            view = self.keys.pelican_view(page_args)
        template_name = Path(getattr(template, "name", "") or "").stem
        relative = bool(kwargs.get("relative_urls", args[0] if args else False))
        key = self.keys.key(name, template_name, relative, view, context)
        files = self.ledger.unchanged(name, key) if key else None
        if files is not None:
            self.ledger.skipped += 1
            self.ledger.pages[name] = self.ledger.previous[name]
            for path in files:
                self._written_files.add(path)
                local = {"article": page_args.get("article"), "page": page_args.get("page")}
                signals.content_written.send(path, context=local)
            return None
        self._opened = []
        try:
            result = super().write_file(name, template, context, *args, **kwargs)
        finally:
            opened, self._opened = self._opened, None
        self.ledger.rendered += 1
        if key:
            self.ledger.keep(name, key, opened)
        else:
            self.ledger.unkeyed.update(opened)
        return result


# write_file's own keyword arguments; the rest are the page's template variables.
WRITE_OPTIONS = {"relative_urls", "paginated", "template_name", "override_output", "url"}


def get_writer(pelican) -> type[Writer]:
    return SkippingWriter


def finish(pelican) -> None:
    """Delete stale pages, save the ledger and say how many pages were written."""
    session = session_of(pelican.settings)
    ledger, session.ledger = session.ledger, None
    if ledger is None:
        return
    ledger.finish()
    print(f"Pages: {ledger.rendered} written, {ledger.skipped} unchanged")
