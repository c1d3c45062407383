"""Separate an article from its page furniture.

The cleaner works on *units*: one line of the file, or several hard-wrapped
lines joined. Single lines are judged by :mod:`newscorpus.reading.furniture`; this
module adds the rules that need position and neighbours: the page header
before the headline, bylines beside a dateline, teaser blocks with everything
they introduce, photo captions above a credit, related-headline lists after the
last paragraph, and the page footer once the article has ended.
Every unit ends up either in the body or in the removed list with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, RemovedLine, Unit
from ..wordlists import load_lines
from . import datelines, linemodel
from .furniture import (
    ACCOUNT_WORDS,
    BYLINE_LABEL,
    POST_ATTRIBUTION,
    READ_ON,
    is_counter,
    is_keyword_list,
    is_name_line,
    is_persons_name,
    is_section_label,
    line_furniture,
)
from .headline import find_headline, is_title_shaped
from .language import UNKNOWN, Language, detect
from .region import article_span
from .shape import ends_sentence, introduces_list, is_headline_shaped, is_prose, word_count

TEASER_HEADING = re.compile(
    r"^(?:more (?:from|in|stories|news|articles|like this|coverage|to read|on this)\b"
    r"|related(?: (?:stories|articles|posts|coverage|content|news|reading|links|topics|videos))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)"
    r"|most (?:read|popular|viewed|shared|watched)|recommended(?: for you| stories| reading)?"
    r"|trending(?: now| stories| news)?|latest (?:news|stories|headlines|articles)|top stories"
    r"|editor'?s picks|what to read next|further reading|popular now|in other news|read next"
    r"|up next|elsewhere on\b|also on\b|also read|read also|read more|keep reading|more stories"
    r"|related links|explore further|recent (?:posts|articles|stories)"
    + "".join(f"|{re.escape(phrase)}" for phrase in sorted(load_lines("teaser-headings.txt")))
    + r")\b[^.!?]{0,40}(?:\.{3})?$",  # "Lee también..."
    re.IGNORECASE,
)
HEADLINE_SCAN_LIMIT = 40
# The date and author lines inside a teaser block: the teaser's own fields.
TEASER_FIELDS = frozenset({"dateline", "clock stamp", "byline"})
# The kinds a post's date line is read as, on its own.
EMBEDDED_POST_DATES = frozenset({"dateline", "clock stamp"})
# A sign-in form: this many lines about accounts, at most ACCOUNT_GAP apart, each of at
# most ACCOUNT_LINE_WORDS words, in a stretch of lines of at most ACCOUNT_STRETCH_WORDS.
ACCOUNT_RUN = 5
ACCOUNT_GAP = 3
ACCOUNT_LINE_WORDS = 30
ACCOUNT_STRETCH_WORDS = 40
# Line kinds that belong to the page around an article, and those that open one.
PAGE_CHROME = frozenset(
    {"skip link", "menu", "share widget", "section label", "advertisement", "newsletter prompt"}
)
ARTICLE_START = frozenset({"byline", "dateline", "reading time", "photo credit"})
# Line kinds that end an article: after them comes only more page.
STRONG_END = frozenset(
    {
        "comment form",
        "copyright notice",
        "credit line",
        "keyword line",
        "teaser block",
        "related headlines",
        "print edition note",
        "author bio",
    }
)
WEAK_END = frozenset({"newsletter prompt", "share widget", "advertisement", "cross-link"})
FOOTER_PARAGRAPH_WORDS = 20
HEAD_UNITS_WITHOUT_HEADLINE = 8
HEAD_UNITS_INTO_ARTICLE = 8
HEAD_REACH = 12
# How far above the headline its repeat may be (see Cleaned.head).
REPEAT_REACH = 6
COMMENT_SECTION = frozenset({"comment form", "comments heading"})
BYLINE_KINDS = frozenset({"byline", "dateline", "reading time"})
# Passes over the head for name lines beside a byline: a name over a desk's line the
# first pass marked ("André Borbe" over "Redaktion Haus.de").
BYLINE_PASSES = 2
CAPTION_MAX_WORDS = 30
CLOSING_PUNCTUATION = frozenset(".,;:!?)]}%»”’…")
OPENING_BRACKETS = ("(", "[")
INLINE_LINK_MAX_WORDS = 6
# A list of other articles' excerpts, each over a link to its rest: links at most this
# many units apart (a title, a date, an excerpt's paragraphs, the link), and how many
# paragraphs an excerpt has at most.
EXCERPT_UNITS = 6
EXCERPT_PARAGRAPHS = 2
# Words a line cannot end on when it is whole ("Fish Cakes, Hot and"): the next line,
# even capitalised, carries it on. Not "by"/"von": a byline's label stands alone.
DANGLING_WORDS = frozenset(
    {"and", "or", "of", "the", "a", "an", "to", "with", "for", "und", "oder", "mit", "der",
     "die", "das", "den", "dem", "des", "für", "et", "ou", "le", "la", "les", "y", "o", "con",
     "el", "los", "las", "e",
     # An auxiliary waits for its verb or complement: "Rust has been" / "Stack Overflow's
     # most loved language". Not "is" or "are" ("Who We Are" ends a title), nor "will"
     # (German ends a clause with it: "wie ich will").
     "been", "has", "have", "had", "would", "should", "could", "being"}
)  # fmt: skip
# A dash and a word in lower case: an aside or the rest of a sentence, cut at a link.
DASH_ASIDE = re.compile(r"[—–] [a-zà-ÿ]")
# An item of a list as a text browser renders it: "* Verband", "+ Fachbereiche", "o Frauen".
LIST_ITEM = re.compile(r"[*+o•·-] \S")
# The rest of a compound whose first part was an element of its own ("KI" / "-Systemen in
# Autos", "COVID-19" / "-Pandemie"): a hyphen straight before a letter.
COMPOUND_REST = re.compile(r"-[A-Za-zÀ-ÖØ-öø-ÿ]")
# An unfinished sentence this long carries on past a blank line (see :func:`continues`).
UNFINISHED_MIN_WORDS = 8
CROSSHEAD_MAX_WORDS = 10


@dataclass(slots=True)
class Cleaned:
    """The units of a file, each with its removal reason (``None`` = article text)."""

    units: list[Unit]
    reasons: list[str | None]
    headline_index: int | None
    # The article's run of prose: units[start:end] (the whole file when it has none).
    start: int = 0
    end: int = 0
    language: Language = UNKNOWN
    # The likeliest title line when none was sure enough to be the headline: the head's top.
    title_index: int | None = None

    def head(self) -> range:
        """The article's head, where it states its date and author: under the headline,
        around the byline, and just into the first paragraphs; not the page's masthead,
        teasers or comments."""
        if self.headline_index is not None:
            top = self._first_saying(self.headline_index) + 1
        elif self.title_index is not None:
            # An unsure title far above the article: the head would span teasers' dates.
            top = max(self._first_saying(self.title_index) + 1, self.start - HEAD_REACH)
        else:
            top = max(0, self.start - HEAD_UNITS_WITHOUT_HEADLINE)
        return range(top, min(len(self.units), self.start + HEAD_UNITS_INTO_ARTICLE))

    def _first_saying(self, index: int) -> int:
        """The first of a title said twice in a row (the page's title bar, then its
        heading, with the date between them)."""
        key = " ".join(self.units[index].text.casefold().split())
        for other in range(max(0, index - REPEAT_REACH), index):
            if " ".join(self.units[other].text.casefold().split()) == key:
                return other
        return index

    def in_article(self, index: int) -> bool:
        """Whether unit ``index`` is kept text within the article's run of prose."""
        return self.reasons[index] is None and self.start <= index < self.end

    def kept(self) -> list[int]:
        return [i for i, reason in enumerate(self.reasons) if reason is None]

    def prose(self) -> list[str]:
        """The article's paragraphs of running text, in order."""
        return [
            self.units[i].text
            for i in self.kept()
            if i != self.headline_index and is_prose(self.units[i].text)
        ]

    def removed_lines(self) -> list[RemovedLine]:
        """Every removed source line, in file order, with its reason."""
        removed = []
        for unit, reason in zip(self.units, self.reasons, strict=True):
            if reason is not None:
                removed.extend(RemovedLine(n, text, reason) for n, text in unit.lines())
        return removed


