"""Date expressions: values, precision, and relative dates only against a known day."""

from __future__ import annotations

import datetime as dt

import pytest
from newscorpus.entities.dates import date_tense, normalise, normalise_dates, weekday_in_a_name
from newscorpus.model import UNDATED, DateSpan, Published

BASE = dt.date(2019, 5, 19)  # a Sunday
PUBLISHED = Published(BASE, "day", "stated", "dateline")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("18 May", dt.date(2019, 5, 18), "day"),
        ("on 18 May", dt.date(2019, 5, 18), "day"),
        ("December 2017", dt.date(2017, 12, 1), "month"),
        ("in December 2017", dt.date(2017, 12, 1), "month"),
        ("19 May 2019", dt.date(2019, 5, 19), "day"),
        ("May 19, 2019", dt.date(2019, 5, 19), "day"),
        ("2016", dt.date(2016, 1, 1), "year"),
        ("last month", dt.date(2019, 4, 1), "month"),
        ("Saturday", dt.date(2019, 5, 18), "day"),
        ("late Saturday", dt.date(2019, 5, 18), "day"),
        ("Sunday", dt.date(2019, 5, 19), "day"),  # the published day is a Sunday
        ("on Monday", dt.date(2019, 5, 13), "day"),
        ("last Sunday", dt.date(2019, 5, 12), "day"),
        ("Friday night", dt.date(2019, 5, 17), "day"),
        ("yesterday", dt.date(2019, 5, 18), "day"),
        ("before the end of this year", dt.date(2019, 1, 1), "year"),
        ("earlier this month", dt.date(2019, 5, 1), "month"),
        ("next year", dt.date(2020, 1, 1), "year"),
        ("two years ago", dt.date(2017, 1, 1), "year"),
        ("the summer of 2017", dt.date(2017, 1, 1), "year"),
    ],
)
def test_date_expressions_resolve_against_the_published_day(text, value, precision):
    assert normalise(text, BASE)[:2] == (value, precision)


@pytest.mark.parametrize("text", ["18 May", "last month", "Saturday", "this year", "April"])
def test_relative_dates_in_undated_articles_stay_unresolved(text):
    value, precision, relative, note = normalise(text, None)
    assert value is None and precision == "none" and relative
    assert "unknown publication date" in note


@pytest.mark.parametrize("text", ["December 2017", "2016", "19 May 2019"])
def test_dates_that_state_their_year_resolve_without_a_published_date(text):
    value, _, relative, _ = normalise(text, None)
    assert value is not None and not relative


@pytest.mark.parametrize(
    "text",
    [
        "two years",
        "24 hours",
        "decades",
        "recent years",
        "the next three years",
        "the last six years",
        "just 21 days",
        "the next few quarters",
    ],
)
def test_spans_of_time_are_found_but_never_placed_on_a_date(text):
    assert normalise(text, BASE) == (None, "none", False, "a span of time, not a date")


@pytest.mark.parametrize(
    "text", ["22:30", "15:11 GMT", "6:00am", "midnight", "Saturday night", "10.30 a.m."]
)
def test_times_of_day_are_found_but_never_placed_on_a_date(text):
    value, precision, _, note = normalise(text, BASE)
    if text == "Saturday night":  # a day and its part: the day
        assert (value, precision) == (dt.date(2019, 5, 18), "day")
    else:
        assert (value, precision, note) == (None, "none", "a time of day")


@pytest.mark.parametrize(
    "text", ["the 20th minute", "the second half", "the final round", "the weekend"]
)
def test_times_within_an_event_are_found_but_never_placed_on_a_date(text):
    note = "a time within an event or a week, not a date"
    assert normalise(text, BASE) == (None, "none", False, note)


@pytest.mark.parametrize("text", ["18-year-old", "annual", "the day", "23"])
def test_ages_and_vague_words_are_not_time_expressions(text):
    assert normalise(text, BASE) is None


def test_a_date_in_figures_is_not_a_clock_time():
    assert normalise("12.05.2019", BASE)[2:] != (False, "a time of day")


def test_week_and_decade_are_kept_but_not_given_a_day():
    assert normalise("last week", BASE)[0] is None
    assert normalise("the 1990s", BASE)[0] is None


def test_normalise_dates_keeps_sentence_and_offsets_and_needs_a_day_precise_base():
    spans = [DateSpan("18 May", 10, 16, 2), DateSpan("two years", 30, 39, 3)]
    found = normalise_dates(spans, PUBLISHED)
    assert [(d.text, d.iso, d.sentence, d.start) for d in found] == [
        ("18 May", "2019-05-18", 2, 10),
        ("two years", "", 3, 30),  # found, never placed
    ]
    month_only = Published(BASE, "month", "stated", "")
    assert normalise_dates(spans, month_only)[0].value is None
    assert normalise_dates(spans, UNDATED)[0].label == "unresolved"


