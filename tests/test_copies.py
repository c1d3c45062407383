"""Copies: a file whose cleaned text equals another's is shown once.

The seeds, plus the Defence Notes article filed a second time in a sub-folder: the copy keeps its
page (linked from the original's "also filed as") and its rows in the exports, but the
listings, counts, timeline, quotes and search show the original only.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, build_site, serve
from test_site import text_of

FILED = "000_f440c37d64f155e6.txt"
ORIGINAL = "turkey-says-to-produce-s-500s-with-russia-after-s-400-missile-deal"
COPY = f"{ORIGINAL}-1"


@pytest.fixture(scope="module")
def copied_site(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("copied-corpus")
    for path in CORPUS.glob("*.txt"):
        shutil.copyfile(path, corpus / path.name)
    (corpus / "again").mkdir()
    shutil.copyfile(CORPUS / FILED, corpus / "again" / FILED)
    output = tmp_path_factory.mktemp("copied-site")
    build_site(corpus, output)
    return output


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def data(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def test_the_copy_and_the_original_point_at_each_other(copied_site):
    copy = read(copied_site, f"articles/{COPY}")
    assert f'An exact copy of <a href="/articles/{ORIGINAL}/">' in copy
    assert f"<code>{FILED}</code>" in copy
    original = read(copied_site, f"articles/{ORIGINAL}")
    assert f'Also filed as <a href="/articles/{COPY}/"><code>again/{FILED}</code></a>' in original
    assert "An exact copy of" not in original


@pytest.mark.parametrize(
    "listing",
    [
        "",
        "articles",
        "archives",
        "outlets/defence-notes",
        "tags/s-400",
        "topics/s-400",
        "timeline",
        "quotes",
    ],
)
def test_listings_show_the_original_and_not_the_copy(copied_site, listing):
    html = read(copied_site, listing)
    assert f"/articles/{COPY}/" not in html
    assert f"/articles/{ORIGINAL}/" in html


def test_counts_leave_the_copy_out_and_the_home_page_says_it_is_there(copied_site):
    numbers = text_of(
        re.search(r'<dl class="numbers">.*?</dl>', read(copied_site, ""), re.S).group()
    )
    assert "Articles 5 (plus 1 exact copy, listed once)" in numbers
    entities = {row["name"]: row for row in data(copied_site, "entities.json")}
    assert entities["S-400"]["article_count"] == 5
    assert COPY not in entities["S-400"]["articles"]
    for quote in data(copied_site, "quotes.json"):
        assert COPY not in {c["slug"] for c in quote["carried_by"]}
    assert json.loads(read_file(copied_site, "search/manifest.json"))["documents"] == 5


def read_file(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_exports_and_the_report_keep_every_file(copied_site):
    rows = {row["source_file"]: row for row in data(copied_site, "articles.json")}
    assert len(rows) == 6
    assert rows[f"again/{FILED}"]["copy_of"] == ORIGINAL
    assert rows[FILED]["copy_of"] is None
    assert rows[f"again/{FILED}"]["topics"] == rows[FILED]["topics"]
    report = {a["file"]: a for a in data(copied_site, "build-report.json")["articles"]}
    assert report[f"again/{FILED}"]["copy_of"] == FILED
    assert report[FILED]["copy_of"] is None


@pytest.fixture(scope="module")
def copied_url(copied_site):
    yield from serve(copied_site)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1440])
def test_search_finds_the_article_once_and_the_copy_is_a_click_away(page, copied_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{copied_url}/search/?q=extradite")
    page.wait_for_selector("#search-app[data-complete]", state="attached")
    links = page.locator("#search-results .result a[href*='/articles/']")
    hrefs = {links.nth(i).get_attribute("href").split("#")[0] for i in range(links.count())}
    assert f"/articles/{ORIGINAL}/" in hrefs and f"/articles/{COPY}/" not in hrefs
    page.goto(f"{copied_url}/articles/{ORIGINAL}/")
    page.get_by_role("link", name=f"again/{FILED}").click()
    page.wait_for_url(f"**/articles/{COPY}/")
    assert page.locator(".copy-note").is_visible()
    assert page.console_errors == []


def test_the_story_lists_the_copy_once_and_compares_distinct_texts(copied_site):
    (story,) = data(copied_site, "stories.json")
    assert ORIGINAL in story["articles"] and COPY in story["articles"]
    page = read(copied_site, story["url"].strip("/"))
    carried = page.split('id="carried-h"', 1)[1].split("</section>", 1)[0]
    assert f'exact copy of <a href="/articles/{ORIGINAL}/">' in carried
    head = page.split('<table class="sides-table', 1)[1].split("</thead>", 1)[0]
    assert head.count('<th scope="col">') == 3  # the copy has no column of its own
    assert f'href="/articles/{COPY}/"' not in head
    # The Defence Notes version still adds what only it says: its copy is not a version.
    assert '<mark class="only">Turkey&#39;s push to buy the S-400s has further strained' in page
