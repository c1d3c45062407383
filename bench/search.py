"""Benchmark of search: index size, what a cold first query downloads, query time, JS heap,
and whether AND and phrase queries find what a scan of the article texts finds.

Builds the site for a corpus (default: the five seeds, the BBC corpus, and the BBC corpus
doubled) with the single-file index written beside the split one, serves it on 127.0.0.1
and drives headless Chromium (Debian's, as in the tests) through 20 typical queries:

- index bytes on disk, raw and gzipped (GitHub Pages serves gzip), by kind of file;
- for each query in a fresh browser (empty cache, 40 ms emulated round trips), typed into
  the search page: the bytes (gzipped) and requests after the page has loaded until the
  results show, and how many sequential rounds of requests that took; the bytes until
  everything the query shows is there (facets and dates too), by kind of file; median
  and max. The scripts the search page loads itself are printed apart: a visitor's very
  first query pays them too ("first visit");
- query time once the pieces are loaded (assembling the small index + lunr's search): the
  median of 10 runs of each query, then p50 and p95 over the queries; the same for our
  query language (``search``) and for lunr on the single-file index;
- peak JS heap with the split index after all queries, and with the single-file index;
- whether every query gives the same results and scores as the single-file index;
- whether about ten AND queries and ten phrase queries give the same articles as a
  brute-force scan of the article texts (:func:`scanned`), tokenized as the index is.

The doubled corpus is every ``.txt`` file twice: as it is, and under ``again/`` with its
paragraphs after the headline in reverse order. A plain copy would not double anything:
the site shows an article whose cleaned text equals another's once, and search leaves
such copies out. Reordered, each copy is a distinct article with the same words, so the
index holds twice the documents with every term's postings doubled.

Targets at BBC scale (2,225 articles) and doubled (4,450): everything a cold first query
downloads after the page <= 50 KB gzipped (median and max) in <= 3 sequential rounds of
requests, p95 <= 10 ms per query once loaded, results identical to the single-file index
for every query, and AND and phrase results identical to the brute-force scan.

    .venv/bin/python bench/search.py [--corpus DIR ...] [--double DIR ...] [--site DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from newscorpus.search.documents import index_terms

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]  # fmt: skip
SUBPATH = "site"
SEARCH = "search"  # the search folder, under the site
AGAIN = "again"  # the top folder of a doubled corpus's reordered copies
COLD_BYTES_TARGET = 50_000
ROUNDS_TARGET = 3
QUERY_MS_TARGET = 10.0
REPEATS = 11
LATENCY_MS = 40  # emulated round trip for the cold queries
KINDS = ("script", "manifest", "directory", "pieces", "positions", "terms", "cards", "facets",
         "other")  # fmt: skip
# The indexed fields (NEWS_SEARCH_FIELDS) and how the scan gets each one's text.
FIELDS = ("title", "entities", "body")
SHOWN_DIFFERENCES = 3

QUERIES = {
    "corpus": [
        "S-400", "S-500", "F-35", "Erdogan", "Putin", "joint production", "missile defence",
        "Turkey Russia", "NATO", "Lockheed Martin", "sanctions", "Chemezov", "+S-400 -F-35",
        "title:erdogan", "defen*", "erdgan~1", "delivery", "Ankara Moscow", "stealth fighter",
        "Istanbul",
    ],
    "bbc": [
        "government", "election labour", "tony blair", "mobile phone", "oil price", "chelsea",
        "music award", "iraq war", "interest rates", "broadband", "box office", "gordon brown",
        "microsoft", "champions league", "+tax -election", "econom*", "blare~1", "title:apple",
        "S-400", "world cup",
    ],
}  # fmt: skip

# Words ANDed (the default) and phrases, for the brute-force check: plain words only (a
# word that splits into two terms is one lunr clause that either term satisfies).
AND_QUERIES = {
    "corpus": [
        "S-400 Turkey", "Erdogan Putin", "joint production", "stealth fighter",
        "Lockheed Martin", "Chemezov Rostec", "missile defence", "Ankara Moscow",
        "NATO sanctions", "Anadolu agency", "Erdogan Istanbul audience",
    ],
    "bbc": [
        "tony blair", "oil price", "interest rates rise", "chelsea arsenal",
        "mobile phone sales", "gordon brown budget", "music award", "film box office",
        "iraq war", "microsoft software", "election labour tory",
    ],
}  # fmt: skip
PHRASE_QUERIES = {
    "corpus": [
        '"joint production"', '"air defence"', '"stealth fighter"', '"Lockheed Martin"',
        '"Recep Tayyip Erdogan"', '"missile defence system"', '"done deal"',
        '"absolutely no question"', '"Vladimir Putin"', '"S-400 missile"',
    ],
    "bbc": [
        '"prime minister"', '"interest rates"', '"world cup"', '"mobile phone"',
        '"chancellor gordon brown"', '"box office"', '"tony blair"', '"six nations"',
        '"general election"', '"house of commons"', '"oil prices"',
    ],
}  # fmt: skip


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection early (a context closed) is not news."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()


# --- the doubled corpus ---------------------------------------------------------------------


def reordered(data: bytes) -> bytes:
    """A file's first line (the headline) and then its paragraphs in reverse order.

    Works on bytes, so a file in any encoding keeps it; paragraphs are separated by blank
    lines (a line of only spaces counts as blank).
    """
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    headline, _, rest = data.partition(b"\n")
    paragraphs = [p.strip() for p in re.split(rb"\n[ \t\r]*\n", rest) if p.strip()]
    body = (newline * 2).join(reversed(paragraphs))
    return headline.rstrip(b"\r") + newline + newline + body + newline


def doubled(source: Path, target: Path) -> tuple[int, int]:
    """``source`` copied to ``target``, and each of its ``.txt`` files again under
    ``target/again/`` with its paragraphs reordered (:func:`reordered`): the number of
    copies, and how many of them no reordering could change (a single paragraph), which
    stay exact copies and out of the index."""
    if (source / AGAIN).exists():
        raise SystemExit(f"{source} has a folder {AGAIN}/ already: the copies would mix in")
    shutil.copytree(source, target)
    copies = unchanged = 0
    for path in sorted(source.rglob("*.txt")):
        data = path.read_bytes()
        copy = target / AGAIN / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        altered = reordered(data)
        copy.write_bytes(altered)
        copies += 1
        unchanged += altered.split() == data.split()
    return copies, unchanged


# --- building and sizes ---------------------------------------------------------------------


def build(corpus: Path, root: Path) -> str:
    """Build ``corpus`` into ``root/site`` with the single-file index too; the search log line."""
    command = [sys.executable, "-m", "pelican", str(corpus), "-o", str(root / SUBPATH),
               "-s", "pelicanconf.py", "--verbose",
               "-e", f'SITEURL="/{SUBPATH}"', "NEWS_SEARCH_FULL_INDEX=true"]  # fmt: skip
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    found = re.search(r"search index of .*?\)", result.stdout + result.stderr, re.S)
    line = " ".join(found.group(0).split()) if found else "?"
    return f"{line}; whole build {time.perf_counter() - started:.1f} s"


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def kind_of(path: str) -> str:
    """The kind of a file of the site, by its path relative to the site (its folder in the
    search folder; scripts by their extension)."""
    if path.endswith(".js"):
        return "script"
    parts = path.split("/")
    if parts[0] != SEARCH or len(parts) < 2:
        return "other"
    if parts[1:] == ["manifest.json"]:
        return "manifest"
    if parts[1:] == ["terms.json"]:
        return "terms"
    folder = parts[1] if len(parts) > 2 else ""
    kinds = {"directory", "pieces", "positions", "terms", "cards", "facets"}
    return folder if folder in kinds else "other"


def index_sizes(search: Path) -> None:
    kinds = {
        "pieces": sorted((search / "pieces").glob("*.json")),
        "cards": sorted((search / "cards").glob("*.json")),
        "manifest": [search / "manifest.json"],
        "directory": sorted((search / "directory").glob("*.json")),
        "terms": [search / "terms.json", *sorted((search / "terms").glob("*.json"))],
        "facets": sorted((search / "facets").rglob("*.json")),
        "positions": sorted((search / "positions").glob("*.json")),
        "single-file index": [search / "full-index.json"],
    }
    print("  index files (raw / gzipped):")
    for kind, files in kinds.items():
        files = [f for f in files if f.is_file()]
        raw = sum(f.stat().st_size for f in files)
        packed = sum(gz(f) for f in files)
        extra = ""
        if kind == "pieces" and files:
            sizes = [gz(f) for f in files]
            extra = f"  (median {statistics.median(sizes) / 1e3:.1f} KB,"
            extra += f" max {max(sizes) / 1e3:.1f} KB gz)"
        count = f"{len(files)} files"
        print(f"    {kind:<18} {raw / 1e6:8.2f} MB / {packed / 1e6:6.2f} MB  {count:>12}{extra}")


# --- cold first queries ---------------------------------------------------------------------


def rounds(events: list[tuple[str, float, float]]) -> int:
    """Sequential rounds of requests.

    Requests for the same kind of file (pieces, cards, ...) are issued together and count
    as one node; a node is one round after the latest node that ended before it began.
    """
    nodes: dict[str, list[float]] = {}
    for url, start, end in events:
        path = urlparse(url).path
        kind = path.rsplit("/", 2)[-2] if path.count("/") > 2 else path
        kind = kind if kind in {"directory", "pieces", "cards"} else path
        node = nodes.setdefault(kind, [start, end])
        node[0], node[1] = min(node[0], start), max(node[1], end)
    depth: dict[str, int] = {}
    for kind, (start, _) in sorted(nodes.items(), key=lambda item: item[1][0]):
        before = [depth[k] for k, (_, end) in nodes.items() if k in depth and end <= start]
        depth[kind] = 1 + max(before, default=0)
    return max(depth.values(), default=0)


# Every resource of the page with its times, the end of the page's load, and the marks the
# search page sets when results show and when everything (facets, dates) is there.
RESOURCES = """() => {
  const mark = (name) => performance.getEntriesByName(name).pop().startTime;
  return {
    loaded: performance.getEntriesByType("navigation")[0].loadEventEnd,
    shown: mark("search-results"),
    typed: mark("typed"),
    complete: mark("search-complete"),
    resources: performance.getEntriesByType("resource")
      .map((r) => [r.name, r.startTime, r.responseEnd]),
  };
}"""


@dataclass(frozen=True, slots=True)
class Cold:
    """What one cold first query downloaded (gzipped bytes)."""

    shown: int  # after the page's load until the results show
    shown_requests: int
    rounds: int  # of requests after the query is sent (lunr.js and the manifest are loaded)
    everything: dict[str, int]  # by kind, after the page's load until everything is there
    everything_requests: int
    page_scripts: dict[str, int]  # the scripts loaded with the page, by file name
    query_scripts: dict[str, int] = field(default_factory=dict)  # scripts fetched after it

    @property
    def total(self) -> int:
        return sum(self.everything.values())

    @property
    def first_visit(self) -> int:
        return sum(self.page_scripts.values()) + self.total


def site_path(url: str) -> str:
    """A URL of the served site as a path relative to the site folder."""
    return unquote(urlparse(url).path).removeprefix(f"/{SUBPATH}/").lstrip("/")


def cold_query(browser, base: str, weigh: Callable[[str], int], query: str) -> Cold:
    """Type ``query`` into the search page in a fresh browser context and weigh what it
    fetched: until the results show, and until everything the query shows is there."""
    context = browser.new_context()
    # The default buffer of 250 entries could drop the last requests of a large query.
    context.add_init_script("performance.setResourceTimingBufferSize(100000)")
    page = context.new_page()
    # Real round trips, so that requests issued together overlap and rounds show.
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": LATENCY_MS, "downloadThroughput": -1,
         "uploadThroughput": -1},
    )  # fmt: skip
    page.goto(f"{base}/{SEARCH}/")
    page.wait_for_load_state("load")
    # Focusing the box loads lunr.js and the manifest while a person types: their bytes
    # count, but not as rounds after the query is sent (typing takes longer than a round).
    page.focus("#search-q")
    page.evaluate("async () => { await window.newsSearch.prepare(); performance.mark('typed'); }")
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_selector("#search-app[data-complete]", state="attached", timeout=60_000)
    found = page.evaluate(RESOURCES)
    context.close()
    loaded, resources = found["loaded"], found["resources"]
    after = [r for r in resources if r[1] >= loaded]
    done = sorted((r for r in after if r[2] <= found["shown"]), key=lambda r: r[1])
    sent = [r for r in done if r[1] >= found["typed"]]
    complete = [r for r in after if r[2] <= found["complete"]]
    everything = dict.fromkeys(KINDS, 0)
    for url, _, _ in complete:
        everything[kind_of(site_path(url))] += weigh(site_path(url))

    def scripts(entries: list) -> dict[str, int]:
        paths = [site_path(url) for url, _, _ in entries]
        return {path.rsplit("/", 1)[-1]: weigh(path) for path in paths if path.endswith(".js")}

    return Cold(
        shown=sum(weigh(site_path(url)) for url, _, _ in done),
        shown_requests=len(done),
        rounds=rounds(sent),
        everything=everything,
        everything_requests=len(complete),
        page_scripts=scripts([r for r in resources if r[1] < loaded]),
        query_scripts=scripts(complete),
    )


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER"


def kb(size: float) -> str:
    return f"{size / 1e3:.1f} KB"


def report_cold(queries: list[str], cold: list[Cold]) -> None:
    shown = [c.shown for c in cold]
    print(
        f"  cold first query, until results show: median {kb(statistics.median(shown))},"
        f" max {kb(max(shown))} gzipped; requests median"
        f" {statistics.median(c.shown_requests for c in cold):.0f},"
        f" max {max(c.shown_requests for c in cold)}; sequential rounds max"
        f" {max(c.rounds for c in cold)} (target <= {ROUNDS_TARGET}:"
        f" {verdict(max(c.rounds for c in cold), ROUNDS_TARGET)})"
    )
    whole = [c.total for c in cold]
    median, most = statistics.median(whole), max(whole)
    print(
        f"  everything a cold first query downloads after the page (facets and dates too):"
        f" median {kb(median)}, max {kb(most)} gzipped; requests median"
        f" {statistics.median(c.everything_requests for c in cold):.0f},"
        f" max {max(c.everything_requests for c in cold)}"
    )
    print(
        f"    target <= {kb(COLD_BYTES_TARGET)}: median {verdict(median, COLD_BYTES_TARGET)},"
        f" max {verdict(most, COLD_BYTES_TARGET)}"
    )
    by_kind = {kind: statistics.median(c.everything[kind] for c in cold) for kind in KINDS}
    print("    median by kind: " + ", ".join(f"{k} {kb(v)}" for k, v in by_kind.items()))
    page = cold[0].page_scripts
    named = ", ".join(f"{name} {kb(size)}" for name, size in page.items()) or "none"
    print(f"  scripts loaded with the page (gzipped): {named}; total {kb(sum(page.values()))}")
    fetched = {name: size for c in cold for name, size in c.query_scripts.items()}
    if fetched:
        named = ", ".join(f"{name} {kb(size)}" for name, size in fetched.items())
        print(f"  scripts the first query fetches (in 'script' above): {named}")
    visits = [c.first_visit for c in cold]
    print(
        f"  first visit, scripts + everything: median {kb(statistics.median(visits))},"
        f" max {kb(max(visits))} gzipped"
    )
    for query, c in zip(queries, cold, strict=True):
        kinds = ", ".join(f"{k} {v / 1e3:.1f}" for k, v in c.everything.items() if v)
        print(
            f"    {query!r:<22} shown {kb(c.shown):>8} {c.shown_requests:3d} req {c.rounds} rounds"
            f" | everything {kb(c.total):>8} {c.everything_requests:3d} req ({kinds} KB)"
        )


# --- query time and the single-file index ---------------------------------------------------

TIMING = """async ([queries, repeats]) => {
  const engine = await window.newsSearch.prepare();
  const median = (runs) => runs.sort((a, b) => a - b)[runs.length >> 1];
  const times = [];
  const searchTimes = [];
  const results = {};
  for (const q of queries) {
    const runs = [];
    const searchRuns = [];
    for (let i = 0; i < repeats; i += 1) {
      const found = await engine.lunrSearch(q);
      if (i > 0) runs.push(found.queryMs);
      results[q] = found.results.map((r) => [r.doc, r.score]);
      const answer = await engine.search(q);
      if (i > 0) searchRuns.push(answer.queryMs);
    }
    times.push(median(runs));
    searchTimes.push(median(searchRuns));
  }
  return {times, searchTimes, results};
}"""

FULL = """async ([queries, repeats]) => {
  await window.newsSearch.prepare();
  const started = performance.now();
  const index = lunr.Index.load(await (await fetch("../search/full-index.json")).json());
  const loadMs = performance.now() - started;
  const times = [];
  const results = {};
  for (const q of queries) {
    const runs = [];
    for (let i = 0; i < repeats; i += 1) {
      const t = performance.now();
      results[q] = index.search(q).map((r) => [r.ref, r.score]);
      if (i > 0) runs.push(performance.now() - t);
    }
    times.push(runs.sort((a, b) => a - b)[runs.length >> 1]);
  }
  return {times, results, loadMs};
}"""

# Our query language's answer (what the search page shows) to each query.
ANSWERS = """async (queries) => {
  const engine = await window.newsSearch.prepare();
  const answers = {};
  for (const q of queries) {
    const found = await engine.search(q);
    answers[q] = {docs: found.results.map((r) => r.doc), anyWord: Boolean(found.anyWord)};
  }
  return answers;
}"""


def heap(page) -> float:
    """JS heap in use, MB, after a garbage collection."""
    session = page.context.new_cdp_session(page)
    session.send("HeapProfiler.collectGarbage")
    session.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    return metrics["JSHeapUsedSize"] / 1e6


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report_times(split: dict, full: dict, split_heap: float, full_heap: float) -> None:
    for label, times in (("lunr (split)", split["times"]), ("search()", split["searchTimes"])):
        p95 = percentile(times, 95)
        print(
            f"  query time once loaded, {label}: p50 {percentile(times, 50):.2f} ms,"
            f" p95 {p95:.2f} ms (target <= {QUERY_MS_TARGET} ms: {verdict(p95, QUERY_MS_TARGET)})"
        )
    print(
        f"  query time, single-file index: p50 {percentile(full['times'], 50):.2f} ms,"
        f" p95 {percentile(full['times'], 95):.2f} ms; loading it {full['loadMs']:.0f} ms"
    )
    print(f"  JS heap after all queries: split {split_heap:.1f} MB, single-file {full_heap:.1f} MB")


def report_single_file(queries: list[str], split: dict, full: dict, refs: list[str]) -> None:
    number = {ref: n for n, ref in enumerate(refs)}
    same = 0
    for query in queries:
        expected = sorted(
            ([number[ref], score] for ref, score in full["results"][query]),
            key=lambda r: (-r[1], r[0]),
        )
        got = split["results"][query]
        if got == expected:
            same += 1
        else:
            print(f"    DIFFERENT: {query!r}: {len(got)} vs {len(expected)} results")
    hits = sum(bool(split["results"][q]) for q in queries)
    print(
        f"  identical to the single-file index: {same}/{len(queries)} queries ({hits} with results)"
    )


# --- the brute-force scan -------------------------------------------------------------------

# Per document, per field: each term and the positions where it occurs (counting terms only).
Scanned = list[dict[str, dict[str, set[int]]]]


def terms_of(text: str) -> list[str]:
    """The terms of a text in order, as the index makes them."""
    return [term.lower() for term in index_terms(text)]


def article_entities(site: Path) -> dict[str, list[str]] | None:
    """Each article's entity names, in the order the index joins them, by slug: from the
    articles export (``data/articles.json``, ``.gz`` in a compact site), which lists the
    same names as the search document's ``entities`` field. None without the export."""
    for name in ("articles.json.gz", "articles.json"):
        path = site / "data" / name
        if path.is_file():
            data = path.read_bytes()
            rows = json.loads(gzip.decompress(data) if name.endswith(".gz") else data)
            return {row["slug"]: [e["name"] for e in row["entities"]] for row in rows}
    return None


