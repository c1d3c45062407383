"""Benchmark of the extraction stage over a folder of articles (default: the BBC corpus).

Measures, over the same cleaned bodies:

- the baseline: spaCy's small pipeline alone, as shipped (every component), through
  ``nlp.pipe``; and, for information, the pipeline our extraction loads (NER only, plus
  the weapon rules);
- a cold extraction (the pipeline's step, :func:`newscorpus.pipeline.extract`) into an
  empty store (target: at most 1.3x the baseline);
- a warm extraction over the same store (target: under 5 s).

Each extraction starts with the pipeline unloaded, as in a fresh build process. Then it
prints what was extracted and the peak memory of this process and of its workers.

    .venv/bin/python bench/extract.py [--corpus DIR] [--limit N] [--processes N] [--skip-baseline]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newscorpus.entities.extract import BATCH_SIZE, CorpusExtraction  # noqa: E402
from newscorpus.entities.mentions import body_text  # noqa: E402
from newscorpus.entities.nlp import DEFAULT_MODEL, load_pipeline  # noqa: E402
from newscorpus.model import ENTITY_TYPES, Article  # noqa: E402
from newscorpus.pipeline import Options, extract  # noqa: E402
from newscorpus.reading.parse import UnreadableFile, parse_article  # noqa: E402
from newscorpus.store import Store  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
COLD_TARGET = 1.3  # cold extraction / baseline
WARM_TARGET = 5.0  # seconds

T = TypeVar("T")


def timed(call: Callable[[], T]) -> tuple[T, float]:
    """The result of ``call()`` and the wall-clock seconds it took."""
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def rate(count: int, seconds: float) -> str:
    """``12.34 s  (180.2 articles/s)``."""
    return f"{seconds:.2f} s  ({count / seconds:,.1f} articles/s)"


def read_corpus(folder: Path, limit: int) -> tuple[list[Article], int, int]:
    """Every readable article under ``folder`` (sorted), the files seen and the files skipped."""
    files = sorted(folder.rglob("*.txt"))
    if limit:
        files = files[:limit]
    articles: list[Article] = []
    for path in files:
        try:
            articles.append(parse_article(path.read_bytes(), path.relative_to(folder).as_posix()))
        except UnreadableFile:
            continue
    return articles, len(files), len(files) - len(articles)


def pipe_seconds(nlp: Language, texts: Sequence[str], processes: int) -> float:
    """Seconds for ``nlp.pipe`` to read every text (the docs are dropped as they come)."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start


def baseline(texts: Sequence[str], processes: int) -> float:
    """Time the shipped pipeline and ours over ``texts``; return the shipped one's seconds."""
    import spacy

    full, load = timed(lambda: spacy.load(DEFAULT_MODEL))
    print(f"  spaCy {DEFAULT_MODEL} as shipped {full.pipe_names}  (load {load:.2f} s)")
    seconds = pipe_seconds(full, texts, processes)
    print(f"    pipe: {rate(len(texts), seconds)}")
    del full

    ours, load = timed(lambda: load_pipeline(DEFAULT_MODEL))
    print(f"  load_pipeline({DEFAULT_MODEL!r}) {ours.pipe_names}  (load {load:.2f} s)")
    print(f"    pipe: {rate(len(texts), pipe_seconds(ours, texts, processes))}")
    return seconds


def extract_into(
    articles: Sequence[Article], cache: Path, processes: int
) -> tuple[CorpusExtraction, float]:
    """The extraction step from an unloaded pipeline, as a fresh build process runs it."""
    load_pipeline.cache_clear()
    return timed(lambda: extract(articles, Options(processes=processes), Store(cache)))


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def summarise(extraction: CorpusExtraction) -> None:
    """Entities per type, mentions and dates found over the corpus."""
    per_article: Counter[str] = Counter()
    corpus_wide: dict[str, set[str]] = {kind: set() for kind in ENTITY_TYPES}
    mentions = dates = resolved = 0
    for article in extraction.articles:
        for kind in ENTITY_TYPES:
            names = {entity.name for entity in article.entities if entity.type == kind}
            per_article[kind] += len(names)
            corpus_wide[kind] |= names
        mentions += sum(len(entity.mentions) for entity in article.entities)
        dates += len(article.dates)
        resolved += sum(date.value is not None for date in article.dates)
    print("entities (distinct names per article, summed; distinct corpus-wide in brackets):")
    for kind in ENTITY_TYPES:
        print(f"  {kind}: {per_article[kind]:,}  ({len(corpus_wide[kind]):,})")
    print(f"  total: {sum(per_article.values()):,}  mentions: {mentions:,}")
    print(f"aliased names: {len(extraction.aliases):,}  model: {extraction.model}")
    share = resolved / dates if dates else 0.0
    print(f"date mentions: {dates:,}  resolved: {resolved:,}  ({share:.1%})")


def peak_memory() -> None:
    """Peak resident set size of this process and of its largest child (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: self {own:,.0f} MB  children (largest) {children:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--processes", type=int, default=2, help="model processes")
    parser.add_argument("--skip-baseline", action="store_true", help="skip the spaCy baseline")
    args = parser.parse_args()

    (articles, files, skipped), seconds = timed(lambda: read_corpus(args.corpus, args.limit))
    texts = [body_text(article.blocks) for article in articles]
    print(f"corpus: {args.corpus}  files: {files}  skipped (unreadable): {skipped}")
    chars = sum(map(len, texts))
    print(f"articles: {len(articles)}  body chars: {chars:,}  parsed in {seconds:.2f} s")
    print(f"processes: {args.processes}  batch size: {BATCH_SIZE}")

    base = None
    if not args.skip_baseline:
        print("baseline (nlp.pipe only):")
        base = baseline(texts, args.processes)

    with tempfile.TemporaryDirectory(prefix="bench-extract-") as folder:
        cache = Path(folder)
        cold, seconds = extract_into(articles, cache, args.processes)
        print(f"cold extraction: {rate(len(articles), seconds)}  cache hits: {cold.cache_hits}")
        if base is not None:
            ratio = seconds / base
            met = verdict(ratio <= COLD_TARGET)
            print(f"  cold / baseline: {ratio:.2f}  (target <= {COLD_TARGET}: {met})")
        warm, seconds = extract_into(articles, cache, args.processes)
        print(f"warm extraction: {rate(len(articles), seconds)}  cache hits: {warm.cache_hits}")
        print(f"  target < {WARM_TARGET:.0f} s: {verdict(seconds < WARM_TARGET)}")
        print(f"  same result as cold: {warm.articles == cold.articles}")

    summarise(warm)
    peak_memory()


if __name__ == "__main__":
    main()
