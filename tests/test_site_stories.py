"""Stories and quotes in a real build of the seeds: pages, links, dates and exports."""

from __future__ import annotations

import bisect
import csv
import json
import re
from pathlib import Path

from conftest import CORPUS, build_site
from newscorpus.search.documents import js_order

DW = "turkey-to-produce-missile-system-with-russia"
UNDATED = "turkey-says-to-produce-s-500s-with-russia-after-s-400-missile-deal"
DESPARDES = "turkey-russia-get-closer-discuss-joint-production-of-defense-systems"


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def data(site, name: str):
    return json.loads(read(site, f"data/{name}"))


def test_one_story_of_three_outlets_with_its_page(seed_site):
    (story,) = data(seed_site, "stories.json")
    assert set(story) >= {"id", "url", "articles", "outlets", "dates", "shared_sentences"}
    assert story["articles"] == [DW, DESPARDES, UNDATED]  # the stated date first
    assert story["outlets"] == ["DW", "DESPARDES News Monitor", "Defence Notes"]
    assert story["dates"] == ["2019-05-19"] * 3
    assert any("absolutely no question" in s for s in story["shared_sentences"])
    page = read(seed_site, story["url"] + "index.html")
    assert "<h1>Turkey to produce missile system with Russia</h1>" in page
    # Side by side: a column per version, DW's own sentences marked, each run of a
    # version's sentences linking to its paragraph.
    table = page.split('<table class="sides-table', 1)[1].split("</table>", 1)[0]
    head = table.split("</thead>", 1)[0]
    assert head.count('<th scope="col">') == 3
    assert (
        head.index(">DW<") < head.index(">DESPARDES News Monitor<") < head.index(">Defence Notes<")
    )
    assert (
        '<mark class="only">The Turkish president has described plans to help Russia build' in table
    )
    joint = table.split('<tr class="every">')[1:]
    assert any("There will be joint production of the S-500 after the S-400" in r for r in joint)
    assert f'href="/articles/{DW}/#p4" aria-label="Paragraph 4 of DW’s version">¶4</a>' in table
    assert "What every version says" not in page  # the table replaces the lists
    index = read(seed_site, "stories/index.html")
    assert story["url"] in index and "3 articles" in index


def test_articles_link_to_their_story_and_the_other_versions(seed_site):
    page = read(seed_site, f"articles/{DW}/index.html")
    assert 'href="/stories/' in page
    assert f'href="/articles/{DESPARDES}/"' in page and f'href="/articles/{UNDATED}/"' in page
    lone = read(
        seed_site, "articles/erdogan-russia-and-turkey-should-make-s-500s-together/index.html"
    )
    assert "compare the versions" not in lone


def test_an_undated_version_is_dated_through_its_story(seed_site):
    articles = {a["slug"]: a for a in data(seed_site, "articles.json")}
    undated = articles[UNDATED]
    assert (undated["published"], undated["published_status"]) == ("2019-05-19", "inferred")
    dates = {d["text"]: d["value"] for d in undated["dates"]}
    assert dates["18 May"] == "2019-05-18"
    page = read(seed_site, f"articles/{UNDATED}/index.html")
    assert "Date inferred: same story as DW" in page
    assert '<span class="inferred"' in page
    timeline = read(seed_site, "timeline/index.html")
    assert "18 May" in timeline
    assert articles["erdogan-russia-and-turkey-should-make-s-500s-together"]["published"] is None


def test_the_no_stepping_back_quote_is_one_quote_by_erdogan(seed_site):
    quotes = data(seed_site, "quotes.json")
    (quote,) = [q for q in quotes if "absolutely no question" in q["text"]]
    assert quote["speaker"] == "Recep Tayyip Erdogan"
    assert {c["slug"] for c in quote["carried_by"]} == {DW, DESPARDES, UNDATED}
    assert {"slug", "outlet", "published", "variant", "paragraph"} == set(quote["carried_by"][0])
    assert any("stepping back on the S-400 issue" in c["variant"] for c in quote["carried_by"])
    page = read(seed_site, "quotes/index.html")
    # The quote, then each carrier's wording where it differs ("in these words" where not).
    phrase = "absolutely no question of (Turkey)"
    differ = [c for c in quote["carried_by"] if c["variant"] != quote["text"]]
    assert page.count(phrase) == 1 + sum(phrase in c["variant"] for c in differ)
    entry = page.split(f'id="{quote["id"]}"', 1)[1].split("</article>", 1)[0]
    assert entry.count(", in these words</span>") == len(quote["carried_by"]) - len(differ)
    assert '<mark class="diff">stepping</mark>' in page or '<mark class="diff">' in page
    person = read(seed_site, "tags/recep-tayyip-erdogan/index.html")
    assert 'id="quotes-h"' in person and f"/quotes/#{quote['id']}" in person