def whole_card(search: Path, n: int) -> dict:
    """Card ``n`` with every paragraph of its article (a long one's rest from its own file)."""
    card = json.loads((search / "cards" / f"{n}.json").read_text())
    if card.get("rest"):
        rest = json.loads((search / "cards" / f"{n}-rest.json").read_text())
        card["paragraphs"] = [*card["paragraphs"], *rest]
    return card


def field_texts(cards: list[dict], entities: dict[str, list[str]]) -> list[dict[str, str]]:
    """Each document's indexed field texts: the card's title; its entity names joined by
    spaces; its paragraphs joined by blank lines, which is the cleaned text the index
    reads (its blocks, joined so)."""
    return [
        {
            "title": card.get("title", ""),
            "entities": " ".join(entities.get(card["ref"], ())),
            "body": "\n\n".join(card.get("paragraphs", ())),
        }
        for card in cards
    ]


def scanned(texts: list[dict[str, str]]) -> Scanned:
    """Where each term stands in each field of each document."""
    out: Scanned = []
    for fields in texts:
        found: dict[str, dict[str, set[int]]] = {}
        for name, text in fields.items():
            where: dict[str, set[int]] = defaultdict(set)
            for position, term in enumerate(terms_of(text)):
                where[term].add(position)
            found[name] = dict(where)
        out.append(found)
    return out


