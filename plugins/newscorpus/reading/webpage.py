"""From the bytes of a saved web page to an :class:`~newscorpus.model.Article`.

trafilatura finds the article in the page's markup (paragraphs, subheadings, lists,
block quotes and tables) and reads the page's metadata: title, site name, author,
publication date (with htmldate, from markup and address only), canonical address. What
the metadata does not say, our text rules read from the page's visible text, and when
trafilatura finds no article at all, the text cleaner reads that visible text instead.
Every visible line outside the article is kept as removed furniture, so nothing is lost.
Nothing here fetches anything: the page is only parsed.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import gzip
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import charset_normalizer
import trafilatura
from lxml import etree, html
from trafilatura.settings import use_config

from ..model import CELL_SEPARATOR, Article, Block, BlockKind, Published, RemovedLine
from .byline import byline_names
from .decode import BINARY_SIGNATURES, BOMS, INVISIBLE, UnreadableFile, unescape_references
from .outlet import LEGAL_FORM, split_title_suffix, wire_services
from .parse import (
    UNKNOWN_OUTLET,
    article_from_text,
    derive_headline,
    lede,
    looks_like_html,
    original_url,
    parse_article,
)
from .shape import ends_sentence
from .sources import SourceRecord

# A saved page larger than this (once unzipped) is refused with a message, not read.
MAX_PAGE_BYTES = 25_000_000
# Less text than this, and no sentence, is not an article (a login form, a cookie wall).
MIN_ARTICLE_CHARS = 200
# The text cleaner reads at most this many lines of a page; for the dateline, byline and
# copyright line an article's markup does not state, only the lines around the article
# and the page's foot.
MAX_CLEANER_LINES = 20_000
HEAD_LINES = 40
LEAD_LINES = 12
FOOT_LINES = 40
# trafilatura's fast mode (no second opinion from jusText and readability) above this.
FAST_ABOVE_CHARS = 2_000_000
# Furniture lines listed under an article; the rest are counted.
MAX_FURNITURE_LINES = 400
GZIP_MAGIC = b"\x1f\x8b"
# Elements whose text a reader never sees.
HIDDEN = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "head", "title", "meta", "link", "select", "datalist", "button",
}  # fmt: skip
# Elements that start a new line of a page's visible text.
PAGE_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "label", "legend", "li",
    "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
# trafilatura's article markup: which elements are blocks, and of what kind.
ARTICLE_BLOCKS: dict[str, BlockKind] = {
    "p": "p", "head": "h", "item": "li", "li": "li", "quote": "quote", "row": "row",
    "code": "p", "list": "p", "table": "p", "div": "p", "body": "p", "lb": "p",
}  # fmt: skip
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
    re.IGNORECASE,
)
# What browsers read a declared charset as (the WHATWG Encoding Standard).
BROWSER_CHARSETS = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
                    "us-ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030"}  # fmt: skip
REFRESH = re.compile(
    r"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["'][^"']*url\s*=\s*([^"'>\s]+)""",
    re.IGNORECASE,
)
SPACES = re.compile(r"\s+")
# Soft hyphens and zero-width characters: invisible on the page, and they split words.
AUTHOR_SEPARATORS = re.compile(r"\s*;\s*|\s*,\s*|\s+(?:and|und|et|y|e)\s+")
SITE_NAME_PARTS = re.compile(r"\s+[|•·–—:-]+\s+")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")

# trafilatura's settings for a saved page: its defaults, with no size limit of its own
# (ours, above, applies) and no extraction timeout (that needs signals).
CONFIG = use_config()
CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
CONFIG.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_PAGE_BYTES))
# A date htmldate read from markup other than the publication-date metadata.
MARKUP_DATE = "from the page's date markup"
# htmldate: the page's own markup and address only (a date somewhere in the text is our
# text rules' business), and the original publication date, not the last edit.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

__all__ = ["HTML_SUFFIXES", "UnreadableFile", "is_web_page", "parse_file", "parse_page"]