def to_units(text: str) -> list[Unit]:
    """Split text into units, joining hard-wrapped lines of one paragraph."""
    raw_lines = text.split("\n")
    width = wrap_width(raw_lines)
    units: list[Unit] = []
    blank_before = False
    previous_length = 0
    for number, raw_line in enumerate(raw_lines, start=1):
        line = " ".join(raw_line.replace("\u00a0", " ").split())
        if not line:
            blank_before = True
            continue
        previous = units[-1] if units else None
        wrapped = width and previous_length >= 0.6 * width
        previous_length = len(raw_line.rstrip())
        if previous and not blank_before and wrapped:
            units[-1] = _joined(previous, (number,), line)
        elif previous and continues(previous.text, line, blank_before):
            if len(units) >= 2 and _is_inline_link(units[-2], previous):
                # "… as reported by" / "The Daily Item" / ", citing …": a link mid-paragraph.
                previous = units.pop()
                units[-1] = _joined(
                    units[-1], previous.line_numbers, previous.text, previous.pieces
                )
            units[-1] = _joined(units[-1], (number,), line)
        else:
            units.append(Unit((number,), line, blank_before))
        blank_before = False
    return units


def _joined(unit: Unit, numbers: tuple[int, ...], text: str, pieces: tuple[str, ...] = ()) -> Unit:
    """A unit with another line (or unit) appended; no space before closing punctuation
    or the rest of a compound."""
    glued = unit.text.endswith(OPENING_BRACKETS) or text[:1] in CLOSING_PUNCTUATION
    glue = "" if glued or COMPOUND_REST.match(text) else " "
    return Unit(
        unit.line_numbers + numbers,
        f"{unit.text}{glue}{text}",
        unit.blank_before,
        (unit.pieces or (unit.text,)) + (pieces or (text,)),
    )


