"""Separate an article from its page furniture.

The cleaner works on *units*: one line of the file, or several hard-wrapped
lines joined. Single lines are judged by :mod:`newscorpus.furniture`; this
module adds the rules that need position and neighbours: the page header
before the headline, teaser blocks with everything they introduce, photo
captions above a credit, and related-headline lists after the last paragraph.
Every unit ends up either in the body or in the removed list with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import datelines
from .furniture import is_keyword_list, is_section_label, line_furniture
from .model import Block, RemovedLine, Unit
from .shape import ends_sentence, introduces_list, is_headline_shaped, is_prose, word_count

TEASER_HEADING = re.compile(
    r"^(?:more (?:from|in|stories|news|articles|like this|coverage|to read|on this)\b"
    r"|related(?: (?:stories|articles|posts|coverage|content|news|reading|links|topics|videos))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)"
    r"|most (?:read|popular|viewed|shared|watched)|recommended(?: for you| stories| reading)?"
    r"|trending(?: now| stories| news)?|latest (?:news|stories|headlines|articles)|top stories"
    r"|editor'?s picks|what to read next|further reading|popular now|in other news|read next"
    r"|up next|elsewhere on\b|also on\b)[^.!?]{0,40}$",
    re.IGNORECASE,
)
HEADLINE_SCAN_LIMIT = 12
CAPTION_MAX_WORDS = 30
CROSSHEAD_MAX_WORDS = 10


@dataclass(slots=True)
class Cleaned:
    """The units of a file, each with its removal reason (``None`` = article text)."""

    units: list[Unit]
    reasons: list[str | None]
    headline_index: int | None

    def kept(self) -> list[int]:
        return [i for i, reason in enumerate(self.reasons) if reason is None]

    def removed_lines(self) -> list[RemovedLine]:
        """Every removed source line, in file order, with its reason."""
        removed = []
        for unit, reason in zip(self.units, self.reasons, strict=True):
            if reason is not None:
                removed.extend(RemovedLine(n, unit.text, reason) for n in unit.line_numbers)
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
            units[-1] = Unit(
                previous.line_numbers + (number,), f"{previous.text} {line}", previous.blank_before
            )
        else:
            units.append(Unit((number,), line, blank_before))
        blank_before = False
    return units


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


def clean(units: list[Unit]) -> Cleaned:
    """Decide, for every unit, whether it is article text or furniture (and which)."""
    reasons: list[str | None] = [line_furniture(unit.text) for unit in units]
    headline = find_headline(units, reasons)
    _mark_page_header(units, reasons, headline)
    _mark_teaser_blocks(units, reasons, headline)
    _mark_captions(units, reasons)
    _mark_tail(units, reasons, headline)
    return Cleaned(units, reasons, headline)


def find_headline(units: list[Unit], reasons: list[str | None]) -> int | None:
    """Index of the headline unit, or ``None`` when the body starts first."""
    for index, unit in enumerate(units[:HEADLINE_SCAN_LIMIT]):
        if reasons[index] is not None:
            continue
        text = unit.text
        if _starts_body(text):
            return None
        if is_section_label(text):
            continue
        # The file's first line is its headline unless it is furniture; further
        # down, short lines are menu and section labels, so a headline needs words.
        if index == 0 or word_count(text) >= 4:
            return index
    return None


def _starts_body(text: str) -> bool:
    """Running text: the article has begun without a headline."""
    return word_count(text) > 25 or (text.rstrip().endswith(".") and word_count(text) >= 7)


def _first_prose(units: list[Unit], reasons: list[str | None], start: int) -> int:
    for index in range(start, len(units)):
        if reasons[index] is None and is_prose(units[index].text):
            return index
    return len(units)


def _mark_page_header(units: list[Unit], reasons: list[str | None], headline: int | None) -> None:
    """Lines before the headline (or before the body, when there is none) are page chrome."""
    end = headline if headline is not None else _first_prose(units, reasons, 0)
    for index in range(end):
        text = units[index].text
        if reasons[index] is None:
            reasons[index] = "section label" if is_section_label(text) else "page header"
        elif reasons[index] == "dateline" and _is_clock_stamp(text):
            reasons[index] = "clock stamp"


def _is_clock_stamp(text: str) -> bool:
    """A page clock ("04:14 GMT22 January 2021"): a time and date with no 'published' cue."""
    cued = datelines.is_stated_cue(text) or datelines.is_updated_cue(text)
    return datelines.has_clock(text) and not cued


def _mark_teaser_blocks(units: list[Unit], reasons: list[str | None], headline: int | None) -> None:
    """A teaser heading ("More from …") and the headlines and blurbs it introduces."""
    index = (headline or 0) + 1
    while index < len(units):
        text = units[index].text
        if reasons[index] is None and word_count(text) <= 8 and TEASER_HEADING.match(text):
            reasons[index] = "teaser block"
            index = _mark_teasers_after(units, reasons, index + 1)
        else:
            index += 1


def _mark_teasers_after(units: list[Unit], reasons: list[str | None], start: int) -> int:
    after_teaser_headline = False
    index = start
    while index < len(units):
        text = units[index].text
        if reasons[index] is not None:
            after_teaser_headline = False
        elif is_headline_shaped(text) and not ends_sentence(text):
            after_teaser_headline = True
        elif after_teaser_headline:
            after_teaser_headline = False  # the blurb under a teaser headline
        else:
            return index
        reasons[index] = reasons[index] or "teaser block"
        index += 1
    return index


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
