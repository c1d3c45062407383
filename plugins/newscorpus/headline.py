"""Which line of a page is the article's headline.

The headline is a short, title-shaped line just above the article: between it
and the first paragraph there is at most a kicker, a byline, a date, a
standfirst, a picture and its caption, or a share bar. Menus, teasers and site
lines come further up and look different: runs of short lines, section words,
lines without a finished thought. A title that the page repeats (in a
breadcrumb, the title bar "Headline | Site", share text) is more likely the
headline than one it says once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from .furniture import is_name_line, is_section_label
from .language import UNSPACED_SCRIPT, Language, length_in_words
from .model import Unit
from .shape import ends_sentence

# Lines of the page's chrome: a title above them is less likely the article's.
ABOVE_HEADLINE = frozenset({"menu", "skip link", "keyword line"})
# How far above the article a headline may sit, in units.
SEARCH_UNITS = 25
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 30
# A line this short counts only when the page repeats it (a one-word title is rare).
SHORT_TITLE_WORDS = 3
# Evidence for a headline, in points. For: said twice in a row (the page's title and
# its heading), long enough to be a title, above a byline or date, in the words of
# the article, in the lead's own words (weighed by how rarely the page uses them:
# a teaser on the same subject shares the page's common words, the headline the
# lead's particular ones), the first of two title lines (a headline, then its
# standfirst), the file's first plain line with no page chrome under it (a file that
# starts with its title). Against: an item of a menu, a full stop, a sentence's
# length, a person's name alone (the author), page chrome between it and the
# article, distance.
# Weighed on the pages development set (bench/reading.py); below the minimum, the
# headline is derived from the lead instead: a wrong headline is worse than none.
REPEATED_NEARBY = 2
FULL_TITLE = 1
LONG_TITLE = 3
LONG_TITLE_WORDS = 5
ABOVE_BYLINE = 2
ABOUT_THE_ARTICLE = 4
ABOUT_THE_LEAD = 1
LEAD_PARAGRAPHS = 3
ABOVE_STANDFIRST = 1
FILE_TITLE = 5
MENU_ITEM = 1
SENTENCE = 3
NAME_ONLY = 1
ACROSS_CHROME = 1
TOO_LONG = 1
LONG_TITLE_MAX_WORDS = 15
FARTHER = 0.05
HEADLINE_MIN_SCORE = 5
NEARBY_UNITS = 6
BYLINE_REACH = 3
PROSE_WORDS = 8
UNSPACED_RUN = re.compile(f"(?:{UNSPACED_SCRIPT.pattern})+")
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
MENU_RUN = 3
MENU_ITEM_WORDS = 4
MENU_KINDS = frozenset({"menu", "section label", "share widget"})
AUTHOR_NEIGHBOURS = frozenset({"byline", "dateline", "clock stamp", "reading time"})


def find_headline(
    units: Sequence[Unit], reasons: Sequence[str | None], start: int, end: int, language: Language
) -> int | None:
    """Index of the headline above the article ``units[start:end]``, or None when no line
    has enough of a headline's marks."""
    candidates = headline_candidates(units, reasons, start)
    if not candidates:
        return None
    near, _ = _repeats(units)
    body_words = _content_words(" ".join(unit.text for unit in units[start:end]), language)
    lead_share = _lead_share(units, start, end, language)
    titles = {i for i, _ in candidates if length_in_words(units[i].text) >= SHORT_TITLE_WORDS}
    scored = []
    for distance, (index, across_chrome) in enumerate(candidates):
        text = units[index].text
        length = length_in_words(text)
        score = (
            REPEATED_NEARBY * (index in near)
            + FULL_TITLE * (length >= SHORT_TITLE_WORDS)
            + LONG_TITLE * (length >= LONG_TITLE_WORDS)
            + ABOVE_BYLINE * _above_byline(reasons, index)
            + ABOUT_THE_ARTICLE * _share_of_words(text, body_words, language)
            + ABOUT_THE_LEAD * lead_share(text)
            + ABOVE_STANDFIRST * (index - 1 not in titles and index + 1 in titles)
            + FILE_TITLE * _opens_file(reasons, index, start)
            - MENU_ITEM * _in_menu(units, reasons, index)
            - SENTENCE * text.rstrip().endswith((".", "。"))
            - TOO_LONG * (length > LONG_TITLE_MAX_WORDS)
            - NAME_ONLY * is_name_line(text)
            - ACROSS_CHROME * across_chrome
            - FARTHER * distance
        )
        scored.append((score, -distance, index))
    score, _, index = max(scored)
    return index if score >= HEADLINE_MIN_SCORE else None


