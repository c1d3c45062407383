"""Who published an article, when the text (usually its furniture) names them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .clean import first_prose
from .model import Unit
from .wordlists import load_words

# Words that make a lead prefix ("DESPARDES News Monitor — …") a publication's name.
OUTLET_WORDS = load_words("outlet-words.txt")
SKIP_TO_SITES = re.compile(r"\bskip to more (?P<name>.+?) sites?\b", re.IGNORECASE)
MORE_FROM = re.compile(
    r"^more (?:from|stories from|news from) (?P<name>[A-Z0-9][^.!?:]{1,40}?)\s*:?$", re.IGNORECASE
)
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w&'’. -]{1,50}?)"
    r"(?:\.\s|\.$|,|\s+all rights reserved|$)",
    re.IGNORECASE,
)
TITLE_SUFFIX = re.compile(r"\s+\|\s+(?P<name>[^|]{2,40})$")
THANKS = re.compile(r"\b(?i:thanks for reading) (?P<name>[A-Z][^!.?]{1,40})[!.?]")
SUPPORT = re.compile(r"^support (?P<name>the [A-Z][\w ]{1,30}?)\W*$", re.IGNORECASE)
APP = re.compile(
    r"\b(?:download|get) (?:the )?(?P<name>[A-Z][\w&' ]{1,40}?)(?: news)? app\b", re.IGNORECASE
)
WIRE_SLASH = re.compile(r"/(?P<name>[A-Z][A-Za-z]{2,30})/\s*(?:--|[-–—])")
CORPORATE_SUFFIX = re.compile(
    r"[,\s]+(?:company|co|inc|ltd|llc|plc|group|corporation|corp|gmbh)\.?$", re.IGNORECASE
)
SOURCE_LINE = re.compile(
    r"^sources?\s*:\s*(?P<name>[A-Z][^,;]*?)(?:\s+and\s+.*|\s*[,;].*)?$", re.IGNORECASE
)
AGENCY_DATELINE = re.compile(r"^[A-Z][\w .,'’/-]{0,60}?\((?P<name>[A-Z][\w&. -]{1,30}?)\)\s*[-–—]")
NAMED_LEAD = re.compile(r"^(?P<name>[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,4})\s+[—–-]{1,2}\s+\S")
CREDIT_AGENCIES = re.compile(r"\((?P<names>[A-Z][\w.]+(?:\s*(?:,|/| and )\s*[A-Z][\w.]+)*)\)\s*$")
BYLINE_AGENCY = re.compile(r"^by\s+(?P<name>[A-Z][\w.]+)(?:\s+staff)?$", re.IGNORECASE)
KNOWN_AGENCY = re.compile(
    r"^(?:AP|AFP|Reuters|DPA|EFE|ANSA|Xinhua|TASS|Kyodo|PTI|IANS|Anadolu|UPI|Bloomberg)$"
)


def _from_lines(
    pattern: re.Pattern[str], *, reasons: set[str] | None = None
) -> Callable[..., str | None]:
    def find(units: Sequence[Unit], unit_reasons: Sequence[str | None]) -> str | None:
        for unit, reason in zip(units, unit_reasons, strict=True):
            if reasons is not None and reason not in reasons:
                continue
            match = pattern.search(unit.text)
            if match:
                return _tidy(match.group("name"))
        return None

    return find


def _named_lead(units: Sequence[Unit], reasons: Sequence[str | None]) -> str | None:
    index = first_prose(list(units), list(reasons), 0)
    if index == len(units):
        return None
    lead = units[index].text
    match = AGENCY_DATELINE.match(lead) or WIRE_SLASH.search(lead[:120])
    if match:
        return _tidy(match.group("name"))
    match = NAMED_LEAD.match(lead)
    if match and any(word.lower() in OUTLET_WORDS for word in match.group("name").split()[1:]):
        return _tidy(match.group("name"))
    return None


def _agency_credit(units: Sequence[Unit], reasons: Sequence[str | None]) -> str | None:
    for unit, reason in zip(units, reasons, strict=True):
        if reason in {"credit line", "byline"}:
            match = CREDIT_AGENCIES.search(unit.text) or BYLINE_AGENCY.match(unit.text)
            if match:
                names = match.groupdict().get("names") or match.group("name")
                first = re.split(r"\s*(?:,|/| and )\s*", names)[0]
                if KNOWN_AGENCY.match(first) or reason == "credit line":
                    return _tidy(first)
    return None


def _tidy(name: str) -> str:
    name = CORPORATE_SUFFIX.sub("", " ".join(name.strip(" .,:;–—-").split()))
    name = name.strip(" .,:;–—-")
    return "The" + name[3:] if name.startswith("the ") else name


# In order of trust: the site naming itself, then a dateline, then wire credits.
OUTLET_RULES: tuple[tuple[str, Callable[..., str | None]], ...] = (
    ("named in a skip link", _from_lines(SKIP_TO_SITES)),
    ("named in a 'More from' teaser heading", _from_lines(MORE_FROM, reasons={"teaser block"})),
    ("named in a newsletter prompt", _from_lines(THANKS, reasons={"newsletter prompt"})),
    ("named in the copyright notice", _from_lines(COPYRIGHT, reasons={"copyright notice"})),
    (
        "named in a reader appeal",
        _from_lines(SUPPORT, reasons={"newsletter prompt", "page footer"}),
    ),
    ("named in an app prompt", _from_lines(APP, reasons={"newsletter prompt"})),
    ("named in the lead's dateline", _named_lead),
    ("named in a source line", _from_lines(SOURCE_LINE, reasons={"credit line"})),
    ("named in the agency credit", _agency_credit),
)


def find_outlet(units: Sequence[Unit], reasons: Sequence[str | None]) -> tuple[str, str] | None:
    """The outlet's name and how it was found, or ``None`` when the text names none."""
    for how, rule in OUTLET_RULES:
        name = rule(units, reasons)
        if name:
            return name, how
    return None


def split_title_suffix(headline: str) -> tuple[str, str | None]:
    """``Headline | Outlet`` -> (``Headline``, ``Outlet``)."""
    match = TITLE_SUFFIX.search(headline)
    if not match:
        return headline, None
    return headline[: match.start()].strip(), _tidy(match.group("name"))
