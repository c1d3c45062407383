"""Headline, outlet, publication date and summary of the seed articles."""

from __future__ import annotations

import datetime as dt

import pytest
from newscorpus.reading.parse import parse_article
from newscorpus.reading.sources import SourceRecord, parse_published


@pytest.mark.parametrize(
    ("seed", "headline"),
    [
        ("000", "Turkey says to produce S-500s with Russia after S-400 missile deal"),
        ("001", "Turkey, Russia Get Closer, Discuss Joint Production of Defense Systems"),
        ("003", "Turkey to produce missile system with Russia"),
        ("004", "Erdogan: Russia and Turkey Should Make S-500’s Together"),
    ],
)
def test_headline_is_the_first_headline_line(seeds, seed, headline):
    assert seeds[seed].headline == headline
    assert not seeds[seed].headline_derived


def test_file_without_headline_gets_one_from_its_lead_sentence(seeds):
    article = seeds["002"]
    assert article.headline_derived
    assert article.headline.startswith(
        "In March, Turkish President Recep Tayyip Erdogan reiterated"
    )
    assert article.headline.endswith("…")
    assert "Listen Live" not in article.headline


@pytest.mark.parametrize(
    ("seed", "outlet"),
    [
        ("000", "Defence Notes"),
        ("001", "DESPARDES News Monitor"),
        ("002", "Unknown outlet"),
        ("003", "DW"),
        ("004", "Unknown outlet"),
    ],
)
def test_outlet_named_in_the_text(seeds, seed, outlet):
    assert seeds[seed].outlet == outlet


def test_stated_dateline_gives_the_day(seeds):
    published = seeds["003"].published
    assert (published.value, published.precision, published.status) == (
        dt.date(2019, 5, 19),
        "day",
        "stated",
    )
    assert published.label == "19 May 2019"


def test_page_clock_stamp_alone_is_not_a_publication_date(seeds):
    published = seeds["002"].published
    assert published.status == "undated"
    assert published.value is None


@pytest.mark.parametrize("seed", ["000", "001", "004"])
def test_background_dates_in_the_text_are_not_taken_for_the_publication_date(seeds, seed):
    # 000 says "on 18 May" with no year; 001 and 004 mention "December 2017" as background.
    assert seeds[seed].published.status == "undated"
    assert seeds[seed].published.label == "Undated"


def test_summary_is_the_first_sentences_of_the_cleaned_body(seeds):
    assert seeds["003"].lede == (
        "The Turkish president has described plans to help Russia build its next generation "
        "missile defense system. The move is likely to further strain Turkey's relations with "
        "the United States."
    )


def test_sources_csv_record_overrides_detection(seeds):
    from conftest import CORPUS

    path = next(CORPUS.glob("004_*.txt"))
    record = SourceRecord("Example Times", "https://example.org/a", parse_published("2019-05-20"))
    article = parse_article(path.read_bytes(), path.name, record)
    assert article.outlet == "Example Times"
    assert article.published.value == dt.date(2019, 5, 20)
    assert article.published.reason.startswith("sources.csv")


def _article(body: str, headline: str = "A headline for a test article") -> bytes:
    return f"{headline}\n\n{body}\n".encode()


@pytest.mark.parametrize(
    ("body", "iso", "precision"),
    [
        (
            "The minister said today, 19 May 2019, that the plan had failed badly.",
            "2019-05",
            "month",
        ),
        ("As of March 2019, the company had 200 staff in the city, it said.", "2019-03", "month"),
        ("Sales have risen by 5% in 2019 so far, the company said on Monday.", "2019", "year"),
    ],
)
def test_date_the_text_calls_current_is_inferred(body, iso, precision):
    published = parse_article(_article(body), "x.txt").published
    assert (published.iso, published.precision, published.status) == (iso, precision, "inferred")


