"""Search glue: the articles as search documents, the search files and lunr.js in the output.

The index itself is :mod:`newscorpus.search.index`; this module maps Pelican's articles and the
catalog onto it, and copies lunr.js (installed from npm by ``make``) next to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from newscorpus.corpus.catalog import ArticleRef, Catalog
from newscorpus.corpus.quotes import Quote
from newscorpus.entities.extract import CorpusExtraction
from newscorpus.search.documents import (
    Facet,
    FacetValue,
    SearchDocument,
    field_positions,
    indexed_texts,
)
from newscorpus.search.index import search_files
from newscorpus.settings import value
from newscorpus.store import Store

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FOLDER = "search"
ENTITIES_SHOWN = 8  # names of each type in the search page's facets


def facets(settings: dict) -> tuple[Facet, ...]:
    """The facets, in the order the search page shows them."""
    entity_min = value(settings, "NEWS_SEARCH_ENTITY_FACET_MIN_ARTICLES")
    return (
        Facet("topic", "Topic"),
        Facet("outlet", "Outlet"),
        Facet("section", "Section"),
        Facet("year", "Year", from_dates=True),
        Facet("entity", "Entities", min_documents=int(entity_min), shown=ENTITIES_SHOWN),
    )


class SearchSetupError(RuntimeError):
    """Search cannot be built; the message says what to install or which setting to fix."""


def lunr_js(settings: dict) -> Path:
    """lunr.min.js as installed by npm (``NEWS_LUNR_JS``, relative to the project)."""
    path = Path(value(settings, "NEWS_LUNR_JS"))
    path = path if path.is_absolute() else PROJECT_ROOT / path
    if not path.is_file():
        raise SearchSetupError(
            f"lunr.js is missing ({path}): run `make site` (it runs `npm ci`) "
            "or point NEWS_LUNR_JS at lunr.min.js 2.3.9"
        )
    return path


def file_version(path: Path) -> str:
    """A short digest of a file's bytes, for ``?v=`` cache-busting of a script."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


MODULES = "search"  # the theme's folder of the search page's ES modules


def search_scripts(theme: Path) -> dict[str, bytes]:
    """The search page's ES modules (``theme/search/*.js``), in the search folder under
    ``js-<digest of them all>/``: a module imports its neighbours by relative address,
    which carries no ``?v=``, so the folder's name changes whenever any of them does and
    a browser never mixes two builds' modules. ``main.js`` is the one the page loads."""
    sources = {path.name: path.read_bytes() for path in sorted((theme / MODULES).glob("*.js"))}
    digest = hashlib.sha256()
    for name, data in sources.items():
        digest.update(name.encode() + b"\0" + data + b"\0")
    folder = f"js-{digest.hexdigest()[:12]}"
    return {f"{folder}/{name}": data for name, data in sources.items()}


def search_documents(
    articles: Sequence, refs: Sequence[ArticleRef], corpus: CorpusExtraction, catalog: Catalog,
    settings: dict, quotes: Sequence[Sequence[Quote]] | None = None,
) -> list[SearchDocument]:  # fmt: skip
    """One search document per article, in site order, with its card and facet values."""
    topic_slugs = {record.topic.name: record.topic.slug for record in catalog.topics}
    documents = []
    quotes = quotes or [[] for _ in articles]
    for article, ref, extraction, topics, article_quotes in zip(
        articles, refs, corpus.articles, catalog.article_topics, quotes, strict=True
    ):
        records = [catalog.entities[e.name] for e in extraction.entities]
        published = ref.published
        year = published.iso[:4]
        category = getattr(article, "category", None)
        card = {
            "url": ref.url,
            "title": ref.title,
            "outlet": ref.outlet,
            "byline": list(ref.byline),
            "date": published.label,
            "iso": published.iso,
            "inferred": published.status == "inferred",
            "topics": list(topics),
            # The article's blocks, each on the page as #p1, #p2 …: the snippets come from
            # the best-matching ones and link to them.
            "paragraphs": [block.text for block in article.news_article.blocks],
        }
        facets = {
            "topic": tuple(FacetValue(topic_slugs[t], t) for t in topics),
            "outlet": (FacetValue(category.slug if category else "unknown", ref.outlet),),
            # The corpus sub-folder the file is in ("business/001.txt"): none at the root.
            "section": (FacetValue(ref.section, ref.section),) if ref.section else (),
            "year": (FacetValue(year or "undated", year or "Undated"),),
            # A weapon system that is one of the article's topics is in the topic facet.
            "entity": tuple(
                FacetValue(r.slug, r.name, r.type)
                for r in records
                if not (r.type == "WEAPON" and r.name in topics)
            ),
        }
        documents.append(
            SearchDocument(
                ref=ref.slug,
                title=ref.title,
                entities=tuple(r.name for r in records),
                body=extraction.text,
                quotes=tuple(f"{q.speaker or ''} {q.text}".strip() for q in article_quotes),
                published=published.iso,
                card=card,
                facets=facets,
            )
        )
    return documents


def search_options(settings: dict) -> dict:
    """The index's options: facets, fields and boosts, piece size, the single-file index."""
    fields = value(settings, "NEWS_SEARCH_FIELDS")
    return {
        "facets": facets(settings),
        "fields": [(name, int(boost)) for name, boost in fields],
        "piece_bytes": int(value(settings, "NEWS_SEARCH_PIECE_BYTES")),
        "full_index": bool(value(settings, "NEWS_SEARCH_FULL_INDEX")),
    }


def search_inputs(articles: Sequence, settings: dict) -> tuple:
    """What the documents draw on besides the corpus, the catalog and the quotes (which
    the caller's key covers): each article's outlet page, the options, and this module."""
    outlets = [getattr(getattr(a, "category", None), "slug", None) for a in articles]
    return (outlets, search_options(settings), file_version(Path(__file__)))


def search_index(
    articles: Sequence, refs: Sequence[ArticleRef], corpus: CorpusExtraction, catalog: Catalog,
    settings: dict, store: Store, quotes: Sequence[Sequence[Quote]] | None = None,
) -> Callable[[], dict[str, bytes]]:  # fmt: skip
    """The search folder's index files (not lunr.js), as a function to run when there is
    time: each document's term positions are kept in ``store`` by its texts."""

    def files() -> dict[str, bytes]:
        documents = search_documents(articles, refs, corpus, catalog, settings, quotes)
        options = search_options(settings)
        positions = [
            store.get("terms", texts, lambda x=texts: field_positions(x))
            for texts in (indexed_texts(d, options["fields"]) for d in documents)
        ]
        return search_files(documents, **options, positions=positions)

    return files


PAGE = "index.html"


def write_search(output: Path, files: dict[str, bytes]) -> None:
    """Make the search folder ``output`` hold ``files`` (and its page, ``index.html``).

    Files already there with the same bytes are left alone, so a rebuild that changes
    a few terms rewrites a few pieces; files the index no longer has are removed.
    """
    if output.is_dir():
        for path in sorted(output.rglob("*"), reverse=True):
            name = path.relative_to(output).as_posix()
            if path.is_dir():
                if not any(path.iterdir()):
                    path.rmdir()
            elif name not in files and name != PAGE:
                path.unlink()
    for name in sorted(files):
        path = output / name
        same_size = path.is_file() and path.stat().st_size == len(files[name])
        if same_size and path.read_bytes() == files[name]:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
