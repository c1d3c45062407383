"""A small rule-based sentence splitter for summaries and derived headlines."""

from __future__ import annotations

import re

from ..wordlists import load_words
from .language import CHARACTERS_PER_WORD, UNSPACED_SCRIPT, length_in_words

ABBREVIATIONS = load_words("abbreviations.txt")
INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
# A full stop, then a space and a capital; or a CJK full stop, which needs neither.
SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=[。！？])[」』”’）)]*\s*(?=\S)"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence, not splitting after abbreviations or initials."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start()].rstrip("\"'”’)]")
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        if is_abbreviation(last_word):
            continue
        spans.append(strip_span(text, start, match.start() + len(match.group().rstrip())))
        start = match.end()
    if text[start:].strip():
        spans.append(strip_span(text, start, len(text)))
    return [span for span in spans if span[0] < span[1]]


def is_abbreviation(word: str) -> bool:
    """A word whose full stop ends no sentence: an abbreviation ("Gen.", "Mr."), an initial
    or initials ("J.", "U.S.")."""
    return word.rstrip(".").lower() in ABBREVIATIONS or bool(INITIALS.fullmatch(word))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences, not after abbreviations or initials."""
    return [text[start:end] for start, end in sentence_spans(text)]


def shorten(text: str, max_words: int) -> str:
    """Cut text to at most ``max_words`` words at a word boundary, with an ellipsis."""
    tokens = text.split()
    if length_in_words(text) <= max_words:
        return text.strip()
    if len(tokens) <= max_words:
        # Unspaced script (Chinese, Japanese): cut at about as many words' worth of characters.
        kept, room = [], max_words * CHARACTERS_PER_WORD
        for char in text.strip():
            room -= 1 if UNSPACED_SCRIPT.match(char) else 0.5
            if room < 0:
                break
            kept.append(char)
        return "".join(kept).rstrip("，、,;:–—-") + "…"
    return " ".join(tokens[:max_words]).rstrip(",;:–—-") + "…"
