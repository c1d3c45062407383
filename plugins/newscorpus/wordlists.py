"""Word lists the rules use, kept as text files in ``data/`` so users can extend them."""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def load_words(name: str) -> frozenset[str]:
    """The words of ``data/<name>``, lower-cased; ``#`` starts a comment."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        word.lower() for line in text.splitlines() for word in line.split("#", 1)[0].split()
    )


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """The non-empty lines of ``data/<name>`` as written; ``#`` starts a comment."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def more_given_names() -> frozenset[str]:
    """Given names from many countries (``data/first-names-more.txt``, written by
    ``bench/first_names.py``), less the words news uses otherwise
    (``data/not-first-names.txt``)."""
    return load_words("first-names-more.txt") - load_words("not-first-names.txt")


# Babel's codes for unions, not countries: the European Union, the eurozone, the UN.
UNIONS = frozenset({"EU", "EZ", "UN"})


@functools.cache
def country_names() -> frozenset[str]:
    """Countries' and territories' English names (Babel), case-folded; not unions."""
    from babel import Locale

    territories = Locale("en").territories
    return frozenset(
        name.casefold()
        for code, name in territories.items()
        if code.isalpha() and code not in UNIONS
    )
