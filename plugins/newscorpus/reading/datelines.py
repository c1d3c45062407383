"""Finding written dates in a line: full dates, month-year, datelines, clock stamps."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import dateparser
from dateparser.languages import default_loader

from ..wordlists import load_lines

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
# Scrapers glue words to numbers ("GMT22 January 2021"), so a day is bounded by
# "not a digit" rather than by a word boundary.
FULL_DATE = re.compile(
    rf"(?<!\d)(?P<dmy>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_month>{MONTH}),?\s+(?P<dmy_year>\d{{4}})(?!\d)"
    rf"|\b(?P<mdy_month>{MONTH})\s+(?P<mdy>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mdy_year>\d{{4}})(?!\d)"
    r"|(?<!\d)(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})(?!\d)",
    re.IGNORECASE,
)
# Dates in other languages and in figures: "13. April 2017", "11 de septiembre de 2019",
# "22.12.2018", "2019/05/19". Month names come from dateparser's tables (see month_number).
WORLD_DATE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})(?:\.|er|º)?\s*(?:de\s+)?(?P<month>[^\W\d_]{3,12})\.?,?\s+"
    r"(?:de\s+|del\s+)?(?P<year>\d{4})(?!\d)"
)
# The month first, in any of those languages ("Dezember 29, 2021", "diciembre 29, 2021"):
# how English-made blog themes print a date in the page's language.
WORLD_MONTH_FIRST = re.compile(
    r"(?<![\w.])(?P<month>[^\W\d_]{3,12})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<year>\d{4})(?!\d)"
)
NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})(?![\d]|\.\d)"
    r"|(?<![\d/])(?P<ymd_year>\d{4})/(?P<ymd_month>\d{1,2})/(?P<ymd_day>\d{1,2})(?![\d/])"
    r"|(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<slash_year>\d{4})(?![\d/])"
    # Chinese, Japanese and Korean: 2019年12月2日, 2019년 12월 2일.
    r"|(?<!\d)(?P<cjk_year>\d{4})\s?[年년]\s?(?P<cjk_month>\d{1,2})\s?[月월]\s?(?P<cjk_day>\d{1,2})\s?[日일]"
)
# The languages whose month and weekday names the rules read (dateparser's locale data).
DATE_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "da", "nb", "fi", "cs", "hu",
    "tr", "ro",
)  # fmt: skip
MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FIRST_YEAR, LAST_YEAR = 1900, 2099
MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH}),?\s+(?P<year>\d{{4}})(?!\d)", re.IGNORECASE)
CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?!\d)", re.IGNORECASE)
TIMEZONE = re.compile(
    r"\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|EST|EDT|CST|CDT|PST|PDT|ET|PT|JST|AEST|AEDT|HKT|SGT)\b|[+-]\d{2}:?\d{2}\b"
)
CUES = re.compile(
    r"\b(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated|created|on|at|time)\b:?",
    re.IGNORECASE,
)


def _cue_pattern(name: str) -> re.Pattern[str]:
    """A line opening with one of the cue phrases in ``data/<name>``."""
    phrases = sorted(load_lines(name), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"^\W*(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


STATED_CUE = _cue_pattern("published-cues.txt")
UPDATED_CUE = _cue_pattern("updated-cues.txt")
BYLINE_TAIL = re.compile(r"\s+by\s+\S.*$", re.IGNORECASE)
# Words of a written time: "um 10:42 Uhr", "à 10h", "godz. 10:00".
CLOCK_WORDS = frozenset({"uhr", "h", "godz", "hs", "hrs", "hod", "kl", "klo", "óra", "saat"})
# "by", "von", "par" …: the words a byline joins names, a place and a date with ("Jane Doe
# in Brussels, 3 May 2019", "31. Jan. 2022 in Köln").
BYLINE_WORDS = frozenset(
    {"by", "von", "par", "por", "di", "door", "av", "and", "und", "et", "in", "en", "à", "w"}
)
BYLINE_DATE_MAX_WORDS = 14
BYLINE_DATE_NAMES = 5
# Little words around a written date that dateparser's tables leave out ("am 4. Mai").
DATE_FILLERS = frozenset({"am", "el", "op", "dne", "il", "lo", "do", "da", "em", "no", "na", "du"})
LEFTOVER_WORD = re.compile(r"[^\W\d_]{2,}")
# A dateline's credit after the date: "Source: Xinhua", "Quelle: dpa", "来源：新华社".
SOURCE_CREDIT = re.compile(r"(?:^|\s)[^\W\d_]{2,12}\s?[:：]\s?[^\W\d_]+(?:\s[^\W\d_]+){0,2}\s*$")
WEEKDAY_RE = re.compile(rf"\b{WEEKDAY}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A written date found in text, with the words that wrote it."""

    text: str
    value: dt.date
    precision: str  # "day" or "month"


def full_dates(text: str) -> list[FoundDate]:
    """Every written date with day, month and year in ``text``, in the order written."""
    return list(_full_dates(text))


@functools.lru_cache(maxsize=4096)
def _full_dates(text: str) -> tuple[FoundDate, ...]:
    """full_dates, remembered: the rules ask about the same head lines several times."""
    found: list[tuple[int, FoundDate]] = []
    taken: list[tuple[int, int]] = []
    for match in FULL_DATE.finditer(text):
        value = parse_date(match.group(0))
        if value is not None:
            found.append((match.start(), FoundDate(match.group(0), value, "day")))
            taken.append(match.span())
    for start, date in _world_dates(text):
        if not any(begin <= start < end for begin, end in taken):
            found.append((start, date))
    return tuple(date for _, date in sorted(found, key=lambda item: item[0]))


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


