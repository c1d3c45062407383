"""The NLP model made ready while the corpus is read, for the articles that changed.

Loading spaCy and its model takes seconds, and a rebuild after an edit needs it for one
article. So when a build starts and some corpus file's size or modification time is not
what the last build saw (or, failing that, as soon as the reader meets a file it has not
parsed before), and an earlier build has left an extraction cache (so most articles will
not need the model), a second process starts loading the model, the date parser and the
story signatures' MinHash while the corpus is read; the changed articles are then read
by the model, and their story signatures made, there. A build with no changed file never
loads the model; a first build reads everything in parallel in the build's own process.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from newscorpus.dates import normalise
from newscorpus.digest import digest
from newscorpus.extract import Analysed, analyse
from newscorpus.model import Article
from newscorpus.nlp import load_pipeline
from newscorpus.settings import value
from newscorpus.stories import Signature, signatures_of

from .background import Standby
from .folders import extraction_folder, kept_folder

STANDBY: Standby | None = None
# The corpus files' sizes and modification times as this build found them (None when they
# are the last build's), and where the last build's are kept.
STAMPS: tuple[dict[str, list[int]] | None, Path] | None = None


def corpus_stamps(folder: Path) -> dict[str, list[int]]:
    """``[size, modification time]`` of every file under ``folder``, by relative path."""
    stamps = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with contextlib.suppress(OSError):
                stat = os.stat(path)
                stamps[os.path.relpath(path, folder)] = [stat.st_size, stat.st_mtime_ns]
    return stamps


def start(readers) -> None:
    """A build starts: if the corpus has changed since the last build, ready the model.

    Every generator makes its readers (so this is called several times a build); the
    first call of a build does the work.
    """
    global STAMPS
    if STAMPS is not None:
        return
    stop()
    settings = readers.settings
    folder = kept_folder(settings, "news-stamps")
    if folder is None:
        return
    corpus = os.path.realpath(settings["PATH"])
    path = folder / f"{digest(corpus)}.json"
    stamps = corpus_stamps(Path(corpus))
    try:
        unchanged = json.loads(path.read_text("utf-8")) == stamps
    except (OSError, ValueError):
        unchanged = False
    STAMPS = (None if unchanged else stamps, path)
    if not unchanged:
        expect_changes(settings, extraction_folder(settings))


def finish(pelican) -> None:
    """The build is done: keep what it found of the corpus for the next one."""
    global STAMPS
    stop()
    if STAMPS is None:
        return
    stamps, path = STAMPS
    STAMPS = None
    if stamps is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stamps, sort_keys=True), encoding="utf-8")


def expect_changes(settings: dict, cache: Path | None) -> None:
    """A file has changed since the last build: get the model ready, once per build.

    ``cache`` is the extraction cache folder; without one (caching off, or a first
    build), every article is read in the build's own process.
    """
    global STANDBY
    if STANDBY is not None or cache is None or not cache.is_dir() or not any(cache.iterdir()):
        return
    model = value(settings, "NEWS_SPACY_MODEL")
    STANDBY = Standby(functools.partial(get_ready, model))


def get_ready(model: str) -> None:
    """Load everything reading a changed article needs."""
    import datasketch  # noqa: F401 - imported for signatures (it imports SciPy)

    load_pipeline(model)
    normalise("18 May 2019", None)  # dateparser loads its language data on first use


def analyser(
    articles: Sequence[Article], model: str, max_chars: int, processes: int
) -> Iterable[Analysed]:
    """:func:`newscorpus.extract.analyse`, by the model made ready if there is one: a few
    articles there; many in parallel here (the ready model then gives way)."""
    if STANDBY is None or processes > 1:
        stop()
        return analyse(articles, model, max_chars, processes)
    return STANDBY.call(analysed, articles, model, max_chars)


def analysed(articles: Sequence[Article], model: str, max_chars: int) -> list[Analysed]:
    return list(analyse(articles, model, max_chars))


def signatures(texts: Sequence[str]) -> list[Signature]:
    """:func:`newscorpus.stories.signatures_of`, where the model was made ready if it was."""
    if STANDBY is None:
        return signatures_of(texts)
    return STANDBY.call(signatures_of, texts)


def stop(*_: object) -> None:
    """The model's process is no longer needed (or a new build starts)."""
    global STANDBY
    if STANDBY is not None:
        STANDBY.close()
        STANDBY = None
