"""The corpus pipeline without Pelican: the seeds in, every record out; and its command."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT
from newscorpus.corpus.stories import signatures_of
from newscorpus.entities.extract import analyse
from newscorpus.export import export_tables
from newscorpus.pipeline import Options, Source, build_corpus
from newscorpus.reading.parse import parse_article
from newscorpus.store import Store

OPTIONS = Options(processes=1)  # the default topics, plain slugs


def sources_of(seeds) -> list[Source]:
    return [Source(article, f"seed-{name}") for name, article in sorted(seeds.items())]


def run(sources, store, **steps):
    """build_corpus, with each page's address "<slug>.html"; returns the corpus and the
    addresses asked for, with the publication date each was asked with."""
    asked = {}

    def address(index, slug, published):
        asked[sources[index].article.source] = (slug, published)
        return f"{slug}.html"

    return build_corpus(sources, OPTIONS, store, address, **steps), asked


@pytest.fixture(scope="module")
def seeds_corpus(seeds, tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    corpus, asked = run(sources_of(seeds), Store(folder))
    return corpus, asked, folder


def test_the_seeds_are_in_site_order_with_dates_inferred_through_their_story(seeds_corpus):
    corpus, asked, _ = seeds_corpus
    order = [(a.article.source[:3], a.article.published.status) for a in corpus.articles]
    # The dated article, then the two of its story dated by it (a stated date before an
    # inferred one on the same day), then the undated, each group by headline.
    assert order == [("003", "stated"), ("000", "inferred"), ("001", "inferred"),
                     ("004", "undated"), ("002", "undated")]  # fmt: skip
    slug, published = asked["000_f440c37d64f155e6.txt"]
    assert slug == "seed-000" and published.iso == "2019-05-19"
    assert published.status == "inferred" and "same story as DW" in published.reason
    assert [a.ref.url for a in corpus.articles][:2] == ["seed-003.html", "seed-000.html"]
    (story,) = corpus.stories
    assert sorted(v.article.slug for v in story.versions) == ["seed-000", "seed-001", "seed-003"]
    assert corpus.articles[1].story is story
    assert corpus.catalog.entities["Recep Tayyip Erdogan"].type == "PERSON"
    assert "S-400" in corpus.articles[0].topics


def test_a_second_run_over_the_same_store_reuses_every_step(seeds, seeds_corpus):
    corpus, _, folder = seeds_corpus

    def no_model(*args):
        raise AssertionError("the model was asked to read an article again")

    def no_signatures(texts):
        raise AssertionError("a story signature was made again")

    store = Store(folder)
    again, _ = run(sources_of(seeds), store, run_model=no_model, sign=no_signatures)
    assert export_tables(again) == export_tables(corpus)
    assert again.extraction.cache_hits == 5
    assert {"extraction", "canonical", "stories", "catalog", "coverage"} <= set(store.hits)


def test_a_copy_is_filed_as_its_original_and_equal_headlines_get_distinct_slugs(seeds, tmp_path):
    sources = sources_of(seeds)
    original = seeds["003"]
    copy = dataclasses.replace(original, source="zz/copy-of-003.txt")
    sources.append(Source(copy, "seed-003"))  # the same headline, so the same slug
    corpus, asked = run(sources, Store(tmp_path))
    assert asked["zz/copy-of-003.txt"][0] == "seed-003-1"
    copied = next(a for a in corpus.articles if a.article.source == "zz/copy-of-003.txt")
    first = corpus.articles[copied.copy_of]
    assert first.article.source == "003_124761e0aad110e4.txt"
    assert copied.warnings == (
        "same headline as 003_124761e0aad110e4.txt; published at a distinct URL (seed-003-1)",
    )
    assert len(corpus.kept) == 5 and copied.topics == first.topics
    slugs = {c.article.slug for quote in corpus.quotes for c in quote.carried_by}
    assert "seed-003" in slugs and "seed-003-1" not in slugs  # a quote counts it once
    rows = export_tables(corpus)["articles"]
    assert [r["copy_of"] for r in rows if r["source_file"].startswith("zz/")] == ["seed-003"]


GERMAN = """Bahnstrecke an die Küste wird im Juni wieder eröffnet

