"""Saved web pages: the article, its metadata and the furniture, from hand-written pages."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from conftest import paragraphs
from newscorpus.reading.parse import UnreadableFile
from newscorpus.reading.webpage import decode_page, parse_file, parse_page

PAGES = Path(__file__).parent.parent / "fixtures" / "html"


def read(name: str, raw: bytes | None = None):
    return parse_page(raw if raw is not None else (PAGES / name).read_bytes(), name)


def furniture_text(article) -> str:
    return "\n".join(line.text for line in article.removed)


def test_a_news_page_gives_its_article_with_structure_and_its_metadata():
    article = read("news.html")
    body = article.body_text
    for kept in (
        "The harbour bridge in Port Elling will close to all traffic for six weeks",
        "Council leader Tomas Berg said the closure was",
        "The repairs will cost about 4.2 million crowns",
    ):
        assert kept in body
    for dropped in (
        "Subscribe today",
        "We use cookies",
        "Ferry workers vote on strike action",
        "About time they fixed this",
        "Sign up for our morning newsletter",
        "All rights reserved",
    ):
        assert dropped not in body
        assert dropped in furniture_text(article)
    kinds = [(block.kind, block.text) for block in article.blocks]
    assert ("h", "Diversions and ferries") in kinds
    assert ("li", "Buses 4 and 7 run to the ferry terminal instead of the bridge.") in kinds
    quote = "We would rather close it for six weeks now than for six months later."
    assert ("quote", quote) in kinds
    assert ("row", "1 to 2 | Cable inspection") in kinds
    assert article.headline == "Harbour bridge to close for repairs"
    assert not article.headline_derived
    assert (article.outlet, article.outlet_reason) == (
        "The Coastal Courier",
        "from the page's site name",
    )
    assert article.published.iso == "2021-03-14"
    assert article.published.status == "stated"
    assert article.byline == ("Maria Lindqvist",)
    assert article.byline_reason == "from the page's author metadata"
    assert article.url == "https://www.coastalcourier.example/news/2021/03/harbour-bridge-repairs"
    assert article.lede.startswith("The harbour bridge in Port Elling will close")
    assert article.warnings == ()


def test_a_blog_page_without_metadata_takes_date_and_byline_from_its_text():
    article = read("blog.html")
    assert paragraphs(article)[0].startswith("Last summer the water bill for our allotment")
    assert "ask the council about grants: ours paid for four of the butts." in article.body_text
    for dropped in ("Categories", "February 2019", "Lovely idea, we are going to try this",
                    "Proudly powered by WordPress"):  # fmt: skip
        assert dropped not in article.body_text
    assert article.headline == "Why our allotment switched to rainwater"
    assert article.published.iso == "2019-03-11"
    assert article.byline == ("Tom Keeling",)
    # The page names no site and has no address: said plainly, not guessed.
    assert article.outlet == "Unknown outlet"
    assert article.url == ""


def test_the_date_a_page_prints_under_its_headline_beats_other_date_markup():
    # The page's only date markup is its last edit ("article:modified_time", 2 June),
    # which htmldate offers for want of a publication date; the page says "Posted on
    # March 11, 2019".
    blog = (PAGES / "blog.html").read_text(encoding="utf-8")
    edited = blog.replace(
        "<title>", '<meta property="article:modified_time" content="2019-06-02T10:00:00"><title>'
    )
    assert edited != blog
    article = read("blog-edited.html", edited.encode())
    assert article.published.iso == "2019-03-11"
    assert article.published.reason == "publication line 'Posted on March 11, 2019 by Tom Keeling'"


def test_a_page_in_german_reads_like_one_in_english():
    article = read("german.html")
    assert "Die Reederei Friesland hat am Mittwoch ihre neue Fähre" in article.body_text
    assert "Sturmflut bedroht Deich" not in article.body_text
    assert "Sturmflut bedroht Deich bei Hooksiel" in furniture_text(article)
    assert article.headline == "Neue Fähre für die Insel Wangerland"
    assert article.outlet == "Nordsee-Bote"
    assert article.published.iso == "2022-06-02"


@pytest.mark.parametrize(
    ("name", "warning"),
    [
        ("charset-lies.html", "the page declares iso-8859-1 but is UTF-8; read as UTF-8"),
        ("charset-lies-cp1252.html", "the page declares utf-8 but is not; read as cp1252"),
        ("no-charset.html", "the page declares no charset; read as cp1252"),
    ],
)
def test_a_page_is_read_in_the_charset_its_bytes_are_in_whatever_it_declares(name, warning):
    article = read(name)
    assert "Renée Dupont, who runs the café on the square" in article.body_text
    assert "about €1,200 a year" in article.body_text
    assert "the baker Søren Åberg" in article.body_text
    assert article.warnings == (warning,)


def test_markup_in_a_page_is_text_and_its_scripts_are_gone():
    article = read("hostile.html")
    body = article.body_text
    assert "published its budget for the coming year on Monday" in body
    assert '<script>alert("this is text, not a script")</script>' in body
    assert "Residents can comment on the plans until the end of the month" in body
    everything = body + furniture_text(article) + article.headline
    for gone in ("window.pwned", "SVG TEXT", "Please enable JavaScript", "onerror", "Your email"):
        assert gone not in everything
    # A javascript: address is never the original's address.
    assert article.url == ""


def test_a_redirect_page_and_a_login_wall_are_refused_with_the_reason():
    with pytest.raises(UnreadableFile, match=r"a redirect page \(to https://www.example.org/"):
        read("redirect.html")
    with pytest.raises(UnreadableFile, match=r"no article text .*\(a login or cookie wall"):
        read("login.html")


def test_a_gzipped_page_reads_like_the_page():
    raw = (PAGES / "news.html").read_bytes()
    assert read("news.html.gz", gzip.compress(raw, mtime=0)) == read("news.html.gz", raw)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"   \n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"\x1f\x8b\x08\x00broken", "broken gzip file"),
    ],
)
def test_files_that_are_not_pages_are_refused_with_the_reason(raw, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode_page(raw)


def test_deeply_nested_and_truncated_markup_still_gives_the_article():
    sentence = "The ferry company said on Friday that its new timetable starts in May."
    menu = "<ul><li><a href='/'>Home</a><li><a href='/sport'>Sport</a><li><a href='/w'>Weather"
    raw = "<html><body>" + "<div>" * 3000 + f"<p>{sentence}</p>" * 8 + menu
    found = read("deep.html", raw.encode())
    assert paragraphs(found) == [sentence] * 8
    assert {"Home", "Sport", "Weather"} <= {line.text for line in found.removed}


def test_a_ten_megabyte_page_is_read():
    filler = "<div class='teaser'><a href='/a'>Another story from the archive</a></div>\n"
    article = (
        "<article><h1>Port authority posts record year</h1>"
        + "<p>The port authority said on Thursday that it handled more cargo last year than"
        " in any year since it opened, and that it would hire two hundred workers.</p>"
        * 5
        + "</article>"
    )
    raw = ("<html><body>" + filler * 140_000 + article + "</body></html>").encode()
    assert len(raw) > 10_000_000
    found = read("big.html", raw)
    assert "it would hire two hundred workers." in found.body_text
    assert "Another story from the archive" not in found.body_text
    # The furniture is listed up to a limit, and the rest counted.
    assert found.removed[-1].text.startswith("… and ")


def test_a_page_saved_as_txt_is_read_as_the_page_it_is_not_as_markup():
    raw = (PAGES / "news.html").read_bytes()
    article = parse_file(raw, "saved-as-text.txt")
    assert article.headline == "Harbour bridge to close for repairs"
    assert "<p>" not in article.body_text and "og:site_name" not in article.body_text
    assert "Council leader Tomas Berg said the closure was" in article.body_text
    assert article.warnings == ("the file is a saved web page (HTML), read as one",)
    # A text dump that merely shows markup stays a text dump.
    dump = b"Council <script> test\n\nThe council said <b>no</b> on Monday to the plan.\n"
    assert parse_file(dump, "dump.txt").body_text.startswith("The council said <b>no</b>")