def continues(before: str, line: str, blank_before: bool) -> bool:
    """A line that carries on the line before it, split where a link or emphasis was.

    Scrapers that save each text node of a page on its own line cut paragraphs at
    every link: the piece after a link starts in lower case or with punctuation,
    and the piece before it does not end a sentence.
    """
    if ends_sentence(before) or before.endswith((":", ";")) or not _has_word(before):
        return False
    if not _has_word(line) or line.casefold() in datelines.BYLINE_WORDS:
        return False  # "von" alone: a byline's label ("von" / "David Krenz"), not more title
    if LIST_ITEM.match(line) and LIST_ITEM.match(before):
        return False  # "+ Fachbereiche" / "o Ausbildung": a text browser's nested list
    first = line[:1]
    if first in CLOSING_PUNCTUATION and not (first == "»" and "«" in line):
        return True  # "»Abzocke …«" opens a German quotation: it starts a line of its own
    if not blank_before and (COMPOUND_REST.match(line) or before.endswith(OPENING_BRACKETS)):
        return True  # "… Intelligenz (" / "KI" / ") im Straßenverkehr"
    if DASH_ASIDE.match(line) and not POST_ATTRIBUTION.match(line):
        # "Dee Dee Myers" / "— a White House press secretary for …"; not a post's
        # "— rubito (@studiodelatorre)".
        return True
    if not blank_before and before.rsplit(None, 1)[-1] in DANGLING_WORDS:
        return True  # "Deep-Fried Fish Cakes, Hot and" / "Fresh": a title cut after "and"
    if not first.islower() or is_keyword_list(line):
        return False
    # Some dumps set an emphasised phrase apart with blank lines: "… öffnet" / "" / "am 22.
    # November 2023" / "" / "auf Schloss Moritzburg." After an unfinished sentence of some
    # length, a lower-case phrase of words carries it on.
    return not blank_before or (
        word_count(before) >= UNFINISHED_MIN_WORDS
        and word_count(line) >= 2
        # "by Bob Yirka", "by: Cora Neas"
        and line.split()[0].casefold().rstrip(":") not in datelines.BYLINE_WORDS
    )


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _is_inline_link(before: Unit, link: Unit) -> bool:
    """``link`` (a short capitalised line) sat inside the paragraph that ``before`` starts."""
    return (
        not link.blank_before
        and len(link.line_numbers) == 1
        and word_count(link.text) <= INLINE_LINK_MAX_WORDS
        and word_count(before.text) >= 4
        and (before.text[-1:].islower() or before.text.endswith(","))
    )


