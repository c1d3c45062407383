"""Search in real headless Chromium, on a site served under a subpath like a Pages project site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import CORPUS, FIXTURES, ROOT, build_site, generated_documents, serve
from news_explorer.site_search import search_scripts
from newscorpus.search.index import search_files
from newscorpus.search.stemmer import stem
from newscorpus.search.terms import split_term

pytestmark = pytest.mark.browser

SUBPATH = "news"
RENDERED = "#search-app[data-rendered]"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    """The seeds plus a file with markup in it, built for https://host/news/."""
    corpus = tmp_path_factory.mktemp("search-corpus")
    for path in [*CORPUS.glob("*.txt"), *(FIXTURES / "search").glob("*.txt")]:
        shutil.copyfile(path, corpus / path.name)
    root = tmp_path_factory.mktemp("search-root")
    build_site(corpus, root / SUBPATH, extra=(f'SITEURL="/{SUBPATH}"',))
    return root


@pytest.fixture(scope="module")
def site(search_site):
    for host in serve(search_site):
        yield f"{host}/{SUBPATH}"


def open_search(page, site: str, query: str = "", **filters: str) -> None:
    params = [f"q={quote(query)}"] if query else []
    params += [f"{name}={quote(value)}" for name, value in filters.items()]
    page.goto(f"{site}/search/?{'&'.join(params)}")
    page.wait_for_selector(RENDERED, state="attached")


def titles(page) -> list[str]:
    return page.locator(".result-title").all_inner_texts()