def test_a_quote_an_article_carries_in_two_fragments_counts_that_article_once(seed_site):
    # DW quotes "passing the ball around…" in two pieces; DESPARDES quotes it whole.
    (quote,) = [q for q in data(seed_site, "quotes.json") if "passing the ball" in q["text"]]
    assert sorted(c["slug"] for c in quote["carried_by"]) == sorted([DW, DESPARDES])
    page = read(seed_site, "quotes/index.html")
    entry = page.split(f'id="{quote["id"]}"', 1)[1].split("</li>", 1)[0]
    assert "2 articles" in entry and "3 articles" not in entry


def test_story_and_quote_exports_have_csv_twins_and_footer_links(seed_site):
    for name in ("stories", "quotes"):
        rows = list(csv.DictReader((seed_site / "data" / f"{name}.csv").open(encoding="utf-8")))
        assert len(rows) == len(data(seed_site, f"{name}.json"))
        assert f'href="/data/{name}.json" download' in read(seed_site, "data/index.html")
    assert 'href="/data/">Data for research</a>' in read(seed_site, "index.html")


def search_entry(site: Path, term: str) -> tuple[dict, list]:
    """The search manifest and the index entry of ``term``, from the piece that holds it."""
    manifest = json.loads(read(site, "search/manifest.json"))
    sections = manifest["sections"]
    starts = [
        start
        for k in range(len(sections))
        for start in json.loads(read(site, f"search/directory/{k}.json"))
    ]
    keys = [js_order(start) for start in starts]
    number = bisect.bisect_right(keys, js_order(term)) - 1
    piece = json.loads(read(site, f"search/pieces/{number}.json"))
    return manifest, next(e for e in piece if e[0] == term)


def test_quotes_are_searchable(seed_site, tmp_path):
    manifest, entry = search_entry(seed_site, "step")  # "stepping back", in DESPARDES's quote
    body = 2 + manifest["fields"].index("body")
    assert len(entry[body]) >= 2
    build_site(
        CORPUS, tmp_path / "out", extra=('NEWS_SEARCH_FIELDS=[["title", 10], ["quotes", 2]]',)
    )
    manifest, entry = search_entry(tmp_path / "out", "step")
    assert manifest["fields"] == ["title", "quotes"] and entry[3]


def test_a_corpus_without_shared_stories_has_an_empty_stories_page(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = next(CORPUS.glob("004_*.txt"))
    (corpus / seed.name).write_bytes(seed.read_bytes())
    build_site(corpus, tmp_path / "out")
    assert data(tmp_path / "out", "stories.json") == []
    assert "0 stories" in read(tmp_path / "out", "stories/index.html")


def test_quotes_are_paged_and_every_link_finds_its_page(tmp_path):
    build_site(CORPUS, tmp_path / "out", extra=("NEWS_QUOTES_PER_PAGE=4",))
    site = tmp_path / "out"
    quotes = data(site, "quotes.json")
    pages = -(-len(quotes) // 4)
    assert pages >= 3
    for quote in quotes:
        path, _, anchor = quote["url"].partition("#")
        assert f'id="{anchor}"' in read(site, path + "index.html")
    assert f'href="/quotes/{pages}/"' in read(site, "quotes/index.html")
    person = read(site, "tags/recep-tayyip-erdogan/index.html")
    for link in re.findall(r'href="/(quotes/[^"]*#[^"]+)"', person):
        path, _, anchor = link.partition("#")
        assert f'id="{anchor}"' in read(site, path + "index.html")


HARBOUR = (
    "The harbour board approved a new ferry terminal for Kingsport on Monday, after two "
    "years of planning. The terminal will open in 2027 and handle four ferries a day, the "
    "board's chair Maria Olsen said. Fishermen had opposed the plan because the works close "
    "the north quay for a season. The council will pay a third of the cost."
)


def test_a_long_list_of_stories_is_paged_and_lists_each_story_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in CORPUS.glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    # A second story: one event in two outlets' words.
    (corpus / "harbour-a.txt").write_text(
        f"Kingsport approves ferry terminal\n\nPort Gazette\n\n{HARBOUR}\n", encoding="utf-8"
    )
    other = HARBOUR.replace("on Monday, after", "on Monday after").replace("a day", "daily")
    (corpus / "harbour-b.txt").write_text(
        f"Ferry terminal for Kingsport gets go-ahead\n\nCoast Weekly\n\n{other} Work starts in "
        "the spring.\n",
        encoding="utf-8",
    )
    site = tmp_path / "out"
    build_site(corpus, site, extra=("NEWS_STORIES_PER_PAGE=1",))
    stories = data(site, "stories.json")
    assert len(stories) == 2
    first, second = read(site, "stories/index.html"), read(site, "stories/page-2/index.html")
    for page in (first, second):
        assert "2 stories reported by more than one article" in page
        assert 'href="/stories/"' in page and 'href="/stories/page-2/"' in page
    lists = [
        page.split('<ul class="story-list">', 1)[1].split("</ul>", 1)[0] for page in (first, second)
    ]
    listed = [re.findall(r'<a href="/(stories/[^"/]+/)"', part) for part in lists]
    assert sorted(url for urls in listed for url in urls) == sorted(s["url"] for s in stories)
    assert all(len(urls) == 1 for urls in listed)
    assert "<title>Stories (page 2)" in second