def wrap_width(lines: list[str]) -> int:
    """The column text was hard-wrapped at, or 0 when lines are whole paragraphs.

    Wrapped text has many lines, nearly all of them no longer than a fixed width
    and most of them close to it.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.95) - 1]
    near_width = sum(1 for length in lengths if length >= 0.75 * width)
    return width if width <= 100 and near_width >= 0.5 * len(lengths) else 0


def clean(
    units: list[Unit],
    language: Language | None = None,
    *,
    learned: bool = True,
    recurring: frozenset[str] = frozenset(),
) -> Cleaned:
    """Decide, for every unit, whether it is article text or furniture (and which).

    The rules decide first; with ``learned``, :mod:`newscorpus.reading.linemodel` then reviews
    their verdicts where it is confident (``learned=False`` gives the rules alone, which
    is what the model is fitted on). ``recurring``: the lines of a template this file
    shares with other files of the corpus (:mod:`newscorpus.reading.recurring`).
    """
    language = language or detect(unit.text for unit in units)
    reasons: list[str | None] = [line_furniture(unit.text) for unit in units]
    _mark_recurring(units, reasons, recurring)
    _mark_account_forms(units, reasons)
    _mark_embedded_posts(units, reasons)
    unmarked = list(reasons)
    excerpts = _mark_excerpts(units, reasons)
    start, end = article_span(units, reasons, language)
    if excerpts and start == end:
        reasons[:] = unmarked  # a page of excerpts only: they are all it has to say
        start, end = article_span(units, reasons, language)
    rule_reasons = list(reasons)
    if start == end:
        # No paragraph of running text anywhere: nothing to place; the first line is the
        # title if it looks like one, and the rules below judge the rest line by line.
        start, end = 0, len(units)
        headline = 0 if units and reasons[0] is None and is_title_shaped(units[0].text) else None
        title = None
    else:
        headline, title = find_headline(units, reasons, start, end, language)
        _mark_page_header(units, reasons, headline if headline is not None else start)
        _mark_repeated_headline(units, reasons, headline, start)
        end = _article_end(units, reasons, end)
    _mark_header_bylines(units, reasons, headline)
    _mark_counters(units, reasons)
    _mark_teaser_blocks(units, reasons, headline)
    _mark_captions(units, reasons)
    _mark_tail(units, reasons, headline)
    _mark_footer(units, reasons, headline)
    _mark_after_article(units, reasons, end)
    if headline is not None and reasons[headline] is not None:
        # A later rule found the "headline" to be furniture (a lone counter, say): a line
        # is never both removed and kept, so the article has no headline line.
        headline = None
    cleaned = Cleaned(units, reasons, headline, start, end, language, title)
    if learned:
        linemodel.review(cleaned, rule_reasons)
    return cleaned


def _article_end(units: list[Unit], reasons: list[str | None], end: int) -> int:
    """The article's run ends at a paragraph; short finished sentences right after it belong."""
    while end < len(units) and reasons[end] is None and _is_short_sentence(units[end].text):
        end += 1
    return end


def _is_short_sentence(text: str) -> bool:
    return ends_sentence(text) and word_count(text) >= 2


def _mark_after_article(units: list[Unit], reasons: list[str | None], end: int) -> None:
    """Everything after the article is the rest of the page: comments, teasers, footer.

    Unless the file shows no page at all: in a clean text with no furniture anywhere, the
    plain lines after the last paragraph (a list of results, a sign-off) are the article's.
    """
    if all(reason is None for reason in reasons):
        return
    kind = "page footer"
    for index in range(end, len(units)):
        if reasons[index] in COMMENT_SECTION:
            kind = "reader comments"
        reasons[index] = reasons[index] or kind


def first_prose(units: list[Unit], reasons: list[str | None], start: int) -> int:
    for index in range(start, len(units)):
        if reasons[index] is None and is_prose(units[index].text):
            return index
    return len(units)


def _mark_page_header(units: list[Unit], reasons: list[str | None], headline: int | None) -> None:
    """Lines before the headline (or before the body, when there is none) are page chrome."""
    end = headline if headline is not None else first_prose(units, reasons, 0)
    for index in range(end):
        text = units[index].text
        if reasons[index] is None:
            reasons[index] = "section label" if is_section_label(text) else "page header"
        elif reasons[index] == "dateline" and _is_clock_stamp(text):
            reasons[index] = "clock stamp"


def _mark_repeated_headline(
    units: list[Unit], reasons: list[str | None], headline: int | None, start: int
) -> None:
    """The headline said again between it and the article (the title bar, then the heading)
    is the same line twice: the reader sees it once."""
    if headline is None:
        return
    key = units[headline].text.casefold().split()
    for index in range(headline + 1, start):
        if reasons[index] is None and units[index].text.casefold().split() == key:
            reasons[index] = "repeated headline"