def not_an_article(suffix: str) -> str:
    """Why a corpus file with this name ending is not read (the build report says it)."""
    return (
        f"not an article file ({suffix or 'no extension'}); the corpus takes text"
        " dumps (.txt) and saved web pages (.html, .htm, .html.gz)"
    )


def is_web_page(source: str) -> bool:
    """Whether a corpus file's name says it is a saved web page."""
    return source.lower().endswith(HTML_SUFFIXES)


def parse_file(
    raw: bytes,
    source: str,
    record: SourceRecord | None = None,
    *,
    summary_sentences: int = 2,
    unknown_outlet: str = UNKNOWN_OUTLET,
    recurring: frozenset[str] = frozenset(),
) -> Article:
    """Any corpus file as an article: a saved web page by its name or its markup (a page
    saved as ``.txt`` is read as the page it is, not as markup), else a text dump, with
    the lines of a template it shares with other files (``recurring``)."""
    options = {"summary_sentences": summary_sentences, "unknown_outlet": unknown_outlet}
    if is_web_page(source):
        return parse_page(raw, source, record, **options)
    if looks_like_html(raw):
        article = parse_page(raw, source, record, **options)
        note = "the file is a saved web page (HTML), read as one"
        return replace(article, warnings=(note, *article.warnings))
    return parse_article(raw, source, record, recurring=recurring, **options)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page's markup states about the article."""

    title: str = ""
    site: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    date_reason: str = ""
    # Dates the markup states with day and month either way round: both readings.
    ambiguous: tuple[tuple[str, str], ...] = ()


