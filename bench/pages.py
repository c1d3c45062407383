"""Page weight and site size: what a browser downloads for one page, and what a host stores.

For each corpus (default: the seeds, the BBC corpus, and the BBC corpus doubled by copying
every file into a second folder), it builds the site into a temporary folder and prints:

- sample pages with every stylesheet and script they link from the same site, raw and
  gzipped (not the search index, which loads only when someone searches);
- the five largest HTML pages, raw and gzipped;
- the whole output by top folder, and per article.

Targets: an article page under 30 KB gzipped with its CSS and JS; no HTML page over
200 KB raw; at most 40 KB of output per article, so that 25,000 articles fit GitHub
Pages' 1 GB.

    .venv/bin/python bench/pages.py [--corpus DIR ...] [--double DIR] [--site OUTPUT_DIR]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
TARGET_ARTICLE_GZ = 30 * 1024
TARGET_PAGE_RAW = 200 * 1024
TARGET_PER_ARTICLE = 40 * 1024
LARGEST_SHOWN = 5
# The size target is for large corpora: a handful of articles pays the theme, the scripts
# and the index pages alone.
SCALE_FROM = 1000


class Assets(HTMLParser):
    """The stylesheets and scripts a page links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.found.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.found.append(values["src"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def local_file(site: Path, url: str) -> Path:
    """A site URL (absolute, root-relative or under SITEURL's path) as a file of the output."""
    path = urlsplit(url).path.lstrip("/")
    candidate = site / path
    while not candidate.is_file() and "/" in path:  # drop a SITEURL subpath
        path = path.split("/", 1)[1]
        candidate = site / path
    return candidate


def weigh(site: Path, page: Path) -> list[tuple[str, int, int]]:
    """(name, bytes, gzipped bytes) for the page and each asset it links."""
    html = page.read_bytes()
    parser = Assets()
    parser.feed(html.decode("utf-8"))
    rows = [(page.relative_to(site).as_posix(), len(html), gz(html))]
    for url in parser.found:
        data = local_file(site, url).read_bytes()
        rows.append((urlsplit(url).path.rsplit("/", 1)[-1], len(data), gz(data)))
    return rows


def sample_pages(site: Path) -> dict[str, Path]:
    """The home page, the largest and the median article page, a topic, an entity."""
    articles = sorted(site.glob("articles/*/index.html"), key=lambda p: (p.stat().st_size, p))
    pages = {"home": site / "index.html"}
    if articles:
        pages["article (median)"] = articles[len(articles) // 2]
        pages["article (largest)"] = articles[-1]
    topics = sorted(site.glob("topics/*/index.html"))
    if topics:
        pages["topic"] = topics[0]
    entities = sorted(site.glob("tags/*/index.html"), key=lambda p: (p.stat().st_size, p))
    if entities:
        pages["entity (largest)"] = entities[-1]
    pages["search (before a query)"] = site / "search" / "index.html"
    return pages


def page_weights(site: Path) -> None:
    print(f"{'page':26} {'file':44} {'bytes':>9} {'gzipped':>9}")
    for name, page in sample_pages(site).items():
        rows = weigh(site, page)
        for file, size, packed in rows:
            print(f"{name:26} {file[-44:]:44} {size:9,d} {packed:9,d}")
        total = sum(r[2] for r in rows)
        verdict = ""
        if name.startswith("article"):
            verdict = "  ok" if total < TARGET_ARTICLE_GZ else "  OVER the 30 KB target"
        print(f"{name:26} {'total':44} {sum(r[1] for r in rows):9,d} {total:9,d}{verdict}\n")


def largest_pages(site: Path) -> None:
    pages = sorted(site.rglob("*.html"), key=lambda p: (-p.stat().st_size, p))
    print(f"the {LARGEST_SHOWN} largest HTML pages (target: none over {TARGET_PAGE_RAW:,d} bytes):")
    for page in pages[:LARGEST_SHOWN]:
        size = page.stat().st_size
        flag = "" if size <= TARGET_PAGE_RAW else "  OVER"
        print(
            f"  {page.relative_to(site).as_posix():60} {size:9,d} {gz(page.read_bytes()):9,d}{flag}"
        )
    over = sum(p.stat().st_size > TARGET_PAGE_RAW for p in pages)
    print(f"  {len(pages):,d} HTML pages, {over} over the target")


def output_size(site: Path, articles: int) -> None:
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    by_folder: dict[str, list[int]] = {}
    for path in files:
        top = path.relative_to(site).parts[0] if len(path.relative_to(site).parts) > 1 else "(top)"
        entry = by_folder.setdefault(top, [0, 0])
        entry[0] += 1
        entry[1] += path.stat().st_size
    print("output by top folder (files, bytes):")
    for top, (count, size) in sorted(by_folder.items(), key=lambda item: -item[1][1]):
        print(f"  {top:20} {count:7,d} {size:13,d}")
    per_article = total / max(articles, 1)
    if articles < SCALE_FROM:
        verdict = "the 40 KB target is for corpora of thousands of articles"
    else:
        verdict = "ok" if per_article <= TARGET_PER_ARTICLE else "OVER the 40 KB target"
    print(
        f"  total {len(files):,d} files, {total / 1e6:.1f} MB for {articles:,d} articles:"
        f" {per_article / 1024:.1f} KB per article ({verdict});"
        f" {1024**3 / per_article:,.0f} articles fit in 1 GB\n"
    )


def doubled(source: Path, target: Path) -> Path:
    """``source``'s files twice, in two folders of ``target``."""
    for copy in ("copy0", "copy1"):
        shutil.copytree(source, target / copy)
    return target


def build(corpus: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pelican", str(corpus), "-o", str(output), "-s"]
    subprocess.run([*command, "pelicanconf.py", "-q"], cwd=ROOT, check=True)


def report(name: str, site: Path, articles: int) -> None:
    print(f"== {name}: {articles:,d} articles")
    page_weights(site)
    largest_pages(site)
    output_size(site, articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built output folder (of --corpus)")
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="corpus folder (repeatable; default: corpus/ and the BBC corpus)",
    )
    parser.add_argument(
        "--double",
        type=Path,
        action="append",
        help="a corpus to build doubled (default: the BBC corpus)",
    )
    args = parser.parse_args()
    corpora = args.corpus or [ROOT / "corpus", BBC]
    doubles = args.double if args.double is not None else ([] if args.corpus else [BBC])
    if args.site is not None:
        articles = sum(
            1
            for p in corpora[0].rglob("*")
            if p.is_file() and p.suffix in {".txt", ".html", ".htm"}
        )
        report(str(corpora[0]), args.site, articles)
        return
    for corpus in corpora:
        with tempfile.TemporaryDirectory() as temporary:
            output = Path(temporary) / "output"
            build(corpus, output)
            report(str(corpus), output, len(list((output / "articles").glob("*/index.html"))))
    for corpus in doubles:
        with tempfile.TemporaryDirectory() as temporary:
            source = doubled(corpus, Path(temporary) / "corpus")
            output = Path(temporary) / "output"
            build(source, output)
            articles = len(list((output / "articles").glob("*/index.html")))
            report(f"{corpus} doubled", output, articles)


if __name__ == "__main__":
    main()