def query_units(query: str) -> list[tuple[bool, list[str]]]:
    """The query's units, each required: (is a phrase, its terms); units without a term
    (stop words only) are left out, as the search leaves them out."""
    units = []
    for phrase, word in re.findall(r'"([^"]*)"?|(\S+)', query):
        terms = terms_of(phrase or word)
        if terms:
            units.append((bool(phrase) and len(terms) > 1, terms))
    return units


def unit_matches(fields: dict[str, dict[str, set[int]]], phrase: bool, terms: list[str]) -> bool:
    """Every term in some field; for a phrase, the terms at consecutive positions, in
    order, within one field."""
    if not phrase:
        return all(any(term in where for where in fields.values()) for term in terms)
    for where in fields.values():
        held = [where.get(term) for term in terms]
        if all(held) and any(
            all(start + i in at for i, at in enumerate(held)) for start in held[0]
        ):
            return True
    return False


def scan(documents: Scanned, query: str) -> tuple[set[int], bool]:
    """The documents that have every unit of ``query``; when none has, those that have
    any (as the search answers, with ``anyWord``), and whether that was so."""
    units = query_units(query)
    if not units:
        return set(), False
    each = [
        {n for n, fields in enumerate(documents) if unit_matches(fields, phrase, terms)}
        for phrase, terms in units
    ]
    every = set.intersection(*each)
    if every or len(units) == 1:
        return every, False
    anywhere = set.union(*each)
    return anywhere, bool(anywhere)


