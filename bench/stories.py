"""Benchmark of stories and quotes over a folder of articles (default: the BBC corpus).

Reads and extracts the corpus first (through the extraction cache, not timed), then times:

- story grouping (:func:`newscorpus.corpus.stories.find_stories`: MinHash LSH, exact overlaps,
  shared and unique sentences);
- quote extraction in every article and quote matching across the corpus.

Target: both together under 10 s on 2 cores. It checks that every pair of files with
identical bytes ends up in one story flagged as exact copies, and prints the number of
stories and of quotes carried by more than one article.

    .venv/bin/python bench/stories.py [--corpus DIR] [--cache DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newscorpus.corpus.catalog import ArticleRef  # noqa: E402
from newscorpus.corpus.coverage import article_quotes, quote_records, story_input  # noqa: E402
from newscorpus.corpus.stories import find_stories  # noqa: E402
from newscorpus.entities.nlp import DEFAULT_MODEL  # noqa: E402
from newscorpus.pipeline import Options, extract  # noqa: E402
from newscorpus.reading.parse import UnreadableFile, parse_article  # noqa: E402
from newscorpus.store import Store  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
TARGET_SECONDS = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache", type=Path, default=ROOT / "cache" / "news-cache")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()

    files = sorted(args.corpus.rglob("*.txt"))[: args.limit or None]
    articles, sources = [], []
    for path in files:
        try:
            raw = path.read_bytes()
            articles.append(parse_article(raw, path.relative_to(args.corpus).as_posix()))
            sources.append(hashlib.sha256(raw).hexdigest())
        except UnreadableFile:
            continue
    started = time.perf_counter()
    corpus = extract(articles, Options(model=DEFAULT_MODEL, processes=2), Store(args.cache))
    print(f"{len(articles)} articles read and extracted in {time.perf_counter() - started:.1f} s")
    print(f"  ({corpus.cache_hits} from the cache {args.cache}; not part of the timing below)")

    inputs = [
        story_input(a.source, a.headline, a.outlet, a.published, x)
        for a, x in zip(articles, corpus.articles, strict=True)
    ]
    started = time.perf_counter()
    stories = find_stories(inputs)
    story_seconds = time.perf_counter() - started

    started = time.perf_counter()
    quotes = [article_quotes(x) for x in corpus.articles]
    refs = [ArticleRef(a.source, "", a.headline, a.outlet, a.published) for a in articles]
    records = quote_records(refs, quotes)
    quote_seconds = time.perf_counter() - started

    total = story_seconds + quote_seconds
    verdict = "ok" if total <= TARGET_SECONDS else "OVER"
    print(f"stories: {story_seconds:.2f} s; quotes: {quote_seconds:.2f} s;")
    print(f"  together {total:.2f} s (target <= {TARGET_SECONDS:.0f} s: {verdict})")

    copies: dict[str, list[int]] = defaultdict(list)
    for i, digest in enumerate(sources):
        copies[digest].append(i)
    pairs = [(group[0], j) for group in copies.values() for j in group[1:]]
    story_of = {i: s for s in stories for i in s.members}
    found = sum(
        1
        for i, j in pairs
        if i in story_of
        and story_of[i] is story_of.get(j)
        and any(i in d and j in d for d in story_of[i].duplicates)
    )
    print(f"exact copies: {len(pairs)} files are copies of another; {found} found as exact pairs")
    exact = sum(s.exact for s in stories)
    sizes = [len(s.members) for s in stories]
    print(
        f"stories: {len(stories)} ({exact} of exact copies only, {len(stories) - exact} of"
        f" different texts); articles in stories: {sum(sizes)}; largest: {max(sizes, default=0)}"
    )
    attributed = sum(1 for article in quotes for q in article if q.speaker)
    shared = [r for r in records if len(r.carried_by) > 1]
    print(
        f"quotes: {sum(map(len, quotes))} found, {attributed} with a speaker; {len(records)}"
        f" distinct; {len(shared)} carried by more than one article"
        f" ({sum(len(r.outlets) > 1 for r in records)} by more than one outlet)"
    )
    for story in [s for s in stories if not s.exact][:5]:
        print(f"  e.g. story: {[inputs[i].title for i in story.members][:4]}")


if __name__ == "__main__":
    main()