@pytest.mark.parametrize(
    ("before", "tense"),
    [
        ("The S-400 systems are expected to be delivered in ", "ahead"),
        ("Officials say the talks will resume on ", "ahead"),
        ("He said the systems would arrive in ", "ahead"),
        ("The contract was signed in ", "back"),
        ("The two leaders last met on ", "back"),
        ("The agreement, which Ankara said it would honour, was signed in ", "back"),
        ("The exhibition opens in ", ""),
        # A plan told in the past may have come or not.
        ("The RTX 3070, which was originally expected to launch on ", ""),
        ("The two sides were due to meet in ", ""),
        ("He said they were told the talks would resume on ", "ahead"),
    ],
)
def test_the_words_before_a_date_say_which_way_it_points(before, tense):
    assert date_tense(before) == tense


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        # A July in an article of 19 May 2019: the next one when the sentence looks ahead,
        # the last one when it looks back, and without a cue the nearer of the two.
        ("July", "ahead", dt.date(2019, 7, 1)),
        ("in July", "back", dt.date(2018, 7, 1)),
        ("July", "", dt.date(2019, 7, 1)),
        ("December", "", dt.date(2018, 12, 1)),
        ("March", "ahead", dt.date(2020, 3, 1)),
        ("18 July", "ahead", dt.date(2019, 7, 18)),
        ("3 May", "", dt.date(2019, 5, 3)),
        ("Sunday", "ahead", dt.date(2019, 5, 26)),  # a Sunday paper's "will … on Sunday"
        ("Tuesday", "ahead", dt.date(2019, 5, 21)),
        ("Tuesday", "back", dt.date(2019, 5, 14)),
        # A stated year is never moved.
        ("July 2018", "ahead", dt.date(2018, 7, 1)),
    ],
)
def test_a_date_without_a_year_is_the_occurrence_its_sentence_points_to(text, tense, value):
    assert normalise(text, BASE, tense)[0] == value


def test_dates_resolved_against_an_inferred_publication_date_say_so():
    spans = [DateSpan("July", 10, 14, 1, "ahead"), DateSpan("July 2018", 30, 39, 2)]
    inferred = Published(BASE, "day", "inferred", "from the story's other articles")
    found = normalise_dates(spans, inferred)
    assert [(d.iso, d.tense, d.on_inferred_date) for d in found] == [
        ("2019-07", "ahead", True),
        ("2018-07", "", False),  # states its year: rests on nothing inferred
    ]
    assert not any(d.on_inferred_date for d in normalise_dates(spans, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2019-05-19", dt.date(2019, 5, 19)),
        ("31/12/2018", dt.date(2018, 12, 31)),
        ("12/31/2018", dt.date(2018, 12, 31)),
        ("05.06.2019", dt.date(2019, 6, 5)),  # full stops: day first
        ("12/31/21", dt.date(2021, 12, 31)),  # the century nearest the publication, not 1921
        ("31/12/99", dt.date(1999, 12, 31)),
    ],
)
def test_dates_in_digits_resolve_day_and_month_only_when_they_can_be_told_apart(text, value):
    assert normalise(text, BASE)[:2] == (value, "day")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("05/06/2019", "day and month cannot be told apart"),
        ("2006/07", "a span of years, not a date"),
        ("1924-5", "a span of years, not a date"),
    ],
)
def test_digits_that_name_no_one_day_are_found_with_no_value(text, note):
    assert normalise(text, BASE) == (None, "none", False, note)


@pytest.mark.parametrize("text", ["2/3", "25+", "15-20", "9-8", "8.1"])
def test_fractions_scores_and_counts_in_digits_are_no_dates(text):
    assert normalise(text, BASE) is None


def test_a_month_after_a_date_with_its_year_in_one_sentence_is_nearest_that_date():
    # A January 2020 article: "by early November" follows "in October 2019".
    published = Published(dt.date(2020, 1, 13), "day", "stated", "dateline")
    spans = [
        DateSpan("October 2019", 30, 42, 0),
        DateSpan("early November", 80, 94, 0, "back"),
        DateSpan("March", 120, 125, 1, "back"),
    ]
    found = {m.text: m.value for m in normalise_dates(spans, published)}
    assert found["early November"] == dt.date(2019, 11, 1)
    # Another sentence's month is read against the publication as ever.
    assert found["March"] == dt.date(2019, 3, 1)
    # Even in an undated article the month has its year from the sentence.
    undated = {m.text: m.value for m in normalise_dates(spans, UNDATED)}
    assert undated["early November"] == dt.date(2019, 11, 1)
    assert undated["March"] is None


@pytest.mark.parametrize("text", ["200,000 years ago", "about 3,000 years ago", "1000 years ago"])
def test_a_time_too_long_ago_is_found_but_never_placed_on_a_date(text):
    assert normalise(text, dt.date(2020, 5, 16)) == (
        None, "none", True, "too long ago for a date"
    )  # fmt: skip
    assert normalise("500 years ago", dt.date(2020, 5, 16))[0] == dt.date(1520, 1, 1)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Bloomberg can win in the Super Tuesday states.", True),
        ("Black Friday sales rose.", True),
        ("Her newest book Saturday Millionaires is out.", True),
        ("Wednesday Addams From The Addams Family", True),
        # A day: after "on", before a month, before a verb, after a full stop.
        ("He said on Wednesday Trump would go.", False),
        ("The vote is on Tuesday March 3.", False),
        ("Trump said Wednesday that he would go.", False),
        ("It rained on Saturday. Sunday was dry.", False),
        ("On Friday, fishermen rescued 700 people.", False),
        ("In Wednesday's Budget, Mr Brown doubled it.", False),
        ("Flood defences\nMonday Smith said no.", True),
    ],
)
def test_a_weekday_in_a_name_is_not_a_day(sentence, name):
    day = next(
        d
        for d in ("Monday", "Tuesday", "Wednesday", "Friday", "Saturday", "Sunday")
        if d in sentence
    )
    start = sentence.index(day)
    assert weekday_in_a_name(sentence, start, start + len(day)) is name