def _is_clock_stamp(text: str) -> bool:
    """A page clock ("04:14 GMT22 January 2021"): a time and date with no 'published' cue."""
    cued = datelines.is_stated_cue(text) or datelines.is_updated_cue(text)
    return datelines.has_clock(text) and not cued


def _mark_header_bylines(
    units: list[Unit], reasons: list[str | None], headline: int | None
) -> None:
    """A line of names next to a byline or dateline is part of it (``Helena Varga in
    Brussels``, above a desk's line or under it); but not a line under the date that
    closes a byline ("By Rob Picheta, CNN", the date, then "JUST WATCHED": a video's
    label, not a second author)."""
    start = (headline or -1) + 1
    lines = range(start, min(len(units), start + HEADLINE_SCAN_LIMIT))
    for index in lines:
        # "von" / "Arian Schlichenmayer": a label alone over the names.
        over = units[index + 1].text if index + 1 < len(units) else ""
        if reasons[index] is None and BYLINE_LABEL.match(units[index].text) and is_name_line(over):
            reasons[index] = "byline"
    for _ in range(BYLINE_PASSES):  # the line above a byline found below it, too
        named = False  # a byline seen above
        found = False
        for index in lines:
            # Past a widget's line only for a person's name ("Alice Wu", "+ FOLLOW", the
            # date), not a label's ("Bild:" over the photographer) or a menu's words.
            reach = is_persons_name(units[index].text)
            above = _neighbour(units, reasons, index, -1, reach)
            below = _neighbour(units, reasons, index, 1, reach)
            closed = named and above in BYLINE_KINDS and above != "byline"
            beside_byline = (above in BYLINE_KINDS and not closed) or below in BYLINE_KINDS
            text = units[index].text
            teasers = TEASER_HEADING.match(text)  # "Weitere Artikel" over a teaser's date
            if reasons[index] is None and beside_byline and is_name_line(text) and not teasers:
                reasons[index] = "byline"
                found = True
            named = named or reasons[index] == "byline"
        if not found:
            return


def _neighbour(
    units: list[Unit], reasons: list[str | None], index: int, step: int, past_widget: bool
) -> str | None:
    """The reason of the line next to ``index`` (``step`` -1 above, 1 below); with
    ``past_widget``, past one widget's line that is no label ("Alice Wu", "+ FOLLOW",
    "Published: 10:00am, 20 Jan"; not "Bild:")."""
    at = min(max(index + step, 0), len(reasons) - 1)
    widget = reasons[at] == "share widget" and not units[at].text.rstrip().endswith(":")
    if past_widget and widget and 0 <= at + step < len(reasons):
        at += step
    return reasons[at]


def _mark_account_forms(units: list[Unit], reasons: list[str | None]) -> None:
    """A sign-in or registration form's labels and messages: at least five short lines
    about passwords, accounts and e-mail addresses, at most three lines apart, making up
    half of their stretch of short lines. One such line is an article's sentence; a
    run of them, with the buttons between, is a form ("account form")."""
    found = [
        index
        for index, unit in enumerate(units)
        if word_count(unit.text) <= ACCOUNT_LINE_WORDS and ACCOUNT_WORDS.search(unit.text)
    ]
    runs: list[list[int]] = []
    for index in found:
        if runs and index - runs[-1][-1] <= ACCOUNT_GAP:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        stretch = range(run[0], run[-1] + 1)
        if (
            len(run) >= ACCOUNT_RUN
            and len(run) >= len(stretch) / 2
            and all(word_count(units[i].text) <= ACCOUNT_STRETCH_WORDS for i in stretch)
        ):
            for index in stretch:
                reasons[index] = reasons[index] or "account form"


def _mark_embedded_posts(units: list[Unit], reasons: list[str | None]) -> None:
    """The date under an embedded post's attribution ("— Name (@handle)" / "May 2, 2020")
    is the post's: it is part of the post, never a date the article states."""
    for index in range(1, len(units)):
        if reasons[index] in EMBEDDED_POST_DATES and POST_ATTRIBUTION.match(units[index - 1].text):
            reasons[index] = "embedded post"


