"""Page labels and the site clock: no two pages alike, no build time in any file."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from news_explorer.publishing import UNIX_EPOCH, site_date
from news_explorer.reader import UNDATED_SENTINEL
from newscorpus.corpus.labels import distinguish


def test_unique_labels_stay_as_they_are():
    assert distinguish(["A", "B"], [["DW"], ["AP"]]) == ["A", "B"]


def test_equal_labels_take_qualifiers_until_they_differ():
    labels = distinguish(
        ["Talks", "Talks", "Talks", "Other"],
        [["DW", "1 May", "a.txt"], ["DW", "2 May", "b.txt"], ["AP", "1 May", "c.txt"], ["DW"]],
    )
    assert labels == ["Talks (DW, 1 May)", "Talks (DW, 2 May)", "Talks (AP)", "Other"]
    assert len(set(labels)) == 4


def test_the_last_qualifier_separates_identical_copies():
    labels = distinguish(["Flood"] * 3, [["DW", "Undated", f"{n}.txt"] for n in range(3)])
    assert labels == [f"Flood (DW, Undated, {n}.txt)" for n in range(3)]


def test_labels_and_qualifiers_must_pair_up():
    with pytest.raises(ValueError):
        distinguish(["A"], [])


def dated(*dates: dt.datetime) -> list[SimpleNamespace]:
    return [SimpleNamespace(date=d) for d in dates]


def test_the_site_date_is_the_newest_article_date_not_the_clock():
    articles = dated(dt.datetime(2019, 5, 19), UNDATED_SENTINEL, dt.datetime(2021, 3, 1))
    assert site_date(articles, {}) == dt.datetime(2021, 3, 1, tzinfo=dt.UTC)
    assert site_date(dated(UNDATED_SENTINEL), {}) == UNIX_EPOCH


def test_source_date_epoch_wins_and_nonsense_is_ignored():
    articles = dated(dt.datetime(2019, 5, 19))
    assert site_date(articles, {"SOURCE_DATE_EPOCH": "1700000000"}).year == 2023
    assert site_date(articles, {"SOURCE_DATE_EPOCH": "soon"}).year == 2019
