"""The pages of the corpus: entities, letters of the entity index, topics, timelines,
archives, stories, quotes, search, exports and the data page, each written with the
view its key is made of (see :mod:`.unchanged`)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import typing as t
from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup
from newscorpus.corpus.catalog import (
    DIGITS,
    INDEX_LETTERS,
    OTHER,
    ArticleRef,
    Catalog,
    EntityRecord,
    index_letter,
    split_timeline,
)
from newscorpus.corpus.charts import Series, bar_chart, by_month
from newscorpus.corpus.network import companion_network
from newscorpus.export import EXPORT_NAMES, write_exports
from newscorpus.settings import value
from pelican.generators import Generator
from pelican.urlwrappers import Tag

from .background import Deferred
from .decorate import TYPE_PATHS, entity_tag, quote_page_url
from .site_search import (
    DEFAULT_FOLDER,
    file_version,
    lunr_js,
    search_scripts,
    write_search,
)
from .unchanged import EVERY_ARTICLE

logger = logging.getLogger(__name__)


# An entity or topic page draws its articles by month from this many dated ones on.
CHART_MIN_ARTICLES = 3


def month_chart(refs: Sequence[ArticleRef], title: str, chart_id: str) -> tuple[Markup, list]:
    """A chart of ``refs`` by month of publication and its table rows; none (empty) when
    fewer than ``CHART_MIN_ARTICLES`` are dated to the month or they fall in one month."""
    series = _monthly(ref.published for ref in refs)
    if series.total < CHART_MIN_ARTICLES or len(series.months) < 2:
        return Markup(""), []
    description = f"{series.total} dated articles, by month; the table below gives the numbers."
    return Markup(bar_chart(series, f"{title}, by month", description, chart_id)), series.labelled()


def event_chart(events: Sequence, chart_id: str) -> tuple[Markup, list]:
    """The timeline drawn as a strip: its events dated to the month or the day, by month
    (none when they fall in fewer than two months)."""
    series = _monthly(event.date for event in events)
    if len(series.months) < 2:
        return Markup(""), []
    description = f"{series.total} events dated to the month or the day, over time."
    svg = bar_chart(series, "Dated events over time", description, chart_id)
    return Markup(svg), series.labelled()


def _monthly(dated: t.Iterable) -> Series:
    """Counts by month of the dates (a publication or a date mention) known to the month
    or the day."""
    return by_month(
        d.value for d in dated if d.value is not None and d.precision in ("day", "month")
    )


def part_label(key: str, keys: Sequence[str]) -> str:
    """ "2005/03" -> "March 2005"; "2005" -> "2005" (or "2005, the year only" beside its
    months)."""
    key, _, page_number = key.partition("/page-")
    if page_number:
        return f"{part_label(key, keys)}, page {page_number}"
    if "/" in key:
        year, month = key.split("/")
        return f"{dt.date(int(year), int(month), 1):%B} {year}"
    if key == "undated":
        return "No date value"
    months = any(other.startswith(f"{key}/") for other in keys)
    return f"{key}, the year only" if months else key


def archive_parts(articles: Sequence, most: int) -> list[tuple[str, list]]:
    """Articles by year of publication, newest first, then "undated"; a year longer than
    ``most`` by month ("2005/03"), a long undated list by first letter ("undated/a")."""
    years: dict[str, list] = {}
    for article in articles:
        iso = article.published_iso or ""
        dated = article.published_status != "undated" and len(iso) >= len("2005")
        years.setdefault(iso[:4] if dated else "undated", []).append(article)
    parts: list[tuple[str, list]] = []
    for year in sorted(years, key=lambda y: (y == "undated", [-ord(c) for c in y])):
        group = years[year]
        if len(group) <= most:
            parts.append((year, _archive_order(group, year)))
            continue
        split: dict[str, list] = {}
        for article in group:
            iso = article.published_iso or ""
            if year == "undated":
                key = f"undated/{index_letter(article.title)}"
            else:
                # A date known only to the year comes first, under the year itself.
                key = f"{year}/{iso[5:7]}" if len(iso) >= len("2005-03") else year
            split.setdefault(key, []).append(article)
        if year == "undated":
            order = {letter: n for n, letter in enumerate(INDEX_LETTERS)}
            keys = sorted(split, key=lambda k: order[k.split("/")[1]])
        else:
            keys = sorted(split, key=lambda k: (k != year, [-ord(c) for c in k]))
        parts.extend((key, _archive_order(split[key], year)) for key in keys)
    return parts


def _archive_order(group: list, year: str) -> list:
    """Newest first in a year; by headline when undated."""
    if year == "undated":
        return sorted(group, key=lambda a: (a.title.casefold(), a.slug))
    return sorted(group, key=lambda a: (a.published_iso or "", a.slug), reverse=True)


def archive_label(key: str, keys: Sequence[str]) -> str:
    """ "2005/03" -> "March 2005"; "undated/a" -> "Undated: A"; "undated" -> "Undated"."""
    if key.startswith("undated/"):
        letter = key.split("/")[1]
        return "Undated: " + {DIGITS: "0–9", OTHER: "other"}.get(letter, letter.upper())
    if key == "undated":
        return "Undated"
    return part_label(key, keys)


def story_page_url(number: int) -> str:
    """``stories/``, then ``stories/page-2/``… (a story's own page is ``stories/<id>/``)."""
    return "stories/" if number == 1 else f"stories/page-{number}/"


class ExplorerPagesGenerator(Generator):
    """Writes the topic pages, the timeline, the search files and the research exports."""

    deferred: Deferred
    scripts: dict[str, bytes]

    def generate_context(self) -> None:
        """The search and export files (started once the articles were prepared) and the
        search scripts."""
        catalog: Catalog | None = self.context.get("news")
        if catalog is None:
            return
        self.deferred = self.context["news_deferred"]
        # Pages name the versions of the scripts, not of the index (the search asks the
        # manifest for that), so a page changes only when its own content does.
        self.scripts = search_scripts(Path(self.theme))
        modules = [f"{DEFAULT_FOLDER}/{name}" for name in self.scripts]
        self.context["NEWS_SEARCH"] = {
            "folder": DEFAULT_FOLDER,
            # The search page's modules, main.js (the one it loads) first.
            "modules": sorted(modules, key=lambda path: not path.endswith("/main.js")),
            "box_version": file_version(Path(self.theme) / "static" / "js" / "searchbox.js"),
            "filter_version": file_version(Path(self.theme) / "static" / "js" / "filter.js"),
            "cite_version": file_version(Path(self.theme) / "static" / "js" / "cite.js"),
            "lunr_version": file_version(lunr_js(self.settings)),
        }

    def generate_output(self, writer) -> None:
        catalog: Catalog | None = self.context.get("news")
        if catalog is None:
            return
        write = writer.write_file
        relative = self.settings.get("RELATIVE_URLS", False)

        def page(save_as: str, template: str, view: object, **extra) -> None:
            """Write a page; ``view`` is what it shows, for its key (see unchanged)."""
            url = save_as.removesuffix("index.html")
            write(save_as, self.get_template(template), self.context, relative_urls=relative,
                  url=url, template_name=template, news_view=view, **extra)  # fmt: skip

        page("index.html", "home", EVERY_ARTICLE, nav_section="home")
        self.write_entity_pages(writer, catalog)
        for kind, folder in TYPE_PATHS.items():
            letters = catalog.by_letter(kind)
            for letter, records in letters:
                shown = [(r.name, r.type, r.slug, len(r.articles)) for r in records]
                counts = [(letter, len(group)) for letter, group in letters]
                page(f"entities/{folder}/{letter}/index.html", "entities",
                     (kind, letter, shown, counts), nav_section="tags", kind=kind,
                     letter=letter, records=records, letters=letters)  # fmt: skip
        page("topics/index.html", "topics", EVERY_ARTICLE, nav_section="topics")
        for record in catalog.topics:
            chart, rows = month_chart(record.articles, f"Articles about {record.topic.name}",
                                      f"topic-{record.topic.slug}")  # fmt: skip
            page(f"topics/{record.topic.slug}/index.html", "topic", EVERY_ARTICLE,
                 record=record, chart=chart, chart_rows=rows)  # fmt: skip

        topics = [(t.topic.name, t.topic.slug) for t in catalog.topics]

        def timeline(base: str, events: list, topic) -> None:
            """The timeline at ``base``, split by year and month when it is long."""
            strip, strip_rows = event_chart(events, chart_id="timeline")
            parts = split_timeline(events, int(value(self.settings, "NEWS_TIMELINE_MOST")))
            if len(parts) == 1:
                page(f"{base}index.html", "timeline", (events, topic, topics, str(strip)),
                     events=events, topic=topic, chart=strip, chart_rows=strip_rows)  # fmt: skip
                return
            keys = [key for key, _ in parts]
            shown = [(key, part_label(key, keys), len(group)) for key, group in parts]
            common = {"topic": topic, "parts": shown, "total": len(events), "base": base}
            page(f"{base}index.html", "timeline", (topic, topics, shown, str(strip)),
                 events=None, part=None, chart=strip, chart_rows=strip_rows,
                 **common)  # fmt: skip
            for key, group in parts:
                page(f"{base}{key}/index.html", "timeline", (group, topic, topics, shown, key),
                     events=group, part=key, **common)  # fmt: skip

        self.write_archives(page)
        timeline("timeline/", catalog.events, None)
        for record in catalog.topics:
            timeline(f"timeline/{record.topic.slug}/", record.events, record)
        page(f"{DEFAULT_FOLDER}/index.html", "search", EVERY_ARTICLE, nav_section="search")
        stories = self.context.get("news_stories", [])
        per_page = int(value(self.settings, "NEWS_STORIES_PER_PAGE"))
        story_pages = [stories[i : i + per_page] for i in range(0, len(stories), per_page)]
        story_urls = [story_page_url(n) for n in range(1, len(story_pages) + 1)]
        for number, shown in enumerate(story_pages or [[]], start=1):
            page(story_page_url(number) + "index.html", "stories", EVERY_ARTICLE,
                 nav_section="stories", stories=shown, page_number=number,
                 page_urls=story_urls)  # fmt: skip
        titles = self.context.get("news_story_titles") or {}
        for story in self.context.get("news_stories", []):
            page(f"stories/{story.id}/index.html", "story", (story, titles.get(story.id)),
                 story=story)  # fmt: skip
        quote_pages = self.context.get("news_quote_pages", [[]])
        every_quote = self.context.get("news_quotes") or []
        carried = sum(1 for q in every_quote if len(q.carried_by) > 1)
        quote_urls = [quote_page_url(n) for n in range(1, len(quote_pages) + 1)]
        for number, quotes in enumerate(quote_pages, start=1):
            speakers = [catalog.entities.get(q.speaker) for q in quotes]
            view = (quotes, speakers, len(every_quote), carried, number, quote_urls)
            page(quote_page_url(number) + "index.html", "quotes", view, nav_section="quotes",
                 quotes=quotes, page_number=number, page_urls=quote_urls)  # fmt: skip
        # GitHub Pages serves 404.html for every missing path, at any depth: absolute links.
        write("404.html", self.get_template("404"), self.context, relative_urls=False,
              url="404.html", template_name="404", news_view=EVERY_ARTICLE)  # fmt: skip
        self.write_topic_feeds(writer, catalog)
        self.write_hosting_files()
        # Last: both are made in a second process while everything else is written.
        self.write_exports(page)
        self.write_search()

    def write_search(self) -> None:
        """The search folder's files (the search page is written with the other pages)."""
        started = time.perf_counter()
        files = dict(t.cast(dict[str, bytes], self.deferred.result("search")))
        files["lunr.min.js"] = lunr_js(self.settings).read_bytes()
        files.update(self.scripts)
        write_search(Path(self.output_path) / DEFAULT_FOLDER, files)
        manifest = json.loads(files["manifest.json"])
        logger.info(
            "news explorer: search index of %d articles in %d pieces (waited %.1f s)",
            manifest["documents"],
            manifest["pieceCount"],
            time.perf_counter() - started,
        )

    def write_archives(self, page) -> None:
        """``archives/``: every article by year of publication, on one page while it is
        short; else a page per year (and "undated"), a busy year by month, and a long
        undated list by the headline's first letter."""
        articles = self.context["articles"]
        most = int(value(self.settings, "NEWS_ARCHIVE_MOST"))
        if len(articles) <= most:
            page("archives/index.html", "archives", EVERY_ARTICLE, articles=articles,
                 nav_section="archives")  # fmt: skip
            return
        parts = archive_parts(articles, most)
        keys = [key for key, _ in parts]
        shown = [(key, archive_label(key, keys), len(group)) for key, group in parts]
        common = {"parts": shown, "total": len(articles), "nav_section": "archives"}
        page("archives/index.html", "archives", EVERY_ARTICLE, articles=None, part=None,
             **common)  # fmt: skip
        for key, group in parts:
            page(f"archives/{key}/index.html", "archives", EVERY_ARTICLE, articles=group,
                 part=key, **common)  # fmt: skip

    def write_entity_pages(self, writer, catalog: Catalog) -> None:
        """One page per entity, with the tag template, listing its articles in site order."""
        template = self.get_template("tag")
        by_slug = {article.slug: article for article in self.context["news_articles"]}
        least = int(value(self.settings, "NEWS_NETWORK_MIN_ARTICLES"))
        related_shown = int(value(self.settings, "NEWS_ENTITY_RELATED_SHOWN"))
        by_speaker = self.context.get("news_quotes_by_speaker") or {}
        quote_urls = self.context.get("news_quote_urls") or {}
        for record in catalog.entities.values():
            if not record.paged:
                continue
            tag = entity_tag(record, self.settings)
            chart, rows = month_chart(
                record.articles, f"Articles that name {record.name}", "mentions"
            )
            articles = [by_slug[ref.slug] for ref in record.articles]
            network = companion_network(record) if len(record.articles) >= least else None
            said = by_speaker.get(record.name, [])
            view = entity_view(record, related_shown, tag, articles, chart, network,
                               [(q, quote_urls.get(q.id)) for q in said])  # fmt: skip
            writer.write_file(
                tag.save_as,
                template,
                self.context,
                relative_urls=self.settings.get("RELATIVE_URLS", False),
                url=tag.url,
                template_name="tag",
                tag=tag,
                articles=articles,
                page_name=tag.page_name,
                chart=chart,
                chart_rows=rows,
                network=network,
                news_view=view,
            )

    def write_topic_feeds(self, writer, catalog: Catalog) -> None:
        """One Atom feed per topic with articles, when ``NEWS_TOPIC_FEED_ATOM`` is set."""
        pattern: str | None = value(self.settings, "NEWS_TOPIC_FEED_ATOM")
        if not pattern:
            return
        by_slug = {article.slug: article for article in self.context["news_articles"]}
        for record in catalog.topics:
            if not record.articles:
                continue
            path = pattern.format(slug=record.topic.slug)
            # Feeds list the newest first, as Pelican's own feeds do.
            articles = sorted(
                (by_slug[ref.slug] for ref in record.articles), key=lambda a: a.date, reverse=True
            )
            writer.write_feed(articles, self.context, path, feed_title=record.topic.name)

    def write_hosting_files(self) -> None:
        """``.nojekyll`` (serve the folder as it is) and ``robots.txt``."""
        output = Path(self.output_path)
        (output / ".nojekyll").write_bytes(b"")
        lines = ["User-agent: *", "Allow: /"]
        site_url: str = self.settings.get("SITEURL", "")
        if site_url.startswith(("http://", "https://")) and self.settings.get("SITEMAP"):
            lines.append(f"Sitemap: {site_url}/sitemap.xml")
        (output / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def write_exports(self, page) -> None:
        """``data/{articles,entities,timeline,stories,quotes}.{json,csv}`` in the output
        (``.gz`` in a compact site), then ``data/``, the page that lists them."""
        files = t.cast(dict[str, str], self.deferred.result("exports"))
        folder = Path(self.output_path) / "data"
        written = {
            path.name: path for path in write_exports(folder, files, self.context["news_compact"])
        }
        catalog: Catalog = self.context["news"]
        rows = {
            "articles": len(self.context["news_corpus"].articles),
            "entities": len(catalog.entities),
            "timeline": len(catalog.events),
            "stories": len(self.context["news_stories"]),
            "quotes": len(self.context["news_quotes"]),
        }
        shown = []
        for name in EXPORT_NAMES:
            label, what = EXPORT_LABELS[name]
            paths = [p for suffix in ("json", "csv") for p in written.values()
                     if p.name.startswith(f"{name}.{suffix}")]  # fmt: skip
            sizes = [(p.name, file_size(p.stat().st_size)) for p in paths]
            shown.append((name, label, what, f"{rows[name]:,}", sizes))
        page("data/index.html", "data", EVERY_ARTICLE, nav_section="data", exports=shown)


# Each export's heading on the data page, and what one of its rows is.
EXPORT_LABELS = {
    "articles": ("Articles", "articles: headline, outlet, dates, byline, file, names"),
    "entities": ("Entities", "names: type, spellings, articles, outlets, roles"),
    "timeline": ("Timeline", "dated events: date, precision, sentence, article"),
    "stories": ("Stories", "stories: the articles that tell one, shared sentences"),
    "quotes": ("Quotes", "quotes: speaker, text, the articles that carry it"),
}


def entity_view(
    record: EntityRecord, related_shown: int, tag: Tag, articles: list, chart: Markup,
    network, said: list,
) -> tuple:  # fmt: skip
    """What an entity page shows, for its key: its record but not its mentions (they are
    sentences of its articles, which are digested whole), of the names it appears with
    the ones listed and how many, the network drawn, and the quotes it said with their
    addresses."""
    drawn = (
        [(c.record.name, c.record.slug, c.record.type, c.shared) for c in network.companions]
        + [(a.record.name, b.record.name, n) for a, b, n in network.links]
        if network
        else None
    )
    shown = (record.name, record.type, record.slug, record.aliases,
             record.cooccurring[:related_shown], len(record.cooccurring), record.outlets,
             len(record.mentions))  # fmt: skip
    return (tag, articles, shown, said, str(chart), drawn)


def file_size(size: int) -> str:
    """A file's size for people: "812 bytes", "35 KB", "1.2 MB"."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.0f} KB"
    return f"{size / 1_000_000:.1f} MB"


def get_generators(pelican) -> type[Generator]:
    return ExplorerPagesGenerator