def where_found(texts: dict[str, str], query: str) -> str:
    """Where a document has the query's terms: each phrase's match in context (¶ marks a
    paragraph break it spans), or the fields that hold each term."""
    notes = []
    for phrase, terms in query_units(query):
        if phrase:
            notes.append(phrase_context(texts, terms))
        else:
            held = {t: [n for n, text in texts.items() if t in terms_of(text)] for t in terms}
            notes.append(
                ", ".join(f"{t} in {'/'.join(fs) or 'no field'}" for t, fs in held.items())
            )
    return "; ".join(notes)


def phrase_context(texts: dict[str, str], terms: list[str]) -> str:
    """The phrase in its field's text, or the fields that hold each of its terms."""
    for name, text in texts.items():
        tokens = [
            (term.lower(), m.start(), m.end())
            for m in re.finditer(r"\S+", text)
            for term in index_terms(m.group())
        ]
        for i in range(len(tokens) - len(terms) + 1):
            if [t for t, _, _ in tokens[i : i + len(terms)]] == terms:
                start, end = tokens[i][1], tokens[i + len(terms) - 1][2]
                span = text[max(0, start - 30) : end + 30]
                span = " ".join(span.replace("\n\n", " ¶ ").split())
                across = " (across paragraphs)" if "\n\n" in text[start:end] else ""
                return f"{name}: …{span}…{across}"
    held = {t: [n for n, text in texts.items() if t in terms_of(text)] for t in terms}
    return "phrase in no field; " + ", ".join(
        f"{t} in {'/'.join(fs) or 'no field'}" for t, fs in held.items()
    )