@pytest.mark.parametrize(
    "body",
    [
        "Business confidence has weakened for the first time since March 2003, a survey found.",
        "The manager has signed a new contract to stay at the club until May 2008, it said.",
        "The guitarist vanished 10 years ago, on 1 February 1995, and was never found again.",
    ],
)
def test_past_and_future_dates_in_the_lead_do_not_date_the_article(body):
    assert parse_article(_article(body), "x.txt").published.status == "undated"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published On 12 Jan 2022", "2022-01-12"),
        ("Sat 18 May 2019 14.05 BST", "2019-05-18"),
        ("Posted on June 4, 2021 by admin", "2021-06-04"),
        ("2019-05-19", "2019-05-19"),
    ],
)
def test_dateline_under_the_headline_is_stated(line, iso):
    body = "The council met on Tuesday and voted on the plan."
    raw = f"A headline for a test article\n{line}\n\n{body}\n"
    article = parse_article(raw.encode(), "x.txt")
    assert (article.published.iso, article.published.status) == (iso, "stated")
    assert line not in article.body_text


@pytest.mark.parametrize(
    "lines",
    [
        ["Termin: 21.02.2020, 19 Uhr"],
        ["Deadline: 3 November 2019"],
        ["Camera: Canon EOS 60Da", "Exposure: 60 x 3 min", "Date: 31/08/2019", "Place: Kasberg"],
    ],
)
def test_a_labelled_date_of_something_else_does_not_date_the_article(lines):
    body = "The council met on Tuesday and voted on the plan to build a new library."
    raw = "A headline for a test article\n\n" + "\n".join(lines) + f"\n\n{body}\n"
    article = parse_article(raw.encode(), "x.txt")
    assert article.published.status == "undated"
    assert body in article.body_text


def test_a_labelled_publication_date_still_dates_the_article():
    raw = (
        "A headline for a test article\nPublished: 06:12, 10 May 2020\n\n"
        "The council met on Tuesday and voted on the plan to build a new library.\n"
    )
    published = parse_article(raw.encode(), "x.txt").published
    assert (published.iso, published.status) == ("2020-05-10", "stated")


def test_clock_stamp_confirmed_by_the_text_gives_the_year():
    raw = (
        "10:02 GMT 3 March 2021\nA headline for a test article\n\n"
        "The council said its 2021 budget would be voted on in the spring, officials said.\n"
    )
    published = parse_article(raw.encode(), "x.txt").published
    assert (published.iso, published.precision, published.status) == ("2021", "year", "inferred")


def test_headline_with_site_suffix_names_the_outlet():
    raw = _article(
        "The council met on Tuesday and voted on the plan.",
        "Council votes on plan | Springfield Post",
    )
    article = parse_article(raw, "x.txt")
    assert article.headline == "Council votes on plan"
    assert article.outlet == "Springfield Post"


def test_a_derived_headline_comes_from_the_lead_not_a_time_kept_above_it():
    # No title line; a clock stamp the cleaner kept opens the body. The lead makes the
    # headline, not "01.21.2020 07:00 AM".
    lead = (
        "The computing power required for landmarks of machine learning has doubled every "
        "few months for a decade, researchers at three universities said on Tuesday."
    )
    second = "They say the energy used to train one large model now matches a small town's."
    menu = "Skip to content\nHome\nBusiness\nScience\nSign In\nSubscribe\n"
    raw = f"{menu}Business\n01.21.2020 07:00 AM\n{lead}\n{second}\n".encode()
    article = parse_article(raw, "x.txt")
    assert article.headline_derived
    assert article.headline.startswith("The computing power required")  # keep: the lead
    assert "07:00" not in article.headline  # drop: the time


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("21.01.2020 07:00", "2020-01-21"),  # the day first, as dots are mostly written
        ("01.21.2020 07:00 AM", "2020-01-21"),  # the month first: 21 cannot be a month
        ("04/03/2019", ""),  # April or March, depending on the country: not guessed
    ],
)
def test_a_date_in_figures_is_read_only_where_it_cannot_be_misread(written, iso):
    lead = (
        "The night train to the coast will run again from June, after two years in which "
        "the line was closed for repairs, the regional rail authority said."
    )
    raw = f"Night train to the coast returns in June\n{written}\n\n{lead}\n".encode()
    article = parse_article(raw, "x.txt")
    assert article.published.iso == iso
    assert lead in article.body_text  # keep: the lead
