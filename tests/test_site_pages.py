"""A corpus of text dumps and saved web pages, built into one site."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, build_site, foreign_scripts, serve
from test_site import page as site_page
from test_site import text_of

PAGES = Path(__file__).parent / "fixtures" / "html"
SEED = "003_124761e0aad110e4.txt"
SEED_URL = "https://www.example.org/news/turkey-s-500"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, Path]:
    """One seed, saved pages (one gzipped, one in a sub-folder), hostile and empty pages, a
    Markdown note and a sources.csv; (corpus, output)."""
    corpus = tmp_path_factory.mktemp("mixed-corpus")
    shutil.copyfile(CORPUS / SEED, corpus / SEED)
    for name in ("news.html", "hostile.html", "redirect.html", "login.html", "charset-lies.html"):
        shutil.copyfile(PAGES / name, corpus / name)
    (corpus / "blogs").mkdir()
    (corpus / "blogs" / "allotment.html.gz").write_bytes(
        gzip.compress((PAGES / "blog.html").read_bytes(), mtime=0)
    )
    (corpus / "german.htm").write_bytes((PAGES / "german.html").read_bytes())
    (corpus / "notes.md").write_text("# My notes\n\nRead the Reuters piece again.\n", "utf-8")
    (corpus / "sources.csv").write_text(
        f"file,url\n{SEED},{SEED_URL}\nblogs/allotment.html.gz,javascript:alert(1)\n", "utf-8"
    )
    output = tmp_path_factory.mktemp("mixed-site")
    build_site(corpus, output)
    return corpus, output


def report(site: Path) -> dict:
    return json.loads((site / "data" / "build-report.json").read_text(encoding="utf-8"))


def articles_by_file(site: Path) -> dict[str, dict]:
    rows = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    return {row["source_file"]: row for row in rows}


def test_every_file_of_a_mixed_corpus_is_an_article_or_a_reason(mixed):
    corpus, site = mixed
    data = report(site)
    published = {entry["file"] for entry in data["articles"]}
    skipped = {entry["file"]: entry["reason"] for entry in data["skipped"]}
    assert published == {
        SEED, "news.html", "hostile.html", "charset-lies.html", "blogs/allotment.html.gz",
        "german.htm",
    }  # fmt: skip
    redirect = "a redirect page (to https://www.example.org/news/moved-story)"
    assert redirect in skipped["redirect.html"]
    assert "a login or cookie wall" in skipped["login.html"]
    assert "not an article file (.md)" in skipped["notes.md"]
    every = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file()}
    assert published | set(skipped) == every - {"sources.csv"}


def test_a_saved_page_shows_its_metadata_its_source_and_what_was_removed(mixed):
    _, site = mixed
    html = site_page(site, "articles/harbour-bridge-to-close-for-repairs")
    text = text_of(html)
    assert "Harbour bridge to close for repairs" in text
    assert "By Maria Lindqvist" in text
    assert "The Coastal Courier" in text and "14 March 2021" in text
    assert (
        'Original: <a href="https://www.coastalcourier.example/news/2021/03/harbour-bridge-repairs"'
        ' rel="nofollow noopener noreferrer">' in html
    )
    assert "Outlet from the page's site name" in text
    assert "Published from the page's publication-date metadata" in text
    assert "Byline from the page's author metadata" in text
    body = html[html.index('class="story-body"') : html.index('class="furniture"')]
    assert re.search(
        r'<li id="p\d+">Buses 4 and 7 run to the ferry terminal instead of the bridge\.</li>', body
    )
    assert "<blockquote>" in body and "<td>Cable inspection</td>" in body
    assert "About time they fixed this" not in body and "Subscribe today" not in body
    furniture = html[html.index('class="furniture"') :]
    assert "About time they fixed this" in furniture and "Subscribe today" in furniture


def test_the_original_address_is_exported_from_sources_csv_or_the_page(mixed):
    _, site = mixed
    rows = articles_by_file(site)
    assert rows[SEED]["original_url"] == SEED_URL
    assert (
        rows["german.htm"]["original_url"] == "https://www.nordsee-bote.example/region/neue-faehre"
    )
    assert rows["german.htm"]["outlet"] == "Nordsee-Bote"
    # A javascript: address is no address, and the page has none of its own.
    assert rows["blogs/allotment.html.gz"]["original_url"] is None
    assert rows["blogs/allotment.html.gz"]["published"] == "2019-03-11"
    assert rows["blogs/allotment.html.gz"]["section"] == "blogs"
    table = list(csv.DictReader(io.StringIO((site / "data" / "articles.csv").read_text("utf-8"))))
    assert {row["original_url"] for row in table} >= {SEED_URL, ""}
    seed_page = site_page(site, f"articles/{rows[SEED]['slug']}")
    assert f'href="{SEED_URL}"' in seed_page
    # The wire services the seed credits ("ls/amp (Reuters, AFP)") are shown and exported.
    assert "Wire Reuters, AFP" in text_of(seed_page)
    assert rows[SEED]["wire"] == ["Reuters", "AFP"]
    assert rows["news.html"]["wire"] == []


def test_nothing_from_a_hostile_page_runs_or_loads(mixed):
    _, site = mixed
    html = site_page(site, "articles/council-publishes-budget-for-the-coming-year")
    assert "&lt;script&gt;alert(&#34;this is text, not a script&#34;)&lt;/script&gt;" in html or (
        "&lt;script&gt;alert(&quot;this is text, not a script&quot;)&lt;/script&gt;" in html
    )
    for gone in ("window.pwned", "attacker.example", "javascript:", "onerror=", "onmouseover"):
        assert gone not in html
    for path in site.rglob("*.html"):
        assert foreign_scripts(path.read_text(encoding="utf-8")) == [], path


@pytest.fixture(scope="module")
def mixed_url(mixed):
    yield from serve(mixed[1])


@pytest.mark.browser
def test_a_hostile_saved_page_runs_no_script_in_the_browser(mixed_url, page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{mixed_url}/articles/council-publishes-budget-for-the-coming-year/")
    assert page.evaluate("window.pwned") is None
    body = page.locator(".story-body").inner_text()
    assert '<script>alert("this is text, not a script")</script>' in body
    page.locator(".story-body p").last.hover()
    assert page.evaluate("window.pwned") is None
    assert requests and all(url.startswith(mixed_url) for url in requests)
    assert page.console_errors == []
