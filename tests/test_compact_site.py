"""A compact site: what a large corpus is built as, so that it fits GitHub Pages' 1 GB.

From ``NEWS_COMPACT_FROM`` articles on, only the names in at least
``NEWS_ENTITY_PAGE_MIN_ARTICLES`` articles have a page; the others are marked where they
are named (and a name in several articles links to the search for them), and the
exports are gzip-compressed. The seeds are built with the threshold turned down, so the
compact site appears on five articles.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import CORPUS, build_site

COMPACT = ("NEWS_COMPACT_FROM=1", "NEWS_ENTITY_PAGE_MIN_ARTICLES=3")
EXPORTS = ("articles", "entities", "timeline", "stories", "quotes")


@pytest.fixture(scope="module")
def compact_site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("compact-site")
    build_site(CORPUS, output, extra=COMPACT)
    return output


def entities(site: Path) -> dict[str, dict]:
    rows = json.loads(gzip.decompress((site / "data" / "entities.json.gz").read_bytes()))
    return {row["name"]: row for row in rows}


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_only_names_in_enough_articles_have_a_page(compact_site):
    rows = entities(compact_site)
    paged = {name for name, row in rows.items() if row["article_count"] >= 3}
    assert paged and len(paged) < len(rows)
    for name, row in rows.items():
        slug = name.lower().replace(" ", "-")
        page = compact_site / "tags" / slug / "index.html"
        if name in paged:
            assert row["url"] == f"tags/{slug}/" and page.is_file(), name
        else:
            assert row["url"] == "" and not page.exists(), name
    # The entity index still lists every name, with or without a page.
    index = "".join(
        p.read_text(encoding="utf-8") for p in (compact_site / "entities").rglob("*.html")
    )
    assert all(f">{name}<" in index.replace("&#39;", "'") for name in rows)


def test_a_name_without_a_page_is_marked_in_the_text_not_linked(compact_site):
    rows = entities(compact_site)
    name, row = next((n, r) for n, r in sorted(rows.items()) if r["article_count"] == 1)
    [slug] = row["articles"]
    body = (compact_site / "articles" / slug / "index.html").read_text(encoding="utf-8")
    story = re.search(r'<div class="story-body">(.*?)</div>', body, re.S).group(1)
    # Kept: the name, marked with its type's class. Dropped: any link to a page for it.
    assert re.search(rf'<span class="entity entity-[a-z]+">{re.escape(name)}</span>', story)
    assert f'href="/tags/{name.lower().replace(" ", "-")}/"' not in body
    # A name with a page is still a link in the same text.
    assert re.search(r'<a class="entity entity-[a-z]+" href="/tags/[^"]+/">', story)


def test_a_name_in_several_articles_without_a_page_links_to_the_search_for_them(compact_site):
    rows = entities(compact_site)
    name, row = next((n, r) for n, r in sorted(rows.items()) if r["article_count"] == 2)
    slug = name.lower().replace(" ", "-")
    for article in row["articles"]:
        html = (compact_site / "articles" / article / "index.html").read_text(encoding="utf-8")
        footer = re.search(r'<footer class="story-footer">(.*?)</footer>', html, re.S).group(1)
        link = f'href="/search/?entity={slug}" title="Search: the 2 articles naming {name}"'
        assert link in footer, (name, article)


def test_the_exports_are_compressed_and_the_data_page_links_them(compact_site):
    folder = compact_site / "data"
    listing = (folder / "index.html").read_text(encoding="utf-8")
    assert "gzip-compressed" in listing
    for name in EXPORTS:
        assert not (folder / f"{name}.json").exists() and not (folder / f"{name}.csv").exists()
        packed = (folder / f"{name}.json.gz").read_bytes()
        assert packed[4:8] == b"\0\0\0\0"  # no time stamp: the same data, the same bytes
        rows = json.loads(gzip.decompress(packed))
        assert rows, name
        header = gzip.decompress((folder / f"{name}.csv.gz").read_bytes()).decode().split("\n")[0]
        assert header.split(",")[0] == next(iter(rows[0])), name
        for suffix in ("json", "csv"):
            assert f'href="/data/{name}.{suffix}.gz" download' in listing
    # The build report stays plain: the build's summary names it.
    assert (folder / "build-report.json").is_file()


def test_a_site_that_stops_being_compact_keeps_no_compressed_export(compact_site, tmp_path):
    output = tmp_path / "output"
    build_site(CORPUS, output, extra=COMPACT)
    assert (output / "data" / "articles.json.gz").is_file()
    build_site(CORPUS, output)
    assert (output / "data" / "articles.json").is_file()
    assert not list((output / "data").glob("*.gz"))
    assert (output / "tags" / "istanbul" / "index.html").is_file()


def test_every_link_of_the_compact_site_resolves(compact_site):
    broken = []
    anchors: dict[Path, set[str]] = {}
    for page in html_files(compact_site):
        html = page.read_text(encoding="utf-8")
        for value in re.findall(r'(?:href|src|action)="([^"]+)"', html):
            if value.startswith(("data:", "mailto:", "http:", "https:")) or value == "#":
                continue
            parts = urlsplit(value)
            if not parts.path.startswith("/"):
                continue
            target = compact_site / unquote(parts.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(compact_site)}: {value}")
            elif parts.fragment and target.suffix == ".html":
                if target not in anchors:
                    ids = re.findall(r' id="([^"]+)"', target.read_text(encoding="utf-8"))
                    anchors[target] = set(ids)
                if parts.fragment not in anchors[target]:
                    broken.append(f"{page.relative_to(compact_site)}: {value} (no such anchor)")
    assert broken == []