def _mark_recurring(
    units: list[Unit], reasons: list[str | None], recurring: frozenset[str]
) -> None:
    """Lines of the site's template, which other files of the corpus show too (menus,
    taglines, footers, prompts); not a subheading between two paragraphs that the
    site's articles share ("What happens next?")."""
    if not recurring:
        return
    for index, unit in enumerate(units):
        if reasons[index] is None and unit.text in recurring:
            subheading = (
                0 < index < len(units) - 1
                and is_title_shaped(unit.text)
                and word_count(unit.text) <= CROSSHEAD_MAX_WORDS
                and all(is_prose(units[i].text) for i in (index - 1, index + 1))
            )
            if not subheading:
                reasons[index] = "repeated in other files"


def _mark_excerpts(units: list[Unit], reasons: list[str | None]) -> bool:
    """Other articles' excerpts, each over a link to its rest ("Read more", "READ THE
    REST", "Weiterlesen"): a list of teasers, however long their prose. A link counts when
    another comes within an excerpt's length of it, as in a list; a lone one is a box's
    heading inside an article, or ends a saved excerpt of the article itself. The excerpt
    is a paragraph or two above the link, and the line over them (its title, its date).
    Whether anything was marked."""
    links = [index for index, unit in enumerate(units) if READ_ON.match(unit.text)]
    if len(links) < 2:
        return False
    listed = [
        link
        for before, link, after in zip([None, *links[:-1]], links, [*links[1:], None], strict=True)
        if (before is not None and link - before <= EXCERPT_UNITS)
        or (after is not None and after - link <= EXCERPT_UNITS)
    ]
    for link in listed:
        reasons[link] = "teaser block"
        top = link
        while top > 0 and reasons[top - 1] is None and is_prose(units[top - 1].text):
            top -= 1
        if not 0 < link - top <= EXCERPT_PARAGRAPHS:
            continue  # no excerpt; or more prose than one: the article's end
        if top > 0 and reasons[top - 1] is None:
            top -= 1  # the excerpt's title (or date)
        for index in range(top, link):
            reasons[index] = "teaser block"
    return bool(listed)


def _mark_counters(units: list[Unit], reasons: list[str | None]) -> None:
    """A bare number next to page furniture is a like, share or comment count."""
    for index, unit in enumerate(units):
        if reasons[index] is None and is_counter(unit.text):
            neighbours = reasons[max(index - 1, 0) : index] + reasons[index + 1 : index + 2]
            if any(reason is not None for reason in neighbours):
                reasons[index] = "counter"


def _mark_teaser_blocks(units: list[Unit], reasons: list[str | None], headline: int | None) -> None:
    """A teaser heading ("More from …") and the headlines and blurbs it introduces."""
    index = (headline or 0) + 1
    while index < len(units):
        text = units[index].text
        relabel = reasons[index] in {None, "share widget", "cross-link"}
        if relabel and word_count(text) <= 8 and TEASER_HEADING.match(text):
            reasons[index] = "teaser block"
            index = _mark_teasers_after(units, reasons, index + 1)
        else:
            index += 1


def _mark_teasers_after(units: list[Unit], reasons: list[str | None], start: int) -> int:
    """Mark teaser headlines (and their blurbs, if the block has them); return where it ends.

    A blurb is followed by the next teaser's headline or by the end of the block; a
    paragraph followed by more running text is the article resuming after a teaser
    ("VEA TAMBIÉN:" and one headline between two of its paragraphs)."""
    kept = [i for i in range(start, len(units)) if reasons[i] is None]
    first_two = [units[i].text for i in kept[:2]]
    with_blurbs = (
        len(first_two) == 2 and is_headline_shaped(first_two[0]) and is_prose(first_two[1])
    )
    after_teaser_headline = False
    index = start
    while index < len(units):
        text = units[index].text
        # "* October 30, 2020 Kate May": a teaser's date and author on one line.
        dated = reasons[index] is None and datelines.is_byline_date(text)
        if reasons[index] is not None or dated:
            after_teaser_headline = False
        elif is_headline_shaped(text) and not text.endswith("."):
            after_teaser_headline = True
        elif with_blurbs and after_teaser_headline and not _prose_follows(units, reasons, index):
            after_teaser_headline = False
        else:
            return index
        if reasons[index] is None or reasons[index] in TEASER_FIELDS:
            # A teaser's date and author are the teaser's, not the article's.
            reasons[index] = "teaser block"
        index += 1
    return index


