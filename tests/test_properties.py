"""Property tests: arbitrary text through the cleaner, the date normaliser and the extractor.

Nothing raises; cleaning never adds text; every line of the input is either kept or
removed with a reason, and no line is both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from newscorpus.entities.canonical import Curation
from newscorpus.entities.dates import normalise
from newscorpus.entities.extract import extract_corpus
from newscorpus.reading.clean import clean, to_blocks, to_units
from newscorpus.reading.decode import UnreadableFile, decode
from newscorpus.reading.parse import parse_article

# Lines that trip the cleaner's rules, mixed with arbitrary ones.
FURNITURE = [
    "Advertisement",
    "Skip to main content",
    "Home | News | Sport | Weather",
    "Read more: Council approves the budget",
    "Subscribe to our newsletter",
    "Share this article",
    "By Jane Smith, Political Correspondent",
    "Updated 14:32 GMT, 3 March 2021",
    "© 2021 Example News. All rights reserved.",
    "Related stories",
    "More from Politics",
    "Image caption: Ministers arriving in Brussels",
    "Getty Images",
    "12 comments",
    "[ad_slot id=7]",
    "LONDON (Reuters) -",
]
SENTENCES = [
    "The council voted on Tuesday to approve the budget, the mayor said.",
    "Recep Tayyip Erdogan said Turkey would buy the S-400 from Russia.",
    "“We will not back down,” she told reporters in Ankara on 3 May 2019.",
    "Shares in Acme Corp rose 4% after the results.",
    "The S-500s will be delivered next year, Rostec said.",
]
line = st.one_of(
    st.sampled_from(FURNITURE),
    st.sampled_from(SENTENCES),
    st.text(max_size=120),
    st.text(alphabet="abcdefghij KLMNOP.,:;-|“”\"'0123456789", max_size=200),
)
documents = st.lists(line, max_size=30).map("\n".join)


# Words, with closing punctuation apart: the cleaner joins a line that starts with it
# to the line before, undoing a scraper's split ("here" / ". More" -> "here. More").
TOKEN = re.compile(r"[^\s.,;:!?)\]}%»”’…]+|[.,;:!?)\]}%»”’…]")


def tokens(text: str) -> Counter:
    return Counter(TOKEN.findall(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
# Found by this test: a lone "0" was taken for the headline, then removed as a counter.
@example("0\nRead more: Council approves the budget")
def test_cleaning_never_adds_text_and_accounts_for_every_line(document):
    try:
        text, _ = decode(document.encode("utf-8"))
    except UnreadableFile:
        return
    units = to_units(text)
    assert sum((tokens(u.text) for u in units), Counter()) == tokens(text)
    cleaned = clean(units)
    assert len(cleaned.reasons) == len(units)
    kept = [u for u, reason in zip(units, cleaned.reasons, strict=True) if reason is None]
    removed = [u for u, reason in zip(units, cleaned.reasons, strict=True) if reason is not None]
    assert all(reason for reason in cleaned.reasons if reason is not None)
    # Kept and removed together are exactly the input, word for word.
    assert sum((tokens(u.text) for u in kept + removed), Counter()) == tokens(text)
    # Every non-blank input line is in exactly one unit; every removed line is listed.
    numbered = [n for u in units for n in u.line_numbers]
    lines = text.split("\n")
    assert sorted(numbered) == [n for n, s in enumerate(lines, start=1) if s.strip()]
    listed = {r.line_no for r in cleaned.removed_lines()}
    assert listed == {n for u in removed for n in u.line_numbers}
    # The body and headline hold only kept text.
    blocks = to_blocks(cleaned)
    headline = [] if cleaned.headline_index is None else [units[cleaned.headline_index].text]
    body = sum((tokens(b.text) for b in blocks), Counter()) + tokens(" ".join(headline))
    assert body == sum((tokens(u.text) for u in kept), Counter())


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_parse_to_an_article_or_a_reason(raw):
    try:
        article = parse_article(raw, "x.txt")
    except UnreadableFile as error:
        assert str(error)
        return
    assert article.headline and article.blocks
    assert all(block.text.strip() for block in article.blocks)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(["3 May", "last Tuesday", "May 2019", "next year", "the 1990s"]),
    ),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))),
)
def test_the_date_normaliser_takes_any_text(text, base):
    result = normalise(text, base)
    if result is None:
        return
    value, precision, relative, note = result
    assert precision in {"day", "month", "year", "none"}
    assert (value is None) == (precision == "none")
    assert isinstance(relative, bool) and isinstance(note, str)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(documents, min_size=1, max_size=3))
def test_the_extractor_takes_any_article(texts):
    articles = []
    for number, text in enumerate(texts):
        try:
            articles.append(parse_article(text.encode("utf-8"), f"{number}.txt"))
        except UnreadableFile:
            continue
    corpus = extract_corpus(articles, processes=1, curation=Curation())
    assert len(corpus.articles) == len(articles)
    for extraction in corpus.articles:
        for entity in extraction.entities:
            assert entity.name and entity.type in {"PERSON", "ORG", "PLACE", "WEAPON"}
            for mention in entity.mentions:
                assert extraction.text[mention.start : mention.end] == mention.text
        for date in extraction.dates:
            assert extraction.text[date.start : date.end] == date.text
            assert (date.value is None) == (date.precision == "none")