def report_scan(
    queries: list[tuple[str, str]],
    answers: dict,
    texts: list[dict[str, str]],
    refs: list[str],
) -> None:
    documents = scanned(texts)
    same = 0
    for kind, query in queries:
        expected, any_word = scan(documents, query)
        got = set(answers[query]["docs"])
        fallback = " (no article has every word: any)" if any_word else ""
        if got == expected and any_word == answers[query]["anyWord"]:
            same += 1
            print(f"    {kind:<6} {query!r:<30} {len(got):5d} articles, same{fallback}")
            continue
        print(
            f"    {kind:<6} {query!r:<30} DIFFERENT: engine {len(got)}"
            f"{' (any word)' if answers[query]['anyWord'] else ''}, scan {len(expected)}{fallback}"
        )
        for side, docs in (("only the engine", got - expected), ("only the scan", expected - got)):
            for n in sorted(docs)[:SHOWN_DIFFERENCES]:
                print(f"      {side}: {n} {refs[n]}: {where_found(texts[n], query)}")
            if len(docs) > SHOWN_DIFFERENCES:
                print(f"      {side}: … {len(docs) - SHOWN_DIFFERENCES} more")
    print(f"  identical to the brute-force scan: {same}/{len(queries)} queries")


def check_queries(key: str) -> list[tuple[str, str]]:
    return [("AND", q) for q in AND_QUERIES[key]] + [("phrase", q) for q in PHRASE_QUERIES[key]]


