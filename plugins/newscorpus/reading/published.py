"""When was an article published? A stated dateline, an inference, or undated."""

from __future__ import annotations

import datetime as dt
import re

from ..model import UNDATED, Published
from . import datelines
from .clean import Cleaned

# "LONDON, 19 May 2019 (Reuters) -" or "May 19, 2019 —" at the start of the lead.
LEAD_DATELINE = re.compile(r"^(?P<prefix>[^—–]{0,80}?)\s*[—–-]{1,2}\s")

_DATE = rf"(?:{datelines.FULL_DATE.pattern}|{datelines.MONTH_YEAR.pattern})"
PRESENT_DATE = re.compile(
    rf"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|as of|as at)"
    rf",?\s+(?:\(?{datelines.WEEKDAY},?\s+)?\(?{_DATE}",
    re.IGNORECASE,
)
# Lines that may carry the article's own date.
DATE_LINES = frozenset({"dateline", "byline", "reading time"})
STATED_ABOVE_HEADLINE = 3
# A bare date this close above the headline is the article's (a masthead's is far above).
DATE_OVER_HEADLINE = 2
# Two unlabelled dates this close (in lines) under the headline: a written and a
# revised date, and nothing says which is which.
RIVAL_REACH = 2
DATE_KINDS = frozenset({"dateline", "clock stamp"})
# A publication label on its own line is short ("Published", "Erschienen am:").
LABEL_MAX_WORDS = 4
# "Termin: 21.02.2020", "Deadline: …", "Datum: …": a labelled field.
FIELD_LINE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’ .-]){0,30}?\s*:\s*\S")
# A field among this many labelled neighbours (of the two either side) is a record's.
RECORD_NEIGHBOURS = 2
PRESENT_YEAR = re.compile(
    r"\b(?:this year|the current year),?\s+\(?(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<year2>(?:19|20)\d{2}) (?:so far|to date)\b",
    re.IGNORECASE,
)


def find_published(cleaned: Cleaned) -> Published:
    """Decide the publication date from datelines, the lead, and page clock stamps."""
    prose = cleaned.prose()
    stated = _stated_dateline(cleaned)
    if stated is not None and stated.value is not None:
        return stated
    return (
        _lead_dateline(prose)
        or _present_date(prose)
        or _corroborated_clock(cleaned, prose)
        or stated  # two dates that leave it open, said as the reason
        or UNDATED
    )


def find_updated(cleaned: Cleaned) -> Published | None:
    """The date the article says it was last updated ("Updated 12 Jan 2022"), if any."""
    for _, text, _ in _head_dates(cleaned):
        for date in datelines.updated_dates(text):
            return Published(date.value, "day", "stated", f"'updated' line '{text}'")
    return None


def _head_dates(cleaned: Cleaned) -> list[tuple[int, str, datelines.FoundDate]]:
    """The dates of the date and byline lines in the article's head, in order, each with
    the index of its (first) unit and its text."""
    found = []
    zone = cleaned.head()
    for index in zone:
        unit, reason = cleaned.units[index], cleaned.reasons[index]
        labelled = _labelled_date(cleaned, index)
        if labelled:
            found.append((index, *labelled))
        elif reason in DATE_LINES or (reason is None and datelines.is_byline_date(unit.text)):
            found.extend((index, unit.text, date) for date in datelines.full_dates(unit.text)[:1])
    if cleaned.headline_index is not None:
        # Some pages print "Published …" just above the headline, or the bare date over
        # its kicker ("15. Mai 2019, 05:28 Uhr / Deutschlandtakt / Flixbus attackiert …").
        for index in range(max(0, zone.start - 1 - STATED_ABOVE_HEADLINE), zone.start - 1):
            unit, reason = cleaned.units[index], cleaned.reasons[index]
            # A time-zoned clock ("10:02 GMT 3 March 2021") is the page's, not the article's.
            over_kicker = (
                zone.start - 1 - index <= DATE_OVER_HEADLINE
                and reason in DATE_KINDS
                and not datelines.TIMEZONE.search(unit.text)
            )
            labelled = _labelled_date(cleaned, index)
            if labelled:
                found.append((index, *labelled))
            elif datelines.is_stated_cue(unit.text) or over_kicker:
                dates = datelines.full_dates(unit.text)[:1]
                found.extend((index, unit.text, date) for date in dates)
    return found


def _labelled_date(cleaned: Cleaned, index: int) -> tuple[str, datelines.FoundDate] | None:
    """A date line under a label on its own line ("Erschienen am" / "15.12.2022"): one
    publication line, whatever the date line alone was taken for (a page clock)."""
    if index == 0 or cleaned.reasons[index] not in DATE_KINDS:
        return None
    label = cleaned.units[index - 1].text
    if len(label.split()) > LABEL_MAX_WORDS or not datelines.is_stated_cue(label):
        return None
    if datelines.full_dates(label):
        return None
    date_line = cleaned.units[index].text
    dates = datelines.full_dates(date_line)
    return (f"{label} {date_line}", dates[0]) if dates else None


