"""Which language a page is written in, as far as the cleaner needs to know.

The cleaner judges a line partly by how much of it is function words ("the",
"und", "que"): running text is full of them, menus and teasers are not. The
function-word lists are jusText's stoplists (100 languages, made for exactly
this); the page's language is the list its words hit most. Scripts written
without spaces (Chinese, Japanese, Thai) have no such lists: their lines are
judged by length and sentence marks alone.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import justext

from .shape import words

# Enough of a page to tell its language; more only costs time.
SAMPLE_WORDS = 4000
# A page whose best list covers fewer of its words than this is of no known language.
MIN_COVERAGE = 0.12
UNSPACED_SCRIPT = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f]"
)
# Unspaced scripts: about two characters to a word.
CHARACTERS_PER_WORD = 2


@dataclass(frozen=True, slots=True)
class Language:
    """A page's language: its name, function words, and whether it is written unspaced."""

    name: str
    stopwords: frozenset[str]
    unspaced: bool = False

    def stopword_share(self, tokens: list[str]) -> float:
        """The share of ``tokens`` that are function words (0 for an unspaced script)."""
        if not tokens or not self.stopwords:
            return 0.0
        return sum(token.lower() in self.stopwords for token in tokens) / len(tokens)


UNKNOWN = Language("unknown", frozenset())


@functools.cache
def _index() -> dict[str, tuple[str, ...]]:
    """Each function word, and the languages whose list holds it."""
    languages: dict[str, list[str]] = {}
    for name in sorted(justext.get_stoplists()):
        for word in justext.get_stoplist(name):
            languages.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in languages.items()}


@functools.cache
def _stopwords(name: str) -> frozenset[str]:
    return frozenset(justext.get_stoplist(name))


def detect(lines: Iterable[str]) -> Language:
    """The language of a page's lines; :data:`UNKNOWN` when no list fits."""
    tokens: list[str] = []
    unspaced = spaced = 0
    for line in lines:
        unspaced += len(UNSPACED_SCRIPT.findall(line))
        line_tokens = words(line)
        spaced += len(line_tokens)
        tokens.extend(token.lower() for token in line_tokens)
        if len(tokens) >= SAMPLE_WORDS:
            break
    if unspaced >= spaced:
        return Language("unspaced", frozenset(), unspaced=True)
    index = _index()
    hits: Counter[str] = Counter()
    for token, count in Counter(tokens).items():
        for name in index.get(token, ()):
            hits[name] += count
    if not hits:
        return UNKNOWN
    # Ties go to the alphabetically first list, so the choice is deterministic.
    name, count = min(hits.items(), key=lambda item: (-item[1], item[0]))
    if count < MIN_COVERAGE * len(tokens):
        return UNKNOWN
    return Language(name, _stopwords(name))


def function_word_share(
    lines: Iterable[str], name: str, sample: int = SAMPLE_WORDS
) -> tuple[float, int]:
    """The share of the lines' first ``sample`` words that are function words of the
    language ``name`` ("English"), and how many words were counted."""
    stopwords = _stopwords(name)
    tokens: list[str] = []
    for line in lines:
        tokens.extend(token.lower() for token in words(line))
        if len(tokens) >= sample:
            tokens = tokens[:sample]
            break
    share = sum(token in stopwords for token in tokens) / len(tokens) if tokens else 0.0
    return share, len(tokens)


def length_in_words(text: str) -> int:
    """Words in a line; unspaced scripts count about two characters a word."""
    unspaced = len(UNSPACED_SCRIPT.findall(text))
    if not unspaced:
        return len(words(text))
    spaced = len(words(UNSPACED_SCRIPT.sub(" ", text)))
    return spaced + unspaced // CHARACTERS_PER_WORD
