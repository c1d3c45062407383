"""The home page as an overview of the corpus, and the chart drawn for it at build time."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import build_site
from newscorpus.corpus.catalog import ArticleRef, EntityRecord
from newscorpus.corpus.charts import bar_chart, by_month, small_multiples
from newscorpus.corpus.network import companion_network
from newscorpus.corpus.overview import corpus_overview, outlet_table
from newscorpus.model import UNDATED, Published
from test_site import page, text_of


def test_months_are_counted_with_the_empty_ones_between():
    series = by_month([dt.date(2019, 11, 3), dt.date(2020, 2, 1), dt.date(2019, 11, 30)])
    assert series.months == (("2019-11", 2), ("2019-12", 0), ("2020-01", 0), ("2020-02", 1))
    assert series.labelled()[0] == ("Nov 2019", 2)
    assert series.total == 3


def test_a_long_span_is_counted_by_year_then_by_decade():
    centuries = by_month([dt.date(1650, 1, 1), dt.date(2005, 3, 1), dt.date(2005, 4, 9)])
    assert centuries.labelled()[0] == ("1650s", 1) and centuries.labelled()[-1] == ("2000s", 2)
    decade = by_month([dt.date(1995, 1, 1), dt.date(2005, 3, 1)])
    assert decade.labelled()[0] == ("1995", 1) and len(decade.labelled()) == 11
    svg = bar_chart(centuries, "t", "d", "c3")
    assert svg.count('<rect class="bar"') == 36 and "<title>2000s: 2</title>" in svg


def test_a_chart_is_an_image_with_a_title_a_description_and_a_bar_per_month():
    series = by_month([dt.date(2019, 5, 1)] * 3 + [dt.date(2019, 7, 9)])
    svg = bar_chart(series, "Articles <by> month", "Four & more", "c1")
    assert svg.startswith('<svg class="chart"') and 'role="img"' in svg
    assert '<title id="c1-t">Articles &lt;by&gt; month</title>' in svg
    assert '<desc id="c1-d">Four &amp; more</desc>' in svg
    assert svg.count('<rect class="bar"') == 3
    assert "<title>May 2019: 3</title>" in svg and "<title>Jun 2019: 0</title>" in svg
    assert svg == bar_chart(series, "Articles <by> month", "Four & more", "c1")
    assert bar_chart(by_month([]), "t", "d", "c2") == ""


def test_small_multiples_draw_a_named_strip_per_row_on_one_scale_and_one_axis():
    span = ("2019-05", "2019-07")
    rows = [
        ("Kelmar Post", by_month([dt.date(2019, 5, 1)] * 4, span)),
        ("Fenwick <Herald>", by_month([dt.date(2019, 7, 2)] * 2, span)),
    ]
    svg = small_multiples(rows, "By outlet", "Two outlets", "m1")
    assert svg.startswith('<svg class="chart multiples"') and 'role="img"' in svg
    assert ">Kelmar Post (4)</text>" in svg and ">Fenwick &lt;Herald&gt; (2)</text>" in svg
    heights = [float(h) for h in re.findall(r'<rect class="bar"[^>]* height="([\d.]+)"', svg)]
    assert len(heights) == 2 and heights[0] == 2 * heights[1]  # one scale: 4 against 2
    assert "<title>Fenwick &lt;Herald&gt;, Jul 2019: 2</title>" in svg
    assert small_multiples([], "t", "d", "m2") == ""


def ref(n: int, outlet: str, date: dt.date | None) -> ArticleRef:
    published = Published(date, "day", "stated", "dateline") if date else UNDATED
    return ArticleRef(f"a{n}", f"a{n}/", f"Article {n}", outlet, published)


def test_the_outlets_with_most_dated_articles_get_a_row_each_and_the_rest_one_together():
    may, june = dt.date(2019, 5, 3), dt.date(2019, 6, 9)
    refs = [ref(n, f"Outlet {n}", may) for n in range(8)]
    refs += [ref(10, "Outlet 0", june), ref(11, "Outlet 1", june), ref(12, "Outlet 9", None)]
    overview = corpus_overview(refs, "Unknown outlet")
    names = [name for name, _ in overview.by_outlet]
    assert names[:2] == ["Outlet 0", "Outlet 1"]  # two dated articles each
    assert len(names) == 7 and names[-1] == "2 other outlets"
    columns, rows = outlet_table(overview)
    assert columns == names
    assert rows == [["May 2019", 1, 1, 1, 1, 1, 1, 2], ["Jun 2019", 1, 1, 0, 0, 0, 0, 0]]
    one_outlet = corpus_overview([ref(1, "Outlet 0", may), ref(2, "Outlet 0", june)], "x")
    assert one_outlet.by_outlet == ()


def test_the_home_page_gives_the_corpus_in_numbers_and_a_chart_with_its_table(seed_site):
    html = page(seed_site, "")
    text = text_of(html)
    assert "A collection of 5 news articles" in text
    numbers = re.search(r'<dl class="numbers">.*?</dl>', html, re.S).group()
    assert "Articles 5" in text_of(numbers)
    assert "Outlets named 3" in text_of(numbers)
    assert "Undated 2" in text_of(numbers)
    assert "19 May 2019" in text_of(numbers)
    svg = re.search(r"<svg .*?</svg>", html, re.S).group()
    assert "<title>May 2019: 3</title>" in svg
    table = re.search(r'<details class="chart-table">.*?</details>', html, re.S).group()
    assert "May 2019 3" in text_of(table)
    by_outlet = re.search(r'<svg class="chart multiples".*?</svg>', html, re.S).group()
    for outlet in ("DESPARDES News Monitor (1)", "DW (1)", "Defence Notes (1)"):
        assert f">{outlet}</text>" in by_outlet
    outlets = re.findall(r'<details class="chart-table">.*?</details>', html, re.S)[1]
    assert "Month DESPARDES News Monitor DW Defence Notes" in text_of(outlets)
    assert "May 2019 1 1 1" in text_of(outlets)
    assert 'href="/articles/"' in html
    for topic in ("s-400", "s-500", "f-35"):
        assert f'href="/topics/{topic}/"' in html
    assert "Latest stories" in text and 'href="/stories/' in html
    assert "Recep Tayyip Erdogan" in text_of(
        re.search(r'id="named-h".*?</section>', html, re.S).group()
    )


@pytest.fixture(scope="module")
def undated_site(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("undated-corpus")
    for n, (title, body) in enumerate(
        [
            ("Council approves the harbour plan", "The council approved the harbour plan."),
            ("Ferry fares to rise", "Ferry fares will rise, the operator said on Monday."),
        ]
    ):
        (corpus / f"{n}.txt").write_text(f"{title}\n\n{body} " * 3 + "\n", encoding="utf-8")
    output = tmp_path_factory.mktemp("undated-site")
    build_site(corpus, output)
    return output


def test_a_corpus_with_no_dates_says_so_and_shows_no_empty_topics(undated_site):
    html = page(undated_site, "")
    text = text_of(html)
    assert "No article states a date to the month or the day" in text
    assert "all 2 are undated" in text
    assert "<svg" not in html
    assert "0 articles" not in text
    assert 'href="/topics/s-400/"' not in html


@pytest.fixture(scope="module")
def months_site(tmp_path_factory) -> Path:
    """Four articles over three months, each naming Ankara and the S-400."""
    corpus = tmp_path_factory.mktemp("months-corpus")
    for n, date in enumerate(["March 3, 2019", "March 20, 2019", "May 2, 2019", "June 9, 2019"]):
        body = (
            f"ANKARA, {date} (Reuters) - Turkey said on Tuesday that the S-400 deliveries "
            f"from Russia would go ahead as planned, officials in Ankara told reporters. "
            f"The ministry gave no further details of the schedule in its statement {n}."
        )
        (corpus / f"{n}.txt").write_text(f"S-400 talks go on, round {n + 1}\n\n{body}\n")
    output = tmp_path_factory.mktemp("months-site")
    build_site(corpus, output)
    return output


@pytest.mark.parametrize(
    ("url", "heading"),
    [("tags/ankara", "Mentions over time"), ("topics/s-400", "Coverage over time")],
)
def test_entity_and_topic_pages_draw_their_articles_by_month(months_site, url, heading):
    html = page(months_site, url)
    assert heading in text_of(html)
    svg = re.search(r"<svg .*?</svg>", html, re.S).group()
    assert "<title>Mar 2019: 2</title>" in svg and "<title>Apr 2019: 0</title>" in svg
    assert svg.count('<rect class="bar"') == 4
    table = text_of(re.search(r'<details class="chart-table">.*?</details>', html, re.S).group())
    assert "Mar 2019 2" in table and "Jun 2019 1" in table


def test_the_timeline_is_drawn_as_a_strip_above_its_list(months_site):
    html = page(months_site, "timeline")
    svg = re.search(r"<svg .*?</svg>", html, re.S)
    assert svg and html.index("<svg") < html.index('<ol class="timeline">')
    assert "Dated events over time" in svg.group()
    bars = re.findall(r"<title>(\w{3} \d{4}): (\d+)</title>", svg.group())
    dated = re.findall(r'<p class="when"><time datetime="(\d{4}-\d\d)', html)
    assert sum(int(n) for _, n in bars) == len(dated)


def test_an_entity_page_draws_its_strongest_companions_with_links_and_a_table(seed_site):
    html = page(seed_site, "tags/recep-tayyip-erdogan")
    svg = re.search(r'<svg class="network".*?</svg>', html, re.S).group()
    companions = re.findall(r'<a href="/tags/([^/"]+)/"><circle class="node entity-(\w+)"', svg)
    assert 3 <= len(companions) <= 12
    assert ("s-400", "weapon") in companions
    assert all((seed_site / "tags" / slug / "index.html").is_file() for slug, _ in companions)
    searches = re.findall(
        r'<a href="/search/\?entity=recep-tayyip-erdogan&amp;entity=([^"]+)"', svg
    )
    assert sorted(searches) == sorted(slug for slug, _ in companions)
    table = re.search(
        r"<details class=\"chart-table\">\s*<summary>The same as a table.*?</details>", html, re.S
    )
    rows = re.findall(r"<tr><td>", table.group())
    assert len(rows) == len(companions)
    assert "Recep Tayyip Erdogan" in re.search(
        r'<text class="label center"[^>]*>(.*?)</text>', svg
    ).group(1)


def test_an_entity_named_in_few_articles_gets_no_network(seed_site):
    assert '<svg class="network"' not in page(seed_site, "tags/yuri-grekhov")


def test_a_network_joins_two_companions_only_when_they_share_two_articles():
    def named(name: str, slugs: list[int]) -> EntityRecord:
        record = EntityRecord(name, "PERSON", name.lower(), ())
        record.articles = [ref(n, "Outlet", None) for n in slugs]
        return record

    center = named("Centre", [1, 2, 3, 4, 5])
    close = [named("Ann", [1, 2, 3]), named("Bob", [1, 2, 4]), named("Cid", [3, 5])]
    center.cooccurring = [(close[0], 3), (close[1], 3), (close[2], 2)]
    net = companion_network(center)
    assert [c.record.name for c in net.companions] == ["Ann", "Bob", "Cid"]
    # Ann and Bob share articles 1 and 2; Ann and Cid only article 3: no line for them.
    assert [(a.record.name, b.record.name, n) for a, b, n in net.links] == [("Ann", "Bob", 2)]
    # Positions are whole units of the drawing.
    assert all(isinstance(v, int) for c in net.companions for v in (c.x, c.y, c.label_x))
