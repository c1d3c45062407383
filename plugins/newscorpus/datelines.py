"""Finding written dates in a line: full dates, month-year, datelines, clock stamps."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import dateparser

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
# Scrapers glue words to numbers ("GMT22 January 2021"), so a day is bounded by
# "not a digit" rather than by a word boundary.
FULL_DATE = re.compile(
    rf"(?<!\d)(?P<dmy>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_month>{MONTH}),?\s+(?P<dmy_year>\d{{4}})(?!\d)"
    rf"|\b(?P<mdy_month>{MONTH})\s+(?P<mdy>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mdy_year>\d{{4}})(?!\d)"
    r"|(?<!\d)(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})(?!\d)",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH}),?\s+(?P<year>\d{{4}})(?!\d)", re.IGNORECASE)
CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?!\d)", re.IGNORECASE)
TIMEZONE = re.compile(
    r"\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|EST|EDT|CST|CDT|PST|PDT|ET|PT|JST|AEST|AEDT|HKT|SGT)\b|[+-]\d{2}:?\d{2}\b"
)
CUES = re.compile(
    r"\b(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated|created|on|at|time)\b:?",
    re.IGNORECASE,
)
STATED_CUE = re.compile(r"^\W*(?:first\s+)?(?:published|posted|dated|date)\b", re.IGNORECASE)
UPDATED_CUE = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)
BYLINE_TAIL = re.compile(r"\s+by\s+\S.*$", re.IGNORECASE)
LEFTOVER_WORD = re.compile(r"[^\W\d_]{2,}")
WEEKDAY_RE = re.compile(rf"\b{WEEKDAY}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A written date found in text, with the words that wrote it."""

    text: str
    value: dt.date
    precision: str  # "day" or "month"


def full_dates(text: str) -> list[FoundDate]:
    """Every written date with day, month and year in ``text``."""
    found = []
    for match in FULL_DATE.finditer(text):
        value = parse_date(match.group(0))
        if value is not None:
            found.append(FoundDate(match.group(0), value, "day"))
    return found


def month_years(text: str) -> list[FoundDate]:
    """Every ``Month YYYY`` not part of a full date (``December 2017``)."""
    taken = [m.span() for m in FULL_DATE.finditer(text)]
    found = []
    for match in MONTH_YEAR.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = parse_date("1 " + match.group(0))
        if value is not None:
            found.append(FoundDate(match.group(0), value, "month"))
    return found


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> dt.date | None:
    """Parse an absolute written date (never relative to today) with dateparser."""
    parsed = dateparser.parse(
        text.replace(",", " "),
        languages=["en"],
        settings={"STRICT_PARSING": True, "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date() if parsed else None


SEGMENT = re.compile(r"\s+[/|·•]\s+")


def is_date_line(text: str) -> bool:
    """True for a line that states a date, perhaps with a time, a cue and a short credit.

    ``TNN / Updated: Jan 5, 2023, 10:42 IST`` counts: one segment is a date,
    the others are a few words each.
    """
    segments = SEGMENT.split(text)
    dated = [s for s in segments if _is_date_segment(s)]
    return bool(dated) and all(s in dated or len(s.split()) <= 3 for s in segments)


def _date_segment(text: str) -> str:
    """The part of a dateline that holds the date."""
    return next((s for s in SEGMENT.split(text) if _is_date_segment(s)), text)


def _is_date_segment(text: str) -> bool:
    if not full_dates(text):
        return False
    rest = text
    if STATED_CUE.match(text) or UPDATED_CUE.match(text):
        rest = BYLINE_TAIL.sub("", rest)
    for pattern in (FULL_DATE, CLOCK, TIMEZONE, CUES, WEEKDAY_RE):
        rest = pattern.sub(" ", rest)
    return len(LEFTOVER_WORD.findall(rest)) == 0


def has_clock(text: str) -> bool:
    """True when the line carries a clock time (``04:14``, ``14.05``)."""
    return bool(CLOCK.search(FULL_DATE.sub(" ", text)))


def is_stated_cue(text: str) -> bool:
    """True for ``Published …``/``Posted …`` lines, which state a publication date."""
    return bool(STATED_CUE.match(_date_segment(text)))


def is_updated_cue(text: str) -> bool:
    """True for ``Updated …``/``Last modified …`` lines."""
    return bool(UPDATED_CUE.match(_date_segment(text)))
