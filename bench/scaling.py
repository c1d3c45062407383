"""How build time, memory, output size and search bytes grow with the corpus.

Builds the first 500, 1,000 and all 2,225 BBC articles, then the corpus twice over
(every file copied into a second folder), all through one extraction cache that is
filled first, so the times are of warm builds: the NLP pass is measured apart, by
``bench/build.py`` (its cold build). Prints one row per size and a linear fit.

    .venv/bin/python bench/scaling.py [--corpus DIR] [--work DIR]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import DEFAULT_CORPUS, folder_size, measure, pelican, work_folder  # noqa: E402

SIZES = (500, 1000, 2225)


def search_bytes(output: Path) -> tuple[int, int]:
    """(bytes, gzipped bytes) of the search files, lunr.js left out."""
    files = [p for p in (output / "search").rglob("*.json") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), mtime=0)) for p in files)
    return raw, packed


def make_corpus(source: list[Path], root: Path, target: Path, copies: int = 1) -> int:
    shutil.rmtree(target, ignore_errors=True)
    for copy in range(copies):
        for path in source:
            relative = path.relative_to(root)
            destination = target / (f"copy{copy}" if copies > 1 else "") / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return len(source) * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    with work_folder(args.work) as work:
        run(args, work)


def run(args: argparse.Namespace, work: Path) -> None:
    files = sorted(args.corpus.rglob("*.txt"))
    cache, corpus, output = work / "cache", work / "corpus", work / "output"

    make_corpus(files, args.corpus, corpus)
    print(f"filling the extraction cache with {len(files)} articles ...", flush=True)
    measure(pelican(corpus, output, "pelicanconf.py", f'CACHE_PATH="{cache}"'))

    plan = [(n, 1) for n in SIZES if n <= len(files)] + [(len(files), 2)]
    rows = []
    for count, copies in plan:
        articles = make_corpus(files[:count], args.corpus, corpus, copies)
        shutil.rmtree(output, ignore_errors=True)
        run = measure(pelican(corpus, output, "pelicanconf.py", f'CACHE_PATH="{cache}"'))
        found, pages, size = folder_size(output)
        raw, packed = search_bytes(output)
        rows.append((articles, run.seconds, run.peak_bytes, found, pages, size, raw, packed))
        print(f"  {articles:,} articles: {run.seconds:.1f} s", flush=True)

    print(
        f"\n{'articles':>9} {'warm build':>11} {'peak RSS':>9} {'files':>8} {'HTML pages':>11} "
        f"{'output':>9} {'search':>9} {'search gz':>10}"
    )
    for articles, seconds, peak, found, pages, size, raw, packed in rows:
        print(
            f"{articles:9,d} {seconds:10.1f}s {peak / 1024**2:7,.0f}MB {found:8,d} {pages:11,d} "
            f"{size / 1e6:7,.1f}MB {raw / 1e6:7,.1f}MB {packed / 1e6:8,.2f}MB"
        )
    first, last = rows[0], rows[-2]
    span = last[0] - first[0]
    print("\nper 1,000 articles, from the two largest distinct corpora (linear fit):")
    print(f"  build {(last[1] - first[1]) / span * 1000:.1f} s")
    print(f"  output {(last[5] - first[5]) / span * 1000 / 1e6:.1f} MB")
    print(f"  search, gzipped {(last[7] - first[7]) / span * 1000 / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
