"""Listings that stay small at any corpus size: the entity index by type and letter, the
timeline and the archives by year and month, each part with a filter box.

The seeds are built with the limits turned down (three entities named per type on the
index, two events or two articles to a page) so the split pages appear on five
articles; the default limits keep them for corpora of hundreds of articles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CORPUS, build_site, serve
from test_site import text_of

SMALL = ("NEWS_INDEX_SHOWN=3", "NEWS_TIMELINE_MOST=2", "NEWS_ARCHIVE_MOST=2")
TYPES = {"PERSON": "people", "ORG": "organisations", "PLACE": "places", "WEAPON": "weapons"}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("small-limits")
    build_site(CORPUS, output, extra=SMALL)
    return output


@pytest.fixture(scope="module")
def small_base(small_site):
    yield from serve(small_site)


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def entity_names(html: str) -> list[str]:
    return [
        text_of(name)
        for name in re.findall(r'<a class="entity-link [^"]*" href="[^"]*">(.*?)</a>', html)
    ]


def test_the_index_names_the_most_named_and_every_name_is_under_its_letter(small_site):
    rows = json.loads((small_site / "data" / "entities.json").read_text(encoding="utf-8"))
    entities = {row["name"]: row for row in rows}
    index = html_of(small_site, "tags")
    listed: set[str] = set()
    for kind, folder in TYPES.items():
        of_type = [name for name, row in entities.items() if row["type"] == kind]
        if not of_type:
            continue
        section = re.search(
            rf'<section aria-labelledby="type-{kind.lower()}">.*?</section>', index, re.S
        )
        assert len(entity_names(section.group())) == min(3, len(of_type))
        letters = re.findall(rf'href="/entities/{folder}/([^/"]+)/"', section.group())
        assert letters
        for letter in letters:
            names = entity_names(html_of(small_site, f"entities/{folder}/{letter}"))
            assert names == sorted(names, key=str.casefold)
            for name in names:
                assert name[0].casefold() == letter or letter in ("0-9", "other")
            listed.update(names)
    assert listed == set(entities)


def test_a_long_timeline_is_split_by_year_and_month_and_loses_no_event(small_site):
    overview = html_of(small_site, "timeline")
    total = int(re.search(r"(\d+) dated events, too many for one page", text_of(overview)).group(1))
    link = r'href="/timeline/(\d{4}(?:/\d\d)?(?:/page-\d+)?)/"[^>]*>(.*?) <span class="n">\((\d+)\)'
    parts = re.findall(link, overview)
    assert len(parts) > 1
    assert any("/page-" in key for key, _, _ in parts)
    assert all(int(n) <= 2 for _, _, n in parts)
    assert sum(int(n) for _, _, n in parts) == total
    assert '<ol class="timeline">' not in overview
    for key, label, count in parts:
        html = html_of(small_site, f"timeline/{key}")
        assert html.count('<p class="when">') == int(count)
        assert f"Timeline, {text_of(label)}" in text_of(html)
        if re.fullmatch(r"\d{4}/\d\d", key):
            year, month = key.split("/")
            for when in re.findall(
                r'<time datetime="([\d-]+)"', html.split('<ol class="timeline">')[1]
            ):
                assert when.startswith(f"{year}-{month}")


def test_long_archives_are_split_and_every_article_is_on_one_page(small_site):
    overview = html_of(small_site, "archives")
    parts = re.findall(r'href="/archives/([^"]+)/"[^>]*>(.*?) <span class="n">\((\d+)\)', overview)
    assert {key for key, _, _ in parts} >= {"undated"}
    seen: list[str] = []
    for key, _, count in parts:
        html = html_of(small_site, f"archives/{key}")
        links = re.findall(r'<li><a href="/(articles/[^"]+)">', html)
        assert len(links) == int(count)
        seen.extend(links)
    assert len(seen) == len(set(seen)) == len(list(CORPUS.glob("*.txt")))


def test_a_short_corpus_keeps_one_page_each(seed_site):
    assert '<ol class="timeline">' in html_of(seed_site, "timeline")
    assert not (seed_site / "timeline" / "2019").exists()
    assert not (seed_site / "archives" / "undated").exists()
    assert "Undated" in text_of(html_of(seed_site, "archives"))


def test_the_filter_box_hides_what_does_not_match(small_base, page):
    page.goto(f"{small_base}/archives/undated/")
    items = page.locator("#archive-list > li")
    total = items.count()
    assert total >= 2
    box = page.get_by_label("Filter this list")
    assert box.is_visible()
    first = items.nth(0).locator("a").first.inner_text()
    box.fill(first.split()[0].upper())
    visible = [n for n in range(total) if items.nth(n).is_visible()]
    assert 1 <= len(visible) < total
    assert f"{len(visible)} of {total} shown" in page.locator(".filter-status").inner_text()
    box.fill("")
    assert all(items.nth(n).is_visible() for n in range(total))
    assert page.console_errors == []
