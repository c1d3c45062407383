"""Benchmark and audit of the cleaner over a folder of articles (default: the BBC corpus).

Prints throughput, and what the cleaner removed: counts by reason, the files
touched, and examples. BBC articles carry no page furniture, so on them every
removal is a false positive. The folder is read as a build reads it: lines its files
share as a site's template (:mod:`newscorpus.reading.recurring`) are furniture, and
finding them is timed with the rest.

    .venv/bin/python bench/clean.py [FOLDER] [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newscorpus.reading.parse import UnreadableFile, parse_article  # noqa: E402
from newscorpus.reading.recurring import lines_of, recurring_lines  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "corpora" / "bbc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--show", type=int, default=5, help="examples to print per reason")
    args = parser.parse_args()

    files = sorted(args.folder.rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    payloads = [(path, path.read_bytes()) for path in files]
    reasons: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    touched, derived, skipped, not_first = set(), 0, 0, []
    dates: Counter[str] = Counter()
    outlets: Counter[str] = Counter()

    start = time.perf_counter()
    recurring = recurring_lines(
        {path.relative_to(args.folder).as_posix(): lines_of(raw) for path, raw in payloads}
    )
    for path, raw in payloads:
        name = path.relative_to(args.folder).as_posix()
        try:
            article = parse_article(raw, name, recurring=recurring[name])
        except UnreadableFile:
            skipped += 1
            continue
        derived += article.headline_derived
        first_line = next(
            line.strip() for line in raw.decode("utf-8", "replace").splitlines() if line.strip()
        )
        if article.headline != " ".join(first_line.split()):
            not_first.append(f"{name}: {article.headline[:60]!r}")
        dates[article.published.status] += 1
        outlets[article.outlet] += 1
        for line in article.removed:
            touched.add(name)
            reasons[line.reason] += 1
            examples.setdefault(line.reason, [])
            if len(examples[line.reason]) < args.show:
                examples[line.reason].append(f"{name}:{line.line_no}: {line.text[:90]}")
    elapsed = time.perf_counter() - start

    total_bytes = sum(len(raw) for _, raw in payloads)
    print(f"files: {len(files)}  bytes: {total_bytes:,}  skipped: {skipped}")
    print(f"time: {elapsed:.2f} s  ({len(files) / elapsed:,.0f} files/s)")
    print(f"files with removed lines: {len(touched)}  removed lines: {sum(reasons.values())}")
    print(f"derived headlines: {derived}  dates: {dict(sorted(dates.items()))}")
    # In a clean corpus (BBC) every file's first line is its headline.
    print(f"headlines other than the file's first line: {len(not_first)}  {not_first[:3]}")
    print(f"outlets: {dict(outlets.most_common(5))}")
    for reason, count in reasons.most_common():
        print(f"  {reason}: {count}")
        for example in examples[reason]:
            print(f"      {example}")


if __name__ == "__main__":
    main()
