"""Direct quotations: who said what, and the same quote across articles.

:func:`find_quotes` reads the quotations of one cleaned body:

- double quotes, straight or curly, and curly single quotes (a ``’`` followed by a letter
  is an apostrophe, not a closing mark); single quotes inside double quotes stay part of
  the quotation;
- a quotation may run over several sentences, and over paragraphs when, as newspapers
  do, the paragraph ends without a closing mark and the next opens with one;
- a quotation of fewer than ``MIN_WORDS`` words is a phrase in quotes, not a quote;
- an opening mark that never closes starts no quote (bad input loses nothing else).

The speaker comes from the attribution around it ("…,” Erdogan said; he told…; X was
quoted as saying “…”): a person named there, or, for "he", "she" or "the Turkish
president", the person named last before the quote. A quotation right after an
attributed one, with no attribution of its own, continues it.

:func:`match_quotes` groups the same quote across articles: verbatim, truncated or
lightly edited (quote marks, punctuation, insertions in brackets and ellipses do not
count), when the content words of the shorter one are nearly all in the longer one.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..search.terms import content_terms
from .groups import Groups

MIN_WORDS = 4
CONTAINED = 0.7  # of the shorter quote's content words, found in the longer one
MIN_TERMS = 5  # shorter quotes match only verbatim
RAREST = 3  # a quote is compared with the quotes that share one of its rarest words

OPENERS = {"“": "”", '"': '"', "‘": "’"}
SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|stated|insisted|noted|declared|explained|warned|"
    r"stressed|asked|replied|wrote|argued|claimed|announced|continued|concluded|recalled|"
    r"quoted(?: \w+){0,6} as saying|reported(?: \w+){0,4} as saying|according to"
)
VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
ROLES = "president|minister|leader|chief|head|spokesman|spokeswoman|spokesperson|official"
PRONOUN = re.compile(rf"\b(?:he|she|the (?:[A-Z]?\w+ ){{0,3}}(?:{ROLES}))\b", re.IGNORECASE)
AFTER_WINDOW = 120
BEFORE_WINDOW = 160
BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")
ELLIPSIS = re.compile(r"…|\.\.\.")


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in a body: where, and the canonical name."""

    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quotation in one body; offsets are those of the text inside the marks."""

    text: str
    start: int
    end: int
    speaker: str | None
    attribution: str
    # The article paragraph that holds it (1 = first): its anchor on the page, "#p3".
    paragraph: int = 1


# --- finding quotes -----------------------------------------------------------------------


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quote marks, outermost pairs only."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENERS and _opens(text, i):
            end = _closing(text, i + 1, OPENERS[char])
            if end is not None:
                spans.append((i + 1, end))
                i = end + 1
                continue
        i += 1
    return spans


def _opens(text: str, i: int) -> bool:
    """A mark at ``i`` can open a quote: at the start, or after a space or opening bracket."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-:"


def _closing(text: str, start: int, closer: str) -> int | None:
    """Where the quote opened before ``start`` closes, across paragraphs newspaper-style."""
    i = start
    while i < len(text):
        char = text[i]
        if char == closer and (closer != "’" or not text[i + 1 : i + 2].isalpha()):
            return i
        if text.startswith("\n\n", i):
            # A paragraph ends inside the quote: it goes on only if the next one reopens it.
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            opener = next((o for o, c in OPENERS.items() if c == closer), closer)
            if j < len(text) and text[j] == opener:
                i = j + 1
                continue
            return None
        i += 1
    return None


def _clean(quoted: str) -> str:
    """The quotation without its trailing comma and without paragraph re-openings."""
    text = re.sub(r"\s*\n\s*[“\"‘]", " ", quoted)
    return " ".join(text.split()).rstrip(",;: ")


def find_quotes(text: str, persons: Sequence[PersonMention] = ()) -> list[Quote]:
    """Every quotation of at least ``MIN_WORDS`` words in a body, with its speaker."""
    people = sorted(persons, key=lambda p: p.start)
    quotes: list[Quote] = []
    previous_end = -1
    previous_speaker: str | None = None
    for start, end in _spans(text):
        quoted = _clean(text[start:end])
        if len(quoted.split()) < MIN_WORDS:
            continue
        speaker, attribution = _attribute(text, start, end, people)
        if speaker is None and not attribution and previous_speaker is not None:
            between = text[previous_end:start]
            if between.count("\n\n") <= 1 and len(between) < 200:
                speaker, attribution = previous_speaker, "continues the previous quote"
        quotes.append(Quote(quoted, start, end, speaker, attribution))
        previous_end, previous_speaker = end + 1, speaker
    return quotes


