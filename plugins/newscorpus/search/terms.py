"""How text becomes search terms, with the same rules the browser applies to a query.

The index is split on whitespace only (lunr's default separator also splits on hyphens,
which would turn "S-400" into "s" and "400"). Each word then goes through
:func:`split_term`, which ``theme/search/`` implements again as the lunr.js
pipeline function ``newsTerms``:

- lower case, curly apostrophes made straight, dashes and slashes split the word;
- Latin letters lose their accents and marks (``Erdoğan`` = ``erdogan``, ``Türkiye`` =
  ``turkiye``, ``Łódź`` = ``lodz``, ``straße`` = ``strasse``), so a query finds a name
  however it is spelt; other scripts are left as they are (a Japanese voiced mark is a
  different letter, not an accent);
- a hyphen between a letter and a digit joins: ``S-400``, ``F-35A``, ``MiG-29K``,
  ``COVID-19`` stay one term, while ``well-known`` is two and ``2019-05-18`` three;
- leading and trailing characters that are not letters or digits go, and so does a
  possessive ``'s`` ("Erdogan's" → "erdogan", "S-400's" → "s-400").

After this the lunr stop-word filter and :func:`newscorpus.search.stemmer.stem` (lunr.js's
stemmer: "s-400s" → "s-400") finish the term.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lunr.stop_word_filter import WORDS as STOP_WORDS

from .stemmer import stem

# Characters that split a word; the first three are hyphens, which may join a designator.
HYPHENS = "-\u2010\u2011"
BREAKS = HYPHENS + "\u2012\u2013\u2014\u2015/\\|"
BREAK_RE = re.compile("([" + re.escape(BREAKS) + "])")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
POSSESSIVE = "'s"
# Latin letters with marks (Latin-1 Supplement to Latin Extended-B, Latin Extended
# Additional), and the few whose base letter is no decomposition away.
MARKED_LATIN = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
UNMARKED = {
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
}


def _unmarked(match: re.Match[str]) -> str:
    letter = match.group()
    if letter in UNMARKED:
        return UNMARKED[letter]
    decomposed = unicodedata.normalize("NFD", letter)
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))


def fold(text: str) -> str:
    """Lower case, Latin letters without their accents and marks (see the module's list)."""
    # "İ" lowers to "i" and a combining dot above, which goes too.
    return MARKED_LATIN.sub(_unmarked, text.lower().replace("\u0307", ""))


def words(text: str) -> list[str]:
    """Whitespace-separated words: the tokenizer both sides share."""
    return text.split()


def _trim(part: str) -> str:
    """``part`` without leading and trailing characters that are not letters or digits."""
    start, end = 0, len(part)
    while start < end and not part[start].isalnum():
        start += 1
    while end > start and not part[end - 1].isalnum():
        end -= 1
    return part[start:end]


def _finish(part: str) -> str:
    part = _trim(part)
    if part.endswith(POSSESSIVE):
        part = _trim(part[: -len(POSSESSIVE)])
    return part


@lru_cache(maxsize=200_000)
def split_term(word: str) -> tuple[str, ...]:
    """The terms one whitespace-free word gives (before stop words and stemming)."""
    pieces = BREAK_RE.split(fold(word).translate(APOSTROPHES))
    parts: list[str] = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        previous = parts[-1]
        if separator in HYPHENS and previous[-1:].isalpha() and piece[:1].isdecimal():
            parts[-1] = previous + "-" + piece
        else:
            parts.append(piece)
    return tuple(term for term in map(_finish, parts) if term)


def terms(text: str) -> list[str]:
    """Every term of ``text`` in order, before stop words and stemming."""
    return [term for word in words(text) for term in split_term(word)]


def content_terms(text: str) -> list[str]:
    """The indexed terms of ``text``: split, lunr's stop words dropped, stemmed."""
    return [stem(t) for word in words(text) for t in split_term(word) if t not in STOP_WORDS]
