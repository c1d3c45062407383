"""A cold first query on a corpus of thousands of articles stays within its byte budget.

The search page, its scripts and styles are the seeds' build; its index is replaced by one
of 3,000 generated short articles with realistic spreads of names, outlets, sections,
topics and dates, so that broad queries match most of the corpus. Each query runs in a
fresh browser (empty cache), and everything it fetches after the page has loaded (the
manifest, pieces, positions, cards, facet blocks and labels) is weighed gzipped, as a
static host such as GitHub Pages sends it.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import itertools
import random
import shutil
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import pytest
from conftest import seed_sentences, serve
from news_explorer.site_search import facets
from newscorpus.search.documents import FacetValue, SearchDocument
from newscorpus.search.index import search_files

pytestmark = pytest.mark.browser

BUDGET = 50_000  # bytes, gzipped, after the page has loaded
ARTICLES = 3000
TYPES = ("PERSON", "ORG", "PLACE", "WEAPON")


def zipf_choice(rng: random.Random, pool: list, exponent: float = 1.1):
    """A pool item, the first ones far more often than the last (as names and words are)."""
    return rng.choices(pool, cum_weights=cumulative(len(pool), exponent))[0]


@functools.cache
def cumulative(size: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(size)))


SYLLABLES = ["ka", "lo", "mi", "ren", "tus", "vo", "zel", "dra", "pe", "sor", "ni", "bu",
             "gar", "fe", "hol", "ix"]  # fmt: skip


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def generated_corpus(count: int = ARTICLES, seed: int = 3) -> list[SearchDocument]:
    """Short articles of the seeds' sentences and made-up words, with facet values."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    vocabulary = sorted({pseudo_word(rng) for _ in range(20_000)})
    rng.shuffle(vocabulary)
    # As in the BBC corpus: a few names in many articles, more in a handful, most in one
    # or two (per article about 3, 4 and 3 of each).
    names = [(f"Name {n} {pseudo_word(rng).title()}", TYPES[n % 4]) for n in range(7500)]
    head, middle, tail = names[:150], names[150:1500], names[1500:]
    outlets = [f"Outlet {n}" for n in range(40)]
    sections = ["politics", "business", "world", "defence", "tech", "culture"]
    topics = ["S-400", "S-500", "F-35"]
    start = dt.date(2017, 1, 1)
    documents = []
    for n in range(count):
        # A seed sentence and a sentence of made-up words (a large vocabulary, some words
        # far more common than others) per paragraph.
        paragraphs = [
            f"{rng.choice(sentences)}. "
            + " ".join(zipf_choice(rng, vocabulary, 1.0) for _ in range(rng.randint(12, 24)))
            + "."
            for _ in range(4)
        ]
        named = {zipf_choice(rng, head, 0.8) for _ in range(rng.randint(2, 4))}
        named |= set(rng.sample(middle, rng.randint(3, 5))) | set(
            rng.sample(tail, rng.randint(2, 4))
        )
        named = sorted(named)
        outlet = zipf_choice(rng, outlets)
        section = rng.choice(sections)
        chosen = [t for t in topics if rng.random() < 0.1]
        date = (
            "" if rng.random() < 0.05 else (start + dt.timedelta(rng.randrange(1095))).isoformat()
        )
        title = rng.choice(sentences)[:80]
        documents.append(
            SearchDocument(
                ref=f"article-{n:04d}",
                title=title,
                entities=tuple(name for name, _ in named),
                body="\n\n".join(paragraphs),
                published=date,
                card={
                    "url": f"articles/article-{n:04d}/",
                    "title": title,
                    "outlet": outlet,
                    "byline": [],
                    "date": date or "Undated",
                    "iso": date,
                    "inferred": False,
                    "topics": chosen,
                    "paragraphs": paragraphs,
                },
                facets={
                    "topic": tuple(FacetValue(t.lower(), t) for t in chosen),
                    "outlet": (FacetValue(outlet.lower().replace(" ", "-"), outlet),),
                    "section": (FacetValue(section, section),),
                    "year": (FacetValue(date[:4] or "undated", date[:4] or "Undated"),),
                    "entity": tuple(
                        FacetValue(name.lower().replace(" ", "-"), name, kind)
                        for name, kind in named
                    ),
                },
            )
        )
    return documents


