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
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newscorpus.corpus.stories import Signature, signatures_of
from newscorpus.entities.dates import normalise
from newscorpus.entities.extract import Analysed, Analyser, analyse
from newscorpus.entities.nlp import load_pipeline
from newscorpus.model import Article
from newscorpus.settings import value

from .background import Standby
from .session import Session, session_of


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
    session = session_of(readers.settings)
    if session.stamps_checked:
        return
    session.stamps_checked = True
    if session.store.folder is None:
        return
    stamps = corpus_stamps(session.corpus.resolve())
    if session.store.recall("stamps", str(session.corpus.resolve())) != stamps:
        session.stamps = stamps
        expect_changes(readers.settings)


def finish(pelican) -> None:
    """The build is done: keep what it found of the corpus for the next one."""
    session = session_of(pelican.settings)
    stop(session)
    if session.stamps is not None:
        session.store.keep("stamps", str(session.corpus.resolve()), session.stamps)


def expect_changes(settings: dict) -> None:
    """A file has changed since the last build: get the model ready, once per build.

    Without kept extractions (caching off, or a first build), every article is read in
    the build's own process.
    """
    session = session_of(settings)
    folder = session.store.folder
    kept = folder / "extraction" if folder is not None else None
    if session.standby is not None or kept is None or not kept.is_dir():
        return
    if not any(kept.iterdir()):
        return
    model = value(settings, "NEWS_SPACY_MODEL")
    session.standby = Standby(functools.partial(get_ready, model))


def get_ready(model: str) -> None:
    """Load everything reading a changed article needs."""
    import datasketch  # noqa: F401 - imported for signatures (it imports SciPy)

    load_pipeline(model)
    normalise("18 May 2019", None)  # dateparser loads its language data on first use


def analyser(session: Session) -> Analyser:
    """:func:`newscorpus.entities.extract.analyse`, by the model made ready if there is one: a few
    articles there; many in parallel here (the ready model then gives way)."""

    def run(
        articles: Sequence[Article], model: str, max_chars: int, processes: int
    ) -> Iterable[Analysed]:
        if session.standby is None or processes > 1:
            stop(session)
            return analyse(articles, model, max_chars, processes)
        return session.standby.call(analysed, articles, model, max_chars)

    return run


def analysed(articles: Sequence[Article], model: str, max_chars: int) -> list[Analysed]:
    return list(analyse(articles, model, max_chars))


def signer(session: Session) -> Callable[[Sequence[str]], list[Signature]]:
    """:func:`newscorpus.corpus.stories.signatures_of`, where the model was made ready if it was."""

    def sign(texts: Sequence[str]) -> list[Signature]:
        if session.standby is None:
            return signatures_of(texts)
        return session.standby.call(signatures_of, texts)

    return sign


def stop(session: Session) -> None:
    """The model's process is no longer needed."""
    if session.standby is not None:
        session.standby.close()
        session.standby = None
