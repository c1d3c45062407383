"""A small rule-based sentence splitter for summaries and derived headlines."""

from __future__ import annotations

import re

from .wordlists import load_words

ABBREVIATIONS = load_words("abbreviations.txt")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences, not after abbreviations or initials."""
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start()].rstrip("\"'”’)]")
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        token = last_word.rstrip(".").lower()
        if token in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)+", last_word):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def shorten(text: str, max_words: int) -> str:
    """Cut text to at most ``max_words`` words at a word boundary, with an ellipsis."""
    tokens = text.split()
    if len(tokens) <= max_words:
        return text.strip()
    return " ".join(tokens[:max_words]).rstrip(",;:–—-") + "…"