def _lead_share(
    units: Sequence[Unit], start: int, end: int, language: Language
) -> Callable[[str], float]:
    """A line's share of the lead's words, each word weighed by how rarely the page uses it."""
    lines_with: Counter[str] = Counter()
    for unit in units:
        lines_with.update(_content_words(unit.text, language))
    paragraphs = [u.text for u in units[start:end] if length_in_words(u.text) >= PROSE_WORDS]
    lead = _content_words(" ".join(paragraphs[:LEAD_PARAGRAPHS]), language)

    def share(text: str) -> float:
        weights = {word: 1 / lines_with[word] for word in _content_words(text, language)}
        total = sum(weights.values())
        return sum(w for word, w in weights.items() if word in lead) / total if total else 0.0

    return share


def _content_words(text: str, language: Language) -> set[str]:
    """The line's words that carry meaning; in an unspaced script, its pairs of characters."""
    found = {w for w in CONTENT_WORD.findall(text.casefold()) if w not in language.stopwords}
    if language.unspaced:
        for run in UNSPACED_RUN.findall(text):
            found.discard(run.casefold())
            found.update(run[i : i + 2] for i in range(len(run) - 1))
    return found


def _share_of_words(text: str, body_words: set[str], language: Language) -> float:
    """How many of a line's content words the article uses: a headline is about the article."""
    words = _content_words(text, language)
    return sum(word in body_words for word in words) / len(words) if words else 0.0


def _opens_file(reasons: Sequence[str | None], index: int, start: int) -> bool:
    """The file's first line that is not furniture, with no page chrome between it and the
    article: a file that starts with its title."""
    above, below = reasons[:index], reasons[index + 1 : start]
    return all(reason is not None for reason in above) and all(
        reason is None or reason in AUTHOR_NEIGHBOURS for reason in below
    )


def _above_byline(reasons: Sequence[str | None], index: int) -> bool:
    """A byline, date or reading time follows within a few lines."""
    following = reasons[index + 1 : index + 1 + BYLINE_REACH]
    return any(reason in AUTHOR_NEIGHBOURS for reason in following)


def headline_candidates(
    units: Sequence[Unit], reasons: Sequence[str | None], start: int
) -> list[tuple[int, bool]]:
    """Title-shaped lines above the article, nearest first, each with whether page chrome
    (a menu, a skip link) lies between it and the article."""
    candidates = []
    across_chrome = False
    for index in range(start - 1, max(0, start - SEARCH_UNITS) - 1, -1):
        text, reason = units[index].text, reasons[index]
        if reason is not None:
            across_chrome = across_chrome or reason in ABOVE_HEADLINE
            continue
        if is_title_shaped(text) and not _is_author_line(units, reasons, index):
            candidates.append((index, across_chrome))
    return candidates


def _in_menu(units: Sequence[Unit], reasons: Sequence[str | None], index: int) -> bool:
    """The unit is one of three or more short lines in a row: a menu or a list of links."""
    run = 1
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(units) and _is_menu_item(units[other].text, reasons[other]):
            run += 1
            other += step
    return run >= MENU_RUN and _is_menu_item(units[index].text, reasons[index])


def _is_menu_item(text: str, reason: str | None) -> bool:
    return reason in MENU_KINDS or (
        reason is None and length_in_words(text) <= MENU_ITEM_WORDS and not ends_sentence(text)
    )


def _is_author_line(units: Sequence[Unit], reasons: Sequence[str | None], index: int) -> bool:
    """``Helena Varga in Brussels`` beside a byline or date line: the author, not a title."""
    beside = {reasons[i] for i in (index - 1, index + 1) if 0 <= i < len(reasons)}
    return bool(beside & AUTHOR_NEIGHBOURS) and is_name_line(units[index].text)


def is_title_shaped(text: str) -> bool:
    """A few words, not a sentence fragment's end, not a site section, not a menu item."""
    stripped = text.strip().strip("\"'“”‘’«»")
    length = length_in_words(stripped)
    if not HEADLINE_MIN_WORDS <= length <= HEADLINE_MAX_WORDS and not (
        length == 1 and len(stripped) >= 12
    ):
        return False
    if is_section_label(stripped) or stripped.endswith((":", ";", ",")):
        return False
    if ends_sentence(stripped) and stripped.endswith(".") and length > 12:
        return False
    first = stripped[:1]
    # "iTunes now selling…", "eBay profits rise": a brand that starts in lower case.
    brand = first.islower() and stripped[1:2].isupper()
    # Chinese, Japanese, Arabic…: scripts without capitals start a title with any letter.
    uncased = first.lower() == first.upper()
    return first.isupper() or first.isdigit() or uncased or brand


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _repeats(units: Sequence[Unit]) -> tuple[set[int], set[str]]:
    """Units said again within a few lines, and lines the page says more than once
    (or again with a " | Site" tail)."""
    seen: dict[str, int] = {}
    near: set[int] = set()
    anywhere: set[str] = set()
    for index, unit in enumerate(units):
        key = _key(unit.text)
        if key in seen:
            anywhere.add(key)
            if index - seen[key] <= NEARBY_UNITS:
                near.update((seen[key], index))
        seen[key] = index
        for separator in (" | ", " - ", " – ", " — "):
            if separator in key:
                anywhere.add(key.rsplit(separator, 1)[0])
    return near, anywhere