@functools.cache
def _calendar_words() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """Month names (to their number), weekday names and date filler words, lower-cased.

    A name that means different months in two languages is left out.
    """
    months: dict[str, set[int]] = {}
    weekdays: set[str] = set()
    fillers: set[str] = set()
    for code in DATE_LANGUAGES:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(MONTH_KEYS, start=1):
            for name in info.get(key, []):
                name = name.lower().rstrip(".")
                if len(name) >= 3 and name.isalpha():
                    months.setdefault(name, set()).add(number)
        for key in WEEKDAY_KEYS:
            weekdays.update(name.lower() for name in info.get(key, []) if name.isalpha())
        fillers.update(word.lower() for word in info.get("skip", []) if word.isalpha())
    table = {name: next(iter(numbers)) for name, numbers in months.items() if len(numbers) == 1}
    return table, frozenset(weekdays), frozenset(fillers)


def month_number(name: str) -> int | None:
    """The month a name means in one of :data:`DATE_LANGUAGES` (``März`` -> 3), or None."""
    return _calendar_words()[0].get(name.lower().rstrip("."))


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _world_dates(text: str) -> list[tuple[int, FoundDate]]:
    found = []
    for pattern in (WORLD_DATE, WORLD_MONTH_FIRST):
        for match in pattern.finditer(text):
            month = month_number(match.group("month"))
            value = month and _date(int(match.group("year")), month, int(match.group("day")))
            if value and not any(start == match.start() for start, _ in found):
                found.append((match.start(), FoundDate(match.group(0), value, "day")))
    for match in NUMERIC_DATE.finditer(text):
        value = _numeric_value(match)
        if value:
            found.append((match.start(), FoundDate(match.group(0), value, "day")))
    return found


def _numeric_value(match: re.Match[str]) -> dt.date | None:
    """A date in figures; day/month/year written with slashes only when it cannot be misread.
    With dots the day comes first ("21.01.2020"), unless the second number cannot be a
    month ("01.21.2020", as some American sites write it)."""
    if match.group("year"):
        day, month = int(match.group("day")), int(match.group("month"))
        if month > 12 >= day:
            day, month = month, day
        return _date(int(match.group("year")), month, day)
    for prefix in ("ymd", "cjk"):
        if match.group(f"{prefix}_year"):
            year, month, day = (int(match.group(f"{prefix}_{k}")) for k in ("year", "month", "day"))
            return _date(year, month, day)
    first, second, year = (int(match.group(k)) for k in ("a", "b", "slash_year"))
    if first == second or (first > 12) != (second > 12):
        day, month = (first, second) if first > 12 or first == second else (second, first)
        return _date(year, month, day)
    return None  # 03/04/2019: April or March, depending on the country; not guessed


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
    dates = full_dates(text)
    if not dates:
        return False
    rest = text
    if STATED_CUE.match(text) or UPDATED_CUE.match(text):
        rest = BYLINE_TAIL.sub("", rest)
        rest = STATED_CUE.sub(" ", UPDATED_CUE.sub(" ", rest))
    for date in dates:
        rest = rest.replace(date.text, " ")
    for pattern in (CLOCK, TIMEZONE, CUES, WEEKDAY_RE, SOURCE_CREDIT):
        rest = pattern.sub(" ", rest)
    _, weekdays, fillers = _calendar_words()
    leftover = [
        word
        for word in LEFTOVER_WORD.findall(rest)
        if word.lower() not in weekdays
        and word.lower() not in fillers
        and word.lower() not in CLOCK_WORDS
        and word.lower() not in DATE_FILLERS
    ]
    return not leftover


def is_byline_date(text: str) -> bool:
    """A byline with a date: ``Grant Tinsley, PhD on April 29, 2018``, ``Didier Roy, 21 juin
    2018`` — a date, and otherwise only a few capitalised names and little words."""
    if len(text.split()) > BYLINE_DATE_MAX_WORDS:
        return False
    dates = full_dates(text)
    if not dates:
        return False
    rest = text
    for date in dates:
        rest = rest.replace(date.text, " ")
    for pattern in (CLOCK, TIMEZONE, WEEKDAY_RE):
        rest = pattern.sub(" ", rest)
    _, weekdays, fillers = _calendar_words()
    leftover = [
        word
        for word in LEFTOVER_WORD.findall(rest)
        if word.lower() not in weekdays | fillers | DATE_FILLERS | BYLINE_WORDS
    ]
    return 0 < len(leftover) <= BYLINE_DATE_NAMES and all(word[:1].isupper() for word in leftover)


def has_clock(text: str) -> bool:
    """True when the line carries a clock time (``04:14``, ``14.05``)."""
    return bool(CLOCK.search(FULL_DATE.sub(" ", text)))


def is_stated_cue(text: str) -> bool:
    """True for ``Published …``/``Posted …`` lines, which state a publication date."""
    return bool(STATED_CUE.match(_date_segment(text)))


def is_updated_cue(text: str) -> bool:
    """True for ``Updated …``/``Last modified …`` lines."""
    return bool(UPDATED_CUE.match(_date_segment(text)))


def updated_dates(text: str) -> list[FoundDate]:
    """The dates of a line's ``Updated …`` parts ("Published 3 March 2019 / Updated 5 March")."""
    return [
        date
        for segment in SEGMENT.split(text)
        if UPDATED_CUE.match(segment)
        for date in full_dates(segment)[:1]
    ]