def _prose_follows(units: list[Unit], reasons: list[str | None], index: int) -> bool:
    """Whether the next line the rules keep after ``index`` is running text."""
    following = next((i for i in range(index + 1, len(units)) if reasons[i] is None), None)
    return following is not None and is_prose(units[following].text)


def _mark_captions(units: list[Unit], reasons: list[str | None]) -> None:
    """A short unpunctuated line right above a photo credit is that photo's caption."""
    for index in range(1, len(units)):
        if reasons[index] != "photo credit" or units[index].blank_before:
            continue
        caption = units[index - 1].text
        if (
            reasons[index - 1] is None
            and not ends_sentence(caption)
            and word_count(caption) <= CAPTION_MAX_WORDS
        ):
            reasons[index - 1] = "photo caption"


def _mark_tail(units: list[Unit], reasons: list[str | None], headline: int | None) -> None:
    """After the last paragraph: tag lists and runs of related headlines."""
    start = (headline or 0) + 1
    kept = [i for i in range(start, len(units)) if reasons[i] is None]
    prose = [i for i in kept if is_prose(units[i].text)]
    if not prose:
        return
    last = prose[-1]
    if introduces_list(units[last].text):
        return
    tail = [i for i in kept if i > last]
    for i in tail:
        if is_keyword_list(units[i].text):
            reasons[i] = "keyword line"
    run = [i for i in tail if reasons[i] is None and is_headline_shaped(units[i].text)]
    if len(run) >= 2 and _listed_apart(units, run):
        for i in run:
            reasons[i] = "related headlines"


def _listed_apart(units: list[Unit], run: list[int]) -> bool:
    """A run of lines set apart from the article as a list, not written as paragraphs.

    Where paragraphs are separated by blank lines, a related-headline list is
    a block of lines with none between them; where no line is blank, the run
    must look like headlines (three or more, five words or more each).
    """
    paragraphs_spaced = sum(unit.blank_before for unit in units) >= len(units) // 3
    if paragraphs_spaced:
        return all(not units[i].blank_before for i in run[1:])
    return len(run) >= 3 and all(word_count(units[i].text) >= 5 for i in run)


def _mark_footer(units: list[Unit], reasons: list[str | None], headline: int | None) -> None:
    """Once the article has ended (a credit line, comments, a copyright notice … with no
    paragraph of the article after it), whatever else is left is the page's footer."""
    end_markers = [
        index
        for index in range(_after(headline), len(units))
        if reasons[index] in STRONG_END or reasons[index] in WEAK_END
    ]
    if not end_markers:
        return
    # Scanning back from the end once: is there article prose (long prose) after unit i?
    prose_after, long_prose_after = {}, {}
    prose = long_prose = False
    for index in range(len(units) - 1, end_markers[0] - 1, -1):
        prose_after[index], long_prose_after[index] = prose, long_prose
        if reasons[index] is None and is_prose(units[index].text):
            prose = True
            long_prose = long_prose or word_count(units[index].text) >= FOOTER_PARAGRAPH_WORDS
    for index in end_markers:
        if reasons[index] in STRONG_END:
            ended = not long_prose_after[index]
        else:
            ended = not prose_after[index]
        if ended:
            for i in range(index + 1, len(units)):
                reasons[i] = reasons[i] or "page footer"
            return


def _after(headline: int | None) -> int:
    """The first unit after the headline (after the page's first line when there is none)."""
    return (headline or 0) + 1


def to_blocks(cleaned: Cleaned) -> list[Block]:
    """The kept units as paragraphs, with short lines between paragraphs as subheadings."""
    kept = cleaned.kept()
    if cleaned.headline_index is not None:
        kept = [i for i in kept if i != cleaned.headline_index]
    texts = [cleaned.units[i].text for i in kept]
    blocks = []
    for position, text in enumerate(texts):
        before = texts[position - 1] if position else ""
        after = texts[position + 1] if position + 1 < len(texts) else ""
        is_crosshead = (
            word_count(text) <= CROSSHEAD_MAX_WORDS
            and not ends_sentence(text)
            and not introduces_list(text)
            and is_prose(before)
            and not introduces_list(before)
            and is_prose(after)
        )
        blocks.append(Block("h" if is_crosshead else "p", text))
    return blocks