def _stated_dateline(cleaned: Cleaned) -> Published | None:
    """A line under the headline that states the date: ``May 19, 2019``, ``Published …``.

    An "Updated" line is not the publication date (see :func:`find_updated`). A date
    inside the article's prose (an embedded post's "Posted by X on …") counts only when
    none stands above it, over or under the headline.
    """
    found = [
        (index, line, date)
        for index, line, date in _head_dates(cleaned)
        if not datelines.is_updated_cue(line) and not _field_of_something_else(cleaned, index)
    ]
    for inside in (False, True):
        group = [row for row in found if (row[0] >= cleaned.start) is inside]
        if group:
            return _first_date(group)
    return None


def _first_date(found: list[tuple[int, str, datelines.FoundDate]]) -> Published:
    """The date of the first publication line, or else of the first date line. Two bare
    dates side by side leave the date open, and the undated result says so."""
    published = [(line, date) for _, line, date in found if datelines.is_stated_cue(line)]
    if published:
        line, date = published[0]
        return Published(date.value, "day", "stated", f"publication line '{line}'")
    index, line, date = found[0]
    beside = [other_line for other, other_line, _ in found[1:] if abs(other - index) <= RIVAL_REACH]
    rivals = []
    for text in (line, *beside):
        updates = {updated.value for updated in datelines.updated_dates(text)}
        rivals += [
            (text, other)
            for other in datelines.full_dates(text)
            if other.value != date.value and other.value not in updates
        ]
    if rivals:
        # "28. Juni 2019 / 14. Januar 2020": written and revised, in an order no label tells.
        quoted = f"'{line}'" if rivals[0][0] == line else f"'{line}', '{rivals[0][0]}'"
        return Published(
            None,
            "none",
            "undated",
            f"two dates side by side under the headline ({quoted}) and neither says it is"
            " the publication date",
        )
    return Published(date.value, "day", "stated", f"dateline '{line}'")


def _field_of_something_else(cleaned: Cleaned, index: int) -> bool:
    """A labelled date that is not the article's: an event's, a deadline's ("Termin: …",
    "Einsendeschluss: …"), or a date field in a table of facts ("Kamera: … / Datum: …").
    A date under a label of its own (:func:`_labelled_date`) is judged by its own line."""
    line = cleaned.units[index].text
    if not FIELD_LINE.match(line):
        return False
    if not datelines.is_stated_cue(line):
        return True
    texts = [unit.text for unit in cleaned.units]
    around = texts[max(0, index - 2) : index] + texts[index + 1 : index + 3]
    return sum(bool(FIELD_LINE.match(text)) for text in around) >= RECORD_NEIGHBOURS


def _lead_dateline(prose: list[str]) -> Published | None:
    """A full date in the dateline that opens the lead paragraph."""
    if not prose:
        return None
    match = LEAD_DATELINE.match(prose[0])
    if not match:
        return None
    dates = datelines.full_dates(match.group("prefix"))
    if not dates:
        return None
    return Published(
        dates[0].value, "day", "stated", f"dateline of the lead '{match.group('prefix')}'"
    )


def _present_date(prose: list[str]) -> Published | None:
    """A date the text itself calls current: ``today, 19 May 2019``, ``as of March 2019``.

    A date merely mentioned in the lead is often background or future
    ("since March 2003", "until May 2008"), so only these cues count.
    """
    for text in prose:
        for match in PRESENT_DATE.finditer(text):
            found = datelines.full_dates(match.group(0)) + datelines.month_years(match.group(0))
            if found:
                date = found[0]
                return Published(
                    date.value.replace(day=1),
                    "month",
                    "inferred",
                    f"inferred from '{match.group(0)}'",
                )
        match = PRESENT_YEAR.search(text)
        if match:
            year = int(match.group("year") or match.group("year2"))
            return Published(
                dt.date(year, 1, 1), "year", "inferred", f"inferred from '{match.group(0)}'"
            )
    return None


def _dates_in(cleaned: Cleaned, reason: str) -> list[tuple[str, datelines.FoundDate]]:
    found = []
    for unit, unit_reason in zip(cleaned.units, cleaned.reasons, strict=True):
        if unit_reason == reason:
            found.extend((unit.text, date) for date in datelines.full_dates(unit.text))
    return found


def _corroborated_clock(cleaned: Cleaned, prose: list[str]) -> Published | None:
    """A page clock stamp counts only when the article's own text names the same year."""
    stamps = _dates_in(cleaned, "clock stamp")
    if not stamps:
        return None
    line, date = stamps[0]
    year = str(date.value.year)
    if any(re.search(rf"(?<!\d){year}(?!\d)", text) for text in prose):
        return Published(
            date.value.replace(month=1, day=1),
            "year",
            "inferred",
            f"page clock stamp '{line}', year confirmed by the text",
        )
    return None
