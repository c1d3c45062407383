"""Where the article is on a page: the run of prose the page is about.

A saved page is mostly short lines (menus, teasers, widgets) with the article as
one long run of paragraphs somewhere in it. Each unit scores by what it looks
like: running text (long, full of function words, ending like a sentence) scores
its length; a short line, a little below zero; a line the furniture rules know,
more. The article is the stretch with the highest total (the largest-sum run,
as in body-text extraction), so it starts and ends at paragraphs and carries
the short lines inside it (subheads, link text) along.

What follows an article can be long prose too: readers' comments, an author's
biography, "about us" and legal text. Those start at a line that says so ("12
Comments", "About the author", a copyright notice); once the article has begun,
such a line ends it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Unit
from .language import Language, length_in_words
from .shape import ends_sentence, words

# Line kinds after which only more page follows, once the article has begun.
PAGE_RESUMES = frozenset({"comment form", "comments heading", "copyright notice", "author bio"})
PROSE_MIN_WORDS = 8
PROSE_MIN_STOPWORDS = 0.18
# Without a sentence end, a line is running text only when it is this long.
LONG_MIN_WORDS = 20
SHORT_LINE_SCORE = -2.0
# A question or exclamation shorter than this, opening the run, is title-shaped.
TITLE_QUESTION_WORDS = 16
# The article's head fields: a line under them is below the headline.
HEAD_FIELDS = frozenset({"byline", "dateline", "reading time"})
FURNITURE_SCORE = -4.0
# Prose counts from its eighth word: a one-sentence blurb barely outweighs a menu line.
PROSE_OFFSET = 6
# An earlier run this large, next to the best, is the article and the best run its comments.
COMMENTS_SHARE = 0.2
# Before a page-resumes line can end the article, this share of its prose must be above it.
ARTICLE_SHARE = 0.35
# Readers' comments can be far longer than the article: a comments section (a heading and
# a reply link or two) ends the article once this many paragraphs are above it.
PARAGRAPHS_ABOVE = 2
COMMENT_MARKERS = frozenset({"comment form", "comments heading"})
COMMENT_SECTION_MARKERS = 3


def article_span(
    units: Sequence[Unit], reasons: Sequence[str | None], language: Language
) -> tuple[int, int]:
    """``(start, end)``: the article is ``units[start:end]``; ``(0, 0)`` when there is none."""
    scores = [
        unit_score(unit.text, reason, language) for unit, reason in zip(units, reasons, strict=True)
    ]
    start, end = best_run(scores, 0, len(scores))
    if start == end:
        return start, end
    start, end = _before_comments(reasons, scores, start, end)
    cut = _page_resumes(units, reasons, scores, start, end)
    if cut < end:
        start, end = best_run(scores, start, cut)
    return _past_title_question(units, reasons, scores, start, end), end


def _before_comments(
    reasons: Sequence[str | None], scores: Sequence[float], start: int, end: int
) -> tuple[int, int]:
    """When the best run comes after a comments heading and the page has an article-sized run
    before that heading, the best run is readers' comments: the article is the earlier run."""
    best = sum(scores[start:end])
    for marker in range(start):
        if reasons[marker] not in PAGE_RESUMES:
            continue
        earlier_start, earlier_end = best_run(scores, 0, marker)
        if sum(scores[earlier_start:earlier_end]) >= COMMENTS_SHARE * best:
            return earlier_start, earlier_end
    return start, end


def unit_score(text: str, reason: str | None, language: Language) -> float:
    """How much a unit looks like article text (> 0) or like page (< 0)."""
    if reason is not None:
        return FURNITURE_SCORE
    length = length_in_words(text)
    if is_running_text(text, length, language):
        return float(length - PROSE_OFFSET)
    return SHORT_LINE_SCORE


def _past_title_question(
    units: Sequence[Unit],
    reasons: Sequence[str | None],
    scores: Sequence[float],
    start: int,
    end: int,
) -> int:
    """Where the run starts once a short question or exclamation that opens it ("Wie hoch
    sind die Zinsen für einen Privatkredit?") is left above it: that line reads as the
    headline, and stays a headline candidate; the paragraph after it opens the article.
    Not under a byline or date: there the headline is above them, and the line is the
    article's standfirst."""
    text = units[start].text
    question = length_in_words(text) < TITLE_QUESTION_WORDS and text.rstrip().endswith(
        ("?", "!", "？", "！")
    )
    under_head = any(reason in HEAD_FIELDS for reason in reasons[max(0, start - 3) : start])
    moves = question and not under_head and start + 1 < end and scores[start + 1] > 0
    return start + 1 if moves else start


def is_running_text(text: str, length: int, language: Language) -> bool:
    """A paragraph of running text in the page's language."""
    if length < PROSE_MIN_WORDS or not (length >= LONG_MIN_WORDS or ends_sentence(text)):
        return False
    return not language.stopwords or language.stopword_share(words(text)) >= PROSE_MIN_STOPWORDS


def best_run(scores: Sequence[float], start: int, end: int) -> tuple[int, int]:
    """The stretch of ``scores[start:end]`` with the largest sum (Kadane's algorithm)."""
    best, best_span = 0.0, (start, start)
    total, run_start = 0.0, start
    for index in range(start, end):
        if total <= 0:
            total, run_start = 0.0, index
        total += scores[index]
        if total > best:
            best, best_span = total, (run_start, index + 1)
    return best_span


def _page_resumes(
    units: Sequence[Unit],
    reasons: Sequence[str | None],
    scores: Sequence[float],
    start: int,
    end: int,
) -> int:
    """The first line in the run after which the page resumes, or ``end``.

    A comments link under the headline ("Write a comment") is not where the article
    ends: the line counts only once a good part of the run's prose is above it. Readers'
    comments can outweigh a short article, so a comments section (this marker and two
    more below it: a heading, reply links) ends it once two paragraphs are above.
    """
    total = sum(score for score in scores[start:end] if score > 0)
    markers_from = [0] * (end - start + 1)  # comment markers from each index to the end
    for index in range(end - 1, start - 1, -1):
        markers_from[index - start] = markers_from[index - start + 1] + (
            reasons[index] in COMMENT_MARKERS
        )
    above = 0.0
    paragraphs = 0
    for index in range(start, end):
        if reasons[index] in PAGE_RESUMES and above >= ARTICLE_SHARE * total:
            return index
        section = markers_from[index - start] >= COMMENT_SECTION_MARKERS
        if reasons[index] in COMMENT_MARKERS and section and paragraphs >= PARAGRAPHS_ABOVE:
            return index
        above += max(scores[index], 0.0)
        paragraphs += scores[index] > 0
    return end
