"""The shape of a line of text: words, sentence ends, headline- or prose-likeness."""

from __future__ import annotations

import functools
import re

WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
# A sentence ends with . ! ? … optionally followed by closing quotes and brackets (German
# quotes close with “ and ‘, French ones with », Swiss ones with «). CJK full stops and
# marks (。！？) end sentences too, before or after their closing quote.
TERMINAL = re.compile(r"[.!?…。！？][\"'”’“‘»«)\]」』）]*$|[\"”’“»«」』][.!?。！？]$")
# The wire services whose credit a paragraph or a byline may carry.
AGENCIES = r"AP|AFP|Reuters|DPA|dpa|EFE|ANSA|Xinhua|TASS|Kyodo|PTI|IANS|Anadolu|UPI|Bloomberg"
# A wire service's credit closing a paragraph: "… on Tuesday. — AFP", "… said. (Reuters)".
TRAILING_CREDIT = re.compile(rf"(?<=[.!?”\"])\s*(?:[-–—]+\s*|\()(?P<name>{AGENCIES})\)?$")
CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
CLOSING_COLON = re.compile(r":\s*$")


def words(text: str) -> list[str]:
    """The words of a text, hyphenated and apostrophised words kept whole."""
    return list(_words(text))


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """words, remembered: every rule asks for the words of the same lines."""
    return tuple(WORD.findall(text))


def word_count(text: str) -> int:
    return len(_words(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends the way a sentence ends (a wire credit after it, "… said.
    — AFP", changes nothing)."""
    return bool(TERMINAL.search(TRAILING_CREDIT.sub("", text.rstrip())))


def split_camel(text: str) -> str:
    """Undo words glued by a scraper: ``standardsDiscussion`` -> ``standards Discussion``."""
    return CAMEL_JOIN.sub(" ", text)


def is_prose(text: str) -> bool:
    """A paragraph of running text: a finished sentence of some length, or long."""
    count = word_count(text)
    return count >= 30 or (count >= 7 and ends_sentence(text))


def is_headline_shaped(text: str) -> bool:
    """A title-like line: a few words, starts with a capital or digit, no full stop."""
    stripped = text.strip().strip("\"'“”‘’")
    count = word_count(stripped)
    if not 3 <= count <= 25 or not stripped[:1].isupper() and not stripped[:1].isdigit():
        return False
    return not stripped.endswith((".", ":", ";", ","))


def introduces_list(text: str) -> bool:
    """True for a line ending with a colon, e.g. ``The measures include:``."""
    return bool(CLOSING_COLON.search(text))
