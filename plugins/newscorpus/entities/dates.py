"""Date expressions in a body, normalised against the article's published date.

A date that states its year ("December 2017", "18 May 2019") is resolved on
its own. One that does not ("18 May", "last month", "Saturday", "before the
end of this year") is resolved against the published date when that date is
known to the day, and otherwise left unresolved rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from ..model import DateMention, DateSpan, Precision, Published
from ..reading.datelines import MONTH

YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
DECADE = re.compile(
    r"\b(?:1[5-9]|20)\d0s\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.I,
)
# Words around a date that do not change which day, month or year it names.
QUALIFIERS = re.compile(
    r"^(?:(?:before|after|by|until|till|since|from|in|on|during|around|about|as of|as early as|"
    r"as late as|no later than|at least|at|the)\s+"
    r"|(?:the\s+)?(?:end|start|beginning|middle|close|rest|turn|first half|second half|"
    r"first quarter|second quarter|third quarter|fourth quarter|spring|summer|autumn|fall|winter)"
    r"\s+of\s+|(?:early|late|mid)[\s-]+|(?:earlier|later)\s+(?=this|that|last|next)"
    r"|(?:earlier|later)\s+(?=in\s))",
    re.I,
)
# "two years", "24 hours", "18-year-old", "decades": spans of time, not dates.
DURATION = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
    r"many|some|the|past|recent|\d+(?:\.\d+)?)[\s-]+)*"
    r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)s?"
    r"(?:[\s-]+(?:old|long|later|earlier))*$",
    re.I,
)
# Words that make an expression point at a date rather than measure time.
DEICTIC = re.compile(r"\b(?:ago|last|this|next|previous|coming|following)\b", re.I)
# "the next three years", "the last six months": a count of units is a span.
COUNTED_SPAN = re.compile(
    r"\b(?:a few|few|several|many|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|twenty|thirty|fifty|hundred|\d+)\s+(?:\w+\s+)?"
    r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?\b",
    re.I,
)
MONTH_OR_YEAR = re.compile(
    rf"\b{MONTH}\b|\b(?:1[5-9]|20)\d\d\b",
    re.I,
)
MONTH_NAME = re.compile(rf"\b{MONTH}\b", re.I)
# The words around a weekday (see ``weekday_in_a_name``).
WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)([^\w]*)$")
WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
NEIGHBOUR_REACH = 40
SENTENCE_STOPS = (".", "!", "?", ":", '"', "“", "”")
DAY_PREPOSITIONS = frozenset(
    {"on", "last", "next", "this", "that", "by", "since", "until", "till", "from", "early",
     "late", "every", "each", "before", "after", "of", "in", "at", "during", "for", "to",
     "over", "through", "and", "or", "but"}
)  # fmt: skip
BARE_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
# An expression with none of these names no date we could place.
DATE_WORD = re.compile(
    rf"\d|\b{MONTH}\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tomorrow)\b"
    r"|\b(?:ago|last|this|next|previous|coming)\b",
    re.I,
)
AGO = re.compile(r"\bago\b", re.I)
LONG_AGO = re.compile(r"(\d[\d,]*)\s+years?\b", re.I)
# Years ago from which no date is placed: "3,000 years ago" has no year on a timeline.
LONG_AGO_YEARS = 1000
LETTER = re.compile(r"[^\W\d_]")
YEAR_ALONE = re.compile(r"(?:1[5-9]|20)\d\d")
YEAR_RANGE = re.compile(r"(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:\d{1,2}|(?:1[5-9]|20)\d\d)")
ISO_DATE = re.compile(r"(?P<year>(?:1[5-9]|20)\d\d)([/.-])(?P<month>\d{1,2})\2(?P<day>\d{1,2})")
# Day, month and year in digits, in either order: "31/12/2021", "31.12.21", "12/31/21".
NUMERIC_DATE = re.compile(
    r"(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
)
CLOCK_TIME = re.compile(
    r"(?<![\d.])\d{1,2}[:.]\d{2}(?![\d.]|\.\d)(?:\s*(?:[ap]\.?m\.?|gmt|utc|bst|cet|cest|[ecmp][sd]t))?"
    r"|\b\d{1,2}\s*[ap]\.?m\b",
    re.I,
)
AGE = re.compile(r"\bold$", re.I)
PLURAL_UNIT = re.compile(
    r"\b(?:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries)\b",
    re.I,
)
TIME_WORD = re.compile(
    r"(?:(?:early|late|around|about|shortly (?:before|after))\s+)?(?:midnight|noon|midday"
    r"|dawn|dusk|morning|afternoon|evening|night|tonight|overnight)",
    re.I,
)
# Words that say whether a sentence looks ahead or back from the time it was written.
TENSE_CUE = re.compile(
    r"(?P<ahead>\b(?:will|won't|shall|would|going to|expected|due to|due in|scheduled|set to"
    r"|slated|plans? to|planned|planning|intends? to|aims? to|hopes? to|next|upcoming"
    r"|forthcoming|coming|is to|are to|to begin|to start)\b|'ll\b)"
    r"|(?P<back>\b(?:was|were|had|did|last|ago|earlier|since|previously|already"
    r"|said|announced|reported|began|started|took|held|signed|met|visited|came|went)\b)",
    re.I,
)
# "was (originally) expected to": a plan told in the past.
PAST_AUXILIARIES = frozenset({"was", "were", "had"})
PLAN_GAP_WORDS = 2
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
BARE_WEEKDAY = re.compile(rf"(?:(?:early|late|on)\s+)?({'|'.join(WEEKDAYS)})", re.I)
TIME_OF_DAY = re.compile(r"[\s,]+(?:morning|afternoon|evening|night|lunchtime)$", re.I)
PERIODS: dict[str, Precision] = {"day": "day", "month": "month", "year": "year"}
# A time within an event the text reports ("the 20th minute", "the second half", "the
# final round") or a part of a week ("the weekend"): time expressions, never dates.
EVENT_TIME = re.compile(
    r"\b(?:the|a|an|this|that|every|each)\s+(?:(?:first|second|third|fourth|fifth|final|"
    r"opening|closing|last|\d{1,3}(?:st|nd|rd|th))\s+)(?:minute|half|quarter|period|inning|"
    r"innings|round|set|lap|leg|stage)\b"
    r"|\b(?:the|this|that|last|next|every|each)\s+weekends?\b",
    re.IGNORECASE,
)


def normalise_dates(spans: Sequence[DateSpan], published: Published) -> tuple[DateMention, ...]:
    """Every date expression of a body with its value, precision and whether it is relative.

    A month without a year after a date with one in the same sentence ("in October 2019,
    … by early November") is the occurrence nearest that date, not the publication's."""
    base = published.value if published.precision == "day" else None
    mentions = []
    anchors: dict[int, dt.date] = {}  # each sentence's last date that states its year
    for span in spans:
        anchor = anchors.get(span.sentence)
        anchored = anchor is not None and bool(
            MONTH_NAME.search(span.text) and not DEICTIC.search(span.text)
        )
        # Against the sentence's date the tense says nothing: it speaks of the time written.
        found = normalise(span.text, anchor) if anchored else normalise(span.text, base, span.tense)
        if found is None:
            continue
        value, precision, relative, note = found
        if value is not None and not relative and precision in ("day", "month"):
            anchors[span.sentence] = value
        on_inferred = (
            relative and not anchored and value is not None and published.status == "inferred"
        )
        mentions.append(
            DateMention(
                span.text,
                value,
                precision,
                span.sentence,
                span.start,
                span.end,
                relative,
                note,
                span.tense,
                on_inferred,
            )  # fmt: skip
        )
    return tuple(mentions)


def weekday_in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a weekday alone (``text[start:end]``) is a word of a name, not a day:
    after a capitalised word mid-sentence ("Super Tuesday", "Black Friday"), or before
    one with no "on" or "last" to make it a day ("the book Saturday Millionaires",
    "Wednesday Addams"; but "on Wednesday Trump said", "Tuesday March 3")."""
    if not BARE_WEEKDAY.fullmatch(text[start:end].strip()) or text[start:end][:1].islower():
        return False
    before = WORD_BEFORE.search(text, max(0, start - NEIGHBOUR_REACH), start)
    if before and "\n" in before[2]:
        before = None  # the line above: a heading's or another paragraph's word
    after = WORD_AFTER.match(text, end)
    if (
        before
        and before[1][:1].isupper()
        and before[1].lower() not in DAY_PREPOSITIONS
        and not before[0].rstrip().endswith(SENTENCE_STOPS)
    ):
        return True
    return bool(
        after
        and after[1][:1].isupper()
        and not MONTH_NAME.fullmatch(after[1].rstrip("."))
        and not (before and before[1].lower() in DAY_PREPOSITIONS)
    )


def date_tense(before: str) -> str:
    """Which way a date points, from the words just before it in its sentence: "ahead"
    ("is expected to be delivered in July", "will meet on Sunday"), "back" ("was signed
    in July", "last met on Sunday"), or "" when they do not say. The cue nearest the
    date wins: "said the systems would arrive in July" looks ahead. A plan told in the
    past ("was originally expected to launch on October 15", "were due to meet in May")
    says neither: it may have come or not."""
    cues = list(TENSE_CUE.finditer(before))
    if not cues:
        return ""
    if cues[-1].lastgroup == "back":
        return "back"
    told_in_the_past = (
        len(cues) > 1
        and cues[-2][0].lower() in PAST_AUXILIARIES
        and len(before[cues[-2].end() : cues[-1].start()].split()) <= PLAN_GAP_WORDS
    )
    return "" if told_in_the_past else "ahead"


def is_span_of_time(core: str) -> bool:
    """``two years``, ``the next three years``: an amount of time, not a point in it."""
    if AGO.search(core) or MONTH_OR_YEAR.search(core):
        return False
    if COUNTED_SPAN.search(core):
        return True
    return bool(DURATION.match(core)) and not DEICTIC.search(core)


def core_expression(text: str) -> str:
    """``before the end of this year`` -> ``this year``."""
    text = re.split(r"\s[-–—]\s", " ".join(text.split()), maxsplit=1)[0]
    text = text.strip(" ,.;:()\"'“”‘’")
    while True:
        shorter = QUALIFIERS.sub("", text, count=1)
        if shorter == text or not shorter:
            return text
        text = shorter


@functools.lru_cache(maxsize=65536)
def normalise(
    text: str, base: dt.date | None, tense: str = ""
) -> tuple[dt.date | None, Precision, bool, str] | None:
    """``(value, precision, relative, note)`` of a date expression; ``None`` if not a date.

    A month, day or weekday without a year is the occurrence nearest the publication
    date: the next one when the sentence looks ahead, the last one when it looks back."""
    expression = core_expression(text)
    flat = " ".join(text.split())
    event = EVENT_TIME.search(flat)
    if event and not DATE_WORD.search(flat.replace(event.group(), " ")):
        # "early in the second half"; but "the first half of 2019" is a date.
        return None, "none", False, "a time within an event or a week, not a date"
    if CLOCK_TIME.search(text) or TIME_WORD.fullmatch(expression):
        # "22:30", "6:00am", "midnight": found, but a time of day is not a date to place.
        return None, "none", False, "a time of day"
    core = TIME_OF_DAY.sub("", expression)
    if AGE.search(core):
        return None  # "18-year-old": an age
    if is_span_of_time(core):
        if not (COUNTED_SPAN.search(core) or PLURAL_UNIT.search(core)):
            return None  # "the day": no amount
        # "two years", "48 hours": found and kept, but an amount of time is not a date.
        return None, "none", False, "a span of time, not a date"
    if not DATE_WORD.search(core) or BARE_DAY.fullmatch(core):
        return None
    if (
        AGO.search(core)
        and (ages := LONG_AGO.search(core))
        and int(ages[1].replace(",", "")) >= LONG_AGO_YEARS
    ):
        # "200,000 years ago": no year on a timeline (and never "1820").
        return None, "none", True, "too long ago for a date"
    if DECADE.search(core):
        return None, "none", False, "a decade, not a date"
    if not LETTER.search(core) and not YEAR_ALONE.fullmatch(core):
        return numeric_date(core, base)
    relative = YEAR.search(core) is None
    if relative and base is None:
        return None, "none", True, "relative to an unknown publication date"
    if relative and base is not None and (weekday := BARE_WEEKDAY.fullmatch(core)):
        # "said on Sunday" in a Sunday paper is that day; otherwise the last such day.
        day = WEEKDAYS.index(weekday.group(1).lower())
        if tense == "ahead":
            # "will meet on Sunday" in a Sunday paper is the Sunday after.
            ahead = (day - base.weekday() - 1) % 7 + 1
            return base + dt.timedelta(days=ahead), "day", True, ""
        back = (base.weekday() - day) % 7
        return base - dt.timedelta(days=back), "day", True, ""
    if relative and base is not None and MONTH_NAME.search(core) and not DEICTIC.search(core):
        found = _nearest(core, base, tense)
    else:
        found = parse(core, base if relative else None)
    if found is None:
        return None, "none", relative, "not a date the parser understands"
    value, period = found
    if period == "week":
        return None, "none", relative, "a week, not a day"
    precision = PERIODS.get(period)
    if precision is None:
        return None
    return truncate(value, precision), precision, relative, ""


def numeric_date(
    core: str, base: dt.date | None
) -> tuple[dt.date | None, Precision, bool, str] | None:
    """A date written in digits alone: "31/12/2021", "31.12.21", "12/31/21". Day and month
    are told apart only by a number over 12, or by full stops (day first, as Europe
    writes them); "05/06/2021" stays unresolved, not guessed. A two-digit year is the one
    of the century nearest the publication year. A span of years ("2006/07", "1965-71")
    is found, with no value; "2/3" (a fraction or a score) and "25+" are no dates."""
    if iso := ISO_DATE.fullmatch(core):
        try:
            return dt.date(*(int(iso.group(g)) for g in ("year", "month", "day"))), "day", False, ""
        except ValueError:
            return None
    if YEAR_RANGE.fullmatch(core):
        return None, "none", False, "a span of years, not a date"  # "2006/07", "1965-71"
    match = NUMERIC_DATE.fullmatch(core)
    if match is None:
        return None
    first, second, year = (int(match.group(g)) for g in ("first", "second", "year"))
    if (first > 12 and second <= 12) or match.group("sep") == ".":
        day, month = first, second
    elif second > 12 and first <= 12:
        day, month = second, first
    else:
        return None, "none", False, "day and month cannot be told apart"
    if len(match.group("year")) == 2:
        if base is None:
            return None, "none", True, "relative to an unknown publication date"
        century = base.year - base.year % 100
        year = min((century - 100 + year, century + year, century + 100 + year),
                   key=lambda y: abs(y - base.year))  # fmt: skip
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value, "day", len(match.group("year")) == 2, ""


def _nearest(core: str, base: dt.date, tense: str) -> tuple[dt.date, str] | None:
    """``July`` or ``18 July`` without a year: the occurrence before the publication date or
    the one after it, as the tense says; without a tense, whichever is nearer (the one
    before when they are as near)."""
    before, after = parse(core, base, "past"), parse(core, base, "future")
    if before is None or after is None:
        return before or after
    if tense == "ahead" or (after[0] - base < base - before[0] and tense != "back"):
        return after
    return before


def parse(core: str, base: dt.date | None, prefer: str = "past") -> tuple[dt.date, str] | None:
    """dateparser's reading of an expression: the date and its period (day, week, month, year)."""
    parser = date_parser(base, prefer)
    data = parser.get_date_data(core)
    if data.date_obj is None or data.period is None:
        return None
    return data.date_obj.date(), data.period


@functools.lru_cache(maxsize=4096)
def date_parser(base: dt.date | None, prefer: str = "past"):
    """A dateparser reader for English, relative to ``base``, taking a date without a year
    from the ``prefer``red side of it ("past" or "future")."""
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DATES_FROM": prefer,
        "STRICT_PARSING": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    else:
        # Only expressions that state their year get here; the base fills nothing.
        settings["RELATIVE_BASE"] = dt.datetime(2000, 1, 1)
    return DateDataParser(languages=["en"], settings=settings)


def truncate(value: dt.date, precision: Precision) -> dt.date:
    """The first day of the month or year a date stands for."""
    if precision == "month":
        return value.replace(day=1)
    if precision == "year":
        return value.replace(month=1, day=1)
    return value