# --- one corpus -----------------------------------------------------------------------------


def bench(name: str, corpus: Path, key: str, site_root: Path | None, note: str = "") -> None:
    """Build ``corpus`` (unless ``site_root`` holds its site) and print every measure;
    ``key`` picks the queries (the seeds' or the BBC's)."""
    from playwright.sync_api import sync_playwright

    queries = QUERIES[key]
    checks = check_queries(key)
    print(f"\n== {name}")
    if note:
        print(f"  {note}")
    with tempfile.TemporaryDirectory() as tmp:
        root = site_root or Path(tmp)
        if site_root is None:
            print(f"  build: {build(corpus, root)}")
        site = root / SUBPATH
        search = site / SEARCH
        manifest = json.loads((search / "manifest.json").read_text())
        documents = manifest["documents"]
        print(f"  articles: {documents}")
        index_sizes(search)
        cards = [whole_card(search, n) for n in range(documents)]
        refs = [card["ref"] for card in cards]
        weigh = functools.cache(lambda path: gz(site / path) if (site / path).is_file() else 0)
        with served(root) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            cold = [cold_query(browser, base, weigh, q) for q in queries]
            report_cold(queries, cold)

            page = browser.new_page()
            page.goto(f"{base}/{SEARCH}/")
            split = page.evaluate(TIMING, [queries, REPEATS])
            split_heap = heap(page)
            answers = page.evaluate(ANSWERS, [query for _, query in checks])
            page.close()
            page = browser.new_page()
            page.goto(f"{base}/{SEARCH}/")
            full = page.evaluate(FULL, [queries, REPEATS])
            full_heap = heap(page)
            page.close()
            browser.close()
        report_times(split, full, split_heap, full_heap)
        report_single_file(queries, split, full, refs)
        entities = article_entities(site)
        if entities is None:
            print("  brute-force scan: no articles export, so no entity names (matches only")
            print("  in the entities field will show as differences)")
            entities = {}
        missing = sum(ref not in entities for ref in refs)
        fields = manifest.get("fields", list(FIELDS))
        print(
            f"  brute-force scan of {', '.join(FIELDS)} (cards; entity names from the articles"
            f" export, {documents - missing}/{documents} matched by slug)"
            + ("" if list(fields) == list(FIELDS) else f"; the index has fields {fields}")
        )
        report_scan(checks, answers, field_texts(cards, entities), refs)


