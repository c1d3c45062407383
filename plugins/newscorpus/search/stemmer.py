"""The Porter stemmer exactly as lunr.js 2.3.9 runs it, for indexes built in Python.

The search index is built with lunr.py and queried with lunr.js. Both ship a Porter
stemmer, but lunr.py's follows Martin Porter's C reference and treats ``y`` differently
("boy" → "boi", "attorneys" → "attornei") while lunr.js leaves those words alone, so about
one word in fifty of a news corpus would be indexed under a stem that no query reaches.
This module follows lunr.js's regular-expression implementation line for line instead;
``tests/test_search_terms.py`` checks it against lunr.js itself over the seeds' words.
"""

from __future__ import annotations

import re
from functools import lru_cache

STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence

MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")  # [C]VC[V] is m=1
MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem

RE_1A = re.compile(r"^(.+?)(ss|i)es$")
RE2_1A = re.compile(r"^(.+?)([^s])s$")
RE_1B = re.compile(r"^(.+?)eed$")
RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
RE_1B_2 = re.compile(r".$")
RE2_1B_2 = re.compile(r"(at|bl|iz)$")
RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
RE_1C = re.compile(r"^(.+?[^aeiou])y$")
RE_2 = re.compile("^(.+?)(" + "|".join(STEP2) + ")$")
RE_3 = re.compile("^(.+?)(" + "|".join(STEP3) + ")$")
RE_4 = re.compile(
    r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$"
)
RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
RE_5 = re.compile(r"^(.+?)e$")
RE_5_1 = re.compile(r"ll$")
RE3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """JavaScript's ``RegExp.test``/``exec``: a match anywhere (the patterns anchor themselves)."""
    return pattern.search(text)


def _drop_last(word: str) -> str:
    """``w.replace(/.$/, "")``: the last character (that is not a line break) goes."""
    return RE_1B_2.sub("", word, count=1)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem lunr.js gives ``word`` (already lower-cased)."""
    if len(word.encode("utf-16-le")) < 6:  # JavaScript counts UTF-16 code units
        return word
    first = word[0]
    if first == "y":
        word = "Y" + word[1:]

    # Step 1a
    if (match := _search(RE_1A, word)) or (match := _search(RE2_1A, word)):
        word = match.group(1) + match.group(2)

    # Step 1b
    if match := _search(RE_1B, word):
        if _search(MGR0, match.group(1)):
            word = _drop_last(word)
    elif match := _search(RE2_1B, word):
        base = match.group(1)
        if _search(S_V, base):
            word = base
            if _search(RE2_1B_2, word):
                word += "e"
            elif _search(RE3_1B_2, word):
                word = _drop_last(word)
            elif _search(RE4_1B_2, word):
                word += "e"

    # Step 1c
    if match := _search(RE_1C, word):
        word = match.group(1) + "i"

    # Step 2
    if (match := _search(RE_2, word)) and _search(MGR0, match.group(1)):
        word = match.group(1) + STEP2[match.group(2)]

    # Step 3
    if (match := _search(RE_3, word)) and _search(MGR0, match.group(1)):
        word = match.group(1) + STEP3[match.group(2)]

    # Step 4
    if match := _search(RE_4, word):
        if _search(MGR1, match.group(1)):
            word = match.group(1)
    elif match := _search(RE2_4, word):
        base = match.group(1) + match.group(2)
        if _search(MGR1, base):
            word = base

    # Step 5
    if match := _search(RE_5, word):
        base = match.group(1)
        if _search(MGR1, base) or (_search(MEQ1, base) and not _search(RE3_5, base)):
            word = base
    if _search(RE_5_1, word) and _search(MGR1, word):
        word = _drop_last(word)

    if first == "y":
        word = "y" + word[1:]
    return word
