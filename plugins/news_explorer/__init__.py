"""Pelican glue for the news-corpus explorer.

Registers the readers (``.txt``, ``.html``) and the signal handlers; all the real work is in
the plain-Python core, :mod:`newscorpus`.
"""

from __future__ import annotations

import gc

from newscorpus.settings import with_defaults
from pelican import signals

from . import report, session, unchanged, warmup
from .decorate import prepare_articles, restore_entity_tags
from .pages import get_generators
from .publishing import fix_feed_dates
from .reader import NewsPageReader, NewsTextReader


def add_reader(readers) -> None:
    """Read text dumps and saved web pages with our readers, and nothing with Pelican's
    own (a Markdown or HTML file read around ours would be a page without our metadata);
    the build report lists the files no reader takes."""
    for extension in readers.reader_classes:
        readers.reader_classes[extension] = None
    for reader in (NewsTextReader, NewsPageReader):
        for extension in reader.file_extensions:
            readers.reader_classes[extension] = reader


# Objects allocated between two collections of the youngest generation. Python's default
# (700) suits small programs; a build holds millions of long-lived objects (mentions,
# passages, pages), and collecting that often took a quarter of a rebuild's time.
GC_YOUNG_THRESHOLD = 50_000


def tune_garbage_collection(pelican) -> None:
    """Collect less often: the build's objects live until it ends."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(GC_YOUNG_THRESHOLD, young), middle, old)


def freeze_at_end(pelican) -> None:
    """Leave the build's objects out of garbage collection once the build is done.

    They are all alive until the process ends, and Python's collections on the way out
    spent a second looking through them. A later build in the same process (Pelican's
    autoreload) thaws them as it starts.
    """
    gc.freeze()


def fill_in_settings(pelican) -> None:
    """Every ``NEWS_*`` setting the project leaves out takes its default
    (:mod:`newscorpus.settings`), for the plugin and the templates alike."""
    with_defaults(pelican.settings)


def thaw(readers) -> None:
    """Objects frozen by an earlier build in this process are collected again."""
    gc.unfreeze()


def register() -> None:
    signals.initialized.connect(fill_in_settings)
    signals.initialized.connect(tune_garbage_collection)
    signals.initialized.connect(report.start_build)
    signals.readers_init.connect(thaw)
    signals.readers_init.connect(warmup.start)
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(prepare_articles)
    signals.get_generators.connect(get_generators)
    signals.article_generator_finalized.connect(restore_entity_tags)
    signals.article_generator_finalized.connect(report.collect_articles)
    signals.get_writer.connect(unchanged.get_writer)
    signals.feed_generated.connect(fix_feed_dates)
    signals.finalized.connect(unchanged.finish)
    signals.finalized.connect(report.finish_build)
    signals.finalized.connect(warmup.finish)
    signals.finalized.connect(session.end)
    signals.finalized.connect(freeze_at_end)