def test_a_first_query_fetches_the_facets_of_its_results_only(page, site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_search(page, site, "S-400")
    page.wait_for_selector(".search-facets section", state="attached")
    assert not any("facets/values/" in url for url in requests)
    assert any("facets/tier-0/0.json" in url for url in requests)
    assert not any(url.split("?")[0].endswith("facets.json") for url in requests)


def test_typing_a_designator_finds_it_ranks_by_it_and_marks_only_it(page, site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site}/search/")
    page.locator("#search-q").press_sequentially("S-400")
    page.wait_for_selector(f'{RENDERED.removesuffix("]")}="?q=S-400"]', state="attached")
    assert page.locator(".search-status").inner_text() == "5 articles for “S-400”."
    assert titles(page)[0] == "Turkey says to produce S-500s with Russia after S-400 missile deal"
    marks = {text.strip(".,'’s") for text in page.locator(".search-results mark").all_inner_texts()}
    assert marks and all(mark.startswith("S-400") for mark in marks), marks
    assert all(url.startswith(f"{site}/") for url in requests), requests
    assert page.console_errors == []


def test_a_facet_filters_back_undoes_it_and_reload_keeps_it(page, site):
    open_search(page, site, "S-400")
    assert len(titles(page)) == 5
    page.locator(".search-facets a", has_text="DW").click()
    page.wait_for_url("**/search/?q=S-400&outlet=dw")
    page.wait_for_selector(RENDERED, state="attached")
    assert titles(page) == ["Turkey to produce missile system with Russia"]
    assert page.locator(".search-status").inner_text() == (
        "1 of 5 articles for “S-400” match the filters."
    )
    page.go_back()
    page.wait_for_url("**/search/?q=S-400")
    page.wait_for_selector(RENDERED, state="attached")
    assert len(titles(page)) == 5
    page.go_forward()
    page.wait_for_selector(RENDERED, state="attached")
    page.reload()
    page.wait_for_selector(RENDERED, state="attached")
    assert titles(page) == ["Turkey to produce missile system with Russia"]
    assert page.locator(".chip").inner_text().startswith("Outlet: DW")
    assert page.console_errors == []


def test_facets_count_the_results_by_topic_entity_outlet_and_year(page, site):
    open_search(page, site, "F-35")
    assert "F-35 (4)" in facet(page, "Topic")
    assert "Recep Tayyip Erdogan (4)" in facet(page, "People")
    assert page.locator(".search-facets h2", has_text="Mentions").count() == 0
    weapons = page.locator(".search-facets section", has_text="Weapon systems")
    assert weapons.count() == 0 or "F-35 (" not in weapons.inner_text()
    year = facet(page, "Year")
    assert "2019 (3)" in year  # two dated through their story
    assert year.index("2019 (3)") < year.index("Undated (1)")  # the undated last
    page.locator(".search-facets a", has_text="Lockheed Martin").click()
    page.wait_for_url("**&entity=lockheed-martin")
    page.wait_for_selector(RENDERED, state="attached")
    assert len(titles(page)) == 2
    assert page.console_errors == []


def facet(page, heading: str) -> str:
    """The text of the facet section with this heading."""
    name = page.get_by_role("heading", name=heading, exact=True)
    return page.locator(".search-facets section").filter(has=name).inner_text()


def test_slash_focuses_search_enter_searches_and_arrows_move_through_results(page, site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site}/")
    assert page.evaluate("typeof window.lunr") == "undefined"
    assert not any("/search/manifest.json" in url for url in requests)
    assert not any("/main.js" in url for url in requests)  # the search page's only
    with page.expect_request("**/lunr.min.js?v=*"), page.expect_request("**/search/js-*/main.js"):
        page.keyboard.press("/")  # the first focus fetches them ahead, to run on the search page
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    assert page.evaluate("typeof window.lunr") == "undefined"
    page.keyboard.type("Erdogan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Erdogan")
    page.wait_for_selector(RENDERED, state="attached")
    first, second = titles(page)[:2]
    page.locator("#search-q").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == first
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == second
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/articles/**")
    assert page.locator("h1").inner_text() == second
    assert page.console_errors == []


LUNR_WORDS = ("lunr", "EDIT_DISTANCE", "unrecognised", "expecting", "QueryParse")


@pytest.mark.parametrize("query", ["S-400:", "foo^", "~", '"', "-", "title:", "erdogan~"])
def test_malformed_queries_get_a_plain_message_without_console_errors(page, site, query):
    open_search(page, site, query)
    status = page.locator(".search-status").inner_text()
    assert "could not load" not in status
    assert not any(word in status for word in LUNR_WORDS), status
    if query == "S-400:":
        assert "was searched as “S-400”" in status
        assert len(titles(page)) == 5
    if query in ("~", "-"):
        assert titles(page) == []
    assert page.console_errors == []


def found(page, site: str, query: str) -> set[str]:
    open_search(page, site, query)
    return set(titles(page))


def test_every_word_is_required_or_joins_either_and_minus_leaves_out(page, site):
    putin, russia, nato = (found(page, site, word) for word in ("putin", "russia", "nato"))
    assert putin and russia and putin != russia
    assert found(page, site, "putin russia") == putin & russia
    assert found(page, site, "putin AND russia") == putin & russia
    assert found(page, site, "putin OR nato") == putin | nato
    assert found(page, site, "russia -putin") == russia - putin
    assert found(page, site, "russia NOT putin") == russia - putin
    assert page.console_errors == []


def test_when_no_article_has_every_word_the_status_says_so_and_shows_any_word(page, site):
    putin = found(page, site, "putin")
    assert found(page, site, "putin zyxwvut") == putin
    status = page.locator(".search-status").inner_text()
    assert status.startswith("No article has every word of “putin zyxwvut”")


def test_a_search_of_only_left_out_words_or_bare_syntax_says_what_is_missing(page, site):
    open_search(page, site, "NOT putin")
    assert "needs a word to look for" in page.locator(".search-status").inner_text()
    assert titles(page) == []
    open_search(page, site, "~2")
    assert "on its own is not a word" in page.locator(".search-status").inner_text()


@pytest.mark.parametrize(
    ("variant", "designator"),
    [("s400", "S-400"), ("S400s", "S-400"), ("S 400", "S-400"), ("f35", "F-35"), ("F35s", "F-35")],
)
def test_designators_written_without_a_hyphen_are_read_as_the_corpus_writes_them(
    page, site, variant, designator
):
    expected = found(page, site, designator)
    assert expected
    assert found(page, site, variant) == expected
    assert f"was read as {designator}" in page.locator(".search-status").inner_text()


def test_a_quoted_phrase_wants_its_words_next_to_each_other_in_order(page, site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    both = found(page, site, "joint production")
    assert not any("/positions/" in url for url in requests)
    assert found(page, site, '"joint production"') == both != set()
    assert any("/positions/" in url for url in requests)
    assert found(page, site, '"production joint"') == set()
    assert found(page, site, 'russia "production joint"') == found(page, site, "russia")
    open_search(page, site, 'russia "production joint"')
    assert page.locator(".search-status").inner_text().startswith("No article has every word")
    assert page.console_errors == []


def result_dates(page) -> list[str]:
    """Each result's date (its <time datetime>), "" for an undated one, in order."""
    return page.locator(".result .meta").evaluate_all(
        "(metas) => metas.map((m) => (m.querySelector('time') || {}).dateTime || '')"
    )


def test_results_sort_newest_or_oldest_first_with_the_undated_last(page, site):
    open_search(page, site, "S-400", sort="newest")
    newest = result_dates(page)
    dated = [d for d in newest if d]
    assert len(newest) == 5 and dated == sorted(dated, reverse=True)
    assert newest[len(dated) :] == [""] * (len(newest) - len(dated))
    open_search(page, site, "S-400", sort="oldest")
    oldest = [d for d in result_dates(page) if d]
    assert oldest == sorted(oldest)
    assert page.locator("#search-sort").input_value() == "oldest"
    assert page.console_errors == []


def test_a_month_range_keeps_the_results_dated_within_it_and_says_so(page, site):
    open_search(page, site, "S-400")
    page.wait_for_selector(".search-dates .histogram a", state="attached")
    months = page.locator(".histogram a").evaluate_all("(as) => as.map((a) => a.dataset.month)")
    counts = [int(n) for n in page.locator(".histogram .n").all_inner_texts()]
    undated = page.locator(".undated-count").inner_text()
    assert sum(counts) + (int(undated.split(": ")[1]) if ":" in undated else 0) == 5
    month = months[counts.index(max(counts))]
    page.locator(f'.histogram a[data-month="{month}"]').click()
    page.wait_for_url(f"**from={month}&to={month}")
    page.wait_for_selector(RENDERED, state="attached")
    assert result_dates(page) and all(d.startswith(month) for d in result_dates(page))
    assert "Dated from" in page.locator(".search-status").inner_text()
    open_search(page, site, "S-400", **{"from": "1990-01", "to": "1990-12"})
    assert titles(page) == []
    assert page.console_errors == []


def test_the_results_download_as_csv_and_as_json(page, site):
    open_search(page, site, "S-400", sort="newest")
    with page.expect_download() as download:
        page.locator('.search-export button[data-format="csv"]').click()
    rows = download.value.path().read_text(encoding="utf-8").splitlines()
    assert rows[0] == "rank,title,outlet,byline,date,date_shown,date_inferred,topics,url,score"
    assert len(rows) == 6
    assert [row.split(",")[0] for row in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert all(f"{site}/articles/" in row for row in rows[1:])
    with page.expect_download() as download:
        page.locator('.search-export button[data-format="json"]').click()
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert data["query"]["q"] == "S-400" and data["query"]["sort"] == "newest"
    assert [r["title"] for r in data["results"]] == titles(page)
    assert page.console_errors == []


def test_entity_and_topic_pages_link_to_the_search_filtered_on_them(page, site):
    page.goto(f"{site}/topics/")
    page.locator("main a", has_text="S-400").first.click()
    articles = int(page.locator(".count").inner_text().split()[0])
    page.locator("a.search-within").click()
    page.wait_for_selector(RENDERED, state="attached")
    assert len(titles(page)) == articles
    assert page.locator(".chip").inner_text().startswith("Topic: S-400")
    page.goto(f"{site}/tags/")
    page.locator("main a", has_text="Lockheed Martin").first.click()
    coverage = page.locator("dd", has_text="article").first.inner_text()
    page.locator("a.search-within").click()
    page.wait_for_selector(RENDERED, state="attached")
    assert f"{len(titles(page))} article" in coverage
    assert page.locator(".chip").inner_text().startswith("Entities: Lockheed Martin")
    assert page.console_errors == []


def test_a_word_that_finds_nothing_gets_the_nearest_terms_of_the_index(page, site):
    open_search(page, site, "erdgan")
    assert titles(page) == []
    suggestion = page.locator(".search-suggest a").first
    assert suggestion.inner_text() == "erdogan"
    suggestion.click()
    page.wait_for_url("**?q=erdogan")
    page.wait_for_selector(RENDERED, state="attached")
    assert set(titles(page)) == found(page, site, "Erdogan") != set()
    assert page.console_errors == []


def test_each_result_shows_up_to_three_passages_each_linking_to_its_paragraph(page, site):
    open_search(page, site, "Chemezov Rostec")
    first = page.locator(".result").first
    snippets = first.locator(".snippet")
    assert 1 <= snippets.count() <= 3
    assert all("Chemezov" in text or "Rostec" in text for text in snippets.all_inner_texts())
    link = first.locator(".passage-link").first
    anchor = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    page.wait_for_url(f"**/articles/**#{anchor}")
    paragraph = page.locator(f"#{anchor}").inner_text()
    assert "Chemezov" in paragraph or "Rostec" in paragraph
    assert page.console_errors == []


def test_a_word_only_late_in_a_long_article_gets_its_passage_from_there(page, site, search_site):
    """A card holds an article's first paragraphs; "consortium" stands only in a later one
    of the Despardes article, so its passage comes from the rest, fetched for it alone."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_search(page, site, "consortium")
    page.wait_for_selector("#search-app[data-complete]", state="attached")
    result = page.locator(".result").filter(has_text="discuss joint production")
    snippet = result.locator(".snippet").first
    assert "consortium" in snippet.inner_text().lower()
    anchor = snippet.locator(".passage-link").get_attribute("href").rsplit("#p", 1)[1]
    cards = [
        json.loads(path.read_text())
        for path in (search_site / SUBPATH).glob("search/cards/*[0-9].json")
    ]
    (card,) = [card for card in cards if "discuss-joint-production" in card["ref"]]
    assert card["rest"] and int(anchor) > len(card["paragraphs"])
    assert sum("-rest.json" in url for url in requests) == 1
    requests.clear()
    open_search(page, site, "S-400")
    page.wait_for_selector("#search-app[data-complete]", state="attached")
    assert not any("-rest.json" in url for url in requests)  # the leads hold "S-400"
    assert page.console_errors == []


def test_accents_are_folded_on_both_sides(page, site):
    assert found(page, site, "Erdoğan") == found(page, site, "erdogan") != set()
    assert found(page, site, "ERDOĞAN") == found(page, site, "Erdogan")


def test_markup_from_articles_is_shown_as_text_and_never_runs(page, site):
    open_search(page, site, "clerk minutes")
    title = titles(page)[0]
    assert title == 'Council row over <img src=x onerror="window.__xss=1"> in the minutes'
    assert "<script>" in page.locator(".snippet").first.inner_text() or "img src" in title
    assert page.locator(".search-results img, .search-results script").count() == 0
    assert page.evaluate("window.__xss") is None
    assert page.console_errors == []


def test_without_javascript_the_search_page_says_so_and_links_elsewhere(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/search/?q=S-400")
    notice = page.locator("noscript").inner_text()
    assert "needs JavaScript" in notice
    hrefs = [link.get_attribute("href") for link in page.locator("noscript a").all()]
    paths = ("topics/", "tags/", "timeline/", "archives/")
    assert hrefs == [f"/{SUBPATH}/{path}" for path in paths]
    assert page.locator(".search-layout").is_hidden()
    context.close()


# --- the split index against the single-file index ----------------------------------------

QUERIES = [
    "S-400",
    "s-400s",
    "S-500",
    "400",
    "F-35",
    "f-35a",
    "Erdogan",
    "erdogan's",
    "recep tayyip erdogan",
    "turkey russia",
    "+turkey +s-500",
    "+s-400 -f-35",
    "-nato",
    "missile defence system",
    "well-known ministry",
    "title:turkey",
    "entities:nato body:ankara",
    "turkey^10 russia",
    "def*",
    "s-4*",
    "*ence",
    "erdgan~1",
    "rrdogan~1",
    "rdogan~1",
    "nerdogan~1",
    "reddogan~1",
    "prodution~2",
    "joint production",
    "nothingmatchesthis",
]


@pytest.fixture(scope="module")
def engine_site(tmp_path_factory) -> tuple[Path, list[str]]:
    """80 generated articles cut into many small pieces, with the full index beside them."""
    root = tmp_path_factory.mktemp("engine")
    site = root / SUBPATH
    documents = generated_documents(80)
    for name, content in search_files(documents, piece_bytes=1200, full_index=True).items():
        path = site / "search" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    shutil.copyfile(ROOT / "node_modules/lunr/lunr.min.js", site / "search/lunr.min.js")
    for name, content in search_scripts(ROOT / "theme").items():
        (site / "js" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "js" / name).write_bytes(content)
    main = next(name for name in search_scripts(ROOT / "theme") if name.endswith("/main.js"))
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><title>engine</title><link rel="icon" href="data:,">'
        f'<script type="module" src="js/{main}" '
        f'data-search-base="/{SUBPATH}/search/" data-lunr-version="t" '
        f'data-site-root="/{SUBPATH}/"></script></html>',
        encoding="utf-8",
    )
    return root, [d.ref for d in documents]


COMPARE = """async (queries) => {
  const engine = await window.newsSearch.prepare();
  const response = await fetch("search/full-index.json");
  const full = lunr.Index.load(await response.json());
  const out = [];
  for (const q of queries) {
    const split = await engine.lunrSearch(q);
    out.push({
      q,
      split: split.results.map((r) => [r.doc, r.score]),
      full: full.search(q).map((r) => [r.ref, r.score]),
    });
  }
  return {out, pieces: engine.manifest.pieceCount, loaded: engine.pieces.size};
}"""


def test_split_index_gives_the_full_index_results_and_scores(page, engine_site):
    root, refs = engine_site
    number = {ref: n for n, ref in enumerate(refs)}
    report = on_engine(page, root, COMPARE, QUERIES)
    assert report["pieces"] > 20
    found = 0
    for row in report["out"]:
        full = sorted(([number[ref], score] for ref, score in row["full"]), key=rank)
        assert row["split"] == full, row["q"]
        found += bool(full)
    assert found >= len(QUERIES) - 3
    assert page.console_errors == []


def rank(result: list) -> tuple:
    return (-result[1], result[0])


def on_engine(page, root: Path, script: str, arg=None):
    """Serve the engine site, open its page and evaluate ``script`` there."""
    for host in serve(root):
        page.goto(f"{host}/{SUBPATH}/")
        result = page.evaluate(script, arg)
    return result


def test_an_exact_query_fetches_only_its_own_pieces(page, engine_site):
    root, _ = engine_site
    pieces: list[str] = []
    page.on("request", lambda r: "/pieces/" in r.url and pieces.append(r.url))
    total = on_engine(
        page,
        root,
        "async () => { const e = await newsSearch.prepare(); await e.search('S-400 NATO');"
        " return e.manifest.pieceCount; }",
    )
    assert 1 <= len(pieces) <= 2 < total


def test_terms_are_the_same_in_python_and_in_the_browser(page, engine_site):
    root, _ = engine_site
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in CORPUS.glob("*.txt")]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in FIXTURES.rglob("*.txt")]
    words = sorted({w for text in texts for w in text.split()})
    words += ["S‑400", "F-35A’s", "Москва's", "تركيا", "🚀x", "x🚀", "İstanbul", "ǅemal"]
    words += ["Erdoğan", "TÜRKİYE", "Łódź", "Straße", "Ærøskøbing", "がっこう", "Œuvre", "ḍ"]
    browser_terms = on_engine(
        page,
        root,
        """async (words) => {
          await newsSearch.prepare();
          return words.map((w) => newsSearch.splitTerm(w).map(
            (t) => [t, lunr.stemmer(new lunr.Token(t)).toString()]));
        }""",
        words,
    )
    python_terms = [[[t, stem(t)] for t in split_term(w)] for w in words]
    mismatches = [
        (w, p, b) for w, p, b in zip(words, python_terms, browser_terms, strict=True) if p != b
    ]
    assert mismatches == []
    assert len(words) > 1500
    assert json.dumps(python_terms)


def test_facet_key_hashes_are_the_same_in_python_and_in_the_browser(page, engine_site):
    from newscorpus.search.index import facet_key_hash

    root, _ = engine_site
    keys = [
        ["entity", "recep-tayyip-erdogan"],
        ["outlet", "dw"],
        ["entity", "é-ü-ğ"],
        ["year", "🚀"],
    ]
    browser = on_engine(
        page,
        root,
        "async (keys) => keys.map(([n, k]) => newsSearch.facetKeyHash(n, k))",
        keys,
    )
    assert browser == [facet_key_hash(name, key) for name, key in keys]


def test_a_fuzzy_query_fetches_small_term_buckets_not_the_term_list(page, engine_site):
    root, _ = engine_site
    fetched: list[str] = []
    page.on("request", lambda r: "/search/terms" in r.url and fetched.append(r.url))
    count = on_engine(
        page,
        root,
        "async () => (await (await newsSearch.prepare()).search('rrdogan~1')).results.length",
    )
    assert count > 0
    assert fetched and all("/search/terms/" in url for url in fetched)
    assert len(fetched) <= 7


def test_a_failed_download_shows_an_error_state_not_a_blank_page(page, site):
    page.route("**/search/pieces/**", lambda route: route.abort())
    open_search(page, site, "S-400")
    status = page.locator(".search-status")
    assert status.inner_text().startswith("Search could not load")
    assert "error" in status.get_attribute("class")
    assert titles(page) == []


@pytest.fixture(scope="module")
def sections_site(tmp_path_factory):
    """The seeds filed in two sections (sub-folders of the corpus) and one at its root."""
    corpus = tmp_path_factory.mktemp("sections-corpus")
    seeds = sorted(CORPUS.glob("*.txt"))
    for n, path in enumerate(seeds):
        folder = corpus / ("defence" if n < 3 else "politics") if n < 4 else corpus
        folder.mkdir(exist_ok=True)
        shutil.copyfile(path, folder / path.name)
    root = tmp_path_factory.mktemp("sections-root")
    build_site(corpus, root / SUBPATH, extra=(f'SITEURL="/{SUBPATH}"',))
    for host in serve(root):
        yield f"{host}/{SUBPATH}"


def test_the_section_facet_counts_and_filters_by_the_corpus_folder(page, sections_site):
    open_search(page, sections_site, "Turkey")
    assert len(titles(page)) == 5
    shown = facet(page, "Section")
    assert "defence (3)" in shown and "politics (1)" in shown
    page.locator(".search-facets a", has_text="politics").click()
    page.wait_for_url("**&section=politics")
    page.wait_for_selector(RENDERED, state="attached")
    assert len(titles(page)) == 1
    assert page.console_errors == []


def test_a_longer_word_two_edits_from_a_term_gets_it_suggested(page, site):
    # "erdigen": no term is one edit from it; "erdogan" is two (two letters changed).
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_search(page, site, "erdigen")
    assert titles(page) == []
    suggestion = page.locator(".search-suggest a").first
    assert suggestion.inner_text() == "erdogan"
    # From the buckets of its first letter, not the whole list of terms.
    assert any("/search/terms/f7-e.json" in url for url in fetched)
    assert not any(url.split("?")[0].endswith("/search/terms.json") for url in fetched)
    assert page.console_errors == []


def test_a_short_word_two_edits_from_every_term_gets_no_suggestion(page, site):
    open_search(page, site, "qxzv")
    assert titles(page) == []
    assert page.locator(".search-suggest a").count() == 0
    assert page.console_errors == []