@pytest.fixture(scope="module")
def large_site(seed_site, tmp_path_factory) -> Path:
    """The seeds' site with the search index of the generated corpus in its place."""
    root = tmp_path_factory.mktemp("large-search")
    shutil.copytree(seed_site, root, dirs_exist_ok=True)
    search = root / "search"
    for path in search.iterdir():  # the index's files go; the page and its scripts stay
        if path.is_dir() and not path.name.startswith("js-"):
            shutil.rmtree(path)
        elif path.suffix == ".json":
            path.unlink()
    for name, content in search_files(generated_corpus(), facets({})).items():
        path = search / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


FETCHED = """() => {
  const loaded = performance.getEntriesByType("navigation")[0].loadEventEnd;
  return performance.getEntriesByType("resource")
    .filter((r) => r.startTime >= loaded)
    .map((r) => r.name);
}"""


def gzipped(root: Path, url: str) -> int:
    path = root / unquote(urlparse(url).path).lstrip("/")
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


@pytest.mark.parametrize(
    "query",
    ["Turkey", "Russia Turkey", '"joint production"', "S-400 -Putin", "missile", "Erdogan"],
)
def test_a_cold_first_query_on_thousands_of_articles_stays_within_50_kb(browser, large_site, query):
    context = browser.new_context()
    page = context.new_page()
    for host in serve(large_site):
        page.goto(f"{host}/search/")
        page.wait_for_load_state("load")
        page.fill("#search-q", query)
        page.press("#search-q", "Enter")
        page.wait_for_selector("#search-app[data-complete]", state="attached", timeout=60_000)
        status = page.locator(".search-status").inner_text()
        headings = page.locator(".search-facets h2").all_inner_texts()
        fetched = page.evaluate(FETCHED)
    context.close()
    assert "articles" in status and "No articles" not in status, status
    assert {"Dates", "Outlet", "Year"} <= set(headings), headings
    by_kind: dict[str, int] = {}
    for url in fetched:
        kind = urlparse(url).path.split("/search/", 1)[-1].rsplit("/", 1)[0]
        by_kind[kind] = by_kind.get(kind, 0) + gzipped(large_site, url)
    assert sum(by_kind.values()) <= BUDGET, f"{query}: {by_kind}"


def facets_of(browser, site: Path, query: str) -> tuple[str, list[str]]:
    """The facet panel's text and its value lines, after a query in a fresh browser."""
    context = browser.new_context()
    page = context.new_page()
    for host in serve(site):
        page.goto(f"{host}/search/?q={quote(query)}")
        page.wait_for_selector("#search-app[data-complete]", state="attached", timeout=60_000)
        text = page.locator(".search-facets").inner_text()
        lines = page.locator(".search-facets .facet-values li").all_inner_texts()
    context.close()
    return text, lines


def test_a_query_matching_most_articles_has_its_counts_estimated_and_says_so(browser, large_site):
    text, lines = facets_of(browser, large_site, "Turkey")
    assert "estimated from" in text and "choose one for its exact number" in text
    # Years come from the dates, which every query has whole: never estimated.
    years = [line for line in lines if line.startswith("201")]
    assert years and all("≈" not in line for line in years)
    assert any("≈" in line for line in lines)


def test_a_narrow_query_counts_its_rarest_names_exactly(browser, large_site):
    documents = generated_corpus()
    holders: dict[str, list[SearchDocument]] = {}
    for document in documents:
        for value in document.facets["entity"]:
            holders.setdefault(value.label, []).append(document)
    # A name of the long tail that two articles share (in the last tier of the facets).
    name = next(
        label for label, docs in holders.items() if len(docs) == 2 and int(label.split()[1]) >= 1500
    )
    text, lines = facets_of(browser, large_site, f'"{name}"')
    assert "estimated" not in text and "or more articles" not in text
    assert f"{name} (2)" in lines
