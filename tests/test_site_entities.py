"""Whole builds: entity, topic and timeline pages and the research exports, on disk."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, build_site, foreign_scripts, run_pelican
from test_site import page, text_of

TOPIC_COUNTS = {"s-400": 5, "s-500": 5, "f-35": 4}
DW_SLUG = "turkey-to-produce-missile-system-with-russia"


def letters(text: str) -> str:
    """The letters and digits of a text: its words whatever the markup split them with."""
    return "".join(char for char in text if char.isalnum())


def data(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("slug", "count"), TOPIC_COUNTS.items())
def test_topic_pages_hold_the_articles_on_each_topic(seed_site, slug, count):
    html = page(seed_site, f"topics/{slug}")
    articles = re.search(r'id="articles-h".*?</ul>', html, re.S).group()
    assert articles.count("<li>") == count
    assert f"{count} articles" in text_of(html)


def test_topic_page_has_its_timeline_people_and_sentences(seed_site):
    html = page(seed_site, "topics/s-500")
    text = text_of(html)
    assert "Recep Tayyip Erdogan" in text and "Vladimir Putin" in text
    assert "<mark>S-500</mark>" in html
    assert "There will be joint production of the" in text
    assert 'id="timeline-h"' in html


def test_topics_index_and_home_page_show_topics_first(seed_site):
    index = text_of(page(seed_site, "topics"))
    for name, count in (("S-400", 5), ("S-500", 5), ("F-35", 4)):
        assert f"{name} {count} articles" in index
    home = page(seed_site, "")
    assert home.index('href="/topics/s-400/"') < home.index('class="card"')


def test_entity_page_shows_type_aliases_mentions_outlets_and_company(seed_site):
    html = page(seed_site, "tags/recep-tayyip-erdogan")
    text = text_of(html)
    assert "Type Person" in text
    assert "Also written Erdogan" in text
    assert re.search(r"Coverage 5 articles, \d\d mentions", text)
    assert "Defence Notes (1)" in text and "DW (1)" in text
    assert text.count("Erdogan") > 15
    assert "<mark>Erdogan</mark>" in html
    assert f'href="/articles/{DW_SLUG}/"' in html
    assert 'href="/tags/s-400/">S-400</a>' in html


@pytest.mark.parametrize("url", ["tags/recep-tayyip-erdogan", "topics/s-500", "timeline"])
def test_every_passage_links_to_the_paragraph_that_holds_it(seed_site, url):
    html = page(seed_site, url)
    passages = re.findall(
        r'<blockquote class="passage"><p>.*?<mark>(.*?)</mark>.*?</p>\s*<footer><a href="[^"]*?/'
        r'(articles/[^"#]+)#p(\d+)"',
        html,
        re.S,
    )
    assert passages
    for marked, article, number in passages:
        body = page(seed_site, article.rstrip("/"))
        paragraph = re.search(rf'<(\w+) id="p{number}">(.*?)</\1>', body, re.S).group(2)
        assert marked in text_of(paragraph), (url, article, number, marked)


def test_every_carried_quote_links_to_the_paragraph_that_holds_it(seed_site):
    html = page(seed_site, "quotes")
    quotes = re.findall(r'<article class="quote".*?<p>“(.*?)”</p>(.*?)</article>', html, re.S)
    carried = [
        (article, number, shown, variant or text)
        for text, items in quotes
        for article, number, shown, variant in re.findall(
            r'<li><span class="who"><a href="/(articles/[^"#]+)#p(\d+)">[^<]*</a>,[^<]*'
            r"(?:<time[^>]*>[^<]*</time>)?[^<]*?paragraph (\d+)"
            r'(?:, in these words</span>|:</span>\s*<span class="variant">“(.*?)”</span>)</li>',
            items,
            re.S,
        )
    ]
    assert len(carried) >= 3
    # An article that carries the quote word for word says so instead of repeating it.
    assert ", in these words</span>" in html
    for article, number, shown, variant in carried:
        assert number == shown
        opening = letters(" ".join(text_of(variant).split()[:4]))
        body = page(seed_site, article.rstrip("/"))
        paragraph = re.search(rf'<(\w+) id="p{number}">(.*?)</\1>', body, re.S).group(2)
        assert opening in letters(text_of(paragraph)), (article, number)
    rows = data(seed_site, "quotes.json")
    assert all(c["paragraph"] >= 1 for row in rows for c in row["carried_by"])


def test_tag_pages_show_the_entity_type(seed_site):
    assert "Type Weapon system" in text_of(page(seed_site, "tags/s-400"))
    assert "Type Place" in text_of(page(seed_site, "tags/ankara"))
    assert "Type Organisation" in text_of(page(seed_site, "tags/nato"))
    assert "Published in 2019" in text_of(page(seed_site, "tags/2019"))


def test_entity_index_lists_entities_by_type_with_counts(seed_site):
    html = page(seed_site, "tags")
    order = [html.index(f'id="type-{kind}"') for kind in ("person", "org", "place", "weapon")]
    assert order == sorted(order)
    assert re.search(r'href="/tags/s-400/">S-400</a> <span class="n">5</span>', html)
    assert 'href="/tags/2019-05/"' in html


def test_article_page_links_and_groups_its_entities(seed_site):
    html = page(seed_site, f"articles/{DW_SLUG}")
    assert re.search(r'<a class="entity entity-weapon" href="/tags/s-400/"[^>]*>S-400</a>', html)
    assert re.search(r'<a class="entity entity-person" href="/tags/recep-tayyip-erdogan/"', html)
    text = text_of(html).replace(" ,", ",")
    assert "People: Recep Tayyip Erdogan" in text
    assert "Weapon systems: S-400" in text
    assert "Topics: S-400, S-500, F-35" in text
    # The highlighted body still reads as the cleaned text.
    assert "There is absolutely no question of" in text


def test_timeline_orders_dated_events_and_filters_by_topic(seed_site):
    html = page(seed_site, "timeline")
    dates = re.findall(r'<p class="when"><time datetime="([\d-]+)"', html)
    assert dates == sorted(dates) and "2017-12" in dates and "2019-05-18" in dates
    assert "Saturday" in text_of(html) and re.search(rf'href="/articles/{DW_SLUG}/#p\d+"', html)
    for slug in TOPIC_COUNTS:
        assert f'href="/timeline/{slug}/"' in html
        assert (seed_site / "timeline" / slug / "index.html").is_file()


def test_deliveries_expected_in_july_are_on_the_timeline_as_july_2019(seed_site):
    # The seeds are of May 2019 and say the S-400s "are expected to be delivered in July".
    july = [e for e in data(seed_site, "timeline.json") if e["text"] == "July"]
    assert july and all(e["date"] == "2019-07" for e in july)
    assert not any(e["date"].startswith("2018-07") for e in data(seed_site, "timeline.json"))
    html = page(seed_site, "timeline")
    entry = html.split('<time datetime="2019-07">', 1)[1].split("</li>", 1)[0]
    # The seeds' publication days are inferred from their story; the timeline says so.
    assert all(e["on_inferred_date"] for e in july)
    assert "from an inferred publication date" in entry


def test_articles_export_has_entities_dates_and_topics(seed_site):
    articles = data(seed_site, "articles.json")
    assert len(articles) == 5
    dw = next(a for a in articles if a["slug"] == DW_SLUG)
    assert dw["url"] == f"articles/{DW_SLUG}/"
    assert dw["outlet"] == "DW" and dw["published"] == "2019-05-19"
    assert dw["published_precision"] == "day"
    assert dw["topics"] == ["S-400", "S-500", "F-35"]
    assert {"name": "S-400", "type": "WEAPON", "mentions": 6} in dw["entities"]
    saturday = next(d for d in dw["dates"] if d["text"] == "Saturday")
    assert saturday["value"] == "2019-05-18" and saturday["precision"] == "day"
    assert "Saturday" in saturday["sentence"]
    undated = next(a for a in articles if a["published"] is None)
    assert undated["published_precision"] == "none"
    # One article per line: a diff of two builds' exports shows the articles that changed.
    lines = (seed_site / "data" / "articles.json").read_text("utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 2 + len(articles)
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == articles


def test_entity_and_timeline_exports_and_csv_versions(seed_site):
    entities = {e["name"]: e for e in data(seed_site, "entities.json")}
    erdogan = entities["Recep Tayyip Erdogan"]
    assert erdogan["type"] == "PERSON" and erdogan["article_count"] == 5
    assert "Erdogan" in erdogan["aliases"] and erdogan["url"] == "tags/recep-tayyip-erdogan/"
    # "Turkish President Recep Tayyip Erdogan": the title is his role, not his name.
    assert erdogan["roles"] == {"Turkish President": 6}
    html = page(seed_site, "tags/recep-tayyip-erdogan")
    assert "<dt>Titles and roles</dt><dd>Turkish President (6)</dd>" in html
    timeline = data(seed_site, "timeline.json")
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    for name, column in (("articles", "slug"), ("entities", "name"), ("timeline", "date")):
        text = (seed_site / "data" / f"{name}.csv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and column in rows[0]
    # Every page's footer links the data page, which links every export with its size.
    assert 'href="/data/">Data for research</a>' in page(seed_site, "")
    listing = page(seed_site, "data")
    for name in ("articles", "entities", "timeline", "stories", "quotes"):
        for suffix in ("json", "csv"):
            size = (seed_site / "data" / f"{name}.{suffix}").stat().st_size
            link = f'<a href="/data/{name}.{suffix}" download>{name}.{suffix}</a>'
            assert re.search(
                re.escape(link) + r' <span class="n">[\d.]+ (bytes|KB|MB)</span>', listing
            )
            assert size > 0
    assert 'href="/data/build-report.json"' in listing


def test_missing_spacy_model_stops_the_build_naming_the_setting(tmp_path):
    result = run_pelican(CORPUS, tmp_path / "out", extra=('NEWS_SPACY_MODEL="no_such_model"',))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "NEWS_SPACY_MODEL" in output and "no_such_model" in output


def test_rebuild_reuses_the_extraction_cache(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    cache = tmp_path / "cache"
    extra = (f'CACHE_PATH="{cache.as_posix()}"',)
    build_site(corpus, tmp_path / "one", extra=extra)
    files = sorted((cache / "news-cache" / "extraction").rglob("*.pickle"))
    assert len(files) == 5
    stamps = {path: path.stat().st_mtime_ns for path in files}
    build_site(corpus, tmp_path / "two", extra=extra)
    assert {path: path.stat().st_mtime_ns for path in files} == stamps
    assert (tmp_path / "one" / "data" / "articles.json").read_bytes() == (
        tmp_path / "two" / "data" / "articles.json"
    ).read_bytes()
    edited = next(corpus.glob("000_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("Istanbul", "Izmir"), "utf-8")
    build_site(corpus, tmp_path / "three", extra=extra)
    # The edited article is read again, and the result for its old text is pruned.
    now = sorted((cache / "news-cache" / "extraction").rglob("*.pickle"))
    assert len(now) == 5 and len(set(now) - set(files)) == 1


def test_injected_markup_never_reaches_any_page_as_markup(bad_build):
    site, _ = bad_build
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert foreign_scripts(html) == [], path
        assert "<img src=x" not in html, path


def test_a_users_alias_file_folds_retypes_and_drops_names_and_reports_bad_lines(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kremlin.txt").write_text(
        "Kremlin rejects the offer\n\nThe Kremlin said on Monday that Moscow would not sign. "
        "Officials in Russia agreed with the Kremlin, and Vladimir Putin said so. Gazprom "
        "and Rosneft stayed silent. Lukoil said nothing.\n",
        encoding="utf-8",
    )
    (corpus / "aliases.conf").write_text(
        "# ours\nRussia = Kremlin | Moscow\ndrop: Rosneft\ntype: Lukoil = place\n"
        "type: Putin = tsar\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build_site(corpus, out)
    entities = {e["name"]: e for e in data(out, "entities.json")}
    assert "Kremlin" not in entities and "Moscow" not in entities
    assert {"Kremlin", "Moscow"} <= set(entities["Russia"]["aliases"])
    assert "Rosneft" not in entities
    assert entities["Lukoil"]["type"] == "PLACE"
    assert entities["Vladimir Putin"]["type"] == "PERSON"
    report = data(out, "build-report.json")
    assert report["counts"] == {"articles": 1, "warnings": 1, "skipped": 0}
    assert report["warnings"] == [
        {
            "file": "aliases.conf",
            "message": "aliases.conf, line 5: not understood: 'type: Putin = tsar'",
        }
    ]
    hint = text_of(page(out, "tags/vladimir-putin"))
    assert "A line in the corpus folder's aliases.conf corrects it" in hint
    assert "type: Vladimir Putin = organisation" in hint


def test_a_big_entity_page_shows_the_first_mentions_and_lists_every_article(tmp_path):
    limits = (
        "NEWS_ENTITY_MENTIONS_SHOWN=3",
        "NEWS_ENTITY_RELATED_SHOWN=12",
        "NEWS_ENTITY_CARDS_MAX=2",
    )
    build_site(CORPUS, tmp_path, extra=limits)
    html = page(tmp_path, "tags/s-400")
    text = text_of(html)
    mentions = re.search(r'id="mentions-h".*?</section>', html, re.S).group()
    assert mentions.count('class="passage"') == 3
    total = int(re.search(r"Coverage 5 articles, (\d+) mentions", text).group(1))
    assert f"The first 3 of {total} mentions." in text
    related = re.search(r'id="with-h".*?</section>', html, re.S).group()
    # The network draws 10 companions and its table lists them; the list goes on to 12.
    assert related.count("<tr><td>") == 10
    listed = re.search(r'<ul class="taxonomy">.*?</ul>', related, re.S).group()
    assert listed.count("<li>") == 2
    assert "Also named in the same articles (12 of" in text_of(related)
    articles = re.search(r'id="articles-h".*?</section>', html, re.S).group()
    assert 'class="compact"' in articles and articles.count("<li>") == 5


def test_names_that_appear_with_an_entity_equally_often_come_most_covered_first(seed_site):
    counts = {row["name"]: row["article_count"] for row in data(seed_site, "entities.json")}
    checked = 0
    for path in sorted((seed_site / "tags").glob("*/index.html")):
        section = re.search(r'id="with-h".*?</section>', path.read_text(encoding="utf-8"), re.S)
        if section is None:
            continue
        html = section.group()
        drawn = re.findall(r"<tr><td><a [^>]*>(.*?)</a></td><td>(\d+)</td>", html)
        listed = re.findall(
            r"<li><a [^>]*>(.*?)</a> <span class=\"n\">[^<]*?(\d+) articles? together", html
        )
        pairs = [(text_of(name), int(n)) for name, n in drawn + listed]
        keys = [(-n, -counts[name]) for name, n in pairs]
        assert keys == sorted(keys), path.parent.name
        checked += len(pairs)
    assert checked > 20