Die Bahn hat am Dienstag angekündigt, dass der Nachtzug an die Küste ab Juni wieder fährt.
Die Strecke war zwei Jahre lang gesperrt, weil die Brücke bei Kelmarsch repariert werden
musste. Fahrkarten sollen in der kommenden Woche in den Verkauf gehen, sagte eine Sprecherin
der Deutschen Bahn in Berlin. Die Züge würden zunächst langsamer fahren, weil sich die neue
Brücke erst setzen müsse, und der Fahrplan werde sich im Herbst noch einmal ändern.
"""


def test_an_article_in_another_language_is_kept_with_no_names_and_a_note(seeds, tmp_path):
    german = parse_article(GERMAN.encode(), "de/bahn.txt")
    corpus, _ = run([*sources_of(seeds), Source(german, "bahn")], Store(tmp_path))
    one = next(a for a in corpus.articles if a.article.source == "de/bahn.txt")
    # Kept, searchable and dated as ever; its names are not guessed by an English model
    # ("Deutschen Bahn", "Berlin" would be), and the page says why.
    assert one.extraction.entities == () and one.extraction.dates == ()
    assert one.extraction.sentences
    assert one.warnings == (
        "names and dates were not looked for: the text reads as German, "
        "and the entity model reads English",
    )
    english = next(a for a in corpus.articles if a.article.source.startswith("001"))
    assert english.extraction.entities and not english.warnings


def test_an_error_reading_one_article_s_names_loses_only_that_article_s_names(
    seeds, tmp_path, monkeypatch
):
    # A fault of ours on one body (injected: no real input is known to cause one) costs
    # that article its names and dates, said on its page, and nothing else.
    from newscorpus.entities import extract

    real = extract.read_doc

    def read_doc(docs, blocks):
        if "Kelmarsch" in blocks[0].text:
            raise IndexError("list index out of range")
        return real(docs, blocks)

    monkeypatch.setattr(extract, "read_doc", read_doc)
    broken = parse_article(
        b"Bridge reopens\n\nThe bridge at Kelmarsch reopened on Tuesday, officials said in "
        b"London, after two years of repairs to its piers.\n",
        "bridge.txt",
    )
    corpus, _ = run([*sources_of(seeds), Source(broken, "bridge")], Store(tmp_path))
    one = next(a for a in corpus.articles if a.article.source == "bridge.txt")
    assert one.extraction.entities == () and one.extraction.sentences
    assert one.warnings == (
        "names and dates could not be read (IndexError: list index out of range): the "
        "article is shown without them; please report this file",
    )
    others = [a for a in corpus.articles if a.article.source != "bridge.txt"]
    assert all(a.extraction.entities for a in others)
    assert corpus.catalog.entities["Recep Tayyip Erdogan"].type == "PERSON"


def test_the_steps_run_without_a_store_give_the_same_corpus(seeds, seeds_corpus):
    corpus, _, _ = seeds_corpus
    fresh, _ = run(sources_of(seeds), Store(None), run_model=analyse, sign=signatures_of)
    assert export_tables(fresh) == export_tables(corpus)


def newscorpus(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newscorpus", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def test_the_command_writes_the_exports_of_a_folder_without_a_site(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    (folder / "notes.md").write_text("# my notes\n", encoding="utf-8")
    out, cache = tmp_path / "exports", tmp_path / "cache"
    result = newscorpus(str(folder), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stderr
    assert "5 articles" in result.stdout
    assert "notes.md: skipped: not an article file (.md)" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{name}.{suffix}"
        for name in ("articles", "entities", "timeline", "stories", "quotes")
        for suffix in ("json", "csv")
    )
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert sorted(a["source_file"] for a in articles) == sorted(p.name for p in CORPUS.iterdir())
    assert all(a["url"] == "" for a in articles)  # no site, no page
    entities = json.loads((out / "entities.json").read_text(encoding="utf-8"))
    assert {"name": "NATO", "type": "ORG"}.items() <= next(
        e for e in entities if e["name"] == "NATO"
    ).items()
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    again = newscorpus(str(folder), "--out", str(tmp_path / "again"), "--no-cache")
    assert again.returncode == 0, again.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()} == first


def test_the_command_says_what_is_wrong_with_its_folder(tmp_path):
    result = newscorpus(str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "is not a folder" in result.stderr
