"""``python -m newscorpus FOLDER``: the corpus of a folder as research exports, no site.

Reads every text dump and saved web page under ``FOLDER`` (with its ``sources.csv`` and
``aliases.conf`` when there; lines the dumps share as a site's template are furniture,
see :mod:`newscorpus.reading.recurring`), runs the pipeline
(:func:`newscorpus.pipeline.build_corpus`) and writes ``articles``, ``entities``,
``timeline``, ``stories`` and ``quotes`` as JSON and CSV into ``--out``. Every file is
an article of the exports or a line saying why not. Results are kept in ``--cache`` for
the next run; the same folder gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .corpus.topics import TopicError
from .entities.canonical import load_curation
from .entities.nlp import ModelMissing
from .export import export_files, export_tables, write_exports
from .pipeline import Options, Source, build_corpus, plain_slug
from .reading.folder import corpus_files
from .reading.parse import UnreadableFile
from .reading.recurring import read_dumps, recurring_in
from .reading.sources import read_sources
from .reading.webpage import parse_file
from .settings import DEFAULTS
from .store import Store


def run(folder: Path, out: Path, cache: Path | None, processes: int) -> tuple[int, list[str]]:
    """Write the exports of ``folder`` into ``out``: the number of articles, and what
    the reader should know (files skipped, settings lines refused, article warnings)."""
    said: list[str] = []
    sources_file = folder / DEFAULTS["NEWS_SOURCES_FILE"]
    records = {}
    if sources_file.is_file():
        text = sources_file.read_bytes().decode("utf-8-sig", errors="replace")
        records, warnings = read_sources(text, sources_file.name)
        said += [f"{sources_file.name}: {warning}" for warning in warnings]
    aliases = folder / DEFAULTS["NEWS_ALIASES_FILE"]
    curation = load_curation(aliases if aliases.is_file() else None)
    said += [f"{aliases.name}: {problem}" for problem in curation.problems]
    store = Store(cache)
    paths, skipped = corpus_files(folder)
    dumps = read_dumps((path.relative_to(folder).as_posix(), path) for path in paths)
    recurring = store.get("recurring", dumps, lambda: recurring_in(dumps))
    sources = []
    for path in paths:
        name = path.relative_to(folder).as_posix()
        raw = path.read_bytes()
        record = records.get(name) or records.get(path.name)
        template = recurring.get(name, frozenset())

        def parse(raw: bytes = raw, name: str = name, record=record, template=template):
            return parse_file(raw, name, record, recurring=template)

        try:
            article = store.get("article", (raw, name, record, sorted(template)), parse)
        except UnreadableFile as error:
            skipped[name] = str(error)
            continue
        said += [f"{name}: {warning}" for warning in article.warnings]
        stem = Path(name).name.split(".")[0]
        slug = plain_slug(article.headline) or plain_slug(stem) or "article"
        sources.append(Source(article, slug))
    options = Options(processes=processes, curation=curation)
    corpus = build_corpus(sources, options, store, lambda index, name, published: "")
    said += [
        f"{one.article.source}: {warning}" for one in corpus.articles for warning in one.warnings
    ]
    write_exports(out, export_files(export_tables(corpus)))
    store.prune()
    said += [f"{name}: skipped: {reason}" for name, reason in sorted(skipped.items())]
    return len(corpus.articles), said


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newscorpus",
        description="Read a folder of news articles and write the research exports "
        "(articles, entities, timeline, stories, quotes as JSON and CSV), without a site.",
    )
    parser.add_argument("folder", type=Path, help="the corpus folder")
    parser.add_argument("--out", type=Path, default=Path("exports"),
                        help="where the exports are written (default: exports)")  # fmt: skip
    parser.add_argument("--cache", type=Path, default=Path("cache", "news-cache"),
                        help="kept for the next run (default: cache/news-cache)")  # fmt: skip
    parser.add_argument("--no-cache", action="store_true", help="keep nothing between runs")
    parser.add_argument("--processes", type=int, default=DEFAULTS["NEWS_NLP_PROCESSES"],
                        help="processes for the model's reading")  # fmt: skip
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    try:
        count, said = run(args.folder, args.out, None if args.no_cache else args.cache,
                          args.processes)  # fmt: skip
    except (ModelMissing, TopicError) as error:
        print(f"newscorpus: {error}", file=sys.stderr)
        return 1
    for line in said:
        print(f"  {line}")
    print(f"{count} articles; exports in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