# The page's own statements of its publication date after JSON-LD's datePublished, most
# specific first (<meta> names and properties, compared in lower case).
DATE_FIELDS = (
    "article:published_time", "datepublished", "og:published_time", "date", "pubdate",
    "publishdate", "dc.date.issued", "dcterms.created", "dc.date", "sailthru.date",
    "parsely-pub-date",
)  # fmt: skip
ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]|$)")
# "10/05/2022", "01-11-2023", "26.01.2022": day and month in an order the page does not say.
NUMERIC_DATE = re.compile(r"\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[T\s,]|$)")
# Objects whose datePublished is not the page's: a comment's, a review's, an answer's.
NOT_THE_PAGE = {"comment", "review", "answer", "question", "imageobject", "videoobject"}
ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle",
                 "analysisnewsarticle", "opinionnewsarticle", "report", "scholarlyarticle",
                 "techarticle", "liveblogposting"}  # fmt: skip
ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[0-9a-z_*]+/(https?://.+)$", re.I)
DATE_LIKE = re.compile(r"^[\d\s./:,-]+$")
MAX_SITE_WORDS = 8


def stated_metadata(root: etree._Element) -> Metadata:
    """What the page's markup states in so many words (its ``<meta>`` fields and JSON-LD):
    the site's name, the publication date (as the publisher wrote it) and the canonical
    address. A date whose day and month could be either way round is left out (the
    caller may find it confirmed elsewhere): wrong is worse than unknown."""
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        if key and element.get("content") is not None:
            meta.setdefault(key.strip().lower(), element.get("content", "").strip())
    objects = [o for o in json_ld_objects(root) if not _types(o) & NOT_THE_PAGE]
    objects.sort(key=lambda o: not _types(o) & ARTICLE_TYPES)
    site = meta.get("og:site_name", "")
    if not site:
        publishers = [o.get("publisher") for o in objects if _types(o) & ARTICLE_TYPES]
        site = next((p["name"] for p in publishers if isinstance(p, dict)
                     and isinstance(p.get("name"), str)), "")  # fmt: skip
    written = [o.get("datePublished") for o in objects] + [meta.get(f) for f in DATE_FIELDS]
    written += [t.get("datetime") for t in root.xpath("//*[@itemprop='datePublished'][@datetime]")]
    times = set(root.xpath("//article//time[@datetime]/@datetime"))
    written += list(times) if len(times) == 1 else []
    dates = [read_date(text) for text in written if isinstance(text, str) and text.strip()]
    date = next((found for found in dates if found), "")
    url = meta.get("og:url", "")
    canonical = root.xpath("//link[@rel='canonical']/@href")
    url = str(canonical[0]).strip() if canonical else url
    return Metadata(
        site=clean_field(site),
        date=date,
        url=unarchived(clean_field(url)),
        date_reason="from the page's publication-date metadata",
        ambiguous=tuple(found for found in map(ambiguous_readings, written) if found),
    )


def read_date(text: str) -> str:
    """An ISO day from a date as a page's markup writes it ("2019-10-19T08:00:00+02:00",
    "2022-1-26", "26.01.2022", "10/25/2022"); "" when it is not one, or when day and
    month could be either way round ("10/05/2022")."""
    if match := ISO_DATE.match(text):
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := NUMERIC_DATE.match(text):
        first, separator, second, year = match.groups()
        first_n, second_n, year_n = int(first), int(second), int(year)
        if separator == "." or first_n > 12 or first_n == second_n:
            return _valid(year_n, second_n, first_n)  # day first, as dotted dates are
        if second_n > 12:
            return _valid(year_n, first_n, second_n)  # month first
    return ""


def ambiguous_readings(text: object) -> tuple[str, str] | None:
    """Both readings of a date whose day and month could be either way round."""
    match = NUMERIC_DATE.match(text) if isinstance(text, str) else None
    if not match or match.group(2) == ".":
        return None
    first, _, second, year = match.groups()
    if int(first) > 12 or int(second) > 12 or first == second:
        return None
    day_first = _valid(int(year), int(second), int(first))
    month_first = _valid(int(year), int(first), int(second))
    return (day_first, month_first) if day_first and month_first else None


def _valid(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def json_ld_objects(root: etree._Element) -> Iterator[dict]:
    """Every JSON-LD object of the page (within ``@graph`` lists too); unreadable ones are
    passed over."""
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < MAX_JSON_OBJECTS:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                seen += 1
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


MAX_JSON_OBJECTS = 200


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _first(root: etree._Element, path: str) -> str:
    found = root.xpath(path)
    return str(found[0]).strip() if found else ""


def merged(stated: Metadata, found: Metadata) -> Metadata:
    """The page's stated metadata, filled in by what trafilatura found (its title, author
    and address; its date, which htmldate may have read from other markup)."""
    title = found.title
    site = usable_site_name(stated.site, title)
    url = stated.url or unarchived(found.url)
    date, reason = stated.date, stated.date_reason
    # Not when the metadata has an either-way-round date: htmldate may have read that one.
    if not date and found.date and not stated.ambiguous:
        date, reason = found.date, MARKUP_DATE
    return Metadata(title, site, found.author, date, url, reason, stated.ambiguous)


def usable_site_name(name: str, title: str) -> str:
    """A site name as a reader would say it ("SW1.News" of "SW1.News - Nachrichten der
    Region"), or "" when it is not one: a date, an address, a copyright line, the title."""
    parts = [part.strip() for part in SITE_NAME_PARTS.split(name) if part.strip()]
    parts = [part for part in parts if loose(part) and loose(part) not in loose(title)]
    if not parts:
        return ""
    name = LEGAL_FORM.sub("", parts[0]).strip(" ,") or parts[0]
    if (
        "://" in name
        or DATE_LIKE.match(name)
        or name.lower().startswith(("©", "(c)", "copyright"))
        or len(name.split()) > MAX_SITE_WORDS
    ):
        return ""
    return name


def unarchived(url: str) -> str:
    """An archived copy's address (web.archive.org) as the original's."""
    match = ARCHIVED.match(url)
    return match.group(1) if match else url


def parse_page(
    raw: bytes,
    source: str,
    record: SourceRecord | None = None,
    *,
    summary_sentences: int = 2,
    unknown_outlet: str = UNKNOWN_OUTLET,
) -> Article:
    """Decode, extract and describe one saved web page.

    Raises :class:`UnreadableFile` when the page holds no readable article.
    """
    text, warnings = decode_page(raw)
    root = parse_html(text)
    lines = visible_lines(root) if root is not None else []
    if len(" ".join(lines)) < len(markup_text(text)) // 2:
        # The parser gave up part of the page (markup nested past its limits, or broken).
        lines = markup_lines(text)
    stated = stated_metadata(root) if root is not None else Metadata()
    # trafilatura changes the tree it reads: it gets it once the rest is read.
    source_tree = root if root is not None else text
    extracted = extract(source_tree, fast=len(text) > FAST_ABOVE_CHARS)
    blocks, found = extracted if extracted else ([], Metadata())
    metadata = merged(stated, found)

    def text_article(selected: list[str]) -> Article:
        """Lines of the page's visible text read by the text cleaner."""
        if not selected:
            raise UnreadableFile(empty_reason(text))
        # A blank line between lines: a page's lines are never hard-wrapped paragraphs.
        article = article_from_text(
            "\n\n".join(selected), source, None, warnings=[],
            summary_sentences=summary_sentences, unknown_outlet=unknown_outlet,
        )  # fmt: skip
        removed = tuple(replace(r, line_no=(r.line_no + 1) // 2) for r in article.removed)
        return replace(article, removed=removed)

    headline, title_outlet = split_title_suffix(metadata.title) if metadata.title else ("", None)
    host = host_name(metadata.url)
    read_text: Article | None = None
    if is_article(blocks):
        if blocks[0].kind == "h" and loose(blocks[0].text) == loose(headline):
            blocks = blocks[1:]
        article = Article(
            source=source,
            headline=headline,
            headline_derived=False,
            blocks=tuple(blocks),
            removed=furniture(lines, blocks, headline),
            outlet=unknown_outlet,
            outlet_reason="",
            published=UNDATED,
            lede=lede(blocks, summary_sentences),
            wire=wire_services(blocks),
        )
        guessed_date = metadata.date_reason == MARKUP_DATE
        if not (headline and metadata.date and (metadata.site or host)) or guessed_date:
            # What the markup does not state, the visible text may: the lines before the
            # article and its first lines (its headline, dateline and byline), and the
            # page's foot (its copyright line). Read only when needed: it is slow.
            with contextlib.suppress(UnreadableFile):
                read_text = text_article(around(lines, blocks, foot=not host))
    else:
        # Up to a limit: the text cleaner is slow on a page of a hundred thousand lines.
        try:
            article = read_text = text_article(lines[:MAX_CLEANER_LINES])
        except UnreadableFile:
            if not lines:
                raise  # an empty page: the reason says what it is (a redirect, say)
            article = None
        if article is None or not is_article(list(article.blocks)):
            raise UnreadableFile(
                "no article text in the page's markup or its visible text"
                " (a login or cookie wall, or a page of links)"
            )
        warnings.append(
            "the page's markup shows no article; its visible text was read by the text cleaner"
        )

    changes: dict = {}
    if headline:
        changes.update(
            headline=headline, headline_derived=False, headline_reason="from the page's title"
        )
    elif read_text is not None and read_text is not article:
        changes.update(
            headline=read_text.headline,
            headline_derived=read_text.headline_derived,
            headline_reason="" if read_text.headline_derived else "from a line of the page's text",
        )
    elif not article.headline:
        changes.update(headline=derive_headline(blocks), headline_derived=True)

    if metadata.site:
        changes.update(outlet=metadata.site, outlet_reason="from the page's site name")
    elif host:
        changes.update(outlet=host, outlet_reason="from the page's address")
    elif read_text is not None and read_text.outlet != unknown_outlet:
        changes.update(outlet=read_text.outlet, outlet_reason=read_text.outlet_reason)
    elif title_outlet:
        changes.update(outlet=title_outlet, outlet_reason="named after the title")
    else:
        changes.update(outlet=unknown_outlet, outlet_reason="the page names no site")

    value = _iso_date(metadata.date)
    if (
        value is not None
        and metadata.date_reason == MARKUP_DATE
        and _states_another_day(read_text, value)
    ):
        # htmldate's reading of other markup (a <time>, a modified date) against the date
        # the page prints under its headline: the printed one.
        changes.update(published=read_text.published, updated=read_text.updated)
    elif value is not None:
        changes["published"] = Published(value, "day", "stated", metadata.date_reason)
    elif metadata.ambiguous:
        changes["published"] = settled(metadata, read_text)
    elif read_text is not None:
        changes.update(published=read_text.published, updated=read_text.updated)

    names = author_names(metadata.author, metadata.site, host) if metadata.author else ()
    if names:
        changes.update(byline=names, byline_reason="from the page's author metadata")
    elif read_text is not None and read_text.byline:
        changes.update(byline=read_text.byline, byline_reason="from a line of the page's text")

    changes["url"] = original_url(metadata.url)
    if record is not None:
        if record.outlet:
            changes.update(outlet=record.outlet, outlet_reason="from sources.csv")
        if record.published:
            changes["published"] = record.published
        if original_url(record.url):
            changes["url"] = original_url(record.url)
    if changes.get("headline_derived"):
        warnings.append("no title or headline line; headline derived from the lead sentence")
    return replace(article, **changes, warnings=tuple(warnings))


UNDATED = Published(None, "none", "undated", "the page states no publication date")
URL_DATE = re.compile(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def _states_another_day(read_text: Article | None, value: dt.date) -> bool:
    """Whether the page's visible text states a publication day other than ``value``."""
    if read_text is None:
        return False
    published = read_text.published
    return (
        published.status == "stated" and published.precision == "day" and published.value != value
    )


def settled(metadata: Metadata, read_text: Article | None) -> Published:
    """The publication date when the metadata writes it day and month either way round
    ("10/05/2022"): the reading the page's address or its text confirms, else none."""
    readings = metadata.ambiguous[0]
    in_url = URL_DATE.search(metadata.url)
    confirmations = [
        (_valid(*map(int, in_url.groups())) if in_url else "", "its address"),
        (read_text.published.iso if read_text is not None else "", "its text"),
    ]
    for iso, where in confirmations:
        if iso in readings:
            return Published(
                dt.date.fromisoformat(iso), "day", "stated",
                f"from the page's publication-date metadata, read as {where} has it",
            )  # fmt: skip
    day_first, month_first = (dt.date.fromisoformat(r) for r in readings)
    return Published(
        None, "none", "undated",
        f"the page's date could be {day_first:%-d %B %Y} or {month_first:%-d %B %Y},"
        " and nothing on the page says which",
    )  # fmt: skip


def is_article(blocks: list[Block]) -> bool:
    """Whether trafilatura's blocks hold an article: a sentence, a few lines, or one long
    line of text (a login form's or a cookie wall's few words are not one)."""
    text = [block.text for block in blocks if block.kind != "h"]
    size = sum(map(len, text))
    return (
        size >= MIN_ARTICLE_CHARS
        or (len(text) > 1 and size >= MIN_ARTICLE_CHARS // 2)
        or any(map(ends_sentence, text))
    )


def around(lines: list[str], blocks: list[Block], *, foot: bool) -> list[str]:
    """The article's head for the text rules: the visible lines before it and its first
    lines (its headline, dateline and byline are there), and with ``foot`` the page's
    last lines (its copyright line)."""
    article = SPACES.sub(" ", " \n ".join(block.text for block in blocks))
    inside = [n for n, line in enumerate(lines) if len(line) > 20 and line in article]
    if not inside:
        return lines[:MAX_CLEANER_LINES]
    start, end = max(0, inside[0] - HEAD_LINES), inside[min(len(inside), LEAD_LINES) - 1] + 1
    return lines[start:end] + (lines[max(end, len(lines) - FOOT_LINES) :] if foot else [])


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def decode_page(raw: bytes) -> tuple[str, list[str]]:
    """A page's bytes as text: unzipped, in the charset its bytes are actually in.

    A byte-order mark wins; valid UTF-8 is UTF-8 whatever the page declares; otherwise
    the declared charset if the bytes fit it, else a detected one. Raises
    :class:`UnreadableFile` for empty, binary and oversized files.
    """
    warnings: list[str] = []
    if raw.startswith(GZIP_MAGIC):
        raw = gunzip(raw)
    if not raw.strip():
        raise UnreadableFile("empty file (no markup)")
    if len(raw) > MAX_PAGE_BYTES:
        raise UnreadableFile(
            f"a page of {len(raw) / 1e6:.0f} MB, larger than the "
            f"{MAX_PAGE_BYTES / 1e6:.0f} MB a saved page may have"
        )
    for signature, kind in BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise UnreadableFile(f"binary file ({kind}), not a web page")
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace"), warnings
    declared_name = declared_charset(raw)
    declared = _codec(BROWSER_CHARSETS.get(declared_name, declared_name)) if declared_name else None
    try:
        text = raw.decode("utf-8")
        if declared and declared != "utf-8" and not raw.isascii():
            warnings.append(f"the page declares {declared_name} but is UTF-8; read as UTF-8")
        return text, warnings
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return raw.decode(declared), warnings
        except UnicodeDecodeError:
            pass
    encoding = detected_charset(raw)
    if declared_name:
        warnings.append(f"the page declares {declared_name} but is not; read as {encoding}")
    else:
        warnings.append(f"the page declares no charset; read as {encoding}")
    return raw.decode(encoding, errors="replace"), warnings


def detected_charset(raw: bytes) -> str:
    """The charset the bytes read best in; Windows-1252 (what browsers assume for a page
    that declares none) among those that read equally well, and when nothing fits."""
    matches = list(charset_normalizer.from_bytes(raw[:1_000_000]))
    if not matches:
        return "cp1252"
    best = matches[0]
    tied = [m.encoding for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    return "cp1252" if "cp1252" in tied else _codec(best.encoding) or "cp1252"


def gunzip(raw: bytes) -> bytes:
    """A gzipped page, unzipped, refusing archives that unzip past the size limit."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as archive:
            data = archive.read(MAX_PAGE_BYTES + 1)
    except (OSError, EOFError) as error:
        raise UnreadableFile(f"a broken gzip file ({error})") from None
    if len(data) > MAX_PAGE_BYTES:
        raise UnreadableFile(f"a gzip file that unzips past {MAX_PAGE_BYTES / 1e6:.0f} MB")
    return data


def declared_charset(raw: bytes) -> str | None:
    """The charset the page's ``<meta>`` or XML declaration names (lower case)."""
    match = DECLARED_CHARSET.search(raw[:8192])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace").lower()


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# No fetching; no depth limit (a page nested deeper than 256 elements keeps its text).
PARSER = html.HTMLParser(no_network=True, huge_tree=True)


def parse_html(text: str) -> etree._Element | None:
    """The page's element tree (lxml's forgiving HTML parser), or ``None``."""
    # An XML declaration in a str upsets lxml; the text is already decoded.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text, count=1)
    if not text.strip():
        return None
    try:
        return html.document_fromstring(text, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None


def visible_lines(root: etree._Element) -> list[str]:
    """Every line of text a reader sees on the page, as a text browser breaks them."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = tidy("".join(buffer))
        buffer.clear()
        if line:
            lines.append(line)

    body = root.find("body")
    walker = etree.iterwalk(body if body is not None else root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if not tag or tag in HIDDEN:
                walker.skip_subtree()
                continue
            if tag in PAGE_BLOCKS:
                flush()
            buffer.append(element.text or "")
        else:
            if tag in PAGE_BLOCKS:
                flush()
            buffer.append(element.tail or "")
    flush()
    return lines


HIDDEN_MARKUP = re.compile(
    r"<(script|style|noscript|template|svg|math|iframe|object|head|title|select|button)\b"
    r".*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
    re.IGNORECASE | re.DOTALL,
)
BLOCK_NAMES = "|".join(sorted(PAGE_BLOCKS))
BLOCK_TAG = re.compile(rf"<(?:/?(?:{BLOCK_NAMES})\b[^>]*|br\s*/?)>", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>?")


def tidy(text: str) -> str:
    """Text as a reader sees it: character references decoded, composed (NFC), invisible
    characters out, runs of whitespace one space."""
    text = unicodedata.normalize("NFC", unescape_references(text))
    return SPACES.sub(" ", INVISIBLE.sub("", text)).strip()


def markup_text(text: str) -> str:
    """The page's text with every tag and hidden element taken out (a rough measure)."""
    return SPACES.sub(" ", ANY_TAG.sub(" ", HIDDEN_MARKUP.sub(" ", text))).strip()


def markup_lines(text: str) -> list[str]:
    """The page's visible lines read from its markup without a parser: for markup too
    broken or too deep for one."""
    text = BLOCK_TAG.sub("\n", HIDDEN_MARKUP.sub(" ", text))
    lines = (tidy(ANY_TAG.sub("", line)) for line in text.split("\n"))
    return [line for line in lines if line]


def extract(page: etree._Element | str, *, fast: bool) -> tuple[list[Block], Metadata] | None:
    """The article's blocks and the page's metadata as trafilatura reads them."""
    try:
        document = trafilatura.bare_extraction(
            page,
            fast=fast,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params=DATE_PARAMS,
            config=CONFIG,
        )
    except (RecursionError, ValueError, TypeError, etree.LxmlError):
        return None
    if document is None:
        return None
    metadata = Metadata(
        title=clean_field(document.title),
        site=clean_field(document.sitename),
        author=clean_field(document.author),
        date=clean_field(document.date),
        url=clean_field(document.url),
    )
    body = document.body
    return (article_blocks(body) if body is not None else []), metadata


def clean_field(value: str | None) -> str:
    return tidy(value or "")


def host_name(url: str) -> str:
    """``https://www.zeit.de/2019/…`` -> ``zeit.de``: what a page's address says of its site."""
    if not original_url(url):
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def author_names(author: str, *sites: str) -> tuple[str, ...]:
    """The names in an author field ("Jane Doe; John Roe", "Jane Doe and John Roe"),
    without the site itself ("Wien Orf At" on wien.orf.at)."""
    parts = [part for part in AUTHOR_SEPARATORS.split(author) if part]
    site_keys = {loose(site) for site in sites if site}
    return tuple(name for name in byline_names(parts) if loose(name) not in site_keys)


def article_blocks(body: etree._Element) -> list[Block]:
    """trafilatura's article markup as blocks: each paragraph, subheading, list item,
    quoted paragraph and table row (its cells joined by " | ")."""
    blocks: list[Block] = []
    buffer: list[str] = []
    kinds: list[BlockKind] = []

    def flush() -> None:
        text = tidy("".join(buffer)).strip("|").strip()
        buffer.clear()
        if text:
            kind = "h" if "h" in kinds else "quote" if "quote" in kinds else kinds[-1]
            blocks.append(Block(kind, text))

    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag == "cell":
                buffer.append(CELL_SEPARATOR)
            elif tag == "lb":
                buffer.append(" ")
            elif tag in ARTICLE_BLOCKS:
                flush()
                kinds.append(ARTICLE_BLOCKS[tag])
            buffer.append(element.text or "")
        else:
            if tag in ARTICLE_BLOCKS and tag != "lb":
                flush()
                kinds.pop()
            buffer.append(element.tail or "")
    flush()
    return blocks


def furniture(lines: list[str], blocks: list[Block], headline: str) -> tuple[RemovedLine, ...]:
    """The page's visible lines that are not the article's, each with its line number;
    past :data:`MAX_FURNITURE_LINES`, one line counting the rest."""
    article = SPACES.sub(" ", " \n ".join([headline, *(block.text for block in blocks)]))
    removed: list[RemovedLine] = []
    others = 0
    for number, line in enumerate(lines, 1):
        if len(line) < 3 or line in article:
            continue
        if len(removed) < MAX_FURNITURE_LINES:
            removed.append(RemovedLine(number, line, "outside the article"))
        else:
            others += 1
    if others:
        removed.append(
            RemovedLine(len(lines), f"… and {others} more lines, not listed", "not listed")
        )
    return tuple(removed)


def empty_reason(text: str) -> str:
    """Why a page has no article: a redirect, or no text at all."""
    refresh = REFRESH.search(text[:20000])
    if refresh:
        target = original_url(refresh.group(1)) or "another page"
        return f"a redirect page (to {target}) with no article text"
    return "no article text (the page shows no text)"


def loose(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())
