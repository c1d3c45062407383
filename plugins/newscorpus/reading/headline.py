"""Which line of a page is the article's headline.

The headline is a short, title-shaped line just above the article: between it
and the first paragraph there is at most a kicker, a byline, a date, a
standfirst, a picture and its caption, or a share bar. Menus, teasers and site
lines come further up and look different: runs of short lines, section words,
lines without a finished thought. A title that the page repeats (in a
breadcrumb, the title bar "Headline | Site", share text) is more likely the
headline than one it says once.

No one of these cues decides: a conditional logit fitted on real pages
(``data/headline-model.json``, refit with ``bench/train_headlines.py``) weighs them
all and gives each candidate its chance of being the headline, beside the chance
that none is. The likeliest is shown as the headline when its chance is high
enough; otherwise the headline is derived from the lead, and a likely line still
marks where the article's head (its date, its byline) begins. A file that opens
with its title (a clean text) needs no model.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..model import Unit
from . import datelines, learned
from .furniture import POST_ATTRIBUTION, is_name_line, is_persons_name, is_section_label
from .language import UNSPACED_SCRIPT, Language, length_in_words
from .learned import Logistic
from .shape import ends_sentence, is_prose, words

# Lines of the page's chrome: a title above them is less likely the article's.
ABOVE_HEADLINE = frozenset({"menu", "skip link", "keyword line"})
# How far above the article a headline may sit, in units (a long menu comes first).
SEARCH_UNITS = 60
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 30
# A line this short counts only when the page repeats it (a one-word title is rare).
SHORT_TITLE_WORDS = 3
LONG_TITLE_WORDS = 5
LONG_TITLE_MAX_WORDS = 15
NEARBY_UNITS = 6
BYLINE_REACH = 3
PROSE_WORDS = 8
LEAD_PARAGRAPHS = 3
UNSPACED_RUN = re.compile(f"(?:{UNSPACED_SCRIPT.pattern})+")
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
TITLE_BAR = re.compile(r"\s[|–—·»]\s|\s-\s")
MENU_RUN = 3
MENU_ITEM_WORDS = 4
MENU_KINDS = frozenset({"menu", "section label", "share widget"})
AUTHOR_NEIGHBOURS = frozenset({"byline", "dateline", "clock stamp", "reading time"})
# "Posted on" over its date, "Article by" over its author: a field's label, not a title.
LABEL_WORDS = 3
# A caption's note: "… ahead of a match. (FILE)", "(Picture by Jameel Springer)".
BRACKETED_NOTE = re.compile(r"\([^()]{1,60}\)\W*$")
# A picture's line, never a title: its credit ("… Mikaela Shiffrin. © AFP / JEFF PACHOUD"),
# its file name ("CSD-Parade.jpg"), a stock picture's note ("(Symbolbild)").
PICTURE_LINE = re.compile(
    r"©|\.(?:jpe?g|png|gif|webp|svg)\b|\b(?:symbolbild|symbolfoto|archivbild|archivfoto"
    r"|file photo|stock photo)\b",
    re.IGNORECASE,
)
# A breadcrumb: "Home » Recipes » Sharing » Olive & Herb Focaccia Bread".
BREADCRUMB = re.compile(r"(?:\s[»›>]\s.*){2}")
# An embedded post's text runs at most this many lines down to its attribution.
POST_REACH = 4
# A clean file's title is its first line, this close above the article.
OPENING_REACH = 6
MODEL_FILE = learned.DATA / "headline-model.json"
# A menu whose items lost their spaces: "AméricaMéxicoVenezuelaEEUUColombia…". A title
# has a few such joins at most ("iPhone", "MacTechNews").
GLUED_WORD = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")
GLUED_WORDS_MAX = 4

# The evidence for and against each candidate. For: said twice in a row (the page's
# title and its heading) or again elsewhere, long enough to be a title, above a byline
# or date, in the words of the article, in the lead's own words (weighed by how rarely
# the page uses them: a teaser on the same subject shares the page's common words, the
# headline the lead's particular ones), the first of two title lines (a headline, then
# its standfirst), the file's first plain line with no page chrome under it (a file
# that starts with its title). Against: an item of a menu, a full stop, a sentence's
# length, a person's name alone (the author), page chrome or other titles between it
# and the article, distance, a last word that leaves the line unfinished ("Article by"),
# the label of a date or byline field ("Posted on"), a caption's bracketed note. Beside
# it, how long the title lines right above and below it are: a kicker over the headline
# is shorter, a standfirst under it longer. The
# weights are fitted on the pages development set (``bench/train_headlines.py``); below
# the threshold the headline is derived from the lead instead: a wrong headline is worse
# than none.
FEATURE_NAMES: tuple[str, ...] = (
    "repeated nearby",
    "repeated on the page",
    "log length",
    "three words or more",
    "five words or more",
    "over fifteen words",
    "above a byline or date",
    "share of the article's words",
    "share of the lead's rare words",
    "above a standfirst",
    "opens the file",
    "in a menu",
    "ends with a full stop",
    "ends with ? or !",
    "a name alone",
    "page chrome below it",
    "log rank among candidates",
    "log units to the article",
    "relative position",
    "blank line before",
    "capitalised-word share",
    "digit share",
    "function-word share",
    "title bar separator",
    "all capitals",
    "line above is furniture",
    "line above is a menu item",
    "line below is prose",
    "line below is furniture",
    "longest candidate",
    "log long titles nearer",
    "log content words",
    "log words shared with the lead",
    "log words shared with the article",
    "most of the article's words",
    "most of the lead's rare words",
    "nearest long title",
    "log plain lines below it",
    "said within another line",
    "said within the lead",
    "ends with a function word",
    "a label over a date or byline",
    "ends with a bracketed note",
    "log length ratio to a title above",
    "log length ratio to a title below",
)


@functools.cache
def load_model() -> Logistic | None:
    """The fitted model (threshold ``headline above``), or None when the data file is
    missing or stale: then no line is taken for the headline."""
    return learned.load(MODEL_FILE, FEATURE_NAMES)


def find_headline(
    units: Sequence[Unit], reasons: Sequence[str | None], start: int, end: int, language: Language
) -> tuple[int | None, int | None]:
    """The headline above the article ``units[start:end]`` and where the article's head
    begins: ``(index, index)`` for a line with enough of a headline's marks; ``(None,
    index)`` for a likely line that is not sure enough to be shown as the headline but
    still marks the top of the article's head (where its date and byline are looked
    for); ``(None, None)`` when no line is likely."""
    opening = _opening_title(units, reasons, start)
    if opening is not None:
        return opening, opening
    model = load_model()
    rows = candidate_features(units, reasons, start, end, language)
    if model is None or not rows:
        return None, None
    chances = model.choice([features for _, features in rows])
    chance, index = max(zip(chances, (index for index, _ in rows), strict=True))
    if chance >= model.thresholds["headline above"]:
        return index, index
    return None, (index if chance >= model.thresholds["head above"] else None)


def _opening_title(units: Sequence[Unit], reasons: Sequence[str | None], start: int) -> int | None:
    """A file that starts with its title: its first line, title-shaped and not a sentence,
    then at most a few lines (a byline, a date, a standfirst) and the article, with no
    page chrome anywhere above it (a clean text, a copied article). A page is left to
    the model."""
    if not 0 < start <= OPENING_REACH or any(reason is not None for reason in reasons[:start]):
        return None
    text = units[0].text.rstrip()
    if BREADCRUMB.search(text) or PICTURE_LINE.search(text):
        return None  # a page's breadcrumb or picture line first: the model decides
    # "Rivals of the £400 Apple...": an ellipsis is a title's, a full stop a sentence's.
    sentence = text.endswith((".", "。")) and not text.endswith("...")
    return 0 if is_title_shaped(text) and not sentence else None


def candidate_features(
    units: Sequence[Unit], reasons: Sequence[str | None], start: int, end: int, language: Language
) -> list[tuple[int, list[float]]]:
    """Each headline candidate above the article, nearest first, with its features."""
    candidates = headline_candidates(units, reasons, start)
    if not candidates:
        return []
    near, anywhere = _repeats(units)
    body_words = _content_words(" ".join(unit.text for unit in units[start:end]), language)
    lead_share = _lead_share(units, start, end, language)
    lengths = {i: length_in_words(units[i].text) for i, _ in candidates}
    titles = {i for i, length in lengths.items() if length >= SHORT_TITLE_WORDS}
    longest = max(lengths.values())
    article_shares = {i: _share_of_words(units[i].text, body_words, language) for i in lengths}
    lead_shares = {i: lead_share(units[i].text) for i in lengths}
    lead_words = _content_words(
        " ".join(u.text for u in units[start:end] if length_in_words(u.text) >= PROSE_WORDS)[:2000],
        language,
    )
    best_article, best_lead = max(article_shares.values()), max(lead_shares.values())
    nearest_long = next((i for i, _ in candidates if lengths[i] >= LONG_TITLE_WORDS), None)
    keys = [_key(unit.text) for unit in units]
    page_text = "\n".join(keys)
    said_alone = Counter(keys)
    lead_text = " ".join(keys[start : start + LEAD_PARAGRAPHS])

    def within_another(index: int) -> bool:
        """The page says the line again inside a longer one (a breadcrumb, share text)."""
        own = keys[index]
        return page_text.count(own) > said_alone[own]

    rows = []
    long_nearer = 0
    for rank, (index, across_chrome) in enumerate(candidates):
        text = units[index].text
        length = lengths[index]
        tokens = words(text)
        content = _content_words(text, language)
        plain_below = sum(
            reason is None and not is_title_shaped(units[i].text)
            for i, reason in enumerate(reasons[index + 1 : start], start=index + 1)
        )
        above = index - 1
        below = index + 1
        row = [
            float(index in near),
            float(_key(text) in anywhere),
            math.log1p(length),
            float(length >= SHORT_TITLE_WORDS),
            float(length >= LONG_TITLE_WORDS),
            float(length > LONG_TITLE_MAX_WORDS),
            float(_above_byline(reasons, index)),
            article_shares[index],
            lead_shares[index],
            float(index - 1 not in titles and index + 1 in titles),
            float(_opens_file(reasons, index, start)),
            float(_in_menu(units, reasons, index)),
            float(text.rstrip().endswith((".", "。"))),
            float(text.rstrip().endswith(("?", "!", "？", "！"))),
            float(is_name_line(text)),
            float(across_chrome),
            math.log1p(rank),
            math.log1p(start - index),
            index / len(units),
            float(units[index].blank_before),
            sum(token[:1].isupper() for token in tokens) / max(len(tokens), 1),
            sum(char.isdigit() for char in text) / max(len(text), 1),
            language.stopword_share(tokens) if language.stopwords else 0.0,
            float(bool(TITLE_BAR.search(text))),
            float(text.isupper()),
            float(above >= 0 and reasons[above] is not None),
            float(above >= 0 and _is_menu_item(units[above].text, reasons[above])),
            float(below < len(units) and reasons[below] is None and is_prose(units[below].text)),
            float(below < len(units) and reasons[below] is not None),
            float(length == longest),
            math.log1p(long_nearer),
            math.log1p(len(content)),
            math.log1p(len(content & lead_words)),
            math.log1p(len(content & body_words)),
            float(article_shares[index] == best_article),
            float(lead_shares[index] == best_lead),
            float(index == nearest_long),
            math.log1p(plain_below),
            float(length >= SHORT_TITLE_WORDS and within_another(index)),
            float(length >= SHORT_TITLE_WORDS and _key(text) in lead_text),
            float(bool(tokens) and tokens[-1].casefold() in language.stopwords),
            float(length <= LABEL_WORDS and _above_byline(reasons, index, reach=1)),
            float(bool(BRACKETED_NOTE.search(text))),
            math.log((1 + lengths[above]) / (1 + length)) if above in titles else 0.0,
            math.log((1 + lengths[below]) / (1 + length)) if below in titles else 0.0,
        ]
        rows.append((index, row))
        long_nearer += length >= LONG_TITLE_WORDS
    return rows


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


def _above_byline(reasons: Sequence[str | None], index: int, reach: int = BYLINE_REACH) -> bool:
    """A byline, date or reading time follows within ``reach`` lines."""
    following = reasons[index + 1 : index + 1 + reach]
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
        if (
            is_title_shaped(text)
            and not _is_date_label(units, reasons, index)
            and not _is_author_line(units, reasons, index)
            and not _in_embedded_post(units, index)
            and not is_persons_name(text)  # an author's box: "Alice Wu"
            and not PICTURE_LINE.search(text)
            and not BREADCRUMB.search(text)
        ):
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
    """``Helena Varga in Brussels`` beside a byline or date line (a separator such as "/"
    between them aside): the author, not a title."""
    beside = set()
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(reasons) and reasons[other] == "separator":
            other += step
        if 0 <= other < len(reasons):
            beside.add(reasons[other])
    return bool(beside & AUTHOR_NEIGHBOURS) and is_name_line(units[index].text)


def _is_date_label(units: Sequence[Unit], reasons: Sequence[str | None], index: int) -> bool:
    """ "Posted on", "Veröffentlicht am" on a line of its own over the date it labels."""
    text = units[index].text
    return (
        length_in_words(text) <= LABEL_WORDS
        and _above_byline(reasons, index, reach=1)
        and datelines.is_stated_cue(text)
    )


def _in_embedded_post(units: Sequence[Unit], index: int) -> bool:
    """A post's attribution ("— Name (@handle)") or its text just above it: a quoted post,
    not the article's title."""
    following = units[index : index + POST_REACH]
    return any(POST_ATTRIBUTION.match(unit.text) for unit in following)


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
    if len(GLUED_WORD.findall(stripped)) > GLUED_WORDS_MAX:
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
