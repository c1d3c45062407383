"""Stories: the same event across outlets, exact duplicates, and dates through stories."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from newscorpus.model import UNDATED, Published
from newscorpus.sentences import split_sentences
from newscorpus.stories import StoryArticle, find_stories, inferred_dates, same_sentence
from newscorpus.terms import content_terms


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
    from newscorpus.stories import DEFAULT_THRESHOLD, candidate_pairs, signature, updated_pairs

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
