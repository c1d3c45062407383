"""The model made ready in a second process for the articles that changed since the last build."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CORPUS, parse_file
from news_explorer import warmup
from newscorpus.extract import analyse
from newscorpus.nlp import DEFAULT_MODEL
from newscorpus.stories import signatures_of

SETTINGS = {"NEWS_SPACY_MODEL": DEFAULT_MODEL}


@pytest.fixture(autouse=True)
def no_standby_left(monkeypatch):
    monkeypatch.setattr(warmup, "STAMPS", None)
    yield
    warmup.stop()


def test_a_first_build_or_no_cache_reads_every_article_here(tmp_path):
    warmup.expect_changes(SETTINGS, None)  # caching turned off
    assert warmup.STANDBY is None
    warmup.expect_changes(SETTINGS, tmp_path / "news-extraction")  # no cache yet
    assert warmup.STANDBY is None
    (tmp_path / "empty").mkdir()
    warmup.expect_changes(SETTINGS, tmp_path / "empty")
    assert warmup.STANDBY is None


def test_changed_articles_are_read_by_the_ready_model_with_the_same_results(tmp_path):
    cache = tmp_path / "news-extraction"
    (cache / "ab").mkdir(parents=True)
    warmup.expect_changes(SETTINGS, cache)
    standby = warmup.STANDBY
    assert standby is not None and standby.process is not None
    warmup.expect_changes(SETTINGS, cache)
    assert warmup.STANDBY is standby  # one per build
    articles = [parse_file(path) for path in sorted(CORPUS.glob("*.txt"))[:2]]
    assert standby.call(os.getpid) != os.getpid()
    there = list(warmup.analyser(articles, DEFAULT_MODEL, 100_000, 1))
    assert there == list(analyse(articles, DEFAULT_MODEL, 100_000))
    texts = [" ".join(block.text for block in article.blocks) for article in articles]
    made, expected = warmup.signatures(texts), signatures_of(texts)
    assert [s.terms for s in made] == [s.terms for s in expected]
    assert all((a.minhash == b.minhash).all() for a, b in zip(made, expected, strict=True))
    warmup.stop()
    assert warmup.STANDBY is None and standby.process is None


def test_many_changed_articles_are_read_here_in_parallel_and_the_standby_gives_way(tmp_path):
    cache = tmp_path / "news-extraction"
    (cache / "ab").mkdir(parents=True)
    warmup.expect_changes(SETTINGS, cache)
    article = parse_file(Path(sorted(CORPUS.glob("*.txt"))[0]))
    found = warmup.analyser([article], DEFAULT_MODEL, 100_000, 2)
    assert warmup.STANDBY is None
    assert list(found) == list(analyse([article], DEFAULT_MODEL, 100_000))


def test_a_build_readies_the_model_when_the_corpus_changed_since_the_last_build(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    (cache / "news-extraction" / "ab").mkdir(parents=True)
    readers = SimpleNamespace(settings={**SETTINGS, "PATH": str(corpus), "CACHE_PATH": str(cache)})

    warmup.start(readers)  # nothing seen before
    standby = warmup.STANDBY
    assert standby is not None
    warmup.start(readers)  # the next generator's readers: the same build
    assert warmup.STANDBY is standby
    warmup.finish(None)
    assert warmup.STANDBY is None

    warmup.start(readers)  # the same files
    assert warmup.STANDBY is None
    warmup.finish(None)

    (corpus / "a.txt").write_text("Headline\n\nBody, edited.\n", encoding="utf-8")
    warmup.start(readers)
    assert warmup.STANDBY is not None
    warmup.finish(None)
    (corpus / "b.txt").write_text("Another\n\nBody.\n", encoding="utf-8")
    warmup.start(readers)
    assert warmup.STANDBY is not None
