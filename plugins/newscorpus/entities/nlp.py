"""The spaCy pipeline: the statistical English model plus our weapon-system rules."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import typing as t
from pathlib import Path

from ..settings import DEFAULTS
from ..wordlists import load_lines, load_words

if t.TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL: str = DEFAULTS["NEWS_SPACY_MODEL"]
# Bump when the rules (here, in entities.py or in dates.py) change what a
# cached extraction holds.
RULES_VERSION = "85"
# Named-entity recognition needs only its own layers; the tagger, parser and
# lemmatizer would triple the time and we split sentences ourselves.
# spaCy keeps "F-35A." whole (like "U.S."); these split the stop off.
DESIGNATOR_FULL_STOPS = [r"(?<=[0-9][A-Z])\.", r"(?<=[0-9][A-Z][A-Z])\."]
UNUSED_COMPONENTS = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


class ModelMissing(RuntimeError):
    """The spaCy model named by the ``NEWS_SPACY_MODEL`` setting is not installed."""


@functools.cache
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The named spaCy model with the weapon-system rules ahead of its recogniser."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=UNUSED_COMPONENTS)
    except OSError as error:
        raise ModelMissing(
            f"the spaCy model {model!r} is not installed. Run `make site` to install "
            f"the pinned model, or set NEWS_SPACY_MODEL in pelicanconf.py to an "
            f"installed English pipeline (e.g. 'en_core_web_sm')."
        ) from error
    split_designator_full_stops(nlp)
    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "validate": True},
    )
    ruler.add_patterns(weapon_patterns())
    return nlp


def split_designator_full_stops(nlp: Language) -> None:
    """End a sentence after ``F-35A.`` as after ``F-35.``: split the full stop off."""
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, *DESIGNATOR_FULL_STOPS]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def model_version(nlp: Language) -> str:
    """Names the model and rules, so cached results from another version are not reused."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}+rules{RULES_VERSION}"


def installed_version(model: str) -> str | None:
    """:func:`model_version` of an installed pipeline package, read from its ``meta.json``
    without importing spaCy (a rebuild from the cache needs the name, not the model)."""
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            meta = json.loads((Path(folder) / "meta.json").read_text("utf-8"))
            return f"{meta['lang']}_{meta['name']}-{meta['version']}+rules{RULES_VERSION}"
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return None


# The prefixes navies put before a ship's name, and the kinds of ship a class names.
SHIP_PREFIXES = ["USS", "USNS", "HMS", "HMCS", "HMAS", "HMNZS", "INS", "ROKS", "JS", "TCG", "FS"]
SHIP_NOUNS = [
    "destroyer", "destroyers", "frigate", "frigates", "carrier", "carriers", "submarine",
    "submarines", "cruiser", "cruisers", "corvette", "corvettes", "warship", "warships",
    "battleship", "battleships", "ship", "ships", "vessel", "vessels",
]  # fmt: skip


def designator_pattern() -> str:
    """A token regex for designators: ``S-400``, ``F-35A``, ``S-400s``, ``MiG-29K``, ``AK-47``."""
    prefixes = load_lines("designator-prefixes.txt")
    allowed = [re.escape(p) for p in prefixes if not p.startswith("!")]
    refused = [re.escape(p[1:]) for p in prefixes if p.startswith("!")]
    letters = "|".join(["[A-Z]{1,4}", *allowed])
    refuse = f"(?!(?:{'|'.join(refused)})-)" if refused else ""
    return f"^{refuse}(?:{letters})-[0-9]{{1,4}}(?:[A-Z]{{1,2}})?s?$"


def weapon_patterns() -> list[dict]:
    """EntityRuler patterns for designators and the named systems in ``weapon-names.txt``."""
    nouns = sorted(load_words("weapon-nouns.txt"))
    patterns: list[dict] = [
        {"label": "WEAPON", "pattern": [{"TEXT": {"REGEX": designator_pattern()}}]}
    ]
    # Warships: "USS Nimitz", "HMS Queen Elizabeth", "an Arleigh Burke-class destroyer".
    patterns.append(
        {
            "label": "WEAPON",
            "pattern": [{"TEXT": {"IN": SHIP_PREFIXES}}, {"IS_TITLE": True, "OP": "+"}],
        }
    )
    patterns.append(
        {
            "label": "WEAPON",
            "pattern": [
                {"IS_TITLE": True, "OP": "+"},
                {"TEXT": "-"},
                {"LOWER": "class"},
                {"LOWER": {"IN": SHIP_NOUNS}},
            ],
        }
    )
    for name in load_lines("weapon-names.txt"):
        words = name.split()
        tokens: list[dict] = [{"TEXT": word} for word in words]
        if len(words) == 1 and not name.isupper():
            # "Patriot" alone is a word; "Patriot missiles" is a weapon.
            tokens.append({"LOWER": {"IN": nouns}})
        patterns.append({"label": "WEAPON", "pattern": tokens})
        if len(words) == 1:
            plural = [{"TEXT": f"{name}s"}, *tokens[1:]]
            patterns.append({"label": "WEAPON", "pattern": plural})
    return patterns
