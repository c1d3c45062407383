"""Whole builds: a real Pelican run over real corpus folders, checked on disk."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, build_site, foreign_scripts

DW_SLUG = "turkey-to-produce-missile-system-with-russia"


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The visible text of a page, whitespace collapsed."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def report(site: Path) -> dict:
    return json.loads((site / "data" / "build-report.json").read_text(encoding="utf-8"))


def data_text(site: Path, name: str) -> str:
    return (site / "data" / name).read_text(encoding="utf-8")


def test_article_list_shows_every_article_with_outlet_date_and_summary(seed_site):
    home = text_of(page(seed_site, "articles"))
    assert "5 articles" in home
    for headline in (
        "Turkey says to produce S-500s with Russia after S-400 missile deal",
        "Turkey, Russia Get Closer, Discuss Joint Production of Defense Systems",
        "Turkey to produce missile system with Russia",
        "Erdogan: Russia and Turkey Should Make S-500’s Together",
    ):
        assert headline in home
    # The separators between outlet and date are drawn by the style sheet.
    assert "DW 19 May 2019 The Turkish president has described plans" in home
    assert "Defence Notes 19 May 2019 inferred" in home  # dated through its story
    assert "Unknown outlet Undated" in home


def test_dated_articles_come_first_and_undated_last(seed_site):
    home = page(seed_site, "articles")
    links = re.findall(r'href="/articles/([^/]+)/"', home)
    assert links[0] == DW_SLUG
    assert len(set(links)) == 5


def test_a_long_article_list_is_split_into_pages_in_the_same_order(seed_site, tmp_path):
    build_site(CORPUS, tmp_path, extra=("DEFAULT_PAGINATION=2",))
    card = r'<h\d class="card-title"><a href="/articles/([^/]+)/"'
    one_page = re.findall(card, page(seed_site, "articles"))
    pages = [page(tmp_path, f"articles{part}") for part in ("", "/page/2", "/page/3")]
    split = [re.findall(card, p) for p in pages]
    assert [len(s) for s in split] == [2, 2, 1]
    assert sum(split, []) == one_page and len(one_page) == 5
    assert not (tmp_path / "articles" / "page" / "4").exists()
    assert "<title>Articles (page 2) · " in pages[1]
    assert '<a href="/articles/" rel="prev">Newer</a>' in pages[1]
    assert '<a href="/articles/page/3/" rel="next">Older</a>' in pages[1]
    assert "5 articles" in text_of(pages[2])


def test_article_page_has_cleaned_text_metadata_and_removed_furniture(seed_site):
    html = page(seed_site, f"articles/{DW_SLUG}")
    text = text_of(html)
    assert "<title>Turkey to produce missile system with Russia" in html
    assert '<time datetime="2019-05-19">19 May 2019</time>' in html
    assert "Russia and Turkey will jointly produce the next generation S-500" in text
    assert re.search(r'<h2 id="p\d+">&#x27;Sooner or later&#x27;</h2>', html)
    assert "12 lines of page furniture removed" in text
    # Removed lines are shown for checking, but only inside the collapsed block.
    body = html.split('class="story-body"', 1)[1].split("</div>", 1)[0]
    assert "Skip to content" not in body
    assert "Skip to content" in html.split("<details", 1)[1]


def test_derived_headline_is_marked(seed_site):
    slug = "in-march-turkish-president-recep-tayyip-erdogan-reiterated-ankaras-commitment-to"
    text = text_of(page(seed_site, f"articles/{slug}"))
    assert "Headline derived from lead sentence" in text
    assert "Undated" in text


def test_outlet_tag_and_archive_pages(seed_site):
    assert "Turkey to produce missile system with Russia" in page(seed_site, "outlets/dw")
    outlets = text_of(page(seed_site, "outlets"))
    for outlet in ("DW", "Defence Notes", "DESPARDES News Monitor", "Unknown outlet"):
        assert outlet in outlets
    assert "Turkey to produce missile system with Russia" in page(seed_site, "tags/2019-05")
    archives = text_of(page(seed_site, "archives"))
    assert archives.index("2019") < archives.index("Undated")


def test_build_report_lists_every_file(seed_site):
    data = report(seed_site)
    assert data["counts"] == {"articles": 5, "warnings": 1, "skipped": 0}
    assert [a["file"] for a in data["articles"]] == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert data["warnings"][0]["file"].startswith("002_")


def test_pages_request_nothing_from_other_hosts(seed_site):
    for html_file in seed_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), html_file


def test_same_corpus_builds_byte_identical_output(seed_site, tmp_path):
    again = tmp_path / "again"
    build_site(CORPUS, again)
    first = {p.relative_to(seed_site): p.read_bytes() for p in seed_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


# --- bad input ---------------------------------------------------------------

SKIPPED = {
    "empty.txt": "empty file",
    "whitespace-only.txt": "only whitespace",
    "png-renamed.txt": "PNG image",
    "nul-bytes.txt": "NUL bytes",
    "headline-only.txt": "only a headline",
    "notes.md": "not an article file (.md)",
    "photo.jpg": "not an article file (.jpg)",
}


def test_bad_files_never_abort_the_build_and_each_is_accounted_for(bad_build, bad_corpus):
    site, _ = bad_build
    data = report(site)
    skipped = {entry["file"]: entry["reason"] for entry in data["skipped"]}
    published = {entry["file"] for entry in data["articles"]}
    for name, reason in SKIPPED.items():
        assert reason in skipped[name]
    assert published | set(skipped) == {p.name for p in bad_corpus.iterdir()}
    assert not published & set(skipped)


def test_console_summary_names_each_problem_file(bad_build):
    _, console = bad_build
    assert "News corpus: 10 articles" in console
    assert "skipped  empty.txt: empty file (0 bytes)" in console
    assert "warning  windows-1252.txt: not valid UTF-8; decoded as Windows-1252" in console


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("windows-1252.txt", "“We cannot pay it,” said Renée Dupont"),
        ("utf8-bom.txt", "Ministers from five countries met in Brussels"),
        ("utf16-bom.txt", "The harbour reopened on Friday"),
        ("crlf.txt", "Work is expected to begin in the spring"),
        ("lone-cr.txt", "The central library will open until 9pm"),
    ],
)
def test_readable_bad_files_become_pages(bad_build, file, text):
    site, _ = bad_build
    entry = next(a for a in report(site)["articles"] if a["file"] == file)
    assert text in text_of(page(site, entry["url"].strip("/")))


def test_future_stated_date_is_published_not_hidden_as_a_draft(bad_build):
    site, _ = bad_build
    entry = next(a for a in report(site)["articles"] if a["file"] == "future-date.txt")
    assert entry["published"] == "2031-03-03"
    assert "The new bridge over the river" in page(site, entry["url"].strip("/"))


def test_same_headline_gets_two_distinct_pages(bad_build):
    site, _ = bad_build
    urls = [a["url"] for a in report(site)["articles"] if a["file"].startswith("same-headline")]
    assert urls == [
        "/articles/storm-closes-schools-across-the-region/",
        "/articles/storm-closes-schools-across-the-region-1/",
    ]
    assert "A second report" in page(site, urls[1].strip("/"))


def test_markup_in_an_article_is_shown_as_text(bad_build):
    site, _ = bad_build
    entry = next(a for a in report(site)["articles"] if a["file"] == "script-injection.txt")
    html = page(site, entry["url"].strip("/"))
    assert foreign_scripts(html) == []
    assert "<img src=x" not in html
    assert "&lt;script&gt;window.__injected = 2&lt;/script&gt;" in html
    assert "{{ config }}" in html and "{% if true %}" in html
    assert "<title>Council &lt;script&gt;" in html


def test_sources_csv_overrides_outlet_and_date(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = next(CORPUS.glob("004_*.txt"))
    (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "sources.csv").write_text(
        f"file,outlet,url,published\n{seed.name},Example Herald,https://example.org/x,2019-05-20\n",
        encoding="utf-8",
    )
    build_site(corpus, tmp_path / "out")
    data = report(tmp_path / "out")
    assert data["counts"]["skipped"] == 0
    article = data["articles"][0]
    assert (article["outlet"], article["published"]) == ("Example Herald", "2019-05-20")


# A corpus of sub-folders: short articles, one with a byline under its headline, and
# an article that states when it was updated.
FOLDER_FILES = {
    "business/001.txt": "Shares in Acme rise\n\nShares in Acme Corp rose 4% on Monday.\n",
    "tech/001.txt": "Broadband deal agreed\n\nFibrelink agreed to buy Dalesnet on Friday.\n",
    "tech/phones/002.txt": "New phone launched\n\nA phone went on sale in London on Tuesday.\n",
    "world/003.txt": (
        "Harbour reopens after storm repairs\n"
        "By Jane Doe and John Roe\n"
        "\n"
        "The harbour at Portwick reopened to shipping on Thursday after three weeks of repairs.\n"
        "Engineers replaced two damaged breakwater sections, the port authority said.\n"
    ),
}
BYLINE_FILE, BYLINE = "world/003.txt", ("Jane Doe", "John Roe")
UPDATED_FILE = "toi_style.txt"


@pytest.fixture(scope="module")
def folder_site(tmp_path_factory) -> tuple[Path, Path]:
    """FOLDER_FILES and tests/fixtures/outlets/toi_style.txt built; (corpus, output)."""
    root = tmp_path_factory.mktemp("folder-site")
    corpus = root / "corpus"
    for name, text in FOLDER_FILES.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    shutil.copyfile(FIXTURES / "outlets" / UPDATED_FILE, corpus / UPDATED_FILE)
    build_site(corpus, root / "output")
    return corpus, root / "output"


def exported_articles(site: Path) -> dict[str, dict]:
    """The rows of data/articles.json by source file."""
    rows = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    return {row["source_file"]: row for row in rows}


def test_a_corpus_with_sub_folders_builds_every_file_with_its_section(folder_site):
    _, output = folder_site
    entries = {a["file"]: a for a in report(output)["articles"]}
    assert set(entries) == {*FOLDER_FILES, UPDATED_FILE}
    article = page(output, entries["tech/phones/002.txt"]["url"].strip("/"))
    assert "Section tech" in text_of(article)
    sections = {row["title"]: row["section"] for row in exported_articles(output).values()}
    assert {title: sections[title] for title in sections if sections[title]} == {
        "Broadband deal agreed": "tech",
        "New phone launched": "tech",
        "Shares in Acme rise": "business",
        "Harbour reopens after storm repairs": "world",
    }


def test_every_exported_article_names_its_corpus_file(folder_site):
    corpus, output = folder_site
    files = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*.txt")}
    rows = exported_articles(output)
    assert set(rows) == files
    csv_rows = list(csv.DictReader(io.StringIO(data_text(output, "articles.csv"))))
    assert {row["source_file"] for row in csv_rows} == files
    for source, row in rows.items():
        assert (corpus / source).is_file()
        assert f"<code>{source}</code>" in page(output, row["url"].strip("/"))


def test_a_stated_update_is_shown_beside_the_publication_date(folder_site):
    _, output = folder_site
    row = exported_articles(output)[UPDATED_FILE]
    assert row["updated"] == "2023-01-05" and row["published"] != "2023-01-05"
    html = page(output, row["url"].strip("/"))
    meta = html.split('<p class="meta">', 1)[1].split("</p>", 1)[0]
    assert re.search(
        r'<span class="updated" title="[^"]*Updated[^"]*">'
        r'Updated <time datetime="2023-01-05">5 January 2023</time></span>',
        meta,
    )
    assert "Updated 5 January 2023" in text_of(meta)
    others = [r for source, r in exported_articles(output).items() if source != UPDATED_FILE]
    assert all(r["updated"] is None for r in others)


def test_the_byline_is_on_the_page_in_the_search_card_and_in_the_exports(folder_site):
    _, output = folder_site
    row = exported_articles(output)[BYLINE_FILE]
    assert row["byline"] == list(BYLINE)
    csv_row = next(
        r
        for r in csv.DictReader(io.StringIO(data_text(output, "articles.csv")))
        if r["source_file"] == BYLINE_FILE
    )
    assert csv_row["byline"] == "Jane Doe; John Roe"
    article = page(output, row["url"].strip("/")).split("<article", 1)[1]
    header = article.split("</header>", 1)[0]
    assert '<p class="byline">By Jane Doe and John Roe</p>' in header
    cards = [json.loads(p.read_text("utf-8")) for p in (output / "search" / "cards").iterdir()]
    card = next(c for c in cards if c["ref"] == row["slug"])
    assert card["byline"] == list(BYLINE)
    assert all(c["byline"] == [] for c in cards if c is not card)
