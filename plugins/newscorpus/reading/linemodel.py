"""A second opinion on each line, learned from real pages.

The cleaning rules decide by shape and position: a line before the headline is page
header, a line after the article's run of prose is page footer. On real pages the
article's own short lines often sit there (a lead set apart above the first
paragraph, a sign-off, a source line, a list at the end), and a sidebar's prose
sometimes sits inside the run. A logistic model over the same cues the rules read
(length, function words, sentence ends, the neighbours' shape, how far the line is
from the article's run, which rule removed it) weighs them all at once:

- a line removed *only for where it sits* (no rule recognised it as furniture) is
  kept when the model is confident it belongs to the article;
- a line the rules kept is removed when the model is confident it does not, with
  its own reason, unless the file shows no page furniture at all (a clean text).

The weights are in ``data/line-model.json``; ``bench/train_lines.py`` fits them on the
pages development set and prints the figures cross-validated by site.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import learned
from .language import length_in_words
from .learned import Logistic
from .shape import ends_sentence, is_headline_shaped, is_prose, words

if TYPE_CHECKING:
    from .clean import Cleaned

MODEL_FILE = learned.DATA / "line-model.json"
# Removal reasons that say only where a line sits, not what it is.
POSITIONAL = frozenset({"page header", "page footer"})
POSITION_KINDS = (
    "byline",
    "counter",
    "dateline",
    "keyword line",
    "page footer",
    "page header",
    "photo caption",
    "reader comments",
    "related headlines",
    "teaser block",
)
UNLIKE_ARTICLE = "page text (reads unlike the article)"
NEIGHBOURS = (-1, 1, -2, 2)
WINDOW = 5
RESTORE_MIN_WORDS = 3


@functools.cache
def load_model() -> Logistic | None:
    """The fitted model (thresholds ``keep above`` and ``drop below``), or None when the
    data file is missing or stale (the rules then decide alone)."""
    return learned.load(MODEL_FILE, FEATURE_NAMES)


FEATURE_NAMES: tuple[str, ...] = (
    "log length",
    "function-word share",
    "ends a sentence",
    "ends with a colon",
    "blank line before",
    "starts upper case",
    "starts lower case",
    "digit share",
    "headline-shaped",
    "holds an address",
    "kept by the rules",
    "furniture rule",
    *(f"removed as {kind}" for kind in POSITION_KINDS),
    "inside the article's run",
    "log distance from the run",
    "after the run",
    "before the run",
    "before the headline",
    *(
        f"line {offset:+d} {what}"
        for offset in NEIGHBOURS
        for what in ("log length", "ends a sentence", "kept", "furniture rule")
    ),
    "relative position",
    "log repeats on the page",
    "capitalised-word share",
    "kept share around",
    "furniture share around",
    "log mean length around",
    "joined lines",
)


def line_features(cleaned: Cleaned, rule_reasons: Sequence[str | None]) -> list[list[float]]:
    """The features of every unit, from the rules' verdicts (``cleaned.reasons``) and the
    single-line furniture rules' (``rule_reasons``)."""
    units, reasons = cleaned.units, cleaned.reasons
    count = len(units)
    texts = [unit.text for unit in units]
    lengths = [length_in_words(text) for text in texts]
    log_lengths = [math.log1p(length) for length in lengths]
    sentence_ends = [float(ends_sentence(text)) for text in texts]
    kept = [float(reason is None) for reason in reasons]
    ruled = [float(reason is not None) for reason in rule_reasons]
    repeats = Counter(" ".join(text.split()) for text in texts)
    language = cleaned.language
    headline = cleaned.headline_index
    rows = []
    for index, text in enumerate(texts):
        tokens = words(text)
        share = language.stopword_share(tokens) if language.stopwords else 0.0
        # How far outside the article's run (0 inside it).
        distance = max(index - cleaned.end, cleaned.start - index, 0)
        row = [
            log_lengths[index],
            share,
            sentence_ends[index],
            float(text.endswith(":")),
            float(units[index].blank_before),
            float(text[:1].isupper()),
            float(text[:1].islower()),
            sum(char.isdigit() for char in text) / max(len(text), 1),
            float(is_headline_shaped(text)),
            float("http" in text or "www." in text),
            kept[index],
            ruled[index],
            *(float(reasons[index] == kind) for kind in POSITION_KINDS),
            float(cleaned.start <= index < cleaned.end),
            math.log1p(distance),
            float(index >= cleaned.end),
            float(index < cleaned.start),
            float(headline is not None and index < headline),
        ]
        for offset in NEIGHBOURS:
            other = index + offset
            if 0 <= other < count:
                row += [log_lengths[other], sentence_ends[other], kept[other], ruled[other]]
            else:
                row += [0.0, 0.0, 0.0, 1.0]
        around = [i for i in range(max(0, index - WINDOW), min(count, index + WINDOW + 1))]
        around.remove(index)
        size = max(len(around), 1)
        row += [
            index / count,
            math.log1p(repeats[" ".join(text.split())] - 1),
            sum(token[:1].isupper() for token in tokens) / max(len(tokens), 1),
            sum(kept[i] for i in around) / size,
            sum(ruled[i] for i in around) / size,
            math.log1p(sum(lengths[i] for i in around) / size),
            float(len(units[index].line_numbers) > 1),
        ]
        rows.append(row)
    return rows


def restorable_line(cleaned: Cleaned, rule_reasons: Sequence[str | None], index: int) -> bool:
    """The model may keep a line the rules removed only for where it sits, and only a
    line of a few words: a lone number, date or word is never worth the risk."""
    return (
        cleaned.reasons[index] in POSITIONAL
        and rule_reasons[index] is None
        and length_in_words(cleaned.units[index].text) >= RESTORE_MIN_WORDS
    )


def droppable_line(cleaned: Cleaned, index: int) -> bool:
    """The model may remove a kept line unless it is a paragraph of the article's run of
    prose (the rules' surest finding) or a piece of a sentence kept around it (a link's
    text, cut from its paragraph by the scraper)."""
    units, reasons = cleaned.units, cleaned.reasons
    if cleaned.start <= index < cleaned.end and is_prose(units[index].text):
        return False
    if 0 < index < len(units) - 1 and reasons[index - 1] is None and reasons[index + 1] is None:
        before, text = units[index - 1].text, units[index].text
        return not (before[-1:].islower() or before.endswith(",") or text[:1].islower())
    return True


def review(cleaned: Cleaned, rule_reasons: Sequence[str | None]) -> None:
    """Overrule the rules where the model is confident (see the module's docstring)."""
    model = load_model()
    if model is None or not cleaned.units:
        return
    shows_page = any(reason is not None for reason in cleaned.reasons)
    if not shows_page:
        return
    keep_above, drop_below = model.thresholds["keep above"], model.thresholds["drop below"]
    verdicts = []
    for index, features in enumerate(line_features(cleaned, rule_reasons)):
        reason = cleaned.reasons[index]
        if index == cleaned.headline_index:
            verdicts.append(reason)
            continue
        probability = model.probability(features)
        if restorable_line(cleaned, rule_reasons, index):
            verdicts.append(None if probability > keep_above else reason)
        elif reason is None and probability < drop_below and droppable_line(cleaned, index):
            verdicts.append(UNLIKE_ARTICLE)
        else:
            verdicts.append(reason)
    cleaned.reasons[:] = verdicts
