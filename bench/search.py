"""Benchmark of search: index size, what a cold first query downloads, query time, JS heap.

Builds the site for a corpus (default: the five seeds, then the BBC corpus) with the
single-file index written beside the split one, serves it on 127.0.0.1 and drives headless
Chromium (Debian's, as in the tests) through 20 typical queries:

- index bytes on disk, raw and gzipped (GitHub Pages serves gzip), by kind of file;
- for each query in a fresh browser (empty cache, 40 ms emulated round trips), typed into
  the search page: the bytes (gzipped) and requests after the page has loaded until the
  results show, and how many sequential rounds of requests that took; median and max;
- query time once the pieces are loaded (assembling the small index + lunr's search): the
  median of 10 runs of each query, then p50 and p95 over the queries; the same for lunr
  on the single-file index;
- peak JS heap with the split index after all queries, and with the single-file index;
- whether every query gives the same results and scores as the single-file index.

Targets at BBC scale: cold first query <= 50 KB gzipped in <= 3 sequential requests after
the page, <= 5 ms per query once loaded, results identical for every query.

    .venv/bin/python bench/search.py [--corpus DIR ...] [--site DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]  # fmt: skip
SUBPATH = "site"
COLD_BYTES_TARGET = 50_000
ROUNDS_TARGET = 3
QUERY_MS_TARGET = 5.0
REPEATS = 11
LATENCY_MS = 40  # emulated round trip for the cold queries

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


def index_sizes(search: Path) -> None:
    kinds = {
        "pieces": sorted((search / "pieces").glob("*.json")),
        "cards": sorted((search / "cards").glob("*.json")),
        "manifest": [search / "manifest.json"],
        "terms": [search / "terms.json"],
        "facets": sorted((search / "facets").rglob("*.json")),
        "positions": sorted((search / "positions").glob("*.json")),
        "single-file index": [search / "full-index.json"],
    }
    print("  index files (raw / gzipped):")
    for kind, files in kinds.items():
        raw = sum(f.stat().st_size for f in files)
        packed = sum(gz(f) for f in files)
        extra = ""
        if kind == "pieces":
            sizes = [gz(f) for f in files]
            extra = f"  ({len(files)} pieces, median {statistics.median(sizes) / 1e3:.1f} KB,"
            extra += f" max {max(sizes) / 1e3:.1f} KB gz)"
        print(f"    {kind:<18} {raw / 1e6:8.2f} MB / {packed / 1e6:6.2f} MB{extra}")


def rounds(events: list[tuple[str, float, float]]) -> int:
    """Sequential rounds of requests.

    Requests for the same kind of file (pieces, cards, ...) are issued together and count
    as one node; a node is one round after the latest node that ended before it began.
    """
    nodes: dict[str, list[float]] = {}
    for url, start, end in events:
        path = urlparse(url).path
        kind = path.rsplit("/", 2)[-2] if path.count("/") > 2 else path
        kind = kind if kind in {"pieces", "cards"} else path
        node = nodes.setdefault(kind, [start, end])
        node[0], node[1] = min(node[0], start), max(node[1], end)
    depth: dict[str, int] = {}
    for kind, (start, _) in sorted(nodes.items(), key=lambda item: item[1][0]):
        before = [depth[k] for k, (_, end) in nodes.items() if k in depth and end <= start]
        depth[kind] = 1 + max(before, default=0)
    return max(depth.values(), default=0)


RESOURCES = """(mark) => {
  const shown = performance.getEntriesByName(mark).pop().startTime;
  const loaded = performance.getEntriesByType("navigation")[0].loadEventEnd;
  return performance.getEntriesByType("resource")
    .filter((r) => r.startTime >= loaded && r.responseEnd <= shown)
    .map((r) => [r.name, r.startTime, r.responseEnd]);
}"""


def cold_query(browser, base: str, site: Path, query: str) -> tuple[int, int, int, int]:
    """(gzipped bytes, requests, rounds) from typing ``query`` to results on screen, and the
    gzipped bytes until everything the query shows is there (facets and dates too)."""
    context = browser.new_context()
    page = context.new_page()
    # Real round trips, so that requests issued together overlap and rounds show.
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": LATENCY_MS, "downloadThroughput": -1,
         "uploadThroughput": -1},
    )  # fmt: skip
    page.goto(f"{base}/search/")
    page.wait_for_load_state("load")
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_selector("#search-app[data-complete]", state="attached", timeout=60_000)

    def weigh(events: list) -> int:
        paths = (unquote(urlparse(url).path).removeprefix(f"/{SUBPATH}/") for url, _, _ in events)
        return sum(gz(site / path) for path in paths)

    done = sorted(page.evaluate(RESOURCES, "search-results"), key=lambda e: e[1])
    complete = page.evaluate(RESOURCES, "search-complete")
    context.close()
    return weigh(done), len(done), rounds(done), weigh(complete)


TIMING = """async ([queries, repeats]) => {
  const engine = await window.newsSearch.prepare();
  const times = [];
  const results = {};
  for (const q of queries) {
    const runs = [];
    for (let i = 0; i < repeats; i += 1) {
      const found = await engine.lunrSearch(q);
      if (i > 0) runs.push(found.queryMs);
      results[q] = found.results.map((r) => [r.doc, r.score]);
    }
    times.push(runs.sort((a, b) => a - b)[runs.length >> 1]);
  }
  return {times, results};
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


def bench(corpus: Path, site_root: Path | None) -> None:
    from playwright.sync_api import sync_playwright

    queries = QUERIES["corpus" if corpus.resolve() == (ROOT / "corpus").resolve() else "bbc"]
    print(f"\n== {corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        root = site_root or Path(tmp)
        if site_root is None:
            print(f"  build: {build(corpus, root)}")
        site = root / SUBPATH
        search = site / "search"
        documents = json.loads((search / "manifest.json").read_text())["documents"]
        print(f"  articles: {documents}")
        index_sizes(search)
        refs = [
            json.loads((search / "cards" / f"{n}.json").read_text())["ref"]
            for n in range(documents)
        ]
        number = {ref: n for n, ref in enumerate(refs)}
        with served(root) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            cold = [cold_query(browser, base, site, q) for q in queries]
            sizes = [c[0] for c in cold]
            print(
                f"  cold first query: median {statistics.median(sizes) / 1e3:.1f} KB,"
                f" max {max(sizes) / 1e3:.1f} KB gzipped"
                f" (target <= {COLD_BYTES_TARGET / 1e3:.0f} KB);"
                f" requests median {statistics.median(c[1] for c in cold):.0f},"
                f" max {max(c[1] for c in cold)};"
                f" sequential rounds max {max(c[2] for c in cold)} (target <= {ROUNDS_TARGET})"
            )
            whole = [c[3] for c in cold]
            print(
                f"  everything a cold first query downloads (facets and dates too): median"
                f" {statistics.median(whole) / 1e3:.1f} KB, max {max(whole) / 1e3:.1f} KB gzipped"
            )
            for query, (size, count, depth, all_bytes) in zip(queries, cold, strict=True):
                print(
                    f"    {query!r:<22} {size / 1e3:6.1f} KB  {count:3d} requests  {depth} rounds"
                    f"  ({all_bytes / 1e3:.1f} KB with facets)"
                )

            page = browser.new_page()
            page.goto(f"{base}/search/")
            split = page.evaluate(TIMING, [queries, REPEATS])
            split_heap = heap(page)
            page.close()
            page = browser.new_page()
            page.goto(f"{base}/search/")
            full = page.evaluate(FULL, [queries, REPEATS])
            full_heap = heap(page)
            page.close()
            browser.close()
        print(
            f"  query time once loaded (split): p50 {percentile(split['times'], 50):.2f} ms,"
            f" p95 {percentile(split['times'], 95):.2f} ms (target <= {QUERY_MS_TARGET} ms)"
        )
        print(
            f"  query time, single-file index: p50 {percentile(full['times'], 50):.2f} ms,"
            f" p95 {percentile(full['times'], 95):.2f} ms; loading it {full['loadMs']:.0f} ms"
        )
        print(
            f"  JS heap after all queries: split {split_heap:.1f} MB,"
            f" single-file {full_heap:.1f} MB"
        )
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
            f"  identical to the single-file index: {same}/{len(queries)} queries"
            f" ({hits} with results)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="corpus folder (repeatable; default: corpus/ and ../shared/corpora/bbc)",
    )
    parser.add_argument("--site", type=Path, help="an already built root holding site/")
    args = parser.parse_args()
    corpora = args.corpus or [ROOT / "corpus", ROOT.parent / "shared" / "corpora" / "bbc"]
    for corpus in corpora:
        bench(corpus, args.site)


if __name__ == "__main__":
    main()
