"""Page weight: bytes of HTML + CSS + JS a browser downloads for one page, gzipped.

Counts the page and every stylesheet and script it links from the same site (not the
search index, which loads only when someone searches). Target: an article page under
30 KB gzipped.

    .venv/bin/python bench/pages.py [--site OUTPUT_DIR]

Without --site it builds the default corpus into a temporary folder first.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
TARGET_ARTICLE_GZ = 30 * 1024


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built output folder")
    args = parser.parse_args()
    if args.site is None:
        temporary = tempfile.TemporaryDirectory()
        args.site = Path(temporary.name)
        command = [sys.executable, "-m", "pelican", "corpus", "-o", str(args.site), "-s"]
        subprocess.run([*command, "pelicanconf.py", "-q"], cwd=ROOT, check=True)
    print(f"{'page':26} {'file':44} {'bytes':>9} {'gzipped':>9}")
    for name, page in sample_pages(args.site).items():
        rows = weigh(args.site, page)
        for file, size, packed in rows:
            print(f"{name:26} {file[-44:]:44} {size:9,d} {packed:9,d}")
        total = sum(r[2] for r in rows)
        verdict = ""
        if name.startswith("article"):
            verdict = "  ok" if total < TARGET_ARTICLE_GZ else "  OVER the 30 KB target"
        print(f"{name:26} {'total':44} {sum(r[1] for r in rows):9,d} {total:9,d}{verdict}\n")


if __name__ == "__main__":
    main()