def key_of(corpus: Path) -> str:
    """Which queries suit a corpus: the seeds' for the seeds, the BBC's for anything else."""
    return "corpus" if corpus.resolve() == SEEDS.resolve() else "bbc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="corpus folder (repeatable; default, when neither --corpus nor --double is"
        " given: corpus/, ../shared/corpora/bbc and that doubled)",
    )
    parser.add_argument(
        "--double",
        type=Path,
        action="append",
        help="a corpus to bench doubled, each .txt file again with its paragraphs reordered"
        " (repeatable)",
    )
    parser.add_argument(
        "--site", type=Path, help="an already built root holding site/ (of the first corpus)"
    )
    args = parser.parse_args()
    given = args.corpus or args.double
    corpora = args.corpus or ([] if given else [SEEDS, BBC])
    doubles = args.double or ([] if given else [BBC])
    if args.site is not None:
        corpus = (corpora or doubles)[0]
        bench(str(corpus), corpus, key_of(corpus), args.site)
        return
    for corpus in corpora:
        bench(str(corpus), corpus, key_of(corpus), None)
    for source in doubles:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            copies, unchanged = doubled(source, corpus)
            note = (
                f"{copies} .txt files twice, the copies under {AGAIN}/ with their paragraphs"
                f" reversed ({unchanged} of them unchanged by that: exact copies, not indexed)"
            )
            bench(f"{source} doubled", corpus, key_of(source), None, note)


if __name__ == "__main__":
    main()
