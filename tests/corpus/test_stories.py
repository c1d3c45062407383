"""Stories: the same event across outlets, exact duplicates, and dates through stories."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from newscorpus.corpus.stories import (
    StoryArticle,
    compare_sentences,
    find_stories,
    inferred_dates,
    same_sentence,
)
from newscorpus.model import UNDATED, Published
from newscorpus.reading.sentences import split_sentences
from newscorpus.search.terms import content_terms


def story_article(article, entities=frozenset({"Recep Tayyip Erdogan"})) -> StoryArticle:
    return StoryArticle(
        slug=article.source,
        title=article.headline,
        outlet=article.outlet,
        published=article.published,
        text=article.body_text,
        sentences=tuple(split_sentences(article.body_text)),
        entities=entities,
    )


@pytest.fixture(scope="module")
def seed_stories(seeds):
    articles = [story_article(seeds[key]) for key in sorted(seeds)]
    return articles, find_stories(articles)


def test_the_istanbul_remarks_are_one_story_of_three_outlets(seed_stories):
    articles, stories = seed_stories
    assert len(stories) == 1
    story = stories[0]
    # 000 (undated), 001 (DESPARDES) and 003 (DW) report Erdogan's 18 May remarks in
    # Istanbul; 002 (Chemezov on the S-500, 2021) and 004 (a proposal to Putin) do not.
    assert [articles[i].slug[:3] for i in story.members] == ["000", "001", "003"]
    assert not story.exact and story.duplicates == ()
    assert story.similarity >= 0.25


def test_a_story_lists_what_all_versions_share_and_what_each_adds(seed_stories):
    articles, stories = seed_stories
    story = stories[0]
    shared = " ".join(story.shared)
    assert "There is absolutely no question" in shared
    assert "sooner or later" in shared
    assert "Feodosia" not in shared
    by_member = dict(zip(story.members, story.unique, strict=True))
    assert any("The S-400 deal is complete" in s for s in by_member[1])
    assert any("next generation missile defense" in s for s in by_member[3])
    assert not any("There is absolutely no question" in s for u in story.unique for s in u)


def test_the_versions_side_by_side_keep_every_sentence_in_order(seed_stories):
    articles, stories = seed_stories
    story = stories[0]
    for n, member in enumerate(story.members):
        column = [p.text for row in story.rows for p in row.cells[n]]
        assert column == list(articles[member].sentences)  # nothing lost, nothing moved
    rows = {row.kind: row for row in story.rows}
    assert set(rows) == {"every", "some", "between"}

    def rows_saying(words: str) -> list:
        return [r for r in story.rows if any(words in p.text for c in r.cells for p in c)]

    (joint,) = rows_saying("There will be joint production")
    assert joint.kind == "every" and all(len(cell) == 1 for cell in joint.cells)
    # DW's own lead is said by no other version: marked, and in a row of no match.
    dw = story.members.index(next(i for i, a in enumerate(articles) if a.outlet == "DW"))
    (lead,) = rows_saying("next generation missile defense system")
    assert lead.kind == "between" and lead.cells[dw][0].only_here
    assert not any(p.only_here for row in story.rows if row.kind != "between" for c in row.cells
                   for p in c)  # fmt: skip


def test_side_by_side_rows_never_cross():
    sentences = [
        "The council approved the new bridge over the river on Monday evening.",
        "Work on the crossing starts in spring and lasts two years.",
        "The mayor said journeys would be twenty minutes shorter for commuters.",
        "Opponents warned about the cost of the steel for the whole project.",
    ]
    first = StoryArticle("a", "a", "A", UNDATED, " ".join(sentences), tuple(sentences),
                         frozenset({"mayor"}), paragraphs=(1, 1, 2, 3))  # fmt: skip
    # The second version says the last sentence first, then the others in order.
    moved = (sentences[3], "A quite different remark about the weather today.", *sentences[:3])
    second = StoryArticle("b", "b", "B", UNDATED, " ".join(moved), moved, frozenset({"mayor"}))
    _, unique, rows = compare_sentences([first, second])
    pairs = [(r.cells[0][0].text, r.cells[1][0].text) for r in rows if r.kind == "every"]
    assert pairs == [(s, s) for s in sentences[:3]]  # the most rows in order; none crosses
    assert [p.paragraph for r in rows for p in r.cells[0]] == [1, 1, 2, 3]
    assert unique == ((), ("A quite different remark about the weather today.",))
    assert rows[0].kind == "between" and [p.text for p in rows[0].cells[1]] == list(moved[:2])


def test_a_copy_in_a_story_takes_its_originals_part(seed_stories):
    articles, _ = seed_stories
    assert articles[3].outlet == "DW"
    copy = dataclasses.replace(articles[3], slug="copy")
    (story,) = find_stories([*articles, copy])
    assert story.duplicates == ((3, 5),)
    by_member = dict(zip(story.members, story.unique, strict=True))
    # What the DW version adds is still its own, and its copy's: a copy is not "another version".
    assert any("next generation missile defense" in s for s in by_member[3])
    assert by_member[5] == by_member[3]
    column = story.members.index(5)
    assert all(row.cells[column] == () for row in story.rows)


def test_an_exact_story_has_no_rows_to_compare():
    text = "The council approved the new bridge over the river on Monday. Work starts soon."
    make = lambda slug: StoryArticle(  # noqa: E731
        slug, slug, "Outlet", UNDATED, text, tuple(split_sentences(text)), frozenset({"council"})
    )
    (story,) = find_stories([make("a"), make("b")])
    assert story.exact and story.rows == ()
    assert story.shared == tuple(split_sentences(text))


def test_an_undated_version_takes_the_date_of_a_dated_one(seed_stories, seeds):
    articles, stories = seed_stories
    assert articles[0].published.value is None
    dates = inferred_dates(articles, stories)
    assert set(dates) == {0, 1}  # 003 is dated itself; 002 and 004 are in no story
    inferred = dates[0]
    assert (inferred.value, inferred.precision, inferred.status) == (
        dt.date(2019, 5, 19),
        "day",
        "inferred",
    )
    assert "DW" in inferred.reason and "19 May 2019" in inferred.reason


def test_exact_duplicates_are_flagged_and_grouped():
    text = (
        "The council approved the new bridge over the river on Monday. Work starts in spring "
        "and the mayor said the crossing would cut journeys by twenty minutes."
    )
    other = "Farmers in the valley reported a record harvest of apples and pears this autumn."
    make = lambda slug, body: StoryArticle(  # noqa: E731
        slug, slug, "Outlet", UNDATED, body, tuple(split_sentences(body)), frozenset({"mayor"})
    )
    articles = [make("a", text), make("b", other), make("c", "  " + text + "\n")]
    stories = find_stories(articles)
    assert len(stories) == 1
    assert stories[0].members == (0, 2) and stories[0].exact
    assert stories[0].duplicates == ((0, 2),)


def test_similar_articles_far_apart_in_time_or_without_shared_names_are_not_one_story(seeds):
    base = story_article(seeds["003"])
    copy = story_article(seeds["000"])
    later = Published(dt.date(2019, 7, 1), "day", "stated", "")
    assert len(find_stories([base, copy])) == 1
    assert find_stories([base, dataclasses.replace(copy, published=later)]) == []
    strangers = dataclasses.replace(copy, entities=frozenset({"Someone Else"}))
    assert find_stories([base, strangers]) == []
    assert find_stories([base, copy], threshold=0.9) == []


def test_unrelated_articles_stay_apart():
    rng = random.Random(3)
    vocabulary = [f"word{n}" for n in range(3000)]
    articles = [
        StoryArticle(
            f"a{n}",
            "t",
            "o",
            UNDATED,
            " ".join(rng.sample(vocabulary, 80)),
            (),
            frozenset({"x"}),
        )
        for n in range(200)
    ]
    assert find_stories(articles) == []


def test_sentence_matching():
    a = frozenset(content_terms("Turkey is expected to buy 100 of the jets in total."))
    b = frozenset(content_terms("Ankara is expected to buy a total of 100 jets."))
    c = frozenset(content_terms("The weather in Ankara was warm."))
    assert same_sentence(a, b)
    assert not same_sentence(a, c)
    assert not same_sentence(frozenset(), frozenset())


def generated_texts(rng: random.Random, count: int) -> list[str]:
    """Texts drawn from a few shared vocabularies: many pairs overlap a little, some a lot."""
    pools = [[f"word{p}x{n}" for n in range(60)] for p in range(6)]
    texts = []
    for _ in range(count):
        pool = pools[rng.randrange(len(pools))]
        texts.append(" ".join(rng.sample(pool, rng.randrange(3, 40))) + ".")
    return texts


def test_pairs_updated_from_an_earlier_run_are_the_pairs_found_afresh():
    from newscorpus.corpus.stories import (
        DEFAULT_THRESHOLD,
        candidate_pairs,
        signature,
        updated_pairs,
    )

    rng = random.Random(7)
    before = generated_texts(rng, 80)
    signed = [signature(text) for text in before]
    found, known = updated_pairs(signed, DEFAULT_THRESHOLD)
    assert found == candidate_pairs(signed, DEFAULT_THRESHOLD) and len(found) > 50
    after = list(before)
    after[3] = after[3].replace("word", "other")  # edited
    after[10] = after[11]  # now a copy of another
    del after[20:24]  # removed
    after += generated_texts(rng, 5) + [before[0]]  # added, one a copy of a kept text
    signed = [signature(text) for text in after]
    updated, _ = updated_pairs(signed, DEFAULT_THRESHOLD, known)
    assert updated == candidate_pairs(signed, DEFAULT_THRESHOLD)
    assert (10, 11) in updated and (0, len(after) - 1) in updated