def _attribute(
    text: str, start: int, end: int, people: Sequence[PersonMention]
) -> tuple[str | None, str]:
    """(speaker, attribution words) from the text just after, or else just before, a quote."""
    after_end = _sentence_end(text, end + 1, AFTER_WINDOW)
    after = text[end + 1 : after_end]
    if VERB.search(after):
        window = (end + 1, after_end)
    else:
        before_start = _sentence_start(text, start - 1, BEFORE_WINDOW)
        before = text[before_start : start - 1]
        if not VERB.search(before):
            return None, ""
        window = (before_start, start - 1)
    words = " ".join(text[window[0] : window[1]].split()).strip(" ,.:")
    named = [p for p in people if window[0] <= p.start < window[1]]
    if named:
        return named[0].name, words
    if PRONOUN.search(text[window[0] : window[1]]):
        earlier = [p for p in people if p.end <= start]
        if earlier:
            return earlier[-1].name, words
    return None, words


def _sentence_end(text: str, i: int, limit: int) -> int:
    """End of the sentence that runs on after a closing quote mark (at most ``limit``)."""
    stop = min(len(text), i + limit)
    match = re.search(r"[.!?](?:\s|$)|\n|[“\"‘]", text[i:stop])
    return i + match.start() if match else stop


def _sentence_start(text: str, i: int, limit: int) -> int:
    """Start of the sentence before an opening quote mark (at most ``limit`` back)."""
    begin = max(0, i - limit)
    chunk = text[begin:i]
    cut = max(chunk.rfind(". "), chunk.rfind("\n"), chunk.rfind("”"), chunk.rfind('"'))
    return begin + cut + 1 if cut >= 0 else begin


# --- matching quotes across articles -----------------------------------------------------


def quote_terms(text: str) -> tuple[str, ...]:
    """Content words of a quote in order, without insertions in brackets or ellipses."""
    return tuple(content_terms(ELLIPSIS.sub(" ", BRACKETED.sub(" ", text))))


def same_quote(a: Sequence[str], b: Sequence[str]) -> bool:
    """The same words (verbatim), or the shorter quote's content words nearly all in the
    longer one (as a set of words, and in the same order)."""
    if a == b:
        return bool(a)
    shorter = min(len(a), len(b))
    if shorter < MIN_TERMS:
        return False
    words_a, words_b = set(a), set(b)
    if len(words_a & words_b) < CONTAINED * min(len(words_a), len(words_b)):
        return False  # too few words in common, in any order
    blocks = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / shorter >= CONTAINED


def match_quotes(quotes: Sequence[tuple[str, str | None]]) -> list[list[int]]:
    """Groups of the same quote: indices into ``quotes`` (text, speaker), each group in
    input order, groups in order of their first quote. Quotes by two different known
    speakers are never the same."""
    terms = [quote_terms(text) for text, _ in quotes]
    holders: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(terms):
        for term in set(words):
            holders[term].append(i)
    groups = Groups(len(quotes))
    speakers = [{speaker} - {None} for _, speaker in quotes]  # per group representative
    for i, words in enumerate(terms):
        # Candidates share one of this quote's rarest words; the rest is checked in full.
        rarest = sorted(set(words), key=lambda t: (len(holders[t]), t))[:RAREST]
        candidates = {j for term in rarest for j in holders[term] if j > i}
        for j in sorted(candidates):
            a, b = groups.find(i), groups.find(j)
            if a == b or len(speakers[a] | speakers[b]) > 1:
                continue
            if same_quote(words, terms[j]):
                speakers[groups.join(a, b)] = speakers[a] | speakers[b]
    return groups.members()


def word_diff(base: str, variant: str) -> list[tuple[str, bool]]:
    """``variant`` as runs of words, each marked True where it differs from ``base``."""
    a, b = base.split(), variant.split()
    if a == b:  # most quotes are carried once, in one wording: nothing to compare
        return [(" ".join(b), False)] if b else []
    matcher = difflib.SequenceMatcher(a=[_plain(w) for w in a], b=[_plain(w) for w in b])
    runs: list[tuple[str, bool]] = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if j1 < j2:
            runs.append((" ".join(b[j1:j2]), tag != "equal"))
    return runs


def _plain(word: str) -> str:
    return re.sub(r"\W+", "", word.lower())
