"""The model made ready in a second process for the articles that changed since the last build."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CORPUS, parse_file
from news_explorer import warmup
from news_explorer.session import begin, session_of
from newscorpus.corpus.stories import signatures_of
from newscorpus.entities.extract import analyse
from newscorpus.entities.nlp import DEFAULT_MODEL


def settings_for(tmp_path: Path, *, kept: bool = True, cache: bool = True) -> dict:
    """A build's settings, with extractions kept by an earlier build when ``kept``."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    settings = {"NEWS_SPACY_MODEL": DEFAULT_MODEL, "PATH": str(corpus),
                "CACHE_PATH": str(tmp_path / "cache")}  # fmt: skip
    if not cache:
        settings["NEWS_CACHE"] = None
    if kept:
        (tmp_path / "cache" / "news-cache" / "extraction" / "ab").mkdir(parents=True)
    begin(settings)
    return settings


@pytest.fixture(autouse=True)
def no_standby_left():
    sessions: list = []
    yield sessions
    for session in sessions:
        warmup.stop(session)


def test_a_first_build_or_no_cache_reads_every_article_here(tmp_path, no_standby_left):
    settings = settings_for(tmp_path / "off", cache=False)  # caching turned off
    warmup.expect_changes(settings)
    assert session_of(settings).standby is None
    settings = settings_for(tmp_path / "first", kept=False)  # no results kept yet
    warmup.expect_changes(settings)
    assert session_of(settings).standby is None


def test_changed_articles_are_read_by_the_ready_model_with_the_same_results(
    tmp_path, no_standby_left
):
    settings = settings_for(tmp_path)
    session = session_of(settings)
    no_standby_left.append(session)
    warmup.expect_changes(settings)
    standby = session.standby
    assert standby is not None and standby.process is not None
    warmup.expect_changes(settings)
    assert session.standby is standby  # one per build
    articles = [parse_file(path) for path in sorted(CORPUS.glob("*.txt"))[:2]]
    assert standby.call(os.getpid) != os.getpid()
    there = list(warmup.analyser(session)(articles, DEFAULT_MODEL, 100_000, 1))
    assert there == list(analyse(articles, DEFAULT_MODEL, 100_000))
    texts = [" ".join(block.text for block in article.blocks) for article in articles]
    made, expected = warmup.signer(session)(texts), signatures_of(texts)
    assert [s.terms for s in made] == [s.terms for s in expected]
    assert all((a.minhash == b.minhash).all() for a, b in zip(made, expected, strict=True))
    warmup.stop(session)
    assert session.standby is None and standby.process is None


def test_many_changed_articles_are_read_here_in_parallel_and_the_standby_gives_way(
    tmp_path, no_standby_left
):
    settings = settings_for(tmp_path)
    session = session_of(settings)
    no_standby_left.append(session)
    warmup.expect_changes(settings)
    article = parse_file(Path(sorted(CORPUS.glob("*.txt"))[0]))
    found = warmup.analyser(session)([article], DEFAULT_MODEL, 100_000, 2)
    assert session.standby is None
    assert list(found) == list(analyse([article], DEFAULT_MODEL, 100_000))


def test_a_build_readies_the_model_when_the_corpus_changed_since_the_last_build(
    tmp_path, no_standby_left
):
    settings = settings_for(tmp_path)
    corpus = Path(settings["PATH"])
    (corpus / "a.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")

    def build() -> SimpleNamespace:
        """A new build of the corpus: its session, and its readers' view of the settings."""
        begin(settings)
        no_standby_left.append(session_of(settings))
        return SimpleNamespace(settings=settings)

    readers = build()
    warmup.start(readers)  # nothing seen before
    standby = session_of(settings).standby
    assert standby is not None
    warmup.start(readers)  # the next generator's readers: the same build
    assert session_of(settings).standby is standby
    warmup.finish(readers)
    assert session_of(settings).standby is None

    readers = build()
    warmup.start(readers)  # the same files
    assert session_of(settings).standby is None
    warmup.finish(readers)

    (corpus / "a.txt").write_text("Headline\n\nBody, edited.\n", encoding="utf-8")
    readers = build()
    warmup.start(readers)
    assert session_of(settings).standby is not None
    warmup.finish(readers)
    (corpus / "b.txt").write_text("Another\n\nBody.\n", encoding="utf-8")
    readers = build()
    warmup.start(readers)
    assert session_of(settings).standby is not None
